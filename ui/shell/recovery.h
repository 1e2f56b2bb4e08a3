#pragma once

#include <QDateTime>
#include <QString>

namespace gh::workspace {
class WorkspaceDocument;
}

namespace gh::shell {

// The recovery copy of one workspace's unsaved edits, kept outside the workspace
// in <AppDataLocation>/recovery/<hash of the artifacts root>/: `copy/` holds the
// workspace as edited (WorkspaceDocument::saveCopyTo), `recovery.ini` when and
// from where. Written while the workspace is modified, removed on save, on
// discard and on a clean close, so one that is still there on open means the
// console did not close cleanly.
class RecoveryStore {
public:
    explicit RecoveryStore(QString root);

    QString folder() const { return m_folder; }
    QString copyFolder() const;

    bool write(const workspace::WorkspaceDocument &document);
    void remove();
    // When the copy was written; invalid when there is none.
    QDateTime savedAt() const;
    // A copy newer than every file of the workspace: the files were not changed since (or it would be stale).
    bool hasNewerCopy() const;

private:
    QString m_root;
    QString m_folder;
};

} // namespace gh::shell
