#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

#include <optional>

namespace gw::policy {

// <log-to-eventhub logger-id="audit" partition-key="@(...)">message</log-to-eventhub>: locally, the message is
// appended to the logger's JSON-lines file (telemetry::EventSinks) instead of an Azure event hub.
class LogToEventHubPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    struct Config {
        std::string loggerId;
        std::string partitionId;
        std::optional<Template> partitionKey;
        Template message;
    };
    explicit LogToEventHubPolicy(Config config) : m_config(std::move(config)) {}

private:
    Config m_config;
};

} // namespace gw::policy
