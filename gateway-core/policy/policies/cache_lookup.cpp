#include "cache_lookup.h"

#include <cache/cache.h>
#include <policy/run.h>

#include <algorithm>
#include <any>
#include <chrono>

namespace gw::policy {

namespace {

// Conditional and cache headers of the request: on a miss they are removed so that the backend answers with a
// complete response that can be stored (APIM's trace lists them as "removed from the request").
constexpr std::string_view requestCacheHeaders[] = {
    "Cache-Control", "Pragma", "If-Match", "If-None-Match", "If-Range", "If-Modified-Since", "If-Unmodified-Since"};

// One part of a key: a tag and a length-prefixed value, so that no value can pass for another part.
void appendPart(std::string &key, std::string_view tag, std::string_view value)
{
    key += tag;
    key += std::to_string(value.size());
    key += ':';
    key += value;
}

std::string developerOf(const expr::Context &context)
{
    if (!context.subscription)
        return "anonymous";
    const auto &owner = context.subscription->ownerId;
    return owner && !owner->empty() ? *owner : "/subscriptions/" + context.subscription->name;
}

} // namespace

const void *responseCacheSlot()
{
    static const char slot = 0;
    return &slot;
}

std::string downstreamCacheControl(const ResponseCacheState &state, std::int64_t maxAgeSeconds)
{
    if (state.downstream != "private" && state.downstream != "public")
        return "no-store";
    std::string value = state.downstream + ", max-age=" + std::to_string(std::max<std::int64_t>(maxAgeSeconds, 0));
    if (state.mustRevalidate)
        value += ", must-revalidate";
    return value;
}

PolicyDescription CacheLookupPolicy::describe()
{
    return {
        .name = "cache-lookup",
        .sections = Inbound,
        .help = "For GET requests, answers from the gateway's response cache when it holds a fresh response for the "
                "request (its API revision, operation, URL and the varied-by parameters, headers and developer); "
                "processing then goes on after the matching cache-store in outbound and the backend is not called. "
                "Pair it with cache-store. Requests with an Authorization header are not cached unless "
                "allow-private-response-caching is true. There is no external cache here: prefer-external uses "
                "the internal cache, and external does too (with a warning).",
        .attributes =
            {{.name = "vary-by-developer",
              .type = AttributeType::Boolean,
              .required = true,
              .defaultValue = "false",
              .help = "Keep responses per developer (the owner of the request's subscription)."},
             {.name = "vary-by-developer-groups",
              .type = AttributeType::Boolean,
              .required = true,
              .defaultValue = "false",
              .help = "Keep responses per group of the developer. Group memberships are not part of the workspace "
                      "here, so this keeps responses per developer (never shares one between developers)."},
             {.name = "caching-type",
              .type = AttributeType::Choice,
              .expressions = false,
              .defaultValue = "prefer-external",
              .choices = {"prefer-external", "external", "internal"},
              .help = "Which cache: the internal one in every case here (no external cache is configured)."},
             {.name = "downstream-caching-type",
              .type = AttributeType::Choice,
              .defaultValue = "none",
              .choices = {"none", "private", "public"},
              .help = "What the response's Cache-Control allows clients and proxies: none (no-store), private or "
                      "public (with max-age: how long the gateway's copy stays fresh)."},
             {.name = "must-revalidate",
              .type = AttributeType::Boolean,
              .defaultValue = "true",
              .help = "With downstream caching, add must-revalidate to Cache-Control."},
             {.name = "allow-private-response-caching",
              .type = AttributeType::Boolean,
              .defaultValue = "false",
              .help = "Cache responses to requests that carry an Authorization header (vary by that header too)."}},
        .children = {{.name = "vary-by-header", .repeated = true, .help = "A request header the response depends on."},
                     {.name = "vary-by-query-parameter",
                      .repeated = true,
                      .help = "Query parameters the response depends on (several separated by ';')."}},
    };
}

std::shared_ptr<const Policy> CacheLookupPolicy::create(const Element &element, Compiler &compiler)
{
    Config config;
    auto developer = compiler.attribute(element, "vary-by-developer");
    auto groups = compiler.attribute(element, "vary-by-developer-groups");
    auto downstream = compiler.attribute(element, "downstream-caching-type");
    auto revalidate = compiler.attribute(element, "must-revalidate");
    auto allowPrivate = compiler.attribute(element, "allow-private-response-caching");
    if (!developer || !groups || !downstream || !revalidate || !allowPrivate)
        return nullptr;
    config.varyByDeveloper = std::move(*developer);
    config.varyByDeveloperGroups = std::move(*groups);
    config.downstreamCachingType = std::move(*downstream);
    config.mustRevalidate = std::move(*revalidate);
    config.allowPrivateResponseCaching = std::move(*allowPrivate);
    if (compiler.literal(element, "caching-type") == "external") {
        const Attribute *attribute = element.attribute("caching-type");
        compiler.warning(attribute ? attribute->valueRange : element.range,
                         "caching-type=\"external\": no external cache is configured here; the internal cache is "
                         "used");
    }
    for (const Element &child : element.children) {
        Template text = compiler.text(child);
        if (!text.isLiteral()) {
            compiler.error(child.text ? child.text->range : child.range,
                           "<" + child.name + "> takes a name, not an expression");
            continue;
        }
        if (child.name == "vary-by-header") {
            if (!text.text().empty())
                config.headers.push_back(text.text());
            continue;
        }
        std::string_view names = text.text();
        while (!names.empty()) {
            const auto end = names.find(';');
            std::string_view name = names.substr(0, end);
            while (!name.empty() && (name.front() == ' ' || name.front() == '\t'))
                name.remove_prefix(1);
            while (!name.empty() && (name.back() == ' ' || name.back() == '\t'))
                name.remove_suffix(1);
            if (!name.empty())
                config.queryParameters.emplace_back(name);
            names = end == std::string_view::npos ? std::string_view() : names.substr(end + 1);
        }
    }
    return std::make_shared<CacheLookupPolicy>(std::move(config));
}

Flow CacheLookupPolicy::apply(Run &run) const
{
    expr::Context &context = run.context();
    if (context.request.method != "GET") {
        run.traceMessage("Cache lookup skipped: only GET requests are cached.");
        return Flow::Continue;
    }
    auto allowPrivate = run.boolean(m_config.allowPrivateResponseCaching);
    if (!allowPrivate)
        return Flow::Fail;
    if (!*allowPrivate && context.request.headers.contains("Authorization")) {
        run.traceMessage("Cache lookup skipped: the request carries an Authorization header and "
                         "allow-private-response-caching is false.");
        return Flow::Continue;
    }
    auto byDeveloper = run.boolean(m_config.varyByDeveloper);
    auto byGroups = run.boolean(m_config.varyByDeveloperGroups);
    auto downstream = run.text(m_config.downstreamCachingType);
    auto revalidate = run.boolean(m_config.mustRevalidate);
    if (!byDeveloper || !byGroups || !downstream || !revalidate)
        return Flow::Fail;
    if (*downstream != "none" && *downstream != "private" && *downstream != "public")
        return run.fail(
            expr::EvaluationError{"downstream-caching-type must be none, private or public, not '" + *downstream + "'.",
                                  run.step().location});

    // The key: API (and revision), operation, the URL the request is going to, then what the response varies by.
    std::string key;
    if (context.api) {
        appendPart(key, "api", context.api->name);
        appendPart(key, ";rev=", context.api->apiRevision.value_or(""));
    }
    if (context.operation)
        appendPart(key, "|op", context.operation->name);
    const expr::Url &url = context.request.url;
    appendPart(key, "|url", url.scheme + "://" + url.host + ":" + std::to_string(url.port) + url.path);
    for (const std::string &name : m_config.queryParameters) {
        std::string values;
        bool present = false;
        for (const auto &[parameter, value] : url.query) {
            if (parameter != name)
                continue;
            values += present ? "," + value : value;
            present = true;
        }
        appendPart(key, "&" + name + (present ? "=" : "~"), values);
    }
    for (const std::string &name : m_config.headers) {
        const auto value = context.request.headers.joined(name);
        appendPart(key, "::" + name + (value ? "=" : "~"), value.value_or(""));
    }
    if (*byDeveloper || *byGroups)
        appendPart(key, "|developer", developerOf(context));

    ResponseCacheState state;
    state.key = std::move(key);
    state.downstream = std::move(*downstream);
    state.mustRevalidate = *revalidate;
    state.allowPrivate = *allowPrivate;

    auto hit = run.services().cache().lookupResponse(state.key);
    if (!hit) {
        std::string removed;
        for (std::string_view name : requestCacheHeaders) {
            if (const auto value = context.request.headers.joined(name)) {
                removed += (removed.empty() ? "" : "; ") + std::string(name) + ": " + *value;
                context.request.headers.remove(name);
            }
        }
        run.traceMessage("Cache lookup resulted in a miss" +
                         (removed.empty() ? std::string(".")
                                          : ". Cache headers removed from the request so that the backend sends a "
                                            "complete response: " +
                                                removed) +
                         " Cache key: " + state.key);
        run.slot(responseCacheSlot()) = std::move(state);
        return Flow::Continue;
    }

    // A hit: the stored response, then outbound from the statement after the matching cache-store.
    const cache::StoredResponse &stored = *hit->response;
    context.response.statusCode = stored.status;
    context.response.statusReason = stored.reason;
    context.response.headers = http::Headers();
    for (const http::Header &field : stored.headers)
        context.response.headers.add(field.name, field.value);
    context.response.body = stored.body;
    context.response.headers.set(
        "Cache-Control",
        downstreamCacheControl(state, std::chrono::ceil<std::chrono::seconds>(hit->remaining).count()));
    run.traceMessage("Cache lookup resulted in a hit: the cached response is used; processing goes on after the "
                     "matching cache-store in outbound. Cache key: " +
                     state.key);
    state.fromCache = true;
    run.slot(responseCacheSlot()) = std::move(state);
    return run.continueAfter(Section::Outbound, "cache-store");
}

} // namespace gw::policy
