#include "return_response.h"

#include <policy/run.h>

namespace gw::policy {

PolicyDescription ReturnResponsePolicy::describe()
{
    return {
        .name = "return-response",
        .sections = AllSections,
        .help = "Stops the pipeline and answers at once: 200 with no body, or the response in a variable, changed by "
                "the children.",
        .attributes = {{.name = "response-variable-name",
                        .expressions = false,
                        .help = "A response stored by send-request to start from."}},
        .children = {{.name = "set-status"}, {.name = "set-header", .repeated = true}, {.name = "set-body"}},
    };
}

std::shared_ptr<const Policy> ReturnResponsePolicy::create(const Element &element, Compiler &compiler)
{
    Steps parts;
    std::size_t index = 0;
    for (const Element &child : element.children)
        parts.push_back(compiler.statement(child, child.name + "[" + std::to_string(++index) + "]",
                                           Compiler::Placement::PartOfMessage));
    return std::make_shared<ReturnResponsePolicy>(compiler.literal(element, "response-variable-name"),
                                                  std::move(parts));
}

Flow ReturnResponsePolicy::apply(Run &run) const
{
    expr::ResponseState response;
    if (!m_variable.empty()) {
        const auto found = run.context().variables.find(m_variable);
        auto stored = found == run.context().variables.end() ? nullptr : expr::toResponse(found->second);
        if (!stored)
            return run.fail("ExpressionValueEvaluationFailure",
                            "Variable '" + m_variable + "' does not hold a response.", 500, "Internal server error");
        response = *stored;
    }
    {
        Run::Building building(run, nullptr, &response);
        for (const Step &step : m_steps) {
            if (step.policy && step.policy->apply(run) == Flow::Fail)
                return Flow::Fail;
        }
    }
    run.context().response = std::move(response);
    return Flow::Respond;
}

} // namespace gw::policy
