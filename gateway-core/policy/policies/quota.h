#pragma once

#include <policy/compiler.h>
#include <policy/policies/rate_limit.h>
#include <policy/policy.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace gw::policy {

// <quota calls="10000" bandwidth="40000" renewal-period="3600">
//     <api name="orders" calls="500" renewal-period="3600" />
// </quota>
// Per-subscription call and bandwidth (KB) volumes per fixed period (0: never renews); calls without a subscription
// are not limited. Bandwidth is the request and response bodies, counted when the response is known.
class QuotaPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    explicit QuotaPolicy(std::vector<SubscriptionLimit> limits) : m_limits(std::move(limits)) {}

private:
    std::vector<SubscriptionLimit> m_limits; // the policy's own first
};

// <quota-by-key calls="10000" renewal-period="3600" counter-key="@(context.Request.IpAddress)"
//     increment-condition="@(context.Response.StatusCode >= 200 && context.Response.StatusCode < 400)"
//     first-period-start="2024-01-01T00:00:00Z" />
class QuotaByKeyPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    struct Config {
        std::int64_t calls = 0;
        std::int64_t kilobytes = 0;
        std::int64_t renewalPeriod = 0;
        std::int64_t firstPeriodStart = 0; // Unix seconds
        Template counterKey;
        std::optional<Template> incrementCondition;
    };
    explicit QuotaByKeyPolicy(Config config) : m_config(std::move(config)) {}

private:
    Config m_config;
};

// Reads an ISO-8601 UTC time ("2024-01-01T00:00:00Z", "0001-01-01T00:00:00Z") as Unix seconds.
std::optional<std::int64_t> parseFirstPeriodStart(const std::string &text);

} // namespace gw::policy
