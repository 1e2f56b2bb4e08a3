#pragma once

#include <ui/workspace/workspace_tree_model.h>

#include <QString>

#include <functional>

class QMenu;

namespace gh::workspace {
class WorkspaceDocument;
}

namespace gh::entities {

using Kind = workspace::WorkspaceTreeModel::Kind;

// "New …" and "Delete …" for the kinds this area edits (products,
// subscriptions, named values, backends, version sets, groups, users), for
// the shell's navigator menus. Each is one undo step on the document's stack.

// Whether `kind` can be created and deleted here.
bool canCreate(Kind kind);
// The kind a navigator category holds, from its NameRole ("products" -> Product); Category when none.
Kind kindOfCategory(const QString &categoryName);
// Menu texts: "New Product…", "Delete Product".
QString newActionText(Kind kind);
QString deleteActionText(Kind kind);

// Adds a new entity of `kind` with a fresh name ("product-1", ...) and the minimal content APIOps needs
// (apiops-layout.md 8.3). Returns its name (a user's id), or an empty string when `kind` is not created here.
QString createEntity(Kind kind, workspace::WorkspaceDocument &document);
// Removes the entity as one undo step; deleting a group also removes the products' links to it (8.4). A deleted
// named value's or subscription's local secrets stay in the secret store, so undo finds them again.
// Returns false when there is no such entity.
bool deleteEntity(Kind kind, const QString &name, workspace::WorkspaceDocument &document);

// Adds "New …" (and, on an entity, "Delete …") for the navigator item `item` to `menu`; nothing for kinds this
// area does not edit. `created` is called with the new entity's kind and name so the shell can open it. Returns
// whether anything was added. The shell's context menu calls this.
bool addEntityActions(QMenu *menu, const QModelIndex &item, workspace::WorkspaceDocument &document,
                      const std::function<void(Kind kind, const QString &name)> &created = {});

// The users as navigator items, for WorkspaceTreeModel::setUsers().
std::vector<workspace::WorkspaceTreeModel::UserItem> navigatorUsers(workspace::WorkspaceDocument &document);

} // namespace gh::entities
