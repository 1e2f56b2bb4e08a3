#pragma once

#include "workspace_document.h"

#include <QString>

#include <optional>
#include <string>

namespace gh::workspace {

// One policy document of the workspace: the global (service) policy, a product's, an API's, an operation's or a
// policy fragment. Editors of policy text address documents through this, so reading and writing a policy is the
// same two calls whatever its scope.
struct PolicyTarget {
    enum class Scope { Global, Product, Api, Operation, Fragment };

    Scope scope = Scope::Global;
    std::string name;      // product, API (folder name, may carry ";rev=N") or fragment; empty for Global
    std::string operation; // Operation scope only

    static PolicyTarget global() { return {}; }
    static PolicyTarget product(std::string name) { return {Scope::Product, std::move(name), {}}; }
    static PolicyTarget api(std::string name) { return {Scope::Api, std::move(name), {}}; }
    static PolicyTarget operationOf(std::string api, std::string operation)
    {
        return {Scope::Operation, std::move(api), std::move(operation)};
    }
    static PolicyTarget fragment(std::string name) { return {Scope::Fragment, std::move(name), {}}; }

    friend bool operator==(const PolicyTarget &, const PolicyTarget &) = default;

    // The entity whose change notifications (WorkspaceDocument::entityChanged) concern this document.
    EntityKind entityKind() const;
    // The file that holds the document, relative to the artifacts root, with '/' separators: what diagnostics of
    // the workspace name ("apis/orders/operations/get-order/policy.xml").
    std::string relativePath() const;
    // "Global policy", "Product starter", "API orders", "Operation orders › get-order", "Fragment cors".
    QString title() const;
};

// The document's text; nullopt when the entity has no policy (or the entity does not exist).
std::optional<std::string> policyText(const gw::model::Workspace &model, const PolicyTarget &target);
// Whether the entity the policy belongs to exists (a policy can then be created for it).
bool policyOwnerExists(const gw::model::Workspace &model, const PolicyTarget &target);
// Replaces the document's text (nullopt removes the policy file) in one undo step called `text`; consecutive
// calls with the same non-empty `mergeKey` (typing) merge into one step. Does nothing when the owner is missing.
void setPolicyText(WorkspaceDocument &document, const PolicyTarget &target, std::optional<std::string> policy,
                   const QString &text, const QString &mergeKey = {});

} // namespace gh::workspace
