#include "authentication_managed_identity.h"

#include <identity/token_cache.h>
#include <policy/run.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <ctime>

namespace gw::policy {

namespace {

constexpr std::chrono::seconds fetchTimeout{30};
// A token endpoint that says nothing of the lifetime: an hour, what Entra ID gives.
constexpr std::chrono::seconds defaultLifetime{3600};

// A setting of the local token provider: the named value (its display name) first, then the environment variable.
std::string setting(const Compiler &compiler, const std::string &namedValue, const char *environment)
{
    if (const model::Workspace *workspace = compiler.workspace()) {
        if (const model::NamedValue *named = workspace->findNamedValueByDisplayName(namedValue);
            named && named->value && !named->value->empty())
            return *named->value;
    }
    const char *value = std::getenv(environment);
    return value ? value : "";
}

std::string formEncode(std::string_view text)
{
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += digits[byte >> 4];
            out += digits[byte & 15];
        }
    }
    return out;
}

// expires_in (seconds from now) or expires_on (Unix time), as numbers or strings; nullopt when neither is there.
std::optional<std::chrono::seconds> lifetime(const nlohmann::json &answer)
{
    const auto number = [&](const char *name) -> std::optional<std::int64_t> {
        const auto found = answer.find(name);
        if (found == answer.end())
            return std::nullopt;
        if (found->is_number())
            return found->get<std::int64_t>();
        if (found->is_string()) {
            char *end = nullptr;
            const std::string text = found->get<std::string>();
            const long long value = std::strtoll(text.c_str(), &end, 10);
            if (end && *end == '\0' && !text.empty())
                return value;
        }
        return std::nullopt;
    };
    if (auto in = number("expires_in"))
        return std::chrono::seconds(*in);
    if (auto on = number("expires_on"))
        return std::chrono::seconds(*on - static_cast<std::int64_t>(std::time(nullptr)));
    return std::nullopt;
}

} // namespace

PolicyDescription AuthenticationManagedIdentityPolicy::describe()
{
    return {
        .name = "authentication-managed-identity",
        .sections = Inbound,
        .help = "Gets an access token for a resource from the local token provider (standing in for the managed "
                "identity) and sends it to the backend as Authorization: Bearer.",
        .attributes = {{.name = "resource",
                        .required = true,
                        .help = "The application ID URI of the target (https://management.azure.com/); the token "
                                "is asked for scope <resource>/.default."},
                       {.name = "client-id",
                        .expressions = false,
                        .help = "A user-assigned identity's client ID; absent: the system-assigned identity."},
                       {.name = "output-token-variable-name",
                        .expressions = false,
                        .help = "Put the token (a string) in this variable instead of the Authorization header."},
                       {.name = "ignore-error",
                        .type = AttributeType::Boolean,
                        .expressions = false,
                        .defaultValue = "false",
                        .help = "Go on without a token when none can be obtained."}},
    };
}

std::shared_ptr<const Policy> AuthenticationManagedIdentityPolicy::create(const Element &element, Compiler &compiler)
{
    Config config;
    auto resource = compiler.attribute(element, "resource");
    auto ignoreError = compiler.attribute(element, "ignore-error");
    if (!resource || !ignoreError)
        return nullptr;
    config.resource = std::move(*resource);
    config.ignoreError = ignoreError->text() == "true";
    config.clientId = compiler.literal(element, "client-id");
    config.variable = compiler.literal(element, "output-token-variable-name");
    Provider &provider = config.provider;
    provider.staticToken = setting(compiler, "gatehouse-managed-identity-token", "GATEHOUSE_MANAGED_IDENTITY_TOKEN");
    provider.tokenUrl =
        setting(compiler, "gatehouse-managed-identity-token-url", "GATEHOUSE_MANAGED_IDENTITY_TOKEN_URL");
    provider.clientId =
        setting(compiler, "gatehouse-managed-identity-client-id", "GATEHOUSE_MANAGED_IDENTITY_CLIENT_ID");
    provider.clientSecret =
        setting(compiler, "gatehouse-managed-identity-client-secret", "GATEHOUSE_MANAGED_IDENTITY_CLIENT_SECRET");
    if (provider.staticToken.empty() && provider.tokenUrl.empty())
        compiler.warning(
            element.range,
            "no local token provider is configured: set GATEHOUSE_MANAGED_IDENTITY_TOKEN (or the named "
            "value gatehouse-managed-identity-token), or a token endpoint with "
            "GATEHOUSE_MANAGED_IDENTITY_TOKEN_URL, _CLIENT_ID and _CLIENT_SECRET; requests fail until then");
    return std::make_shared<AuthenticationManagedIdentityPolicy>(std::move(config));
}

Flow AuthenticationManagedIdentityPolicy::use(Run &run, const std::string &token) const
{
    if (!m_config.variable.empty()) {
        run.context().variables.insert_or_assign(m_config.variable, expr::makeString(token));
        if (run.tracing())
            run.note("variable " + m_config.variable + " = (access token)");
        return Flow::Continue;
    }
    run.request().headers.set("Authorization", "Bearer " + token);
    // A credential: the trace names the header, never the token.
    if (run.tracing())
        run.note("request header Authorization: set (Bearer, managed identity)");
    return Flow::Continue;
}

Flow AuthenticationManagedIdentityPolicy::failed(Run &run, const std::string &resource, const std::string &detail) const
{
    const std::string message =
        "Could not obtain a managed identity access token for resource '" + resource + "': " + detail;
    if (m_config.ignoreError) {
        if (run.tracing())
            run.traceMessage(message + " (ignored: ignore-error)");
        return Flow::Continue;
    }
    return run.fail("ManagedIdentityTokenNotAcquired", message, 500, "Internal server error");
}

Flow AuthenticationManagedIdentityPolicy::apply(Run &run) const
{
    auto resource = run.text(m_config.resource);
    if (!resource)
        return Flow::Fail;
    const Provider &provider = m_config.provider;
    if (!provider.staticToken.empty())
        return use(run, provider.staticToken);
    if (provider.tokenUrl.empty())
        return failed(run, *resource,
                      "no local token provider is configured (GATEHOUSE_MANAGED_IDENTITY_TOKEN or "
                      "GATEHOUSE_MANAGED_IDENTITY_TOKEN_URL)");
    const std::string clientId = m_config.clientId.empty() ? provider.clientId : m_config.clientId;
    const std::string key = clientId + "\n" + provider.tokenUrl + "\n" + *resource;
    identity::TokenCache &cache = run.services().tokens();
    if (auto token = cache.find(key, identity::TokenCache::Clock::now()))
        return use(run, *token);
    // send-request applies its parts without waiting: a token that must be fetched cannot be waited for there.
    if (&run.request() != &run.context().request)
        return failed(run, *resource,
                      "inside send-request only a cached or static token can be used; the token "
                      "endpoint was not called yet");

    std::string scope = *resource;
    while (!scope.empty() && scope.back() == '/')
        scope.pop_back();
    scope += "/.default";
    http::BackendRequest request;
    request.url = provider.tokenUrl;
    request.method = "POST";
    request.headers.set("Content-Type", "application/x-www-form-urlencoded");
    request.headers.set("Accept", "application/json");
    request.body = "grant_type=client_credentials&client_id=" + formEncode(clientId) +
                   "&client_secret=" + formEncode(provider.clientSecret) + "&scope=" + formEncode(scope);
    request.timeout = fetchTimeout;
    if (run.tracing())
        run.note("fetching an access token: POST " + provider.tokenUrl + " (scope " + scope + ")");
    return run.send(std::move(request), [this, resource = *resource, key](Run &run, http::BackendResult result) {
        return received(run, resource, key, std::move(result));
    });
}

Flow AuthenticationManagedIdentityPolicy::received(Run &run, const std::string &resource, const std::string &key,
                                                   http::BackendResult result) const
{
    if (result.outcome != http::BackendResult::Outcome::Ok)
        return failed(run, resource, "the token endpoint cannot be reached: " + result.error);
    const auto answer = nlohmann::json::parse(result.response.body, nullptr, false);
    if (result.response.status != 200 || !answer.is_object() || !answer.contains("access_token") ||
        !answer["access_token"].is_string()) {
        std::string detail = "the token endpoint answered " + std::to_string(result.response.status);
        if (answer.is_object() && answer.contains("error") && answer["error"].is_string())
            detail += " (" + answer["error"].get<std::string>() + ")";
        return failed(run, resource, detail);
    }
    const std::string token = answer["access_token"].get<std::string>();
    run.services().tokens().store(key, token, lifetime(answer).value_or(defaultLifetime),
                                  identity::TokenCache::Clock::now());
    return use(run, token);
}

} // namespace gw::policy
