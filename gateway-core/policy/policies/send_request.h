#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <send-request mode="new|copy" response-variable-name="r" timeout="20"
// ignore-error="false"><set-url>...</set-url>...</send-request>
class SendRequestPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    struct Config {
        bool oneWay = false; // send-one-way-request: fire and forget
        Template mode;
        std::string variable;
        Template timeout;
        Template ignoreError;
        std::optional<Template> url;
        Steps steps; // set-method, set-header, set-body: applied to the request being built
    };
    explicit SendRequestPolicy(Config config) : m_config(std::move(config)) {}
    static std::shared_ptr<const Policy> createOneWay(const Element &element, Compiler &compiler);
    static PolicyDescription describeOneWay();

private:
    Config m_config;
};

} // namespace gw::policy
