#pragma once

#include <policy/document.h>
#include <policy/policy.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace gh::policies {

// Edits of a policy document as edits of its text: each function returns the document's new text, in which only
// the bytes of the elements concerned differ from the original. Comments, blank lines, quoting and the
// indentation of every other element stay as the user wrote them, so a change made in the visual flow reads in
// the text editor (and in a diff) as the one line a user would have typed.
//
// An element that sits alone on its lines is handled as those whole lines (its indentation and line break go
// with it); one that shares a line with others is handled as its bytes only.

// Sets `name` to `value` (written as an expression when it is one, XML-escaped otherwise); an empty value removes
// the attribute. Only the value's bytes change when the attribute is already there.
std::string setAttribute(const gw::policy::Document &document, const gw::policy::Element &element,
                         std::string_view name, std::string_view value);
// Replaces the element's text (set-body, set-method), opening a self-closing element when needed.
std::string setText(const gw::policy::Document &document, const gw::policy::Element &element, std::string_view text);
// Removes the child `index` of `parent` (with its line when it is alone on it).
std::string removeChild(const gw::policy::Document &document, const gw::policy::Element &parent, std::size_t index);
// Moves the child `from` of `parent` so that it ends up at position `to` among the children.
std::string moveChild(const gw::policy::Document &document, const gw::policy::Element &parent, std::size_t from,
                      std::size_t to);
// Inserts `xml` (one or more lines, indented relative to its first line) as the child `index` of `parent`,
// indented like its siblings; a self-closing parent is opened.
std::string insertChild(const gw::policy::Document &document, const gw::policy::Element &parent, std::size_t index,
                        std::string_view xml);
// Inserts `xml` into the section `section` of a <policies> document, creating the section (in APIM's order) when
// the document has none.
std::string insertIntoSection(const gw::policy::Document &document, std::string_view section, std::size_t index,
                              std::string_view xml);

// A new element for a policy: its required attributes (with their defaults) and required children, e.g.
// <rate-limit calls="" renewal-period="" />; `unit` indents the children.
std::string newElement(const gw::policy::PolicyDescription &description, std::string_view unit = "\t");

// The value of an attribute as a user edits it: the decoded literal, or the expression exactly as written.
std::string editableValue(const gw::policy::Document &document, const gw::policy::Attribute &attribute);

// The unit of indentation the document uses (a tab, or a run of spaces); a tab when it cannot tell.
std::string indentUnit(const gw::policy::Document &document);

} // namespace gh::policies
