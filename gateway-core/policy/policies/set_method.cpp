#include "set_method.h"

#include <policy/run.h>

namespace gw::policy {

PolicyDescription SetMethodPolicy::describe()
{
    return {
        .name = "set-method",
        .sections = Inbound | OnError,
        .help = "Changes the HTTP method of the request (or of the request send-request builds).",
        .hasText = true,
    };
}

std::shared_ptr<const Policy> SetMethodPolicy::create(const Element &element, Compiler &compiler)
{
    if (!element.text)
        compiler.error(element.range, "'set-method' needs a method as its text, e.g. <set-method>POST</set-method>");
    return std::make_shared<SetMethodPolicy>(compiler.text(element));
}

Flow SetMethodPolicy::apply(Run &run) const
{
    auto method = run.text(m_method);
    if (!method)
        return Flow::Fail;
    run.method() = std::move(*method);
    return Flow::Continue;
}

} // namespace gw::policy
