#include "set_variable.h"

#include <policy/run.h>

namespace gw::policy {

PolicyDescription SetVariablePolicy::describe()
{
    return {
        .name = "set-variable",
        .sections = AllSections,
        .help = "Stores a value in context.Variables for later policies and expressions.",
        .attributes = {{.name = "name", .required = true, .expressions = false, .help = "The variable's name."},
                       {.name = "value", .required = true, .help = "A literal (a string) or an expression."}},
    };
}

std::shared_ptr<const Policy> SetVariablePolicy::create(const Element &element, Compiler &compiler)
{
    auto value = compiler.attribute(element, "value");
    if (!value)
        return nullptr;
    return std::make_shared<SetVariablePolicy>(compiler.literal(element, "name"), std::move(*value));
}

Flow SetVariablePolicy::apply(Run &run) const
{
    auto value = run.value(m_value);
    if (!value)
        return Flow::Fail;
    run.context().variables.insert_or_assign(m_name, std::move(*value));
    return Flow::Continue;
}

} // namespace gw::policy
