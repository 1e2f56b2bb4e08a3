#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <find-and-replace from="old" to="new" />: plain text replacement in the body.
class FindAndReplacePolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    FindAndReplacePolicy(Template from, Template to) : m_from(std::move(from)), m_to(std::move(to)) {}

private:
    Template m_from;
    Template m_to;
};

} // namespace gw::policy
