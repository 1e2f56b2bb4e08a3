#include "main_window.h"
#include "editors.h"

#include "theme.h"

#include <gatehouse_version.h>
#include <ui/engine/embedded_gateway.h>
#include <ui/workspace/problems_model.h>
#include <ui/workspace/workspace_document.h>
#include <ui/workspace/workspace_tree_model.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace gh::shell {

namespace {
constexpr int kMaxRecent = 8;
const char *const kRecentKey = "workspace/recent";
} // namespace

MainWindow::MainWindow(Theme &theme, QWidget *parent)
    : QMainWindow(parent), m_theme(theme), m_document(new workspace::WorkspaceDocument(this)),
      m_treeModel(new workspace::WorkspaceTreeModel(this)), m_problemsModel(new workspace::ProblemsModel(this)),
      m_gateway(new engine::EmbeddedGateway(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/gatehouse.svg")));
    setDockOptions(AnimatedDocks | AllowTabbedDocks);

    setupActions();
    setupNavigator();
    setupEditors();
    setupProblems();
    setupLog();
    setupMenus();
    setupStatusBar();
    restoreLayout();

    connect(m_gateway, &engine::EmbeddedGateway::stateChanged, this, &MainWindow::updateGatewayStatus);
    connect(m_gateway, &engine::EmbeddedGateway::messageLogged, this, &MainWindow::log);
    updateGatewayStatus();
    updateTitle();
    showWelcome();
}

MainWindow::~MainWindow() = default;

void MainWindow::setupActions()
{
    auto make = [this](const QString &text, const QKeySequence &shortcut, const char *name) {
        auto *action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setObjectName(QLatin1String(name));
        return action;
    };
    m_openAction = make(tr("&Open Workspace…"), QKeySequence::Open, "openWorkspaceAction");
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseWorkspace);
    m_saveAction = make(tr("&Save"), QKeySequence::Save, "saveAction");
    m_saveAction->setEnabled(false); // nothing is edited yet: enabled by the editors once they exist
    m_closeTabAction = make(tr("&Close Tab"), QKeySequence::Close, "closeTabAction");
    connect(m_closeTabAction, &QAction::triggered, this, [this] { closeTab(m_editors->currentIndex()); });
    m_quitAction = make(tr("&Quit"), QKeySequence::Quit, "quitAction");
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);

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

    m_fullScreenAction = make(tr("&Full Screen"), QKeySequence::FullScreen, "fullScreenAction");
    m_fullScreenAction->setCheckable(true);
    connect(m_fullScreenAction, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen : windowState() & ~Qt::WindowFullScreen);
    });
    m_aboutAction = make(tr("&About Gatehouse"), QKeySequence::HelpContents, "aboutAction");
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::setupNavigator()
{
    m_navigator = new QTreeView;
    m_navigator->setObjectName(QStringLiteral("navigator"));
    m_navigator->setModel(m_treeModel);
    m_navigator->setHeaderHidden(true);
    m_navigator->setUniformRowHeights(true);
    m_navigator->setExpandsOnDoubleClick(false);
    connect(m_navigator, &QTreeView::activated, this, &MainWindow::openItem);

    m_navigatorDock = new QDockWidget(tr("Navigator"), this);
    m_navigatorDock->setObjectName(QStringLiteral("navigatorDock"));
    m_navigatorDock->setWidget(m_navigator);
    addDockWidget(Qt::LeftDockWidgetArea, m_navigatorDock);
}

void MainWindow::setupEditors()
{
    m_editors = new QTabWidget;
    m_editors->setObjectName(QStringLiteral("editorTabs"));
    m_editors->setDocumentMode(true);
    m_editors->setTabsClosable(true);
    m_editors->setMovable(true);
    connect(m_editors, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    setCentralWidget(m_editors);
}

void MainWindow::setupProblems()
{
    m_problems = new QTreeView;
    m_problems->setObjectName(QStringLiteral("problemsView"));
    m_problems->setModel(m_problemsModel);
    m_problems->setRootIsDecorated(false);
    m_problems->setAlternatingRowColors(true);
    m_problems->header()->setSectionResizeMode(workspace::ProblemsModel::MessageColumn, QHeaderView::Stretch);
    m_problems->header()->setStretchLastSection(false);

    m_problemsDock = new QDockWidget(tr("Problems"), this);
    m_problemsDock->setObjectName(QStringLiteral("problemsDock"));
    m_problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
}

void MainWindow::setupLog()
{
    m_log = new QPlainTextEdit;
    m_log->setObjectName(QStringLiteral("logView"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(10000);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_logDock = new QDockWidget(tr("Log"), this);
    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    tabifyDockWidget(m_problemsDock, m_logDock);
    m_problemsDock->raise();
}

void MainWindow::setupMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    updateRecentMenu();
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_closeTabAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *toggleNavigator = m_navigatorDock->toggleViewAction();
    toggleNavigator->setShortcut(QKeySequence(Qt::ALT | Qt::Key_0));
    QAction *toggleProblems = m_problemsDock->toggleViewAction();
    toggleProblems->setShortcut(QKeySequence(Qt::ALT | Qt::Key_1));
    QAction *toggleLog = m_logDock->toggleViewAction();
    toggleLog->setShortcut(QKeySequence(Qt::ALT | Qt::Key_2));
    view->addAction(toggleNavigator);
    view->addAction(toggleProblems);
    view->addAction(toggleLog);
    view->addSeparator();
    QMenu *themeMenu = view->addMenu(tr("&Theme"));
    m_themeGroup = new QActionGroup(this);
    const std::pair<Theme::Mode, QString> modes[] = {
        {Theme::Mode::System, tr("Follow &System")},
        {Theme::Mode::Light, tr("&Light")},
        {Theme::Mode::Dark, tr("&Dark")},
    };
    for (const auto &[mode, text] : modes) {
        QAction *action = themeMenu->addAction(text);
        action->setCheckable(true);
        action->setChecked(m_theme.mode() == mode);
        action->setObjectName(QStringLiteral("theme-") + Theme::toString(mode));
        m_themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, mode = mode] {
            m_theme.setMode(mode);
            QSettings().setValue(QStringLiteral("ui/theme"), Theme::toString(mode));
        });
    }
    view->addSeparator();
    view->addAction(m_fullScreenAction);

    QMenu *gateway = menuBar()->addMenu(tr("&Gateway"));
    gateway->addAction(m_startGatewayAction);
    gateway->addAction(m_stopGatewayAction);
    gateway->addAction(m_restartGatewayAction);
    gateway->addSeparator();
    gateway->addAction(m_copyAddressAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::setupStatusBar()
{
    m_workspaceStatus = new QLabel;
    m_workspaceStatus->setObjectName(QStringLiteral("workspaceStatus"));
    m_gatewayStatus = new QLabel;
    m_gatewayStatus->setObjectName(QStringLiteral("gatewayStatus"));
    m_gatewayStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_workspaceStatus, 1);
    statusBar()->addPermanentWidget(m_gatewayStatus);
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
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_gateway->stop();
    event->accept();
}

bool MainWindow::openWorkspace(const QString &folder)
{
    if (!m_document->open(folder)) {
        const auto &diagnostics = m_document->diagnostics();
        const QString reason =
            diagnostics.empty() ? tr("no workspace found") : QString::fromStdString(diagnostics.front().message);
        log(tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(folder), reason));
        statusBar()->showMessage(tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(folder), reason), 10000);
        return false;
    }
    m_treeModel->setWorkspace(m_document->model());
    m_navigator->expandToDepth(0);
    m_problemsModel->setDiagnostics(m_document->diagnostics());
    m_problemsDock->setWindowTitle(
        m_document->diagnostics().empty() ? tr("Problems") : tr("Problems (%1)").arg(m_document->diagnostics().size()));
    while (m_editors->count() > 0)
        closeTab(0);
    showWelcome();
    rememberRecent(m_document->folder());
    log(tr("Opened workspace %1").arg(QDir::toNativeSeparators(m_document->root())));
    m_gateway->start(m_document->root());
    updateTitle();
    return true;
}

void MainWindow::chooseWorkspace()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Workspace"), m_document->folder());
    if (!folder.isEmpty())
        openWorkspace(folder);
}

void MainWindow::openItem(const QModelIndex &index)
{
    using Kind = workspace::WorkspaceTreeModel::Kind;
    const auto kind = index.data(workspace::WorkspaceTreeModel::KindRole).value<Kind>();
    if (kind == Kind::Category) {
        m_navigator->setExpanded(index, !m_navigator->isExpanded(index));
        return;
    }
    const QString title = index.data(workspace::WorkspaceTreeModel::TitleRole).toString();
    const QString key = QString::number(static_cast<int>(kind)) + QLatin1Char('/') +
                        index.data(workspace::WorkspaceTreeModel::NameRole).toString() + QLatin1Char('/') + title;
    for (int i = 0; i < m_editors->count(); ++i) {
        if (m_editors->widget(i)->property("itemKey").toString() == key) {
            m_editors->setCurrentIndex(i);
            return;
        }
    }
    const EditorTarget target{kind, index.data(workspace::WorkspaceTreeModel::NameRole).toString(),
                              index.data(workspace::WorkspaceTreeModel::ApiNameRole).toString(), title};
    QWidget *page = createEditor(target, *m_document);
    if (!page) { // a kind without an editor: a summary page
        auto *summary = new QTextBrowser;
        summary->document()->setDocumentMargin(24);
        summary->setHtml(QStringLiteral("<h2>%1</h2><p><b>%2</b> %3</p><p>%4</p>")
                             .arg(title.toHtmlEscaped(), tr("Name:"), target.name.toHtmlEscaped(),
                                  index.data(Qt::ToolTipRole).toString().toHtmlEscaped()));
        page = summary;
    }
    page->setProperty("itemKey", key);
    m_editors->setCurrentIndex(m_editors->addTab(page, title));
}

void MainWindow::showWelcome()
{
    auto *page = new QTextBrowser;
    page->document()->setDocumentMargin(24);
    page->setObjectName(QStringLiteral("welcomePage"));
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
    } else {
        body += QStringLiteral("<p>%1</p>").arg(tr("Open an APIOps artifacts folder to start."));
    }
    body += QStringLiteral("<h3>%1</h3><table cellpadding='3'>").arg(tr("Getting around"));
    const std::pair<QString, QKeySequence> hints[] = {
        {tr("Open a workspace"), m_openAction->shortcut()},
        {tr("Show the navigator"), QKeySequence(Qt::ALT | Qt::Key_0)},
        {tr("Show the problems"), QKeySequence(Qt::ALT | Qt::Key_1)},
        {tr("Restart the gateway"), m_restartGatewayAction->shortcut()},
    };
    for (const auto &[text, keys] : hints)
        body += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(keys.toString(QKeySequence::NativeText).toHtmlEscaped(), text);
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
    QString text;
    QString colour;
    switch (state) {
    case State::Running:
        text = tr("Gateway running on %1").arg(m_gateway->address());
        colour = QStringLiteral("#2da44e");
        break;
    case State::Stopped:
        text = tr("Gateway stopped");
        colour = QStringLiteral("#8c959f");
        break;
    case State::Failed:
        text = tr("Gateway failed: %1").arg(m_gateway->errorString());
        colour = QStringLiteral("#cf222e");
        break;
    }
    m_gatewayStatus->setText(QStringLiteral("<span style='color:%1'>●</span> %2").arg(colour, text.toHtmlEscaped()));
    m_startGatewayAction->setEnabled(state != State::Running && m_document->isOpen());
    m_stopGatewayAction->setEnabled(state == State::Running);
    m_restartGatewayAction->setEnabled(m_document->isOpen());
    m_copyAddressAction->setEnabled(state == State::Running);
}

void MainWindow::updateTitle()
{
    if (m_document->isOpen()) {
        setWindowTitle(tr("%1 — Gatehouse").arg(m_document->displayName()));
        m_workspaceStatus->setText(QDir::toNativeSeparators(m_document->root()));
    } else {
        setWindowTitle(tr("Gatehouse"));
        m_workspaceStatus->setText(tr("No workspace"));
    }
}

} // namespace gh::shell
