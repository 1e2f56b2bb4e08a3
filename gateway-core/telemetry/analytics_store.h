#pragma once

#include <common/result.h>
#include <telemetry/request_record.h>
#include <telemetry/traffic_stats.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace gw::telemetry {

// Which requests a query is about. Empty names match any; statusClass -1 matches any (0 is "no response");
// `text` matches a part of the path, query, method, client address or error reason, or the whole request id.
struct RecordFilter {
    std::optional<RequestRecord::TimePoint> from; // inclusive
    std::optional<RequestRecord::TimePoint> to;   // exclusive
    std::string api;
    std::string operation;
    std::string product;
    std::string subscription;
    int statusClass = -1;
    std::string text;

    bool operator==(const RecordFilter &) const = default;

    // The same rule in memory (the live view filters the records it drains with it).
    bool matches(const RequestRecord &record) const;
    // Whether statistics kept per API, operation, product, subscription and status class can answer this filter
    // (everything but `text`).
    bool matchesKey(const std::string &api, const std::string &operation, const std::string &product,
                    const std::string &subscription, int statusClass) const;
};

struct StoredRecord {
    std::int64_t id = 0; // ascending in the order the records were written
    RequestRecord record;
};

// The statistics of one minute, merged over the keys the filter matches.
struct MinuteStats {
    RequestRecord::TimePoint minute;
    TrafficStats stats;
};

enum class Dimension { Api, Operation, Product, Subscription };

// One row of a "top" table: an API, an operation (with its API), a product or a subscription.
struct RankedStats {
    std::string name;
    std::string api; // for operations: the API it belongs to
    TrafficStats stats;
};

// Statistics merged per (name, API) turned into a top table: most calls first, at most `limit` rows.
using StatsByName = std::map<std::pair<std::string, std::string>, TrafficStats>;
std::vector<RankedStats> rank(StatsByName merged, std::size_t limit = 100);

// The four top tables (indexed by Dimension) being merged: add() files one key's statistics under its API, its
// operation (with the API), its product and its subscription; names left empty (no API matched, no key) are not
// ranked. The stored and the live statistics are both ranked this way.
struct TopsBuilder {
    std::array<StatsByName, 4> merged;
    void add(const std::string &api, const std::string &operation, const std::string &product,
             const std::string &subscription, const TrafficStats &stats);
    std::array<std::vector<RankedStats>, 4> ranked(std::size_t limit = 100);
};

enum class ExportFormat { Csv, JsonLines };

// The analytics history: an SQLite file the console and `gatehouse-gateway --analytics-db` write, and the console
// reads. Two tables: `requests`, one row per request (the RequestRecord's fields), and `minutes`, the TrafficStats
// of each minute per API, operation, product, subscription and status class, so a chart over a day reads at most
// 1440 rows per key instead of every request. The file is in WAL mode: one writer and any number of readers (other
// AnalyticsStore objects, other processes) work at once.
//
// Threads: one AnalyticsStore is used by one thread at a time; open one per thread.
class AnalyticsStore {
public:
    enum class Mode { ReadWrite, ReadOnly };

    // Creates the file and its tables when missing (ReadWrite). Fails with the reason and the file's name.
    static Result<std::unique_ptr<AnalyticsStore>> open(const std::filesystem::path &file, Mode mode = Mode::ReadWrite);
    ~AnalyticsStore();
    AnalyticsStore(const AnalyticsStore &) = delete;
    AnalyticsStore &operator=(const AnalyticsStore &) = delete;

    const std::filesystem::path &file() const { return m_file; }

    // Writes the records and adds them to their minutes' statistics, in one transaction.
    Result<void> append(const std::vector<RequestRecord> &records);
    // Deletes the records and minutes older than `before`; returns how many records went.
    Result<std::int64_t> prune(RequestRecord::TimePoint before);

    std::int64_t count(const RecordFilter &filter);
    // Newest first: the records at positions offset .. offset+limit-1 of the filtered list.
    std::vector<StoredRecord> page(const RecordFilter &filter, std::int64_t offset, std::int64_t limit);
    std::optional<StoredRecord> find(std::int64_t id);

    // Per minute in [filter.from, filter.to), oldest first; minutes without a matching request are left out.
    // `filter.text` is ignored (the minutes do not keep single requests).
    std::vector<MinuteStats> perMinute(const RecordFilter &filter);
    // The top tables over the filter, one per Dimension (indexed by it), each most calls first, from one read of
    // the minutes.
    std::array<std::vector<RankedStats>, 4> tops(const RecordFilter &filter, std::size_t limit = 100);
    // The names that occur in the history, sorted (for the filter combos).
    std::vector<std::string> names(Dimension dimension);

    // Writes the filtered records, oldest first, as CSV (with a header line) or JSON lines (as the access log
    // writes them) to `target`, through a temporary file renamed into place; returns how many were written.
    Result<std::int64_t> exportRecords(const RecordFilter &filter, const std::filesystem::path &target,
                                       ExportFormat format);

private:
    AnalyticsStore(sqlite3 *db, std::filesystem::path file);
    Error failure(const std::string &what) const;
    sqlite3_stmt *prepare(const char *sql);

    sqlite3 *m_db;
    std::filesystem::path m_file;
    std::string m_recordColumns; // what a SELECT of records reads
    sqlite3_stmt *m_insertRecord = nullptr;
    sqlite3_stmt *m_readMinute = nullptr;
    sqlite3_stmt *m_writeMinute = nullptr;
};

} // namespace gw::telemetry
