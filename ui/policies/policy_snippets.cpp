#include "policy_snippets.h"

#include <QCoreApplication>

namespace gh::policies {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gh::policies::PolicySnippets", text);
}

} // namespace

const std::vector<PolicySnippet> &policySnippets()
{
    static const std::vector<PolicySnippet> snippets{
        {QStringLiteral("rate-limit-by-key"), tr("Rate limit by key"),
         tr("At most 10 calls a minute per subscription (or per client address without one)."),
         QStringLiteral("inbound"),
         QStringLiteral("<rate-limit-by-key calls=\"10\" renewal-period=\"60\"\n"
                        "\tcounter-key=\"@(context.Subscription?.Id ?? context.Request.IpAddress)\"\n"
                        "\tincrement-condition=\"@(context.Response.StatusCode &lt; 400)\" />$0")},
        {QStringLiteral("validate-jwt"), tr("JWT validation"),
         tr("Rejects requests without a valid bearer token from your identity provider."), QStringLiteral("inbound"),
         QStringLiteral("<validate-jwt header-name=\"Authorization\" failed-validation-httpcode=\"401\"\n"
                        "\tfailed-validation-error-message=\"Unauthorized\" require-scheme=\"Bearer\">\n"
                        "\t<openid-config url=\"https://login.microsoftonline.com/{{tenant-id}}/v2.0/"
                        ".well-known/openid-configuration\" />\n"
                        "\t<audiences>\n"
                        "\t\t<audience>$0api://my-api</audience>\n"
                        "\t</audiences>\n"
                        "</validate-jwt>")},
        {QStringLiteral("cors"), tr("CORS"), tr("Lets browser applications from one origin call the API."),
         QStringLiteral("inbound"),
         QStringLiteral("<cors allow-credentials=\"false\">\n"
                        "\t<allowed-origins>\n"
                        "\t\t<origin>$0https://app.contoso.com</origin>\n"
                        "\t</allowed-origins>\n"
                        "\t<allowed-methods>\n"
                        "\t\t<method>GET</method>\n"
                        "\t\t<method>POST</method>\n"
                        "\t</allowed-methods>\n"
                        "\t<allowed-headers>\n"
                        "\t\t<header>*</header>\n"
                        "\t</allowed-headers>\n"
                        "</cors>")},
        {QStringLiteral("mock-response"), tr("Mock response"),
         tr("Answers from the operation's response example without calling the backend."), QStringLiteral("inbound"),
         QStringLiteral("<mock-response status-code=\"200\" content-type=\"application/json\" />$0")},
        {QStringLiteral("cache"), tr("Response cache"),
         tr("Serves repeated GET requests from the cache for an hour (cache-lookup inbound, cache-store outbound)."),
         QStringLiteral("inbound"),
         QStringLiteral("<cache-lookup vary-by-developer=\"false\" vary-by-developer-groups=\"false\" "
                        "downstream-caching-type=\"none\">\n"
                        "\t<vary-by-header>Accept</vary-by-header>\n"
                        "</cache-lookup>\n"
                        "<!-- and in <outbound>: <cache-store duration=\"3600\" /> -->$0")},
        {QStringLiteral("send-request-token"), tr("Send request with token caching"),
         tr("Fetches an access token once, keeps it in the cache until it expires and sends it to the backend."),
         QStringLiteral("inbound"),
         QStringLiteral("<cache-lookup-value key=\"backend-token\" variable-name=\"backend-token\" />\n"
                        "<choose>\n"
                        "\t<when condition=\"@(!context.Variables.ContainsKey(&quot;backend-token&quot;))\">\n"
                        "\t\t<send-request mode=\"new\" response-variable-name=\"token-response\" timeout=\"20\" "
                        "ignore-error=\"false\">\n"
                        "\t\t\t<set-url>$0https://login.contoso.com/oauth2/token</set-url>\n"
                        "\t\t\t<set-method>POST</set-method>\n"
                        "\t\t\t<set-header name=\"Content-Type\" exists-action=\"override\">\n"
                        "\t\t\t\t<value>application/x-www-form-urlencoded</value>\n"
                        "\t\t\t</set-header>\n"
                        "\t\t\t<set-body>@(\"grant_type=client_credentials&amp;client_id={{client-id}}&amp;"
                        "client_secret={{client-secret}}\")</set-body>\n"
                        "\t\t</send-request>\n"
                        "\t\t<set-variable name=\"backend-token\" "
                        "value=\"@((string)((IResponse)context.Variables[&quot;token-response&quot;])"
                        ".Body.As&lt;JObject&gt;()[&quot;access_token&quot;])\" />\n"
                        "\t\t<cache-store-value key=\"backend-token\" "
                        "value=\"@((string)context.Variables[&quot;backend-token&quot;])\" "
                        "duration=\"3000\" />\n"
                        "\t</when>\n"
                        "</choose>\n"
                        "<set-header name=\"Authorization\" exists-action=\"override\">\n"
                        "\t<value>@(\"Bearer \" + (string)context.Variables[\"backend-token\"])</value>\n"
                        "</set-header>")},
        {QStringLiteral("set-header"), tr("Set a header"), tr("Adds or replaces a request or response header."),
         QStringLiteral("inbound"),
         QStringLiteral("<set-header name=\"$0X-Header\" exists-action=\"override\">\n"
                        "\t<value>value</value>\n"
                        "</set-header>")},
        {QStringLiteral("choose"), tr("Condition"), tr("Runs policies only when a condition holds."),
         QStringLiteral("inbound"),
         QStringLiteral("<choose>\n"
                        "\t<when condition=\"@(context.Request.Method == &quot;GET&quot;)\">\n"
                        "\t\t$0\n"
                        "\t</when>\n"
                        "\t<otherwise>\n"
                        "\t</otherwise>\n"
                        "</choose>")},
    };
    return snippets;
}

} // namespace gh::policies
