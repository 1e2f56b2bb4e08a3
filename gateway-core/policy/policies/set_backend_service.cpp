#include "set_backend_service.h"

#include <backends/backends.h>
#include <policy/run.h>

#include <algorithm>

namespace gw::policy {

// One backend entity as compiled for a configuration: its URL, TLS setting, credentials (named values substituted),
// circuit breaker rules and, for a pool, its members. Immutable; shared by the runs that chose it.
class CompiledBackend final : public BackendEntity {
public:
    struct Credential {
        std::string name;
        std::vector<Template> values;
    };

    std::string name;
    std::string url;
    bool validateCertificate = true;
    std::vector<Credential> headers;
    std::vector<Credential> query;
    std::optional<Template> authorizationScheme;
    std::optional<Template> authorizationParameter;
    std::vector<backends::Rule> rules;
    bool pool = false;
    std::vector<backends::Member> members;               // pool.services, by member name
    std::vector<const CompiledBackend *> memberBackends; // the same order; null when unknown or not usable

    bool hasCredentials() const { return !headers.empty() || !query.empty() || authorizationScheme; }

    bool prepare(Run &run, http::BackendRequest &request) const override;
    void outcome(Run &run, const http::BackendResult &result) const override;
};

namespace {

// A credential value as a compiled text: {{named values}} substituted (secret ones masked in traces).
Template credentialValue(Compiler &compiler, const std::string &text, const SourceRange &where)
{
    Element holder;
    holder.name = "value";
    holder.range = where;
    holder.text = Text{Value{text}, where};
    return compiler.text(holder);
}

// credentials.header / credentials.query: {name: [values]} (a single string is taken too).
std::vector<CompiledBackend::Credential> credentialList(Compiler &compiler, const model::Json &object,
                                                        const std::string &what, const std::string &backend,
                                                        const SourceRange &where)
{
    std::vector<CompiledBackend::Credential> out;
    if (!object.is_object()) {
        if (!object.is_null())
            compiler.warning(where, "backend '" + backend + "': credentials." + what + " is not an object; ignored");
        return out;
    }
    for (const auto &[name, values] : object.items()) {
        CompiledBackend::Credential credential{name, {}};
        const auto add = [&](const model::Json &value) {
            if (value.is_string())
                credential.values.push_back(credentialValue(compiler, value.get<std::string>(), where));
            else
                compiler.warning(where, "backend '" + backend + "': credentials." + what + "." + name +
                                            " holds a value that is not a string; ignored");
        };
        if (values.is_array()) {
            for (const auto &value : values)
                add(value);
        } else {
            add(values);
        }
        if (!credential.values.empty())
            out.push_back(std::move(credential));
    }
    return out;
}

// Reports a problem of a backend's configuration: an error for the backend the policy names, a warning for the
// others compiled in case an expression names them.
using Report = std::function<void(const std::string &)>;

std::chrono::milliseconds duration(const model::OptString &text, std::chrono::milliseconds fallback,
                                   const std::string &what, const Report &report)
{
    if (!text)
        return fallback;
    if (auto parsed = backends::parseDuration(*text); parsed && parsed->count() > 0)
        return *parsed;
    report(what + " '" + *text + "' is not an ISO-8601 duration such as PT1M");
    return fallback;
}

std::shared_ptr<CompiledBackend> compileBackend(Compiler &compiler, const model::Backend &backend,
                                                const SourceRange &where, const Report &report)
{
    auto out = std::make_shared<CompiledBackend>();
    out->name = backend.name;
    out->url = backend.url.value_or(std::string());
    while (!out->url.empty() && out->url.back() == '/')
        out->url.pop_back();
    out->pool = backend.isPool();
    out->validateCertificate = backend.validateCertificateChain.value_or(true);
    if (out->validateCertificate && backend.validateCertificateName == false)
        compiler.warning(where, "backend '" + backend.name +
                                    "': tls.validateCertificateName false is not supported on its own; the "
                                    "certificate's name is checked whenever its chain is");

    const model::Json &credentials = backend.credentials;
    if (credentials.is_object()) {
        if (const auto header = credentials.find("header"); header != credentials.end())
            out->headers = credentialList(compiler, *header, "header", backend.name, where);
        if (const auto query = credentials.find("query"); query != credentials.end())
            out->query = credentialList(compiler, *query, "query", backend.name, where);
        if (const auto authorization = credentials.find("authorization");
            authorization != credentials.end() && authorization->is_object()) {
            const auto scheme = authorization->find("scheme");
            const auto parameter = authorization->find("parameter");
            if (scheme != authorization->end() && scheme->is_string()) {
                out->authorizationScheme = credentialValue(compiler, scheme->get<std::string>(), where);
                out->authorizationParameter = credentialValue(
                    compiler,
                    parameter != authorization->end() && parameter->is_string() ? parameter->get<std::string>()
                                                                                : std::string(),
                    where);
            } else {
                report("credentials.authorization needs a 'scheme' string");
            }
        }
        for (const char *certificate : {"certificate", "certificateIds"}) {
            if (const auto found = credentials.find(certificate);
                found != credentials.end() && found->is_array() && !found->empty())
                compiler.warning(where, "backend '" + backend.name + "': credentials." + certificate +
                                            " (client certificates) are not presented to the backend by this gateway");
        }
        if (credentials.contains("managedIdentity"))
            compiler.warning(where, "backend '" + backend.name +
                                        "': credentials.managedIdentity needs Azure managed identities; ignored");
    }

    for (const model::CircuitBreakerRule &rule : backend.circuitBreakerRules) {
        const std::string label = "circuit breaker rule" + (rule.name ? " '" + *rule.name + "'" : std::string());
        backends::Rule compiled;
        compiled.name = rule.name.value_or(std::string());
        compiled.count = rule.failureCount.value_or(0);
        compiled.percentage = rule.failurePercentage.value_or(0);
        compiled.interval = duration(rule.failureInterval, compiled.interval, label + ": interval", report);
        compiled.tripDuration = duration(rule.tripDuration, compiled.tripDuration, label + ": tripDuration", report);
        compiled.acceptRetryAfter = rule.acceptRetryAfter.value_or(false);
        for (const model::StatusCodeRange &range : rule.statusCodeRanges)
            compiled.statusCodeRanges.emplace_back(static_cast<int>(range.min), static_cast<int>(range.max));
        compiled.errorReasons = rule.errorReasons;
        if (compiled.count <= 0 && compiled.percentage <= 0)
            report(label + " has neither failureCondition.count nor failureCondition.percentage, so it never trips");
        else if (compiled.statusCodeRanges.empty() && compiled.errorReasons.empty())
            report(label + " has neither statusCodeRanges nor errorReasons, so it never trips");
        out->rules.push_back(std::move(compiled));
    }

    for (const model::PoolMember &member : backend.pool) {
        const auto slash = member.id.find_last_of('/');
        out->members.push_back(backends::Member{
            .backend = slash == std::string::npos ? member.id : member.id.substr(slash + 1),
            .priority = member.priority.value_or(0),
            .weight = member.weight.value_or(1),
        });
    }
    return out;
}

// Ceiling seconds until `until`, at least 1: what Retry-After tells a client to wait.
std::int64_t secondsUntil(backends::TimePoint until, backends::TimePoint now)
{
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - now).count();
    return std::max<std::int64_t>(1, (left + 999) / 1000);
}

// The answer while a circuit is open (APIM documents the 503 but not its body: the status text stands in), with
// Retry-After when it is known when a backend is available again.
Flow unavailable(Run &run, std::string message, std::optional<backends::TimePoint> reopens, backends::TimePoint now)
{
    const Flow flow = run.fail("BackendUnavailable", std::move(message), 503, "Service Unavailable");
    if (reopens)
        run.context().response.headers.set("Retry-After", std::to_string(secondsUntil(*reopens, now)));
    return flow;
}

std::string circuitOpenMessage(const std::string &backend)
{
    return "Backend '" + backend + "' is unavailable: its circuit breaker is open.";
}

} // namespace

bool CompiledBackend::prepare(Run &run, http::BackendRequest &request) const
{
    if (!rules.empty()) {
        // The circuit may have opened since set-backend-service chose this backend (a retry, concurrent failures).
        backends::Backends &state = run.services().backends();
        const auto now = state.now();
        if (const backends::Circuit &circuit = state.circuit(name); circuit.isOpen(now)) {
            unavailable(run, circuitOpenMessage(name), circuit.openUntil(), now);
            return false;
        }
    }
    for (const Credential &header : headers) {
        request.headers.remove(header.name);
        for (const Template &value : header.values) {
            auto text = run.text(value);
            if (!text)
                return false;
            request.headers.add(header.name, std::move(*text));
        }
        if (run.tracing())
            run.note("backend " + name + ": credential header " + header.name);
    }
    if (authorizationScheme) {
        auto scheme = run.text(*authorizationScheme);
        auto parameter = run.text(*authorizationParameter);
        if (!scheme || !parameter)
            return false;
        request.headers.set("Authorization", parameter->empty() ? *scheme : *scheme + " " + *parameter);
        if (run.tracing())
            run.note("backend " + name + ": credential Authorization " + *scheme);
    }
    if (!query.empty()) {
        expr::Url added;
        for (const Credential &parameter : query) {
            for (const Template &value : parameter.values) {
                auto text = run.text(value);
                if (!text)
                    return false;
                added.query.emplace_back(parameter.name, std::move(*text));
            }
            if (run.tracing())
                run.note("backend " + name + ": credential query parameter " + parameter.name);
        }
        std::string encoded = added.queryString(); // "?a=1&b=2"
        const auto fragment = request.url.find('#');
        const std::string tail = fragment == std::string::npos ? std::string() : request.url.substr(fragment);
        if (fragment != std::string::npos)
            request.url.erase(fragment);
        if (request.url.find('?') != std::string::npos)
            encoded[0] = '&';
        request.url += encoded + tail;
    }
    return true;
}

void CompiledBackend::outcome(Run &run, const http::BackendResult &result) const
{
    if (rules.empty())
        return;
    backends::Outcome outcome;
    switch (result.outcome) {
    case http::BackendResult::Outcome::Ok:
        outcome.status = result.response.status;
        if (const auto retryAfter = result.response.headers.get("Retry-After"))
            outcome.retryAfter = backends::parseRetryAfter(*retryAfter);
        break;
    case http::BackendResult::Outcome::Timeout:
        outcome.errorReason = "Timeout";
        break;
    case http::BackendResult::Outcome::ConnectFailure:
    case http::BackendResult::Outcome::ProtocolFailure:
        outcome.errorReason = "BackendConnectionFailure";
        break;
    }
    backends::Backends &state = run.services().backends();
    const auto now = state.now();
    backends::Circuit &circuit = state.circuit(name);
    if (circuit.record(rules, outcome, now) && run.tracing())
        run.note("backend " + name + ": circuit breaker tripped for " +
                 std::to_string(secondsUntil(circuit.openUntil(), now)) + " s");
}

PolicyDescription SetBackendServicePolicy::describe()
{
    return {
        .name = "set-backend-service",
        .sections = Inbound | Backend,
        .help = "Sends the request to another backend: a base URL, or a backend entity of the workspace (its "
                "credentials, TLS settings and circuit breaker; a pool picks one of its members).",
        .attributes = {{.name = "base-url", .help = "The new base URL; the operation path is appended."},
                       {.name = "backend-id",
                        .help = "A backend of the workspace (backends/<id>): a single backend or a load-balanced "
                                "pool."},
                       {.name = "sf-resolve-condition"},
                       {.name = "sf-service-instance-name"},
                       {.name = "sf-listener-name"},
                       {.name = "sf-partition-key"},
                       {.name = "sf-replica-type"},
                       {.name = "dapr-app-id"},
                       {.name = "dapr-method"},
                       {.name = "dapr-namespace"}},
    };
}

SetBackendServicePolicy::SetBackendServicePolicy(std::optional<Template> baseUrl, std::optional<Template> backendId,
                                                 const model::Workspace *workspace,
                                                 std::shared_ptr<const BackendTable> backends)
    : m_baseUrl(std::move(baseUrl)), m_backendId(std::move(backendId)), m_workspace(workspace),
      m_backends(std::move(backends))
{
    if (m_backendId && m_backendId->isLiteral())
        m_fixed = find(m_backendId->text());
}

std::shared_ptr<const Policy> SetBackendServicePolicy::create(const Element &element, Compiler &compiler)
{
    auto baseUrl = compiler.attribute(element, "base-url");
    auto backendId = compiler.attribute(element, "backend-id");
    for (const Attribute &attribute : element.attributes) {
        if (attribute.name.starts_with("sf-") || attribute.name.starts_with("dapr-"))
            compiler.warning(attribute.nameRange,
                             "'" + attribute.name + "' needs Azure Service Fabric or a Dapr sidecar; it is ignored");
    }
    if (baseUrl.has_value() == backendId.has_value()) {
        compiler.error(element.range, "'set-backend-service' needs either base-url or backend-id");
        return nullptr;
    }
    std::map<std::string, std::shared_ptr<CompiledBackend>> compiled;
    const model::Workspace *workspace = compiler.workspace();
    const auto add = [&](const model::Backend &backend, const Report &report) {
        if (!compiled.contains(backend.name))
            compiled[backend.name] = compileBackend(compiler, backend, element.range, report);
    };
    if (backendId && backendId->isLiteral()) {
        const model::Backend *backend = compiler.backend(backendId->text(), element.range);
        if (backend) {
            const auto report = [&](const std::string &message) {
                compiler.error(element.range, "backend '" + backend->name + "': " + message);
            };
            if (backend->isPool()) {
                if (backend->pool.empty())
                    compiler.error(element.range, "backend '" + backend->name + "' is a pool without members");
            } else if (!backend->url || backend->url->empty()) {
                compiler.error(element.range, "backend '" + backendId->text() + "' has no url");
            }
            add(*backend, report);
            for (const backends::Member &member : compiled.at(backend->name)->members) {
                if (const model::Backend *found = workspace ? workspace->findBackend(member.backend) : nullptr)
                    add(*found, [&](const std::string &message) {
                        compiler.error(element.range, "backend '" + found->name + "': " + message);
                    });
            }
        }
    } else if (backendId && workspace) {
        // An expression may name any backend: each is compiled once here, its problems as warnings.
        for (const model::Backend &backend : workspace->backends)
            add(backend, [&](const std::string &message) {
                compiler.warning(element.range, "backend '" + backend.name + "': " + message);
            });
    }
    // Members point at their compiled backends; a pool inside a pool, or a member without url, is never chosen.
    auto table = std::make_shared<BackendTable>();
    for (auto &[name, backend] : compiled) {
        for (const backends::Member &member : backend->members) {
            const auto found = compiled.find(member.backend);
            const CompiledBackend *target = found == compiled.end() ? nullptr : found->second.get();
            backend->memberBackends.push_back(target && !target->pool && !target->url.empty() ? target : nullptr);
        }
        (*table)[name] = backend;
    }
    return std::make_shared<SetBackendServicePolicy>(std::move(baseUrl), std::move(backendId), workspace,
                                                     std::move(table));
}

const CompiledBackend *SetBackendServicePolicy::find(const std::string &id) const
{
    if (const auto found = m_backends->find(id); found != m_backends->end())
        return found->second.get();
    const model::Backend *backend = m_workspace ? m_workspace->findBackend(id) : nullptr;
    if (!backend)
        return nullptr;
    const auto found = m_backends->find(backend->name);
    return found == m_backends->end() ? nullptr : found->second.get();
}

Flow SetBackendServicePolicy::apply(Run &run) const
{
    if (m_baseUrl) {
        auto url = run.text(*m_baseUrl);
        if (!url)
            return Flow::Fail;
        run.setBackendBaseUrl(std::move(*url));
        run.setValidateBackendCertificate(true);
        return Flow::Continue;
    }
    const CompiledBackend *entity = m_fixed;
    std::string id;
    if (!entity) {
        auto text = run.text(*m_backendId);
        if (!text)
            return Flow::Fail;
        id = std::move(*text);
        entity = find(id);
    }
    if (!entity || (!entity->pool && entity->url.empty()))
        return run.fail("BackendNotFound", "Backend with id '" + (entity ? entity->name : id) + "' could not be found.",
                        500, "Internal server error");

    backends::Backends &state = run.services().backends();
    const backends::TimePoint now = state.now();
    const CompiledBackend *target = entity;
    std::optional<backends::TimePoint> reopens; // when the target (or a pool's first member) is available again
    if (entity->pool) {
        const auto available = [&](std::size_t i) {
            const CompiledBackend *member = entity->memberBackends[i];
            if (!member)
                return false;
            if (member->rules.empty())
                return true;
            const backends::Circuit &circuit = state.circuit(member->name);
            if (!circuit.isOpen(now))
                return true;
            reopens = reopens ? std::min(*reopens, circuit.openUntil()) : circuit.openUntil();
            return false;
        };
        const auto chosen = state.pool(entity->name).choose(entity->members, available);
        if (!chosen)
            return unavailable(
                run, "No backend of pool '" + entity->name + "' is available: every member's circuit breaker is open.",
                reopens, now);
        target = entity->memberBackends[*chosen];
        if (run.tracing())
            run.note("pool " + entity->name + ": member " + target->name);
    } else if (!entity->rules.empty()) {
        const backends::Circuit &circuit = state.circuit(entity->name);
        if (circuit.isOpen(now))
            return unavailable(run, circuitOpenMessage(entity->name), circuit.openUntil(), now);
    }
    run.setBackendBaseUrl(target->url);
    run.setValidateBackendCertificate(target->validateCertificate);
    if (target->hasCredentials() || !target->rules.empty()) {
        // forward-request adds the credentials and reports the outcome to it.
        const auto &owner = m_backends->at(target->name);
        run.setBackend(owner);
    }
    return Flow::Continue;
}

} // namespace gw::policy
