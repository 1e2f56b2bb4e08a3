// Import speed on the large corpus document: build in Release and run
//   build/tests/gateway-core/openapi/openapi_bench --benchmark_repetitions=5
#include <openapi/openapi.h>

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

namespace {

const std::filesystem::path kLarge = std::filesystem::path(GW_OPENAPI_DATA_DIR) / "large" / "api.github.com.json";

std::string readAll(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return std::move(buffer).str();
}

void importLargeDocument(benchmark::State &state)
{
    const std::string text = readAll(kLarge);
    std::size_t operations = 0;
    for (auto _ : state) {
        gw::openapi::ImportResult result =
            gw::openapi::importText(text, kLarge.filename().string(), kLarge.parent_path());
        operations = result.contract.operations.size();
        benchmark::DoNotOptimize(result);
    }
    state.counters["operations"] = static_cast<double>(operations);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(importLargeDocument)->Unit(benchmark::kMillisecond);

void exportLargeContract(benchmark::State &state)
{
    const gw::openapi::ImportResult imported = gw::openapi::importFile(kLarge);
    for (auto _ : state) {
        std::string text = gw::openapi::exportContract(imported.contract, gw::openapi::Format::Json);
        benchmark::DoNotOptimize(text);
    }
}
BENCHMARK(exportLargeContract)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
