#pragma once

#include <telemetry/analytics_store.h>
#include <telemetry/traffic_stats.h>

#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <array>
#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QTabWidget;
class QTableView;
class QToolButton;
QT_END_NAMESPACE

namespace gh::workspace {
class WorkspaceDocument;
}
namespace gh::engine {
class EmbeddedGateway;
}

namespace gh::analytics {

class ChartPanel;
class HistoryReader;
class LiveTraffic;
class RequestLogView;
class TopTableModel;
class TrafficSimulatorDialog;

// The Analytics tab: a live dashboard of the embedded gateway's traffic (or of a history file a production gateway
// wrote with --analytics-db) and the request log.
//
// Ranges: "Live" draws the last five minutes per second from the log bus (LiveTraffic); the longer ranges and a
// custom one read the per-minute statistics of the SQLite history on its own thread (HistoryReader). Filters (API,
// operation, product, subscription, status class) apply to every chart, table and the request log. Percentiles come
// from merged histograms, never from averages.
class AnalyticsView : public QWidget {
    Q_OBJECT
public:
    enum class Range { Live, LastHour, LastDay, Custom };

    AnalyticsView(workspace::WorkspaceDocument &document, engine::EmbeddedGateway &gateway, QWidget *parent = nullptr);
    ~AnalyticsView() override;

    void setRange(Range range);
    Range range() const;
    // Reads another history file (a production gateway's), read-only; empty: back to the embedded gateway's.
    void openHistory(const QString &file);
    QString historyFile() const;
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    gw::telemetry::RecordFilter filter() const;
    // How many seconds one point of the charts stands for (1 live; whole minutes for the longer ranges).
    double secondsPerPoint() const { return m_secondsPerPoint; }

    // Redraws now from what is known (tests; timers do it otherwise).
    void refresh();
    void showSimulator();

    ChartPanel *requestsChart() const { return m_requests; }
    ChartPanel *latencyChart() const { return m_latency; }
    ChartPanel *bandwidthChart() const { return m_bandwidth; }
    ChartPanel *failuresChart() const { return m_failures; }
    ChartPanel *cacheChart() const { return m_cache; }
    TopTableModel *topModel(gw::telemetry::Dimension dimension) const;
    RequestLogView *requestLog() const { return m_log; }
    LiveTraffic *liveTraffic() const { return m_live; }
    // Saves the dashboard (every chart and table, as shown) as one PNG.
    bool saveDashboardPng(const QString &file);

signals:
    void openInConsole(const gw::telemetry::RequestRecord &record);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildToolbar(QWidget *bar);
    QWidget *buildActions();
    QWidget *buildDashboard();
    void fillFilterCombos();
    void filtersChanged();
    void makeRequestLog();
    void showBuckets(std::vector<qint64> times, const std::vector<gw::telemetry::TrafficStats> &buckets,
                     double secondsPerBucket, const QString &timeFormat);
    using Tops = std::array<std::vector<gw::telemetry::RankedStats>, 4>; // by Dimension
    void showTops(Tops tops);
    void queryHistory();
    void updateStatus();
    void applyTheme();

    workspace::WorkspaceDocument &m_document;
    engine::EmbeddedGateway &m_gateway;
    LiveTraffic *m_live;
    std::unique_ptr<HistoryReader> m_reader;
    QString m_openedFile;                      // a history opened from a file; empty: the embedded gateway's
    QString m_historyError;                    // why the last history query could not run; empty when it could
    std::array<QStringList, 4> m_historyNames; // by Dimension: names an opened history holds

    QComboBox *m_range = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QComboBox *m_api = nullptr;
    QComboBox *m_operation = nullptr;
    QComboBox *m_product = nullptr;
    QComboBox *m_subscription = nullptr;
    QComboBox *m_status = nullptr;
    QToolButton *m_pause = nullptr;
    QLabel *m_source = nullptr;
    QLabel *m_drops = nullptr;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_dashboard = nullptr;
    ChartPanel *m_requests = nullptr;
    ChartPanel *m_latency = nullptr;
    ChartPanel *m_bandwidth = nullptr;
    ChartPanel *m_failures = nullptr;
    ChartPanel *m_cache = nullptr;
    std::vector<TopTableModel *> m_top; // by Dimension
    RequestLogView *m_log = nullptr;
    QPointer<TrafficSimulatorDialog> m_simulator;

    bool m_paused = false;
    double m_secondsPerPoint = 1;
    QTimer m_redraw;              // coalesces live updates: at most a few redraws a second
    QTimer m_tick;                // moves the live time axis and re-reads the history
    int m_ticks = 0;              // of m_tick, to re-read the history every fifth
    quint64 m_generation = 0;     // history answers from before a filter change are dropped
    quint64 m_historyPending = 0; // generation + 1 of the history query on its way; 0: none
};

} // namespace gh::analytics
