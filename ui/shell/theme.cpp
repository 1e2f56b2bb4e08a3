#include "theme.h"

#include <QApplication>
#include <QFile>
#include <QPainter>
#include <QPalette>
#include <QProxyStyle>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

namespace gh::shell {

namespace {

// Fusion outlines check boxes with a darker shade of the window colour, which vanishes on a dark base (an
// unchecked box in a list could not be seen): on dark palettes the box gets an outline in the disabled-text grey.
class ContrastStyle : public QProxyStyle {
public:
    using QProxyStyle::QProxyStyle;
    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        if (element != PE_IndicatorCheckBox || option->palette.base().color().lightness() >= 128)
            return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(option->palette.color(QPalette::Disabled, QPalette::Text));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(option->rect.adjusted(0, 0, -1, -1));
        painter->restore();
    }
};

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xdf, 0xe1, 0xe5);
    const QColor disabled(0x7a, 0x7e, 0x85);
    const QColor accent(0x35, 0x74, 0xf0);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x54, 0x8a, 0xf7));
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, window.lighter(130));
    p.setColor(QPalette::Midlight, window.lighter(115));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Base, window); // a disabled field sinks into the window
    return p;
}

// Black and white with yellow for selection and links: the contrast of the desktops' high-contrast themes.
QPalette highContrastPalette()
{
    QPalette p;
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    const QColor yellow(0xff, 0xeb, 0x3b);
    for (auto role :
         {QPalette::Window, QPalette::Base, QPalette::AlternateBase, QPalette::Button, QPalette::ToolTipBase})
        p.setColor(role, black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText,
                      QPalette::BrightText, QPalette::Light, QPalette::Midlight})
        p.setColor(role, white);
    p.setColor(QPalette::AlternateBase, QColor(0x1a, 0x1a, 0x1a));
    p.setColor(QPalette::PlaceholderText, QColor(0xc0, 0xc0, 0xc0));
    p.setColor(QPalette::Link, yellow);
    p.setColor(QPalette::LinkVisited, yellow);
    p.setColor(QPalette::Highlight, yellow);
    p.setColor(QPalette::HighlightedText, black);
    p.setColor(QPalette::Mid, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Dark, white);
    p.setColor(QPalette::Shadow, white);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x9e, 0x9e, 0x9e));
    return p;
}

// The value of `key` in an INI-like file, or empty.
QString iniValue(const QString &path, const QString &key)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.startsWith(key) && line.mid(key.size()).trimmed().startsWith(QLatin1Char('=')))
            return line.mid(line.indexOf(QLatin1Char('=')) + 1).trimmed();
    }
    return {};
}

bool looksDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

} // namespace

Theme::Theme(QApplication &app, QObject *parent) : QObject(parent), m_app(app)
{
    m_system = detectSystemMode();
    // Fusion draws the same on every platform and honours palettes fully.
    m_app.setStyle(new ContrastStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
    apply();
}

Theme::Mode Theme::detectSystemMode()
{
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    const QString gtkTheme = qEnvironmentVariable("GTK_THEME");
    const QString gtkSettings = config + QStringLiteral("/gtk-3.0/settings.ini");
    const QString gtkThemeName = iniValue(gtkSettings, QStringLiteral("gtk-theme-name"));
    const QString kdeScheme = iniValue(config + QStringLiteral("/kdeglobals"), QStringLiteral("ColorScheme"));
    for (const QString &name : {gtkTheme, gtkThemeName, kdeScheme})
        if (name.contains(QLatin1String("HighContrast"), Qt::CaseInsensitive))
            return Mode::HighContrast;
    const bool dark =
        looksDark(QApplication::palette()) || gtkTheme.endsWith(QLatin1String(":dark")) ||
        gtkThemeName.contains(QLatin1String("dark"), Qt::CaseInsensitive) ||
        iniValue(gtkSettings, QStringLiteral("gtk-application-prefer-dark-theme")) == QLatin1String("1") ||
        kdeScheme.contains(QLatin1String("dark"), Qt::CaseInsensitive);
    return dark ? Mode::Dark : Mode::Light;
}

Theme::Mode Theme::effectiveMode() const
{
    return m_mode == Mode::System ? m_system : m_mode;
}

bool Theme::isDark() const
{
    return effectiveMode() != Mode::Light;
}

bool Theme::isHighContrast() const
{
    return effectiveMode() == Mode::HighContrast;
}

void Theme::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    apply();
    emit modeChanged(mode);
}

void Theme::apply()
{
    switch (effectiveMode()) {
    case Mode::Dark:
        m_app.setPalette(darkPalette());
        break;
    case Mode::HighContrast:
        m_app.setPalette(highContrastPalette());
        break;
    default:
        m_app.setPalette(m_app.style()->standardPalette());
        break;
    }
}

QString Theme::toString(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::Dark:
        return QStringLiteral("dark");
    case Mode::HighContrast:
        return QStringLiteral("high-contrast");
    case Mode::System:
        break;
    }
    return QStringLiteral("system");
}

Theme::Mode Theme::fromString(const QString &text)
{
    if (text == QLatin1String("light"))
        return Mode::Light;
    if (text == QLatin1String("dark"))
        return Mode::Dark;
    if (text == QLatin1String("high-contrast"))
        return Mode::HighContrast;
    return Mode::System;
}

} // namespace gh::shell
