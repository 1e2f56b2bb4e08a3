#include "../../gateway-core/certificates/test_certificates.h"

#include <temp_folder.h>
#include <ui/console/call_history.h>
#include <ui/console/console_view.h>
#include <ui/console/key_value_model.h>
#include <ui/console/trace_model.h>
#include <ui/engine/embedded_gateway.h>
#include <ui/shell/main_window.h>
#include <ui/shell/theme.h>
#include <ui/workspace/policy_target.h>
#include <ui/workspace/workspace_document.h>
#include <ui/workspace/workspace_tree_model.h>

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using gh::console::CallHistory;
using gh::console::ConsoleView;
using gh::console::TraceModel;

namespace {

// A copy of the sample workspace, opened and served by an embedded gateway.
struct Served {
    gw::test::TempFolder temp;
    gh::workspace::WorkspaceDocument document;
    gh::engine::EmbeddedGateway gateway;

    Served()
    {
        temp.copySample("ws");
        document.open(QString::fromStdString((temp.path() / "ws").string()));
        gateway.start(document.root());
    }
};

template<class T>
T *child(QWidget &parent, const char *name)
{
    T *found = parent.findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no %s", name);
    return found;
}

void choose(QComboBox *combo, const QString &data)
{
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    combo->setCurrentIndex(index);
}

// Clicks Send and waits for the call to come back.
bool sendAndWait(ConsoleView &view)
{
    QSignalSpy finished(&view, &ConsoleView::callFinished);
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("sendButton")), Qt::LeftButton);
    return finished.count() > 0 || finished.wait(10000);
}

// The texts of every row of the trace tree, depth first ("section/step/detail" lines).
QStringList treeTexts(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        out << index.data().toString() + QLatin1Char('|') +
                   model.index(row, TraceModel::OutcomeColumn, parent).data().toString();
        out += treeTexts(model, index);
    }
    return out;
}

} // namespace

class ConsoleTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("GatehouseTest"));
        QApplication::setApplicationName(QStringLiteral("ConsoleTest"));
        QSettings().clear();
    }

    void sendsAKeyedCallThroughTheGateway()
    {
        Served served;
        QCOMPARE(served.gateway.state(), gh::engine::EmbeddedGateway::State::Running);
        ConsoleView view(served.document, &served.gateway);
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        auto *api = child<QComboBox>(view, "apiCombo");
        auto *operation = child<QComboBox>(view, "operationCombo");
        auto *subscription = child<QComboBox>(view, "subscriptionCombo");
        auto *url = child<QLineEdit>(view, "urlEdit");
        choose(api, QStringLiteral("petstore-api"));
        choose(operation, QStringLiteral("list-pets"));
        QCOMPARE(child<QComboBox>(view, "methodCombo")->currentText(), QStringLiteral("GET"));
        QCOMPARE(url->text(), served.gateway.address() + QStringLiteral("/petstore/pets"));
        QVERIFY(url->isReadOnly());

        // The subscription's key goes where the API names it; the preview never shows it.
        choose(subscription, QStringLiteral("starter-demo"));
        auto *placement = child<QComboBox>(view, "keyPlacementCombo");
        QVERIFY(placement->currentText().contains(QStringLiteral("Ocp-Apim-Subscription-Key")));
        placement->setCurrentIndex(1);
        QVERIFY(url->text().contains(QStringLiteral("subscription-key=")));
        QVERIFY(!url->text().contains(QStringLiteral("starter-demo-primary-key-0001")));
        placement->setCurrentIndex(0);
        QVERIFY(!url->text().contains(QStringLiteral("subscription-key=")));

        QVERIFY(sendAndWait(view));
        QCOMPARE(child<QLabel>(view, "statusLabel")->text(), QStringLiteral("200 OK"));
        const QString body = child<QPlainTextEdit>(view, "responseBody")->toPlainText();
        QVERIFY2(body.contains(QStringLiteral("\"name\": \"Rex\"")), qPrintable(body)); // pretty-printed
        QVERIFY(child<QLabel>(view, "responseMetaLabel")->text().contains(QStringLiteral("ms")));
        auto *raw = child<QCheckBox>(view, "rawCheck");
        raw->setChecked(true);
        QVERIFY(view.currentCall());
        QCOMPARE(child<QPlainTextEdit>(view, "responseBody")->toPlainText(),
                 view.currentCall()->response.value(QStringLiteral("body")).toString());
        QVERIFY(view.currentCall()->response.value(QStringLiteral("body")).toString() != body);
        raw->setChecked(false);

        // Headers as received, and the trace the token asked for.
        auto *headers = child<QTableView>(view, "responseHeadersTable");
        QStringList names;
        for (int row = 0; row < headers->model()->rowCount(); ++row)
            names << headers->model()->index(row, 0).data().toString().toLower();
        QVERIFY2(names.contains(QStringLiteral("apim-trace-id")), qPrintable(names.join(',')));
        const QStringList steps = view.traceModel()->steps();
        QVERIFY2(steps.size() >= 3, qPrintable(steps.join(',')));
        QCOMPARE(steps.at(0), QStringLiteral("gateway/routing"));
        QCOMPARE(steps.at(1), QStringLiteral("gateway/subscription"));
        QVERIFY2(steps.contains(QStringLiteral("inbound/mock-response")), qPrintable(steps.join(',')));
        const QStringList rows = treeTexts(*child<QTreeView>(view, "traceTree")->model());
        QVERIFY2(rows.filter(QStringLiteral("subscription starter-demo")).size() == 1, qPrintable(rows.join('\n')));

        // The history lists the call with its status.
        QCOMPARE(view.history()->rowCount(), 1);
        QVERIFY(view.history()->index(0).data().toString().startsWith(QStringLiteral("200")));
        QVERIFY(!view.history()->fileName().startsWith(served.document.root()));
    }

    void showsTheStepThatRejectedAMissingKey()
    {
        Served served;
        ConsoleView view(served.document, &served.gateway);
        view.show();
        choose(child<QComboBox>(view, "apiCombo"), QStringLiteral("petstore-api"));
        choose(child<QComboBox>(view, "operationCombo"), QStringLiteral("list-pets"));
        choose(child<QComboBox>(view, "subscriptionCombo"), QString()); // no key
        QVERIFY(sendAndWait(view));
        QCOMPARE(child<QLabel>(view, "statusLabel")->text(), QStringLiteral("401 Unauthorized"));

        const QStringList steps = view.traceModel()->steps();
        QVERIFY2(steps.contains(QStringLiteral("gateway/authorization")), qPrintable(steps.join(',')));
        const QStringList rows = treeTexts(*child<QTreeView>(view, "traceTree")->model());
        QVERIFY2(rows.contains(QStringLiteral("authorization|fail")), qPrintable(rows.join('\n')));
        QVERIFY2(rows.filter(QStringLiteral("subscription key")).size() >= 1, qPrintable(rows.join('\n')));
        // A refused call opens on its trace.
        auto *tabs = child<QTabWidget>(view, "responseTabs");
        QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("traceStack"));
        QVERIFY(child<QTreeView>(view, "traceTree")->isVisible());
    }

    void buildsTheUrlAsYouType()
    {
        Served served;
        ConsoleView view(served.document, &served.gateway);
        view.show();
        choose(child<QComboBox>(view, "apiCombo"), QStringLiteral("petstore-api"));
        choose(child<QComboBox>(view, "operationCombo"), QStringLiteral("get-pet"));
        auto *petId = child<QLineEdit>(view, "templateParameter_petId");
        QVERIFY(petId);
        auto *url = child<QLineEdit>(view, "urlEdit");
        QVERIFY(url->text().endsWith(QStringLiteral("/petstore/pets/{petId}")));
        QTest::keyClicks(petId, QStringLiteral("42"));
        QVERIFY2(url->text().endsWith(QStringLiteral("/petstore/pets/42")), qPrintable(url->text()));

        // A query parameter typed in the table's empty row.
        auto *query = child<QTableView>(view, "queryTable");
        QAbstractItemModel *model = query->model();
        QCOMPARE(model->rowCount(), 1);
        QVERIFY(model->setData(model->index(0, 0), QStringLiteral("verbose"), Qt::EditRole));
        QVERIFY(model->setData(model->index(0, 1), QStringLiteral("yes"), Qt::EditRole));
        QCOMPARE(model->rowCount(), 2);
        QVERIFY2(url->text().endsWith(QStringLiteral("/petstore/pets/42?verbose=yes")), qPrintable(url->text()));

        // "From example" fills the operation's request example, pretty.
        choose(child<QComboBox>(view, "operationCombo"), QStringLiteral("create-pet"));
        QCOMPARE(child<QComboBox>(view, "methodCombo")->currentText(), QStringLiteral("POST"));
        QTest::mouseClick(child<QPushButton>(view, "exampleButton"), Qt::LeftButton);
        const QString body = child<QPlainTextEdit>(view, "bodyEdit")->toPlainText();
        QVERIFY2(body.contains(QStringLiteral("\"name\": \"Polly\"")), qPrintable(body));
        // Format JSON pretty-prints a compact body, and says so next to the editor when it is not JSON.
        child<QPlainTextEdit>(view, "bodyEdit")->setPlainText(QStringLiteral("{\"a\":[1,2]}"));
        QTest::mouseClick(child<QPushButton>(view, "formatBodyButton"), Qt::LeftButton);
        QVERIFY(child<QPlainTextEdit>(view, "bodyEdit")->toPlainText().contains(QStringLiteral("\n")));
        child<QPlainTextEdit>(view, "bodyEdit")->setPlainText(QStringLiteral("{oops"));
        QTest::mouseClick(child<QPushButton>(view, "formatBodyButton"), Qt::LeftButton);
        QVERIFY(child<QLabel>(view, "bodyNote")->text().startsWith(QStringLiteral("Not JSON")));

        // Any URL: typed, sent as it is (here to the gateway, so traced too).
        choose(child<QComboBox>(view, "apiCombo"), QString());
        QVERIFY(!url->isReadOnly());
        child<QComboBox>(view, "methodCombo")->setCurrentText(QStringLiteral("GET"));
        child<QPlainTextEdit>(view, "bodyEdit")->clear();
        url->setText(served.gateway.address() +
                     QStringLiteral("/petstore/pets/7?subscription-key=unlimited-demo-primary-key-0001"));
        QVERIFY(sendAndWait(view));
        QCOMPARE(child<QLabel>(view, "statusLabel")->text(), QStringLiteral("200 OK"));
        QVERIFY(!view.traceModel()->isEmpty());
    }

    void reportsWhatWentWrongWithoutAResponse()
    {
        Served served;
        ConsoleView view(served.document, &served.gateway);
        view.show();
        choose(child<QComboBox>(view, "apiCombo"), QString());
        // A port nothing listens on: the connection is refused and the pane says so.
        const QString address = served.gateway.address();
        served.gateway.stop();
        child<QLineEdit>(view, "urlEdit")->setText(address + QStringLiteral("/petstore/pets"));
        QVERIFY(sendAndWait(view));
        QVERIFY2(child<QLabel>(view, "statusLabel")->text().contains(QStringLiteral("refused"), Qt::CaseInsensitive),
                 qPrintable(child<QLabel>(view, "statusLabel")->text()));
        QCOMPARE(child<QTabWidget>(view, "responseTabs")->currentIndex(), 0);
        QVERIFY(child<QLabel>(view, "traceEmpty")->isVisibleTo(&view) || view.traceModel()->isEmpty());

        // An API call with the gateway stopped says how to start it, and nothing is sent.
        choose(child<QComboBox>(view, "apiCombo"), QStringLiteral("petstore-api"));
        QTest::mouseClick(child<QPushButton>(view, "sendButton"), Qt::LeftButton);
        QVERIFY(child<QLabel>(view, "statusLabel")->text().contains(QStringLiteral("not running")));
        QCOMPARE(view.history()->rowCount(), 1);
    }

    void sendsWithCtrlEnterFromTheBodyEditor()
    {
        Served served;
        ConsoleView view(served.document, &served.gateway);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        choose(child<QComboBox>(view, "apiCombo"), QStringLiteral("petstore-api"));
        choose(child<QComboBox>(view, "operationCombo"), QStringLiteral("create-pet"));
        choose(child<QComboBox>(view, "subscriptionCombo"), QStringLiteral("unlimited-demo"));
        auto *body = child<QPlainTextEdit>(view, "bodyEdit");
        child<QTabWidget>(view, "requestTabs")->setCurrentIndex(2);
        body->setFocus();
        QTest::keyClicks(body, QStringLiteral("{\"name\": \"Rex\"}"));
        QSignalSpy finished(&view, &ConsoleView::callFinished);
        QTest::keyClick(body, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(finished.count() > 0 || finished.wait(10000));
        QCOMPARE(child<QLabel>(view, "statusLabel")->text(), QStringLiteral("201 Created"));
        QCOMPARE(body->toPlainText(), QStringLiteral("{\"name\": \"Rex\"}")); // no newline typed
        QCOMPARE(view.currentCall()->request.value(QStringLiteral("body")).toString(), body->toPlainText());
    }

    void showsAnUntrustedCertificatePlainly()
    {
        // The embedded gateway over TLS with a self-signed certificate: the call is refused, and the pane says why.
        gw::test::TempFolder temp;
        temp.copySample("ws");
        const auto certificate = gw::test::makeCertificate({.commonName = "localhost", .dnsNames = {"localhost"}});
        temp.write("tls/cert.pem", certificate.certificatePem());
        temp.write("tls/key.pem", certificate.keyPem());
        gh::workspace::WorkspaceDocument document;
        QVERIFY(document.open(QString::fromStdString((temp.path() / "ws").string())));
        gh::engine::EmbeddedGateway gateway;
        gh::engine::GatewaySettings settings;
        settings.tls = true;
        settings.certificateFile = QString::fromStdString((temp.path() / "tls/cert.pem").string());
        settings.keyFile = QString::fromStdString((temp.path() / "tls/key.pem").string());
        gateway.setSettings(settings);
        QVERIFY2(gateway.start(document.root()), qPrintable(gateway.errorString()));
        QVERIFY(gateway.address().startsWith(QStringLiteral("https://")));

        ConsoleView view(document, &gateway);
        view.show();
        choose(child<QComboBox>(view, "apiCombo"), QStringLiteral("petstore-api"));
        choose(child<QComboBox>(view, "operationCombo"), QStringLiteral("list-pets"));
        choose(child<QComboBox>(view, "subscriptionCombo"), QStringLiteral("unlimited-demo"));
        QVERIFY(sendAndWait(view));
        const QString status = child<QLabel>(view, "statusLabel")->text();
        QVERIFY2(status.contains(QStringLiteral("not trusted")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive), qPrintable(status));
        QCOMPARE(view.history()->index(0).data().toString().left(6), QStringLiteral("failed"));
    }

    void historySurvivesARestartAndReruns()
    {
        Served served;
        {
            ConsoleView view(served.document, &served.gateway);
            view.show();
            choose(child<QComboBox>(view, "apiCombo"), QStringLiteral("petstore-api"));
            choose(child<QComboBox>(view, "operationCombo"), QStringLiteral("get-pet"));
            QTest::keyClicks(child<QLineEdit>(view, "templateParameter_petId"), QStringLiteral("5"));
            choose(child<QComboBox>(view, "subscriptionCombo"), QStringLiteral("starter-demo"));
            QVERIFY(sendAndWait(view));
            QCOMPARE(view.history()->rowCount(), 1);
        }
        // A new view (as after a restart of the app) on the same workspace lists the call.
        ConsoleView view(served.document, &served.gateway);
        view.show();
        auto *list = child<QListView>(view, "historyList");
        QCOMPARE(list->model()->rowCount(), 1);
        QVERIFY(list->model()->index(0, 0).data().toString().contains(QStringLiteral("/petstore/pets/5")));

        // Picking it shows its response and brings its request back into the builder; the key is not stored.
        list->setCurrentIndex(list->model()->index(0, 0));
        QCOMPARE(child<QLabel>(view, "statusLabel")->text(), QStringLiteral("200 OK"));
        QCOMPARE(child<QLineEdit>(view, "templateParameter_petId")->text(), QStringLiteral("5"));
        QCOMPARE(child<QComboBox>(view, "subscriptionCombo")->currentData().toString(), QStringLiteral("starter-demo"));
        QVERIFY(view.currentCall());
        QVERIFY(!QJsonDocument(view.currentCall()->request).toJson().contains("starter-demo-primary-key-0001"));
        QVERIFY(!view.traceModel()->isEmpty()); // the trace was saved with it

        // Searching filters; Re-run sends it again.
        auto *search = child<QLineEdit>(view, "historySearch");
        QTest::keyClicks(search, QStringLiteral("nothing-like-this"));
        QCOMPARE(list->model()->rowCount(), 0);
        search->clear();
        QCOMPARE(list->model()->rowCount(), 1);
        list->setCurrentIndex(list->model()->index(0, 0));
        QSignalSpy finished(&view, &ConsoleView::callFinished);
        QTest::mouseClick(child<QPushButton>(view, "rerunButton"), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(list->model()->rowCount(), 2);

        // Copy as curl masks the key.
        const QString curl = view.curlCommand();
        QVERIFY2(curl.contains(QStringLiteral("Ocp-Apim-Subscription-Key: ••••")), qPrintable(curl));
        QVERIFY(!curl.contains(QStringLiteral("starter-demo-primary-key-0001")));
        QVERIFY(view.curlCommand(true).contains(QStringLiteral("starter-demo-primary-key-0001")));
    }

    void comparesATraceWithThePreviousRun()
    {
        Served served;
        ConsoleView view(served.document, &served.gateway);
        view.show();
        choose(child<QComboBox>(view, "apiCombo"), QStringLiteral("conference-api"));
        choose(child<QComboBox>(view, "operationCombo"), QStringLiteral("get-session"));
        QTest::keyClicks(child<QLineEdit>(view, "templateParameter_id"), QStringLiteral("s-101"));
        choose(child<QComboBox>(view, "subscriptionCombo"), QStringLiteral("starter-demo"));
        QVERIFY(sendAndWait(view));
        auto *compare = child<QCheckBox>(view, "compareCheck");
        compare->setChecked(true);
        QVERIFY(child<QTreeView>(view, "previousTraceTree")->isHidden()); // nothing before it
        QVERIFY(child<QLabel>(view, "compareNote")->text().contains(QStringLiteral("not sent before")));

        // A policy edit served live, then the same call again: the new step is marked, the rest matches.
        using gh::workspace::PolicyTarget;
        const PolicyTarget target = PolicyTarget::operationOf("conference-api", "get-session");
        std::string policy = *gh::workspace::policyText(served.document.model(), target);
        const std::string anchor = "<base />";
        // Before <base />: the API's mock-response, which <base /> runs, ends inbound.
        policy.insert(policy.find(anchor),
                      "<set-header name=\"X-Compared\" exists-action=\"override\"><value>1</value></set-header>");
        gh::workspace::setPolicyText(served.document, target, policy, QStringLiteral("Edit policy"));
        served.gateway.applyModel(served.document.model());
        QVERIFY(served.gateway.waitForCompiles(10000));
        QVERIFY(served.gateway.isServingLatest());
        QVERIFY(sendAndWait(view));
        QVERIFY(!child<QTreeView>(view, "previousTraceTree")->isHidden());
        QVERIFY2(view.traceModel()->differenceCount() == 1, qPrintable(view.traceModel()->steps().join(',')));
        QVERIFY2(view.traceModel()->steps().contains(QStringLiteral("inbound/set-header")),
                 qPrintable(view.traceModel()->steps().join(',')));
        // The marked step is the new one.
        const QAbstractItemModel *model = view.traceModel();
        QString marked;
        for (int section = 0; section < model->rowCount(); ++section) {
            const QModelIndex parent = model->index(section, 0);
            for (int row = 0; row < model->rowCount(parent); ++row)
                if (model->index(row, 0, parent).data(TraceModel::DifferentRole).toBool())
                    marked = model->index(row, 0, parent).data().toString();
        }
        QCOMPARE(marked, QStringLiteral("set-header"));
        QVERIFY(child<QLabel>(view, "compareNote")->text().contains(QStringLiteral("1 step differs")));
    }

    void opensFromTheShell()
    {
        gw::test::TempFolder temp;
        temp.copySample("ws");
        gh::shell::Theme theme(*qApp);
        gh::shell::MainWindow window(theme);
        window.show();
        QVERIFY(window.openWorkspace(QString::fromStdString((temp.path() / "ws").string())));
        auto *action = window.findChild<QAction *>(QStringLiteral("testConsoleAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
        action->trigger();
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs"));
        QVERIFY(tabs);
        auto *view = qobject_cast<ConsoleView *>(tabs->currentWidget());
        QVERIFY(view);
        action->trigger(); // once only
        int consoles = 0;
        for (int i = 0; i < tabs->count(); ++i)
            consoles += qobject_cast<ConsoleView *>(tabs->widget(i)) ? 1 : 0;
        QCOMPARE(consoles, 1);
        view->selectOperation(QStringLiteral("conference-api"), QStringLiteral("get-session"));
        QVERIFY2(view->urlPreview().contains(QStringLiteral("/conference/v1/sessions/")),
                 qPrintable(view->urlPreview()));
    }

    // The API designer's "Test in Console" on an operation opens the console with that operation chosen.
    void opensFromTheDesignersOperation()
    {
        gw::test::TempFolder temp;
        temp.copySample("ws");
        gh::shell::Theme theme(*qApp);
        gh::shell::MainWindow window(theme);
        window.show();
        QVERIFY(window.openWorkspace(QString::fromStdString((temp.path() / "ws").string())));
        const QModelIndex operation =
            window.findItem(static_cast<int>(gh::workspace::WorkspaceTreeModel::Kind::Operation),
                            QStringLiteral("list-speakers"), QStringLiteral("conference-api"));
        QVERIFY(operation.isValid());
        auto *navigator = window.findChild<QTreeView *>(QStringLiteral("navigator"));
        QVERIFY(navigator);
        emit navigator->activated(operation);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs"));
        auto *button = tabs->currentWidget()->findChild<QPushButton *>(QStringLiteral("testOperationButton"));
        QVERIFY(button);
        button->click();
        auto *view = qobject_cast<ConsoleView *>(tabs->currentWidget());
        QVERIFY(view);
        QVERIFY2(view->urlPreview().endsWith(QStringLiteral("/conference/v1/speakers")),
                 qPrintable(view->urlPreview()));
    }
};

QTEST_MAIN(ConsoleTest)
#include "console_test.moc"
