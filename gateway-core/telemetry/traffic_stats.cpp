#include <telemetry/traffic_stats.h>

#include <algorithm>

namespace gw::telemetry {

int statusClassOf(std::uint16_t status)
{
    return status >= 100 && status < 600 ? status / 100 : 0;
}

std::string_view failureCategoryOf(const RequestRecord &record)
{
    const std::string_view reason = record.errorReason;
    if (record.status == 0)
        return "aborted";
    if (reason.starts_with("Subscription") || reason == "Unauthorized" || reason.starts_with("Jwt") ||
        reason == "ClientCertificateInvalid" || record.status == 401)
        return "unauthorized";
    if (reason == "RateLimitExceeded" || record.status == 429)
        return "rate-limited";
    if (reason == "QuotaExceeded")
        return "quota";
    if (reason == "OperationNotFound" || reason == "ApiNotFound" || record.status == 404)
        return "not-found";
    if (reason == "BackendConnectionFailure" || reason == "Timeout" ||
        (record.status >= 500 && reason.empty() && record.backendLatency.count() > 0))
        return "backend";
    if (record.status >= 500)
        return "gateway-error";
    if (record.status >= 400 || !reason.empty())
        return "client-error";
    return {};
}

void TrafficStats::add(const RequestRecord &record)
{
    ++calls;
    ++byStatusClass[statusClassOf(record.status)];
    if (const std::string_view category = failureCategoryOf(record); !category.empty()) {
        auto it = failures.find(category);
        if (it == failures.end())
            it = failures.emplace(std::string(category), 0).first;
        ++it->second;
    }
    bytesIn += record.bytesIn;
    bytesOut += record.bytesOut;
    cacheHits += record.cacheHit ? 1 : 0;
    totalLatency.add(static_cast<std::uint64_t>(std::max<std::int64_t>(0, record.totalLatency.count())));
    if (record.backendLatency.count() > 0)
        backendLatency.add(static_cast<std::uint64_t>(record.backendLatency.count()));
}

void TrafficStats::merge(const TrafficStats &other)
{
    calls += other.calls;
    for (std::size_t i = 0; i < byStatusClass.size(); ++i)
        byStatusClass[i] += other.byStatusClass[i];
    for (const auto &[category, count] : other.failures)
        failures[category] += count;
    bytesIn += other.bytesIn;
    bytesOut += other.bytesOut;
    cacheHits += other.cacheHits;
    totalLatency.merge(other.totalLatency);
    backendLatency.merge(other.backendLatency);
}

std::uint64_t TrafficStats::failed() const
{
    std::uint64_t sum = 0;
    for (const auto &[category, count] : failures)
        sum += count;
    return sum;
}

// Encoded as varints in a fixed order after a format byte; the histograms last. Read back for every minute of a
// chart's range, so it is kept cheap to decode (no field names, no allocation but the histograms' and reasons').
namespace {
constexpr char kFormat = 1;
} // namespace

void TrafficStats::encode(std::string &out) const
{
    out.push_back(kFormat);
    appendVarint(out, calls);
    for (const std::uint64_t count : byStatusClass)
        appendVarint(out, count);
    appendVarint(out, bytesIn);
    appendVarint(out, bytesOut);
    appendVarint(out, cacheHits);
    appendVarint(out, failures.size());
    for (const auto &[category, count] : failures) {
        appendVarint(out, category.size());
        out += category;
        appendVarint(out, count);
    }
    totalLatency.encode(out);
    backendLatency.encode(out);
}

std::optional<TrafficStats> TrafficStats::decode(std::string_view bytes)
{
    if (bytes.empty() || bytes.front() != kFormat)
        return std::nullopt;
    bytes.remove_prefix(1);
    TrafficStats stats;
    bool ok = readVarint(bytes, stats.calls);
    for (std::uint64_t &count : stats.byStatusClass)
        ok = ok && readVarint(bytes, count);
    std::uint64_t failureCount = 0;
    ok = ok && readVarint(bytes, stats.bytesIn) && readVarint(bytes, stats.bytesOut) &&
         readVarint(bytes, stats.cacheHits) && readVarint(bytes, failureCount);
    for (std::uint64_t i = 0; ok && i < failureCount; ++i) {
        std::uint64_t length = 0, count = 0;
        ok = readVarint(bytes, length) && length <= bytes.size();
        if (!ok)
            break;
        std::string category(bytes.substr(0, length));
        bytes.remove_prefix(length);
        ok = readVarint(bytes, count);
        stats.failures.emplace(std::move(category), count);
    }
    if (!ok)
        return std::nullopt;
    auto total = LatencyHistogram::decodeFront(bytes);
    auto backend = total ? LatencyHistogram::decodeFront(bytes) : std::nullopt;
    if (!total || !backend || !bytes.empty())
        return std::nullopt;
    stats.totalLatency = std::move(*total);
    stats.backendLatency = std::move(*backend);
    return stats;
}

} // namespace gw::telemetry
