#pragma once

#include <common/diagnostic.h>
#include <model/workspace.h>

namespace gw::model {

// Cross-entity checks (apiops-layout.md 7 and 8.5): revisions, duplicate paths,
// references that do not resolve, required fields the tools need. Each problem
// names the file of the entity (relative to the root) and, where it is one
// value, its JSON pointer. Errors are what the APIOps publisher or the gateway
// would refuse; warnings what they would skip or what is probably a mistake.
Diagnostics validate(const Workspace &workspace);

} // namespace gw::model
