#include "services.h"

#include <backends/backends.h>
#include <cache/cache.h>
#include <certificates/store.h>
#include <identity/token_cache.h>
#include <jwt/key_cache.h>
#include <limits/limits.h>
#include <telemetry/event_sinks.h>

namespace gw::policy {

Services::Services(ServicesOptions options)
    : m_options(std::move(options)),
      m_events(std::make_unique<telemetry::EventSinks>(
          m_options.stateDirectory.empty() ? std::filesystem::path() : m_options.stateDirectory / "logs")),
      m_cache(std::make_unique<cache::Cache>(cache::CacheOptions{.capacityBytes = m_options.cacheCapacityBytes})),
      m_backends(std::make_unique<backends::Backends>()),
      m_limits(std::make_unique<limits::Limits>(limits::Limits::Options{.stateDirectory = m_options.stateDirectory})),
      m_jwtKeys(std::make_unique<jwt::KeyCache>()),
      m_certificates(std::make_unique<certificates::Store>(
          m_options.stateDirectory.empty() ? std::filesystem::path() : m_options.stateDirectory / "certificates")),
      m_tokens(std::make_unique<identity::TokenCache>())
{
}

Services::~Services() = default;

} // namespace gw::policy
