#include "timeline_delegate.h"

#include "trace_model.h"

#include <QApplication>
#include <QPainter>
#include <QPointF>

namespace gh::console {

void TimelineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The row's own background (selection, failure and difference tints) first, without text.
    QStyleOptionViewItem plain = option;
    initStyleOption(&plain, index);
    plain.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &plain, painter, widget);

    const QVariant value = index.data(TraceModel::TimelineRole);
    if (!value.isValid())
        return;
    const QPointF span = value.toPointF();
    const QRectF track = QRectF(option.rect).adjusted(4, 4, -4, -4);
    if (track.width() <= 0 || track.height() <= 0)
        return;
    const bool section = !index.parent().isValid();
    const bool failed =
        index.siblingAtColumn(TraceModel::StepColumn).data(TraceModel::OutcomeRole).toString() == QLatin1String("fail");
    const bool dark = option.palette.color(QPalette::Base).lightness() < 128;
    QColor colour = failed ? (dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28))
                           : TraceModel::scopeColour(index.siblingAtColumn(TraceModel::ScopeColumn).data().toString());
    if (section)
        colour = option.palette.color(QPalette::PlaceholderText);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // A faint track shows the whole trace's time, so a short bar reads as short.
    QColor trackColour = option.palette.color(QPalette::Text);
    trackColour.setAlphaF(0.08f);
    painter->setPen(Qt::NoPen);
    painter->setBrush(trackColour);
    painter->drawRoundedRect(track, 2, 2);
    const double x = track.left() + std::clamp(span.x(), 0.0, 1.0) * track.width();
    // At least two pixels wide: a step that took no measurable time is still seen where it ran.
    const double width = std::max(2.0, std::min(span.y(), 1.0) * track.width());
    QRectF bar(std::min(x, track.right() - 2.0), track.top(), width, track.height());
    bar.setRight(std::min(bar.right(), track.right()));
    painter->setBrush(colour);
    painter->drawRoundedRect(section ? bar.adjusted(0, track.height() / 3, 0, -track.height() / 3) : bar, 2, 2);
    painter->restore();
}

QSize TimelineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), 160));
    return size;
}

} // namespace gh::console
