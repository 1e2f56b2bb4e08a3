// Not a test: what one keystroke in the policy editor costs on a 300-line policy once the debounce has passed —
// restyling the text and the engine's check of it (build in Release).
#include <ui/policies/policy_diagnostics.h>
#include <ui/policies/policy_format.h>
#include <ui/policies/policy_lexer.h>

#include "long_policy.h"

#include <benchmark/benchmark.h>

#include <string>

namespace {

using gh::test::policyOf300Lines;

void checkText(benchmark::State &state)
{
    gh::policies::CheckRequest request{policyOf300Lines(), "apis/a/operations/o/policy.xml",
                                       gw::policy::DocumentKind::Operation, std::make_shared<gw::model::Workspace>(),
                                       false};
    for (auto _ : state)
        benchmark::DoNotOptimize(gh::policies::checkPolicyText(request));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * request.text.size()));
}
BENCHMARK(checkText)->Unit(benchmark::kMicrosecond);

void styleText(benchmark::State &state)
{
    const std::string text = policyOf300Lines();
    for (auto _ : state)
        benchmark::DoNotOptimize(gh::policies::stylePolicy(text));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(styleText)->Unit(benchmark::kMicrosecond);

void formatText(benchmark::State &state)
{
    const std::string text = policyOf300Lines();
    for (auto _ : state)
        benchmark::DoNotOptimize(gh::policies::formatPolicy(text, "\t"));
}
BENCHMARK(formatText)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
