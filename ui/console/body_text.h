#pragma once

#include <QByteArray>
#include <QString>
#include <QSyntaxHighlighter>

#include <optional>

namespace gh::console {

// What a request or response body holds, as far as showing it goes.
enum class BodyKind { Text, Json, Xml };

// The kind of `body`, by its Content-Type when it names one, else by its first character.
BodyKind bodyKind(const QByteArray &body, const QString &contentType = {});

// `body` indented (JSON: 4 spaces, as Qt writes it; XML: 2). nullopt and a message in `error` (with where the text
// stops being well-formed) when it is not JSON / XML.
std::optional<QString> formatJson(const QByteArray &body, QString *error = nullptr);
std::optional<QString> formatXml(const QByteArray &body, QString *error = nullptr);
// The body pretty when it is JSON or XML, else as it is.
QString prettyBody(const QByteArray &body, const QString &contentType = {});

// Colours JSON (keys, strings, numbers, literals) or XML (tags, attributes, values, comments) in a text document,
// with colours readable on the palette's base, light or dark.
class BodyHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit BodyHighlighter(QTextDocument *document);

    void setKind(BodyKind kind);
    BodyKind kind() const { return m_kind; }

protected:
    void highlightBlock(const QString &text) override;

private:
    BodyKind m_kind = BodyKind::Text;
};

} // namespace gh::console
