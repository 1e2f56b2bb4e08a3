// Matching requests against a generated workspace of 500 APIs with 20 operations each (10,000 operations):
// literal, parameter and two-parameter templates over several methods, half of the APIs on two-segment paths.
//   build-ci/tests/gateway-core/routing/route_bench
// Each benchmark runs 10 repetitions and reports their mean, median and spread; the time per iteration is the time
// of one match() (including the Match it returns).

#include <routing/route_table.h>

#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

namespace {

using gw::routing::RequestView;
using gw::routing::RouteTable;

constexpr int apiCount = 500;
constexpr int operationsPerApi = 20;

std::string apiPath(int a)
{
    return a % 2 == 0 ? "api-" + std::to_string(a) : "group-" + std::to_string(a % 10) + "/api-" + std::to_string(a);
}

const gw::model::Workspace &generatedWorkspace()
{
    static const gw::model::Workspace workspace = [] {
        gw::model::Workspace result;
        for (int a = 0; a < apiCount; ++a) {
            gw::model::Api api{.name = "api-" + std::to_string(a), .path = apiPath(a), .apiRevision = "1"};
            api.serviceUrl = "https://backend.example/api-" + std::to_string(a);
            for (int o = 0; o < operationsPerApi; ++o) {
                const std::string resource = "/res" + std::to_string(o / 4);
                static const char *const methods[] = {"GET", "GET", "PUT", "POST"};
                static const char *const suffixes[] = {"", "/{id}", "/{id}/sub/{subId}", ""};
                api.contract.operations.push_back({.name = "op-" + std::to_string(o),
                                                   .method = methods[o % 4],
                                                   .urlTemplate = resource + suffixes[o % 4]});
            }
            result.apis.push_back(std::move(api));
        }
        return result;
    }();
    return workspace;
}

struct Sample {
    std::string method;
    std::string path;
    std::string query;
};

// Requests that each hit one operation, in random order.
const std::vector<Sample> &samples()
{
    static const std::vector<Sample> list = [] {
        std::vector<Sample> result;
        std::mt19937 random(42);
        for (int i = 0; i < 4096; ++i) {
            const int a = static_cast<int>(random() % apiCount);
            const int o = static_cast<int>(random() % operationsPerApi);
            static const char *const methods[] = {"GET", "GET", "PUT", "POST"};
            static const char *const suffixes[] = {"", "/12345", "/12345/sub/abc", ""};
            std::string path(1, '/'); // (not "/" + ...: GCC 12 warns wrongly about that, -Wrestrict)
            path.append(apiPath(a)).append("/res").append(std::to_string(o / 4)).append(suffixes[o % 4]);
            result.push_back({methods[o % 4], std::move(path), i % 2 ? "page=2&sort=desc" : ""});
        }
        return result;
    }();
    return list;
}

const auto noHeaders = [](std::string_view) -> std::optional<std::string_view> { return std::nullopt; };

void BM_Build(benchmark::State &state)
{
    const auto &workspace = generatedWorkspace();
    for (auto _ : state)
        benchmark::DoNotOptimize(RouteTable::build(workspace));
}
BENCHMARK(BM_Build)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

void BM_Match(benchmark::State &state)
{
    const RouteTable table = RouteTable::build(generatedWorkspace());
    const auto &requests = samples();
    std::size_t next = 0;
    for (auto _ : state) {
        const Sample &sample = requests[next++ % requests.size()];
        auto match =
            table.match({.method = sample.method, .path = sample.path, .query = sample.query, .header = noHeaders});
        if (!match)
            state.SkipWithError("a generated request did not match");
        benchmark::DoNotOptimize(match);
    }
}
BENCHMARK(BM_Match)->Repetitions(10)->ReportAggregatesOnly(true);

void BM_NoMatch(benchmark::State &state)
{
    const RouteTable table = RouteTable::build(generatedWorkspace());
    const RequestView request{.method = "GET", .path = "/group-3/api-13/unknown/42", .header = noHeaders};
    for (auto _ : state)
        benchmark::DoNotOptimize(table.match(request));
}
BENCHMARK(BM_NoMatch)->Repetitions(10)->ReportAggregatesOnly(true);

} // namespace

BENCHMARK_MAIN();
