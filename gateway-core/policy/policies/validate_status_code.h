#pragma once

#include "validation.h"
#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <validate-status-code unspecified-status-code-action="prevent" errors-variable-name="errors">
//     <status-code code="418" action="ignore" />
// </validate-status-code>
class ValidateStatusCodePolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    struct Config {
        validation::ActionTemplate unspecifiedAction;
        std::string errorsVariable;
        std::vector<std::pair<int, validation::ActionTemplate>> codes; // overrides for codes the schema lacks
    };
    explicit ValidateStatusCodePolicy(Config config) : m_config(std::move(config)) {}

private:
    Config m_config;
};

} // namespace gw::policy
