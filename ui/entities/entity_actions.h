#pragma once

#include <ui/workspace/workspace_tree_model.h>

#include <QString>
#include <QStringList>

#include <functional>

class QMenu;
class QWidget;

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
// Returns false when there is no such entity, or for a version set that APIs still use (apisInVersionSet).
bool deleteEntity(Kind kind, const QString &name, workspace::WorkspaceDocument &document);

// The APIs (revision folders included) that belong to the version set `name`, by folder name.
QStringList apisInVersionSet(const workspace::WorkspaceDocument &document, const QString &name);
// Deletes the version set and detaches every API in it (its set reference, inline copy and version go), as one
// undo step. deleteEntity() refuses a version set that APIs still use: this is the explicit way.
bool deleteVersionSetDetachingApis(const QString &name, workspace::WorkspaceDocument &document);

// Whether an entity of `kind` can be renamed here (its folder name): products, subscriptions, named values,
// backends, version sets and groups. APIs are not: their operations, revisions and policies name them too.
bool canRename(Kind kind);
// Why `newName` cannot be the new folder name of the `kind` called `name`; empty when it can.
QString checkNewName(Kind kind, const QString &name, const QString &newName,
                     const workspace::WorkspaceDocument &document);
// What else a rename of the `kind` called `name` changes ("2 subscriptions", ...), for the user to see first.
QStringList renameReferences(Kind kind, const QString &name, const workspace::WorkspaceDocument &document);
// Renames the entity (its folder moves on save) and updates what refers to it, as one undo step: products'
// group links and users' groups (a group), subscriptions' scopes (a product), pools (a backend), APIs' version
// set (a version set), the local secrets kept under the name (a named value, a subscription). False when
// checkNewName() refuses.
bool renameEntity(Kind kind, const QString &name, const QString &newName, workspace::WorkspaceDocument &document);
// Asks for a new name for the navigator item `item` (RenameDialog) and renames it; nothing for other kinds.
void renameItem(QWidget *parent, const QModelIndex &item, workspace::WorkspaceDocument &document);

// Adds "New …" (and, on an entity, "Rename…" and "Delete …") for the navigator item `item` to `menu`; nothing for kinds
// this area does not edit. `created` is called with the new entity's kind and name so the shell can open it. Returns
// whether anything was added. The shell's context menu calls this.
bool addEntityActions(QMenu *menu, const QModelIndex &item, workspace::WorkspaceDocument &document,
                      const std::function<void(Kind kind, const QString &name)> &created = {});

// The users as navigator items, for WorkspaceTreeModel::setUsers().
std::vector<workspace::WorkspaceTreeModel::UserItem> navigatorUsers(workspace::WorkspaceDocument &document);

} // namespace gh::entities
