#include "editors.h"

#include <ui/workspace/workspace_document.h>

namespace gh::shell {

QWidget *createEditor(const EditorTarget &target, workspace::WorkspaceDocument &document)
{
    using Kind = workspace::WorkspaceTreeModel::Kind;
    switch (target.kind) {
    case Kind::Category:
    default:
        (void)document;
        return nullptr;
    }
}

} // namespace gh::shell
