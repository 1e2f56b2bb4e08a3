#pragma once

#include <QObject>
#include <QString>

class QApplication;

namespace gh::shell {

// Light, dark and the system's choice. "System" follows the platform palette
// read when the application started.
class Theme : public QObject {
    Q_OBJECT
public:
    enum class Mode { System, Light, Dark };
    Q_ENUM(Mode)

    explicit Theme(QApplication &app, QObject *parent = nullptr);

    Mode mode() const { return m_mode; }
    bool isDark() const; // what is shown now
    void setMode(Mode mode);

    static QString toString(Mode mode);
    static Mode fromString(const QString &text);

signals:
    void modeChanged(gh::shell::Theme::Mode mode);

private:
    void apply();

    QApplication &m_app;
    Mode m_mode = Mode::System;
    bool m_systemIsDark = false;
};

} // namespace gh::shell
