#include "liquid.h"

#include "json_xml.h"
#include "liquid_internal.h"

#include <algorithm>
#include <cmath>

namespace gw::content {

using detail::Block;
using detail::Comparison;
using detail::Condition;
using detail::Expr;
using detail::FilterCall;
using detail::Json;
using detail::Node;
using detail::Output;
using detail::Val;

namespace {

// ---- Lexing the template into text, {{ output }} and {% tag %} ----

struct Token {
    enum class Kind { Text, Output, Tag };
    Kind kind = Kind::Text;
    std::string_view body;      // the text, or what is between the delimiters (without '-')
    std::size_t offset = 0;     // of the first character of the token
    std::size_t bodyOffset = 0; // of body[0]
    bool trimLeft = false;      // {{- / {%-
    bool trimRight = false;     // -}} / -%}
};

// Internal only: parse() turns it into an Error.
struct ParseFailure {
    std::size_t offset;
    std::string message;
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view firstWord(std::string_view body)
{
    std::size_t start = 0;
    while (start < body.size() && isSpace(body[start]))
        ++start;
    std::size_t end = start;
    while (end < body.size() && !isSpace(body[end]))
        ++end;
    return body.substr(start, end - start);
}

// Where "{% name %}" (with optional '-' and spaces) starts at or after `from`,
// and where it ends; npos when absent.
std::pair<std::size_t, std::size_t> findTag(std::string_view text, std::size_t from, std::string_view name)
{
    for (std::size_t at = text.find("{%", from); at != std::string_view::npos; at = text.find("{%", at + 2)) {
        std::size_t i = at + 2;
        if (i < text.size() && text[i] == '-')
            ++i;
        while (i < text.size() && isSpace(text[i]))
            ++i;
        if (text.compare(i, name.size(), name) != 0)
            continue;
        i += name.size();
        while (i < text.size() && isSpace(text[i]))
            ++i;
        if (i < text.size() && text[i] == '-')
            ++i;
        if (text.compare(i, 2, "%}") == 0)
            return {at, i + 2};
    }
    return {std::string_view::npos, std::string_view::npos};
}

std::vector<Token> tokenize(std::string_view text)
{
    std::vector<Token> tokens;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t open = text.find('{', pos);
        std::size_t start = open;
        while (start != std::string_view::npos && start + 1 < text.size() && text[start + 1] != '{' &&
               text[start + 1] != '%')
            start = text.find('{', start + 1);
        if (start == std::string_view::npos || start + 1 >= text.size()) {
            tokens.push_back({Token::Kind::Text, text.substr(pos), pos, pos});
            break;
        }
        if (start > pos)
            tokens.push_back({Token::Kind::Text, text.substr(pos, start - pos), pos, pos});
        const bool output = text[start + 1] == '{';
        const std::string_view close = output ? "}}" : "%}";
        const std::size_t end = text.find(close, start + 2);
        if (end == std::string_view::npos)
            throw ParseFailure{start, output ? "'{{' is not closed with '}}'" : "'{%' is not closed with '%}'"};
        Token token{output ? Token::Kind::Output : Token::Kind::Tag, {}, start, start + 2};
        std::size_t bodyEnd = end;
        if (token.bodyOffset < bodyEnd && text[token.bodyOffset] == '-') {
            token.trimLeft = true;
            ++token.bodyOffset;
        }
        if (bodyEnd > token.bodyOffset && text[bodyEnd - 1] == '-') {
            token.trimRight = true;
            --bodyEnd;
        }
        token.body = text.substr(token.bodyOffset, bodyEnd - token.bodyOffset);
        pos = end + 2;
        if (!output) {
            const std::string_view name = firstWord(token.body);
            if (name == "raw" || name == "comment") {
                const std::string endName = name == "raw" ? "endraw" : "endcomment";
                const auto [endStart, endEnd] = findTag(text, pos, endName);
                if (endStart == std::string_view::npos)
                    throw ParseFailure{start, "'" + std::string(name) + "' is not closed with {% " + endName + " %}"};
                if (name == "raw")
                    tokens.push_back({Token::Kind::Text, text.substr(pos, endStart - pos), pos, pos});
                pos = endEnd;
                continue;
            }
        }
        tokens.push_back(token);
    }
    // Whitespace control: a '-' eats the whitespace of the text next to it.
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != Token::Kind::Text)
            continue;
        std::string_view &body = tokens[i].body;
        if (i > 0 && tokens[i - 1].kind != Token::Kind::Text && tokens[i - 1].trimRight) {
            while (!body.empty() && isSpace(body.front())) {
                body.remove_prefix(1);
                ++tokens[i].bodyOffset;
            }
        }
        if (i + 1 < tokens.size() && tokens[i + 1].kind != Token::Kind::Text && tokens[i + 1].trimLeft) {
            while (!body.empty() && isSpace(body.back()))
                body.remove_suffix(1);
        }
    }
    return tokens;
}

// ---- Markup of a tag or output: words, numbers, strings, operators ----

struct MarkupToken {
    enum class Kind { Ident, Number, String, Punct, End };
    Kind kind = Kind::End;
    std::string_view text;
    std::size_t offset = 0;
};

bool isIdentStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isIdentChar(char c)
{
    return isIdentStart(c) || (c >= '0' && c <= '9') || c == '-';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::vector<MarkupToken> tokenizeMarkup(std::string_view markup, std::size_t baseOffset)
{
    std::vector<MarkupToken> out;
    std::size_t i = 0;
    while (i < markup.size()) {
        const char c = markup[i];
        if (isSpace(c)) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        MarkupToken token;
        token.offset = baseOffset + i;
        if (isIdentStart(c)) {
            while (i < markup.size() && isIdentChar(markup[i]))
                ++i;
            if (i < markup.size() && markup[i] == '?')
                ++i;
            token.kind = MarkupToken::Kind::Ident;
        } else if (isDigit(c) || (c == '-' && i + 1 < markup.size() && isDigit(markup[i + 1]))) {
            ++i;
            while (i < markup.size() && isDigit(markup[i]))
                ++i;
            // "1.5" is a number; "1..5" is a range.
            if (i + 1 < markup.size() && markup[i] == '.' && isDigit(markup[i + 1])) {
                ++i;
                while (i < markup.size() && isDigit(markup[i]))
                    ++i;
            }
            token.kind = MarkupToken::Kind::Number;
        } else if (c == '"' || c == '\'') {
            const std::size_t close = markup.find(c, i + 1);
            if (close == std::string_view::npos)
                throw ParseFailure{baseOffset + i, "the string is not closed"};
            i = close + 1;
            token.kind = MarkupToken::Kind::String;
        } else {
            static constexpr std::string_view twoChar[] = {"..", "==", "!=", "<>", "<=", ">="};
            token.kind = MarkupToken::Kind::Punct;
            for (std::string_view op : twoChar) {
                if (markup.compare(start, 2, op) == 0) {
                    i = start + 2;
                    break;
                }
            }
            if (i == start) {
                if (std::string_view("=.[](),:|<>").find(c) == std::string_view::npos)
                    throw ParseFailure{baseOffset + start, std::string("unexpected character '") + c + "'"};
                i = start + 1;
            }
        }
        token.text = markup.substr(start, i - start);
        out.push_back(token);
    }
    out.push_back({MarkupToken::Kind::End, {}, baseOffset + markup.size()});
    return out;
}

class MarkupParser {
public:
    MarkupParser(std::string_view markup, std::size_t baseOffset) : m_tokens(tokenizeMarkup(markup, baseOffset)) {}

    const MarkupToken &peek() const { return m_tokens[m_pos]; }
    bool atEnd() const { return peek().kind == MarkupToken::Kind::End; }
    MarkupToken next() { return atEnd() ? peek() : m_tokens[m_pos++]; }

    bool eatPunct(std::string_view p)
    {
        if (peek().kind == MarkupToken::Kind::Punct && peek().text == p) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool eatWord(std::string_view w)
    {
        if (peek().kind == MarkupToken::Kind::Ident && peek().text == w) {
            ++m_pos;
            return true;
        }
        return false;
    }
    [[noreturn]] void fail(const std::string &message) const { throw ParseFailure{peek().offset, message}; }
    void expectEnd() const
    {
        if (!atEnd())
            fail("unexpected '" + std::string(peek().text) + "'");
    }
    std::string ident(const char *what)
    {
        if (peek().kind != MarkupToken::Kind::Ident)
            fail(std::string("expected ") + what);
        return std::string(next().text);
    }

    Expr expr(int depth = 0)
    {
        if (depth > maxLiquidNesting)
            fail("the expression is nested too deeply");
        const MarkupToken token = next();
        Expr e;
        switch (token.kind) {
        case MarkupToken::Kind::String:
            e.literal = std::string(token.text.substr(1, token.text.size() - 2));
            return e;
        case MarkupToken::Kind::Number: {
            const std::string text(token.text);
            if (text.find('.') != std::string::npos) {
                e.literal = std::strtod(text.c_str(), nullptr);
            } else {
                errno = 0;
                const long long v = std::strtoll(text.c_str(), nullptr, 10);
                e.literal = errno == ERANGE ? Json(std::strtod(text.c_str(), nullptr)) : Json(v);
            }
            return e;
        }
        case MarkupToken::Kind::Punct:
            if (token.text == "(") {
                e.kind = Expr::Kind::Range;
                e.from = std::make_unique<Expr>(expr(depth + 1));
                if (!eatPunct(".."))
                    fail("expected '..' in the range");
                e.to = std::make_unique<Expr>(expr(depth + 1));
                if (!eatPunct(")"))
                    fail("expected ')' to close the range");
                return e;
            }
            throw ParseFailure{token.offset, "expected a value, found '" + std::string(token.text) + "'"};
        case MarkupToken::Kind::End:
            throw ParseFailure{token.offset, "expected a value"};
        case MarkupToken::Kind::Ident:
            break;
        }
        if (token.text == "true" || token.text == "false") {
            e.literal = token.text == "true";
            return e;
        }
        if (token.text == "nil" || token.text == "null")
            return e;
        if (token.text == "empty") {
            e.kind = Expr::Kind::Empty;
            return e;
        }
        if (token.text == "blank") {
            e.kind = Expr::Kind::Blank;
            return e;
        }
        e.kind = Expr::Kind::Variable;
        e.root = std::string(token.text);
        while (true) {
            if (eatPunct(".")) {
                e.path.push_back({ident("a property name after '.'"), nullptr});
            } else if (eatPunct("[")) {
                e.path.push_back({{}, std::make_unique<Expr>(expr(depth + 1))});
                if (!eatPunct("]"))
                    fail("expected ']'");
            } else {
                break;
            }
        }
        return e;
    }

    Output output()
    {
        Output out;
        out.expr = expr();
        while (eatPunct("|")) {
            const MarkupToken nameToken = peek();
            const std::string name = ident("a filter name after '|'");
            FilterCall call;
            call.filter = detail::findFilter(name);
            if (!call.filter) {
                std::string message = "unknown filter '" + name + "'";
                if (!name.empty() && name[0] >= 'a' && name[0] <= 'z')
                    message += " (filters are PascalCase: Upcase, not upcase)";
                throw ParseFailure{nameToken.offset, message};
            }
            if (eatPunct(":")) {
                do {
                    call.args.push_back(expr());
                } while (eatPunct(","));
            }
            const int count = static_cast<int>(call.args.size());
            if (count < call.filter->minArgs || count > call.filter->maxArgs) {
                throw ParseFailure{nameToken.offset, "the filter " + name + " takes " +
                                                         std::to_string(call.filter->minArgs) + " to " +
                                                         std::to_string(call.filter->maxArgs) + " arguments"};
            }
            out.filters.push_back(std::move(call));
        }
        expectEnd();
        return out;
    }

    Condition condition()
    {
        Condition c;
        while (true) {
            Comparison term;
            term.left = expr();
            static constexpr std::string_view ops[] = {"==", "!=", "<>", "<", ">", "<=", ">="};
            for (std::string_view op : ops) {
                if (eatPunct(op)) {
                    term.op = op == "<>" ? "!=" : std::string(op);
                    break;
                }
            }
            if (term.op.empty() && eatWord("contains"))
                term.op = "contains";
            if (!term.op.empty())
                term.right = expr();
            c.terms.push_back(std::move(term));
            if (eatWord("and"))
                c.joinedByAnd.push_back(true);
            else if (eatWord("or"))
                c.joinedByAnd.push_back(false);
            else
                break;
        }
        expectEnd();
        return c;
    }

private:
    std::vector<MarkupToken> m_tokens;
    std::size_t m_pos = 0;
};

// ---- Building the node tree from the tokens ----

class Parser {
public:
    explicit Parser(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}

    Block parseAll()
    {
        const Token *end = nullptr;
        Block block = parseUntil({}, end, 0);
        return block;
    }

private:
    static std::string_view markupAfterName(const Token &tag, std::size_t &offset)
    {
        const std::string_view name = firstWord(tag.body);
        const std::size_t nameEnd = static_cast<std::size_t>(name.data() - tag.body.data()) + name.size();
        offset = tag.bodyOffset + nameEnd;
        return tag.body.substr(nameEnd);
    }

    // Nodes up to one of the `ends` tags; `end` is that tag, or null at the end of the text.
    Block parseUntil(std::initializer_list<std::string_view> ends, const Token *&end, int depth)
    {
        if (depth > maxLiquidNesting)
            throw ParseFailure{m_pos < m_tokens.size() ? m_tokens[m_pos].offset : 0, "tags are nested too deeply"};
        Block block;
        end = nullptr;
        while (m_pos < m_tokens.size()) {
            const Token &token = m_tokens[m_pos++];
            if (token.kind == Token::Kind::Text) {
                if (!token.body.empty()) {
                    Node node;
                    node.text = std::string(token.body);
                    block.push_back(std::move(node));
                }
                continue;
            }
            if (token.kind == Token::Kind::Output) {
                Node node;
                node.kind = Node::Kind::Output;
                node.output = MarkupParser(token.body, token.bodyOffset).output();
                block.push_back(std::move(node));
                continue;
            }
            const std::string_view name = firstWord(token.body);
            if (std::find(ends.begin(), ends.end(), name) != ends.end()) {
                end = &token;
                return block;
            }
            block.push_back(parseTag(token, name, depth));
        }
        return block;
    }

    static std::string closeName(std::string_view tag) { return "end" + std::string(tag); }

    [[noreturn]] static void notClosed(const Token &tag, std::string_view name)
    {
        throw ParseFailure{tag.offset, "'" + std::string(name) + "' is not closed with {% " + closeName(name) + " %}"};
    }

    Node parseTag(const Token &tag, std::string_view name, int depth)
    {
        std::size_t offset = 0;
        const std::string_view markup = markupAfterName(tag, offset);
        Node node;
        const Token *end = nullptr;
        if (name == "if" || name == "unless") {
            node.kind = name == "if" ? Node::Kind::If : Node::Kind::Unless;
            const std::string endName = closeName(name);
            Condition condition = MarkupParser(markup, offset).condition();
            while (true) {
                Block block = parseUntil({"elsif", "else", endName}, end, depth + 1);
                if (!end)
                    notClosed(tag, name);
                node.branches.emplace_back(std::move(condition), std::move(block));
                const std::string_view endTag = firstWord(end->body);
                if (endTag == "elsif") {
                    std::size_t elsifOffset = 0;
                    const std::string_view elsifMarkup = markupAfterName(*end, elsifOffset);
                    condition = MarkupParser(elsifMarkup, elsifOffset).condition();
                    continue;
                }
                if (endTag == "else") {
                    node.elseBlock = parseUntil({endName}, end, depth + 1);
                    if (!end)
                        notClosed(tag, name);
                }
                break;
            }
        } else if (name == "case") {
            node.kind = Node::Kind::Case;
            MarkupParser subject(markup, offset);
            node.output.expr = subject.expr();
            subject.expectEnd();
            parseUntil({"when", "else", "endcase"}, end, depth + 1); // text before the first when is dropped
            while (end && firstWord(end->body) == "when") {
                std::size_t whenOffset = 0;
                MarkupParser values(markupAfterName(*end, whenOffset), whenOffset);
                std::vector<Expr> exprs;
                do {
                    exprs.push_back(values.expr());
                } while (values.eatPunct(",") || values.eatWord("or"));
                values.expectEnd();
                Block block = parseUntil({"when", "else", "endcase"}, end, depth + 1);
                node.whens.emplace_back(std::move(exprs), std::move(block));
            }
            if (end && firstWord(end->body) == "else")
                node.elseBlock = parseUntil({"endcase"}, end, depth + 1);
            if (!end)
                notClosed(tag, name);
        } else if (name == "for" || name == "JSONArrayFor") {
            node.kind = name == "for" ? Node::Kind::For : Node::Kind::JsonArrayFor;
            MarkupParser p(markup, offset);
            node.text = p.ident("a loop variable");
            if (!p.eatWord("in"))
                p.fail("expected 'in'");
            node.collection = p.expr();
            while (!p.atEnd()) {
                if (p.eatWord("reversed")) {
                    node.reversed = true;
                } else if (p.eatWord("limit")) {
                    if (!p.eatPunct(":"))
                        p.fail("expected ':' after limit");
                    node.limit = p.expr();
                } else if (p.eatWord("offset")) {
                    if (!p.eatPunct(":"))
                        p.fail("expected ':' after offset");
                    node.offset = p.expr();
                } else {
                    p.fail("unexpected '" + std::string(p.peek().text) + "' (expected limit, offset or reversed)");
                }
            }
            const std::string endName = closeName(name);
            if (node.kind == Node::Kind::For) {
                node.body = parseUntil({"else", endName}, end, depth + 1);
                if (end && firstWord(end->body) == "else")
                    node.elseBlock = parseUntil({endName}, end, depth + 1);
            } else {
                node.body = parseUntil({endName}, end, depth + 1);
            }
            if (!end)
                notClosed(tag, name);
        } else if (name == "assign") {
            node.kind = Node::Kind::Assign;
            MarkupParser p(markup, offset);
            node.text = p.ident("a variable name");
            if (!p.eatPunct("="))
                p.fail("expected '='");
            const std::size_t valueStart = p.peek().offset - tag.bodyOffset;
            std::string_view valueMarkup = tag.body.substr(valueStart);
            node.output = MarkupParser(valueMarkup, tag.bodyOffset + valueStart).output();
        } else if (name == "capture") {
            node.kind = Node::Kind::Capture;
            MarkupParser p(markup, offset);
            node.text = p.peek().kind == MarkupToken::Kind::String
                            ? std::string(p.peek().text.substr(1, p.peek().text.size() - 2))
                            : p.ident("a variable name");
            if (p.peek().kind == MarkupToken::Kind::String)
                p.next();
            p.expectEnd();
            node.body = parseUntil({"endcapture"}, end, depth + 1);
            if (!end)
                notClosed(tag, name);
        } else if (name == "break" || name == "continue") {
            node.kind = name == "break" ? Node::Kind::Break : Node::Kind::Continue;
            MarkupParser(markup, offset).expectEnd();
        } else if (name.empty()) {
            throw ParseFailure{tag.offset, "empty tag"};
        } else if (name == "else" || name == "elsif" || name == "when" || name.substr(0, 3) == "end") {
            throw ParseFailure{tag.offset, "unexpected {% " + std::string(name) + " %}"};
        } else {
            throw ParseFailure{tag.offset, "unknown tag '" + std::string(name) + "'"};
        }
        return node;
    }

    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
};

// ---- Rendering ----

bool isEmptyValue(const Json &v)
{
    return (v.is_string() && v.get_ref<const std::string &>().empty()) || (v.is_array() && v.empty()) ||
           (v.is_object() && v.empty());
}

bool isBlankValue(const Json &v)
{
    if (v.is_null() || (v.is_boolean() && !v.get<bool>()))
        return true;
    if (v.is_string()) {
        const auto &s = v.get_ref<const std::string &>();
        return std::all_of(s.begin(), s.end(), isSpace);
    }
    return isEmptyValue(v);
}

bool valuesEqual(const Json &a, const Json &b)
{
    if (a.is_number() && b.is_number())
        return a.get<double>() == b.get<double>();
    return a == b;
}

struct RenderAbort {
    std::string message;
};

class Renderer {
public:
    Renderer(const Json &model, std::string &out) : m_model(model), m_out(out) {}

    void render(const Block &block)
    {
        for (const Node &node : block) {
            if (m_interrupt != Interrupt::None)
                return;
            renderNode(node);
            if (m_out.size() > maxLiquidOutputBytes)
                throw RenderAbort{"the output is larger than " + std::to_string(maxLiquidOutputBytes) + " bytes"};
        }
    }

private:
    enum class Interrupt { None, Break, Continue };

    const Json *lookup(const std::string &name) const
    {
        for (auto it = m_locals.rbegin(); it != m_locals.rend(); ++it) {
            if (it->first == name)
                return it->second;
        }
        if (auto it = m_assigns.find(name); it != m_assigns.end())
            return &*it;
        if (m_model.is_object()) {
            if (auto it = m_model.find(name); it != m_model.end())
                return &*it;
        }
        return nullptr;
    }

    static const Json &nullJson()
    {
        static const Json value;
        return value;
    }

    // One step down from `current`: a member, an item, or size/first/last.
    Val step(Val current, const Json &key)
    {
        const Json &c = current.get();
        const Json *found = nullptr;
        if (key.is_string()) {
            const auto &k = key.get_ref<const std::string &>();
            if (c.is_object()) {
                if (auto it = c.find(k); it != c.end())
                    found = &*it;
                else if (k == "size")
                    return Val::own(c.size());
            } else if (c.is_array()) {
                if (k == "size")
                    return Val::own(c.size());
                if (k == "first" && !c.empty())
                    found = &c.front();
                if (k == "last" && !c.empty())
                    found = &c.back();
            } else if (c.is_string() && k == "size") {
                return Val::own(utf8Length(c));
            }
        } else if (key.is_number() && c.is_array()) {
            auto index = static_cast<long long>(detail::clampToInt(std::floor(key.get<double>())));
            if (index < 0)
                index += static_cast<long long>(c.size());
            if (index >= 0 && static_cast<std::size_t>(index) < c.size())
                found = &c[static_cast<std::size_t>(index)];
        }
        if (!found)
            return Val::ref(nullJson());
        // A child of a value made here must be copied: the parent goes away.
        return current.isRef() ? Val::ref(*found) : Val::own(*found);
    }

    static std::size_t utf8Length(const Json &s)
    {
        std::size_t n = 0;
        for (char ch : s.get_ref<const std::string &>())
            n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
        return n;
    }

    Val eval(const Expr &e)
    {
        switch (e.kind) {
        case Expr::Kind::Literal:
            return Val::ref(e.literal);
        case Expr::Kind::Empty:
        case Expr::Kind::Blank:
            return Val::own("");
        case Expr::Kind::Range: {
            const auto from = detail::toNumber(eval(*e.from).get());
            const auto to = detail::toNumber(eval(*e.to).get());
            Json items = Json::array();
            if (from && to) {
                const std::int64_t a = detail::clampToInt(*from);
                const std::int64_t b = detail::clampToInt(*to);
                if (b - a >= static_cast<long long>(maxLiquidLoopIterations))
                    throw RenderAbort{"the range is longer than " + std::to_string(maxLiquidLoopIterations)};
                for (long long i = a; i <= b; ++i)
                    items.push_back(i);
            }
            return Val::own(std::move(items));
        }
        case Expr::Kind::Variable:
            break;
        }
        const Json *root = lookup(e.root);
        Val current = root ? Val::ref(*root) : Val::ref(nullJson());
        for (const Expr::Step &s : e.path) {
            if (s.index) {
                const Val key = eval(*s.index);
                current = step(std::move(current), key.get());
            } else {
                current = step(std::move(current), Json(s.key));
            }
        }
        return current;
    }

    Json evalOutput(const Output &output)
    {
        Val value = eval(output.expr);
        if (output.filters.empty())
            return value.get();
        Json current;
        std::vector<Json> args;
        bool first = true;
        for (const FilterCall &call : output.filters) {
            args.clear();
            for (const Expr &arg : call.args)
                args.push_back(eval(arg).get());
            // The first filter reads the value in place: no copy of a large body.
            current = call.filter->fn(first ? value.get() : current, args);
            first = false;
        }
        return current;
    }

    bool compare(const Comparison &c)
    {
        const Val leftVal = eval(c.left);
        const Json &left = leftVal.get();
        if (c.op.empty())
            return detail::isTruthy(left);
        const Val rightVal = eval(c.right);
        const Json &right = rightVal.get();
        if (c.op == "==" || c.op == "!=") {
            bool equal;
            if (c.right.kind == Expr::Kind::Empty)
                equal = isEmptyValue(left);
            else if (c.right.kind == Expr::Kind::Blank)
                equal = isBlankValue(left);
            else if (c.left.kind == Expr::Kind::Empty)
                equal = isEmptyValue(right);
            else if (c.left.kind == Expr::Kind::Blank)
                equal = isBlankValue(right);
            else
                equal = valuesEqual(left, right);
            return c.op == "==" ? equal : !equal;
        }
        if (c.op == "contains") {
            if (left.is_string())
                return left.get_ref<const std::string &>().find(detail::toText(right)) != std::string::npos;
            if (left.is_array())
                return std::any_of(left.begin(), left.end(),
                                   [&](const Json &item) { return valuesEqual(item, right); });
            if (left.is_object() && right.is_string())
                return left.contains(right.get_ref<const std::string &>());
            return false;
        }
        int order = 0;
        if (left.is_number() && right.is_number()) {
            const double a = left.get<double>();
            const double b = right.get<double>();
            order = a < b ? -1 : a > b ? 1 : 0;
        } else if (left.is_string() && right.is_string()) {
            const int r = left.get_ref<const std::string &>().compare(right.get_ref<const std::string &>());
            order = r < 0 ? -1 : r > 0 ? 1 : 0;
        } else {
            return false;
        }
        if (c.op == "<")
            return order < 0;
        if (c.op == ">")
            return order > 0;
        if (c.op == "<=")
            return order <= 0;
        return order >= 0;
    }

    bool evaluate(const Condition &condition)
    {
        const std::size_t n = condition.terms.size();
        bool result = compare(condition.terms[n - 1]);
        for (std::size_t i = n - 1; i-- > 0;) {
            if (condition.joinedByAnd[i])
                result = compare(condition.terms[i]) && result;
            else
                result = compare(condition.terms[i]) || result;
        }
        return result;
    }

    void renderNode(const Node &node)
    {
        switch (node.kind) {
        case Node::Kind::Text:
            m_out += node.text;
            return;
        case Node::Kind::Output: {
            if (node.output.filters.empty()) {
                const Val v = eval(node.output.expr);
                m_out += detail::toText(v.get());
            } else {
                m_out += detail::toText(evalOutput(node.output));
            }
            return;
        }
        case Node::Kind::If:
        case Node::Kind::Unless:
            for (std::size_t i = 0; i < node.branches.size(); ++i) {
                bool truth = evaluate(node.branches[i].first);
                if (i == 0 && node.kind == Node::Kind::Unless)
                    truth = !truth;
                if (truth) {
                    render(node.branches[i].second);
                    return;
                }
            }
            render(node.elseBlock);
            return;
        case Node::Kind::Case: {
            const Val subject = eval(node.output.expr);
            bool matched = false;
            for (const auto &[values, block] : node.whens) {
                for (const Expr &value : values) {
                    if (valuesEqual(subject.get(), eval(value).get())) {
                        matched = true;
                        render(block);
                        break;
                    }
                }
            }
            if (!matched)
                render(node.elseBlock);
            return;
        }
        case Node::Kind::For:
        case Node::Kind::JsonArrayFor:
            renderFor(node);
            return;
        case Node::Kind::Assign:
            m_assigns[node.text] = evalOutput(node.output);
            return;
        case Node::Kind::Capture: {
            std::string captured;
            std::swap(captured, m_out);
            render(node.body);
            std::swap(captured, m_out);
            m_assigns[node.text] = std::move(captured);
            return;
        }
        case Node::Kind::Break:
            m_interrupt = Interrupt::Break;
            return;
        case Node::Kind::Continue:
            m_interrupt = Interrupt::Continue;
            return;
        }
    }

    void renderFor(const Node &node)
    {
        const Val collection = eval(node.collection);
        const Json &c = collection.get();
        // A hash is walked as [key, value] pairs; a string or number as itself.
        Json pairs;
        std::vector<const Json *> items;
        if (c.is_array()) {
            for (const Json &item : c)
                items.push_back(&item);
        } else if (c.is_object()) {
            pairs = Json::array();
            for (const auto &[key, value] : c.items())
                pairs.push_back(Json::array({key, value}));
            for (const Json &item : pairs)
                items.push_back(&item);
        } else if (!c.is_null() && !(c.is_boolean() && !c.get<bool>()) && !isEmptyValue(c)) {
            items.push_back(&c);
        }
        std::size_t from = 0;
        if (node.offset) {
            const auto n = detail::toNumber(eval(*node.offset).get());
            from = n && *n > 0 ? static_cast<std::size_t>(detail::clampToInt(*n)) : 0;
        }
        std::size_t count = items.size() > from ? items.size() - from : 0;
        if (node.limit) {
            const auto n = detail::toNumber(eval(*node.limit).get());
            if (n)
                count = std::min(count, *n > 0 ? static_cast<std::size_t>(detail::clampToInt(*n)) : std::size_t{0});
        }
        std::vector<const Json *> selected(items.begin() + static_cast<std::ptrdiff_t>(std::min(from, items.size())),
                                           items.begin() +
                                               static_cast<std::ptrdiff_t>(std::min(from, items.size()) + count));
        if (node.reversed)
            std::reverse(selected.begin(), selected.end());
        const bool jsonArray = node.kind == Node::Kind::JsonArrayFor;
        if (jsonArray)
            m_out += '[';
        if (selected.empty()) {
            render(node.elseBlock);
            if (jsonArray)
                m_out += ']';
            return;
        }
        Json forloop = {{"name", node.text}, {"length", selected.size()},
                        {"index", 1},        {"index0", 0},
                        {"rindex", 1},       {"rindex0", 0},
                        {"first", true},     {"last", false}};
        const std::size_t mark = m_locals.size();
        m_locals.emplace_back("forloop", &forloop);
        m_locals.emplace_back(node.text, nullptr);
        const std::size_t n = selected.size();
        for (std::size_t i = 0; i < n; ++i) {
            if (++m_iterations > maxLiquidLoopIterations)
                throw RenderAbort{"more than " + std::to_string(maxLiquidLoopIterations) + " loop iterations"};
            m_locals.back().second = selected[i];
            forloop["index"] = i + 1;
            forloop["index0"] = i;
            forloop["rindex"] = n - i;
            forloop["rindex0"] = n - i - 1;
            forloop["first"] = i == 0;
            forloop["last"] = i + 1 == n;
            if (jsonArray && i > 0)
                m_out += ',';
            render(node.body);
            if (m_interrupt == Interrupt::Break) {
                m_interrupt = Interrupt::None;
                break;
            }
            m_interrupt = Interrupt::None;
        }
        m_locals.resize(mark);
        if (jsonArray)
            m_out += ']';
    }

    const Json &m_model;
    std::string &m_out;
    Json m_assigns = Json::object();
    std::vector<std::pair<std::string, const Json *>> m_locals; // loop variables, innermost last
    std::size_t m_iterations = 0;
    Interrupt m_interrupt = Interrupt::None;
};

} // namespace

Result<LiquidTemplate> LiquidTemplate::parse(std::string_view text, LiquidError *where)
{
    try {
        auto program = std::make_shared<Program>();
        program->root = Parser(tokenize(text)).parseAll();
        return LiquidTemplate(std::move(program));
    } catch (const ParseFailure &failure) {
        LiquidError error;
        error.message = failure.message;
        error.offset = std::min(failure.offset, text.size());
        error.line = 1;
        error.column = 1;
        for (std::size_t i = 0; i < error.offset; ++i) {
            if (text[i] == '\n') {
                ++error.line;
                error.column = 1;
            } else {
                ++error.column;
            }
        }
        std::string message =
            "line " + std::to_string(error.line) + ", column " + std::to_string(error.column) + ": " + error.message;
        if (where)
            *where = std::move(error);
        return Error{std::move(message)};
    } catch (const std::exception &e) {
        return Error{std::string("the template cannot be parsed: ") + e.what()};
    }
}

std::string LiquidTemplate::render(const nlohmann::ordered_json &model) const
{
    std::string out;
    if (!m_program)
        return out;
    try {
        Renderer renderer(model, out);
        renderer.render(m_program->root);
    } catch (const RenderAbort &abort) {
        out += "Liquid error: " + abort.message;
    } catch (const std::exception &e) {
        out += std::string("Liquid error: ") + e.what();
    }
    return out;
}

Result<nlohmann::ordered_json> jsonToLiquidModel(std::string_view json)
{
    return parseJsonLimited(json);
}

Result<nlohmann::ordered_json> xmlToLiquidModel(std::string_view xml)
{
    return xmlToJsonValue(xml, {.kind = XmlToJsonKind::JavascriptFriendly});
}

} // namespace gw::content
