#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

#include <cstdint>
#include <string>
#include <vector>

namespace gw::policy {

// What cache-lookup leaves in its run (Run::slot(responseCacheSlot())) for cache-store of the same request.
struct ResponseCacheState {
    std::string key;            // the response's key in the internal cache
    std::string downstream;     // none | private | public
    bool mustRevalidate = true; // with downstream caching: add must-revalidate
    bool allowPrivate = false;  // allow-private-response-caching: a backend's `Cache-Control: private` may be kept
    bool fromCache = false;     // the response came from the cache: cache-store does not store it again
};
const void *responseCacheSlot();
// The Cache-Control that downstream-caching-type asks for, for a response fresh for `maxAgeSeconds` more.
std::string downstreamCacheControl(const ResponseCacheState &state, std::int64_t maxAgeSeconds);

// <cache-lookup vary-by-developer="false" vary-by-developer-groups="false" downstream-caching-type="none"
//   must-revalidate="true" allow-private-response-caching="false" caching-type="prefer-external">
//   <vary-by-header>Accept</vary-by-header> <vary-by-query-parameter>version;page</vary-by-query-parameter>
// </cache-lookup>
class CacheLookupPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    struct Config {
        Template varyByDeveloper;
        Template varyByDeveloperGroups;
        Template downstreamCachingType;
        Template mustRevalidate;
        Template allowPrivateResponseCaching;
        std::vector<std::string> headers;         // vary-by-header, in the order written
        std::vector<std::string> queryParameters; // vary-by-query-parameter, split at ';'
    };
    explicit CacheLookupPolicy(Config config) : m_config(std::move(config)) {}

private:
    Config m_config;
};

} // namespace gw::policy
