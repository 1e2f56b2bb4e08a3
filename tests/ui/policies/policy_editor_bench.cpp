// Not a test: what one keystroke in the policy editor costs on a 300-line policy once the debounce has passed —
// restyling the text and the engine's check of it (build in Release).
#include <ui/policies/policy_diagnostics.h>
#include <ui/policies/policy_format.h>
#include <ui/policies/policy_lexer.h>

#include <benchmark/benchmark.h>

#include <string>

namespace {

std::string policyOf300Lines()
{
    std::string text = "<policies>\n\t<inbound>\n\t\t<base />\n";
    int lines = 3;
    for (int i = 0; lines < 290; ++i) {
        text += "\t\t<set-header name=\"X-H" + std::to_string(i) +
                "\" exists-action=\"override\">\n\t\t\t<value>@(context.Request.Headers.GetValueOrDefault(\"a\", "
                "\"b\") + \"-" +
                std::to_string(i) + "\")</value>\n\t\t</set-header>\n";
        text += "\t\t<set-variable name=\"v" + std::to_string(i) +
                "\" value=\"@(context.Request.Url.Query.GetValueOrDefault(&quot;q&quot;, &quot;&quot;))\" />\n";
        lines += 4;
    }
    text += "\t</inbound>\n\t<backend>\n\t\t<base />\n\t</backend>\n\t<outbound>\n\t\t<base />\n\t</outbound>\n"
            "\t<on-error>\n\t\t<base />\n\t</on-error>\n</policies>\n";
    return text;
}

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
