#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace gw::limits {

// A map from text keys to entries that are never removed, for counters many threads touch at once.
//
// Finding an existing key takes no lock: the key's hash picks one of a fixed number of shards, and each shard is an
// open-addressed table of atomic pointers that readers probe without waiting. Adding a key takes that shard's mutex
// (the only lock), and growing a table publishes a bigger copy; older tables stay alive until the map is destroyed,
// so a reader that still probes one never touches freed memory. Entries live as long as the map: their addresses
// are stable, so callers keep pointers to them (tickets, held slots).
//
// Entry needs members `std::string key` and `std::uint64_t hash`, set by the `make` function given to find().
template<typename Entry>
class ShardedMap {
public:
    ShardedMap()
    {
        for (Shard &shard : m_shards)
            shard.table.store(shard.grow(nullptr, 16), std::memory_order_release);
    }
    ShardedMap(const ShardedMap &) = delete;
    ShardedMap &operator=(const ShardedMap &) = delete;

    static std::uint64_t hashOf(std::string_view key)
    {
        // A fixed FNV-1a mix, with the bits spread so that both the shard (low bits) and the slot (high bits) vary.
        std::uint64_t hash = 14695981039346656037ull;
        for (const unsigned char c : key)
            hash = (hash ^ c) * 1099511628211ull;
        return hash ^ (hash >> 29);
    }

    // The entry of `key`; `make(key, hash)` builds a std::unique_ptr<Entry> when the key is new.
    template<typename Make>
    Entry &find(std::string_view key, Make &&make)
    {
        const std::uint64_t hash = hashOf(key);
        Shard &shard = m_shards[hash % kShards];
        if (Entry *found = probe(shard.table.load(std::memory_order_acquire), key, hash))
            return *found;
        std::lock_guard lock(shard.mutex);
        Table *table = shard.table.load(std::memory_order_relaxed);
        if (Entry *found = probe(table, key, hash))
            return *found;
        if ((shard.count + 1) * 2 > table->size) {
            table = shard.grow(table, table->size * 2);
            shard.table.store(table, std::memory_order_release);
        }
        std::unique_ptr<Entry> entry = make(key, hash);
        Entry *result = entry.get();
        insert(*table, result);
        shard.entries.push_back(std::move(entry));
        ++shard.count;
        return *result;
    }

    // Calls `visit(entry)` for every entry (off the hot path: it holds each shard's mutex in turn, which only delays
    // the addition of new keys).
    template<typename Visit>
    void forEach(Visit &&visit)
    {
        for (Shard &shard : m_shards) {
            std::lock_guard lock(shard.mutex);
            for (const auto &entry : shard.entries)
                visit(*entry);
        }
    }

    std::size_t size()
    {
        std::size_t total = 0;
        for (Shard &shard : m_shards) {
            std::lock_guard lock(shard.mutex);
            total += shard.count;
        }
        return total;
    }

private:
    static constexpr std::size_t kShards = 64;

    struct Table {
        std::size_t size = 0; // a power of two
        std::unique_ptr<std::atomic<Entry *>[]> slots;
    };

    static void insert(Table &table, Entry *entry)
    {
        for (std::size_t i = (entry->hash >> 8) & (table.size - 1);; i = (i + 1) & (table.size - 1)) {
            if (!table.slots[i].load(std::memory_order_relaxed)) {
                table.slots[i].store(entry, std::memory_order_release);
                return;
            }
        }
    }

    static Entry *probe(const Table *table, std::string_view key, std::uint64_t hash)
    {
        for (std::size_t i = (hash >> 8) & (table->size - 1);; i = (i + 1) & (table->size - 1)) {
            Entry *entry = table->slots[i].load(std::memory_order_acquire);
            if (!entry)
                return nullptr;
            if (entry->hash == hash && entry->key == key)
                return entry;
        }
    }

    struct alignas(64) Shard {
        std::atomic<Table *> table{nullptr};
        std::mutex mutex;
        std::size_t count = 0;
        std::vector<std::unique_ptr<Table>> tables; // every table this shard had: readers may still probe old ones
        std::vector<std::unique_ptr<Entry>> entries;

        Table *grow(Table *old, std::size_t size)
        {
            auto table = std::make_unique<Table>();
            table->size = size;
            table->slots = std::make_unique<std::atomic<Entry *>[]>(size);
            for (std::size_t i = 0; i < size; ++i)
                table->slots[i].store(nullptr, std::memory_order_relaxed);
            if (old) {
                for (const auto &entry : entries)
                    insert(*table, entry.get());
            }
            tables.push_back(std::move(table));
            return tables.back().get();
        }
    };

    std::array<Shard, kShards> m_shards;
};

} // namespace gw::limits
