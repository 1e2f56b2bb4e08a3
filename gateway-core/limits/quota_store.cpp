#include "quota_store.h"

#include <sqlite3.h>

#include <cstdio>

namespace gw::limits {

QuotaStore::QuotaStore(const std::filesystem::path &directory)
{
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    const std::string file = (directory / "limits.sqlite").string();
    if (sqlite3_open_v2(file.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        report("cannot open the quota counters");
        sqlite3_close(m_db);
        m_db = nullptr;
        return;
    }
    // A second gateway on the same folder waits a little instead of failing at once.
    sqlite3_busy_timeout(m_db, 2000);
    const char *schema = "PRAGMA journal_mode=WAL;"
                         "CREATE TABLE IF NOT EXISTS quota_counters ("
                         " key TEXT PRIMARY KEY,"
                         " calls_period_start INTEGER NOT NULL,"
                         " calls INTEGER NOT NULL,"
                         " bytes_period_start INTEGER NOT NULL,"
                         " bytes INTEGER NOT NULL)";
    if (sqlite3_exec(m_db, schema, nullptr, nullptr, nullptr) != SQLITE_OK) {
        report("cannot create the quota counters table");
        sqlite3_close(m_db);
        m_db = nullptr;
    }
}

QuotaStore::~QuotaStore()
{
    if (m_db)
        sqlite3_close(m_db);
}

void QuotaStore::report(const char *what)
{
    std::fprintf(stderr, "gatehouse: %s: %s\n", what, m_db ? sqlite3_errmsg(m_db) : "out of memory");
}

std::vector<StoredQuota> QuotaStore::load()
{
    std::vector<StoredQuota> result;
    if (!m_db)
        return result;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT key, calls_period_start, calls, bytes_period_start, bytes FROM quota_counters",
                           -1, &statement, nullptr) != SQLITE_OK) {
        report("cannot read the quota counters");
        return result;
    }
    while (sqlite3_step(statement) == SQLITE_ROW) {
        StoredQuota row;
        const auto *key = reinterpret_cast<const char *>(sqlite3_column_text(statement, 0));
        row.key.assign(key ? key : "", static_cast<std::size_t>(sqlite3_column_bytes(statement, 0)));
        row.callsPeriodStart = sqlite3_column_int64(statement, 1);
        row.calls = sqlite3_column_int64(statement, 2);
        row.bytesPeriodStart = sqlite3_column_int64(statement, 3);
        row.bytes = sqlite3_column_int64(statement, 4);
        result.push_back(std::move(row));
    }
    sqlite3_finalize(statement);
    return result;
}

void QuotaStore::save(const std::vector<StoredQuota> &counters)
{
    if (!m_db || counters.empty())
        return;
    if (sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
        report("cannot write the quota counters");
        return;
    }
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(m_db,
                           "INSERT INTO quota_counters (key, calls_period_start, calls, bytes_period_start, bytes)"
                           " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(key) DO UPDATE SET"
                           " calls_period_start = ?2, calls = ?3, bytes_period_start = ?4, bytes = ?5",
                           -1, &statement, nullptr) != SQLITE_OK) {
        report("cannot write the quota counters");
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        return;
    }
    bool ok = true;
    for (const StoredQuota &row : counters) {
        sqlite3_bind_text(statement, 1, row.key.data(), static_cast<int>(row.key.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(statement, 2, row.callsPeriodStart);
        sqlite3_bind_int64(statement, 3, row.calls);
        sqlite3_bind_int64(statement, 4, row.bytesPeriodStart);
        sqlite3_bind_int64(statement, 5, row.bytes);
        ok = ok && sqlite3_step(statement) == SQLITE_DONE;
        sqlite3_reset(statement);
    }
    sqlite3_finalize(statement);
    if (!ok || sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        report("cannot write the quota counters");
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

} // namespace gw::limits
