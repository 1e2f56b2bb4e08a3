#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

#include <optional>

namespace gw::policy {

// <emit-metric name="Requests" namespace="Contoso" value="1"><dimension name="API ID" /></emit-metric>: locally,
// the value is added to the gateway's metrics (telemetry::EventSinks), which the analytics view shows.
class EmitMetricPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    struct Dimension {
        std::string name;
        std::optional<Template> value; // absent: the default of a well-known dimension ("API ID", ...)
    };
    struct Config {
        std::string name;
        std::string metricNamespace;
        Template value;
        std::vector<Dimension> dimensions;
    };
    explicit EmitMetricPolicy(Config config) : m_config(std::move(config)) {}

private:
    Config m_config;
};

} // namespace gw::policy
