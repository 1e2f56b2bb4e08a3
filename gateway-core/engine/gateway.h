#pragma once

#include <engine/compiled_config.h>
#include <http/server.h>
#include <telemetry/log_bus.h>

#include <atomic>
#include <memory>

namespace gw::engine {

// The request pipeline, run on the I/O thread of each connection:
//   health endpoint -> route (404) -> subscription (401) -> inbound -> backend
//   (forward-request) -> outbound -> response, then one RequestRecord on the log bus.
// Inbound and outbound are where the policy engine's compiled sections run;
// until they exist the backend step is the default forward-request.
class Gateway {
public:
    explicit Gateway(telemetry::LogBus &logBus) : m_logBus(logBus) {}

    void apply(std::shared_ptr<const CompiledConfig> config) { m_config.store(std::move(config)); }
    std::shared_ptr<const CompiledConfig> config() const { return m_config.load(); }

    void handle(std::shared_ptr<http::Exchange> exchange);
    std::size_t inFlight() const { return m_inFlight.load(std::memory_order_relaxed); }

private:
    std::atomic<std::shared_ptr<const CompiledConfig>> m_config;
    telemetry::LogBus &m_logBus;
    std::atomic<std::size_t> m_inFlight = 0;
};

} // namespace gw::engine
