#include "user_editor.h"

#include "check_list_model.h"
#include "user_directory.h"

#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QRegularExpression>

namespace gh::entities {

namespace model = gw::model;

UserEditor::UserEditor(workspace::WorkspaceDocument &document, const QString &id, QWidget *parent)
    : EntityEditor(document, std::nullopt, QStringLiteral("user"), id, parent), m_users(UserDirectory::of(document)),
      m_groups(new CheckListModel(this))
{
    setObjectName(QStringLiteral("userEditor"));
    QFormLayout *form = addSection(tr("User"), QStringLiteral("userGeneral"));
    m_firstName = new QLineEdit;
    m_firstName->setObjectName(QStringLiteral("userFirstName"));
    m_firstName->setAccessibleName(tr("First name"));
    form->addRow(tr("&First name:"), m_firstName);
    m_lastName = new QLineEdit;
    m_lastName->setObjectName(QStringLiteral("userLastName"));
    m_lastName->setAccessibleName(tr("Last name"));
    form->addRow(tr("&Last name:"), m_lastName);
    m_email = new QLineEdit;
    m_email->setObjectName(QStringLiteral("userEmail"));
    m_email->setAccessibleName(tr("Email"));
    m_email->setPlaceholderText(tr("name@example.com"));
    form->addRow(tr("&Email:"), m_email);
    m_emailMessage = addMessage(form, QStringLiteral("userEmailMessage"));
    m_state = new QComboBox;
    m_state->setObjectName(QStringLiteral("userState"));
    m_state->setAccessibleName(tr("State"));
    m_state->addItem(tr("Active"), QStringLiteral("active"));
    m_state->addItem(tr("Blocked"), QStringLiteral("blocked"));
    m_state->addItem(tr("Pending (invited)"), QStringLiteral("pending"));
    m_state->addItem(tr("Deleted"), QStringLiteral("deleted"));
    m_state->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    form->addRow(tr("&State:"), m_state);
    m_note = new QPlainTextEdit;
    m_note->setObjectName(QStringLiteral("userNote"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("For administrators only"));
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 3 + 12);
    form->addRow(tr("&Note:"), m_note);

    QFormLayout *membership = addSection(tr("Groups and subscriptions"), QStringLiteral("userMembership"));
    m_groupList = new QListView;
    m_groupList->setObjectName(QStringLiteral("userGroups"));
    m_groupList->setAccessibleName(tr("Groups"));
    m_groupList->setModel(m_groups);
    m_groupList->setSpacing(1);
    connect(m_groups, &QAbstractItemModel::modelReset, m_groupList,
            [this] { fitHeight(m_groupList, m_groups->rowCount()); });
    auto *groupsLabel = new QLabel(tr("&Groups:"));
    groupsLabel->setBuddy(m_groupList);
    membership->addRow(groupsLabel, m_groupList);
    m_subscriptions = new QLabel;
    m_subscriptions->setObjectName(QStringLiteral("userSubscriptions"));
    m_subscriptions->setWordWrap(true);
    m_subscriptions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    membership->addRow(tr("Subscriptions:"), m_subscriptions);

    auto textField = [this](QLineEdit *field, const QString &key, const QString &text, QString User::*member) {
        connect(field, &QLineEdit::textEdited, this, [this, key, text, member](const QString &value) {
            editUser(text, key, [&](User &u) { u.*member = value; });
        });
    };
    textField(m_firstName, QStringLiteral("firstName"), tr("Edit user first name"), &User::firstName);
    textField(m_lastName, QStringLiteral("lastName"), tr("Edit user last name"), &User::lastName);
    textField(m_email, QStringLiteral("email"), tr("Edit user email"), &User::email);
    connect(m_email, &QLineEdit::textEdited, this, [this](const QString &text) {
        static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
        showMessage(m_emailMessage, text.isEmpty()                 ? tr("APIM needs an email address for a user.")
                                    : email.match(text).hasMatch() ? QString()
                                                                   : tr("This is not an email address."));
    });
    connect(m_state, &QComboBox::activated, this, [this](int index) {
        const QString state = m_state->itemData(index).toString();
        editUser(tr("Change user state"), {}, [&](User &u) { u.state = state; });
    });
    connect(m_note, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_note->toPlainText();
        const User *user = m_users.find(m_name);
        if (!user || user->note == text)
            return;
        editUser(tr("Edit user note"), QStringLiteral("note"), [&](User &u) { u.note = text; });
    });
    connect(m_groups, &CheckListModel::toggled, this, [this](const QString &group, bool checked) {
        editUser(checked ? tr("Add user to group") : tr("Remove user from group"), {}, [&](User &u) {
            u.groups.removeAll(group);
            if (checked)
                u.groups << group;
        });
        reload();
    });
    connect(&m_users, &UserDirectory::userChanged, this, [this](const QString &oldId, const QString &newId) {
        if (!oldId.isEmpty() && oldId == m_name && !newId.isEmpty())
            m_name = newId;
        reload();
    });
    reload();
}

template<class F>
void UserEditor::editUser(const QString &text, const QString &field, F &&change)
{
    if (updating())
        return;
    const User *current = m_users.find(m_name);
    if (!current)
        return;
    User user = *current;
    change(user);
    m_users.put(text, m_name, user, field.isEmpty() ? QString() : mergeKey(field));
}

bool UserEditor::exists() const
{
    return m_users.find(m_name) != nullptr;
}

void UserEditor::refresh()
{
    const User &user = *m_users.find(m_name);
    setHeading(user.displayName(),
               tr("User · %1 · %2")
                   .arg(user.id,
                        QDir::toNativeSeparators(QDir(m_users.folder()).filePath(user.id + QStringLiteral(".json")))));
    setText(m_firstName, user.firstName);
    setText(m_lastName, user.lastName);
    setText(m_email, user.email);
    int state = m_state->findData(user.state);
    if (state < 0) {
        m_state->addItem(user.state, user.state);
        state = m_state->count() - 1;
    }
    m_state->setCurrentIndex(state);
    setText(m_note, user.note);

    QList<CheckListModel::Item> groups;
    for (const char *builtIn : {"administrators", "developers", "guests"})
        groups.push_back({QString::fromLatin1(builtIn),
                          QString::fromLatin1(builtIn) + tr(" (built in)"),
                          {},
                          user.groups.contains(QString::fromLatin1(builtIn))});
    for (const model::Group &group : m_document.model().groups)
        groups.push_back({toQString(group.name),
                          toQString(group.displayName.value_or(group.name)),
                          {},
                          user.groups.contains(toQString(group.name))});
    m_groups->setItems(groups);

    QStringList subscriptions;
    for (const model::Subscription &subscription : m_document.model().subscriptions) {
        if (subscription.ownerId && model::lastSegment(*subscription.ownerId) == user.id.toStdString())
            subscriptions << toQString(subscription.displayName.value_or(subscription.name));
    }
    m_subscriptions->setText(subscriptions.isEmpty() ? tr("None") : subscriptions.join(QStringLiteral(", ")));
}

} // namespace gh::entities
