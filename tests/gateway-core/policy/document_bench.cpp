#include <policy/document.h>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

std::string largestCorpusFile()
{
    std::filesystem::path largest;
    std::uintmax_t size = 0;
    for (const auto &entry : std::filesystem::recursive_directory_iterator(GW_POLICY_CORPUS_DIR)) {
        if (entry.is_regular_file() && entry.path().extension() == ".xml" && entry.file_size() > size) {
            size = entry.file_size();
            largest = entry.path();
        }
    }
    std::ifstream in(largest, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void parseLargestCorpusFile(benchmark::State &state)
{
    const std::string text = largestCorpusFile();
    for (auto _ : state) {
        gw::policy::ParseResult result = gw::policy::parseDocument(text, "bench.xml", {.anyRoot = true});
        benchmark::DoNotOptimize(result);
    }
    const double bytes = static_cast<double>(text.size()) * static_cast<double>(state.iterations());
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
    // Seconds per byte; shown with an SI prefix ("3.5n" = 3.5 ns/byte).
    state.counters["time_per_byte"] =
        benchmark::Counter(bytes, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(parseLargestCorpusFile);

} // namespace

BENCHMARK_MAIN();
