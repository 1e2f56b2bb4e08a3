#include "cache.h"

#include <expr/runtime.h>

#include <algorithm>
#include <list>
#include <mutex>
#include <unordered_map>
#include <variant>

namespace gw::cache {

namespace {

enum Space : unsigned { Responses = 0, Values = 1 };

std::size_t hashOf(std::string_view key)
{
    return std::hash<std::string_view>{}(key);
}

} // namespace

struct Cache::Shard {
    struct Entry {
        std::string key;
        Space space = Responses;
        std::variant<std::shared_ptr<const StoredResponse>, expr::Value> payload;
        std::size_t charge = 0;
        Clock::time_point expires;
    };
    using List = std::list<Entry>;

    std::mutex mutex;
    List lru; // most recently used first
    // The keys are views of the entries' own keys (list nodes never move), one map per key space.
    std::unordered_map<std::string_view, List::iterator> index[2];
    std::size_t bytes = 0;

    void erase(List::iterator entry)
    {
        index[entry->space].erase(entry->key);
        bytes -= entry->charge;
        lru.erase(entry);
    }

    void eraseKey(Space space, std::string_view key)
    {
        if (const auto found = index[space].find(key); found != index[space].end())
            erase(found->second);
    }

    // The entry of `key` when it is fresh (moved to the front), else null (an expired one is dropped).
    Entry *find(Space space, std::string_view key, Clock::time_point now)
    {
        const auto found = index[space].find(key);
        if (found == index[space].end())
            return nullptr;
        const List::iterator entry = found->second;
        if (entry->expires <= now) {
            erase(entry);
            return nullptr;
        }
        lru.splice(lru.begin(), lru, entry);
        return &*entry;
    }

    bool insert(Entry entry, std::size_t capacity)
    {
        eraseKey(entry.space, entry.key);
        if (entry.charge > capacity)
            return false;
        while (bytes + entry.charge > capacity && !lru.empty())
            erase(std::prev(lru.end()));
        bytes += entry.charge;
        lru.push_front(std::move(entry));
        const auto front = lru.begin();
        index[front->space].emplace(front->key, front);
        return true;
    }
};

Cache::Cache(CacheOptions options) : m_options(std::move(options))
{
    std::size_t shards = m_options.shards;
    if (shards == 0) // parts of 4 MiB or more, at most 16: a big response still fits in one part
        shards = std::clamp<std::size_t>(m_options.capacityBytes / (std::size_t(4) << 20), 1, 16);
    m_shardCapacity = m_options.capacityBytes / shards;
    m_shards.reserve(shards);
    for (std::size_t i = 0; i < shards; ++i)
        m_shards.push_back(std::make_unique<Shard>());
}

Cache::~Cache() = default;

std::size_t Cache::chargeFor(std::size_t keyBytes, std::size_t payloadBytes)
{
    // The entry in its list node (two links), the map's node (view, iterator, link, cached hash) and bucket.
    constexpr std::size_t bookkeeping = sizeof(Shard::Entry) + 2 * sizeof(void *) + sizeof(std::string_view) +
                                        sizeof(Shard::List::iterator) + 3 * sizeof(void *);
    return bookkeeping + keyBytes + payloadBytes;
}

std::size_t Cache::responseBytes(const StoredResponse &response)
{
    std::size_t bytes = sizeof(StoredResponse) + response.reason.size() + response.body.size();
    for (const http::Header &field : response.headers)
        bytes += sizeof(http::Header) + field.name.size() + field.value.size();
    return bytes;
}

Cache::Shard &Cache::shardFor(std::string_view key) const
{
    // Higher bits than the shard's own map uses to pick a bucket, so that one shard's keys still spread there.
    const std::size_t hash = hashOf(key);
    return *m_shards[((hash >> 7) ^ (hash >> 29)) % m_shards.size()];
}

Clock::time_point Cache::now() const
{
    return m_options.now ? m_options.now() : Clock::now();
}

bool Cache::storeResponse(std::string_view key, StoredResponse response, std::chrono::milliseconds ttl)
{
    Shard &shard = shardFor(key);
    if (ttl.count() <= 0) {
        std::lock_guard lock(shard.mutex);
        shard.eraseKey(Responses, key);
        return false;
    }
    Shard::Entry entry;
    entry.key = std::string(key);
    entry.space = Responses;
    entry.charge = chargeFor(key.size(), responseBytes(response));
    entry.payload = std::make_shared<const StoredResponse>(std::move(response));
    entry.expires = now() + ttl;
    std::lock_guard lock(shard.mutex);
    return shard.insert(std::move(entry), m_shardCapacity);
}

std::optional<Cache::ResponseHit> Cache::lookupResponse(std::string_view key)
{
    Shard &shard = shardFor(key);
    const Clock::time_point at = now();
    std::lock_guard lock(shard.mutex);
    Shard::Entry *entry = shard.find(Responses, key, at);
    if (!entry)
        return std::nullopt;
    return ResponseHit{std::get<std::shared_ptr<const StoredResponse>>(entry->payload),
                       std::chrono::duration_cast<std::chrono::milliseconds>(entry->expires - at)};
}

bool Cache::storeValue(std::string_view key, const expr::Value &value, std::chrono::milliseconds ttl)
{
    Shard &shard = shardFor(key);
    if (ttl.count() <= 0) {
        std::lock_guard lock(shard.mutex);
        shard.eraseKey(Values, key);
        return false;
    }
    Shard::Entry entry;
    entry.key = std::string(key);
    entry.space = Values;
    try {
        entry.payload = keptCopy(value);
    } catch (const expr::EvalError &) {
        return false; // a JSON token nested deeper than the expression module copies
    }
    entry.charge = chargeFor(key.size(), valueBytes(std::get<expr::Value>(entry.payload)));
    entry.expires = now() + ttl;
    std::lock_guard lock(shard.mutex);
    return shard.insert(std::move(entry), m_shardCapacity);
}

std::optional<expr::Value> Cache::lookupValue(std::string_view key)
{
    Shard &shard = shardFor(key);
    const Clock::time_point at = now();
    expr::Value kept;
    {
        std::lock_guard lock(shard.mutex);
        Shard::Entry *entry = shard.find(Values, key, at);
        if (!entry)
            return std::nullopt;
        kept = std::get<expr::Value>(entry->payload);
    }
    // The kept value is never changed, so it can be copied outside the lock; the caller gets its own copy.
    return keptCopy(kept);
}

bool Cache::removeValue(std::string_view key)
{
    Shard &shard = shardFor(key);
    std::lock_guard lock(shard.mutex);
    const auto found = shard.index[Values].find(key);
    if (found == shard.index[Values].end())
        return false;
    shard.erase(found->second);
    return true;
}

void Cache::clear()
{
    for (const auto &shard : m_shards) {
        std::lock_guard lock(shard->mutex);
        shard->index[Responses].clear();
        shard->index[Values].clear();
        shard->lru.clear();
        shard->bytes = 0;
    }
}

CacheStatistics Cache::statistics() const
{
    CacheStatistics statistics;
    statistics.capacityBytes = m_options.capacityBytes;
    statistics.largestEntryBytes = m_shardCapacity;
    for (const auto &shard : m_shards) {
        std::lock_guard lock(shard->mutex);
        statistics.entries += shard->lru.size();
        statistics.bytes += shard->bytes;
    }
    return statistics;
}

} // namespace gw::cache
