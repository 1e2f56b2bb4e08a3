#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <set-variable name="user" value="@(context.User.Id)" />
class SetVariablePolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    SetVariablePolicy(std::string name, Template value) : m_name(std::move(name)), m_value(std::move(value)) {}

private:
    std::string m_name;
    Template m_value;
};

} // namespace gw::policy
