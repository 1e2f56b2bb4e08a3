#pragma once

#include <QFrame>

#include <functional>

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace gh::shell {

// A bar above the editors that tells something and offers a few answers
// ("Files changed on disk — Reload / Keep mine"), instead of a modal dialog.
class InfoBar : public QFrame {
    Q_OBJECT
public:
    explicit InfoBar(QWidget *parent = nullptr);

    // Replaces the message and buttons and shows the bar. Each button hides the bar, then runs its action.
    void show(const QString &message, const QList<std::pair<QString, std::function<void()>>> &buttons);
    QString message() const;
    QPushButton *button(const QString &objectName) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void tint();

    QLabel *m_label;
    QHBoxLayout *m_buttons;
};

} // namespace gh::shell
