#include "cache_value.h"

#include <cache/cache.h>
#include <policy/run.h>

#include <algorithm>
#include <chrono>

namespace gw::policy {

namespace {

AttributeDescription cachingType()
{
    return {.name = "caching-type",
            .type = AttributeType::Choice,
            .expressions = false,
            .defaultValue = "prefer-external",
            .choices = {"prefer-external", "external", "internal"},
            .help = "Which cache: the internal one in every case here (no external cache is configured; external "
                    "gives a warning)."};
}

void warnExternal(const Element &element, Compiler &compiler)
{
    if (compiler.literal(element, "caching-type") != "external")
        return;
    const Attribute *attribute = element.attribute("caching-type");
    compiler.warning(attribute ? attribute->valueRange : element.range,
                     "caching-type=\"external\": no external cache is configured here; the internal cache is used");
}

} // namespace

PolicyDescription CacheLookupValuePolicy::describe()
{
    return {
        .name = "cache-lookup-value",
        .sections = AllSections,
        .help = "Reads a value that cache-store-value kept under a key into a variable (the same type it was stored "
                "as). On a miss the variable gets default-value, or is not set when there is none.",
        .attributes = {{.name = "key", .required = true, .help = "The cache key."},
                       {.name = "variable-name",
                        .required = true,
                        .expressions = false,
                        .help = "The variable that receives the value."},
                       {.name = "default-value", .help = "The variable's value on a miss (a literal is a string)."},
                       cachingType()},
    };
}

std::shared_ptr<const Policy> CacheLookupValuePolicy::create(const Element &element, Compiler &compiler)
{
    auto key = compiler.attribute(element, "key");
    if (!key)
        return nullptr;
    warnExternal(element, compiler);
    return std::make_shared<CacheLookupValuePolicy>(std::move(*key), compiler.literal(element, "variable-name"),
                                                    compiler.attribute(element, "default-value"));
}

Flow CacheLookupValuePolicy::apply(Run &run) const
{
    auto key = run.text(m_key);
    if (!key)
        return Flow::Fail;
    if (auto value = run.services().cache().lookupValue(*key)) {
        run.traceMessage("Cache lookup of key '" + *key + "' resulted in a hit.");
        run.context().variables.insert_or_assign(m_variable, std::move(*value));
        return Flow::Continue;
    }
    if (!m_default) {
        run.traceMessage("Cache lookup of key '" + *key + "' resulted in a miss: variable not set.");
        return Flow::Continue;
    }
    auto fallback = run.value(*m_default);
    if (!fallback)
        return Flow::Fail;
    run.traceMessage("Cache lookup of key '" + *key + "' resulted in a miss: the default value is used.");
    run.context().variables.insert_or_assign(m_variable, std::move(*fallback));
    return Flow::Continue;
}

PolicyDescription CacheStoreValuePolicy::describe()
{
    return {
        .name = "cache-store-value",
        .sections = AllSections,
        .help = "Keeps a value (string, number, boolean, JSON, ...) under a key in the gateway's internal cache, for "
                "cache-lookup-value in later requests; a copy is kept, so later changes to the value do not reach "
                "the cache.",
        .attributes = {{.name = "key", .required = true, .help = "The cache key."},
                       {.name = "value", .required = true, .help = "The value (a literal is a string)."},
                       {.name = "duration",
                        .type = AttributeType::Integer,
                        .required = true,
                        .help = "How long the value is kept, in seconds."},
                       cachingType()},
    };
}

std::shared_ptr<const Policy> CacheStoreValuePolicy::create(const Element &element, Compiler &compiler)
{
    auto key = compiler.attribute(element, "key");
    auto value = compiler.attribute(element, "value");
    auto duration = compiler.attribute(element, "duration");
    if (!key || !value || !duration)
        return nullptr;
    warnExternal(element, compiler);
    return std::make_shared<CacheStoreValuePolicy>(std::move(*key), std::move(*value), std::move(*duration));
}

Flow CacheStoreValuePolicy::apply(Run &run) const
{
    auto key = run.text(m_key);
    auto value = key ? run.value(m_value) : std::nullopt;
    auto duration = value ? run.integer(m_duration) : std::nullopt;
    if (!duration)
        return Flow::Fail;
    const std::int64_t seconds = std::clamp<std::int64_t>(*duration, 0, std::int64_t(100) * 365 * 24 * 3600);
    if (!run.services().cache().storeValue(*key, *value, std::chrono::seconds(seconds))) {
        run.traceMessage("Value not stored under key '" + *key +
                         "': " + (seconds <= 0 ? "the duration is not positive." : "larger than the cache can hold."));
        return Flow::Continue;
    }
    run.traceMessage("Value stored under key '" + *key + "' for " + std::to_string(seconds) + " s.");
    return Flow::Continue;
}

PolicyDescription CacheRemoveValuePolicy::describe()
{
    return {
        .name = "cache-remove-value",
        .sections = AllSections,
        .help = "Removes the value kept under a key from the gateway's internal cache.",
        .attributes = {{.name = "key", .required = true, .help = "The cache key."}, cachingType()},
    };
}

std::shared_ptr<const Policy> CacheRemoveValuePolicy::create(const Element &element, Compiler &compiler)
{
    auto key = compiler.attribute(element, "key");
    if (!key)
        return nullptr;
    warnExternal(element, compiler);
    return std::make_shared<CacheRemoveValuePolicy>(std::move(*key));
}

Flow CacheRemoveValuePolicy::apply(Run &run) const
{
    auto key = run.text(m_key);
    if (!key)
        return Flow::Fail;
    const bool removed = run.services().cache().removeValue(*key);
    run.traceMessage(removed ? "Value under key '" + *key + "' removed." : "No value under key '" + *key + "'.");
    return Flow::Continue;
}

} // namespace gw::policy
