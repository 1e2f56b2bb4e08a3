#include "entity_actions.h"

#include "local_secrets.h"
#include "rename_dialog.h"
#include "user_directory.h"

#include <ui/workspace/workspace_document.h>

#include <QCoreApplication>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>

namespace gh::entities {

namespace model = gw::model;

namespace {

// The context lupdate gives tr() calls outside a class: the enclosing namespace.
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("gh::entities", text, disambiguation, n);
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
        // APIs pointing at a deleted set would fail to publish: they are detached explicitly or not at all.
        if (!apisInVersionSet(document, name).isEmpty())
            return false;
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

QStringList apisInVersionSet(const workspace::WorkspaceDocument &document, const QString &name)
{
    QStringList apis;
    for (const model::Api &api : document.model().apis)
        if (api.apiVersionSetId && model::refersTo(*api.apiVersionSetId, "apiVersionSets", name.toStdString()))
            apis << QString::fromStdString(api.name);
    return apis;
}

bool deleteVersionSetDetachingApis(const QString &name, workspace::WorkspaceDocument &document)
{
    if (!document.find<model::VersionSet>(name.toStdString()))
        return false;
    document.undoStack()->beginMacro(tr("Delete version set"));
    for (const QString &apiName : apisInVersionSet(document, name)) {
        model::Api api = *document.find<model::Api>(apiName.toStdString());
        // A version without its set means nothing to APIM (and it refuses one): it goes with the set.
        api.apiVersionSetId.reset();
        api.apiVersionSet = nullptr;
        api.apiVersion.reset();
        document.putEntity(QString(), api.name, std::optional(api));
    }
    document.putEntity<model::VersionSet>(QString(), name.toStdString(), std::nullopt);
    document.undoStack()->endMacro();
    return true;
}

bool canRename(Kind kind)
{
    switch (kind) {
    case Kind::Product:
    case Kind::Subscription:
    case Kind::NamedValue:
    case Kind::Backend:
    case Kind::VersionSet:
    case Kind::Group:
        return true;
    default:
        return false;
    }
}

namespace {

template<class T>
bool exists(const workspace::WorkspaceDocument &document, const QString &name)
{
    return document.find<T>(name.toStdString()) != nullptr;
}

bool nameTaken(Kind kind, const QString &name, const workspace::WorkspaceDocument &document)
{
    switch (kind) {
    case Kind::Product:
        return exists<model::Product>(document, name);
    case Kind::Subscription:
        return exists<model::Subscription>(document, name);
    case Kind::NamedValue:
        return exists<model::NamedValue>(document, name);
    case Kind::Backend:
        return exists<model::Backend>(document, name);
    case Kind::VersionSet:
        return exists<model::VersionSet>(document, name);
    case Kind::Group:
        return exists<model::Group>(document, name);
    default:
        return false;
    }
}

// `id` with its last segment replaced by `to` when it refers to `from` in `collection` ("/products/a" ->
// "/products/b"; absolute ids keep their prefix).
std::optional<std::string> renamedReference(const std::optional<std::string> &id, const char *collection,
                                            const std::string &from, const std::string &to)
{
    if (!id || !model::refersTo(*id, collection, from))
        return id;
    const std::size_t slash = id->rfind('/');
    return (slash == std::string::npos ? std::string() : id->substr(0, slash + 1)) + to;
}

template<class T>
void putRenamed(workspace::WorkspaceDocument &document, const std::string &from, const std::string &to)
{
    T value = *document.find<T>(from);
    value.name = to;
    document.putEntity(QString(), from, std::optional(value));
}

// Moves the local secret kept under `from` to `to` (an undo step inside the caller's macro).
void moveSecret(workspace::WorkspaceDocument &document, const QString &from, const QString &to)
{
    auto &secrets = LocalSecrets::of(document);
    const std::optional<QString> value = secrets.value(from);
    if (!value)
        return;
    secrets.put(QString(), to, value);
    secrets.put(QString(), from, std::nullopt);
}

} // namespace

QString checkNewName(Kind kind, const QString &name, const QString &newName,
                     const workspace::WorkspaceDocument &document)
{
    // ARM resource names: what APIM accepts as a folder name for every kind renamed here.
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
    if (newName.isEmpty())
        return tr("The name cannot be empty.");
    if (newName.size() > 80)
        return tr("Use at most 80 characters.");
    if (!valid.match(newName).hasMatch())
        return tr("Use letters, digits, \"-\", \"_\" and \".\", starting with a letter or digit.");
    if (newName != name && nameTaken(kind, newName, document))
        return tr("Another one is already called \"%1\".").arg(newName);
    return {};
}

QStringList renameReferences(Kind kind, const QString &name, const workspace::WorkspaceDocument &document)
{
    const std::string from = name.toStdString();
    const model::Workspace &workspace = document.model();
    QStringList out;
    auto count = [&](int n, const QString &text) {
        if (n > 0)
            out << text;
    };
    switch (kind) {
    case Kind::Product: {
        const int n = static_cast<int>(std::count_if(
            workspace.subscriptions.begin(), workspace.subscriptions.end(),
            [&](const model::Subscription &s) { return s.scope && model::refersTo(*s.scope, "products", from); }));
        count(n, tr("the scope of %n subscription(s)", nullptr, n));
    } break;
    case Kind::Group: {
        const int products = static_cast<int>(
            std::count_if(workspace.products.begin(), workspace.products.end(), [&](const model::Product &p) {
                return std::any_of(p.groups.begin(), p.groups.end(),
                                   [&](const model::ProductGroupLink &link) { return link.group == from; });
            }));
        count(products, tr("the groups of %n product(s)", nullptr, products));
        const auto &users = UserDirectory::of(const_cast<workspace::WorkspaceDocument &>(document)).users();
        const int members = static_cast<int>(
            std::count_if(users.begin(), users.end(), [&](const User &user) { return user.groups.contains(name); }));
        count(members, tr("the groups of %n user(s)", nullptr, members));
        break;
    }
    case Kind::Backend: {
        const int n = static_cast<int>(
            std::count_if(workspace.backends.begin(), workspace.backends.end(), [&](const model::Backend &b) {
                return std::any_of(b.pool.begin(), b.pool.end(), [&](const model::PoolMember &member) {
                    return model::refersTo(member.id, "backends", from);
                });
            }));
        count(n, tr("the members of %n pool(s)", nullptr, n));
    } break;
    case Kind::VersionSet: {
        const int n = static_cast<int>(apisInVersionSet(document, name).size());
        count(n, tr("the version set of %n API(s)", nullptr, n));
    } break;
    default:
        break;
    }
    return out;
}

bool renameEntity(Kind kind, const QString &name, const QString &newName, workspace::WorkspaceDocument &document)
{
    if (!canRename(kind) || !nameTaken(kind, name, document) || newName == name ||
        !checkNewName(kind, name, newName, document).isEmpty())
        return false;
    const std::string from = name.toStdString();
    const std::string to = newName.toStdString();
    const model::Workspace workspace = document.model(); // the references as they are before the macro
    QUndoStack *stack = document.undoStack();
    stack->beginMacro(tr("Rename \"%1\" to \"%2\"").arg(name, newName));
    switch (kind) {
    case Kind::Product:
        putRenamed<model::Product>(document, from, to);
        for (model::Subscription subscription : workspace.subscriptions) {
            const auto scope = renamedReference(subscription.scope, "products", from, to);
            if (scope == subscription.scope)
                continue;
            subscription.scope = scope;
            document.putEntity(QString(), subscription.name, std::optional(subscription));
        }
        break;
    case Kind::Subscription:
        putRenamed<model::Subscription>(document, from, to);
        for (const char *which : {"primaryKey", "secondaryKey"})
            moveSecret(document, LocalSecrets::subscriptionKey(name, QLatin1String(which)),
                       LocalSecrets::subscriptionKey(newName, QLatin1String(which)));
        break;
    case Kind::NamedValue:
        putRenamed<model::NamedValue>(document, from, to);
        moveSecret(document, LocalSecrets::namedValueKey(name), LocalSecrets::namedValueKey(newName));
        break;
    case Kind::Backend:
        putRenamed<model::Backend>(document, from, to);
        for (model::Backend backend : workspace.backends) {
            bool changed = false;
            for (model::PoolMember &member : backend.pool) {
                if (!model::refersTo(member.id, "backends", from))
                    continue;
                member.id = *renamedReference(member.id, "backends", from, to);
                changed = true;
            }
            // The renamed backend itself is a single one (a pool does not hold itself).
            if (changed && backend.name != from)
                document.putEntity(QString(), backend.name, std::optional(backend));
        }
        break;
    case Kind::VersionSet:
        putRenamed<model::VersionSet>(document, from, to);
        for (model::Api api : workspace.apis) {
            const auto id = renamedReference(api.apiVersionSetId, "apiVersionSets", from, to);
            if (id == api.apiVersionSetId)
                continue;
            api.apiVersionSetId = id;
            document.putEntity(QString(), api.name, std::optional(api));
        }
        break;
    case Kind::Group: {
        putRenamed<model::Group>(document, from, to);
        for (model::Product product : workspace.products) {
            bool changed = false;
            for (model::ProductGroupLink &link : product.groups) {
                if (link.group != from)
                    continue;
                link.group = to;
                link.groupId = renamedReference(link.groupId, "groups", from, to);
                changed = true;
            }
            if (changed)
                document.putEntity(QString(), product.name, std::optional(product));
        }
        auto &users = UserDirectory::of(document);
        const QList<User> all = users.users();
        for (User user : all) {
            const qsizetype at = user.groups.indexOf(name);
            if (at < 0)
                continue;
            user.groups[at] = newName;
            users.put(QString(), user.id, user);
        }
        break;
    }
    default:
        break;
    }
    stack->endMacro();
    return true;
}

void renameItem(QWidget *parent, const QModelIndex &item, workspace::WorkspaceDocument &document)
{
    using Tree = workspace::WorkspaceTreeModel;
    const Kind kind = item.data(Tree::KindRole).value<Kind>();
    const QString name = item.data(Tree::NameRole).toString();
    if (!canRename(kind) || !nameTaken(kind, name, document))
        return;
    RenameDialog dialog(kind, name, document, parent);
    dialog.exec();
}

namespace {

// Deleting a version set that APIs use says which, and offers to detach them in the same step.
void confirmVersionSetDelete(QWidget *parent, const QString &name, workspace::WorkspaceDocument &document)
{
    const QStringList apis = apisInVersionSet(document, name);
    if (apis.isEmpty()) {
        deleteEntity(Kind::VersionSet, name, document);
        return;
    }
    QMessageBox box(QMessageBox::Warning, tr("Delete Version Set"),
                    tr("The version set \"%1\" is used by %n API(s): %2.", nullptr, static_cast<int>(apis.size()))
                        .arg(name, apis.join(QStringLiteral(", "))),
                    QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("deleteVersionSetBox"));
    box.setInformativeText(tr("Detaching removes their version and their link to the set; they keep their paths, so "
                              "APIs that shared a path need different ones afterwards. Undo restores everything."));
    QPushButton *detach = box.addButton(tr("&Detach and Delete"), QMessageBox::DestructiveRole);
    detach->setObjectName(QStringLiteral("detachAndDeleteButton"));
    box.addButton(QMessageBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == detach)
        deleteVersionSetDetachingApis(name, document);
}

} // namespace

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
    if (!isCategory && canRename(kind)) {
        QAction *rename = menu->addAction(tr("Re&name…"));
        rename->setObjectName(QStringLiteral("renameEntityAction"));
        rename->setShortcut(Qt::Key_F2);
        QWidget *parent = menu->parentWidget();
        const QPersistentModelIndex persistent(item);
        QObject::connect(rename, &QAction::triggered, menu,
                         [persistent, &document, parent] { renameItem(parent, persistent, document); });
    }
    if (!isCategory) {
        QAction *remove = menu->addAction(deleteActionText(kind));
        remove->setObjectName(QStringLiteral("deleteEntityAction"));
        remove->setShortcut(QKeySequence::Delete);
        QWidget *parent = menu->parentWidget();
        QObject::connect(remove, &QAction::triggered, menu, [kind, name, &document, parent] {
            if (kind == Kind::VersionSet)
                confirmVersionSetDelete(parent, name, document);
            else
                deleteEntity(kind, name, document);
        });
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
