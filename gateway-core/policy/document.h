#pragma once

#include <common/diagnostic.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gw::policy {

// A span of the original file. Lines and columns count from 1 (columns in bytes,
// a tab is one column); the end is exclusive: (endLine, endColumn) is the
// position just past the last character.
struct SourceRange {
    int line = 0;
    int column = 0;
    int endLine = 0;
    int endColumn = 0;
    bool operator==(const SourceRange &) const = default;
};

// A policy expression: @(...) (single) or @{...} (block).
struct Expression {
    std::string source; // between the brackets, exactly as written (not XML-decoded)
    bool block = false; // @{...}
    SourceRange range;  // from the '@' to just past the closing bracket
};

// An attribute value or an element's text: literal text (XML entities decoded)
// or an expression, which in APIM must be the whole value.
struct Value {
    std::variant<std::string, Expression> content;

    bool isExpression() const { return std::holds_alternative<Expression>(content); }
    const std::string &literal() const { return std::get<std::string>(content); }
    const Expression &expression() const { return std::get<Expression>(content); }
};

struct Attribute {
    std::string name;
    Value value;
    SourceRange nameRange;
    SourceRange valueRange; // between the quotes
};

struct Text {
    Value value;       // character data and CDATA of the element, joined
    SourceRange range; // from the first to the end of the last text node, as written
};

struct Element {
    std::string name;
    SourceRange range; // from '<' to just past the end tag (or "/>")
    std::vector<Attribute> attributes;
    std::vector<Element> children;
    std::optional<Text> text; // absent when the element holds no non-blank text

    const Attribute *attribute(std::string_view attributeName) const;
};

// One {{name}} reference in an attribute value or a text, expressions included.
struct NamedValueReference {
    std::string name;
    SourceRange range; // from the first '{' to just past the last '}'
};

// The characters of XML names and white space as this reader reads them (the editor's colouring uses the same).
bool isXmlSpace(char c);
bool isXmlNameStart(char c);
bool isXmlNameChar(char c);

// A parsed policy document (<policies> or <fragment>). Immutable; keeps the
// user's text byte for byte: nothing here rewrites it. Copyable, no threads of its own.
class Document {
public:
    const std::string &text() const { return m_text; }
    const std::string &fileName() const { return m_fileName; }
    const Element &root() const { return m_root; }
    const std::vector<NamedValueReference> &namedValues() const { return m_namedValues; }

    // The exact original bytes of a range (e.g. an element's range).
    std::string_view source(const SourceRange &range) const;
    std::string_view source(const Element &element) const { return source(element.range); }

    // Byte offset of a line and column (from 1), clamped to the text.
    std::size_t offsetOf(int line, int column) const;

private:
    friend class DocumentBuilder;
    std::string m_text;
    std::string m_fileName;
    std::vector<std::size_t> m_lineStarts;
    Element m_root;
    std::vector<NamedValueReference> m_namedValues;
};

struct ParseResult {
    std::optional<Document> document; // set when there is no error
    Diagnostics diagnostics;
};

struct ParseOptions {
    // A snippet with any root element (documentation examples, editor fragments)
    // instead of a whole <policies> or <fragment> document.
    bool anyRoot = false;
};

// Elements nested deeper than this are reported, not followed.
inline constexpr int maxElementDepth = 256;

// Reads an APIM raw-XML policy document. Every problem comes back as a located
// Diagnostic; never throws on bad input, linear in the size of the text.
ParseResult parseDocument(std::string text, std::string fileName, ParseOptions options = {});

} // namespace gw::policy
