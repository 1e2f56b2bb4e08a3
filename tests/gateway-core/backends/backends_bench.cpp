// What a backend entity adds to each request: finding its circuit and checking it, choosing a pool member, and
// recording an outcome. Not a test: build in Release and run build-*/tests/gateway-core/backends/backends_bench.
#include <backends/backends.h>

#include <benchmark/benchmark.h>

namespace {

using namespace gw::backends;

std::vector<Rule> rules()
{
    Rule rule;
    rule.count = 1000000; // never trips during the run
    rule.statusCodeRanges = {{500, 599}};
    return {rule};
}

void circuitCheck(benchmark::State &state)
{
    Backends backends;
    for (int i = 0; i < 50; ++i)
        backends.circuit("backend-" + std::to_string(i));
    const std::string name = "backend-7";
    for (auto _ : state)
        benchmark::DoNotOptimize(backends.circuit(name).isOpen(backends.now()));
}
BENCHMARK(circuitCheck)->Threads(1)->Threads(2);

void poolChoice(benchmark::State &state)
{
    Backends backends;
    const std::vector<Member> members = {{"west", 1, 3}, {"east", 1, 1}, {"dr", 2, 1}};
    for (auto _ : state) {
        const auto now = backends.now();
        benchmark::DoNotOptimize(backends.pool("regions").choose(
            members, [&](std::size_t i) { return !backends.circuit(members[i].backend).isOpen(now); }));
    }
}
BENCHMARK(poolChoice)->Threads(1)->Threads(2);

void outcomeRecord(benchmark::State &state)
{
    Backends backends;
    const std::vector<Rule> configured = rules();
    const Outcome outcome{.status = 200};
    for (auto _ : state)
        benchmark::DoNotOptimize(backends.circuit("orders").record(configured, outcome, backends.now()));
}
BENCHMARK(outcomeRecord)->Threads(1)->Threads(2);

} // namespace

BENCHMARK_MAIN();
