#include "validator.h"

#include <algorithm>
#include <cmath>
#include <ctime>

namespace gw::jwt {

namespace {

Failure failure(Reason reason, std::string message)
{
    return Failure{reason, std::move(message)};
}

// APIM puts the identity library's words first and its own verdict after them.
Failure denied(Reason reason, std::string message)
{
    return Failure{reason, std::move(message) + " Access denied."};
}

std::string isoTime(double seconds)
{
    const std::time_t time = static_cast<std::time_t>(std::floor(seconds));
    std::tm parts{};
    gmtime_r(&time, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

double secondsOf(std::chrono::system_clock::time_point time)
{
    return std::chrono::duration<double>(time.time_since_epoch()).count();
}

std::string joined(const std::vector<std::string> &values, std::string_view separator = ", ")
{
    std::string out;
    for (const auto &value : values) {
        if (!out.empty())
            out += separator;
        out += value;
    }
    return out;
}

std::string withoutTrailingSlash(std::string_view text)
{
    if (!text.empty() && text.back() == '/')
        text.remove_suffix(1);
    return std::string(text);
}

// A claim's values as text: each element of an array, a string split at the separator, or the value itself.
std::vector<std::string> claimValues(const nlohmann::json &claim, const std::string &separator)
{
    std::vector<std::string> values;
    const auto add = [&](const nlohmann::json &value) {
        if (!value.is_string()) {
            values.push_back(value.dump());
            return;
        }
        const std::string text = value.get<std::string>();
        if (separator.empty()) {
            values.push_back(text);
            return;
        }
        std::size_t start = 0;
        while (true) {
            const auto end = text.find(separator, start);
            values.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
            if (end == std::string::npos)
                break;
            start = end + separator.size();
        }
    };
    if (claim.is_array()) {
        for (const auto &element : claim)
            add(element);
    } else {
        add(claim);
    }
    return values;
}

std::string claimText(const nlohmann::json &claim)
{
    return claim.is_string() ? claim.get<std::string>() : claim.dump();
}

bool knownAlgorithm(std::string_view alg)
{
    static constexpr std::string_view known[] = {"HS256", "HS384", "HS512", "RS256", "RS384", "RS512",
                                                 "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"};
    return std::find(std::begin(known), std::end(known), alg) != std::end(known);
}

bool fitsAlgorithm(const Key &key, std::string_view alg)
{
    if (!key.algorithm().empty() && key.algorithm() != alg)
        return false;
    if (key.use() == "enc")
        return false;
    const std::string_view family = alg.substr(0, 2);
    switch (key.kind()) {
    case KeyKind::Symmetric:
        return family == "HS";
    case KeyKind::Rsa:
        return family == "RS" || family == "PS";
    case KeyKind::Ec:
        return family == "ES";
    }
    return false;
}

} // namespace

std::string_view toString(Reason reason)
{
    switch (reason) {
    case Reason::TokenNotPresent:
        return "TokenNotPresent";
    case Reason::JwtInvalid:
        return "JwtInvalid";
    case Reason::TokenSignatureInvalid:
        return "TokenSignatureInvalid";
    case Reason::TokenSignatureKeyNotFound:
        return "TokenSignatureKeyNotFound";
    case Reason::TokenExpired:
        return "TokenExpired";
    case Reason::TokenAudienceNotAllowed:
        return "TokenAudienceNotAllowed";
    case Reason::TokenIssuerNotAllowed:
        return "TokenIssuerNotAllowed";
    case Reason::TokenClaimNotFound:
        return "TokenClaimNotFound";
    case Reason::TokenClaimValueNotAllowed:
        return "TokenClaimValueNotAllowed";
    }
    return "JwtInvalid";
}

Result<Token> parseCompact(std::string_view compact)
{
    const auto dots = std::count(compact.begin(), compact.end(), '.');
    if (dots == 4)
        return Error{"JWT is encrypted (JWE); encrypted tokens are not supported."};
    if (dots != 2)
        return Error{"JWT is not well formed: a signed token has three parts separated by dots."};
    const auto first = compact.find('.');
    const auto second = compact.find('.', first + 1);
    auto header = decodeBase64Url(compact.substr(0, first));
    auto payload = decodeBase64Url(compact.substr(first + 1, second - first - 1));
    auto signature = decodeBase64Url(compact.substr(second + 1));
    if (!header || !payload || !signature || first == 0)
        return Error{"JWT is not well formed: its parts must be Base64url."};
    Token token;
    token.header = nlohmann::json::parse(*header, nullptr, false);
    if (token.header.is_discarded() || !token.header.is_object())
        return Error{"JWT is not well formed: its header is not a JSON object."};
    const auto alg = token.header.find("alg");
    if (alg == token.header.end() || !alg->is_string())
        return Error{"JWT is not well formed: its header has no 'alg'."};
    token.algorithm = alg->get<std::string>();
    if (const auto kid = token.header.find("kid"); kid != token.header.end() && kid->is_string())
        token.keyId = kid->get<std::string>();
    token.payload = std::move(*payload);
    token.signature = std::move(*signature);
    token.signingInput = std::string(compact.substr(0, second));
    if (token.algorithm == "none" && !token.signature.empty())
        return Error{"JWT is not well formed: an unsigned token (alg none) carries a signature."};
    return token;
}

std::optional<Failure> checkSignature(const Token &token, std::span<const Key> keys, bool requireSigned)
{
    if (token.algorithm == "none") {
        if (!requireSigned)
            return std::nullopt;
        return denied(Reason::TokenSignatureInvalid,
                      "Unable to validate signature, token does not have a signature (alg none).");
    }
    if (!knownAlgorithm(token.algorithm))
        return denied(Reason::TokenSignatureInvalid,
                      "Signature validation failed: the algorithm '" + token.algorithm + "' is not supported.");
    if (token.signature.empty())
        return denied(Reason::TokenSignatureInvalid, "Signature validation failed: the token has no signature.");
    if (keys.empty())
        return denied(Reason::TokenSignatureInvalid,
                      "Signature validation failed: no security keys were provided to validate the signature.");

    // APIM matches kid against the keys that carry ids and tries the keys without ids in turn.
    std::vector<const Key *> candidates;
    bool anyIdentified = false;
    if (!token.keyId.empty()) {
        for (const Key &key : keys) {
            anyIdentified = anyIdentified || !key.id().empty();
            if (key.id() == token.keyId)
                candidates.push_back(&key);
        }
    }
    if (candidates.empty()) {
        for (const Key &key : keys) {
            if (token.keyId.empty() || key.id().empty())
                candidates.push_back(&key);
        }
    }
    if (candidates.empty() && anyIdentified)
        return denied(Reason::TokenSignatureKeyNotFound,
                      "Signature validation failed. Unable to match key: kid: '" + token.keyId + "'.");

    std::size_t tried = 0;
    for (const Key *key : candidates) {
        if (!fitsAlgorithm(*key, token.algorithm))
            continue;
        ++tried;
        const Verification result = key->verify(token.algorithm, token.signingInput, token.signature);
        if (result == Verification::Valid)
            return std::nullopt;
    }
    if (tried == 0)
        return denied(Reason::TokenSignatureInvalid,
                      "Signature validation failed: no key of the type the algorithm '" + token.algorithm + "' needs.");
    return denied(Reason::TokenSignatureInvalid, "Signature validation failed.");
}

Validator::Validator(ValidatorOptions options) : m_options(std::move(options))
{
}

Validation Validator::validate(std::string_view compact, std::chrono::system_clock::time_point now,
                               std::span<const Key> moreKeys) const
{
    Validation result;
    if (compact.empty()) {
        result.failure = failure(Reason::TokenNotPresent, "JWT not present.");
        return result;
    }
    auto token = parseCompact(compact);
    if (!token) {
        result.failure = failure(Reason::JwtInvalid, token.error().message);
        return result;
    }
    nlohmann::json claims = nlohmann::json::parse(token->payload, nullptr, false);
    if (claims.is_discarded() || !claims.is_object()) {
        result.failure = failure(Reason::JwtInvalid, "JWT is not well formed: its payload is not a JSON object.");
        return result;
    }

    std::optional<Failure> problem;
    if (moreKeys.empty()) {
        problem = checkSignature(token.value(), m_options.keys, m_options.requireSignedTokens);
    } else {
        std::vector<Key> all = m_options.keys;
        all.insert(all.end(), moreKeys.begin(), moreKeys.end());
        problem = checkSignature(token.value(), all, m_options.requireSignedTokens);
    }
    if (!problem)
        problem = checkLifetime(claims, now);
    if (!problem)
        problem = checkAudience(claims);
    if (!problem)
        problem = checkIssuer(claims);
    if (!problem)
        problem = checkClaims(claims);
    if (problem) {
        result.failure = std::move(*problem);
        return result;
    }
    result.token = ValidToken{std::move(token.value()), std::move(claims)};
    return result;
}

std::optional<Failure> Validator::checkLifetime(const nlohmann::json &claims,
                                                std::chrono::system_clock::time_point now) const
{
    const double current = secondsOf(now);
    const double skew = static_cast<double>(m_options.clockSkew.count());
    const auto exp = claims.find("exp");
    if (exp != claims.end() && !exp->is_number())
        return failure(Reason::JwtInvalid, "JWT is not well formed: 'exp' is not a number.");
    const auto nbf = claims.find("nbf");
    if (nbf != claims.end() && !nbf->is_number())
        return failure(Reason::JwtInvalid, "JWT is not well formed: 'nbf' is not a number.");
    if (exp == claims.end()) {
        if (m_options.requireExpirationTime)
            return failure(Reason::JwtInvalid, "Lifetime validation failed. The token is missing an Expiration Time.");
    } else if (exp->get<double>() < current - skew) {
        return denied(Reason::TokenExpired, "Lifetime validation failed. The token is expired. ValidTo: '" +
                                                isoTime(exp->get<double>()) + "', Current time: '" + isoTime(current) +
                                                "'.");
    }
    if (nbf != claims.end() && nbf->get<double>() > current + skew)
        return failure(Reason::JwtInvalid, "Lifetime validation failed. The token is not yet valid. ValidFrom: '" +
                                               isoTime(nbf->get<double>()) + "', Current time: '" + isoTime(current) +
                                               "'.");
    return std::nullopt;
}

std::optional<Failure> Validator::checkAudience(const nlohmann::json &claims) const
{
    if (m_options.audiences.empty())
        return std::nullopt;
    std::vector<std::string> audiences;
    if (const auto aud = claims.find("aud"); aud != claims.end()) {
        if (aud->is_string()) {
            audiences.push_back(aud->get<std::string>());
        } else if (aud->is_array()) {
            for (const auto &entry : *aud) {
                if (entry.is_string())
                    audiences.push_back(entry.get<std::string>());
            }
        }
    }
    for (const auto &audience : audiences) {
        for (const auto &allowed : m_options.audiences) {
            if (withoutTrailingSlash(audience) == withoutTrailingSlash(allowed))
                return std::nullopt;
        }
    }
    return denied(Reason::TokenAudienceNotAllowed, "Audience validation failed. Audiences: '" + joined(audiences) +
                                                       "'. Did not match: validationParameters.ValidAudiences: '" +
                                                       joined(m_options.audiences) + "'.");
}

std::optional<Failure> Validator::checkIssuer(const nlohmann::json &claims) const
{
    if (m_options.issuers.empty())
        return std::nullopt;
    const auto iss = claims.find("iss");
    const std::string issuer = iss != claims.end() && iss->is_string() ? iss->get<std::string>() : std::string();
    if (!issuer.empty() &&
        std::find(m_options.issuers.begin(), m_options.issuers.end(), issuer) != m_options.issuers.end())
        return std::nullopt;
    return denied(Reason::TokenIssuerNotAllowed, "Issuer validation failed. Issuer: '" + issuer +
                                                     "'. Did not match: validationParameters.ValidIssuers: '" +
                                                     joined(m_options.issuers) + "'.");
}

std::optional<Failure> Validator::checkClaims(const nlohmann::json &claims) const
{
    std::vector<std::string> missing;
    for (const RequiredClaim &required : m_options.claims) {
        if (!claims.contains(required.name))
            missing.push_back(required.name);
    }
    if (!missing.empty())
        return denied(Reason::TokenClaimNotFound,
                      "JWT token is missing the following claims: " + joined(missing) + ".");
    for (const RequiredClaim &required : m_options.claims) {
        if (required.values.empty())
            continue;
        const nlohmann::json &claim = claims.at(required.name);
        const std::vector<std::string> present = claimValues(claim, required.separator);
        const auto has = [&](const std::string &value) {
            return std::find(present.begin(), present.end(), value) != present.end();
        };
        const bool allowed = required.match == RequiredClaim::Match::Any
                                 ? std::any_of(required.values.begin(), required.values.end(), has)
                                 : std::all_of(required.values.begin(), required.values.end(), has);
        if (!allowed)
            return denied(Reason::TokenClaimValueNotAllowed,
                          "Claim " + required.name + " value of " + claimText(claim) + " is not allowed.");
    }
    return std::nullopt;
}

} // namespace gw::jwt
