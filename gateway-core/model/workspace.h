#pragma once

#include <model/api_contract.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gw::model {

// The workspace: what an APIOps artifacts folder describes (apiops-layout.md).
// Plain values, no I/O. An entity's `name` is its ARM name, which is also its
// folder name; display names live beside it. A JSON-backed property is an
// optional: absent in the file means absent here, so saving never adds what
// the file did not say. Objects the engine does not interpret are kept as JSON.
// References (apiVersionSetId, scope, loggerId, ...) are kept as written,
// relative or absolute; resolve them with refersTo().

using Json = nlohmann::ordered_json;
using OptString = std::optional<std::string>;
using OptBool = std::optional<bool>;

// A policy document, kept as the user's text (APIM raw XML, not well-formed).
struct PolicyText {
    std::string text;
};

struct OperationPolicy {
    std::string operation; // operations/<operation>/policy.xml
    PolicyText policy;
};

// A diagnostic setting (service or API level): diagnostics/<d>/diagnosticInformation.json.
struct DiagnosticSetting {
    std::string name;
    OptString loggerId;
    OptString alwaysLog;
    Json backend;
    Json frontend;
    OptString httpCorrelationProtocol;
    OptBool logClientIp;
    OptBool metrics;
    OptString operationNameFormat;
    Json sampling;
    OptString verbosity;
};

struct Release {
    std::string name;
    OptString apiId;
    OptString notes;
};

struct Api {
    std::string name; // "orders", or "orders;rev=2" for a non-current revision
    OptString path;
    OptString apiRevision;
    OptString apiRevisionDescription;
    OptString apiType;
    OptString apiVersion;
    OptString apiVersionDescription;
    Json apiVersionSet; // inline copy of the set, when the file has one
    OptString apiVersionSetId;
    Json authenticationSettings;
    Json contact;
    OptString description;
    OptString displayName;
    OptBool isCurrent;
    Json license;
    std::optional<std::vector<std::string>> protocols;
    OptString serviceUrl;
    OptString sourceApiId;
    OptString subscriptionKeyHeader; // subscriptionKeyParameterNames.header
    OptString subscriptionKeyQuery;  // subscriptionKeyParameterNames.query
    OptBool subscriptionRequired;
    OptString termsOfServiceUrl;
    OptString type;

    // specification.<ext>: the file name's extension ("yaml", "json", "graphql", "wadl", "wsdl") and its text.
    OptString specificationFormat;
    OptString specificationText;
    ApiContract contract; // operations read from the specification (OpenAPI only)

    std::optional<PolicyText> policy;
    std::vector<OperationPolicy> operationPolicies;
    std::vector<DiagnosticSetting> diagnostics;
    std::vector<Release> releases;

    std::string rootName() const;        // "orders" for "orders;rev=2"
    bool isRevisionFolder() const;       // name carries ";rev="
    std::optional<int> revision() const; // apiRevision as an integer, when it is one
    std::string headerName() const { return subscriptionKeyHeader.value_or("Ocp-Apim-Subscription-Key"); }
    std::string queryName() const { return subscriptionKeyQuery.value_or("subscription-key"); }
};

struct VersionSet {
    std::string name;
    OptString displayName;
    OptString versioningScheme; // Segment | Query | Header
    OptString description;
    OptString versionHeaderName;
    OptString versionQueryName;
};

struct ProductGroupLink {
    std::string group;  // the folder name: last segment of groupId
    OptString linkName; // top-level "name" (absent in v6 '{}' files)
    OptString groupId;
};

// A link file that carries an id (inside APIM workspaces); `{}` outside them.
struct Link {
    std::string target; // the folder name: API or product name
    OptString linkName; // top-level "name", workspace link files only
    OptString targetId; // properties.apiId / productId, workspace link files only
};

struct Product {
    std::string name;
    OptString displayName;
    OptString description;
    OptBool approvalRequired;
    OptString state; // published | notPublished
    OptBool subscriptionRequired;
    std::optional<std::int64_t> subscriptionsLimit;
    OptString terms;
    std::optional<PolicyText> policy;
    std::vector<Link> apis;
    std::vector<ProductGroupLink> groups;
};

struct Group {
    std::string name;
    OptString displayName;
    OptString description;
    OptString externalId;
    OptString type;
};

struct Subscription {
    std::string name;
    OptString displayName;
    OptString scope; // /products/<p>, /apis/<api>, /apis
    OptBool allowTracing;
    OptString ownerId;
    OptString primaryKey; // only when written explicitly in the file
    OptString secondaryKey;
    OptString state;
};

struct NamedValue {
    std::string name;
    OptString displayName; // what {{...}} in policies refers to
    Json keyVault;
    OptBool secret;
    std::optional<std::vector<std::string>> tags;
    OptString value; // absent for secrets and Key Vault values
};

struct PoolMember {
    std::string id; // as written: /backends/<b> or an absolute id
    std::optional<std::int64_t> priority;
    std::optional<std::int64_t> weight;
};

struct StatusCodeRange {
    std::int64_t min = 0;
    std::int64_t max = 0;
};

struct CircuitBreakerRule {
    OptString name;
    OptBool acceptRetryAfter;
    std::optional<std::int64_t> failureCount;      // failureCondition.count
    std::optional<std::int64_t> failurePercentage; // failureCondition.percentage
    OptString failureInterval;                     // failureCondition.interval, ISO-8601 duration
    std::vector<StatusCodeRange> statusCodeRanges; // failureCondition.statusCodeRanges
    std::vector<std::string> errorReasons;         // failureCondition.errorReasons
    OptString tripDuration;
};

struct Backend {
    std::string name;
    std::vector<CircuitBreakerRule> circuitBreakerRules;
    Json credentials;
    OptString description;
    std::vector<PoolMember> pool; // pool.services
    OptString protocol;
    Json proxy;
    OptString resourceId;
    OptString title;
    OptBool validateCertificateChain; // tls.validateCertificateChain
    OptBool validateCertificateName;  // tls.validateCertificateName
    OptString type;                   // Single | Pool
    OptString url;
    bool isPool() const { return type == "Pool" || !pool.empty(); }
};

struct PolicyFragment {
    std::string name;
    OptString description;
    OptString format;
    std::optional<PolicyText> policy;
};

struct Tag {
    std::string name;
    OptString displayName;
    std::vector<Link> apis;
    std::vector<Link> products;
};

struct Logger {
    std::string name;
    OptString loggerType;
    Json credentials;
    OptString description;
    OptBool isBuffered;
    OptString resourceId;
};

struct Gateway {
    std::string name;
    OptString description;
    Json locationData;
    std::vector<std::string> apis;
};

// The entities a service and each of its APIM workspaces can hold.
struct Entities {
    std::vector<Api> apis;
    std::vector<VersionSet> versionSets;
    std::vector<Product> products;
    std::vector<Group> groups;
    std::vector<Subscription> subscriptions;
    std::vector<NamedValue> namedValues;
    std::vector<Backend> backends;
    std::vector<PolicyFragment> policyFragments;
    std::vector<Tag> tags;
    std::vector<Logger> loggers;
    std::vector<DiagnosticSetting> diagnostics;

    const Api *findApi(const std::string &name) const;
    const Product *findProduct(const std::string &name) const;
    const VersionSet *findVersionSet(const std::string &name) const;
    const Backend *findBackend(const std::string &name) const;
    const NamedValue *findNamedValueByDisplayName(const std::string &displayName) const;
};

// An APIM workspace: workspaces/<name>/, the same kinds as the service minus gateways and the global policy.
struct ServiceWorkspace : Entities {
    std::string name;
};

// The whole folder.
struct Workspace : Entities {
    std::optional<PolicyText> policy; // the global (service) policy, policy.xml
    std::vector<Gateway> gateways;
    std::vector<ServiceWorkspace> workspaces;
};

// True when the ARM reference `id` (relative "/apiVersionSets/vs" or absolute
// ".../service/s/apiVersionSets/vs") names `name` in `collection`.
bool refersTo(const std::string &id, const std::string &collection, const std::string &name);
// The last segment of a reference: "vs" for "/apiVersionSets/vs".
std::string lastSegment(const std::string &id);

} // namespace gw::model
