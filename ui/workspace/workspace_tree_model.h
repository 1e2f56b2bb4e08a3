#pragma once

#include <model/workspace.h>

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace gh::workspace {

// The navigator's tree: the service policy, APIs (grouped by version set, with
// their operations), products, subscriptions, named values, backends,
// policy fragments, groups and users (console data, handed in with
// setUsers()). A read-only snapshot of a model::Workspace.
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
        PolicyFragment,
        Group,
        User
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
    // Users are console data, not part of the workspace model: the shell hands them in (kept across setWorkspace).
    struct UserItem {
        QString id;
        QString text;
        QString toolTip;
    };
    void setUsers(const std::vector<UserItem> &users);

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
    std::vector<UserItem> m_users;
};

} // namespace gh::workspace
