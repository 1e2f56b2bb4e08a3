#include "request_collections.h"

#include "call_history.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace gh::console {

namespace {

// Requests carry their collection's row in the internal id (row + 1); collections carry 0.
constexpr quintptr kCollection = 0;

} // namespace

RequestCollections::RequestCollections(CallHistory &history, QObject *parent)
    : QAbstractItemModel(parent), m_history(history)
{
    connect(&m_history, &CallHistory::reopened, this, &RequestCollections::reload);
    reload();
}

bool RequestCollections::prepare()
{
    if (!m_history.ensureDatabase()) {
        m_error =
            m_history.errorString().isEmpty() ? tr("Open a workspace to keep requests.") : m_history.errorString();
        return false;
    }
    QSqlQuery query(QSqlDatabase::database(m_history.connectionName()));
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS saved_requests (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                                   "collection TEXT NOT NULL, name TEXT NOT NULL, request TEXT NOT NULL, "
                                   "UNIQUE (collection, name))"))) {
        m_error = tr("Cannot prepare the collections: %1").arg(query.lastError().text());
        return false;
    }
    return true;
}

bool RequestCollections::exec(const QString &sql, const QVariantList &values)
{
    if (!prepare())
        return false;
    QSqlQuery query(QSqlDatabase::database(m_history.connectionName()));
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    return true;
}

void RequestCollections::reload()
{
    beginResetModel();
    m_collections.clear();
    if (m_history.hasDatabase()) {
        QSqlQuery query(QSqlDatabase::database(m_history.connectionName()));
        // Reading makes nothing: the table exists once something was saved.
        if (query.exec(QStringLiteral("SELECT id, collection, name, request FROM saved_requests "
                                      "ORDER BY collection COLLATE NOCASE, name COLLATE NOCASE"))) {
            while (query.next()) {
                const QString collection = query.value(1).toString();
                if (m_collections.empty() || m_collections.back().name != collection)
                    m_collections.push_back({collection, {}});
                const QJsonObject request = QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object();
                m_collections.back().requests.push_back({query.value(0).toLongLong(), query.value(2).toString(),
                                                         request.value(QStringLiteral("method")).toString(),
                                                         request.value(QStringLiteral("url")).toString()});
            }
        }
    }
    endResetModel();
}

bool RequestCollections::save(const QString &collection, const QString &name, const QJsonObject &request)
{
    const QString c = collection.trimmed();
    const QString n = name.trimmed();
    if (c.isEmpty() || n.isEmpty()) {
        m_error = tr("Name the request and its collection.");
        return false;
    }
    const bool ok = exec(QStringLiteral("INSERT INTO saved_requests (collection, name, request) VALUES (?, ?, ?) "
                                        "ON CONFLICT (collection, name) DO UPDATE SET request = excluded.request"),
                         {c, n, QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact))});
    if (ok)
        reload();
    return ok;
}

std::optional<QJsonObject> RequestCollections::request(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kCollection || !m_history.hasDatabase())
        return std::nullopt;
    QSqlQuery query(QSqlDatabase::database(m_history.connectionName()));
    query.prepare(QStringLiteral("SELECT request FROM saved_requests WHERE id = ?"));
    query.addBindValue(index.data(IdRole));
    if (!query.exec() || !query.next())
        return std::nullopt;
    return QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
}

QModelIndex RequestCollections::find(const QString &collection, const QString &name) const
{
    for (int c = 0; c < static_cast<int>(m_collections.size()); ++c) {
        if (m_collections[c].name != collection)
            continue;
        if (name.isEmpty())
            return index(c, 0);
        const auto &requests = m_collections[c].requests;
        for (int r = 0; r < static_cast<int>(requests.size()); ++r)
            if (requests[r].name == name)
                return index(r, 0, index(c, 0));
    }
    return {};
}

QStringList RequestCollections::collections() const
{
    QStringList out;
    for (const Collection &collection : m_collections)
        out << collection.name;
    return out;
}

bool RequestCollections::remove(const QModelIndex &index)
{
    if (!index.isValid())
        return false;
    const bool ok =
        index.internalId() == kCollection
            ? exec(QStringLiteral("DELETE FROM saved_requests WHERE collection = ?"), {index.data(CollectionRole)})
            : exec(QStringLiteral("DELETE FROM saved_requests WHERE id = ?"), {index.data(IdRole)});
    if (ok)
        reload();
    return ok;
}

QModelIndex RequestCollections::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column != 0)
        return {};
    if (!parent.isValid())
        return row < static_cast<int>(m_collections.size()) ? createIndex(row, 0, kCollection) : QModelIndex();
    if (parent.internalId() != kCollection)
        return {};
    const auto &requests = m_collections[parent.row()].requests;
    return row < static_cast<int>(requests.size()) ? createIndex(row, 0, static_cast<quintptr>(parent.row() + 1))
                                                   : QModelIndex();
}

QModelIndex RequestCollections::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kCollection)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kCollection);
}

int RequestCollections::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_collections.size());
    if (parent.internalId() != kCollection)
        return 0;
    return static_cast<int>(m_collections[parent.row()].requests.size());
}

int RequestCollections::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant RequestCollections::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kCollection) {
        const Collection &collection = m_collections[index.row()];
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
        case CollectionRole:
            return collection.name;
        case Qt::ToolTipRole:
            return tr("%1: %n request(s)", nullptr, static_cast<int>(collection.requests.size())).arg(collection.name);
        case IsCollectionRole:
            return true;
        }
        return {};
    }
    const Collection &collection = m_collections[index.internalId() - 1];
    const Entry &entry = collection.requests[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return entry.name;
    case Qt::ToolTipRole:
        return tr("%1 %2").arg(entry.method, entry.url);
    case IdRole:
        return entry.id;
    case IsCollectionRole:
        return false;
    case CollectionRole:
        return collection.name;
    }
    return {};
}

bool RequestCollections::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const QString name = value.toString().trimmed();
    if (!index.isValid() || role != Qt::EditRole || name.isEmpty() || name == index.data().toString())
        return false;
    const bool collection = index.internalId() == kCollection;
    // A name taken in the same collection is refused rather than overwriting the other request.
    if (!collection && find(index.data(CollectionRole).toString(), name).isValid()) {
        m_error = tr("The collection has a request named %1 already.").arg(name);
        return false;
    }
    if (collection && find(name).isValid()) {
        m_error = tr("There is a collection named %1 already.").arg(name);
        return false;
    }
    const bool ok = collection ? exec(QStringLiteral("UPDATE saved_requests SET collection = ? WHERE collection = ?"),
                                      {name, index.data(CollectionRole)})
                               : exec(QStringLiteral("UPDATE saved_requests SET name = ? WHERE id = ?"),
                                      {name, index.data(IdRole)});
    if (ok)
        reload();
    return ok;
}

Qt::ItemFlags RequestCollections::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

} // namespace gh::console
