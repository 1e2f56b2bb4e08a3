#include "editors.h"

#include <ui/apis/api_designer.h>
#include <ui/entities/backend_editor.h>
#include <ui/entities/group_editor.h>
#include <ui/entities/named_value_editor.h>
#include <ui/entities/product_editor.h>
#include <ui/entities/subscription_editor.h>
#include <ui/entities/user_editor.h>
#include <ui/entities/version_set_editor.h>
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

} // namespace gh::shell
