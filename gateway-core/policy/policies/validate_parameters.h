#pragma once

#include "validation.h"

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <validate-parameters specified-parameter-action="prevent" unspecified-parameter-action="prevent"
//                      errors-variable-name="errors">
//     <headers specified-parameter-action="detect" unspecified-parameter-action="ignore">
//         <parameter name="Authorization" action="prevent" />
//     </headers>
//     <query .../>  <path specified-parameter-action="..."/>
// </validate-parameters>
class ValidateParametersPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    // headers, query or path: actions that override the root's, and per-parameter overrides.
    struct Level {
        validation::ActionTemplate specified;
        validation::ActionTemplate unspecified;
        std::vector<std::pair<std::string, validation::ActionTemplate>> parameters;
    };
    struct Config {
        validation::ActionTemplate specified;
        validation::ActionTemplate unspecified;
        std::string errorsVariable;
        Level headers;
        Level query;
        Level path;
    };
    explicit ValidateParametersPolicy(Config config) : m_config(std::move(config)) {}

private:
    Config m_config;
    validation::SchemaCache m_schemas;
};

} // namespace gw::policy
