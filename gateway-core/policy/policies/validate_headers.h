#pragma once

#include "validation.h"

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <validate-headers specified-header-action="prevent" unspecified-header-action="detect" errors-variable-name="e">
//     <header name="X-Trace" action="ignore" />
// </validate-headers>
class ValidateHeadersPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    struct Config {
        validation::ActionTemplate specified;
        validation::ActionTemplate unspecified;
        std::string errorsVariable;
        std::vector<std::pair<std::string, validation::ActionTemplate>> headers; // per-header overrides
    };
    explicit ValidateHeadersPolicy(Config config) : m_config(std::move(config)) {}

private:
    Config m_config;
    validation::SchemaCache m_schemas;
};

} // namespace gw::policy
