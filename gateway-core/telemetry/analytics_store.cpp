#include <telemetry/analytics_store.h>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>
#include <variant>

namespace gw::telemetry {

namespace {

using TimePoint = RequestRecord::TimePoint;
using Micros = std::chrono::microseconds;

constexpr const char *kSchema = R"(
CREATE TABLE IF NOT EXISTS requests (
    id INTEGER PRIMARY KEY,
    time INTEGER NOT NULL,
    request_id TEXT NOT NULL,
    api TEXT NOT NULL,
    operation TEXT NOT NULL,
    product TEXT NOT NULL,
    subscription TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    query TEXT NOT NULL,
    client TEXT NOT NULL,
    status INTEGER NOT NULL,
    reason TEXT NOT NULL,
    bytes_in INTEGER NOT NULL,
    bytes_out INTEGER NOT NULL,
    latency_us INTEGER NOT NULL,
    backend_us INTEGER NOT NULL,
    cache_hit INTEGER NOT NULL,
    io_thread INTEGER NOT NULL,
    request_headers TEXT NOT NULL DEFAULT '',
    response_headers TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS requests_by_time ON requests(time);
CREATE TABLE IF NOT EXISTS minutes (
    minute INTEGER NOT NULL,
    api TEXT NOT NULL,
    operation TEXT NOT NULL,
    product TEXT NOT NULL,
    subscription TEXT NOT NULL,
    status_class INTEGER NOT NULL,
    stats BLOB NOT NULL,
    PRIMARY KEY (minute, api, operation, product, subscription, status_class)) WITHOUT ROWID;
)";

// The columns of a record, in readRecord()'s order; the logged headers last (histories written before they were
// kept have no such columns: a read-only reader stands in empty ones).
constexpr const char *kBaseColumns = "id, time, request_id, api, operation, product, subscription, method, path, "
                                     "query, client, status, reason, bytes_in, bytes_out, latency_us, backend_us, "
                                     "cache_hit, io_thread";
constexpr const char *kHeaderColumns = ", request_headers, response_headers";
constexpr const char *kNoHeaderColumns = ", '' AS request_headers, '' AS response_headers";

std::int64_t microsOf(TimePoint time)
{
    return time.time_since_epoch().count();
}

TimePoint minuteOf(TimePoint time)
{
    return std::chrono::floor<std::chrono::minutes>(time);
}

// A prepared statement that finalizes itself.
struct Statement {
    sqlite3_stmt *handle = nullptr;
    Statement(sqlite3 *db, const std::string &sql) { sqlite3_prepare_v2(db, sql.c_str(), -1, &handle, nullptr); }
    ~Statement() { sqlite3_finalize(handle); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    explicit operator bool() const { return handle != nullptr; }
    bool step()
    {
        last = sqlite3_step(handle);
        return last == SQLITE_ROW;
    }
    // After the last step(): whether it ended in an error (a corrupt file) rather than at the end of the rows.
    bool failed() const { return last != SQLITE_ROW && last != SQLITE_DONE; }
    int last = SQLITE_OK;
};

std::string textColumn(sqlite3_stmt *statement, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, column))) : std::string();
}

void bindText(sqlite3_stmt *statement, int index, const std::string &text)
{
    sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

// The WHERE clause of a filter and the values for its parameters, in order.
struct Where {
    std::string sql;
    std::vector<std::variant<std::int64_t, std::string>> values;

    void add(const std::string &condition) { sql += (sql.empty() ? " WHERE " : " AND ") + condition; }
    void bind(sqlite3_stmt *statement, int first = 1) const
    {
        int index = first;
        for (const auto &value : values) {
            if (const auto *number = std::get_if<std::int64_t>(&value))
                sqlite3_bind_int64(statement, index++, *number);
            else
                bindText(statement, index++, std::get<std::string>(value));
        }
    }
};

// `timeColumn` and `statusCondition` differ between the two tables; the names are the same.
Where whereOf(const RecordFilter &filter, const char *timeColumn, bool records)
{
    Where where;
    if (filter.from) {
        where.add(std::string(timeColumn) + " >= ?");
        where.values.emplace_back(records ? microsOf(*filter.from) : microsOf(minuteOf(*filter.from)));
    }
    if (filter.to) {
        where.add(std::string(timeColumn) + " < ?");
        where.values.emplace_back(microsOf(*filter.to));
    }
    const std::pair<const char *, const std::string *> names[] = {{"api", &filter.api},
                                                                  {"operation", &filter.operation},
                                                                  {"product", &filter.product},
                                                                  {"subscription", &filter.subscription}};
    for (const auto &[column, value] : names) {
        if (!value->empty()) {
            where.add(std::string(column) + " = ?");
            where.values.emplace_back(*value);
        }
    }
    if (filter.statusClass >= 0) {
        if (!records) {
            where.add("status_class = ?");
            where.values.emplace_back(std::int64_t{filter.statusClass});
        } else if (filter.statusClass == 0) {
            where.add("(status < 100 OR status >= 600)");
        } else {
            where.add("status >= ? AND status < ?");
            where.values.emplace_back(std::int64_t{filter.statusClass} * 100);
            where.values.emplace_back(std::int64_t{filter.statusClass} * 100 + 100);
        }
    }
    if (records && !filter.text.empty()) {
        where.add("(instr(path, ?) OR instr(query, ?) OR method = ? OR instr(client, ?) OR instr(reason, ?) OR "
                  "request_id = ?)");
        for (int i = 0; i < 6; ++i)
            where.values.emplace_back(filter.text);
    }
    return where;
}

StoredRecord readRecord(sqlite3_stmt *statement)
{
    StoredRecord stored;
    stored.id = sqlite3_column_int64(statement, 0);
    RequestRecord &r = stored.record;
    r.startTime = TimePoint(Micros(sqlite3_column_int64(statement, 1)));
    r.requestId = textColumn(statement, 2);
    r.api = textColumn(statement, 3);
    r.operation = textColumn(statement, 4);
    r.product = textColumn(statement, 5);
    r.subscription = textColumn(statement, 6);
    r.method = textColumn(statement, 7);
    r.path = textColumn(statement, 8);
    r.query = textColumn(statement, 9);
    r.clientAddress = textColumn(statement, 10);
    r.status = static_cast<std::uint16_t>(sqlite3_column_int(statement, 11));
    r.errorReason = textColumn(statement, 12);
    r.bytesIn = static_cast<std::uint64_t>(sqlite3_column_int64(statement, 13));
    r.bytesOut = static_cast<std::uint64_t>(sqlite3_column_int64(statement, 14));
    r.totalLatency = Micros(sqlite3_column_int64(statement, 15));
    r.backendLatency = Micros(sqlite3_column_int64(statement, 16));
    r.cacheHit = sqlite3_column_int(statement, 17) != 0;
    r.ioThread = static_cast<std::uint32_t>(sqlite3_column_int(statement, 18));
    r.requestHeaders = textColumn(statement, 19);
    r.responseHeaders = textColumn(statement, 20);
    return stored;
}

std::optional<TrafficStats> statsColumn(sqlite3_stmt *statement, int column)
{
    const auto *blob = static_cast<const char *>(sqlite3_column_blob(statement, column));
    return TrafficStats::decode(
        std::string_view(blob ? blob : "", static_cast<std::size_t>(sqlite3_column_bytes(statement, column))));
}

void appendCsvField(std::string &out, const std::string &text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        out += text;
        return;
    }
    out.push_back('"');
    for (const char c : text) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

void appendCsvLine(std::string &out, const RequestRecord &r)
{
    appendQuotedTime(out, r.startTime);
    for (const std::string *text :
         {&r.requestId, &r.api, &r.operation, &r.product, &r.subscription, &r.method, &r.path, &r.query}) {
        out.push_back(',');
        appendCsvField(out, *text);
    }
    for (const std::uint64_t number :
         {std::uint64_t{r.status}, r.bytesIn, r.bytesOut, static_cast<std::uint64_t>(r.totalLatency.count()),
          static_cast<std::uint64_t>(r.backendLatency.count())}) {
        out.push_back(',');
        out += std::to_string(number);
    }
    out.push_back(',');
    appendCsvField(out, r.clientAddress);
    out.push_back(',');
    appendCsvField(out, r.errorReason);
    out += r.cacheHit ? ",true," : ",false,";
    out += std::to_string(r.ioThread);
    out.push_back(',');
    appendCsvField(out, r.requestHeaders);
    out.push_back(',');
    appendCsvField(out, r.responseHeaders);
    out += "\r\n";
}

} // namespace

std::vector<RankedStats> rank(StatsByName merged, std::size_t limit)
{
    std::vector<RankedStats> result;
    result.reserve(merged.size());
    for (auto &[key, stats] : merged)
        result.push_back({key.first, key.second, std::move(stats)});
    std::stable_sort(result.begin(), result.end(),
                     [](const RankedStats &a, const RankedStats &b) { return a.stats.calls > b.stats.calls; });
    if (result.size() > limit)
        result.resize(limit);
    return result;
}

void TopsBuilder::add(const std::string &api, const std::string &operation, const std::string &product,
                      const std::string &subscription, const TrafficStats &stats)
{
    const std::pair<std::string, std::string> keys[] = {{api, {}}, {operation, api}, {product, {}}, {subscription, {}}};
    for (std::size_t i = 0; i < merged.size(); ++i) {
        if (!keys[i].first.empty())
            merged[i][keys[i]].merge(stats);
    }
}

std::array<std::vector<RankedStats>, 4> TopsBuilder::ranked(std::size_t limit)
{
    std::array<std::vector<RankedStats>, 4> result;
    for (std::size_t i = 0; i < result.size(); ++i)
        result[i] = rank(std::move(merged[i]), limit);
    return result;
}

bool RecordFilter::matchesKey(const std::string &api_, const std::string &operation_, const std::string &product_,
                              const std::string &subscription_, int statusClass_) const
{
    return (api.empty() || api == api_) && (operation.empty() || operation == operation_) &&
           (product.empty() || product == product_) && (subscription.empty() || subscription == subscription_) &&
           (statusClass < 0 || statusClass == statusClass_);
}

bool RecordFilter::matches(const RequestRecord &r) const
{
    if ((from && r.startTime < *from) || (to && r.startTime >= *to))
        return false;
    if (!matchesKey(r.api, r.operation, r.product, r.subscription, statusClassOf(r.status)))
        return false;
    if (text.empty())
        return true;
    const auto contains = [this](const std::string &value) { return value.find(text) != std::string::npos; };
    return contains(r.path) || contains(r.query) || r.method == text || contains(r.clientAddress) ||
           contains(r.errorReason) || r.requestId == text;
}

Result<std::unique_ptr<AnalyticsStore>> AnalyticsStore::open(const std::filesystem::path &file, Mode mode)
{
    if (mode == Mode::ReadWrite && file.has_parent_path()) {
        std::error_code ignored;
        std::filesystem::create_directories(file.parent_path(), ignored);
    }
    sqlite3 *db = nullptr;
    const int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(file.string().c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        Error error{"cannot open the analytics history " + file.string() + ": " +
                    (db ? sqlite3_errmsg(db) : "out of memory")};
        sqlite3_close(db);
        return error;
    }
    // A reader waits for a moment of a writer's checkpoint instead of failing.
    sqlite3_busy_timeout(db, 2000);
    std::unique_ptr<AnalyticsStore> store(new AnalyticsStore(db, file));
    if (mode == Mode::ReadWrite) {
        // WAL: readers never block the writer; NORMAL: a power cut may lose the last batches, never corrupt.
        const std::string setup = std::string("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;") + kSchema;
        if (sqlite3_exec(db, setup.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
            return store->failure("cannot create the analytics tables in");
    }
    // Every column the store reads must be there: a database with other tables of the same names is refused.
    Statement records(db, std::string("SELECT ") + kBaseColumns + " FROM requests WHERE 0");
    Statement minutes(db, "SELECT minute, api, operation, product, subscription, status_class, stats FROM minutes "
                          "WHERE 0");
    if (!records || !minutes)
        return store->failure("not an analytics history:");
    Statement headers(db, std::string("SELECT ") + (kHeaderColumns + 2) + " FROM requests WHERE 0");
    if (!headers && mode == Mode::ReadWrite) {
        // Histories written before the logged headers were kept get the columns (empty for their records).
        for (const char *column : {"request_headers", "response_headers"}) {
            const std::string add =
                std::string("ALTER TABLE requests ADD COLUMN ") + column + " TEXT NOT NULL DEFAULT ''";
            if (sqlite3_exec(db, add.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
                return store->failure("cannot update the analytics tables in");
        }
    }
    store->m_recordColumns =
        std::string(kBaseColumns) + (headers || mode == Mode::ReadWrite ? kHeaderColumns : kNoHeaderColumns);
    return store;
}

AnalyticsStore::AnalyticsStore(sqlite3 *db, std::filesystem::path file) : m_db(db), m_file(std::move(file))
{
}

AnalyticsStore::~AnalyticsStore()
{
    for (sqlite3_stmt *statement : {m_insertRecord, m_readMinute, m_writeMinute})
        sqlite3_finalize(statement);
    sqlite3_close(m_db);
}

Error AnalyticsStore::failure(const std::string &what) const
{
    return Error{what + " " + m_file.string() + ": " + sqlite3_errmsg(m_db)};
}

sqlite3_stmt *AnalyticsStore::prepare(const char *sql)
{
    sqlite3_stmt *statement = nullptr;
    sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr);
    return statement;
}

Result<void> AnalyticsStore::append(const std::vector<RequestRecord> &records)
{
    if (records.empty())
        return {};
    if (!m_insertRecord) {
        m_insertRecord = prepare("INSERT INTO requests (time, request_id, api, operation, product, subscription, "
                                 "method, path, query, client, status, reason, bytes_in, bytes_out, latency_us, "
                                 "backend_us, cache_hit, io_thread, request_headers, response_headers) "
                                 "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        m_readMinute = prepare("SELECT stats FROM minutes WHERE minute = ? AND api = ? AND operation = ? AND "
                               "product = ? AND subscription = ? AND status_class = ?");
        m_writeMinute = prepare("INSERT OR REPLACE INTO minutes (minute, api, operation, product, subscription, "
                                "status_class, stats) VALUES (?,?,?,?,?,?,?)");
        if (!m_insertRecord || !m_readMinute || !m_writeMinute)
            return failure("cannot write to the analytics history");
    }
    if (sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
        return failure("cannot write to the analytics history");

    using Key = std::tuple<std::int64_t, std::string, std::string, std::string, std::string, int>;
    std::map<Key, TrafficStats> minutes;
    bool ok = true;
    for (const RequestRecord &r : records) {
        sqlite3_stmt *s = m_insertRecord;
        sqlite3_bind_int64(s, 1, microsOf(r.startTime));
        int index = 2;
        for (const std::string *text : {&r.requestId, &r.api, &r.operation, &r.product, &r.subscription, &r.method,
                                        &r.path, &r.query, &r.clientAddress})
            sqlite3_bind_text(s, index++, text->data(), static_cast<int>(text->size()), SQLITE_STATIC);
        sqlite3_bind_int(s, 11, r.status);
        sqlite3_bind_text(s, 12, r.errorReason.data(), static_cast<int>(r.errorReason.size()), SQLITE_STATIC);
        sqlite3_bind_int64(s, 13, static_cast<std::int64_t>(r.bytesIn));
        sqlite3_bind_int64(s, 14, static_cast<std::int64_t>(r.bytesOut));
        sqlite3_bind_int64(s, 15, r.totalLatency.count());
        sqlite3_bind_int64(s, 16, r.backendLatency.count());
        sqlite3_bind_int(s, 17, r.cacheHit ? 1 : 0);
        sqlite3_bind_int(s, 18, static_cast<int>(r.ioThread));
        sqlite3_bind_text(s, 19, r.requestHeaders.data(), static_cast<int>(r.requestHeaders.size()), SQLITE_STATIC);
        sqlite3_bind_text(s, 20, r.responseHeaders.data(), static_cast<int>(r.responseHeaders.size()), SQLITE_STATIC);
        ok = sqlite3_step(s) == SQLITE_DONE && ok;
        sqlite3_reset(s);
        minutes[Key{microsOf(minuteOf(r.startTime)), r.api, r.operation, r.product, r.subscription,
                    statusClassOf(r.status)}]
            .add(r);
    }
    std::string blob;
    for (auto &[key, stats] : minutes) {
        const auto bindKey = [&](sqlite3_stmt *s) {
            sqlite3_bind_int64(s, 1, std::get<0>(key));
            bindText(s, 2, std::get<1>(key));
            bindText(s, 3, std::get<2>(key));
            bindText(s, 4, std::get<3>(key));
            bindText(s, 5, std::get<4>(key));
            sqlite3_bind_int(s, 6, std::get<5>(key));
        };
        bindKey(m_readMinute);
        if (sqlite3_step(m_readMinute) == SQLITE_ROW) {
            if (const auto earlier = statsColumn(m_readMinute, 0))
                stats.merge(*earlier);
        }
        sqlite3_reset(m_readMinute);
        blob.clear();
        stats.encode(blob);
        bindKey(m_writeMinute);
        sqlite3_bind_blob(m_writeMinute, 7, blob.data(), static_cast<int>(blob.size()), SQLITE_STATIC);
        ok = sqlite3_step(m_writeMinute) == SQLITE_DONE && ok;
        sqlite3_reset(m_writeMinute);
    }
    if (!ok) {
        Error error = failure("cannot write to the analytics history");
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        return error;
    }
    if (sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        Error error = failure("cannot write to the analytics history");
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        return error;
    }
    return {};
}

Result<std::int64_t> AnalyticsStore::prune(TimePoint before)
{
    Statement records(m_db, "DELETE FROM requests WHERE time < ?");
    Statement minutes(m_db, "DELETE FROM minutes WHERE minute < ?");
    if (!records || !minutes)
        return failure("cannot prune the analytics history");
    sqlite3_bind_int64(records.handle, 1, microsOf(before));
    sqlite3_bind_int64(minutes.handle, 1, microsOf(minuteOf(before)));
    if (sqlite3_step(records.handle) != SQLITE_DONE)
        return failure("cannot prune the analytics history");
    const std::int64_t removed = sqlite3_changes64(m_db);
    if (sqlite3_step(minutes.handle) != SQLITE_DONE)
        return failure("cannot prune the analytics history");
    return removed;
}

std::int64_t AnalyticsStore::count(const RecordFilter &filter)
{
    const Where where = whereOf(filter, "time", true);
    Statement statement(m_db, "SELECT count(*) FROM requests" + where.sql);
    if (!statement)
        return 0;
    where.bind(statement.handle);
    return statement.step() ? sqlite3_column_int64(statement.handle, 0) : 0;
}

std::vector<StoredRecord> AnalyticsStore::page(const RecordFilter &filter, std::int64_t offset, std::int64_t limit)
{
    std::vector<StoredRecord> result;
    const Where where = whereOf(filter, "time", true);
    Statement statement(m_db, "SELECT " + m_recordColumns + " FROM requests" + where.sql +
                                  " ORDER BY id DESC LIMIT ? OFFSET ?");
    if (!statement)
        return result;
    where.bind(statement.handle);
    const int next = static_cast<int>(where.values.size()) + 1;
    sqlite3_bind_int64(statement.handle, next, limit);
    sqlite3_bind_int64(statement.handle, next + 1, offset);
    while (statement.step())
        result.push_back(readRecord(statement.handle));
    return result;
}

std::optional<StoredRecord> AnalyticsStore::find(std::int64_t id)
{
    Statement statement(m_db, "SELECT " + m_recordColumns + " FROM requests WHERE id = ?");
    if (!statement)
        return std::nullopt;
    sqlite3_bind_int64(statement.handle, 1, id);
    if (!statement.step())
        return std::nullopt;
    return readRecord(statement.handle);
}

std::vector<MinuteStats> AnalyticsStore::perMinute(const RecordFilter &filter)
{
    std::vector<MinuteStats> result;
    const Where where = whereOf(filter, "minute", false);
    Statement statement(m_db, "SELECT minute, stats FROM minutes" + where.sql + " ORDER BY minute");
    if (!statement)
        return result;
    where.bind(statement.handle);
    while (statement.step()) {
        const TimePoint minute(Micros(sqlite3_column_int64(statement.handle, 0)));
        const auto stats = statsColumn(statement.handle, 1);
        if (!stats)
            continue;
        if (result.empty() || result.back().minute != minute)
            result.push_back({minute, {}});
        result.back().stats.merge(*stats);
    }
    return result;
}

std::array<std::vector<RankedStats>, 4> AnalyticsStore::tops(const RecordFilter &filter, std::size_t limit)
{
    const Where where = whereOf(filter, "minute", false);
    Statement statement(m_db, "SELECT api, operation, product, subscription, stats FROM minutes" + where.sql);
    TopsBuilder tops;
    if (statement) {
        where.bind(statement.handle);
        while (statement.step()) {
            if (const auto stats = statsColumn(statement.handle, 4))
                tops.add(textColumn(statement.handle, 0), textColumn(statement.handle, 1),
                         textColumn(statement.handle, 2), textColumn(statement.handle, 3), *stats);
        }
    }
    return tops.ranked(limit);
}

std::vector<std::string> AnalyticsStore::names(Dimension dimension)
{
    const char *column = dimension == Dimension::Api         ? "api"
                         : dimension == Dimension::Operation ? "operation"
                         : dimension == Dimension::Product   ? "product"
                                                             : "subscription";
    std::vector<std::string> result;
    Statement statement(m_db, std::string("SELECT DISTINCT ") + column + " FROM minutes WHERE " + column +
                                  " <> '' ORDER BY 1");
    while (statement && statement.step())
        result.push_back(textColumn(statement.handle, 0));
    return result;
}

Result<std::int64_t> AnalyticsStore::exportRecords(const RecordFilter &filter, const std::filesystem::path &target,
                                                   ExportFormat format)
{
    const Where where = whereOf(filter, "time", true);
    Statement statement(m_db, "SELECT " + m_recordColumns + " FROM requests" + where.sql + " ORDER BY id");
    if (!statement)
        return failure("cannot read the analytics history");
    where.bind(statement.handle);

    std::filesystem::path temporary = target;
    temporary += ".part";
    std::FILE *file = std::fopen(temporary.string().c_str(), "wb");
    if (!file)
        return Error{"cannot write " + temporary.string()};
    std::string buffer;
    if (format == ExportFormat::Csv)
        buffer = "startTime,requestId,api,operation,product,subscription,method,path,query,status,bytesIn,bytesOut,"
                 "totalLatencyUs,backendLatencyUs,clientAddress,errorReason,cacheHit,ioThread,requestHeaders,"
                 "responseHeaders\r\n";
    std::int64_t written = 0;
    bool ok = true;
    while (ok && statement.step()) {
        const StoredRecord stored = readRecord(statement.handle);
        if (format == ExportFormat::Csv) {
            appendCsvLine(buffer, stored.record);
        } else {
            appendJsonLine(buffer, stored.record);
            buffer.push_back('\n');
        }
        ++written;
        if (buffer.size() >= 1 << 16) {
            ok = std::fwrite(buffer.data(), 1, buffer.size(), file) == buffer.size();
            buffer.clear();
        }
    }
    const bool readFailed = statement.failed();
    ok = ok && !readFailed && std::fwrite(buffer.data(), 1, buffer.size(), file) == buffer.size();
    ok = std::fflush(file) == 0 && ok;
    ok = std::fclose(file) == 0 && ok;
    std::error_code error;
    if (ok)
        std::filesystem::rename(temporary, target, error);
    if (!ok || error) {
        std::filesystem::remove(temporary, error);
        if (readFailed)
            return failure("cannot read the analytics history");
        return Error{"cannot write " + target.string()};
    }
    return written;
}

} // namespace gw::telemetry
