#include "expression_scanner.h"

#include <vector>

namespace gw::policy {

namespace {

enum class FrameKind { Code, InterpolatedString, InterpolatedVerbatimString };

struct Frame {
    FrameKind kind;
    char closer;        // for Code frames
    std::size_t opened; // offset of the opening character
};

ExpressionScan fail(std::string message, std::size_t offset)
{
    ExpressionScan scan;
    scan.error = std::move(message);
    scan.errorOffset = offset;
    return scan;
}

// A regular "..." literal starting at `i` (the quote); returns one past its closing quote, or npos.
std::size_t skipRegularString(std::string_view text, std::size_t i)
{
    for (std::size_t j = i + 1; j < text.size(); ++j) {
        const char c = text[j];
        if (c == '\\')
            ++j;
        else if (c == '"')
            return j + 1;
        else if (c == '\n')
            return std::string_view::npos;
    }
    return std::string_view::npos;
}

// A verbatim @"..." literal whose quote is at `i`; "" is an escaped quote.
std::size_t skipVerbatimString(std::string_view text, std::size_t i)
{
    for (std::size_t j = i + 1; j < text.size(); ++j) {
        if (text[j] == '"') {
            if (j + 1 < text.size() && text[j + 1] == '"')
                ++j;
            else
                return j + 1;
        }
    }
    return std::string_view::npos;
}

// A character literal starting at `i` ('x', '\'', '\u0041').
std::size_t skipCharLiteral(std::string_view text, std::size_t i)
{
    std::size_t j = i + 1;
    const std::size_t limit = std::min(text.size(), i + 12);
    if (j < limit && text[j] == '\\')
        j += 2;
    for (; j < limit; ++j) {
        if (text[j] == '\'')
            return j + 1;
        if (text[j] == '\n')
            break;
    }
    return std::string_view::npos;
}

char closerOf(char opener)
{
    return opener == '(' ? ')' : opener == '[' ? ']' : '}';
}

} // namespace

ExpressionScan scanExpression(std::string_view text, std::size_t begin)
{
    std::vector<Frame> stack;
    stack.push_back({FrameKind::Code, closerOf(text[begin + 1]), begin});
    std::size_t i = begin + 2;
    const std::size_t n = text.size();
    while (i < n) {
        const Frame &frame = stack.back();
        const char c = text[i];
        const char next = i + 1 < n ? text[i + 1] : '\0';
        if (frame.kind != FrameKind::Code) {
            const bool verbatim = frame.kind == FrameKind::InterpolatedVerbatimString;
            if (c == '{' || c == '}') {
                if (next == c) {
                    i += 2;
                } else if (c == '{') {
                    if (stack.size() >= maxExpressionNesting)
                        return fail("the expression is nested too deeply", i);
                    stack.push_back({FrameKind::Code, '}', i});
                    ++i;
                } else {
                    ++i;
                }
            } else if (c == '"') {
                if (verbatim && next == '"') {
                    i += 2;
                } else {
                    stack.pop_back();
                    ++i;
                }
            } else if (!verbatim && c == '\\') {
                i += 2;
            } else if (!verbatim && c == '\n') {
                return fail("unterminated interpolated string in the expression", frame.opened);
            } else {
                ++i;
            }
            continue;
        }
        switch (c) {
        case '"': {
            const std::size_t end = skipRegularString(text, i);
            if (end == std::string_view::npos)
                return fail("unterminated string literal in the expression", i);
            i = end;
            break;
        }
        case '@':
            if (next == '"') {
                const std::size_t end = skipVerbatimString(text, i + 1);
                if (end == std::string_view::npos)
                    return fail("unterminated verbatim string literal in the expression", i);
                i = end;
            } else if (next == '$' && i + 2 < n && text[i + 2] == '"') {
                if (stack.size() >= maxExpressionNesting)
                    return fail("the expression is nested too deeply", i);
                stack.push_back({FrameKind::InterpolatedVerbatimString, '"', i});
                i += 3;
            } else {
                ++i;
            }
            break;
        case '&':
            // An XML-escaped document writes a string's quotes as &quot;.
            if (text.compare(i, 6, "&quot;") == 0) {
                const std::size_t end = text.find("&quot;", i + 6);
                if (end == std::string_view::npos || text.find('\n', i) < end)
                    return fail("unterminated string literal in the expression", i);
                i = end + 6;
            } else {
                ++i;
            }
            break;
        case '$':
            if (next == '"' || (next == '@' && i + 2 < n && text[i + 2] == '"')) {
                if (stack.size() >= maxExpressionNesting)
                    return fail("the expression is nested too deeply", i);
                const bool verbatim = next == '@';
                stack.push_back(
                    {verbatim ? FrameKind::InterpolatedVerbatimString : FrameKind::InterpolatedString, '"', i});
                i += verbatim ? 3 : 2;
            } else {
                ++i;
            }
            break;
        case '\'': {
            const std::size_t end = skipCharLiteral(text, i);
            if (end == std::string_view::npos)
                return fail("unterminated character literal in the expression", i);
            i = end;
            break;
        }
        case '/':
            if (next == '/') {
                const std::size_t end = text.find('\n', i);
                i = end == std::string_view::npos ? n : end;
            } else if (next == '*') {
                const std::size_t end = text.find("*/", i + 2);
                if (end == std::string_view::npos)
                    return fail("unterminated comment in the expression", i);
                i = end + 2;
            } else {
                ++i;
            }
            break;
        case '(':
        case '[':
        case '{':
            if (stack.size() >= maxExpressionNesting)
                return fail("the expression is nested too deeply", i);
            stack.push_back({FrameKind::Code, closerOf(c), i});
            ++i;
            break;
        case ')':
        case ']':
        case '}':
            if (c != frame.closer)
                return fail(std::string("unexpected '") + c + "' in the expression: expected '" + frame.closer + "'",
                            i);
            stack.pop_back();
            ++i;
            if (stack.empty()) {
                ExpressionScan scan;
                scan.end = i;
                return scan;
            }
            break;
        default:
            ++i;
            break;
        }
    }
    const Frame &open = stack.back();
    if (open.kind != FrameKind::Code)
        return fail("unterminated interpolated string in the expression", open.opened);
    if (open.opened == begin)
        return fail(std::string("unbalanced expression: no '") + open.closer + "' closes '" + text[begin + 1] +
                        "' before the end of the file",
                    begin);
    return fail(std::string("unbalanced expression: no '") + open.closer + "' closes the '" + text[open.opened] +
                    "' opened here",
                open.opened);
}

} // namespace gw::policy
