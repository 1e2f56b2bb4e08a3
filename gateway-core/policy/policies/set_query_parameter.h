#pragma once

#include "value_setting.h"

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <set-query-parameter name="page" exists-action="override"><value>1</value></set-query-parameter>
class SetQueryParameterPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    explicit SetQueryParameterPolicy(ValueSetting setting) : m_setting(std::move(setting)) {}

private:
    ValueSetting m_setting;
};

} // namespace gw::policy
