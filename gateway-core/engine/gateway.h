#pragma once

#include <engine/compiled_config.h>
#include <engine/trace_store.h>
#include <http/server.h>
#include <policy/services.h>
#include <telemetry/log_bus.h>

#include <atomic>
#include <memory>

namespace gw::engine {

// The request pipeline, run on the I/O thread of each connection:
//   health endpoint -> route (404) -> subscription (401, into on-error) -> the operation's compiled policies
//   (inbound, backend with forward-request, outbound, on-error) -> response, then one RequestRecord on the log bus.
class Gateway {
public:
    Gateway(telemetry::LogBus &logBus, policy::ServicesOptions services, std::vector<std::string> loggedHeaders = {})
        : m_logBus(logBus), m_services(std::move(services)), m_loggedHeaders(std::move(loggedHeaders))
    {
    }

    void apply(std::shared_ptr<const CompiledConfig> config) { m_config.store(std::move(config)); }
    std::shared_ptr<const CompiledConfig> config() const { return m_config.load(); }

    void handle(std::shared_ptr<http::Exchange> exchange);
    std::size_t inFlight() const { return m_inFlight.load(std::memory_order_relaxed); }
    TraceStore &traces() { return m_traces; }
    policy::Services &services() { return m_services; }

private:
    std::atomic<std::shared_ptr<const CompiledConfig>> m_config;
    telemetry::LogBus &m_logBus;
    std::atomic<std::size_t> m_inFlight = 0;
    TraceStore m_traces;
    policy::Services m_services;
    const std::vector<std::string> m_loggedHeaders; // the records' requestHeaders and responseHeaders
};

} // namespace gw::engine
