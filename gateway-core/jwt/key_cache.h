#pragma once

#include <jwt/key.h>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace gw::jwt {

// Signing keys fetched from OpenID configurations and JWK set URLs, shared by every policy and request of a gateway
// (policy::Services holds one). The fetching itself is the policy's (it goes through the run's transport); the cache
// says when a fetch is due and keeps the result. Keys are refreshed about hourly; a token whose kid none of the keys
// knows may trigger an early re-fetch, at most every five minutes per URL. Safe to use from all threads at once.
class KeyCache {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::seconds refreshInterval{3600};
    static constexpr std::chrono::seconds unknownKeyInterval{300};
    // After a failed fetch of a URL that never answered, how long before trying again.
    static constexpr std::chrono::seconds failureRetryInterval{30};

    // The keys last fetched from `url` (possibly old); null when none were fetched yet.
    std::shared_ptr<const std::vector<Key>> keys(const std::string &url) const;
    // Whether `url` should be fetched now: never fetched, or fetched more than refreshInterval ago (and not tried in
    // the last failureRetryInterval).
    bool due(const std::string &url, Clock::time_point now) const;
    // Whether a token with an unknown kid may make `url` be fetched again now.
    bool mayRefetch(const std::string &url, Clock::time_point now) const;
    // A fetch of `url` starts: due() and mayRefetch() count from here, so concurrent requests do not all fetch.
    void attempting(const std::string &url, Clock::time_point now);
    void store(const std::string &url, std::vector<Key> keys, Clock::time_point now);

private:
    struct Entry {
        std::shared_ptr<const std::vector<Key>> keys;
        std::optional<Clock::time_point> fetched;
        std::optional<Clock::time_point> attempted;
    };
    mutable std::mutex m_mutex;
    std::map<std::string, Entry> m_entries;
};

} // namespace gw::jwt
