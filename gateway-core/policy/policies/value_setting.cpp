#include "value_setting.h"

#include <algorithm>
#include <common/text.h>

namespace gw::policy {

PolicyDescription ValueSetting::describe(std::string_view policy, Sections sections, std::string_view help,
                                         std::string_view valueHelp)
{
    return {
        .name = policy,
        .sections = sections,
        .help = help,
        .attributes = {{.name = "name", .required = true, .help = "The name."},
                       {.name = "exists-action",
                        .type = AttributeType::Choice,
                        .defaultValue = "override",
                        .choices = {"override", "skip", "append", "delete"},
                        .help = "What to do when it is already there."}},
        .children = {{.name = "value", .repeated = true, .help = valueHelp}},
    };
}

std::optional<ValueSetting> ValueSetting::read(const Element &element, Compiler &compiler)
{
    auto name = compiler.attribute(element, "name");
    auto action = compiler.attribute(element, "exists-action");
    std::vector<Template> values;
    for (const Element &child : element.children)
        values.push_back(compiler.text(child));
    if (!name || !action)
        return std::nullopt;
    return ValueSetting{std::move(*name), std::move(*action), std::move(values)};
}

std::optional<ValueSetting::Evaluated> ValueSetting::evaluate(Run &run) const
{
    Evaluated out;
    auto name = run.text(this->name);
    auto action = run.text(this->action);
    if (!name || !action)
        return std::nullopt;
    out.name = std::move(*name);
    out.action = lowerAscii(*action);
    for (const Template &value : values) {
        auto result = run.value(value);
        if (!result)
            return std::nullopt;
        if (!expr::isNull(*result)) // a null value sets nothing
            out.values.push_back(expr::toText(*result));
    }
    out.allNull = !values.empty() && out.values.empty();
    return out;
}

} // namespace gw::policy
