#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <set-status code="201" reason="Created" />
class SetStatusPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    SetStatusPolicy(Template code, std::optional<Template> reason)
        : m_code(std::move(code)), m_reason(std::move(reason))
    {
    }

private:
    Template m_code;
    std::optional<Template> m_reason;
};

} // namespace gw::policy
