#include "wait.h"

#include <policy/run.h>

namespace gw::policy {

PolicyDescription WaitPolicy::describe()
{
    return {
        .name = "wait",
        .sections = Inbound | Backend | Outbound,
        .help = "Runs send-request, cache-lookup-value and choose statements and waits for them (here one after "
                "the other, so for=\"any\" waits for all too).",
        .attributes =
            {{.name = "for", .type = AttributeType::Choice, .defaultValue = "all", .choices = {"all", "any"}}},
        .containsPolicies = true,
    };
}

std::shared_ptr<const Policy> WaitPolicy::create(const Element &element, Compiler &compiler)
{
    for (const Element &child : element.children) {
        if (child.name != "send-request" && child.name != "cache-lookup-value" && child.name != "choose")
            compiler.error(child.range,
                           "<wait> may hold send-request, cache-lookup-value and choose, not <" + child.name + ">");
    }
    return std::make_shared<WaitPolicy>(compiler.statements(element));
}

Flow WaitPolicy::apply(Run &run) const
{
    return run.enter(m_steps);
}

} // namespace gw::policy
