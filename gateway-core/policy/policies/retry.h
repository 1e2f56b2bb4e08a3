#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <retry condition="@(context.Response.StatusCode >= 500)" count="3" interval="1">...</retry>
class RetryPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    struct Config {
        Template condition;
        Template count;
        Template interval;
        std::optional<Template> maxInterval;
        std::optional<Template> delta;
        Template firstFastRetry;
        Steps steps;
    };
    explicit RetryPolicy(Config config) : m_config(std::move(config)) {}

private:
    class Again;
    Config m_config;
    std::shared_ptr<const Again> m_again;
};

} // namespace gw::policy
