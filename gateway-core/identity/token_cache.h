#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace gw::identity {

// Access tokens of the local token provider (authentication-managed-identity), one per identity and resource,
// kept until shortly before they expire. The fetching is the policy's (it goes through the run's transport); the
// cache keeps the result. Requests that find no token at the same moment each fetch one (the first burst after a
// start may fetch a few times); from then on every request uses the cached one. policy::Services holds one, so
// tokens outlive configurations. Safe to use from all threads at once.
class TokenCache {
public:
    using Clock = std::chrono::steady_clock;
    // A token is used until this long before it expires, so that it never expires on its way to the backend.
    static constexpr std::chrono::seconds expiryMargin{300};

    // The token for `key` while it is valid (its expiry minus the margin is still ahead), else nullopt.
    std::optional<std::string> find(const std::string &key, Clock::time_point now) const;
    // Keeps `token` for `key`, valid for `lifetime` from `now` (shorter ones than twice the margin are kept for half
    // their lifetime).
    void store(const std::string &key, std::string token, std::chrono::seconds lifetime, Clock::time_point now);
    void clear();

private:
    struct Entry {
        std::string token;
        Clock::time_point usableUntil;
    };
    mutable std::mutex m_mutex;
    std::map<std::string, Entry> m_entries;
};

} // namespace gw::identity
