#include "main_window.h"
#include "editors.h"

#include "command_palette.h"
#include "info_bar.h"
#include "recovery.h"
#include "settings_dialog.h"
#include "theme.h"

#include <gatehouse_version.h>
#include <model/validation.h>
#include <store/folder_watcher.h>
#include <ui/analytics/analytics_view.h>
#include <ui/apis/api_actions.h>
#include <ui/apis/api_designer.h>
#include <ui/console/console_view.h>
#include <ui/engine/embedded_gateway.h>
#include <ui/entities/entity_actions.h>
#include <ui/entities/local_secrets.h>
#include <ui/entities/product_editor.h>
#include <ui/entities/user_directory.h>
#include <ui/policies/policy_editor.h>
#include <ui/workspace/problems_model.h>
#include <ui/workspace/workspace_document.h>
#include <ui/workspace/workspace_tree_model.h>

#include <store/console_data.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

#include <chrono>
#include <functional>

namespace gh::shell {

namespace {

constexpr int kMaxRecent = 8;
const char *const kRecentKey = "workspace/recent";
constexpr int kWatchDebounceMs = 300;

using TreeKind = workspace::WorkspaceTreeModel::Kind;
using workspace::EntityKind;

// The document's entity behind a navigator item: "kind/name", or empty when the item is not one.
QString entityKey(TreeKind kind, const QString &name, const QString &apiName)
{
    auto key = [](EntityKind k, const QString &n) { return QString::number(static_cast<int>(k)) + '/' + n; };
    switch (kind) {
    case TreeKind::ServicePolicy:
        return key(EntityKind::ServicePolicy, {});
    case TreeKind::VersionSet:
        return key(EntityKind::VersionSet, name);
    case TreeKind::Api:
        return key(EntityKind::Api, name);
    case TreeKind::Operation:
        return key(EntityKind::Api, apiName);
    case TreeKind::Product:
        return key(EntityKind::Product, name);
    case TreeKind::Subscription:
        return key(EntityKind::Subscription, name);
    case TreeKind::NamedValue:
        return key(EntityKind::NamedValue, name);
    case TreeKind::Backend:
        return key(EntityKind::Backend, name);
    case TreeKind::PolicyFragment:
        return key(EntityKind::PolicyFragment, name);
    case TreeKind::Group:
        return key(EntityKind::Group, name);
    default:
        return {};
    }
}

// The navigator item a file of the layout belongs to (relative path): its kind and name.
std::pair<TreeKind, QString> itemOfFile(const QString &file)
{
    if (file == QLatin1String("policy.xml"))
        return {TreeKind::ServicePolicy, {}};
    const std::pair<const char *, TreeKind> folders[] = {
        {"apis/", TreeKind::Api},
        {"products/", TreeKind::Product},
        {"subscriptions/", TreeKind::Subscription},
        {"named values/", TreeKind::NamedValue},
        {"backends/", TreeKind::Backend},
        {"policy fragments/", TreeKind::PolicyFragment},
        {"version sets/", TreeKind::VersionSet},
        {"groups/", TreeKind::Group},
    };
    for (const auto &[prefix, kind] : folders) {
        const QString p = QLatin1String(prefix);
        if (file.startsWith(p))
            return {kind, file.mid(p.size()).section(QLatin1Char('/'), 0, 0)};
    }
    return {TreeKind::Category, {}};
}

// A navigator item's identity that survives a rebuild of the tree.
QString itemPath(const QModelIndex &index)
{
    QStringList parts;
    for (QModelIndex i = index; i.isValid(); i = i.parent())
        parts.prepend(
            QString::number(static_cast<int>(i.data(workspace::WorkspaceTreeModel::KindRole).value<TreeKind>())) + ':' +
            i.data(workspace::WorkspaceTreeModel::NameRole).toString() + ':' + i.data(Qt::DisplayRole).toString());
    return parts.join(QLatin1Char('\n'));
}

void forEachItem(const QAbstractItemModel *model, const QModelIndex &parent,
                 const std::function<void(const QModelIndex &)> &visit)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        visit(index);
        forEachItem(model, index, visit);
    }
}

} // namespace

MainWindow::MainWindow(Theme &theme, QWidget *parent)
    : QMainWindow(parent), m_theme(theme), m_document(new workspace::WorkspaceDocument(this)),
      m_treeModel(new workspace::WorkspaceTreeModel(this)), m_problemsModel(new workspace::ProblemsModel(this)),
      m_gateway(new engine::EmbeddedGateway(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/gatehouse.svg")));
    setDockOptions(AnimatedDocks | AllowTabbedDocks);
    m_gateway->setSettings(engine::GatewaySettings::load());

    setupActions();
    setupNavigator();
    setupEditors();
    setupProblems();
    setupLog();
    setupMenus();
    setupStatusBar();
    restoreLayout();
    m_palette = new CommandPalette(this);

    m_navigatorTimer.setSingleShot(true);
    m_navigatorTimer.setInterval(150);
    connect(&m_navigatorTimer, &QTimer::timeout, this, &MainWindow::refreshNavigator);
    m_compileTimer.setSingleShot(true);
    m_compileTimer.setInterval(300);
    connect(&m_compileTimer, &QTimer::timeout, this, &MainWindow::compileLive);
    m_autosaveTimer.setInterval(10000);
    connect(&m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosave);
    m_rateTimer.setInterval(1000);
    connect(&m_rateTimer, &QTimer::timeout, this, &MainWindow::updateRate);
    m_rateTimer.start();

    // Secrets and users live beside the model: their changes refresh what shows them.
    connect(&entities::LocalSecrets::of(*m_document), &entities::LocalSecrets::secretChanged, this,
            [this] { m_compileTimer.start(); });
    connect(&entities::UserDirectory::of(*m_document), &entities::UserDirectory::userChanged, this,
            [this] { m_navigatorTimer.start(); });
    connect(m_document, &workspace::WorkspaceDocument::modelChanged, this, [this] {
        m_navigatorTimer.start();
        m_compileTimer.start();
        m_autosavePending = true;
    });
    connect(m_document, &workspace::WorkspaceDocument::entityChanged, this,
            [this](EntityKind kind, const QString &oldName, const QString &newName) {
                for (const QString &name : {oldName, newName})
                    m_changedEntities.insert(QString::number(static_cast<int>(kind)) + '/' + name);
                updateTabMarkers();
            });
    connect(m_document, &workspace::WorkspaceDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified) {
            m_changedEntities.clear();
            if (m_recovery)
                m_recovery->remove(); // back at the saved state: nothing to recover
            m_autosavePending = false;
        }
        if (modified)
            m_autosaveTimer.start();
        else
            m_autosaveTimer.stop();
        updateTitle();
        updateTabMarkers();
    });

    connect(m_gateway, &engine::EmbeddedGateway::stateChanged, this, [this](engine::EmbeddedGateway::State state) {
        updateGatewayStatus();
        // A start reads the files; unsaved edits are served on top at once.
        if (state == engine::EmbeddedGateway::State::Running && m_document->isModified())
            compileLive();
    });
    connect(m_gateway, &engine::EmbeddedGateway::messageLogged, this, &MainWindow::log);
    connect(m_gateway, &engine::EmbeddedGateway::diagnosticsChanged, this, [this] {
        m_compiledSinceOpen = true;
        updateProblems();
        updateGatewayStatus();
    });
    updateGatewayStatus();
    updateTitle();
    showWelcome();
}

MainWindow::~MainWindow()
{
    m_watcher.reset(); // joins its thread before anything it may call into goes
    // The document and the gateway are destroyed after this window's members, and say so (the undo stack turns
    // clean as it goes): nothing here may hear it, least of all the handler that removes the recovery copy.
    m_document->disconnect(this);
    m_document->undoStack()->disconnect(this);
    m_gateway->disconnect(this);
    m_compileTimer.stop();
}

QString MainWindow::recoveryFolder() const
{
    return m_recovery ? m_recovery->folder() : QString();
}

// The platform's keys for a standard action, or `fallback` where it has none (some platforms, offscreen, leave
// Quit or Full Screen unbound).
static QKeySequence standardKey(QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    const QList<QKeySequence> bindings = QKeySequence::keyBindings(key);
    return bindings.isEmpty() ? fallback : bindings.first();
}

void MainWindow::setupActions()
{
    auto make = [this](const QString &text, const QKeySequence &shortcut, const char *name) {
        auto *action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setObjectName(QLatin1String(name));
        addAction(action); // reachable by its shortcut even with the menu bar hidden (full screen)
        return action;
    };
    m_newAction = make(tr("&New Workspace…"), standardKey(QKeySequence::New, QKeySequence(Qt::CTRL | Qt::Key_N)),
                       "newWorkspaceAction");
    connect(m_newAction, &QAction::triggered, this, &MainWindow::chooseNewWorkspace);
    m_openAction = make(tr("&Open Workspace…"), standardKey(QKeySequence::Open, QKeySequence(Qt::CTRL | Qt::Key_O)),
                        "openWorkspaceAction");
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseWorkspace);
    m_saveAction = make(tr("&Save"), standardKey(QKeySequence::Save, QKeySequence(Qt::CTRL | Qt::Key_S)), "saveAction");
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);
    m_saveAllAction = make(tr("Save A&ll"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S), "saveAllAction");
    connect(m_saveAllAction, &QAction::triggered, this, &MainWindow::saveAll);
    m_revertAction = make(tr("Re&vert to Saved…"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R), "revertAction");
    connect(m_revertAction, &QAction::triggered, this, &MainWindow::revert);
    m_closeTabAction =
        make(tr("&Close Tab"), standardKey(QKeySequence::Close, QKeySequence(Qt::CTRL | Qt::Key_W)), "closeTabAction");
    connect(m_closeTabAction, &QAction::triggered, this, [this] { closeTab(m_editors->currentIndex()); });
    m_quitAction = make(tr("&Quit"), standardKey(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)), "quitAction");
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(standardKey(QKeySequence::Undo, QKeySequence(Qt::CTRL | Qt::Key_Z)));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_redoAction = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(standardKey(QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    addActions({m_undoAction, m_redoAction});
    m_paletteAction =
        make(tr("Command &Palette…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), "commandPaletteAction");
    connect(m_paletteAction, &QAction::triggered, this, &MainWindow::showCommandPalette);
    m_settingsAction = make(tr("Se&ttings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), "settingsAction");
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);

    m_nextPaneAction = make(tr("Next &Pane"), QKeySequence(Qt::Key_F6), "nextPaneAction");
    connect(m_nextPaneAction, &QAction::triggered, this, [this] { cyclePane(1); });
    m_previousPaneAction = make(tr("Pre&vious Pane"), QKeySequence(Qt::SHIFT | Qt::Key_F6), "previousPaneAction");
    connect(m_previousPaneAction, &QAction::triggered, this, [this] { cyclePane(-1); });
    m_nextTabAction = make(tr("Ne&xt Tab"), QKeySequence(Qt::CTRL | Qt::Key_Tab), "nextTabAction");
    connect(m_nextTabAction, &QAction::triggered, this, [this] {
        if (m_editors->count() > 0)
            m_editors->setCurrentIndex((m_editors->currentIndex() + 1) % m_editors->count());
    });
    m_previousTabAction =
        make(tr("Previous Ta&b"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab), "previousTabAction");
    connect(m_previousTabAction, &QAction::triggered, this, [this] {
        if (m_editors->count() > 0)
            m_editors->setCurrentIndex((m_editors->currentIndex() + m_editors->count() - 1) % m_editors->count());
    });

    m_startGatewayAction = make(tr("&Start"), QKeySequence(Qt::CTRL | Qt::Key_F5), "startGatewayAction");
    connect(m_startGatewayAction, &QAction::triggered, this, [this] {
        if (m_document->isOpen())
            m_gateway->start(m_document->root());
    });
    m_stopGatewayAction = make(tr("S&top"), QKeySequence(Qt::SHIFT | Qt::Key_F5), "stopGatewayAction");
    connect(m_stopGatewayAction, &QAction::triggered, m_gateway, &engine::EmbeddedGateway::stop);
    m_restartGatewayAction =
        make(tr("&Restart"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5), "restartGatewayAction");
    connect(m_restartGatewayAction, &QAction::triggered, m_gateway, &engine::EmbeddedGateway::restart);
    m_copyAddressAction =
        make(tr("&Copy Address"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), "copyAddressAction");
    connect(m_copyAddressAction, &QAction::triggered, this,
            [this] { QGuiApplication::clipboard()->setText(m_gateway->address()); });

    m_fullScreenAction =
        make(tr("&Full Screen"), standardKey(QKeySequence::FullScreen, QKeySequence(Qt::Key_F11)), "fullScreenAction");
    m_fullScreenAction->setCheckable(true);
    connect(m_fullScreenAction, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen : windowState() & ~Qt::WindowFullScreen);
    });
    m_aboutAction =
        make(tr("&About Gatehouse"), standardKey(QKeySequence::HelpContents, QKeySequence(Qt::Key_F1)), "aboutAction");
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = make(tr("About &Qt"), QKeySequence(Qt::SHIFT | Qt::Key_F1), "aboutQtAction");
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::setupNavigator()
{
    m_navigator = new QTreeView;
    m_navigator->setObjectName(QStringLiteral("navigator"));
    m_navigator->setAccessibleName(tr("Navigator"));
    m_navigator->setAccessibleDescription(tr("The workspace's entities; Enter opens the selected one."));
    m_navigator->setModel(m_treeModel);
    m_navigator->setHeaderHidden(true);
    m_navigator->setUniformRowHeights(true);
    m_navigator->setExpandsOnDoubleClick(false);
    connect(m_navigator, &QTreeView::activated, this, &MainWindow::openItem);
    m_navigator->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_navigator, &QTreeView::customContextMenuRequested, this, [this](const QPoint &position) {
        QMenu menu;
        const auto openCreated = [this](workspace::WorkspaceTreeModel::Kind kind, const QString &name) {
            refreshNavigator();
            const QModelIndex created = findItem(static_cast<int>(kind), name, {});
            if (created.isValid())
                openItem(created);
        };
        const QModelIndex item = m_navigator->indexAt(position);
        entities::addEntityActions(&menu, item, *m_document, openCreated);
        // The item's policy views (ui/policies): its flow, and what runs in the end for an API or an operation.
        const EditorTarget target{item.data(workspace::WorkspaceTreeModel::KindRole).value<TreeKind>(),
                                  item.data(workspace::WorkspaceTreeModel::NameRole).toString(),
                                  item.data(workspace::WorkspaceTreeModel::ApiNameRole).toString(),
                                  item.data(workspace::WorkspaceTreeModel::TitleRole).toString()};
        for (const PolicyView view : {PolicyView::Flow, PolicyView::Effective}) {
            if (!item.isValid() || !hasPolicyView(view, target))
                continue;
            if (!menu.isEmpty() && view == PolicyView::Flow)
                menu.addSeparator();
            QAction *action =
                menu.addAction(view == PolicyView::Flow ? tr("Show Policy &Flow") : tr("Show &Effective Policy"));
            action->setObjectName(view == PolicyView::Flow ? QStringLiteral("showPolicyFlowAction")
                                                           : QStringLiteral("showEffectivePolicyAction"));
            connect(action, &QAction::triggered, this, [this, view, target] {
                const QString key = policyViewKey(view, target);
                for (int i = 0; i < m_editors->count(); ++i)
                    if (m_editors->widget(i)->property("itemKey").toString() == key) {
                        m_editors->setCurrentIndex(i);
                        return;
                    }
                QWidget *page =
                    createPolicyView(view, target, *m_document, [this](const QString &file, int line, int column) {
                        openProblemLocation(file, line, column);
                    });
                if (!page)
                    return;
                page->setProperty("itemKey", key);
                const QString title =
                    view == PolicyView::Flow ? tr("Flow: %1").arg(target.title) : tr("Effective: %1").arg(target.title);
                m_editors->setCurrentIndex(m_editors->addTab(page, title));
                page->setFocus();
            });
        }
        // An API or an operation can be tried at once in the test console (ui/console).
        if (item.isValid() && (target.kind == TreeKind::Api || target.kind == TreeKind::Operation)) {
            if (!menu.isEmpty())
                menu.addSeparator();
            QAction *test = menu.addAction(tr("&Test in Console"));
            test->setObjectName(QStringLiteral("testInConsoleAction"));
            connect(test, &QAction::triggered, this, [this, target] {
                const bool operation = target.kind == TreeKind::Operation;
                console::ConsoleView *view = console::showConsole(*m_editors, *m_document, m_gateway);
                view->selectOperation(operation ? target.apiName : target.name, operation ? target.name : QString());
                view->setFocus();
            });
        }
        if (!menu.isEmpty())
            menu.exec(m_navigator->viewport()->mapToGlobal(position));
    });
    // F2 renames the selected entity without the menu, as in file managers.
    auto *rename = new QAction(tr("Rename"), m_navigator);
    rename->setObjectName(QStringLiteral("navigatorRenameAction"));
    rename->setShortcut(Qt::Key_F2);
    rename->setShortcutContext(Qt::WidgetShortcut);
    connect(rename, &QAction::triggered, this,
            [this] { entities::renameItem(this, m_navigator->currentIndex(), *m_document); });
    m_navigator->addAction(rename);

    m_navigatorDock = new QDockWidget(tr("Navigator"), this);
    m_navigatorDock->setObjectName(QStringLiteral("navigatorDock"));
    m_navigatorDock->setWidget(m_navigator);
    m_navigatorDock->setFocusProxy(m_navigator);
    addDockWidget(Qt::LeftDockWidgetArea, m_navigatorDock);
}

void MainWindow::setupEditors()
{
    auto *centre = new QWidget;
    centre->setObjectName(QStringLiteral("centre"));
    auto *layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_infoBar = new InfoBar;
    layout->addWidget(m_infoBar);

    m_editors = new QTabWidget;
    m_editors->setObjectName(QStringLiteral("editorTabs"));
    m_editors->setAccessibleName(tr("Editors"));
    m_editors->setDocumentMode(true);
    m_editors->setTabsClosable(true);
    m_editors->setMovable(true);
    connect(m_editors, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    layout->addWidget(m_editors, 1);
    centre->setFocusProxy(m_editors);
    setCentralWidget(centre);
}

void MainWindow::setupProblems()
{
    m_problems = new QTreeView;
    m_problems->setObjectName(QStringLiteral("problemsView"));
    m_problems->setAccessibleName(tr("Problems"));
    m_problems->setAccessibleDescription(tr("Enter or double-click opens the place of the problem."));
    m_problems->setModel(m_problemsModel);
    m_problems->setRootIsDecorated(false);
    m_problems->setAlternatingRowColors(true);
    m_problems->setUniformRowHeights(true);
    m_problems->header()->setSectionResizeMode(workspace::ProblemsModel::MessageColumn, QHeaderView::Stretch);
    m_problems->header()->setStretchLastSection(false);
    m_problems->header()->setSectionResizeMode(workspace::ProblemsModel::FileColumn, QHeaderView::ResizeToContents);
    m_problems->header()->setSectionResizeMode(workspace::ProblemsModel::LineColumn, QHeaderView::ResizeToContents);
    m_problems->header()->setSectionResizeMode(workspace::ProblemsModel::SeverityColumn, QHeaderView::ResizeToContents);
    connect(m_problems, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const gw::Diagnostic &d = m_problemsModel->diagnostic(index.row());
        openProblemLocation(QString::fromStdString(d.location.file), d.location.line, d.location.column);
    });

    m_problemsDock = new QDockWidget(tr("Problems"), this);
    m_problemsDock->setObjectName(QStringLiteral("problemsDock"));
    m_problemsDock->setWidget(m_problems);
    m_problemsDock->setFocusProxy(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
}

void MainWindow::setupLog()
{
    m_log = new QPlainTextEdit;
    m_log->setObjectName(QStringLiteral("logView"));
    m_log->setAccessibleName(tr("Log"));
    m_log->setReadOnly(true);
    m_log->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_log->setMaximumBlockCount(10000);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_logDock = new QDockWidget(tr("Log"), this);
    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_log);
    m_logDock->setFocusProxy(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    tabifyDockWidget(m_problemsDock, m_logDock);
    m_problemsDock->raise();
}

void MainWindow::setupMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    updateRecentMenu();
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAllAction);
    file->addAction(m_revertAction);
    file->addSeparator();
    apis::addActions(file, *m_document, this, [this](const QString &api) {
        refreshNavigator(); // the API may be new
        const QModelIndex index = findItem(static_cast<int>(TreeKind::Api), api);
        if (index.isValid()) {
            m_navigator->setCurrentIndex(index);
            openItem(index);
        }
    });
    file->addSeparator();
    file->addAction(m_closeTabAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_paletteAction);
    edit->addSeparator();
    edit->addAction(m_settingsAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *toggleNavigator = m_navigatorDock->toggleViewAction();
    toggleNavigator->setShortcut(QKeySequence(Qt::ALT | Qt::Key_0));
    toggleNavigator->setObjectName(QStringLiteral("toggleNavigatorAction"));
    QAction *toggleProblems = m_problemsDock->toggleViewAction();
    toggleProblems->setShortcut(QKeySequence(Qt::ALT | Qt::Key_1));
    toggleProblems->setObjectName(QStringLiteral("toggleProblemsAction"));
    QAction *toggleLog = m_logDock->toggleViewAction();
    toggleLog->setShortcut(QKeySequence(Qt::ALT | Qt::Key_2));
    toggleLog->setObjectName(QStringLiteral("toggleLogAction"));
    view->addAction(toggleNavigator);
    view->addAction(toggleProblems);
    view->addAction(toggleLog);
    view->addSeparator();
    view->addAction(m_nextPaneAction);
    view->addAction(m_previousPaneAction);
    view->addAction(m_nextTabAction);
    view->addAction(m_previousTabAction);
    view->addSeparator();
    QMenu *themeMenu = view->addMenu(tr("&Theme"));
    themeMenu->setObjectName(QStringLiteral("themeMenu"));
    m_themeGroup = new QActionGroup(this);
    // Ctrl+K then a letter: a chord, so four themes take no single keys from the editors.
    const std::tuple<Theme::Mode, QString, QKeySequence> modes[] = {
        {Theme::Mode::System, tr("Follow &System"),
         QKeySequence(QKeyCombination(Qt::CTRL, Qt::Key_K), QKeyCombination(Qt::Key_S))},
        {Theme::Mode::Light, tr("&Light"),
         QKeySequence(QKeyCombination(Qt::CTRL, Qt::Key_K), QKeyCombination(Qt::Key_L))},
        {Theme::Mode::Dark, tr("&Dark"),
         QKeySequence(QKeyCombination(Qt::CTRL, Qt::Key_K), QKeyCombination(Qt::Key_D))},
        {Theme::Mode::HighContrast, tr("&High Contrast"),
         QKeySequence(QKeyCombination(Qt::CTRL, Qt::Key_K), QKeyCombination(Qt::Key_H))},
    };
    for (const auto &[mode, text, keys] : modes) {
        QAction *action = themeMenu->addAction(text);
        action->setCheckable(true);
        action->setShortcut(keys);
        action->setChecked(m_theme.mode() == mode);
        action->setObjectName(QStringLiteral("theme-") + Theme::toString(mode));
        addAction(action);
        m_themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, mode = mode] {
            m_theme.setMode(mode);
            QSettings().setValue(QStringLiteral("ui/theme"), Theme::toString(mode));
        });
    }
    connect(&m_theme, &Theme::modeChanged, this, [this](Theme::Mode mode) {
        for (QAction *action : m_themeGroup->actions())
            action->setChecked(action->objectName() == QStringLiteral("theme-") + Theme::toString(mode));
        updateGatewayStatus();
    });
    view->addSeparator();
    view->addAction(m_fullScreenAction);

    QMenu *gateway = menuBar()->addMenu(tr("&Gateway"));
    gateway->addAction(m_startGatewayAction);
    gateway->addAction(m_stopGatewayAction);
    gateway->addAction(m_restartGatewayAction);
    gateway->addSeparator();
    gateway->addAction(m_copyAddressAction);
    gateway->addSeparator();
    // The test console (ui/console): real calls through the gateway, with their policy trace.
    QAction *testConsole = gateway->addAction(tr("&Test Console"));
    testConsole->setObjectName(QStringLiteral("testConsoleAction"));
    testConsole->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    addAction(testConsole); // reachable by its shortcut even with the menu bar hidden (full screen)
    connect(testConsole, &QAction::triggered, this, [this] {
        if (m_document->isOpen())
            console::showConsole(*m_editors, *m_document, m_gateway)->setFocus();
    });
    // Live analytics (ui/analytics): the embedded gateway's traffic as charts and a request log.
    QAction *analytics = gateway->addAction(tr("&Analytics"));
    analytics->setObjectName(QStringLiteral("analyticsAction"));
    analytics->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
    addAction(analytics);
    connect(analytics, &QAction::triggered, this, [this] {
        if (m_document->isOpen())
            showAnalytics()->setFocus();
    });
    QAction *simulate = gateway->addAction(tr("Simulate Tra&ffic…"));
    simulate->setObjectName(QStringLiteral("simulateTrafficAction"));
    connect(simulate, &QAction::triggered, this, [this] {
        if (m_document->isOpen())
            showAnalytics()->showSimulator();
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::setupStatusBar()
{
    auto label = [](const char *name, const QString &accessible) {
        auto *l = new QLabel;
        l->setObjectName(QLatin1String(name));
        l->setAccessibleName(accessible);
        return l;
    };
    m_workspaceStatus = label("workspaceStatus", tr("Workspace"));
    m_liveStatus = label("liveStatus", tr("Live configuration"));
    m_rateStatus = label("rateStatus", tr("Request rate"));
    m_gatewayStatus = label("gatewayStatus", tr("Gateway"));
    m_gatewayStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->addWidget(m_workspaceStatus, 1);
    statusBar()->addPermanentWidget(m_liveStatus);
    statusBar()->addPermanentWidget(m_rateStatus);
    statusBar()->addPermanentWidget(m_gatewayStatus);
    updateRate();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    resize(1280, 800);
    resizeDocks({m_navigatorDock}, {300}, Qt::Horizontal);
    resizeDocks({m_problemsDock}, {200}, Qt::Vertical);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave(tr("closing"))) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_autosaveTimer.stop();
    if (m_recovery)
        m_recovery->remove(); // a clean close: saved or discarded
    m_watcher.reset();
    m_gateway->stop();
    event->accept();
}

bool MainWindow::maybeSave(const QString &action)
{
    if (!m_document->isOpen() || !m_document->isModified())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved Changes"),
                    tr("Workspace “%1” has unsaved changes.").arg(m_document->displayName()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("unsavedChangesBox"));
    box.setInformativeText(tr("Save them before %1?").arg(action));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        if (m_recovery)
            m_recovery->remove();
        m_autosaveTimer.stop();
        m_autosavePending = false;
        return true;
    default:
        return false;
    }
}

bool MainWindow::openWorkspace(const QString &folder)
{
    if (!maybeSave(tr("opening another workspace")))
        return false;
    m_watcher.reset();
    if (!m_document->open(folder)) {
        const auto &diagnostics = m_document->diagnostics();
        const QString reason =
            diagnostics.empty() ? tr("no workspace found") : QString::fromStdString(diagnostics.front().message);
        log(tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(folder), reason));
        statusBar()->showMessage(tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(folder), reason), 10000);
        if (m_document->isOpen())
            watchRoot(); // the workspace open before stays open
        return false;
    }
    m_infoBar->hide();
    m_recovery = std::make_unique<RecoveryStore>(m_document->root());
    afterLoad(false);
    rememberRecent(m_document->folder());
    log(tr("Opened workspace %1").arg(QDir::toNativeSeparators(m_document->root())));
    // Every request of the embedded gateway goes to the workspace's analytics history, beside the artifacts root.
    m_gateway->setAnalyticsFile(QString::fromStdString(
        (gw::store::consoleDataFolder(m_document->root().toStdString()) / "analytics.sqlite").string()));
    m_gateway->start(m_document->root());
    m_compileTimer.stop(); // the start compiled the same files; the next edit compiles again
    watchRoot();
    if (m_recovery->hasNewerCopy())
        offerRecovery();
    else
        m_recovery->remove(); // older than the files: it would undo what was saved since
    return true;
}

analytics::AnalyticsView *MainWindow::showAnalytics()
{
    const QString key = QStringLiteral("analytics");
    for (int i = 0; i < m_editors->count(); ++i) {
        if (m_editors->widget(i)->property("itemKey").toString() == key) {
            m_editors->setCurrentIndex(i);
            return qobject_cast<analytics::AnalyticsView *>(m_editors->widget(i));
        }
    }
    auto *view = new analytics::AnalyticsView(*m_document, *m_gateway);
    view->setProperty("itemKey", key);
    connect(view, &analytics::AnalyticsView::openInConsole, this, [this](const gw::telemetry::RequestRecord &record) {
        console::ConsoleView *console = console::showConsole(*m_editors, *m_document, m_gateway);
        const auto text = [](const std::string &value) { return QString::fromStdString(value); };
        console->openRecorded(text(record.method), text(record.api), text(record.operation), text(record.path),
                              text(record.query), text(record.subscription));
        console->setFocus();
    });
    m_editors->setCurrentIndex(m_editors->addTab(view, tr("Analytics")));
    return view;
}

void MainWindow::afterLoad(bool keepTabs)
{
    // What reading the files found, apart from validation: validation runs again on every edited model, the file
    // problems (parse errors; their entities are missing from the model) stay until the files are read again.
    m_fileDiagnostics.clear();
    QSet<QString> validation;
    for (const auto &d : gw::model::validate(m_document->model()))
        validation.insert(QString::fromStdString(gw::format(d)));
    for (const auto &d : m_document->diagnostics())
        if (!validation.contains(QString::fromStdString(gw::format(d))))
            m_fileDiagnostics.push_back(d);
    m_compiledSinceOpen = false;
    m_changedEntities.clear();
    m_autosavePending = false;
    m_navigatorTimer.stop();
    refreshNavigator();
    if (!keepTabs)
        m_navigator->expandToDepth(0);
    updateProblems();

    // Editors show what the document held; after a reload they are opened again on the new model, where their
    // entity still exists.
    QList<QPersistentModelIndex> reopen;
    const QString current =
        m_editors->currentWidget() ? m_editors->currentWidget()->property("itemKey").toString() : QString();
    int currentRow = -1;
    // The test console and the analytics are no entity's editors: they follow the document itself (same folder, same
    // history), so a reload keeps them open as they were.
    QList<QPair<QPointer<QWidget>, QString>> kept;
    while (m_editors->count() > 0) {
        QWidget *page = m_editors->widget(0);
        if (keepTabs &&
            (qobject_cast<console::ConsoleView *>(page) || qobject_cast<analytics::AnalyticsView *>(page))) {
            kept.append({page, m_editors->tabText(0)});
            m_editors->removeTab(0);
            continue;
        }
        if (keepTabs && page->property("itemKind").isValid()) {
            const QModelIndex index =
                findItem(page->property("itemKind").toInt(), page->property("itemName").toString(),
                         page->property("itemApi").toString());
            if (index.isValid()) {
                if (page->property("itemKey").toString() == current)
                    currentRow = reopen.size();
                reopen.append(index);
            }
        }
        closeTab(0);
    }
    showWelcome();
    for (const QPersistentModelIndex &index : reopen)
        openItem(index);
    if (currentRow >= 0)
        m_editors->setCurrentIndex(currentRow + 1);
    for (const auto &[page, title] : kept) {
        if (!page)
            continue;
        const int index = m_editors->addTab(page, title);
        if (current == page->property("itemKey").toString())
            m_editors->setCurrentIndex(index);
    }
    updateTitle();
    updateGatewayStatus();
}

bool MainWindow::newWorkspace(const QString &folder)
{
    QDir dir(folder);
    if (!dir.mkpath(QStringLiteral("."))) {
        QMessageBox::warning(this, tr("New Workspace"),
                             tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(folder)));
        return false;
    }
    // The folder itself becomes the artifacts root when it is empty, else apimartifacts/ in it; never over a
    // workspace that is there already.
    const bool empty = dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty();
    const QString root = empty ? dir.absolutePath() : dir.absoluteFilePath(QStringLiteral("apimartifacts"));
    for (const char *marker : {"policy.xml", "apis", "products", "named values", "apimartifacts"}) {
        if (QFileInfo::exists(dir.absoluteFilePath(QLatin1String(marker)))) {
            QMessageBox::warning(this, tr("New Workspace"),
                                 tr("%1 already holds a workspace; use Open Workspace instead.")
                                     .arg(QDir::toNativeSeparators(dir.absolutePath())));
            return false;
        }
    }
    QDir().mkpath(root);
    // The smallest workspace the APIOps tools and the gateway accept: a global policy that forwards every request.
    QFile policy(root + QStringLiteral("/policy.xml"));
    if (!policy.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        QMessageBox::warning(
            this, tr("New Workspace"),
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(policy.fileName()), policy.errorString()));
        return false;
    }
    policy.write("<policies>\n\t<inbound>\n\t\t<base />\n\t</inbound>\n\t<backend>\n\t\t<forward-request />\n"
                 "\t</backend>\n\t<outbound>\n\t\t<base />\n\t</outbound>\n\t<on-error>\n\t\t<base />\n"
                 "\t</on-error>\n</policies>\n");
    policy.close();
    return openWorkspace(folder);
}

bool MainWindow::save()
{
    if (!m_document->isOpen())
        return false;
    m_ignoreChangesUntil = QDateTime::currentMSecsSinceEpoch() + kWatchDebounceMs + 2000;
    if (!m_document->save()) {
        QStringList lines;
        for (const auto &problem : m_document->saveProblems())
            lines << QString::fromStdString(gw::format(problem));
        QMessageBox box(QMessageBox::Critical, tr("Save Failed"),
                        tr("Some files of “%1” could not be written; the others were.").arg(m_document->displayName()),
                        QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("saveFailedBox"));
        box.setDetailedText(lines.join(QLatin1Char('\n')));
        box.setInformativeText(lines.mid(0, 5).join(QLatin1Char('\n')));
        log(tr("Save failed: %1").arg(lines.join(QStringLiteral("; "))));
        box.exec();
        return false;
    }
    m_ignoreChangesUntil = QDateTime::currentMSecsSinceEpoch() + kWatchDebounceMs + 2000;
    if (m_recovery)
        m_recovery->remove();
    statusBar()->showMessage(tr("Saved %1").arg(m_document->displayName()), 4000);
    log(tr("Saved workspace %1").arg(QDir::toNativeSeparators(m_document->root())));
    return true;
}

bool MainWindow::saveAll()
{
    bool ok = !m_document->isOpen() || !m_document->isModified() || save();
    // Editors that keep their own document (a file outside the model) say so with a "modified" property and a
    // save() slot.
    for (int i = 0; i < m_editors->count(); ++i) {
        QWidget *page = m_editors->widget(i);
        if (page->property("modified").toBool()) {
            bool saved = false;
            if (QMetaObject::invokeMethod(page, "save", Q_RETURN_ARG(bool, saved)))
                ok = ok && saved;
        }
    }
    return ok;
}

bool MainWindow::revert()
{
    if (!m_document->isOpen())
        return false;
    if (m_document->isModified()) {
        QMessageBox box(QMessageBox::Question, tr("Revert to Saved"),
                        tr("Forget every unsaved change to “%1”?").arg(m_document->displayName()),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("revertBox"));
        box.setInformativeText(tr("The files are read again; this cannot be undone."));
        QPushButton *revertButton = box.addButton(tr("&Revert"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != revertButton)
            return false;
    }
    reloadFromDisk();
    return true;
}

void MainWindow::reloadFromDisk()
{
    m_infoBar->hide();
    if (m_recovery)
        m_recovery->remove();
    if (!m_document->revert())
        return;
    afterLoad(true);
    log(tr("Read %1 again").arg(QDir::toNativeSeparators(m_document->root())));
}

void MainWindow::watchRoot()
{
    m_watcher.reset();
    if (!m_document->isOpen())
        return;
    m_watcher = std::make_unique<gw::store::FolderWatcher>(
        m_document->root().toStdString(), std::chrono::milliseconds(kWatchDebounceMs),
        [this] { QMetaObject::invokeMethod(this, &MainWindow::filesChangedOnDisk, Qt::QueuedConnection); });
}

void MainWindow::filesChangedOnDisk()
{
    if (!m_document->isOpen() || QDateTime::currentMSecsSinceEpoch() < m_ignoreChangesUntil)
        return; // our own save
    if (!m_document->isModified()) {
        reloadFromDisk();
        statusBar()->showMessage(tr("Files changed on disk: read again"), 5000);
        return;
    }
    offerExternalReload();
}

void MainWindow::offerExternalReload()
{
    m_infoBar->show(tr("Files of this workspace changed on disk. Reload them and lose your unsaved changes, or keep "
                       "yours (saving writes them over the files)."),
                    {{tr("&Reload"), [this] { reloadFromDisk(); }}, {tr("&Keep Mine"), {}}});
}

void MainWindow::offerRecovery()
{
    QDateTime when = m_recovery ? m_recovery->savedAt().toLocalTime() : QDateTime();
    if (!when.isValid())
        when = QDateTime::currentDateTime();
    m_infoBar->show(tr("Gatehouse did not close cleanly. Unsaved changes to this workspace from %1 were kept.")
                        .arg(QLocale().toString(when, QLocale::ShortFormat)),
                    {{tr("&Restore"),
                      [this] {
                          if (m_recovery &&
                              m_document->replaceModelFrom(m_recovery->copyFolder(), tr("Restore Unsaved Changes")))
                              log(tr("Restored unsaved changes from %1").arg(m_recovery->copyFolder()));
                      }},
                     {tr("&Discard"), [this] {
                          if (m_recovery)
                              m_recovery->remove();
                      }}});
}

void MainWindow::autosave()
{
    if (!m_recovery || !m_document->isModified() || !m_autosavePending)
        return;
    if (m_recovery->write(*m_document))
        m_autosavePending = false;
    else
        log(tr("Cannot write the recovery copy to %1").arg(m_recovery->folder()));
}

void MainWindow::compileLive()
{
    if (!m_document->isOpen())
        return;
    m_gateway->applyModel(m_document->model(), m_fileDiagnostics);
}

void MainWindow::updateProblems()
{
    gw::Diagnostics all = m_compiledSinceOpen ? m_gateway->diagnostics() : m_document->diagnostics();
    // Open policy editors check their text as it is typed, ahead of the live compile: what they found and the
    // compile has not (yet) is shown too.
    for (int i = 0; i < m_editors->count(); ++i) {
        if (auto *policy = qobject_cast<policies::PolicyEditor *>(m_editors->widget(i))) {
            for (const gw::Diagnostic &d : policy->diagnostics()) {
                const bool known = std::any_of(all.begin(), all.end(), [&](const gw::Diagnostic &other) {
                    return other.location.file == d.location.file && other.location.line == d.location.line &&
                           other.location.column == d.location.column;
                });
                if (!known && d.severity != gw::Severity::Note)
                    all.push_back(d);
            }
        }
    }
    // Errors first: they are what stops the configuration from being served.
    std::stable_sort(all.begin(), all.end(), [](const gw::Diagnostic &a, const gw::Diagnostic &b) {
        return static_cast<int>(a.severity) < static_cast<int>(b.severity);
    });
    const int count = static_cast<int>(all.size());
    m_problemsModel->setDiagnostics(std::move(all));
    m_problemsDock->setWindowTitle(count == 0 ? tr("Problems") : tr("Problems (%1)").arg(count));
}

void MainWindow::refreshNavigator()
{
    // Rebuilding the tree loses expansion and selection: kept by item path.
    QSet<QString> expanded;
    forEachItem(m_treeModel, {}, [&](const QModelIndex &index) {
        if (m_navigator->isExpanded(index))
            expanded.insert(itemPath(index));
    });
    const QString selected = itemPath(m_navigator->currentIndex());
    if (m_document->isOpen()) {
        m_treeModel->setWorkspace(m_document->model());
        m_treeModel->setUsers(entities::navigatorUsers(*m_document)); // console data, not in the model
    } else
        m_treeModel->clear();
    forEachItem(m_treeModel, {}, [&](const QModelIndex &index) {
        const QString path = itemPath(index);
        if (expanded.contains(path))
            m_navigator->setExpanded(index, true);
        if (!selected.isEmpty() && path == selected)
            m_navigator->setCurrentIndex(index);
    });
}

QModelIndex MainWindow::findItem(int kind, const QString &name, const QString &apiName) const
{
    QModelIndex found;
    forEachItem(m_treeModel, {}, [&](const QModelIndex &index) {
        if (found.isValid())
            return;
        if (static_cast<int>(index.data(workspace::WorkspaceTreeModel::KindRole).value<TreeKind>()) == kind &&
            index.data(workspace::WorkspaceTreeModel::NameRole).toString() == name &&
            (apiName.isEmpty() || index.data(workspace::WorkspaceTreeModel::ApiNameRole).toString() == apiName))
            found = index;
    });
    return found;
}

void MainWindow::chooseWorkspace()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Workspace"), m_document->folder());
    if (!folder.isEmpty())
        openWorkspace(folder);
}

void MainWindow::chooseNewWorkspace()
{
    if (!maybeSave(tr("creating a workspace")))
        return;
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("New Workspace: Choose an Empty Folder"), QDir::homePath());
    if (!folder.isEmpty())
        newWorkspace(folder);
}

void MainWindow::openItem(const QModelIndex &index)
{
    const auto kind = index.data(workspace::WorkspaceTreeModel::KindRole).value<TreeKind>();
    if (kind == TreeKind::Category) {
        m_navigator->setExpanded(index, !m_navigator->isExpanded(index));
        return;
    }
    const QString title = index.data(workspace::WorkspaceTreeModel::TitleRole).toString();
    const QString name = index.data(workspace::WorkspaceTreeModel::NameRole).toString();
    const QString apiName = index.data(workspace::WorkspaceTreeModel::ApiNameRole).toString();
    const EditorTarget target{kind, name, apiName, title};
    const QString key = editorKey(target);
    for (int i = 0; i < m_editors->count(); ++i) {
        if (m_editors->widget(i)->property("itemKey").toString() == key) {
            m_editors->setCurrentIndex(i);
            revealInEditor(m_editors->widget(i), target);
            return;
        }
    }
    // An operation opens in its API's tab, named after the API.
    QString tabTitle = title;
    if (kind == TreeKind::Operation) {
        for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
            if (up.data(workspace::WorkspaceTreeModel::KindRole).value<TreeKind>() == TreeKind::Api) {
                tabTitle = up.data(workspace::WorkspaceTreeModel::TitleRole).toString();
                break;
            }
    }
    QWidget *page = createEditor(target, *m_document);
    connectPolicyRequests(page);
    if (!page) { // a kind without an editor: a summary page
        auto *summary = new QTextBrowser;
        summary->setObjectName(QStringLiteral("summaryPage"));
        summary->setAccessibleName(title);
        summary->document()->setDocumentMargin(24);
        summary->setHtml(QStringLiteral("<h2>%1</h2><p><b>%2</b> %3</p><p>%4</p>")
                             .arg(title.toHtmlEscaped(), tr("Name:"), target.name.toHtmlEscaped(),
                                  index.data(Qt::ToolTipRole).toString().toHtmlEscaped()));
        page = summary;
    }
    page->setProperty("itemKey", key);
    page->setProperty("itemKind", static_cast<int>(kind));
    page->setProperty("itemName", name);
    page->setProperty("itemApi", apiName);
    page->setProperty("itemTitle", tabTitle);
    page->setProperty("entityKey", entityKey(kind, name, apiName));
    m_editors->setCurrentIndex(m_editors->addTab(page, tabTitle));
    updateTabMarkers();
}

policies::PolicyEditor *MainWindow::openPolicy(const std::optional<workspace::PolicyTarget> &target)
{
    if (!target || !m_document->isOpen())
        return nullptr;
    for (int i = 0; i < m_editors->count(); ++i) {
        if (auto *editor = qobject_cast<policies::PolicyEditor *>(m_editors->widget(i));
            editor && editor->target() == *target) {
            m_editors->setCurrentIndex(i);
            return editor;
        }
    }
    // The global policy and fragments are navigator items: their tab is the item's.
    using Scope = workspace::PolicyTarget::Scope;
    if (target->scope == Scope::Global || target->scope == Scope::Fragment) {
        // The navigator names the global policy's item after its file.
        const QModelIndex index =
            target->scope == Scope::Global
                ? findItem(static_cast<int>(TreeKind::ServicePolicy), QStringLiteral("policy"))
                : findItem(static_cast<int>(TreeKind::PolicyFragment), QString::fromStdString(target->name));
        if (index.isValid()) {
            openItem(index);
            if (auto *editor = qobject_cast<policies::PolicyEditor *>(m_editors->currentWidget()))
                return editor;
        }
    }
    auto *editor = new policies::PolicyEditor(*m_document, *target);
    const QString path = QString::fromStdString(target->relativePath());
    const QString owner = QString::fromStdString(target->name);
    editor->setProperty("itemKey", QStringLiteral("policy/") + path);
    editor->setProperty("itemTitle", target->title());
    editor->setProperty("entityKey", target->scope == Scope::Product    ? entityKey(TreeKind::Product, owner, {})
                                     : target->scope == Scope::Global   ? entityKey(TreeKind::ServicePolicy, {}, {})
                                     : target->scope == Scope::Fragment ? entityKey(TreeKind::PolicyFragment, owner, {})
                                                                        : entityKey(TreeKind::Api, owner, {}));
    connectPolicyRequests(editor);
    const int at = m_editors->addTab(editor, target->title());
    m_editors->setTabToolTip(at, path);
    m_editors->setCurrentIndex(at);
    updateTabMarkers();
    return editor;
}

void MainWindow::connectPolicyRequests(QWidget *page)
{
    if (auto *policy = qobject_cast<policies::PolicyEditor *>(page)) {
        connect(policy, &policies::PolicyEditor::diagnosticsChanged, this, &MainWindow::updateProblems);
        // A closed editor's findings go with it (once it has left the tabs).
        connect(policy, &QObject::destroyed, this,
                [this] { QTimer::singleShot(0, this, &MainWindow::updateProblems); });
    }
    if (auto *product = qobject_cast<entities::ProductEditor *>(page))
        connect(product, &entities::ProductEditor::policyRequested, this,
                [this](const QString &name) { openPolicy(workspace::PolicyTarget::product(name.toStdString())); });
    if (auto *designer = qobject_cast<apis::ApiDesigner *>(page)) {
        connect(designer, &apis::ApiDesigner::policyRequested, this,
                [this](const QString &api, const QString &operation) {
                    openPolicy(operation.isEmpty()
                                   ? workspace::PolicyTarget::api(api.toStdString())
                                   : workspace::PolicyTarget::operationOf(api.toStdString(), operation.toStdString()));
                });
        connect(designer, &apis::ApiDesigner::testRequested, this,
                [this](const QString &api, const QString &operation) {
                    console::showConsole(*m_editors, *m_document, m_gateway)->selectOperation(api, operation);
                });
    }
}

void MainWindow::openProblemLocation(const QString &file, int line, int column)
{
    if (!m_document->isOpen() || file.isEmpty())
        return;
    // A policy file: its editor, with the cursor on the problem.
    if (file.endsWith(QLatin1String(".xml"))) {
        if (auto *editor = openPolicy(policies::policyTargetOfFile(file.toStdString()))) {
            editor->goTo(line, column);
            return;
        }
    }
    const auto [kind, name] = itemOfFile(file);
    if (kind == TreeKind::Category)
        return;
    const QModelIndex index = findItem(static_cast<int>(kind), name);
    if (index.isValid()) {
        m_navigator->setCurrentIndex(index);
        openItem(index);
    }
}

void MainWindow::showWelcome()
{
    auto *page = new QTextBrowser;
    page->document()->setDocumentMargin(24);
    page->setObjectName(QStringLiteral("welcomePage"));
    page->setAccessibleName(tr("Welcome"));
    page->setProperty("itemKey", QStringLiteral("welcome"));
    page->setOpenExternalLinks(false);
    QString body = QStringLiteral("<h1>%1</h1>").arg(tr("Welcome to Gatehouse"));
    if (m_document->isOpen()) {
        const auto &model = m_document->model();
        body += QStringLiteral("<p>%1</p>")
                    .arg(tr("Workspace <b>%1</b> in %2")
                             .arg(m_document->displayName().toHtmlEscaped(),
                                  QDir::toNativeSeparators(m_document->root()).toHtmlEscaped()));
        body += QStringLiteral("<ul><li>%1</li><li>%2</li><li>%3</li><li>%4</li></ul>")
                    .arg(tr("%n API(s)", nullptr, static_cast<int>(model.apis.size())),
                         tr("%n product(s)", nullptr, static_cast<int>(model.products.size())),
                         tr("%n subscription(s)", nullptr, static_cast<int>(model.subscriptions.size())),
                         tr("%n named value(s)", nullptr, static_cast<int>(model.namedValues.size())));
        body += QStringLiteral("<p>%1</p>")
                    .arg(tr("Pick an item in the navigator to edit it. Edits are served by the embedded gateway "
                            "as you type, and kept safe until you save them."));
    } else {
        body += QStringLiteral("<p>%1</p>")
                    .arg(tr("Open an APIOps artifacts folder, or create a new workspace, to start."));
    }
    body += QStringLiteral("<h3>%1</h3><table cellpadding='3'>").arg(tr("Getting around"));
    const std::pair<QString, QAction *> hints[] = {
        {tr("Run any command"), m_paletteAction},
        {tr("Open a workspace"), m_openAction},
        {tr("New workspace"), m_newAction},
        {tr("Save"), m_saveAction},
        {tr("Move between navigator, editor and problems"), m_nextPaneAction},
        {tr("Show the navigator"), m_navigatorDock->toggleViewAction()},
        {tr("Show the problems"), m_problemsDock->toggleViewAction()},
        {tr("Restart the gateway"), m_restartGatewayAction},
        {tr("Settings"), m_settingsAction},
    };
    for (const auto &[text, action] : hints)
        body += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(action->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(), text.toHtmlEscaped());
    body += QStringLiteral("</table>");
    page->setHtml(body);
    m_editors->insertTab(0, page, tr("Welcome"));
    m_editors->setCurrentIndex(0);
}

void MainWindow::closeTab(int index)
{
    if (index < 0)
        return;
    QWidget *page = m_editors->widget(index);
    m_editors->removeTab(index);
    delete page;
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Gatehouse"),
                       tr("<h3>Gatehouse %1</h3><p>An API-management studio with an embedded API gateway: "
                          "design APIs, write policies, test them and watch live traffic, offline.</p>")
                           .arg(QStringLiteral(GATEHOUSE_VERSION)));
}

void MainWindow::showCommandPalette()
{
    m_palette->open(*menuBar());
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_gateway->settings(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const engine::GatewaySettings settings = dialog->settings();
        if (settings == m_gateway->settings())
            return;
        settings.save();
        m_gateway->setSettings(settings);
        log(tr("Gateway settings changed"));
        if (m_gateway->state() == engine::EmbeddedGateway::State::Running)
            m_gateway->restart();
    });
    dialog->open();
}

void MainWindow::cyclePane(int step)
{
    QList<QWidget *> panes;
    for (QWidget *pane : {static_cast<QWidget *>(m_navigator), m_editors->currentWidget(),
                          static_cast<QWidget *>(m_problems), static_cast<QWidget *>(m_log)})
        if (pane && pane->isVisible())
            panes << pane;
    if (panes.isEmpty())
        return;
    int current = -1;
    for (int i = 0; i < panes.size(); ++i)
        if (QWidget *focus = QApplication::focusWidget(); focus && (focus == panes[i] || panes[i]->isAncestorOf(focus)))
            current = i;
    const int next = current < 0 ? 0 : (current + step + panes.size()) % panes.size();
    QWidget *target = panes[next];
    if (target == m_editors->currentWidget())
        target = target->focusProxy() ? target->focusProxy() : target;
    if (!target->focusPolicy() || target->focusPolicy() == Qt::NoFocus) {
        // A page whose first focusable child takes the focus.
        if (QWidget *child = target->nextInFocusChain(); child && target->isAncestorOf(child))
            target = child;
    }
    target->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::log(const QString &message)
{
    m_log->appendPlainText(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss  ")) + message);
}

void MainWindow::rememberRecent(const QString &folder)
{
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentKey)).toStringList();
    recent.removeAll(folder);
    recent.prepend(folder);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QLatin1String(kRecentKey), recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (const QString &folder : recent) {
        m_recentMenu->addAction(QDir::toNativeSeparators(folder), this, [this, folder] { openWorkspace(folder); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::updateGatewayStatus()
{
    using State = engine::EmbeddedGateway::State;
    const State state = m_gateway->state();
    const bool dark = m_theme.isDark();
    QString text;
    QString colour;
    switch (state) {
    case State::Running:
        text = tr("Gateway running on %1").arg(m_gateway->address());
        colour = dark ? QStringLiteral("#3fb950") : QStringLiteral("#1a7f37");
        break;
    case State::Stopped:
        text = tr("Gateway stopped");
        colour = QStringLiteral("#8c959f");
        break;
    case State::Failed:
        text = tr("Gateway failed: %1").arg(m_gateway->errorString());
        colour = dark ? QStringLiteral("#f85149") : QStringLiteral("#cf222e");
        break;
    }
    m_gatewayStatus->setText(QStringLiteral("<span style='color:%1'>●</span> %2").arg(colour, text.toHtmlEscaped()));
    m_gatewayStatus->setAccessibleDescription(text);
    if (state == State::Running && !m_gateway->isServingLatest()) {
        m_liveStatus->setText(tr("⚠ Edits have errors: serving the last good configuration"));
        m_liveStatus->setToolTip(
            tr("See the Problems dock (%1).")
                .arg(m_problemsDock->toggleViewAction()->shortcut().toString(QKeySequence::NativeText)));
        m_liveStatus->show();
    } else {
        m_liveStatus->clear();
        m_liveStatus->hide();
    }
    m_startGatewayAction->setEnabled(state != State::Running && m_document->isOpen());
    m_stopGatewayAction->setEnabled(state == State::Running);
    m_restartGatewayAction->setEnabled(m_document->isOpen());
    m_copyAddressAction->setEnabled(state == State::Running);
    updateRate();
}

void MainWindow::updateRate()
{
    if (m_gateway->state() != engine::EmbeddedGateway::State::Running) {
        m_rateStatus->hide();
        return;
    }
    const double rate = m_gateway->requestRate();
    m_rateStatus->setText(rate >= 10 || rate == 0 ? tr("%1 req/s").arg(qRound(rate))
                                                  : tr("%1 req/s").arg(rate, 0, 'f', 1));
    m_rateStatus->setToolTip(tr("Requests per second over the last 5 seconds; %n request(s) since the start", nullptr,
                                static_cast<int>(m_gateway->requestCount())));
    m_rateStatus->show();
}

void MainWindow::updateTitle()
{
    if (m_document->isOpen()) {
        setWindowTitle(tr("%1[*] — Gatehouse").arg(m_document->displayName()));
        m_workspaceStatus->setText(QDir::toNativeSeparators(m_document->root()));
    } else {
        setWindowTitle(tr("Gatehouse"));
        m_workspaceStatus->setText(tr("No workspace"));
    }
    setWindowModified(m_document->isModified());
    m_saveAction->setEnabled(m_document->isOpen() && m_document->isModified());
    m_revertAction->setEnabled(m_document->isOpen() && m_document->isModified());
    m_saveAllAction->setEnabled(m_document->isOpen());
}

void MainWindow::updateTabMarkers()
{
    for (int i = 0; i < m_editors->count(); ++i) {
        QWidget *page = m_editors->widget(i);
        const QString title = page->property("itemTitle").toString();
        if (title.isEmpty())
            continue;
        const bool changed =
            m_document->isModified() && m_changedEntities.contains(page->property("entityKey").toString());
        m_editors->setTabText(i, changed ? title + QStringLiteral(" *") : title);
        page->setAccessibleDescription(changed ? tr("Changed since the last save") : QString());
    }
}

} // namespace gh::shell
