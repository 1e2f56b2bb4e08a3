// gatehouse: the desktop console.

#include <gatehouse_version.h>
#include <resources/resources.h>
#include <ui/shell/main_window.h>
#include <ui/shell/theme.h>
#include <ui/shell/tour.h>
#include <ui/shell/translations.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

#include <cstdio>

int main(int argc, char *argv[])
{
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
    return QApplication::exec();
}
