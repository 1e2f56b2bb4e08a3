#include "find_bar.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPlainTextEdit>
#include <QStyle>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>

namespace gh::console {

FindBar::FindBar(QPlainTextEdit *view, const QString &objectPrefix, QWidget *parent) : QWidget(parent), m_view(view)
{
    setObjectName(objectPrefix + QStringLiteral("Bar"));
    m_field = new QLineEdit;
    m_field->setObjectName(objectPrefix + QStringLiteral("Field"));
    m_field->setAccessibleName(tr("Find"));
    m_field->setPlaceholderText(tr("Find"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    auto *label = new QLabel(tr("Find:"));
    label->setBuddy(m_field);

    const auto button = [this, &objectPrefix](const QString &name, const QString &text, const QString &tip,
                                              QStyle::StandardPixmap icon) {
        auto *b = new QToolButton;
        b->setObjectName(objectPrefix + name);
        b->setAccessibleName(text);
        b->setToolTip(tip);
        b->setIcon(style()->standardIcon(icon));
        b->setAutoRaise(true);
        return b;
    };
    m_previous = button(QStringLiteral("Previous"), tr("Find previous"), tr("Find previous (Shift+Enter, Shift+F3)"),
                        QStyle::SP_ArrowUp);
    m_next = button(QStringLiteral("Next"), tr("Find next"), tr("Find next (Enter, F3)"), QStyle::SP_ArrowDown);
    auto *closeButton =
        button(QStringLiteral("Close"), tr("Close the search bar"), tr("Close (Esc)"), QStyle::SP_TitleBarCloseButton);
    m_count = new QLabel;
    m_count->setObjectName(objectPrefix + QStringLiteral("Count"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(closeButton, &QToolButton::clicked, this, &FindBar::close);
    connect(m_field, &QLineEdit::textChanged, this, [this] {
        // Search as you type, from the start of the current match so it grows in place.
        QTextCursor cursor = m_view->textCursor();
        cursor.setPosition(cursor.selectionStart());
        m_view->setTextCursor(cursor);
        find(false);
    });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_count);
    layout->addStretch(0);
    layout->addWidget(closeButton);
    hide();

    auto *openAction = new QAction(tr("Find…"), view);
    openAction->setObjectName(objectPrefix + QStringLiteral("Action"));
    openAction->setShortcut(QKeySequence::Find);
    openAction->setShortcutContext(Qt::WidgetShortcut);
    connect(openAction, &QAction::triggered, this, &FindBar::open);
    view->addAction(openAction);
    auto *nextAction = new QAction(tr("Find Next"), view);
    nextAction->setShortcut(QKeySequence::FindNext);
    nextAction->setShortcutContext(Qt::WidgetShortcut);
    connect(nextAction, &QAction::triggered, this, &FindBar::findNext);
    view->addAction(nextAction);
    auto *previousAction = new QAction(tr("Find Previous"), view);
    previousAction->setShortcut(QKeySequence::FindPrevious);
    previousAction->setShortcutContext(Qt::WidgetShortcut);
    connect(previousAction, &QAction::triggered, this, &FindBar::findPrevious);
    view->addAction(previousAction);
    connect(view, &QPlainTextEdit::textChanged, this, &FindBar::refresh);
}

void FindBar::open()
{
    // The selected word, as in every editor, when there is one on a single line.
    const QString selected = m_view->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_field->setText(selected);
    show();
    m_field->setFocus();
    m_field->selectAll();
    highlight();
}

void FindBar::close()
{
    hide();
    m_view->setExtraSelections({});
    m_view->setFocus();
}

void FindBar::findNext()
{
    find(false);
}

void FindBar::findPrevious()
{
    find(true);
}

void FindBar::refresh()
{
    if (isVisible())
        highlight();
}

void FindBar::find(bool backward)
{
    const QString text = m_field->text();
    if (text.isEmpty()) {
        highlight();
        return;
    }
    const QTextDocument::FindFlags flags = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    QTextCursor found = m_view->document()->find(text, m_view->textCursor(), flags);
    if (found.isNull()) {
        // Around the end, as editors do.
        QTextCursor start(m_view->document());
        if (backward)
            start.movePosition(QTextCursor::End);
        found = m_view->document()->find(text, start, flags);
    }
    if (!found.isNull())
        m_view->setTextCursor(found);
    highlight();
}

void FindBar::highlight()
{
    QList<QTextEdit::ExtraSelection> selections;
    m_matches = 0;
    m_current = 0;
    const QString text = m_field->text();
    if (!text.isEmpty()) {
        const bool dark = palette().color(QPalette::Base).lightness() < 128;
        QTextCharFormat format;
        format.setBackground(dark ? QColor(0x6b, 0x5a, 0x1a) : QColor(0xff, 0xe9, 0x8a));
        const QTextCursor current = m_view->textCursor();
        QTextCursor cursor(m_view->document());
        while (true) {
            cursor = m_view->document()->find(text, cursor);
            if (cursor.isNull())
                break;
            ++m_matches;
            if (cursor.selectionStart() == current.selectionStart() && cursor.selectionEnd() == current.selectionEnd())
                m_current = m_matches;
            // The first thousand are enough to see; counting goes on.
            if (m_matches <= 1000)
                selections.append({cursor, format});
        }
    }
    m_view->setExtraSelections(selections);
    updateCount();
}

void FindBar::updateCount()
{
    const bool none = !m_field->text().isEmpty() && m_matches == 0;
    if (m_field->text().isEmpty())
        m_count->clear();
    else if (none)
        m_count->setText(tr("No matches"));
    else if (m_current > 0)
        m_count->setText(tr("%1 of %2").arg(m_current).arg(m_matches));
    else
        m_count->setText(m_matches == 1 ? tr("1 match") : tr("%1 matches").arg(m_matches));
    m_previous->setEnabled(m_matches > 0);
    m_next->setEnabled(m_matches > 0);
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field) {
        // Esc closes the bar before any Esc shortcut of the window (the console's Cancel) sees it.
        if (event->type() == QEvent::ShortcutOverride) {
            auto *key = static_cast<QKeyEvent *>(event);
            if (key->key() == Qt::Key_Escape) {
                event->accept();
                return true;
            }
        }
        if (event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            if (key->key() == Qt::Key_Escape) {
                close();
                return true;
            }
            if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
                find(key->modifiers() & Qt::ShiftModifier);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace gh::console
