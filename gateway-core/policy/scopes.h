#pragma once

#include <common/diagnostic.h>
#include <policy/document.h>

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

namespace gw::policy {

enum class Scope { Global, Product, Api, Operation };
enum class Section { Inbound, Backend, Outbound, OnError };

inline constexpr std::size_t sectionCount = 4;

// One policy element of the effective pipeline and where it came from.
struct EffectiveStep {
    const Element *element; // points into one of the input documents (they must outlive the result)
    Scope scope;
    const Document *document; // for file names and positions in traces
};

struct EffectivePolicy {
    std::array<std::vector<EffectiveStep>, sectionCount> sections; // indexed by Section
    Diagnostics diagnostics; // e.g. two <base/> in one section, <base/> at global scope, unknown section names

    const std::vector<EffectiveStep> &section(Section s) const { return sections[static_cast<std::size_t>(s)]; }
};

// Scopes from broadest to narrowest; a null document means that scope has no policy (it then behaves as
// if it were "<base/>" in every section, i.e. it passes the broader scopes through). The product scope is
// given only in product context.
//
// For each section the narrowest document's section is the result, its first direct-child <base/> replaced by
// the merged section of the broader scopes. A section element that a (non-null) document leaves out contributes
// nothing and drops the broader scopes for that section, like a section without <base/> (a warning says so when
// something is dropped). A document whose root is not <policies> is reported and treated like a null one.
// Only direct children of sections become steps; <include-fragment> is not expanded here.
EffectivePolicy mergeScopes(const Document *global, const Document *product, const Document *api,
                            const Document *operation);

std::string_view toString(Section section); // "inbound", "backend", "outbound", "on-error"
std::string_view toString(Scope scope);     // "global", "product", "api", "operation"

} // namespace gw::policy
