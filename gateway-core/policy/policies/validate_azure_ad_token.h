#pragma once

#include <policy/compiler.h>
#include <policy/policies/validate_jwt.h>
#include <policy/policy.h>

namespace gw::policy {

// <validate-azure-ad-token tenant-id="contoso.onmicrosoft.com" header-name="Authorization">
//   <client-application-ids><application-id>...</application-id></client-application-ids>
//   <backend-application-ids>...</backend-application-ids> <audiences>...</audiences> <required-claims>...
// </validate-azure-ad-token>
//
// validate-jwt with Microsoft Entra ID's settings: the tenant's v1 and v2 issuers, its signing keys from
// {authority}/{tenant}/discovery/v2.0/keys, and azp/appid checked against the client application ids. The authority
// is https://login.microsoftonline.com unless the workspace has a named value `gatehouse-azure-ad-authority` (or the
// gateway's environment GATEHOUSE_AZURE_AD_AUTHORITY) naming another, e.g. a local identity provider for tests.
class ValidateAzureAdTokenPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    explicit ValidateAzureAdTokenPolicy(JwtCheck check) : m_check(std::move(check)) {}

private:
    JwtCheck m_check;
};

} // namespace gw::policy
