#pragma once

#include <QStyledItemDelegate>

namespace gh::console {

// Draws a trace step's time as a bar against the whole trace, like the waterfall of a browser's network panel:
// where the step started (TraceModel::TimelineRole's x) and how long it took (its y), in the step's scope colour,
// red when it failed.
class TimelineDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace gh::console
