#include "compiled_config.h"

#include <atomic>

namespace gw::engine {

const model::Api &CompiledConfig::currentRevision(const model::Api &api) const
{
    if (!api.isRevisionFolder())
        return api;
    const model::Api *root = workspace->findApi(api.rootName());
    return root ? *root : api;
}

Compiled compile(model::Workspace workspace, Diagnostics loadDiagnostics,
                 const security::SubscriptionIndex::KeySource &localKeys, const policy::SecretSource &secrets,
                 const certificates::Store *certificates)
{
    static std::atomic<std::uint64_t> generations = 0;
    Compiled out;
    out.diagnostics = std::move(loadDiagnostics);
    if (hasErrors(out.diagnostics))
        return out;
    auto config = std::make_shared<CompiledConfig>();
    config->workspace = std::make_unique<const model::Workspace>(std::move(workspace));
    config->routes = routing::RouteTable::build(*config->workspace);
    config->subscriptions = security::SubscriptionIndex::build(*config->workspace, localKeys);
    policy::CompiledPolicies policies = policy::compilePolicies(*config->workspace, secrets, certificates);
    for (auto &diagnostic : policies.diagnostics)
        out.diagnostics.push_back(std::move(diagnostic));
    if (hasErrors(out.diagnostics))
        return out;
    config->policies = std::move(policies.policies);
    config->generation = ++generations;
    out.config = std::move(config);
    return out;
}

} // namespace gw::engine
