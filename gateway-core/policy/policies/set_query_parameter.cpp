#include "set_query_parameter.h"

#include <policy/run.h>

#include <algorithm>

namespace gw::policy {

PolicyDescription SetQueryParameterPolicy::describe()
{
    return ValueSetting::describe(
        "set-query-parameter", Inbound | Backend,
        "Sets, appends to, keeps or deletes a query parameter of the request sent to the backend.",
        "A value; several make repeated parameters.");
}

std::shared_ptr<const Policy> SetQueryParameterPolicy::create(const Element &element, Compiler &compiler)
{
    auto setting = ValueSetting::read(element, compiler);
    return setting ? std::make_shared<SetQueryParameterPolicy>(std::move(*setting)) : nullptr;
}

Flow SetQueryParameterPolicy::apply(Run &run) const
{
    auto setting = m_setting.evaluate(run);
    if (!setting)
        return Flow::Fail;
    const auto named = [&](const auto &pair) { return pair.first == setting->name; };
    auto &query = run.context().request.url.query;
    if (setting->action == "skip" && std::any_of(query.begin(), query.end(), named))
        return Flow::Continue;
    if (setting->action == "delete" || setting->action == "override")
        std::erase_if(query, named);
    if (setting->action == "delete")
        return Flow::Continue;
    for (auto &value : setting->values)
        query.emplace_back(setting->name, std::move(value));
    return Flow::Continue;
}

} // namespace gw::policy
