#pragma once

#include <telemetry/request_record.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace gw::telemetry {

namespace detail {
struct BusCore;
struct SubscriberState;
} // namespace detail

// The log bus: how RequestRecords get from the I/O threads to whoever watches
// the traffic (the console, the access log, the analytics history).
//
// Each subscriber has one bounded single-producer single-consumer ring per I/O
// thread. publish() pushes the record into the ring of every current subscriber
// (a copy for each but the last, which gets the record moved in) and never
// waits: when a ring is full the record is dropped for that subscriber alone
// and counted in its dropped(). Records of one I/O thread reach a subscriber in
// publish order; records of different threads are not ordered among themselves.
//
// Threads: publish(thread, ...) is called by I/O thread `thread` only (one
// producer per index; a thread may hand its index over to another if the
// hand-over itself synchronises). subscribe() and the destruction of a
// Subscription may happen on any thread at any time, also while publishing:
// they take a mutex among themselves and then wait until every I/O thread that
// may still see the previous subscriber list has left publish() (an epoch per
// I/O thread; publish() never waits for them). With no subscriber, publish()
// is one atomic load.
//
// Lifetime: the rings belong to the subscriptions; the bus's shared state is
// kept alive by them, so a Subscription may outlive the LogBus (it then just
// drains what is left). Memory: every subscriber holds producerThreads rings of
// ringCapacity slots of sizeof(RequestRecord) (about 370 bytes), i.e. about 3 MB
// per I/O thread and subscriber with the default capacity of 8192.
class LogBus {
public:
    static constexpr std::size_t defaultRingCapacity = 8192;

    // `producerThreads` is the number of I/O threads (at least 1 is made);
    // `ringCapacity` is rounded up to a power of two.
    explicit LogBus(unsigned producerThreads, std::size_t ringCapacity = defaultRingCapacity);
    ~LogBus();

    LogBus(const LogBus &) = delete;
    LogBus &operator=(const LogBus &) = delete;

    unsigned producerThreads() const;
    std::size_t ringCapacity() const;
    std::size_t subscriberCount() const;

    // Called by I/O thread `thread` (0..producerThreads()-1) only. `record` is
    // moved from when there is at least one subscriber.
    void publish(unsigned thread, RequestRecord &&record) noexcept;

    class Subscription;

    // A new subscriber; it receives the records published from now on. `name`
    // is for diagnostics ("console", "access-log").
    Subscription subscribe(std::string name);

private:
    std::shared_ptr<detail::BusCore> m_core;
};

// One subscriber's end of the bus: a move-only handle that owns the subscriber's
// rings and unsubscribes when destroyed or reset(). Records pile up in its rings
// until drained; once a ring is full, that I/O thread's records are dropped for
// this subscriber until it drains again. drain() may be called from any thread
// but by one thread at a time; dropped() and delivered() from any thread.
// A default-constructed or moved-from Subscription is empty: drain() returns 0.
class LogBus::Subscription {
public:
    Subscription() noexcept;
    Subscription(Subscription &&other) noexcept;
    Subscription &operator=(Subscription &&other) noexcept;
    ~Subscription();

    explicit operator bool() const { return m_state != nullptr; }
    const std::string &name() const;

    // Appends up to `max` waiting records to `out` and returns how many. Takes
    // from the I/O threads' rings in turn, starting after the ring where the
    // previous call stopped, so a small `max` does not starve any thread.
    std::size_t drain(std::vector<RequestRecord> &out, std::size_t max = std::numeric_limits<std::size_t>::max());

    // Records waiting in the rings (a snapshot; publishers keep adding).
    std::size_t pending() const;
    // Records lost because this subscriber fell behind (its ring was full).
    std::uint64_t dropped() const;
    // Records handed out by drain() so far.
    std::uint64_t delivered() const;

    // Unsubscribes now; records still in the rings are discarded.
    void reset() noexcept;

private:
    friend class LogBus;
    Subscription(std::shared_ptr<detail::BusCore> core, std::unique_ptr<detail::SubscriberState> state) noexcept;

    std::shared_ptr<detail::BusCore> m_core;
    std::unique_ptr<detail::SubscriberState> m_state;
};

} // namespace gw::telemetry
