#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QPair>
#include <QString>

namespace gh::console {

// Name/value pairs as a table: a request's query parameters or headers (editable, with an empty last row where a
// new pair is typed), or a response's headers (read-only).
class KeyValueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using Pair = QPair<QString, QString>;
    // A pair of a multipart body may be a file: its value is then the file's path.
    struct Entry {
        QString name;
        QString value;
        bool file = false;
    };
    enum Column { NameColumn, ValueColumn, ColumnCount };

    explicit KeyValueModel(bool editable, QObject *parent = nullptr);

    // The pairs, without the empty row; pairs with an empty name are left out.
    QList<Pair> pairs() const;
    void setPairs(const QList<Pair> &pairs);
    void setHeaderTitles(const QString &name, const QString &value);

    // The pairs with their kind (text or file), without the empty row.
    QList<Entry> entries() const;
    void setEntries(const QList<Entry> &entries);
    // Adds a file row (multipart bodies): `name` sent with the contents of the file at `path`.
    void addFile(const QString &name, const QString &path);
    bool isFile(int row) const { return row >= 0 && row < m_files.size() && m_files.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

signals:
    void pairsEdited();

private:
    bool m_editable;
    QList<Pair> m_pairs;
    QList<bool> m_files; // parallel to m_pairs
    QString m_nameTitle;
    QString m_valueTitle;
};

} // namespace gh::console
