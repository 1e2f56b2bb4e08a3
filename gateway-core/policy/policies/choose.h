#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <choose><when condition="@(...)">...</when><otherwise>...</otherwise></choose>
class ChoosePolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    struct Branch {
        std::optional<Template> condition; // none: <otherwise>
        Steps steps;
    };
    explicit ChoosePolicy(std::vector<Branch> branches) : m_branches(std::move(branches)) {}

private:
    std::vector<Branch> m_branches;
};

} // namespace gw::policy
