#pragma once

#include <common/diagnostic.h>
#include <model/workspace.h>

#include <filesystem>
#include <optional>

namespace gw::store {

// A workspace read from an APIOps artifacts folder, with every problem found on the way.
// Reading goes on past a bad file: its problem becomes a diagnostic and the rest loads.
struct LoadedWorkspace {
    std::filesystem::path root;
    model::Workspace workspace;
    Diagnostics diagnostics;
};

// The artifacts root for `folder`: the folder itself when it is one, else the
// direct child that is one (`apimartifacts` first). Empty when there is none.
std::optional<std::filesystem::path> findArtifactsRoot(const std::filesystem::path &folder);

// Reads the folder (a root, or a repository holding one). A folder that does
// not exist or holds no workspace gives an error diagnostic and an empty workspace.
LoadedWorkspace readWorkspace(const std::filesystem::path &folder);

} // namespace gw::store
