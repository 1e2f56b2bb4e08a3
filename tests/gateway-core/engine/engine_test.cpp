#include <engine/engine.h>
#include <http/server.h>

#include <http_client.h>
#include <temp_folder.h>

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

namespace gw::engine {

namespace fs = std::filesystem;

namespace {

using test::TempFolder;

// A backend that answers every request with its path.
std::unique_ptr<http::Server> startBackend()
{
    auto backend = std::make_unique<http::Server>(http::ServerOptions{.threads = 1}, [](auto exchange) {
        http::Response response;
        response.body = "backend saw " + exchange->request().target;
        exchange->respond(std::move(response));
    });
    EXPECT_TRUE(backend->start().ok());
    return backend;
}

void writeWorkspace(const TempFolder &folder, const std::string &backendUrl, const std::string &path = "orders")
{
    folder.write("apis/orders/apiInformation.json",
                 R"({"properties": {"path": ")" + path +
                     R"(", "apiRevision": "1", "displayName": "Orders", "serviceUrl": ")" + backendUrl +
                     R"(/v1", "subscriptionRequired": true}})");
    folder.write("apis/orders/specification.yaml",
                 "openapi: 3.0.1\ninfo:\n  title: Orders\n  version: '1'\npaths:\n  /orders/{id}:\n    get:\n"
                 "      operationId: get-order\n      responses:\n        '200':\n          description: OK\n");
    folder.write(
        "subscriptions/app/subscriptionInformation.json",
        R"({"properties": {"displayName": "App", "scope": "/apis", "primaryKey": "key-1", "state": "active"}})");
}

std::string keyed(const std::string &target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: x\r\nOcp-Apim-Subscription-Key: key-1\r\n\r\n";
}

} // namespace

TEST(Engine, RoutesChecksKeysAndForwards)
{
    auto backend = startBackend();
    TempFolder folder;
    writeWorkspace(folder, backend->address());
    Engine engine({.workspace = folder.path(), .threads = 1, .useSecretStore = false});
    ASSERT_TRUE(engine.start().ok());

    EXPECT_EQ(test::get(engine.port(), kHealthPath).status, 200);
    test::Connection connection(engine.port());
    connection.send(keyed("/orders/orders/42?x=1"));
    const auto ok = connection.read();
    EXPECT_EQ(ok.status, 200);
    EXPECT_EQ(ok.body, "backend saw /v1/orders/42?x=1");

    const auto unknown = test::get(engine.port(), "/nowhere");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.body, R"({"statusCode": 404, "message": "Resource not found"})");
    const auto missing = test::get(engine.port(), "/orders/orders/42");
    EXPECT_EQ(missing.status, 401);
    EXPECT_NE(missing.body.find("missing subscription key"), std::string::npos);

    // Every request left a record on the log bus.
    auto subscription = engine.logBus().subscribe("test");
    test::Connection again(engine.port());
    again.send(keyed("/orders/orders/7"));
    EXPECT_EQ(again.read().status, 200);
    // (A record is published right after its response, so the 401 above may arrive too.)
    std::vector<telemetry::RequestRecord> records;
    auto seen = [&] {
        return std::any_of(records.begin(), records.end(), [](const auto &r) { return r.path == "/orders/orders/7"; });
    };
    for (int i = 0; i < 100 && !seen(); ++i) {
        subscription.drain(records);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::erase_if(records, [](const auto &r) { return r.path != "/orders/orders/7"; });
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].api, "orders");
    EXPECT_EQ(records[0].operation, "get-order");
    EXPECT_EQ(records[0].subscription, "app");
    EXPECT_EQ(records[0].status, 200);
    EXPECT_GT(records[0].backendLatency.count(), 0);
}

TEST(Engine, AnUnreachableBackendAnswersInApimsShape)
{
    TempFolder folder;
    writeWorkspace(folder, "http://127.0.0.1:1");
    Engine engine({.workspace = folder.path(), .threads = 1, .useSecretStore = false});
    ASSERT_TRUE(engine.start().ok());
    test::Connection connection(engine.port());
    connection.send(keyed("/orders/orders/1"));
    const auto response = connection.read();
    EXPECT_EQ(response.status, 500);
    EXPECT_EQ(response.headers.at("content-type"), "application/json");
    EXPECT_NE(response.body.find("\"statusCode\": 500"), std::string::npos);
}

// Configurations are swapped while clients send requests as fast as they can:
// no request may fail or see a half-applied configuration.
TEST(Engine, AppliesNewConfigurationsUnderLoadWithoutFailingARequest)
{
    auto backend = startBackend();
    TempFolder folder;
    writeWorkspace(folder, backend->address());
    Engine engine({.workspace = folder.path(), .threads = 2, .useSecretStore = false});
    ASSERT_TRUE(engine.start().ok());

    std::atomic<bool> stop = false;
    std::atomic<int> ok = 0;
    std::atomic<int> failed = 0;
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c) {
        clients.emplace_back([&] {
            test::Connection connection(engine.port());
            while (!stop) {
                connection.send(keyed("/orders/orders/1"));
                const auto response = connection.read();
                (response.status == 200 && response.body == "backend saw /v1/orders/1" ? ok : failed)++;
            }
        });
    }
    // Each swap waits for more requests to complete, so that every one of them overlaps live traffic
    // whatever the speed of the machine.
    auto completed = [&] { return ok.load() + failed.load(); };
    auto waitForRequests = [&](int count) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (completed() < count && std::chrono::steady_clock::now() < deadline)
            std::this_thread::yield();
    };
    waitForRequests(20);
    const auto first = engine.config()->generation;
    for (int i = 0; i < 100; ++i) {
        const int before = completed();
        ASSERT_TRUE(engine.reload().ok());
        waitForRequests(before + 2);
    }
    stop = true;
    for (auto &client : clients)
        client.join();
    EXPECT_EQ(engine.config()->generation, first + 100);
    EXPECT_EQ(failed, 0);
    EXPECT_GT(ok, 200);
}

TEST(Engine, ARefusedConfigurationLeavesTheRunningOneServing)
{
    auto backend = startBackend();
    TempFolder folder;
    writeWorkspace(folder, backend->address());
    Engine engine({.workspace = folder.path(), .threads = 1, .useSecretStore = false});
    ASSERT_TRUE(engine.start().ok());

    folder.write("apis/orders/apiInformation.json", "{\n  \"properties\": {\n    \"path\": orders\n");
    const auto reloaded = engine.reload();
    ASSERT_FALSE(reloaded.ok());
    EXPECT_NE(reloaded.error().message.find("apis/orders/apiInformation.json:3:"), std::string::npos)
        << reloaded.error().message;
    test::Connection connection(engine.port());
    connection.send(keyed("/orders/orders/5"));
    EXPECT_EQ(connection.read().status, 200) << "the old configuration still serves";

    writeWorkspace(folder, backend->address(), "sales");
    ASSERT_TRUE(engine.reload().ok());
    connection.send(keyed("/sales/orders/5"));
    EXPECT_EQ(connection.read().status, 200);
}

TEST(Engine, RefusesToStartWithoutAWorkspace)
{
    Engine engine({.workspace = "/nonexistent/gatehouse/workspace"});
    const auto started = engine.start();
    ASSERT_FALSE(started.ok());
    EXPECT_NE(started.error().message.find("does not exist"), std::string::npos);
    EXPECT_FALSE(engine.isRunning());
}

TEST(Engine, DrainsRequestsInFlightBeforeStopping)
{
    std::vector<std::shared_ptr<http::Exchange>> held;
    std::mutex mutex;
    http::Server slowBackend({.threads = 1}, [&](std::shared_ptr<http::Exchange> exchange) {
        std::lock_guard lock(mutex);
        held.push_back(std::move(exchange));
    });
    ASSERT_TRUE(slowBackend.start().ok());
    TempFolder folder;
    writeWorkspace(folder, slowBackend.address());
    Engine engine({.workspace = folder.path(), .threads = 1, .useSecretStore = false});
    ASSERT_TRUE(engine.start().ok());

    auto eventually = [](auto condition) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!condition() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return condition();
    };
    const std::uint16_t port = engine.port();
    test::Connection connection(port);
    connection.send(keyed("/orders/orders/9"));
    ASSERT_TRUE(eventually([&] {
        std::lock_guard lock(mutex);
        return held.size() == 1;
    })) << "the request reached the backend";
    std::thread drainer([&] { engine.drain(std::chrono::seconds(10)); });
    EXPECT_TRUE(eventually([&] { return !test::Connection(port).isOpen(); })) << "no new connections while draining";
    {
        std::lock_guard lock(mutex);
        held.front()->respond(http::Response{200, {}, "late"});
    }
    EXPECT_EQ(connection.read().body, "late") << "the request in flight is answered";
    drainer.join();
    EXPECT_FALSE(engine.isRunning());
    std::lock_guard lock(mutex);
    held.clear(); // exchanges do not outlive their server
}

} // namespace gw::engine

namespace gw::engine {

// The console asks for a trace with its token: every policy step is recorded, the response names the trace, and a
// secret named value that a policy copies into a header never shows in it.
TEST(Engine, LogsAndMetricsGoToLocalSinks)
{
    auto backend = startBackend();
    TempFolder folder;
    writeWorkspace(folder, backend->address());
    folder.write("loggers/audit/loggerInformation.json", R"({"properties": {"loggerType": "azureEventHub"}})");
    folder.write("apis/orders/policy.xml", R"xml(<policies>
  <inbound>
    <base />
    <log-to-eventhub logger-id="audit" partition-key="@(context.Subscription.Name)">@("order " + context.Request.MatchedParameters["id"])</log-to-eventhub>
    <emit-metric name="Orders read" namespace="Shop" value="@(context.Request.MatchedParameters["id"].Length)">
      <dimension name="API ID" />
      <dimension name="Client" value="@(context.Request.Headers.GetValueOrDefault("X-Client", "none"))" />
    </emit-metric>
  </inbound>
  <backend><base /></backend>
  <outbound><base /></outbound>
  <on-error><base /></on-error>
</policies>)xml");
    const fs::path state = folder.path() / "state";
    Engine engine({.workspace = folder.path(), .threads = 1, .useSecretStore = false, .stateDirectory = state});
    ASSERT_TRUE(engine.start().ok()) << (engine.diagnostics().empty() ? "" : format(engine.diagnostics()[0]));

    test::Connection connection(engine.port());
    for (const char *id : {"42", "1234"}) {
        connection.send(keyed(std::string("/orders/orders/") + id));
        EXPECT_EQ(connection.read().status, 200);
    }

    std::ifstream file(state / "logs" / "audit.jsonl");
    std::vector<std::string> lines;
    for (std::string line; std::getline(file, line);)
        lines.push_back(line);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_NE(lines[0].find(R"("logger":"audit","partitionKey":"App","message":"order 42"})"), std::string::npos)
        << lines[0];
    EXPECT_NE(lines[1].find(R"("message":"order 1234")"), std::string::npos) << lines[1];
    EXPECT_EQ(engine.events().recentLogs("audit"), lines);

    const auto metrics = engine.events().metrics();
    ASSERT_EQ(metrics.size(), 1u);
    EXPECT_EQ(metrics[0].metricNamespace, "Shop");
    EXPECT_EQ(metrics[0].name, "Orders read");
    EXPECT_EQ(metrics[0].dimensions, (telemetry::Dimensions{{"API ID", "orders"}, {"Client", "none"}}));
    EXPECT_EQ(metrics[0].count, 2u);
    EXPECT_EQ(metrics[0].sum, 6.0);
    EXPECT_EQ(metrics[0].min, 2.0);
    EXPECT_EQ(metrics[0].max, 4.0);
}

TEST(Engine, CorsAnswersPreflightsWithoutAKeyUnlessTheOperationDefinesOptions)
{
    auto backend = startBackend();
    TempFolder folder;
    writeWorkspace(folder, backend->address());
    folder.write("apis/orders/specification.yaml",
                 "openapi: 3.0.1\ninfo:\n  title: Orders\n  version: '1'\npaths:\n  /orders/{id}:\n    get:\n"
                 "      operationId: get-order\n      responses:\n        '200':\n          description: OK\n"
                 "  /items:\n    options:\n      operationId: items-options\n      responses:\n        '200':\n"
                 "          description: OK\n");
    folder.write("apis/orders/policy.xml", R"xml(<policies>
  <inbound>
    <cors><allowed-origins><origin>https://app.example.com</origin></allowed-origins>
      <allowed-headers><header>*</header></allowed-headers></cors>
    <base />
  </inbound>
  <backend><base /></backend>
  <outbound><base /></outbound>
  <on-error><base /></on-error>
</policies>)xml");
    Engine engine({.workspace = folder.path(), .threads = 1, .useSecretStore = false});
    ASSERT_TRUE(engine.start().ok()) << (engine.diagnostics().empty() ? "" : format(engine.diagnostics()[0]));
    const auto preflight = [&](const std::string &target) {
        test::Connection connection(engine.port());
        connection.send("OPTIONS " + target +
                        " HTTP/1.1\r\nHost: x\r\nOrigin: https://app.example.com\r\n"
                        "Access-Control-Request-Method: GET\r\n\r\n");
        return connection.read();
    };

    // No OPTIONS operation: the preflight reaches GET /orders/{id}'s policies, needs no key, never the backend.
    const auto answered = preflight("/orders/orders/42");
    EXPECT_EQ(answered.status, 200);
    EXPECT_EQ(answered.headers.at("access-control-allow-origin"), "https://app.example.com");
    EXPECT_EQ(answered.headers.at("access-control-allow-methods"), "GET");
    EXPECT_TRUE(answered.body.empty()) << answered.body;

    // An operation that defines OPTIONS is an ordinary operation: its key is required as for any other.
    EXPECT_EQ(preflight("/orders/items").status, 401);
    // A path no operation has stays unknown.
    EXPECT_EQ(preflight("/orders/nowhere").status, 404);
}

TEST(Engine, TracesRequestsThatAskWithTheToken)
{
    auto backend = startBackend();
    TempFolder folder;
    writeWorkspace(folder, backend->address());
    folder.write("named values/api-token/namedValueInformation.json",
                 R"({"properties": {"displayName": "api-token", "secret": true, "value": "s3cr3t-value"}})");
    folder.write("apis/orders/policy.xml", R"xml(<policies>
  <inbound>
    <base />
    <set-header name="X-Token" exists-action="override"><value>{{api-token}}</value></set-header>
    <set-variable name="order" value="@(context.Request.MatchedParameters["id"])" />
  </inbound>
  <backend><base /></backend>
  <outbound><base /><set-header name="X-Order" exists-action="override"><value>@((string)context.Variables["order"])</value></set-header></outbound>
  <on-error><base /></on-error>
</policies>)xml");
    Engine engine({.workspace = folder.path(), .threads = 1, .useSecretStore = false});
    ASSERT_TRUE(engine.start().ok()) << (engine.diagnostics().empty() ? "" : format(engine.diagnostics()[0]));

    test::Connection plain(engine.port());
    plain.send(keyed("/orders/orders/42"));
    const auto untraced = plain.read();
    EXPECT_EQ(untraced.status, 200);
    EXPECT_EQ(untraced.headers.count("apim-trace-id"), 0u);
    EXPECT_EQ(untraced.headers.at("x-order"), "42");

    test::Connection traced(engine.port());
    traced.send("GET /orders/orders/42 HTTP/1.1\r\nHost: x\r\nOcp-Apim-Subscription-Key: key-1\r\n"
                "Apim-Debug-Authorization: " +
                engine.traceToken() + "\r\n\r\n");
    const auto response = traced.read();
    ASSERT_EQ(response.status, 200);
    ASSERT_EQ(response.headers.count("apim-trace-id"), 1u);
    const auto trace = engine.trace(response.headers.at("apim-trace-id"));
    ASSERT_NE(trace, nullptr);
    std::vector<std::string> steps;
    std::string everything;
    for (const auto &entry : trace->entries) {
        steps.push_back(entry.section + "/" + entry.scope + "/" + entry.source);
        everything += entry.message + "\n";
        for (const auto &change : entry.changes)
            everything += change + "\n";
    }
    EXPECT_EQ(steps, (std::vector<std::string>{"gateway//routing", "gateway//subscription", "inbound/api/set-header",
                                               "inbound/api/set-variable", "backend/global/forward-request",
                                               "outbound/api/set-header"}));
    EXPECT_NE(everything.find("variable order = 42"), std::string::npos) << everything;
    EXPECT_NE(everything.find("X-Token: \"{{api-token}}\""), std::string::npos) << everything;
    EXPECT_EQ(everything.find("s3cr3t"), std::string::npos) << everything;

    // A wrong token traces nothing.
    test::Connection wrong(engine.port());
    wrong.send("GET /orders/orders/42 HTTP/1.1\r\nHost: x\r\nOcp-Apim-Subscription-Key: key-1\r\n"
               "Apim-Debug-Authorization: nope\r\n\r\n");
    EXPECT_EQ(wrong.read().headers.count("apim-trace-id"), 0u);

    // A request refused for its missing key shows the step that refused it: the built-in authorization step
    // (LastError.Source "authorization", as in APIM), failed, with the 401's message.
    test::Connection keyless(engine.port());
    keyless.send("GET /orders/orders/42 HTTP/1.1\r\nHost: x\r\nApim-Debug-Authorization: " + engine.traceToken() +
                 "\r\n\r\n");
    const auto refused = keyless.read();
    ASSERT_EQ(refused.status, 401);
    ASSERT_EQ(refused.headers.count("apim-trace-id"), 1u);
    const auto refusal = engine.trace(refused.headers.at("apim-trace-id"));
    ASSERT_NE(refusal, nullptr);
    ASSERT_GE(refusal->entries.size(), 2u);
    EXPECT_EQ(refusal->entries[1].section, "gateway");
    EXPECT_EQ(refusal->entries[1].source, "authorization");
    EXPECT_EQ(refusal->entries[1].outcome, "fail");
    EXPECT_NE(refusal->entries[1].message.find("subscription key"), std::string::npos) << refusal->entries[1].message;
}

// A trace names the secret it hides: `{{name}}` as the policy wrote it stands where the value was, and a secret whose
// value holds another secret's value is masked whole, under its own name, never leaving a piece of it.
TEST(Engine, TracesNameTheSecretsTheyMask)
{
    auto backend = startBackend();
    TempFolder folder;
    writeWorkspace(folder, backend->address());
    folder.write("named values/backend-token/namedValueInformation.json",
                 R"({"properties": {"displayName": "backend-token", "secret": true, "value": "tok-9f8e7d-long"}})");
    folder.write("named values/token-part/namedValueInformation.json",
                 R"({"properties": {"displayName": "token-part", "secret": true, "value": "9f8e7d"}})");
    folder.write("named values/region/namedValueInformation.json",
                 R"({"properties": {"displayName": "region", "secret": false, "value": "west-9f"}})");
    folder.write("apis/orders/policy.xml", R"xml(<policies>
  <inbound>
    <base />
    <set-header name="Authorization" exists-action="override"><value>Bearer {{backend-token}}</value></set-header>
    <set-header name="X-Part" exists-action="override"><value>{{token-part}}-{{region}}</value></set-header>
  </inbound>
  <backend><base /></backend>
  <outbound><base /></outbound>
  <on-error><base /></on-error>
</policies>)xml");
    Engine engine({.workspace = folder.path(), .threads = 1, .useSecretStore = false});
    ASSERT_TRUE(engine.start().ok()) << (engine.diagnostics().empty() ? "" : format(engine.diagnostics()[0]));

    test::Connection traced(engine.port());
    traced.send("GET /orders/orders/42 HTTP/1.1\r\nHost: x\r\nOcp-Apim-Subscription-Key: key-1\r\n"
                "Apim-Debug-Authorization: " +
                engine.traceToken() + "\r\n\r\n");
    const auto response = traced.read();
    ASSERT_EQ(response.status, 200);
    const auto trace = engine.trace(response.headers.at("apim-trace-id"));
    ASSERT_NE(trace, nullptr);
    std::string everything;
    for (const auto &entry : trace->entries) {
        everything += entry.message + "\n";
        for (const auto &change : entry.changes)
            everything += change + "\n";
    }
    EXPECT_NE(everything.find("Authorization: \"Bearer {{backend-token}}\""), std::string::npos) << everything;
    EXPECT_NE(everything.find("X-Part: \"{{token-part}}-west-9f\""), std::string::npos) << everything;
    // Neither value, nor any piece of the longer one, shows anywhere.
    EXPECT_EQ(everything.find("9f8e7d"), std::string::npos) << everything;
    EXPECT_EQ(everything.find("tok-"), std::string::npos) << everything;
    EXPECT_EQ(everything.find("-long"), std::string::npos) << everything;
    EXPECT_EQ(everything.find("***"), std::string::npos) << everything;
}

} // namespace gw::engine
