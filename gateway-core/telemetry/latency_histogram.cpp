#include <telemetry/latency_histogram.h>

#include <algorithm>
#include <bit>
#include <cmath>

namespace gw::telemetry {

namespace {

// Bucket i < 256 holds the value i. Above, a value v with bit width 8 + e (e >= 1) goes to 128·e + (v >> e): each
// power of two gets 128 buckets of width 2^e, the first starting at 128 << e.
std::uint32_t bucketOf(std::uint64_t value)
{
    const int shift = std::max(0, static_cast<int>(std::bit_width(value)) - 8);
    return static_cast<std::uint32_t>(128 * shift + (value >> shift));
}

std::uint64_t middleOf(std::uint32_t bucket)
{
    if (bucket < 256)
        return bucket;
    const std::uint32_t shift = bucket / 128 - 1;
    const std::uint64_t lower = std::uint64_t{bucket - 128 * shift} << shift;
    return lower + ((std::uint64_t{1} << shift) - 1) / 2;
}

constexpr char kFormat = 1; // the first byte of an encoded histogram

} // namespace

void appendVarint(std::string &out, std::uint64_t value)
{
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

bool readVarint(std::string_view &in, std::uint64_t &value)
{
    value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (in.empty())
            return false;
        const auto byte = static_cast<unsigned char>(in.front());
        in.remove_prefix(1);
        value |= std::uint64_t{byte & 0x7fu} << shift;
        if ((byte & 0x80) == 0)
            return true;
    }
    return false;
}

void LatencyHistogram::add(std::uint64_t micros, std::uint64_t count)
{
    if (count == 0)
        return;
    const std::uint32_t bucket = bucketOf(std::min(micros, maxValue));
    auto it = std::lower_bound(m_buckets.begin(), m_buckets.end(), bucket,
                               [](const auto &entry, std::uint32_t index) { return entry.first < index; });
    if (it != m_buckets.end() && it->first == bucket)
        it->second += count;
    else
        m_buckets.insert(it, {bucket, count});
    m_count += count;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    if (other.m_buckets.empty())
        return;
    if (m_buckets.empty()) {
        *this = other;
        return;
    }
    std::vector<std::pair<std::uint32_t, std::uint64_t>> merged;
    merged.reserve(m_buckets.size() + other.m_buckets.size());
    auto a = m_buckets.begin();
    auto b = other.m_buckets.begin();
    while (a != m_buckets.end() || b != other.m_buckets.end()) {
        if (b == other.m_buckets.end() || (a != m_buckets.end() && a->first < b->first))
            merged.push_back(*a++);
        else if (a == m_buckets.end() || b->first < a->first)
            merged.push_back(*b++);
        else {
            merged.emplace_back(a->first, a->second + b->second);
            ++a;
            ++b;
        }
    }
    m_buckets = std::move(merged);
    m_count += other.m_count;
}

std::uint64_t LatencyHistogram::percentile(double q) const
{
    if (m_count == 0)
        return 0;
    q = std::clamp(q, 0.0, 1.0);
    const auto rank =
        std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(m_count))));
    std::uint64_t seen = 0;
    for (const auto &[bucket, count] : m_buckets) {
        seen += count;
        if (seen >= rank)
            return middleOf(bucket);
    }
    return middleOf(m_buckets.back().first);
}

void LatencyHistogram::encode(std::string &out) const
{
    out.push_back(kFormat);
    appendVarint(out, m_buckets.size());
    std::uint32_t previous = 0;
    for (const auto &[bucket, count] : m_buckets) {
        appendVarint(out, bucket - previous); // indexes ascend: deltas stay small
        appendVarint(out, count);
        previous = bucket;
    }
}

std::optional<LatencyHistogram> LatencyHistogram::decode(std::string_view bytes)
{
    auto histogram = decodeFront(bytes);
    if (!bytes.empty())
        return std::nullopt;
    return histogram;
}

std::optional<LatencyHistogram> LatencyHistogram::decodeFront(std::string_view &bytes)
{
    if (bytes.empty() || bytes.front() != kFormat)
        return std::nullopt;
    bytes.remove_prefix(1);
    std::uint64_t size = 0;
    if (!readVarint(bytes, size) || size > bytes.size())
        return std::nullopt;
    LatencyHistogram histogram;
    histogram.m_buckets.reserve(size);
    std::uint64_t bucket = 0;
    for (std::uint64_t i = 0; i < size; ++i) {
        std::uint64_t delta = 0, count = 0;
        if (!readVarint(bytes, delta) || !readVarint(bytes, count) || count == 0 || (i > 0 && delta == 0))
            return std::nullopt;
        if (delta > bucketOf(maxValue) - bucket) // checked before adding: a huge delta must not wrap around
            return std::nullopt;
        bucket += delta;
        histogram.m_buckets.emplace_back(static_cast<std::uint32_t>(bucket), count);
        histogram.m_count += count;
    }
    return histogram;
}

} // namespace gw::telemetry
