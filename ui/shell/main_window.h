#pragma once

#include <common/diagnostic.h>
#include <ui/workspace/policy_target.h>

#include <QMainWindow>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QTabWidget;
class QTreeView;

namespace gw::store {
class FolderWatcher;
}

namespace gh::workspace {
class ProblemsModel;
class WorkspaceDocument;
class WorkspaceTreeModel;
} // namespace gh::workspace

namespace gh::engine {
class EmbeddedGateway;
}

namespace gh::policies {
class PolicyEditor;
}

namespace gh::analytics {
class AnalyticsView;
}

namespace gh::shell {

class CommandPalette;
class InfoBar;
class RecoveryStore;
class Theme;

// The console's frame: navigator (left), editor tabs (centre), problems and
// log (bottom), gateway status in the status bar. Owns the open workspace and
// the embedded gateway that serves it, live: every edit is compiled and served
// within a second, and kept in a recovery copy until it is saved.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Theme &theme, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the folder, shows it in the navigator and serves it with the embedded gateway. Asks first when the
    // open workspace has unsaved edits; false when the user cancels or there is no workspace there.
    bool openWorkspace(const QString &folder);
    // Creates the smallest valid APIOps root (a global policy.xml) in `folder`, then opens it.
    bool newWorkspace(const QString &folder);
    bool save();
    bool saveAll();
    // Reads the files again after asking; false when the user cancels.
    bool revert();

    workspace::WorkspaceDocument *document() const { return m_document; }
    engine::EmbeddedGateway *gateway() const { return m_gateway; }
    CommandPalette *commandPalette() const { return m_palette; }
    InfoBar *infoBar() const { return m_infoBar; }
    // The navigator's item for an entity (`kind` a WorkspaceTreeModel::Kind; `apiName` for an operation).
    QModelIndex findItem(int kind, const QString &name, const QString &apiName = {}) const;
    // Opens (or brings forward) the Analytics tab.
    analytics::AnalyticsView *showAnalytics();

    // Tests make these short.
    void setAutosaveInterval(int ms) { m_autosaveTimer.setInterval(ms); }
    void setLiveCompileDelay(int ms) { m_compileTimer.setInterval(ms); }
    QString recoveryFolder() const;

    // The bars as they appear when it happens (also for the screenshot tour).
    void offerExternalReload();
    void offerRecovery();
    void showCommandPalette();
    void showSettings();
    // Opens the file of a problem (relative to the root) at line:column, or the entity it belongs to.
    void openProblemLocation(const QString &file, int line, int column);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setupActions();
    void setupNavigator();
    void setupEditors();
    void setupProblems();
    void setupLog();
    void setupMenus();
    void setupStatusBar();
    void restoreLayout();

    // Save / Discard / Cancel before unsaved edits are lost; true when it is fine to go on.
    bool maybeSave(const QString &action);
    void afterLoad(bool keepTabs);
    void chooseWorkspace();
    void chooseNewWorkspace();
    void openItem(const QModelIndex &index);
    // The editor of a policy document, opened (or brought forward) in its tab; null when `target` is none.
    policies::PolicyEditor *openPolicy(const std::optional<workspace::PolicyTarget> &target);
    // Connects what an editor page asks of the shell (a designer's "Edit policy", a policy editor's problems).
    void connectPolicyRequests(QWidget *page);
    void showWelcome();
    void closeTab(int index);
    void showAbout();
    void log(const QString &message);
    void rememberRecent(const QString &folder);
    void updateRecentMenu();
    void updateGatewayStatus();
    void updateRate();
    void updateTitle();
    void updateTabMarkers();
    void updateProblems();
    void refreshNavigator();
    void compileLive();
    void autosave();
    void watchRoot();
    void filesChangedOnDisk();
    void reloadFromDisk();
    void cyclePane(int step);

    Theme &m_theme;
    workspace::WorkspaceDocument *m_document = nullptr;
    workspace::WorkspaceTreeModel *m_treeModel = nullptr;
    workspace::ProblemsModel *m_problemsModel = nullptr;
    engine::EmbeddedGateway *m_gateway = nullptr;
    CommandPalette *m_palette = nullptr;
    InfoBar *m_infoBar = nullptr;
    std::unique_ptr<RecoveryStore> m_recovery;
    std::unique_ptr<gw::store::FolderWatcher> m_watcher;

    QTreeView *m_navigator = nullptr;
    QTabWidget *m_editors = nullptr;
    QTreeView *m_problems = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QDockWidget *m_navigatorDock = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    QDockWidget *m_logDock = nullptr;
    QLabel *m_workspaceStatus = nullptr;
    QLabel *m_liveStatus = nullptr;
    QLabel *m_rateStatus = nullptr;
    QLabel *m_gatewayStatus = nullptr;
    QMenu *m_recentMenu = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAllAction = nullptr;
    QAction *m_revertAction = nullptr;
    QAction *m_closeTabAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_paletteAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_nextPaneAction = nullptr;
    QAction *m_previousPaneAction = nullptr;
    QAction *m_nextTabAction = nullptr;
    QAction *m_previousTabAction = nullptr;
    QAction *m_startGatewayAction = nullptr;
    QAction *m_stopGatewayAction = nullptr;
    QAction *m_restartGatewayAction = nullptr;
    QAction *m_copyAddressAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QActionGroup *m_themeGroup = nullptr;

    QTimer m_navigatorTimer; // debounces navigator refreshes
    QTimer m_compileTimer;   // debounces live compiles
    QTimer m_autosaveTimer;
    QTimer m_rateTimer;
    bool m_autosavePending = false;    // edits since the last recovery copy
    bool m_compiledSinceOpen = false;  // problems come from the live engine from then on
    qint64 m_ignoreChangesUntil = 0;   // our own saves land in the watched folder
    QSet<QString> m_changedEntities;   // "kind/name" of entities edited since the last save
    gw::Diagnostics m_fileDiagnostics; // problems of reading the files, validation apart
};

} // namespace gh::shell
