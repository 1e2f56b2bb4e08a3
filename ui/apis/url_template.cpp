#include "url_template.h"

#include <QCoreApplication>

namespace gh::apis {

namespace {

// The context lupdate gives tr() calls outside a class: the enclosing namespace.
QString tr(const char *text)
{
    return QCoreApplication::translate("gh::apis", text);
}

bool isNameStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('.');
}

} // namespace

QString templatePath(const QString &text)
{
    const qsizetype query = text.indexOf(QLatin1Char('?'));
    return query < 0 ? text : text.left(query);
}

UrlTemplateCheck checkUrlTemplate(const QString &text)
{
    UrlTemplateCheck check;
    auto fail = [&](int position, const QString &message) {
        if (check.error.isEmpty()) {
            check.error = message;
            check.errorPosition = position;
        }
    };
    if (text.isEmpty()) {
        fail(0, tr("The URL template is empty: write at least \"/\"."));
        return check;
    }
    if (!text.startsWith(QLatin1Char('/')))
        fail(0, tr("The URL template starts with \"/\"."));
    const QString path = templatePath(text);
    int open = -1;
    for (int i = 0; i < path.size(); ++i) {
        const QChar c = path.at(i);
        if (c == QLatin1Char('{')) {
            if (open >= 0) {
                fail(i, tr("\"{\" inside a parameter: close the one at column %1 first.").arg(open + 1));
                return check;
            }
            open = i;
        } else if (c == QLatin1Char('}')) {
            if (open < 0) {
                fail(i, tr("\"}\" without a matching \"{\"."));
                return check;
            }
            const QString name = path.mid(open + 1, i - open - 1);
            if (name.isEmpty()) {
                fail(open, tr("Empty parameter \"{}\": give it a name."));
            } else if (!isNameStart(name.front()) || !std::all_of(name.begin(), name.end(), isNameChar)) {
                fail(open + 1, tr("\"%1\" is not a valid parameter name: use letters, digits, \"_\", \"-\" and \".\", "
                                  "starting with a letter.")
                                   .arg(name));
            } else if (check.parameters.contains(name)) {
                fail(open + 1, tr("The parameter \"%1\" appears twice.").arg(name));
            } else {
                check.parameters.append(name);
            }
            open = -1;
        } else if (open < 0 && (c.isSpace() || c == QLatin1Char('#'))) {
            fail(i, tr("\"%1\" is not allowed in a URL template.").arg(c.isSpace() ? tr("a space") : QString(c)));
        }
    }
    if (open >= 0)
        fail(open, tr("\"{\" is never closed."));
    return check;
}

} // namespace gh::apis
