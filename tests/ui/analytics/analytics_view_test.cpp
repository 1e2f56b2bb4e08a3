#include "../served_sample.h"
#include <telemetry/analytics_store.h>
#include <temp_folder.h>
#include <ui/analytics/analytics_view.h>
#include <ui/analytics/chart_panel.h>
#include <ui/analytics/live_traffic.h>
#include <ui/analytics/request_log_model.h>
#include <ui/analytics/request_log_view.h>
#include <ui/analytics/top_table_model.h>
#include <ui/console/console_view.h>
#include <ui/engine/embedded_gateway.h>
#include <ui/shell/main_window.h>
#include <ui/shell/theme.h>
#include <ui/workspace/workspace_document.h>

#include <QAbstractItemModel>
#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

#include <cmath>

using gh::analytics::AnalyticsView;
using gw::telemetry::Dimension;

namespace {

// The sample served by an embedded gateway that writes its analytics history.
struct Served : gh::test::ServedSample {
    Served() : ServedSample({.history = true}) {}
};

// Sends `count` GETs to `path` (with the unlimited subscription's key when `keyed`) over real sockets and waits for
// every answer; returns how many came back with `expected`.
int send(Served &served, const QString &path, int count, bool keyed, int expected)
{
    QNetworkAccessManager network;
    int answered = 0;
    int matching = 0;
    for (int i = 0; i < count; ++i) {
        QNetworkRequest request(QUrl(served.gateway.address() + path));
        if (keyed)
            request.setRawHeader("Ocp-Apim-Subscription-Key", "unlimited-demo-primary-key-0001");
        request.setRawHeader("Accept", "application/json");
        QNetworkReply *reply = network.get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
            ++answered;
            matching += reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == expected ? 1 : 0;
            reply->deleteLater();
        });
    }
    QElapsedTimer waited;
    waited.start();
    while (answered < count && waited.elapsed() < 10000)
        QTest::qWait(10);
    return answered == count ? matching : -1;
}

} // namespace

class AnalyticsViewTest : public QObject {
    Q_OBJECT
private slots:
    void liveTrafficMovesTheChartsTablesAndRequestLog()
    {
        Served served;
        QCOMPARE(served.gateway.state(), gh::engine::EmbeddedGateway::State::Running);
        AnalyticsView view(served.document, served.gateway);
        view.resize(1400, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.range(), AnalyticsView::Range::Live);

        QCOMPARE(send(served, QStringLiteral("/petstore/pets"), 30, true, 200), 30);
        QCOMPARE(send(served, QStringLiteral("/petstore/pets"), 10, false, 401), 10);
        QCOMPARE(send(served, QStringLiteral("/nowhere"), 5, false, 404), 5);

        // The live charts: every request counted in its second, by status class and failure reason.
        QTRY_COMPARE_WITH_TIMEOUT(view.liveTraffic()->received(), quint64(45), 5000);
        view.refresh();
        const auto *requests = view.requestsChart();
        QCOMPARE(requests->pointCount(QStringLiteral("2xx")), gh::analytics::LiveTraffic::kSeconds);
        // Hovering shows the exact values of the nearest second.
        const QString hover = requests->describe(QDateTime::currentMSecsSinceEpoch());
        QVERIFY2(hover.contains(QStringLiteral("2xx")) && hover.contains(QStringLiteral("/s")), qPrintable(hover));
        // The charts show complete seconds: the traffic appears once its second has passed.
        QTRY_COMPARE_WITH_TIMEOUT(liveCounts(view).ok, 30.0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(liveCounts(view).clientErrors, 15.0, 5000);
        QVERIFY(view.failuresChart()->pointCount(QStringLiteral("Unauthorized")) > 0);
        QVERIFY(view.failuresChart()->pointCount(QStringLiteral("Not found")) > 0);
        QVERIFY(view.latencyChart()->pointCount(QStringLiteral("p99")) > 0);
        QVERIFY(view.bandwidthChart()->pointCount(QStringLiteral("out")) > 0);

        auto *apis = view.topModel(Dimension::Api);
        QVERIFY(apis->rowCount() >= 1);
        QCOMPARE(apis->index(0, 0).data(Qt::UserRole).toString(), QStringLiteral("petstore-api"));
        QCOMPARE(apis->index(0, 1).data(Qt::UserRole).toULongLong(), 40ull);
        QCOMPARE(view.topModel(Dimension::Subscription)->index(0, 0).data(Qt::UserRole).toString(),
                 QStringLiteral("unlimited-demo"));

        // The request log reads the SQLite history the gateway writes.
        QAbstractItemModel *log = view.requestLog()->model();
        QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 45, 10000);
        // Each record keeps the headers the settings name (Accept among the defaults), both ways.
        // (data() asks for the row's page; the table is on the other tab.)
        QTRY_VERIFY_WITH_TIMEOUT((log->index(0, 0).data(), view.requestLog()->model()->recordAt(0) != nullptr), 5000);
        const auto *newest = view.requestLog()->model()->recordAt(0);
        QVERIFY2(
            QString::fromStdString(newest->record.requestHeaders).contains(QStringLiteral("Accept: application/json")),
            newest->record.requestHeaders.c_str());
        QVERIFY2(QString::fromStdString(newest->record.responseHeaders).contains(QStringLiteral("Content-Type:")),
                 newest->record.responseHeaders.c_str());

        // More traffic: the charts and the log grow.
        QCOMPARE(send(served, QStringLiteral("/petstore/pets"), 5, true, 200), 5);
        QTRY_COMPARE_WITH_TIMEOUT(view.liveTraffic()->received(), quint64(50), 5000);
        view.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(liveCounts(view).ok, 35.0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 50, 10000);

        // A filter applies to the charts and tables: only the 4xx.
        auto *status = view.findChild<QComboBox *>(QStringLiteral("analyticsStatus"));
        status->setCurrentIndex(status->findData(4));
        emit status->activated(status->currentIndex());
        QCOMPARE(liveCounts(view).ok, 0.0);
        QTRY_COMPARE_WITH_TIMEOUT(liveCounts(view).clientErrors, 15.0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 15, 10000);

        // Paused, the charts hold still while traffic goes on.
        view.setPaused(true);
        QCOMPARE(view.findChild<QToolButton *>(QStringLiteral("analyticsPause"))->text(), QStringLiteral("Resume"));
        QCOMPARE(send(served, QStringLiteral("/petstore/pets"), 4, false, 401), 4);
        QTRY_COMPARE_WITH_TIMEOUT(view.liveTraffic()->received(), quint64(54), 5000);
        view.refresh();
        QCOMPARE(liveCounts(view).clientErrors, 15.0);
        view.setPaused(false);
        QTRY_COMPARE_WITH_TIMEOUT(liveCounts(view).clientErrors, 19.0, 5000);

        // Behind the Requests page the charts are not drawn; coming back draws what came meanwhile.
        auto *sections = view.findChild<QTabWidget *>(QStringLiteral("analyticsTabs"));
        sections->setCurrentIndex(1);
        QCOMPARE(send(served, QStringLiteral("/petstore/pets"), 3, false, 401), 3);
        QTRY_COMPARE_WITH_TIMEOUT(view.liveTraffic()->received(), quint64(57), 5000);
        QTest::qWait(1100); // the second of those calls is complete: only the hidden charts keep it out
        QCOMPARE(liveCounts(view).clientErrors, 19.0);
        sections->setCurrentIndex(0);
        QCOMPARE(view.requestsChart()->total(QStringLiteral("4xx")), 22.0);

        // The dashboard exports as one PNG.
        const QString png = QString::fromStdString((served.temp.path() / "dashboard.png").string());
        QVERIFY(view.saveDashboardPng(png));
        QImage image(png);
        QVERIFY(image.width() > 800 && image.height() > 400);
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("analyticsDrops"))->isHidden());
    }

    void longerRangesReadTheHistoryPerMinute()
    {
        Served served;
        AnalyticsView view(served.document, served.gateway);
        view.show();
        QCOMPARE(send(served, QStringLiteral("/petstore/pets"), 12, true, 200), 12);
        QCOMPARE(send(served, QStringLiteral("/petstore/pets"), 3, false, 401), 3);
        view.setRange(AnalyticsView::Range::LastHour);
        // Each point of an hour is a minute: its rate is calls / 60. The history gets the records within a second.
        QTRY_COMPARE_WITH_TIMEOUT((view.refresh(), minuteSum(view, QStringLiteral("2xx"))), 12, 10000);
        QCOMPARE(minuteSum(view, QStringLiteral("4xx")), 3);
        QTRY_COMPARE_WITH_TIMEOUT(view.topModel(Dimension::Api)->rowCount(), 1, 5000);
        QCOMPARE(view.topModel(Dimension::Api)->index(0, 1).data(Qt::UserRole).toULongLong(), 15ull);
    }

    void opensAProductionGatewaysHistoryFile()
    {
        Served served;
        gw::test::TempFolder folder;
        const auto file = folder / "production.sqlite";
        {
            auto store = std::move(gw::telemetry::AnalyticsStore::open(file).value());
            std::vector<gw::telemetry::RequestRecord> records;
            const auto now = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
            for (int i = 0; i < 100; ++i) {
                gw::telemetry::RequestRecord r;
                r.startTime = now - std::chrono::minutes(90) + std::chrono::seconds(i);
                r.requestId = "r" + std::to_string(i);
                r.api = "orders";
                r.operation = "get-order";
                r.method = "GET";
                r.path = "/orders/" + std::to_string(i);
                r.status = i % 10 == 0 ? 503 : 200;
                r.totalLatency = std::chrono::milliseconds(5 + i % 7);
                records.push_back(std::move(r));
            }
            QVERIFY(store->append(records));
        }
        AnalyticsView view(served.document, served.gateway);
        view.show();
        view.openHistory(QString::fromStdString(file.string()));
        QCOMPARE(view.range(), AnalyticsView::Range::LastDay); // a file has no live traffic
        QCOMPARE(view.historyFile(), QString::fromStdString(file.string()));
        QTRY_COMPARE_WITH_TIMEOUT(minuteSum(view, QStringLiteral("2xx")), 90, 10000);
        QCOMPARE(minuteSum(view, QStringLiteral("5xx")), 10);
        // Its APIs are offered as filters, though the workspace has no such API.
        auto *apis = view.findChild<QComboBox *>(QStringLiteral("analyticsApi"));
        QTRY_VERIFY_WITH_TIMEOUT(apis->findData(QStringLiteral("orders")) >= 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(view.requestLog()->model()->rowCount(), 100, 10000);
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("analyticsSource"))
                    ->text()
                    .contains(QStringLiteral("production.sqlite")));

        // A file that is no history says so, in the log and beside the source, instead of showing nothing.
        folder.write("notes.sqlite", "not a database at all, just words\n");
        view.openHistory(QString::fromStdString((folder / "notes.sqlite").string()));
        auto *warning = view.findChild<QLabel *>(QStringLiteral("analyticsDrops"));
        QTRY_VERIFY_WITH_TIMEOUT(!warning->isHidden(), 10000);
        QCOMPARE(warning->text(), QStringLiteral("⚠ History unavailable"));
        QVERIFY2(warning->toolTip().contains(QStringLiteral("notes.sqlite")), qPrintable(warning->toolTip()));
        auto *empty = view.requestLog()->findChild<QLabel *>(QStringLiteral("requestLogEmpty"));
        QTRY_VERIFY_WITH_TIMEOUT(empty->text().startsWith(QStringLiteral("This history cannot be read")), 10000);
    }

    void opensARequestOfTheLogInTheTestConsole()
    {
        gw::test::TempFolder temp;
        temp.copySample("ws");
        gh::shell::Theme theme(*qApp);
        gh::shell::MainWindow window(theme);
        QVERIFY(window.openWorkspace(QString::fromStdString((temp.path() / "ws").string())));
        window.show();
        auto *action = window.findChild<QAction *>(QStringLiteral("analyticsAction"));
        QVERIFY(action);
        action->trigger();
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs"));
        auto *view = qobject_cast<AnalyticsView *>(tabs->currentWidget());
        QVERIFY(view);
        QVERIFY(view->historyFile().endsWith(QStringLiteral("analytics.sqlite")));
        gw::telemetry::RequestRecord record;
        record.method = "GET";
        record.api = "conference-api";
        record.operation = "get-session";
        record.path = "/conference/v1/sessions/s-7";
        record.subscription = "starter-demo";
        emit view->requestLog()->openInConsole(record);
        auto *console = qobject_cast<gh::console::ConsoleView *>(tabs->currentWidget());
        QVERIFY(console);
        QCOMPARE(console->findChild<QLineEdit *>(QStringLiteral("templateParameter_id"))->text(),
                 QStringLiteral("s-7"));
        // Gateway > Analytics again brings the same tab forward.
        action->trigger();
        QCOMPARE(tabs->currentWidget(), view);
        // Reading the files again keeps both tabs (they follow the document, not an entity).
        QPointer<AnalyticsView> kept = view;
        QVERIFY(window.revert());
        QVERIFY(kept);
        QCOMPARE(tabs->currentWidget(), kept.data());
        QVERIFY(tabs->indexOf(console) >= 0);
    }

private:
    struct LiveCounts {
        double ok = 0;
        double clientErrors = 0;
    };

    // The requests the live chart shows in all: each point is one second's count.
    static LiveCounts liveCounts(AnalyticsView &view)
    {
        view.refresh();
        LiveCounts counts;
        const auto *chart = view.requestsChart();
        counts.ok = chart->total(QStringLiteral("2xx"));
        counts.clientErrors = chart->total(QStringLiteral("4xx"));
        return counts;
    }

    // The calls the history chart shows in all (each point is the rate per second over its minutes).
    static int minuteSum(AnalyticsView &view, const QString &series)
    {
        return static_cast<int>(std::lround(view.requestsChart()->total(series) * view.secondsPerPoint()));
    }
};

QTEST_MAIN(AnalyticsViewTest)
#include "analytics_view_test.moc"
