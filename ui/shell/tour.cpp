#include "tour.h"

#include "command_palette.h"
#include "editors.h"
#include "info_bar.h"
#include "main_window.h"
#include "theme.h"

#include <ui/analytics/analytics_view.h>
#include <ui/analytics/request_log_view.h>
#include <ui/analytics/traffic_simulator_dialog.h>
#include <ui/apis/api_designer.h>
#include <ui/apis/import_dialog.h>
#include <ui/console/console_view.h>
#include <ui/console/environments.h>
#include <ui/console/find_bar.h>
#include <ui/engine/embedded_gateway.h>
#include <ui/entities/entity_actions.h>
#include <ui/entities/user_directory.h>
#include <ui/policies/effective_policy_view.h>
#include <ui/policies/policy_editor.h>
#include <ui/policies/policy_flow_view.h>
#include <ui/workspace/policy_target.h>
#include <ui/workspace/workspace_document.h>
#include <ui/workspace/workspace_tree_model.h>

#include <Qsci/qsciscintilla.h>

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

namespace gh::shell {

namespace {

void settle()
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 200)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
}

bool save(QWidget &widget, const QDir &dir, const QString &name)
{
    settle();
    return widget.grab().save(dir.filePath(name + QStringLiteral(".png")));
}

} // namespace

int runTour(MainWindow &window, Theme &theme, const QString &folder)
{
    QDir dir(folder);
    if (!dir.mkpath(QStringLiteral(".")))
        return -1;
    const Theme::Mode original = theme.mode();
    window.resize(1280, 800);
    window.show();
    const int tourStart = window.document() ? window.document()->undoStack()->index() : 0;

    int written = 0;
    auto shoot = [&](const QString &name) {
        if (save(window, dir, name))
            ++written;
    };

    for (Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
        theme.setMode(mode);
        const QString suffix = mode == Theme::Mode::Dark ? QStringLiteral("-dark") : QString();
        shoot(QStringLiteral("01-main-window") + suffix);

        // An item opened from the navigator, and the log dock raised.
        if (auto *navigator = window.findChild<QTreeView *>(QStringLiteral("navigator"))) {
            // The first API, under its version set: the deepest thing the navigator holds.
            QAbstractItemModel *model = navigator->model();
            QModelIndex item = model->index(model->rowCount() > 1 ? 1 : 0, 0);
            using Tree = workspace::WorkspaceTreeModel;
            while (model->rowCount(item) > 0 && item.data(Tree::KindRole).value<Tree::Kind>() != Tree::Kind::Api) {
                navigator->expand(item);
                item = model->index(0, 0, item);
            }
            if (item.isValid()) {
                navigator->expand(item);
                navigator->setCurrentIndex(item);
                emit navigator->activated(item);
            }
        }
        if (auto *logDock = window.findChild<QDockWidget *>(QStringLiteral("logDock")))
            logDock->raise();
        shoot(QStringLiteral("02-item-and-log") + suffix);
        if (auto *problemsDock = window.findChild<QDockWidget *>(QStringLiteral("problemsDock")))
            problemsDock->raise();
        if (auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs")))
            tabs->setCurrentIndex(0);
    }
    // The shell's own views: the palette, the settings, problems with content, the bars, in light and dark.
    auto composite = [&](QWidget &overlay, const QString &name) {
        settle();
        QPixmap shot = window.grab();
        QPainter painter(&shot);
        painter.drawPixmap(window.mapFromGlobal(overlay.mapToGlobal(QPoint(0, 0))), overlay.grab());
        painter.end();
        if (shot.save(dir.filePath(name + QStringLiteral(".png"))))
            ++written;
    };
    for (Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
        theme.setMode(mode);
        const QString suffix = mode == Theme::Mode::Dark ? QStringLiteral("-dark") : QString();
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs"));
        if (tabs)
            tabs->setCurrentIndex(0);

        window.showCommandPalette();
        if (auto *palette = window.commandPalette()) {
            if (auto *filter = palette->findChild<QLineEdit *>(QStringLiteral("commandFilter")))
                filter->setText(QStringLiteral("gateway"));
            composite(*palette, QStringLiteral("10-command-palette") + suffix);
            palette->hide();
        }

        window.showSettings();
        settle();
        if (auto *settings = window.findChild<QDialog *>(QStringLiteral("settingsDialog"))) {
            // Placed over the window's centre as a window manager would.
            settings->adjustSize();
            settings->move(window.mapToGlobal(
                QPoint((window.width() - settings->width()) / 2, (window.height() - settings->height()) / 3)));
            composite(*settings, QStringLiteral("11-settings") + suffix);
            settings->reject();
        }

        // A broken edit through the document: the live compile lists its problems, the status bar says what runs.
        auto *document = window.document();
        if (document && document->isOpen() && !document->model().apis.empty()) {
            auto api = document->model().apis.front();
            const std::string name = api.name;
            api.policy = gw::model::PolicyText{"<policies>\n\t<inbound>\n\t\t<base />\n\t\t<rate-limit-by-caller "
                                               "calls=\"10\" />\n\t</inbound>\n</policies>\n"};
            document->putEntity<gw::model::Api>(QStringLiteral("Tour"), name, api);
            // The live compile starts after a short pause in editing.
            QElapsedTimer waited;
            waited.start();
            while (window.gateway()->isServingLatest() && waited.elapsed() < 5000)
                QApplication::processEvents(QEventLoop::AllEvents, 50);
            if (auto *problemsDock = window.findChild<QDockWidget *>(QStringLiteral("problemsDock")))
                problemsDock->raise();
            shoot(QStringLiteral("12-problems") + suffix);
            if (auto *problems = window.findChild<QTreeView *>(QStringLiteral("problemsView"));
                problems && problems->model()->rowCount() > 0) {
                emit problems->activated(problems->model()->index(0, 0));
                shoot(QStringLiteral("13-problem-opened") + suffix);
            }
            document->undoStack()->undo();
            waited.restart();
            while (!window.gateway()->isServingLatest() && waited.elapsed() < 5000)
                QApplication::processEvents(QEventLoop::AllEvents, 50);
            if (tabs)
                tabs->setCurrentIndex(0);
        }

        window.offerExternalReload();
        shoot(QStringLiteral("14-files-changed") + suffix);
        window.offerRecovery();
        shoot(QStringLiteral("15-restore-offer") + suffix);
        window.infoBar()->hide();
    }
    theme.setMode(Theme::Mode::HighContrast);
    shoot(QStringLiteral("16-high-contrast"));
    window.showCommandPalette();
    if (auto *palette = window.commandPalette()) {
        composite(*palette, QStringLiteral("17-command-palette-high-contrast"));
        palette->hide();
    }

    // The entity editors (ui/entities), light and dark, each in a tab as the navigator opens it. The sample has
    // no groups, backends or users: some are added for the pictures and undone afterwards.
    if (auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs")); tabs && window.document()) {
        workspace::WorkspaceDocument &document = *window.document();
        QUndoStack *stack = document.undoStack();
        const int before = stack->index();
        namespace model = gw::model;
        const QString group = entities::createEntity(entities::Kind::Group, document);
        if (const auto *found = document.find<model::Group>(group.toStdString())) {
            model::Group edited = *found;
            edited.displayName = "Partners";
            edited.description = "Developers at partner companies";
            document.putEntity(QStringLiteral("tour"), edited.name, std::optional(edited));
        }
        const QString west = entities::createEntity(entities::Kind::Backend, document);
        if (const auto *found = document.find<model::Backend>(west.toStdString())) {
            model::Backend edited = *found;
            edited.title = "Conference (west)";
            edited.description = "The conference service in West Europe";
            edited.url = "https://conference-west.contoso.invalid/api";
            edited.credentials = model::Json::parse(R"({"header": {"x-functions-key": ["{{conference-key}}"]}})");
            model::CircuitBreakerRule rule;
            rule.name = "trip-on-5xx";
            rule.failureCount = 5;
            rule.failureInterval = "PT1M";
            rule.statusCodeRanges = {{500, 599}};
            rule.tripDuration = "PT1M";
            rule.acceptRetryAfter = true;
            model::CircuitBreakerRule throttled;
            throttled.name = "trip-on-throttling";
            throttled.failurePercentage = 50;
            throttled.failureInterval = "PT5M";
            throttled.statusCodeRanges = {{429, 429}};
            throttled.errorReasons = {"Timeout"};
            throttled.tripDuration = "PT30S";
            edited.circuitBreakerRules = {rule, throttled};
            document.putEntity(QStringLiteral("tour"), edited.name, std::optional(edited));
        }
        const QString east = entities::createEntity(entities::Kind::Backend, document);
        const QString pool = entities::createEntity(entities::Kind::Backend, document);
        if (const auto *found = document.find<model::Backend>(pool.toStdString())) {
            model::Backend edited = *found;
            edited.type = "Pool";
            edited.url.reset();
            edited.protocol.reset();
            edited.title = "Conference (both regions)";
            edited.description = "West first; east takes over when west trips its breaker";
            edited.pool = {{"/backends/" + west.toStdString(), 1, 3}, {"/backends/" + east.toStdString(), 2, 1}};
            document.putEntity(QStringLiteral("tour"), edited.name, std::optional(edited));
        }
        const QString secret = entities::createEntity(entities::Kind::NamedValue, document);
        if (const auto *found = document.find<model::NamedValue>(secret.toStdString())) {
            model::NamedValue edited = *found;
            edited.displayName = "conference-key";
            edited.secret = true;
            edited.value.reset();
            document.putEntity(QStringLiteral("tour"), edited.name, std::optional(edited));
        }
        const QString user = entities::createEntity(entities::Kind::User, document);
        if (const auto *found = entities::UserDirectory::of(document).find(user)) {
            entities::User edited = *found;
            edited.firstName = QStringLiteral("Ada");
            edited.lastName = QStringLiteral("Lovelace");
            edited.email = QStringLiteral("ada@contoso.invalid");
            edited.groups = {QStringLiteral("developers")};
            entities::UserDirectory::of(document).put(QStringLiteral("tour"), user, edited);
        }
        using Kind = workspace::WorkspaceTreeModel::Kind;
        const std::pair<EditorTarget, QString> editors[] = {
            {{Kind::Product, QStringLiteral("starter"), {}, QStringLiteral("Starter")}, QStringLiteral("product")},
            {{Kind::Subscription, QStringLiteral("starter-demo"), {}, QStringLiteral("Starter demo")},
             QStringLiteral("subscription")},
            {{Kind::NamedValue, QStringLiteral("event-name"), {}, QStringLiteral("event-name")},
             QStringLiteral("named-value")},
            {{Kind::NamedValue, secret, {}, QStringLiteral("conference-key")}, QStringLiteral("named-value-secret")},
            {{Kind::Backend, west, {}, QStringLiteral("Conference (west)")}, QStringLiteral("backend")},
            {{Kind::Backend, pool, {}, QStringLiteral("Conference (both regions)")}, QStringLiteral("backend-pool")},
            {{Kind::VersionSet, QStringLiteral("conference"), {}, QStringLiteral("Conference API")},
             QStringLiteral("version-set")},
            {{Kind::Group, group, {}, QStringLiteral("Partners")}, QStringLiteral("group")},
            {{Kind::User, user, {}, QStringLiteral("Ada Lovelace")}, QStringLiteral("user")},
        };
        for (Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
            theme.setMode(mode);
            const QString suffix = mode == Theme::Mode::Dark ? QStringLiteral("-dark") : QString();
            int number = 30;
            for (const auto &[target, name] : editors) {
                QWidget *page = createEditor(target, document);
                if (!page)
                    continue;
                tabs->setCurrentIndex(tabs->addTab(page, target.title));
                shoot(QStringLiteral("%1-entity-%2").arg(number).arg(name) + suffix);
                // Long forms (a backend's credentials and circuit breaker) also from their end.
                if (auto *scroll = page->findChild<QScrollArea *>(QStringLiteral("editorScrollArea"));
                    scroll && scroll->verticalScrollBar()->maximum() > 0) {
                    scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
                    shoot(QStringLiteral("%1-entity-%2-end").arg(number).arg(name) + suffix);
                }
                ++number;
                tabs->removeTab(tabs->indexOf(page));
                delete page;
            }
        }
        while (stack->index() > before)
            stack->undo();

        tabs->setCurrentIndex(0);
    }

    // The API designer (ui/apis): settings, an operation, the OpenAPI tab and the import preview.
    if (auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs")); tabs && window.document()) {
        workspace::WorkspaceDocument &document = *window.document();
        for (Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
            theme.setMode(mode);
            const QString suffix = mode == Theme::Mode::Dark ? QStringLiteral("-dark") : QString();
            auto *designer = new apis::ApiDesigner(document, QStringLiteral("conference-api"));
            tabs->setCurrentIndex(tabs->addTab(designer, QStringLiteral("Conference API")));
            shoot(QStringLiteral("50-api-settings") + suffix);
            designer->selectOperation(QStringLiteral("get-session"));
            shoot(QStringLiteral("51-api-operation") + suffix);
            if (auto *sections = designer->findChild<QTabWidget *>(QStringLiteral("operationTabs"))) {
                sections->setCurrentIndex(1); // the parameters
                shoot(QStringLiteral("55-api-operation-parameters") + suffix);
                sections->setCurrentIndex(0);
            }
            designer->selectOperation(QStringLiteral("submit-feedback"));
            if (auto *sections = designer->findChild<QTabWidget *>(QStringLiteral("operationTabs")))
                sections->setCurrentIndex(2); // the request body
            shoot(QStringLiteral("52-api-operation-request") + suffix);
            // Two representations of the request and of a response, added as a user does.
            {
                const int edits = document.undoStack()->index();
                auto press = [designer](const char *name) {
                    if (auto *button = designer->findChild<QAbstractButton *>(QLatin1String(name)))
                        button->click();
                };
                press("requestAddRepresentationButton");
                if (auto *schema = designer->findChild<QPlainTextEdit *>(QStringLiteral("requestSchemaEdit")))
                    schema->setPlainText(QStringLiteral("{\n  \"type\": \"string\",\n  \"xml\": {\"name\": "
                                                        "\"feedback\"}\n}"));
                if (auto *example = designer->findChild<QPlainTextEdit *>(QStringLiteral("requestExampleEdit")))
                    example->setPlainText(QStringLiteral("<feedback rating=\"5\">Great talk</feedback>"));
                shoot(QStringLiteral("56-api-request-representations") + suffix);
                if (auto *sections = designer->findChild<QTabWidget *>(QStringLiteral("operationTabs")))
                    sections->setCurrentIndex(3); // the responses
                press("responseAddRepresentationButton");
                shoot(QStringLiteral("57-api-response-representations") + suffix);
                while (document.undoStack()->index() > edits)
                    document.undoStack()->undo();
            }
            designer->showSpecification();
            shoot(QStringLiteral("53-api-openapi") + suffix);
            {
                apis::ImportDialog dialog(document, QStringLiteral("conference-api"), &window);
                dialog.setSource(
                    QDir(document.root()).filePath(QStringLiteral("apis/petstore-api/specification.yaml")));
                dialog.load();
                dialog.show();
                dialog.move(window.mapToGlobal(
                    QPoint((window.width() - dialog.width()) / 2, (window.height() - dialog.height()) / 3)));
                composite(dialog, QStringLiteral("54-api-import-preview") + suffix);
                dialog.reject();
            }
            tabs->removeTab(tabs->indexOf(designer));
            delete designer;
        }
        tabs->setCurrentIndex(0);
    }

    // The policy views (ui/policies): the effective policy of an operation in a product context, and the flow of
    // a product's policy with a card's form open, then the palette.
    if (auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs")); tabs && window.document()) {
        workspace::WorkspaceDocument &document = *window.document();
        for (Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
            theme.setMode(mode);
            const QString suffix = mode == Theme::Mode::Dark ? QStringLiteral("-dark") : QString();
            auto *effective = new policies::EffectivePolicyView(document, QStringLiteral("conference-api"),
                                                                QStringLiteral("get-session"));
            effective->setProduct(QStringLiteral("starter"));
            tabs->setCurrentIndex(tabs->addTab(effective, QStringLiteral("Effective: get-session")));
            shoot(QStringLiteral("70-policy-effective") + suffix);
            tabs->removeTab(tabs->indexOf(effective));
            delete effective;

            auto *flow = new policies::PolicyFlowView(document, workspace::PolicyTarget::product("starter"));
            tabs->setCurrentIndex(tabs->addTab(flow, QStringLiteral("Flow: Starter")));
            flow->selectCard(gw::policy::Section::Inbound, 1);
            if (QWidget *card = flow->card(gw::policy::Section::Inbound, 1))
                card->setFocus();
            shoot(QStringLiteral("71-policy-flow") + suffix);
            flow->showPalette(gw::policy::Section::Outbound);
            if (auto *filter = flow->findChild<QLineEdit *>(QStringLiteral("paletteFilter")))
                filter->setText(QStringLiteral("header"));
            shoot(QStringLiteral("72-policy-flow-palette") + suffix);
            tabs->removeTab(tabs->indexOf(flow));
            delete flow;
        }
        tabs->setCurrentIndex(0);
    }

    // The policy editor (ui/policies): the completion list while typing, and a mistake underlined with its message.
    if (auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs")); tabs && window.document()) {
        QUndoStack *stack = window.document()->undoStack();
        const int before = stack->index();
        // The popups Scintilla and the editor show are windows of their own: found among the visible ones.
        auto popup = [&](const char *className) -> QWidget * {
            for (QWidget *widget : QApplication::topLevelWidgets())
                if (widget != &window && widget->isVisible() && widget->inherits(className))
                    return widget;
            return nullptr;
        };
        for (Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
            theme.setMode(mode);
            const QString suffix = mode == Theme::Mode::Dark ? QStringLiteral("-dark") : QString();
            window.openProblemLocation(QStringLiteral("apis/conference-api/operations/get-session/policy.xml"), 4, 11);
            auto *editor = qobject_cast<policies::PolicyEditor *>(tabs->currentWidget());
            if (!editor)
                continue;
            QsciScintilla *text = editor->textEdit();
            text->SendScintilla(QsciScintillaBase::SCI_NEWLINE);
            text->SendScintilla(QsciScintillaBase::SCI_REPLACESEL, 0UL, "<set-");
            editor->showCompletions();
            settle();
            if (QWidget *list = popup("QListWidget"))
                composite(*list, QStringLiteral("65-policy-completion") + suffix);
            else
                shoot(QStringLiteral("65-policy-completion") + suffix);
            text->SendScintilla(QsciScintillaBase::SCI_AUTOCCANCEL);
            text->SendScintilla(QsciScintillaBase::SCI_REPLACESEL, 0UL,
                                "header name=\"X-Session\" exists-action=\"overide\">");
            text->SendScintilla(QsciScintillaBase::SCI_NEWLINE);
            text->SendScintilla(QsciScintillaBase::SCI_REPLACESEL, 0UL,
                                "<value>@(context.Variables.GetValueOrDefault<string>(\"sessionId\"))</value>");
            text->SendScintilla(QsciScintillaBase::SCI_NEWLINE);
            text->SendScintilla(QsciScintillaBase::SCI_REPLACESEL, 0UL, "</set-header>");
            editor->checker()->flush();
            settle();
            const std::string written = text->text().toStdString();
            editor->showHoverAt(static_cast<int>(written.find("overide") + 2));
            if (QWidget *hover = editor->findChild<QWidget *>(QStringLiteral("policyHover"));
                hover && hover->isVisible())
                composite(*hover, QStringLiteral("66-policy-diagnostic") + suffix);
            else
                shoot(QStringLiteral("66-policy-diagnostic") + suffix);
            while (stack->index() > before)
                stack->undo();
            tabs->removeTab(tabs->indexOf(editor));
            delete editor;
            // An operation without a policy: the editor offers to create one.
            auto *empty = new policies::PolicyEditor(
                *window.document(), workspace::PolicyTarget::operationOf("conference-api", "submit-feedback"));
            tabs->setCurrentIndex(tabs->addTab(empty, empty->target().title()));
            shoot(QStringLiteral("67-policy-empty") + suffix);
            tabs->removeTab(tabs->indexOf(empty));
            delete empty;
        }
        tabs->setCurrentIndex(0);
    }

    // The test console (ui/console): a call through the embedded gateway with its response, the trace of a call
    // that went through, and the trace of one the subscription check refused. The history file the calls made is
    // removed afterwards when there was none before.
    if (auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs"));
        tabs && window.document() && window.document()->isOpen() && window.gateway() &&
        window.gateway()->state() == engine::EmbeddedGateway::State::Running) {
        auto *view = console::showConsole(*tabs, *window.document(), window.gateway());
        const QString historyFile = view->history()->fileName();
        const bool hadHistory = QFileInfo::exists(historyFile);
        auto sendAndWait = [view] {
            QEventLoop loop;
            QObject::connect(view, &console::ConsoleView::callFinished, &loop, &QEventLoop::quit);
            QTimer::singleShot(10000, &loop, &QEventLoop::quit);
            view->send();
            loop.exec();
        };
        auto *responseTabs = view->findChild<QTabWidget *>(QStringLiteral("responseTabs"));
        for (Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
            theme.setMode(mode);
            const QString suffix = mode == Theme::Mode::Dark ? QStringLiteral("-dark") : QString();
            view->selectOperation(QStringLiteral("conference-api"), QStringLiteral("get-session"));
            if (auto *id = view->findChild<QLineEdit *>(QStringLiteral("templateParameter_id")))
                id->setText(QStringLiteral("s-101"));
            view->selectSubscription(QStringLiteral("unlimited-demo"));
            sendAndWait();
            if (responseTabs)
                responseTabs->setCurrentIndex(0);
            shoot(QStringLiteral("80-console-response") + suffix);
            // The body searched: Ctrl+F's bar under it, the matches marked and counted.
            if (auto *find = view->findChild<console::FindBar *>(QStringLiteral("responseFindBar"))) {
                find->open();
                find->field()->setText(QStringLiteral("them"));
                shoot(QStringLiteral("85-console-search") + suffix);
                find->close();
            }
            if (responseTabs)
                responseTabs->setCurrentIndex(2);
            shoot(QStringLiteral("81-console-trace") + suffix);
            view->selectSubscription(QString());
            sendAndWait();
            shoot(QStringLiteral("82-console-trace-rejected") + suffix);

            // Compare with the previous run: the same call before and after a header is added to the operation's
            // policy (served at once), side by side, the new step marked.
            view->selectSubscription(QStringLiteral("unlimited-demo"));
            sendAndWait();
            QUndoStack *stack = window.document()->undoStack();
            const int before = stack->index();
            const auto target = workspace::PolicyTarget::operationOf("conference-api", "get-session");
            if (auto policy = workspace::policyText(window.document()->model(), target)) {
                const std::string anchor = "<base />";
                if (const auto at = policy->find(anchor); at != std::string::npos) {
                    // Before <base />: the API's mock-response, which <base /> runs, ends inbound.
                    policy->insert(at, "<set-header name=\"X-Session\" exists-action=\"override\">"
                                       "<value>@((string)context.Variables[\"sessionId\"])</value></set-header>\n\t\t");
                    workspace::setPolicyText(*window.document(), target, *policy, QStringLiteral("Add a header"));
                    window.gateway()->applyModel(window.document()->model());
                    window.gateway()->waitForCompiles(10000);
                    sendAndWait();
                    if (auto *compare = view->findChild<QAbstractButton *>(QStringLiteral("compareCheck"))) {
                        compare->setChecked(true);
                        if (responseTabs)
                            responseTabs->setCurrentIndex(2);
                        shoot(QStringLiteral("83-console-compare") + suffix);
                        compare->setChecked(false);
                    }
                }
            }
            while (stack->index() > before)
                stack->undo();
            window.gateway()->applyModel(window.document()->model());
            window.gateway()->waitForCompiles(10000);

            // The builder with an environment and a form body: {{sessionId}} and {{token}} come from the
            // environment (the token a secret, masked), the feedback is sent as a form.
            const QString environment = view->environments()->add(QStringLiteral("Local"));
            view->environments()->setVariables(environment,
                                               {{QStringLiteral("sessionId"), QStringLiteral("s-101"), false},
                                                {QStringLiteral("token"), QStringLiteral("tour-secret-token"), true}});
            view->selectEnvironment(environment);
            view->selectOperation(QStringLiteral("conference-api"), QStringLiteral("submit-feedback"));
            if (auto *id = view->findChild<QLineEdit *>(QStringLiteral("templateParameter_id")))
                id->setText(QStringLiteral("{{sessionId}}"));
            if (auto *headers = view->findChild<QTableView *>(QStringLiteral("headersTable"))) {
                QAbstractItemModel *model = headers->model();
                const int row = model->rowCount() - 1;
                model->setData(model->index(row, 0), QStringLiteral("Authorization"));
                model->setData(model->index(row, 1), QStringLiteral("Bearer {{token}}"));
            }
            if (auto *mode = view->findChild<QComboBox *>(QStringLiteral("bodyModeCombo")))
                mode->setCurrentIndex(2);
            if (auto *form = view->findChild<QTableView *>(QStringLiteral("formTable"))) {
                QAbstractItemModel *model = form->model();
                model->setData(model->index(0, 0), QStringLiteral("rating"));
                model->setData(model->index(0, 1), QStringLiteral("5"));
                model->setData(model->index(1, 0), QStringLiteral("comment"));
                model->setData(model->index(1, 1), QStringLiteral("Clear and to the point"));
            }
            if (auto *requestTabs = view->findChild<QTabWidget *>(QStringLiteral("requestTabs")))
                requestTabs->setCurrentIndex(2);
            if (auto *side = view->findChild<QTabWidget *>(QStringLiteral("consoleSideTabs")))
                side->setCurrentIndex(2);
            shoot(QStringLiteral("84-console-builder") + suffix);
            if (auto *side = view->findChild<QTabWidget *>(QStringLiteral("consoleSideTabs")))
                side->setCurrentIndex(0);
            if (auto *requestTabs = view->findChild<QTabWidget *>(QStringLiteral("requestTabs")))
                requestTabs->setCurrentIndex(0);
            if (auto *mode = view->findChild<QComboBox *>(QStringLiteral("bodyModeCombo")))
                mode->setCurrentIndex(1);
            view->environments()->remove(environment);
        }
        tabs->removeTab(tabs->indexOf(view));
        delete view;
        if (!hadHistory) {
            QFile::remove(historyFile);
            QDir().rmdir(QFileInfo(historyFile).absolutePath()); // only when the tour made it and left it empty
        }
        tabs->setCurrentIndex(0);
    }

    // The traffic simulator (ui/analytics) sending to the embedded gateway, its live counters moving.
    if (window.document() && window.document()->isOpen() && window.gateway() &&
        window.gateway()->state() == engine::EmbeddedGateway::State::Running) {
        analytics::TrafficSimulatorDialog simulator(*window.document(), *window.gateway(), &window);
        if (auto *rate = simulator.findChild<QSpinBox *>(QStringLiteral("rateSpin")))
            rate->setValue(100);
        if (auto *badKeys = simulator.findChild<QSpinBox *>(QStringLiteral("badKeySpin")))
            badKeys->setValue(10);
        if (auto *errors = simulator.findChild<QSpinBox *>(QStringLiteral("errorSpin")))
            errors->setValue(5);
        simulator.show();
        simulator.move(window.mapToGlobal(
            QPoint((window.width() - simulator.width()) / 2, (window.height() - simulator.height()) / 3)));
        for (Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
            theme.setMode(mode);
            const QString suffix = mode == Theme::Mode::Dark ? QStringLiteral("-dark") : QString();
            simulator.start();
            QElapsedTimer running;
            running.start();
            while (running.elapsed() < 1500)
                QApplication::processEvents(QEventLoop::AllEvents, 50);
            composite(simulator, QStringLiteral("90-traffic-simulator") + suffix);
            simulator.stop();
        }
        QElapsedTimer draining;
        draining.start();
        while (simulator.simulator().counters().inFlight > 0 && draining.elapsed() < 5000)
            QApplication::processEvents(QEventLoop::AllEvents, 50);
        simulator.hide();
    }

    // Live analytics (ui/analytics): the dashboard while the traffic simulator sends a mix of calls, then the request
    // log with a request's details.
    if (auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs"));
        tabs && window.document() && window.document()->isOpen() && window.gateway() &&
        window.gateway()->state() == engine::EmbeddedGateway::State::Running) {
        analytics::AnalyticsView *view = window.showAnalytics();
        analytics::TrafficSimulatorDialog simulator(*window.document(), *window.gateway(), &window);
        if (auto *rate = simulator.findChild<QSpinBox *>(QStringLiteral("rateSpin")))
            rate->setValue(150);
        if (auto *badKeys = simulator.findChild<QSpinBox *>(QStringLiteral("badKeySpin")))
            badKeys->setValue(8);
        if (auto *errors = simulator.findChild<QSpinBox *>(QStringLiteral("errorSpin")))
            errors->setValue(4);
        const auto wait = [](int ms) {
            QElapsedTimer clock;
            clock.start();
            while (clock.elapsed() < ms)
                QApplication::processEvents(QEventLoop::AllEvents, 50);
        };
        simulator.start();
        wait(6000);
        for (Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
            theme.setMode(mode);
            const QString suffix = mode == Theme::Mode::Dark ? QStringLiteral("-dark") : QString();
            auto *sections = view->findChild<QTabWidget *>(QStringLiteral("analyticsTabs"));
            sections->setCurrentIndex(0);
            view->refresh();
            wait(300);
            shoot(QStringLiteral("91-analytics-dashboard") + suffix);
            sections->setCurrentIndex(1);
            view->requestLog()->refresh();
            wait(800);
            if (auto *table = view->requestLog()->findChild<QTableView *>())
                table->selectRow(2);
            wait(300);
            shoot(QStringLiteral("92-analytics-requests") + suffix);
        }
        simulator.stop();
        QElapsedTimer draining;
        draining.start();
        while (simulator.simulator().counters().inFlight > 0 && draining.elapsed() < 5000)
            QApplication::processEvents(QEventLoop::AllEvents, 50);
        tabs->removeTab(tabs->indexOf(view));
        delete view;
        tabs->setCurrentIndex(0);
    }

    // Last, after every section: the sample edits are undone above; their redo steps go too, so Edit > Redo does
    // not offer them.
    if (auto *document = window.document(); document && document->isOpen()) {
        QUndoStack *stack = document->undoStack();
        while (stack->index() > tourStart)
            stack->undo();
        // Pushing drops every step after the current one; an obsolete command is then dropped itself.
        auto *drop = new QUndoCommand;
        drop->setObsolete(true);
        stack->push(drop);
    }
    theme.setMode(original);
    return written;
}

} // namespace gh::shell
