#include "key_cache.h"

namespace gw::jwt {

std::shared_ptr<const std::vector<Key>> KeyCache::keys(const std::string &url) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(url);
    return it == m_entries.end() ? nullptr : it->second.keys;
}

bool KeyCache::due(const std::string &url, Clock::time_point now) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(url);
    if (it == m_entries.end())
        return true;
    const Entry &entry = it->second;
    if (entry.attempted && now - *entry.attempted < (entry.fetched ? unknownKeyInterval : failureRetryInterval))
        return false;
    return !entry.fetched || now - *entry.fetched >= refreshInterval;
}

bool KeyCache::mayRefetch(const std::string &url, Clock::time_point now) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(url);
    if (it == m_entries.end() || !it->second.attempted)
        return true;
    return now - *it->second.attempted >= unknownKeyInterval;
}

void KeyCache::attempting(const std::string &url, Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    m_entries[url].attempted = now;
}

void KeyCache::store(const std::string &url, std::vector<Key> keys, Clock::time_point now)
{
    auto shared = std::make_shared<const std::vector<Key>>(std::move(keys));
    std::lock_guard lock(m_mutex);
    Entry &entry = m_entries[url];
    entry.keys = std::move(shared);
    entry.fetched = now;
}

} // namespace gw::jwt
