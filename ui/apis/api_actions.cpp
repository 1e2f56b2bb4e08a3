#include "api_actions.h"

#include "api_designer.h"
#include "api_edits.h"
#include "import_dialog.h"

#include <model/workspace.h>
#include <ui/workspace/workspace_document.h>

#include <QAction>
#include <QMenu>

namespace gh::apis {

namespace {

// The designer on the current tab (only that one is visible).
ApiDesigner *frontDesigner(QWidget *window)
{
    for (ApiDesigner *designer : window->findChildren<ApiDesigner *>())
        if (designer->isVisible())
            return designer;
    return nullptr;
}

} // namespace

void addActions(QMenu *menu, workspace::WorkspaceDocument &document, QWidget *window,
                std::function<void(const QString &)> openApi)
{
    ApiDesigner::setApiOpener(openApi);
    auto *newApi = menu->addAction(QObject::tr("New &API"));
    newApi->setObjectName(QStringLiteral("newApiAction"));
    newApi->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N));
    QObject::connect(newApi, &QAction::triggered, menu, [&document, openApi, menu] {
        if (!document.isOpen())
            return;
        const QString name = QString::fromStdString(createApi(document));
        openApi(name);
        for (ApiDesigner *designer : menu->window()->findChildren<ApiDesigner *>())
            if (designer->apiName() == name && designer->isVisible())
                designer->focusDisplayName();
    });
    auto *import = menu->addAction(QObject::tr("&Import OpenAPI…"));
    import->setObjectName(QStringLiteral("importOpenApiMenuAction"));
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_I));
    QObject::connect(import, &QAction::triggered, menu, [&document, window, openApi] {
        if (!document.isOpen())
            return;
        // Into the API whose designer is in front, if one is.
        const ApiDesigner *front = frontDesigner(window);
        const QString target = front ? front->apiName() : QString();
        const QString name = importOpenApi(window, document, target);
        if (!name.isEmpty())
            openApi(name);
    });
    auto *exportAction = menu->addAction(QObject::tr("E&xport OpenAPI…"));
    exportAction->setObjectName(QStringLiteral("exportOpenApiMenuAction"));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E));
    QObject::connect(exportAction, &QAction::triggered, menu, [&document, window] {
        if (ApiDesigner *designer = frontDesigner(window))
            if (const auto *api = document.find<gw::model::Api>(designer->apiName().toStdString()))
                exportOpenApi(window, *api);
    });
    auto update = [&document, newApi, import, exportAction, window] {
        newApi->setEnabled(document.isOpen());
        import->setEnabled(document.isOpen());
        exportAction->setEnabled(document.isOpen() && frontDesigner(window));
    };
    QObject::connect(menu, &QMenu::aboutToShow, menu, update);
    // The shortcut works whatever the menu showed last; without a designer in front it does nothing.
    QObject::connect(menu, &QMenu::aboutToHide, exportAction, [exportAction] { exportAction->setEnabled(true); });
    QObject::connect(&document, &workspace::WorkspaceDocument::workspaceOpened, menu, update);
    QObject::connect(&document, &workspace::WorkspaceDocument::workspaceClosed, menu, update);
    update();
}

} // namespace gh::apis
