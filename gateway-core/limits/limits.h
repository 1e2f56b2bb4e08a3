#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gw::limits {

using SteadyTime = std::chrono::steady_clock::time_point;
using WallTime = std::chrono::system_clock::time_point;

struct RateWindow;
struct QuotaCounter;
struct ConcurrencyCounter;

// What rate() counted, so that it can be given back (an increment-condition that turned out false).
struct RateTicket {
    RateWindow *window = nullptr;
    std::uint64_t first = 0;         // the number of the first admission taken
    std::vector<std::uint64_t> more; // the others, when more than one call was counted
    std::int64_t count = 0;
};

struct RateResult {
    bool allowed = false;
    std::int64_t remaining = 0;         // calls left in the window after this one (computed when asked for)
    std::chrono::seconds retryAfter{0}; // when refused: seconds until a call is allowed again (at least 1)
    RateTicket ticket;
};

struct QuotaLimit {
    std::int64_t calls = 0;                // 0: calls are not limited
    std::int64_t kilobytes = 0;            // 0: bandwidth is not limited
    std::chrono::seconds renewalPeriod{0}; // 0: the quota never renews
    // Periods are aligned to it, in Unix seconds (seconds, not a time_point: APIM's default, year 1, is outside the
    // range of system_clock's nanoseconds).
    std::int64_t firstPeriodStart = 0;
};

enum class QuotaVerdict { Allowed, CallsExceeded, BandwidthExceeded };

struct QuotaTicket {
    QuotaCounter *counter = nullptr;
    std::uint32_t period = 0; // the low bits of the period's number
    std::int64_t count = 0;
};

struct QuotaResult {
    QuotaVerdict verdict = QuotaVerdict::Allowed;
    std::optional<std::chrono::seconds> renewsIn; // none when the quota never renews
    std::int64_t remainingCalls = 0;              // after this call (when calls are limited)
    QuotaTicket ticket;
};

struct LimitsOptions {
    std::filesystem::path stateDirectory;          // empty: quotas are kept in memory only
    std::chrono::milliseconds flushInterval{1000}; // how often changed quota counters are written
};

// The counters of rate limits, quotas and concurrency limits, shared by every request and kept across
// configuration reloads. Safe to use from any number of threads at once.
//
// Hot path: keys are found in a sharded, lock-free map (ShardedMap); counts change by compare-and-swap, never by
// check-then-add, so a limit of N lets exactly N calls through however many threads race for it.
//
// Rate limits are exact sliding windows: each key keeps a ring of the times of its last `calls` admissions (8 bytes
// each); a call is admitted when the oldest of them left the window, and Retry-After is the time until it does.
// Above 65,536 calls a key counts in 64 time buckets per period instead (a few hundred bytes whatever the limit,
// behind a short per-key lock): never more than `calls` in any period, but a call may be refused up to a 64th of
// the period before the ring would admit it. The window belongs to the key and its (calls, period): a configuration
// that changes them starts a fresh window.
//
// Quotas count calls and bytes per fixed period (aligned to firstPeriodStart). With a state directory they survive
// a restart: a background thread writes the changed counters to SQLite (`<stateDirectory>/limits.sqlite`) at most
// once per flush interval and at destruction, and the constructor loads them. Without one they live in memory.
//
// Keys are never forgotten while the object lives (an idle rate-limit key keeps its ring).
class Limits {
public:
    using Options = LimitsOptions;

    explicit Limits(Options options = {});
    ~Limits(); // writes the quota counters that changed
    Limits(const Limits &) = delete;
    Limits &operator=(const Limits &) = delete;

    // Counts `count` calls for `key` unless that would make more than `calls` in the last `period`. With
    // `wantRemaining`, the result says how many calls are left (it costs a pass over the key's ring).
    RateResult rate(std::string_view key, std::int64_t calls, std::chrono::seconds period, std::int64_t count,
                    SteadyTime now, bool wantRemaining = false);
    // Gives back what a rate() counted: those calls no longer use the window.
    void refund(const RateTicket &ticket);

    // Counts `count` calls for `key` unless its quota's calls for the current period are used up, or its bandwidth
    // is (bandwidth is counted afterwards, with addBandwidth, so it is checked, not reserved).
    QuotaResult quota(std::string_view key, const QuotaLimit &limit, std::int64_t count, WallTime now);
    void refund(const QuotaTicket &ticket);
    // Adds transferred bytes to the period of `now` of the counter a quota() call returned.
    void addBandwidth(QuotaCounter &counter, std::uint64_t bytes, WallTime now);

    // Takes one of `maxCount` slots of `key`; null when all are taken. Give it back with release().
    ConcurrencyCounter *acquire(std::string_view key, std::int64_t maxCount);
    void release(ConcurrencyCounter *counter);
    std::int64_t inUse(std::string_view key); // for tests and traces

    // Writes the changed quota counters now (also done in the background and at destruction).
    void flush();

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

// .NET TimeSpan text of a duration, as APIM writes it in quota messages: "03:30:56", "5.03:23:11".
std::string timeSpanText(std::chrono::seconds duration);

} // namespace gw::limits
