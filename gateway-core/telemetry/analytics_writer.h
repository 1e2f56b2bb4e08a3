#pragma once

#include <common/result.h>
#include <telemetry/analytics_store.h>
#include <telemetry/bus_reader.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

namespace gw::telemetry {

// Writes every record of the log bus to an analytics history (AnalyticsStore), in one transaction per batch, on a
// thread of its own (a BusReader), and deletes what is older than the retention about once a minute. Used by
// `gatehouse-gateway --analytics-db` and by the console for its embedded gateway, so both write the same format.
class AnalyticsWriter {
public:
    struct Options {
        std::chrono::milliseconds interval{250};
        std::chrono::hours retention{24 * 7}; // 0: keep everything
    };

    static Result<std::unique_ptr<AnalyticsWriter>> open(LogBus &bus, const std::filesystem::path &file,
                                                         Options options);
    static Result<std::unique_ptr<AnalyticsWriter>> open(LogBus &bus, const std::filesystem::path &file)
    {
        return open(bus, file, Options{});
    }
    ~AnalyticsWriter();
    AnalyticsWriter(const AnalyticsWriter &) = delete;
    AnalyticsWriter &operator=(const AnalyticsWriter &) = delete;

    // Writes what is waiting and stops; idempotent. Records published later are not written.
    void stop();

    std::uint64_t written() const { return m_written.load(std::memory_order_relaxed); }
    std::uint64_t dropped() const { return m_reader->dropped(); }
    std::uint64_t failed() const { return m_failed.load(std::memory_order_relaxed); }
    std::string lastError() const;

private:
    AnalyticsWriter(std::unique_ptr<AnalyticsStore> store, Options options);
    void write(std::vector<RequestRecord> &batch);

    std::unique_ptr<AnalyticsStore> m_store; // used by the reader's thread only
    const std::chrono::hours m_retention;    // 0: keep everything
    std::chrono::steady_clock::time_point m_lastPrune{};
    std::atomic<std::uint64_t> m_written{0};
    std::atomic<std::uint64_t> m_failed{0};
    mutable std::mutex m_errorMutex;
    std::string m_lastError;
    std::unique_ptr<BusReader> m_reader; // last: its thread uses the members above
};

} // namespace gw::telemetry
