#include "analytics_view.h"

#include "chart_panel.h"
#include "history_reader.h"
#include "live_traffic.h"
#include "request_log_view.h"
#include "top_table_model.h"
#include "traffic_simulator_dialog.h"

#include <ui/engine/embedded_gateway.h>
#include <ui/workspace/workspace_document.h>

#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace gh::analytics {

using gw::telemetry::Dimension;
using gw::telemetry::MinuteStats;
using gw::telemetry::RankedStats;
using gw::telemetry::RecordFilter;
using gw::telemetry::TrafficStats;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Category {
    const char *key;
    const char *label;
    QColor color;
};

// The failure categories of gw::telemetry::failureCategoryOf, in the order the chart stacks them.
const std::vector<Category> &categories()
{
    static const std::vector<Category> list = {
        {"unauthorized", QT_TRANSLATE_NOOP("gh::analytics::AnalyticsView", "Unauthorized"), QColor(0xd6, 0x45, 0x45)},
        {"rate-limited", QT_TRANSLATE_NOOP("gh::analytics::AnalyticsView", "Rate limited"), QColor(0xe0, 0x8a, 0x00)},
        {"quota", QT_TRANSLATE_NOOP("gh::analytics::AnalyticsView", "Quota exceeded"), QColor(0xb0, 0x5c, 0xc8)},
        {"not-found", QT_TRANSLATE_NOOP("gh::analytics::AnalyticsView", "Not found"), QColor(0x8a, 0x8f, 0x98)},
        {"backend", QT_TRANSLATE_NOOP("gh::analytics::AnalyticsView", "Backend error"), QColor(0x9b, 0x1c, 0x1c)},
        {"gateway-error", QT_TRANSLATE_NOOP("gh::analytics::AnalyticsView", "Gateway error"), QColor(0xe8, 0x5d, 0x75)},
        {"client-error", QT_TRANSLATE_NOOP("gh::analytics::AnalyticsView", "Other client error"),
         QColor(0xd4, 0xb1, 0x06)},
        {"aborted", QT_TRANSLATE_NOOP("gh::analytics::AnalyticsView", "No response"), QColor(0x5c, 0x6b, 0x7a)},
    };
    return list;
}

qint64 msecsOf(gw::telemetry::RequestRecord::TimePoint time)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

gw::telemetry::RequestRecord::TimePoint timeOf(const QDateTime &time)
{
    return gw::telemetry::RequestRecord::TimePoint(std::chrono::milliseconds(time.toMSecsSinceEpoch()));
}

QComboBox *filterCombo(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setAccessibleName(accessibleName);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    combo->setMinimumContentsLength(8);
    return combo;
}

} // namespace

AnalyticsView::AnalyticsView(workspace::WorkspaceDocument &document, engine::EmbeddedGateway &gateway, QWidget *parent)
    : QWidget(parent), m_document(document), m_gateway(gateway), m_live(new LiveTraffic(gateway, this))
{
    setObjectName(QStringLiteral("analyticsView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bar = new QWidget(this);
    buildToolbar(bar);
    layout->addWidget(bar);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("analyticsTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setCornerWidget(buildActions(), Qt::TopRightCorner);
    m_tabs->addTab(buildDashboard(), tr("&Dashboard"));
    layout->addWidget(m_tabs, 1);
    makeRequestLog();
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentIndex() == 0) // the dashboard
            refresh();
    });

    m_redraw.setSingleShot(true);
    m_redraw.setInterval(250);
    connect(&m_redraw, &QTimer::timeout, this, &AnalyticsView::refresh);
    connect(m_live, &LiveTraffic::updated, this, [this] {
        if (range() == Range::Live && !m_redraw.isActive())
            m_redraw.start();
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (m_paused)
            return;
        // The history gains a batch every quarter second; a chart of an hour needs fewer redraws than live ones.
        if (range() == Range::Live || m_ticks % 5 == 0)
            refresh();
        ++m_ticks;
        if (m_log)
            m_log->refresh();
    });
    m_tick.start();
    connect(&m_document, &workspace::WorkspaceDocument::entityChanged, this, [this] {
        const auto names = [this] {
            RecordFilter names = filter();
            names.from = names.to = std::nullopt; // "now" moves; only the chosen names count here
            return names;
        };
        const RecordFilter before = names();
        fillFilterCombos();
        if (!(names() == before)) // a chosen entity was renamed or deleted
            filtersChanged();
    });
    fillFilterCombos();
    applyTheme();
    refresh();
}

AnalyticsView::~AnalyticsView() = default;

void AnalyticsView::buildToolbar(QWidget *bar)
{
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(8, 6, 8, 6);
    row->setSpacing(6);

    auto *rangeLabel = new QLabel(tr("&Range:"), bar);
    m_range = filterCombo(QStringLiteral("analyticsRange"), tr("Time range"), bar);
    m_range->addItem(tr("Live – last 5 minutes"), int(Range::Live));
    m_range->addItem(tr("Last hour"), int(Range::LastHour));
    m_range->addItem(tr("Last 24 hours"), int(Range::LastDay));
    m_range->addItem(tr("Custom…"), int(Range::Custom));
    rangeLabel->setBuddy(m_range);
    m_from = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(-3600), bar);
    m_to = new QDateTimeEdit(QDateTime::currentDateTime(), bar);
    for (auto *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setVisible(false);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &AnalyticsView::filtersChanged);
    }
    m_from->setObjectName(QStringLiteral("analyticsFrom"));
    m_from->setAccessibleName(tr("From"));
    m_to->setObjectName(QStringLiteral("analyticsTo"));
    m_to->setAccessibleName(tr("To"));
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = range() == Range::Custom;
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        filtersChanged();
    });
    row->addWidget(rangeLabel);
    row->addWidget(m_range);
    row->addWidget(m_from);
    row->addWidget(m_to);
    row->addSpacing(12);

    m_api = filterCombo(QStringLiteral("analyticsApi"), tr("API"), bar);
    m_operation = filterCombo(QStringLiteral("analyticsOperation"), tr("Operation"), bar);
    m_product = filterCombo(QStringLiteral("analyticsProduct"), tr("Product"), bar);
    m_subscription = filterCombo(QStringLiteral("analyticsSubscription"), tr("Subscription"), bar);
    m_status = filterCombo(QStringLiteral("analyticsStatus"), tr("Status class"), bar);
    m_status->addItem(tr("All statuses"), -1);
    for (int statusClass = 1; statusClass <= 5; ++statusClass)
        m_status->addItem(tr("%1xx").arg(statusClass), statusClass);
    m_status->addItem(tr("No response"), 0);
    // A filter bar: each combo says what it filters ("All APIs"), as in log viewers, so no labels take the room.
    auto *filterLabel = new QLabel(tr("&Filter:"), bar);
    filterLabel->setBuddy(m_api);
    row->addWidget(filterLabel);
    // First the operations of the chosen API, so the filter built next never pairs it with another API's operation.
    connect(m_api, &QComboBox::activated, this, &AnalyticsView::fillFilterCombos);
    for (QComboBox *combo : {m_api, m_operation, m_product, m_subscription, m_status}) {
        combo->setToolTip(combo->accessibleName());
        row->addWidget(combo);
        connect(combo, &QComboBox::activated, this, &AnalyticsView::filtersChanged);
    }
    row->addStretch(1);
}

// Beside the Dashboard and Requests tabs: where the numbers come from, drops, and what can be done with them.
QWidget *AnalyticsView::buildActions()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 8, 0);
    row->setSpacing(6);
    m_drops = new QLabel(bar);
    m_drops->setObjectName(QStringLiteral("analyticsDrops"));
    m_drops->setVisible(false);
    row->addWidget(m_drops);
    m_source = new QLabel(bar);
    m_source->setObjectName(QStringLiteral("analyticsSource"));
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_source);

    const auto button = [&](const QString &objectName, const QString &text, const QString &tip) {
        auto *b = new QToolButton(bar);
        b->setObjectName(objectName);
        b->setText(text);
        b->setToolTip(tip);
        b->setAccessibleName(text);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        row->addWidget(b);
        return b;
    };
    m_pause = button(QStringLiteral("analyticsPause"), tr("Pause"),
                     tr("Freeze the charts to look at them; the traffic is still counted"));
    m_pause->setCheckable(true);
    connect(m_pause, &QToolButton::toggled, this, &AnalyticsView::setPaused);
    auto *simulate = button(QStringLiteral("analyticsSimulate"), tr("Simulate Traffic…"),
                            tr("Send load through the embedded gateway at a chosen rate and mix"));
    connect(simulate, &QToolButton::clicked, this, &AnalyticsView::showSimulator);
    auto *history = button(QStringLiteral("analyticsOpenHistory"), tr("Open History…"),
                           tr("Read the analytics history a gateway wrote with --analytics-db"));
    connect(history, &QToolButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Open Analytics History"), QString(),
                                                          tr("Analytics history (*.sqlite *.db);;All files (*)"));
        if (!file.isEmpty())
            openHistory(file);
    });
    auto *png =
        button(QStringLiteral("analyticsExportPng"), tr("Export PNG…"), tr("Save the dashboard as a PNG image"));
    connect(png, &QToolButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getSaveFileName(this, tr("Export Dashboard"), tr("dashboard.png"), tr("PNG images (*.png)"));
        if (!file.isEmpty())
            saveDashboardPng(file);
    });
    return bar;
}

QWidget *AnalyticsView::buildDashboard()
{
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("analyticsDashboard"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_dashboard = new QWidget;
    auto *grid = new QGridLayout(m_dashboard);
    grid->setContentsMargins(8, 8, 8, 8);
    grid->setSpacing(8);
    m_requests = new ChartPanel(tr("Requests per second"), tr("/s"), true, m_dashboard);
    m_latency = new ChartPanel(tr("Latency (ms): total solid, backend dashed"), tr(" ms"), false, m_dashboard);
    m_bandwidth = new ChartPanel(tr("Bandwidth (KB/s)"), tr(" KB/s"), false, m_dashboard);
    m_failures = new ChartPanel(tr("Errors and rejections per second"), tr("/s"), true, m_dashboard);
    m_cache = new ChartPanel(tr("Cache hit ratio (%)"), tr(" %"), false, m_dashboard);
    m_requests->setObjectName(QStringLiteral("requestsChart"));
    m_latency->setObjectName(QStringLiteral("latencyChart"));
    m_bandwidth->setObjectName(QStringLiteral("bandwidthChart"));
    m_failures->setObjectName(QStringLiteral("failuresChart"));
    m_cache->setObjectName(QStringLiteral("cacheChart"));
    grid->addWidget(m_requests, 0, 0);
    grid->addWidget(m_latency, 0, 1);
    grid->addWidget(m_failures, 1, 0);
    grid->addWidget(m_bandwidth, 1, 1);
    grid->addWidget(m_cache, 2, 0);

    auto *tables = new QTabWidget(m_dashboard);
    tables->setObjectName(QStringLiteral("analyticsTopTables"));
    const std::pair<QString, QString> names[] = {{tr("Top APIs"), tr("API")},
                                                 {tr("Operations"), tr("Operation")},
                                                 {tr("Products"), tr("Product")},
                                                 {tr("Subscriptions"), tr("Subscription")}};
    for (const auto &[tab, header] : names) {
        auto *model = new TopTableModel(header, this);
        m_top.push_back(model);
        auto *table = new QTableView(tables);
        table->setObjectName(QStringLiteral("topTable") + QString::number(m_top.size() - 1));
        table->setAccessibleName(tab);
        table->setModel(model);
        table->verticalHeader()->hide();
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setAlternatingRowColors(true);
        table->horizontalHeader()->setSectionResizeMode(TopTableModel::Name, QHeaderView::Stretch);
        for (int column = TopTableModel::Calls; column < TopTableModel::ColumnCount; ++column)
            table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
        table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
        tables->addTab(table, tab);
    }
    tables->setMinimumHeight(220);
    grid->addWidget(tables, 2, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    scroll->setWidget(m_dashboard);
    return scroll;
}

void AnalyticsView::makeRequestLog()
{
    const int current = m_tabs->currentIndex();
    m_reader.reset();     // joins its thread first: no answer is on its way to the old log
    m_historyPending = 0; // nor to this view
    if (m_log) {
        m_tabs->removeTab(m_tabs->indexOf(m_log));
        delete m_log;
    }
    const QString file = m_openedFile.isEmpty() ? m_gateway.analyticsFile() : m_openedFile;
    m_reader = std::make_unique<HistoryReader>(file);
    m_log = new RequestLogView(*m_reader, m_openedFile.isEmpty() ? &m_gateway : nullptr, this);
    m_log->setObjectName(QStringLiteral("requestLog"));
    connect(m_log, &RequestLogView::openInConsole, this, &AnalyticsView::openInConsole);
    m_tabs->addTab(m_log, tr("&Requests"));
    m_tabs->setCurrentIndex(current);
    m_log->setFilter(filter());
    updateStatus();
}

void AnalyticsView::fillFilterCombos()
{
    const auto fill = [](QComboBox *combo, const QString &all, QStringList names) {
        const QString current = combo->currentData().toString();
        names.sort(Qt::CaseInsensitive);
        names.removeDuplicates();
        combo->clear();
        combo->addItem(all, QString());
        for (const QString &name : names)
            combo->addItem(name, name);
        combo->setCurrentIndex(std::max(0, combo->findData(current)));
    };
    const auto &model = m_document.model();
    // A production gateway's history may name what this workspace does not have: its names are offered too.
    QStringList apis = m_historyNames[0], operations = m_historyNames[1], products = m_historyNames[2],
                subscriptions = m_historyNames[3];
    for (const auto &api : model.apis) {
        apis << QString::fromStdString(api.name);
        if (api.name == m_api->currentData().toString().toStdString())
            for (const auto &operation : api.contract.operations)
                operations << QString::fromStdString(operation.name);
    }
    for (const auto &product : model.products)
        products << QString::fromStdString(product.name);
    for (const auto &subscription : model.subscriptions)
        subscriptions << QString::fromStdString(subscription.name);
    fill(m_api, tr("All APIs"), apis);
    fill(m_operation, tr("All operations"), operations);
    m_operation->setEnabled(m_api->currentIndex() > 0);
    fill(m_product, tr("All products"), products);
    fill(m_subscription, tr("All subscriptions"), subscriptions);
}

AnalyticsView::Range AnalyticsView::range() const
{
    return static_cast<Range>(m_range->currentData().toInt());
}

void AnalyticsView::setRange(Range range)
{
    m_range->setCurrentIndex(m_range->findData(int(range)));
}

RecordFilter AnalyticsView::filter() const
{
    RecordFilter filter;
    filter.api = m_api->currentData().toString().toStdString();
    filter.operation = filter.api.empty() ? std::string() : m_operation->currentData().toString().toStdString();
    filter.product = m_product->currentData().toString().toStdString();
    filter.subscription = m_subscription->currentData().toString().toStdString();
    filter.statusClass = m_status->currentData().toInt();
    const auto now = QDateTime::currentDateTime();
    switch (range()) {
    case Range::Live:
        filter.from = timeOf(now.addSecs(-LiveTraffic::kSeconds));
        break;
    case Range::LastHour:
        filter.from = timeOf(now.addSecs(-3600));
        break;
    case Range::LastDay:
        filter.from = timeOf(now.addDays(-1));
        break;
    case Range::Custom:
        filter.from = timeOf(m_from->dateTime());
        filter.to = timeOf(m_to->dateTime());
        break;
    }
    return filter;
}

void AnalyticsView::filtersChanged()
{
    ++m_generation;
    if (m_log)
        m_log->setFilter(filter());
    refresh();
}

void AnalyticsView::setPaused(bool paused)
{
    m_paused = paused;
    const QSignalBlocker blocker(m_pause);
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    if (!paused)
        refresh();
}

QString AnalyticsView::historyFile() const
{
    return m_reader ? m_reader->file() : QString();
}

void AnalyticsView::openHistory(const QString &file)
{
    m_openedFile = file;
    if (!file.isEmpty() && range() == Range::Live)
        setRange(Range::LastDay);                                                         // a file has no live traffic
    m_range->setItemData(0, file.isEmpty() ? QVariant() : QVariant(0), Qt::UserRole - 1); // Live: enabled or not
    makeRequestLog();
    for (QStringList &names : m_historyNames)
        names.clear();
    if (!file.isEmpty()) {
        m_reader->query<std::vector<QStringList>>(
            this,
            [](gw::telemetry::AnalyticsStore &store) {
                std::vector<QStringList> names;
                for (const Dimension dimension :
                     {Dimension::Api, Dimension::Operation, Dimension::Product, Dimension::Subscription}) {
                    QStringList list;
                    for (const std::string &name : store.names(dimension))
                        list << QString::fromStdString(name);
                    names.push_back(std::move(list));
                }
                return names;
            },
            [this](std::vector<QStringList> names) {
                for (std::size_t i = 0; i < names.size() && i < m_historyNames.size(); ++i)
                    m_historyNames[i] = std::move(names[i]);
                fillFilterCombos();
            });
    }
    fillFilterCombos();
    refresh();
}

void AnalyticsView::refresh()
{
    updateStatus();
    // Charts nobody sees are not drawn (another tab in front, or the Requests page): showing them redraws.
    if (!m_dashboard->isVisible())
        return;
    if (range() != Range::Live || !m_openedFile.isEmpty()) {
        queryHistory();
        return;
    }
    const RecordFilter current = filter();
    LiveTraffic::TimePoint first;
    const auto seconds = m_live->perSecond(current, LiveTraffic::kSeconds, first);
    std::vector<qint64> times;
    times.reserve(seconds.size());
    for (std::size_t i = 0; i < seconds.size(); ++i)
        times.push_back(msecsOf(first) + static_cast<qint64>(i) * 1000);
    showBuckets(std::move(times), seconds, 1.0, QStringLiteral("HH:mm:ss"));
    showTops(m_live->tops(current));
}

void AnalyticsView::queryHistory()
{
    // One query at a time for a filter: a day's range can take longer than the refresh interval.
    if (m_historyPending == m_generation + 1)
        return;
    m_historyPending = m_generation + 1;
    const RecordFilter current = filter();
    const auto from = std::chrono::floor<std::chrono::minutes>(*current.from);
    const auto to = current.to
                        ? *current.to
                        : std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
    // At most about 600 points whatever the range: minutes are merged into buckets of whole minutes.
    // Whole minutes, the one in progress included.
    const auto minutes = std::max<std::int64_t>(1, std::chrono::ceil<std::chrono::minutes>(to - from).count());
    const std::int64_t perBucket = std::max<std::int64_t>(1, (minutes + 599) / 600);
    const quint64 generation = m_generation;
    m_reader->query<std::vector<MinuteStats>>(
        this, [current](gw::telemetry::AnalyticsStore &store) { return store.perMinute(current); },
        [this, generation, from, minutes, perBucket](std::vector<MinuteStats> rows) {
            m_historyError.clear();
            m_historyPending = 0;
            if (generation != m_generation || m_paused)
                return;
            const std::size_t count = static_cast<std::size_t>((minutes + perBucket - 1) / perBucket);
            std::vector<TrafficStats> buckets(count);
            std::vector<qint64> times(count);
            for (std::size_t i = 0; i < count; ++i)
                times[i] = msecsOf(from) + static_cast<qint64>(i) * perBucket * 60'000;
            for (const MinuteStats &row : rows) {
                const auto index =
                    std::chrono::duration_cast<std::chrono::minutes>(row.minute - from).count() / perBucket;
                if (index >= 0 && static_cast<std::size_t>(index) < count)
                    buckets[static_cast<std::size_t>(index)].merge(row.stats);
            }
            showBuckets(std::move(times), buckets, 60.0 * static_cast<double>(perBucket),
                        minutes > 24 * 60 ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm"));
        },
        [this](const QString &error) {
            m_historyError = error;
            m_historyPending = 0;
            updateStatus();
        });
    m_reader->query<Tops>(
        this, [current](gw::telemetry::AnalyticsStore &store) { return store.tops(current); },
        [this, generation](Tops tops) {
            if (generation == m_generation && !m_paused)
                showTops(std::move(tops));
        });
}

void AnalyticsView::showBuckets(std::vector<qint64> times, const std::vector<TrafficStats> &buckets,
                                double secondsPerBucket, const QString &timeFormat)
{
    if (m_paused)
        return;
    m_secondsPerPoint = secondsPerBucket;
    const std::size_t n = buckets.size();
    const auto series = [n](QString name, QColor color, Qt::PenStyle style = Qt::SolidLine) {
        return ChartPanel::Series{std::move(name), color, std::vector<double>(n, kNaN), style};
    };
    // Requests per second by status class, stacked.
    std::vector<ChartPanel::Series> requests = {
        series(tr("2xx"), QColor(0x2e, 0x9d, 0x5b)), series(tr("1xx/3xx"), QColor(0x3b, 0x7d, 0xd8)),
        series(tr("4xx"), QColor(0xe0, 0xa8, 0x00)), series(tr("5xx"), QColor(0xd6, 0x45, 0x45)),
        series(tr("No response"), QColor(0x8a, 0x8f, 0x98))};
    const QColor p50(0x3b, 0x7d, 0xd8), p95(0xe0, 0x8a, 0x00), p99(0xd6, 0x45, 0x45);
    std::vector<ChartPanel::Series> latency = {series(tr("p50"), p50),
                                               series(tr("p95"), p95),
                                               series(tr("p99"), p99),
                                               series(tr("backend p50"), p50, Qt::DashLine),
                                               series(tr("backend p95"), p95, Qt::DashLine),
                                               series(tr("backend p99"), p99, Qt::DashLine)};
    std::vector<ChartPanel::Series> bandwidth = {series(tr("in"), QColor(0x3b, 0x7d, 0xd8)),
                                                 series(tr("out"), QColor(0x2e, 0x9d, 0x5b))};
    std::vector<ChartPanel::Series> cache = {series(tr("hits"), QColor(0x2e, 0x9d, 0x5b))};
    std::vector<ChartPanel::Series> failures;
    std::vector<const Category *> shown; // categories that occur in the range
    for (const Category &category : categories()) {
        for (const TrafficStats &bucket : buckets) {
            if (bucket.failures.contains(std::string_view(category.key))) {
                failures.push_back(series(tr(category.label), category.color));
                shown.push_back(&category);
                break;
            }
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        const TrafficStats &b = buckets[i];
        const auto rate = [secondsPerBucket](std::uint64_t count) {
            return static_cast<double>(count) / secondsPerBucket;
        };
        requests[0].values[i] = rate(b.byStatusClass[2]);
        requests[1].values[i] = rate(b.byStatusClass[1] + b.byStatusClass[3]);
        requests[2].values[i] = rate(b.byStatusClass[4]);
        requests[3].values[i] = rate(b.byStatusClass[5]);
        requests[4].values[i] = rate(b.byStatusClass[0]);
        bandwidth[0].values[i] = rate(b.bytesIn) / 1024.0;
        bandwidth[1].values[i] = rate(b.bytesOut) / 1024.0;
        for (std::size_t c = 0; c < shown.size(); ++c) {
            const auto it = b.failures.find(std::string_view(shown[c]->key));
            failures[c].values[i] = rate(it == b.failures.end() ? 0 : it->second);
        }
        if (b.calls == 0)
            continue; // no latency, no ratio: the lines skip the gap
        const double quantiles[] = {0.5, 0.95, 0.99};
        for (int q = 0; q < 3; ++q) {
            latency[static_cast<std::size_t>(q)].values[i] =
                static_cast<double>(b.totalLatency.percentile(quantiles[q])) / 1000.0;
            if (!b.backendLatency.empty())
                latency[static_cast<std::size_t>(q + 3)].values[i] =
                    static_cast<double>(b.backendLatency.percentile(quantiles[q])) / 1000.0;
        }
        cache[0].values[i] = 100.0 * static_cast<double>(b.cacheHits) / static_cast<double>(b.calls);
    }
    m_requests->setData(times, std::move(requests), timeFormat);
    m_latency->setData(times, std::move(latency), timeFormat);
    m_bandwidth->setData(times, std::move(bandwidth), timeFormat);
    m_failures->setData(times, std::move(failures), timeFormat);
    m_cache->setData(std::move(times), std::move(cache), timeFormat);
}

void AnalyticsView::showTops(Tops tops)
{
    for (std::size_t i = 0; i < tops.size(); ++i)
        m_top[i]->setRows(std::move(tops[i]));
}

TopTableModel *AnalyticsView::topModel(Dimension dimension) const
{
    return m_top[static_cast<std::size_t>(dimension)];
}

void AnalyticsView::updateStatus()
{
    if (m_openedFile.isEmpty()) {
        m_source->setText(m_gateway.state() == engine::EmbeddedGateway::State::Running
                              ? tr("Embedded gateway · %L1 requests").arg(m_live->received())
                              : tr("Embedded gateway stopped"));
        m_source->setToolTip(
            tr("Requests seen live since this tab opened. History: %1").arg(m_gateway.analyticsFile()));
    } else {
        m_source->setText(tr("History: %1").arg(QFileInfo(m_openedFile).fileName()));
        m_source->setToolTip(m_openedFile);
    }
    // A warning beside the source: the history cannot be read or written, or records were dropped.
    const QString writeError = m_openedFile.isEmpty() ? m_gateway.analyticsError() : QString();
    const quint64 liveDrops = m_live->dropped();
    const quint64 historyDrops = m_openedFile.isEmpty() ? m_gateway.analyticsDropped() : 0;
    if (!m_historyError.isEmpty() || !writeError.isEmpty()) {
        m_drops->setText(tr("⚠ History unavailable"));
        m_drops->setToolTip(m_historyError.isEmpty() ? writeError : m_historyError);
    } else {
        m_drops->setText(tr("⚠ %L1 records dropped").arg(liveDrops + historyDrops));
        m_drops->setToolTip(tr("The gateway never waits for the console: when the charts (%L1) or the history writer "
                               "(%L2) fall behind a burst of traffic, records are counted here instead.")
                                .arg(liveDrops)
                                .arg(historyDrops));
    }
    m_drops->setVisible(liveDrops + historyDrops > 0 || !m_historyError.isEmpty() || !writeError.isEmpty());
}

void AnalyticsView::showSimulator()
{
    if (!m_simulator)
        m_simulator = new TrafficSimulatorDialog(m_document, m_gateway, this);
    m_simulator->show();
    m_simulator->raise();
    m_simulator->activateWindow();
}

bool AnalyticsView::saveDashboardPng(const QString &file)
{
    return m_dashboard->grab().save(file, "PNG");
}

void AnalyticsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void AnalyticsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
}

void AnalyticsView::applyTheme()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    m_drops->setStyleSheet(dark ? QStringLiteral("color: #f0b429;") : QStringLiteral("color: #9a6700;"));
}

} // namespace gh::analytics
