#include "set_header.h"

#include <policy/run.h>

#include <algorithm>
#include <array>

namespace gw::policy {

namespace {

// Headers whose values may hold commas or dates: several values go on separate lines, not joined.
bool keepsSeparateLines(std::string_view name)
{
    static constexpr std::array<std::string_view, 11> names{
        "User-Agent", "WWW-Authenticate",  "Proxy-Authenticate",  "Cookie",       "Set-Cookie", "Warning", "Date",
        "Expires",    "If-Modified-Since", "If-Unmodified-Since", "Last-Modified"};
    return http::equalsIgnoringCase(name, "Retry-After") ||
           std::any_of(names.begin(), names.end(),
                       [&](std::string_view n) { return http::equalsIgnoringCase(n, name); });
}

// The gateway owns message framing: these cannot be changed by a policy.
bool isProtected(std::string_view name)
{
    for (std::string_view n : {"Connection", "Content-Length", "Keep-Alive", "Transfer-Encoding"}) {
        if (http::equalsIgnoringCase(n, name))
            return true;
    }
    return false;
}

} // namespace

PolicyDescription SetHeaderPolicy::describe()
{
    return {
        .name = "set-header",
        .sections = AllSections,
        .help = "Sets, appends to, keeps or deletes a header of the request (inbound, backend) or the response.",
        .attributes = {{.name = "name", .required = true, .help = "The header's name."},
                       {.name = "exists-action",
                        .type = AttributeType::Choice,
                        .defaultValue = "override",
                        .choices = {"override", "skip", "append", "delete"},
                        .help = "What to do when the header is already there."}},
        .children = {{.name = "value", .repeated = true, .help = "A value; several are joined with commas."}},
    };
}

std::shared_ptr<const Policy> SetHeaderPolicy::create(const Element &element, Compiler &compiler)
{
    auto name = compiler.attribute(element, "name");
    auto action = compiler.attribute(element, "exists-action");
    std::vector<Template> values;
    for (const Element &child : element.children)
        values.push_back(compiler.text(child));
    if (!name || !action)
        return nullptr;
    return std::make_shared<SetHeaderPolicy>(std::move(*name), std::move(*action), std::move(values));
}

Flow SetHeaderPolicy::apply(Run &run) const
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
        if (!expr::isNull(*result)) // a null value sets nothing
            values.push_back(expr::toText(*result));
    }
    if (isProtected(*name)) {
        run.note("header " + *name + " is managed by the gateway: left unchanged");
        return Flow::Continue;
    }
    http::Headers &headers = run.headers();
    const bool present = headers.contains(*name);
    if (*action == "delete") {
        if (http::equalsIgnoringCase(*name, "Server") && run.section() != Section::Inbound &&
            run.section() != Section::Backend)
            return Flow::Continue;
        headers.remove(*name);
        return Flow::Continue;
    }
    if (*action == "skip" && present)
        return Flow::Continue;
    if (*action == "append" && present) {
        if (keepsSeparateLines(*name)) {
            for (auto &value : values)
                headers.add(*name, std::move(value));
        } else {
            std::string joined = *headers.joined(*name);
            for (const auto &value : values)
                joined += ", " + value;
            headers.set(*name, std::move(joined));
        }
        return Flow::Continue;
    }
    if (values.empty() && !m_values.empty()) {
        headers.remove(*name); // every value was null
        return Flow::Continue;
    }
    headers.remove(*name);
    if (keepsSeparateLines(*name)) {
        for (auto &value : values)
            headers.add(*name, std::move(value));
    } else {
        std::string joined;
        for (const auto &value : values)
            joined += (joined.empty() ? "" : ", ") + value;
        headers.add(*name, std::move(joined));
    }
    return Flow::Continue;
}

} // namespace gw::policy
