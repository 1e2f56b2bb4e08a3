#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>

namespace gw::backends {
class Backends;
}
namespace gw::cache {
class Cache;
}
namespace gw::certificates {
class Store;
}
namespace gw::identity {
class TokenCache;
}
namespace gw::limits {
class Limits;
}
namespace gw::jwt {
class KeyCache;
}

namespace gw::telemetry {
class EventSinks;
}

namespace gw::policy {

struct ServicesOptions {
    // Where state that must survive a restart of the gateway is kept (quota counters); empty: kept in memory only.
    std::filesystem::path stateDirectory;
    // The internal cache's bound (cache-lookup/cache-store responses and cache-*-value values), in bytes.
    std::size_t cacheCapacityBytes = std::size_t(64) << 20;
};

// What policies keep across requests and configurations: counters, caches, fetched keys. The gateway owns one for
// its lifetime (a reload keeps it); a policy test run makes its own. Every member is safe to use from all I/O
// threads at once.
class Services {
public:
    explicit Services(ServicesOptions options = {});
    ~Services();
    Services(const Services &) = delete;
    Services &operator=(const Services &) = delete;

    const std::filesystem::path &stateDirectory() const { return m_options.stateDirectory; }
    cache::Cache &cache() { return *m_cache; }
    // Circuit breakers and pool positions of backend entities (set-backend-service backend-id).
    backends::Backends &backends() { return *m_backends; }
    // Rate-limit, quota and concurrency counters (quotas persisted under stateDirectory()).
    limits::Limits &limits() { return *m_limits; }
    // Signing keys fetched from OpenID configurations (validate-jwt, validate-azure-ad-token).
    jwt::KeyCache &jwtKeys() { return *m_jwtKeys; }
    // Certificates by id and thumbprint (authentication-certificate, validate-client-certificate), read from
    // <stateDirectory>/certificates/; the gateway reads the folder again when it reloads.
    certificates::Store &certificates() { return *m_certificates; }
    // Access tokens of the local token provider (authentication-managed-identity).
    identity::TokenCache &tokens() { return *m_tokens; }

    // Where log-to-eventhub and emit-metric write: <stateDirectory>/logs/<logger>.jsonl, metrics in memory.
    telemetry::EventSinks &events() { return *m_events; }

private:
    ServicesOptions m_options;
    std::unique_ptr<telemetry::EventSinks> m_events;
    std::unique_ptr<cache::Cache> m_cache;
    std::unique_ptr<backends::Backends> m_backends;
    std::unique_ptr<limits::Limits> m_limits;
    std::unique_ptr<jwt::KeyCache> m_jwtKeys;
    std::unique_ptr<certificates::Store> m_certificates;
    std::unique_ptr<identity::TokenCache> m_tokens;
};

} // namespace gw::policy
