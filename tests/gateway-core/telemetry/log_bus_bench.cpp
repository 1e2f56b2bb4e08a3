// The cost of the log bus on the data plane, and of formatting an access-log line.
//   build-ci/tests/gateway-core/telemetry/log_bus_bench
//
// Publish/N: one I/O thread publishes batches of 512 realistic records (UUID
//   request id and a path longer than the small-string buffer) to N subscribers;
//   only publish() is timed, the drain after each batch is not. The time column
//   is per batch; the ns/record counter is the cost of one publish().
// MoveBaseline: moving the same records into raw slots without the bus, the
//   floor under Publish/1.
// PublishLive/N: the same while N threads drain their subscriptions
//   concurrently (cache lines really move between cores); drops are counted.
// ToJsonLine, AppendJsonLine: the hand-written formatter, into a new string /
//   into a reused buffer. NlohmannDump: the same object built and dumped with
//   nlohmann::json, for comparison.

#include <telemetry/log_bus.h>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

using gw::telemetry::LogBus;
using gw::telemetry::RequestRecord;

namespace {

constexpr std::size_t batch = 512;

RequestRecord sample(std::uint64_t sequence)
{
    using namespace std::chrono;
    RequestRecord record;
    record.startTime = floor<microseconds>(system_clock::now());
    record.requestId = "0f8fad5b-d9cb-469f-a165-" + std::to_string(100000000000 + sequence);
    record.api = "echo-api";
    record.operation = "retrieve-resource";
    record.product = "starter";
    record.subscription = "sub-contoso-1";
    record.method = "GET";
    record.path = "/echo/resource/" + std::to_string(sequence);
    record.query = "param1=sample";
    record.status = 200;
    record.bytesIn = 312;
    record.bytesOut = 1841;
    record.totalLatency = microseconds(1543);
    record.backendLatency = microseconds(1201);
    record.clientAddress = "203.0.113.7";
    record.cacheHit = false;
    record.ioThread = 0;
    return record;
}

void fill(std::vector<RequestRecord> &records)
{
    records.clear();
    for (std::size_t i = 0; i < batch; ++i) {
        records.push_back(sample(i));
    }
}

void Publish(benchmark::State &state)
{
    const auto subscribers = static_cast<int>(state.range(0));
    LogBus bus(1);
    std::vector<LogBus::Subscription> subscriptions;
    for (int i = 0; i < subscribers; ++i) {
        subscriptions.push_back(bus.subscribe("bench"));
    }
    std::vector<RequestRecord> records;
    std::vector<RequestRecord> drained;
    double nanoseconds = 0;
    for (auto _ : state) {
        fill(records);
        const auto start = std::chrono::steady_clock::now();
        for (RequestRecord &record : records) {
            bus.publish(0, std::move(record));
        }
        const auto elapsed = std::chrono::steady_clock::now() - start;
        state.SetIterationTime(std::chrono::duration<double>(elapsed).count());
        nanoseconds += std::chrono::duration<double, std::nano>(elapsed).count();
        for (auto &subscription : subscriptions) {
            drained.clear();
            subscription.drain(drained);
        }
    }
    state.counters["ns/record"] = nanoseconds / static_cast<double>(state.iterations() * batch);
    std::uint64_t dropped = 0;
    for (auto &subscription : subscriptions) {
        dropped += subscription.dropped();
    }
    state.counters["dropped"] = static_cast<double>(dropped);
}
BENCHMARK(Publish)->Arg(0)->Arg(1)->Arg(2)->UseManualTime()->Iterations(2000)->Repetitions(5)->ReportAggregatesOnly(
    true);

// The floor under Publish/1: moving the records into raw slots, no bus.
void MoveBaseline(benchmark::State &state)
{
    std::vector<RequestRecord> records;
    auto *slots = std::allocator<RequestRecord>().allocate(batch);
    double nanoseconds = 0;
    for (auto _ : state) {
        fill(records);
        const auto start = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < batch; ++i) {
            std::construct_at(slots + i, std::move(records[i]));
        }
        const auto elapsed = std::chrono::steady_clock::now() - start;
        benchmark::DoNotOptimize(slots);
        state.SetIterationTime(std::chrono::duration<double>(elapsed).count());
        nanoseconds += std::chrono::duration<double, std::nano>(elapsed).count();
        std::destroy_n(slots, batch);
    }
    std::allocator<RequestRecord>().deallocate(slots, batch);
    state.counters["ns/record"] = nanoseconds / static_cast<double>(state.iterations() * batch);
}
BENCHMARK(MoveBaseline)->UseManualTime()->Iterations(2000)->Repetitions(5)->ReportAggregatesOnly(true);

void PublishLive(benchmark::State &state)
{
    const auto subscribers = static_cast<int>(state.range(0));
    LogBus bus(1);
    std::atomic<bool> stop{false};
    std::vector<LogBus::Subscription> subscriptions;
    for (int i = 0; i < subscribers; ++i) {
        subscriptions.push_back(bus.subscribe("bench"));
    }
    std::vector<std::thread> drainers;
    for (auto &subscription : subscriptions) {
        drainers.emplace_back([&stop, &subscription] {
            std::vector<RequestRecord> drained;
            while (!stop.load(std::memory_order_relaxed)) {
                drained.clear();
                if (subscription.drain(drained, 1024) == 0) {
                    std::this_thread::yield();
                }
            }
        });
    }
    std::vector<RequestRecord> records;
    std::uint64_t published = 0;
    double nanoseconds = 0;
    for (auto _ : state) {
        fill(records);
        const auto start = std::chrono::steady_clock::now();
        for (RequestRecord &record : records) {
            bus.publish(0, std::move(record));
        }
        const auto elapsed = std::chrono::steady_clock::now() - start;
        state.SetIterationTime(std::chrono::duration<double>(elapsed).count());
        nanoseconds += std::chrono::duration<double, std::nano>(elapsed).count();
        published += batch;
    }
    stop = true;
    for (auto &drainer : drainers) {
        drainer.join();
    }
    state.counters["ns/record"] = nanoseconds / static_cast<double>(state.iterations() * batch);
    std::uint64_t dropped = 0;
    for (auto &subscription : subscriptions) {
        dropped += subscription.dropped();
    }
    state.counters["dropped%"] =
        published == 0 || subscribers == 0 ? 0.0 : 100.0 * static_cast<double>(dropped) / (published * subscribers);
}
BENCHMARK(PublishLive)->Arg(1)->Arg(2)->UseManualTime()->Iterations(2000)->Repetitions(5)->ReportAggregatesOnly(true);

void ToJsonLine(benchmark::State &state)
{
    const RequestRecord record = sample(12345);
    for (auto _ : state) {
        std::string line = gw::telemetry::toJsonLine(record);
        benchmark::DoNotOptimize(line.data());
    }
}
BENCHMARK(ToJsonLine)->Repetitions(5)->ReportAggregatesOnly(true);

void AppendJsonLine(benchmark::State &state)
{
    const RequestRecord record = sample(12345);
    std::string buffer;
    for (auto _ : state) {
        buffer.clear();
        gw::telemetry::appendJsonLine(buffer, record);
        benchmark::DoNotOptimize(buffer.data());
    }
}
BENCHMARK(AppendJsonLine)->Repetitions(5)->ReportAggregatesOnly(true);

void NlohmannDump(benchmark::State &state)
{
    const RequestRecord record = sample(12345);
    for (auto _ : state) {
        const nlohmann::json json = {
            {"startTime", "2024-05-01T12:34:56.123456Z"}, // the formatting of the time is not even counted
            {"requestId", record.requestId},
            {"api", record.api},
            {"operation", record.operation},
            {"product", record.product},
            {"subscription", record.subscription},
            {"method", record.method},
            {"path", record.path},
            {"query", record.query},
            {"status", record.status},
            {"bytesIn", record.bytesIn},
            {"bytesOut", record.bytesOut},
            {"totalLatencyUs", record.totalLatency.count()},
            {"backendLatencyUs", record.backendLatency.count()},
            {"clientAddress", record.clientAddress},
            {"errorReason", record.errorReason},
            {"cacheHit", record.cacheHit},
            {"ioThread", record.ioThread},
        };
        std::string line = json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        benchmark::DoNotOptimize(line.data());
    }
}
BENCHMARK(NlohmannDump)->Repetitions(5)->ReportAggregatesOnly(true);

} // namespace

BENCHMARK_MAIN();
