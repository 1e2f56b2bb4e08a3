#include "workspace_tree_model.h"

#include <QColor>
#include <QFont>

namespace gh::workspace {

using Kind = WorkspaceTreeModel::Kind;

struct WorkspaceTreeModel::Node {
    Kind kind = Kind::Category;
    QString text;
    QString name;
    QString toolTip;
    QString title; // when it differs from text
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    Node *add(Kind childKind, QString childText, QString childName = {}, QString childToolTip = {})
    {
        auto child = std::make_unique<Node>();
        child->kind = childKind;
        child->text = std::move(childText);
        child->name = std::move(childName);
        child->toolTip = std::move(childToolTip);
        child->parent = this;
        children.push_back(std::move(child));
        return children.back().get();
    }

    int row() const
    {
        if (!parent)
            return 0;
        for (std::size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return static_cast<int>(i);
        }
        return 0;
    }
};

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

QString q(const std::optional<std::string> &text)
{
    return text ? q(*text) : QString();
}

QString orName(const std::optional<std::string> &displayName, const std::string &name)
{
    return q(displayName && !displayName->empty() ? *displayName : name);
}

} // namespace

WorkspaceTreeModel::WorkspaceTreeModel(QObject *parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
}

WorkspaceTreeModel::~WorkspaceTreeModel() = default;

void WorkspaceTreeModel::setWorkspace(const gw::model::Workspace &workspace)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    build(workspace);
    endResetModel();
}

void WorkspaceTreeModel::setUsers(const std::vector<UserItem> &users)
{
    beginResetModel();
    m_users = users;
    for (auto &category : m_root->children) {
        if (category->kind == Kind::Category && category->name == QLatin1String("users")) {
            category->children.clear();
            for (const auto &user : m_users)
                category->add(Kind::User, user.text, user.id, user.toolTip);
        }
    }
    endResetModel();
}

void WorkspaceTreeModel::clear()
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    endResetModel();
}

void WorkspaceTreeModel::build(const gw::model::Workspace &workspace)
{
    if (workspace.policy)
        m_root->add(Kind::ServicePolicy, tr("Service policy"), QStringLiteral("policy"),
                    tr("The global policy: applies to every API"));

    // Under its version set an API is shown by its version, as APIM's portal does.
    auto addApi = [](Node *parent, const gw::model::Api &api) {
        QString text = orName(api.displayName, api.name);
        if (parent->kind == Kind::VersionSet)
            text = api.apiVersion.value_or("").empty() ? tr("Original") : q(api.apiVersion);
        if (api.isRevisionFolder())
            text += QLatin1Char(' ') + tr("(revision %1)").arg(q(api.apiRevision));
        Node *apiNode =
            parent->add(Kind::Api, text, q(api.name),
                        tr("/%1 → %2").arg(q(api.path), api.serviceUrl ? q(api.serviceUrl) : tr("no backend")));
        if (parent->kind == Kind::VersionSet)
            apiNode->title = parent->text + QLatin1Char(' ') + text;
        for (const auto &operation : api.contract.operations) {
            apiNode->add(Kind::Operation, q(operation.method) + QLatin1Char(' ') + q(operation.urlTemplate),
                         q(operation.name), q(operation.displayName));
        }
    };

    Node *apis = m_root->add(Kind::Category, tr("APIs"), QStringLiteral("apis"));
    for (const auto &versionSet : workspace.versionSets) {
        Node *setNode = nullptr;
        for (const auto &api : workspace.apis) {
            if (!api.apiVersionSetId || !gw::model::refersTo(*api.apiVersionSetId, "apiVersionSets", versionSet.name))
                continue;
            if (!setNode)
                setNode =
                    apis->add(Kind::VersionSet, orName(versionSet.displayName, versionSet.name), q(versionSet.name),
                              tr("Version set, versioned by %1").arg(q(versionSet.versioningScheme)));
            addApi(setNode, api);
        }
    }
    for (const auto &api : workspace.apis) {
        if (!api.apiVersionSetId)
            addApi(apis, api);
    }

    Node *products = m_root->add(Kind::Category, tr("Products"), QStringLiteral("products"));
    for (const auto &product : workspace.products)
        products->add(Kind::Product, orName(product.displayName, product.name), q(product.name),
                      q(product.description));

    Node *subscriptions = m_root->add(Kind::Category, tr("Subscriptions"), QStringLiteral("subscriptions"));
    for (const auto &subscription : workspace.subscriptions)
        subscriptions->add(Kind::Subscription, orName(subscription.displayName, subscription.name),
                           q(subscription.name), tr("Scope %1, %2").arg(q(subscription.scope), q(subscription.state)));

    Node *namedValues = m_root->add(Kind::Category, tr("Named values"), QStringLiteral("namedValues"));
    for (const auto &value : workspace.namedValues)
        namedValues->add(Kind::NamedValue, orName(value.displayName, value.name), q(value.name),
                         value.secret.value_or(false) ? tr("Secret") : q(value.value));

    Node *backends = m_root->add(Kind::Category, tr("Backends"), QStringLiteral("backends"));
    for (const auto &backend : workspace.backends)
        backends->add(Kind::Backend, q(backend.name), q(backend.name), q(backend.url));

    Node *fragments = m_root->add(Kind::Category, tr("Policy fragments"), QStringLiteral("policyFragments"));
    for (const auto &fragment : workspace.policyFragments)
        fragments->add(Kind::PolicyFragment, q(fragment.name), q(fragment.name), q(fragment.description));

    Node *groups = m_root->add(Kind::Category, tr("Groups"), QStringLiteral("groups"));
    for (const auto &group : workspace.groups)
        groups->add(Kind::Group, orName(group.displayName, group.name), q(group.name), q(group.description));

    Node *users = m_root->add(Kind::Category, tr("Users"), QStringLiteral("users"));
    for (const auto &user : m_users)
        users->add(Kind::User, user.text, user.id, user.toolTip);
}

WorkspaceTreeModel::Node *WorkspaceTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex WorkspaceTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *node = nodeFor(parent);
    return createIndex(row, column, node->children[static_cast<std::size_t>(row)].get());
}

QModelIndex WorkspaceTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *parentNode = nodeFor(child)->parent;
    if (!parentNode || parentNode == m_root.get())
        return {};
    return createIndex(parentNode->row(), 0, parentNode);
}

int WorkspaceTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return static_cast<int>(nodeFor(parent)->children.size());
}

int WorkspaceTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant WorkspaceTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        if (node->kind == Kind::Category)
            return QStringLiteral("%1 (%2)").arg(node->text).arg(node->children.size());
        return node->text;
    case Qt::ToolTipRole:
        return node->toolTip.isEmpty() ? QVariant() : QVariant(node->toolTip);
    case Qt::FontRole:
        if (node->kind == Kind::Category) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case KindRole:
        return QVariant::fromValue(node->kind);
    case NameRole:
        return node->name;
    case TitleRole:
        return node->title.isEmpty() ? node->text : node->title;
    case ApiNameRole:
        return node->kind == Kind::Operation && node->parent ? node->parent->name : QVariant();
    default:
        return {};
    }
}

QVariant WorkspaceTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Workspace");
    return {};
}

} // namespace gh::workspace
