// Not a test: what validate-content costs per request once its schema is compiled, and what compiling costs (which
// is why schemas are compiled once per configuration, never per request). Build in Release.

#include <policy/policies/validation.h>

#include <benchmark/benchmark.h>

#include <string>

namespace {

using gw::policy::validation::JsonSchema;

const nlohmann::ordered_json &petSchema()
{
    static const nlohmann::ordered_json schema = nlohmann::ordered_json::parse(R"({
        "type": "object",
        "required": ["name", "tags"],
        "additionalProperties": false,
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 64},
            "kind": {"type": "string", "enum": ["dog", "cat", "parrot"]},
            "age": {"type": "integer", "minimum": 0},
            "code": {"type": "string", "pattern": "^[A-Z]{3}-[0-9]{4}$"},
            "tags": {"type": "array", "items": {"type": "object", "required": ["key"],
                     "properties": {"key": {"type": "string"}, "value": {"type": "string", "nullable": true}}}}
        }
    })");
    return schema;
}

std::string body()
{
    std::string text = R"({"name": "Rex", "kind": "dog", "age": 3, "code": "ABC-1234", "tags": [)";
    for (int i = 0; i < 20; ++i)
        text += std::string(i ? "," : "") + R"({"key": "k)" + std::to_string(i) + R"(", "value": "v"})";
    return text + "]}";
}

void compileSchema(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(JsonSchema::compile(petSchema(), nullptr, JsonSchema::AdditionalProperties::AsSchema));
}
BENCHMARK(compileSchema);

// Parse the body and validate it: the per-request work of a JSON content check.
void validateBody(benchmark::State &state)
{
    const auto schema = JsonSchema::compile(petSchema(), nullptr, JsonSchema::AdditionalProperties::AsSchema);
    const std::string text = body();
    for (auto _ : state) {
        const auto value = nlohmann::json::parse(text);
        benchmark::DoNotOptimize(schema->validate(value));
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(validateBody);

} // namespace

BENCHMARK_MAIN();
