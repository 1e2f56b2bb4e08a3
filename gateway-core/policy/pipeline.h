#pragma once

#include <common/diagnostic.h>
#include <policy/policy.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace gw::policy {

// One statement of a compiled pipeline and where it came from (for context.LastError and traces).
struct Step {
    std::shared_ptr<const Policy> policy;
    std::string name; // the element: "set-header"
    std::string id;   // its id attribute, when the author gave one
    Scope scope = Scope::Operation;
    std::string path;        // position among nested statements: "choose[1]/when[2]/set-header[1]"
    SourceLocation location; // file, line and column of the element
    bool skipped = false;    // a policy that cannot run here (PolicyDescription::needs): recorded, not run
};

using Steps = std::vector<Step>;

// The effective, compiled policy of one operation in one context (with or without a product): immutable, built
// once per configuration and shared by every request that runs it, on any thread.
struct Pipeline {
    std::array<Steps, sectionCount> sections;

    const Steps &section(Section section) const { return sections[static_cast<std::size_t>(section)]; }
};

} // namespace gw::policy
