#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>

namespace gw::store {

// Calls `changed` on its own thread when files under a folder are created,
// written, moved or removed, once things have been quiet for `debounce` (an
// editor's save, a git checkout: one call). New subfolders are watched too.
// Linux inotify. Stops and joins its thread on destruction.
class FolderWatcher {
public:
    FolderWatcher(std::filesystem::path folder, std::chrono::milliseconds debounce, std::function<void()> changed);
    ~FolderWatcher();
    FolderWatcher(const FolderWatcher &) = delete;
    FolderWatcher &operator=(const FolderWatcher &) = delete;

    bool isWatching() const; // false when inotify is not available

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace gw::store
