#include "check_header.h"

#include <policy/run.h>

#include <algorithm>

namespace gw::policy {

PolicyDescription CheckHeaderPolicy::describe()
{
    return {
        .name = "check-header",
        .sections = Inbound,
        .help = "Rejects the request when a header is missing or has a value that is not listed.",
        .attributes = {{.name = "name", .required = true, .help = "The header to check."},
                       {.name = "failed-check-httpcode", .type = AttributeType::Integer, .required = true},
                       {.name = "failed-check-error-message", .required = true},
                       {.name = "ignore-case", .type = AttributeType::Boolean, .required = true}},
        .children = {{.name = "value", .repeated = true, .help = "An allowed value (none: any value)."}},
    };
}

std::shared_ptr<const Policy> CheckHeaderPolicy::create(const Element &element, Compiler &compiler)
{
    Config config;
    auto name = compiler.attribute(element, "name");
    auto status = compiler.attribute(element, "failed-check-httpcode");
    auto message = compiler.attribute(element, "failed-check-error-message");
    auto ignoreCase = compiler.attribute(element, "ignore-case");
    if (!name || !status || !message || !ignoreCase)
        return nullptr;
    config.name = std::move(*name);
    config.status = std::move(*status);
    config.message = std::move(*message);
    config.ignoreCase = std::move(*ignoreCase);
    for (const Element &child : element.children)
        config.values.push_back(compiler.text(child));
    return std::make_shared<CheckHeaderPolicy>(std::move(config));
}

Flow CheckHeaderPolicy::apply(Run &run) const
{
    auto name = run.text(m_config.name);
    auto status = run.integer(m_config.status);
    auto message = run.text(m_config.message);
    auto ignoreCase = run.boolean(m_config.ignoreCase);
    if (!name || !status || !message || !ignoreCase)
        return Flow::Fail;
    const auto value = run.context().request.headers.joined(*name);
    if (!value)
        return run.fail("HeaderNotFound", "Header " + *name + " was not found in the request. Access denied.",
                        static_cast<int>(*status), *message);
    if (m_config.values.empty())
        return Flow::Continue;
    for (const Template &allowed : m_config.values) {
        auto text = run.text(allowed);
        if (!text)
            return Flow::Fail;
        if (*ignoreCase ? http::equalsIgnoringCase(*text, *value) : *text == *value)
            return Flow::Continue;
    }
    return run.fail("HeaderValueNotAllowed",
                    "Header " + *name + " value of " + *value + " is not allowed. Access denied.",
                    static_cast<int>(*status), *message);
}

} // namespace gw::policy
