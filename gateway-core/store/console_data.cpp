#include "console_data.h"

#include <cstdlib>
#include <functional>
#include <unistd.h>

namespace fs = std::filesystem;

namespace gw::store {

namespace {

fs::path userDataFolder()
{
    if (const char *data = std::getenv("XDG_DATA_HOME"); data && *data == '/')
        return fs::path(data) / "gatehouse";
    const char *home = std::getenv("HOME");
    return fs::path(home && *home ? home : "/tmp") / ".local/share/gatehouse";
}

} // namespace

fs::path consoleDataFolder(const fs::path &root)
{
    const fs::path absolute = fs::absolute(root).lexically_normal();
    const fs::path repository = (absolute.has_filename() ? absolute : absolute.parent_path()).parent_path();
    const fs::path preferred = repository / ".gatehouse";
    std::error_code ec;
    if (fs::is_directory(preferred, ec) ? ::access(preferred.c_str(), W_OK) == 0
                                        : ::access(repository.c_str(), W_OK) == 0)
        return preferred;
    const auto hash = std::hash<std::string>{}(absolute.string());
    char name[17];
    std::snprintf(name, sizeof name, "%016zx", static_cast<std::size_t>(hash));
    return userDataFolder() / "workspaces" / name;
}

} // namespace gw::store
