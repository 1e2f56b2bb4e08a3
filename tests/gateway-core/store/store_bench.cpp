// Loading and saving a large generated workspace: 500 APIs with 20 operations
// each (10,000 operations), a policy per API and per operation, products,
// subscriptions and named values.
//   build-ci/tests/gateway-core/store/store_bench

#include <store/workspace_store.h>

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

void write(const fs::path &file, const std::string &text)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

const fs::path &generatedWorkspace()
{
    static const fs::path root = [] {
        std::string pattern = (fs::temp_directory_path() / "gw-store-bench-XXXXXX").string();
        const fs::path folder = ::mkdtemp(pattern.data());
        write(folder / "policy.xml", "<policies><inbound /><backend><forward-request /></backend></policies>");
        for (int a = 0; a < 500; ++a) {
            const std::string name = "api-" + std::to_string(a);
            const fs::path api = folder / "apis" / name;
            write(api / "apiInformation.json",
                  "{\n  \"properties\": {\n    \"path\": \"" + name +
                      "\",\n    \"apiRevision\": \"1\",\n"
                      "    \"displayName\": \"API " +
                      std::to_string(a) +
                      "\",\n    \"isCurrent\": true,\n"
                      "    \"protocols\": [\n      \"https\"\n    ],\n    \"serviceUrl\": \"https://backend.example/" +
                      name + "\",\n    \"subscriptionRequired\": true\n  }\n}");
            std::string spec = "openapi: 3.0.1\ninfo:\n  title: " + name + "\n  version: '1'\npaths:\n";
            for (int o = 0; o < 20; ++o) {
                const std::string op = "op-" + std::to_string(o);
                spec += "  /items" + std::to_string(o) + "/{id}:\n    get:\n      operationId: " + op +
                        "\n      summary: Operation " + std::to_string(o) +
                        "\n      parameters:\n        - name: id\n          in: path\n          required: true\n"
                        "          schema:\n            type: integer\n      responses:\n        '200':\n"
                        "          description: OK\n          content:\n            application/json:\n"
                        "              example:\n                id: 1\n                name: item\n";
                write(api / "operations" / op / "policy.xml",
                      "<policies>\n\t<inbound>\n\t\t<base />\n\t</inbound>\n</policies>");
            }
            write(api / "specification.yaml", spec);
            write(api / "policy.xml", "<policies>\n\t<inbound>\n\t\t<base />\n\t</inbound>\n</policies>");
        }
        for (int p = 0; p < 20; ++p) {
            const fs::path product = folder / "products" / ("product-" + std::to_string(p));
            write(product / "productInformation.json",
                  R"({"properties": {"displayName": "P", "state": "published", "subscriptionRequired": true}})");
            for (int a = p; a < 500; a += 20)
                write(product / "apis" / ("api-" + std::to_string(a)) / "productApiInformation.json", "{}");
            write(folder / "subscriptions" / ("sub-" + std::to_string(p)) / "subscriptionInformation.json",
                  R"({"properties": {"displayName": "S", "scope": "/products/product-)" + std::to_string(p) +
                      R"(", "state": "active"}})");
        }
        for (int v = 0; v < 100; ++v)
            write(folder / "named values" / ("value-" + std::to_string(v)) / "namedValueInformation.json",
                  R"({"properties": {"displayName": "value-)" + std::to_string(v) +
                      R"(", "secret": false, "value": "x"}})");
        return folder;
    }();
    return root;
}

void LoadWorkspace500Apis10kOperations(benchmark::State &state)
{
    const fs::path &root = generatedWorkspace();
    std::size_t operations = 0;
    for (auto _ : state) {
        auto loaded = gw::store::readWorkspace(root);
        operations = 0;
        for (const auto &api : loaded.workspace.apis)
            operations += api.contract.operations.size();
        benchmark::DoNotOptimize(loaded);
    }
    state.counters["operations"] = static_cast<double>(operations);
}
BENCHMARK(LoadWorkspace500Apis10kOperations)->Unit(benchmark::kMillisecond)->MinTime(3);

void SaveUnchangedWorkspace(benchmark::State &state)
{
    auto loaded = gw::store::readWorkspace(generatedWorkspace());
    for (auto _ : state) {
        auto report = gw::store::saveWorkspace(loaded, gw::model::Workspace(loaded.workspace));
        benchmark::DoNotOptimize(report);
    }
}
BENCHMARK(SaveUnchangedWorkspace)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    fs::remove_all(generatedWorkspace());
    return 0;
}
