#include "problems_model.h"

#include <QColor>

namespace gh::workspace {

ProblemsModel::ProblemsModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void ProblemsModel::setDiagnostics(gw::Diagnostics diagnostics)
{
    beginResetModel();
    m_diagnostics = std::move(diagnostics);
    endResetModel();
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_diagnostics.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const gw::Diagnostic &d = diagnostic(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case SeverityColumn:
            switch (d.severity) {
            case gw::Severity::Error:
                return tr("Error");
            case gw::Severity::Warning:
                return tr("Warning");
            case gw::Severity::Note:
                return tr("Note");
            }
            return {};
        case MessageColumn:
            return QString::fromStdString(d.message);
        case FileColumn:
            return QString::fromStdString(d.location.file);
        case LineColumn:
            if (d.location.line <= 0)
                return {};
            return d.location.column > 0 ? QStringLiteral("%1:%2").arg(d.location.line).arg(d.location.column)
                                         : QString::number(d.location.line);
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == SeverityColumn)
        return d.severity == gw::Severity::Error ? QColor(0xd0, 0x30, 0x30) : QColor(0xc0, 0x80, 0x00);
    if (role == Qt::ToolTipRole)
        return QString::fromStdString(gw::format(d));
    return {};
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case MessageColumn:
        return tr("Message");
    case FileColumn:
        return tr("File");
    case LineColumn:
        return tr("Line");
    default:
        return {};
    }
}

} // namespace gh::workspace
