#pragma once

#include <common/result.h>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace gw::content {

// Objects and arrays nested deeper than this are reported, not followed: a body
// is untrusted input and the conversions must not exhaust the stack.
inline constexpr int maxNestingDepth = 512;

// The deepest [ / { nesting of a JSON text, counted without parsing (strings skipped), so that a hostile body is
// turned away before any recursive walk sees it.
int jsonNestingDepth(std::string_view json);

// The attributes of the json-to-xml policy that shape the output (apply and
// consider-accept-header decide whether to convert at all and stay with the policy).
struct JsonToXmlOptions {
    // ISO 8601 date strings are read as dates and written in the round-trip form
    // (fraction without trailing zeros, offsets moved to UTC as "+00:00").
    bool parseDate = true;
    // With a namespacePrefix: "xmlns_p": "uri" declares the prefix p, and then
    // "p_name" is the element or attribute p:name.
    std::string namespaceSeparator = "_";
    // The property-name prefix that marks a namespace declaration ("xmlns"); empty: none.
    std::string namespacePrefix;
    // A property with this name holds the attributes of its parent element ("#attrs"); empty: none.
    std::string attributeBlockName;
};

// JSON → XML the way the gateway does it: the document is wrapped in a
// <Document> element, a property is an element, an array property is the
// element repeated, "@name" is an attribute, "#text" and "#cdata-section" are
// text, "#comment" a comment, null an empty element; a name that is not a valid
// XML name is encoded (_x0020_ for a space). A top-level array becomes repeated
// <Item> elements, a top-level scalar the text of <Document>. Output is compact
// (no declaration unless the JSON has a "?xml" property, no indentation), empty
// elements are written "<a />". Invalid JSON, a character XML cannot hold, or
// nesting deeper than maxNestingDepth is an Error.
Result<std::string> jsonToXml(std::string_view json, const JsonToXmlOptions &options);

enum class XmlToJsonKind {
    // Mirrors the XML: the declaration's attributes become top-level members
    // ("version", "encoding"), comments are "#comment", CDATA "#cdata-section",
    // and "prefix:name" is written "prefix$name" (as the gateway has been seen to do).
    Direct,
    // For scripts: no declaration, no comments, no xmlns attributes, CDATA is
    // text, and names lose their prefix ("soap:Body" is "Body").
    JavascriptFriendly,
};

// The attributes of the xml-to-json policy that shape the output.
struct XmlToJsonOptions {
    XmlToJsonKind kind = XmlToJsonKind::Direct;
    bool alwaysArrayChildElements = false; // every child element is an array, even a single one
};

// XML → JSON: an element with only text is a string, an empty element null,
// otherwise an object holding "@attribute" members, child elements (repeated
// names become an array at the place of the first) and "#text" for text mixed
// with elements. Values stay strings, as the XML gives no types. Output is
// indented by two spaces. Malformed XML or nesting deeper than maxNestingDepth is an Error.
Result<std::string> xmlToJson(std::string_view xml, const XmlToJsonOptions &options);

// A JSON text parsed with the nesting limit above (nlohmann's own parser has none).
Result<nlohmann::ordered_json> parseJsonLimited(std::string_view json);

// The same conversion as a value (used for the Liquid model of XML bodies).
Result<nlohmann::ordered_json> xmlToJsonValue(std::string_view xml, const XmlToJsonOptions &options);

} // namespace gw::content
