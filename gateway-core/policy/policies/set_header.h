#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <set-header name="X-Env" exists-action="override|skip|append|delete"><value>prod</value></set-header>
class SetHeaderPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    SetHeaderPolicy(Template name, Template action, std::vector<Template> values)
        : m_name(std::move(name)), m_action(std::move(action)), m_values(std::move(values))
    {
    }

private:
    Template m_name;
    Template m_action;
    std::vector<Template> m_values;
};

} // namespace gw::policy
