#pragma once

#include <QPlainTextEdit>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace gh::apis {

// Colours for the designer's highlighters, picked for the palette in use (light or dark).
struct HighlightColours {
    QColor key, string, number, keyword, punctuation, parameter, error;
    static HighlightColours forPalette(const QPalette &palette);
};

// JSON: keys, strings, numbers, true/false/null.
class JsonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument *document);
    void setColours(const HighlightColours &colours);

protected:
    void highlightBlock(const QString &text) override;

private:
    HighlightColours m_colours;
};

// YAML as OpenAPI writes it: keys, scalars, comments, list dashes.
class YamlHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit YamlHighlighter(QTextDocument *document);
    void setColours(const HighlightColours &colours);

protected:
    void highlightBlock(const QString &text) override;

private:
    HighlightColours m_colours;
};

// A URL template: {parameters} stand out, the query part is dimmed, the error position is underlined.
class UrlTemplateHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit UrlTemplateHighlighter(QTextDocument *document);
    void setColours(const HighlightColours &colours);
    void setErrorPosition(int position);

protected:
    void highlightBlock(const QString &text) override;

private:
    HighlightColours m_colours;
    int m_errorPosition = -1;
};

// A one-line plain text editor (for highlighting a single value): no wrapping, no scroll bars, the height of a
// line edit; Return and Tab move on instead of inserting.
class LineTextEdit : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit LineTextEdit(QWidget *parent = nullptr);
    QString text() const { return toPlainText(); }
    void setText(const QString &text);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void editingFinished();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void insertFromMimeData(const QMimeData *source) override;
};

// A code editor for JSON or YAML: fixed-width font, tab width of two spaces.
QPlainTextEdit *makeCodeEditor(const QString &objectName, QWidget *parent = nullptr);

} // namespace gh::apis
