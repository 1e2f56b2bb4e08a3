#include "workspace_document.h"

#include <store/workspace_store.h>

#include <QDir>
#include <QFileInfo>

namespace gh::workspace {

WorkspaceDocument::WorkspaceDocument(QObject *parent) : QObject(parent)
{
}

bool WorkspaceDocument::open(const QString &folder)
{
    auto loaded = gw::store::readWorkspace(QDir(folder).absolutePath().toStdString());
    if (loaded.root.empty()) {
        m_diagnostics = std::move(loaded.diagnostics);
        return false;
    }
    m_folder = QDir(folder).absolutePath();
    m_root = QString::fromStdString(loaded.root.string());
    m_model = std::move(loaded.workspace);
    m_diagnostics = std::move(loaded.diagnostics);
    m_undoStack.clear();
    emit workspaceOpened();
    return true;
}

void WorkspaceDocument::close()
{
    m_folder.clear();
    m_root.clear();
    m_model = {};
    m_diagnostics.clear();
    m_undoStack.clear();
    emit workspaceClosed();
}

QString WorkspaceDocument::displayName() const
{
    return QFileInfo(m_folder).fileName();
}

} // namespace gh::workspace
