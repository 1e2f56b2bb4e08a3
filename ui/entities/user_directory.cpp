#include "user_directory.h"

#include <store/atomic_file.h>
#include <store/console_data.h>
#include <ui/workspace/workspace_document.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUndoCommand>

namespace gh::entities {

namespace {

// One undo step that swaps one user's value.
class UserCommand : public QUndoCommand {
public:
    UserCommand(UserDirectory &directory, const QString &text, const QString &id, std::optional<User> after,
                QString mergeKey)
        : QUndoCommand(text), m_directory(directory), m_beforeId(id), m_afterId(after ? after->id : QString()),
          m_after(std::move(after)), m_mergeKey(std::move(mergeKey))
    {
        m_position = directory.indexOf(id);
        if (const User *before = directory.find(id))
            m_before = *before;
        else
            m_beforeId.clear();
        if (m_position < 0)
            m_position = static_cast<int>(directory.users().size());
    }
    void redo() override
    {
        if (!m_beforeId.isEmpty() && m_beforeId != m_afterId)
            m_directory.replace(m_beforeId, std::nullopt, m_position);
        if (m_after)
            m_directory.replace(m_afterId, m_after, m_position);
    }
    void undo() override
    {
        if (!m_afterId.isEmpty() && m_afterId != m_beforeId)
            m_directory.replace(m_afterId, std::nullopt, m_position);
        if (m_before)
            m_directory.replace(m_beforeId, m_before, m_position);
    }
    int id() const override { return m_mergeKey.isEmpty() ? -1 : 4; }
    bool mergeWith(const QUndoCommand *other) override
    {
        auto *next = dynamic_cast<const UserCommand *>(other);
        if (!next || next->m_mergeKey != m_mergeKey || next->m_beforeId != m_afterId)
            return false;
        m_after = next->m_after;
        m_afterId = next->m_afterId;
        return true;
    }

private:
    UserDirectory &m_directory;
    QString m_beforeId;
    std::optional<User> m_before;
    QString m_afterId;
    std::optional<User> m_after;
    QString m_mergeKey;
    int m_position = 0;
};

QString text(const QJsonObject &properties, const char *key)
{
    return properties.value(QLatin1String(key)).toString();
}

void setOrKeep(QJsonObject &properties, const char *key, const QString &value)
{
    // A key the file had stays (even emptied); an empty value adds no key.
    if (!value.isEmpty() || properties.contains(QLatin1String(key)))
        properties.insert(QLatin1String(key), value);
}

} // namespace

QString User::displayName() const
{
    const QString name = (firstName + QLatin1Char(' ') + lastName).trimmed();
    if (!name.isEmpty())
        return name;
    return email.isEmpty() ? id : email;
}

QJsonObject toJson(const User &user)
{
    QJsonObject json = user.file;
    QJsonObject properties = json.value(QStringLiteral("properties")).toObject();
    setOrKeep(properties, "firstName", user.firstName);
    setOrKeep(properties, "lastName", user.lastName);
    setOrKeep(properties, "email", user.email);
    setOrKeep(properties, "state", user.state);
    setOrKeep(properties, "note", user.note);
    if (!user.groups.isEmpty() || properties.contains(QStringLiteral("groups")))
        properties.insert(QStringLiteral("groups"), QJsonArray::fromStringList(user.groups));
    json.insert(QStringLiteral("properties"), properties);
    return json;
}

User userFromJson(const QString &id, const QJsonObject &json)
{
    User user;
    user.id = id;
    user.file = json;
    const QJsonObject properties = json.value(QStringLiteral("properties")).toObject();
    user.firstName = text(properties, "firstName");
    user.lastName = text(properties, "lastName");
    user.email = text(properties, "email");
    user.state = properties.contains(QStringLiteral("state")) ? text(properties, "state") : QStringLiteral("active");
    user.note = text(properties, "note");
    for (const QJsonValue &group : properties.value(QStringLiteral("groups")).toArray()) {
        // APIM lists groups as objects; the console writes their names.
        user.groups << (group.isObject() ? group.toObject().value(QStringLiteral("name")).toString()
                                         : group.toString());
    }
    return user;
}

UserDirectory &UserDirectory::of(workspace::WorkspaceDocument &document)
{
    if (auto *existing = document.findChild<UserDirectory *>(QString(), Qt::FindDirectChildrenOnly))
        return *existing;
    return *new UserDirectory(document);
}

UserDirectory::UserDirectory(workspace::WorkspaceDocument &document) : QObject(&document), m_document(document)
{
    connect(&document, &workspace::WorkspaceDocument::workspaceOpened, this, &UserDirectory::load);
    connect(&document, &workspace::WorkspaceDocument::workspaceClosed, this, &UserDirectory::load);
    connect(&document, &workspace::WorkspaceDocument::saved, this, [this] {
        if (!save())
            emit saveFailed(m_error);
    });
    load();
}

QString UserDirectory::folder() const
{
    if (!m_document.isOpen())
        return {};
    const auto data = gw::store::consoleDataFolder(m_document.root().toStdString());
    return QString::fromStdString((data / "users").string());
}

void UserDirectory::load()
{
    m_users.clear();
    m_error.clear();
    const QString path = folder();
    if (!path.isEmpty()) {
        const QDir dir(path);
        for (const QString &file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            QFile in(dir.filePath(file));
            if (!in.open(QIODevice::ReadOnly))
                continue;
            QJsonParseError error;
            const QJsonDocument json = QJsonDocument::fromJson(in.readAll(), &error);
            if (error.error != QJsonParseError::NoError || !json.isObject()) {
                m_error =
                    tr("%1 is not a user file: %2").arg(QDir::toNativeSeparators(in.fileName()), error.errorString());
                continue;
            }
            m_users << userFromJson(file.chopped(5), json.object());
        }
    }
    m_saved = m_users;
    emit userChanged({}, {});
}

const User *UserDirectory::find(const QString &id) const
{
    for (const User &user : m_users) {
        if (user.id == id)
            return &user;
    }
    return nullptr;
}

int UserDirectory::indexOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_users.size(); ++i) {
        if (m_users[i].id == id)
            return static_cast<int>(i);
    }
    return -1;
}

void UserDirectory::put(const QString &text, const QString &id, std::optional<User> user, const QString &mergeKey)
{
    m_document.undoStack()->push(new UserCommand(*this, text, id, std::move(user), mergeKey));
}

void UserDirectory::replace(const QString &id, const std::optional<User> &user, int position)
{
    const int at = indexOf(id);
    if (at >= 0) {
        if (user)
            m_users[at] = *user;
        else
            m_users.removeAt(at);
    } else if (user) {
        m_users.insert(std::clamp<qsizetype>(position, 0, m_users.size()), *user);
    }
    emit userChanged(at >= 0 ? id : QString(), user ? user->id : QString());
}

bool UserDirectory::isModified() const
{
    return m_users != m_saved;
}

bool UserDirectory::save()
{
    if (!isModified())
        return true;
    const QDir dir(folder());
    QStringList failures;
    for (const User &user : m_users) {
        const auto saved = std::find_if(m_saved.begin(), m_saved.end(), [&](const User &u) { return u.id == user.id; });
        if (saved != m_saved.end() && *saved == user)
            continue;
        const QByteArray bytes = QJsonDocument(toJson(user)).toJson(QJsonDocument::Indented);
        auto written = gw::store::writeFileAtomically(dir.filePath(user.id + QStringLiteral(".json")).toStdString(),
                                                      std::string_view(bytes.constData(), bytes.size()));
        if (!written)
            failures << QString::fromStdString(written.error().message);
    }
    for (const User &old : m_saved) {
        if (!find(old.id) && !QFile::remove(dir.filePath(old.id + QStringLiteral(".json"))))
            failures << tr("%1 could not be removed").arg(old.id + QStringLiteral(".json"));
    }
    if (!failures.isEmpty()) {
        m_error = failures.join(QLatin1Char('\n'));
        return false;
    }
    m_saved = m_users;
    m_error.clear();
    return true;
}

} // namespace gh::entities
