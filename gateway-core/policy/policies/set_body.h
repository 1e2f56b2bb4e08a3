#pragma once

#include <content/liquid.h>
#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <set-body template="liquid">...</set-body>, or literal text, or an expression.
class SetBodyPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    SetBodyPolicy(Template body, std::optional<content::LiquidTemplate> liquid)
        : m_body(std::move(body)), m_liquid(std::move(liquid))
    {
    }

private:
    Template m_body;
    std::optional<content::LiquidTemplate> m_liquid; // when template="liquid"
};

} // namespace gw::policy
