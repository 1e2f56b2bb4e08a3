#include "quota.h"

#include <common/calendar.h>
#include <expr/value.h>
#include <limits/limits.h>
#include <policy/run.h>

#include <algorithm>
#include <any>
#include <charconv>
#include <cstdio>

namespace gw::policy {

namespace {

std::optional<std::int64_t> wholeNumber(const std::string &text)
{
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 0)
        return std::nullopt;
    return value;
}

// The counted request and response bodies, once the response is known.
void countBandwidth(Run &run, limits::QuotaCounter *counter)
{
    const expr::Context &context = run.context();
    const std::uint64_t bytes = (context.request.body ? context.request.body->size() : 0) +
                                (context.response.body ? context.response.body->size() : 0);
    run.services().limits().addBandwidth(*counter, bytes, std::chrono::system_clock::now());
}

Flow rejectQuota(Run &run, const limits::QuotaResult &result)
{
    const bool bandwidth = result.verdict == limits::QuotaVerdict::BandwidthExceeded;
    std::string message = bandwidth ? "Out of bandwidth quota." : "Out of call volume quota.";
    // A quota that never renews has no time to announce, and no Retry-After.
    if (result.renewsIn)
        message += " Quota will be replenished in " + limits::timeSpanText(*result.renewsIn) + ".";
    const Flow flow = run.fail("QuotaExceeded", message, 403);
    if (result.renewsIn)
        run.context().response.headers.set("Retry-After", std::to_string(result.renewsIn->count()));
    return flow;
}

std::vector<AttributeDescription> volumeAttributes()
{
    return {
        {.name = "calls",
         .type = AttributeType::Integer,
         .expressions = false,
         .help = "Calls allowed per period (calls, bandwidth or both)."},
        {.name = "bandwidth",
         .type = AttributeType::Integer,
         .expressions = false,
         .help = "Kilobytes of request and response bodies allowed per period."},
        {.name = "renewal-period",
         .type = AttributeType::Integer,
         .required = true,
         .expressions = false,
         .help = "The fixed period in seconds after which the quota resets (0: never)."},
    };
}

} // namespace

std::optional<std::int64_t> parseFirstPeriodStart(const std::string &text)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, used = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute, &second, &used) !=
        6)
        return std::nullopt;
    std::string_view rest = std::string_view(text).substr(static_cast<std::size_t>(used));
    if (!rest.empty() && rest.front() == '.') { // fractions of a second
        rest.remove_prefix(1);
        while (!rest.empty() && rest.front() >= '0' && rest.front() <= '9')
            rest.remove_prefix(1);
    }
    if (!(rest.empty() || rest == "Z" || rest == "z" || rest == "+00:00"))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    return daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 + hour * 3600 +
           minute * 60 + second;
}

// --- quota ---

PolicyDescription QuotaPolicy::describe()
{
    return {
        .name = "quota",
        .sections = Inbound,
        .help = "Limits the call volume and/or bandwidth of each subscription per period (403 when used up).",
        .attributes = volumeAttributes(),
        .children = {{.name = "api",
                      .repeated = true,
                      .help = "A quota for the calls of one API (name or id, calls, bandwidth, renewal-period), with "
                              "<operation> children for single operations."}},
    };
}

std::shared_ptr<const Policy> QuotaPolicy::create(const Element &element, Compiler &compiler)
{
    if (compiler.currentScope() == Scope::Global)
        compiler.error(element.range, "'quota' is not allowed in the global policy (quota-by-key works everywhere)");
    else if (compiler.currentScope() != Scope::Product)
        compiler.warning(element.range, "APIM accepts 'quota' in product policies only");
    if (!element.attribute("calls") && !element.attribute("bandwidth"))
        compiler.error(element.range, "'quota' needs 'calls' or 'bandwidth' (or both)");
    SubscriptionLimit own;
    own.calls = wholeNumber(compiler.literal(element, "calls")).value_or(0);
    own.kilobytes = wholeNumber(compiler.literal(element, "bandwidth")).value_or(0);
    own.renewalPeriod = wholeNumber(compiler.literal(element, "renewal-period")).value_or(0);
    return std::make_shared<QuotaPolicy>(readSubscriptionLimits(element, compiler, std::move(own), true));
}

Flow QuotaPolicy::apply(Run &run) const
{
    if (!run.context().subscription)
        return Flow::Continue;
    limits::Limits &limits = run.services().limits();
    const auto now = std::chrono::system_clock::now();
    const std::string base = "quota|" + subscriptionCounterKey(run);
    std::vector<limits::QuotaTicket> taken;
    for (const SubscriptionLimit &limit : m_limits) {
        if (!limit.applies(run))
            continue;
        const limits::QuotaLimit quota{limit.calls, limit.kilobytes, std::chrono::seconds(limit.renewalPeriod), 0};
        limits::QuotaResult result = limits.quota(base + limit.counterSuffix, quota, 1, now);
        if (result.verdict != limits::QuotaVerdict::Allowed) {
            for (const limits::QuotaTicket &ticket : taken)
                limits.refund(ticket);
            return rejectQuota(run, result);
        }
        if (limit.kilobytes > 0)
            run.atEnd([counter = result.ticket.counter](Run &run) { countBandwidth(run, counter); });
        taken.push_back(result.ticket);
    }
    return Flow::Continue;
}

// --- quota-by-key ---

PolicyDescription QuotaByKeyPolicy::describe()
{
    std::vector<AttributeDescription> attributes = volumeAttributes();
    attributes.push_back({.name = "counter-key", .required = true, .help = "The key whose volume is counted."});
    attributes.push_back({.name = "increment-condition",
                          .type = AttributeType::Boolean,
                          .help = "Whether the call counts, decided when the response is known (default: every "
                                  "call counts)."});
    attributes.push_back({.name = "first-period-start",
                          .expressions = false,
                          .defaultValue = "0001-01-01T00:00:00Z",
                          .help = "When the first period starts (ISO 8601, UTC); periods follow each other from it."});
    return {
        .name = "quota-by-key",
        .sections = Inbound,
        .help = "Limits the call volume and/or bandwidth of each value of a key per period (403 when used up).",
        .attributes = std::move(attributes),
    };
}

std::shared_ptr<const Policy> QuotaByKeyPolicy::create(const Element &element, Compiler &compiler)
{
    if (!element.attribute("calls") && !element.attribute("bandwidth"))
        compiler.error(element.range, "'quota-by-key' needs 'calls' or 'bandwidth' (or both)");
    auto counterKey = compiler.attribute(element, "counter-key");
    if (!counterKey)
        return nullptr;
    Config config;
    config.calls = wholeNumber(compiler.literal(element, "calls")).value_or(0);
    config.kilobytes = wholeNumber(compiler.literal(element, "bandwidth")).value_or(0);
    config.renewalPeriod = wholeNumber(compiler.literal(element, "renewal-period")).value_or(0);
    const std::string start = compiler.literal(element, "first-period-start");
    if (auto seconds = parseFirstPeriodStart(start)) {
        config.firstPeriodStart = *seconds;
    } else {
        const Attribute *attribute = element.attribute("first-period-start");
        compiler.error(attribute ? attribute->valueRange : element.range,
                       "first-period-start must be an ISO 8601 UTC time like 2024-01-01T00:00:00Z, not '" + start +
                           "'");
    }
    config.counterKey = std::move(*counterKey);
    config.incrementCondition = compiler.attribute(element, "increment-condition");
    return std::make_shared<QuotaByKeyPolicy>(std::move(config));
}

Flow QuotaByKeyPolicy::apply(Run &run) const
{
    auto key = run.text(m_config.counterKey);
    if (!key)
        return Flow::Fail;
    limits::Limits &limits = run.services().limits();
    const limits::QuotaLimit quota{m_config.calls, m_config.kilobytes, std::chrono::seconds(m_config.renewalPeriod),
                                   m_config.firstPeriodStart};
    // As APIM: several quota-by-key policies that reach the same counter in one request count the request once.
    static const char countedInThisRun = 0;
    std::any &slot = run.slot(&countedInThisRun);
    if (!slot.has_value())
        slot = std::vector<std::string>();
    auto &counted = std::any_cast<std::vector<std::string> &>(slot);
    std::string counter =
        *key + '\x1f' + std::to_string(m_config.renewalPeriod) + '@' + std::to_string(m_config.firstPeriodStart);
    if (std::find(counted.begin(), counted.end(), counter) != counted.end())
        return Flow::Continue;
    counted.push_back(std::move(counter));
    // Counted now (so that concurrent calls cannot overrun the quota); a false increment-condition gives it back.
    limits::QuotaResult result = limits.quota("quota-by-key|" + *key, quota, 1, std::chrono::system_clock::now());
    if (result.verdict != limits::QuotaVerdict::Allowed)
        return rejectQuota(run, result);
    const bool bandwidth = m_config.kilobytes > 0;
    if (!m_config.incrementCondition && !bandwidth)
        return Flow::Continue;
    run.atEnd([this, &limits, bandwidth, ticket = result.ticket](Run &run) {
        bool counts = true;
        if (m_config.incrementCondition) {
            const Template &condition = *m_config.incrementCondition;
            if (condition.isLiteral()) {
                counts = !http::equalsIgnoringCase(condition.text(), "false");
            } else {
                expr::Evaluation evaluation = condition.program()->evaluate(run.context());
                if (evaluation.ok())
                    counts = expr::toBool(evaluation.value).value_or(true);
            }
        }
        if (!counts)
            limits.refund(ticket);
        else if (bandwidth)
            countBandwidth(run, ticket.counter);
    });
    return Flow::Continue;
}

} // namespace gw::policy
