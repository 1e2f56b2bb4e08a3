#include "highlighters.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleOptionFrame>

namespace gh::apis {

namespace {

QTextCharFormat charFormat(const QColor &colour, bool bold = false)
{
    QTextCharFormat f;
    f.setForeground(colour);
    if (bold)
        f.setFontWeight(QFont::DemiBold);
    return f;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

HighlightColours HighlightColours::forPalette(const QPalette &palette)
{
    if (isDark(palette))
        return {QColor(0x79, 0xc0, 0xff), QColor(0xa5, 0xd6, 0x7f), QColor(0xf2, 0xcc, 0x60), QColor(0xff, 0x7b, 0x72),
                QColor(0x8b, 0x94, 0x9e), QColor(0xd2, 0xa8, 0xff), QColor(0xff, 0x6b, 0x6b)};
    return {QColor(0x05, 0x50, 0xae), QColor(0x11, 0x63, 0x29), QColor(0x95, 0x38, 0x00), QColor(0xcf, 0x22, 0x2e),
            QColor(0x6e, 0x77, 0x81), QColor(0x82, 0x50, 0xdf), QColor(0xcf, 0x22, 0x2e)};
}

JsonHighlighter::JsonHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
}

void JsonHighlighter::setColours(const HighlightColours &colours)
{
    m_colours = colours;
    rehighlight();
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression token(QStringLiteral(
        R"("(?:[^"\\]|\\.)*"?|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\btrue\b|\bfalse\b|\bnull\b|[{}\[\],:])"));
    for (auto it = token.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        const QString value = match.captured();
        const int start = static_cast<int>(match.capturedStart());
        const int length = static_cast<int>(match.capturedLength());
        if (value.startsWith(QLatin1Char('"'))) {
            // A string followed by ':' is a key.
            int next = start + length;
            while (next < text.size() && text.at(next).isSpace())
                ++next;
            const bool key = next < text.size() && text.at(next) == QLatin1Char(':');
            setFormat(start, length, charFormat(key ? m_colours.key : m_colours.string, key));
        } else if (value.front().isDigit() || value.front() == QLatin1Char('-')) {
            setFormat(start, length, charFormat(m_colours.number));
        } else if (value.front().isLetter()) {
            setFormat(start, length, charFormat(m_colours.keyword));
        } else {
            setFormat(start, length, charFormat(m_colours.punctuation));
        }
    }
}

YamlHighlighter::YamlHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
}

void YamlHighlighter::setColours(const HighlightColours &colours)
{
    m_colours = colours;
    rehighlight();
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression line(
        QStringLiteral(R"(^(\s*)(-\s+)?(?:("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#'"][^:#]*?)(\s*:)(?=\s|$))?\s*(.*)$)"));
    const auto match = line.match(text);
    if (!match.hasMatch())
        return;
    if (match.capturedLength(2))
        setFormat(static_cast<int>(match.capturedStart(2)), 1, charFormat(m_colours.punctuation));
    if (match.capturedLength(3))
        setFormat(static_cast<int>(match.capturedStart(3)), static_cast<int>(match.capturedLength(3)),
                  charFormat(m_colours.key, true));
    const QString value = match.captured(5);
    const int valueStart = static_cast<int>(match.capturedStart(5));
    if (value.startsWith(QLatin1Char('#'))) {
        setFormat(valueStart, static_cast<int>(value.size()), charFormat(m_colours.punctuation));
        return;
    }
    static const QRegularExpression number(QStringLiteral(R"(^-?\d+(\.\d+)?$)"));
    static const QRegularExpression keyword(QStringLiteral(R"(^(true|false|null|~)$)"));
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return;
    QColor colour = m_colours.string;
    if (number.match(trimmed).hasMatch())
        colour = m_colours.number;
    else if (keyword.match(trimmed).hasMatch())
        colour = m_colours.keyword;
    else if (trimmed == QLatin1String("|") || trimmed == QLatin1String(">") || trimmed == QLatin1String("[]") ||
             trimmed == QLatin1String("{}"))
        colour = m_colours.punctuation;
    setFormat(valueStart, static_cast<int>(value.size()), charFormat(colour));
}

UrlTemplateHighlighter::UrlTemplateHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
}

void UrlTemplateHighlighter::setColours(const HighlightColours &colours)
{
    m_colours = colours;
    rehighlight();
}

void UrlTemplateHighlighter::setErrorPosition(int position)
{
    if (position == m_errorPosition)
        return;
    m_errorPosition = position;
    rehighlight();
}

void UrlTemplateHighlighter::highlightBlock(const QString &text)
{
    const qsizetype query = text.indexOf(QLatin1Char('?'));
    if (query >= 0)
        setFormat(static_cast<int>(query), static_cast<int>(text.size() - query), charFormat(m_colours.punctuation));
    static const QRegularExpression parameter(QStringLiteral(R"(\{[^{}]*\})"));
    for (auto it = parameter.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        const int start = static_cast<int>(match.capturedStart());
        const int length = static_cast<int>(match.capturedLength());
        setFormat(start, 1, charFormat(m_colours.punctuation));
        setFormat(start + 1, length - 2, charFormat(m_colours.parameter, true));
        setFormat(start + length - 1, 1, charFormat(m_colours.punctuation));
    }
    if (m_errorPosition >= 0 && m_errorPosition <= text.size()) {
        QTextCharFormat error = QSyntaxHighlighter::format(std::min<int>(m_errorPosition, int(text.size()) - 1));
        error.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        error.setUnderlineColor(m_colours.error);
        const int start = std::min<int>(m_errorPosition, std::max<int>(0, int(text.size()) - 1));
        setFormat(start, 1, error);
    }
}

LineTextEdit::LineTextEdit(QWidget *parent) : QPlainTextEdit(parent)
{
    setLineWrapMode(NoWrap);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setTabChangesFocus(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // As tall as a line edit beside it, the text centred in it.
    QLineEdit probe;
    probe.setFont(font());
    const int height = std::max(probe.sizeHint().height(), fontMetrics().lineSpacing() + 2 * frameWidth() + 4);
    setFixedHeight(height);
    document()->setDocumentMargin(std::max(1, (height - 2 * frameWidth() - fontMetrics().lineSpacing()) / 2));
}

void LineTextEdit::setText(const QString &text)
{
    if (text == toPlainText())
        return;
    setPlainText(text);
    moveCursor(QTextCursor::End);
}

QSize LineTextEdit::sizeHint() const
{
    return {fontMetrics().averageCharWidth() * 40, height()};
}

QSize LineTextEdit::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 10, sizeHint().height()};
}

void LineTextEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        emit editingFinished();
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void LineTextEdit::focusOutEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusOutEvent(event);
    emit editingFinished();
}

void LineTextEdit::insertFromMimeData(const QMimeData *source)
{
    // One line: pasted line breaks become nothing.
    QString text = source->text();
    text.remove(QLatin1Char('\r'));
    text.remove(QLatin1Char('\n'));
    textCursor().insertText(text);
}

QPlainTextEdit *makeCodeEditor(const QString &objectName, QWidget *parent)
{
    auto *editor = new QPlainTextEdit(parent);
    editor->setObjectName(objectName);
    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    editor->setFont(font);
    editor->setTabStopDistance(QFontMetricsF(font).horizontalAdvance(QLatin1Char(' ')) * 2);
    editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    return editor;
}

} // namespace gh::apis
