#include "../served_sample.h"
#include <temp_folder.h>
#include <ui/analytics/traffic_simulator.h>
#include <ui/analytics/traffic_simulator_dialog.h>
#include <ui/engine/embedded_gateway.h>
#include <ui/entities/local_secrets.h>
#include <ui/shell/theme.h>
#include <ui/workspace/workspace_document.h>

#include <QAbstractItemModel>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

using gh::analytics::TrafficCounters;
using gh::analytics::TrafficSettings;
using gh::analytics::TrafficSimulator;
using gh::analytics::TrafficSimulatorDialog;

namespace {

using Served = gh::test::ServedSample;
using gh::test::child;

// The leading number of a counter label ("1,234 (5 waiting…)" -> 1234).
quint64 leadingNumber(const QLabel *label)
{
    const QString text = label->text().section(QLatin1Char(' '), 0, 0);
    return QLocale().toULongLong(text);
}

// Stops the simulator and waits for every answer still out.
bool drain(TrafficSimulator &simulator)
{
    simulator.stop();
    return QTest::qWaitFor([&] { return simulator.counters().inFlight == 0; }, 10000);
}

} // namespace

class TrafficSimulatorTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("GatehouseTest"));
        QApplication::setApplicationName(QStringLiteral("TrafficSimulatorTest"));
        QSettings().clear();
    }

    // 200 requests/s for two seconds, one in five with a made-up key and one in ten asking for something that is
    // not there: the gateway sees every request, and answers 401, 404 and 2xx in those shares.
    void sendsTheMixToTheGateway()
    {
        Served served;
        QCOMPARE(served.gateway.state(), gh::engine::EmbeddedGateway::State::Running);
        TrafficSimulator simulator(served.document);
        TrafficSettings settings;
        settings.rate = 200;
        settings.badKeyPercent = 20;
        settings.errorPercent = 10;
        settings.seed = 42;
        simulator.setSettings(settings);
        simulator.setGatewayAddress(served.gateway.address());
        QSignalSpy updates(&simulator, &TrafficSimulator::countersUpdated);
        const quint64 before = served.gateway.requestCount();

        QVERIFY2(simulator.start(), qPrintable(simulator.errorString()));
        QVERIFY(simulator.isRunning());
        QTest::qWait(2000);
        QVERIFY(drain(simulator));
        QVERIFY(!simulator.isRunning());

        const TrafficCounters &counters = simulator.counters();
        const quint64 due = counters.sent + counters.behind;
        qInfo("sent %llu, behind %llu, achieved %.1f/s over %lld ms, statuses %s", counters.sent, counters.behind,
              counters.achievedRate, counters.elapsedMs, qPrintable(QDebug::toString(counters.statuses)));
        // Due: the rate times the time it ran, give or take the ticks at the edges.
        const double expected = 200.0 * double(counters.elapsedMs) / 1000.0;
        QVERIFY2(std::abs(double(due) - expected) <= 10 + expected / 20, qPrintable(QString::number(due)));
        QVERIFY2(counters.sent >= 300, qPrintable(QString::number(counters.sent)));
        QCOMPARE(counters.completed(), counters.sent);
        QCOMPARE(counters.failed, quint64(0));
        QCOMPARE(counters.inFlight, 0);
        // Every request reached the gateway, and only those.
        QTRY_COMPARE_WITH_TIMEOUT(served.gateway.requestCount() - before, counters.sent, 5000);

        // A made-up key is a 401, whatever the API; an error is a 404 before any key is looked at.
        QCOMPARE(counters.statuses.value(401), counters.badKeysSent);
        QCOMPARE(counters.statuses.value(404), counters.errorsSent);
        const double unauthorized = double(counters.statuses.value(401)) / double(counters.completed());
        const double missing = double(counters.statuses.value(404)) / double(counters.completed());
        QVERIFY2(unauthorized > 0.14 && unauthorized < 0.26, qPrintable(QString::number(unauthorized)));
        QVERIFY2(missing > 0.05 && missing < 0.15, qPrintable(QString::number(missing)));
        QVERIFY(counters.success > counters.completed() / 3);
        // The starter subscription's rate limit (5 calls a minute) shows as 429s: traffic to try rate limits with.
        QVERIFY(counters.statuses.value(429) > 0);
        QCOMPARE(counters.clientError,
                 counters.statuses.value(401) + counters.statuses.value(404) + counters.statuses.value(429));
        // Throttled: ten updates a second at most (plus the last), yet some.
        QVERIFY2(updates.count() >= 10 && updates.count() <= 25, qPrintable(QString::number(updates.count())));
        QVERIFY(counters.achievedRate > 100);

        // Stopped means stopped.
        const quint64 served_ = served.gateway.requestCount();
        const quint64 sent = counters.sent;
        QTest::qWait(300);
        QCOMPARE(simulator.counters().sent, sent);
        QCOMPARE(served.gateway.requestCount(), served_);
    }

    // At the top rate, six connections and a busy machine may not keep up: what cannot be sent in time is counted
    // as behind, never queued without bound, and the achieved rate says what was reached.
    void theTopRateCountsWhatFallsBehind()
    {
        Served served;
        TrafficSimulator simulator(served.document);
        TrafficSettings settings;
        settings.rate = TrafficSettings::maximumRate;
        settings.durationSeconds = 2;
        settings.subscriptions = QStringList{QStringLiteral("unlimited-demo")};
        settings.seed = 11;
        simulator.setSettings(settings);
        simulator.setGatewayAddress(served.gateway.address());
        QVERIFY(simulator.start());
        int mostInFlight = 0;
        QVERIFY(QTest::qWaitFor(
            [&] {
                mostInFlight = std::max(mostInFlight, simulator.counters().inFlight);
                return !simulator.isRunning();
            },
            10000));
        const double achieved = simulator.counters().achievedRate;
        QVERIFY(drain(simulator));
        const TrafficCounters &counters = simulator.counters();
        qInfo("asked %d/s: sent %llu, behind %llu, achieved %.0f/s (last two seconds), %.0f/s (whole run), at most "
              "%d in flight",
              settings.rate, counters.sent, counters.behind, achieved, counters.achievedRate, mostInFlight);
        QCOMPARE(counters.sent + counters.behind, quint64(2 * TrafficSettings::maximumRate));
        QVERIFY(mostInFlight <= settings.maxInFlight);
        QCOMPARE(counters.success, counters.sent);
        QVERIFY(counters.achievedRate > 200);
    }

    // The same seed picks the same requests: a run of a fixed duration repeats itself exactly.
    void aSeedRepeatsTheRun()
    {
        Served served;
        const auto run = [&](quint32 seed) {
            TrafficSimulator simulator(served.document);
            TrafficSettings settings;
            settings.rate = 100;
            settings.durationSeconds = 1;
            settings.badKeyPercent = 30;
            settings.errorPercent = 30;
            settings.seed = seed;
            simulator.setSettings(settings);
            simulator.setGatewayAddress(served.gateway.address());
            QSignalSpy running(&simulator, &TrafficSimulator::runningChanged);
            if (!simulator.start())
                return TrafficCounters{};
            // It stops by itself after the duration.
            if (!QTest::qWaitFor([&] { return !simulator.isRunning(); }, 5000))
                return TrafficCounters{};
            drain(simulator);
            return simulator.counters();
        };
        const TrafficCounters first = run(7);
        const TrafficCounters second = run(7);
        const TrafficCounters other = run(8);
        QCOMPARE(first.sent + first.behind, quint64(100));
        QCOMPARE(second.sent + second.behind, quint64(100));
        QCOMPARE(first.behind, quint64(0));
        QCOMPARE(first.badKeysSent, second.badKeysSent);
        QCOMPARE(first.errorsSent, second.errorsSent);
        QCOMPARE(first.statuses.value(401), second.statuses.value(401));
        QCOMPARE(first.statuses.value(404), second.statuses.value(404));
        QVERIFY(first.badKeysSent != other.badKeysSent || first.errorsSent != other.errorsSent);
    }

    // An API left out gets no traffic; weights and keys come from the workspace, including the secret store.
    void weightsLeaveApisOut()
    {
        Served served;
        TrafficSimulator simulator(served.document);
        QCOMPARE(gh::entities::LocalSecrets::of(served.document).primaryKeyOf(QStringLiteral("starter-demo")),
                 std::optional(QStringLiteral("starter-demo-primary-key-0001")));
        QCOMPARE(simulator.usableSubscriptions().size(), qsizetype(2));

        TrafficSettings settings;
        settings.rate = 200;
        settings.durationSeconds = 1;
        settings.apiWeights = {{QStringLiteral("conference-api"), 0}};
        settings.subscriptions = QStringList{QStringLiteral("unlimited-demo")}; // no rate limit: every answer a 2xx
        settings.seed = 3;
        simulator.setSettings(settings);
        simulator.setGatewayAddress(served.gateway.address());
        QStringList lines;
        connect(&served.gateway, &gh::engine::EmbeddedGateway::messageLogged, this,
                [&lines](const QString &line) { lines << line; });
        QVERIFY(simulator.start());
        QVERIFY(QTest::qWaitFor([&] { return !simulator.isRunning(); }, 5000));
        QVERIFY(drain(simulator));
        QCOMPARE(simulator.counters().success, simulator.counters().sent);
        QTRY_COMPARE_WITH_TIMEOUT(served.gateway.requestCount(), simulator.counters().sent, 5000);
        for (const QString &line : std::as_const(lines))
            QVERIFY2(!line.contains(QStringLiteral("/conference/")), qPrintable(line));
        QVERIFY(lines.join(QLatin1Char('\n')).contains(QStringLiteral("/petstore/pets/1")));

        // No subscription chosen: no key at all, so the gateway refuses every request.
        settings.subscriptions = QStringList();
        simulator.setSettings(settings);
        QVERIFY(simulator.start());
        QVERIFY(QTest::qWaitFor([&] { return !simulator.isRunning(); }, 5000));
        QVERIFY(drain(simulator));
        QVERIFY(simulator.counters().sent > 0);
        QCOMPARE(simulator.counters().statuses.value(401), simulator.counters().sent);

        // Started again at once, before the first run's answers are in: those do not count towards the second.
        settings.subscriptions.reset();
        settings.durationSeconds = 0;
        simulator.setSettings(settings);
        QVERIFY(simulator.start());
        QTest::qWait(300);
        QVERIFY(simulator.start());
        QCOMPARE(simulator.counters().sent, quint64(0));
        QTest::qWait(300);
        QVERIFY(drain(simulator));
        QCOMPARE(simulator.counters().completed(), simulator.counters().sent);
        QCOMPARE(simulator.counters().inFlight, 0);

        // Nothing left to call: start() says so.
        settings.apiWeights = {{QStringLiteral("conference-api"), 0}, {QStringLiteral("petstore-api"), 0}};
        simulator.setSettings(settings);
        QVERIFY(!simulator.start());
        QVERIFY(!simulator.errorString().isEmpty());
    }

    void dialogDrivesTheSimulator()
    {
        Served served;
        TrafficSimulatorDialog dialog(served.document, served.gateway);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *start = child<QPushButton>(dialog, "startButton");
        QVERIFY(start->isEnabled());
        QVERIFY(child<QLabel>(dialog, "gatewayNote")->text().contains(served.gateway.address()));
        QCOMPARE(child<QTableView>(dialog, "apiTable")->model()->rowCount(), 2);
        QCOMPARE(child<QListView>(dialog, "subscriptionList")->model()->rowCount(), 2);

        // Typing a rate moves the slider; the slider moves the rate.
        auto *rate = child<QSpinBox>(dialog, "rateSpin");
        auto *slider = child<QSlider>(dialog, "rateSlider");
        rate->setFocus();
        rate->selectAll();
        QTest::keyClicks(rate, QStringLiteral("150"));
        QCOMPARE(rate->value(), 150);
        const int position = slider->value();
        QVERIFY(position > slider->maximum() / 2 && position < slider->maximum());
        slider->setValue(slider->maximum());
        QCOMPARE(rate->value(), TrafficSettings::maximumRate);
        slider->setValue(slider->minimum());
        QCOMPARE(rate->value(), TrafficSettings::minimumRate);
        rate->selectAll();
        QTest::keyClicks(rate, QStringLiteral("150"));
        QCOMPARE(rate->value(), 150);

        // Bad keys and errors share the requests: the two together never pass 100 %.
        auto *badKeys = child<QSpinBox>(dialog, "badKeySpin");
        auto *errors = child<QSpinBox>(dialog, "errorSpin");
        badKeys->setValue(70);
        QCOMPARE(errors->maximum(), 30);
        errors->setValue(50);
        QCOMPARE(errors->value(), 30);
        badKeys->setValue(20);
        errors->setValue(10);

        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(dialog.simulator().isRunning());
        QCOMPARE(dialog.simulator().settings().rate, 150);
        QCOMPARE(dialog.simulator().settings().badKeyPercent, 20);
        QVERIFY(!rate->isEnabled()); // the mix is fixed while it runs
        QCOMPARE(start->text(), QStringLiteral("S&top"));
        auto *sent = child<QLabel>(dialog, "sentValue");
        auto *success = child<QLabel>(dialog, "successValue");
        auto *clientErrors = child<QLabel>(dialog, "clientErrorValue");
        QTRY_VERIFY_WITH_TIMEOUT(leadingNumber(sent) > 50, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(leadingNumber(success) > 0, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(clientErrors->text().contains(QStringLiteral("401: ")), 5000);
        QVERIFY(clientErrors->text().contains(QStringLiteral("404: ")));
        QVERIFY(child<QLabel>(dialog, "rateValue")->text().contains(QStringLiteral("asked: 150")));
        const QString shots = qEnvironmentVariable("GH_SIMULATOR_SHOTS");
        if (!shots.isEmpty()) {
            gh::shell::Theme theme(*qApp);
            theme.setMode(gh::shell::Theme::Mode::Light);
            QTest::qWait(300);
            dialog.grab().save(shots + QStringLiteral("/traffic-simulator-light.png"));
            theme.setMode(gh::shell::Theme::Mode::Dark);
            QTest::qWait(300);
            dialog.grab().save(shots + QStringLiteral("/traffic-simulator-dark.png"));
        }

        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(!dialog.simulator().isRunning());
        QCOMPARE(start->text(), QStringLiteral("&Start"));
        QVERIFY(rate->isEnabled());
        QVERIFY(QTest::qWaitFor([&] { return dialog.simulator().counters().inFlight == 0; }, 5000));
        QTest::qWait(200); // the last update
        const quint64 shown = leadingNumber(sent);
        QCOMPARE(shown, dialog.simulator().counters().sent);
        QTest::qWait(300);
        QCOMPARE(leadingNumber(sent), shown);

        // Closing stops the traffic.
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(dialog.simulator().isRunning());
        QTest::mouseClick(child<QPushButton>(dialog, "closeButton"), Qt::LeftButton);
        QVERIFY(!dialog.simulator().isRunning());
        QVERIFY(!dialog.isVisible());
    }

    // The API mix keeps a user's checks and weights when the workspace changes under it.
    void apiMixModelKeepsChoices()
    {
        Served served({.start = false});
        gh::analytics::ApiMixModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setApis(served.document.model());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, gh::analytics::ApiMixModel::OperationsColumn).data().toString(), QStringLiteral("4"));
        const QModelIndex weight = model.index(1, gh::analytics::ApiMixModel::WeightColumn);
        QVERIFY(model.flags(weight) & Qt::ItemIsEditable);
        QVERIFY(model.setData(weight, 5));
        QVERIFY(model.setData(weight.siblingAtColumn(0), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(model.weights().value(QStringLiteral("petstore-api")), 0);
        QVERIFY(model.setData(weight.siblingAtColumn(0), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(model.setData(weight, 1000)); // clamped
        QCOMPARE(model.weights().value(QStringLiteral("petstore-api")), gh::analytics::ApiMixModel::maximumWeight);
        QVERIFY(model.setData(weight, 5));
        model.setApis(served.document.model());
        QCOMPARE(model.weights().value(QStringLiteral("petstore-api")), 5);
        QCOMPARE(model.weights().value(QStringLiteral("conference-api")), 1);
        QVERIFY(model.hasCheckedApi());
    }

    // Without a running gateway there is nowhere to send to: the dialog says so and Start is off until it runs.
    void startWaitsForTheGateway()
    {
        Served served({.start = false});
        TrafficSimulatorDialog dialog(served.document, served.gateway);
        dialog.show();
        auto *start = child<QPushButton>(dialog, "startButton");
        QVERIFY(!start->isEnabled());
        QVERIFY(child<QLabel>(dialog, "gatewayNote")->text().contains(QStringLiteral("not running")));
        QVERIFY(served.gateway.start(served.document.root()));
        QVERIFY(start->isEnabled());
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(dialog.simulator().isRunning());
        // The gateway going away stops the traffic.
        served.gateway.stop();
        QVERIFY(!dialog.simulator().isRunning());
        QVERIFY(!start->isEnabled());

        // Leaving every API out leaves nothing to start.
        QVERIFY(served.gateway.start(served.document.root()));
        QAbstractItemModel *apis = child<QTableView>(dialog, "apiTable")->model();
        for (int row = 0; row < apis->rowCount(); ++row)
            apis->setData(apis->index(row, 0), Qt::Unchecked, Qt::CheckStateRole);
        QVERIFY(!start->isEnabled());
        apis->setData(apis->index(0, 0), Qt::Checked, Qt::CheckStateRole);
        QVERIFY(start->isEnabled());
    }
};

QTEST_MAIN(TrafficSimulatorTest)
#include "traffic_simulator_test.moc"
