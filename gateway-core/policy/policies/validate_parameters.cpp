#include "validate_parameters.h"

#include <http/message.h>
#include <model/workspace.h>
#include <policy/run.h>

namespace gw::policy {

using namespace validation;

namespace {

constexpr std::string_view levelHelp = "specified-parameter-action and unspecified-parameter-action override the "
                                       "root's for these parameters; <parameter name= action=> overrides both for one.";

constexpr std::string_view headersHelp =
    "As for query; every request header the specification does not declare is unspecified, Host and User-Agent "
    "included (the API's subscription key header is not).";

struct Kind {
    std::string_view words; // as APIM's messages name it
    std::string_view type;  // the error's Type
    bool ignoreCase;
};
constexpr Kind pathKind{"path parameter", "PathParameter", false};
constexpr Kind queryKind{"query parameter", "QueryParameter", false};
constexpr Kind headerKind{"header", "RequestHeader", true};

bool sameName(const Kind &kind, std::string_view a, std::string_view b)
{
    return kind.ignoreCase ? http::equalsIgnoringCase(a, b) : a == b;
}

const ActionTemplate *parameterOverride(const ValidateParametersPolicy::Level &level, const Kind &kind,
                                        std::string_view name)
{
    for (const auto &[parameter, action] : level.parameters) {
        if (sameName(kind, parameter, name))
            return &action;
    }
    return nullptr;
}

} // namespace

PolicyDescription ValidateParametersPolicy::describe()
{
    return {
        .name = "validate-parameters",
        .sections = Inbound,
        .help = "Checks the request's path, query and header parameters against the operation's parameters in the "
                "API's specification: required ones present, one value each, of the declared type, within enum, "
                "pattern and limits; undeclared ones handled by the unspecified action.",
        .attributes = {{.name = "specified-parameter-action",
                        .type = AttributeType::Choice,
                        .required = true,
                        .choices = actionChoices,
                        .help = actionHelp},
                       {.name = "unspecified-parameter-action",
                        .type = AttributeType::Choice,
                        .required = true,
                        .choices = actionChoices,
                        .help = "For query parameters and headers the specification does not declare."},
                       {.name = "errors-variable-name",
                        .expressions = false,
                        .help = "The variable of context.Variables that receives the errors (a list of {Name, Type, "
                                "ValidationRule, Details, Action})."}},
        .children = {{.name = "headers", .help = headersHelp},
                     {.name = "query", .help = levelHelp},
                     {.name = "path", .help = "specified-parameter-action for path parameters; <parameter> per name."}},
    };
}

std::shared_ptr<const Policy> ValidateParametersPolicy::create(const Element &element, Compiler &compiler)
{
    Config config;
    config.specified = actionAttribute(element, "specified-parameter-action", compiler);
    config.unspecified = actionAttribute(element, "unspecified-parameter-action", compiler);
    if (!config.specified || !config.unspecified)
        return nullptr;
    config.errorsVariable = compiler.literal(element, "errors-variable-name");
    for (const Element &child : element.children) {
        Level &level = child.name == "headers" ? config.headers : child.name == "query" ? config.query : config.path;
        level.specified = actionAttribute(child, "specified-parameter-action", compiler);
        if (child.name != "path")
            level.unspecified = actionAttribute(child, "unspecified-parameter-action", compiler);
        else if (const Attribute *extra = child.attribute("unspecified-parameter-action"))
            compiler.error(extra->nameRange, "path takes no unspecified-parameter-action: a request cannot carry "
                                             "path parameters the template does not declare");
        for (const Element &parameter : child.children) {
            const Attribute *name = parameter.attribute("name");
            if (parameter.name != "parameter" || !name || name->value.isExpression()) {
                compiler.error(parameter.range, "expected <parameter name=\"...\" action=\"...\" /> (a literal name)");
                continue;
            }
            auto action = actionAttribute(parameter, "action", compiler);
            if (!action) {
                if (!parameter.attribute("action"))
                    compiler.error(parameter.range, "parameter needs an 'action' (ignore, prevent or detect)");
                continue;
            }
            level.parameters.emplace_back(name->value.literal(), std::move(action));
        }
    }
    return std::make_shared<ValidateParametersPolicy>(std::move(config));
}

Flow ValidateParametersPolicy::apply(Run &run) const
{
    const expr::Context &context = run.context();
    const model::Api *api = context.api;
    const model::Operation *operation = context.operation;
    Report report;

    const auto check = [&](const Level &level, const Kind &kind, const std::vector<model::Parameter> &declared,
                           const std::vector<std::pair<std::string, std::string>> &received,
                           std::string_view consumed) -> bool {
        for (const model::Parameter &parameter : declared) {
            auto action =
                resolve(run, {parameterOverride(level, kind, parameter.name), &level.specified, &m_config.specified});
            if (!action)
                return false;
            if (*action == Action::Ignore)
                continue;
            std::vector<std::string_view> values;
            for (const auto &[name, value] : received) {
                if (sameName(kind, name, parameter.name))
                    values.push_back(value);
            }
            const std::string what = std::string(kind.words) + " " + parameter.name;
            Error error{.name = parameter.name,
                        .type = std::string(kind.type),
                        .validationRule = "IncorrectMessage",
                        .action = *action};
            if (values.empty()) {
                if (!parameter.required)
                    continue;
                error.details = "Value of the " + what + " does not conform to the definition.\n\nRequired " + what +
                                " is missing.";
                error.publicMessage = "The value of the " + what + " does not conform to the definition.\n\nRequired " +
                                      what + " is missing.";
            } else if (values.size() > 1 && parameter.type != "array") {
                error.details = "Request cannot contain multiple values for the " + what + ".";
                error.publicMessage = error.details;
            } else if (auto problem = checkValue(parameter, values.front(), api, m_schemas)) {
                if (problem->unparsable) {
                    error.details = "Value of the " + what + " cannot be parsed according to the definition. \n\n" +
                                    problem->message;
                    error.publicMessage = "Value of the " + what +
                                          " couldn't be parsed according to the definition. \n\n" + problem->message;
                } else {
                    error.details =
                        "Value of the " + what + " does not conform to the definition.\n\n" + problem->message;
                    error.publicMessage =
                        "The value of the " + what + " does not conform to the definition.\n\n" + problem->message;
                }
            } else {
                continue;
            }
            report.add(std::move(error));
        }
        if (&kind == &pathKind)
            return true;
        std::vector<std::string_view> reported;
        for (const auto &[name, value] : received) {
            if (sameName(kind, name, consumed))
                continue;
            bool known = false;
            for (const model::Parameter &parameter : declared)
                known = known || sameName(kind, parameter.name, name);
            for (std::string_view done : reported)
                known = known || sameName(kind, done, name);
            if (known)
                continue;
            reported.push_back(name);
            auto action =
                resolve(run, {parameterOverride(level, kind, name), &level.unspecified, &m_config.unspecified});
            if (!action)
                return false;
            const std::string message = "Unspecified " + std::string(kind.words) + " " + name + " is not allowed.";
            report.add({.name = name,
                        .type = std::string(kind.type),
                        .validationRule = "Unspecified",
                        .details = message,
                        .publicMessage = message,
                        .action = *action});
        }
        return true;
    };

    static const std::vector<model::Parameter> none;
    std::vector<std::pair<std::string, std::string>> headers;
    for (const http::Header &header : context.request.headers.fields())
        headers.emplace_back(header.name, header.value);
    // The subscription key is the gateway's, not the API's: it is never an undeclared parameter.
    const std::string keyHeader = api ? api->headerName() : std::string();
    const std::string keyQuery = api ? api->queryName() : std::string();
    if (!check(m_config.path, pathKind, operation ? operation->templateParameters : none,
               context.request.matchedParameters, {}) ||
        !check(m_config.query, queryKind, operation ? operation->queryParameters : none, context.request.url.query,
               keyQuery) ||
        !check(m_config.headers, headerKind, operation ? operation->headers : none, headers, keyHeader))
        return Flow::Fail;
    return report.finish(run, m_config.errorsVariable);
}

} // namespace gw::policy
