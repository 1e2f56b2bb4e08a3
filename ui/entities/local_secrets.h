#pragma once

#include <secrets/secret_store.h>

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace gh::workspace {
class WorkspaceDocument;
}

namespace gh::entities {

// The local values a workspace keeps outside its folder, in the per-user
// secret store (secrets::SecretStore): secret named values
// ("namedValue/<name>") and subscription keys ("subscription/<name>/primaryKey"),
// under the artifacts root's absolute path, which is what the engine reads
// (engine.cpp), so the embedded gateway uses them at its next start.
//
// One per document (a child of it). Changes are undo steps on the document's
// stack, written to the store at once when done and undone: the store has no
// "save" of its own, and the folder never sees these values.
class LocalSecrets : public QObject {
    Q_OBJECT
public:
    static LocalSecrets &of(workspace::WorkspaceDocument &document);

    // Named value and subscription keys as the engine spells them.
    static QString namedValueKey(const QString &name);
    static QString subscriptionKey(const QString &subscription, const QString &which); // "primaryKey"
    // A secret variable of one of the test console's environments (the engine never reads these).
    static QString consoleVariableKey(const QString &environment, const QString &variable);

    // Whether values can be kept: the store opens, or there is none yet and the first write will create it.
    // False (and errorString() says why) when it cannot be opened.
    bool isAvailable() const;
    QString errorString() const { return m_error; }
    std::optional<QString> value(const QString &key) const;
    // The key a client sends for `subscription`: its primary key from the workspace, else the one kept in the
    // per-user secret store (where the embedded gateway reads it too); nullopt when it has none.
    std::optional<QString> primaryKeyOf(const QString &subscription) const;

    // One undo step that sets `key` to `value` (absent: removes it). Steps with the same non-empty `mergeKey`
    // merge, like typing in a field of an entity.
    void put(const QString &text, const QString &key, std::optional<QString> value, const QString &mergeKey = {});
    // Writes without an undo step (what the steps do); false when the store refused.
    bool write(const QString &key, const std::optional<QString> &value);

signals:
    void secretChanged(const QString &key);
    void failed(const QString &message);

private:
    explicit LocalSecrets(workspace::WorkspaceDocument &document);
    // Opens the store; without `create`, a user who has none yet gets none (reading never creates one).
    bool open(bool create) const;
    std::string scope() const;

    workspace::WorkspaceDocument &m_document;
    mutable std::unique_ptr<gw::secrets::SecretStore> m_store;
    mutable QString m_error;
};

} // namespace gh::entities
