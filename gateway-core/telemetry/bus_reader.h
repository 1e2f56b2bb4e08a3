#pragma once

#include <telemetry/log_bus.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace gw::telemetry {

// A LogBus subscriber with a thread of its own: every `interval` it drains the subscription in batches of at most
// `batchSize` records and hands each batch to `consume`, on that thread. stop() (also run by the destructor) wakes
// the thread, which drains and consumes what is left, then exits; `finish` runs last on it. The access log and the
// analytics history writer are built on it.
class BusReader {
public:
    using Consume = std::function<void(std::vector<RequestRecord> &batch)>;

    BusReader(LogBus::Subscription subscription, std::chrono::milliseconds interval, std::size_t batchSize,
              Consume consume, std::function<void()> finish = {});
    ~BusReader();
    BusReader(const BusReader &) = delete;
    BusReader &operator=(const BusReader &) = delete;

    void stop(); // idempotent
    // Records the bus dropped because this reader fell behind (updated after every drain).
    std::uint64_t dropped() const { return m_dropped.load(std::memory_order_relaxed); }

private:
    void run();

    LogBus::Subscription m_subscription; // drained by m_thread only, until it has been joined
    const std::chrono::milliseconds m_interval;
    const std::size_t m_batchSize;
    const Consume m_consume;
    const std::function<void()> m_finish;
    std::atomic<std::uint64_t> m_dropped{0};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false; // guarded by m_mutex
    std::thread m_thread;
};

} // namespace gw::telemetry
