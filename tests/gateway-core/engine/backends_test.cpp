// Backend entities through the whole engine, with real sockets: credentials, load-balanced pools and circuit
// breakers as set-backend-service backend-id uses them.
#include <engine/engine.h>
#include <http/server.h>

#include <http_client.h>
#include <temp_folder.h>

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

namespace gw::engine {

namespace {

using test::TempFolder;

// A backend that counts its calls, remembers the last request and answers with a status the test sets.
struct Backend {
    std::atomic<int> status = 200;
    std::atomic<int> calls = 0;
    std::mutex mutex;
    std::string lastTarget;
    http::Headers lastHeaders;
    std::unique_ptr<http::Server> server;

    std::string url() const { return server->address(); }
};

std::unique_ptr<Backend> startBackend()
{
    auto backend = std::make_unique<Backend>();
    Backend *raw = backend.get();
    backend->server = std::make_unique<http::Server>(http::ServerOptions{.threads = 1}, [raw](auto exchange) {
        {
            const std::lock_guard lock(raw->mutex);
            raw->lastTarget = exchange->request().target;
            raw->lastHeaders = exchange->request().headers;
        }
        ++raw->calls;
        http::Response response;
        response.status = raw->status;
        response.body = "ok";
        exchange->respond(std::move(response));
    });
    EXPECT_TRUE(backend->server->start().ok());
    return backend;
}

std::string operationPolicy(const std::string &backendId)
{
    return "<policies><inbound><base /><set-backend-service backend-id=\"" + backendId +
           "\" /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error>"
           "</policies>";
}

std::string breaker(int count, const std::string &tripDuration)
{
    return R"("circuitBreaker": {"rules": [{"name": "trip-on-5xx", "failureCondition": {"count": )" +
           std::to_string(count) +
           R"(, "interval": "PT1M", "statusCodeRanges": [{"min": 500, "max": 599}]}, "tripDuration": ")" +
           tripDuration + R"("}]},)";
}

void writeSingle(const TempFolder &folder, const std::string &name, const std::string &url,
                 const std::string &extra = {})
{
    folder.write("backends/" + name + "/backendInformation.json",
                 R"({"properties": {)" + extra + R"("protocol": "http", "type": "Single", "url": ")" + url + R"("}})");
}

// An API "svc" whose operation <name> sends to the backend entity <backend>.
void writeApi(const TempFolder &folder, const std::vector<std::pair<std::string, std::string>> &operations)
{
    folder.write("policy.xml", "<policies><inbound /><backend><forward-request /></backend><outbound /><on-error />"
                               "</policies>");
    folder.write("apis/svc/apiInformation.json",
                 R"({"properties": {"path": "svc", "apiRevision": "1", "displayName": "Svc", "isCurrent": true,)"
                 R"( "serviceUrl": "http://127.0.0.1:1", "subscriptionRequired": false}})");
    std::string spec = "openapi: 3.0.1\ninfo:\n  title: Svc\n  version: '1'\npaths:\n";
    for (const auto &[name, backend] : operations) {
        spec += "  /" + name + ":\n    get:\n      operationId: " + name +
                "\n      responses:\n        '200':\n          description: OK\n";
        folder.write("apis/svc/operations/" + name + "/policy.xml", operationPolicy(backend));
    }
    folder.write("apis/svc/specification.yaml", spec);
}

struct Running {
    TempFolder folder;
    std::unique_ptr<Engine> engine;

    void start()
    {
        engine =
            std::make_unique<Engine>(EngineOptions{.workspace = folder.path(), .threads = 1, .useSecretStore = false});
        const auto started = engine->start();
        ASSERT_TRUE(started.ok());
    }
    test::RawResponse get(const std::string &target) { return test::get(engine->port(), target); }
};

} // namespace

TEST(Backends, CredentialsArriveAtTheBackend)
{
    auto orders = startBackend();
    Running gateway;
    gateway.folder.write("named values/orders-key/namedValueInformation.json",
                         R"({"properties": {"displayName": "orders-key", "value": "k-123"}})");
    writeSingle(gateway.folder, "orders", orders->url() + "/api",
                R"("credentials": {"header": {"x-functions-key": ["{{orders-key}}"]}, "query": {"code": ["s3cr3t"]},)"
                R"( "authorization": {"scheme": "Bearer", "parameter": "t-456"}},)");
    writeApi(gateway.folder, {{"creds", "orders"}});
    gateway.start();

    const auto response = gateway.get("/svc/creds?x=1");
    EXPECT_EQ(response.status, 200);
    const std::lock_guard lock(orders->mutex);
    EXPECT_EQ(orders->lastTarget, "/api/creds?x=1&code=s3cr3t");
    EXPECT_EQ(orders->lastHeaders.get("x-functions-key"), "k-123");
    EXPECT_EQ(orders->lastHeaders.get("Authorization"), "Bearer t-456");
}

// A traced request shows which credentials were added, never their values (a secret named value here).
TEST(Backends, TracesNameCredentialsWithoutTheirValues)
{
    auto orders = startBackend();
    Running gateway;
    gateway.folder.write("named values/orders-key/namedValueInformation.json",
                         R"({"properties": {"displayName": "orders-key", "secret": true, "value": "very-secret-1"}})");
    writeSingle(gateway.folder, "orders", orders->url(),
                R"("credentials": {"header": {"x-functions-key": ["{{orders-key}}"]},)"
                R"( "query": {"code": ["{{orders-key}}"]}},)");
    writeApi(gateway.folder, {{"creds", "orders"}});
    gateway.start();

    test::Connection connection(gateway.engine->port());
    connection.send("GET /svc/creds HTTP/1.1\r\nHost: x\r\nApim-Debug-Authorization: " + gateway.engine->traceToken() +
                    "\r\n\r\n");
    const auto response = connection.read();
    ASSERT_EQ(response.status, 200);
    {
        const std::lock_guard lock(orders->mutex);
        EXPECT_EQ(orders->lastHeaders.get("x-functions-key"), "very-secret-1");
        EXPECT_EQ(orders->lastTarget, "/creds?code=very-secret-1");
    }
    const auto trace = gateway.engine->trace(response.headers.at("apim-trace-id"));
    ASSERT_TRUE(trace);
    bool named = false;
    for (const policy::TraceEntry &entry : trace->entries) {
        EXPECT_EQ(entry.message.find("very-secret-1"), std::string::npos);
        for (const std::string &change : entry.changes) {
            EXPECT_EQ(change.find("very-secret-1"), std::string::npos) << change;
            named = named || change.find("credential header x-functions-key") != std::string::npos;
        }
    }
    EXPECT_TRUE(named);
}

TEST(Backends, APoolSpreadsRequestsByWeight)
{
    auto west = startBackend();
    auto east = startBackend();
    auto dr = startBackend();
    Running gateway;
    writeSingle(gateway.folder, "west", west->url());
    writeSingle(gateway.folder, "east", east->url());
    writeSingle(gateway.folder, "dr", dr->url());
    gateway.folder.write("backends/regions/backendInformation.json",
                         R"({"properties": {"type": "Pool", "pool": {"services": [)"
                         R"({"id": "/backends/west", "priority": 1, "weight": 3},)"
                         R"({"id": "/backends/east", "priority": 1, "weight": 1},)"
                         R"({"id": "/backends/dr", "priority": 2}]}}})");
    writeApi(gateway.folder, {{"pool", "regions"}});
    gateway.start();

    for (int i = 0; i < 40; ++i)
        EXPECT_EQ(gateway.get("/svc/pool").status, 200);
    EXPECT_EQ(west->calls, 30);
    EXPECT_EQ(east->calls, 10);
    EXPECT_EQ(dr->calls, 0); // a lower priority takes traffic only when the first group is unavailable
}

TEST(Backends, AFailingBackendTripsItsCircuitAndRecoversAfterTheTripDuration)
{
    auto fragile = startBackend();
    fragile->status = 500;
    Running gateway;
    writeSingle(gateway.folder, "fragile", fragile->url(), breaker(2, "PT1S"));
    writeApi(gateway.folder, {{"fragile", "fragile"}});
    gateway.start();

    EXPECT_EQ(gateway.get("/svc/fragile").status, 500);
    EXPECT_EQ(gateway.get("/svc/fragile").status, 500);
    // Two 5xx within the interval: the circuit is open, the backend is not called.
    const auto open = gateway.get("/svc/fragile");
    EXPECT_EQ(open.status, 503);
    EXPECT_EQ(open.headers.at("retry-after"), "1");
    EXPECT_EQ(open.body, R"({"statusCode": 503, "message": "Service Unavailable"})");
    EXPECT_EQ(gateway.get("/svc/fragile").status, 503);
    EXPECT_EQ(fragile->calls, 2);

    // A reload keeps the circuit's state: the backend is still not called.
    gateway.folder.write("apis/svc/operations/fragile/policy.xml", operationPolicy("fragile") + "<!-- changed -->");
    ASSERT_TRUE(gateway.engine->reload().ok());
    EXPECT_EQ(gateway.get("/svc/fragile").status, 503);
    EXPECT_EQ(fragile->calls, 2);

    // The backend recovers; after the trip duration the circuit lets requests through again.
    fragile->status = 200;
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    EXPECT_EQ(gateway.get("/svc/fragile").status, 200);
    EXPECT_EQ(fragile->calls, 3);
}

TEST(Backends, APoolFailsOverToTheNextPriorityWhenTheFirstGroupsCircuitsAreOpen)
{
    auto primaryA = startBackend();
    auto primaryB = startBackend();
    auto secondary = startBackend();
    primaryA->status = 503;
    primaryB->status = 500;
    Running gateway;
    writeSingle(gateway.folder, "primary-a", primaryA->url(), breaker(1, "PT1M"));
    writeSingle(gateway.folder, "primary-b", primaryB->url(), breaker(1, "PT1M"));
    writeSingle(gateway.folder, "secondary", secondary->url(), breaker(1, "PT1M"));
    gateway.folder.write("backends/failover/backendInformation.json",
                         R"({"properties": {"type": "Pool", "pool": {"services": [)"
                         R"({"id": "/backends/primary-a", "priority": 1},)"
                         R"({"id": "/backends/primary-b", "priority": 1},)"
                         R"({"id": "/backends/secondary", "priority": 2}]}}})");
    writeApi(gateway.folder, {{"failover", "failover"}});
    gateway.start();

    EXPECT_EQ(gateway.get("/svc/failover").status, 503); // primary-a answers 503 and trips
    EXPECT_EQ(gateway.get("/svc/failover").status, 500); // primary-b answers 500 and trips
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(gateway.get("/svc/failover").status, 200);
    EXPECT_EQ(primaryA->calls, 1);
    EXPECT_EQ(primaryB->calls, 1);
    EXPECT_EQ(secondary->calls, 5);

    // The last group fails too: nothing is available, 503 without calling any backend.
    secondary->status = 500;
    EXPECT_EQ(gateway.get("/svc/failover").status, 500);
    const auto none = gateway.get("/svc/failover");
    EXPECT_EQ(none.status, 503);
    EXPECT_EQ(none.headers.at("retry-after"), "60");
    EXPECT_EQ(primaryA->calls + primaryB->calls + secondary->calls, 8);
}

} // namespace gw::engine
