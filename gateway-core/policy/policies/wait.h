#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <wait for="all|any"><send-request .../>...</wait>: here its statements run one after the other.
class WaitPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    explicit WaitPolicy(Steps steps) : m_steps(std::move(steps)) {}

private:
    Steps m_steps;
};

} // namespace gw::policy
