#include "parameters_model.h"

namespace gh::apis {

ParametersModel::ParametersModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void ParametersModel::setOperation(const gw::model::Operation &operation)
{
    std::vector<Row> rows;
    for (const auto &p : operation.templateParameters)
        rows.push_back({In::Template, p});
    for (const auto &p : operation.queryParameters)
        rows.push_back({In::Query, p});
    for (const auto &p : operation.headers)
        rows.push_back({In::Header, p});
    auto same = [](const Row &a, const Row &b) {
        return a.in == b.in && a.parameter.name == b.parameter.name && a.parameter.type == b.parameter.type &&
               a.parameter.required == b.parameter.required && a.parameter.defaultValue == b.parameter.defaultValue &&
               a.parameter.description == b.parameter.description;
    };
    if (rows.size() == m_rows.size()) {
        if (std::equal(rows.begin(), rows.end(), m_rows.begin(), same)) {
            m_rows = std::move(rows); // schemas may differ; what shows does not
            return;
        }
        m_rows = std::move(rows);
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void ParametersModel::applyTo(gw::model::Operation &operation) const
{
    operation.templateParameters.clear();
    operation.queryParameters.clear();
    operation.headers.clear();
    for (const Row &row : m_rows) {
        switch (row.in) {
        case In::Template:
            operation.templateParameters.push_back(row.parameter);
            break;
        case In::Query:
            operation.queryParameters.push_back(row.parameter);
            break;
        case In::Header:
            operation.headers.push_back(row.parameter);
            break;
        }
    }
}

int ParametersModel::addParameter(In in)
{
    const QString base = in == In::Header ? QStringLiteral("X-Header") : QStringLiteral("parameter");
    QString name = base;
    for (int n = 2;; ++n) {
        const bool used = std::any_of(m_rows.begin(), m_rows.end(), [&](const Row &row) {
            return row.in == in && QString::fromStdString(row.parameter.name) == name;
        });
        if (!used)
            break;
        name = base + QString::number(n);
    }
    // Rows stay grouped: template, query, header.
    int row = 0;
    while (row < rowCount() && static_cast<int>(m_rows[static_cast<std::size_t>(row)].in) <= static_cast<int>(in))
        ++row;
    gw::model::Parameter parameter;
    parameter.name = name.toStdString();
    parameter.type = "string";
    beginInsertRows({}, row, row);
    m_rows.insert(m_rows.begin() + row, Row{in, parameter});
    endInsertRows();
    emit parametersEdited();
    return row;
}

void ParametersModel::removeRow(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
    emit parametersEdited();
}

ParametersModel::In ParametersModel::inOf(int row) const
{
    return m_rows.at(static_cast<std::size_t>(row)).in;
}

int ParametersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ParametersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ParametersModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    const gw::model::Parameter &p = row.parameter;
    if (role == Qt::CheckStateRole && index.column() == RequiredColumn)
        return p.required || row.in == In::Template ? Qt::Checked : Qt::Unchecked;
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case InColumn:
        switch (row.in) {
        case In::Template:
            return tr("template");
        case In::Query:
            return tr("query");
        case In::Header:
            return tr("header");
        }
        return {};
    case NameColumn:
        return QString::fromStdString(p.name);
    case TypeColumn:
        return QString::fromStdString(p.type);
    case RequiredColumn:
        return role == Qt::ToolTipRole && row.in == In::Template ? tr("Template parameters are always required")
                                                                 : QVariant();
    case DefaultColumn:
        return p.defaultValue ? QString::fromStdString(*p.defaultValue) : QString();
    case DescriptionColumn:
        return QString::fromStdString(p.description);
    default:
        return {};
    }
}

bool ParametersModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= rowCount())
        return false;
    Row &row = m_rows[static_cast<std::size_t>(index.row())];
    gw::model::Parameter &p = row.parameter;
    if (role == Qt::CheckStateRole && index.column() == RequiredColumn) {
        if (row.in == In::Template)
            return false;
        p.required = value.value<Qt::CheckState>() == Qt::Checked;
    } else if (role == Qt::EditRole) {
        const std::string text = value.toString().trimmed().toStdString();
        switch (index.column()) {
        case NameColumn:
            if (row.in == In::Template || text.empty())
                return false;
            p.name = text;
            break;
        case TypeColumn:
            p.type = text;
            break;
        case DefaultColumn:
            p.defaultValue = text.empty() ? std::nullopt : std::optional(text);
            break;
        case DescriptionColumn:
            p.description = value.toString().toStdString();
            break;
        default:
            return false;
        }
    } else {
        return false;
    }
    emit dataChanged(index, index);
    emit parametersEdited();
    return true;
}

Qt::ItemFlags ParametersModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const In in = m_rows[static_cast<std::size_t>(index.row())].in;
    switch (index.column()) {
    case NameColumn:
        if (in != In::Template)
            flags |= Qt::ItemIsEditable;
        break;
    case RequiredColumn:
        if (in != In::Template)
            flags |= Qt::ItemIsUserCheckable;
        break;
    case TypeColumn:
    case DefaultColumn:
    case DescriptionColumn:
        flags |= Qt::ItemIsEditable;
        break;
    default:
        break;
    }
    return flags;
}

QVariant ParametersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case InColumn:
        return tr("In");
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case RequiredColumn:
        return tr("Required");
    case DefaultColumn:
        return tr("Default");
    case DescriptionColumn:
        return tr("Description");
    default:
        return {};
    }
}

} // namespace gh::apis
