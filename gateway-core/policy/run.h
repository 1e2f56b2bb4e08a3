#pragma once

#include <expr/context.h>
#include <http/message.h>
#include <http/server.h>
#include <policy/pipeline.h>
#include <policy/services.h>
#include <policy/template.h>

#include <any>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gw::policy {

// How a run reaches the network: the engine sends through the connection's backend pool; `gatehouse-gateway test`
// answers from a case file. Both callbacks run on the run's thread, possibly before the call returns.
class Transport {
public:
    virtual ~Transport() = default;
    virtual void send(http::BackendRequest request, std::function<void(http::BackendResult)> done) = 0;
    // Calls `done` after `delay` (retry intervals).
    virtual void after(std::chrono::milliseconds delay, std::function<void()> done) = 0;
};

class Run;

// A backend entity that set-backend-service (backend-id) chose for the request. forward-request asks it to add its
// credentials to what it sends, and tells it how each call ended so that its circuit breaker counts failures. Owned
// by the compiled policy (shared with the run); called on the run's thread.
class BackendEntity {
public:
    virtual ~BackendEntity() = default;
    // Adds the entity's credentials (headers, query parameters, Authorization) to `request`. False when the request
    // must not go (its circuit breaker opened since it was chosen: 503) or evaluating them failed: the run has then
    // failed (return Flow::Fail).
    virtual bool prepare(Run &run, http::BackendRequest &request) const = 0;
    // How one call forward-request made to the backend ended.
    virtual void outcome(Run &run, const http::BackendResult &result) const = 0;
};

// One recorded step of a traced request.
struct TraceEntry {
    std::string section; // inbound | backend | outbound | on-error, or "gateway" for built-in steps
    std::string source;  // the policy ("set-header") or built-in step ("routing", "subscription")
    std::string scope;   // global | product | api | operation ("" for built-in steps)
    std::string path;    // "choose[1]/when[1]/set-header[1]"
    SourceLocation location;
    std::chrono::microseconds elapsed{0};  // since the request arrived, when the step started
    std::chrono::microseconds duration{0}; // how long it ran
    std::string outcome;                   // continue | respond | fail | skipped
    std::vector<std::string> changes;      // "request header X-A: set to 1", "variable n = 3 (System.Int32)"
    std::string message;                   // a trace policy's message, an error, a note
};

struct Trace {
    std::string id; // the request id; the response carries it in Apim-Trace-Id
    std::vector<TraceEntry> entries;
};

// A secret named value as policies name it (what `{{name}}` says) with its value: a trace shows `{{name}}` where
// the value would be, so it says which secret was used without showing it.
struct SecretValue {
    std::string name;
    std::string value;
};

struct RunOptions {
    Services *services = nullptr; // required: outlives the run
    bool trace = false;
    std::string backendBaseUrl; // the API's service URL; the request URL is it + the operation path
    std::string operationPath;  // what routing matched after the API path: "/items/42" (or "")
    std::shared_ptr<const std::vector<SecretValue>> secrets; // masked in the trace, longest value first
    std::string rawQuery;                 // the query as received: sent as it is unless a policy changes the parameters
    std::vector<TraceEntry> builtInSteps; // what the gateway did before the policies (routing, keys), for the trace
};

struct RunResult {
    http::Response response;
    std::string errorReason;      // context.LastError.Reason when the request failed
    std::shared_ptr<Trace> trace; // when traced
    std::chrono::microseconds backendLatency{0};
};

// The execution of a pipeline for one request: inbound, backend, outbound, and on-error when something fails.
//
// Lifetime and threads: start() makes the run and drives it as far as it can; a policy waiting for I/O returns
// Flow::Pending and the run resumes when its Transport calls back, on the same thread. `done` is called exactly
// once. The run keeps itself alive while it waits; the pipeline must outlive it (requests hold their
// configuration).
class Run : public std::enable_shared_from_this<Run> {
public:
    using Done = std::function<void(RunResult)>;

    static void start(const Pipeline &pipeline, expr::Context &&context, Transport &transport, RunOptions options,
                      Done done);
    // Starts in on-error: a built-in step failed before the policies ran (a 401 of the subscription check).
    static void startWithError(const Pipeline &pipeline, expr::Context &&context, Transport &transport,
                               RunOptions options, expr::LastError error, http::Response errorResponse, Done done);

    // --- for policies ---
    expr::Context &context() { return m_context; }
    Section section() const { return m_section; }
    const Step &step() const { return *m_step; }

    // Raises an error from the current policy: context.LastError gets `reason` and `message`; the caller gets
    // `status` with APIM's error body carrying `answer` (default: the message) unless on-error answers otherwise.
    // Returns Flow::Fail.
    Flow fail(std::string reason, std::string message, int status = 500, std::optional<std::string> answer = {});
    // Raises ExpressionValueEvaluationFailure for a failed evaluation.
    Flow fail(const expr::EvaluationError &error);

    // Runs `steps` next, then goes on after the current statement (choose, include-fragment). With `repeat`, its
    // repeat() is asked when they finished whether to run them again (retry); `iteration` counts from 1.
    Flow enter(const Steps &steps, const class Repeating *repeat = nullptr, unsigned iteration = 1);

    // Sends a request and continues with `then` when the answer is in. Returns Flow::Pending.
    Flow send(http::BackendRequest request, std::function<Flow(Run &, http::BackendResult)> then);
    // Waits, then continues with `then`. Returns Flow::Pending.
    Flow wait(std::chrono::milliseconds delay, std::function<Flow(Run &)> then);

    // The value of a template: nullopt when the expression failed (the run has then failed: return Flow::Fail).
    std::optional<expr::Value> value(const Template &value);
    std::optional<std::string> text(const Template &value);
    std::optional<bool> boolean(const Template &value);
    std::optional<std::int64_t> integer(const Template &value);

    // The request's URL (context.Request.Url) is the backend's base URL followed by the operation path;
    // set-backend-service changes the first, rewrite-uri the second. The query stays as policies made it.
    const std::string &backendBaseUrl() const { return m_backendBaseUrl; }
    const std::string &operationPath() const { return m_operationPath; }
    // Also forgets the backend entity: a plain URL has neither credentials nor a circuit breaker.
    void setBackendBaseUrl(std::string url);
    void setOperationPath(std::string path);
    // The absolute URL to send the request to (the query as received when no policy changed it).
    std::string requestUrl() const;

    // The message a policy works on: the request in inbound and backend, the response in outbound and on-error, or
    // the one that return-response or send-request is building (see Building).
    http::Headers &headers();
    std::optional<std::string> &body();
    expr::ResponseState &response(); // what set-status changes
    std::string &method();           // what set-method changes
    // The request a policy works on: the one send-request is building, else context.Request (authentication-*).
    expr::RequestState &request() { return m_buildingRequest ? *m_buildingRequest : m_context.request; }

    // While alive, the children of return-response (a response) or send-request (a request) work on that message.
    class Building {
    public:
        Building(Run &run, expr::RequestState *request, expr::ResponseState *response);
        ~Building();
        Building(const Building &) = delete;
        Building &operator=(const Building &) = delete;

    private:
        Run &m_run;
        expr::RequestState *m_request;
        expr::ResponseState *m_response;
    };

    Services &services() { return *m_services; }
    // Calls `action` when the run is over, just before the response leaves (in the order registered): counts that
    // depend on the response, releasing a concurrency slot.
    void atEnd(std::function<void(Run &)> action) { m_atEnd.push_back(std::move(action)); }

    // What one policy leaves for another of the same request (cache-lookup's key for cache-store), under a key the
    // two agree on (the address of an object of theirs). Empty until set; not visible to expressions.
    std::any &slot(const void *key);
    // Skips the rest of the current section and every section before `section`, then in `section` every statement
    // up to and including the first one named `statement` at its top level (the whole section when there is none):
    // a cache-lookup hit goes on after the matching cache-store. Returns Flow::Continue.
    Flow continueAfter(Section section, std::string_view statement);

    bool tracing() const { return m_trace != nullptr; }
    // No policy of the pipeline reads the response body: forward-request may stream it to the client.
    bool streamsResponse() const { return m_pipeline && !m_pipeline->needsResponseBody; }
    void note(std::string change); // a change the current step made, for the trace
    void traceMessage(std::string message);

    // The backend entity the request goes to (set after setBackendBaseUrl); null for a plain URL.
    const std::shared_ptr<const BackendEntity> &backend() const { return m_backend; }
    void setBackend(std::shared_ptr<const BackendEntity> backend) { m_backend = std::move(backend); }

    // Whether HTTPS backends must present a valid certificate (a backend entity's tls.validateCertificateChain).
    bool validateBackendCertificate() const { return m_validateCertificate; }
    void setValidateBackendCertificate(bool validate) { m_validateCertificate = validate; }

private:
    struct Frame {
        const Steps *steps;
        std::size_t next = 0;
        const Repeating *repeat = nullptr;
        const Step *owner = nullptr;
        unsigned iteration = 0;
    };

    Run(const Pipeline &pipeline, expr::Context &&context, Transport &transport, RunOptions options, Done done);
    void retarget();
    void drive(Flow flow);
    void resume(Flow flow);
    void enterSection(Section section);
    bool nextSection();
    void beginOnError();
    void finish();
    void beginStep(const Step &step);
    void endStep(Flow flow);

    expr::Context m_context;
    Transport &m_transport;
    Services *m_services;
    Done m_done;
    std::vector<std::function<void(Run &)>> m_atEnd;
    std::vector<std::pair<const void *, std::any>> m_slots;
    std::string m_skipUntil; // continueAfter(): the statement that ends the skipping, in the current section
    const Pipeline *m_pipeline = nullptr;
    Section m_section = Section::Inbound;
    std::vector<Frame> m_frames;
    const Step *m_step = nullptr;
    bool m_running = false;            // inside drive(): a synchronous callback must not re-enter it
    std::optional<Flow> m_resumedFlow; // the result of a callback that came back before its policy returned
    expr::RequestState *m_buildingRequest = nullptr;
    expr::ResponseState *m_buildingResponse = nullptr;
    std::chrono::microseconds m_backendLatency{0};
    bool m_validateCertificate = true;
    std::shared_ptr<const BackendEntity> m_backend;
    std::string m_backendBaseUrl;
    std::string m_operationPath;
    std::string m_rawQuery;
    std::vector<std::pair<std::string, std::string>> m_receivedQuery;
    std::shared_ptr<Trace> m_trace;
    std::shared_ptr<const std::vector<SecretValue>> m_secrets;
    TraceEntry m_entry; // the step being traced
    struct Snapshot;
    std::unique_ptr<Snapshot> m_snapshot;
};

// A container that may run its statements again (retry): asked when they finished.
class Repeating {
public:
    virtual ~Repeating() = default;
    // Called after the statements ran `iteration` times (from 1): run.enter() again to repeat, or Continue.
    virtual Flow repeat(Run &run, unsigned iteration) const = 0;
};

} // namespace gw::policy
