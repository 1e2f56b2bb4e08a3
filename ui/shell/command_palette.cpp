#include "command_palette.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include <algorithm>

namespace gh::shell {

namespace {

QString plainText(QString text)
{
    // "&Save" -> "Save", "&&" stays one ampersand; the ellipsis of "Open…" says nothing here.
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    text.remove(QChar(0x2026));
    return text.trimmed();
}

void collectMenu(const QMenu &menu, const QString &prefix, QVector<std::pair<QAction *, QString>> &out)
{
    for (QAction *action : menu.actions()) {
        if (action->isSeparator())
            continue;
        const QString path = prefix + QStringLiteral(" › ") + plainText(action->text());
        if (QMenu *sub = action->menu())
            collectMenu(*sub, path, out);
        else
            out.push_back({action, path});
    }
}

// Draws the menu path on the left and the shortcut, dimmed, on the right.
class CommandDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString shortcut = index.data(CommandListModel::ShortcutRole).toString();
        opt.text.clear();
        QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const QRect area = opt.rect.adjusted(8, 0, -8, 0);
        const bool selected = opt.state & QStyle::State_Selected;
        const QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
        painter->save();
        painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
        const int shortcutWidth = shortcut.isEmpty() ? 0 : opt.fontMetrics.horizontalAdvance(shortcut) + 16;
        painter->drawText(
            area.adjusted(0, 0, -shortcutWidth, 0), Qt::AlignVCenter | Qt::AlignLeft,
            opt.fontMetrics.elidedText(index.data().toString(), Qt::ElideMiddle, area.width() - shortcutWidth));
        if (!shortcut.isEmpty()) {
            QColor dim = painter->pen().color();
            if (!selected)
                dim.setAlphaF(0.7f);
            painter->setPen(dim);
            painter->drawText(area, Qt::AlignVCenter | Qt::AlignRight, shortcut);
        }
        painter->restore();
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(std::max(size.height(), option.fontMetrics.height() + 10));
        return size;
    }
};

} // namespace

CommandListModel::CommandListModel(QObject *parent) : QAbstractListModel(parent)
{
}

void CommandListModel::collect(const QMenuBar &menuBar)
{
    QVector<std::pair<QAction *, QString>> found;
    for (QAction *top : menuBar.actions())
        if (QMenu *menu = top->menu())
            collectMenu(*menu, plainText(top->text()), found);
    beginResetModel();
    m_all.clear();
    for (const auto &[action, path] : found)
        m_all.push_back({action, path});
    m_shown.clear();
    for (int i = 0; i < m_all.size(); ++i)
        m_shown.push_back(i);
    endResetModel();
}

int CommandListModel::score(const QString &candidate, const QString &text)
{
    const QString needle = text.simplified();
    if (needle.isEmpty())
        return 0;
    const int at = candidate.indexOf(needle, 0, Qt::CaseInsensitive);
    if (at >= 0) {
        // A match in the action's own name (after the last separator) beats one in its menu's name.
        const int leaf = candidate.lastIndexOf(QStringLiteral(" › "));
        return 1000 + (at > leaf ? 500 : 0) - at;
    }
    // Fuzzy: every typed character in order, spaces ignored; fewer gaps score higher.
    int position = 0;
    int gaps = 0;
    for (const QChar c : needle) {
        if (c.isSpace())
            continue;
        const int found = candidate.indexOf(c, position, Qt::CaseInsensitive);
        if (found < 0)
            return -1;
        gaps += found - position;
        position = found + 1;
    }
    return std::max(1, 500 - gaps);
}

void CommandListModel::setFilter(const QString &text)
{
    beginResetModel();
    m_shown.clear();
    QVector<std::pair<int, int>> scored; // (score, index)
    for (int i = 0; i < m_all.size(); ++i) {
        if (!m_all[i].action)
            continue;
        const int s = score(m_all[i].path, text);
        if (s >= 0)
            scored.push_back({s, i});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &[s, i] : scored)
        m_shown.push_back(i);
    endResetModel();
}

QAction *CommandListModel::action(int row) const
{
    if (row < 0 || row >= m_shown.size())
        return nullptr;
    return m_all[m_shown[row]].action;
}

int CommandListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_shown.size());
}

QVariant CommandListModel::data(const QModelIndex &index, int role) const
{
    QAction *act = action(index.row());
    if (!act)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case PathRole:
        return m_all[m_shown[index.row()]].path;
    case ShortcutRole:
        return act->shortcut().toString(QKeySequence::NativeText);
    case Qt::ToolTipRole:
        return act->toolTip();
    case Qt::AccessibleTextRole: {
        const QString shortcut = act->shortcut().toString(QKeySequence::NativeText);
        return shortcut.isEmpty() ? m_all[m_shown[index.row()]].path
                                  : m_all[m_shown[index.row()]].path + QStringLiteral(", ") + shortcut;
    }
    default:
        return {};
    }
}

Qt::ItemFlags CommandListModel::flags(const QModelIndex &index) const
{
    // Disabled actions stay listed (so the user learns they exist) but greyed out.
    const QAction *act = action(index.row());
    return act && act->isEnabled() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::ItemIsSelectable;
}

CommandPalette::CommandPalette(QWidget *window)
    : QFrame(window, Qt::Popup), m_model(new CommandListModel(this)), m_filter(new QLineEdit), m_list(new QListView)
{
    setObjectName(QStringLiteral("commandPalette"));
    setAccessibleName(tr("Command palette"));
    setFrameShape(QFrame::Box);
    setForegroundRole(QPalette::Mid); // the frame's colour: a visible edge over the editors in every theme
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(4);

    m_filter->setObjectName(QStringLiteral("commandFilter"));
    m_filter->setAccessibleName(tr("Command filter"));
    m_filter->setPlaceholderText(tr("Type a command: “save”, “theme dark”, “restart”…"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);

    m_list->setObjectName(QStringLiteral("commandList"));
    m_list->setAccessibleName(tr("Commands"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new CommandDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus); // the filter keeps the focus; arrows are forwarded
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_list);

    auto *hint = new QLabel(tr("↑↓ to move, Enter to run, Esc to close"));
    hint->setObjectName(QStringLiteral("commandHint"));
    hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(hint);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setFilter(text);
        selectRow(0);
        if (isVisible())
            fitToContent();
    });
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) {
        selectRow(index.row());
        runCurrent();
    });
    m_filter->installEventFilter(this);
}

void CommandPalette::open(const QMenuBar &menuBar)
{
    m_model->collect(menuBar);
    m_filter->clear();
    m_model->setFilter({});
    selectRow(0);
    QWidget *window = parentWidget();
    const int width = std::min(640, std::max(360, window->width() - 80));
    resize(width, height());
    fitToContent();
    move(window->mapToGlobal(QPoint((window->width() - width) / 2, std::min(80, window->height() / 8))));
    show();
    raise();
    activateWindow();
    m_filter->setFocus(Qt::PopupFocusReason);
}

void CommandPalette::fitToContent()
{
    QWidget *window = parentWidget();
    const int cap = std::min(420, std::max(200, window->height() - 120));
    // The rows are all alike (uniform sizes): one row's height times the rows, never less than one row.
    const int rowHeight = m_model->rowCount() > 0 ? m_list->sizeHintForRow(0) : fontMetrics().height() + 10;
    const int listHeight = rowHeight * std::max(1, m_model->rowCount()) + 2 * m_list->frameWidth();
    const QMargins margins = contentsMargins() + layout()->contentsMargins();
    const int spacing = layout()->spacing();
    const int rest = margins.top() + margins.bottom() + m_filter->sizeHint().height() + spacing +
                     findChild<QLabel *>(QStringLiteral("commandHint"))->sizeHint().height() + spacing;
    const int listCap = std::max(rowHeight, cap - rest);
    // Only whole rows when the list scrolls, so the last one is not cut in half.
    const int shown = listHeight <= listCap
                          ? listHeight
                          : (listCap - 2 * m_list->frameWidth()) / rowHeight * rowHeight + 2 * m_list->frameWidth();
    m_list->setFixedHeight(shown);
    // The layout's minimum size still holds the old list height until it is recalculated; resize() would stop there.
    layout()->activate();
    resize(width(), rest + shown);
}

void CommandPalette::selectRow(int row)
{
    const int count = m_model->rowCount();
    if (count == 0)
        return;
    row = std::clamp(row, 0, count - 1);
    // Land on an action that can run: disabled ones are listed but skipped, in the direction of the move.
    const int step = row >= m_list->currentIndex().row() ? 1 : -1;
    for (int r = row; r >= 0 && r < count; r += step) {
        if (QAction *action = m_model->action(r); action && action->isEnabled()) {
            row = r;
            break;
        }
    }
    m_list->setCurrentIndex(m_model->index(row));
    m_list->scrollTo(m_list->currentIndex());
}

void CommandPalette::runCurrent()
{
    QAction *action = m_model->action(m_list->currentIndex().row());
    if (action && !action->isEnabled())
        return;
    hide();
    if (action)
        action->trigger();
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const int row = m_list->currentIndex().row();
        const int page = std::max(1, m_list->height() / std::max(1, m_list->sizeHintForRow(0)) - 1);
        switch (key->key()) {
        case Qt::Key_Down:
            selectRow(row + 1);
            return true;
        case Qt::Key_Up:
            selectRow(row - 1);
            return true;
        case Qt::Key_PageDown:
            selectRow(row + page);
            return true;
        case Qt::Key_PageUp:
            selectRow(row - page);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            runCurrent();
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace gh::shell
