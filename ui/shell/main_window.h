#pragma once

#include <QMainWindow>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QTabWidget;
class QTreeView;

namespace gh::workspace {
class ProblemsModel;
class WorkspaceDocument;
class WorkspaceTreeModel;
} // namespace gh::workspace

namespace gh::engine {
class EmbeddedGateway;
}

namespace gh::shell {

class Theme;

// The console's frame: navigator (left), editor tabs (centre), problems and
// log (bottom), gateway status in the status bar. Owns the open workspace and
// the embedded gateway that serves it.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Theme &theme, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the folder, shows it in the navigator and serves it with the embedded gateway.
    bool openWorkspace(const QString &folder);

    workspace::WorkspaceDocument *document() const { return m_document; }
    engine::EmbeddedGateway *gateway() const { return m_gateway; }

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

    void chooseWorkspace();
    void openItem(const QModelIndex &index);
    void showWelcome();
    void closeTab(int index);
    void showAbout();
    void log(const QString &message);
    void rememberRecent(const QString &folder);
    void updateRecentMenu();
    void updateGatewayStatus();
    void updateTitle();

    Theme &m_theme;
    workspace::WorkspaceDocument *m_document = nullptr;
    workspace::WorkspaceTreeModel *m_treeModel = nullptr;
    workspace::ProblemsModel *m_problemsModel = nullptr;
    engine::EmbeddedGateway *m_gateway = nullptr;

    QTreeView *m_navigator = nullptr;
    QTabWidget *m_editors = nullptr;
    QTreeView *m_problems = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QDockWidget *m_navigatorDock = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    QDockWidget *m_logDock = nullptr;
    QLabel *m_workspaceStatus = nullptr;
    QLabel *m_gatewayStatus = nullptr;
    QMenu *m_recentMenu = nullptr;

    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_closeTabAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_startGatewayAction = nullptr;
    QAction *m_stopGatewayAction = nullptr;
    QAction *m_restartGatewayAction = nullptr;
    QAction *m_copyAddressAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QActionGroup *m_themeGroup = nullptr;
};

} // namespace gh::shell
