#include "top_table_model.h"

#include <QLocale>

namespace gh::analytics {

TopTableModel::TopTableModel(QString nameHeader, QObject *parent)
    : QAbstractTableModel(parent), m_nameHeader(std::move(nameHeader))
{
}

void TopTableModel::setRows(std::vector<gw::telemetry::RankedStats> rows)
{
    // Same names in the same order (the usual case while live): update the numbers in place, so a selection stays.
    bool sameRows = rows.size() == m_rows.size();
    for (std::size_t i = 0; sameRows && i < rows.size(); ++i)
        sameRows = rows[i].name == m_rows[i].name && rows[i].api == m_rows[i].api;
    if (sameRows) {
        m_rows = std::move(rows);
        if (!m_rows.empty())
            emit dataChanged(index(0, Calls), index(rowCount() - 1, P95));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int TopTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TopTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const auto &row = m_rows[static_cast<std::size_t>(index.row())];
    const auto &stats = row.stats;
    if (role == Qt::TextAlignmentRole)
        return index.column() == Name ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::UserRole)
        return {};
    const double errorRate = stats.calls ? 100.0 * static_cast<double>(stats.failed()) / stats.calls : 0.0;
    const double p95 = static_cast<double>(stats.totalLatency.percentile(0.95)) / 1000.0;
    if (role == Qt::UserRole) // the raw value, for sorting and tests
        switch (index.column()) {
        case Name:
            return QString::fromStdString(row.name);
        case Calls:
            return QVariant::fromValue<qulonglong>(stats.calls);
        case ErrorRate:
            return errorRate;
        default:
            return p95;
        }
    const QLocale locale;
    switch (index.column()) {
    case Name:
        return row.api.empty()
                   ? QString::fromStdString(row.name)
                   : QStringLiteral("%1 › %2").arg(QString::fromStdString(row.api), QString::fromStdString(row.name));
    case Calls:
        return locale.toString(static_cast<qulonglong>(stats.calls));
    case ErrorRate:
        return locale.toString(errorRate, 'f', 1) + QStringLiteral(" %");
    case P95:
        return locale.toString(p95, 'f', p95 < 10 ? 2 : 1) + QStringLiteral(" ms");
    default:
        return {};
    }
}

QVariant TopTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return m_nameHeader;
    case Calls:
        return tr("Calls");
    case ErrorRate:
        return tr("Errors");
    case P95:
        return tr("p95");
    default:
        return {};
    }
}

} // namespace gh::analytics
