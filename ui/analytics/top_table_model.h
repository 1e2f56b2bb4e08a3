#pragma once

#include <telemetry/analytics_store.h>

#include <QAbstractTableModel>

#include <vector>

namespace gh::analytics {

// One "top" table of the dashboard (APIs, operations, products or subscriptions): name, calls, error %, p95.
class TopTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Calls, ErrorRate, P95, ColumnCount };

    explicit TopTableModel(QString nameHeader, QObject *parent = nullptr);

    void setRows(std::vector<gw::telemetry::RankedStats> rows);
    const gw::telemetry::RankedStats &row(int index) const { return m_rows[static_cast<std::size_t>(index)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString m_nameHeader;
    std::vector<gw::telemetry::RankedStats> m_rows;
};

} // namespace gh::analytics
