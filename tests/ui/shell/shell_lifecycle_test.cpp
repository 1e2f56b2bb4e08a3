// The console shell with real widgets on a copy of the sample workspace: save and reopen, the prompt before losing
// changes, the recovery copy, external changes, the live engine, the command palette and the shortcuts.

#include <http_client.h>
#include <temp_folder.h>

#include <ui/engine/embedded_gateway.h>
#include <ui/shell/command_palette.h>
#include <ui/shell/info_bar.h>
#include <ui/shell/main_window.h>
#include <ui/shell/theme.h>
#include <ui/shell/tour.h>
#include <ui/workspace/problems_model.h>
#include <ui/workspace/workspace_document.h>
#include <ui/workspace/workspace_tree_model.h>

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

#include <filesystem>
#include <functional>

using gh::shell::MainWindow;
using gh::shell::Theme;
using gh::workspace::WorkspaceDocument;

namespace {

// Copies the sample workspace into a fresh temporary folder.
QString copySample(const gw::test::TempFolder &temp)
{
    return QString::fromStdString(temp.copySample().string());
}

// Calls `answer` on the next modal message box once it is shown (polling, as exec() runs its own event loop).
void whenMessageBoxShows(std::function<void(QMessageBox *)> answer, int attemptsLeft = 200)
{
    QTimer::singleShot(20, [answer = std::move(answer), attemptsLeft]() mutable {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            answer(box);
        else if (attemptsLeft > 0)
            whenMessageBoxShows(std::move(answer), attemptsLeft - 1);
    });
}

// Answers the next modal message box with `button`; `seen` records its text.
void answerNextMessageBox(QMessageBox::StandardButton button, QString *seen = nullptr)
{
    whenMessageBoxShows([button, seen](QMessageBox *box) {
        if (seen)
            *seen = box->text();
        box->button(button)->click();
    });
}

std::uint16_t portOf(const QString &address)
{
    return static_cast<std::uint16_t>(QUrl(address).port());
}

void setNamedValue(WorkspaceDocument &document, const std::string &name, const std::string &value)
{
    auto edited = *document.find<gw::model::NamedValue>(name);
    edited.value = value;
    document.putEntity<gw::model::NamedValue>(QStringLiteral("Edit value"), name, edited);
}

void setApiPath(WorkspaceDocument &document, const std::string &name, const std::string &path,
                std::optional<std::string> policy = std::nullopt)
{
    auto edited = *document.find<gw::model::Api>(name);
    edited.path = path;
    if (policy)
        edited.policy = gw::model::PolicyText{*policy};
    document.putEntity<gw::model::Api>(QStringLiteral("Edit API"), name, edited);
}

} // namespace

class ShellLifecycleTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("GatehouseTest"));
        QApplication::setApplicationName(QStringLiteral("ShellLifecycleTest"));
        QSettings().clear();
    }

    void savesAndReopensTheSame()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        Theme theme(*qApp);
        {
            MainWindow window(theme);
            QVERIFY(window.openWorkspace(folder));
            window.show();
            QVERIFY(!window.isWindowModified());
            setNamedValue(*window.document(), "event-name", "Saved Event");
            QVERIFY(window.isWindowModified());
            QVERIFY(window.windowTitle().contains(QStringLiteral("[*]")));

            // An open editor tab of the changed entity carries the marker; the Save action clears it.
            auto *tree = window.findChild<QTreeView *>(QStringLiteral("navigator"));
            const QModelIndex namedValue = window.findItem(
                static_cast<int>(gh::workspace::WorkspaceTreeModel::Kind::NamedValue), QStringLiteral("event-name"));
            QVERIFY(namedValue.isValid());
            emit tree->activated(namedValue);
            auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs"));
            QVERIFY2(tabs->tabText(tabs->currentIndex()).endsWith(QStringLiteral(" *")),
                     qPrintable(tabs->tabText(tabs->currentIndex())));

            auto *save = window.findChild<QAction *>(QStringLiteral("saveAction"));
            QVERIFY(save->isEnabled());
            save->trigger();
            QVERIFY(!window.isWindowModified());
            QVERIFY(!tabs->tabText(tabs->currentIndex()).endsWith(QStringLiteral(" *")));
            QVERIFY(!QFileInfo::exists(window.recoveryFolder()));
        }
        MainWindow again(theme);
        QVERIFY(again.openWorkspace(folder));
        QCOMPARE(*again.document()->find<gw::model::NamedValue>("event-name")->value, std::string("Saved Event"));
        QVERIFY(again.infoBar()->isHidden()); // nothing to recover after a save
    }

    // One undo stack for the workspace: Edit > Undo steps back through edits made in different editors, newest
    // first, and every open editor shows the value it brings back.
    void undoesAndRedoesAcrossEditors()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        Theme theme(*qApp);
        MainWindow window(theme);
        QVERIFY(window.openWorkspace(folder));
        window.show();
        using Kind = gh::workspace::WorkspaceTreeModel::Kind;
        auto *tree = window.findChild<QTreeView *>(QStringLiteral("navigator"));
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs"));

        emit tree->activated(window.findItem(static_cast<int>(Kind::Product), QStringLiteral("starter")));
        auto *productName = tabs->currentWidget()->findChild<QLineEdit *>(QStringLiteral("productDisplayName"));
        QVERIFY(productName);
        const QString productBefore = productName->text();
        QTest::keyClicks(productName, QStringLiteral(" plan"));

        emit tree->activated(window.findItem(static_cast<int>(Kind::Api), QStringLiteral("conference-api")));
        auto *apiName = tabs->currentWidget()->findChild<QLineEdit *>(QStringLiteral("displayNameEdit"));
        QVERIFY(apiName);
        const QString apiBefore = apiName->text();
        QTest::keyClicks(apiName, QStringLiteral(" 2026"));
        QCOMPARE(QString::fromStdString(*window.document()->model().findApi("conference-api")->displayName),
                 apiBefore + QStringLiteral(" 2026"));

        auto *undo = window.findChild<QAction *>(QStringLiteral("undoAction"));
        auto *redo = window.findChild<QAction *>(QStringLiteral("redoAction"));
        undo->trigger(); // the API's edit, the newest
        QCOMPARE(apiName->text(), apiBefore);
        QCOMPARE(productName->text(), productBefore + QStringLiteral(" plan"));
        undo->trigger(); // then the product's
        QCOMPARE(productName->text(), productBefore);
        QVERIFY(!window.isWindowModified());
        redo->trigger();
        QCOMPARE(productName->text(), productBefore + QStringLiteral(" plan"));
        QCOMPARE(QString::fromStdString(*window.document()->model().findProduct("starter")->displayName),
                 productBefore + QStringLiteral(" plan"));
        QVERIFY(window.isWindowModified());
    }

    void asksBeforeLosingChanges()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        Theme theme(*qApp);
        MainWindow window(theme);
        QVERIFY(window.openWorkspace(folder));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        setNamedValue(*window.document(), "event-name", "Unsaved");

        // Cancel keeps the window and the edit.
        QString text;
        answerNextMessageBox(QMessageBox::Cancel, &text);
        QVERIFY(!window.close());
        QVERIFY(text.contains(QStringLiteral("unsaved changes")));
        QVERIFY(window.isVisible());
        QVERIFY(window.document()->isModified());

        // Opening another workspace asks too; Cancel stays.
        answerNextMessageBox(QMessageBox::Cancel);
        QVERIFY(!window.openWorkspace(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        QCOMPARE(window.document()->folder(), QDir(folder).absolutePath());

        // Revert asks for confirmation, then reads the files again.
        whenMessageBoxShows([](QMessageBox *box) {
            for (QAbstractButton *button : box->buttons())
                if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                    button->click();
        });
        QVERIFY(window.revert());
        QCOMPARE(*window.document()->find<gw::model::NamedValue>("event-name")->value, std::string("Contoso DevDays"));
        QVERIFY(!window.isWindowModified());

        // Discard closes without writing.
        setNamedValue(*window.document(), "event-name", "Discarded");
        answerNextMessageBox(QMessageBox::Discard);
        QVERIFY(window.close());
        QFile file(folder + QStringLiteral("/named values/event-name/namedValueInformation.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("Discarded"));
    }

    void restoresTheRecoveryCopyAfterACrash()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        Theme theme(*qApp);
        QString recovery;
        {
            auto window = std::make_unique<MainWindow>(theme);
            window->setAutosaveInterval(100);
            QVERIFY(window->openWorkspace(folder));
            setNamedValue(*window->document(), "event-name", "Recovered Event");
            recovery = window->recoveryFolder();
            QVERIFY(!recovery.isEmpty());
            QTRY_VERIFY_WITH_TIMEOUT(
                QFileInfo::exists(recovery +
                                  QStringLiteral("/copy/named values/event-name/namedValueInformation.json")),
                5000);
            // A crash: the window goes without closing, nothing is saved.
            window.reset();
        }
        QVERIFY(QFileInfo::exists(recovery));
        MainWindow window(theme);
        QVERIFY(window.openWorkspace(folder));
        QCOMPARE(*window.document()->find<gw::model::NamedValue>("event-name")->value,
                 std::string("Contoso DevDays")); // the files, until the offer is taken
        QVERIFY(!window.infoBar()->isHidden());
        QPushButton *restore = window.infoBar()->button(QStringLiteral("infoBarRestore"));
        QVERIFY(restore);
        QTest::mouseClick(restore, Qt::LeftButton);
        QCOMPARE(*window.document()->find<gw::model::NamedValue>("event-name")->value, std::string("Recovered Event"));
        QVERIFY(window.document()->isModified());
        // Undoable, and savable.
        window.document()->undoStack()->undo();
        QCOMPARE(*window.document()->find<gw::model::NamedValue>("event-name")->value, std::string("Contoso DevDays"));
        window.document()->undoStack()->redo();
        QVERIFY(window.save());
        QVERIFY(!QFileInfo::exists(recovery));
    }

    void reloadsExternalChanges()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        Theme theme(*qApp);
        MainWindow window(theme);
        QVERIFY(window.openWorkspace(folder));
        const QString file = folder + QStringLiteral("/named values/event-name/namedValueInformation.json");
        auto rewrite = [&](const QByteArray &from, const QByteArray &to) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QByteArray text = f.readAll();
            f.close();
            QVERIFY(text.contains(from));
            text.replace(from, to);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(text);
        };

        // No unsaved edits: read again silently.
        rewrite("Contoso DevDays", "Changed Outside");
        QTRY_COMPARE_WITH_TIMEOUT(
            QString::fromStdString(*window.document()->find<gw::model::NamedValue>("event-name")->value),
            QStringLiteral("Changed Outside"), 5000);
        QVERIFY(window.infoBar()->isHidden());

        // With unsaved edits: the bar asks; "Keep Mine" keeps them, "Reload" reads the files.
        setNamedValue(*window.document(), "environment-name", "mine");
        rewrite("Changed Outside", "Changed Again");
        QTRY_VERIFY_WITH_TIMEOUT(!window.infoBar()->isHidden(), 5000);
        QVERIFY(window.infoBar()->message().contains(QStringLiteral("changed on disk")));
        QTest::mouseClick(window.infoBar()->button(QStringLiteral("infoBarReload")), Qt::LeftButton);
        QCOMPARE(*window.document()->find<gw::model::NamedValue>("event-name")->value, std::string("Changed Again"));
        QVERIFY(!window.document()->isModified());

        // Our own save is not an external change.
        setNamedValue(*window.document(), "event-name", "Saved Here");
        QVERIFY(window.save());
        QTest::qWait(1200);
        QVERIFY(window.infoBar()->isHidden());
        QCOMPARE(*window.document()->find<gw::model::NamedValue>("event-name")->value, std::string("Saved Here"));
    }

    void servesLiveEditsAndKeepsTheLastGoodConfiguration()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        Theme theme(*qApp);
        MainWindow window(theme);
        QVERIFY(window.openWorkspace(folder));
        window.show();
        auto *gateway = window.gateway();
        QCOMPARE(gateway->state(), gh::engine::EmbeddedGateway::State::Running);
        const auto port = portOf(gateway->address());
        QCOMPARE(gw::test::get(port, "/petstore/pets").status, 401); // routed: the key is missing
        QCOMPARE(gw::test::get(port, "/petstore-live/pets").status, 404);

        // An edit is served within a second, without saving.
        QElapsedTimer clock;
        clock.start();
        setApiPath(*window.document(), "petstore-api", "petstore-live");
        // Within a second here (about 350 ms); the bound leaves room for a loaded CI machine.
        QTRY_COMPARE_WITH_TIMEOUT(gw::test::get(port, "/petstore-live/pets").status, 401, 2000);
        qInfo("edit served after %lld ms", static_cast<long long>(clock.elapsed()));
        QCOMPARE(gw::test::get(port, "/petstore/pets").status, 404);
        QVERIFY(window.document()->isModified());

        // A broken edit: problems are listed, the status bar says so, the last good configuration serves.
        auto *problems = window.findChild<QTreeView *>(QStringLiteral("problemsView"));
        const int problemsBefore = problems->model()->rowCount();
        setApiPath(*window.document(), "petstore-api", "petstore-broken",
                   std::string("<policies><inbound><no-such-policy /></inbound></policies>"));
        QTRY_VERIFY_WITH_TIMEOUT(!gateway->isServingLatest(), 5000);
        QVERIFY(problems->model()->rowCount() > problemsBefore);
        auto *live = window.findChild<QLabel *>(QStringLiteral("liveStatus"));
        QVERIFY2(live->text().contains(QStringLiteral("last good configuration")), qPrintable(live->text()));
        QCOMPARE(gw::test::get(port, "/petstore-live/pets").status, 401);
        QCOMPARE(gw::test::get(port, "/petstore-broken/pets").status, 404);

        // Double-clicking the problem opens the policy at its place.
        const QModelIndex first = problems->model()->index(0, 0);
        emit problems->activated(first);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs"));
        QVERIFY(tabs->currentWidget());

        // Undo: it compiles again and is served.
        window.document()->undoStack()->undo();
        QTRY_VERIFY_WITH_TIMEOUT(gateway->isServingLatest(), 5000);
        QVERIFY(live->isHidden());
        QCOMPARE(gw::test::get(port, "/petstore-live/pets").status, 401);

        // A named value reaches the responses: a policy answers with it in a header.
        setApiPath(*window.document(), "petstore-api", "petstore-live",
                   std::string("<policies><inbound><return-response><set-header name=\"X-Event\" "
                               "exists-action=\"override\"><value>{{event-name}}</value></set-header>"
                               "</return-response></inbound></policies>"));
        const std::string keyed = "/petstore-live/pets?subscription-key=unlimited-demo-primary-key-0001";
        QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(gw::test::get(port, keyed).headers["x-event"]),
                                  QStringLiteral("Contoso DevDays"), 2000);
        setNamedValue(*window.document(), "event-name", "Live Edit Days");
        QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(gw::test::get(port, keyed).headers["x-event"]),
                                  QStringLiteral("Live Edit Days"), 2000);

        // The log dock shows the requests and the status bar their rate.
        auto *log = window.findChild<QPlainTextEdit *>(QStringLiteral("logView"));
        QTRY_VERIFY_WITH_TIMEOUT(log->toPlainText().contains(QStringLiteral("GET /petstore-live/pets")), 3000);
        QTRY_VERIFY_WITH_TIMEOUT(gateway->requestRate() > 0, 3000);
        auto *rate = window.findChild<QLabel *>(QStringLiteral("rateStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(rate->text().contains(QStringLiteral("req/s")), 3000);
    }

    // The tour edits the workspace for its pictures and leaves nothing behind: nothing to undo that was not there,
    // nothing to redo, the document unmodified.
    void tourLeavesTheUndoStackAsItFoundIt()
    {
        gw::test::TempFolder temp;
        gw::test::TempFolder shots;
        Theme theme(*qApp);
        MainWindow window(theme);
        QVERIFY(window.openWorkspace(QString::fromStdString(temp.copySample().string())));
        QUndoStack *stack = window.document()->undoStack();
        QVERIFY(stack->isClean());
        QVERIFY(gh::shell::runTour(window, theme, QString::fromStdString(shots.path().string())) > 0);
        QVERIFY(!stack->canRedo());
        QVERIFY(!stack->canUndo());
        QVERIFY(stack->isClean());
        QVERIFY(!window.document()->isModified());
    }

    void paletteFiltersAndRuns()
    {
        Theme theme(*qApp);
        MainWindow window(theme);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QAction *>(QStringLiteral("commandPaletteAction"))->trigger();
        auto *palette = window.commandPalette();
        QTRY_VERIFY(palette->isVisible());
        auto *filter = palette->findChild<QLineEdit *>(QStringLiteral("commandFilter"));
        auto *list = palette->findChild<QListView *>(QStringLiteral("commandList"));
        const int all = list->model()->rowCount();
        QVERIFY(all > 20);
        QTest::keyClicks(filter, QStringLiteral("fullscr"));
        QVERIFY(list->model()->rowCount() < all);
        QCOMPARE(list->currentIndex().data().toString(), QStringLiteral("View › Full Screen"));
        QVERIFY(!list->currentIndex().data(gh::shell::CommandListModel::ShortcutRole).toString().isEmpty());

        // The popup is as tall as its rows: every row shown, no empty space below them, and a long list is
        // capped (it scrolls) with whole rows.
        const int rowHeight = list->sizeHintForRow(0);
        QVERIFY(rowHeight > 0);
        const int few = list->model()->rowCount();
        QVERIFY(few < 6);
        QCOMPARE(list->height(), few * rowHeight + 2 * list->frameWidth());
        auto *hint = palette->findChild<QLabel *>(QStringLiteral("commandHint"));
        QVERIFY(palette->height() - (hint->geometry().bottom() + 1) <= 16);
        const int shortHeight = palette->height();
        filter->clear();
        QVERIFY(palette->height() > shortHeight);
        QVERIFY(palette->height() <= 420);
        QCOMPARE((list->height() - 2 * list->frameWidth()) % rowHeight, 0);
        QVERIFY(list->height() < all * rowHeight);

        // Arrow keys move, Esc closes without running anything.
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("theme"));
        QVERIFY(list->model()->rowCount() >= 4);
        QTest::keyClick(filter, Qt::Key_Down);
        QCOMPARE(list->currentIndex().row(), 1);
        QTest::keyClick(filter, Qt::Key_Up);
        QCOMPARE(list->currentIndex().row(), 0);
        QTest::keyClick(filter, Qt::Key_Escape);
        QVERIFY(!palette->isVisible());

        // Enter runs the selection.
        auto *fullScreen = window.findChild<QAction *>(QStringLiteral("fullScreenAction"));
        QVERIFY(!fullScreen->isChecked());
        window.findChild<QAction *>(QStringLiteral("commandPaletteAction"))->trigger();
        QTest::keyClicks(filter, QStringLiteral("full screen"));
        QTest::keyClick(filter, Qt::Key_Return);
        QVERIFY(!palette->isVisible());
        QVERIFY(fullScreen->isChecked());
        fullScreen->trigger();
    }

    void everyActionHasAMenuAndAUniqueShortcut()
    {
        Theme theme(*qApp);
        MainWindow window(theme);
        gh::shell::CommandListModel inMenus;
        inMenus.collect(*window.menuBar());
        QSet<QAction *> reachable;
        for (int row = 0; row < inMenus.rowCount(); ++row)
            reachable.insert(inMenus.action(row));

        QHash<QString, QString> seen;
        int checked = 0;
        for (QAction *action : window.findChildren<QAction *>()) {
            const QString name = action->objectName();
            // Recent workspaces and submenus are not commands of their own; Qt's internal actions ("_q_...") and
            // the editors' own actions (inside their pages) are not the window's.
            if (name.isEmpty() || name.startsWith(QLatin1String("_q_")) || action->isSeparator() || action->menu() ||
                !(action->parent() == &window || name.startsWith(QLatin1String("toggle"))))
                continue;
            ++checked;
            QVERIFY2(reachable.contains(action), qPrintable(name + " is in no menu"));
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(name + " has no shortcut"));
            for (const QKeySequence &keys : action->shortcuts()) {
                const QString text = keys.toString(QKeySequence::PortableText);
                QVERIFY2(!seen.contains(text),
                         qPrintable(QStringLiteral("%1 and %2 share %3").arg(seen.value(text), name, text)));
                seen.insert(text, name);
            }
        }
        QVERIFY(checked >= 25);
    }

    void createsANewWorkspace()
    {
        gw::test::TempFolder temp;
        Theme theme(*qApp);
        MainWindow window(theme);
        const QString folder = QString::fromStdString((temp.path() / "fresh").string());
        QVERIFY(window.newWorkspace(folder));
        QVERIFY(window.document()->isOpen());
        QVERIFY(window.document()->diagnostics().empty());
        QCOMPARE(window.gateway()->state(), gh::engine::EmbeddedGateway::State::Running);
        QCOMPARE(gw::test::get(portOf(window.gateway()->address()), "/status-0123456789abcdef").status, 200);
        // Not over an existing one.
        answerNextMessageBox(QMessageBox::Ok);
        QVERIFY(!window.newWorkspace(folder));
        QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/apimartifacts")));
    }

    void settingsValidateInlineAndAreRemembered()
    {
        Theme theme(*qApp);
        MainWindow window(theme);
        window.show();
        window.findChild<QAction *>(QStringLiteral("settingsAction"))->trigger();
        auto *dialog = window.findChild<QDialog *>(QStringLiteral("settingsDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *ok =
            dialog->findChild<QDialogButtonBox *>(QStringLiteral("settingsButtons"))->button(QDialogButtonBox::Ok);
        auto *tls = dialog->findChild<QCheckBox *>(QStringLiteral("tlsCheck"));
        auto *certificate = dialog->findChild<QLineEdit *>(QStringLiteral("certificateEdit"));
        auto *problem = dialog->findChild<QLabel *>(QStringLiteral("certificateProblem"));
        QVERIFY(ok->isEnabled());
        tls->click();
        QVERIFY(!ok->isEnabled());
        QVERIFY(problem->isVisible());
        QTest::keyClicks(certificate, QStringLiteral("/no/such/cert.pem"));
        QCOMPARE(problem->text(), QStringLiteral("No such file."));
        tls->click();
        QVERIFY(ok->isEnabled());
        auto *port = dialog->findChild<QSpinBox *>(QStringLiteral("portSpin"));
        port->setValue(45678);
        auto *retention = dialog->findChild<QSpinBox *>(QStringLiteral("retentionSpin"));
        QCOMPARE(retention->value(), 7);
        retention->setValue(0);
        QCOMPARE(retention->text(), QStringLiteral("Forever"));
        retention->setValue(30);
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(window.gateway()->settings().port, 45678);
        QCOMPARE(window.gateway()->settings().analyticsRetentionDays, 30);
        QCOMPARE(QSettings().value(QStringLiteral("gateway/analyticsRetentionDays")).toInt(), 30);
        QCOMPARE(QSettings().value(QStringLiteral("gateway/port")).toInt(), 45678);
        QCOMPARE(gh::engine::GatewaySettings::load().certificateFile, QStringLiteral("/no/such/cert.pem"));
        gh::engine::GatewaySettings{}.save();
    }

    void f6CyclesThePanes()
    {
        Theme theme(*qApp);
        MainWindow window(theme);
        QVERIFY(window.openWorkspace(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *next = window.findChild<QAction *>(QStringLiteral("nextPaneAction"));
        auto *navigator = window.findChild<QTreeView *>(QStringLiteral("navigator"));
        auto *problems = window.findChild<QTreeView *>(QStringLiteral("problemsView"));
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs"));
        navigator->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), navigator);
        next->trigger();
        QTRY_VERIFY(tabs->currentWidget()->isAncestorOf(QApplication::focusWidget()) ||
                    QApplication::focusWidget() == tabs->currentWidget());
        next->trigger();
        QTRY_COMPARE(QApplication::focusWidget(), problems);
        window.findChild<QAction *>(QStringLiteral("previousPaneAction"))->trigger();
        QTRY_VERIFY(QApplication::focusWidget() != problems);
        // Every control of the frame has an accessible name.
        for (QWidget *widget :
             {static_cast<QWidget *>(navigator), static_cast<QWidget *>(problems), static_cast<QWidget *>(tabs)})
            QVERIFY(!widget->accessibleName().isEmpty());
    }

    void followsTheHighContrastTheme()
    {
        Theme theme(*qApp);
        theme.setMode(Theme::Mode::HighContrast);
        QVERIFY(theme.isHighContrast());
        QCOMPARE(qApp->palette().color(QPalette::Window), QColor(Qt::black));
        QCOMPARE(qApp->palette().color(QPalette::WindowText), QColor(Qt::white));
        QCOMPARE(Theme::fromString(Theme::toString(Theme::Mode::HighContrast)), Theme::Mode::HighContrast);
        theme.setMode(Theme::Mode::Light);
    }
};

QTEST_MAIN(ShellLifecycleTest)
#include "shell_lifecycle_test.moc"
