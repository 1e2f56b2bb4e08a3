#pragma once

#include <policy/scopes.h>

#include <string_view>
#include <vector>

namespace gw::policy {

class Run;

// What a policy tells the pipeline after it ran.
enum class Flow {
    Continue, // go on with the next policy
    Respond,  // stop here and send context.response (return-response, mock-response)
    Fail,     // an error: context.lastError says which; the rest is skipped and on-error runs
    Pending,  // waiting for I/O (forward-request, send-request): the policy resumes the run when the answer is in
};

// A set of sections, as a bit mask.
using Sections = unsigned;
inline constexpr Sections Inbound = 1u << 0;
inline constexpr Sections Backend = 1u << 1;
inline constexpr Sections Outbound = 1u << 2;
inline constexpr Sections OnError = 1u << 3;
inline constexpr Sections AllSections = Inbound | Backend | Outbound | OnError;
inline constexpr Sections bit(Section section)
{
    return 1u << static_cast<unsigned>(section);
}

enum class AttributeType {
    String,  // any text
    Integer, // a whole number (checked when literal)
    Boolean, // true | false (checked when literal)
    Number,  // a decimal number
    Choice,  // one of `choices` (checked when literal)
};

struct AttributeDescription {
    std::string_view name;
    AttributeType type = AttributeType::String;
    bool required = false;
    bool expressions = true; // may be a policy expression
    std::string_view defaultValue;
    std::vector<std::string_view> choices; // for Choice
    std::string_view help;
};

struct ChildDescription {
    std::string_view name;
    bool required = false;
    bool repeated = false;
    std::string_view help;
};

// A policy described as data: the compiler checks documents against it (attributes, children, sections) and the
// editor completes from it. The same list documents every policy.
struct PolicyDescription {
    std::string_view name; // the XML element: "set-header"
    Sections sections = AllSections;
    std::string_view help; // one line
    std::vector<AttributeDescription> attributes;
    std::vector<ChildDescription> children; // element children (not policy statements)
    bool containsPolicies = false; // its children are policy statements (retry, wait, include-fragment's target)
    bool hasText = false;          // its text is a value (set-method, set-body)
    std::string_view needs;        // non-empty: APIM has it but it cannot run here; what it would need. It is skipped.

    const AttributeDescription *attribute(std::string_view attributeName) const;
    const ChildDescription *child(std::string_view childName) const;
};

// One compiled policy statement: immutable configuration, built once per configuration by its type's create
// function (see registry.h), applied per request. apply() runs on the request's I/O thread and may be called by
// any number of threads at once, so it keeps per-request state in the Run, never in the policy.
class Policy {
public:
    virtual ~Policy() = default;
    virtual Flow apply(Run &run) const = 0;
};

} // namespace gw::policy
