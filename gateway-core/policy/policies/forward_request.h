#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <forward-request timeout="60" fail-on-error-status-code="false" />: sends the request to the backend.
class ForwardRequestPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    ForwardRequestPolicy(Template timeout, Template failOnErrorStatus)
        : m_timeout(std::move(timeout)), m_failOnErrorStatus(std::move(failOnErrorStatus))
    {
    }

private:
    Template m_timeout;
    Template m_failOnErrorStatus;
};

} // namespace gw::policy
