#include "forward_request.h"

#include <policy/run.h>

namespace gw::policy {

PolicyDescription ForwardRequestPolicy::describe()
{
    return {
        .name = "forward-request",
        .sections = Backend,
        .help = "Sends the request to the backend and waits for its response.",
        .attributes = {{.name = "timeout",
                        .type = AttributeType::Integer,
                        .defaultValue = "300",
                        .help = "Seconds to wait for the backend's response."},
                       {.name = "timeout-ms", .type = AttributeType::Integer},
                       {.name = "follow-redirects", .type = AttributeType::Boolean, .defaultValue = "false"},
                       {.name = "buffer-request-body", .type = AttributeType::Boolean, .defaultValue = "false"},
                       {.name = "buffer-response", .type = AttributeType::Boolean, .defaultValue = "true"},
                       {.name = "fail-on-error-status-code",
                        .type = AttributeType::Boolean,
                        .defaultValue = "false",
                        .help = "Treat 4xx and 5xx answers as errors (on-error runs)."},
                       {.name = "http-version", .type = AttributeType::Choice, .choices = {"1", "2or1", "2"}}},
    };
}

std::shared_ptr<const Policy> ForwardRequestPolicy::create(const Element &element, Compiler &compiler)
{
    auto timeout = compiler.attribute(element, "timeout");
    auto failOnError = compiler.attribute(element, "fail-on-error-status-code");
    if (auto milliseconds = compiler.attribute(element, "timeout-ms"))
        timeout = Template::literal(milliseconds->isLiteral()
                                        ? std::to_string((std::stoll("0" + milliseconds->text()) + 999) / 1000)
                                        : std::string("300"));
    if (!timeout || !failOnError)
        return nullptr;
    return std::make_shared<ForwardRequestPolicy>(std::move(*timeout), std::move(*failOnError));
}

Flow ForwardRequestPolicy::apply(Run &run) const
{
    auto timeout = run.integer(m_timeout);
    auto failOnError = run.boolean(m_failOnErrorStatus);
    if (!timeout || !failOnError)
        return Flow::Fail;
    const expr::RequestState &request = run.context().request;
    http::BackendRequest backend;
    backend.url = run.requestUrl();
    backend.method = request.method;
    backend.headers = request.headers;
    backend.body = request.body.value_or(std::string());
    if (!request.body)
        backend.bodyStream = std::move(run.context().request.bodyStream); // it can be sent once
    backend.streamResponse = run.streamsResponse();
    backend.timeout = std::chrono::seconds(std::max<std::int64_t>(1, *timeout));
    backend.validateCertificate = run.validateBackendCertificate();
    backend.clientCertificate = request.backendCertificate;
    if (run.tracing())
        run.note("request sent to " + backend.url);
    // A backend entity adds its credentials (after the trace note: they stay out of traces) and counts the outcome
    // for its circuit breaker.
    std::shared_ptr<const BackendEntity> entity = run.backend();
    if (entity && !entity->prepare(run, backend))
        return Flow::Fail;
    return run.send(std::move(backend), [failOnError = *failOnError, entity](Run &run, http::BackendResult result) {
        if (entity)
            entity->outcome(run, result);
        switch (result.outcome) {
        case http::BackendResult::Outcome::Ok:
            break;
        case http::BackendResult::Outcome::Timeout:
            return run.fail("Timeout", "Request to the backend service timed out. " + result.error, 500,
                            "Internal server error");
        case http::BackendResult::Outcome::ConnectFailure:
        case http::BackendResult::Outcome::ProtocolFailure:
            return run.fail("BackendConnectionFailure", "The backend service could not be reached. " + result.error,
                            500, "Internal server error");
        }
        expr::ResponseState &response = run.context().response;
        response.statusCode = result.response.status;
        response.statusReason.clear();
        response.headers = std::move(result.response.headers);
        http::removeHopByHop(response.headers);
        response.body = std::move(result.response.body);
        response.bodyStream = std::move(result.response.bodyStream);
        if (response.bodyStream)
            response.body.reset();
        if (run.tracing())
            run.note("backend answered " + std::to_string(response.statusCode));
        if (failOnError && response.statusCode >= 400)
            return run.fail("BackendError", "The backend answered " + std::to_string(response.statusCode) + ".",
                            response.statusCode);
        return Flow::Continue;
    });
}

} // namespace gw::policy
