#include "key_value_model.h"

#include <QColor>
#include <QDir>
#include <QFileIconProvider>
#include <QFileInfo>
#include <QPalette>

namespace gh::console {

KeyValueModel::KeyValueModel(bool editable, QObject *parent)
    : QAbstractTableModel(parent), m_editable(editable), m_nameTitle(tr("Name")), m_valueTitle(tr("Value"))
{
}

QList<KeyValueModel::Pair> KeyValueModel::pairs() const
{
    QList<Pair> out;
    for (const Pair &pair : m_pairs)
        if (!pair.first.trimmed().isEmpty())
            out.append({pair.first.trimmed(), pair.second});
    return out;
}

void KeyValueModel::setPairs(const QList<Pair> &pairs)
{
    beginResetModel();
    m_pairs = pairs;
    m_files = QList<bool>(pairs.size(), false);
    endResetModel();
}

QList<KeyValueModel::Entry> KeyValueModel::entries() const
{
    QList<Entry> out;
    for (int i = 0; i < m_pairs.size(); ++i)
        if (!m_pairs[i].first.trimmed().isEmpty())
            out.append({m_pairs[i].first.trimmed(), m_pairs[i].second, m_files.value(i)});
    return out;
}

void KeyValueModel::setEntries(const QList<Entry> &entries)
{
    beginResetModel();
    m_pairs.clear();
    m_files.clear();
    for (const Entry &entry : entries) {
        m_pairs.append({entry.name, entry.value});
        m_files.append(entry.file);
    }
    endResetModel();
}

void KeyValueModel::addFile(const QString &name, const QString &path)
{
    const int row = static_cast<int>(m_pairs.size());
    beginInsertRows({}, row, row);
    m_pairs.append({name, path});
    m_files.append(true);
    endInsertRows();
    emit pairsEdited();
}

void KeyValueModel::setHeaderTitles(const QString &name, const QString &value)
{
    m_nameTitle = name;
    m_valueTitle = value;
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int KeyValueModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return static_cast<int>(m_pairs.size()) + (m_editable ? 1 : 0); // the empty row takes a new pair
}

int KeyValueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyValueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const bool newRow = index.row() >= m_pairs.size();
    if (newRow) {
        if (role == Qt::DisplayRole && index.column() == NameColumn)
            return tr("Add…");
        if (role == Qt::ForegroundRole)
            return QPalette().color(QPalette::Disabled, QPalette::Text);
        return {};
    }
    const Pair &pair = m_pairs.at(index.row());
    if (isFile(index.row()) && index.column() == ValueColumn) {
        // A file shows as its name with a file icon; the path is in the tooltip and what is edited.
        if (role == Qt::DisplayRole)
            return QFileInfo(pair.second).fileName();
        if (role == Qt::DecorationRole)
            return QFileIconProvider().icon(QFileIconProvider::File);
        if (role == Qt::ToolTipRole)
            return tr("File %1").arg(QDir::toNativeSeparators(pair.second));
    }
    if (role == Qt::DisplayRole || role == Qt::EditRole || role == Qt::ToolTipRole)
        return index.column() == NameColumn ? pair.first : pair.second;
    return {};
}

bool KeyValueModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_editable || !index.isValid() || role != Qt::EditRole)
        return false;
    const QString text = value.toString();
    if (index.row() >= m_pairs.size()) {
        if (text.isEmpty())
            return false;
        // Typing in the empty row adds a pair and a new empty row below it.
        beginInsertRows({}, static_cast<int>(m_pairs.size()) + 1, static_cast<int>(m_pairs.size()) + 1);
        m_pairs.append(index.column() == NameColumn ? Pair{text, {}} : Pair{{}, text});
        m_files.append(false);
        endInsertRows();
        emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
        emit pairsEdited();
        return true;
    }
    Pair &pair = m_pairs[index.row()];
    (index.column() == NameColumn ? pair.first : pair.second) = text;
    emit dataChanged(index, index);
    emit pairsEdited();
    return true;
}

Qt::ItemFlags KeyValueModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_editable)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant KeyValueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return section == NameColumn ? m_nameTitle : m_valueTitle;
    return QAbstractTableModel::headerData(section, orientation, role);
}

bool KeyValueModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_pairs.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_pairs.remove(row, count);
    m_files.remove(row, count);
    endRemoveRows();
    emit pairsEdited();
    return true;
}

} // namespace gh::console
