#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace gh::console {

// The search bar under a text view, as in Kate and Qt Creator: Ctrl+F opens it on the view, Enter / Shift+Enter
// (or F3 / Shift+F3) find the next / previous match, every match is highlighted and counted, Esc closes it.
class FindBar : public QWidget {
    Q_OBJECT
public:
    // Attaches to `view`: Ctrl+F in it opens the bar. `objectPrefix` names the bar's controls ("responseFind").
    FindBar(QPlainTextEdit *view, const QString &objectPrefix, QWidget *parent = nullptr);

    QLineEdit *field() const { return m_field; }
    int matchCount() const { return m_matches; }
    // The number of the current match, from 1; 0 when the cursor is on none.
    int currentMatch() const { return m_current; }

public slots:
    void open();
    void close();
    void findNext();
    void findPrevious();
    // Highlights the matches again (after the view's text changed).
    void refresh();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void find(bool backward);
    void highlight();
    void updateCount();

    QPlainTextEdit *m_view;
    QLineEdit *m_field = nullptr;
    QLabel *m_count = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    int m_matches = 0;
    int m_current = 0;
};

} // namespace gh::console
