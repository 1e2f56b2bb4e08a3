#pragma once

#include <common/diagnostic.h>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

// A JSON document kept as its text and edited in place, so that saving a file after changing one field changes only
// that field's bytes: key order, unknown keys, whitespace, escapes, number spelling, line endings and the final newline
// of everything else stay as they were read.
namespace gw::jsontext {

using Json = nlohmann::ordered_json;

// Why a text is not JSON. Lines and columns count from 1 (columns in bytes, as gw::locate counts them).
struct ParseError {
    std::size_t offset = 0;
    int line = 0;
    int column = 0;
    std::string message;
};

// "file:line:col: error: message".
Diagnostic toDiagnostic(const ParseError &error, std::string file);

// Equality of JSON values as the tools see it: object members in any order,
// numbers by value (100 equals 100.0).
bool sameValue(const Json &a, const Json &b);

class JsonText {
public:
    // Parses strictly (RFC 8259: no comments, no trailing commas, strings in valid UTF-8, numbers that fit a
    // double). A UTF-8 BOM is accepted and kept. Nesting deeper than maxDepth is refused.
    static std::variant<JsonText, ParseError> parse(std::string text);
    static constexpr int maxDepth = 512;

    const std::string &text() const { return m_text; }
    Json value() const; // the whole document
    // RFC 6901 JSON pointer, "" = the root. Array elements by index. nullopt when absent or the pointer is malformed.
    // When an object repeats a key, the last occurrence counts (as in Json).
    std::optional<Json> get(std::string_view pointer) const;
    bool contains(std::string_view pointer) const;

    // Where the value at `pointer` starts, for diagnostics: line and column from 1; nullopt when absent.
    std::optional<std::pair<int, int>> position(std::string_view pointer) const;
    // Where the member's key (its opening quote) starts; nullopt when absent, for the root and for array elements.
    std::optional<std::pair<int, int>> keyPosition(std::string_view pointer) const;
    // The bytes [first, second) of the value at `pointer` in text().
    std::optional<std::pair<std::size_t, std::size_t>> span(std::string_view pointer) const;

    // Replaces the value at `pointer`. When the member is absent it is appended as the last member of its object,
    // creating missing parent objects the same way; "-" (or the index one past the end) appends to an array.
    // Inserted text follows the document: indentation unit and the sibling members' layout, CRLF when the document
    // uses it, `{}` expanded over lines, new objects and arrays pretty-printed in the document's style.
    // Nothing changes when the new value equals the old one. When both are objects they are merged member by
    // member (existing members keep their place and layout, new ones are appended, missing ones removed); arrays
    // element by element. So after set, get(pointer) equals `value` as a JSON value, but key order is the
    // document's. Every elementary edit re-scans the text: meant for configuration files, not megabytes.
    void set(std::string_view pointer, const Json &value) { static_cast<void>(trySet(pointer, value)); }
    // As set; false (and the text unchanged) when the pointer is malformed or cannot name a place for the value:
    // its parent is a string, number, boolean or null, or an array index is beyond the end.
    bool trySet(std::string_view pointer, const Json &value);

    // Removes a member or array element with its separating comma and whitespace. No-op when absent or for "".
    // A repeated key is removed in all its occurrences.
    void remove(std::string_view pointer);

    // A new document in APIOps style: 2-space indent, `"key": value`, LF, no final newline, minimal escapes,
    // UTF-8 as is.
    static std::string format(const Json &value);

    struct Node; // the parsed layout, the span of every value and key (an implementation detail)

private:
    struct Style {
        std::string eol = "\n";
        std::string unit = "  ";
        std::string colon = ": ";
        bool compact = false; // the document is on one line: insert without line breaks
    };
    struct Place;

    JsonText() = default;
    static std::optional<ParseError> scan(const std::string &text, JsonText &out);
    Place resolve(std::string_view pointer) const;
    Place resolve(const std::vector<std::string> &tokens) const;
    bool setTokens(const std::vector<std::string> &tokens, const Json &value);
    void removeTokens(const std::vector<std::string> &tokens);
    bool replace(std::size_t begin, std::size_t end, std::string_view with);
    bool insertItem(const Node &container, const std::string *key, const Json &value);
    bool removeItem(const Node &container, std::size_t index);
    std::string lineIndent(std::size_t offset) const;
    bool replaceValue(const Place &place, const Json &value);
    static std::string render(const Json &value, const Style &style, const std::string &indent, bool inlineLayout);

    std::string m_text;
    std::shared_ptr<const Node> m_root; // immutable, rebuilt after every edit, shared by copies
    Style m_style;
};

} // namespace gw::jsontext
