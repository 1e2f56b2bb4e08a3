#include "limit_concurrency.h"

#include <limits/limits.h>
#include <policy/run.h>

#include <atomic>
#include <charconv>

namespace gw::policy {

// One request's slot. The run asks it whether to repeat when the statements finished (it never does: that is when
// the slot is given back); a failure skips that question, so the end of the run, or the run's destruction when the
// request is abandoned, gives it back too. Whichever comes first releases; the others find nothing to release.
class LimitConcurrencyPolicy::Slot final : public Repeating {
public:
    Slot(limits::Limits &limits, limits::ConcurrencyCounter *counter) : m_limits(limits), m_counter(counter) {}
    ~Slot() override { release(); }

    Flow repeat(Run &, unsigned) const override
    {
        release();
        return Flow::Continue;
    }

    void release() const
    {
        if (limits::ConcurrencyCounter *counter = m_counter.exchange(nullptr, std::memory_order_acq_rel))
            m_limits.release(counter);
    }

private:
    limits::Limits &m_limits;
    mutable std::atomic<limits::ConcurrencyCounter *> m_counter;
};

PolicyDescription LimitConcurrencyPolicy::describe()
{
    return {
        .name = "limit-concurrency",
        .sections = AllSections,
        .help = "Runs its statements for at most max-count requests per key at a time (429 for the others).",
        .attributes = {{.name = "key", .required = true, .help = "The key whose concurrent requests are limited."},
                       {.name = "max-count",
                        .type = AttributeType::Integer,
                        .required = true,
                        .expressions = false,
                        .help = "Requests allowed to run the statements at once."}},
        .containsPolicies = true,
    };
}

std::shared_ptr<const Policy> LimitConcurrencyPolicy::create(const Element &element, Compiler &compiler)
{
    auto key = compiler.attribute(element, "key");
    if (!key)
        return nullptr;
    const std::string text = compiler.literal(element, "max-count");
    std::int64_t maxCount = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), maxCount);
    if (error != std::errc() || end != text.data() + text.size() || maxCount < 1) {
        const Attribute *attribute = element.attribute("max-count");
        compiler.error(attribute ? attribute->valueRange : element.range,
                       "max-count must be a whole number of at least 1, not '" + text + "'");
    }
    return std::make_shared<LimitConcurrencyPolicy>(std::move(*key), maxCount, compiler.statements(element));
}

Flow LimitConcurrencyPolicy::apply(Run &run) const
{
    auto key = run.text(m_key);
    if (!key)
        return Flow::Fail;
    limits::Limits &limits = run.services().limits();
    limits::ConcurrencyCounter *counter = limits.acquire("limit-concurrency|" + *key, m_maxCount);
    if (!counter)
        return run.fail("ConcurrencyLimitExceeded", "Concurrency limit exceeded", 429);
    auto slot = std::make_shared<const Slot>(limits, counter);
    run.atEnd([slot](Run &) { slot->release(); });
    return run.enter(m_steps, slot.get());
}

} // namespace gw::policy
