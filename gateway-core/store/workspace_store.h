#pragma once

#include <common/diagnostic.h>
#include <model/workspace.h>

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace gw::store {

// Reading and writing an APIOps artifacts folder (apiops-layout.md), losslessly:
// saving an unchanged workspace writes nothing; an edit rewrites only the files
// of the edited entities, and in a JSON file only the edited values (unknown
// keys, key order and formatting stay as they were); policy and specification
// files are kept byte for byte unless their text changed. Every write goes to a
// temporary file in the same folder, is flushed to disk and renamed over the
// old file, so a crash leaves each file either old or new.

struct LoadOptions {
    // Apply configuration.<environment>.yaml (beside the root) the way the APIOps publisher does.
    std::string environment;
};

// What was read, kept to save against: the model as loaded and the text of
// every file the layout recognised (relative path -> bytes).
struct Snapshot {
    model::Workspace model;
    std::map<std::string, std::string> files;
    std::set<std::string> legacyFiles; // v5/v6 files (section 9) that were read
};

struct LoadedWorkspace {
    std::filesystem::path root;       // the artifacts root ("" when there is none)
    std::filesystem::path repository; // the folder holding the root (configuration.*.yaml, .gatehouse/)
    model::Workspace workspace;
    Diagnostics diagnostics; // file (relative to the root), line, column, message
    Snapshot snapshot;
    bool isLegacyLayout() const { return !snapshot.legacyFiles.empty(); }
};

// The artifacts root for `folder`: the folder itself when it is one, else the
// direct child that is one (`apimartifacts` first).
std::optional<std::filesystem::path> findArtifactsRoot(const std::filesystem::path &folder);

// Reads every kind of the layout, v7 and the older v5/v6 forms. Goes on past
// bad files: each problem becomes a diagnostic. Also validates the result
// (model::validate). A folder that does not exist or holds no workspace gives
// an error diagnostic and an empty root.
LoadedWorkspace readWorkspace(const std::filesystem::path &folder, const LoadOptions &options = {});

struct SaveOptions {
    bool upgradeLayout = false; // write v5/v6 link files in the v7 layout and remove the old ones
};

struct SaveReport {
    std::vector<std::string> written; // relative paths
    std::vector<std::string> removed;
    Diagnostics problems; // files that could not be written (the rest were)
    bool ok() const { return problems.empty(); }
};

// Writes the differences between `edited` and what was loaded into the root
// of `loaded`, then makes `edited` the new base of `loaded`.
SaveReport saveWorkspace(LoadedWorkspace &loaded, const model::Workspace &edited, const SaveOptions &options = {});

// Copies the root of `loaded` (every file, known or not) to `target`, then
// writes the differences there. With nothing edited and no upgrade, the copy
// is byte-identical.
SaveReport saveWorkspaceAs(const LoadedWorkspace &loaded, const model::Workspace &edited,
                           const std::filesystem::path &target, const SaveOptions &options = {});

} // namespace gw::store
