#include "validate_status_code.h"

#include <model/workspace.h>
#include <policy/run.h>

#include <charconv>

namespace gw::policy {

using namespace validation;

PolicyDescription ValidateStatusCodePolicy::describe()
{
    return {
        .name = "validate-status-code",
        .sections = Outbound | OnError,
        .help = "Checks the response's status code against the responses the API's specification declares for the "
                "operation (hides backend errors the API does not document).",
        .attributes = {{.name = "unspecified-status-code-action",
                        .type = AttributeType::Choice,
                        .required = true,
                        .choices = actionChoices,
                        .help = "For a status code the operation does not declare (and no 'default' response): ignore, "
                                "prevent (502) or detect."},
                       {.name = "errors-variable-name",
                        .expressions = false,
                        .help = "The variable of context.Variables that receives the errors (a list of {Name, Type, "
                                "ValidationRule, Details, Action})."}},
        .children = {{.name = "status-code",
                      .repeated = true,
                      .help = "code=\"NNN\" action=\"ignore|prevent|detect\": the action for one undeclared code."}},
    };
}

std::shared_ptr<const Policy> ValidateStatusCodePolicy::create(const Element &element, Compiler &compiler)
{
    Config config;
    config.unspecifiedAction = actionAttribute(element, "unspecified-status-code-action", compiler);
    if (!config.unspecifiedAction)
        return nullptr;
    config.errorsVariable = compiler.literal(element, "errors-variable-name");
    for (const Element &child : element.children) {
        const Attribute *code = child.attribute("code");
        int number = 0;
        const std::string text = code && !code->value.isExpression() ? code->value.literal() : std::string();
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (!code || error != std::errc() || end != text.data() + text.size() || number < 100 || number > 599) {
            compiler.error(code ? code->valueRange : child.range,
                           "status-code needs a 'code' between 100 and 599 (no expression)");
            continue;
        }
        auto action = actionAttribute(child, "action", compiler);
        if (!action) {
            if (!child.attribute("action"))
                compiler.error(child.range, "status-code needs an 'action' (ignore, prevent or detect)");
            continue;
        }
        config.codes.emplace_back(number, std::move(action));
    }
    return std::make_shared<ValidateStatusCodePolicy>(std::move(config));
}

Flow ValidateStatusCodePolicy::apply(Run &run) const
{
    const expr::Context &context = run.context();
    const int status = run.response().statusCode;
    Report report;
    if (!declaresStatus(context.operation, status)) {
        const ActionTemplate *override = nullptr;
        for (const auto &[code, action] : m_config.codes) {
            if (code == status)
                override = &action;
        }
        auto action = resolve(run, {override, &m_config.unspecifiedAction});
        if (!action)
            return Flow::Fail;
        report.add({.name = std::to_string(status),
                    .type = "StatusCode",
                    .validationRule = "Unspecified",
                    .details = "Response status code " + std::to_string(status) + " is not allowed.",
                    .publicMessage = std::string(internalErrorMessage),
                    .action = *action});
    }
    return report.finish(run, m_config.errorsVariable);
}

} // namespace gw::policy
