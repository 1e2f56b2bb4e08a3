#include "token_cache.h"

namespace gw::identity {

std::optional<std::string> TokenCache::find(const std::string &key, Clock::time_point now) const
{
    const std::lock_guard lock(m_mutex);
    const auto found = m_entries.find(key);
    if (found == m_entries.end() || now >= found->second.usableUntil)
        return std::nullopt;
    return found->second.token;
}

void TokenCache::store(const std::string &key, std::string token, std::chrono::seconds lifetime, Clock::time_point now)
{
    const std::chrono::seconds usable = lifetime > 2 * expiryMargin ? lifetime - expiryMargin : lifetime / 2;
    const std::lock_guard lock(m_mutex);
    m_entries.insert_or_assign(key, Entry{std::move(token), now + usable});
}

void TokenCache::clear()
{
    const std::lock_guard lock(m_mutex);
    m_entries.clear();
}

} // namespace gw::identity
