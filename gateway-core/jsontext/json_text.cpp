#include "json_text.h"

#include <common/text.h>

#include <algorithm>
#include <cassert>
#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace gw::jsontext {

// One value of the document: its span and, for members of an object, its key. Containers hold their members or
// elements in document order.
struct JsonText::Node {
    enum class Kind { Object, Array, String, Number, Literal };
    static constexpr std::size_t none = std::string::npos;

    Kind kind = Kind::Literal;
    std::size_t begin = 0;       // first byte of the value
    std::size_t end = 0;         // one past its last byte
    std::size_t keyBegin = none; // the key's opening quote (object members only)
    std::size_t keyEnd = none;   // one past the key's closing quote
    std::string key;             // decoded
    std::vector<Node> children;

    bool isContainer() const { return kind == Kind::Object || kind == Kind::Array; }
    std::size_t itemBegin() const { return keyBegin != none ? keyBegin : begin; }
};

// A pointer looked up in the tree, as far as it goes.
struct JsonText::Place {
    bool wellFormed = false;
    std::vector<std::string> tokens;
    std::vector<const Node *> chain;  // chain[0] is the root, chain[i] the value named by tokens[i - 1]
    std::vector<std::size_t> indices; // indices[i - 1]: where chain[i] is among chain[i - 1]'s children

    bool complete() const { return wellFormed && chain.size() == tokens.size() + 1; }
};

namespace {

using Node = JsonText::Node;

constexpr std::string_view bom = "\xEF\xBB\xBF";

// Thrown inside the scanner only; parse() turns it into a ParseError.
struct Failure {
    std::size_t offset;
    std::string message;
};

std::string describe(unsigned char c)
{
    if (c >= 0x20 && c < 0x7F)
        return std::string("'") + static_cast<char>(c) + "'";
    static const char hex[] = "0123456789ABCDEF";
    return std::string("byte 0x") + hex[c >> 4] + hex[c & 0xF];
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// The strict scanner: RFC 8259 plus what nlohmann::json refuses (invalid UTF-8, lone surrogates, numbers beyond a
// double), so that every span it accepts converts to Json without failing.
class Scanner {
public:
    explicit Scanner(const std::string &text) : m_text(text) {}

    Node document()
    {
        if (m_text.starts_with(bom))
            m_pos = bom.size();
        skipSpace();
        if (atEnd())
            throw Failure{m_pos, "the document is empty; expected a JSON value"};
        Node root = value(1);
        skipSpace();
        if (!atEnd())
            unexpected("the end of the document after the JSON value");
        return root;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }

    void skipSpace()
    {
        while (!atEnd()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_pos;
        }
    }

    [[noreturn]] void unexpected(std::string_view expected) const
    {
        if (atEnd())
            throw Failure{m_pos, "unexpected end of input; expected " + std::string(expected)};
        const char c = m_text[m_pos];
        const char next = m_pos + 1 < m_text.size() ? m_text[m_pos + 1] : '\0';
        if (c == '/' && (next == '/' || next == '*'))
            throw Failure{m_pos, "comments are not allowed in JSON"};
        if (c == '\'')
            throw Failure{m_pos, "strings must be in double quotes, not single quotes"};
        throw Failure{m_pos,
                      "unexpected " + describe(static_cast<unsigned char>(c)) + "; expected " + std::string(expected)};
    }

    Node value(int depth)
    {
        if (depth > JsonText::maxDepth)
            throw Failure{m_pos, "values are nested more than " + std::to_string(JsonText::maxDepth) + " deep"};
        switch (peek()) {
        case '{':
            return container(depth, Node::Kind::Object);
        case '[':
            return container(depth, Node::Kind::Array);
        case '"': {
            Node node{.kind = Node::Kind::String, .begin = m_pos};
            string(nullptr);
            node.end = m_pos;
            return node;
        }
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            if (peek() == '-' || isDigit(peek()))
                return number();
            unexpected("a JSON value");
        }
    }

    Node literal(std::string_view word)
    {
        if (m_text.compare(m_pos, word.size(), word) != 0)
            throw Failure{m_pos, "invalid literal; expected '" + std::string(word) + "'"};
        Node node{.kind = Node::Kind::Literal, .begin = m_pos};
        m_pos += word.size();
        node.end = m_pos;
        return node;
    }

    Node container(int depth, Node::Kind kind)
    {
        const bool object = kind == Node::Kind::Object;
        const char close = object ? '}' : ']';
        Node node{.kind = kind, .begin = m_pos};
        ++m_pos;
        skipSpace();
        if (peek() == close) {
            node.end = ++m_pos;
            return node;
        }
        for (;;) {
            Node item;
            if (object) {
                if (peek() != '"')
                    unexpected("a member name in double quotes");
                const std::size_t keyBegin = m_pos;
                std::string key;
                string(&key);
                const std::size_t keyEnd = m_pos;
                skipSpace();
                if (peek() != ':')
                    unexpected("':' after the member name");
                ++m_pos;
                skipSpace();
                item = value(depth + 1);
                item.keyBegin = keyBegin;
                item.keyEnd = keyEnd;
                item.key = std::move(key);
            } else {
                item = value(depth + 1);
            }
            node.children.push_back(std::move(item));
            skipSpace();
            if (peek() == ',') {
                const std::size_t comma = m_pos++;
                skipSpace();
                if (peek() == close)
                    throw Failure{comma, std::string("trailing comma before '") + close + "' is not allowed"};
                continue;
            }
            if (peek() == close) {
                node.end = ++m_pos;
                return node;
            }
            unexpected(object ? "',' or '}' after an object member" : "',' or ']' after an array element");
        }
    }

    // Scans a string starting at its opening quote; decodes it into *out when given.
    void string(std::string *out)
    {
        ++m_pos;
        for (;;) {
            if (atEnd())
                throw Failure{m_pos, "unexpected end of input in a string; the closing '\"' is missing"};
            const auto c = static_cast<unsigned char>(m_text[m_pos]);
            if (c == '"') {
                ++m_pos;
                return;
            }
            if (c == '\\') {
                escape(out);
            } else if (c == '\n' || c == '\r') {
                throw Failure{m_pos, "line break in a string (is the closing '\"' missing?)"};
            } else if (c < 0x20) {
                throw Failure{m_pos, "control character (" + describe(c) + ") in a string must be escaped"};
            } else if (c < 0x80) {
                if (out)
                    *out += static_cast<char>(c);
                ++m_pos;
            } else {
                const std::size_t length = utf8Length();
                if (length == 0)
                    throw Failure{m_pos, "invalid UTF-8 in a string"};
                if (out)
                    out->append(m_text, m_pos, length);
                m_pos += length;
            }
        }
    }

    // The length of the UTF-8 sequence at m_pos (RFC 3629), 0 when it is not valid.
    std::size_t utf8Length() const
    {
        auto byte = [&](std::size_t i) {
            return m_pos + i < m_text.size() ? static_cast<unsigned char>(m_text[m_pos + i]) : 0u;
        };
        auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
        const unsigned b0 = byte(0);
        const unsigned b1 = byte(1);
        if (in(b0, 0xC2, 0xDF))
            return in(b1, 0x80, 0xBF) ? 2 : 0;
        unsigned lo = 0x80;
        unsigned hi = 0xBF;
        std::size_t length = 0;
        if (in(b0, 0xE0, 0xEF)) {
            length = 3;
            if (b0 == 0xE0)
                lo = 0xA0;
            if (b0 == 0xED)
                hi = 0x9F;
        } else if (in(b0, 0xF0, 0xF4)) {
            length = 4;
            if (b0 == 0xF0)
                lo = 0x90;
            if (b0 == 0xF4)
                hi = 0x8F;
        } else {
            return 0;
        }
        if (!in(b1, lo, hi))
            return 0;
        for (std::size_t i = 2; i < length; ++i) {
            if (!in(byte(i), 0x80, 0xBF))
                return 0;
        }
        return length;
    }

    void escape(std::string *out)
    {
        const std::size_t at = m_pos++;
        if (atEnd())
            throw Failure{m_pos, "unexpected end of input in a string; the closing '\"' is missing"};
        const char e = m_text[m_pos++];
        char decoded = 0;
        switch (e) {
        case '"':
        case '\\':
        case '/':
            decoded = e;
            break;
        case 'b':
            decoded = '\b';
            break;
        case 'f':
            decoded = '\f';
            break;
        case 'n':
            decoded = '\n';
            break;
        case 'r':
            decoded = '\r';
            break;
        case 't':
            decoded = '\t';
            break;
        case 'u': {
            std::uint32_t cp = hex4(at);
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                throw Failure{at, "\\u escape of a lone low surrogate (U+DC00..U+DFFF)"};
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                const std::size_t second = m_pos;
                if (m_text.compare(m_pos, 2, "\\u") != 0)
                    throw Failure{at, "a high surrogate (U+D800..U+DBFF) must be followed by a \\u escape of a low "
                                      "surrogate (U+DC00..U+DFFF)"};
                m_pos += 2;
                const std::uint32_t low = hex4(second);
                if (low < 0xDC00 || low > 0xDFFF)
                    throw Failure{second, "a high surrogate (U+D800..U+DBFF) must be followed by a low surrogate "
                                          "(U+DC00..U+DFFF)"};
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            if (out)
                gw::appendUtf8(*out, cp);
            return;
        }
        default:
            throw Failure{at, "invalid escape '\\" +
                                  (static_cast<unsigned char>(e) >= 0x20 && static_cast<unsigned char>(e) < 0x7F
                                       ? std::string(1, e)
                                       : describe(static_cast<unsigned char>(e))) +
                                  "' in a string"};
        }
        if (out)
            *out += decoded;
    }

    std::uint32_t hex4(std::size_t escapeAt)
    {
        std::uint32_t cp = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = atEnd() ? -1 : gw::hexValue(m_text[m_pos]);
            if (digit < 0)
                throw Failure{escapeAt, "'\\u' must be followed by four hexadecimal digits"};
            cp = cp * 16 + static_cast<std::uint32_t>(digit);
            ++m_pos;
        }
        return cp;
    }

    Node number()
    {
        Node node{.kind = Node::Kind::Number, .begin = m_pos};
        if (peek() == '-')
            ++m_pos;
        if (!isDigit(peek()))
            unexpected("a digit after '-'");
        std::size_t integerDigits = 0;
        if (peek() == '0') {
            ++m_pos;
            if (isDigit(peek()))
                throw Failure{m_pos - 1, "numbers must not start with a leading zero"};
        } else {
            while (isDigit(peek())) {
                ++m_pos;
                ++integerDigits;
            }
        }
        if (peek() == '.') {
            ++m_pos;
            if (!isDigit(peek()))
                unexpected("a digit after the decimal point");
            while (isDigit(peek()))
                ++m_pos;
        }
        bool exponent = false;
        if (peek() == 'e' || peek() == 'E') {
            exponent = true;
            ++m_pos;
            if (peek() == '+' || peek() == '-')
                ++m_pos;
            if (!isDigit(peek()))
                unexpected("a digit in the exponent");
            while (isDigit(peek()))
                ++m_pos;
        }
        node.end = m_pos;
        // Without an exponent, up to 308 integer digits always fit a double.
        if ((exponent || integerDigits > 308) && !fitsDouble(node.begin, node.end))
            throw Failure{node.begin, "number out of the range of a double"};
        return node;
    }

    // As nlohmann::json reads numbers: strtod in the current locale.
    bool fitsDouble(std::size_t begin, std::size_t end) const
    {
        std::string digits = m_text.substr(begin, end - begin);
        const char *point = std::localeconv()->decimal_point;
        if (point && *point && *point != '.') {
            for (char &c : digits) {
                if (c == '.')
                    c = *point;
            }
        }
        const double value = std::strtod(digits.c_str(), nullptr);
        return std::isfinite(value);
    }

    const std::string &m_text;
    std::size_t m_pos = 0;
};

std::optional<std::vector<std::string>> parsePointer(std::string_view pointer)
{
    std::vector<std::string> tokens;
    if (pointer.empty())
        return tokens;
    if (pointer.front() != '/')
        return std::nullopt;
    std::string token;
    for (std::size_t i = 1; i <= pointer.size(); ++i) {
        if (i == pointer.size() || pointer[i] == '/') {
            tokens.push_back(std::move(token));
            token.clear();
        } else if (pointer[i] == '~') {
            if (i + 1 >= pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1'))
                return std::nullopt;
            token += pointer[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            token += pointer[i];
        }
    }
    return tokens;
}

// An RFC 6901 array index: "0" or digits without a leading zero.
std::optional<std::size_t> arrayIndex(const std::string &token)
{
    if (token.empty() || token.size() > 18 || (token.size() > 1 && token[0] == '0'))
        return std::nullopt;
    std::size_t index = 0;
    for (char c : token) {
        if (!isDigit(c))
            return std::nullopt;
        index = index * 10 + static_cast<std::size_t>(c - '0');
    }
    return index;
}

std::optional<std::size_t> findChild(const Node &node, const std::string &token)
{
    if (node.kind == Node::Kind::Object) {
        for (std::size_t i = node.children.size(); i-- > 0;) {
            if (node.children[i].key == token)
                return i; // the last occurrence of a repeated key, as Json keeps it
        }
    } else if (node.kind == Node::Kind::Array) {
        const auto index = arrayIndex(token);
        if (index && *index < node.children.size())
            return *index;
    }
    return std::nullopt;
}

std::string dumpScalar(const Json &value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Equal as JSON values: objects regardless of member order, 100 equal to 100.0.
} // namespace

bool sameValue(const Json &a, const Json &b)
{
    if (a.is_object() && b.is_object()) {
        if (a.size() != b.size())
            return false;
        for (auto it = a.begin(); it != a.end(); ++it) {
            const auto other = b.find(it.key());
            if (other == b.end() || !sameValue(*it, *other))
                return false;
        }
        return true;
    }
    if (a.is_array() && b.is_array()) {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!sameValue(a[i], b[i]))
                return false;
        }
        return true;
    }
    return a == b;
}

namespace {

std::vector<std::string> extended(std::vector<std::string> tokens, std::string token)
{
    tokens.push_back(std::move(token));
    return tokens;
}

} // namespace

Diagnostic toDiagnostic(const ParseError &error, std::string file)
{
    return {.location = {.file = std::move(file), .line = error.line, .column = error.column},
            .severity = Severity::Error,
            .message = error.message};
}

std::variant<JsonText, ParseError> JsonText::parse(std::string text)
{
    JsonText document;
    if (auto error = scan(text, document))
        return std::move(*error);
    return document;
}

std::optional<ParseError> JsonText::scan(const std::string &text, JsonText &out)
{
    Node root;
    try {
        root = Scanner(text).document();
    } catch (const Failure &failure) {
        const SourceLocation where = locate({}, text, failure.offset);
        return ParseError{failure.offset, where.line, where.column, failure.message};
    }

    out.m_text = text;
    out.m_root = std::make_shared<const Node>(std::move(root));

    Style style;
    const std::size_t newline = text.find('\n');
    if (newline != std::string::npos && newline > 0 && text[newline - 1] == '\r')
        style.eol = "\r\n";
    style.compact = newline == std::string::npos && out.m_root->isContainer() && !out.m_root->children.empty();

    // The indentation unit: how much deeper the first member on its own line sits than its container's line.
    bool unitFound = false;
    bool colonFound = false;
    auto detect = [&](auto &&self, const Node &node) -> void {
        if (!node.isContainer() || node.children.empty() || (unitFound && colonFound))
            return;
        const Node &first = node.children.front();
        if (!unitFound && text.find('\n', node.begin) < first.itemBegin()) {
            const std::string child = out.lineIndent(first.itemBegin());
            const std::string parent = out.lineIndent(node.begin);
            if (child.size() > parent.size() && child.starts_with(parent)) {
                style.unit = child.substr(parent.size());
                unitFound = true;
            }
        }
        if (!colonFound && node.kind == Node::Kind::Object) {
            const std::string colon = text.substr(first.keyEnd, first.begin - first.keyEnd);
            if (colon.find_first_of("\r\n") == std::string::npos)
                style.colon = colon;
            colonFound = true;
        }
        for (const Node &child : node.children)
            self(self, child);
    };
    detect(detect, *out.m_root);
    out.m_style = std::move(style);
    return std::nullopt;
}

Json JsonText::value() const
{
    return *get("");
}

namespace {

Json toJson(const std::string &text, const Node &node)
{
    Json value = Json::parse(text.data() + node.begin, text.data() + node.end, nullptr, false);
    assert(!value.is_discarded() && "the scanner accepted a value nlohmann::json refuses");
    if (value.is_discarded())
        return Json();
    return value;
}

} // namespace

JsonText::Place JsonText::resolve(std::string_view pointer) const
{
    auto tokens = parsePointer(pointer);
    if (!tokens)
        return {};
    return resolve(*tokens);
}

JsonText::Place JsonText::resolve(const std::vector<std::string> &tokens) const
{
    Place place{.wellFormed = true, .tokens = tokens};
    place.chain.push_back(m_root.get());
    for (const std::string &token : tokens) {
        const auto index = findChild(*place.chain.back(), token);
        if (!index)
            break;
        place.chain.push_back(&place.chain.back()->children[*index]);
        place.indices.push_back(*index);
    }
    return place;
}

std::optional<Json> JsonText::get(std::string_view pointer) const
{
    const Place place = resolve(pointer);
    if (!place.complete())
        return std::nullopt;
    return toJson(m_text, *place.chain.back());
}

bool JsonText::contains(std::string_view pointer) const
{
    return resolve(pointer).complete();
}

std::optional<std::pair<int, int>> JsonText::position(std::string_view pointer) const
{
    const Place place = resolve(pointer);
    if (!place.complete())
        return std::nullopt;
    const SourceLocation where = locate({}, m_text, place.chain.back()->begin);
    return std::pair{where.line, where.column};
}

std::optional<std::pair<int, int>> JsonText::keyPosition(std::string_view pointer) const
{
    const Place place = resolve(pointer);
    if (!place.complete() || place.chain.back()->keyBegin == Node::none)
        return std::nullopt;
    const SourceLocation where = locate({}, m_text, place.chain.back()->keyBegin);
    return std::pair{where.line, where.column};
}

std::optional<std::pair<std::size_t, std::size_t>> JsonText::span(std::string_view pointer) const
{
    const Place place = resolve(pointer);
    if (!place.complete())
        return std::nullopt;
    return std::pair{place.chain.back()->begin, place.chain.back()->end};
}

bool JsonText::trySet(std::string_view pointer, const Json &value)
{
    const auto tokens = parsePointer(pointer);
    if (!tokens)
        return false;
    const std::string before = m_text;
    if (setTokens(*tokens, value))
        return true;
    // Only an internal failure midway through a merge can get here with a changed text: restore it.
    if (m_text != before) {
        [[maybe_unused]] const auto error = scan(before, *this);
        assert(!error);
    }
    return false;
}

bool JsonText::setTokens(const std::vector<std::string> &tokens, const Json &value)
{
    const Place place = resolve(tokens);
    if (place.complete())
        return replaceValue(place, value);

    // Absent: wrap the value in the missing parents, insert it into the deepest container that exists.
    const std::size_t found = place.chain.size() - 1;
    Json wrapped = value;
    for (std::size_t i = tokens.size(); i-- > found + 1;) {
        Json parent = Json::object();
        parent[tokens[i]] = std::move(wrapped);
        wrapped = std::move(parent);
    }
    const Node &container = *place.chain.back();
    const std::string &token = tokens[found];
    if (container.kind == Node::Kind::Object)
        return insertItem(container, &token, wrapped);
    if (container.kind == Node::Kind::Array && (token == "-" || arrayIndex(token) == container.children.size()))
        return insertItem(container, nullptr, wrapped);
    return false;
}

bool JsonText::replaceValue(const Place &place, const Json &value)
{
    const Node &node = *place.chain.back();
    if (sameValue(toJson(m_text, node), value))
        return true;

    // Containers into containers of the same kind: member by member, so that unchanged ones keep their bytes.
    // (`node` dangles after the first edit: take what is needed from it first.)
    if (node.kind == Node::Kind::Object && value.is_object() && !node.children.empty() && !value.empty()) {
        std::vector<std::string> gone;
        for (const Node &child : node.children) {
            if (!value.contains(child.key) && std::find(gone.begin(), gone.end(), child.key) == gone.end())
                gone.push_back(child.key);
        }
        for (const std::string &key : gone)
            removeTokens(extended(place.tokens, key));
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!setTokens(extended(place.tokens, it.key()), *it))
                return false;
        }
        return true;
    }
    if (node.kind == Node::Kind::Array && value.is_array() && !node.children.empty() && !value.empty()) {
        const std::size_t had = node.children.size();
        for (std::size_t i = 0; i < std::min(had, value.size()); ++i) {
            if (!setTokens(extended(place.tokens, std::to_string(i)), value[i]))
                return false;
        }
        for (std::size_t i = had; i-- > value.size();)
            removeTokens(extended(place.tokens, std::to_string(i)));
        for (std::size_t i = had; i < value.size(); ++i) {
            if (!setTokens(extended(place.tokens, "-"), value[i]))
                return false;
        }
        return true;
    }

    bool inlineLayout = m_style.compact;
    if (place.chain.size() >= 2) {
        const Node &parent = *place.chain[place.chain.size() - 2];
        const auto lineBreak = m_text.find('\n', parent.begin);
        inlineLayout = inlineLayout || lineBreak == std::string::npos || lineBreak >= parent.end;
    }
    return replace(node.begin, node.end, render(value, m_style, lineIndent(node.begin), inlineLayout));
}

void JsonText::remove(std::string_view pointer)
{
    if (const auto tokens = parsePointer(pointer))
        removeTokens(*tokens);
}

void JsonText::removeTokens(const std::vector<std::string> &tokens)
{
    if (tokens.empty())
        return;
    for (;;) {
        const Place place = resolve(tokens);
        if (!place.complete())
            return;
        const Node &parent = *place.chain[place.chain.size() - 2];
        const bool array = parent.kind == Node::Kind::Array;
        if (!removeItem(parent, place.indices.back()) || array)
            return;
        // An object may repeat the key: remove every occurrence.
    }
}

bool JsonText::removeItem(const Node &container, std::size_t index)
{
    const auto &items = container.children;
    const std::size_t count = items.size();
    if (count == 1)
        return replace(container.begin + 1, container.end - 1, "");
    if (index + 1 == count)
        return replace(items[count - 2].end, items[count - 1].end, "");
    return replace(items[index].itemBegin(), items[index + 1].itemBegin(), "");
}

bool JsonText::insertItem(const Node &container, const std::string *key, const Json &value)
{
    const std::string head = key ? dumpScalar(Json(*key)) + m_style.colon : std::string();
    const auto &items = container.children;
    if (items.empty()) {
        if (m_style.compact)
            return replace(container.begin + 1, container.end - 1, head + render(value, m_style, {}, true));
        const std::string base = lineIndent(container.begin);
        const std::string inner = base + m_style.unit;
        return replace(container.begin + 1, container.end - 1,
                       m_style.eol + inner + head + render(value, m_style, inner, false) + m_style.eol + base);
    }

    // Lay the new item out as the last one is laid out after its predecessor (or after the opening bracket).
    const Node &last = items.back();
    std::string separator;
    if (items.size() >= 2) {
        const std::size_t from = items[items.size() - 2].end;
        separator = m_text.substr(from, last.itemBegin() - from);
        separator.erase(0, separator.find(',') + 1);
    } else {
        separator = m_text.substr(container.begin + 1, last.itemBegin() - container.begin - 1);
        if (separator.empty() && m_style.colon.ends_with(' '))
            separator = " ";
    }
    const std::size_t lineBreak = separator.rfind('\n');
    const bool multiline = lineBreak != std::string::npos;
    const std::string indent = multiline ? separator.substr(lineBreak + 1) : lineIndent(last.itemBegin());
    return replace(last.end, last.end, "," + separator + head + render(value, m_style, indent, !multiline));
}

bool JsonText::replace(std::size_t begin, std::size_t end, std::string_view with)
{
    std::string text = m_text;
    text.replace(begin, end - begin, with);
    JsonText edited;
    if (const auto error = scan(text, edited)) {
        assert(false && "an edit produced text that does not parse");
        return false;
    }
    *this = std::move(edited);
    return true;
}

std::string JsonText::lineIndent(std::size_t offset) const
{
    std::size_t start = offset;
    while (start > 0 && m_text[start - 1] != '\n')
        --start;
    if (start == 0 && m_text.starts_with(bom) && offset >= bom.size())
        start = bom.size();
    std::size_t end = start;
    while (end < offset && (m_text[end] == ' ' || m_text[end] == '\t'))
        ++end;
    return m_text.substr(start, end - start);
}

std::string JsonText::render(const Json &value, const Style &style, const std::string &indent, bool inlineLayout)
{
    if (!value.is_structured() || value.empty())
        return value.is_object() ? "{}" : value.is_array() ? "[]" : dumpScalar(value);
    const bool object = value.is_object();
    std::string out(1, object ? '{' : '[');
    const std::string inner = inlineLayout ? indent : indent + style.unit;
    const std::string comma = inlineLayout ? (style.colon.ends_with(' ') ? ", " : ",") : "," + style.eol;
    if (!inlineLayout)
        out += style.eol;
    for (auto it = value.begin(); it != value.end(); ++it) {
        if (it != value.begin())
            out += comma;
        if (!inlineLayout)
            out += inner;
        if (object)
            out += dumpScalar(Json(it.key())) + style.colon;
        out += render(*it, style, inner, inlineLayout);
    }
    if (!inlineLayout)
        out += style.eol + indent;
    out += object ? '}' : ']';
    return out;
}

std::string JsonText::format(const Json &value)
{
    return render(value, Style{}, {}, false);
}

} // namespace gw::jsontext
