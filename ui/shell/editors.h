#pragma once

#include <ui/workspace/workspace_tree_model.h>

#include <QString>

#include <functional>

class QWidget;

namespace gh::workspace {
class WorkspaceDocument;
}

namespace gh::shell {

// What a navigator item asks to edit.
struct EditorTarget {
    workspace::WorkspaceTreeModel::Kind kind;
    QString name;    // the entity's ARM name
    QString apiName; // for an operation: its API
    QString title;   // the tab's text
};

// The editor for `target`, editing `document`; null when that kind has no editor.
// Each area (ui/apis, ui/entities, ...) contributes its kinds here.
QWidget *createEditor(const EditorTarget &target, workspace::WorkspaceDocument &document);

// The key of the tab that shows `target`: targets with one key share a tab (an operation opens in its API's
// designer).
QString editorKey(const EditorTarget &target);
// Brings `target` forward in `editor`, the open tab of its key (selects an operation in its API's designer).
void revealInEditor(QWidget *editor, const EditorTarget &target);

// The policy views of a navigator item (ui/policies): the flow of its policy document (global, product, API,
// operation) and, for an API or an operation, the effective policy that runs in the end. Null when the item has no
// such view. A view asks to show a place in a policy file through `openSource` (file relative to the root).
enum class PolicyView { Flow, Effective };
QWidget *createPolicyView(PolicyView view, const EditorTarget &target, workspace::WorkspaceDocument &document,
                          const std::function<void(const QString &file, int line, int column)> &openSource);
// Whether `target` has that view.
bool hasPolicyView(PolicyView view, const EditorTarget &target);
// The key of the tab that shows a policy view of `target`.
QString policyViewKey(PolicyView view, const EditorTarget &target);

} // namespace gh::shell
