// gatehouse: the desktop console.

#include <gatehouse_version.h>
#include <resources/resources.h>
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

#include <cstdio>
#include <unistd.h>

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
