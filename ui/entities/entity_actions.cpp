#include "entity_actions.h"

#include "user_directory.h"

#include <ui/workspace/workspace_document.h>

#include <QCoreApplication>
#include <QMenu>

namespace gh::entities {

namespace model = gw::model;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gh::entities::EntityActions", text);
}

template<class T>
std::string freshName(const workspace::WorkspaceDocument &document, const std::string &stem)
{
    for (int i = 1;; ++i) {
        std::string name = stem + "-" + std::to_string(i);
        if (!document.find<T>(name))
            return name;
    }
}

// Adds a T under the first free "<stem>-N" name, filled in by `fill`, as one undo step; returns its name.
template<class T, class Fill>
QString add(workspace::WorkspaceDocument &document, const std::string &stem, const QString &text, Fill fill)
{
    T entity;
    entity.name = freshName<T>(document, stem);
    fill(entity);
    document.putEntity(text, entity.name, std::optional(entity));
    return QString::fromStdString(entity.name);
}

template<class T>
bool remove(workspace::WorkspaceDocument &document, const QString &name, const QString &text)
{
    if (!document.find<T>(name.toStdString()))
        return false;
    document.putEntity<T>(text, name.toStdString(), std::nullopt);
    return true;
}

} // namespace

bool canCreate(Kind kind)
{
    switch (kind) {
    case Kind::Product:
    case Kind::Subscription:
    case Kind::NamedValue:
    case Kind::Backend:
    case Kind::VersionSet:
    case Kind::Group:
    case Kind::User:
        return true;
    default:
        return false;
    }
}

Kind kindOfCategory(const QString &categoryName)
{
    static const std::pair<const char *, Kind> kinds[] = {
        {"products", Kind::Product}, {"subscriptions", Kind::Subscription}, {"namedValues", Kind::NamedValue},
        {"backends", Kind::Backend}, {"versionSets", Kind::VersionSet},     {"groups", Kind::Group},
        {"users", Kind::User},
    };
    for (const auto &[name, kind] : kinds) {
        if (categoryName == QLatin1String(name))
            return kind;
    }
    return Kind::Category;
}

QString newActionText(Kind kind)
{
    switch (kind) {
    case Kind::Product:
        return tr("New &Product…");
    case Kind::Subscription:
        return tr("New &Subscription…");
    case Kind::NamedValue:
        return tr("New &Named Value…");
    case Kind::Backend:
        return tr("New &Backend…");
    case Kind::VersionSet:
        return tr("New &Version Set…");
    case Kind::Group:
        return tr("New &Group…");
    case Kind::User:
        return tr("New &User…");
    default:
        return {};
    }
}

QString deleteActionText(Kind kind)
{
    switch (kind) {
    case Kind::Product:
        return tr("&Delete Product");
    case Kind::Subscription:
        return tr("&Delete Subscription");
    case Kind::NamedValue:
        return tr("&Delete Named Value");
    case Kind::Backend:
        return tr("&Delete Backend");
    case Kind::VersionSet:
        return tr("&Delete Version Set");
    case Kind::Group:
        return tr("&Delete Group");
    case Kind::User:
        return tr("&Delete User");
    default:
        return {};
    }
}

QString createEntity(Kind kind, workspace::WorkspaceDocument &document)
{
    if (!document.isOpen())
        return {};
    switch (kind) {
    case Kind::Product:
        return add<model::Product>(document, "product", tr("New product"), [](model::Product &product) {
            product.displayName = "New product";
            product.state = "notPublished";
            product.subscriptionRequired = true;
        });
    case Kind::Subscription: {
        const auto &products = document.model().products;
        const std::string scope = products.empty() ? "/apis" : "/products/" + products.front().name;
        return add<model::Subscription>(document, "subscription", tr("New subscription"),
                                        [&scope](model::Subscription &subscription) {
                                            subscription.displayName = "New subscription";
                                            subscription.scope = scope;
                                            subscription.state = "active";
                                        });
    }
    case Kind::NamedValue:
        return add<model::NamedValue>(document, "named-value", tr("New named value"), [](model::NamedValue &value) {
            value.displayName = value.name;
            value.secret = false;
            value.value = "";
        });
    case Kind::Backend:
        return add<model::Backend>(document, "backend", tr("New backend"), [](model::Backend &backend) {
            backend.url = "https://backend.example.com";
            backend.protocol = "http";
            backend.type = "Single";
        });
    case Kind::VersionSet:
        return add<model::VersionSet>(document, "version-set", tr("New version set"), [](model::VersionSet &set) {
            set.displayName = "New version set";
            set.versioningScheme = "Segment";
        });
    case Kind::Group:
        return add<model::Group>(document, "group", tr("New group"), [](model::Group &group) {
            group.displayName = "New group";
            group.type = "custom";
        });
    case Kind::User: {
        auto &users = UserDirectory::of(document);
        QString id;
        for (int i = 1; id.isEmpty() || users.find(id); ++i)
            id = QStringLiteral("user-%1").arg(i);
        User user;
        user.id = id;
        user.firstName = tr("New");
        user.lastName = tr("user");
        users.put(tr("New user"), id, user);
        return id;
    }
    default:
        return {};
    }
}

bool deleteEntity(Kind kind, const QString &name, workspace::WorkspaceDocument &document)
{
    switch (kind) {
    case Kind::Product:
        return remove<model::Product>(document, name, tr("Delete product"));
    case Kind::Subscription:
        return remove<model::Subscription>(document, name, tr("Delete subscription"));
    case Kind::NamedValue:
        return remove<model::NamedValue>(document, name, tr("Delete named value"));
    case Kind::Backend:
        return remove<model::Backend>(document, name, tr("Delete backend"));
    case Kind::VersionSet:
        return remove<model::VersionSet>(document, name, tr("Delete version set"));
    case Kind::Group: {
        if (!document.find<model::Group>(name.toStdString()))
            return false;
        // The products' links to the group go in the same step: a link to a deleted group is refused on publish.
        const std::string group = name.toStdString();
        std::vector<model::Product> edited;
        for (const model::Product &product : document.model().products) {
            if (std::none_of(product.groups.begin(), product.groups.end(),
                             [&](const model::ProductGroupLink &link) { return link.group == group; }))
                continue;
            edited.push_back(product);
            std::erase_if(edited.back().groups,
                          [&](const model::ProductGroupLink &link) { return link.group == group; });
        }
        document.undoStack()->beginMacro(tr("Delete group"));
        for (const model::Product &product : edited)
            document.putEntity(QString(), product.name, std::optional(product));
        document.putEntity<model::Group>(QString(), group, std::nullopt);
        document.undoStack()->endMacro();
        return true;
    }
    case Kind::User: {
        auto &users = UserDirectory::of(document);
        if (!users.find(name))
            return false;
        users.put(tr("Delete user"), name, std::nullopt);
        return true;
    }
    default:
        return false;
    }
}

bool addEntityActions(QMenu *menu, const QModelIndex &item, workspace::WorkspaceDocument &document,
                      const std::function<void(Kind kind, const QString &name)> &created)
{
    using Tree = workspace::WorkspaceTreeModel;
    Kind kind = item.data(Tree::KindRole).value<Kind>();
    const QString name = item.data(Tree::NameRole).toString();
    const bool isCategory = kind == Kind::Category;
    if (isCategory)
        kind = kindOfCategory(name);
    // Version sets live under the APIs category.
    if (isCategory && name == QLatin1String("apis"))
        kind = Kind::VersionSet;
    if (!canCreate(kind) || !document.isOpen())
        return false;
    QAction *add = menu->addAction(newActionText(kind));
    add->setObjectName(QStringLiteral("newEntityAction"));
    QObject::connect(add, &QAction::triggered, menu, [kind, &document, created] {
        const QString added = createEntity(kind, document);
        if (!added.isEmpty() && created)
            created(kind, added);
    });
    if (!isCategory) {
        QAction *remove = menu->addAction(deleteActionText(kind));
        remove->setObjectName(QStringLiteral("deleteEntityAction"));
        remove->setShortcut(QKeySequence::Delete);
        QObject::connect(remove, &QAction::triggered, menu,
                         [kind, name, &document] { deleteEntity(kind, name, document); });
    }
    return true;
}

std::vector<workspace::WorkspaceTreeModel::UserItem> navigatorUsers(workspace::WorkspaceDocument &document)
{
    std::vector<workspace::WorkspaceTreeModel::UserItem> items;
    for (const User &user : UserDirectory::of(document).users())
        items.push_back({user.id, user.displayName(), user.email});
    return items;
}

} // namespace gh::entities
