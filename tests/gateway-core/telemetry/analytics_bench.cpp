// The analytics history's cost: how many records per second AnalyticsStore::append writes (the acceptance figure
// is at least 50,000), what a page of the request log and a day of per-minute statistics cost to read, and what a
// histogram percentile costs. Run by hand:
//   cmake --build build-ci --target analytics_bench && build-ci/tests/gateway-core/telemetry/analytics_bench
#include <telemetry/analytics_store.h>

#include "temp_folder.h"

#include <benchmark/benchmark.h>

#include <random>

using namespace gw::telemetry;

namespace {

std::vector<RequestRecord> realisticBatch(std::size_t size, std::int64_t &clock)
{
    static const char *apis[] = {"orders", "billing", "catalog", "conference-api"};
    static const char *operations[] = {"get-order", "list-orders", "create-order", "get-session", "pay"};
    static const char *subscriptions[] = {"alice", "bob", "starter-1", "unlimited-7", ""};
    std::mt19937 random(static_cast<unsigned>(clock));
    std::lognormal_distribution<double> latency(std::log(2000.0), 1.0);
    std::vector<RequestRecord> batch(size);
    for (std::size_t i = 0; i < size; ++i) {
        RequestRecord &r = batch[i];
        clock += 100; // 10,000 requests a second
        r.startTime = RequestRecord::TimePoint(std::chrono::microseconds(clock));
        r.requestId = "9f1c2d3e-4b5a-4c6d-8e7f-" + std::to_string(100000000000 + clock);
        r.api = apis[random() % 4];
        r.operation = operations[random() % 5];
        r.product = "starter";
        r.subscription = subscriptions[random() % 5];
        r.method = "GET";
        r.path = "/" + r.api + "/items/" + std::to_string(random() % 1000);
        r.query = "expand=lines";
        r.clientAddress = "10.0.0." + std::to_string(random() % 250);
        r.status = random() % 20 == 0 ? 500 : 200;
        r.bytesIn = 180;
        r.bytesOut = 1200;
        r.totalLatency = std::chrono::microseconds(static_cast<std::int64_t>(latency(random)));
        r.backendLatency = r.totalLatency / 2;
    }
    return batch;
}

void appendBatches(benchmark::State &state)
{
    gw::test::TempFolder folder;
    auto store = std::move(AnalyticsStore::open(folder / "bench.sqlite").value());
    std::int64_t clock = 1'790'000'000'000'000;
    const auto batchSize = static_cast<std::size_t>(state.range(0));
    for (auto _ : state) {
        state.PauseTiming();
        const auto batch = realisticBatch(batchSize, clock);
        state.ResumeTiming();
        if (!store->append(batch))
            state.SkipWithError("append failed");
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(batchSize));
}
BENCHMARK(appendBatches)->Arg(256)->Arg(4096)->UseRealTime()->Unit(benchmark::kMillisecond);

// A request log page deep in a million rows, filtered and not.
void readPages(benchmark::State &state)
{
    gw::test::TempFolder folder;
    auto store = std::move(AnalyticsStore::open(folder / "bench.sqlite").value());
    std::int64_t clock = 1'790'000'000'000'000;
    for (int i = 0; i < 250; ++i)
        store->append(realisticBatch(4000, clock));
    RecordFilter filter;
    if (state.range(1))
        filter.api = "orders";
    for (auto _ : state)
        benchmark::DoNotOptimize(store->page(filter, state.range(0), 200));
}
BENCHMARK(readPages)->Args({0, 0})->Args({500'000, 0})->Args({0, 1})->Args({200'000, 1})->Unit(benchmark::kMillisecond);

void dayOfMinutes(benchmark::State &state)
{
    gw::test::TempFolder folder;
    auto store = std::move(AnalyticsStore::open(folder / "bench.sqlite").value());
    std::int64_t clock = 1'790'000'000'000'000;
    for (int minute = 0; minute < 1440; ++minute) {
        auto batch = realisticBatch(200, clock);
        clock += 60'000'000 - 200 * 100; // one batch per minute, a day in all
        store->append(batch);
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(store->perMinute({}));
}
BENCHMARK(dayOfMinutes)->Unit(benchmark::kMillisecond);

void percentileOfAMinute(benchmark::State &state)
{
    std::mt19937 random(1);
    std::lognormal_distribution<double> latency(std::log(2000.0), 1.0);
    LatencyHistogram histogram;
    for (int i = 0; i < 600'000; ++i)
        histogram.add(static_cast<std::uint64_t>(latency(random)));
    for (auto _ : state)
        benchmark::DoNotOptimize(histogram.percentile(0.99));
}
BENCHMARK(percentileOfAMinute);

} // namespace

BENCHMARK_MAIN();
