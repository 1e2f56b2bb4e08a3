// gatehouse: the desktop console.

#include <gatehouse_version.h>
#include <resources/resources.h>
#include <telemetry/latency_histogram.h>
#include <ui/shell/main_window.h>
#include <ui/shell/theme.h>
#include <ui/shell/tour.h>
#include <ui/shell/translations.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <unistd.h>
#include <vector>

namespace {

// Milliseconds since the kernel started this process (dynamic loading included), from /proc; -1 elsewhere.
double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Field 22 (starttime, in clock ticks since boot) counts from after the ")" closing the command name.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startedTicks = fields[19].toDouble();
    const double upSeconds = uptime.readAll().split(' ').value(0).toDouble();
    return upSeconds * 1000.0 - startedTicks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Gatehouse"));
    QApplication::setApplicationName(QStringLiteral("Gatehouse"));
    QApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("gatehouse"));
    gh::shell::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "API-management studio with an embedded gateway"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("workspace"),
                                 QApplication::translate("main", "APIOps artifacts folder to open"));
    const QCommandLineOption tourOption(
        QStringLiteral("tour"),
        QApplication::translate("main", "Save a screenshot of every view into <folder> and exit."),
        QStringLiteral("folder"));
    parser.addOption(tourOption);
    const QCommandLineOption measureOption(
        QStringLiteral("measure-startup"),
        QApplication::translate("main", "Print how long it took until the window was usable, then exit."));
    parser.addOption(measureOption);
    const QCommandLineOption lagOption(
        QStringLiteral("measure-lag"),
        QApplication::translate("main", "Open the Analytics tab and write the event loop's lag (p50, p99, max) to "
                                        "<file> every two seconds, for as long as the console runs."),
        QStringLiteral("file"));
    parser.addOption(lagOption);
    parser.process(app);

    gh::shell::Theme theme(app);
    const bool touring = parser.isSet(tourOption);
    if (!touring)
        theme.setMode(gh::shell::Theme::fromString(QSettings().value(QStringLiteral("ui/theme")).toString()));

    gh::shell::MainWindow window(theme);
    QString folder = parser.positionalArguments().value(0);
    if (folder.isEmpty() && !touring)
        folder = QSettings().value(QStringLiteral("workspace/recent")).toStringList().value(0);
    if (folder.isEmpty())
        folder = gh::resources::sampleWorkspace();
    if (!folder.isEmpty())
        window.openWorkspace(folder);

    if (touring) {
        const int written = gh::shell::runTour(window, theme, parser.value(tourOption));
        std::printf("%d screenshots written to %s\n", written, qPrintable(parser.value(tourOption)));
        return written > 0 ? 0 : 1;
    }
    window.show();
    if (parser.isSet(lagOption)) {
        // A 10 ms timer that notes how late each tick comes: the time the event loop could not answer a user. The
        // lags go into a histogram (microseconds), so reporting costs nothing that grows with the run.
        window.showAnalytics();
        auto *probe = new QTimer(&app);
        auto *report = new QTimer(&app);
        auto clock = std::make_shared<QElapsedTimer>();
        auto lags = std::make_shared<gw::telemetry::LatencyHistogram>();
        clock->start();
        probe->setTimerType(Qt::PreciseTimer);
        QObject::connect(probe, &QTimer::timeout, &app, [clock, lags] {
            lags->add(static_cast<std::uint64_t>(std::max<qint64>(0, clock->nsecsElapsed() / 1000 - 10'000)));
            clock->restart();
        });
        QObject::connect(report, &QTimer::timeout, &app, [lags, file = parser.value(lagOption)] {
            if (lags->empty())
                return;
            const auto ms = [&](double q) { return static_cast<double>(lags->percentile(q)) / 1000.0; };
            QFile out(file);
            if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
                out.write(QStringLiteral("event-loop lag over %1 ticks: p50 %2 ms, p99 %3 ms, max %4 ms\n")
                              .arg(lags->count())
                              .arg(ms(0.5), 0, 'f', 2)
                              .arg(ms(0.99), 0, 'f', 2)
                              .arg(ms(1.0), 0, 'f', 2)
                              .toUtf8());
        });
        probe->start(10);
        report->start(2000);
    }
    if (parser.isSet(measureOption)) {
        // Usable: the window is shown with the workspace loaded and the first events (paint) handled.
        QTimer::singleShot(0, &app, [&] {
            std::printf("startup: %.0f ms since process start, %lld ms since main()\n", msSinceProcessStart(),
                        static_cast<long long>(sinceMain.elapsed()));
            std::fflush(stdout);
            QApplication::exit(0);
        });
    }
    return QApplication::exec();
}
