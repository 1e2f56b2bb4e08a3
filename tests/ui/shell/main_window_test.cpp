#include <ui/engine/embedded_gateway.h>
#include <ui/shell/main_window.h>
#include <ui/shell/theme.h>
#include <ui/shell/translations.h>

#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using gh::shell::MainWindow;
using gh::shell::Theme;

class MainWindowTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("GatehouseTest"));
        QApplication::setApplicationName(QStringLiteral("MainWindowTest"));
        QSettings().clear();
    }

    void hasTheFinalFrame()
    {
        Theme theme(*qApp);
        MainWindow window(theme);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *navigator = window.findChild<QDockWidget *>(QStringLiteral("navigatorDock"));
        auto *problems = window.findChild<QDockWidget *>(QStringLiteral("problemsDock"));
        auto *log = window.findChild<QDockWidget *>(QStringLiteral("logDock"));
        QVERIFY(navigator && problems && log);
        QCOMPARE(window.dockWidgetArea(navigator), Qt::LeftDockWidgetArea);
        QCOMPARE(window.dockWidgetArea(problems), Qt::BottomDockWidgetArea);
        QCOMPARE(window.dockWidgetArea(log), Qt::BottomDockWidgetArea);
        QVERIFY(window.centralWidget()->findChild<QTabWidget *>(QStringLiteral("editorTabs")));

        const QStringList menus = [&] {
            QStringList titles;
            for (QAction *action : window.menuBar()->actions())
                titles << action->text();
            return titles;
        }();
        QCOMPARE(menus, (QStringList{"&File", "&Edit", "&View", "&Gateway", "&Help"}));
        auto *open = window.findChild<QAction *>(QStringLiteral("openWorkspaceAction"));
        QVERIFY(open);
        QCOMPARE(open->shortcut(), QKeySequence(QKeySequence::Open));
        // The platform's key for Quit, Ctrl+Q where the platform has none (offscreen).
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("quitAction"))->shortcut(),
                 QKeySequence::keyBindings(QKeySequence::Quit).value(0, QKeySequence(Qt::CTRL | Qt::Key_Q)));
    }

    void servesTheOpenedWorkspace()
    {
        Theme theme(*qApp);
        MainWindow window(theme);
        QVERIFY(window.openWorkspace(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        QCOMPARE(window.gateway()->state(), gh::engine::EmbeddedGateway::State::Running);

        auto *status = window.findChild<QLabel *>(QStringLiteral("gatewayStatus"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(window.gateway()->address()), qPrintable(status->text()));
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("contoso")));

        auto *tree = window.findChild<QTreeView *>(QStringLiteral("navigator"));
        QVERIFY(tree->model()->rowCount() >= 6);

        // Activating an API opens it in a tab; activating it again does not open a second one.
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs"));
        const int before = tabs->count();
        const QModelIndex apis = tree->model()->index(1, 0);
        const QModelIndex versionSet = tree->model()->index(0, 0, apis);
        const QModelIndex api = tree->model()->index(0, 0, versionSet);
        QVERIFY(api.isValid());
        emit tree->activated(api);
        emit tree->activated(api);
        QCOMPARE(tabs->count(), before + 1);
        QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Conference API v1"));

        auto *stop = window.findChild<QAction *>(QStringLiteral("stopGatewayAction"));
        stop->trigger();
        QVERIFY(status->text().contains(QStringLiteral("stopped")));
        QVERIFY(!stop->isEnabled());
    }

    void switchesTheme()
    {
        Theme theme(*qApp);
        theme.setMode(Theme::Mode::Dark);
        QVERIFY(theme.isDark());
        QVERIFY(qApp->palette().color(QPalette::Window).lightness() < 100);
        theme.setMode(Theme::Mode::Light);
        QVERIFY(!theme.isDark());
        QVERIFY(qApp->palette().color(QPalette::Window).lightness() > 150);
        QCOMPARE(Theme::fromString(Theme::toString(Theme::Mode::Dark)), Theme::Mode::Dark);
        QCOMPARE(Theme::fromString(QStringLiteral("bogus")), Theme::Mode::System);
    }

    void speaksGerman()
    {
        QVERIFY(gh::shell::installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany)));
        Theme theme(*qApp);
        MainWindow window(theme);
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&Datei"));
        QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("problemsDock"))
                    ->windowTitle()
                    .startsWith(QStringLiteral("Probleme")));
        // Remove our translators again for the other tests.
        for (QTranslator *translator : qApp->findChildren<QTranslator *>())
            QCoreApplication::removeTranslator(translator);
    }
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
