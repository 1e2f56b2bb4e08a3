#include "rate_limit.h"

#include <expr/value.h>
#include <limits/limits.h>
#include <policy/run.h>

#include <algorithm>
#include <charconv>

namespace gw::policy {

namespace {

constexpr std::int64_t kMaxRenewalPeriod = 300; // seconds: APIM's maximum for rate limits

std::optional<std::int64_t> wholeNumber(const std::string &text)
{
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// A literal whole-number attribute of an <api> or <operation> child (the compiler checks only the policy's own).
std::int64_t childNumber(const Element &child, std::string_view name, Compiler &compiler, bool required)
{
    const Attribute *attribute = child.attribute(name);
    if (!attribute) {
        if (required)
            compiler.error(child.range, "<" + child.name + "> needs the attribute '" + std::string(name) + "'");
        return 0;
    }
    if (attribute->value.isExpression()) {
        compiler.error(attribute->valueRange, "attribute '" + std::string(name) + "' of <" + child.name +
                                                  "> does not take a policy expression");
        return 0;
    }
    const std::string text = compiler.literal(child, name);
    const auto value = wholeNumber(text);
    if (!value || *value < 0) {
        compiler.error(attribute->valueRange,
                       "attribute '" + std::string(name) + "' must be a whole number, not '" + text + "'");
        return 0;
    }
    return *value;
}

std::string childText(const Element &child, std::string_view name, Compiler &compiler)
{
    const Attribute *attribute = child.attribute(name);
    if (!attribute)
        return {};
    if (attribute->value.isExpression()) {
        compiler.error(attribute->valueRange, "attribute '" + std::string(name) + "' of <" + child.name +
                                                  "> does not take a policy expression");
        return {};
    }
    return compiler.literal(child, name);
}

void checkChildAttributes(const Element &child, Compiler &compiler, bool withBandwidth)
{
    std::vector<std::string_view> known{"name", "id", "calls", "renewal-period"};
    if (withBandwidth)
        known.push_back("bandwidth");
    for (const Attribute &attribute : child.attributes) {
        if (std::find(known.begin(), known.end(), attribute.name) == known.end()) {
            std::string valid;
            for (std::string_view name : known)
                valid += (valid.empty() ? "" : ", ") + std::string(name);
            compiler.error(attribute.nameRange,
                           "<" + child.name + "> has no attribute '" + attribute.name + "' (valid: " + valid + ")");
        }
    }
    if (!child.attribute("name") && !child.attribute("id"))
        compiler.error(child.range, "<" + child.name + "> needs the attribute 'name' or 'id'");
}

SubscriptionLimit readChild(const Element &child, Compiler &compiler, bool withBandwidth)
{
    checkChildAttributes(child, compiler, withBandwidth);
    SubscriptionLimit limit;
    limit.kilobytes = withBandwidth ? childNumber(child, "bandwidth", compiler, false) : 0;
    limit.calls = childNumber(child, "calls", compiler, !withBandwidth);
    limit.renewalPeriod = childNumber(child, "renewal-period", compiler, true);
    if (withBandwidth && !child.attribute("calls") && !child.attribute("bandwidth"))
        compiler.error(child.range, "<" + child.name + "> needs 'calls' or 'bandwidth' (or both)");
    if (!withBandwidth && limit.renewalPeriod > kMaxRenewalPeriod)
        compiler.error(child.attribute("renewal-period")->valueRange, "renewal-period is at most 300 seconds");
    return limit;
}

std::string matchKey(const std::string &id, const std::string &name)
{
    return id.empty() ? "name:" + name : "id:" + id;
}

} // namespace

bool SubscriptionLimit::applies(Run &run) const
{
    const expr::Context &context = run.context();
    if (apiName.empty() && apiId.empty())
        return true;
    if (!context.api)
        return false;
    // id wins over name; an API's name is the part before ";rev=" (revisions share the limits).
    const std::string &fullName = context.api->name;
    const std::string apiIdOfCall = fullName.substr(0, fullName.find(';'));
    if (!apiId.empty() ? apiId != apiIdOfCall
                       : apiName != context.api->displayName.value_or(apiIdOfCall) && apiName != apiIdOfCall)
        return false;
    if (operationName.empty() && operationId.empty())
        return true;
    if (!context.operation)
        return false;
    return !operationId.empty()
               ? operationId == context.operation->name
               : operationName == context.operation->displayName || operationName == context.operation->name;
}

std::vector<SubscriptionLimit> readSubscriptionLimits(const Element &element, Compiler &compiler, SubscriptionLimit own,
                                                      bool withBandwidth)
{
    std::vector<SubscriptionLimit> limits{std::move(own)};
    for (const Element &api : element.children) {
        if (api.name != "api")
            continue; // the compiler reported other children
        SubscriptionLimit apiLimit = readChild(api, compiler, withBandwidth);
        apiLimit.apiName = childText(api, "name", compiler);
        apiLimit.apiId = childText(api, "id", compiler);
        apiLimit.counterSuffix = "|api:" + matchKey(apiLimit.apiId, apiLimit.apiName);
        for (const Element &operation : api.children) {
            if (operation.name != "operation") {
                compiler.error(operation.range,
                               "<api> has no child element '" + operation.name + "' (valid: operation)");
                continue;
            }
            SubscriptionLimit operationLimit = readChild(operation, compiler, withBandwidth);
            operationLimit.apiName = apiLimit.apiName;
            operationLimit.apiId = apiLimit.apiId;
            operationLimit.operationName = childText(operation, "name", compiler);
            operationLimit.operationId = childText(operation, "id", compiler);
            operationLimit.counterSuffix = apiLimit.counterSuffix + "|operation:" +
                                           matchKey(operationLimit.operationId, operationLimit.operationName);
            limits.push_back(std::move(operationLimit));
        }
        limits.push_back(std::move(apiLimit));
    }
    return limits;
}

std::string subscriptionCounterKey(Run &run)
{
    const expr::Context &context = run.context();
    std::string key = context.subscription->name;
    const Scope scope = run.step().scope;
    key += '|';
    key += toString(scope);
    switch (scope) {
    case Scope::Global:
        break;
    case Scope::Product:
        key += '|';
        key += context.product ? context.product->name : std::string();
        break;
    case Scope::Api:
    case Scope::Operation:
        key += '|';
        key += context.api ? context.api->name.substr(0, context.api->name.find(';')) : std::string();
        if (scope == Scope::Operation) {
            key += '/';
            key += context.operation ? context.operation->name : std::string();
        }
        break;
    }
    return key;
}

RateLimitOutputs RateLimitOutputs::read(const Element &element, Compiler &compiler)
{
    RateLimitOutputs outputs;
    if (element.attribute("retry-after-header-name"))
        outputs.retryAfterHeader = compiler.literal(element, "retry-after-header-name");
    outputs.retryAfterVariable = compiler.literal(element, "retry-after-variable-name");
    outputs.remainingCallsHeader = compiler.literal(element, "remaining-calls-header-name");
    outputs.remainingCallsVariable = compiler.literal(element, "remaining-calls-variable-name");
    outputs.totalCallsHeader = compiler.literal(element, "total-calls-header-name");
    return outputs;
}

namespace {

std::vector<AttributeDescription> outputAttributes()
{
    return {
        {.name = "retry-after-header-name",
         .expressions = false,
         .defaultValue = "Retry-After",
         .help = "The response header that carries the seconds to wait when the limit is exceeded."},
        {.name = "retry-after-variable-name",
         .expressions = false,
         .help = "A variable that gets the seconds to wait when the limit is exceeded."},
        {.name = "remaining-calls-header-name",
         .expressions = false,
         .help = "A response header that carries the calls left in the window."},
        {.name = "remaining-calls-variable-name",
         .expressions = false,
         .help = "A variable that gets the calls left in the window."},
        {.name = "total-calls-header-name",
         .expressions = false,
         .help = "A response header that carries the number of calls allowed (calls)."},
    };
}

bool wantsRemaining(const RateLimitOutputs &outputs)
{
    return !outputs.remainingCallsHeader.empty() || !outputs.remainingCallsVariable.empty();
}

} // namespace

Flow rejectRate(Run &run, const RateLimitOutputs &outputs, std::chrono::seconds retryAfter, std::int64_t calls)
{
    const std::string seconds = std::to_string(retryAfter.count());
    const Flow flow = run.fail("RateLimitExceeded", "Rate limit is exceeded", 429,
                               "Rate limit is exceeded. Try again in " + seconds + " seconds.");
    http::Headers &headers = run.context().response.headers;
    headers.set(outputs.retryAfterHeader, seconds);
    if (!outputs.remainingCallsHeader.empty())
        headers.set(outputs.remainingCallsHeader, "0");
    if (!outputs.totalCallsHeader.empty())
        headers.set(outputs.totalCallsHeader, std::to_string(calls));
    if (!outputs.retryAfterVariable.empty())
        run.context().variables.insert_or_assign(outputs.retryAfterVariable, expr::makeInteger(retryAfter.count()));
    if (!outputs.remainingCallsVariable.empty())
        run.context().variables.insert_or_assign(outputs.remainingCallsVariable, expr::makeInteger(0));
    if (run.tracing())
        run.note("rate limit exceeded: retry after " + seconds + " s");
    return flow;
}

void reportRate(Run &run, const RateLimitOutputs &outputs, std::int64_t remaining, std::int64_t calls)
{
    if (!outputs.remainingCallsVariable.empty())
        run.context().variables.insert_or_assign(outputs.remainingCallsVariable, expr::makeInteger(remaining));
    if (run.tracing())
        run.note("rate limit: " + std::to_string(remaining) + " of " + std::to_string(calls) + " calls left");
    if (outputs.remainingCallsHeader.empty() && outputs.totalCallsHeader.empty())
        return;
    // The headers go on the response that leaves, whatever the later sections make of it.
    run.atEnd([&outputs, remaining, calls](Run &run) {
        http::Headers &headers = run.context().response.headers;
        if (!outputs.remainingCallsHeader.empty())
            headers.set(outputs.remainingCallsHeader, std::to_string(remaining));
        if (!outputs.totalCallsHeader.empty())
            headers.set(outputs.totalCallsHeader, std::to_string(calls));
    });
}

// --- rate-limit ---

PolicyDescription RateLimitPolicy::describe()
{
    std::vector<AttributeDescription> attributes{
        {.name = "calls",
         .type = AttributeType::Integer,
         .required = true,
         .expressions = false,
         .help = "Calls allowed per subscription within renewal-period."},
        {.name = "renewal-period",
         .type = AttributeType::Integer,
         .required = true,
         .expressions = false,
         .help = "The sliding window, in seconds (at most 300)."},
    };
    for (AttributeDescription &attribute : outputAttributes())
        attributes.push_back(std::move(attribute));
    return {
        .name = "rate-limit",
        .sections = Inbound,
        .help = "Limits the call rate of each subscription (429 with Retry-After when exceeded).",
        .attributes = std::move(attributes),
        .children = {{.name = "api",
                      .repeated = true,
                      .help = "A limit for the calls of one API (name or id, calls, renewal-period), with "
                              "<operation> children for single operations."}},
    };
}

std::shared_ptr<const Policy> RateLimitPolicy::create(const Element &element, Compiler &compiler)
{
    if (compiler.currentScope() == Scope::Global)
        compiler.error(element.range, "'rate-limit' is not allowed in the global policy (product, API or operation "
                                      "only; rate-limit-by-key works everywhere)");
    SubscriptionLimit own;
    own.calls = wholeNumber(compiler.literal(element, "calls")).value_or(0);
    own.renewalPeriod = wholeNumber(compiler.literal(element, "renewal-period")).value_or(0);
    if (own.renewalPeriod > kMaxRenewalPeriod)
        compiler.error(element.attribute("renewal-period")->valueRange, "renewal-period is at most 300 seconds");
    auto limits = readSubscriptionLimits(element, compiler, std::move(own), false);
    return std::make_shared<RateLimitPolicy>(std::move(limits), RateLimitOutputs::read(element, compiler));
}

Flow RateLimitPolicy::apply(Run &run) const
{
    if (!run.context().subscription)
        return Flow::Continue; // APIM limits subscriptions only
    limits::Limits &limits = run.services().limits();
    const auto now = std::chrono::steady_clock::now();
    const bool remaining = wantsRemaining(m_outputs);
    const std::string base = "rate-limit|" + subscriptionCounterKey(run);
    std::vector<limits::RateTicket> taken;
    std::int64_t left = 0;
    for (const SubscriptionLimit &limit : m_limits) {
        if (!limit.applies(run))
            continue;
        limits::RateResult result = limits.rate(base + limit.counterSuffix, limit.calls,
                                                std::chrono::seconds(limit.renewalPeriod), 1, now, remaining);
        if (!result.allowed) {
            // A call refused by one limit does not use up the others.
            for (const limits::RateTicket &ticket : taken)
                limits.refund(ticket);
            return rejectRate(run, m_outputs, result.retryAfter, m_limits.front().calls);
        }
        if (&limit == &m_limits.front())
            left = result.remaining;
        taken.push_back(std::move(result.ticket));
    }
    reportRate(run, m_outputs, left, m_limits.front().calls);
    return Flow::Continue;
}

// --- rate-limit-by-key ---

PolicyDescription RateLimitByKeyPolicy::describe()
{
    std::vector<AttributeDescription> attributes{
        {.name = "calls",
         .type = AttributeType::Integer,
         .required = true,
         .help = "Calls allowed per key value within renewal-period."},
        {.name = "renewal-period",
         .type = AttributeType::Integer,
         .required = true,
         .help = "The sliding window, in seconds (at most 300)."},
        {.name = "counter-key", .required = true, .help = "The key whose calls are counted (an IP, a user, a claim)."},
        {.name = "increment-condition",
         .type = AttributeType::Boolean,
         .help = "Whether the call counts, decided when the response is known (default: every call counts)."},
        {.name = "increment-count",
         .type = AttributeType::Integer,
         .defaultValue = "1",
         .help = "How much the call counts."},
    };
    for (AttributeDescription &attribute : outputAttributes())
        attributes.push_back(std::move(attribute));
    return {
        .name = "rate-limit-by-key",
        .sections = Inbound,
        .help = "Limits the call rate of each value of a key (429 with Retry-After when exceeded).",
        .attributes = std::move(attributes),
    };
}

std::shared_ptr<const Policy> RateLimitByKeyPolicy::create(const Element &element, Compiler &compiler)
{
    auto calls = compiler.attribute(element, "calls");
    auto renewalPeriod = compiler.attribute(element, "renewal-period");
    auto counterKey = compiler.attribute(element, "counter-key");
    auto incrementCount = compiler.attribute(element, "increment-count");
    if (!calls || !renewalPeriod || !counterKey || !incrementCount)
        return nullptr;
    if (renewalPeriod->isLiteral() && wholeNumber(renewalPeriod->text()).value_or(0) > kMaxRenewalPeriod)
        compiler.error(element.attribute("renewal-period")->valueRange, "renewal-period is at most 300 seconds");
    Config config{std::move(*calls),          std::move(*renewalPeriod),
                  std::move(*counterKey),     compiler.attribute(element, "increment-condition"),
                  std::move(*incrementCount), RateLimitOutputs::read(element, compiler)};
    return std::make_shared<RateLimitByKeyPolicy>(std::move(config));
}

Flow RateLimitByKeyPolicy::apply(Run &run) const
{
    auto calls = run.integer(m_config.calls);
    auto period = calls ? run.integer(m_config.renewalPeriod) : std::nullopt;
    auto key = period ? run.text(m_config.counterKey) : std::nullopt;
    auto count = key ? run.integer(m_config.incrementCount) : std::nullopt;
    if (!count)
        return Flow::Fail;
    limits::Limits &limits = run.services().limits();
    // The call is counted now, so that concurrent calls cannot all pass a check made before any of them counted;
    // an increment-condition that turns out false gives the count back when the response is known.
    limits::RateResult result = limits.rate(
        "rate-limit-by-key|" + *key, *calls, std::chrono::seconds(std::clamp<std::int64_t>(*period, 0, 300)),
        std::max<std::int64_t>(0, *count), std::chrono::steady_clock::now(), wantsRemaining(m_config.outputs));
    if (!result.allowed)
        return rejectRate(run, m_config.outputs, result.retryAfter, *calls);
    if (m_config.incrementCondition) {
        run.atEnd([this, &limits, ticket = std::move(result.ticket)](Run &run) {
            const Template &condition = *m_config.incrementCondition;
            bool counts = true;
            if (condition.isLiteral()) {
                counts = !http::equalsIgnoringCase(condition.text(), "false");
            } else {
                // An expression that fails here keeps the count: the response is already decided.
                expr::Evaluation evaluation = condition.program()->evaluate(run.context());
                if (evaluation.ok())
                    counts = expr::toBool(evaluation.value).value_or(true);
            }
            if (!counts)
                limits.refund(ticket);
        });
    }
    reportRate(run, m_config.outputs, result.remaining, *calls);
    return Flow::Continue;
}

} // namespace gw::policy
