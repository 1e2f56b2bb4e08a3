#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

#include <optional>
#include <string>

namespace gw::http {
struct BackendResult;
}

namespace gw::policy {

// <authentication-managed-identity resource="..." client-id="..." output-token-variable-name="..."
// ignore-error="false"/>: gets an access token for `resource` and sets Authorization: Bearer <token> on the backend
// request (or puts the token in the variable). There is no Azure managed identity here: a local token provider
// stands in, configured by named values or environment variables (read when the policy compiles):
//   1. a static token for every resource: gatehouse-managed-identity-token / GATEHOUSE_MANAGED_IDENTITY_TOKEN;
//   2. an OAuth2 client-credentials call to a token endpoint: ...-token-url, ...-client-id, ...-client-secret
//      (GATEHOUSE_MANAGED_IDENTITY_TOKEN_URL, _CLIENT_ID, _CLIENT_SECRET), scope <resource>/.default; tokens are
//      cached in Services (identity::TokenCache) until shortly before they expire.
class AuthenticationManagedIdentityPolicy final : public Policy {
public:
    struct Provider {
        std::string staticToken;
        std::string tokenUrl;
        std::string clientId;
        std::string clientSecret;
    };
    struct Config {
        Template resource;
        std::string clientId; // the user-assigned identity; empty: the system-assigned one
        std::string variable; // output-token-variable-name
        bool ignoreError = false;
        Provider provider;
    };

    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    explicit AuthenticationManagedIdentityPolicy(Config config) : m_config(std::move(config)) {}

private:
    Flow use(Run &run, const std::string &token) const;
    Flow failed(Run &run, const std::string &resource, const std::string &detail) const;
    Flow received(Run &run, const std::string &resource, const std::string &key, http::BackendResult result) const;
    Config m_config;
};

} // namespace gw::policy
