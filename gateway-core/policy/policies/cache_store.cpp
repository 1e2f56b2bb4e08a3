#include "cache_store.h"

#include "cache_lookup.h"

#include <cache/cache.h>
#include <policy/run.h>

#include <algorithm>
#include <any>
#include <chrono>

namespace gw::policy {

namespace {

// Whether a Cache-Control value holds `directive` (alone or with an argument: `private="Set-Cookie"`).
bool hasDirective(std::string_view value, std::string_view directive)
{
    while (!value.empty()) {
        const auto end = value.find(',');
        std::string_view part = value.substr(0, end);
        while (!part.empty() && (part.front() == ' ' || part.front() == '\t'))
            part.remove_prefix(1);
        const std::string_view name = part.substr(0, part.find_first_of("= \t"));
        if (http::equalsIgnoringCase(name, directive))
            return true;
        value = end == std::string_view::npos ? std::string_view() : value.substr(end + 1);
    }
    return false;
}

} // namespace

PolicyDescription CacheStorePolicy::describe()
{
    return {
        .name = "cache-store",
        .sections = Outbound,
        .help = "Keeps the response in the gateway's internal cache under the key its cache-lookup computed (GET "
                "requests only; nothing without a cache-lookup). A response the backend marks "
                "Cache-Control: no-store, or private (unless allow-private-response-caching), is not kept unless "
                "cache-response is true.",
        .attributes = {{.name = "duration",
                        .type = AttributeType::Integer,
                        .required = true,
                        .help = "How long the response stays fresh, in seconds."},
                       {.name = "cache-response",
                        .type = AttributeType::Boolean,
                        .help = "true: keep the response whatever its status; false: do not keep it; absent: keep "
                                "only 200 OK responses."}},
    };
}

std::shared_ptr<const Policy> CacheStorePolicy::create(const Element &element, Compiler &compiler)
{
    Config config;
    auto duration = compiler.attribute(element, "duration");
    if (!duration)
        return nullptr;
    config.duration = std::move(*duration);
    config.cacheResponse = compiler.attribute(element, "cache-response");
    return std::make_shared<CacheStorePolicy>(std::move(config));
}

Flow CacheStorePolicy::apply(Run &run) const
{
    auto *state = std::any_cast<ResponseCacheState>(&run.slot(responseCacheSlot()));
    if (!state) {
        run.traceMessage("Nothing stored: no cache-lookup computed a key for this request.");
        return Flow::Continue;
    }
    if (state->fromCache) {
        run.traceMessage("Nothing stored: the response came from the cache.");
        return Flow::Continue;
    }
    auto duration = run.integer(m_config.duration);
    if (!duration)
        return Flow::Fail;
    std::optional<bool> cacheResponse;
    if (m_config.cacheResponse) {
        cacheResponse = run.boolean(*m_config.cacheResponse);
        if (!cacheResponse)
            return Flow::Fail;
    }

    expr::ResponseState &response = run.context().response;
    if (cacheResponse == false) {
        run.traceMessage("Nothing stored: cache-response is false.");
        return Flow::Continue;
    }
    if (!cacheResponse && response.statusCode != 200) {
        run.traceMessage("Nothing stored: only 200 OK responses are stored unless cache-response is true.");
        return Flow::Continue;
    }
    // APIM's pages say nothing of the backend's Cache-Control. A shared cache must not keep `no-store` or `private`
    // responses (RFC 9111 3, 5.2.2.3, 5.2.2.7), and the gateway's cache is shared by every caller: keep them only
    // when the policy says so (cache-response="true", or allow-private-response-caching for `private`).
    if (!cacheResponse) {
        const std::string cacheControl = response.headers.joined("Cache-Control").value_or("");
        if (hasDirective(cacheControl, "no-store") || (hasDirective(cacheControl, "private") && !state->allowPrivate)) {
            run.traceMessage("Nothing stored: the response says Cache-Control: " + cacheControl + ".");
            return Flow::Continue;
        }
    }
    if (*duration <= 0) {
        run.traceMessage("Nothing stored: the duration is not positive.");
        return Flow::Continue;
    }

    cache::StoredResponse stored;
    stored.status = response.statusCode;
    stored.reason = response.statusReason;
    http::Headers headers = response.headers;
    http::removeHopByHop(headers);
    stored.headers = std::move(headers.fields());
    stored.body = response.body.value_or(std::string());
    const auto ttl = std::chrono::seconds(std::min<std::int64_t>(*duration, std::int64_t(100) * 365 * 24 * 3600));
    if (!run.services().cache().storeResponse(state->key, std::move(stored), ttl)) {
        run.traceMessage("Nothing stored: the response is larger than the cache can hold.");
        return Flow::Continue;
    }
    response.headers.set("Cache-Control", downstreamCacheControl(*state, ttl.count()));
    run.traceMessage("Response stored for " + std::to_string(ttl.count()) + " s. Cache key: " + state->key);
    return Flow::Continue;
}

} // namespace gw::policy
