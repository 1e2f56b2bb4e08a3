#pragma once

#include <optional>
#include <string>
#include <vector>

namespace gw::model {

// The workspace: what an APIOps artifacts folder describes. Plain values, no I/O.
// Entity `name`s are ARM names (the folder names); display names live beside them.

struct Operation {
    std::string name; // operationId
    std::string displayName;
    std::string method;      // upper case: GET, POST, ...
    std::string urlTemplate; // /sessions/{id}
};

struct Api {
    std::string name; // "conference-api" or "conference-api;rev=2"
    std::string displayName;
    std::string path; // URL suffix after the gateway's host
    std::string serviceUrl;
    int revision = 1;
    bool isCurrent = true;
    bool subscriptionRequired = true;
    std::string versionSetId;
    std::string version;
    std::vector<Operation> operations;
    bool hasPolicy = false;
};

struct Product {
    std::string name;
    std::string displayName;
    std::string description;
    std::string state; // published | notPublished
    bool subscriptionRequired = true;
    std::vector<std::string> apis; // API names
    bool hasPolicy = false;
};

struct Subscription {
    std::string name;
    std::string displayName;
    std::string scope; // /apis, /products/<p>, /apis/<a>
    std::string state; // active, suspended, ...
};

struct NamedValue {
    std::string name;
    std::string displayName;
    bool secret = false;
    std::optional<std::string> value; // absent for secrets and Key Vault references
};

struct Backend {
    std::string name;
    std::string url;
    std::string description;
};

struct PolicyFragment {
    std::string name;
    std::string description;
};

struct VersionSet {
    std::string name;
    std::string displayName;
    std::string versioningScheme; // Segment | Header | Query
};

struct Workspace {
    bool hasServicePolicy = false;
    std::vector<Api> apis;
    std::vector<VersionSet> versionSets;
    std::vector<Product> products;
    std::vector<Subscription> subscriptions;
    std::vector<NamedValue> namedValues;
    std::vector<Backend> backends;
    std::vector<PolicyFragment> policyFragments;

    const Api *findApi(const std::string &name) const;
    const Product *findProduct(const std::string &name) const;
};

} // namespace gw::model
