#include "validate_jwt.h"

#include <jwt/key_cache.h>
#include <policy/run.h>

#include <algorithm>
#include <charconv>
#include <functional>

namespace gw::policy {

namespace {

constexpr std::chrono::seconds fetchTimeout{30};

// How a template becomes text: at compile time only literals are known; at run time the run evaluates.
using Evaluate = std::function<std::optional<std::string>(const Template &)>;
using KeyError = std::function<void(const SourceRange &, const std::string &)>;

std::optional<bool> parseBoolean(const std::string &text)
{
    if (http::equalsIgnoringCase(text, "true"))
        return true;
    if (http::equalsIgnoringCase(text, "false"))
        return false;
    return std::nullopt;
}

std::optional<std::int64_t> parseInteger(const std::string &text)
{
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::string trimmed(std::string_view text)
{
    const auto start = text.find_first_not_of(" \t");
    if (start == std::string_view::npos)
        return {};
    const auto end = text.find_last_not_of(" \t");
    return std::string(text.substr(start, end - start + 1));
}

// The validator's settings from the check's templates; nullopt when a value could not be evaluated (the run has
// then failed) or is not of its type (reported through `keyError` with the attribute's meaning).
std::optional<jwt::ValidatorOptions> buildOptions(const JwtCheck &check, const Evaluate &evaluate,
                                                  const KeyError &problem)
{
    jwt::ValidatorOptions options;
    auto expiration = evaluate(check.requireExpirationTime);
    auto signedTokens = evaluate(check.requireSignedTokens);
    auto skew = evaluate(check.clockSkew);
    if (!expiration || !signedTokens || !skew)
        return std::nullopt;
    const auto expirationValue = parseBoolean(*expiration);
    const auto signedValue = parseBoolean(*signedTokens);
    const auto skewValue = parseInteger(*skew);
    if (!expirationValue || !signedValue || !skewValue || *skewValue < 0) {
        problem({}, "require-expiration-time and require-signed-tokens must be true or false, clock-skew a number of "
                    "seconds");
        return std::nullopt;
    }
    options.requireExpirationTime = *expirationValue;
    options.requireSignedTokens = *signedValue;
    options.clockSkew = std::chrono::seconds(*skewValue);

    for (const JwtCheck::KeyTemplate &written : check.keys) {
        std::optional<std::string> id;
        if (written.id && !(id = evaluate(*written.id)))
            return std::nullopt;
        std::vector<jwt::Key> made;
        if (written.modulus) {
            auto n = evaluate(*written.modulus);
            auto e = evaluate(*written.exponent);
            if (!n || !e)
                return std::nullopt;
            auto key = jwt::Key::rsa(*n, *e);
            if (!key) {
                problem(written.range, "the RSA key (n, e) is not usable: " + key.error().message);
                continue;
            }
            made.push_back(std::move(key.value()));
        } else if (written.text) {
            auto text = evaluate(*written.text);
            if (!text)
                return std::nullopt;
            auto keys = jwt::Key::fromText(*text);
            if (!keys) {
                problem(written.range, "the signing key is not usable: " + keys.error().message);
                continue;
            }
            made = std::move(keys.value());
        }
        for (jwt::Key &key : made) {
            if (id && !id->empty())
                key.setId(*id);
            options.keys.push_back(std::move(key));
        }
    }
    const auto texts = [&](const std::vector<Template> &templates, std::vector<std::string> &out) {
        for (const Template &value : templates) {
            auto text = evaluate(value);
            if (!text)
                return false;
            out.push_back(std::move(*text));
        }
        return true;
    };
    if (!texts(check.issuers, options.issuers) || !texts(check.audiences, options.audiences))
        return std::nullopt;
    for (const JwtCheck::ClaimTemplate &written : check.claims) {
        jwt::RequiredClaim claim{written.name, written.match, written.separator, {}};
        if (!texts(written.values, claim.values))
            return std::nullopt;
        options.claims.push_back(std::move(claim));
    }
    return options;
}

bool allLiteral(const JwtCheck &check)
{
    const auto literal = [](const Template &value) { return value.isLiteral(); };
    const auto optionalLiteral = [](const std::optional<Template> &value) { return !value || value->isLiteral(); };
    if (!check.requireExpirationTime.isLiteral() || !check.requireSignedTokens.isLiteral() ||
        !check.clockSkew.isLiteral())
        return false;
    for (const auto &key : check.keys) {
        if (!optionalLiteral(key.text) || !optionalLiteral(key.modulus) || !optionalLiteral(key.exponent) ||
            !optionalLiteral(key.id))
            return false;
    }
    if (!std::all_of(check.issuers.begin(), check.issuers.end(), literal) ||
        !std::all_of(check.audiences.begin(), check.audiences.end(), literal))
        return false;
    for (const auto &claim : check.claims) {
        if (!std::all_of(claim.values.begin(), claim.values.end(), literal))
            return false;
    }
    return true;
}

// Attributes of a child element that the description of the policy does not cover.
void checkAttributes(const Element &element, std::initializer_list<std::string_view> allowed, Compiler &compiler)
{
    for (const Attribute &attribute : element.attributes) {
        if (std::find(allowed.begin(), allowed.end(), attribute.name) == allowed.end()) {
            std::string valid;
            for (std::string_view name : allowed)
                valid += (valid.empty() ? "" : ", ") + std::string(name);
            compiler.error(attribute.nameRange, "'" + element.name + "' has no attribute '" + attribute.name + "'" +
                                                    (valid.empty() ? "" : " (valid: " + valid + ")"));
        }
    }
}

// The children of a list element (<issuers>, <audiences>, ...): all named `childName`.
std::vector<const Element *> listItems(const Element &list, std::string_view childName, Compiler &compiler)
{
    std::vector<const Element *> items;
    for (const Element &child : list.children) {
        if (child.name != childName) {
            compiler.error(child.range, "'" + list.name + "' holds <" + std::string(childName) + "> elements, not <" +
                                            child.name + ">");
            continue;
        }
        items.push_back(&child);
    }
    return items;
}

} // namespace

struct JwtCheck::Attempt {
    std::string token;
    std::shared_ptr<const jwt::Validator> validator;
    std::vector<std::string> urls;
    std::vector<bool> discovery;
    std::vector<bool> fetch;
    std::size_t next = 0;
    bool refetched = false;
};

bool JwtCheck::readCommonAttributes(const Element &element, Compiler &compiler)
{
    int sources = 0;
    for (const auto &[attribute, kind] :
         {std::pair{"header-name", Source::Header}, std::pair{"query-parameter-name", Source::Query},
          std::pair{"token-value", Source::Value}}) {
        if (auto value = compiler.attribute(element, attribute)) {
            ++sources;
            source = kind;
            sourceName = std::move(*value);
        }
    }
    if (sources > 1)
        compiler.error(element.range,
                       "'" + element.name + "' takes one of header-name, query-parameter-name and token-value");
    if (sources == 0)
        sourceName = Template::literal("Authorization");
    requireScheme = compiler.attribute(element, "require-scheme");
    if (!requireScheme && source == Source::Header && sourceName.isLiteral() &&
        http::equalsIgnoringCase(sourceName.text(), "Authorization"))
        requireScheme = Template::literal("Bearer");
    auto failedStatus = compiler.attribute(element, "failed-validation-httpcode");
    if (!failedStatus)
        return false;
    status = std::move(*failedStatus);
    errorMessage = compiler.attribute(element, "failed-validation-error-message");
    outputVariable = compiler.literal(element, "output-token-variable-name");
    return true; // two token sources are an error, reported; the rest is still checked
}

void JwtCheck::readChildren(const Element &element, Compiler &compiler)
{
    for (const Element &child : element.children) {
        if (child.name == "openid-config") {
            checkAttributes(child, {"url"}, compiler);
            auto url = compiler.attribute(child, "url");
            if (!url) {
                compiler.error(child.range, "'openid-config' needs the attribute 'url'");
                continue;
            }
            keySources.push_back({std::move(*url), true});
        } else if (child.name == "issuer-signing-keys") {
            checkAttributes(child, {}, compiler);
            for (const Element *item : listItems(child, "key", compiler)) {
                checkAttributes(*item, {"id", "certificate-id", "n", "e"}, compiler);
                KeyTemplate key;
                key.range = item->range;
                key.id = compiler.attribute(*item, "id");
                if (item->attribute("certificate-id")) {
                    compiler.warning(item->range, "'certificate-id' names a certificate of the API Management "
                                                  "instance, which this gateway does not hold: the key is ignored "
                                                  "(put the certificate's PEM or Base64 DER in the key's text)");
                    continue;
                }
                if (item->attribute("n") || item->attribute("e")) {
                    key.modulus = compiler.attribute(*item, "n");
                    key.exponent = compiler.attribute(*item, "e");
                    if (!key.modulus || !key.exponent) {
                        compiler.error(item->range, "an RSA key needs both 'n' (modulus) and 'e' (exponent)");
                        continue;
                    }
                } else if (item->text) {
                    key.text = compiler.text(*item);
                    // An unknown named value (checked without its workspace) was already reported and left empty.
                    if (key.text->isLiteral() && key.text->text().empty() && !item->text->value.isExpression() &&
                        item->text->value.literal().find("{{") != std::string::npos)
                        continue;
                } else {
                    compiler.error(item->range, "a <key> holds a Base64 key, or has 'n' and 'e', or 'certificate-id'");
                    continue;
                }
                keys.push_back(std::move(key));
            }
        } else if (child.name == "decryption-keys") {
            compiler.warning(child.range, "encrypted tokens (JWE) are not supported: 'decryption-keys' is ignored");
        } else if (child.name == "audiences") {
            checkAttributes(child, {}, compiler);
            for (const Element *item : listItems(child, "audience", compiler))
                audiences.push_back(compiler.text(*item));
        } else if (child.name == "issuers") {
            checkAttributes(child, {}, compiler);
            for (const Element *item : listItems(child, "issuer", compiler))
                issuers.push_back(compiler.text(*item));
        } else if (child.name == "required-claims") {
            checkAttributes(child, {}, compiler);
            for (const Element *item : listItems(child, "claim", compiler)) {
                checkAttributes(*item, {"name", "match", "separator"}, compiler);
                ClaimTemplate claim;
                claim.name = compiler.literal(*item, "name");
                if (claim.name.empty())
                    compiler.error(item->range, "a required <claim> needs the attribute 'name'");
                const std::string match = compiler.literal(*item, "match");
                if (match == "any")
                    claim.match = jwt::RequiredClaim::Match::Any;
                else if (!match.empty() && match != "all")
                    compiler.error(item->range, "'match' must be all or any, not '" + match + "'");
                claim.separator = compiler.literal(*item, "separator");
                for (const Element *value : listItems(*item, "value", compiler))
                    claim.values.push_back(compiler.text(*value));
                claims.push_back(std::move(claim));
            }
        }
    }
}

void JwtCheck::prepare(Compiler &compiler, const SourceRange &range)
{
    const bool literal = allLiteral(*this);
    // Literal keys are checked now even when other values wait for the request.
    const Evaluate evaluate = [&](const Template &value) -> std::optional<std::string> {
        if (value.isLiteral())
            return value.text();
        return literal ? std::nullopt : std::optional<std::string>(std::string());
    };
    JwtCheck probe = *this;
    if (!literal) {
        // Only the keys are probed: their expressions stand for nothing yet.
        probe.issuers.clear();
        probe.audiences.clear();
        probe.claims.clear();
        probe.requireExpirationTime = Template::literal("true");
        probe.requireSignedTokens = Template::literal("true");
        probe.clockSkew = Template::literal("0");
        std::erase_if(probe.keys, [](const KeyTemplate &key) {
            return (key.text && !key.text->isLiteral()) || (key.modulus && !key.modulus->isLiteral()) ||
                   (key.exponent && !key.exponent->isLiteral()) || (key.id && !key.id->isLiteral());
        });
    }
    auto options = buildOptions(probe, evaluate, [&](const SourceRange &where, const std::string &message) {
        compiler.error(where.line ? where : range, message);
    });
    if (literal && options)
        validator = std::make_shared<const jwt::Validator>(std::move(*options));
}

std::shared_ptr<const jwt::Validator> JwtCheck::validatorFor(Run &run) const
{
    if (validator)
        return validator;
    bool failed = false;
    auto options = buildOptions(
        *this,
        [&](const Template &value) -> std::optional<std::string> {
            auto text = run.text(value);
            failed = failed || !text;
            return text;
        },
        [&](const SourceRange &, const std::string &message) {
            if (run.tracing())
                run.traceMessage(message);
        });
    if (!options) {
        if (!failed)
            run.fail("ExpressionValueEvaluationFailure",
                     "Expression evaluation failed. The token validation settings have values of the wrong type.", 500,
                     "Internal server error");
        return nullptr;
    }
    return std::make_shared<const jwt::Validator>(std::move(*options));
}

Flow JwtCheck::apply(Run &run) const
{
    std::optional<std::string> token;
    if (source == Source::Value) {
        token = run.text(sourceName);
        if (!token)
            return Flow::Fail;
    } else {
        auto name = run.text(sourceName);
        if (!name)
            return Flow::Fail;
        if (source == Source::Header) {
            token = run.context().request.headers.joined(*name);
        } else {
            for (const auto &[key, value] : run.context().request.url.query) {
                if (key == *name) {
                    token = value;
                    break;
                }
            }
        }
    }
    std::string value = trimmed(token.value_or(std::string()));
    if (requireScheme && !value.empty()) {
        auto scheme = run.text(*requireScheme);
        if (!scheme)
            return Flow::Fail;
        if (!scheme->empty()) {
            // "Bearer eyJ...": a value without the scheme has no token APIM would read.
            if (value.size() > scheme->size() && http::equalsIgnoringCase(value.substr(0, scheme->size()), *scheme) &&
                value[scheme->size()] == ' ')
                value = trimmed(std::string_view(value).substr(scheme->size() + 1));
            else
                value.clear();
        }
    }
    if (value.empty())
        return reject(run, jwt::Reason::TokenNotPresent, "JWT not present.");

    auto checker = validatorFor(run);
    if (!checker)
        return Flow::Fail;
    if (keySources.empty())
        return conclude(run, value, checker->validate(value, std::chrono::system_clock::now()));

    auto attempt = std::make_shared<Attempt>();
    attempt->token = std::move(value);
    attempt->validator = std::move(checker);
    const auto now = jwt::KeyCache::Clock::now();
    jwt::KeyCache &cache = run.services().jwtKeys();
    for (const KeySource &keySource : keySources) {
        auto url = run.text(keySource.url);
        if (!url)
            return Flow::Fail;
        attempt->fetch.push_back(cache.due(*url, now));
        attempt->urls.push_back(std::move(*url));
        attempt->discovery.push_back(keySource.discovery);
    }
    return fetchNext(run, attempt);
}

Flow JwtCheck::fetchNext(Run &run, const std::shared_ptr<Attempt> &attempt) const
{
    while (attempt->next < attempt->urls.size()) {
        const std::size_t index = attempt->next++;
        if (!attempt->fetch[index])
            continue;
        const std::string url = attempt->urls[index];
        run.services().jwtKeys().attempting(url, jwt::KeyCache::Clock::now());
        http::BackendRequest request;
        request.method = "GET";
        request.url = url;
        request.headers.set("Accept", "application/json");
        request.timeout = fetchTimeout;
        if (run.tracing())
            run.note("fetching signing keys: GET " + url);
        const bool discovery = attempt->discovery[index];
        // Keys go into the cache only once a JWK set is read; a failure leaves the old keys in place.
        const auto storeKeys = [url](Run &run, const http::BackendResult &result) {
            if (result.outcome != http::BackendResult::Outcome::Ok || result.response.status != 200) {
                if (run.tracing())
                    run.traceMessage("could not fetch the signing keys of " + url);
                return;
            }
            auto keys = jwt::parseJwks(result.response.body);
            if (!keys) {
                if (run.tracing())
                    run.traceMessage("the key set of " + url + " is not usable: " + keys.error().message);
                return;
            }
            run.services().jwtKeys().store(url, std::move(keys.value()), jwt::KeyCache::Clock::now());
        };
        if (!discovery) {
            return run.send(std::move(request), [this, attempt, storeKeys](Run &run, http::BackendResult result) {
                storeKeys(run, result);
                return fetchNext(run, attempt);
            });
        }
        return run.send(std::move(request), [this, attempt, storeKeys, url](Run &run, http::BackendResult result) {
            std::string jwksUri;
            if (result.outcome == http::BackendResult::Outcome::Ok && result.response.status == 200) {
                const auto document = nlohmann::json::parse(result.response.body, nullptr, false);
                if (document.is_object() && document.contains("jwks_uri") && document["jwks_uri"].is_string())
                    jwksUri = document["jwks_uri"].get<std::string>();
            }
            if (jwksUri.empty()) {
                if (run.tracing())
                    run.traceMessage("the OpenID configuration at " + url + " gave no jwks_uri");
                return fetchNext(run, attempt);
            }
            http::BackendRequest keysRequest;
            keysRequest.method = "GET";
            keysRequest.url = jwksUri;
            keysRequest.headers.set("Accept", "application/json");
            keysRequest.timeout = fetchTimeout;
            return run.send(std::move(keysRequest),
                            [this, attempt, storeKeys](Run &run, http::BackendResult keysResult) {
                                storeKeys(run, keysResult);
                                return fetchNext(run, attempt);
                            });
        });
    }
    return finish(run, attempt);
}

Flow JwtCheck::finish(Run &run, const std::shared_ptr<Attempt> &attempt) const
{
    jwt::KeyCache &cache = run.services().jwtKeys();
    std::vector<jwt::Key> fetched;
    for (const std::string &url : attempt->urls) {
        if (auto keys = cache.keys(url))
            fetched.insert(fetched.end(), keys->begin(), keys->end());
    }
    jwt::Validation validation =
        attempt->validator->validate(attempt->token, std::chrono::system_clock::now(), fetched);
    if (!validation.ok() && validation.failure.reason == jwt::Reason::TokenSignatureKeyNotFound &&
        !attempt->refetched) {
        // The issuer may have rolled its keys since they were fetched.
        const auto now = jwt::KeyCache::Clock::now();
        bool any = false;
        for (std::size_t i = 0; i < attempt->urls.size(); ++i) {
            attempt->fetch[i] = cache.mayRefetch(attempt->urls[i], now);
            any = any || attempt->fetch[i];
        }
        if (any) {
            attempt->refetched = true;
            attempt->next = 0;
            return fetchNext(run, attempt);
        }
    }
    return conclude(run, attempt->token, validation);
}

Flow JwtCheck::conclude(Run &run, const std::string &token, const jwt::Validation &validation) const
{
    if (!validation.ok())
        return reject(run, validation.failure.reason, validation.failure.message);
    if (clientApplicationsChecked) {
        const nlohmann::json &claims = validation.token->claims;
        std::string client;
        for (const char *name : {"azp", "appid"}) {
            if (auto it = claims.find(name); it != claims.end() && it->is_string()) {
                client = it->get<std::string>();
                break;
            }
        }
        if (std::find(clientApplicationIds.begin(), clientApplicationIds.end(), client) == clientApplicationIds.end()) {
            if (client.empty())
                return reject(run, jwt::Reason::TokenClaimNotFound,
                              "JWT token is missing the following claims: azp. Access denied.");
            return reject(run, jwt::Reason::TokenClaimValueNotAllowed,
                          "Claim azp value of " + client + " is not allowed. Access denied.");
        }
    }
    if (!outputVariable.empty()) {
        run.context().variables.insert_or_assign(outputVariable, expr::makeJwt(token));
        if (run.tracing())
            run.note("variable " + outputVariable + " = the validated token (Jwt)");
    }
    return Flow::Continue;
}

Flow JwtCheck::reject(Run &run, jwt::Reason reason, const std::string &message) const
{
    auto code = run.integer(status);
    if (!code)
        return Flow::Fail;
    std::optional<std::string> answer;
    if (errorMessage) {
        answer = run.text(*errorMessage);
        if (!answer)
            return Flow::Fail;
    }
    if (run.tracing())
        run.traceMessage(std::string(jwt::toString(reason)) + ": " + message);
    return run.fail(std::string(jwt::toString(reason)), message, static_cast<int>(*code), answer);
}

PolicyDescription ValidateJwtPolicy::describe()
{
    return {
        .name = "validate-jwt",
        .sections = Inbound,
        .help = "Rejects the request unless it carries a valid JSON Web Token (signature, lifetime, audience, issuer, "
                "claims).",
        .attributes =
            {{.name = "header-name",
              .help = "The header holding the token (default Authorization, with the Bearer scheme)."},
             {.name = "query-parameter-name", .help = "The query parameter holding the token."},
             {.name = "token-value", .help = "The token itself (an expression; without the 'Bearer ' prefix)."},
             {.name = "failed-validation-httpcode",
              .type = AttributeType::Integer,
              .defaultValue = "401",
              .help = "The status of the rejection."},
             {.name = "failed-validation-error-message",
              .help = "The message of the rejection's body (default: the reason in words, e.g. 'JWT not present.')."},
             {.name = "require-expiration-time",
              .type = AttributeType::Boolean,
              .defaultValue = "true",
              .help = "Tokens without 'exp' are refused."},
             {.name = "require-scheme",
              .help = "The authorization scheme before the token (default Bearer for the Authorization header)."},
             {.name = "require-signed-tokens",
              .type = AttributeType::Boolean,
              .defaultValue = "true",
              .help = "Unsigned tokens (alg none) are refused."},
             {.name = "clock-skew",
              .type = AttributeType::Integer,
              .defaultValue = "0",
              .help = "Seconds of tolerance on 'exp' and 'nbf'."},
             {.name = "output-token-variable-name",
              .expressions = false,
              .help = "A variable that receives the validated token (a Jwt)."}},
        .children = {{.name = "openid-config",
                      .repeated = true,
                      .help = "url: an OpenID configuration whose JWK set signs the tokens (fetched, cached ~1 h)."},
                     {.name = "issuer-signing-keys",
                      .help = "<key>: a Base64 symmetric key, a PEM or Base64 DER certificate or public key, a JWK, "
                              "or n and e of an RSA key; id matches the token's kid."},
                     {.name = "decryption-keys", .help = "Keys of encrypted tokens (not supported here)."},
                     {.name = "audiences", .help = "<audience>: accepted 'aud' values (any one)."},
                     {.name = "issuers", .help = "<issuer>: accepted 'iss' values."},
                     {.name = "required-claims",
                      .help = "<claim name= match=all|any separator=>: claims that must be present, with <value>s."}},
    };
}

std::shared_ptr<const Policy> ValidateJwtPolicy::create(const Element &element, Compiler &compiler)
{
    JwtCheck check;
    if (!check.readCommonAttributes(element, compiler))
        return nullptr;
    auto expiration = compiler.attribute(element, "require-expiration-time");
    auto signedTokens = compiler.attribute(element, "require-signed-tokens");
    auto skew = compiler.attribute(element, "clock-skew");
    if (!expiration || !signedTokens || !skew)
        return nullptr;
    check.requireExpirationTime = std::move(*expiration);
    check.requireSignedTokens = std::move(*signedTokens);
    check.clockSkew = std::move(*skew);
    check.readChildren(element, compiler);
    check.prepare(compiler, element.range);
    return std::make_shared<ValidateJwtPolicy>(std::move(check));
}

Flow ValidateJwtPolicy::apply(Run &run) const
{
    return m_check.apply(run);
}

} // namespace gw::policy
