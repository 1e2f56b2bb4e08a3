#include "set_query_parameter.h"

#include <policy/run.h>

#include <algorithm>

namespace gw::policy {

PolicyDescription SetQueryParameterPolicy::describe()
{
    return {
        .name = "set-query-parameter",
        .sections = Inbound | Backend,
        .help = "Sets, appends to, keeps or deletes a query parameter of the request sent to the backend.",
        .attributes = {{.name = "name", .required = true, .help = "The parameter's name."},
                       {.name = "exists-action",
                        .type = AttributeType::Choice,
                        .defaultValue = "override",
                        .choices = {"override", "skip", "append", "delete"},
                        .help = "What to do when the parameter is already there."}},
        .children = {{.name = "value", .repeated = true, .help = "A value; several make repeated parameters."}},
    };
}

std::shared_ptr<const Policy> SetQueryParameterPolicy::create(const Element &element, Compiler &compiler)
{
    auto name = compiler.attribute(element, "name");
    auto action = compiler.attribute(element, "exists-action");
    std::vector<Template> values;
    for (const Element &child : element.children)
        values.push_back(compiler.text(child));
    if (!name || !action)
        return nullptr;
    return std::make_shared<SetQueryParameterPolicy>(std::move(*name), std::move(*action), std::move(values));
}

Flow SetQueryParameterPolicy::apply(Run &run) const
{
    auto name = run.text(m_name);
    auto action = run.text(m_action);
    if (!name || !action)
        return Flow::Fail;
    std::transform(action->begin(), action->end(), action->begin(), [](unsigned char c) { return std::tolower(c); });
    std::vector<std::string> values;
    for (const Template &value : m_values) {
        auto result = run.value(value);
        if (!result)
            return Flow::Fail;
        if (!expr::isNull(*result))
            values.push_back(expr::toText(*result));
    }
    auto &query = run.context().request.url.query;
    const bool present = std::any_of(query.begin(), query.end(), [&](const auto &p) { return p.first == *name; });
    if (*action == "skip" && present)
        return Flow::Continue;
    if (*action == "delete" || *action == "override")
        std::erase_if(query, [&](const auto &p) { return p.first == *name; });
    if (*action == "delete")
        return Flow::Continue;
    for (auto &value : values)
        query.emplace_back(*name, std::move(value));
    return Flow::Continue;
}

} // namespace gw::policy
