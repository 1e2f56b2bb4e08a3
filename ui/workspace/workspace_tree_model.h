#pragma once

#include <model/workspace.h>

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace gh::workspace {

// The navigator's tree: the service policy, APIs (grouped by version set, with
// their operations), products, subscriptions, named values, backends and
// policy fragments. A read-only snapshot of a model::Workspace.
class WorkspaceTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class Kind {
        Category,
        ServicePolicy,
        VersionSet,
        Api,
        Operation,
        Product,
        Subscription,
        NamedValue,
        Backend,
        PolicyFragment
    };
    Q_ENUM(Kind)

    enum Role {
        KindRole = Qt::UserRole + 1, // Kind
        NameRole,                    // the entity's ARM name (folder name)
        TitleRole,                   // a name that stands alone, for tabs: "Conference API v1"
        ApiNameRole,                 // an operation's API (ARM name)
    };

    explicit WorkspaceTreeModel(QObject *parent = nullptr);
    ~WorkspaceTreeModel() override;

    void setWorkspace(const gw::model::Workspace &workspace);
    void clear();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node;
    Node *nodeFor(const QModelIndex &index) const;
    void build(const gw::model::Workspace &workspace);

    std::unique_ptr<Node> m_root;
};

} // namespace gh::workspace
