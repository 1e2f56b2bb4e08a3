#include <backends/backends.h>

#include <gtest/gtest.h>

#include <map>
#include <thread>

namespace gw::backends {

namespace {

using namespace std::chrono_literals;

Rule fiveHundreds(std::int64_t count, std::chrono::milliseconds interval = 60s, std::chrono::milliseconds trip = 10s)
{
    Rule rule;
    rule.name = "trip-on-5xx";
    rule.count = count;
    rule.interval = interval;
    rule.statusCodeRanges = {{500, 599}};
    rule.tripDuration = trip;
    return rule;
}

Outcome status(int code)
{
    return Outcome{.status = code};
}

} // namespace

TEST(Duration, ReadsIso8601)
{
    EXPECT_EQ(parseDuration("PT1S"), 1000ms);
    EXPECT_EQ(parseDuration("PT1M"), 60000ms);
    EXPECT_EQ(parseDuration("PT0.5S"), 500ms);
    EXPECT_EQ(parseDuration("P1DT2H"), std::chrono::milliseconds(26h));
    EXPECT_EQ(parseDuration("P1W"), std::chrono::milliseconds(7 * 24h));
    EXPECT_EQ(parseDuration("PT1H30M"), std::chrono::milliseconds(90min));
    EXPECT_FALSE(parseDuration("1M"));
    EXPECT_FALSE(parseDuration("P1M")); // months: no fixed length
    EXPECT_FALSE(parseDuration("PT"));
    EXPECT_FALSE(parseDuration("PT5"));
    EXPECT_FALSE(parseDuration("PT1X"));
    EXPECT_FALSE(parseDuration(""));
}

TEST(RetryAfter, ReadsSecondsAndDates)
{
    EXPECT_EQ(parseRetryAfter("120"), 120000ms);
    EXPECT_EQ(parseRetryAfter(" 3 "), 3000ms);
    const auto now = std::chrono::system_clock::from_time_t(784111777); // Sun, 06 Nov 1994 08:49:37 GMT
    EXPECT_EQ(parseRetryAfter("Sun, 06 Nov 1994 08:50:37 GMT", now), 60000ms);
    EXPECT_EQ(parseRetryAfter("Sun, 06 Nov 1994 08:40:37 GMT", now), 0ms); // in the past: no wait
    EXPECT_FALSE(parseRetryAfter("soon"));
    EXPECT_FALSE(parseRetryAfter("-5"));
}

TEST(Circuit, TripsAfterCountFailuresWithinTheIntervalAndClosesAfterTheTrip)
{
    Circuit circuit;
    const std::vector<Rule> rules = {fiveHundreds(3, 60s, 10s)};
    TimePoint now{};
    EXPECT_FALSE(circuit.record(rules, status(500), now));
    EXPECT_FALSE(circuit.record(rules, status(200), now + 1s)); // successes do not reset the count
    EXPECT_FALSE(circuit.record(rules, status(404), now + 2s)); // outside the ranges: not a failure
    EXPECT_FALSE(circuit.record(rules, status(503), now + 3s));
    EXPECT_FALSE(circuit.isOpen(now + 3s));
    EXPECT_TRUE(circuit.record(rules, status(502), now + 4s));
    EXPECT_TRUE(circuit.isOpen(now + 4s));
    EXPECT_TRUE(circuit.isOpen(now + 13s));
    EXPECT_EQ(circuit.openUntil(), now + 14s);
    // Outcomes of calls that were in flight when it tripped are not counted.
    EXPECT_FALSE(circuit.record(rules, status(500), now + 5s));
    EXPECT_FALSE(circuit.isOpen(now + 14s));
    // Closed again with a fresh count: two failures do not trip it.
    EXPECT_FALSE(circuit.record(rules, status(500), now + 15s));
    EXPECT_FALSE(circuit.record(rules, status(500), now + 16s));
    EXPECT_FALSE(circuit.isOpen(now + 16s));
    EXPECT_TRUE(circuit.record(rules, status(500), now + 17s));
}

TEST(Circuit, CountsInFixedWindows)
{
    Circuit circuit;
    const std::vector<Rule> rules = {fiveHundreds(2, 10s)};
    TimePoint now{};
    EXPECT_FALSE(circuit.record(rules, status(500), now));
    // The window that began at 0 ended at 10 s: this failure starts a new one.
    EXPECT_FALSE(circuit.record(rules, status(500), now + 10s));
    EXPECT_TRUE(circuit.record(rules, status(500), now + 19s));
}

TEST(Circuit, ErrorReasonsCountCallsWithoutResponse)
{
    Circuit circuit;
    Rule rule = fiveHundreds(2);
    rule.errorReasons = {"timeout"};
    const std::vector<Rule> rules = {rule};
    TimePoint now{};
    EXPECT_FALSE(circuit.record(rules, Outcome{.errorReason = "BackendConnectionFailure"}, now));
    EXPECT_FALSE(circuit.record(rules, Outcome{.errorReason = "Timeout"}, now));
    EXPECT_TRUE(circuit.record(rules, Outcome{.errorReason = "Timeout"}, now));
}

TEST(Circuit, PercentageTripsOnTheShareOfFailures)
{
    Circuit circuit;
    Rule rule = fiveHundreds(0);
    rule.count = 4; // with a percentage: the least number of failures
    rule.percentage = 50;
    const std::vector<Rule> rules = {rule};
    TimePoint now{};
    for (int i = 0; i < 6; ++i)
        EXPECT_FALSE(circuit.record(rules, status(200), now));
    for (int i = 0; i < 5; ++i)
        EXPECT_FALSE(circuit.record(rules, status(500), now)); // 5 of 11: under half
    EXPECT_TRUE(circuit.record(rules, status(500), now));      // 6 of 12
}

TEST(Circuit, AcceptsTheBackendsRetryAfter)
{
    Circuit circuit;
    Rule rule = fiveHundreds(1, 60s, 60s);
    rule.statusCodeRanges = {{429, 429}};
    rule.acceptRetryAfter = true;
    TimePoint now{};
    EXPECT_TRUE(circuit.record({rule}, Outcome{.status = 429, .retryAfter = 5s}, now));
    EXPECT_EQ(circuit.openUntil(), now + 5s);

    Circuit other;
    rule.acceptRetryAfter = false;
    EXPECT_TRUE(other.record({rule}, Outcome{.status = 429, .retryAfter = 5s}, now));
    EXPECT_EQ(other.openUntil(), now + 60s);
}

TEST(Circuit, NoRulesNeverTrips)
{
    Circuit circuit;
    for (int i = 0; i < 100; ++i)
        EXPECT_FALSE(circuit.record({}, status(500), TimePoint{}));
    EXPECT_FALSE(circuit.isOpen(TimePoint{}));
}

TEST(Circuit, NewRulesCountAfresh)
{
    Circuit circuit;
    TimePoint now{};
    EXPECT_FALSE(circuit.record({fiveHundreds(2)}, status(500), now));
    // A reload added a rule: the counts start again rather than mixing rules.
    const std::vector<Rule> two = {fiveHundreds(2), fiveHundreds(5)};
    EXPECT_FALSE(circuit.record(two, status(500), now));
    EXPECT_TRUE(circuit.record(two, status(500), now));
}

TEST(Pool, SpreadsByWeightDeterministically)
{
    Pool pool;
    const std::vector<Member> members = {{"west", 1, 3}, {"east", 1, 1}, {"dr", 2, 1}};
    std::vector<std::string> order;
    for (int i = 0; i < 8; ++i)
        order.push_back(members[*pool.choose(members, [](std::size_t) { return true; })].backend);
    EXPECT_EQ(order, (std::vector<std::string>{"west", "west", "west", "east", "west", "west", "west", "east"}));
}

TEST(Pool, SkipsUnavailableMembersAndFailsOverToTheNextPriority)
{
    Pool pool;
    const std::vector<Member> members = {{"west", 1, 3}, {"east", 1, 1}, {"dr", 2, 1}, {"dr2", 2, 1}};
    std::map<std::string, int> seen;
    for (int i = 0; i < 4; ++i)
        ++seen[members[*pool.choose(members, [&](std::size_t m) { return members[m].backend != "west"; })].backend];
    EXPECT_EQ(seen, (std::map<std::string, int>{{"east", 4}}));

    seen.clear();
    for (int i = 0; i < 4; ++i)
        ++seen[members[*pool.choose(members, [&](std::size_t m) { return members[m].priority == 2; })].backend];
    EXPECT_EQ(seen, (std::map<std::string, int>{{"dr", 2}, {"dr2", 2}}));

    EXPECT_FALSE(pool.choose(members, [](std::size_t) { return false; }));
    EXPECT_FALSE(pool.choose({}, [](std::size_t) { return true; }));
}

TEST(Pool, ZeroWeightsShareEvenly)
{
    Pool pool;
    const std::vector<Member> members = {{"a", 0, 0}, {"b", 0, 0}};
    std::map<std::string, int> seen;
    for (int i = 0; i < 6; ++i)
        ++seen[members[*pool.choose(members, [](std::size_t) { return true; })].backend];
    EXPECT_EQ(seen, (std::map<std::string, int>{{"a", 3}, {"b", 3}}));
}

TEST(Backends, KeepsStateByNameAndUsesTheInjectedClock)
{
    TimePoint now{};
    Backends backends([&] { return now; });
    Circuit &circuit = backends.circuit("orders");
    EXPECT_EQ(&circuit, &backends.circuit("orders"));
    EXPECT_NE(&circuit, &backends.circuit("billing"));
    EXPECT_TRUE(circuit.record({fiveHundreds(1, 60s, 1s)}, status(500), backends.now()));
    EXPECT_TRUE(backends.circuit("orders").isOpen(backends.now()));
    now += 1s;
    EXPECT_FALSE(backends.circuit("orders").isOpen(backends.now()));
}

// Many threads record and check at once: the counts are approximate by design, but nothing may crash or hang, and
// a circuit under steady failures trips.
TEST(Backends, SurvivesConcurrentUse)
{
    Backends backends;
    const std::vector<Rule> rules = {fiveHundreds(50, 60s, 1h)};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 2000; ++i) {
                const std::string name = "b" + std::to_string((i + t) % 4);
                backends.circuit(name).record(rules, status(500), backends.now());
                (void)backends.circuit(name).isOpen(backends.now());
                backends.pool("p").choose({{"x", 0, 1}, {"y", 0, 2}}, [](std::size_t) { return true; });
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    for (int b = 0; b < 4; ++b)
        EXPECT_TRUE(backends.circuit("b" + std::to_string(b)).isOpen(backends.now()));
}

} // namespace gw::backends
