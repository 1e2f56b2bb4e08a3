#include "send_request.h"

#include <policy/run.h>

namespace gw::policy {

namespace {

PolicyDescription describeSend(std::string_view name, std::string_view help, bool oneWay)
{
    PolicyDescription description{
        .name = name,
        .sections = AllSections,
        .help = help,
        .attributes = {{.name = "mode",
                        .type = AttributeType::Choice,
                        .defaultValue = "new",
                        .choices = {"new", "copy"},
                        .help = "Start from an empty request or a copy of the current one."},
                       {.name = "timeout", .type = AttributeType::Integer, .defaultValue = "60"}},
        .children = {{.name = "set-url", .help = "The absolute URL."},
                     {.name = "set-method"},
                     {.name = "set-header", .repeated = true},
                     {.name = "set-body"},
                     {.name = "authentication-certificate"},
                     {.name = "authentication-managed-identity"},
                     {.name = "proxy"}},
    };
    if (!oneWay) {
        description.attributes.push_back({.name = "response-variable-name",
                                          .required = true,
                                          .expressions = false,
                                          .help = "The variable that receives the response."});
        description.attributes.push_back({.name = "ignore-error",
                                          .type = AttributeType::Boolean,
                                          .defaultValue = "false",
                                          .help = "On failure, store null instead of raising an error."});
    }
    return description;
}

std::shared_ptr<const Policy> createSend(const Element &element, Compiler &compiler, bool oneWay)
{
    SendRequestPolicy::Config config;
    config.oneWay = oneWay;
    auto mode = compiler.attribute(element, "mode");
    auto timeout = compiler.attribute(element, "timeout");
    config.variable = compiler.literal(element, "response-variable-name");
    config.ignoreError = compiler.attribute(element, "ignore-error").value_or(Template::literal("false"));
    std::size_t index = 0;
    for (const Element &child : element.children) {
        ++index;
        if (child.name == "set-url") {
            config.url = compiler.text(child);
        } else if (child.name == "proxy") {
            compiler.warning(child.range, "<proxy> is ignored: requests go straight to their host");
        } else {
            config.steps.push_back(compiler.statement(child, child.name + "[" + std::to_string(index) + "]",
                                                      Compiler::Placement::PartOfMessage));
        }
    }
    if (!mode || !timeout)
        return nullptr;
    if (!config.url)
        compiler.error(element.range, "'" + element.name + "' needs a <set-url>");
    config.mode = std::move(*mode);
    config.timeout = std::move(*timeout);
    return std::make_shared<SendRequestPolicy>(std::move(config));
}

} // namespace

PolicyDescription SendRequestPolicy::describe()
{
    return describeSend("send-request", "Sends a request and stores the response in a variable.", false);
}

PolicyDescription SendRequestPolicy::describeOneWay()
{
    return describeSend("send-one-way-request", "Sends a request without waiting for the response.", true);
}

std::shared_ptr<const Policy> SendRequestPolicy::create(const Element &element, Compiler &compiler)
{
    return createSend(element, compiler, false);
}

std::shared_ptr<const Policy> SendRequestPolicy::createOneWay(const Element &element, Compiler &compiler)
{
    return createSend(element, compiler, true);
}

Flow SendRequestPolicy::apply(Run &run) const
{
    auto mode = run.text(m_config.mode);
    auto timeout = run.integer(m_config.timeout);
    auto ignoreError = run.boolean(m_config.ignoreError);
    auto url = m_config.url ? run.text(*m_config.url) : std::optional<std::string>(std::string());
    if (!mode || !timeout || !ignoreError || !url)
        return Flow::Fail;
    expr::RequestState request;
    request.method = "GET";
    if (*mode == "copy") {
        request = run.context().request;
        request.url = run.context().request.url;
    }
    {
        Run::Building building(run, &request, nullptr);
        for (const Step &step : m_config.steps) {
            if (step.policy && step.policy->apply(run) == Flow::Fail)
                return Flow::Fail;
        }
    }
    http::BackendRequest outgoing;
    outgoing.url = url->empty() ? request.url.toString() : *url;
    outgoing.method = request.method;
    outgoing.headers = std::move(request.headers);
    outgoing.body = request.body.value_or(std::string());
    outgoing.clientCertificate = request.backendCertificate;
    outgoing.timeout = std::chrono::seconds(std::max<std::int64_t>(1, *timeout));
    if (run.tracing())
        run.note(std::string(m_config.oneWay ? "one-way " : "") + outgoing.method + " " + outgoing.url);
    if (m_config.oneWay) {
        run.send(std::move(outgoing), [](Run &, http::BackendResult) { return Flow::Pending; });
        return Flow::Continue;
    }
    return run.send(std::move(outgoing), [this, ignore = *ignoreError](Run &run, http::BackendResult result) {
        auto &variables = run.context().variables;
        if (result.outcome != http::BackendResult::Outcome::Ok) {
            if (ignore) {
                variables.insert_or_assign(m_config.variable, expr::Value());
                return Flow::Continue;
            }
            const bool timedOut = result.outcome == http::BackendResult::Outcome::Timeout;
            return run.fail(timedOut ? "Timeout" : "BackendConnectionFailure",
                            (timedOut ? "The request timed out. " : "The request could not be sent. ") + result.error,
                            500, "Internal server error");
        }
        auto response = std::make_shared<expr::ResponseState>();
        response->statusCode = result.response.status;
        response->headers = std::move(result.response.headers);
        response->body = std::move(result.response.body);
        variables.insert_or_assign(m_config.variable, expr::makeResponse(std::move(response)));
        return Flow::Continue;
    });
}

} // namespace gw::policy
