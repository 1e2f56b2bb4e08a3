#pragma once

#include <expr/value.h>
#include <http/message.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gw::cache {

using Clock = std::chrono::steady_clock;

// A whole response as cache-store keeps it and cache-lookup answers with it.
struct StoredResponse {
    int status = 200;
    std::string reason;
    std::vector<http::Header> headers;
    std::string body;
};

struct CacheOptions {
    // The most bytes the cache holds: keys, bodies, headers and values, plus a fixed charge per entry for the
    // bookkeeping. Never exceeded; the least recently used entries make room.
    std::size_t capacityBytes = std::size_t(64) << 20;
    // Number of independently locked parts (0: chosen from the capacity). An entry larger than one part's share
    // of the capacity is not kept.
    std::size_t shards = 0;
    // The time source (tests move time forward); default: the steady clock.
    std::function<Clock::time_point()> now;
};

struct CacheStatistics {
    std::size_t entries = 0;
    std::size_t bytes = 0;
    std::size_t capacityBytes = 0;
    std::size_t largestEntryBytes = 0; // the largest entry the cache can keep
};

// The gateway's internal cache (APIM's built-in cache): responses for cache-lookup/cache-store and values for
// cache-lookup-value/cache-store-value/cache-remove-value, in two separate key spaces. Bounded in bytes with
// least-recently-used eviction and an expiry per entry (an expired entry is never returned).
//
// Threads: every member may be called from any number of threads at once. Keys are spread over shards by hash;
// each shard has its own mutex and LRU list, so requests for different keys rarely wait on each other.
class Cache {
public:
    explicit Cache(CacheOptions options = {});
    ~Cache();
    Cache(const Cache &) = delete;
    Cache &operator=(const Cache &) = delete;

    // Keeps `response` for `ttl` (replacing what the key held). False when it was not kept: a zero or negative
    // time to live, or larger than the cache can hold.
    bool storeResponse(std::string_view key, StoredResponse response, std::chrono::milliseconds ttl);
    // The fresh response under `key` and how long it stays fresh, or null.
    struct ResponseHit {
        std::shared_ptr<const StoredResponse> response;
        std::chrono::milliseconds remaining{0};
    };
    std::optional<ResponseHit> lookupResponse(std::string_view key);

    // Keeps a copy of `value`: JSON tokens, collections and responses are copied deeply so that later changes to
    // the caller's value do not reach the cache, and a lookup returns the same type. Values of the context model
    // (context.Request, its headers, ...) only mean something inside their request: they are kept as their text.
    bool storeValue(std::string_view key, const expr::Value &value, std::chrono::milliseconds ttl);
    // A copy of the fresh value under `key`, or nullopt.
    std::optional<expr::Value> lookupValue(std::string_view key);
    // Removes a value; true when there was one.
    bool removeValue(std::string_view key);

    void clear();
    CacheStatistics statistics() const;

    // What an entry of this key and payload size is charged (the fixed part covers the list and map nodes).
    static std::size_t chargeFor(std::size_t keyBytes, std::size_t payloadBytes);
    static std::size_t responseBytes(const StoredResponse &response);

private:
    struct Shard;
    Shard &shardFor(std::string_view key) const;
    Clock::time_point now() const;

    CacheOptions m_options;
    std::size_t m_shardCapacity = 0;
    std::vector<std::unique_ptr<Shard>> m_shards;
};

// Value copies and their size, for the cache (value_copy.cpp).
expr::Value keptCopy(const expr::Value &value);
std::size_t valueBytes(const expr::Value &value);

} // namespace gw::cache
