#pragma once

#include <common/diagnostic.h>
#include <common/result.h>
#include <model/workspace.h>
#include <policy/compiler.h>
#include <routing/route_table.h>
#include <security/subscriptions.h>

#include <cstdint>
#include <memory>

namespace gw::engine {

// Everything a request needs, built once from a workspace and never changed:
// requests take a reference when they start and finish on it, whatever is
// applied meanwhile.
struct CompiledConfig {
    std::unique_ptr<const model::Workspace> workspace; // the tables below point into it
    routing::RouteTable routes;
    security::SubscriptionIndex subscriptions;
    policy::PolicySet policies; // a compiled pipeline per operation and product context
    std::uint64_t generation = 0;

    // The current revision of an API (the one whose settings, such as keys, all revisions share).
    const model::Api &currentRevision(const model::Api &api) const;
};

struct Compiled {
    std::shared_ptr<const CompiledConfig> config; // null when there were errors
    Diagnostics diagnostics;
};

// Compiles a loaded workspace, its policies included. Errors in `loadDiagnostics` or found here refuse the
// configuration. Local subscription keys and secret named values come from `localKeys` and `secrets` when given;
// certificate references are checked against `certificates` when given.
Compiled compile(model::Workspace workspace, Diagnostics loadDiagnostics,
                 const security::SubscriptionIndex::KeySource &localKeys = {}, const policy::SecretSource &secrets = {},
                 const certificates::Store *certificates = nullptr);

} // namespace gw::engine
