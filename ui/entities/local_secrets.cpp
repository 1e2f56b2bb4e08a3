#include "local_secrets.h"

#include <ui/workspace/workspace_document.h>

#include <QUndoCommand>

#include <filesystem>

namespace gh::entities {

namespace {

// One undo step that swaps one secret's value in the store.
class SecretCommand : public QUndoCommand {
public:
    SecretCommand(LocalSecrets &secrets, const QString &text, QString key, std::optional<QString> before,
                  std::optional<QString> after, QString mergeKey)
        : QUndoCommand(text), m_secrets(secrets), m_key(std::move(key)), m_before(std::move(before)),
          m_after(std::move(after)), m_mergeKey(std::move(mergeKey))
    {
    }
    void redo() override { m_secrets.write(m_key, m_after); }
    void undo() override { m_secrets.write(m_key, m_before); }
    int id() const override { return m_mergeKey.isEmpty() ? -1 : 3; }
    bool mergeWith(const QUndoCommand *other) override
    {
        auto *next = dynamic_cast<const SecretCommand *>(other);
        if (!next || next->m_mergeKey != m_mergeKey || next->m_key != m_key)
            return false;
        m_after = next->m_after;
        return true;
    }

private:
    LocalSecrets &m_secrets;
    QString m_key;
    std::optional<QString> m_before;
    std::optional<QString> m_after;
    QString m_mergeKey;
};

} // namespace

LocalSecrets &LocalSecrets::of(workspace::WorkspaceDocument &document)
{
    if (auto *existing = document.findChild<LocalSecrets *>(QString(), Qt::FindDirectChildrenOnly))
        return *existing;
    return *new LocalSecrets(document);
}

LocalSecrets::LocalSecrets(workspace::WorkspaceDocument &document) : QObject(&document), m_document(document)
{
}

QString LocalSecrets::namedValueKey(const QString &name)
{
    return QStringLiteral("namedValue/") + name;
}

QString LocalSecrets::subscriptionKey(const QString &subscription, const QString &which)
{
    return QStringLiteral("subscription/") + subscription + QLatin1Char('/') + which;
}

QString LocalSecrets::consoleVariableKey(const QString &environment, const QString &variable)
{
    return QStringLiteral("console-environment/") + environment + QLatin1Char('/') + variable;
}

bool LocalSecrets::open(bool create) const
{
    if (m_store)
        return true;
    const auto folder = gw::secrets::SecretStore::defaultFolder();
    if (folder.empty()) {
        m_error = tr("There is no home folder to keep the secret store in.");
        return false;
    }
    std::error_code ec;
    if (!create && !std::filesystem::exists(folder / "secrets.bin", ec))
        return false;
    // The engine opens the store without the keyring (it runs headless too), so the console does the same:
    // a store keyed from the keyring could not be read by the embedded gateway.
    gw::secrets::OpenOptions options;
    options.useKeyring = false;
    auto store = gw::secrets::SecretStore::open(folder, options);
    if (!store) {
        m_error = tr("The secret store cannot be opened: %1").arg(QString::fromStdString(store.error().message));
        return false;
    }
    m_store = std::make_unique<gw::secrets::SecretStore>(std::move(store.value()));
    m_error.clear();
    return true;
}

bool LocalSecrets::isAvailable() const
{
    if (open(false))
        return true;
    std::error_code ec;
    const auto folder = gw::secrets::SecretStore::defaultFolder();
    return !folder.empty() && !std::filesystem::exists(folder / "secrets.bin", ec);
}

std::string LocalSecrets::scope() const
{
    return m_document.root().toStdString();
}

std::optional<QString> LocalSecrets::primaryKeyOf(const QString &subscription) const
{
    const auto *entity = m_document.find<gw::model::Subscription>(subscription.toStdString());
    if (!entity)
        return std::nullopt;
    if (entity->primaryKey && !entity->primaryKey->empty())
        return QString::fromStdString(*entity->primaryKey);
    return value(subscriptionKey(subscription, QStringLiteral("primaryKey")));
}

std::optional<QString> LocalSecrets::value(const QString &key) const
{
    if (!m_document.isOpen() || !open(false))
        return std::nullopt;
    auto text = m_store->get(scope(), key.toStdString());
    if (!text)
        return std::nullopt;
    return QString::fromStdString(*text);
}

void LocalSecrets::put(const QString &text, const QString &key, std::optional<QString> value, const QString &mergeKey)
{
    if (!m_document.isOpen() || !open(true)) {
        emit failed(m_error);
        return;
    }
    m_document.undoStack()->push(new SecretCommand(*this, text, key, this->value(key), std::move(value), mergeKey));
}

bool LocalSecrets::write(const QString &key, const std::optional<QString> &value)
{
    if (!m_document.isOpen() || !open(true)) {
        emit failed(m_error);
        return false;
    }
    auto result = value ? m_store->set(scope(), key.toStdString(), value->toStdString())
                        : m_store->remove(scope(), key.toStdString());
    if (!result) {
        m_error = tr("The secret store refused the change: %1").arg(QString::fromStdString(result.error().message));
        emit failed(m_error);
        emit secretChanged(key);
        return false;
    }
    emit secretChanged(key);
    return true;
}

} // namespace gh::entities
