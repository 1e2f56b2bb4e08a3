#include "registry.h"

namespace gw::policy {

namespace {

PolicyDescription unavailable(std::string_view name, Sections sections, std::string_view needs)
{
    return PolicyDescription{.name = name, .sections = sections, .needs = needs};
}

} // namespace

// APIM's policies that this gateway does not run, and what each would need. They compile with a warning and are
// skipped (a trace shows it), so that real workspaces load and the rest of their policies run.
std::vector<PolicyDescription> unavailablePolicies()
{
    constexpr std::string_view notYet = "a part of the gateway that is not built yet";
    // The parts of GraphQL resolvers, met on their own in documentation snippets.
    constexpr std::string_view resolver = "a GraphQL resolver (cosmosdb-, sql- or http-data-source)";
    return {
        unavailable("azure-openai-emit-token-metric", Inbound, "Application Insights"),
        unavailable("azure-openai-semantic-cache-lookup", Inbound, "an Azure OpenAI embeddings backend and Redis"),
        unavailable("azure-openai-semantic-cache-store", Outbound, "an Azure OpenAI embeddings backend and Redis"),
        unavailable("azure-openai-token-limit", Inbound, notYet),
        unavailable("connection-info", AllSections, resolver),
        unavailable("cosmosdb-data-source", AllSections, "Azure Cosmos DB (GraphQL resolvers)"),
        unavailable("cross-domain", Inbound, notYet),
        unavailable("delete-request", AllSections, resolver),
        unavailable("get-authorization-context", Inbound, "Azure API Management credential manager"),
        unavailable("http-data-source", AllSections, "GraphQL resolvers (not built yet)"),
        unavailable("http-request", AllSections, resolver),
        unavailable("http-response", AllSections, resolver),
        unavailable("invoke-dapr-binding", Inbound | Outbound | OnError, "a Dapr sidecar"),
        unavailable("jsonp", Outbound, notYet),
        unavailable("llm-content-safety", Inbound, "Azure AI Content Safety"),
        unavailable("llm-emit-token-metric", Inbound, "Application Insights"),
        unavailable("llm-semantic-cache-lookup", Inbound, "an embeddings backend and Redis"),
        unavailable("llm-semantic-cache-store", Outbound, "an embeddings backend and Redis"),
        unavailable("llm-token-limit", Inbound, notYet),
        unavailable("proxy", Inbound, "an HTTP proxy client (not built yet)"),
        unavailable("publish-event", AllSections, "GraphQL subscriptions"),
        unavailable("publish-to-dapr", Inbound, "a Dapr sidecar"),
        unavailable("query-request", AllSections, resolver),
        unavailable("read-request", AllSections, resolver),
        unavailable("redirect-content-urls", Inbound | Outbound, notYet),
        unavailable("send-service-bus-message", Inbound | Outbound | OnError, "Azure Service Bus"),
        unavailable("set-graphql-resolver", AllSections, "GraphQL resolvers (retired in APIM)"),
        unavailable("sql-data-source", AllSections, "Azure SQL (GraphQL resolvers)"),
        unavailable("validate-graphql-request", Inbound, "GraphQL validation"),
        unavailable("validate-odata-request", Inbound, "OData validation"),
        unavailable("write-request", AllSections, resolver),
        unavailable("xsl-transform", Inbound | Outbound, "an XSLT 1.0 processor"),
    };
}

} // namespace gw::policy
