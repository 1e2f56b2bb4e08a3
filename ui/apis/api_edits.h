#pragma once

#include <model/workspace.h>

#include <QString>

#include <functional>
#include <string>
#include <vector>

namespace gh::workspace {
class WorkspaceDocument;
}

namespace gh::apis {

// Edits of whole APIs, shared by the designer, the import dialog and the menu actions. Each is one undo step.

// Changes the API `name` with `change`; when the contract changed, the specification follows it (spec_sync.h).
void editApi(workspace::WorkspaceDocument &document, const QString &text, const std::string &name,
             const std::function<void(gw::model::Api &)> &change, const QString &mergeKey = {});

// Adds "New API" with a name and path not used yet and an empty OpenAPI specification; returns its name.
std::string createApi(workspace::WorkspaceDocument &document);

// The revisions of the API with root name `root`, current first, then by revision number.
std::vector<const gw::model::Api *> revisionsOf(const gw::model::Workspace &workspace, const std::string &root);

// Copies the API `name` into `<root>;rev=<n>` (n one above the highest revision), not current. Returns its name.
std::string createRevision(workspace::WorkspaceDocument &document, const std::string &name);

// Makes the revision `name` (a ";rev=" folder) current: it moves into the root folder and the old current revision
// into its own ";rev=" folder, as the APIOps layout does it. The settings APIM shares between revisions (path,
// protocols, display name, description, subscription, version) stay as the current revision had them.
void makeCurrent(workspace::WorkspaceDocument &document, const std::string &name);

// The API (another one, not a revision of `api`) that already serves `path` with the same version set and version;
// null when there is none.
const gw::model::Api *pathConflict(const gw::model::Workspace &workspace, const gw::model::Api &api,
                                   const std::string &path);

enum class ImportMode { NewApi, Replace, Merge };

// Puts an imported OpenAPI document into the workspace: a new API called `apiName` (Replace: the API's contract
// and specification become the imported ones; Merge: imported operations replace those with the same name and the
// others are added). Returns the API's name.
std::string applyImport(workspace::WorkspaceDocument &document, ImportMode mode, const std::string &apiName,
                        const gw::model::ApiContract &imported, const std::string &text);

// A name made from `displayName` (lower case, '-' between words) that no API uses yet.
std::string uniqueApiName(const gw::model::Workspace &workspace, const QString &displayName);

} // namespace gh::apis
