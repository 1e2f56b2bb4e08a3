#pragma once

#include <QAbstractListModel>
#include <QFrame>
#include <QPointer>

class QAction;
class QLineEdit;
class QListView;
class QMenuBar;

namespace gh::shell {

// Every action reachable from a menu bar, with its menu path ("File › Save"),
// filtered by what the user typed: a substring of the path ranks first, then a
// fuzzy match (the typed letters in order). Rebuilt each time the palette opens,
// so actions enabled or disabled since are shown as they are.
class CommandListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { ShortcutRole = Qt::UserRole + 1, PathRole };

    explicit CommandListModel(QObject *parent = nullptr);

    void collect(const QMenuBar &menuBar);
    void setFilter(const QString &text);
    QAction *action(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // The score of `text` against `candidate`: negative when it does not match; higher is better.
    static int score(const QString &candidate, const QString &text);

private:
    struct Entry {
        QPointer<QAction> action;
        QString path;
    };
    QVector<Entry> m_all;
    QVector<int> m_shown; // indexes into m_all, best first
};

// The command palette: a filter field over every action of the window. Enter
// runs the selected action, Esc closes, the arrow keys move.
class CommandPalette : public QFrame {
    Q_OBJECT
public:
    explicit CommandPalette(QWidget *window);

    void open(const QMenuBar &menuBar);
    CommandListModel *model() const { return m_model; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void runCurrent();
    void selectRow(int row);
    // Makes the popup as tall as its rows need, up to a cap below which the list scrolls.
    void fitToContent();

    CommandListModel *m_model;
    QLineEdit *m_filter;
    QListView *m_list;
};

} // namespace gh::shell
