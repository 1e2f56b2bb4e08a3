#pragma once

#include <Qsci/qscilexercustom.h>

#include <QColor>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace gh::policies {

// What each character of a policy document is, for colours and for deciding what completion offers.
enum class PolicyStyle : std::uint8_t {
    Default,
    TagBracket, // < </ > /> and the '=' between an attribute and its value
    Tag,        // element names
    AttributeName,
    AttributeValue,    // literal attribute text, quotes included
    Text,              // literal element text
    Comment,           // <!-- -->
    CData,             // <![CDATA[ ]]>
    Instruction,       // <? ?> and <! >
    Entity,            // &amp; &#10;
    NamedValue,        // {{name}}
    ExpressionBracket, // @( ) @{ }
    Keyword,
    Identifier,
    Context, // the `context` root object
    String,
    Number,
    Operator,
    Invalid,
    Count
};

// An expression found in the text: from its '@' to just past its closing bracket.
struct ExpressionSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// The styling of a whole document, computed the way the engine reads it: tags, attribute values and texts are found
// as policy/document.cpp's prescan finds them, expressions are cut with policy::scanExpression and coloured from
// expr::lex's tokens, so what looks like an expression here is exactly what the engine compiles as one.
struct PolicyStyling {
    std::vector<PolicyStyle> styles;         // one per byte of the text
    std::vector<int> lineDepth;              // element depth at the start of each line (folding, indentation)
    std::vector<ExpressionSpan> expressions; // in text order
};

PolicyStyling stylePolicy(std::string_view text);

// A QScintilla lexer over stylePolicy(): colours for light and dark palettes, fold levels from element depth.
class PolicyLexer : public QsciLexerCustom {
    Q_OBJECT
public:
    explicit PolicyLexer(QObject *parent = nullptr);

    const char *language() const override;
    QString description(int style) const override;
    void styleText(int start, int end) override;
    const char *wordCharacters() const override;

    // Colours for a dark or a light background; `paper` and `text` are the palette's base and text colours.
    void setColours(bool dark, const QColor &paper, const QColor &text);
    bool isDark() const { return m_dark; }

    // The styling of the text as last styled.
    const PolicyStyling &styling() const { return m_styling; }

private:
    PolicyStyling m_styling;
    bool m_dark = false;
};

} // namespace gh::policies
