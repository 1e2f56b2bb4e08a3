#pragma once

#include <common/diagnostic.h>

#include <QAbstractTableModel>

namespace gh::workspace {

// The problems dock's table: one row per diagnostic of the workspace.
class ProblemsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SeverityColumn, MessageColumn, FileColumn, LineColumn, ColumnCount };

    explicit ProblemsModel(QObject *parent = nullptr);

    void setDiagnostics(gw::Diagnostics diagnostics);
    const gw::Diagnostic &diagnostic(int row) const { return m_diagnostics.at(static_cast<std::size_t>(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    gw::Diagnostics m_diagnostics;
};

} // namespace gh::workspace
