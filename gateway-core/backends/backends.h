#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gw::backends {

using Clock = std::chrono::steady_clock;
using TimePoint = Clock::time_point;

// An ISO-8601 duration as circuit breaker rules write them ("PT1M", "PT0.5S", "P1DT2H"). Years and months are
// refused (their length varies). nullopt when malformed.
std::optional<std::chrono::milliseconds> parseDuration(std::string_view text);

// A Retry-After value: delay-seconds, or an HTTP date taken relative to `now`. nullopt when unreadable.
std::optional<std::chrono::milliseconds>
parseRetryAfter(std::string_view text, std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

// What one call to a backend came to, as forward-request saw it.
struct Outcome {
    int status = 0;          // the backend's status; 0 when there was no response
    std::string errorReason; // without a response: context.LastError.Reason ("Timeout", "BackendConnectionFailure")
    std::optional<std::chrono::milliseconds> retryAfter; // the response's Retry-After, when it had one
};

// One circuit breaker rule of a backend (circuitBreaker.rules[]), read once per configuration.
struct Rule {
    std::string name;
    std::int64_t count = 0;      // failureCondition.count: failures within the interval that trip (0: no count)
    std::int64_t percentage = 0; // failureCondition.percentage: share of failed calls that trips (0: none)
    std::chrono::milliseconds interval{std::chrono::minutes(1)};
    std::vector<std::pair<int, int>> statusCodeRanges; // inclusive; a response with such a status is a failure
    std::vector<std::string> errorReasons;             // a call without response failing so is a failure
    std::chrono::milliseconds tripDuration{std::chrono::minutes(1)};
    bool acceptRetryAfter = false; // trip for the backend's Retry-After instead of tripDuration

    bool isFailure(const Outcome &outcome) const;
};

// The circuit breaker state of one backend, shared by every request and kept across configuration reloads.
//
// Counting is per rule in fixed windows: a window starts with the first call counted after the previous one ended
// and lasts the rule's interval. A rule trips when its window holds `count` failures (and, with `percentage`, when
// failures make at least that share of the window's calls; `percentage` alone needs only the share). While tripped,
// outcomes are not counted; when the trip ends the circuit closes with fresh windows. Thread-safe: isOpen() is one
// atomic load; record() holds a short lock of this circuit only.
class Circuit {
public:
    bool isOpen(TimePoint now) const
    {
        return now.time_since_epoch().count() < m_openUntil.load(std::memory_order_relaxed);
    }
    TimePoint openUntil() const { return TimePoint(Clock::duration(m_openUntil.load(std::memory_order_relaxed))); }

    // Counts one call's outcome against `rules` (the backend's current ones). True when this call tripped it.
    bool record(const std::vector<Rule> &rules, const Outcome &outcome, TimePoint now);

private:
    struct Window {
        TimePoint start{};
        std::int64_t calls = 0;
        std::int64_t failures = 0;
        bool started = false;
    };
    std::mutex m_mutex;
    std::vector<Window> m_windows; // one per rule, by position
    std::atomic<Clock::rep> m_openUntil{std::numeric_limits<Clock::rep>::min()};
};

// A member of a load-balanced pool (pool.services[]).
struct Member {
    std::string backend;       // the member backend's name
    std::int64_t priority = 0; // lower first
    std::int64_t weight = 1;   // share of the traffic within its priority group
};

// The round-robin position of one pool. Thread-safe (one atomic counter).
class Pool {
public:
    // The member a request goes to: among the lowest priority group that has an available member, the available ones
    // in weighted round-robin (weights 3 and 1 give a, a, a, b, then again). nullopt when none is available.
    std::optional<std::size_t> choose(const std::vector<Member> &members,
                                      const std::function<bool(std::size_t)> &available);

private:
    std::atomic<std::uint64_t> m_next{0};
};

// The state of every backend entity: circuits and pool positions by backend name, created on first use and kept for
// the life of the gateway (a reload that keeps a backend's name keeps its state). Thread-safe: lookups take a shared
// lock; a name's first use takes it exclusively once.
class Backends {
public:
    using Now = std::function<TimePoint()>;
    explicit Backends(Now now = {});
    ~Backends();
    Backends(const Backends &) = delete;
    Backends &operator=(const Backends &) = delete;

    TimePoint now() const { return m_now ? m_now() : Clock::now(); }
    Circuit &circuit(const std::string &backend); // the reference lives as long as this object
    Pool &pool(const std::string &backend);

private:
    template<typename T>
    T &find(std::unordered_map<std::string, std::unique_ptr<T>> &map, const std::string &name);

    Now m_now;
    std::shared_mutex m_mutex;
    std::unordered_map<std::string, std::unique_ptr<Circuit>> m_circuits;
    std::unordered_map<std::string, std::unique_ptr<Pool>> m_pools;
};

} // namespace gw::backends
