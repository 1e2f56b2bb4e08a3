#pragma once

#include "value_setting.h"

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <set-header name="X-Env" exists-action="override|skip|append|delete"><value>prod</value></set-header>
class SetHeaderPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    explicit SetHeaderPolicy(ValueSetting setting) : m_setting(std::move(setting)) {}

private:
    ValueSetting m_setting;
};

} // namespace gw::policy
