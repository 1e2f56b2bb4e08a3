#include "operations_model.h"

#include <QColor>

namespace gh::apis {

OperationsModel::OperationsModel(QObject *parent) : QAbstractListModel(parent)
{
}

void OperationsModel::setOperations(const std::vector<gw::model::Operation> &operations)
{
    // Same rows: only the values changed, so views keep their selection and scroll position.
    if (operations.size() == m_operations.size()) {
        m_operations = operations;
        if (!m_operations.empty())
            emit dataChanged(index(0), index(rowCount() - 1));
        return;
    }
    beginResetModel();
    m_operations = operations;
    endResetModel();
}

int OperationsModel::rowOf(const QString &name) const
{
    const std::string wanted = name.toStdString();
    for (std::size_t i = 0; i < m_operations.size(); ++i)
        if (m_operations[i].name == wanted)
            return static_cast<int>(i);
    return -1;
}

QColor OperationsModel::methodColour(const QString &method)
{
    if (method == QLatin1String("GET"))
        return QColor(0x1f, 0x88, 0x3d);
    if (method == QLatin1String("POST"))
        return QColor(0xbf, 0x87, 0x00);
    if (method == QLatin1String("PUT"))
        return QColor(0x09, 0x69, 0xda);
    if (method == QLatin1String("PATCH"))
        return QColor(0x82, 0x50, 0xdf);
    if (method == QLatin1String("DELETE"))
        return QColor(0xcf, 0x22, 0x2e);
    return QColor(0x6e, 0x77, 0x81);
}

int OperationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_operations.size());
}

QVariant OperationsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const gw::model::Operation &operation = m_operations[static_cast<std::size_t>(index.row())];
    const QString method = QString::fromStdString(operation.method);
    const QString url = QString::fromStdString(operation.urlTemplate);
    const QString displayName = QString::fromStdString(operation.displayName);
    switch (role) {
    case Qt::DisplayRole:
        return method + QLatin1Char(' ') + url;
    case Qt::ToolTipRole:
        return displayName.isEmpty() ? url : displayName + QLatin1Char('\n') + method + QLatin1Char(' ') + url;
    case Qt::AccessibleTextRole:
        return tr("%1 %2, %3").arg(method, url, displayName);
    case NameRole:
        return QString::fromStdString(operation.name);
    case MethodRole:
        return method;
    case UrlTemplateRole:
        return url;
    case DisplayNameRole:
        return displayName;
    case MethodColourRole:
        return methodColour(method);
    default:
        return {};
    }
}

} // namespace gh::apis
