#include "policy_lexer.h"

#include <expr/lexer.h>
#include <expr/program.h>
#include <policy/document.h>
#include <policy/expression_scanner.h>

#include <Qsci/qsciscintilla.h>

#include <QCoreApplication>

#include <algorithm>
#include <string>

namespace gh::policies {

namespace {

constexpr auto npos = std::string_view::npos;

using gw::policy::isXmlNameChar;
using gw::policy::isXmlNameStart;
using gw::policy::isXmlSpace;

class Styler {
public:
    explicit Styler(std::string_view text) : t(text), n(text.size()) { result.styles.assign(n, PolicyStyle::Default); }

    PolicyStyling run()
    {
        std::size_t i = 0;
        if (t.substr(0, 3) == "\xEF\xBB\xBF")
            i = 3;
        std::vector<std::pair<std::size_t, int>> depthChanges; // offset from which the depth is the value
        int depth = 0;
        auto skipPast = [&](std::size_t from, std::string_view terminator) {
            const std::size_t p = t.find(terminator, from);
            return p == npos ? n : p + terminator.size();
        };
        while (i < n) {
            if (t[i] != '<') {
                std::size_t j = i;
                while (j < n && isXmlSpace(t[j]))
                    ++j;
                if (startsExpression(j)) {
                    const std::size_t end = expression(j, t.find('<', j));
                    if (end != npos)
                        j = end;
                }
                std::size_t lt = t.find('<', j);
                if (lt == npos)
                    lt = n;
                literal(j, lt, PolicyStyle::Text);
                i = std::max(lt, i + 1);
                continue;
            }
            if (t.compare(i, 4, "<!--") == 0) {
                const std::size_t end = skipPast(i + 4, "-->");
                fill(i, end, PolicyStyle::Comment);
                i = end;
            } else if (t.compare(i, 9, "<![CDATA[") == 0) {
                const std::size_t end = skipPast(i + 9, "]]>");
                fill(i, end, PolicyStyle::CData);
                i = end;
            } else if (t.compare(i, 2, "<?") == 0) {
                const std::size_t end = skipPast(i + 2, "?>");
                fill(i, end, PolicyStyle::Instruction);
                i = end;
            } else if (t.compare(i, 2, "<!") == 0) {
                const std::size_t end = skipPast(i + 2, ">");
                fill(i, end, PolicyStyle::Instruction);
                i = end;
            } else if (t.compare(i, 2, "</") == 0) {
                fill(i, i + 2, PolicyStyle::TagBracket);
                std::size_t j = i + 2;
                while (j < n && isXmlNameChar(t[j]))
                    ++j;
                fill(i + 2, j, PolicyStyle::Tag);
                const std::size_t end = skipPast(j, ">");
                if (end > j && t[end - 1] == '>')
                    fill(end - 1, end, PolicyStyle::TagBracket);
                depth = std::max(0, depth - 1);
                // From the next line on; a line that begins with a closing tag is outdented by lineDepths().
                depthChanges.emplace_back(i + 1, depth);
                i = end;
            } else if (i + 1 < n && isXmlNameStart(t[i + 1])) {
                i = startTag(i, depth, depthChanges);
            } else {
                ++i; // a stray '<'
            }
        }
        lineDepths(depthChanges);
        return std::move(result);
    }

private:
    bool startsExpression(std::size_t i) const
    {
        return i + 1 < n && t[i] == '@' && (t[i + 1] == '(' || t[i + 1] == '{');
    }

    void fill(std::size_t begin, std::size_t end, PolicyStyle style)
    {
        end = std::min(end, n);
        for (std::size_t k = begin; k < end; ++k)
            result.styles[k] = style;
    }

    // Literal text of a value: entities and named values stand out.
    void literal(std::size_t begin, std::size_t end, PolicyStyle style)
    {
        end = std::min(end, n);
        fill(begin, end, style);
        for (std::size_t k = begin; k < end; ++k) {
            if (t[k] == '&') {
                const std::size_t semi = t.find(';', k);
                if (semi != npos && semi < end && semi - k <= 10) {
                    fill(k, semi + 1, PolicyStyle::Entity);
                    k = semi;
                }
            }
        }
        namedValues(begin, end);
    }

    // {{name}} references, found as the engine's document reader finds them.
    void namedValues(std::size_t begin, std::size_t end)
    {
        std::size_t i = begin;
        while (i < end) {
            const std::size_t open = t.find("{{", i);
            if (open == npos || open + 2 >= end)
                return;
            std::size_t j = open + 2;
            while (j < end && t[j] == '{')
                ++j;
            const std::size_t nameBegin = j;
            while (j < end && isXmlNameChar(t[j]) && t[j] != ':')
                ++j;
            if (j > nameBegin && j + 1 < end && t[j] == '}' && t[j + 1] == '}') {
                fill(nameBegin - 2, j + 2, PolicyStyle::NamedValue);
                i = j + 2;
            } else {
                i = open + 2;
            }
        }
    }

    // An expression at `at`; returns one past its end, or npos when it does not close (the engine reports that; the
    // rest up to `limit` is coloured as code so the user sees where it runs).
    std::size_t expression(std::size_t at, std::size_t limit)
    {
        const gw::policy::ExpressionScan scan = gw::policy::scanExpression(t, at);
        const bool ok = scan.ok();
        const std::size_t end = ok ? scan.end : std::min(limit == npos ? n : limit, n);
        result.expressions.push_back({at, end});
        fill(at, std::min(at + 2, end), PolicyStyle::ExpressionBracket);
        const std::size_t innerBegin = std::min(at + 2, end);
        const std::size_t innerEnd = ok ? end - 1 : end;
        if (ok)
            fill(end - 1, end, PolicyStyle::ExpressionBracket);
        // Characters between tokens that are not blank are comments.
        for (std::size_t k = innerBegin; k < innerEnd; ++k)
            result.styles[k] = isXmlSpace(t[k]) ? PolicyStyle::Default : PolicyStyle::Comment;
        const gw::expr::LexResult lexed =
            gw::expr::lex(t.substr(innerBegin, innerEnd - innerBegin), gw::expr::Origin{});
        for (const gw::expr::Token &token : lexed.tokens) {
            PolicyStyle style = PolicyStyle::Default;
            switch (token.kind) {
            case gw::expr::TokenKind::End:
                continue;
            case gw::expr::TokenKind::Identifier:
                style = token.text == "context" ? PolicyStyle::Context : PolicyStyle::Identifier;
                break;
            case gw::expr::TokenKind::Keyword:
                style = PolicyStyle::Keyword;
                break;
            case gw::expr::TokenKind::Integer:
            case gw::expr::TokenKind::Real:
                style = PolicyStyle::Number;
                break;
            case gw::expr::TokenKind::String:
            case gw::expr::TokenKind::Interpolated:
            case gw::expr::TokenKind::Char:
                style = PolicyStyle::String;
                break;
            case gw::expr::TokenKind::Punctuator:
                style = PolicyStyle::Operator;
                break;
            case gw::expr::TokenKind::Invalid:
                style = PolicyStyle::Invalid;
                break;
            }
            const std::size_t begin = innerBegin + token.offset;
            fill(begin, std::min(begin + token.length, innerEnd), style);
        }
        namedValues(innerBegin, innerEnd);
        return ok ? end : npos;
    }

    std::size_t startTag(std::size_t i, int &depth, std::vector<std::pair<std::size_t, int>> &depthChanges)
    {
        fill(i, i + 1, PolicyStyle::TagBracket);
        std::size_t j = i + 1;
        while (j < n && isXmlNameChar(t[j]))
            ++j;
        fill(i + 1, j, PolicyStyle::Tag);
        while (j < n) {
            while (j < n && isXmlSpace(t[j]))
                ++j;
            if (j >= n)
                break;
            if (t[j] == '>') {
                fill(j, j + 1, PolicyStyle::TagBracket);
                ++j;
                ++depth;
                depthChanges.emplace_back(j, depth);
                return j;
            }
            if (t.compare(j, 2, "/>") == 0) {
                fill(j, j + 2, PolicyStyle::TagBracket);
                return j + 2;
            }
            if (!isXmlNameStart(t[j])) {
                fill(j, j + 1, PolicyStyle::Invalid);
                return std::max(j, i + 1);
            }
            const std::size_t nameBegin = j;
            while (j < n && isXmlNameChar(t[j]))
                ++j;
            fill(nameBegin, j, PolicyStyle::AttributeName);
            while (j < n && isXmlSpace(t[j]))
                ++j;
            if (j >= n || t[j] != '=')
                return std::max(j, i + 1);
            fill(j, j + 1, PolicyStyle::TagBracket);
            ++j;
            while (j < n && isXmlSpace(t[j]))
                ++j;
            if (j >= n || (t[j] != '"' && t[j] != '\''))
                return std::max(j, i + 1);
            const char quote = t[j];
            fill(j, j + 1, PolicyStyle::AttributeValue);
            ++j;
            std::size_t k = j;
            while (k < n && isXmlSpace(t[k]))
                ++k;
            if (startsExpression(k)) {
                const std::size_t end = expression(k, t.find(quote, k));
                if (end != npos)
                    k = end;
            }
            const std::size_t close = t.find(quote, k);
            const std::size_t valueEnd = close == npos ? n : close;
            literal(k, valueEnd, PolicyStyle::AttributeValue);
            if (close != npos)
                fill(close, close + 1, PolicyStyle::AttributeValue);
            j = close == npos ? n : close + 1;
        }
        return std::max(j, i + 1);
    }

    void lineDepths(const std::vector<std::pair<std::size_t, int>> &changes)
    {
        auto &depths = result.lineDepth;
        depths.clear();
        std::size_t change = 0;
        int depth = 0;
        std::size_t lineStart = 0;
        while (true) {
            while (change < changes.size() && changes[change].first <= lineStart) {
                depth = changes[change].second;
                ++change;
            }
            // A line that begins with a closing tag is at the outer level.
            std::size_t k = lineStart;
            while (k < n && (t[k] == ' ' || t[k] == '\t'))
                ++k;
            int lineDepth = depth;
            if (t.compare(k, 2, "</") == 0 && lineDepth > 0)
                --lineDepth;
            depths.push_back(lineDepth);
            const std::size_t newline = t.find('\n', lineStart);
            if (newline == npos)
                break;
            lineStart = newline + 1;
        }
    }

    std::string_view t;
    std::size_t n;
    PolicyStyling result;
};

QColor mix(const QColor &a, const QColor &b, double weight)
{
    return QColor::fromRgbF(a.redF() * (1 - weight) + b.redF() * weight,
                            a.greenF() * (1 - weight) + b.greenF() * weight,
                            a.blueF() * (1 - weight) + b.blueF() * weight);
}

} // namespace

PolicyStyling stylePolicy(std::string_view text)
{
    return Styler(text).run();
}

PolicyLexer::PolicyLexer(QObject *parent) : QsciLexerCustom(parent)
{
    setColours(false, Qt::white, Qt::black);
}

const char *PolicyLexer::language() const
{
    return "APIM policy";
}

const char *PolicyLexer::wordCharacters() const
{
    return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
}

QString PolicyLexer::description(int style) const
{
    static const char *const names[] = {
        QT_TRANSLATE_NOOP("gh::policies::PolicyLexer", "Default"),
        QT_TRANSLATE_NOOP("gh::policies::PolicyLexer", "Tag bracket"),
        QT_TRANSLATE_NOOP("gh::policies::PolicyLexer", "Element"),
        QT_TRANSLATE_NOOP("gh::policies::PolicyLexer", "Attribute"),
        QT_TRANSLATE_NOOP("gh::policies::PolicyLexer", "Attribute value"),
        QT_TRANSLATE_NOOP("gh::policies::PolicyLexer", "Text"),
        QT_TRANSLATE_NOOP("gh::policies::PolicyLexer", "Comment"),
        QT_TRANSLATE_NOOP("gh::policies::PolicyLexer", "CDATA"),
        QT_TRANSLATE_NOOP("gh::policies::PolicyLexer", "Processing instruction"),
        QT_TRANSLATE_NOOP("gh::policies::PolicyLexer", "Entity"),
        QT_TRANSLATE_NOOP("gh::policies::PolicyLexer", "Named value"),
        QT_TRANSLATE_NOOP("gh::policies::PolicyLexer", "Expression bracket"),
        QT_TRANSLATE_NOOP("gh::policies::PolicyLexer", "Keyword"),
        QT_TRANSLATE_NOOP("gh::policies::PolicyLexer", "Identifier"),
        QT_TRANSLATE_NOOP("gh::policies::PolicyLexer", "Context"),
        QT_TRANSLATE_NOOP("gh::policies::PolicyLexer", "String"),
        QT_TRANSLATE_NOOP("gh::policies::PolicyLexer", "Number"),
        QT_TRANSLATE_NOOP("gh::policies::PolicyLexer", "Operator"),
        QT_TRANSLATE_NOOP("gh::policies::PolicyLexer", "Invalid"),
    };
    if (style < 0 || style >= static_cast<int>(PolicyStyle::Count))
        return {};
    return QCoreApplication::translate("gh::policies::PolicyLexer", names[style]);
}

void PolicyLexer::setColours(bool dark, const QColor &paper, const QColor &text)
{
    m_dark = dark;
    using S = PolicyStyle;
    // Close to the XML and C# colours of Visual Studio Code's Light+ and Dark+ themes, which APIM users know.
    struct Pair {
        S style;
        const char *light;
        const char *dark;
    };
    const Pair colours[] = {
        {S::TagBracket, "#800000", "#808080"},    {S::Tag, "#800000", "#569cd6"},
        {S::AttributeName, "#e50000", "#9cdcfe"}, {S::AttributeValue, "#0000ff", "#ce9178"},
        {S::Comment, "#008000", "#6a9955"},       {S::CData, "#6b6b6b", "#a0a0a0"},
        {S::Instruction, "#6b6b6b", "#a0a0a0"},   {S::Entity, "#b85c00", "#d7ba7d"},
        {S::NamedValue, "#795e26", "#dcdcaa"},    {S::ExpressionBracket, "#af00db", "#c586c0"},
        {S::Keyword, "#0000ff", "#569cd6"},       {S::Identifier, "#001080", "#9cdcfe"},
        {S::Context, "#267f99", "#4ec9b0"},       {S::String, "#a31515", "#ce9178"},
        {S::Number, "#098658", "#b5cea8"},        {S::Invalid, "#e51400", "#f48771"},
    };
    // Expressions sit on a faint tint so that the code inside an attribute stands apart from the XML around it.
    const QColor codePaper = mix(paper, dark ? QColor("#c586c0") : QColor("#af00db"), dark ? 0.08 : 0.04);
    setDefaultPaper(paper);
    setDefaultColor(text);
    setPaper(paper, -1);
    setColor(text, -1);
    for (const Pair &pair : colours)
        setColor(QColor(dark ? pair.dark : pair.light), static_cast<int>(pair.style));
    for (S style :
         {S::ExpressionBracket, S::Keyword, S::Identifier, S::Context, S::String, S::Number, S::Operator, S::Invalid})
        setPaper(codePaper, static_cast<int>(style));
    // Expression whitespace and comments share the tint; comments keep the comment colour.
    setPaper(paper, static_cast<int>(S::Default));
    setColor(text, static_cast<int>(S::Operator));
    QFont named = defaultFont();
    named.setItalic(true);
    setFont(named, static_cast<int>(S::NamedValue));
    QFont comment = defaultFont();
    comment.setItalic(true);
    setFont(comment, static_cast<int>(S::Comment));
}

void PolicyLexer::styleText(int start, int end)
{
    (void)start;
    (void)end;
    QsciScintilla *sci = editor();
    if (!sci)
        return;
    // Policies are small (hundreds of lines): styling the whole text at once keeps expressions that span lines
    // right, and costs well under a millisecond.
    const auto length = static_cast<std::size_t>(sci->SendScintilla(QsciScintillaBase::SCI_GETLENGTH));
    const char *data = reinterpret_cast<const char *>(sci->SendScintilla(QsciScintillaBase::SCI_GETCHARACTERPOINTER));
    const std::string_view text(data ? data : "", data ? length : 0);
    m_styling = stylePolicy(text);
    startStyling(0);
    std::size_t i = 0;
    while (i < m_styling.styles.size()) {
        std::size_t j = i + 1;
        while (j < m_styling.styles.size() && m_styling.styles[j] == m_styling.styles[i])
            ++j;
        setStyling(static_cast<int>(j - i), static_cast<int>(m_styling.styles[i]));
        i = j;
    }
    const auto &depths = m_styling.lineDepth;
    for (std::size_t line = 0; line < depths.size(); ++line) {
        int level = QsciScintillaBase::SC_FOLDLEVELBASE + depths[line];
        if (line + 1 < depths.size() && depths[line + 1] > depths[line])
            level |= QsciScintillaBase::SC_FOLDLEVELHEADERFLAG;
        sci->SendScintilla(QsciScintillaBase::SCI_SETFOLDLEVEL, static_cast<unsigned long>(line), level);
    }
}

} // namespace gh::policies
