#pragma once

#include <common/result.h>
#include <engine/compiled_config.h>
#include <http/message.h>
#include <http/server.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gw::engine {

// A policy test anyone can read: a request, what the backend answers, and what must come out. One behaviour per
// file; the format (README "Testing policies") is:
//
//   # a comment
//   --- policy inbound                      (optional, also backend | outbound | on-error: a snippet run on its own)
//   <set-header name="X-Env" exists-action="skip"><value>prod</value></set-header>
//   --- request
//   GET /orders?page=2 HTTP/1.1
//   X-Env: dev
//                                           (a blank line, then the body)
//   --- backend response                    (optional; the default is 200 with no body)
//   HTTP/1.1 200 OK
//   Content-Type: application/json
//
//   {"id": 1}
//   --- expect backend request              (or "--- expect no backend request")
//   GET /orders?page=2                      (optional first line: method and path with query, as the backend sees it)
//   X-Env: dev                              (listed headers must have this value; "!X-Env" must be absent)
//                                           (a blank line, then the exact body, when given)
//   --- expect response
//   HTTP/1.1 200                            (the status)
//   X-Trace: on
//
//   {"id": 1}                               (compared as JSON when both sides are JSON)
struct Scenario {
    std::string file;
    std::string name;                                          // the file name without its extension
    std::vector<std::pair<std::string, std::string>> policies; // section -> snippet
    std::string request;
    unsigned repeat = 1; // `--- repeat N`: the request is sent N times to the same gateway; the last one is checked
    std::optional<std::string> backendResponse;
    std::optional<std::string> expectBackendRequest;
    bool expectNoBackendRequest = false;
    std::optional<std::string> expectResponse;

    static Result<Scenario> parse(const std::string &text, std::string file);
};

struct ScenarioOutcome {
    bool passed = false;
    std::vector<std::string> failures; // what differed, one line each
    http::Response response;
    std::vector<http::BackendRequest> backendRequests;
};

// Runs a scenario through the gateway's real request pipeline (routing, keys, the compiled policies), in memory:
// the backend's answer comes from the scenario and nothing leaves the machine. With `config` the request goes to
// that workspace; without, the scenario's snippets form a one-operation workspace (the API answers every path).
ScenarioOutcome runScenario(const Scenario &scenario, std::shared_ptr<const CompiledConfig> config = nullptr);

// The one-operation workspace of a scenario's snippets, compiled; the diagnostics explain a refusal.
Compiled compileScenarioWorkspace(const Scenario &scenario);

} // namespace gw::engine
