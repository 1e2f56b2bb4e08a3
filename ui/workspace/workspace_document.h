#pragma once

#include <common/diagnostic.h>
#include <model/workspace.h>

#include <QObject>
#include <QUndoStack>

namespace gh::workspace {

// The open workspace: the model read from an APIOps folder, its problems, and
// the undo stack every edit goes through. Lives on the UI thread.
class WorkspaceDocument : public QObject {
    Q_OBJECT
public:
    explicit WorkspaceDocument(QObject *parent = nullptr);

    // Reads the folder (an artifacts root or a repository holding one). Returns
    // false when there is no workspace there; problems in single files do not
    // fail the load, they land in diagnostics().
    bool open(const QString &folder);
    void close();

    bool isOpen() const { return !m_root.isEmpty(); }
    QString folder() const { return m_folder; }
    QString root() const { return m_root; } // the artifacts root actually read
    QString displayName() const;
    const gw::model::Workspace &model() const { return m_model; }
    const gw::Diagnostics &diagnostics() const { return m_diagnostics; }
    QUndoStack *undoStack() { return &m_undoStack; }

signals:
    void workspaceOpened();
    void workspaceClosed();

private:
    QString m_folder;
    QString m_root;
    gw::model::Workspace m_model;
    gw::Diagnostics m_diagnostics;
    QUndoStack m_undoStack;
};

} // namespace gh::workspace
