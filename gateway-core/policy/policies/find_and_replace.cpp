#include "find_and_replace.h"

#include <policy/run.h>

namespace gw::policy {

PolicyDescription FindAndReplacePolicy::describe()
{
    return {
        .name = "find-and-replace",
        .sections = AllSections,
        .help = "Replaces every occurrence of a text in the body of the request or the response.",
        .attributes = {{.name = "from", .required = true, .help = "The text to find."},
                       {.name = "to", .required = true, .help = "Its replacement (empty deletes it)."}},
    };
}

std::shared_ptr<const Policy> FindAndReplacePolicy::create(const Element &element, Compiler &compiler)
{
    auto from = compiler.attribute(element, "from");
    auto to = compiler.attribute(element, "to");
    if (!from || !to)
        return nullptr;
    return std::make_shared<FindAndReplacePolicy>(std::move(*from), std::move(*to));
}

Flow FindAndReplacePolicy::apply(Run &run) const
{
    auto from = run.text(m_from);
    auto to = run.text(m_to);
    if (!from || !to)
        return Flow::Fail;
    std::optional<std::string> &body = run.body();
    if (!body || from->empty())
        return Flow::Continue;
    std::string out;
    std::size_t at = 0;
    for (std::size_t found; (found = body->find(*from, at)) != std::string::npos; at = found + from->size()) {
        out.append(*body, at, found - at);
        out += *to;
    }
    out.append(*body, at);
    *body = std::move(out);
    return Flow::Continue;
}

} // namespace gw::policy
