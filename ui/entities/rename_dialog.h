#pragma once

#include "entity_actions.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace gh::entities {

// Asks for an entity's new folder name: the name, selected for typing over, with the reason it cannot be used
// shown under it as it is typed (Rename stays disabled until it can), and what else the rename updates. Accepting
// renames through renameEntity(), one undo step.
class RenameDialog : public QDialog {
    Q_OBJECT
public:
    RenameDialog(Kind kind, const QString &name, workspace::WorkspaceDocument &document, QWidget *parent = nullptr);

    void accept() override;

private:
    void check();

    Kind m_kind;
    QString m_name;
    workspace::WorkspaceDocument &m_document;
    QLineEdit *m_edit = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace gh::entities
