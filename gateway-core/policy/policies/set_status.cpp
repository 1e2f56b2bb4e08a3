#include "set_status.h"

#include <policy/run.h>

namespace gw::policy {

PolicyDescription SetStatusPolicy::describe()
{
    return {
        .name = "set-status",
        .sections = AllSections,
        .help = "Sets the response's status code and reason.",
        .attributes = {{.name = "code", .type = AttributeType::Integer, .required = true, .help = "The status code."},
                       {.name = "reason", .help = "The reason phrase."}},
    };
}

std::shared_ptr<const Policy> SetStatusPolicy::create(const Element &element, Compiler &compiler)
{
    auto code = compiler.attribute(element, "code");
    if (!code)
        return nullptr;
    return std::make_shared<SetStatusPolicy>(std::move(*code), compiler.attribute(element, "reason"));
}

Flow SetStatusPolicy::apply(Run &run) const
{
    auto code = run.integer(m_code);
    if (!code)
        return Flow::Fail;
    if (*code < 100 || *code > 999)
        return run.fail("ExpressionValueEvaluationFailure", "Status code " + std::to_string(*code) + " is not valid.");
    expr::ResponseState &response = run.response();
    response.statusCode = static_cast<int>(*code);
    if (m_reason) {
        auto reason = run.text(*m_reason);
        if (!reason)
            return Flow::Fail;
        response.statusReason = std::move(*reason);
    }
    return Flow::Continue;
}

} // namespace gw::policy
