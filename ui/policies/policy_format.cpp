#include "policy_format.h"

#include "policy_lexer.h"

#include <algorithm>

namespace gh::policies {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

} // namespace

std::string detectIndent(std::string_view text)
{
    int tabs = 0, spaces = 0;
    std::size_t lineStart = 0;
    while (lineStart < text.size()) {
        if (text[lineStart] == '\t')
            ++tabs;
        else if (text[lineStart] == ' ')
            ++spaces;
        const std::size_t newline = text.find('\n', lineStart);
        if (newline == std::string_view::npos)
            break;
        lineStart = newline + 1;
    }
    return tabs > spaces ? std::string("\t") : std::string(4, ' ');
}

std::string formatPolicy(std::string_view t, std::string_view indent)
{
    const PolicyStyling styling = stylePolicy(t);
    const auto &styles = styling.styles;
    const std::size_t n = t.size();
    auto inExpression = [&](std::size_t offset) {
        return std::any_of(styling.expressions.begin(), styling.expressions.end(),
                           [&](const ExpressionSpan &span) { return span.begin < offset && offset < span.end; });
    };
    auto startsExpression = [&](std::size_t offset) {
        return std::any_of(styling.expressions.begin(), styling.expressions.end(),
                           [&](const ExpressionSpan &span) { return span.begin == offset; });
    };
    // Inside a comment, CDATA or an instruction that started on an earlier line.
    auto inVerbatim = [&](std::size_t lineStart) {
        if (lineStart == 0)
            return false;
        const PolicyStyle before = styles[lineStart - 1];
        if (before != PolicyStyle::Comment && before != PolicyStyle::CData && before != PolicyStyle::Instruction)
            return false;
        return !(lineStart >= 2 && t[lineStart - 2] == '>'); // the construct ended just before the newline
    };
    auto isMarkup = [&](std::size_t k) {
        if (k >= n)
            return false;
        if (t[k] == '<' && styles[k] == PolicyStyle::TagBracket)
            return true;
        if (t.compare(k, 4, "<!--") == 0 || t.compare(k, 9, "<![CDATA[") == 0 || t.compare(k, 2, "<?") == 0)
            return styles[k] != PolicyStyle::Text && styles[k] != PolicyStyle::AttributeValue;
        return (t[k] == '>' || t.compare(k, 2, "/>") == 0) && styles[k] == PolicyStyle::TagBracket;
    };
    // The last non-blank character before `offset` is markup ('>' of a tag, end of a comment), or there is none.
    auto afterMarkup = [&](std::size_t offset) {
        std::size_t k = offset;
        while (k > 0 && (isBlank(t[k - 1]) || t[k - 1] == '\n'))
            --k;
        if (k == 0)
            return true;
        return t[k - 1] == '>' && (styles[k - 1] == PolicyStyle::TagBracket || styles[k - 1] == PolicyStyle::Comment ||
                                   styles[k - 1] == PolicyStyle::CData || styles[k - 1] == PolicyStyle::Instruction);
    };
    auto beforeMarkup = [&](std::size_t offset) {
        std::size_t k = offset;
        while (k < n && (isBlank(t[k]) || t[k] == '\n'))
            ++k;
        return k == n || isMarkup(k);
    };

    std::string out;
    out.reserve(n + n / 8);
    std::size_t lineStart = 0;
    std::size_t line = 0;
    while (lineStart <= n) {
        std::size_t lineEnd = t.find('\n', lineStart);
        const bool last = lineEnd == std::string_view::npos;
        if (last)
            lineEnd = n;
        std::size_t contentEnd = lineEnd;
        const bool crlf = contentEnd > lineStart && t[contentEnd - 1] == '\r';
        if (crlf)
            --contentEnd;
        std::size_t k = lineStart;
        while (k < contentEnd && isBlank(t[k]))
            ++k;
        const bool protectedStart = inExpression(lineStart) || inVerbatim(lineStart);
        const int depth = line < styling.lineDepth.size() ? styling.lineDepth[line] : 0;
        std::string_view content = t.substr(k, contentEnd - k);
        std::string prefix(t.substr(lineStart, k - lineStart));
        if (!protectedStart) {
            if (k == contentEnd) {
                if (afterMarkup(lineStart) && beforeMarkup(lineEnd))
                    prefix.clear(); // a blank line between elements holds nothing
            } else if (isMarkup(k) || startsExpression(k)) {
                prefix.clear();
                for (int level = 0; level < depth; ++level)
                    prefix += indent;
            } else if (styles[k] == PolicyStyle::AttributeName && afterMarkup(k) == false && !inExpression(k)) {
                // An attribute on a line of its own continues the start tag above it.
                prefix.clear();
                for (int level = 0; level < depth + 1; ++level)
                    prefix += indent;
            }
        }
        // Trailing blanks after a tag or a comment's end.
        if (!content.empty()) {
            std::size_t end = content.size();
            while (end > 0 && isBlank(content[end - 1]))
                --end;
            const std::size_t lastChar = k + end - 1;
            if (end < content.size() && end > 0 && !inExpression(lastChar + 1) && t[lastChar] == '>' &&
                (styles[lastChar] == PolicyStyle::TagBracket || styles[lastChar] == PolicyStyle::Comment ||
                 styles[lastChar] == PolicyStyle::CData))
                content = content.substr(0, end);
        }
        out += prefix;
        out += content;
        if (crlf)
            out += '\r';
        if (last)
            break;
        out += '\n';
        lineStart = lineEnd + 1;
        ++line;
    }
    return out;
}

} // namespace gh::policies
