// The internal cache's cost per operation: lookups that hit and miss, and stores (Release build).
#include <cache/cache.h>

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

using namespace gw;

namespace {

std::vector<std::string> keys(std::size_t count)
{
    std::vector<std::string> result;
    for (std::size_t i = 0; i < count; ++i)
        result.push_back("api;rev=1|op get-order|url https://backend.test:443/orders/" + std::to_string(i));
    return result;
}

cache::StoredResponse sample()
{
    cache::StoredResponse response;
    response.headers = {{"Content-Type", "application/json"}, {"ETag", "\"abc\""}};
    response.body = std::string(1024, 'x');
    return response;
}

void lookupHit(benchmark::State &state)
{
    cache::Cache cache;
    const auto all = keys(1000);
    for (const auto &key : all)
        cache.storeResponse(key, sample(), std::chrono::hours(1));
    std::size_t i = 0;
    for (auto _ : state) {
        auto hit = cache.lookupResponse(all[i++ % all.size()]);
        benchmark::DoNotOptimize(hit);
    }
}
BENCHMARK(lookupHit)->ThreadRange(1, 2);

void lookupMiss(benchmark::State &state)
{
    cache::Cache cache;
    const auto all = keys(1000);
    std::size_t i = 0;
    for (auto _ : state) {
        auto hit = cache.lookupResponse(all[i++ % all.size()]);
        benchmark::DoNotOptimize(hit);
    }
}
BENCHMARK(lookupMiss)->ThreadRange(1, 2);

void storeResponse(benchmark::State &state)
{
    cache::Cache cache({.capacityBytes = std::size_t(4) << 20}); // small: stores evict
    const auto all = keys(10000);
    const cache::StoredResponse response = sample();
    std::size_t i = 0;
    for (auto _ : state)
        cache.storeResponse(all[i++ % all.size()], response, std::chrono::hours(1));
}
BENCHMARK(storeResponse);

void valueLookupHit(benchmark::State &state)
{
    cache::Cache cache;
    const auto all = keys(1000);
    for (const auto &key : all)
        cache.storeValue(key, expr::makeString("profile of " + key), std::chrono::hours(1));
    std::size_t i = 0;
    for (auto _ : state) {
        auto value = cache.lookupValue(all[i++ % all.size()]);
        benchmark::DoNotOptimize(value);
    }
}
BENCHMARK(valueLookupHit);

void storeValue(benchmark::State &state)
{
    cache::Cache cache;
    const auto all = keys(1000);
    const expr::Value value = expr::makeString("a small value");
    std::size_t i = 0;
    for (auto _ : state)
        cache.storeValue(all[i++ % all.size()], value, std::chrono::hours(1));
}
BENCHMARK(storeValue);

} // namespace

BENCHMARK_MAIN();
