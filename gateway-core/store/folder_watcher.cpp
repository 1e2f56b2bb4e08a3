#include "folder_watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <map>
#include <thread>

namespace fs = std::filesystem;

namespace gw::store {

namespace {
constexpr std::uint32_t kEvents =
    IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_ATTRIB;
}

struct FolderWatcher::Impl {
    fs::path folder;
    std::chrono::milliseconds debounce;
    std::function<void()> changed;
    int inotify = -1;
    int wake = -1;
    std::map<int, fs::path> watches;
    std::thread thread;

    void watchTree(const fs::path &top)
    {
        std::error_code ec;
        add(top);
        for (auto it = fs::recursive_directory_iterator(top, ec); !ec && it != fs::end(it); it.increment(ec)) {
            if (it->is_directory(ec))
                add(it->path());
        }
    }

    void add(const fs::path &path)
    {
        const int wd = inotify_add_watch(inotify, path.c_str(), kEvents);
        if (wd >= 0)
            watches[wd] = path;
    }

    // Reads the pending events; returns true when any concerns the folder's content.
    bool consume()
    {
        alignas(inotify_event) char buffer[16 * 1024];
        bool any = false;
        for (;;) {
            const ssize_t n = ::read(inotify, buffer, sizeof buffer);
            if (n <= 0)
                return any;
            for (char *p = buffer; p < buffer + n;) {
                auto *event = reinterpret_cast<inotify_event *>(p);
                p += sizeof(inotify_event) + event->len;
                any = true;
                if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO)) && event->len > 0) {
                    auto parent = watches.find(event->wd);
                    if (parent != watches.end())
                        watchTree(parent->second / event->name);
                }
                if (event->mask & IN_IGNORED)
                    watches.erase(event->wd);
            }
        }
    }

    void run()
    {
        pollfd fds[2] = {{inotify, POLLIN, 0}, {wake, POLLIN, 0}};
        bool pending = false;
        for (;;) {
            const int timeout = pending ? static_cast<int>(debounce.count()) : -1;
            const int ready = ::poll(fds, 2, timeout);
            if (ready < 0)
                continue;
            if (fds[1].revents & POLLIN)
                return;
            if (ready == 0) { // quiet for the debounce time
                pending = false;
                changed();
                continue;
            }
            if (fds[0].revents & POLLIN)
                pending = consume() || pending;
        }
    }
};

FolderWatcher::FolderWatcher(fs::path folder, std::chrono::milliseconds debounce, std::function<void()> changed)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->folder = std::move(folder);
    m_impl->debounce = debounce;
    m_impl->changed = std::move(changed);
    m_impl->inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    m_impl->wake = eventfd(0, EFD_CLOEXEC);
    if (m_impl->inotify < 0 || m_impl->wake < 0)
        return;
    m_impl->watchTree(m_impl->folder);
    m_impl->thread = std::thread([impl = m_impl.get()] { impl->run(); });
}

FolderWatcher::~FolderWatcher()
{
    if (m_impl->thread.joinable()) {
        const std::uint64_t one = 1;
        [[maybe_unused]] auto written = ::write(m_impl->wake, &one, sizeof one);
        m_impl->thread.join();
    }
    if (m_impl->inotify >= 0)
        ::close(m_impl->inotify);
    if (m_impl->wake >= 0)
        ::close(m_impl->wake);
}

bool FolderWatcher::isWatching() const
{
    return m_impl->thread.joinable();
}

} // namespace gw::store
