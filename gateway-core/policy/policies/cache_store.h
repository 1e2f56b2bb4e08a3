#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

#include <optional>

namespace gw::policy {

// <cache-store duration="3600" cache-response="true" />: keeps the response under the key cache-lookup computed.
class CacheStorePolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    struct Config {
        Template duration;
        std::optional<Template> cacheResponse; // absent: only 200 OK is stored
    };
    explicit CacheStorePolicy(Config config) : m_config(std::move(config)) {}

private:
    Config m_config;
};

} // namespace gw::policy
