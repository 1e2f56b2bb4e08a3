#pragma once

#include <filesystem>

namespace gw::store {

// Where the console keeps what APIOps does not carry for a workspace (users,
// local settings): never inside the artifacts root, whose content the APIOps
// extractor mirrors with delete (apiops-layout.md 4.21). `<repository>/.gatehouse`
// when that folder can be written, else a folder per workspace under the
// user's data folder ($XDG_DATA_HOME/gatehouse/workspaces/<hash of the root>).
// Secrets never go here either: they live in the per-user secret store.
std::filesystem::path consoleDataFolder(const std::filesystem::path &root);

} // namespace gw::store
