#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <check-header name="X-Tenant" failed-check-httpcode="401" failed-check-error-message="..."
// ignore-case="true"><value>a</value></check-header>
class CheckHeaderPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    struct Config {
        Template name;
        Template status;
        Template message;
        Template ignoreCase;
        std::vector<Template> values;
    };
    explicit CheckHeaderPolicy(Config config) : m_config(std::move(config)) {}

private:
    Config m_config;
};

} // namespace gw::policy
