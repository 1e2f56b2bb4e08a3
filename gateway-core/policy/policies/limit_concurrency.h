#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <limit-concurrency key="@((string)context.Variables["connectionId"])" max-count="3">
//     <forward-request timeout="120" />
// </limit-concurrency>
// Runs its statements for at most max-count requests per key value at a time; a request over the limit fails at
// once with 429. The slot is held while the statements run, waits for I/O included, and given back when they
// finish, fail or the response leaves.
class LimitConcurrencyPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    LimitConcurrencyPolicy(Template key, std::int64_t maxCount, Steps steps)
        : m_key(std::move(key)), m_maxCount(maxCount), m_steps(std::move(steps))
    {
    }

private:
    class Slot;
    Template m_key;
    std::int64_t m_maxCount;
    Steps m_steps;
};

} // namespace gw::policy
