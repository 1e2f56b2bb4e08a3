#include "subscriptions.h"

namespace gw::security {

const char *Admission::message() const
{
    switch (status) {
    case Status::MissingKey:
        return "Access denied due to missing subscription key. Make sure to include subscription key when making "
               "requests to an API.";
    case Status::InvalidKey:
        return "Access denied due to invalid subscription key. Make sure to provide a valid key for an active "
               "subscription.";
    case Status::Admitted:
        break;
    }
    return "";
}

SubscriptionIndex SubscriptionIndex::build(const model::Workspace &workspace, const KeySource &localKey)
{
    SubscriptionIndex index;
    for (const model::Subscription &subscription : workspace.subscriptions) {
        for (const char *which : {"primaryKey", "secondaryKey"}) {
            std::optional<std::string> key =
                std::string_view(which) == "primaryKey" ? subscription.primaryKey : subscription.secondaryKey;
            if (!key && localKey)
                key = localKey(subscription.name, which);
            if (key && !key->empty())
                index.m_byKey.emplace(*key, &subscription);
        }
    }
    for (const model::Product &product : workspace.products) {
        for (const model::Link &link : product.apis)
            index.m_productsOfApi[link.target].push_back(&product);
    }
    return index;
}

Admission SubscriptionIndex::admit(const model::Api &api,
                                   const std::function<std::optional<std::string_view>(std::string_view)> &header,
                                   const std::function<std::optional<std::string_view>(std::string_view)> &query) const
{
    Admission admission;
    const std::string root = api.rootName();
    auto products = m_productsOfApi.find(root);

    // The query parameter counts only when the header is absent.
    std::optional<std::string_view> key = header(api.headerName());
    if (!key)
        key = query(api.queryName());

    if (key) {
        admission.key = std::string(*key);
        auto found = m_byKey.find(admission.key);
        const model::Subscription *subscription = found == m_byKey.end() ? nullptr : found->second;
        if (!subscription || subscription->state.value_or("") != "active" || !subscription->scope) {
            admission.status = Admission::Status::InvalidKey;
            return admission;
        }
        const std::string &scope = *subscription->scope;
        admission.subscription = subscription;
        if (scope == "/apis" || scope.ends_with("/apis") || model::refersTo(scope, "apis", root))
            return admission; // all APIs or this API: no product context
        if (products != m_productsOfApi.end()) {
            for (const model::Product *product : products->second) {
                if (model::refersTo(scope, "products", product->name)) {
                    admission.product = product;
                    return admission;
                }
            }
        }
        admission.status = Admission::Status::InvalidKey;
        admission.subscription = nullptr;
        return admission;
    }

    // No key: an open product that holds the API gives its context; else the API must not require one.
    if (products != m_productsOfApi.end()) {
        for (const model::Product *product : products->second) {
            if (!product->subscriptionRequired.value_or(true)) {
                admission.product = product;
                return admission;
            }
        }
    }
    if (!api.subscriptionRequired.value_or(true))
        return admission;
    admission.status = Admission::Status::MissingKey;
    return admission;
}

} // namespace gw::security
