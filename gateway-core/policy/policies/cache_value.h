#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

#include <optional>
#include <string>

namespace gw::policy {

// The value cache: arbitrary values kept by key in the gateway's internal cache, shared by every API and request.

// <cache-lookup-value key="@(...)" variable-name="profile" default-value="..." caching-type="internal" />
class CacheLookupValuePolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    CacheLookupValuePolicy(Template key, std::string variable, std::optional<Template> defaultValue)
        : m_key(std::move(key)), m_variable(std::move(variable)), m_default(std::move(defaultValue))
    {
    }

private:
    Template m_key;
    std::string m_variable;
    std::optional<Template> m_default;
};

// <cache-store-value key="@(...)" value="@(...)" duration="60" caching-type="internal" />
class CacheStoreValuePolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    CacheStoreValuePolicy(Template key, Template value, Template duration)
        : m_key(std::move(key)), m_value(std::move(value)), m_duration(std::move(duration))
    {
    }

private:
    Template m_key;
    Template m_value;
    Template m_duration;
};

// <cache-remove-value key="@(...)" caching-type="internal" />
class CacheRemoveValuePolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    explicit CacheRemoveValuePolicy(Template key) : m_key(std::move(key)) {}

private:
    Template m_key;
};

} // namespace gw::policy
