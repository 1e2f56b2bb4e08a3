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
    unsigned bodyUse = 0;    // BodyUse bits: the bodies this statement (with what it contains) may read or replace
};

// Which bodies a statement may read or replace, as bits of Step::bodyUse.
enum BodyUse : unsigned { RequestBody = 1u << 0, ResponseBody = 1u << 1 };

using Steps = std::vector<Step>;

// The effective, compiled policy of one operation in one context (with or without a product): immutable, built
// once per configuration and shared by every request that runs it, on any thread.
struct Pipeline {
    std::array<Steps, sectionCount> sections;
    // Whether a policy may read (or replace) the request's or the response's body: when not, bodies stream
    // through the gateway instead of being read whole first.
    bool needsRequestBody = true;
    bool needsResponseBody = true;

    const Steps &section(Section section) const { return sections[static_cast<std::size_t>(section)]; }
};

} // namespace gw::policy
