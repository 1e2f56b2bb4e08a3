#pragma once

#include <telemetry/latency_histogram.h>
#include <telemetry/request_record.h>

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace gw::telemetry {

// 0 when no response was sent (the connection closed first), else 1 to 5 for 1xx to 5xx.
int statusClassOf(std::uint16_t status);

// Why a request did not succeed, in the words of the analytics' "errors and rejections" chart: "unauthorized"
// (missing, invalid or blocked keys, 401 and 403 of the key check, JWT), "rate-limited", "quota", "not-found" (no
// API or operation), "backend" (the backend could not be reached, timed out or answered 5xx), "client-error"
// (another 4xx), "gateway-error" (another 5xx, a failing policy) and "aborted" (no response). Empty for a success
// (status below 400 and no error reason).
std::string_view failureCategoryOf(const RequestRecord &record);

// What the analytics count for a set of requests (one second or one minute of one API, operation, product,
// subscription and status class): calls by status class, failures by category, bytes, cache hits and the latency
// histograms. Mergeable: the statistics of a range are the merge of its parts.
struct TrafficStats {
    std::uint64_t calls = 0;
    std::array<std::uint64_t, 6> byStatusClass{};               // index statusClassOf()
    std::map<std::string, std::uint64_t, std::less<>> failures; // by failureCategoryOf()
    std::uint64_t bytesIn = 0;
    std::uint64_t bytesOut = 0;
    std::uint64_t cacheHits = 0;
    LatencyHistogram totalLatency;
    LatencyHistogram backendLatency; // of the requests that called a backend

    void add(const RequestRecord &record);
    void merge(const TrafficStats &other);
    std::uint64_t failed() const; // calls with a failure category

    void encode(std::string &out) const;
    static std::optional<TrafficStats> decode(std::string_view bytes);

    bool operator==(const TrafficStats &) const = default;
};

} // namespace gw::telemetry
