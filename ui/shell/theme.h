#pragma once

#include <QObject>
#include <QString>

class QApplication;

namespace gh::shell {

// Light, dark, high contrast and the system's choice. "System" follows what the
// desktop asked for when the application started (see detectSystemMode()).
class Theme : public QObject {
    Q_OBJECT
public:
    enum class Mode { System, Light, Dark, HighContrast };
    Q_ENUM(Mode)

    explicit Theme(QApplication &app, QObject *parent = nullptr);

    Mode mode() const { return m_mode; }
    bool isDark() const; // what is shown now (high contrast is dark)
    bool isHighContrast() const;
    Mode effectiveMode() const; // Light, Dark or HighContrast
    void setMode(Mode mode);

    static QString toString(Mode mode);
    static Mode fromString(const QString &text);
    // What the desktop prefers, from the platform palette, GTK_THEME, the GTK 3 settings file and KDE's colour
    // scheme (Qt 6.4 has no QStyleHints::colorScheme): Light, Dark or HighContrast.
    static Mode detectSystemMode();

signals:
    void modeChanged(gh::shell::Theme::Mode mode);

private:
    void apply();

    QApplication &m_app;
    Mode m_mode = Mode::System;
    Mode m_system = Mode::Light;
};

} // namespace gh::shell
