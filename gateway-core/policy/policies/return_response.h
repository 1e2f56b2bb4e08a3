#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <return-response response-variable-name="r"><set-status .../><set-header
// .../><set-body>...</set-body></return-response>
class ReturnResponsePolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    ReturnResponsePolicy(std::string variable, Steps steps) : m_variable(std::move(variable)), m_steps(std::move(steps))
    {
    }

private:
    std::string m_variable;
    Steps m_steps; // set-status, set-header, set-body: applied to the response being built
};

} // namespace gw::policy
