#include "body_text.h"

#include <QColor>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QPalette>
#include <QRegularExpression>
#include <QTextCharFormat>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace gh::console {

BodyKind bodyKind(const QByteArray &body, const QString &contentType)
{
    const QString type = contentType.toLower();
    if (type.contains(QLatin1String("json")))
        return BodyKind::Json;
    if (type.contains(QLatin1String("xml")))
        return BodyKind::Xml;
    for (char c : body) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (c == '{' || c == '[')
            return BodyKind::Json;
        if (c == '<')
            return BodyKind::Xml;
        break;
    }
    return BodyKind::Text;
}

std::optional<QString> formatJson(const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || document.isNull()) {
        if (error)
            *error = QCoreApplication::translate("gh::console::BodyText", "Not JSON: %1 at character %2.")
                         .arg(parseError.errorString())
                         .arg(parseError.offset);
        return std::nullopt;
    }
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed();
}

std::optional<QString> formatXml(const QByteArray &body, QString *error)
{
    QXmlStreamReader reader(body);
    QByteArray out;
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.setAutoFormattingIndent(2);
    bool root = false;
    while (!reader.atEnd()) {
        reader.readNext();
        // Whitespace between elements is the old layout: the writer makes the new one.
        if (reader.isWhitespace())
            continue;
        if (reader.isStartElement())
            root = true;
        if (reader.tokenType() == QXmlStreamReader::StartDocument && reader.documentVersion().isEmpty())
            continue;
        if (!reader.hasError())
            writer.writeCurrentToken(reader);
    }
    if (reader.hasError() || !root) {
        if (error)
            *error = reader.hasError()
                         ? QCoreApplication::translate("gh::console::BodyText", "Not XML: %1 at line %2, column %3.")
                               .arg(reader.errorString())
                               .arg(reader.lineNumber())
                               .arg(reader.columnNumber())
                         : QCoreApplication::translate("gh::console::BodyText", "Not XML: there is no element.");
        return std::nullopt;
    }
    return QString::fromUtf8(out).trimmed();
}

QString prettyBody(const QByteArray &body, const QString &contentType)
{
    std::optional<QString> pretty;
    switch (bodyKind(body, contentType)) {
    case BodyKind::Json:
        pretty = formatJson(body);
        break;
    case BodyKind::Xml:
        pretty = formatXml(body);
        break;
    case BodyKind::Text:
        break;
    }
    return pretty.value_or(QString::fromUtf8(body));
}

BodyHighlighter::BodyHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
}

void BodyHighlighter::setKind(BodyKind kind)
{
    if (m_kind == kind)
        return;
    m_kind = kind;
    rehighlight();
}

void BodyHighlighter::highlightBlock(const QString &text)
{
    if (m_kind == BodyKind::Text)
        return;
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    const auto format = [](const QColor &colour, bool bold = false) {
        QTextCharFormat f;
        f.setForeground(colour);
        if (bold)
            f.setFontWeight(QFont::DemiBold);
        return f;
    };
    const auto apply = [&](const QRegularExpression &pattern, const QTextCharFormat &f, int group = 0) {
        for (auto it = pattern.globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            setFormat(static_cast<int>(match.capturedStart(group)), static_cast<int>(match.capturedLength(group)), f);
        }
    };
    const QColor key = dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x1f, 0x5f, 0xbf);
    const QColor string = dark ? QColor(0x8f, 0xd6, 0x8f) : QColor(0x1c, 0x7c, 0x3c);
    const QColor number = dark ? QColor(0xf0, 0xb0, 0x60) : QColor(0xa1, 0x5c, 0x00);
    const QColor literal = dark ? QColor(0xc3, 0x9b, 0xf0) : QColor(0x7b, 0x3f, 0xbf);
    const QColor muted = QGuiApplication::palette().color(QPalette::PlaceholderText);

    if (m_kind == BodyKind::Json) {
        static const QRegularExpression numbers(QStringLiteral("(?<![\\w\"])-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?"));
        static const QRegularExpression literals(QStringLiteral("\\b(true|false|null)\\b"));
        static const QRegularExpression strings(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\""));
        static const QRegularExpression keys(QStringLiteral("(\"(?:[^\"\\\\]|\\\\.)*\")\\s*:"));
        apply(numbers, format(number));
        apply(literals, format(literal));
        apply(strings, format(string));
        apply(keys, format(key, true), 1);
        return;
    }
    static const QRegularExpression tags(QStringLiteral("</?[\\w:.-]+|/?>|<\\?[\\w:.-]+|\\?>"));
    static const QRegularExpression attributes(QStringLiteral("([\\w:.-]+)\\s*=\\s*(\"[^\"]*\"|'[^']*')"));
    static const QRegularExpression comments(QStringLiteral("<!--.*?(-->|$)"));
    apply(tags, format(key, true));
    apply(attributes, format(literal), 1);
    apply(attributes, format(string), 2);
    // Comments spanning lines: the block state says the previous line left one open.
    int start = 0;
    if (previousBlockState() == 1) {
        const qsizetype end = text.indexOf(QLatin1String("-->"));
        const int length = end < 0 ? static_cast<int>(text.size()) : static_cast<int>(end) + 3;
        setFormat(0, length, format(muted));
        start = length;
    }
    setCurrentBlockState(previousBlockState() == 1 && text.indexOf(QLatin1String("-->")) < 0 ? 1 : 0);
    for (auto it = comments.globalMatch(text, start); it.hasNext();) {
        const auto match = it.next();
        setFormat(static_cast<int>(match.capturedStart()), static_cast<int>(match.capturedLength()), format(muted));
        if (match.captured(1).isEmpty())
            setCurrentBlockState(1);
    }
}

} // namespace gh::console
