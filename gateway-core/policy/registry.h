#pragma once

#include <policy/document.h>
#include <policy/policy.h>

#include <memory>
#include <span>
#include <string_view>

namespace gw::policy {

class Compiler;

// A kind of policy statement: its description and how to build one from an element the compiler has already
// checked against that description (attributes, children, section). create() reports what else is wrong through
// the compiler and may then return null.
struct PolicyType {
    PolicyDescription (*describe)();
    std::shared_ptr<const Policy> (*create)(const Element &element, Compiler &compiler);
};

// One described policy of the catalogue.
struct RegisteredPolicy {
    PolicyDescription description;
    const PolicyType *type;
};

// Every policy this gateway knows, sorted by name: the ones it runs (builtin_policies.cpp) and the ones APIM has
// that need something this machine does not (their description says what). Built once, then read-only.
std::span<const RegisteredPolicy> policyCatalogue();
const RegisteredPolicy *findPolicy(std::string_view name);

} // namespace gw::policy

namespace gw::policy {

// The catalogue line of a policy class P with static describe() and create().
template<typename P>
constexpr PolicyType policyType()
{
    return PolicyType{&P::describe, &P::create};
}

// The policies this gateway runs, one line each (builtin_policies.cpp).
std::span<const PolicyType> builtinPolicies();
// Policies APIM has that this gateway does not run (unavailable_policies.cpp): description only, with `needs`.
std::vector<PolicyDescription> unavailablePolicies();

} // namespace gw::policy
