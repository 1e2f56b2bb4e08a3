#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gw::telemetry {

// LEB128 varints: the encoding of the histograms and of the statistics that hold them.
void appendVarint(std::string &out, std::uint64_t value);
bool readVarint(std::string_view &in, std::uint64_t &value);

// A histogram of durations in microseconds that can be merged: the per-second and per-minute statistics of the
// analytics keep one each for total and backend latency, and a chart's percentile over any range and filter is the
// percentile of their merge, never an average of percentiles.
//
// Precision: values below 256 µs are counted exactly; above, each power of two is cut into 128 buckets, and a
// percentile is reported as the middle of the bucket the exact value falls in. So percentile(q) differs from the
// exact q-quantile of the values added (the value at rank ceil(q·count) of the sorted values) by at most
// relativePrecision of it. Values above maxValue are counted as maxValue.
//
// Storage is sparse (only buckets that were hit, sorted), so a histogram of a second with a few latencies costs a
// few dozen bytes; the encoded form (varints) is what the SQLite history keeps.
class LatencyHistogram {
public:
    static constexpr double relativePrecision = 1.0 / 256;
    static constexpr std::uint64_t maxValue = std::uint64_t{1} << 40; // about 12.7 days

    void add(std::uint64_t micros, std::uint64_t count = 1);
    void merge(const LatencyHistogram &other);

    bool empty() const { return m_count == 0; }
    std::uint64_t count() const { return m_count; }
    // The value at rank ceil(q·count()), within relativePrecision; 0 when empty. q is clamped to [0, 1].
    std::uint64_t percentile(double q) const;
    std::uint64_t max() const { return percentile(1.0); }

    // Appends the encoded histogram to `out`.
    void encode(std::string &out) const;
    // nullopt when `bytes` is not an encoded histogram.
    static std::optional<LatencyHistogram> decode(std::string_view bytes);
    // Reads an encoded histogram from the front of `bytes` and removes it from there.
    static std::optional<LatencyHistogram> decodeFront(std::string_view &bytes);

    bool operator==(const LatencyHistogram &) const = default;

private:
    std::vector<std::pair<std::uint32_t, std::uint64_t>> m_buckets; // (bucket index, count), by index
    std::uint64_t m_count = 0;
};

} // namespace gw::telemetry
