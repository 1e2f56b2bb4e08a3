#include <telemetry/log_bus.h>
#include <telemetry/spsc_ring.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cassert>
#include <mutex>
#include <thread>

namespace gw::telemetry {

namespace detail {

namespace {

constexpr std::size_t cacheLine = 64;

// One subscriber's ring for one I/O thread, and what that thread dropped for it.
struct Lane {
    explicit Lane(std::size_t capacity) : ring(capacity) {}

    void countDrop() noexcept
    {
        // Only the producer writes: a load and a store, no read-modify-write.
        dropped.store(dropped.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    }

    SpscRing<RequestRecord> ring;
    alignas(cacheLine) std::atomic<std::uint64_t> dropped{0};
};

// The subscriber list as publishers see it: immutable once published, replaced
// whole on every subscribe and unsubscribe. lanes[thread * width + i] is the
// lane of subscriber i for I/O thread `thread`, so a publisher reads one
// contiguous run of pointers.
struct Snapshot {
    std::size_t width = 0;
    std::vector<Lane *> lanes;
};

// Read-side marker of one I/O thread: odd while it is inside publish() and
// may hold a Snapshot pointer, even outside.
struct alignas(cacheLine) Epoch {
    std::atomic<std::uint64_t> value{0};
};

} // namespace

struct SubscriberState {
    std::string name;
    std::vector<std::unique_ptr<Lane>> lanes; // one per I/O thread
    std::atomic<std::uint64_t> delivered{0};  // written by the draining thread only
    std::size_t nextLane = 0;                 // where the next drain() starts
    std::atomic<bool> draining{false};        // catches two threads draining at once
};

struct BusCore {
    BusCore(unsigned producers, std::size_t capacity)
        : producers(producers), ringCapacity(std::bit_ceil(std::max<std::size_t>(capacity, 2))),
          epochs(std::make_unique<Epoch[]>(producers))
    {
    }

    ~BusCore() { delete current.load(std::memory_order_acquire); }

    // Publishes a new list of subscribers and returns once no I/O thread can
    // still use the previous one, which is then freed. Called with `writers` held.
    void publishMembers()
    {
        Snapshot *next = nullptr;
        if (!members.empty()) {
            next = new Snapshot;
            next->width = members.size();
            next->lanes.reserve(producers * members.size());
            for (unsigned thread = 0; thread < producers; ++thread) {
                for (SubscriberState *member : members) {
                    next->lanes.push_back(member->lanes[thread].get());
                }
            }
        }
        const Snapshot *previous = current.exchange(next, std::memory_order_seq_cst);
        waitForPublishers();
        delete previous;
    }

    // A grace period: every I/O thread is seen outside publish(), or leaving
    // the publish() it was in. An I/O thread that enters after the exchange
    // above loads the new list (its epoch store and our epoch load are both
    // sequentially consistent, so one of the two sees the other).
    void waitForPublishers() const
    {
        for (unsigned thread = 0; thread < producers; ++thread) {
            const std::atomic<std::uint64_t> &epoch = epochs[thread].value;
            const std::uint64_t seen = epoch.load(std::memory_order_seq_cst);
            if ((seen & 1) == 0) {
                continue;
            }
            for (int spins = 0; epoch.load(std::memory_order_acquire) == seen; ++spins) {
                if (spins > 64) {
                    std::this_thread::yield();
                }
            }
        }
    }

    const unsigned producers;
    const std::size_t ringCapacity;
    std::unique_ptr<Epoch[]> epochs;
    std::atomic<const Snapshot *> current{nullptr}; // null when there is no subscriber

    mutable std::mutex writers;
    std::vector<SubscriberState *> members; // guarded by `writers`
};

} // namespace detail

LogBus::LogBus(unsigned producerThreads, std::size_t ringCapacity)
    : m_core(std::make_shared<detail::BusCore>(std::max(producerThreads, 1u), ringCapacity))
{
}

LogBus::~LogBus() = default;

unsigned LogBus::producerThreads() const
{
    return m_core->producers;
}

std::size_t LogBus::ringCapacity() const
{
    return m_core->ringCapacity;
}

std::size_t LogBus::subscriberCount() const
{
    const std::lock_guard lock(m_core->writers);
    return m_core->members.size();
}

void LogBus::publish(unsigned thread, RequestRecord &&record) noexcept
{
    detail::BusCore &core = *m_core;
    assert(thread < core.producers);
    if (core.current.load(std::memory_order_relaxed) == nullptr) {
        return; // nobody listens; a subscriber arriving right now starts with the next record
    }
    std::atomic<std::uint64_t> &epoch = core.epochs[thread].value;
    const std::uint64_t inside = epoch.load(std::memory_order_relaxed) + 1;
    epoch.store(inside, std::memory_order_seq_cst);
    if (const detail::Snapshot *snapshot = core.current.load(std::memory_order_seq_cst)) {
        detail::Lane *const *lane = snapshot->lanes.data() + thread * snapshot->width;
        detail::Lane *const *last = lane + snapshot->width - 1;
        for (; lane != last; ++lane) {
            try {
                if (!(*lane)->ring.tryPush(std::as_const(record))) {
                    (*lane)->countDrop();
                }
            } catch (...) { // the copy could not allocate: lost for this subscriber
                (*lane)->countDrop();
            }
        }
        if (!(*last)->ring.tryPush(std::move(record))) {
            (*last)->countDrop();
        }
    }
    epoch.store(inside + 1, std::memory_order_release);
}

LogBus::Subscription LogBus::subscribe(std::string name)
{
    auto state = std::make_unique<detail::SubscriberState>();
    state->name = std::move(name);
    state->lanes.reserve(m_core->producers);
    for (unsigned thread = 0; thread < m_core->producers; ++thread) {
        state->lanes.push_back(std::make_unique<detail::Lane>(m_core->ringCapacity));
    }
    {
        const std::lock_guard lock(m_core->writers);
        m_core->members.push_back(state.get());
        m_core->publishMembers();
    }
    return Subscription(m_core, std::move(state));
}

LogBus::Subscription::Subscription() noexcept = default;

LogBus::Subscription::Subscription(std::shared_ptr<detail::BusCore> core,
                                   std::unique_ptr<detail::SubscriberState> state) noexcept
    : m_core(std::move(core)), m_state(std::move(state))
{
}

LogBus::Subscription::Subscription(Subscription &&other) noexcept = default;

LogBus::Subscription &LogBus::Subscription::operator=(Subscription &&other) noexcept
{
    if (this != &other) {
        reset();
        m_core = std::move(other.m_core);
        m_state = std::move(other.m_state);
    }
    return *this;
}

LogBus::Subscription::~Subscription()
{
    reset();
}

void LogBus::Subscription::reset() noexcept
{
    if (!m_state) {
        return;
    }
    {
        const std::lock_guard lock(m_core->writers);
        std::erase(m_core->members, m_state.get());
        m_core->publishMembers(); // after this no I/O thread can reach our rings
    }
    m_state.reset();
    m_core.reset();
}

const std::string &LogBus::Subscription::name() const
{
    static const std::string none;
    return m_state ? m_state->name : none;
}

std::size_t LogBus::Subscription::drain(std::vector<RequestRecord> &out, std::size_t max)
{
    if (!m_state || max == 0) {
        return 0;
    }
    detail::SubscriberState &state = *m_state;
    // Also hands the consumer side of the rings over between successive draining threads.
    [[maybe_unused]] const bool busy = state.draining.exchange(true, std::memory_order_acquire);
    assert(!busy && "LogBus::Subscription::drain called from two threads at once");
    std::size_t taken = 0;
    struct Done { // also when out.push_back() throws
        detail::SubscriberState &state;
        const std::size_t &taken;
        ~Done()
        {
            state.delivered.store(state.delivered.load(std::memory_order_relaxed) + taken, std::memory_order_relaxed);
            state.draining.store(false, std::memory_order_release);
        }
    } done{state, taken};

    const std::size_t lanes = state.lanes.size();
    const std::size_t first = state.nextLane;
    for (std::size_t i = 0; i < lanes && taken < max; ++i) {
        const std::size_t index = (first + i) % lanes;
        state.nextLane = (index + 1) % lanes;
        state.lanes[index]->ring.consume(
            [&](RequestRecord &&record) {
                out.push_back(std::move(record));
                ++taken;
            },
            max - taken);
    }
    return taken;
}

std::size_t LogBus::Subscription::pending() const
{
    std::size_t total = 0;
    if (m_state) {
        for (const auto &lane : m_state->lanes) {
            total += lane->ring.sizeApprox();
        }
    }
    return total;
}

std::uint64_t LogBus::Subscription::dropped() const
{
    std::uint64_t total = 0;
    if (m_state) {
        for (const auto &lane : m_state->lanes) {
            total += lane->dropped.load(std::memory_order_relaxed);
        }
    }
    return total;
}

std::uint64_t LogBus::Subscription::delivered() const
{
    return m_state ? m_state->delivered.load(std::memory_order_relaxed) : 0;
}

} // namespace gw::telemetry
