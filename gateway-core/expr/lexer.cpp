#include <expr/lexer.h>
#include <expr/program.h>

#include <common/text.h>

#include <algorithm>
#include <array>

namespace gw::expr {

namespace {

constexpr std::array keywords = {
    "as",     "base",     "bool",    "break",   "byte",      "case",   "catch", "char",   "checked",
    "const",  "continue", "decimal", "default", "do",        "double", "else",  "false",  "finally",
    "float",  "for",      "foreach", "if",      "in",        "int",    "is",    "long",   "new",
    "null",   "object",   "out",     "ref",     "return",    "sbyte",  "short", "static", "string",
    "switch", "this",     "throw",   "true",    "try",       "typeof", "uint",  "ulong",  "ushort",
    "var",    "void",     "while",   "default", "unchecked", "nameof",
};

bool isKeyword(std::string_view word)
{
    return std::find(keywords.begin(), keywords.end(), word) != keywords.end();
}

bool identStart(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

bool identPart(unsigned char c)
{
    return identStart(c) || (c >= '0' && c <= '9');
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Longest first: the lexer takes the first operator that matches.
constexpr std::array<std::string_view, 42> punctuators = {
    "?\?=", "<<=", "=>", "==", "!=", "<=", ">=", "&&", "||", "++", "--", "+=", "-=", "*=",
    "/=",   "%=",  "&=", "|=", "^=", "??", "?.", "<<", "::", "(",  ")",  "{",  "}",  "[",
    "]",    ".",   ",",  ";",  ":",  "?",  "=",  "<",  ">",  "+",  "-",  "*",  "/",  "%",
};
constexpr std::string_view singlePunctuators = "!~&|^";

class Lexer {
public:
    Lexer(const SourceText &source, std::size_t begin, std::size_t end, std::vector<Token> &tokens,
          Diagnostics &diagnostics)
        : m_src(source), m_text(source.text()), m_pos(begin), m_end(end), m_tokens(tokens), m_diags(diagnostics)
    {
    }

    void run()
    {
        while (true) {
            skipSpace();
            if (m_pos >= m_end) {
                break;
            }
            scanToken();
        }
        Token end;
        end.kind = TokenKind::End;
        end.offset = m_src.rawOffset(m_end);
        const auto loc = m_src.locate(m_end);
        end.line = loc.line;
        end.column = loc.column;
        m_tokens.push_back(std::move(end));
    }

private:
    char peek(std::size_t ahead = 0) const { return m_pos + ahead < m_end ? m_text[m_pos + ahead] : '\0'; }

    void error(std::size_t at, std::string message)
    {
        m_diags.push_back(Diagnostic{m_src.locate(at), Severity::Error, std::move(message)});
    }

    void skipSpace()
    {
        while (m_pos < m_end) {
            const char c = m_text[m_pos];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
                ++m_pos;
            } else if (c == '/' && peek(1) == '/') {
                while (m_pos < m_end && m_text[m_pos] != '\n') {
                    ++m_pos;
                }
            } else if (c == '/' && peek(1) == '*') {
                const std::size_t start = m_pos;
                m_pos += 2;
                while (m_pos < m_end && !(m_text[m_pos] == '*' && peek(1) == '/')) {
                    ++m_pos;
                }
                if (m_pos >= m_end) {
                    error(start, "End-of-file found, '*/' expected");
                    m_pos = m_end;
                } else {
                    m_pos += 2;
                }
            } else {
                break;
            }
        }
    }

    Token &push(TokenKind kind, std::size_t start, std::string text)
    {
        Token t;
        t.kind = kind;
        t.text = std::move(text);
        t.offset = m_src.rawOffset(start);
        t.length = m_src.rawOffset(m_pos) - t.offset;
        const auto loc = m_src.locate(start);
        t.line = loc.line;
        t.column = loc.column;
        m_tokens.push_back(std::move(t));
        return m_tokens.back();
    }

    void scanToken()
    {
        const std::size_t start = m_pos;
        const char c = m_text[m_pos];
        if (c == '@' && peek(1) == '"') {
            m_pos += 1;
            scanVerbatim(start, false);
            return;
        }
        if ((c == '$' && peek(1) == '"') || (c == '$' && peek(1) == '@' && peek(2) == '"') ||
            (c == '@' && peek(1) == '$' && peek(2) == '"')) {
            const bool verbatim = c == '@' || peek(1) == '@';
            m_pos += verbatim ? 2 : 1;
            scanInterpolated(start, verbatim);
            return;
        }
        if (c == '@' && identStart(static_cast<unsigned char>(peek(1)))) {
            ++m_pos; // @identifier: a keyword used as a name
            const std::size_t nameStart = m_pos;
            while (m_pos < m_end && identPart(static_cast<unsigned char>(m_text[m_pos]))) {
                ++m_pos;
            }
            push(TokenKind::Identifier, start, m_text.substr(nameStart, m_pos - nameStart));
            return;
        }
        if (identStart(static_cast<unsigned char>(c))) {
            while (m_pos < m_end && identPart(static_cast<unsigned char>(m_text[m_pos]))) {
                ++m_pos;
            }
            std::string word = m_text.substr(start, m_pos - start);
            const auto kind = isKeyword(word) ? TokenKind::Keyword : TokenKind::Identifier;
            push(kind, start, std::move(word));
            return;
        }
        if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
            scanNumber(start);
            return;
        }
        if (c == '"') {
            scanString(start);
            return;
        }
        if (c == '\'') {
            scanChar(start);
            return;
        }
        for (std::string_view p : punctuators) {
            if (m_text.compare(m_pos, p.size(), p) == 0 && m_pos + p.size() <= m_end) {
                m_pos += p.size();
                push(TokenKind::Punctuator, start, std::string(p));
                return;
            }
        }
        if (singlePunctuators.find(c) != std::string_view::npos) {
            ++m_pos;
            push(TokenKind::Punctuator, start, std::string(1, c));
            return;
        }
        ++m_pos;
        while (m_pos < m_end && (static_cast<unsigned char>(m_text[m_pos]) & 0xC0) == 0x80) {
            ++m_pos;
        }
        error(start, "Unexpected character '" + m_text.substr(start, m_pos - start) + "'");
        push(TokenKind::Invalid, start, m_text.substr(start, m_pos - start));
    }

    void scanNumber(std::size_t start)
    {
        bool real = false;
        std::string digits;
        if (m_text[m_pos] == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
            m_pos += 2;
            std::uint64_t value = 0;
            while (m_pos < m_end && (hexValue(m_text[m_pos]) >= 0 || m_text[m_pos] == '_')) {
                if (m_text[m_pos] != '_') {
                    value = value * 16 + std::uint64_t(hexValue(m_text[m_pos]));
                }
                ++m_pos;
            }
            digits = std::to_string(value);
        } else {
            auto take = [&] {
                while (m_pos < m_end && (isDigit(m_text[m_pos]) || m_text[m_pos] == '_')) {
                    if (m_text[m_pos] != '_') {
                        digits += m_text[m_pos];
                    }
                    ++m_pos;
                }
            };
            take();
            if (peek() == '.' && isDigit(peek(1))) {
                real = true;
                digits += '.';
                ++m_pos;
                take();
            }
            if (peek() == 'e' || peek() == 'E') {
                const std::size_t save = m_pos;
                std::string exponent = "e";
                ++m_pos;
                if (peek() == '+' || peek() == '-') {
                    exponent += peek();
                    ++m_pos;
                }
                if (isDigit(peek())) {
                    real = true;
                    digits += exponent;
                    take();
                } else {
                    m_pos = save;
                }
            }
        }
        std::uint8_t suffix = 0;
        const char s = char(peek() | 0x20);
        if (s == 'l' || s == 'u' || s == 'm' || s == 'd' || s == 'f') {
            suffix = std::uint8_t(s);
            ++m_pos;
            if ((s == 'u' && (peek() | 0x20) == 'l') || (s == 'l' && (peek() | 0x20) == 'u')) {
                suffix = 'l';
                ++m_pos;
            }
            if (s == 'm' || s == 'd' || s == 'f') {
                real = true;
            }
        }
        if (m_pos < m_end && identPart(static_cast<unsigned char>(m_text[m_pos]))) {
            error(start, "Invalid numeric literal");
            while (m_pos < m_end && identPart(static_cast<unsigned char>(m_text[m_pos]))) {
                ++m_pos;
            }
        }
        Token &t = push(real ? TokenKind::Real : TokenKind::Integer, start, std::move(digits));
        t.suffix = suffix;
    }

    // Reads one escape after a backslash at m_pos; appends the character.
    void scanEscape(std::string &out)
    {
        const std::size_t at = m_pos;
        ++m_pos; // the backslash
        const char e = peek();
        ++m_pos;
        switch (e) {
        case 'n':
            out += '\n';
            return;
        case 't':
            out += '\t';
            return;
        case 'r':
            out += '\r';
            return;
        case '0':
            out += '\0';
            return;
        case 'a':
            out += '\a';
            return;
        case 'b':
            out += '\b';
            return;
        case 'f':
            out += '\f';
            return;
        case 'v':
            out += '\v';
            return;
        case '\\':
            out += '\\';
            return;
        case '"':
            out += '"';
            return;
        case '\'':
            out += '\'';
            return;
        case 'u':
        case 'x':
        case 'U': {
            const int maxDigits = e == 'U' ? 8 : 4;
            std::uint32_t value = 0;
            int count = 0;
            while (count < maxDigits && hexValue(peek()) >= 0) {
                value = value * 16 + std::uint32_t(hexValue(peek()));
                ++m_pos;
                ++count;
            }
            if (count == 0 || (e == 'u' && count != 4)) {
                error(at, "Unrecognized escape sequence");
            }
            appendUtf8(out, std::min<std::uint32_t>(value, 0x10FFFF));
            return;
        }
        default:
            error(at, "Unrecognized escape sequence");
            return;
        }
    }

    void scanString(std::size_t start)
    {
        ++m_pos;
        std::string value;
        while (true) {
            if (m_pos >= m_end || m_text[m_pos] == '\n') {
                error(start, "Newline in constant");
                break;
            }
            const char c = m_text[m_pos];
            if (c == '"') {
                ++m_pos;
                break;
            }
            if (c == '\\') {
                scanEscape(value);
            } else {
                value += c;
                ++m_pos;
            }
        }
        push(TokenKind::String, start, std::move(value));
    }

    void scanVerbatim(std::size_t start, bool interpolated)
    {
        (void)interpolated;
        ++m_pos; // the quote
        std::string value;
        while (true) {
            if (m_pos >= m_end) {
                error(start, "Newline in constant");
                break;
            }
            const char c = m_text[m_pos];
            if (c == '"') {
                if (peek(1) == '"') {
                    value += '"';
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                break;
            }
            value += c;
            ++m_pos;
        }
        Token &t = push(TokenKind::String, start, std::move(value));
        t.verbatim = true;
    }

    // Finds the end of $"..." keeping holes balanced; the parser splits the parts.
    void scanInterpolated(std::size_t start, bool verbatim)
    {
        ++m_pos; // the quote
        const std::size_t inner = m_pos;
        int depth = 0;
        bool closed = false;
        while (m_pos < m_end) {
            const char c = m_text[m_pos];
            if (depth == 0) {
                if (c == '"') {
                    if (verbatim && peek(1) == '"') {
                        m_pos += 2;
                        continue;
                    }
                    closed = true;
                    break;
                }
                if (!verbatim && c == '\\') {
                    m_pos += 2;
                    continue;
                }
                if (!verbatim && c == '\n') {
                    break;
                }
                if (c == '{') {
                    if (peek(1) == '{') {
                        m_pos += 2;
                        continue;
                    }
                    depth = 1;
                }
                ++m_pos;
                continue;
            }
            // inside a hole: skip nested strings and balance braces
            if (c == '"') {
                ++m_pos;
                while (m_pos < m_end && m_text[m_pos] != '"') {
                    m_pos += m_text[m_pos] == '\\' ? 2 : 1;
                }
                ++m_pos;
                continue;
            }
            if (c == '\'') {
                ++m_pos;
                while (m_pos < m_end && m_text[m_pos] != '\'') {
                    m_pos += m_text[m_pos] == '\\' ? 2 : 1;
                }
                ++m_pos;
                continue;
            }
            if (c == '{' || c == '(' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ')' || c == ']') {
                --depth;
            }
            ++m_pos;
        }
        m_pos = std::min(m_pos, m_end);
        const std::size_t innerEnd = m_pos;
        if (!closed) {
            error(start, "Newline in constant");
        } else {
            ++m_pos;
        }
        Token &t = push(TokenKind::Interpolated, start, m_text.substr(inner, innerEnd - inner));
        t.verbatim = verbatim;
        t.innerOffset = inner; // decoded offset: the parser works on the decoded text
    }

    void scanChar(std::size_t start)
    {
        ++m_pos;
        std::string value;
        if (peek() == '\\') {
            scanEscape(value);
        } else if (m_pos < m_end && m_text[m_pos] != '\'') {
            value += m_text[m_pos++];
            while (m_pos < m_end && (static_cast<unsigned char>(m_text[m_pos]) & 0xC0) == 0x80) {
                value += m_text[m_pos++];
            }
        }
        if (peek() == '\'') {
            ++m_pos;
        } else {
            error(start, "Too many characters in character literal");
            while (m_pos < m_end && m_text[m_pos] != '\'' && m_text[m_pos] != '\n') {
                ++m_pos;
            }
            if (peek() == '\'') {
                ++m_pos;
            }
        }
        if (value.empty()) {
            error(start, "Empty character literal");
        }
        push(TokenKind::Char, start, std::move(value));
    }

    const SourceText &m_src;
    const std::string &m_text;
    std::size_t m_pos;
    std::size_t m_end;
    std::vector<Token> &m_tokens;
    Diagnostics &m_diags;
};

// The XML character references an attribute value may carry.
bool decodeReference(std::string_view raw, std::size_t at, std::string &out, std::size_t &length)
{
    static constexpr std::pair<std::string_view, char> named[] = {
        {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}, {"&apos;", '\''}};
    for (const auto &[name, ch] : named) {
        if (raw.substr(at, name.size()) == name) {
            out += ch;
            length = name.size();
            return true;
        }
    }
    if (raw.substr(at, 2) == "&#") {
        std::size_t i = at + 2;
        const bool hex = i < raw.size() && (raw[i] == 'x' || raw[i] == 'X');
        if (hex) {
            ++i;
        }
        std::uint32_t value = 0;
        const std::size_t digitsStart = i;
        while (i < raw.size() && i - digitsStart < 8 && (hex ? hexValue(raw[i]) >= 0 : isDigit(raw[i]))) {
            value = value * (hex ? 16 : 10) + std::uint32_t(hex ? hexValue(raw[i]) : raw[i] - '0');
            ++i;
        }
        if (i > digitsStart && i < raw.size() && raw[i] == ';' && value <= 0x10FFFF) {
            appendUtf8(out, value);
            length = i + 1 - at;
            return true;
        }
    }
    return false;
}

} // namespace

SourceText::SourceText(std::string_view raw, const Origin &origin)
    : m_file(origin.file), m_line(origin.line), m_column(origin.column)
{
    m_lineStarts.push_back(0);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\n') {
            m_lineStarts.push_back(i + 1);
        }
    }
    if (raw.find('&') == std::string_view::npos) {
        m_text = std::string(raw);
        return;
    }
    m_text.reserve(raw.size());
    m_map.reserve(raw.size() + 1);
    for (std::size_t i = 0; i < raw.size();) {
        std::size_t length = 0;
        const std::size_t before = m_text.size();
        if (raw[i] == '&' && decodeReference(raw, i, m_text, length)) {
            for (std::size_t k = before; k < m_text.size(); ++k) {
                m_map.push_back(std::uint32_t(i));
            }
            i += length;
        } else {
            m_text += raw[i];
            m_map.push_back(std::uint32_t(i));
            ++i;
        }
    }
    m_map.push_back(std::uint32_t(raw.size()));
}

std::size_t SourceText::rawOffset(std::size_t decodedOffset) const
{
    if (m_map.empty()) {
        return decodedOffset;
    }
    return m_map[std::min(decodedOffset, m_map.size() - 1)];
}

SourceLocation SourceText::locate(std::size_t decodedOffset) const
{
    const std::size_t raw = rawOffset(decodedOffset);
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), raw);
    const std::size_t lineIndex = std::size_t(it - m_lineStarts.begin()) - 1;
    SourceLocation loc;
    loc.file = m_file;
    loc.line = m_line + int(lineIndex);
    loc.column = int(raw - m_lineStarts[lineIndex]) + (lineIndex == 0 ? m_column : 1);
    return loc;
}

void lexRange(const SourceText &source, std::size_t begin, std::size_t end, std::vector<Token> &tokens,
              Diagnostics &diagnostics)
{
    Lexer(source, begin, end, tokens, diagnostics).run();
}

LexResult lex(std::string_view source, const Origin &origin)
{
    SourceText text(source, origin);
    LexResult result;
    lexRange(text, 0, text.text().size(), result.tokens, result.diagnostics);
    return result;
}

} // namespace gw::expr
