#pragma once

#include <common/result.h>

#include <filesystem>
#include <string_view>

namespace gw::store {

// Replaces `path` with `bytes` so that a crash at any moment leaves the old
// content or the new, never a mix: the bytes go to a temporary file in the same
// folder, which is flushed to disk and renamed over `path`; then the folder
// itself is flushed so the rename survives a power cut. Missing parent folders
// are created. Keeps the old file's permissions.
Result<void> writeFileAtomically(const std::filesystem::path &path, std::string_view bytes);

} // namespace gw::store
