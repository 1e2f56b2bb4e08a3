#include "validate_azure_ad_token.h"

#include <policy/run.h>

#include <cstdlib>

namespace gw::policy {

namespace {

constexpr std::string_view defaultAuthority = "https://login.microsoftonline.com";

std::string authority(const Compiler &compiler)
{
    std::string base;
    if (const model::Workspace *workspace = compiler.workspace()) {
        if (const model::NamedValue *named = workspace->findNamedValueByDisplayName("gatehouse-azure-ad-authority"))
            base = named->value.value_or(std::string());
    }
    if (base.empty()) {
        if (const char *environment = std::getenv("GATEHOUSE_AZURE_AD_AUTHORITY"))
            base = environment;
    }
    if (base.empty())
        base = defaultAuthority;
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    return base;
}

// The application ids of a list element (<client-application-ids>, <backend-application-ids>).
std::vector<std::string> applicationIds(const Element &list, Compiler &compiler, bool &unresolved)
{
    std::vector<std::string> ids;
    for (const Element &child : list.children) {
        if (child.name != "application-id") {
            compiler.error(child.range,
                           "'" + list.name + "' holds <application-id> elements, not <" + child.name + ">");
            continue;
        }
        Template id = compiler.text(child);
        if (!id.isLiteral()) {
            compiler.error(child.range, "an application id is a literal value, not a policy expression");
            continue;
        }
        if (!id.text().empty())
            ids.push_back(id.text());
        else if (child.text && !child.text->value.isExpression() &&
                 child.text->value.literal().find("{{") != std::string::npos)
            unresolved = true; // an unknown named value, already reported
    }
    return ids;
}

} // namespace

PolicyDescription ValidateAzureAdTokenPolicy::describe()
{
    return {
        .name = "validate-azure-ad-token",
        .sections = Inbound,
        .help = "Rejects the request unless it carries a valid Microsoft Entra ID token of the tenant.",
        .attributes = {{.name = "tenant-id",
                        .required = true,
                        .expressions = false,
                        .help =
                            "The Entra ID tenant (id or domain) whose tokens are accepted. Keys come from "
                            "https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys unless the named value "
                            "gatehouse-azure-ad-authority (or GATEHOUSE_AZURE_AD_AUTHORITY) names another authority."},
                       {.name = "header-name",
                        .help = "The header holding the token (default Authorization, Bearer scheme)."},
                       {.name = "query-parameter-name", .help = "The query parameter holding the token."},
                       {.name = "token-value", .help = "The token itself (an expression)."},
                       {.name = "failed-validation-httpcode",
                        .type = AttributeType::Integer,
                        .defaultValue = "401",
                        .help = "The status of the rejection."},
                       {.name = "failed-validation-error-message", .help = "The message of the rejection's body."},
                       {.name = "output-token-variable-name",
                        .expressions = false,
                        .help = "A variable that receives the validated token (a Jwt)."}},
        .children = {{.name = "client-application-ids",
                      .required = true,
                      .help = "<application-id>: the client applications (azp or appid) allowed to call."},
                     {.name = "backend-application-ids",
                      .help = "<application-id>: backend applications accepted as audience."},
                     {.name = "audiences", .help = "<audience>: accepted 'aud' values."},
                     {.name = "required-claims", .help = "<claim>: claims that must be present, with <value>s."},
                     {.name = "decryption-keys", .help = "Keys of encrypted tokens (not supported here)."}},
    };
}

std::shared_ptr<const Policy> ValidateAzureAdTokenPolicy::create(const Element &element, Compiler &compiler)
{
    JwtCheck check;
    if (!check.readCommonAttributes(element, compiler))
        return nullptr;
    check.requireExpirationTime = Template::literal("true");
    check.requireSignedTokens = Template::literal("true");
    check.clockSkew = Template::literal("0");
    check.clientApplicationsChecked = true;

    const std::string tenant = compiler.literal(element, "tenant-id");
    const Attribute *tenantAttribute = element.attribute("tenant-id");
    // Empty from an unknown named value: the compiler has said so already.
    if (tenant.empty() && !(tenantAttribute && !tenantAttribute->value.isExpression() &&
                            tenantAttribute->value.literal().find("{{") != std::string::npos))
        compiler.error(element.range, "'validate-azure-ad-token' needs a tenant-id");
    const std::string base = authority(compiler);
    check.issuers.push_back(Template::literal(base + "/" + tenant + "/v2.0"));
    check.issuers.push_back(Template::literal("https://sts.windows.net/" + tenant + "/"));
    check.keySources.push_back({Template::literal(base + "/" + tenant + "/discovery/v2.0/keys"), false});

    for (const Element &child : element.children) {
        if (child.name == "client-application-ids") {
            bool unresolved = false;
            check.clientApplicationIds = applicationIds(child, compiler, unresolved);
            if (check.clientApplicationIds.empty() && !unresolved)
                compiler.error(child.range, "'client-application-ids' needs at least one <application-id>");
        } else if (child.name == "backend-application-ids") {
            // A token for a backend application names it as its audience, by id or by its api:// URI.
            bool unresolved = false;
            for (const std::string &id : applicationIds(child, compiler, unresolved)) {
                check.audiences.push_back(Template::literal(id));
                check.audiences.push_back(Template::literal("api://" + id));
            }
        }
    }
    // audiences, required-claims and decryption-keys read as validate-jwt reads them.
    check.readChildren(element, compiler);
    check.prepare(compiler, element.range);
    return std::make_shared<ValidateAzureAdTokenPolicy>(std::move(check));
}

Flow ValidateAzureAdTokenPolicy::apply(Run &run) const
{
    return m_check.apply(run);
}

} // namespace gw::policy
