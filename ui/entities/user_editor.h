#pragma once

#include "entity_editor.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;

namespace gh::entities {

class CheckListModel;
class UserDirectory;
struct User;

// A user (a subscription owner): names, email, state, note and groups. Users
// are console data beside the workspace (UserDirectory), edited through the
// document's undo stack like entities and written when the document is saved.
class UserEditor : public EntityEditor {
    Q_OBJECT
public:
    UserEditor(workspace::WorkspaceDocument &document, const QString &id, QWidget *parent = nullptr);

protected:
    void refresh() override;
    bool exists() const override;

private:
    template<class F>
    void editUser(const QString &text, const QString &field, F &&change);

    UserDirectory &m_users;
    QLineEdit *m_firstName = nullptr;
    QLineEdit *m_lastName = nullptr;
    QLineEdit *m_email = nullptr;
    QLabel *m_emailMessage = nullptr;
    QComboBox *m_state = nullptr;
    QPlainTextEdit *m_note = nullptr;
    CheckListModel *m_groups = nullptr;
    QListView *m_groupList = nullptr;
    QLabel *m_subscriptions = nullptr;
};

} // namespace gh::entities
