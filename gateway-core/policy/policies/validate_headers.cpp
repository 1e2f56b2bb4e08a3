#include "validate_headers.h"

#include <http/message.h>
#include <model/workspace.h>
#include <policy/run.h>

#include <array>

namespace gw::policy {

using namespace validation;

namespace {

// Fields about the connection and the framing, not the API's answer: never reported as undeclared. Content-Type is
// what the response's content declares (OpenAPI ignores a Content-Type header definition).
constexpr std::array<std::string_view, 5> implicitHeaders = {"Content-Type", "Content-Length", "Transfer-Encoding",
                                                             "Connection", "Keep-Alive"};

} // namespace

PolicyDescription ValidateHeadersPolicy::describe()
{
    return {
        .name = "validate-headers",
        .sections = Outbound | OnError,
        .help = "Checks the response's headers against the headers the API's specification declares for the "
                "response of that status code: required ones present, one value each, of the declared type.",
        .attributes = {{.name = "specified-header-action",
                        .type = AttributeType::Choice,
                        .required = true,
                        .choices = actionChoices,
                        .help = actionHelp},
                       {.name = "unspecified-header-action",
                        .type = AttributeType::Choice,
                        .required = true,
                        .choices = actionChoices,
                        .help = "For response headers the specification does not declare."},
                       {.name = "errors-variable-name",
                        .expressions = false,
                        .help = "The variable of context.Variables that receives the errors (a list of {Name, Type, "
                                "ValidationRule, Details, Action})."}},
        .children = {{.name = "header",
                      .repeated = true,
                      .help = "name=\"...\" action=\"ignore|prevent|detect\": the action for one header."}},
    };
}

std::shared_ptr<const Policy> ValidateHeadersPolicy::create(const Element &element, Compiler &compiler)
{
    Config config;
    config.specified = actionAttribute(element, "specified-header-action", compiler);
    config.unspecified = actionAttribute(element, "unspecified-header-action", compiler);
    if (!config.specified || !config.unspecified)
        return nullptr;
    config.errorsVariable = compiler.literal(element, "errors-variable-name");
    for (const Element &child : element.children) {
        const Attribute *name = child.attribute("name");
        if (!name || name->value.isExpression()) {
            compiler.error(child.range, "header needs a literal 'name'");
            continue;
        }
        auto action = actionAttribute(child, "action", compiler);
        if (!action) {
            if (!child.attribute("action"))
                compiler.error(child.range, "header needs an 'action' (ignore, prevent or detect)");
            continue;
        }
        config.headers.emplace_back(name->value.literal(), std::move(action));
    }
    return std::make_shared<ValidateHeadersPolicy>(std::move(config));
}

Flow ValidateHeadersPolicy::apply(Run &run) const
{
    const expr::Context &context = run.context();
    const model::Response *response = findResponse(context.operation, run.response().statusCode);
    static const std::vector<model::Parameter> none;
    const std::vector<model::Parameter> &declared = response ? response->headers : none;
    const http::Headers &headers = run.headers();
    const auto headerOverride = [&](std::string_view name) -> const ActionTemplate * {
        for (const auto &[header, action] : m_config.headers) {
            if (http::equalsIgnoringCase(header, name))
                return &action;
        }
        return nullptr;
    };

    Report report;
    for (const model::Parameter &parameter : declared) {
        auto action = resolve(run, {headerOverride(parameter.name), &m_config.specified});
        if (!action)
            return Flow::Fail;
        if (*action == Action::Ignore)
            continue;
        std::vector<std::string_view> values;
        for (const http::Header &header : headers.fields()) {
            if (http::equalsIgnoringCase(header.name, parameter.name))
                values.push_back(header.value);
        }
        Error error{.name = parameter.name,
                    .type = "ResponseHeader",
                    .validationRule = "IncorrectMessage",
                    .publicMessage = std::string(internalErrorMessage),
                    .action = *action};
        if (values.empty()) {
            if (!parameter.required)
                continue;
            error.details = "Value of the header " + parameter.name +
                            " does not conform to the definition.\n\nRequired header " + parameter.name +
                            " is missing.";
        } else if (values.size() > 1 && parameter.type != "array") {
            error.details = "Response cannot contain multiple values for the header " + parameter.name + ".";
        } else if (auto problem = checkValue(parameter, values.front(), context.api, m_schemas)) {
            error.details = problem->unparsable ? "Value of the header " + parameter.name +
                                                      " couldn't be parsed according to the definition."
                                                : "Value of the header " + parameter.name +
                                                      " does not conform to the definition.\n\n" + problem->message;
        } else {
            continue;
        }
        report.add(std::move(error));
    }

    std::vector<std::string_view> reported;
    for (const http::Header &header : headers.fields()) {
        bool known = false;
        for (std::string_view implicit : implicitHeaders)
            known = known || http::equalsIgnoringCase(implicit, header.name);
        for (const model::Parameter &parameter : declared)
            known = known || http::equalsIgnoringCase(parameter.name, header.name);
        for (std::string_view done : reported)
            known = known || http::equalsIgnoringCase(done, header.name);
        if (known)
            continue;
        reported.push_back(header.name);
        auto action = resolve(run, {headerOverride(header.name), &m_config.unspecified});
        if (!action)
            return Flow::Fail;
        report.add({.name = header.name,
                    .type = "ResponseHeader",
                    .validationRule = "Unspecified",
                    .details = "Unspecified header " + header.name + " is not allowed.",
                    .publicMessage = std::string(internalErrorMessage),
                    .action = *action});
    }
    return report.finish(run, m_config.errorsVariable);
}

} // namespace gw::policy
