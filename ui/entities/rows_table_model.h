#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace gh::entities {

// An editable table of text cells (a backend's credential headers, its pool
// members). The editor fills it from the model with setRows(); what the user
// changes (a cell, an added or removed row) is announced by edited(), and the
// editor writes the whole table back as one undo step.
class RowsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit RowsTableModel(const QStringList &headers, QObject *parent = nullptr);

    // Replaces the rows; equal rows are left alone so an edit in progress is not disturbed.
    void setRows(const QList<QStringList> &rows);
    const QList<QStringList> &rows() const { return m_rows; }
    // Appends `row` (as the user's edit) and returns its index.
    int appendRow(const QStringList &row);
    void removeRowAt(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

signals:
    void edited();

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

} // namespace gh::entities
