#pragma once

#include <model/workspace.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace gw::security {

// The outcome of subscription checks for one request (apim-policies.md 5.3).
struct Admission {
    enum class Status {
        Admitted,   // go on; `subscription` and `product` say in whose name
        MissingKey, // 401 SubscriptionKeyNotFound
        InvalidKey, // 401 SubscriptionKeyInvalid: unknown key, inactive subscription, or a scope without this API
    };
    Status status = Status::Admitted;
    const model::Subscription *subscription = nullptr; // the key's subscription, when a key was used
    const model::Product *product = nullptr;           // the product context, when there is one
    std::string key;                                   // the key as sent

    const char *message() const; // APIM's message for a 401
};

// Subscription keys of a workspace and the products that contain each API,
// compiled once per configuration; admit() is called per request, from any thread.
class SubscriptionIndex {
public:
    // Keys come from subscriptionInformation.json (primaryKey, secondaryKey) and,
    // for subscriptions whose file has none, from `localKey(subscription, "primaryKey"|"secondaryKey")`
    // (the per-user secret store) when given.
    using KeySource = std::function<std::optional<std::string>(const std::string &subscription, const char *which)>;
    static SubscriptionIndex build(const model::Workspace &workspace, const KeySource &localKey = {});

    // `header(name)` and `query(name)` give the request's values, if any.
    Admission admit(const model::Api &api,
                    const std::function<std::optional<std::string_view>(std::string_view)> &header,
                    const std::function<std::optional<std::string_view>(std::string_view)> &query) const;

private:
    std::unordered_map<std::string, const model::Subscription *> m_byKey;
    std::unordered_map<std::string, std::vector<const model::Product *>> m_productsOfApi; // by root API name
};

} // namespace gw::security
