#include "check_list_model.h"

namespace gh::entities {

CheckListModel::CheckListModel(QObject *parent) : QAbstractListModel(parent)
{
}

void CheckListModel::setItems(const QList<Item> &items)
{
    if (items == m_items)
        return;
    if (items.size() == m_items.size()) {
        bool sameIds = true;
        for (qsizetype i = 0; i < items.size() && sameIds; ++i)
            sameIds = items[i].id == m_items[i].id;
        if (sameIds) { // only texts or checks changed: no reset, the view keeps its current row
            m_items = items;
            emit dataChanged(index(0), index(static_cast<int>(m_items.size()) - 1));
            return;
        }
    }
    beginResetModel();
    m_items = items;
    endResetModel();
}

QStringList CheckListModel::checkedIds() const
{
    QStringList ids;
    for (const Item &item : m_items) {
        if (item.checked)
            ids << item.id;
    }
    return ids;
}

int CheckListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

QVariant CheckListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const Item &item = m_items[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return item.text;
    case Qt::ToolTipRole:
        return item.toolTip.isEmpty() ? QVariant() : QVariant(item.toolTip);
    case Qt::CheckStateRole:
        return item.checked ? Qt::Checked : Qt::Unchecked;
    case IdRole:
        return item.id;
    default:
        return {};
    }
}

bool CheckListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::CheckStateRole || index.row() >= m_items.size())
        return false;
    const bool checked = value.value<Qt::CheckState>() == Qt::Checked;
    Item &item = m_items[index.row()];
    if (item.checked == checked)
        return false;
    item.checked = checked;
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit toggled(item.id, checked);
    return true;
}

Qt::ItemFlags CheckListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
}

} // namespace gh::entities
