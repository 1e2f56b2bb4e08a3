#include "trace.h"

#include <policy/run.h>

namespace gw::policy {

PolicyDescription TracePolicy::describe()
{
    return {
        .name = "trace",
        .sections = AllSections,
        .help = "Adds a message to the request's trace (and to context.Trace's list).",
        .attributes = {{.name = "source", .required = true, .expressions = false, .help = "Who wrote the message."},
                       {.name = "severity",
                        .type = AttributeType::Choice,
                        .expressions = false,
                        .defaultValue = "verbose",
                        .choices = {"verbose", "information", "error"}}},
        .children = {{.name = "message", .required = true, .help = "The text (literal or expression)."},
                     {.name = "metadata", .repeated = true, .help = "name=\"...\" value=\"...\""}},
    };
}

std::shared_ptr<const Policy> TracePolicy::create(const Element &element, Compiler &compiler)
{
    Template message;
    std::vector<Metadata> metadata;
    for (const Element &child : element.children) {
        if (child.name == "message") {
            message = compiler.text(child);
        } else {
            auto name = compiler.attribute(child, "name");
            auto value = compiler.attribute(child, "value");
            if (!name || !value) {
                compiler.error(child.range, "<metadata> needs name and value attributes");
                continue;
            }
            metadata.push_back({std::move(*name), std::move(*value)});
        }
    }
    return std::make_shared<TracePolicy>(compiler.literal(element, "source"), compiler.literal(element, "severity"),
                                         std::move(message), std::move(metadata));
}

Flow TracePolicy::apply(Run &run) const
{
    auto message = run.text(m_message);
    if (!message)
        return Flow::Fail;
    std::string line = m_source + " (" + m_severity + "): " + *message;
    for (const Metadata &item : m_metadata) {
        auto name = run.text(item.name);
        auto value = run.text(item.value);
        if (!name || !value)
            return Flow::Fail;
        line += "; " + *name + "=" + *value;
    }
    run.context().traceMessages.push_back(line);
    run.traceMessage(std::move(line));
    return Flow::Continue;
}

} // namespace gw::policy
