#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

struct sqlite3;

namespace gw::limits {

// One quota counter as stored: the counts of the period that starts at `callsPeriodStart` / `bytesPeriodStart`
// (Unix seconds; the same for a counter whose calls and bytes are in the same period).
struct StoredQuota {
    std::string key;
    std::int64_t callsPeriodStart = 0;
    std::int64_t calls = 0;
    std::int64_t bytesPeriodStart = 0;
    std::int64_t bytes = 0;
};

// The SQLite file quota counters survive restarts in (`limits.sqlite` in the state directory). Used by one thread
// at a time (Limits serialises it). Failures are reported on standard error and the counters stay in memory: a
// full disk must not stop the gateway.
class QuotaStore {
public:
    explicit QuotaStore(const std::filesystem::path &directory);
    ~QuotaStore();
    QuotaStore(const QuotaStore &) = delete;
    QuotaStore &operator=(const QuotaStore &) = delete;

    bool isOpen() const { return m_db != nullptr; }
    std::vector<StoredQuota> load();
    void save(const std::vector<StoredQuota> &counters); // one transaction

private:
    void report(const char *what);
    sqlite3 *m_db = nullptr;
};

} // namespace gw::limits
