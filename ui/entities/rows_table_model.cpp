#include "rows_table_model.h"

namespace gh::entities {

RowsTableModel::RowsTableModel(const QStringList &headers, QObject *parent)
    : QAbstractTableModel(parent), m_headers(headers)
{
}

void RowsTableModel::setRows(const QList<QStringList> &rows)
{
    if (rows == m_rows)
        return;
    beginResetModel();
    m_rows = rows;
    for (QStringList &row : m_rows) {
        while (row.size() < m_headers.size())
            row << QString();
    }
    endResetModel();
}

int RowsTableModel::appendRow(const QStringList &row)
{
    const int at = static_cast<int>(m_rows.size());
    beginInsertRows({}, at, at);
    QStringList padded = row;
    while (padded.size() < m_headers.size())
        padded << QString();
    m_rows << padded;
    endInsertRows();
    emit edited();
    return at;
}

void RowsTableModel::removeRowAt(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    emit edited();
}

int RowsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RowsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_headers.size());
}

QVariant RowsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_headers.size())
        return {};
    if (role == Qt::DisplayRole || role == Qt::EditRole || role == Qt::AccessibleTextRole)
        return m_rows[index.row()][index.column()];
    return {};
}

bool RowsTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_rows.size())
        return false;
    QString &cell = m_rows[index.row()][index.column()];
    const QString text = value.toString();
    if (cell == text)
        return false;
    cell = text;
    emit dataChanged(index, index);
    emit edited();
    return true;
}

QVariant RowsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section < m_headers.size())
        return m_headers[section];
    return QAbstractTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags RowsTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

} // namespace gh::entities
