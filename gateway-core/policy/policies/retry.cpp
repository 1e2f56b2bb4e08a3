#include "retry.h"

#include <policy/run.h>

#include <cmath>
#include <random>

namespace gw::policy {

// Asked when the statements finished: runs them again while the condition holds and retries remain.
class RetryPolicy::Again final : public Repeating {
public:
    explicit Again(const Config &config) : m_config(config) {}

    Flow repeat(Run &run, unsigned iteration) const override
    {
        auto count = run.integer(m_config.count);
        if (!count)
            return Flow::Fail;
        if (iteration > static_cast<std::uint64_t>(std::max<std::int64_t>(0, *count)))
            return Flow::Continue;
        auto condition = run.boolean(m_config.condition);
        if (!condition)
            return Flow::Fail;
        if (!*condition)
            return Flow::Continue;
        auto interval = run.integer(m_config.interval);
        auto firstFast = run.boolean(m_config.firstFastRetry);
        if (!interval || !firstFast)
            return Flow::Fail;
        std::optional<std::int64_t> delta, maxInterval;
        if (m_config.delta && !(delta = run.integer(*m_config.delta)))
            return Flow::Fail;
        if (m_config.maxInterval && !(maxInterval = run.integer(*m_config.maxInterval)))
            return Flow::Fail;
        // Fixed, linear (interval + (n-1)*delta) or exponential (with max-interval) waits, in seconds.
        double seconds = static_cast<double>(*interval);
        if (delta && !maxInterval) {
            seconds = static_cast<double>(*interval + (iteration - 1) * *delta);
        } else if (delta && maxInterval) {
            thread_local std::mt19937 random{std::random_device{}()};
            std::uniform_real_distribution<double> jitter(0.8 * *delta, 1.2 * *delta);
            seconds = std::min<double>(static_cast<double>(*maxInterval),
                                       *interval + (std::pow(2.0, iteration) - 1) * jitter(random));
        }
        if (*firstFast && iteration == 1)
            seconds = 0;
        if (run.tracing())
            run.note("retry " + std::to_string(iteration) + " after " + std::to_string(seconds) + " s");
        const auto delay = std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
        return run.wait(delay, [this, iteration](Run &run) { return run.enter(m_config.steps, this, iteration + 1); });
    }

private:
    const Config &m_config;
};

PolicyDescription RetryPolicy::describe()
{
    return {
        .name = "retry",
        .sections = AllSections,
        .help = "Runs its statements, then again while the condition holds, up to count retries.",
        .attributes = {{.name = "condition", .required = true, .help = "Retry while this is true."},
                       {.name = "count", .type = AttributeType::Integer, .required = true, .help = "At most 50."},
                       {.name = "interval", .type = AttributeType::Integer, .required = true, .help = "Seconds."},
                       {.name = "max-interval", .type = AttributeType::Integer},
                       {.name = "delta", .type = AttributeType::Integer},
                       {.name = "first-fast-retry", .type = AttributeType::Boolean, .defaultValue = "false"}},
        .containsPolicies = true,
    };
}

std::shared_ptr<const Policy> RetryPolicy::create(const Element &element, Compiler &compiler)
{
    auto condition = compiler.attribute(element, "condition");
    auto count = compiler.attribute(element, "count");
    auto interval = compiler.attribute(element, "interval");
    auto firstFast = compiler.attribute(element, "first-fast-retry");
    if (!condition || !count || !interval || !firstFast)
        return nullptr;
    if (count->isLiteral() && (std::stoll(count->text()) < 1 || std::stoll(count->text()) > 50))
        compiler.error(element.range, "'retry' count must be between 1 and 50");
    Config config{std::move(*condition),
                  std::move(*count),
                  std::move(*interval),
                  compiler.attribute(element, "max-interval"),
                  compiler.attribute(element, "delta"),
                  std::move(*firstFast),
                  compiler.statements(element)};
    auto policy = std::make_shared<RetryPolicy>(std::move(config));
    policy->m_again = std::make_shared<const Again>(policy->m_config);
    return policy;
}

Flow RetryPolicy::apply(Run &run) const
{
    return run.enter(m_config.steps, m_again.get(), 1);
}

} // namespace gw::policy
