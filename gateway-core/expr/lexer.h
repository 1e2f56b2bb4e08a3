#pragma once

#include <common/diagnostic.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gw::expr {

struct Origin;

enum class TokenKind : std::uint8_t {
    End,          // after the last token
    Identifier,   // names, including contextual words such as `when`
    Keyword,      // C# keywords: `var`, `new`, `return`, type keywords such as `string`, `true`/`false`/`null`
    Integer,      // 42, 42L, 0x2A
    Real,         // 1.5, 1e3, 2.5m
    String,       // "..." and @"...": `text` holds the decoded value
    Interpolated, // $"...": `text` holds the raw inside; parts are parsed by the parser
    Char,         // 'x': `text` holds the character, UTF-8 encoded
    Punctuator,   // operators and brackets: `text` is the operator
    Invalid,      // a character that starts no token; a diagnostic was reported
};

// One token. Offsets index the source as written (XML entities such as &quot; count as written), so an editor can
// colour the exact characters; line and column are in the policy file.
struct Token {
    TokenKind kind = TokenKind::End;
    std::string text;
    std::size_t offset = 0; // into the source given to lex()
    std::size_t length = 0;
    int line = 0;
    int column = 0;
    bool verbatim = false;       // @"..." (and $@"...")
    std::uint8_t suffix = 0;     // numeric literal suffix, lower case: 'l', 'u', 'm', 'd', 'f', or 0
    std::size_t innerOffset = 0; // Interpolated: where the inside starts in the decoded text the parser reads
};

struct LexResult {
    std::vector<Token> tokens; // ends with an End token
    Diagnostics diagnostics;
};

// Splits an expression's source into tokens. `source` is the text between the brackets of @(...) or @{...} as written
// in the policy file; XML character references (&quot; &lt; &gt; &amp; &apos; &#...;) read as the characters they
// stand for, since attribute values carry expressions that way. Never fails: problems become diagnostics.
LexResult lex(std::string_view source, const Origin &origin);

// Where the lexer and the parser see the source: the decoded text, and the way back to file positions.
class SourceText {
public:
    SourceText(std::string_view raw, const Origin &origin);

    const std::string &text() const { return m_text; } // XML references decoded
    std::size_t rawOffset(std::size_t decodedOffset) const;
    SourceLocation locate(std::size_t decodedOffset) const;
    const std::string &file() const { return m_file; }

private:
    std::string m_text;
    std::vector<std::uint32_t> m_map; // decoded offset -> raw offset; empty when nothing was decoded
    std::vector<std::size_t> m_lineStarts;
    std::string m_file;
    int m_line = 1;
    int m_column = 1;
};

// Tokens of text[begin, end) of a SourceText (the parser re-enters here for the holes of $"...").
void lexRange(const SourceText &source, std::size_t begin, std::size_t end, std::vector<Token> &tokens,
              Diagnostics &diagnostics);

} // namespace gw::expr
