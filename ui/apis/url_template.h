#pragma once

#include <QString>
#include <QStringList>

namespace gh::apis {

// An operation's URL template as APIM reads it: "/sessions/{id}/feedback?lang={lang}". Parameter names start with a
// letter or underscore and go on with letters, digits, '_', '-' and '.'.
struct UrlTemplateCheck {
    QStringList parameters; // the {names}, in order, each once
    QString error;          // empty when the template is valid
    int errorPosition = -1; // character index the error points at
};

UrlTemplateCheck checkUrlTemplate(const QString &text);

// The template part before '?', where template parameters live; query parameters written in the template after
// '?' are query parameters for APIM.
QString templatePath(const QString &text);

} // namespace gh::apis
