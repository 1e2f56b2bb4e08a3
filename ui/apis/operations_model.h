#pragma once

#include <model/api_contract.h>

#include <QAbstractListModel>

#include <vector>

namespace gh::apis {

// The operations of one API's contract, for the designer's list: "GET  /sessions/{id}" with the method coloured
// (ForegroundRole of MethodRole) and the display name below. A snapshot: the designer sets it again after edits.
class OperationsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        NameRole = Qt::UserRole + 1, // operationId
        MethodRole,                  // "GET"
        UrlTemplateRole,
        DisplayNameRole,
        MethodColourRole, // QColor of the method's badge
    };

    explicit OperationsModel(QObject *parent = nullptr);

    void setOperations(const std::vector<gw::model::Operation> &operations);
    const std::vector<gw::model::Operation> &operations() const { return m_operations; }
    int rowOf(const QString &name) const; // -1 when absent

    static QColor methodColour(const QString &method);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    std::vector<gw::model::Operation> m_operations;
};

} // namespace gh::apis
