#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace gh::workspace {
class WorkspaceDocument;
}

namespace gh::entities {

// A user as APIM describes one (subscription owners). Users are console data:
// APIOps does not carry them, so they live in `.gatehouse/users/<id>.json`
// beside the artifacts root (store::consoleDataFolder), never inside it.
struct User {
    QString id; // the file name, and the last segment of a subscription's ownerId
    QString firstName;
    QString lastName;
    QString email;
    QString state = QStringLiteral("active"); // active | blocked | pending | deleted
    QString note;
    QStringList groups; // group names
    QJsonObject file;   // the file as read: keys the console does not edit are written back unchanged

    QString displayName() const;
    friend bool operator==(const User &, const User &) = default;
};

// The users of the open workspace. One per document (a child of it): loaded
// when the workspace opens, edited through undo steps on the document's stack
// like any entity, and written when the document is saved (each changed file
// atomically; removed users' files deleted).
class UserDirectory : public QObject {
    Q_OBJECT
public:
    static UserDirectory &of(workspace::WorkspaceDocument &document);

    QString folder() const; // where the user files are; empty without a workspace
    const QList<User> &users() const { return m_users; }
    const User *find(const QString &id) const;

    // Replaces the user `id` with `user` (absent: removes it; an unknown id: adds it) as one undo step.
    void put(const QString &text, const QString &id, std::optional<User> user, const QString &mergeKey = {});
    // Writes what changed since the last load or save. Returns false (errorString() says why) on a failed write.
    bool save();
    QString errorString() const { return m_error; }
    bool isModified() const;

    // Swaps the user in place and announces it; what the undo steps do.
    void replace(const QString &id, const std::optional<User> &user, int position);
    int indexOf(const QString &id) const;

signals:
    // After any change of a user; `oldId`/`newId` differ on a rename, one is empty on an add or remove.
    void userChanged(const QString &oldId, const QString &newId);
    void saveFailed(const QString &message);

private:
    explicit UserDirectory(workspace::WorkspaceDocument &document);
    void load();

    workspace::WorkspaceDocument &m_document;
    QList<User> m_users;
    QList<User> m_saved; // as on disk
    QString m_error;
};

// The JSON file of a user, keeping the keys of `user.file` the form does not edit.
QJsonObject toJson(const User &user);
User userFromJson(const QString &id, const QJsonObject &json);

} // namespace gh::entities
