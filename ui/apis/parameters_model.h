#pragma once

#include <model/api_contract.h>

#include <QAbstractTableModel>

#include <vector>

namespace gh::apis {

// An operation's parameters in one table: template parameters first (their names follow the URL template, so they
// cannot be renamed here), then query parameters and headers. Edits change the model's copy and emit
// parametersEdited(); the designer commits them.
class ParametersModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { InColumn, NameColumn, TypeColumn, RequiredColumn, DefaultColumn, DescriptionColumn, ColumnCount };
    enum class In { Template, Query, Header };

    explicit ParametersModel(QObject *parent = nullptr);

    void setOperation(const gw::model::Operation &operation);
    // Writes the table's parameters into `operation`.
    void applyTo(gw::model::Operation &operation) const;

    // Adds a parameter with a name not used yet; returns its row.
    int addParameter(In in);
    void removeRow(int row);
    In inOf(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void parametersEdited();

private:
    struct Row {
        In in;
        gw::model::Parameter parameter;
    };
    std::vector<Row> m_rows;
};

} // namespace gh::apis
