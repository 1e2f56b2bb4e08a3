#include "editors.h"

#include <ui/apis/api_designer.h>
#include <ui/entities/backend_editor.h>
#include <ui/entities/group_editor.h>
#include <ui/entities/named_value_editor.h>
#include <ui/entities/product_editor.h>
#include <ui/entities/subscription_editor.h>
#include <ui/entities/user_editor.h>
#include <ui/entities/version_set_editor.h>
#include <ui/policies/effective_policy_view.h>
#include <ui/policies/policy_editor.h>
#include <ui/policies/policy_flow_view.h>
#include <ui/workspace/workspace_document.h>

namespace gh::shell {

QWidget *createEditor(const EditorTarget &target, workspace::WorkspaceDocument &document)
{
    using Kind = workspace::WorkspaceTreeModel::Kind;
    switch (target.kind) {
    case Kind::Api:
        return new apis::ApiDesigner(document, target.name);
    case Kind::Operation: {
        auto *designer = new apis::ApiDesigner(document, target.apiName);
        designer->selectOperation(target.name);
        return designer;
    }
    case Kind::Product:
        return new entities::ProductEditor(document, target.name);
    case Kind::Subscription:
        return new entities::SubscriptionEditor(document, target.name);
    case Kind::NamedValue:
        return new entities::NamedValueEditor(document, target.name);
    case Kind::Backend:
        return new entities::BackendEditor(document, target.name);
    case Kind::VersionSet:
        return new entities::VersionSetEditor(document, target.name);
    case Kind::Group:
        return new entities::GroupEditor(document, target.name);
    case Kind::User:
        return new entities::UserEditor(document, target.name);
    case Kind::ServicePolicy:
        return new policies::PolicyEditor(document, workspace::PolicyTarget::global());
    case Kind::PolicyFragment:
        return new policies::PolicyEditor(document, workspace::PolicyTarget::fragment(target.name.toStdString()));
    case Kind::Category:
    default:
        (void)document;
        return nullptr;
    }
}

QString editorKey(const EditorTarget &target)
{
    using Kind = workspace::WorkspaceTreeModel::Kind;
    if (target.kind == Kind::Api || target.kind == Kind::Operation) // one designer per API
        return QStringLiteral("api/") + (target.kind == Kind::Api ? target.name : target.apiName);
    return QString::number(static_cast<int>(target.kind)) + QLatin1Char('/') + target.name + QLatin1Char('/') +
           target.title;
}

void revealInEditor(QWidget *editor, const EditorTarget &target)
{
    if (auto *designer = qobject_cast<apis::ApiDesigner *>(editor);
        designer && target.kind == workspace::WorkspaceTreeModel::Kind::Operation)
        designer->selectOperation(target.name);
}

QWidget *createPolicyView(PolicyView view, const EditorTarget &target, workspace::WorkspaceDocument &document,
                          const std::function<void(const QString &file, int line, int column)> &openSource)
{
    using Kind = workspace::WorkspaceTreeModel::Kind;
    using workspace::PolicyTarget;
    const std::string name = target.name.toStdString();
    QWidget *page = nullptr;
    if (view == PolicyView::Effective) {
        if (target.kind != Kind::Api && target.kind != Kind::Operation)
            return nullptr;
        auto *effective = target.kind == Kind::Api
                              ? new policies::EffectivePolicyView(document, target.name, {})
                              : new policies::EffectivePolicyView(document, target.apiName, target.name);
        QObject::connect(effective, &policies::EffectivePolicyView::openSource, effective,
                         [openSource](const PolicyTarget &source, int line, int column) {
                             openSource(QString::fromStdString(source.relativePath()), line, column);
                         });
        page = effective;
    } else {
        PolicyTarget policy;
        switch (target.kind) {
        case Kind::ServicePolicy:
            policy = PolicyTarget::global();
            break;
        case Kind::Product:
            policy = PolicyTarget::product(name);
            break;
        case Kind::Api:
            policy = PolicyTarget::api(name);
            break;
        case Kind::Operation:
            policy = PolicyTarget::operationOf(target.apiName.toStdString(), name);
            break;
        default:
            return nullptr;
        }
        auto *flow = new policies::PolicyFlowView(document, policy);
        QObject::connect(flow, &policies::PolicyFlowView::openSource, flow,
                         [openSource](const PolicyTarget &source, int line, int column) {
                             openSource(QString::fromStdString(source.relativePath()), line, column);
                         });
        page = flow;
    }
    return page;
}

bool hasPolicyView(PolicyView view, const EditorTarget &target)
{
    using Kind = workspace::WorkspaceTreeModel::Kind;
    if (target.kind == Kind::Api || target.kind == Kind::Operation)
        return true;
    return view == PolicyView::Flow && (target.kind == Kind::ServicePolicy || target.kind == Kind::Product);
}

QString policyViewKey(PolicyView view, const EditorTarget &target)
{
    return (view == PolicyView::Flow ? QStringLiteral("flow/") : QStringLiteral("effective/")) +
           QString::number(static_cast<int>(target.kind)) + QLatin1Char('/') + target.apiName + QLatin1Char('/') +
           target.name;
}

} // namespace gh::shell
