#include "atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace gw::store {

namespace {

Error failure(const fs::path &path, const char *what)
{
    return Error{path.string() + ": " + what + ": " + std::strerror(errno)};
}

std::string temporaryName(const fs::path &path)
{
    static thread_local std::mt19937_64 random{std::random_device{}()};
    return "." + path.filename().string() + ".tmp-" + std::to_string(random() % 1000000000);
}

bool syncFolder(const fs::path &folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

Result<void> writeFileAtomically(const fs::path &path, std::string_view bytes)
{
    const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        return Error{folder.string() + ": cannot create the folder: " + ec.message()};

    mode_t mode = 0644;
    struct stat existing {};
    if (::stat(path.c_str(), &existing) == 0)
        mode = existing.st_mode & 07777;

    const fs::path temporary = folder / temporaryName(path);
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        return failure(temporary, "cannot create");
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            Error error = failure(temporary, "cannot write");
            ::close(fd);
            ::unlink(temporary.c_str());
            return error;
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) {
        Error error = failure(temporary, "cannot flush");
        ::close(fd);
        ::unlink(temporary.c_str());
        return error;
    }
    ::close(fd);
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        Error error = failure(path, "cannot replace");
        ::unlink(temporary.c_str());
        return error;
    }
    if (!syncFolder(folder))
        return failure(folder, "cannot flush the folder");
    return {};
}

} // namespace gw::store
