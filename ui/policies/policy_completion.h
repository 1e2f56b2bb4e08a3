#pragma once

#include <policy/policy.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gh::policies {

// What the text around the cursor asks for. Computed from the text alone (no widgets), so it is testable and the
// editor's completion list, its hover help and its signature tips agree.
struct CompletionContext {
    enum class Kind {
        None,
        Element,        // a tag name after '<'
        ClosingElement, // a name after '</'
        Attribute,      // an attribute name inside a start tag
        AttributeValue, // inside an attribute's quotes
        Member,         // after '.' (or at the start of a name) inside an expression
        NamedValue,     // after '{{'
    };
    Kind kind = Kind::None;
    std::size_t replaceBegin = 0; // where the prefix starts: a chosen item replaces [replaceBegin, cursor)
    std::string prefix;
    std::string element; // Element: the parent element; Attribute/AttributeValue: the element of the tag
    std::string grandparent;
    std::string attribute;                                   // AttributeValue: its name
    std::vector<std::string> present;                        // Attribute: the attributes the tag already has
    gw::policy::Sections sections = gw::policy::AllSections; // the sections the cursor can be in
    std::string expression;                                  // Member: the expression's text up to the prefix
};

CompletionContext completionContext(std::string_view text, std::size_t cursor);

// Names the workspace offers for references.
struct CompletionSources {
    std::vector<std::string> namedValues; // display names, as {{...}} refers to them
    std::vector<std::string> fragments;
    std::vector<std::string> backends;
};

struct CompletionItem {
    std::string text;   // what replaces the prefix
    std::string detail; // a signature, a type, a default: shown as a tip
    enum class Kind { Element, Attribute, Value, Property, Method, Type, Keyword, NamedValue } kind = Kind::Element;
};

// The items for `context`, those starting with its prefix first (case-insensitive), then the others that contain it.
std::vector<CompletionItem> completions(const CompletionContext &context, const CompletionSources &sources);

// The help for the thing at `offset`: a policy's help, an attribute's type and default, a member's signature.
// Empty when there is nothing to say.
std::string hoverHelp(std::string_view text, std::size_t offset);

// The signature of the method whose argument list the cursor is in ("GetValueOrDefault(name, defaultValue) →
// String"), for a call tip; empty when the cursor is in none.
std::string signatureAt(std::string_view text, std::size_t cursor);

} // namespace gh::policies
