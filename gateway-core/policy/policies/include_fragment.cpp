#include "include_fragment.h"

#include <policy/run.h>

namespace gw::policy {

PolicyDescription IncludeFragmentPolicy::describe()
{
    return {
        .name = "include-fragment",
        .sections = AllSections,
        .help = "Runs the statements of a policy fragment (policy fragments/<id>/policy.xml) in place.",
        .attributes = {{.name = "fragment-id", .required = true, .expressions = false, .help = "The fragment."}},
    };
}

std::shared_ptr<const Policy> IncludeFragmentPolicy::create(const Element &element, Compiler &compiler)
{
    return std::make_shared<IncludeFragmentPolicy>(
        compiler.fragment(element, compiler.literal(element, "fragment-id")));
}

Flow IncludeFragmentPolicy::apply(Run &run) const
{
    return run.enter(m_steps);
}

} // namespace gw::policy
