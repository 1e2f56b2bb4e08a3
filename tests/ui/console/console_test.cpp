#include "../../gateway-core/certificates/test_certificates.h"

#include "../served_sample.h"
#include <temp_folder.h>
#include <ui/console/call_history.h>
#include <ui/console/console_view.h>
#include <ui/console/environments.h>
#include <ui/console/find_bar.h>
#include <ui/console/key_value_model.h>
#include <ui/console/request_collections.h>
#include <ui/console/trace_model.h>
#include <ui/console/trusted_certificates.h>
#include <ui/engine/embedded_gateway.h>
#include <ui/entities/local_secrets.h>
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
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolButton>
#include <QTreeView>

using gh::console::CallHistory;
using gh::console::ConsoleView;
using gh::console::TraceModel;
using gh::entities::LocalSecrets;

namespace {

using Served = gh::test::ServedSample;
using gh::test::child;

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

// A backend on a local port that keeps the last request it got (request line, headers and body) and answers 200.
class CapturingServer : public QObject {
public:
    CapturingServer()
    {
        server.listen(QHostAddress::LocalHost);
        QObject::connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                auto *buffer = new QByteArray;
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                    buffer->append(socket->readAll());
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    qsizetype length = 0;
                    for (const QByteArray &line : buffer->left(end).split('\n'))
                        if (line.toLower().startsWith("content-length:"))
                            length = line.mid(15).trimmed().toLongLong();
                    if (buffer->size() < end + 4 + length)
                        return;
                    head = QString::fromUtf8(buffer->left(end));
                    body = buffer->mid(end + 4, length);
                    delete buffer;
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
                                  "Connection: close\r\n\r\nok");
                    socket->disconnectFromHost();
                });
            }
        });
    }
    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(server.serverPort()).arg(path);
    }
    // A header of the last request, by name (case-insensitive).
    QString header(const QString &name) const
    {
        for (const QString &line : head.split(QStringLiteral("\r\n")))
            if (line.section(QLatin1Char(':'), 0, 0).compare(name, Qt::CaseInsensitive) == 0)
                return line.section(QLatin1Char(':'), 1).trimmed();
        return {};
    }

    QTcpServer server;
    QString head;
    QByteArray body;
};

// A copy of the sample workspace served over TLS with a new self-signed certificate.
struct ServedOverTls {
    gw::test::TempFolder temp;
    gh::workspace::WorkspaceDocument document;
    gh::engine::EmbeddedGateway gateway;

    ServedOverTls()
    {
        temp.copySample("ws");
        const auto certificate = gw::test::makeCertificate({.commonName = "localhost", .dnsNames = {"localhost"}});
        temp.write("tls/cert.pem", certificate.certificatePem());
        temp.write("tls/key.pem", certificate.keyPem());
        document.open(QString::fromStdString((temp.path() / "ws").string()));
        gh::engine::GatewaySettings settings;
        settings.tls = true;
        settings.certificateFile = QString::fromStdString((temp.path() / "tls/cert.pem").string());
        settings.keyFile = QString::fromStdString((temp.path() / "tls/key.pem").string());
        gateway.setSettings(settings);
        gateway.start(document.root());
    }
};

// The files under `folder` whose bytes contain `text` (an SQLite file, its journal and write-ahead log included).
QStringList filesContaining(const QString &folder, const QString &text)
{
    QStringList hits;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(text.toUtf8()))
            hits << file.fileName();
    }
    return hits;
}

} // namespace

class ConsoleTest : public QObject {
    Q_OBJECT

    std::unique_ptr<gw::test::TempFolder> m_dataHome; // the per-user secret store (and console data) live here

private slots:
    void initTestCase()
    {
        m_dataHome = std::make_unique<gw::test::TempFolder>();
        qputenv("XDG_DATA_HOME", QByteArray::fromStdString(m_dataHome->path().string()));
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
        QVERIFY(child<QLabel>(view, "responseMetaLabel")->text().contains(QStringLiteral("bytes")));
        QVERIFY(child<QLabel>(view, "timingLabel")->text().contains(QStringLiteral("Total")));
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

    void trustsACertificateForTheSession()
    {
        ServedOverTls served;
        QCOMPARE(served.gateway.state(), gh::engine::EmbeddedGateway::State::Running);
        ConsoleView view(served.document, &served.gateway);
        view.show();
        choose(child<QComboBox>(view, "apiCombo"), QStringLiteral("petstore-api"));
        choose(child<QComboBox>(view, "operationCombo"), QStringLiteral("list-pets"));
        choose(child<QComboBox>(view, "subscriptionCombo"), QStringLiteral("unlimited-demo"));
        auto *trust = child<QPushButton>(view, "trustCertificateButton");
        QVERIFY(trust->isHidden());
        QVERIFY(sendAndWait(view));
        QVERIFY2(child<QLabel>(view, "statusLabel")->text().contains(QStringLiteral("SHA-256 fingerprint")),
                 qPrintable(child<QLabel>(view, "statusLabel")->text()));
        QVERIFY(trust->isVisible());

        // Trusting re-sends, and the call goes through; so do later ones, for this certificate only.
        QSignalSpy finished(&view, &ConsoleView::callFinished);
        QTest::mouseClick(trust, Qt::LeftButton);
        QVERIFY(finished.count() > 0 || finished.wait(10000));
        QCOMPARE(child<QLabel>(view, "statusLabel")->text(), QStringLiteral("200 OK"));
        QVERIFY(trust->isHidden());
        // Over TLS the timing has the handshake.
        QVERIFY2(child<QLabel>(view, "timingLabel")->text().startsWith(QStringLiteral("TLS ")),
                 qPrintable(child<QLabel>(view, "timingLabel")->text()));
        QVERIFY(sendAndWait(view));
        QCOMPARE(child<QLabel>(view, "statusLabel")->text(), QStringLiteral("200 OK"));

        // Another gateway's new certificate is not trusted by that choice.
        ServedOverTls other;
        ConsoleView second(other.document, &other.gateway);
        second.show();
        choose(child<QComboBox>(second, "apiCombo"), QStringLiteral("petstore-api"));
        QVERIFY(sendAndWait(second));
        QVERIFY(child<QLabel>(second, "statusLabel")->text().contains(QStringLiteral("not trusted")));
        gh::console::TrustedCertificates::session().clear();
    }

    void highlightsAndSearchesTheResponseBody()
    {
        Served served;
        ConsoleView view(served.document, &served.gateway);
        view.resize(1200, 800);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        choose(child<QComboBox>(view, "apiCombo"), QStringLiteral("petstore-api"));
        choose(child<QComboBox>(view, "operationCombo"), QStringLiteral("list-pets"));
        choose(child<QComboBox>(view, "subscriptionCombo"), QStringLiteral("starter-demo"));
        QVERIFY(sendAndWait(view));
        auto *body = child<QPlainTextEdit>(view, "responseBody");
        // The JSON is coloured: the first line with a key has formats on it.
        bool coloured = false;
        for (QTextBlock block = body->document()->begin(); block.isValid(); block = block.next())
            if (block.text().contains(QStringLiteral("\"name\"")))
                coloured = coloured || !block.layout()->formats().isEmpty();
        QVERIFY(coloured);
        // Headers, first byte and total, as Qt measured them (no TLS over plain HTTP).
        const QString timing = child<QLabel>(view, "timingLabel")->text();
        QVERIFY2(timing.startsWith(QStringLiteral("Headers ")) && timing.contains(QStringLiteral("Total ")),
                 qPrintable(timing));

        // Ctrl+F opens the search bar; Enter goes to the next match, counted; Esc closes it.
        const int names = static_cast<int>(body->toPlainText().count(QStringLiteral("\"name\"")));
        QVERIFY(names >= 2);
        body->setFocus();
        auto *bar = child<gh::console::FindBar>(view, "responseFindBar");
        QVERIFY(bar->isHidden());
        QTest::keyClick(body, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(bar->isVisible());
        auto *field = child<QLineEdit>(view, "responseFindField");
        QVERIFY(field->hasFocus());
        QTest::keyClicks(field, QStringLiteral("\"name\""));
        QCOMPARE(bar->matchCount(), names);
        QCOMPARE(bar->currentMatch(), 1);
        QCOMPARE(child<QLabel>(view, "responseFindCount")->text(), QStringLiteral("1 of %1").arg(names));
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(bar->currentMatch(), 2);
        QCOMPARE(body->textCursor().selectedText(), QStringLiteral("\"name\""));
        QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(bar->currentMatch(), 1);
        QCOMPARE(body->extraSelections().size(), names);
        field->setText(QStringLiteral("no such text"));
        QCOMPARE(child<QLabel>(view, "responseFindCount")->text(), QStringLiteral("No matches"));
        QTest::keyClick(field, Qt::Key_Escape);
        QVERIFY(bar->isHidden());
        QVERIFY(body->extraSelections().isEmpty());

        // The request body formats XML as well as JSON, and says where XML is broken.
        auto *edit = child<QPlainTextEdit>(view, "bodyEdit");
        edit->setPlainText(QStringLiteral("<pet><name kind=\"dog\">Rex</name><age>3</age></pet>"));
        QTest::mouseClick(child<QPushButton>(view, "formatBodyButton"), Qt::LeftButton);
        QCOMPARE(edit->toPlainText(), QStringLiteral("<pet>\n  <name kind=\"dog\">Rex</name>\n  <age>3</age>\n</pet>"));
        QVERIFY(!edit->document()->begin().next().layout()->formats().isEmpty()); // coloured as XML
        edit->setPlainText(QStringLiteral("<pet><name></pet>"));
        QTest::mouseClick(child<QPushButton>(view, "formatBodyButton"), Qt::LeftButton);
        QVERIFY2(child<QLabel>(view, "bodyNote")->text().startsWith(QStringLiteral("Not XML")),
                 qPrintable(child<QLabel>(view, "bodyNote")->text()));

        // The trace's timeline: each step placed within the whole trace, drawn by the delegate.
        auto *tree = child<QTreeView>(view, "traceTree");
        const QAbstractItemModel *model = tree->model();
        int bars = 0;
        for (int section = 0; section < model->rowCount(); ++section) {
            const QModelIndex parent = model->index(section, 0);
            for (int row = 0; row < model->rowCount(parent); ++row) {
                const QVariant span =
                    model->index(row, TraceModel::TimelineColumn, parent).data(TraceModel::TimelineRole);
                QVERIFY(span.isValid());
                const QPointF value = span.toPointF();
                QVERIFY(value.x() >= 0 && value.x() <= 1 && value.y() >= 0 && value.x() + value.y() <= 1.0001);
                ++bars;
            }
        }
        QVERIFY(bars >= 3);
        QVERIFY(tree->itemDelegateForColumn(TraceModel::TimelineColumn));
        child<QTabWidget>(view, "responseTabs")->setCurrentIndex(2);
        QVERIFY(!tree->grab().isNull());
    }

    void sendsFormAndMultipartBodies()
    {
        Served served;
        CapturingServer backend;
        ConsoleView view(served.document, &served.gateway);
        view.show();
        choose(child<QComboBox>(view, "apiCombo"), QString());
        child<QComboBox>(view, "methodCombo")->setCurrentText(QStringLiteral("POST"));
        child<QLineEdit>(view, "urlEdit")->setText(backend.url(QStringLiteral("/echo")));
        auto *mode = child<QComboBox>(view, "bodyModeCombo");
        mode->setCurrentIndex(2);
        auto *form = child<QTableView>(view, "formTable");
        QVERIFY(form->isVisibleTo(&view) || child<QTabWidget>(view, "requestTabs")->currentIndex() != 2);
        QAbstractItemModel *fields = form->model();
        QVERIFY(fields->setData(fields->index(0, 0), QStringLiteral("a"), Qt::EditRole));
        QVERIFY(fields->setData(fields->index(0, 1), QStringLiteral("1"), Qt::EditRole));
        QVERIFY(fields->setData(fields->index(1, 0), QStringLiteral("b"), Qt::EditRole));
        QVERIFY(fields->setData(fields->index(1, 1), QStringLiteral("x y"), Qt::EditRole));
        QVERIFY(sendAndWait(view));
        QCOMPARE(child<QLabel>(view, "statusLabel")->text(), QStringLiteral("200 OK"));
        QCOMPARE(backend.body, QByteArray("a=1&b=x%20y"));
        QCOMPARE(backend.header(QStringLiteral("Content-Type")), QStringLiteral("application/x-www-form-urlencoded"));
        QVERIFY(backend.head.startsWith(QStringLiteral("POST /echo ")));

        // Multipart: a text part and a file part, with the boundary named in Content-Type.
        served.temp.write("upload/hello.txt", "hello from a file");
        const QString file = QString::fromStdString((served.temp.path() / "upload/hello.txt").string());
        mode->setCurrentIndex(3);
        auto *parts = qobject_cast<gh::console::KeyValueModel *>(child<QTableView>(view, "multipartTable")->model());
        QVERIFY(parts);
        QVERIFY(parts->setData(parts->index(0, 0), QStringLiteral("note"), Qt::EditRole));
        QVERIFY(parts->setData(parts->index(0, 1), QStringLiteral("hi there"), Qt::EditRole));
        parts->addFile(QStringLiteral("upload"), file);
        QCOMPARE(parts->index(1, 1).data().toString(), QStringLiteral("hello.txt"));
        QVERIFY(sendAndWait(view));
        QCOMPARE(child<QLabel>(view, "statusLabel")->text(), QStringLiteral("200 OK"));
        const QString type = backend.header(QStringLiteral("Content-Type"));
        QVERIFY2(type.startsWith(QStringLiteral("multipart/form-data; boundary=")), qPrintable(type));
        const QByteArray boundary = type.section(QLatin1Char('='), 1).toLatin1();
        const QByteArray expected = "--" + boundary +
                                    "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi there\r\n" + "--" +
                                    boundary +
                                    "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"hello.txt\"\r\n"
                                    "Content-Type: text/plain\r\n\r\nhello from a file\r\n" +
                                    "--" + boundary + "--\r\n";
        QCOMPARE(backend.body, expected);
        // curl builds the same parts itself.
        const QString curl = view.curlCommand();
        QVERIFY2(curl.contains(QStringLiteral("-F 'note=hi there'")) &&
                     curl.contains(QStringLiteral("-F 'upload=@%1'").arg(file)) &&
                     !curl.contains(QStringLiteral("boundary")),
                 qPrintable(curl));

        // The body mode and the parts come back with the call from the history.
        mode->setCurrentIndex(1);
        auto *list = child<QListView>(view, "historyList");
        list->setCurrentIndex(list->model()->index(1, 0)); // the form call
        QCOMPARE(mode->currentIndex(), 2);
        list->setCurrentIndex(list->model()->index(0, 0));
        QCOMPARE(mode->currentIndex(), 3);
        QCOMPARE(parts->entries().size(), 2);
        QVERIFY(parts->entries().at(1).file);
    }

    void savesRequestsInCollections()
    {
        Served served;
        {
            ConsoleView view(served.document, &served.gateway);
            view.show();
            choose(child<QComboBox>(view, "apiCombo"), QStringLiteral("petstore-api"));
            choose(child<QComboBox>(view, "operationCombo"), QStringLiteral("get-pet"));
            QTest::keyClicks(child<QLineEdit>(view, "templateParameter_petId"), QStringLiteral("7"));
            choose(child<QComboBox>(view, "subscriptionCombo"), QStringLiteral("starter-demo"));
            QTest::mouseClick(child<QPushButton>(view, "saveToCollectionButton"), Qt::LeftButton);
            QVERIFY(child<QWidget>(view, "saveRequestForm")->isVisible());
            child<QComboBox>(view, "saveCollectionCombo")->setCurrentText(QStringLiteral("Pets"));
            auto *name = child<QLineEdit>(view, "saveNameEdit");
            QVERIFY(!name->text().isEmpty()); // a name is offered
            name->setText(QStringLiteral("Pet seven"));
            QTest::mouseClick(child<QPushButton>(view, "saveRequestButton"), Qt::LeftButton);
            QVERIFY(child<QWidget>(view, "saveRequestForm")->isHidden());
            QVERIFY(view.collections()->find(QStringLiteral("Pets"), QStringLiteral("Pet seven")).isValid());
            const auto saved = view.collections()->request(
                view.collections()->find(QStringLiteral("Pets"), QStringLiteral("Pet seven")));
            QVERIFY(saved);
            QVERIFY(!QJsonDocument(*saved).toJson().contains("starter-demo-primary-key-0001")); // never the key
            QCOMPARE(saved->value(QStringLiteral("subscription")).toString(), QStringLiteral("starter-demo"));
        }
        // Another view on the workspace (as after a restart) lists it and opens it into the builder.
        ConsoleView view(served.document, &served.gateway);
        view.show();
        auto *tree = child<QTreeView>(view, "collectionsTree");
        QCOMPARE(tree->model()->rowCount(), 1);
        const QModelIndex collection = tree->model()->index(0, 0);
        QCOMPARE(collection.data().toString(), QStringLiteral("Pets"));
        const QModelIndex request = tree->model()->index(0, 0, collection);
        QCOMPARE(request.data().toString(), QStringLiteral("Pet seven"));
        choose(child<QComboBox>(view, "apiCombo"), QStringLiteral("conference-api"));
        tree->setCurrentIndex(request);
        QTest::mouseClick(child<QPushButton>(view, "openRequestButton"), Qt::LeftButton);
        QCOMPARE(child<QComboBox>(view, "apiCombo")->currentData().toString(), QStringLiteral("petstore-api"));
        QCOMPARE(child<QComboBox>(view, "operationCombo")->currentData().toString(), QStringLiteral("get-pet"));
        QCOMPARE(child<QLineEdit>(view, "templateParameter_petId")->text(), QStringLiteral("7"));
        QCOMPARE(child<QComboBox>(view, "subscriptionCombo")->currentData().toString(), QStringLiteral("starter-demo"));
        QVERIFY(sendAndWait(view));
        QCOMPARE(child<QLabel>(view, "statusLabel")->text(), QStringLiteral("200 OK"));

        // Rename in place, then delete.
        QVERIFY(tree->model()->setData(request, QStringLiteral("Seventh pet"), Qt::EditRole));
        QVERIFY(view.collections()->find(QStringLiteral("Pets"), QStringLiteral("Seventh pet")).isValid());
        QVERIFY(tree->model()->setData(tree->model()->index(0, 0), QStringLiteral("Animals"), Qt::EditRole));
        QVERIFY(view.collections()->find(QStringLiteral("Animals"), QStringLiteral("Seventh pet")).isValid());
        tree->setCurrentIndex(view.collections()->find(QStringLiteral("Animals"), QStringLiteral("Seventh pet")));
        QTest::mouseClick(child<QPushButton>(view, "deleteRequestButton"), Qt::LeftButton);
        QCOMPARE(tree->model()->rowCount(), 0);
        // Same file as the history, outside the artifacts root.
        QVERIFY(!view.history()->fileName().startsWith(served.document.root()));
    }

    void replacesEnvironmentVariables()
    {
        Served served;
        CapturingServer backend;
        ConsoleView view(served.document, &served.gateway);
        view.show();
        QTest::mouseClick(child<QPushButton>(view, "addEnvironmentButton"), Qt::LeftButton);
        QCOMPARE(view.environments()->names(), QStringList{QStringLiteral("Local")});
        auto *variables = child<QTableView>(view, "variablesTable")->model();
        const auto add = [variables](const QString &name, const QString &value, bool secret) {
            const int row = variables->rowCount() - 1;
            QVERIFY(variables->setData(variables->index(row, 0), name, Qt::EditRole));
            QVERIFY(variables->setData(variables->index(row, 1), value, Qt::EditRole));
            if (secret)
                QVERIFY(variables->setData(variables->index(row, 2), Qt::Checked, Qt::CheckStateRole));
        };
        add(QStringLiteral("baseUrl"), backend.url(QString()), false);
        add(QStringLiteral("token"), QStringLiteral("s3cret-token"), true);
        add(QStringLiteral("greeting"), QStringLiteral("hello"), false);
        QCOMPARE(variables->index(1, 1).data().toString(), QStringLiteral("••••••••")); // secret shown masked
        choose(child<QComboBox>(view, "environmentCombo"), QStringLiteral("Local"));

        choose(child<QComboBox>(view, "apiCombo"), QString());
        child<QComboBox>(view, "methodCombo")->setCurrentText(QStringLiteral("POST"));
        child<QLineEdit>(view, "urlEdit")->setText(QStringLiteral("{{baseUrl}}/things?key={{token}}&x={{nope}}"));
        auto *resolved = child<QLabel>(view, "resolvedUrlLabel");
        QVERIFY(resolved->isVisibleTo(&view));
        QVERIFY2(resolved->text().contains(backend.url(QStringLiteral("/things"))), qPrintable(resolved->text()));
        QVERIFY2(resolved->text().contains(QStringLiteral("nope")) &&
                     resolved->text().contains(QStringLiteral("Unknown variables")),
                 qPrintable(resolved->text()));
        QVERIFY(!resolved->text().contains(QStringLiteral("s3cret-token")));
        child<QLineEdit>(view, "urlEdit")->setText(QStringLiteral("{{baseUrl}}/things?key={{token}}"));
        QVERIFY(!resolved->text().contains(QStringLiteral("Unknown")));

        auto *headers = child<QTableView>(view, "headersTable")->model();
        QVERIFY(headers->setData(headers->index(0, 0), QStringLiteral("Authorization"), Qt::EditRole));
        QVERIFY(headers->setData(headers->index(0, 1), QStringLiteral("Bearer {{token}}"), Qt::EditRole));
        child<QPlainTextEdit>(view, "bodyEdit")->setPlainText(QStringLiteral("{\"say\": \"{{greeting}}\"}"));
        QVERIFY(sendAndWait(view));
        QCOMPARE(child<QLabel>(view, "statusLabel")->text(), QStringLiteral("200 OK"));
        QVERIFY2(backend.head.startsWith(QStringLiteral("POST /things?key=s3cret-token ")), qPrintable(backend.head));
        QCOMPARE(backend.header(QStringLiteral("Authorization")), QStringLiteral("Bearer s3cret-token"));
        QCOMPARE(backend.body, QByteArray("{\"say\": \"hello\"}"));
        // The secret stays out of the history, the curl command and the URL kept with the call.
        QVERIFY(!QJsonDocument(view.currentCall()->request).toJson().contains("s3cret-token"));
        const QString curl = view.curlCommand();
        QVERIFY2(!curl.contains(QStringLiteral("s3cret-token")) && curl.contains(QStringLiteral("Bearer ••••")),
                 qPrintable(curl));
        QVERIFY(view.curlCommand(true).contains(QStringLiteral("Bearer s3cret-token")));

        // Renamed in place, it stays picked in the builder and in the editor.
        auto *list = child<QListView>(view, "environmentList");
        QVERIFY(list->model()->setData(list->model()->index(0, 0), QStringLiteral("Dev"), Qt::EditRole));
        QCOMPARE(child<QComboBox>(view, "environmentCombo")->currentData().toString(), QStringLiteral("Dev"));
        QCOMPARE(child<QComboBox>(view, "environmentCombo")->currentText(), QStringLiteral("Dev"));
        QCOMPARE(variables->rowCount(), 4); // three and the empty row
        QVERIFY(sendAndWait(view));
        QCOMPARE(backend.header(QStringLiteral("Authorization")), QStringLiteral("Bearer s3cret-token"));

        // Stored with the workspace: a new view has the environment and its variables.
        ConsoleView again(served.document, &served.gateway);
        const auto kept = again.environments()->variables(QStringLiteral("Dev"));
        QCOMPARE(kept.size(), 3);
        QVERIFY(kept.at(1).secret);
        QCOMPARE(kept.at(1).value, QStringLiteral("s3cret-token"));
    }

    void revealsSecretNamedValuesOnlyWhenAsked()
    {
        // A copy of the sample whose global policy copies a secret named value into a header; the value is in the
        // per-user secret store, where the embedded gateway reads it.
        gw::test::TempFolder temp;
        temp.copySample("ws");
        temp.write("ws/named values/backend-token/namedValueInformation.json",
                   R"({"properties": {"displayName": "backend-token", "secret": true}})");
        temp.write("ws/policy.xml", R"xml(<policies>
	<inbound>
		<include-fragment fragment-id="correlation-id" />
		<set-header name="Authorization" exists-action="override"><value>Bearer {{backend-token}}</value></set-header>
	</inbound>
	<backend><forward-request /></backend>
	<outbound />
	<on-error />
</policies>)xml");
        gh::workspace::WorkspaceDocument document;
        QVERIFY(document.open(QString::fromStdString((temp.path() / "ws").string())));
        const QString secret = QStringLiteral("tok-4711-very-secret");
        QVERIFY(LocalSecrets::of(document).write(LocalSecrets::namedValueKey(QStringLiteral("backend-token")), secret));
        gh::engine::EmbeddedGateway gateway;
        gateway.start(document.root());
        QCOMPARE(gateway.state(), gh::engine::EmbeddedGateway::State::Running);

        ConsoleView view(document, &gateway);
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        choose(child<QComboBox>(view, "apiCombo"), QStringLiteral("petstore-api"));
        choose(child<QComboBox>(view, "operationCombo"), QStringLiteral("list-pets"));
        choose(child<QComboBox>(view, "subscriptionCombo"), QStringLiteral("starter-demo"));
        QVERIFY(sendAndWait(view));
        QCOMPARE(child<QLabel>(view, "statusLabel")->text(), QStringLiteral("200 OK"));

        // Masked by default: the trace names the secret, never shows it.
        auto *tree = child<QTreeView>(view, "traceTree");
        QString rows = treeTexts(*tree->model()).join(QLatin1Char('\n'));
        QVERIFY2(rows.contains(QStringLiteral("Bearer {{backend-token}}")), qPrintable(rows));
        QVERIFY2(!rows.contains(secret), qPrintable(rows));
        auto *tabs = child<QTabWidget>(view, "responseTabs");
        tabs->setCurrentWidget(child<QWidget>(view, "traceStack"));
        auto *reveal = child<QCheckBox>(view, "revealSecretsCheck");
        QVERIFY(reveal->isVisibleTo(&view));
        QVERIFY(!reveal->isChecked());
        QVERIFY(!reveal->accessibleName().isEmpty());

        // On request, the real value.
        QTest::mouseClick(reveal, Qt::LeftButton);
        QVERIFY(reveal->isChecked());
        rows = treeTexts(*tree->model()).join(QLatin1Char('\n'));
        QVERIFY2(rows.contains(QStringLiteral("Bearer ") + secret), qPrintable(rows));
        QVERIFY2(!rows.contains(QStringLiteral("{{backend-token}}")), qPrintable(rows));

        // What is kept never has it: the call shown, the history's stored trace, the history's file.
        const qint64 id = view.currentCall()->id;
        QVERIFY(!QJsonDocument(view.currentCall()->trace).toJson().contains(secret.toUtf8()));
        const auto stored = view.history()->load(id);
        QVERIFY(stored);
        const QByteArray storedTrace = QJsonDocument(stored->trace).toJson();
        QVERIFY2(storedTrace.contains("{{backend-token}}"), storedTrace.constData());
        QVERIFY(!storedTrace.contains(secret.toUtf8()));
        QVERIFY2(filesContaining(QFileInfo(view.history()->fileName()).absolutePath(), secret).isEmpty(),
                 qPrintable(filesContaining(QFileInfo(view.history()->fileName()).absolutePath(), secret).join(',')));

        // The next call starts masked again.
        QVERIFY(sendAndWait(view));
        QVERIFY(view.currentCall()->id != id);
        QVERIFY(!reveal->isChecked());
        rows = treeTexts(*tree->model()).join(QLatin1Char('\n'));
        QVERIFY2(rows.contains(QStringLiteral("Bearer {{backend-token}}")) && !rows.contains(secret), qPrintable(rows));

        // A trace that hides no secret has no toggle: without a key the call is refused before the policies run.
        choose(child<QComboBox>(view, "subscriptionCombo"), QString());
        QVERIFY(sendAndWait(view));
        QCOMPARE(child<QLabel>(view, "statusLabel")->text().left(3), QStringLiteral("401"));
        QVERIFY(!view.traceModel()->isEmpty());
        rows = treeTexts(*tree->model()).join(QLatin1Char('\n'));
        QVERIFY2(!rows.contains(QStringLiteral("{{backend-token}}")), qPrintable(rows));
        QVERIFY(!reveal->isVisibleTo(&view));
    }

    void keepsSecretVariablesInTheSecretStore()
    {
        Served served;
        const QString secret = QStringLiteral("env-s3cret-0815");
        QString file;
        {
            ConsoleView view(served.document, &served.gateway);
            auto *environments = view.environments();
            QCOMPARE(environments->add(QStringLiteral("Local")), QStringLiteral("Local"));
            QVERIFY2(environments->setVariables(QStringLiteral("Local"),
                                                {{QStringLiteral("token"), secret, true},
                                                 {QStringLiteral("greeting"), QStringLiteral("hello"), false}}),
                     qPrintable(environments->errorString()));
            file = view.history()->fileName();
        }
        QVERIFY(QFileInfo::exists(file));

        // The file keeps the variable, flagged secret, without its value; plain variables as they are.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("SELECT name, value, secret FROM environment_variables "
                                              "WHERE environment = 'Local' ORDER BY position")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("token"));
            QCOMPARE(query.value(1).toString(), QString());
            QCOMPARE(query.value(2).toInt(), 1);
            QVERIFY(query.next());
            QCOMPARE(query.value(1).toString(), QStringLiteral("hello"));
            QCOMPARE(query.value(2).toInt(), 0);
            QVERIFY(!query.next());
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
        QVERIFY2(filesContaining(QFileInfo(file).absolutePath(), secret).isEmpty(),
                 qPrintable(filesContaining(QFileInfo(file).absolutePath(), secret).join(',')));
        // It is in the per-user secret store, under the workspace.
        QCOMPARE(LocalSecrets::of(served.document)
                     .value(LocalSecrets::consoleVariableKey(QStringLiteral("Local"), QStringLiteral("token"))),
                 std::optional<QString>(secret));

        // A new view resolves it, in the editor and in what is sent.
        ConsoleView again(served.document, &served.gateway);
        const auto kept = again.environments()->variables(QStringLiteral("Local"));
        QCOMPARE(kept.size(), 2);
        QVERIFY(kept.at(0).secret);
        QCOMPARE(kept.at(0).value, secret);
        QCOMPARE(again.environments()->substitution(QStringLiteral("Local")).apply(QStringLiteral("{{token}}")),
                 secret);

        // Renamed, the value follows; no longer secret, it leaves the store; removed, nothing is left.
        QVERIFY(again.environments()->rename(QStringLiteral("Local"), QStringLiteral("Dev")));
        QCOMPARE(again.environments()->variables(QStringLiteral("Dev")).at(0).value, secret);
        QVERIFY(!LocalSecrets::of(served.document)
                     .value(LocalSecrets::consoleVariableKey(QStringLiteral("Local"), QStringLiteral("token"))));
        QVERIFY(again.environments()->setVariables(QStringLiteral("Dev"),
                                                   {{QStringLiteral("token"), QStringLiteral("now-plain"), false}}));
        QVERIFY(!LocalSecrets::of(served.document)
                     .value(LocalSecrets::consoleVariableKey(QStringLiteral("Dev"), QStringLiteral("token"))));
        QVERIFY(again.environments()->setVariables(QStringLiteral("Dev"), {{QStringLiteral("token"), secret, true}}));
        QVERIFY(again.environments()->remove(QStringLiteral("Dev")));
        QVERIFY(!LocalSecrets::of(served.document)
                     .value(LocalSecrets::consoleVariableKey(QStringLiteral("Dev"), QStringLiteral("token"))));
    }

    void givesTheResponseTheLargerShareAndKeepsTheSplit()
    {
        QSettings().remove(QStringLiteral("console/workSplit"));
        Served served;
        int chosen = 0;
        {
            ConsoleView view(served.document, &served.gateway);
            view.resize(1000, 560);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            auto *work = child<QSplitter>(view, "consoleWorkSplitter");
            const QList<int> sizes = work->sizes();
            QVERIFY2(sizes.at(1) > sizes.at(0),
                     qPrintable(QStringLiteral("%1 / %2").arg(sizes.at(0)).arg(sizes.at(1))));
            // The builder's pages scroll instead of holding it tall.
            QVERIFY(child<QScrollArea>(view, "parametersPageScroll"));
            QVERIFY(child<QScrollArea>(view, "bodyPageScroll"));
            // The user drags the handle down: the split is kept.
            chosen = sizes.at(0) + 60;
            work->setSizes({chosen, sizes.at(1) - 60});
            emit work->splitterMoved(chosen, 1);
        }
        ConsoleView again(served.document, &served.gateway);
        again.resize(1000, 560);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(qAbs(child<QSplitter>(again, "consoleWorkSplitter")->sizes().at(0) - chosen) <= 2);
        QSettings().remove(QStringLiteral("console/workSplit"));
    }

    void revealsTheKeyOnlyWhenAsked()
    {
        Served served;
        ConsoleView view(served.document, &served.gateway);
        view.show();
        choose(child<QComboBox>(view, "apiCombo"), QStringLiteral("petstore-api"));
        choose(child<QComboBox>(view, "operationCombo"), QStringLiteral("list-pets"));
        choose(child<QComboBox>(view, "subscriptionCombo"), QStringLiteral("starter-demo"));
        auto *key = child<QLineEdit>(view, "subscriptionKeyEdit");
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        QVERIFY(key->displayText() != QStringLiteral("starter-demo-primary-key-0001"));
        auto *reveal = child<QToolButton>(view, "revealKeyButton");
        QTest::mouseClick(reveal, Qt::LeftButton);
        QCOMPARE(key->echoMode(), QLineEdit::Normal);
        QCOMPARE(key->displayText(), QStringLiteral("starter-demo-primary-key-0001"));
        QTest::mouseClick(reveal, Qt::LeftButton);
        QCOMPARE(key->echoMode(), QLineEdit::Password);

        // Copy as curl masks the key; "with secrets" copies it.
        QTest::mouseClick(child<QToolButton>(view, "copyCurlButton"), Qt::LeftButton);
        QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.startsWith(QStringLiteral("curl ")) && copied.contains(QStringLiteral("••••")) &&
                     !copied.contains(QStringLiteral("starter-demo-primary-key-0001")),
                 qPrintable(copied));
        auto *withSecrets = child<QAction>(view, "copyCurlWithSecretsAction");
        QVERIFY(withSecrets);
        withSecrets->trigger();
        copied = QApplication::clipboard()->text();
        QVERIFY2(copied.contains(QStringLiteral("Ocp-Apim-Subscription-Key: starter-demo-primary-key-0001")),
                 qPrintable(copied));
        // No subscription: nothing to show.
        choose(child<QComboBox>(view, "subscriptionCombo"), QString());
        QVERIFY(!reveal->isEnabled());
        QVERIFY(key->text().isEmpty());
    }

    void opensARecordedRequest()
    {
        Served served;
        ConsoleView view(served.document, &served.gateway);
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // A request that matched an operation: the template parameter and the query come back from the path.
        view.openRecorded(QStringLiteral("GET"), QStringLiteral("conference-api"), QStringLiteral("get-session"),
                          QStringLiteral("/conference/v1/sessions/s-101"), QStringLiteral("expand=speakers"),
                          QStringLiteral("unlimited-demo"));
        QCOMPARE(child<QComboBox>(view, "operationCombo")->currentData().toString(), QStringLiteral("get-session"));
        QCOMPARE(child<QLineEdit>(view, "templateParameter_id")->text(), QStringLiteral("s-101"));
        QCOMPARE(child<QComboBox>(view, "subscriptionCombo")->currentData().toString(),
                 QStringLiteral("unlimited-demo"));
        QVERIFY2(view.urlPreview().endsWith(QStringLiteral("/conference/v1/sessions/s-101?expand=speakers")),
                 qPrintable(view.urlPreview()));
        QVERIFY(sendAndWait(view));
        QCOMPARE(child<QLabel>(view, "statusLabel")->text(), QStringLiteral("200 OK"));

        // One that matched nothing: the same method and URL, typed.
        view.openRecorded(QStringLiteral("DELETE"), QString(), QString(), QStringLiteral("/nowhere/at/all"),
                          QStringLiteral("a=b"), QString());
        QCOMPARE(child<QComboBox>(view, "apiCombo")->currentData().toString(), QString());
        QCOMPARE(child<QComboBox>(view, "methodCombo")->currentText(), QStringLiteral("DELETE"));
        QCOMPARE(child<QLineEdit>(view, "urlEdit")->text(),
                 served.gateway.address() + QStringLiteral("/nowhere/at/all?a=b"));
        QVERIFY(sendAndWait(view));
        QVERIFY(child<QLabel>(view, "statusLabel")->text().startsWith(QStringLiteral("404")));
    }

    void keepsTheConsoleOpenWhenTheWorkspaceIsReadAgain()
    {
        gw::test::TempFolder temp;
        temp.copySample("ws");
        gh::shell::Theme theme(*qApp);
        gh::shell::MainWindow window(theme);
        window.show();
        QVERIFY(window.openWorkspace(QString::fromStdString((temp.path() / "ws").string())));
        window.findChild<QAction *>(QStringLiteral("testConsoleAction"))->trigger();
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("editorTabs"));
        QPointer<ConsoleView> view = qobject_cast<ConsoleView *>(tabs->currentWidget());
        QVERIFY(view);
        view->selectOperation(QStringLiteral("petstore-api"), QStringLiteral("list-pets"));
        view->selectSubscription(QStringLiteral("starter-demo"));
        QVERIFY(sendAndWait(*view));
        const QString historyFile = view->history()->fileName();

        QVERIFY(window.revert()); // unmodified: the files are read again at once
        QVERIFY(view);
        QCOMPARE(tabs->currentWidget(), view.data());
        QCOMPARE(view->history()->fileName(), historyFile);
        QCOMPARE(view->history()->rowCount(), 1);
        QVERIFY(view->urlPreview().endsWith(QStringLiteral("/petstore/pets")));
        QVERIFY(sendAndWait(*view));
        QCOMPARE(child<QLabel>(*view, "statusLabel")->text(), QStringLiteral("200 OK"));
        QCOMPARE(view->history()->rowCount(), 2);
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
