#include "registry.h"

#include <algorithm>

namespace gw::policy {

const AttributeDescription *PolicyDescription::attribute(std::string_view attributeName) const
{
    for (const AttributeDescription &a : attributes) {
        if (a.name == attributeName)
            return &a;
    }
    return nullptr;
}

const ChildDescription *PolicyDescription::child(std::string_view childName) const
{
    for (const ChildDescription &c : children) {
        if (c.name == childName)
            return &c;
    }
    return nullptr;
}

std::span<const RegisteredPolicy> policyCatalogue()
{
    static const std::vector<RegisteredPolicy> catalogue = [] {
        std::vector<RegisteredPolicy> all;
        for (const PolicyType &type : builtinPolicies())
            all.push_back({type.describe(), &type});
        for (PolicyDescription &description : unavailablePolicies())
            all.push_back({std::move(description), nullptr});
        // <base/> is resolved by the scope merge; it is listed so that editors offer it.
        all.push_back({PolicyDescription{.name = "base",
                                         .sections = AllSections,
                                         .help = "Runs the same section of the broader scope at this place."},
                       nullptr});
        std::sort(all.begin(), all.end(), [](const RegisteredPolicy &a, const RegisteredPolicy &b) {
            return a.description.name < b.description.name;
        });
        return all;
    }();
    return catalogue;
}

const RegisteredPolicy *findPolicy(std::string_view name)
{
    const auto catalogue = policyCatalogue();
    const auto found =
        std::lower_bound(catalogue.begin(), catalogue.end(), name,
                         [](const RegisteredPolicy &p, std::string_view n) { return p.description.name < n; });
    return found != catalogue.end() && found->description.name == name ? &*found : nullptr;
}

} // namespace gw::policy
