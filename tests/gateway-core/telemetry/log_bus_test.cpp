#include <telemetry/log_bus.h>
#include <telemetry/spsc_ring.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using gw::telemetry::LogBus;
using gw::telemetry::RequestRecord;
using gw::telemetry::SpscRing;

namespace {

// Counts live instances, to check that the ring destroys what it holds.
struct Counted {
    static inline std::atomic<int> live{0};
    int value = 0;
    explicit Counted(int v) : value(v) { ++live; }
    Counted(const Counted &other) : value(other.value) { ++live; }
    Counted(Counted &&other) noexcept : value(other.value) { ++live; }
    ~Counted() { --live; }
};

std::vector<int> popAll(SpscRing<int> &ring, std::size_t max = static_cast<std::size_t>(-1))
{
    std::vector<int> out;
    ring.consume([&](int &&v) { out.push_back(v); }, max);
    return out;
}

// A record that says who published it and in which order.
RequestRecord numbered(unsigned thread, std::uint64_t sequence)
{
    RequestRecord record;
    record.requestId = "request-" + std::to_string(thread) + "-" + std::to_string(sequence) + "-padding-past-sso";
    record.path = "/echo/resource/" + std::to_string(sequence);
    record.ioThread = thread;
    record.bytesIn = sequence;
    record.status = 200;
    return record;
}

// Checks that each thread's records arrive in publish order without repeats;
// returns how many arrived per thread.
struct OrderChecker {
    explicit OrderChecker(unsigned threads) : next(threads, 0), count(threads, 0) {}
    void check(const RequestRecord &record)
    {
        ASSERT_LT(record.ioThread, next.size());
        ASSERT_GE(record.bytesIn, next[record.ioThread]) << "thread " << record.ioThread << " out of order";
        next[record.ioThread] = record.bytesIn + 1;
        ++count[record.ioThread];
    }
    std::vector<std::uint64_t> next;
    std::vector<std::uint64_t> count;
};

} // namespace

// --- SpscRing ------------------------------------------------------------------

TEST(SpscRing, RoundsCapacityUpToAPowerOfTwo)
{
    EXPECT_EQ(SpscRing<int>(0).capacity(), 2u);
    EXPECT_EQ(SpscRing<int>(5).capacity(), 8u);
    EXPECT_EQ(SpscRing<int>(8).capacity(), 8u);
    EXPECT_EQ(SpscRing<int>(8193).capacity(), 16384u);
}

TEST(SpscRing, FillsEverySlotThenRefuses)
{
    SpscRing<int> ring(8);
    for (int i = 0; i < 8; ++i) {
        EXPECT_TRUE(ring.tryPush(i));
    }
    EXPECT_FALSE(ring.tryPush(99));
    EXPECT_EQ(ring.sizeApprox(), 8u);
    EXPECT_EQ(popAll(ring), (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7}));
    EXPECT_EQ(ring.sizeApprox(), 0u);
    EXPECT_TRUE(popAll(ring).empty());
}

TEST(SpscRing, KeepsOrderAcrossManyWrapArounds)
{
    SpscRing<int> ring(4);
    int pushed = 0;
    int expected = 0;
    for (int round = 0; round < 1000; ++round) {
        const int burst = round % 5; // 0..4: sometimes fills the ring exactly
        for (int i = 0; i < burst; ++i) {
            ASSERT_TRUE(ring.tryPush(pushed++));
        }
        for (int v : popAll(ring, 1 + round % 4)) {
            ASSERT_EQ(v, expected++);
        }
        for (int v : popAll(ring)) {
            ASSERT_EQ(v, expected++);
        }
    }
    EXPECT_EQ(expected, pushed);
}

TEST(SpscRing, ConsumeHonoursMax)
{
    SpscRing<int> ring(16);
    for (int i = 0; i < 10; ++i) {
        ring.tryPush(i);
    }
    EXPECT_EQ(popAll(ring, 3), (std::vector<int>{0, 1, 2}));
    EXPECT_EQ(popAll(ring, 0), std::vector<int>{});
    EXPECT_EQ(popAll(ring, 100), (std::vector<int>{3, 4, 5, 6, 7, 8, 9}));
}

TEST(SpscRing, FailedPushLeavesTheValueAlone)
{
    SpscRing<std::unique_ptr<int>> ring(2);
    EXPECT_TRUE(ring.tryPush(std::make_unique<int>(1)));
    EXPECT_TRUE(ring.tryPush(std::make_unique<int>(2)));
    auto third = std::make_unique<int>(3);
    EXPECT_FALSE(ring.tryPush(std::move(third)));
    ASSERT_NE(third, nullptr);
    EXPECT_EQ(*third, 3);
    std::vector<int> seen;
    ring.consume([&](std::unique_ptr<int> &&p) { seen.push_back(*p); });
    EXPECT_EQ(seen, (std::vector<int>{1, 2}));
}

TEST(SpscRing, DestroysTakenAndLeftoverElements)
{
    Counted::live = 0;
    {
        SpscRing<Counted> ring(8);
        for (int i = 0; i < 6; ++i) {
            ring.tryPush(Counted(i));
        }
        EXPECT_EQ(Counted::live.load(), 6);
        ring.consume([](Counted &&) {}, 2);
        EXPECT_EQ(Counted::live.load(), 4);
    }
    EXPECT_EQ(Counted::live.load(), 0);
}

TEST(SpscRing, SinkThatThrowsKeepsTheRest)
{
    SpscRing<int> ring(8);
    for (int i = 0; i < 5; ++i) {
        ring.tryPush(i);
    }
    std::vector<int> seen;
    EXPECT_THROW(ring.consume([&](int &&v) {
        if (v == 2) {
            throw std::runtime_error("sink full");
        }
        seen.push_back(v);
    }),
                 std::runtime_error);
    EXPECT_EQ(seen, (std::vector<int>{0, 1}));
    EXPECT_EQ(popAll(ring), (std::vector<int>{2, 3, 4}));
}

TEST(SpscRing, TwoThreadsPassEveryValueInOrder)
{
    constexpr std::uint64_t total = 2'000'000;
    SpscRing<std::uint64_t> ring(256);
    std::thread producer([&] {
        for (std::uint64_t i = 0; i < total;) {
            if (ring.tryPush(i)) {
                ++i;
            } else {
                std::this_thread::yield();
            }
        }
    });
    std::uint64_t expected = 0;
    bool inOrder = true;
    while (expected < total) {
        const std::size_t n = ring.consume([&](std::uint64_t &&v) { inOrder = inOrder && v == expected++; }, 100);
        if (n == 0) {
            std::this_thread::yield();
        }
    }
    producer.join();
    EXPECT_TRUE(inOrder);
    EXPECT_EQ(expected, total);
}

// --- LogBus ----------------------------------------------------------------------

TEST(LogBus, PublishingWithoutSubscribersLeavesTheRecord)
{
    LogBus bus(2, 16);
    EXPECT_EQ(bus.producerThreads(), 2u);
    EXPECT_EQ(bus.ringCapacity(), 16u);
    EXPECT_EQ(bus.subscriberCount(), 0u);
    RequestRecord record = numbered(1, 7);
    bus.publish(1, std::move(record));
    EXPECT_FALSE(record.requestId.empty()); // not moved from: nobody took it
}

TEST(LogBus, SubscriberReceivesRecordsPublishedAfterSubscribing)
{
    LogBus bus(2, 16);
    bus.publish(0, numbered(0, 0)); // before: not seen
    auto subscription = bus.subscribe("console");
    EXPECT_EQ(subscription.name(), "console");
    EXPECT_EQ(bus.subscriberCount(), 1u);
    bus.publish(0, numbered(0, 1));
    bus.publish(1, numbered(1, 2));
    EXPECT_EQ(subscription.pending(), 2u);

    std::vector<RequestRecord> out;
    EXPECT_EQ(subscription.drain(out), 2u);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(subscription.delivered(), 2u);
    EXPECT_EQ(subscription.dropped(), 0u);
    std::set<std::string> ids{out[0].requestId, out[1].requestId};
    EXPECT_TRUE(ids.count(numbered(0, 1).requestId));
    EXPECT_TRUE(ids.count(numbered(1, 2).requestId));
    EXPECT_EQ(subscription.drain(out), 0u);
}

TEST(LogBus, EverySubscriberGetsItsOwnCopy)
{
    LogBus bus(1, 16);
    auto a = bus.subscribe("a");
    auto b = bus.subscribe("b");
    auto c = bus.subscribe("c");
    const RequestRecord original = numbered(0, 42);
    bus.publish(0, RequestRecord(original));
    for (auto *subscription : {&a, &b, &c}) {
        std::vector<RequestRecord> out;
        ASSERT_EQ(subscription->drain(out), 1u) << subscription->name();
        EXPECT_EQ(out[0].requestId, original.requestId);
        EXPECT_EQ(out[0].path, original.path);
        EXPECT_EQ(out[0].bytesIn, 42u);
    }
}

TEST(LogBus, FullRingDropsExactlyTheExcessForThatSubscriberOnly)
{
    LogBus bus(2, 16);
    auto slow = bus.subscribe("slow");
    auto fast = bus.subscribe("fast");
    std::vector<RequestRecord> out;
    for (std::uint64_t i = 0; i < 100; ++i) {
        bus.publish(0, numbered(0, i));
        fast.drain(out);
    }
    for (std::uint64_t i = 0; i < 5; ++i) {
        bus.publish(1, numbered(1, i)); // another thread's ring is not full
    }
    EXPECT_EQ(fast.dropped(), 0u);
    EXPECT_EQ(fast.delivered(), 100u);
    EXPECT_EQ(slow.dropped(), 84u);
    EXPECT_EQ(slow.pending(), 16u + 5u);

    out.clear();
    EXPECT_EQ(slow.drain(out), 21u);
    OrderChecker order(2);
    for (const auto &record : out) {
        order.check(record);
    }
    EXPECT_EQ(order.count[0], 16u);
    EXPECT_EQ(order.next[0], 16u); // the first 16 were kept, the newer ones dropped
    EXPECT_EQ(order.count[1], 5u);

    // Room again after draining: nothing more is dropped.
    for (std::uint64_t i = 100; i < 110; ++i) {
        bus.publish(0, numbered(0, i));
    }
    EXPECT_EQ(slow.dropped(), 84u);
    EXPECT_EQ(slow.drain(out), 10u);
    EXPECT_EQ(slow.delivered(), 31u);
}

TEST(LogBus, SmallDrainsTakeFromEveryThreadInTurn)
{
    LogBus bus(3, 64);
    auto subscription = bus.subscribe("ui");
    for (unsigned thread = 0; thread < 3; ++thread) {
        for (std::uint64_t i = 0; i < 10; ++i) {
            bus.publish(thread, numbered(thread, i));
        }
    }
    std::vector<RequestRecord> out;
    std::vector<int> perThread(3, 0);
    for (int call = 0; call < 3; ++call) {
        out.clear();
        ASSERT_EQ(subscription.drain(out, 4), 4u);
        for (const auto &record : out) {
            ++perThread[record.ioThread];
        }
    }
    // 12 records in calls of 4: every thread got a turn.
    for (int count : perThread) {
        EXPECT_GT(count, 0);
    }
    out.clear();
    EXPECT_EQ(subscription.drain(out), 18u);
}

TEST(LogBus, SubscriptionIsMoveOnlyAndUnsubscribesOnReset)
{
    LogBus bus(1, 8);
    LogBus::Subscription empty;
    EXPECT_FALSE(empty);
    std::vector<RequestRecord> out;
    EXPECT_EQ(empty.drain(out), 0u);
    EXPECT_EQ(empty.dropped(), 0u);

    auto first = bus.subscribe("first");
    LogBus::Subscription moved = std::move(first);
    EXPECT_FALSE(first);
    EXPECT_TRUE(moved);
    EXPECT_EQ(bus.subscriberCount(), 1u);
    bus.publish(0, numbered(0, 0));
    EXPECT_EQ(moved.drain(out), 1u);

    auto second = bus.subscribe("second");
    EXPECT_EQ(bus.subscriberCount(), 2u);
    moved = std::move(second); // drops the first
    EXPECT_EQ(bus.subscriberCount(), 1u);
    EXPECT_EQ(moved.name(), "second");
    moved.reset();
    EXPECT_EQ(bus.subscriberCount(), 0u);
    RequestRecord record = numbered(0, 1);
    bus.publish(0, std::move(record));
    EXPECT_FALSE(record.requestId.empty());
}

TEST(LogBus, SubscriptionMayOutliveTheBus)
{
    LogBus::Subscription subscription;
    {
        LogBus bus(1, 8);
        subscription = bus.subscribe("late");
        bus.publish(0, numbered(0, 0));
    }
    std::vector<RequestRecord> out;
    EXPECT_EQ(subscription.drain(out), 1u);
    subscription.reset();
}

TEST(LogBus, DrainingMayMoveBetweenThreads)
{
    LogBus bus(1, 1024);
    auto subscription = bus.subscribe("hopping");
    std::vector<RequestRecord> out;
    std::uint64_t sequence = 0;
    for (int hop = 0; hop < 20; ++hop) {
        for (int i = 0; i < 10; ++i) {
            bus.publish(0, numbered(0, sequence++));
        }
        std::thread([&] { subscription.drain(out); }).join();
    }
    ASSERT_EQ(out.size(), 200u);
    for (std::uint64_t i = 0; i < out.size(); ++i) {
        EXPECT_EQ(out[i].bytesIn, i);
    }
}

TEST(LogBus, ConcurrentPublishersLoseNothingWhenTheSubscriberKeepsUp)
{
    constexpr unsigned threads = 4;
    constexpr std::uint64_t perThread = 50'000;
    constexpr std::uint64_t burst = 100;
    // Publishers go in bursts and pause while more than half a ring is waiting
    // (4 threads * burst on top of that still fits): a subscriber that keeps up,
    // whatever the scheduling, so nothing may be dropped. The rings wrap ~50 times.
    LogBus bus(threads, 1024);
    auto subscription = bus.subscribe("collector");
    std::atomic<unsigned> finished{0};
    std::vector<std::thread> publishers;
    for (unsigned t = 0; t < threads; ++t) {
        publishers.emplace_back([&, t] {
            for (std::uint64_t i = 0; i < perThread;) {
                while (subscription.pending() > 512) {
                    std::this_thread::yield();
                }
                for (std::uint64_t end = i + burst; i < end; ++i) {
                    bus.publish(t, numbered(t, i));
                }
            }
            ++finished;
        });
    }
    OrderChecker order(threads);
    std::vector<RequestRecord> out;
    std::uint64_t received = 0;
    for (;;) {
        const bool last = finished.load() == threads; // read before draining: then everything is in the rings
        out.clear();
        received += subscription.drain(out, 1000);
        for (const auto &record : out) {
            order.check(record);
        }
        if (last && out.empty()) {
            break;
        }
    }
    for (auto &publisher : publishers) {
        publisher.join();
    }
    EXPECT_EQ(received, threads * perThread);
    EXPECT_EQ(subscription.dropped(), 0u);
    EXPECT_EQ(subscription.delivered(), threads * perThread);
    for (unsigned t = 0; t < threads; ++t) {
        EXPECT_EQ(order.count[t], perThread) << "thread " << t;
    }
}

TEST(LogBus, ConcurrentPublishersIntoSmallRingsAccountForEveryRecord)
{
    constexpr unsigned threads = 4;
    constexpr std::uint64_t perThread = 50'000;
    LogBus bus(threads, 64);
    auto subscription = bus.subscribe("slow");
    std::atomic<unsigned> finished{0};
    std::vector<std::thread> publishers;
    for (unsigned t = 0; t < threads; ++t) {
        publishers.emplace_back([&, t] {
            for (std::uint64_t i = 0; i < perThread; ++i) {
                bus.publish(t, numbered(t, i));
            }
            ++finished;
        });
    }
    OrderChecker order(threads);
    std::vector<RequestRecord> out;
    std::uint64_t received = 0;
    for (;;) {
        const bool last = finished.load() == threads;
        out.clear();
        received += subscription.drain(out, 50);
        for (const auto &record : out) {
            order.check(record);
        }
        if (last && out.empty()) {
            break;
        }
    }
    for (auto &publisher : publishers) {
        publisher.join();
    }
    EXPECT_EQ(received + subscription.dropped(), threads * perThread);
    EXPECT_EQ(received, subscription.delivered());
    EXPECT_GT(received, 0u);
}

TEST(LogBus, SubscribersComeAndGoWhilePublishersRunFlatOut)
{
    constexpr unsigned threads = 4;
    LogBus bus(threads, 256);
    auto steady = bus.subscribe("steady");
    std::atomic<bool> stop{false};
    std::vector<std::uint64_t> published(threads, 0);
    std::vector<std::thread> publishers;
    for (unsigned t = 0; t < threads; ++t) {
        publishers.emplace_back([&, t] {
            std::uint64_t i = 0;
            while (!stop.load(std::memory_order_relaxed)) {
                bus.publish(t, numbered(t, i++));
            }
            published[t] = i;
        });
    }

    // Churn: short-lived subscribers, some drained, some never, some moved, on two threads.
    std::atomic<std::uint64_t> churned{0};
    auto churn = [&](int flavour) {
        std::vector<RequestRecord> out;
        for (int round = 0; !stop.load(std::memory_order_relaxed); ++round) {
            auto subscription = bus.subscribe("churn");
            if ((round + flavour) % 3 != 0) {
                std::this_thread::sleep_for(std::chrono::microseconds(200));
                out.clear();
                subscription.drain(out);
            }
            if (round % 5 == 0) {
                LogBus::Subscription other = std::move(subscription);
                other.reset();
            }
            ++churned;
        }
    };
    std::thread churnA(churn, 0);
    std::thread churnB(churn, 1);

    OrderChecker order(threads);
    std::vector<RequestRecord> out;
    std::uint64_t received = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(1500);
    while (std::chrono::steady_clock::now() < deadline) {
        out.clear();
        received += steady.drain(out);
        for (const auto &record : out) {
            order.check(record);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    stop = true;
    churnA.join();
    churnB.join();
    for (auto &publisher : publishers) {
        publisher.join();
    }
    out.clear();
    received += steady.drain(out);
    for (const auto &record : out) {
        order.check(record);
    }

    std::uint64_t total = 0;
    for (auto count : published) {
        total += count;
    }
    EXPECT_GT(churned.load(), 10u);
    EXPECT_GT(received, 0u);
    EXPECT_EQ(received + steady.dropped(), total);
    EXPECT_EQ(bus.subscriberCount(), 1u);
}
