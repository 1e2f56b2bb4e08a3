#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gw::telemetry {

using Dimensions = std::vector<std::pair<std::string, std::string>>;

// One emit-metric: a value for a named metric with its dimensions.
struct Metric {
    std::string metricNamespace; // "API Management" unless the policy says otherwise
    std::string name;
    double value = 1;
    Dimensions dimensions; // in the order the policy lists them
};

// Every value a metric received for one combination of dimension values.
struct MetricSeries {
    std::string metricNamespace;
    std::string name;
    Dimensions dimensions;
    std::uint64_t count = 0;
    double sum = 0;
    double min = 0;
    double max = 0;
    std::chrono::system_clock::time_point last;
};

// Where log-to-eventhub and emit-metric write, locally: each logger is a JSON-lines file
// `<folder>/<logger>.jsonl` (one {"time", "logger", "partitionId", "partitionKey", "message"} object per line,
// flushed line by line so `tail -f` follows it), and metrics are aggregated in memory per series for the analytics
// view. Without a folder the log lines are only kept in memory. The newest lines of each logger are kept in memory
// too (recentLogs). Safe to call from every I/O thread at once.
class EventSinks {
public:
    explicit EventSinks(std::filesystem::path folder = {});
    ~EventSinks();
    EventSinks(const EventSinks &) = delete;
    EventSinks &operator=(const EventSinks &) = delete;

    // Appends one line; false when the file could not be written (the line is still kept in memory).
    bool log(std::string_view logger, std::string_view message, std::string_view partitionId = {},
             std::string_view partitionKey = {});
    std::vector<std::string> recentLogs(std::string_view logger) const; // oldest first, the JSON lines
    std::filesystem::path logFile(std::string_view logger) const;       // empty without a folder

    void addMetric(const Metric &metric);      // (not "emit": a Qt keyword)
    std::vector<MetricSeries> metrics() const; // sorted by namespace, name, dimensions

    static constexpr std::size_t kRecentLines = 256;

private:
    struct LoggerSink;
    std::filesystem::path m_folder;
    mutable std::mutex m_mutex;
    std::map<std::string, std::unique_ptr<LoggerSink>, std::less<>> m_loggers;
    std::map<std::string, MetricSeries, std::less<>> m_metrics; // key: namespace, name and dimensions
};

} // namespace gw::telemetry
