#include <limits/limits.h>

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <random>
#include <thread>
#include <vector>

namespace gw::limits {
namespace {

using namespace std::chrono_literals;

// A fixed point of the steady clock, so that windows are tested without sleeping.
const SteadyTime t0 = SteadyTime{} + 1000h;

TEST(RateLimit, AdmitsCallsThenRefusesWithTheTimeUntilTheOldestLeaves)
{
    Limits limits;
    EXPECT_TRUE(limits.rate("k", 3, 60s, 1, t0, false).allowed);
    EXPECT_TRUE(limits.rate("k", 3, 60s, 1, t0 + 10s, false).allowed);
    EXPECT_TRUE(limits.rate("k", 3, 60s, 1, t0 + 20s, false).allowed);
    RateResult refused = limits.rate("k", 3, 60s, 1, t0 + 30s, false);
    EXPECT_FALSE(refused.allowed);
    EXPECT_EQ(refused.retryAfter, 30s); // the call at t0 leaves the window at t0 + 60 s
    // A sliding window: at t0 + 60 s exactly one call (t0's) has left it.
    EXPECT_TRUE(limits.rate("k", 3, 60s, 1, t0 + 60s, false).allowed);
    RateResult again = limits.rate("k", 3, 60s, 1, t0 + 61s, false);
    EXPECT_FALSE(again.allowed);
    EXPECT_EQ(again.retryAfter, 9s); // t0 + 10 s leaves at t0 + 70 s
}

TEST(RateLimit, RetryAfterRoundsUpToWholeSeconds)
{
    Limits limits;
    EXPECT_TRUE(limits.rate("k", 1, 10s, 1, t0, false).allowed);
    EXPECT_EQ(limits.rate("k", 1, 10s, 1, t0 + 9500ms, false).retryAfter, 1s);
    EXPECT_EQ(limits.rate("k", 1, 10s, 1, t0 + 100ms, false).retryAfter, 10s);
}

TEST(RateLimit, KeysAndLimitsAreCountedApart)
{
    Limits limits;
    EXPECT_TRUE(limits.rate("a", 1, 60s, 1, t0, false).allowed);
    EXPECT_FALSE(limits.rate("a", 1, 60s, 1, t0, false).allowed);
    EXPECT_TRUE(limits.rate("b", 1, 60s, 1, t0, false).allowed);
    // A configuration with other numbers starts a fresh window for the same key.
    EXPECT_TRUE(limits.rate("a", 2, 60s, 1, t0, false).allowed);
}

TEST(RateLimit, RemainingCountsTheCallsLeftInTheWindow)
{
    Limits limits;
    EXPECT_EQ(limits.rate("k", 5, 60s, 1, t0, true).remaining, 4);
    EXPECT_EQ(limits.rate("k", 5, 60s, 2, t0 + 1s, true).remaining, 2);
    EXPECT_EQ(limits.rate("k", 5, 60s, 1, t0 + 61s, true).remaining, 4); // the first call left
}

TEST(RateLimit, IncrementCountLargerThanWhatIsLeftIsRefusedWhole)
{
    Limits limits;
    EXPECT_TRUE(limits.rate("k", 3, 60s, 2, t0, false).allowed);
    EXPECT_FALSE(limits.rate("k", 3, 60s, 2, t0, false).allowed);
    // The refused call took nothing: one call still fits.
    EXPECT_TRUE(limits.rate("k", 3, 60s, 1, t0, false).allowed);
    EXPECT_FALSE(limits.rate("k", 3, 60s, 1, t0, false).allowed);
    EXPECT_FALSE(limits.rate("k", 3, 60s, 4, t0 + 1h, false).allowed); // can never fit
}

TEST(RateLimit, RefundGivesTheCallBack)
{
    Limits limits;
    RateResult first = limits.rate("k", 1, 60s, 1, t0, false);
    ASSERT_TRUE(first.allowed);
    EXPECT_FALSE(limits.rate("k", 1, 60s, 1, t0, false).allowed);
    limits.refund(first.ticket);
    EXPECT_TRUE(limits.rate("k", 1, 60s, 1, t0, false).allowed);
}

// increment-condition false for a call in the middle of a fuller window: its room is usable at once.
TEST(RateLimit, RefundInAFullerWindowFreesRoomAtOnce)
{
    Limits limits;
    EXPECT_TRUE(limits.rate("k", 3, 60s, 1, t0, false).allowed);
    RateResult middle = limits.rate("k", 3, 60s, 1, t0 + 1s, false);
    EXPECT_TRUE(limits.rate("k", 3, 60s, 1, t0 + 2s, false).allowed);
    EXPECT_FALSE(limits.rate("k", 3, 60s, 1, t0 + 3s, false).allowed);
    limits.refund(middle.ticket);
    EXPECT_EQ(limits.rate("k", 3, 60s, 1, t0 + 4s, true).remaining, 0);
    RateResult full = limits.rate("k", 3, 60s, 1, t0 + 5s, false);
    EXPECT_FALSE(full.allowed);
    EXPECT_EQ(full.retryAfter, 55s); // the call at t0 is still the oldest
    EXPECT_TRUE(limits.rate("k", 3, 60s, 1, t0 + 60s, false).allowed);
}

// Calls that are counted and given back from many threads never let more than `calls` be held at once.
TEST(RateLimit, RefundsUnderConcurrencyNeverOveradmit)
{
    constexpr int calls = 50;
    Limits limits;
    std::atomic<int> held{0}, most{0}, admitted{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < 8; ++t) {
        workers.emplace_back([&] {
            for (int i = 0; i < 20000; ++i) {
                RateResult result = limits.rate("r", calls, 60s, 1, t0, false);
                if (!result.allowed)
                    continue;
                admitted.fetch_add(1);
                const int now = held.fetch_add(1) + 1;
                int seen = most.load();
                while (now > seen && !most.compare_exchange_weak(seen, now)) {
                }
                held.fetch_sub(1);
                limits.refund(result.ticket);
            }
        });
    }
    for (auto &worker : workers)
        worker.join();
    EXPECT_LE(most.load(), calls);
    EXPECT_GT(admitted.load(), 10 * calls); // the refunds made room again and again
}

// Many threads race for one key: exactly `calls` of them get through, never one more.
// How many of `threads` x `attempts` racing calls on one key a limit of `calls` a minute lets through.
int admittedWhenRacing(Limits &limits, std::int64_t calls, int threads, int attempts)
{
    std::atomic<int> allowed{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
            while (!go.load())
                std::this_thread::yield();
            for (int i = 0; i < attempts; ++i) {
                if (limits.rate("hot", calls, 60s, 1, t0 + std::chrono::milliseconds(i % 7), false).allowed)
                    allowed.fetch_add(1);
            }
        });
    }
    go.store(true);
    for (auto &worker : workers)
        worker.join();
    return allowed.load();
}

TEST(RateLimit, ExactUnderConcurrency)
{
    for (int round = 0; round < 5; ++round) {
        Limits limits;
        EXPECT_EQ(admittedWhenRacing(limits, 1000, 8, 5000), 1000);
    }
}

// Above 65,536 calls a key counts in 64 buckets per period: still never more than the limit, whatever the threads.
TEST(RateLimit, LargeLimitsAreExactUnderConcurrency)
{
    Limits limits;
    EXPECT_EQ(admittedWhenRacing(limits, 100000, 8, 100000 / 8 + 3000), 100000);
}

TEST(RateLimit, LargeLimitsSlideBucketByBucket)
{
    constexpr std::int64_t calls = 70000; // bucketed: 64 buckets of 937 ms for a minute
    Limits limits;
    EXPECT_TRUE(limits.rate("k", calls, 60s, calls - 10, t0, false).allowed);
    EXPECT_EQ(limits.rate("k", calls, 60s, 1, t0 + 30s, true).remaining, 9);
    EXPECT_TRUE(limits.rate("k", calls, 60s, 9, t0 + 30s, false).allowed);
    const RateResult refused = limits.rate("k", calls, 60s, 1, t0 + 31s, false);
    EXPECT_FALSE(refused.allowed);
    // t0's bucket leaves one bucket width after the period: between 60 s and 61 s after t0.
    EXPECT_GE(refused.retryAfter, 29s);
    EXPECT_LE(refused.retryAfter, 31s);
    EXPECT_FALSE(limits.rate("k", calls, 60s, 1, t0 + 59s, false).allowed);
    const RateResult later = limits.rate("k", calls, 60s, 1, t0 + 62s, true);
    EXPECT_TRUE(later.allowed);
    EXPECT_EQ(later.remaining, calls - 11); // the 10 calls at t0 + 30 s are still in the window
}

TEST(RateLimit, LargeLimitRefundGivesTheCallsBack)
{
    constexpr std::int64_t calls = 100000;
    Limits limits;
    const RateResult taken = limits.rate("k", calls, 60s, 3, t0, false);
    ASSERT_TRUE(taken.allowed);
    EXPECT_EQ(limits.rate("k", calls, 60s, 1, t0, true).remaining, calls - 4);
    limits.refund(taken.ticket);
    EXPECT_EQ(limits.rate("k", calls, 60s, 1, t0, true).remaining, calls - 2);
}

// Many keys created at once from many threads (the only locked path): each gets its own exact window.
TEST(RateLimit, ManyKeysFromManyThreads)
{
    Limits limits;
    constexpr int threads = 8, keys = 2000;
    std::vector<std::atomic<int>> allowed(keys);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            for (int i = 0; i < keys * 3; ++i) {
                const int key = (i * 7 + t) % keys;
                if (limits.rate("key-" + std::to_string(key), 2, 60s, 1, t0, false).allowed)
                    allowed[key].fetch_add(1);
            }
        });
    }
    for (auto &worker : workers)
        worker.join();
    for (int key = 0; key < keys; ++key)
        ASSERT_EQ(allowed[key].load(), 2) << key;
}

const QuotaLimit hourly{.calls = 3, .renewalPeriod = 3600s};
WallTime at(std::int64_t unixSeconds)
{
    return WallTime{} + std::chrono::seconds(unixSeconds);
}

TEST(Quota, CountsCallsPerFixedPeriod)
{
    Limits limits;
    const WallTime start = at(1700000000 - 1700000000 % 3600); // an hour boundary
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(limits.quota("s", hourly, 1, start + std::chrono::seconds(i)).verdict, QuotaVerdict::Allowed);
    QuotaResult refused = limits.quota("s", hourly, 1, start + 600s);
    EXPECT_EQ(refused.verdict, QuotaVerdict::CallsExceeded);
    ASSERT_TRUE(refused.renewsIn);
    EXPECT_EQ(*refused.renewsIn, 3000s);
    // The next period starts empty.
    QuotaResult renewed = limits.quota("s", hourly, 1, start + 3600s);
    EXPECT_EQ(renewed.verdict, QuotaVerdict::Allowed);
    EXPECT_EQ(renewed.remainingCalls, 2);
}

TEST(Quota, ZeroRenewalPeriodNeverRenews)
{
    Limits limits;
    const QuotaLimit forever{.calls = 1, .renewalPeriod = 0s};
    EXPECT_EQ(limits.quota("s", forever, 1, at(1000)).verdict, QuotaVerdict::Allowed);
    QuotaResult refused = limits.quota("s", forever, 1, at(1000 + 86400 * 400));
    EXPECT_EQ(refused.verdict, QuotaVerdict::CallsExceeded);
    EXPECT_FALSE(refused.renewsIn);
}

TEST(Quota, FirstPeriodStartAlignsThePeriods)
{
    Limits limits;
    // Periods of a day starting at 06:00 UTC; APIM's default start, year 1, works too (before the Unix epoch).
    const QuotaLimit daily{.calls = 1, .renewalPeriod = 86400s, .firstPeriodStart = 6 * 3600};
    EXPECT_EQ(limits.quota("s", daily, 1, at(86400 * 10 + 5 * 3600)).verdict, QuotaVerdict::Allowed);
    EXPECT_EQ(*limits.quota("s", daily, 1, at(86400 * 10 + 5 * 3600)).renewsIn, 3600s);
    EXPECT_EQ(limits.quota("s", daily, 1, at(86400 * 10 + 6 * 3600)).verdict, QuotaVerdict::Allowed);
    const QuotaLimit yearOne{.calls = 1, .renewalPeriod = 300s, .firstPeriodStart = -62135596800};
    EXPECT_EQ(limits.quota("y", yearOne, 1, at(1700000000)).verdict, QuotaVerdict::Allowed);
    EXPECT_EQ(*limits.quota("y", yearOne, 1, at(1700000000)).renewsIn, 100s); // 1700000000 % 300 == 200
}

TEST(Quota, BandwidthIsCheckedBeforeTheCallAndCountedAfter)
{
    Limits limits;
    const QuotaLimit twoKb{.kilobytes = 2, .renewalPeriod = 60s};
    QuotaResult first = limits.quota("b", twoKb, 1, at(120));
    ASSERT_EQ(first.verdict, QuotaVerdict::Allowed);
    limits.addBandwidth(*first.ticket.counter, 1500, at(121));
    EXPECT_EQ(limits.quota("b", twoKb, 1, at(122)).verdict, QuotaVerdict::Allowed);
    limits.addBandwidth(*first.ticket.counter, 600, at(122));
    EXPECT_EQ(limits.quota("b", twoKb, 1, at(123)).verdict, QuotaVerdict::BandwidthExceeded);
    EXPECT_EQ(limits.quota("b", twoKb, 1, at(180)).verdict, QuotaVerdict::Allowed); // a new period
}

TEST(Quota, RefundGivesTheCallBack)
{
    Limits limits;
    const QuotaLimit one{.calls = 1, .renewalPeriod = 60s};
    QuotaResult first = limits.quota("r", one, 1, at(60));
    limits.refund(first.ticket);
    EXPECT_EQ(limits.quota("r", one, 1, at(61)).verdict, QuotaVerdict::Allowed);
    EXPECT_EQ(limits.quota("r", one, 1, at(62)).verdict, QuotaVerdict::CallsExceeded);
}

TEST(Quota, ExactUnderConcurrency)
{
    Limits limits;
    const QuotaLimit limit{.calls = 777, .renewalPeriod = 3600s};
    std::atomic<int> allowed{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < 8; ++t) {
        workers.emplace_back([&] {
            for (int i = 0; i < 500; ++i) {
                if (limits.quota("q", limit, 1, at(7200)).verdict == QuotaVerdict::Allowed)
                    allowed.fetch_add(1);
            }
        });
    }
    for (auto &worker : workers)
        worker.join();
    EXPECT_EQ(allowed.load(), 777);
}

class TemporaryFolder {
public:
    TemporaryFolder()
    {
        std::random_device random;
        m_path = std::filesystem::temp_directory_path() / ("limits-test-" + std::to_string(random()));
        std::filesystem::create_directories(m_path);
    }
    ~TemporaryFolder() { std::filesystem::remove_all(m_path); }
    const std::filesystem::path &path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// A restarted gateway continues the quota where the stopped one left it: the counters go through a real SQLite file.
TEST(Quota, SurvivesClosingAndReopening)
{
    TemporaryFolder folder;
    const auto now = std::chrono::system_clock::now();
    const QuotaLimit limit{.calls = 5, .kilobytes = 10, .renewalPeriod = 86400s};
    {
        Limits limits(Limits::Options{.stateDirectory = folder.path()});
        QuotaResult result;
        for (int i = 0; i < 3; ++i)
            result = limits.quota("persisted", limit, 1, now);
        limits.addBandwidth(*result.ticket.counter, 4096, now);
        EXPECT_EQ(limits.quota("other", QuotaLimit{.calls = 1, .renewalPeriod = 0s}, 1, now).verdict,
                  QuotaVerdict::Allowed);
    } // the destructor writes the counters
    EXPECT_TRUE(std::filesystem::exists(folder.path() / "limits.sqlite"));
    {
        Limits limits(Limits::Options{.stateDirectory = folder.path()});
        QuotaResult result = limits.quota("persisted", limit, 1, now);
        EXPECT_EQ(result.verdict, QuotaVerdict::Allowed);
        EXPECT_EQ(result.remainingCalls, 1); // 3 before the restart, this is the 4th of 5
        EXPECT_EQ(limits.quota("persisted", limit, 1, now).verdict, QuotaVerdict::Allowed);
        EXPECT_EQ(limits.quota("persisted", limit, 1, now).verdict, QuotaVerdict::CallsExceeded);
        EXPECT_EQ(limits.quota("other", QuotaLimit{.calls = 1, .renewalPeriod = 0s}, 1, now).verdict,
                  QuotaVerdict::CallsExceeded);
        // The bandwidth came back too: 4 of 10 KB used, 7 more go over.
        limits.addBandwidth(*result.ticket.counter, 7 * 1024, now);
        EXPECT_EQ(limits.quota("persisted", QuotaLimit{.kilobytes = 10, .renewalPeriod = 86400s}, 0, now).verdict,
                  QuotaVerdict::BandwidthExceeded);
    }
}

// Counters are written in the background while the gateway runs, not only when it stops.
TEST(Quota, IsWrittenInTheBackground)
{
    TemporaryFolder folder;
    const auto now = std::chrono::system_clock::now();
    const QuotaLimit limit{.calls = 2, .renewalPeriod = 0s};
    Limits writer(Limits::Options{.stateDirectory = folder.path(), .flushInterval = 50ms});
    EXPECT_EQ(writer.quota("bg", limit, 2, now).verdict, QuotaVerdict::Allowed);
    bool seen = false;
    for (int i = 0; i < 100 && !seen; ++i) {
        std::this_thread::sleep_for(20ms);
        Limits reader(Limits::Options{.stateDirectory = folder.path(), .flushInterval = 1h});
        seen = reader.quota("bg", limit, 1, now).verdict == QuotaVerdict::CallsExceeded;
    }
    EXPECT_TRUE(seen);
}

TEST(Quota, PeriodsThatEndedAreNotCarriedOver)
{
    TemporaryFolder folder;
    const QuotaLimit limit{.calls = 1, .renewalPeriod = 60s};
    {
        Limits limits(Limits::Options{.stateDirectory = folder.path()});
        EXPECT_EQ(limits.quota("p", limit, 1, at(600)).verdict, QuotaVerdict::Allowed);
        limits.flush();
    }
    Limits limits(Limits::Options{.stateDirectory = folder.path()});
    EXPECT_EQ(limits.quota("p", limit, 1, at(630)).verdict, QuotaVerdict::CallsExceeded);
    EXPECT_EQ(limits.quota("p", limit, 1, at(660)).verdict, QuotaVerdict::Allowed);
}

TEST(Concurrency, HoldsAtMostMaxCountSlots)
{
    Limits limits;
    ConcurrencyCounter *a = limits.acquire("c", 2);
    ConcurrencyCounter *b = limits.acquire("c", 2);
    EXPECT_NE(a, nullptr);
    EXPECT_NE(b, nullptr);
    EXPECT_EQ(limits.acquire("c", 2), nullptr);
    EXPECT_NE(limits.acquire("other", 2), nullptr);
    limits.release(a);
    EXPECT_EQ(limits.inUse("c"), 1);
    ConcurrencyCounter *c = limits.acquire("c", 2);
    EXPECT_NE(c, nullptr);
    limits.release(b);
    limits.release(c);
    EXPECT_EQ(limits.inUse("c"), 0);
}

TEST(Concurrency, NeverMoreThanMaxCountAtOnce)
{
    Limits limits;
    std::atomic<int> inside{0}, most{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < 8; ++t) {
        workers.emplace_back([&] {
            for (int i = 0; i < 2000; ++i) {
                if (ConcurrencyCounter *slot = limits.acquire("c", 3)) {
                    const int now = inside.fetch_add(1) + 1;
                    int seen = most.load();
                    while (now > seen && !most.compare_exchange_weak(seen, now)) {
                    }
                    inside.fetch_sub(1);
                    limits.release(slot);
                }
            }
        });
    }
    for (auto &worker : workers)
        worker.join();
    EXPECT_LE(most.load(), 3);
    EXPECT_EQ(limits.inUse("c"), 0);
}

TEST(TimeSpan, FormatsAsDotNet)
{
    EXPECT_EQ(timeSpanText(std::chrono::seconds(3 * 3600 + 30 * 60 + 56)), "03:30:56");
    EXPECT_EQ(timeSpanText(std::chrono::seconds(5 * 86400 + 3 * 3600 + 23 * 60 + 11)), "5.03:23:11");
    EXPECT_EQ(timeSpanText(std::chrono::seconds(0)), "00:00:00");
}

} // namespace
} // namespace gw::limits
