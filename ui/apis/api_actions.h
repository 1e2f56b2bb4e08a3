#pragma once

#include <QString>

#include <functional>

class QMenu;
class QWidget;

namespace gh::workspace {
class WorkspaceDocument;
}

namespace gh::apis {

// Adds the API designer's global actions to `menu` (the shell's File menu): New API (Ctrl+Alt+N), Import OpenAPI
// (Ctrl+Alt+I; into the API whose designer is in front, or a new one) and Export OpenAPI (Ctrl+Alt+E; the API in
// front). `openApi` opens an API's designer in the shell (or brings its tab forward).
void addActions(QMenu *menu, workspace::WorkspaceDocument &document, QWidget *window,
                std::function<void(const QString &apiName)> openApi);

} // namespace gh::apis
