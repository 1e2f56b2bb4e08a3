// Not a test: the cost of evaluating compiled expressions (build in Release).
//   build-expr/tests/gateway-core/expr/expr_bench
// Targets: a header read under 200 ns, a 10-statement block with JObject work under 5 us.

#include "fixture.h"

#include <expr/program.h>

#include <benchmark/benchmark.h>

namespace gw::expr::test {
namespace {

Program compileOrDie(std::string_view source, Form form)
{
    auto result = Program::compile(source, form, Origin{"bench.xml", 1, 1});
    if (!result.program) {
        std::fprintf(stderr, "%s\n", format(result.diagnostics.front()).c_str());
        std::abort();
    }
    return *result.program;
}

void run(benchmark::State &state, const Program &program, Context &context)
{
    for (auto _ : state) {
        Evaluation result = program.evaluate(context);
        benchmark::DoNotOptimize(result);
        if (!result.ok()) {
            state.SkipWithError(result.error->message.c_str());
            break;
        }
    }
}

void HeaderRead(benchmark::State &state)
{
    const Program program = compileOrDie(R"(context.Request.Headers.GetValueOrDefault("X-A",""))", Form::Single);
    Context context = makeContext();
    run(state, program, context);
}
BENCHMARK(HeaderRead);

void VariableCompare(benchmark::State &state)
{
    const Program program =
        compileOrDie(R"(context.Variables.GetValueOrDefault<string>("name", "") == "Alice")", Form::Single);
    Context context = makeContext();
    run(state, program, context);
}
BENCHMARK(VariableCompare);

void InterpolatedString(benchmark::State &state)
{
    const Program program =
        compileOrDie(R"($"{context.Request.Method}:{context.Request.MatchedParameters["id"]}")", Form::Single);
    Context context = makeContext();
    run(state, program, context);
}
BENCHMARK(InterpolatedString);

// Ten statements building and reading a small JObject, as transformation policies do.
void JObjectBlock(benchmark::State &state)
{
    const Program program = compileOrDie(R"(
        var result = new JObject();
        result["method"] = context.Request.Method;
        result["path"] = context.Request.Url.Path;
        result["client"] = context.Request.Headers.GetValueOrDefault("X-A", "none");
        var tags = new JArray();
        tags.Add("a");
        tags.Add("b");
        result["tags"] = tags;
        result["count"] = tags.Count;
        return result.ToString(Formatting.None);
    )",
                                         Form::Block);
    Context context = makeContext();
    run(state, program, context);
}
BENCHMARK(JObjectBlock);

// Reading the body as a JObject (parse included) and picking fields.
void BodyFields(benchmark::State &state)
{
    const Program program = compileOrDie(R"(
        var body = context.Request.Body.As<JObject>(preserveContent: true);
        return (string)body["name"] + ":" + (int)body["nested"]["count"];
    )",
                                         Form::Block);
    Context context = makeContext();
    run(state, program, context);
}
BENCHMARK(BodyFields);

void Compile(benchmark::State &state)
{
    for (auto _ : state) {
        auto result =
            Program::compile(R"(context.Request.Headers.GetValueOrDefault("Authorization","").AsJwt()?.Subject)",
                             Form::Single, Origin{"bench.xml", 1, 1});
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(Compile);

} // namespace
} // namespace gw::expr::test

BENCHMARK_MAIN();
