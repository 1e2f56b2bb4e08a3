#pragma once

// The request every case file runs against (cases/README.md lists what it holds).

#include <expr/context.h>

#include <memory>

namespace gw::expr::test {

inline constexpr const char *fixtureJwt =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyLCJhdWQiOlsiYXBpOi8vYSIsImFwaTovL2IiXSwiaX"
    "NzIjoiaHR0cHM6Ly9pc3N1ZXIuZXhhbXBsZSIsImV4cCI6MTg5MzQ1NjAwMCwicm9sZXMiOlsiYWRtaW4iLCJyZWFkZXIiXSwianRpIjoiaWQtMSJ9"
    "."
    "c2lnbmF0dXJl";

// The model objects the context points into; one instance lives for the whole test program.
struct FixtureModel {
    model::Api api;
    model::Operation operation;
    model::Product product;
    model::Subscription subscription;
    model::Workspace workspace;

    FixtureModel()
    {
        api.name = "orders";
        api.displayName = "Orders API";
        api.path = "orders";
        api.apiRevision = "2";
        api.apiVersion = "v1";
        api.isCurrent = true;
        api.serviceUrl = "https://backend.contoso.com/api";
        operation.name = "get-order";
        operation.displayName = "Get order";
        operation.method = "GET";
        operation.urlTemplate = "/orders/{id}";
        product.name = "starter";
        product.displayName = "Starter";
        product.state = "published";
        product.subscriptionRequired = true;
        product.subscriptionsLimit = 1;
        subscription.name = "sub-1";
        subscription.displayName = "Subscription One";
        subscription.primaryKey = "key-1";
        subscription.secondaryKey = "key-2";
    }
};

inline const FixtureModel &fixtureModel()
{
    static const FixtureModel model;
    return model;
}

inline Context makeContext()
{
    const FixtureModel &m = fixtureModel();
    Context c;
    c.request.method = "POST";
    c.request.url = Url::parse("https://backend.contoso.com/api/orders/42?color=red&size=L&tag=a&tag=b");
    c.request.originalUrlText = "https://gateway.contoso.com/orders/42?color=red&size=L&tag=a&tag=b";
    c.request.headers.add("Authorization", std::string("Bearer ") + fixtureJwt);
    c.request.headers.add("Content-Type", "application/json");
    c.request.headers.add("X-A", "alpha");
    c.request.headers.add("X-Multi", "one");
    c.request.headers.add("X-Multi", "two");
    c.request.headers.add("X-Num", "21");
    c.request.headers.add("X-Basic", "Basic dXNlcjpwYXNz"); // user:pass
    c.request.headers.add("Accept", "application/json");
    c.request.body = R"({"id":42,"name":"Widget","tags":["a","b"],"price":9.5,"nested":{"flag":true,"count":3},)"
                     R"("items":[{"sku":"a","qty":1},{"sku":"b","qty":3},{"sku":"c","qty":2}],"none":null})";
    c.request.ipAddress = "203.0.113.7";
    c.request.matchedParameters = {{"id", "42"}};
    c.response.statusCode = 200;
    c.response.statusReason = "OK";
    c.response.headers.add("Content-Type", "application/json");
    c.response.headers.add("Cache-Control", "public, max-age=60");
    c.response.body = R"({"status":"ok","count":2})";
    c.variables["name"] = makeString("Alice");
    c.variables["count"] = makeInteger(5);
    c.variables["big"] = makeInteger(5'000'000'000);
    c.variables["flag"] = makeBool(true);
    c.variables["empty"] = makeString("");
    auto stored = std::make_shared<ResponseState>();
    stored->statusCode = 201;
    stored->statusReason = "Created";
    stored->headers.add("Location", "/orders/43");
    stored->body = R"({"fixed":"yes","n":7})";
    c.variables["sideResponse"] = makeResponse(stored);
    c.workspace = &m.workspace;
    c.api = &m.api;
    c.operation = &m.operation;
    c.product = &m.product;
    c.subscription = &m.subscription;
    c.subscriptionKey = "key-1";
    c.lastError = LastError{"rate-limit", "RateLimitExceeded", "Rate limit is exceeded.",
                            "api",        "inbound",           "choose[1]/when[1]/rate-limit[1]",
                            "limiter"};
    c.requestId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    c.timestamp = std::chrono::system_clock::time_point(std::chrono::seconds(1705314600)); // 2024-01-15T10:30:00Z
    c.started = std::chrono::steady_clock::now();
    c.tracing = true;
    return c;
}

} // namespace gw::expr::test
