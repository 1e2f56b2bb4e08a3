// One check-and-count of rate-limit-by-key, as the policy makes it: on one hot key (every thread on the same ring)
// and on many keys (spread over the shards).
#include <limits/limits.h>

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace {

using namespace std::chrono_literals;

gw::limits::Limits &shared()
{
    static gw::limits::Limits limits;
    return limits;
}

void hotKey(benchmark::State &state)
{
    gw::limits::Limits &limits = shared();
    const std::string key = "rate-limit-by-key|hot";
    for (auto _ : state) {
        // A large limit keeps the calls admitted, so each one is a full claim (the common case).
        auto result = limits.rate(key, 1000000, 1s, 1, std::chrono::steady_clock::now());
        benchmark::DoNotOptimize(result.allowed);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(hotKey)->Threads(1)->Threads(2)->Threads(4)->UseRealTime();

void manyKeys(benchmark::State &state)
{
    gw::limits::Limits &limits = shared();
    std::vector<std::string> keys;
    for (int i = 0; i < 10000; ++i)
        keys.push_back("rate-limit-by-key|client-" + std::to_string(i) + "-" + std::to_string(state.thread_index()));
    std::size_t next = 0;
    for (auto _ : state) {
        auto result = limits.rate(keys[next], 100, 60s, 1, std::chrono::steady_clock::now());
        benchmark::DoNotOptimize(result.allowed);
        next = (next + 1) % keys.size();
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(manyKeys)->Threads(1)->Threads(2)->Threads(4)->UseRealTime();

void refusedHotKey(benchmark::State &state)
{
    gw::limits::Limits &limits = shared();
    limits.rate("rate-limit-by-key|full", 1, 300s, 1, std::chrono::steady_clock::now());
    for (auto _ : state) {
        auto result = limits.rate("rate-limit-by-key|full", 1, 300s, 1, std::chrono::steady_clock::now());
        benchmark::DoNotOptimize(result.allowed);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(refusedHotKey)->Threads(1)->Threads(4)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
