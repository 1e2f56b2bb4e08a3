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
    return ValueSetting::describe(
        "set-header", AllSections,
        "Sets, appends to, keeps or deletes a header of the request (inbound, backend) or the response.",
        "A value; several are joined with commas.");
}

std::shared_ptr<const Policy> SetHeaderPolicy::create(const Element &element, Compiler &compiler)
{
    auto setting = ValueSetting::read(element, compiler);
    return setting ? std::make_shared<SetHeaderPolicy>(std::move(*setting)) : nullptr;
}

Flow SetHeaderPolicy::apply(Run &run) const
{
    auto setting = m_setting.evaluate(run);
    if (!setting)
        return Flow::Fail;
    const std::string &name = setting->name;
    if (isProtected(name)) {
        if (run.tracing())
            run.note("header " + name + " is managed by the gateway: left unchanged");
        return Flow::Continue;
    }
    http::Headers &headers = run.headers();
    const bool present = headers.contains(name);
    const bool response = run.section() == Section::Outbound || run.section() == Section::OnError;
    if (setting->action == "delete") {
        if (!(response && http::equalsIgnoringCase(name, "Server")))
            headers.remove(name);
        return Flow::Continue;
    }
    if (setting->action == "skip" && present)
        return Flow::Continue;
    std::vector<std::string> values = std::move(setting->values);
    if (setting->action == "append" && present && !keepsSeparateLines(name)) {
        values.insert(values.begin(), *headers.joined(name));
        headers.remove(name);
    } else if (setting->action != "append") {
        headers.remove(name); // override (or skip of an absent header); every value null removes it
    }
    if (keepsSeparateLines(name)) {
        for (auto &value : values)
            headers.add(name, std::move(value));
    } else if (!values.empty() || !setting->allNull) {
        std::string joined;
        for (const auto &value : values)
            joined += (joined.empty() ? "" : ", ") + value;
        headers.add(name, std::move(joined));
    }
    return Flow::Continue;
}

} // namespace gw::policy
