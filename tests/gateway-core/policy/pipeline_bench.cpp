// Not a test: the cost of running a compiled pipeline whose inbound section holds ten policies, per request,
// without the network (the backend answers at once). Build in Release:
//   cmake --build build-ci --target policy_pipeline_bench && build-ci/tests/gateway-core/policy/policy_pipeline_bench

#include <policy/compiler.h>
#include <policy/run.h>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

namespace {

using namespace gw;

constexpr const char *kPolicy = R"xml(<policies>
  <inbound>
    <check-header name="X-Tenant" failed-check-httpcode="401" failed-check-error-message="no tenant" ignore-case="true" />
    <set-variable name="tenant" value="@(context.Request.Headers.GetValueOrDefault("X-Tenant", ""))" />
    <set-variable name="started" value="inbound" />
    <set-header name="X-Api" exists-action="override"><value>@(context.Api.Name)</value></set-header>
    <set-header name="X-Static" exists-action="override"><value>static</value></set-header>
    <set-header name="X-Tenant-Upper" exists-action="override"><value>@(((string)context.Variables["tenant"]).ToUpper())</value></set-header>
    <set-header name="X-Remove" exists-action="delete" />
    <set-query-parameter name="page" exists-action="skip"><value>1</value></set-query-parameter>
    <choose>
      <when condition="@(context.Request.Method == "POST")"><set-header name="X-Post" exists-action="override"><value>yes</value></set-header></when>
      <otherwise><set-header name="X-Get" exists-action="override"><value>yes</value></set-header></otherwise>
    </choose>
    <rewrite-uri template="/v2/items" copy-unmatched-params="true" />
  </inbound>
  <backend><forward-request /></backend>
  <outbound />
  <on-error />
</policies>)xml";

class ImmediateTransport final : public policy::Transport {
public:
    void send(http::BackendRequest, std::function<void(http::BackendResult)> done) override
    {
        http::BackendResult result;
        result.response.status = 200;
        done(std::move(result));
    }
    void after(std::chrono::milliseconds, std::function<void()> done) override { done(); }
};

void BM_TenPolicyInbound(benchmark::State &state)
{
    model::Workspace workspace;
    model::Api api;
    api.name = "orders";
    api.path = "orders";
    api.serviceUrl = "http://backend.test";
    model::Operation operation;
    operation.name = "list";
    operation.method = "GET";
    operation.urlTemplate = "/items";
    api.contract.operations.push_back(operation);
    api.policy = model::PolicyText{kPolicy};
    workspace.apis.push_back(api);
    const policy::CompiledPolicies compiled = policy::compilePolicies(workspace);
    for (const auto &d : compiled.diagnostics)
        std::cerr << format(d) << '\n';
    const model::Api *apiModel = &workspace.apis[0];
    const policy::Pipeline *pipeline = compiled.policies.pipeline(apiModel, &apiModel->contract.operations[0], nullptr);
    if (!pipeline) {
        state.SkipWithError("no pipeline");
        return;
    }

    expr::Context prototype;
    prototype.request.method = "GET";
    prototype.request.url = expr::Url::parse("http://backend.test/items?sort=asc");
    prototype.request.originalUrlText = "http://gateway.test/orders/items?sort=asc";
    prototype.request.headers.add("X-Tenant", "contoso");
    prototype.request.headers.add("X-Remove", "1");
    prototype.request.headers.add("Accept", "application/json");
    prototype.request.headers.add("User-Agent", "bench");
    prototype.workspace = &workspace;
    prototype.api = apiModel;
    prototype.operation = &apiModel->contract.operations[0];

    ImmediateTransport transport;
    policy::Services services;
    int status = 0;
    for (auto _ : state) {
        policy::RunOptions options;
        options.services = &services;
        options.backendBaseUrl = "http://backend.test";
        options.operationPath = "/items";
        options.rawQuery = "sort=asc";
        policy::Run::start(*pipeline, expr::Context(prototype), transport, std::move(options),
                           [&status](policy::RunResult result) { status = result.response.status; });
        benchmark::DoNotOptimize(status);
    }
    if (status != 200)
        state.SkipWithError("the pipeline did not answer 200");
}
BENCHMARK(BM_TenPolicyInbound);

} // namespace

BENCHMARK_MAIN();
