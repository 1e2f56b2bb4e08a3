#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gw::policy {

// One limit of a per-subscription policy (rate-limit, quota): the policy's own, or that of an <api> or <operation>
// child, which applies only to calls of that API or operation and is counted apart.
struct SubscriptionLimit {
    std::string apiName, apiId;             // both empty: the policy's own limit
    std::string operationName, operationId; // both empty: not an <operation>
    std::int64_t calls = 0;
    std::int64_t kilobytes = 0; // quota only
    std::int64_t renewalPeriod = 0;
    std::string counterSuffix; // what tells its counter from the policy's own: "|api:orders", "|op:orders/get"

    bool applies(class Run &run) const; // whether the call in `run` is one this limit counts
};

// Reads the <api> and <operation> children of rate-limit and quota (`withBandwidth`: quota's attributes).
std::vector<SubscriptionLimit> readSubscriptionLimits(const Element &element, Compiler &compiler, SubscriptionLimit own,
                                                      bool withBandwidth);
// The part of a counter's key that places a per-subscription policy: its subscription and the scope it is in
// ("metered|product|gold"), so that product, API and operation limits are counted independently.
std::string subscriptionCounterKey(Run &run);

// The names a rate limit reports through (all literal).
struct RateLimitOutputs {
    std::string retryAfterHeader = "Retry-After";
    std::string retryAfterVariable;
    std::string remainingCallsHeader;
    std::string remainingCallsVariable;
    std::string totalCallsHeader;

    static RateLimitOutputs read(const Element &element, Compiler &compiler);
};

// <rate-limit calls="20" renewal-period="90" remaining-calls-header-name="X-Remaining">
//     <api name="orders" calls="10" renewal-period="60"><operation name="get" calls="5" renewal-period="60"/></api>
// </rate-limit>
// Per-subscription sliding windows (calls without a subscription are not limited).
class RateLimitPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    RateLimitPolicy(std::vector<SubscriptionLimit> limits, RateLimitOutputs outputs)
        : m_limits(std::move(limits)), m_outputs(std::move(outputs))
    {
    }

private:
    std::vector<SubscriptionLimit> m_limits; // the policy's own first
    RateLimitOutputs m_outputs;
};

// <rate-limit-by-key calls="10" renewal-period="60" counter-key="@(context.Request.IpAddress)"
//     increment-condition="@(context.Response.StatusCode == 200)" />
// One sliding window per counter-key value, shared by every policy that uses the same value.
class RateLimitByKeyPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    struct Config {
        Template calls;
        Template renewalPeriod;
        Template counterKey;
        std::optional<Template> incrementCondition;
        Template incrementCount;
        RateLimitOutputs outputs;
    };
    explicit RateLimitByKeyPolicy(Config config) : m_config(std::move(config)) {}

private:
    Config m_config;
};

// The 429 of a rate limit: LastError RateLimitExceeded, the Retry-After header (or its custom name) on the error
// response, the retry-after variable.
Flow rejectRate(Run &run, const RateLimitOutputs &outputs, std::chrono::seconds retryAfter, std::int64_t calls);
// The remaining/total calls headers on the response that leaves, the remaining-calls variable now.
void reportRate(Run &run, const RateLimitOutputs &outputs, std::int64_t remaining, std::int64_t calls);

} // namespace gw::policy
