#include "scenario.h"

#include "gateway.h"

#include <common/text.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <sstream>

namespace gw::engine {

namespace {

std::string trimRight(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    return text;
}

std::string trim(std::string_view text)
{
    return std::string(trimSpace(text));
}

// A message as a case writes it: a first line, header lines, a blank line, a body.
struct Written {
    std::string firstLine;
    std::vector<std::pair<std::string, std::string>> headers;
    std::optional<std::string> body; // absent when no blank line follows the headers
};

Written readMessage(const std::string &text, bool hasFirstLine)
{
    Written out;
    std::istringstream in(text);
    std::string line;
    bool first = hasFirstLine;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (first) {
            first = false;
            // Optional: a header line (Name: value) means the first line was left out.
            if (line.find(": ") == std::string::npos || line.starts_with("HTTP/") || line.find(' ') < line.find(':')) {
                out.firstLine = line;
                continue;
            }
        }
        if (line.empty()) {
            std::string rest;
            std::getline(in, rest, '\0');
            out.body = trimRight(rest);
            break;
        }
        const auto colon = line.find(':');
        if (colon == std::string::npos)
            out.headers.emplace_back(trim(line), std::string());
        else
            out.headers.emplace_back(trim(line.substr(0, colon)), trim(line.substr(colon + 1)));
    }
    return out;
}

bool sameBody(const std::string &expected, const std::string &actual)
{
    if (expected == actual)
        return true;
    const auto a = nlohmann::json::parse(expected, nullptr, false);
    const auto b = nlohmann::json::parse(actual, nullptr, false);
    return !a.is_discarded() && !b.is_discarded() && a == b;
}

void compareHeaders(const Written &expected, const http::Headers &actual, const std::string &what,
                    std::vector<std::string> &failures)
{
    for (const auto &[name, value] : expected.headers) {
        if (name.starts_with("!")) {
            if (actual.contains(name.substr(1)))
                failures.push_back(what + " header " + name.substr(1) + " should be absent, is \"" +
                                   *actual.joined(name.substr(1)) + "\"");
            continue;
        }
        const auto found = actual.joined(name);
        if (!found)
            failures.push_back(what + " header " + name + " is missing (expected \"" + value + "\")");
        else if (*found != value)
            failures.push_back(what + " header " + name + " is \"" + *found + "\", expected \"" + value + "\"");
    }
}

// The path and query of an absolute URL.
std::string target(const std::string &url)
{
    const auto scheme = url.find("://");
    const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    return slash == std::string::npos ? "/" : url.substr(slash);
}

// An in-memory connection: the request comes from the scenario, forward() answers with its backend response.
class ScenarioExchange final : public http::Exchange {
public:
    ScenarioExchange(http::Request request, http::Response backendAnswer, ScenarioOutcome &outcome)
        : m_request(std::move(request)), m_answer(std::move(backendAnswer)), m_outcome(outcome)
    {
    }

    http::Request &request() override { return m_request; }
    const std::string &clientAddress() const override { return m_client; }
    unsigned thread() const override { return 0; }
    bool secure() const override { return false; }
    void respond(http::Response response) override
    {
        if (!m_responded) {
            m_responded = true;
            m_outcome.response = std::move(response);
        }
    }
    void forward(http::BackendRequest request, std::function<void(http::BackendResult)> done) override
    {
        m_outcome.backendRequests.push_back(std::move(request));
        http::BackendResult result;
        result.response = m_answer;
        done(std::move(result));
    }
    void after(std::chrono::milliseconds, std::function<void()> done) override { done(); }

private:
    http::Request m_request;
    http::Response m_answer;
    ScenarioOutcome &m_outcome;
    std::string m_client = "127.0.0.1";
    bool m_responded = false;
};

} // namespace

Result<Scenario> Scenario::parse(const std::string &text, std::string file)
{
    Scenario scenario;
    scenario.file = file;
    const auto slash = file.find_last_of('/');
    scenario.name = file.substr(slash == std::string::npos ? 0 : slash + 1);
    scenario.name = scenario.name.substr(0, scenario.name.rfind('.'));

    std::istringstream in(text);
    std::string line, section, body;
    int lineNumber = 0;
    std::optional<Error> error;
    const auto close = [&] {
        body = trimRight(body);
        if (section.starts_with("policy ")) {
            const std::string name = trim(section.substr(7));
            if (name != "inbound" && name != "backend" && name != "outbound" && name != "on-error")
                error = Error{file + ": '--- policy' names a section: inbound, backend, outbound or on-error"};
            scenario.policies.emplace_back(name, body);
        } else if (section == "request") {
            scenario.request = body;
        } else if (section.starts_with("repeat")) {
            const std::string count = trim(section.substr(6));
            const auto [end, failure] = std::from_chars(count.data(), count.data() + count.size(), scenario.repeat);
            if (failure != std::errc() || end != count.data() + count.size() || scenario.repeat < 1 ||
                scenario.repeat > 10000)
                error = Error{file + ": '--- repeat N' needs a number from 1 to 10000"};
        } else if (section == "backend response") {
            scenario.backendResponse = body;
        } else if (section == "expect backend request") {
            scenario.expectBackendRequest = body;
        } else if (section == "expect no backend request") {
            scenario.expectNoBackendRequest = true;
        } else if (section == "expect response") {
            scenario.expectResponse = body;
        } else if (!section.empty()) {
            error = Error{file + ": unknown section '--- " + section + "'"};
        }
        body.clear();
    };
    while (std::getline(in, line)) {
        ++lineNumber;
        if (line.starts_with("--- ")) {
            close();
            section = trim(line.substr(4));
            continue;
        }
        if (section.empty()) {
            if (!trim(line).empty() && !line.starts_with("#"))
                return Error{file + ":" + std::to_string(lineNumber) + ": text before the first '--- section'"};
            continue;
        }
        body += line + "\n";
    }
    close();
    if (error)
        return *error;
    if (scenario.request.empty())
        return Error{file + ": a case needs a '--- request' section"};
    return scenario;
}

Compiled compileScenarioWorkspace(const Scenario &scenario)
{
    model::Workspace workspace;
    model::Api api;
    api.name = "case";
    api.path = "";
    api.displayName = "Case";
    api.serviceUrl = "http://backend.test";
    api.subscriptionRequired = false;
    api.isCurrent = true;
    api.apiRevision = "1";
    // No OPTIONS operation: a browser's preflight reaches the operation it asks about, as with real APIs.
    for (const char *method : {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"}) {
        model::Operation operation;
        operation.name = lowerAscii(method);
        operation.method = method;
        operation.displayName = operation.name;
        operation.urlTemplate = "/*";
        api.contract.operations.push_back(std::move(operation));
    }
    std::string document = "<policies>\n";
    for (const char *section : {"inbound", "backend", "outbound", "on-error"}) {
        std::string content = section == std::string("backend") ? "<forward-request />" : "<base />";
        for (const auto &[name, snippet] : scenario.policies) {
            if (name == section)
                content = snippet;
        }
        document += std::string("<") + section + ">\n" + content + "\n</" + section + ">\n";
    }
    document += "</policies>\n";
    api.policy = model::PolicyText{document};
    workspace.apis.push_back(std::move(api));
    Compiled compiled = compile(std::move(workspace), {});
    for (Diagnostic &diagnostic : compiled.diagnostics)
        diagnostic.location.file = scenario.file;
    return compiled;
}

ScenarioOutcome runScenario(const Scenario &scenario, std::shared_ptr<const CompiledConfig> config)
{
    ScenarioOutcome outcome;
    if (!config) {
        Compiled compiled = compileScenarioWorkspace(scenario);
        if (!compiled.config) {
            for (const Diagnostic &diagnostic : compiled.diagnostics)
                outcome.failures.push_back(format(diagnostic));
            return outcome;
        }
        config = std::move(compiled.config);
    }

    const Written written = readMessage(scenario.request, true);
    std::istringstream first(written.firstLine);
    http::Request request;
    first >> request.method >> request.target;
    if (request.method.empty() || request.target.empty()) {
        outcome.failures.push_back("the request's first line must be METHOD /path");
        return outcome;
    }
    for (const auto &[name, value] : written.headers)
        request.headers.add(name, value);
    if (!request.headers.contains("Host"))
        request.headers.add("Host", "gateway.test");
    request.body = written.body.value_or(std::string());

    http::Response answer;
    if (scenario.backendResponse) {
        const Written backend = readMessage(*scenario.backendResponse, true);
        std::istringstream status(backend.firstLine);
        std::string version;
        status >> version >> answer.status;
        if (answer.status == 0)
            answer.status = 200;
        for (const auto &[name, value] : backend.headers)
            answer.headers.add(name, value);
        answer.body = backend.body.value_or(std::string());
    }

    telemetry::LogBus logBus(1);
    Gateway gateway(logBus, {});
    gateway.apply(config);
    // Repeats share the gateway (counters, caches); only the last request's exchange is checked.
    for (unsigned i = 0; i < scenario.repeat; ++i) {
        outcome.backendRequests.clear();
        gateway.handle(std::make_shared<ScenarioExchange>(request, answer, outcome));
    }

    if (scenario.expectNoBackendRequest && !outcome.backendRequests.empty())
        outcome.failures.push_back("the backend was called (" + outcome.backendRequests.front().method + " " +
                                   target(outcome.backendRequests.front().url) + ")");
    if (scenario.expectBackendRequest) {
        if (outcome.backendRequests.empty()) {
            outcome.failures.push_back("the backend was not called");
        } else {
            const http::BackendRequest &sent = outcome.backendRequests.back();
            const Written expected = readMessage(*scenario.expectBackendRequest, true);
            if (!expected.firstLine.empty()) {
                const std::string actual = sent.method + " " + target(sent.url);
                if (trim(expected.firstLine) != actual)
                    outcome.failures.push_back("backend request is \"" + actual + "\", expected \"" +
                                               trim(expected.firstLine) + "\"");
            }
            compareHeaders(expected, sent.headers, "backend request", outcome.failures);
            if (expected.body && !sameBody(*expected.body, sent.body))
                outcome.failures.push_back("backend request body is \"" + sent.body + "\", expected \"" +
                                           *expected.body + "\"");
        }
    }
    if (scenario.expectResponse) {
        const Written expected = readMessage(*scenario.expectResponse, true);
        if (!expected.firstLine.empty()) {
            std::istringstream status(expected.firstLine);
            std::string word;
            int code = 0;
            status >> word;
            if (word.starts_with("HTTP/"))
                status >> code;
            else
                code = std::atoi(word.c_str());
            if (code != outcome.response.status)
                outcome.failures.push_back("response status is " + std::to_string(outcome.response.status) +
                                           ", expected " + std::to_string(code));
        }
        compareHeaders(expected, outcome.response.headers, "response", outcome.failures);
        if (expected.body && !sameBody(*expected.body, outcome.response.body))
            outcome.failures.push_back("response body is \"" + outcome.response.body + "\", expected \"" +
                                       *expected.body + "\"");
    }
    outcome.passed = outcome.failures.empty();
    return outcome;
}

} // namespace gw::engine
