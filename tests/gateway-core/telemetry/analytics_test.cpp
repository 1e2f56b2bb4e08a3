#include <telemetry/analytics_store.h>
#include <telemetry/analytics_writer.h>
#include <telemetry/latency_histogram.h>
#include <telemetry/traffic_stats.h>

#include "temp_folder.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>
#include <sqlite3.h>

using namespace gw::telemetry;
using namespace std::chrono_literals;
using gw::test::TempFolder;

namespace {

using TimePoint = RequestRecord::TimePoint;

// The exact q-quantile the histogram promises to approximate: the value at rank ceil(q·n).
std::uint64_t exactPercentile(std::vector<std::uint64_t> values, double q)
{
    std::sort(values.begin(), values.end());
    const auto rank = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(q * values.size())));
    return values[rank - 1];
}

TimePoint at(int minute, int second = 0)
{
    return TimePoint(std::chrono::minutes(29'000'000 + minute) + std::chrono::seconds(second));
}

RequestRecord record(TimePoint time, std::string api, std::string operation, std::uint16_t status,
                     std::chrono::microseconds latency, std::string reason = {})
{
    static int sequence = 0;
    RequestRecord r;
    r.startTime = time;
    r.requestId = "req-" + std::to_string(++sequence);
    r.api = std::move(api);
    r.operation = std::move(operation);
    r.product = "starter";
    r.subscription = status == 401 ? "" : "alice";
    r.method = "GET";
    r.path = "/" + r.api + "/" + r.operation;
    r.query = "page=2";
    r.clientAddress = "127.0.0.1";
    r.status = status;
    r.errorReason = std::move(reason);
    r.bytesIn = 100;
    r.bytesOut = 1000;
    r.totalLatency = latency;
    r.backendLatency = status == 401 ? 0us : latency / 2;
    return r;
}

std::vector<std::string> lines(const std::filesystem::path &file)
{
    std::ifstream in(file, std::ios::binary);
    std::vector<std::string> result;
    for (std::string line; std::getline(in, line);)
        result.push_back(line);
    return result;
}

} // namespace

TEST(LatencyHistogram, PercentilesAreWithinTheStatedPrecisionOnRandomData)
{
    std::mt19937_64 random(20261122);
    std::lognormal_distribution<double> typical(std::log(3000.0), 1.2); // around 3 ms, a long tail
    std::uniform_int_distribution<std::uint64_t> wide(0, 5'000'000);
    std::exponential_distribution<double> fast(1.0 / 80); // mostly below the exact range's end (256 µs)
    for (int distribution = 0; distribution < 3; ++distribution) {
        for (const std::size_t size : {1, 7, 1000, 100'000}) {
            std::vector<std::uint64_t> values;
            LatencyHistogram histogram;
            for (std::size_t i = 0; i < size; ++i) {
                const auto value = distribution == 0   ? static_cast<std::uint64_t>(typical(random))
                                   : distribution == 1 ? wide(random)
                                                       : static_cast<std::uint64_t>(fast(random));
                values.push_back(value);
                histogram.add(value);
            }
            ASSERT_EQ(histogram.count(), size);
            for (const double q : {0.0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0}) {
                const auto exact = static_cast<double>(exactPercentile(values, q));
                const auto estimate = static_cast<double>(histogram.percentile(q));
                EXPECT_LE(std::abs(estimate - exact), exact * LatencyHistogram::relativePrecision)
                    << "distribution " << distribution << ", " << size << " values, q " << q;
            }
        }
    }
}

TEST(LatencyHistogram, MergingEqualsAddingEverythingToOne)
{
    std::mt19937_64 random(7);
    std::lognormal_distribution<double> latency(std::log(20'000.0), 1.5);
    LatencyHistogram all;
    std::vector<LatencyHistogram> seconds(60);
    for (int i = 0; i < 50'000; ++i) {
        const auto value = static_cast<std::uint64_t>(latency(random));
        all.add(value);
        seconds[static_cast<std::size_t>(i) % seconds.size()].add(value);
    }
    LatencyHistogram merged;
    for (const auto &second : seconds)
        merged.merge(second);
    EXPECT_EQ(merged, all);
    EXPECT_EQ(merged.percentile(0.99), all.percentile(0.99));
}

TEST(LatencyHistogram, EncodesCompactlyAndRejectsGarbage)
{
    LatencyHistogram histogram;
    for (const std::uint64_t v :
         std::initializer_list<std::uint64_t>{0, 1, 255, 256, 1000, 1000, 123456789, LatencyHistogram::maxValue * 4})
        histogram.add(v);
    std::string bytes;
    histogram.encode(bytes);
    EXPECT_LT(bytes.size(), 40u);
    const auto decoded = LatencyHistogram::decode(bytes);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(*decoded, histogram);
    EXPECT_EQ(decoded->max(), histogram.max());
    EXPECT_FALSE(LatencyHistogram::decode(""));
    EXPECT_FALSE(LatencyHistogram::decode(bytes.substr(0, bytes.size() - 1)));
    EXPECT_FALSE(LatencyHistogram::decode(bytes + "x"));
    EXPECT_FALSE(LatencyHistogram::decode("\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"));
    // Two buckets whose second delta wraps around 2^64 back to a small index.
    std::string wrapping("\x01\x02\x05\x01", 4);
    for (int i = 0; i < 9; ++i)
        wrapping.push_back('\xff');
    wrapping += std::string("\x01\x01", 2);
    EXPECT_FALSE(LatencyHistogram::decode(wrapping));
    EXPECT_EQ(LatencyHistogram().percentile(0.5), 0u);
}

TEST(TrafficStats, CountsClassesFailuresAndRoundTrips)
{
    TrafficStats stats;
    stats.add(record(at(0), "orders", "get", 200, 1000us));
    stats.add(record(at(0), "orders", "get", 401, 50us, "SubscriptionKeyNotFound"));
    stats.add(record(at(0), "orders", "get", 429, 80us, "RateLimitExceeded"));
    stats.add(record(at(0), "orders", "get", 403, 80us, "QuotaExceeded"));
    stats.add(record(at(0), "orders", "get", 502, 9000us, "BackendConnectionFailure"));
    stats.add(record(at(0), "", "", 404, 30us, "OperationNotFound"));
    auto aborted = record(at(0), "orders", "get", 0, 10us);
    stats.add(aborted);
    EXPECT_EQ(stats.calls, 7u);
    EXPECT_EQ(stats.byStatusClass[2], 1u);
    EXPECT_EQ(stats.byStatusClass[4], 4u);
    EXPECT_EQ(stats.byStatusClass[5], 1u);
    EXPECT_EQ(stats.byStatusClass[0], 1u);
    const std::map<std::string, std::uint64_t, std::less<>> expected = {
        {"aborted", 1}, {"backend", 1}, {"not-found", 1}, {"quota", 1}, {"rate-limited", 1}, {"unauthorized", 1}};
    EXPECT_EQ(stats.failures, expected);
    EXPECT_EQ(stats.failed(), 6u);
    EXPECT_EQ(stats.backendLatency.count(), 6u); // the 401 never reached a backend
    EXPECT_EQ(stats.bytesOut, 7000u);

    std::string bytes;
    stats.encode(bytes);
    const auto decoded = TrafficStats::decode(bytes);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(*decoded, stats);
    EXPECT_FALSE(TrafficStats::decode("not cbor"));

    TrafficStats twice = stats;
    twice.merge(stats);
    EXPECT_EQ(twice.calls, 14u);
    EXPECT_EQ(twice.failures.at("quota"), 2u);
    EXPECT_EQ(twice.totalLatency.count(), 14u);
}

TEST(AnalyticsStore, WritesPagesFiltersAndAggregatesPerMinute)
{
    TempFolder folder;
    auto opened = AnalyticsStore::open(folder / "history" / "analytics.sqlite");
    ASSERT_TRUE(opened) << opened.error().message;
    AnalyticsStore &store = *opened.value();

    std::vector<RequestRecord> batch;
    for (int i = 0; i < 90; ++i) // minute 0: 90 orders/get, one in ten 401
        batch.push_back(
            record(at(0, i % 60), "orders", "get", i % 10 == 0 ? 401 : 200, std::chrono::microseconds(100 + i)));
    for (int i = 0; i < 30; ++i) // minute 1: 30 billing/pay, 500s
        batch.push_back(record(at(1, i), "billing", "pay", 500, 20'000us));
    ASSERT_TRUE(store.append(batch));
    ASSERT_TRUE(store.append({record(at(1, 59), "orders", "list", 200, 300us)})); // merges into minute 1

    EXPECT_EQ(store.count({}), 121);
    EXPECT_EQ(store.count({.api = "orders"}), 91);
    EXPECT_EQ(store.count({.api = "orders", .statusClass = 4}), 9);
    EXPECT_EQ(store.count({.statusClass = 5}), 30);
    EXPECT_EQ(store.count({.from = at(1), .to = at(2)}), 31);
    EXPECT_EQ(store.count({.text = "/billing/"}), 30);
    EXPECT_EQ(store.count({.text = batch[5].requestId}), 1);

    const auto newest = store.page({}, 0, 3);
    ASSERT_EQ(newest.size(), 3u);
    EXPECT_EQ(newest[0].record.operation, "list");
    EXPECT_GT(newest[0].id, newest[1].id);
    const auto last = store.page({.api = "orders"}, 90, 10);
    ASSERT_EQ(last.size(), 1u);
    EXPECT_EQ(last[0].record.requestId, batch[0].requestId);
    EXPECT_EQ(last[0].record.path, batch[0].path);
    EXPECT_EQ(last[0].record.totalLatency, batch[0].totalLatency);
    EXPECT_EQ(last[0].record.startTime, batch[0].startTime);
    ASSERT_TRUE(store.find(last[0].id));
    EXPECT_EQ(store.find(last[0].id)->record.query, "page=2");

    const auto minutes = store.perMinute({});
    ASSERT_EQ(minutes.size(), 2u);
    EXPECT_EQ(minutes[0].minute, at(0));
    EXPECT_EQ(minutes[0].stats.calls, 90u);
    EXPECT_EQ(minutes[0].stats.failures.at("unauthorized"), 9u);
    EXPECT_EQ(minutes[1].stats.calls, 31u);
    EXPECT_EQ(minutes[1].stats.byStatusClass[5], 30u);
    // Percentiles come from the merged histograms: minute 0's p50 of 100..189 µs is exact.
    std::vector<std::uint64_t> minuteZero;
    for (int i = 0; i < 90; ++i)
        minuteZero.push_back(100 + i);
    EXPECT_EQ(minutes[0].stats.totalLatency.percentile(0.5), exactPercentile(minuteZero, 0.5));
    EXPECT_EQ(store.perMinute({.api = "billing"}).size(), 1u);
    EXPECT_EQ(store.perMinute({.statusClass = 2}).front().stats.calls, 81u);

    const auto apis = store.tops({})[static_cast<std::size_t>(Dimension::Api)];
    ASSERT_EQ(apis.size(), 2u);
    EXPECT_EQ(apis[0].name, "orders");
    EXPECT_EQ(apis[0].stats.calls, 91u);
    const auto operations = store.tops({.api = "orders"})[static_cast<std::size_t>(Dimension::Operation)];
    ASSERT_EQ(operations.size(), 2u);
    EXPECT_EQ(operations[0].name, "get");
    EXPECT_EQ(operations[0].api, "orders");
    const auto subscriptions = store.tops({})[static_cast<std::size_t>(Dimension::Subscription)];
    ASSERT_EQ(subscriptions.size(), 1u); // the 401s had none
    EXPECT_EQ(subscriptions[0].stats.calls, 112u);
    EXPECT_EQ(store.names(Dimension::Api), (std::vector<std::string>{"billing", "orders"}));

    const auto pruned = store.prune(at(1));
    ASSERT_TRUE(pruned);
    EXPECT_EQ(pruned.value(), 90);
    EXPECT_EQ(store.count({}), 31);
    EXPECT_EQ(store.perMinute({}).size(), 1u);
}

TEST(AnalyticsStore, ExportsCsvAndJsonLinesOfTheFilteredRecords)
{
    TempFolder folder;
    auto store = std::move(AnalyticsStore::open(folder / "a.sqlite").value());
    auto tricky = record(at(0), "orders", "get", 200, 10us);
    tricky.path = "/orders/\"a,b\"";
    ASSERT_TRUE(store->append({tricky, record(at(0, 1), "billing", "pay", 500, 10us)}));

    const auto csv = store->exportRecords({.api = "orders"}, folder / "orders.csv", ExportFormat::Csv);
    ASSERT_TRUE(csv);
    EXPECT_EQ(csv.value(), 1);
    const auto csvLines = lines(folder / "orders.csv");
    ASSERT_EQ(csvLines.size(), 2u);
    EXPECT_TRUE(csvLines[0].starts_with("startTime,requestId,api,"));
    EXPECT_NE(csvLines[1].find(",\"/orders/\"\"a,b\"\"\","), std::string::npos) << csvLines[1];

    const auto jsonl = store->exportRecords({}, folder / "all.jsonl", ExportFormat::JsonLines);
    ASSERT_TRUE(jsonl);
    EXPECT_EQ(jsonl.value(), 2);
    const auto jsonLines = lines(folder / "all.jsonl");
    ASSERT_EQ(jsonLines.size(), 2u);
    EXPECT_EQ(nlohmann::json::parse(jsonLines[0]).at("path"), tricky.path); // oldest first
    EXPECT_EQ(nlohmann::json::parse(jsonLines[1]).at("status"), 500);
    EXPECT_FALSE(std::filesystem::exists(folder / "all.jsonl.part"));

    EXPECT_FALSE(store->exportRecords({}, folder / "missing" / "x.csv", ExportFormat::Csv));
}

TEST(AnalyticsStore, ReadersSeeWhatTheWriterCommitsAndBadFilesAreRefused)
{
    TempFolder folder;
    const auto file = folder / "a.sqlite";
    auto writer = std::move(AnalyticsStore::open(file).value());
    auto reader = AnalyticsStore::open(file, AnalyticsStore::Mode::ReadOnly);
    ASSERT_TRUE(reader) << reader.error().message;
    EXPECT_EQ(reader.value()->count({}), 0);
    ASSERT_TRUE(writer->append({record(at(0), "orders", "get", 200, 10us)}));
    EXPECT_EQ(reader.value()->count({}), 1);

    folder.write("notes.txt", "these are not the analytics you are looking for\n");
    const auto text = AnalyticsStore::open(folder / "notes.txt", AnalyticsStore::Mode::ReadOnly);
    ASSERT_FALSE(text);
    EXPECT_NE(text.error().message.find("notes.txt"), std::string::npos) << text.error().message;
    const auto missing = AnalyticsStore::open(folder / "none.sqlite", AnalyticsStore::Mode::ReadOnly);
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("none.sqlite"), std::string::npos);

    // Another SQLite database without the tables.
    sqlite3 *other = nullptr;
    ASSERT_EQ(sqlite3_open((folder / "other.sqlite").string().c_str(), &other), SQLITE_OK);
    sqlite3_exec(other, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    EXPECT_FALSE(AnalyticsStore::open(folder / "other.sqlite", AnalyticsStore::Mode::ReadOnly));

    // A database with tables of the same names but other columns is refused too, and never altered.
    sqlite3 *lookalike = nullptr;
    ASSERT_EQ(sqlite3_open((folder / "lookalike.sqlite").string().c_str(), &lookalike), SQLITE_OK);
    sqlite3_exec(lookalike, "CREATE TABLE requests(id, note); CREATE TABLE minutes(stats)", nullptr, nullptr, nullptr);
    sqlite3_close(lookalike);
    for (const auto mode : {AnalyticsStore::Mode::ReadOnly, AnalyticsStore::Mode::ReadWrite}) {
        const auto refused = AnalyticsStore::open(folder / "lookalike.sqlite", mode);
        ASSERT_FALSE(refused);
        EXPECT_NE(refused.error().message.find("lookalike.sqlite"), std::string::npos) << refused.error().message;
    }
}

TEST(AnalyticsStore, ReadsHistoriesWrittenBeforeTheLoggedHeaders)
{
    TempFolder folder;
    const auto file = folder / "old.sqlite";
    {
        auto store = std::move(AnalyticsStore::open(file).value());
        ASSERT_TRUE(store->append({record(at(0), "orders", "get", 200, 10us)}));
    }
    sqlite3 *db = nullptr;
    ASSERT_EQ(sqlite3_open(file.string().c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "ALTER TABLE requests DROP COLUMN request_headers; "
                           "ALTER TABLE requests DROP COLUMN response_headers",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);

    // Read-only (Open History…): the records read with empty headers.
    auto reader = AnalyticsStore::open(file, AnalyticsStore::Mode::ReadOnly);
    ASSERT_TRUE(reader) << reader.error().message;
    const auto rows = reader.value()->page({}, 0, 10);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].record.api, "orders");
    EXPECT_EQ(rows[0].record.requestHeaders, "");
    reader.value().reset();

    // A writer adds the columns and keeps going.
    auto writer = AnalyticsStore::open(file);
    ASSERT_TRUE(writer) << writer.error().message;
    auto withHeaders = record(at(1), "orders", "get", 200, 10us);
    withHeaders.requestHeaders = "Accept: */*";
    ASSERT_TRUE(writer.value()->append({withHeaders}));
    EXPECT_EQ(writer.value()->page({}, 0, 1).at(0).record.requestHeaders, "Accept: */*");
}

TEST(AnalyticsWriter, WritesEveryRecordOfTheBus)
{
    TempFolder folder;
    LogBus bus(2);
    auto writer = AnalyticsWriter::open(bus, folder / "analytics.sqlite", {.interval = 10ms, .retention = 0h});
    ASSERT_TRUE(writer) << writer.error().message;
    constexpr int perThread = 20'000;
    std::vector<std::thread> threads;
    for (unsigned thread = 0; thread < 2; ++thread) {
        threads.emplace_back([&bus, thread] {
            for (int i = 0; i < perThread; ++i) {
                auto r = record(at(i / 1000, i % 60), thread ? "orders" : "billing", "get", 200, 100us);
                r.ioThread = thread;
                bus.publish(thread, std::move(r));
                if (i % 2000 == 0)
                    std::this_thread::sleep_for(2ms); // let the writer keep up, as a real gateway's pace would
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    writer.value()->stop();
    const std::uint64_t dropped = writer.value()->dropped();
    EXPECT_EQ(writer.value()->written() + dropped, 2u * perThread);
    EXPECT_EQ(writer.value()->failed(), 0u);

    auto store = std::move(AnalyticsStore::open(folder / "analytics.sqlite", AnalyticsStore::Mode::ReadOnly).value());
    EXPECT_EQ(static_cast<std::uint64_t>(store->count({})), writer.value()->written());
    std::uint64_t perMinuteCalls = 0;
    for (const auto &minute : store->perMinute({}))
        perMinuteCalls += minute.stats.calls;
    EXPECT_EQ(perMinuteCalls, writer.value()->written());
}

TEST(AnalyticsWriter, ReportsAFileItCannotOpen)
{
    TempFolder folder;
    folder.write("taken", "a file where a folder should be");
    LogBus bus(1);
    const auto writer = AnalyticsWriter::open(bus, folder / "taken" / "analytics.sqlite");
    ASSERT_FALSE(writer);
    EXPECT_NE(writer.error().message.find("analytics.sqlite"), std::string::npos) << writer.error().message;
}
