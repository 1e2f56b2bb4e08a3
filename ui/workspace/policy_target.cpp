#include "policy_target.h"

#include <model/paths.h>

#include <QCoreApplication>

namespace gh::workspace {

namespace model = gw::model;
namespace paths = gw::model::paths;

namespace {

// The model has finders for products and APIs; fragments have none.
const model::PolicyFragment *findFragment(const model::Workspace &model, const std::string &name)
{
    for (const auto &fragment : model.policyFragments)
        if (fragment.name == name)
            return &fragment;
    return nullptr;
}

const model::OperationPolicy *operationPolicyOf(const model::Api &api, const std::string &operation)
{
    for (const auto &policy : api.operationPolicies)
        if (policy.operation == operation)
            return &policy;
    return nullptr;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("gh::workspace::PolicyTarget", text);
}

} // namespace

EntityKind PolicyTarget::entityKind() const
{
    switch (scope) {
    case Scope::Global:
        return EntityKind::ServicePolicy;
    case Scope::Product:
        return EntityKind::Product;
    case Scope::Api:
    case Scope::Operation:
        return EntityKind::Api;
    case Scope::Fragment:
        return EntityKind::PolicyFragment;
    }
    return EntityKind::ServicePolicy;
}

std::string PolicyTarget::relativePath() const
{
    switch (scope) {
    case Scope::Global:
        return "policy.xml";
    case Scope::Product:
        return paths::product("", name) + "policy.xml";
    case Scope::Api:
        return paths::api("", name) + "policy.xml";
    case Scope::Operation:
        return paths::operationPolicy("", name, operation);
    case Scope::Fragment:
        return paths::fragment("", name) + "policy.xml";
    }
    return {};
}

QString PolicyTarget::title() const
{
    const QString entity = QString::fromStdString(name);
    switch (scope) {
    case Scope::Global:
        return tr("Global policy");
    case Scope::Product:
        return tr("Product %1").arg(entity);
    case Scope::Api:
        return tr("API %1").arg(entity);
    case Scope::Operation:
        return tr("Operation %1 › %2").arg(entity, QString::fromStdString(operation));
    case Scope::Fragment:
        return tr("Fragment %1").arg(entity);
    }
    return {};
}

std::optional<std::string> policyText(const model::Workspace &model, const PolicyTarget &target)
{
    using Scope = PolicyTarget::Scope;
    const auto text = [](const std::optional<model::PolicyText> &policy) -> std::optional<std::string> {
        if (policy)
            return policy->text;
        return std::nullopt;
    };
    switch (target.scope) {
    case Scope::Global:
        return text(model.policy);
    case Scope::Product:
        if (const auto *product = model.findProduct(target.name))
            return text(product->policy);
        return std::nullopt;
    case Scope::Api:
        if (const auto *api = model.findApi(target.name))
            return text(api->policy);
        return std::nullopt;
    case Scope::Operation:
        if (const auto *api = model.findApi(target.name))
            if (const auto *policy = operationPolicyOf(*api, target.operation))
                return policy->policy.text;
        return std::nullopt;
    case Scope::Fragment:
        if (const auto *fragment = findFragment(model, target.name))
            return text(fragment->policy);
        return std::nullopt;
    }
    return std::nullopt;
}

bool policyOwnerExists(const model::Workspace &model, const PolicyTarget &target)
{
    using Scope = PolicyTarget::Scope;
    switch (target.scope) {
    case Scope::Global:
        return true;
    case Scope::Product:
        return model.findProduct(target.name) != nullptr;
    case Scope::Api:
    case Scope::Operation:
        return model.findApi(target.name) != nullptr;
    case Scope::Fragment:
        return findFragment(model, target.name) != nullptr;
    }
    return false;
}

void setPolicyText(WorkspaceDocument &document, const PolicyTarget &target, std::optional<std::string> policy,
                   const QString &text, const QString &mergeKey)
{
    using Scope = PolicyTarget::Scope;
    std::optional<model::PolicyText> value;
    if (policy)
        value = model::PolicyText{std::move(*policy)};
    const auto &model = document.model();
    switch (target.scope) {
    case Scope::Global:
        document.setServicePolicy(text, std::move(value), mergeKey);
        return;
    case Scope::Product:
        if (const auto *product = model.findProduct(target.name)) {
            model::Product edited = *product;
            edited.policy = std::move(value);
            document.putEntity<model::Product>(text, target.name, std::move(edited), mergeKey);
        }
        return;
    case Scope::Api:
        if (const auto *api = model.findApi(target.name)) {
            model::Api edited = *api;
            edited.policy = std::move(value);
            document.putEntity<model::Api>(text, target.name, std::move(edited), mergeKey);
        }
        return;
    case Scope::Operation:
        if (const auto *api = model.findApi(target.name)) {
            model::Api edited = *api;
            auto &policies = edited.operationPolicies;
            auto it = std::find_if(policies.begin(), policies.end(),
                                   [&](const auto &p) { return p.operation == target.operation; });
            if (!value) {
                if (it != policies.end())
                    policies.erase(it);
            } else if (it != policies.end()) {
                it->policy = std::move(*value);
            } else {
                policies.push_back({target.operation, std::move(*value)});
            }
            document.putEntity<model::Api>(text, target.name, std::move(edited), mergeKey);
        }
        return;
    case Scope::Fragment:
        if (const auto *fragment = findFragment(model, target.name)) {
            model::PolicyFragment edited = *fragment;
            edited.policy = std::move(value);
            document.putEntity<model::PolicyFragment>(text, target.name, std::move(edited), mergeKey);
        }
        return;
    }
}

} // namespace gh::workspace
