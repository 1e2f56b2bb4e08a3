#include "event_sinks.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <deque>
#include <fstream>

namespace gw::telemetry {

namespace {

// A logger id as a file name: letters, digits, '.', '-' and '_' kept, anything else '_' (ids come from the
// workspace's loggers/ folder names, but a policy expression may produce any text).
std::string fileName(std::string_view logger)
{
    std::string name;
    for (const char c : logger) {
        const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                          c == '_' || (c == '.' && !name.empty());
        name += safe ? c : '_';
    }
    return (name.empty() ? std::string("_") : name) + ".jsonl";
}

std::string isoTime(std::chrono::system_clock::time_point time)
{
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count() % 1000;
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                  utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(millis));
    return text;
}

} // namespace

struct EventSinks::LoggerSink {
    std::ofstream file;
    std::deque<std::string> recent;
};

EventSinks::EventSinks(std::filesystem::path folder) : m_folder(std::move(folder))
{
}

EventSinks::~EventSinks() = default;

std::filesystem::path EventSinks::logFile(std::string_view logger) const
{
    return m_folder.empty() ? std::filesystem::path() : m_folder / fileName(logger);
}

bool EventSinks::log(std::string_view logger, std::string_view message, std::string_view partitionId,
                     std::string_view partitionKey)
{
    nlohmann::ordered_json line = {{"time", isoTime(std::chrono::system_clock::now())}, {"logger", logger}};
    if (!partitionId.empty())
        line["partitionId"] = partitionId;
    if (!partitionKey.empty())
        line["partitionKey"] = partitionKey;
    line["message"] = message;
    // Invalid UTF-8 in a message must not lose the line: replaced, not thrown.
    std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);

    std::lock_guard lock(m_mutex);
    auto found = m_loggers.find(logger);
    if (found == m_loggers.end()) {
        auto sink = std::make_unique<LoggerSink>();
        if (!m_folder.empty()) {
            std::error_code error;
            std::filesystem::create_directories(m_folder, error);
            sink->file.open(logFile(logger), std::ios::app | std::ios::binary);
        }
        found = m_loggers.emplace(std::string(logger), std::move(sink)).first;
    }
    LoggerSink &sink = *found->second;
    bool written = true;
    if (!m_folder.empty()) {
        sink.file << text << '\n';
        sink.file.flush();
        written = sink.file.good();
    }
    sink.recent.push_back(std::move(text));
    if (sink.recent.size() > kRecentLines)
        sink.recent.pop_front();
    return written;
}

std::vector<std::string> EventSinks::recentLogs(std::string_view logger) const
{
    std::lock_guard lock(m_mutex);
    const auto found = m_loggers.find(logger);
    if (found == m_loggers.end())
        return {};
    return {found->second->recent.begin(), found->second->recent.end()};
}

void EventSinks::addMetric(const Metric &metric)
{
    std::string key = metric.metricNamespace + '\0' + metric.name;
    for (const auto &[name, value] : metric.dimensions)
        key += '\0' + name + '\0' + value;
    std::lock_guard lock(m_mutex);
    auto [found, inserted] = m_metrics.try_emplace(std::move(key));
    MetricSeries &series = found->second;
    if (inserted) {
        series.metricNamespace = metric.metricNamespace;
        series.name = metric.name;
        series.dimensions = metric.dimensions;
        series.min = series.max = metric.value;
    }
    ++series.count;
    series.sum += metric.value;
    series.min = std::min(series.min, metric.value);
    series.max = std::max(series.max, metric.value);
    series.last = std::chrono::system_clock::now();
}

std::vector<MetricSeries> EventSinks::metrics() const
{
    std::lock_guard lock(m_mutex);
    std::vector<MetricSeries> all;
    all.reserve(m_metrics.size());
    for (const auto &[key, series] : m_metrics)
        all.push_back(series);
    return all;
}

} // namespace gw::telemetry
