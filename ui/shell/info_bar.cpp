#include "info_bar.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace gh::shell {

InfoBar::InfoBar(QWidget *parent) : QFrame(parent), m_label(new QLabel), m_buttons(new QHBoxLayout)
{
    setObjectName(QStringLiteral("infoBar"));
    setAccessibleName(tr("Notification"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    tint();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 8, 6);
    m_label->setObjectName(QStringLiteral("infoBarMessage"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    layout->addWidget(m_label, 1);
    layout->addLayout(m_buttons);
    hide();
}

void InfoBar::show(const QString &message, const QList<std::pair<QString, std::function<void()>>> &buttons)
{
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    tint(); // the theme may have changed since the bar was made
    m_label->setText(message);
    setAccessibleDescription(message);
    QPushButton *first = nullptr;
    for (const auto &[text, action] : buttons) {
        auto *button = new QPushButton(text);
        // "&Reload" -> "infoBarReload": stable names for tests and accessibility tools.
        button->setObjectName(QStringLiteral("infoBar") + QString(text).remove(QLatin1Char('&')).remove(' '));
        button->setAccessibleName(QString(text).remove(QLatin1Char('&')));
        connect(button, &QPushButton::clicked, this, [this, action = action] {
            hide();
            if (action)
                action();
        });
        m_buttons->addWidget(button);
        if (!first)
            first = button;
    }
    if (first)
        first->setDefault(true);
    QFrame::show();
}

void InfoBar::tint()
{
    // A wash of the accent colour over the window's: stands out in light, dark and high contrast alike.
    const QPalette app = QApplication::palette();
    const QColor window = app.color(QPalette::Window);
    const QColor accent = app.color(QPalette::Highlight);
    const qreal share = 0.18;
    QPalette palette = app;
    palette.setColor(QPalette::Window, QColor::fromRgbF(window.redF() * (1 - share) + accent.redF() * share,
                                                        window.greenF() * (1 - share) + accent.greenF() * share,
                                                        window.blueF() * (1 - share) + accent.blueF() * share));
    setPalette(palette);
}

void InfoBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ApplicationPaletteChange)
        tint();
    QFrame::changeEvent(event);
}

QString InfoBar::message() const
{
    return m_label->text();
}

QPushButton *InfoBar::button(const QString &objectName) const
{
    return findChild<QPushButton *>(objectName);
}

} // namespace gh::shell
