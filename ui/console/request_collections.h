#pragma once

#include <QAbstractItemModel>
#include <QJsonObject>

#include <optional>
#include <vector>

namespace gh::console {

class CallHistory;

// Named requests in collections ("Save to Collection…"), per workspace, in tables of the history's SQLite file.
// A request is what the builder holds (never a key: the subscription is named). As a tree: collections, each with
// its requests by name; both can be renamed in place (setData) and removed.
class RequestCollections : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, IsCollectionRole, CollectionRole };

    explicit RequestCollections(CallHistory &history, QObject *parent = nullptr);

    // Saves `request` as `name` in `collection` (made when new), replacing a request of that name there.
    bool save(const QString &collection, const QString &name, const QJsonObject &request);
    std::optional<QJsonObject> request(const QModelIndex &index) const;
    QModelIndex find(const QString &collection, const QString &name = {}) const;
    QStringList collections() const;
    // Removes a request, or a collection with all its requests.
    bool remove(const QModelIndex &index);
    QString errorString() const { return m_error; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

public slots:
    void reload();

private:
    struct Entry {
        qint64 id;
        QString name;
        QString method;
        QString url;
    };
    struct Collection {
        QString name;
        std::vector<Entry> requests;
    };
    bool prepare();
    bool exec(const QString &sql, const QVariantList &values);

    CallHistory &m_history;
    std::vector<Collection> m_collections;
    QString m_error;
};

} // namespace gh::console
