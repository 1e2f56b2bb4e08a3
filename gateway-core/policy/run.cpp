#include "run.h"

#include <expr/value.h>

#include <cassert>
#include <charconv>
#include <map>

namespace gw::policy {

namespace {

using Clock = std::chrono::steady_clock;

std::string_view outcomeName(Flow flow)
{
    switch (flow) {
    case Flow::Continue:
        return "continue";
    case Flow::Respond:
        return "respond";
    case Flow::Fail:
        return "fail";
    case Flow::Pending:
        return "pending";
    }
    return "";
}

std::optional<bool> literalBoolean(std::string_view text)
{
    if (http::equalsIgnoringCase(text, "true"))
        return true;
    if (http::equalsIgnoringCase(text, "false"))
        return false;
    return std::nullopt;
}

} // namespace

// What a traced step may change, taken before it runs and compared after.
struct Run::Snapshot {
    std::string method;
    std::string url;
    std::vector<http::Header> requestHeaders;
    std::size_t requestBody = 0;
    bool requestHasBody = false;
    int status = 0;
    std::vector<http::Header> responseHeaders;
    std::size_t responseBody = 0;
    std::map<std::string, std::string> variables;

    static Snapshot take(const expr::Context &context)
    {
        Snapshot s;
        s.method = context.request.method;
        s.url = context.request.url.toString();
        s.requestHeaders = context.request.headers.fields();
        s.requestHasBody = context.request.body.has_value();
        s.requestBody = context.request.body ? context.request.body->size() : 0;
        s.status = context.response.statusCode;
        s.responseHeaders = context.response.headers.fields();
        s.responseBody = context.response.body ? context.response.body->size() : 0;
        for (const auto &[name, value] : context.variables)
            s.variables[name] = std::string(expr::typeName(value)) + ":" + expr::toText(value);
        return s;
    }
};

namespace {

void compareHeaders(const char *which, const std::vector<http::Header> &before, const http::Headers &after,
                    std::vector<std::string> &changes)
{
    http::Headers old;
    for (const auto &field : before)
        old.add(field.name, field.value);
    std::vector<std::string> names;
    for (const auto &field : before)
        names.push_back(field.name);
    for (const auto &field : after.fields())
        names.push_back(field.name);
    std::vector<std::string> seen;
    for (const auto &name : names) {
        bool repeated = false;
        for (const auto &s : seen)
            repeated = repeated || http::equalsIgnoringCase(s, name);
        if (repeated)
            continue;
        seen.push_back(name);
        const auto was = old.joined(name);
        const auto now = after.joined(name);
        if (was == now)
            continue;
        if (!now)
            changes.push_back(std::string(which) + " header " + name + ": removed");
        else
            changes.push_back(std::string(which) + " header " + name + ": " + (was ? "\"" + *was + "\" -> " : "") +
                              "\"" + *now + "\"");
    }
}

// Secret named values never show in a trace, whatever step copied them where: each value reads `{{name}}`, so the
// trace still says which secret went where. One pass over the text, longest value first at each position, so a
// replacement is never searched again and a secret that holds another is masked whole.
void maskSecrets(Trace &trace, const std::vector<SecretValue> &secrets)
{
    const auto mask = [&](std::string &text) {
        std::string out;
        std::size_t copied = 0;
        bool masked = false;
        for (std::size_t at = 0; at < text.size();) {
            const SecretValue *found = nullptr;
            for (const SecretValue &secret : secrets) {
                if (!secret.value.empty() && text.compare(at, secret.value.size(), secret.value) == 0) {
                    found = &secret;
                    break;
                }
            }
            if (!found) {
                ++at;
                continue;
            }
            out.append(text, copied, at - copied);
            out += "{{" + found->name + "}}";
            at += found->value.size();
            copied = at;
            masked = true;
        }
        if (!masked)
            return;
        out.append(text, copied);
        text = std::move(out);
    };
    for (TraceEntry &entry : trace.entries) {
        mask(entry.message);
        for (std::string &change : entry.changes)
            mask(change);
    }
}

} // namespace

Run::Run(const Pipeline &pipeline, expr::Context &&context, Transport &transport, RunOptions options, Done done)
    : m_context(std::move(context)), m_transport(transport), m_services(options.services), m_done(std::move(done)),
      m_pipeline(&pipeline)
{
    assert(m_services && "RunOptions::services is required");
    m_secrets = std::move(options.secrets);
    m_rawQuery = std::move(options.rawQuery);
    m_receivedQuery = m_context.request.url.query;
    if (options.trace) {
        m_trace = std::make_shared<Trace>();
        m_trace->id = m_context.requestId;
        m_trace->entries = std::move(options.builtInSteps);
        m_context.tracing = true;
    }
    // The request URL is the service URL followed by the operation path (what routing matched).
    m_backendBaseUrl = std::move(options.backendBaseUrl);
    while (!m_backendBaseUrl.empty() && m_backendBaseUrl.back() == '/')
        m_backendBaseUrl.pop_back();
    m_operationPath = std::move(options.operationPath);
}

void Run::start(const Pipeline &pipeline, expr::Context &&context, Transport &transport, RunOptions options, Done done)
{
    std::shared_ptr<Run> run(new Run(pipeline, std::move(context), transport, std::move(options), std::move(done)));
    run->enterSection(Section::Inbound);
    run->drive(Flow::Continue);
}

void Run::startWithError(const Pipeline &pipeline, expr::Context &&context, Transport &transport, RunOptions options,
                         expr::LastError error, http::Response errorResponse, Done done)
{
    std::shared_ptr<Run> run(new Run(pipeline, std::move(context), transport, std::move(options), std::move(done)));
    if (run->m_trace) {
        TraceEntry entry;
        entry.section = "gateway";
        entry.source = error.source;
        entry.outcome = "fail";
        entry.message = error.message;
        entry.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - run->m_context.started);
        run->m_trace->entries.push_back(std::move(entry));
    }
    run->m_context.lastError = std::move(error);
    run->m_context.response.statusCode = errorResponse.status;
    run->m_context.response.headers = std::move(errorResponse.headers);
    run->m_context.response.body = std::move(errorResponse.body);
    run->beginOnError();
    run->drive(Flow::Continue);
}

void Run::enterSection(Section section)
{
    m_section = section;
    m_skipUntil.clear();
    m_frames.clear();
    m_frames.push_back(Frame{&m_pipeline->section(section)});
}

bool Run::nextSection()
{
    switch (m_section) {
    case Section::Inbound:
        enterSection(Section::Backend);
        return true;
    case Section::Backend:
        enterSection(Section::Outbound);
        return true;
    case Section::Outbound:
    case Section::OnError:
        return false;
    }
    return false;
}

void Run::beginOnError()
{
    enterSection(Section::OnError);
}

void Run::drive(Flow flow)
{
    const auto self = shared_from_this(); // a policy's callback may hold the last other reference
    m_running = true;
    for (;;) {
        switch (flow) {
        case Flow::Continue:
            break;
        case Flow::Respond:
            m_running = false;
            return finish();
        case Flow::Fail:
            if (m_section == Section::OnError) {
                // An error inside on-error: nothing handles it any more.
                const http::Response generic = http::errorResponse(500, "Internal server error");
                m_context.response.statusCode = generic.status;
                m_context.response.headers = generic.headers;
                m_context.response.body = generic.body;
                m_running = false;
                return finish();
            }
            beginOnError();
            flow = Flow::Continue;
            break;
        case Flow::Pending:
            if (m_resumedFlow) {
                flow = *m_resumedFlow;
                m_resumedFlow.reset();
                endStep(flow);
                continue;
            }
            m_running = false;
            return;
        }
        if (m_frames.empty()) {
            if (!nextSection()) {
                m_running = false;
                return finish();
            }
            continue;
        }
        Frame &frame = m_frames.back();
        if (frame.next == frame.steps->size()) {
            const Frame done = frame;
            m_frames.pop_back();
            if (done.repeat) {
                m_step = done.owner;
                flow = done.repeat->repeat(*this, done.iteration);
            }
            continue;
        }
        const Step &step = (*frame.steps)[frame.next++];
        if (!m_skipUntil.empty()) {
            if (step.name == m_skipUntil)
                m_skipUntil.clear();
            continue;
        }
        if (step.skipped || !step.policy) {
            if (m_trace) {
                beginStep(step);
                m_entry.message = "skipped: this policy cannot run in this gateway";
                endStep(Flow::Continue);
                m_trace->entries.back().outcome = "skipped";
            }
            continue;
        }
        beginStep(step);
        flow = step.policy->apply(*this);
        if (flow != Flow::Pending)
            endStep(flow);
    }
}

void Run::resume(Flow flow)
{
    if (flow == Flow::Pending)
        return; // the continuation started more I/O: its own callback resumes the run
    if (m_running) {
        m_resumedFlow = flow; // called back before the policy returned: drive() picks it up
        return;
    }
    endStep(flow);
    drive(flow);
}

void Run::beginStep(const Step &step)
{
    m_step = &step;
    if (!m_trace)
        return;
    m_entry = TraceEntry{};
    m_entry.section = std::string(toString(m_section));
    m_entry.source = step.name;
    m_entry.scope = std::string(toString(step.scope));
    m_entry.path = step.path;
    m_entry.location = step.location;
    m_entry.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - m_context.started);
    m_snapshot = std::make_unique<Snapshot>(Snapshot::take(m_context));
}

void Run::endStep(Flow flow)
{
    if (!m_trace || !m_snapshot)
        return;
    const Snapshot &before = *m_snapshot;
    m_entry.duration =
        std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - m_context.started) - m_entry.elapsed;
    m_entry.outcome = std::string(outcomeName(flow));
    if (before.method != m_context.request.method)
        m_entry.changes.push_back("request method: " + before.method + " -> " + m_context.request.method);
    if (const std::string url = m_context.request.url.toString(); url != before.url)
        m_entry.changes.push_back("request URL: " + before.url + " -> " + url);
    compareHeaders("request", before.requestHeaders, m_context.request.headers, m_entry.changes);
    const std::size_t requestBody = m_context.request.body ? m_context.request.body->size() : 0;
    if (requestBody != before.requestBody || m_context.request.body.has_value() != before.requestHasBody)
        m_entry.changes.push_back("request body: " + std::to_string(requestBody) + " bytes");
    if (before.status != m_context.response.statusCode)
        m_entry.changes.push_back("response status: " + std::to_string(before.status) + " -> " +
                                  std::to_string(m_context.response.statusCode));
    compareHeaders("response", before.responseHeaders, m_context.response.headers, m_entry.changes);
    const std::size_t responseBody = m_context.response.body ? m_context.response.body->size() : 0;
    if (responseBody != before.responseBody)
        m_entry.changes.push_back("response body: " + std::to_string(responseBody) + " bytes");
    for (const auto &[name, value] : m_context.variables) {
        const std::string now = std::string(expr::typeName(value)) + ":" + expr::toText(value);
        const auto was = before.variables.find(name);
        if (was == before.variables.end() || was->second != now)
            m_entry.changes.push_back("variable " + name + " = " + expr::toText(value) + " (" +
                                      std::string(expr::typeName(value)) + ")");
    }
    if (flow == Flow::Fail && m_context.lastError)
        m_entry.message = m_context.lastError->reason + ": " + m_context.lastError->message;
    m_trace->entries.push_back(std::move(m_entry));
    m_snapshot.reset();
}

void Run::note(std::string change)
{
    if (m_trace)
        m_entry.changes.push_back(std::move(change));
}

void Run::traceMessage(std::string message)
{
    if (m_trace)
        m_entry.message = std::move(message);
}

void Run::finish()
{
    for (auto &action : std::exchange(m_atEnd, {}))
        action(*this);
    RunResult result;
    result.response.status = m_context.response.statusCode;
    result.response.headers = std::move(m_context.response.headers);
    result.response.body = m_context.response.body.value_or(std::string());
    if (!m_context.response.body)
        result.response.bodyStream = std::move(m_context.response.bodyStream);
    if (m_context.lastError)
        result.errorReason = m_context.lastError->reason;
    if (m_trace && m_secrets)
        maskSecrets(*m_trace, *m_secrets);
    result.trace = std::move(m_trace);
    result.backendLatency = m_backendLatency;
    Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(std::move(result));
}

Flow Run::fail(std::string reason, std::string message, int status, std::optional<std::string> answer)
{
    expr::LastError error;
    if (m_step) {
        error.source = m_step->name;
        error.scope = std::string(toString(m_step->scope));
        error.path = m_step->path;
        error.policyId = m_step->id;
    }
    error.section = std::string(toString(m_section));
    error.reason = std::move(reason);
    error.message = std::move(message);
    http::Response response = http::errorResponse(status, answer ? *answer : error.message);
    m_context.response.statusCode = response.status;
    m_context.response.statusReason.clear();
    m_context.response.headers = std::move(response.headers);
    m_context.response.body = std::move(response.body);
    m_context.lastError = std::move(error);
    return Flow::Fail;
}

Flow Run::fail(const expr::EvaluationError &error)
{
    // The public message stays generic, as APIM's: the details are in context.LastError and the trace.
    const Flow flow = fail("ExpressionValueEvaluationFailure", "Expression evaluation failed. " + error.message, 500,
                           "Internal server error");
    if (m_trace)
        m_entry.message = format(Diagnostic{error.location, Severity::Error, error.message});
    return flow;
}

std::any &Run::slot(const void *key)
{
    for (auto &[owner, value] : m_slots) {
        if (owner == key)
            return value;
    }
    return m_slots.emplace_back(key, std::any()).second;
}

Flow Run::continueAfter(Section section, std::string_view statement)
{
    enterSection(section);
    m_skipUntil = std::string(statement);
    return Flow::Continue;
}

Flow Run::enter(const Steps &steps, const Repeating *repeat, unsigned iteration)
{
    m_frames.push_back(Frame{&steps, 0, repeat, m_step, iteration});
    return Flow::Continue;
}

Flow Run::send(http::BackendRequest request, std::function<Flow(Run &, http::BackendResult)> then)
{
    auto self = shared_from_this();
    m_transport.send(std::move(request), [self, then = std::move(then)](http::BackendResult result) {
        self->m_backendLatency += result.elapsed;
        self->resume(then(*self, std::move(result)));
    });
    return Flow::Pending;
}

Flow Run::wait(std::chrono::milliseconds delay, std::function<Flow(Run &)> then)
{
    auto self = shared_from_this();
    m_transport.after(delay, [self, then = std::move(then)] { self->resume(then(*self)); });
    return Flow::Pending;
}

std::optional<expr::Value> Run::value(const Template &value)
{
    if (value.isLiteral())
        return expr::makeString(value.text());
    expr::Evaluation evaluation = value.program()->evaluate(m_context);
    if (!evaluation.ok()) {
        fail(*evaluation.error);
        return std::nullopt;
    }
    return std::move(evaluation.value);
}

std::optional<std::string> Run::text(const Template &value)
{
    if (value.isLiteral())
        return value.text();
    auto result = this->value(value);
    if (!result)
        return std::nullopt;
    return expr::toText(*result);
}

std::optional<bool> Run::boolean(const Template &value)
{
    if (value.isLiteral()) { // most attributes are literals: no Value to make
        if (auto parsed = literalBoolean(value.text()))
            return parsed;
    }
    auto result = this->value(value);
    if (!result)
        return std::nullopt;
    auto converted = expr::toBool(*result);
    if (!converted)
        fail(expr::EvaluationError{"'" + expr::toText(*result) + "' is not a boolean value.", m_step->location});
    return converted;
}

std::optional<std::int64_t> Run::integer(const Template &value)
{
    if (value.isLiteral()) {
        std::int64_t parsed = 0;
        const std::string &text = value.text();
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
        if (error == std::errc() && end == text.data() + text.size())
            return parsed;
    }
    auto result = this->value(value);
    if (!result)
        return std::nullopt;
    auto converted = expr::toInteger(*result);
    if (!converted)
        fail(expr::EvaluationError{"'" + expr::toText(*result) + "' is not an integer value.", m_step->location});
    return converted;
}

http::Headers &Run::headers()
{
    if (m_buildingRequest)
        return m_buildingRequest->headers;
    if (m_buildingResponse)
        return m_buildingResponse->headers;
    return m_section == Section::Inbound || m_section == Section::Backend ? m_context.request.headers
                                                                          : m_context.response.headers;
}

std::optional<std::string> &Run::body()
{
    if (m_buildingRequest)
        return m_buildingRequest->body;
    if (m_buildingResponse)
        return m_buildingResponse->body;
    return m_section == Section::Inbound || m_section == Section::Backend ? m_context.request.body
                                                                          : m_context.response.body;
}

expr::ResponseState &Run::response()
{
    return m_buildingResponse ? *m_buildingResponse : m_context.response;
}

std::string &Run::method()
{
    return m_buildingRequest ? m_buildingRequest->method : m_context.request.method;
}

Run::Building::Building(Run &run, expr::RequestState *request, expr::ResponseState *response)
    : m_run(run), m_request(run.m_buildingRequest), m_response(run.m_buildingResponse)
{
    run.m_buildingRequest = request;
    run.m_buildingResponse = response;
}

Run::Building::~Building()
{
    m_run.m_buildingRequest = m_request;
    m_run.m_buildingResponse = m_response;
}

void Run::setBackendBaseUrl(std::string url)
{
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    m_backendBaseUrl = std::move(url);
    m_backend.reset();
    retarget();
}

void Run::setOperationPath(std::string path)
{
    m_operationPath = std::move(path);
    retarget();
}

std::string Run::requestUrl() const
{
    const expr::Url &url = m_context.request.url;
    if (url.query != m_receivedQuery)
        return url.toString();
    expr::Url withoutQuery = url;
    withoutQuery.query.clear();
    return withoutQuery.toString() + (m_rawQuery.empty() ? "" : "?" + m_rawQuery);
}

void Run::retarget()
{
    expr::Url url = expr::Url::parse(m_backendBaseUrl);
    expr::Url &current = m_context.request.url;
    current.scheme = url.scheme;
    current.host = url.host;
    current.port = url.port;
    current.path = (url.path == "/" ? std::string() : url.path) + m_operationPath;
    if (current.path.empty())
        current.path = "/";
}

} // namespace gw::policy
