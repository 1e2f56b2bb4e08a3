#include "chart_panel.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QLineSeries>
#include <QMenu>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>
#include <limits>

namespace gh::analytics {

namespace {

// A value axis that ends on a round number above the highest value.
double niceCeiling(double value)
{
    if (!(value > 0))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (value <= step * magnitude)
            return step * magnitude;
    }
    return 10 * magnitude;
}

QString formatValue(double value, const QString &unit)
{
    if (std::isnan(value))
        return QStringLiteral("–");
    const int decimals = std::abs(value) >= 100 ? 0 : std::abs(value) >= 10 ? 1 : 2;
    return QLocale().toString(value, 'f', decimals) + unit;
}

} // namespace

ChartPanel::ChartPanel(const QString &title, const QString &unit, bool stacked, QWidget *parent)
    : QWidget(parent), m_title(title), m_unit(unit), m_stacked(stacked), m_chart(new QChart),
      m_timeAxis(new QDateTimeAxis), m_valueAxis(new QValueAxis)
{
    m_chart->setTitle(title);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    m_timeAxis->setTickCount(6);
    m_valueAxis->setLabelFormat(QStringLiteral("%g"));
    m_valueAxis->setRange(0, 1);
    m_valueAxis->setTickCount(5);

    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAccessibleName(title);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ChartPanel::contextMenu);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    applyPalette();
}

ChartPanel::~ChartPanel()
{
    if (m_stacked) {
        m_chart->removeAllSeries();
        qDeleteAll(m_drawn);
    }
}

void ChartPanel::setData(std::vector<qint64> times, std::vector<Series> series, const QString &timeFormat)
{
    bool sameSeries = series.size() == m_series.size();
    for (std::size_t i = 0; sameSeries && i < series.size(); ++i)
        sameSeries = series[i].name == m_series[i].name;
    m_times = std::move(times);
    m_series = std::move(series);
    if (!sameSeries)
        rebuildSeries();

    double highest = 0;
    std::vector<double> below(m_times.size(), 0.0); // the stack so far
    for (std::size_t s = 0; s < m_series.size(); ++s) {
        QList<QPointF> points;
        points.reserve(static_cast<qsizetype>(m_times.size()));
        const auto &values = m_series[s].values;
        for (std::size_t i = 0; i < m_times.size() && i < values.size(); ++i) {
            double value = values[i];
            if (m_stacked) {
                below[i] += std::isnan(value) ? 0 : value;
                value = below[i];
            } else if (std::isnan(value)) {
                continue;
            }
            points.append(QPointF(static_cast<double>(m_times[i]), value));
            highest = std::max(highest, value);
        }
        m_drawn[s]->replace(points);
    }
    if (!m_times.empty()) {
        m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(m_times.front()),
                             QDateTime::fromMSecsSinceEpoch(m_times.back()));
    }
    m_timeAxis->setFormat(timeFormat);
    m_valueAxis->setRange(0, niceCeiling(highest));
}

void ChartPanel::rebuildSeries()
{
    m_chart->removeAllSeries(); // deletes what the chart holds: the areas, or the lines when not stacked
    if (m_stacked)
        qDeleteAll(m_drawn); // an area does not own its lines
    m_drawn.clear();
    QLineSeries *lower = nullptr;
    for (const Series &series : m_series) {
        auto *line = new QLineSeries;
        line->setName(series.name);
        QPen pen(series.color, 2, series.style);
        line->setPen(pen);
        m_drawn.push_back(line);
        QAbstractSeries *shown = line;
        if (m_stacked) {
            // The area between this series' stack line and the previous one's; the previous line stays shared.
            auto *area = new QAreaSeries(line, lower);
            area->setName(series.name);
            QColor fill = series.color;
            fill.setAlpha(170);
            area->setBrush(fill);
            area->setPen(QPen(series.color, 1));
            connect(area, &QAreaSeries::hovered, this, &ChartPanel::showHover);
            shown = area;
            lower = line;
        } else {
            connect(line, &QLineSeries::hovered, this, &ChartPanel::showHover);
        }
        m_chart->addSeries(shown);
        shown->attachAxis(m_timeAxis);
        shown->attachAxis(m_valueAxis);
    }
}

int ChartPanel::pointCount(const QString &name) const
{
    for (std::size_t i = 0; i < m_series.size(); ++i) {
        if (m_series[i].name == name)
            return static_cast<int>(m_drawn[i]->count());
    }
    return -1;
}

double ChartPanel::lastValue(const QString &name) const
{
    for (const Series &series : m_series) {
        if (series.name != name)
            continue;
        for (auto it = series.values.rbegin(); it != series.values.rend(); ++it) {
            if (!std::isnan(*it))
                return *it;
        }
    }
    return std::numeric_limits<double>::quiet_NaN();
}

double ChartPanel::total(const QString &name) const
{
    double sum = 0;
    for (const Series &series : m_series) {
        if (series.name == name)
            for (const double value : series.values)
                sum += std::isnan(value) ? 0 : value;
    }
    return sum;
}

QString ChartPanel::describe(qint64 msecsSinceEpoch) const
{
    if (m_times.empty())
        return {};
    const auto after = std::lower_bound(m_times.begin(), m_times.end(), msecsSinceEpoch);
    auto nearest = after == m_times.end() ? std::prev(after) : after;
    if (after != m_times.begin() && after != m_times.end() &&
        msecsSinceEpoch - *std::prev(after) < *after - msecsSinceEpoch)
        nearest = std::prev(after);
    const auto index = static_cast<std::size_t>(nearest - m_times.begin());
    QString text = QStringLiteral("<b>%1</b>")
                       .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(*nearest), QStringLiteral("HH:mm:ss")));
    for (const Series &series : m_series) {
        const double value = index < series.values.size() ? series.values[index] : std::nan("");
        text += QStringLiteral("<br><span style='color:%1'>■</span> %2: %3")
                    .arg(series.color.name(), series.name.toHtmlEscaped(), formatValue(value, m_unit));
    }
    return text;
}

void ChartPanel::showHover(const QPointF &point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(), describe(static_cast<qint64>(point.x())), m_view);
}

bool ChartPanel::savePng(const QString &file) const
{
    return m_view->grab().save(file, "PNG");
}

void ChartPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void ChartPanel::applyPalette()
{
    const QPalette palette = this->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    m_chart->setBackgroundBrush(palette.color(QPalette::Base));
    m_chart->setTitleBrush(palette.color(QPalette::Text));
    m_chart->legend()->setLabelColor(palette.color(QPalette::Text));
    const QColor grid = dark ? QColor(255, 255, 255, 40) : QColor(0, 0, 0, 30);
    for (auto *axis : std::initializer_list<QAbstractAxis *>{m_timeAxis, m_valueAxis}) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
}

void ChartPanel::contextMenu(const QPoint &position)
{
    QMenu menu(this);
    QAction *save = menu.addAction(tr("Save Chart as PNG…"));
    if (menu.exec(m_view->mapToGlobal(position)) != save)
        return;
    const QString file = QFileDialog::getSaveFileName(this, tr("Save Chart"), m_title + QStringLiteral(".png"),
                                                      tr("PNG images (*.png)"));
    if (!file.isEmpty())
        savePng(file);
}

} // namespace gh::analytics
