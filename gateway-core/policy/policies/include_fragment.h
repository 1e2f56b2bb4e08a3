#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <include-fragment fragment-id="add-headers" />: the fragment's statements run in place.
class IncludeFragmentPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    explicit IncludeFragmentPolicy(Steps steps) : m_steps(std::move(steps)) {}

private:
    Steps m_steps;
};

} // namespace gw::policy
