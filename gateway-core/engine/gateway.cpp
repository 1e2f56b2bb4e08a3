#include "gateway.h"

#include <certificates/store.h>
#include <common/text.h>
#include <engine/engine.h>
#include <policy/run.h>

#include <openssl/rand.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <random>
#include <thread>

namespace gw::engine {

namespace {

using Clock = std::chrono::steady_clock;

// context.Request.Certificate from the certificate of the TLS handshake (null without one, or one that is not
// X.509: the listener accepted it, it is as good as none).
std::shared_ptr<const expr::ClientCertificate> clientCertificate(const http::Exchange &exchange,
                                                                 const certificates::Store &store)
{
    std::string der = exchange.clientCertificate();
    if (der.empty())
        return nullptr;
    auto parsed = certificates::fromDer(der);
    if (!parsed)
        return nullptr;
    auto out = std::make_shared<expr::ClientCertificate>();
    out->chain = exchange.clientCertificateChain();
    out->subject = parsed->subject;
    out->issuer = parsed->issuer;
    out->thumbprint = parsed->thumbprint;
    out->serialNumber = parsed->serialNumber;
    out->commonName = parsed->commonName;
    out->dnsNames = parsed->dnsNames;
    out->notBefore = parsed->notBefore;
    out->notAfter = parsed->notAfter;
    out->der = std::move(der);
    // X509Certificate2.Verify(): the chain and the dates.
    out->verify = [&store, certificate = std::make_shared<const certificates::Certificate>(std::move(parsed.value())),
                   chain = out->chain](bool checkRevocation) {
        const auto now = std::chrono::system_clock::now();
        return now >= certificate->notBefore && now <= certificate->notAfter &&
               store.verify(*certificate, checkRevocation, chain).trust == certificates::Store::Trust::Trusted;
    };
    return out;
}

// The first value of query parameter `name` (names compared decoded).
std::optional<std::string> queryParameter(std::string_view query, std::string_view name)
{
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const auto equals = pair.find('=');
        if (decodeQueryComponent(pair.substr(0, equals)) == name)
            return equals == std::string_view::npos ? std::string() : decodeQueryComponent(pair.substr(equals + 1));
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    }
    return std::nullopt;
}

// A version 4 UUID from a per-thread generator seeded from the system's randomness once: request ids
// need to be unique, not secret, and RAND_bytes per request costs a system call.
std::string requestId()
{
    thread_local std::mt19937_64 random = [] {
        std::uint64_t seed = 0;
        RAND_bytes(reinterpret_cast<unsigned char *>(&seed), sizeof seed);
        return std::mt19937_64(seed ^ std::hash<std::thread::id>{}(std::this_thread::get_id()));
    }();
    unsigned char bytes[16];
    const std::uint64_t high = random();
    const std::uint64_t low = random();
    std::memcpy(bytes, &high, 8);
    std::memcpy(bytes + 8, &low, 8);
    bytes[6] = (bytes[6] & 0x0F) | 0x40; // version 4
    bytes[8] = (bytes[8] & 0x3F) | 0x80;
    static constexpr char digits[] = "0123456789abcdef";
    std::string id;
    id.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            id += '-';
        id += digits[bytes[i] >> 4];
        id += digits[bytes[i] & 0x0F];
    }
    return id;
}

std::uint64_t headBytes(const http::Request &request)
{
    std::uint64_t bytes = request.method.size() + request.target.size() + 12;
    for (const auto &field : request.headers.fields())
        bytes += field.name.size() + field.value.size() + 4;
    return bytes;
}

std::uint64_t responseBytes(const http::Response &response)
{
    std::uint64_t bytes = 17 + response.body.size();
    for (const auto &field : response.headers.fields())
        bytes += field.name.size() + field.value.size() + 4;
    return bytes;
}

// What the engine keeps of one request until it is answered.
struct Call;

// Policies reach the network through the request's connection (its thread's backend pool and timers).
class ExchangeTransport final : public policy::Transport {
public:
    explicit ExchangeTransport(http::Exchange &exchange) : m_exchange(exchange) {}
    void send(http::BackendRequest request, std::function<void(http::BackendResult)> done) override
    {
        m_exchange.forward(std::move(request), std::move(done));
    }
    void after(std::chrono::milliseconds delay, std::function<void()> done) override
    {
        m_exchange.after(delay, std::move(done));
    }

private:
    http::Exchange &m_exchange;
};

struct Call {
    std::shared_ptr<http::Exchange> exchange;
    std::shared_ptr<const CompiledConfig> config;
    telemetry::RequestRecord record;
    Clock::time_point started = Clock::now();
    std::unique_ptr<ExchangeTransport> transport;
    std::string keyHeader; // the matched API's subscription key header, masked in the logged headers
    std::string keyQuery;  // its key query parameter, masked in the record's query
};

// The template parameters as expressions see them: decoded.
std::vector<std::pair<std::string, std::string>> decoded(const std::vector<std::pair<std::string, std::string>> &raw)
{
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(raw.size());
    for (const auto &[name, value] : raw)
        out.emplace_back(name, decodeQueryComponent(value));
    return out;
}

// A browser's CORS preflight: OPTIONS with Origin and Access-Control-Request-Method.
bool isPreflight(const http::Request &request)
{
    return request.method == "OPTIONS" && request.headers.contains("Origin") &&
           request.headers.contains("Access-Control-Request-Method");
}

// Whether the policies without a product context answer preflights (a cors policy in inbound). Preflights carry
// no subscription key, so, as in APIM, only a cors policy at global, API or operation scope can answer them.
bool answersPreflights(const CompiledConfig &config, const routing::Match &match)
{
    // An operation that defines OPTIONS itself gets its preflights like any request (keys checked, cors silent).
    if (match.operation && match.operation->method == "OPTIONS")
        return false;
    const policy::Pipeline *pipeline = config.policies.pipeline(match.api, match.operation, nullptr);
    const policy::Steps &inbound = (pipeline ? *pipeline : config.policies.global()).section(policy::Section::Inbound);
    return std::any_of(inbound.begin(), inbound.end(), [](const policy::Step &step) { return step.name == "cors"; });
}

// A preflight for an operation that does not define OPTIONS reaches the operation it asks about.
std::optional<routing::Match>
preflightMatch(const CompiledConfig &config, const http::Request &request,
               const std::function<std::optional<std::string_view>(std::string_view)> &header)
{
    if (!isPreflight(request))
        return std::nullopt;
    const std::string method(*request.headers.get("Access-Control-Request-Method"));
    auto match = config.routes.match({method, request.path(), request.query(), header});
    if (match && !answersPreflights(config, *match))
        return std::nullopt;
    return match;
}

// "Name: value" lines of the headers among `names`, in the order they came (a repeated header, one line each).
std::string loggedHeaders(const http::Headers &headers, const std::vector<std::string> &names)
{
    std::string out;
    for (const http::Header &header : headers.fields()) {
        const auto listed = std::any_of(names.begin(), names.end(), [&](const std::string &name) {
            return http::equalsIgnoringCase(name, header.name);
        });
        if (!listed)
            continue;
        if (!out.empty())
            out.push_back('\n');
        out += header.name;
        out += ": ";
        out += header.value;
    }
    return out;
}

// Subscription keys never reach a log: in a `separator`-separated list of `name<assign>value` elements (logged
// header lines, a query string), the value of every element called `name` becomes "***".
void maskValues(std::string &list, char separator, std::string_view name, std::string_view assign)
{
    std::size_t start = 0;
    while (start < list.size()) {
        std::size_t end = list.find(separator, start);
        if (end == std::string::npos)
            end = list.size();
        const std::string_view element(list.data() + start, end - start);
        const std::size_t valueAt = name.size() + assign.size();
        if (element.size() >= valueAt && http::equalsIgnoringCase(element.substr(0, name.size()), name) &&
            element.substr(name.size(), assign.size()) == assign) {
            list.replace(start + valueAt, end - start - valueAt, "***");
            end = start + valueAt + 3;
        }
        start = end + 1;
    }
}

} // namespace

void Gateway::handle(std::shared_ptr<http::Exchange> exchange)
{
    auto call = std::make_shared<Call>();
    call->exchange = std::move(exchange);
    call->config = m_config.load();
    http::Request &request = call->exchange->request();
    telemetry::RequestRecord &record = call->record;
    record.startTime = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
    record.requestId = requestId();
    record.method = request.method;
    record.path = std::string(request.path());
    record.query = std::string(request.query());
    record.clientAddress = call->exchange->clientAddress();
    record.ioThread = call->exchange->thread();
    record.bytesIn =
        headBytes(request) + request.body.size() + (request.bodyStream ? request.bodyStream->length().value_or(0) : 0);
    m_inFlight.fetch_add(1, std::memory_order_relaxed);

    if (!m_loggedHeaders.empty())
        record.requestHeaders = loggedHeaders(request.headers, m_loggedHeaders);

    auto finish = [this, call](http::Response response, const char *reason) {
        telemetry::RequestRecord &record = call->record;
        record.status = static_cast<std::uint16_t>(response.status);
        if (!m_loggedHeaders.empty()) {
            record.responseHeaders = loggedHeaders(response.headers, m_loggedHeaders);
            // The default key header, and the matched API's own name for it.
            for (const std::string_view name :
                 {std::string_view("Ocp-Apim-Subscription-Key"), std::string_view(call->keyHeader)})
                if (!name.empty())
                    maskValues(record.requestHeaders, '\n', name, ": ");
        }
        if (!call->keyQuery.empty())
            maskValues(record.query, '&', call->keyQuery, "=");
        if (reason)
            record.errorReason = reason;
        record.bytesOut = responseBytes(response);
        call->exchange->respond(std::move(response));
        record.totalLatency = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - call->started);
        const unsigned thread = record.ioThread;
        m_logBus.publish(thread, std::move(record));
        m_inFlight.fetch_sub(1, std::memory_order_relaxed);
    };

    if (request.path() == kHealthPath && (request.method == "GET" || request.method == "HEAD"))
        return finish(http::Response{200, {}, {}}, nullptr);
    const CompiledConfig *config = call->config.get();
    if (!config)
        return finish(http::errorResponse(503, "Service unavailable"), "NoConfiguration");

    const auto header = [&request](std::string_view name) { return request.headers.get(name); };
    auto match = config->routes.match({request.method, request.path(), request.query(), header});
    if (!match)
        match = preflightMatch(*config, request, header);
    if (!match)
        return finish(http::errorResponse(404, "Resource not found"), "OperationNotFound");
    record.api = match->api->name;
    if (!m_loggedHeaders.empty())
        call->keyHeader = match->api->headerName();
    if (!record.query.empty())
        call->keyQuery = match->api->queryName();
    record.operation = match->operation ? match->operation->name : std::string();

    std::optional<std::string> decodedKey;
    const auto query = [&](std::string_view name) -> std::optional<std::string_view> {
        decodedKey = queryParameter(request.query(), name);
        return decodedKey ? std::optional<std::string_view>(*decodedKey) : std::nullopt;
    };
    // A preflight the policies answer needs no key (browsers send none).
    const security::Admission admission =
        isPreflight(request) && answersPreflights(*config, *match)
            ? security::Admission{}
            : config->subscriptions.admit(config->currentRevision(*match->api), header, query);
    const bool admitted = admission.status == security::Admission::Status::Admitted;
    if (admitted && admission.subscription)
        record.subscription = admission.subscription->name;
    if (admitted && admission.product)
        record.product = admission.product->name;

    // The request as policies see it; hop-by-hop fields and framing are the gateway's business.
    expr::Context context;
    expr::RequestState &state = context.request;
    state.method = request.method;
    state.headers = std::move(request.headers);
    http::removeHopByHop(state.headers);
    for (const char *name : {"Content-Length", "Expect"})
        state.headers.remove(name);
    auto forwarded = state.headers.joined("X-Forwarded-For");
    state.headers.set("X-Forwarded-For", forwarded ? *forwarded + ", " + call->exchange->clientAddress()
                                                   : call->exchange->clientAddress());
    const std::string host(state.headers.get("Host").value_or("localhost"));
    state.headers.remove("Host"); // the backend's Host is set when the request is sent
    state.originalUrlText = (call->exchange->secure() ? "https://" : "http://") + host + request.target;
    state.url = expr::Url::parse(match->backendUrl);
    if (request.bodyStream)
        state.bodyStream = std::move(request.bodyStream); // read whole below when a policy needs it
    else if (!request.body.empty() || request.method == "POST" || request.method == "PUT" || request.method == "PATCH")
        state.body = std::move(request.body);
    state.ipAddress = call->exchange->clientAddress();
    state.certificate = clientCertificate(*call->exchange, m_services.certificates());
    state.matchedParameters = decoded(match->templateParameters);
    context.workspace = config->workspace.get();
    context.api = match->api;
    context.operation = match->operation;
    context.product = admitted ? admission.product : nullptr;
    context.subscription = admitted ? admission.subscription : nullptr;
    if (admitted)
        context.subscriptionKey = admission.key;
    context.requestId = record.requestId;
    context.timestamp = std::chrono::system_clock::now();
    context.started = call->started;

    const policy::Pipeline *pipeline = config->policies.pipeline(match->api, match->operation, context.product);
    if (!pipeline)
        pipeline = &config->policies.global();
    policy::RunOptions options;
    options.services = &m_services;
    options.backendBaseUrl = match->api->serviceUrl.value_or(std::string());
    options.operationPath = match->operationPath;
    options.rawQuery = std::string(request.query());
    options.secrets = config->policies.secrets();
    options.trace = m_traces.allowed(state.headers, context.subscription);
    if (options.trace) {
        const auto step = [&](std::string source, std::string message) {
            policy::TraceEntry entry;
            entry.section = "gateway";
            entry.source = std::move(source);
            entry.outcome = "continue";
            entry.message = std::move(message);
            entry.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - call->started);
            options.builtInSteps.push_back(std::move(entry));
        };
        step("routing", "API " + match->api->name +
                            (match->operation ? ", operation " + match->operation->name : std::string()) +
                            ", backend " + match->backendUrl);
        if (admitted)
            step("subscription", context.subscription ? "subscription " + context.subscription->name +
                                                            (context.product ? ", product " + context.product->name
                                                                             : std::string(", no product context"))
                                                      : std::string("no key needed") +
                                                            (context.product ? ", open product " + context.product->name
                                                                             : std::string()));
    }
    call->transport = std::make_unique<ExchangeTransport>(*call->exchange);
    auto done = [this, call, finish](policy::RunResult result) {
        call->record.backendLatency = result.backendLatency;
        if (result.trace) {
            result.response.headers.set("Apim-Trace-Id", result.trace->id);
            m_traces.keep(std::move(result.trace));
        }
        http::removeHopByHop(result.response.headers);
        finish(std::move(result.response), result.errorReason.empty() ? nullptr : result.errorReason.c_str());
    };
    if (admitted && context.request.bodyStream && pipeline->needsRequestBody) {
        // A policy reads the body: it is read whole first (else it streams to the backend as it arrives).
        auto stream = std::move(context.request.bodyStream);
        auto held =
            std::make_shared<std::pair<expr::Context, policy::RunOptions>>(std::move(context), std::move(options));
        http::readAll(std::move(stream), [call, pipeline, held, done](std::optional<std::string> body) mutable {
            if (!body) // the client went away or sent a malformed body (its connection answered that)
                return done(policy::RunResult{http::errorResponse(400, "Bad request"), "ClientConnectionFailure"});
            held->first.request.body = std::move(*body);
            policy::Run::start(*pipeline, std::move(held->first), *call->transport, std::move(held->second),
                               std::move(done));
        });
        return;
    }
    if (admitted)
        return policy::Run::start(*pipeline, std::move(context), *call->transport, std::move(options), std::move(done));
    // A rejected key is an error of the built-in authorization step: on-error may still shape the answer.
    expr::LastError error;
    error.source = "authorization";
    error.reason = admission.status == security::Admission::Status::MissingKey ? "SubscriptionKeyNotFound"
                                                                               : "SubscriptionKeyInvalid";
    error.message = admission.message();
    policy::Run::startWithError(*pipeline, std::move(context), *call->transport, std::move(options), std::move(error),
                                http::errorResponse(401, admission.message()), std::move(done));
}

} // namespace gw::engine
