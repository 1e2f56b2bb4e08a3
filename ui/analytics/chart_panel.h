#pragma once

#include <QColor>
#include <QString>
#include <QWidget>

#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QDateTimeAxis;
class QValueAxis;
class QXYSeries;
class QLabel;
QT_END_NAMESPACE

namespace gh::analytics {

// One dashboard chart: a time axis, a value axis and named series, as lines or stacked areas. Hovering shows the
// exact values of every series at the nearest time; the context menu saves the chart as PNG.
class ChartPanel : public QWidget {
    Q_OBJECT
public:
    struct Series {
        QString name;
        QColor color;
        std::vector<double> values; // one per time; NaN: no value there (the line skips it)
        Qt::PenStyle style = Qt::SolidLine;
    };

    // `unit` follows values in the hover text ("/s", " ms", " %").
    ChartPanel(const QString &title, const QString &unit, bool stacked, QWidget *parent = nullptr);
    ~ChartPanel() override;

    // Replaces what the chart shows. `times` are milliseconds since the epoch, ascending; `timeFormat` is the axis'
    // label format ("HH:mm:ss").
    void setData(std::vector<qint64> times, std::vector<Series> series, const QString &timeFormat);
    // The points the series `name` draws now (for tests), or -1 when there is no such series.
    int pointCount(const QString &name) const;
    double lastValue(const QString &name) const; // NaN when none
    double total(const QString &name) const;     // the sum of its values (0 when none)
    // The hover text for the time nearest `msecsSinceEpoch`.
    QString describe(qint64 msecsSinceEpoch) const;

    bool savePng(const QString &file) const;
    QChart *chart() const { return m_chart; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette(); // the chart's colours follow the widget palette (light, dark, high contrast)
    void rebuildSeries();
    void showHover(const QPointF &point, bool state);
    void contextMenu(const QPoint &position);

    QString m_title;
    QString m_unit;
    bool m_stacked;
    QChart *m_chart;
    QChartView *m_view;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    std::vector<qint64> m_times;
    std::vector<Series> m_series;
    std::vector<QXYSeries *> m_drawn; // one per series (the upper line of an area when stacked)
};

} // namespace gh::analytics
