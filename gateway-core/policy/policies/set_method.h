#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <set-method>POST</set-method>
class SetMethodPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    explicit SetMethodPolicy(Template method) : m_method(std::move(method)) {}

private:
    Template m_method;
};

} // namespace gw::policy
