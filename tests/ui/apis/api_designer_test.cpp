#include <ui/apis/api_actions.h>
#include <ui/apis/api_designer.h>
#include <ui/apis/api_edits.h>
#include <ui/apis/import_dialog.h>
#include <ui/apis/operations_model.h>
#include <ui/apis/parameters_model.h>
#include <ui/apis/spec_sync.h>
#include <ui/apis/url_template.h>
#include <ui/shell/editors.h>
#include <ui/workspace/workspace_document.h>

#include <openapi/openapi.h>

#include <temp_folder.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

using gh::apis::ApiDesigner;
using gh::workspace::WorkspaceDocument;
namespace model = gw::model;

namespace {

QString copySample(const gw::test::TempFolder &temp)
{
    return QString::fromStdString(temp.copySample("ws").string());
}

std::string readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

template<class T>
T *child(QWidget &parent, const char *name)
{
    T *found = parent.findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

// Replaces a line edit's text as a user would: select all, type.
void retype(QWidget *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
}

void click(QWidget &parent, const char *name)
{
    auto *button = parent.findChild<QAbstractButton *>(QLatin1String(name));
    if (!button)
        qFatal("no button %s", name);
    QTest::mouseClick(button, Qt::LeftButton);
}

void chooseMethod(ApiDesigner &designer, const QString &method)
{
    auto *combo = child<QComboBox>(designer, "methodCombo");
    const int index = combo->findText(method);
    combo->setCurrentIndex(index);
    emit combo->activated(index);
}

} // namespace

class ApiDesignerTest : public QObject {
    Q_OBJECT

private slots:
    void urlTemplateChecks()
    {
        using gh::apis::checkUrlTemplate;
        QCOMPARE(checkUrlTemplate(QStringLiteral("/orders/{id}/items/{item-no}")).parameters,
                 QStringList({QStringLiteral("id"), QStringLiteral("item-no")}));
        QVERIFY(checkUrlTemplate(QStringLiteral("/orders/{id}?expand={expand}")).error.isEmpty());
        QCOMPARE(checkUrlTemplate(QStringLiteral("/orders/{id")).errorPosition, 8);
        QVERIFY(!checkUrlTemplate(QStringLiteral("/orders/id}")).error.isEmpty());
        QVERIFY(checkUrlTemplate(QStringLiteral("/a/{id}/{id}")).error.contains(QStringLiteral("twice")));
        QVERIFY(!checkUrlTemplate(QStringLiteral("/a/{1id}")).error.isEmpty());
        QVERIFY(!checkUrlTemplate(QStringLiteral("/a/{}")).error.isEmpty());
        QVERIFY(!checkUrlTemplate(QStringLiteral("orders")).error.isEmpty());
    }

    void modelsPassTheTester()
    {
        WorkspaceDocument document;
        QVERIFY(document.open(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        const model::Api *api = document.find<model::Api>("conference-api");
        QVERIFY(api);
        gh::apis::OperationsModel operations;
        QAbstractItemModelTester operationsTester(&operations, QAbstractItemModelTester::FailureReportingMode::QtTest);
        operations.setOperations(api->contract.operations);
        QCOMPARE(operations.rowCount(), static_cast<int>(api->contract.operations.size()));
        gh::apis::ParametersModel parameters;
        QAbstractItemModelTester parametersTester(&parameters, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (const model::Operation &operation : api->contract.operations)
            parameters.setOperation(operation);
        parameters.addParameter(gh::apis::ParametersModel::In::Query);
        parameters.removeRow(parameters.rowCount() - 1);
    }

    // Extensions and $refs the exporter does not write survive an edit of another operation.
    void specificationKeepsWhatTheContractDoesNotModel()
    {
        const std::string text = R"(openapi: 3.0.1
info:
  title: Shop
  version: '1'
x-owner: team-shop
tags:
  - name: orders
paths:
  /orders:
    x-path-note: kept
    get:
      operationId: list-orders
      summary: List orders
      tags: [orders]
      x-rate-class: gold
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Orders'
  /orders/{id}:
    get:
      operationId: get-order
      summary: Get order
      x-cache: long
      parameters:
        - name: id
          in: path
          required: true
          schema: {type: string}
      responses:
        '200':
          description: OK
components:
  schemas:
    Orders:
      type: array
      items: {type: string}
)";
        const auto imported = gw::openapi::importText(text, "spec.yaml", {});
        QVERIFY(!gw::hasErrors(imported.diagnostics));
        model::ApiContract edited = imported.contract;
        edited.operations[1].displayName = "Fetch one order";
        const std::string synced = gh::apis::syncSpecification(text, imported.contract, edited, "yaml");
        const QString out = QString::fromStdString(synced);
        QVERIFY2(out.contains(QStringLiteral("x-owner: team-shop")), synced.c_str());
        QVERIFY(out.contains(QStringLiteral("x-path-note: kept")));
        QVERIFY(out.contains(QStringLiteral("x-rate-class: gold")));
        QVERIFY(out.contains(QStringLiteral("\"$ref\": \"#/components/schemas/Orders\"")));
        QVERIFY(out.contains(QStringLiteral("x-cache: long"))); // changed operation keeps its extension
        QVERIFY(out.contains(QStringLiteral("Fetch one order")));
        const auto again = gw::openapi::importText(synced, "spec.yaml", {});
        QVERIFY(!gw::hasErrors(again.diagnostics));
        QVERIFY(gh::apis::sameContract(again.contract, edited));
    }

    void designNewApiSaveAndReopen()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        std::string specOnDisk;
        std::string apiName;
        {
            WorkspaceDocument document;
            QVERIFY(document.open(folder));
            QWidget window;
            QMenu menu(&window);
            std::unique_ptr<ApiDesigner> designer;
            gh::apis::addActions(&menu, document, &window, [&](const QString &name) {
                designer = std::make_unique<ApiDesigner>(document, name);
                designer->resize(1100, 750);
                designer->show();
            });
            QAction *newApi = menu.findChild<QAction *>(QStringLiteral("newApiAction"));
            QVERIFY(newApi);
            QCOMPARE(newApi->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N));
            QCOMPARE(menu.findChild<QAction *>(QStringLiteral("importOpenApiMenuAction"))->shortcut(),
                     QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_I));
            QCOMPARE(menu.findChild<QAction *>(QStringLiteral("exportOpenApiMenuAction"))->shortcut(),
                     QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E));
            newApi->trigger();
            QVERIFY(designer);
            QVERIFY(QTest::qWaitForWindowExposed(designer.get()));
            apiName = designer->apiName().toStdString();
            QVERIFY(document.find<model::Api>(apiName));

            retype(child<QLineEdit>(*designer, "displayNameEdit"), QStringLiteral("Orders API"));
            retype(child<QLineEdit>(*designer, "pathEdit"), QStringLiteral("petstore"));
            QTRY_VERIFY(child<QLabel>(*designer, "pathMessage")->isVisible()); // the Pet Store API's path
            retype(child<QLineEdit>(*designer, "pathEdit"), QStringLiteral("orders"));
            QVERIFY(!child<QLabel>(*designer, "pathMessage")->isVisible());
            retype(child<QLineEdit>(*designer, "serviceUrlEdit"), QStringLiteral("not a url"));
            QVERIFY(child<QLabel>(*designer, "serviceUrlMessage")->isVisible());
            retype(child<QLineEdit>(*designer, "serviceUrlEdit"), QStringLiteral("https://orders.example.com/api"));
            QVERIFY(!child<QLabel>(*designer, "serviceUrlMessage")->isVisible());
            QTest::mouseClick(child<QCheckBox>(*designer, "httpCheck"), Qt::LeftButton);
            QCOMPARE(document.find<model::Api>(apiName)->displayName, std::optional<std::string>("Orders API"));

            // First operation: GET /orders/{orderId}.
            click(*designer, "addOperationButton");
            auto *operations = child<QListView>(*designer, "operationsView");
            QCOMPARE(operations->model()->rowCount(), 1);
            auto *url = child<QPlainTextEdit>(*designer, "urlTemplateEdit");
            retype(url, QStringLiteral("/orders/{orderId"));
            QVERIFY(child<QLabel>(*designer, "urlTemplateMessage")->isVisible());
            QTest::keyClicks(url, QStringLiteral("}"));
            QVERIFY(!child<QLabel>(*designer, "urlTemplateMessage")->isVisible());
            retype(child<QLineEdit>(*designer, "operationDisplayNameEdit"), QStringLiteral("Get an order"));
            retype(child<QLineEdit>(*designer, "operationNameEdit"), QStringLiteral("get-order"));
            auto *parameters = child<QTableView>(*designer, "parametersView");
            QCOMPARE(parameters->model()->rowCount(), 1);
            QCOMPARE(parameters->model()->index(0, gh::apis::ParametersModel::NameColumn).data().toString(),
                     QStringLiteral("orderId"));

            // Second: POST /orders with a JSON body.
            click(*designer, "addOperationButton");
            QCOMPARE(operations->model()->rowCount(), 2);
            chooseMethod(*designer, QStringLiteral("POST"));
            retype(url, QStringLiteral("/orders"));
            retype(child<QLineEdit>(*designer, "operationDisplayNameEdit"), QStringLiteral("Create an order"));
            retype(child<QLineEdit>(*designer, "operationNameEdit"), QStringLiteral("create-order"));
            auto *contentType = child<QComboBox>(*designer, "requestContentTypeCombo");
            retype(contentType->lineEdit(), QStringLiteral("application/json"));
            auto *schema = child<QPlainTextEdit>(*designer, "requestSchemaEdit");
            schema->setPlainText(QStringLiteral("{\n  \"type\": }")); // pasted, on two lines
            auto *jsonMessage = child<QLabel>(*designer, "requestJsonMessage");
            QVERIFY(!jsonMessage->isHidden()); // on a tab not shown
            QVERIFY2(jsonMessage->text().contains(QStringLiteral("Line 2, column")), qPrintable(jsonMessage->text()));
            retype(schema, QStringLiteral("{\"type\": \"object\"}"));
            QVERIFY(jsonMessage->isHidden());

            const model::Api *api = document.find<model::Api>(apiName);
            QCOMPARE(api->contract.operations.size(), std::size_t(2));
            QCOMPARE(api->contract.operations[1].method, std::string("POST"));
            QVERIFY(api->contract.operations[1].request);
            QVERIFY(api->contract.operations[1].request->representations.front().schema ==
                    nlohmann::ordered_json({{"type", "object"}}));
            // The OpenAPI tab shows the specification as it is now.
            designer->showSpecification();
            auto *spec = child<QPlainTextEdit>(*designer, "specificationView");
            QCOMPARE(spec->toPlainText(), QString::fromStdString(*api->specificationText));
            QVERIFY(spec->toPlainText().contains(QStringLiteral("operationId: create-order")));
            QVERIFY(spec->toPlainText().contains(QStringLiteral("/orders/{orderId}")));

            QVERIFY(document.save());
            specOnDisk = readFile(std::filesystem::path(document.root().toStdString()) / "apis" / apiName /
                                  "specification.yaml");
            QCOMPARE(specOnDisk, *api->specificationText);
        }

        WorkspaceDocument reopened;
        QVERIFY(reopened.open(folder));
        const model::Api *api = reopened.find<model::Api>(apiName);
        QVERIFY(api);
        QCOMPARE(api->displayName, std::optional<std::string>("Orders API"));
        QCOMPARE(api->path, std::optional<std::string>("orders"));
        QCOMPARE(api->serviceUrl, std::optional<std::string>("https://orders.example.com/api"));
        QCOMPARE(api->specificationText, std::optional(specOnDisk));
        QCOMPARE(api->contract.operations.size(), std::size_t(2));
        QCOMPARE(api->contract.operations[0].name, std::string("get-order"));
        QCOMPARE(api->contract.operations[0].urlTemplate, std::string("/orders/{orderId}"));
        QCOMPARE(api->contract.operations[1].name, std::string("create-order"));
        QCOMPARE(api->contract.operations[1].method, std::string("POST"));

        ApiDesigner designer(reopened, QString::fromStdString(apiName));
        designer.show();
        QCOMPARE(child<QLineEdit>(designer, "displayNameEdit")->text(), QStringLiteral("Orders API"));
        QCOMPARE(child<QLineEdit>(designer, "pathEdit")->text(), QStringLiteral("orders"));
        QVERIFY(child<QCheckBox>(designer, "httpsCheck")->isChecked());
        QVERIFY(child<QCheckBox>(designer, "httpCheck")->isChecked());
        QCOMPARE(child<QListView>(designer, "operationsView")->model()->rowCount(), 2);
        designer.selectOperation(QStringLiteral("create-order"));
        QCOMPARE(child<QComboBox>(designer, "methodCombo")->currentText(), QStringLiteral("POST"));
        QCOMPARE(child<QPlainTextEdit>(designer, "urlTemplateEdit")->toPlainText(), QStringLiteral("/orders"));
        QCOMPARE(child<QComboBox>(designer, "requestContentTypeCombo")->currentText(),
                 QStringLiteral("application/json"));
        designer.selectOperation(QStringLiteral("get-order"));
        QCOMPARE(child<QLineEdit>(designer, "operationDisplayNameEdit")->text(), QStringLiteral("Get an order"));
    }

    // Looking is not editing: showing every operation and section pushes no undo step.
    void browsingChangesNothing()
    {
        WorkspaceDocument document;
        QVERIFY(document.open(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        for (const char *name : {"conference-api", "petstore-api"}) {
            ApiDesigner designer(document, QString::fromLatin1(name));
            designer.show();
            QVERIFY(QTest::qWaitForWindowExposed(&designer));
            auto *sections = child<QTabWidget>(designer, "operationTabs");
            for (const model::Operation &operation : document.find<model::Api>(name)->contract.operations) {
                designer.selectOperation(QString::fromStdString(operation.name));
                for (int i = 0; i < sections->count(); ++i) {
                    sections->setCurrentIndex(i);
                    QCoreApplication::processEvents();
                }
            }
            designer.showSpecification();
            designer.showSettings();
            // A theme change re-highlights every editor.
            QPalette dark = designer.palette();
            dark.setColor(QPalette::Base, Qt::black);
            dark.setColor(QPalette::Text, Qt::white);
            designer.setPalette(dark);
            QCoreApplication::processEvents();
            QVERIFY2(document.undoStack()->count() == 0,
                     qPrintable(document.undoStack()->text(0) + QStringLiteral(" in ") + QLatin1String(name)));
        }
    }

    // The navigator opens an operation in its API's designer: one tab per API, the operation selected.
    void operationsOpenInTheirApisDesigner()
    {
        WorkspaceDocument document;
        QVERIFY(document.open(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        using Kind = gh::workspace::WorkspaceTreeModel::Kind;
        const gh::shell::EditorTarget api{
            Kind::Api, QStringLiteral("conference-api"), {}, QStringLiteral("Conference")};
        const gh::shell::EditorTarget operation{Kind::Operation, QStringLiteral("get-session"),
                                                QStringLiteral("conference-api"), QStringLiteral("GET /sessions/{id}")};
        QCOMPARE(gh::shell::editorKey(api), gh::shell::editorKey(operation));
        std::unique_ptr<QWidget> page(gh::shell::createEditor(operation, document));
        auto *designer = qobject_cast<ApiDesigner *>(page.get());
        QVERIFY(designer);
        QCOMPARE(designer->apiName(), QStringLiteral("conference-api"));
        QCOMPARE(designer->currentOperation(), QStringLiteral("get-session"));
        gh::shell::revealInEditor(
            designer, {Kind::Operation, QStringLiteral("list-speakers"), QStringLiteral("conference-api"), {}});
        QCOMPARE(designer->currentOperation(), QStringLiteral("list-speakers"));
    }

    void undoShowsTheOldValue()
    {
        WorkspaceDocument document;
        QVERIFY(document.open(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        ApiDesigner designer(document, QStringLiteral("conference-api"));
        designer.show();
        auto *displayName = child<QLineEdit>(designer, "displayNameEdit");
        QCOMPARE(displayName->text(), QStringLiteral("Conference API"));
        retype(displayName, QStringLiteral("Talks API"));
        QCOMPARE(document.find<model::Api>("conference-api")->displayName, std::optional<std::string>("Talks API"));
        QCOMPARE(document.undoStack()->count(), 1); // typing merges into one step
        document.undoStack()->undo();
        QCOMPARE(displayName->text(), QStringLiteral("Conference API"));
        document.undoStack()->redo();
        QCOMPARE(displayName->text(), QStringLiteral("Talks API"));

        // An operation edit, undone, shows the old URL template.
        designer.selectOperation(QStringLiteral("list-sessions"));
        auto *url = child<QPlainTextEdit>(designer, "urlTemplateEdit");
        QCOMPARE(url->toPlainText(), QStringLiteral("/sessions"));
        retype(url, QStringLiteral("/talks"));
        QVERIFY(document.find<model::Api>("conference-api")->specificationText->find("/talks:") != std::string::npos);
        designer.showSpecification();
        auto *spec = child<QPlainTextEdit>(designer, "specificationView");
        QVERIFY(spec->toPlainText().contains(QStringLiteral("/talks:")));
        document.undoStack()->undo();
        QCOMPARE(url->toPlainText(), QStringLiteral("/sessions"));
        QCOMPARE(designer.currentOperation(), QStringLiteral("list-sessions"));
        // The OpenAPI tab, in front, follows the undo too.
        QCOMPARE(spec->toPlainText(),
                 QString::fromStdString(*document.find<model::Api>("conference-api")->specificationText));
        QVERIFY(!spec->toPlainText().contains(QStringLiteral("/talks:")));
    }

    void operationListActions()
    {
        WorkspaceDocument document;
        QVERIFY(document.open(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        ApiDesigner designer(document, QStringLiteral("petstore-api"));
        designer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&designer));
        const auto before = document.find<model::Api>("petstore-api")->contract.operations;
        QVERIFY(before.size() >= 2);
        designer.selectOperation(QString::fromStdString(before[0].name));
        auto *list = child<QListView>(designer, "operationsView");
        list->setFocus();
        QTest::keyClick(list, Qt::Key_D, Qt::ControlModifier); // duplicate
        auto ops = document.find<model::Api>("petstore-api")->contract.operations;
        QCOMPARE(ops.size(), before.size() + 1);
        QCOMPARE(ops[1].name, before[0].name + "-copy");
        QCOMPARE(designer.currentOperation(), QString::fromStdString(before[0].name + "-copy"));
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Up, Qt::AltModifier); // move up
        ops = document.find<model::Api>("petstore-api")->contract.operations;
        QCOMPARE(ops[0].name, before[0].name + "-copy");
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Delete);
        ops = document.find<model::Api>("petstore-api")->contract.operations;
        QCOMPARE(ops.size(), before.size());
        QCOMPARE(ops[0].name, before[0].name);
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Insert);
        QCOMPARE(document.find<model::Api>("petstore-api")->contract.operations.size(), before.size() + 1);
    }

    void importMergeAndReplace()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        WorkspaceDocument document;
        QVERIFY(document.open(folder));
        const std::string source = (temp / "ws" / "apis" / "conference-api" / "specification.yaml").string();
        const auto conference = document.find<model::Api>("conference-api")->contract.operations;
        const auto petstore = document.find<model::Api>("petstore-api")->contract.operations;

        ApiDesigner designer(document, QStringLiteral("petstore-api"));
        designer.show();
        auto *operations = child<QListView>(designer, "operationsView");
        QCOMPARE(operations->model()->rowCount(), static_cast<int>(petstore.size()));

        {
            gh::apis::ImportDialog dialog(document, QStringLiteral("petstore-api"));
            dialog.show();
            // Through a file:// URL, as the network path reads it.
            dialog.setSource(QUrl::fromLocalFile(QString::fromStdString(source)).toString());
            QSignalSpy loaded(&dialog, &gh::apis::ImportDialog::loaded);
            click(dialog, "importLoadButton");
            QTRY_COMPARE(loaded.count(), 1);
            QCOMPARE(loaded.at(0).at(0).toBool(), true);
            QCOMPARE(child<QTreeView>(dialog, "importPreview")->model()->rowCount(),
                     static_cast<int>(conference.size()));
            QVERIFY(child<QRadioButton>(dialog, "importMergeRadio")->isChecked());
            click(dialog, "importButton");
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        const auto merged = document.find<model::Api>("petstore-api")->contract.operations;
        QCOMPARE(merged.size(), petstore.size() + conference.size());
        QCOMPARE(operations->model()->rowCount(), static_cast<int>(merged.size()));
        QVERIFY(document.find<model::Api>("petstore-api")->contract.findOperation(conference.front().name));

        document.undoStack()->undo();
        QCOMPARE(operations->model()->rowCount(), static_cast<int>(petstore.size()));

        {
            gh::apis::ImportDialog dialog(document, QStringLiteral("petstore-api"));
            dialog.show();
            dialog.setSource(QString::fromStdString(source));
            dialog.load();
            QVERIFY(dialog.isLoaded());
            QTest::mouseClick(child<QRadioButton>(dialog, "importReplaceRadio"), Qt::LeftButton);
            click(dialog, "importButton");
        }
        const model::Api *replaced = document.find<model::Api>("petstore-api");
        QCOMPARE(replaced->contract.operations.size(), conference.size());
        for (std::size_t i = 0; i < conference.size(); ++i)
            QCOMPARE(replaced->contract.operations[i].name, conference[i].name);
        QCOMPARE(*replaced->specificationText, readFile(source));
        QCOMPARE(operations->model()->rowCount(), static_cast<int>(conference.size()));
        // The designer's settings stay: only the operations and the specification changed.
        QCOMPARE(child<QLineEdit>(designer, "displayNameEdit")->text(), QStringLiteral("Pet Store API"));

        // A new API from the same file.
        {
            gh::apis::ImportDialog dialog(document, QString());
            dialog.setSource(QString::fromStdString(source));
            dialog.load();
            QVERIFY(child<QRadioButton>(dialog, "importNewApiRadio")->isChecked());
            retype(child<QLineEdit>(dialog, "importNewNameEdit"), QStringLiteral("Talks"));
            click(dialog, "importButton");
            QCOMPARE(dialog.importedApi(), QStringLiteral("talks"));
        }
        QVERIFY(document.find<model::Api>("talks"));
        QCOMPARE(document.find<model::Api>("talks")->contract.operations.size(), conference.size());
    }

    void importErrorsSayWhere()
    {
        gw::test::TempFolder temp;
        temp.write("broken.yaml", "openapi: 3.0.1\ninfo:\n  title: x\n  version: '1'\npaths:\n  /a: [\n");
        WorkspaceDocument document;
        QVERIFY(document.open(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        gh::apis::ImportDialog dialog(document, QString());
        dialog.setSource(QString::fromStdString((temp / "broken.yaml").string()));
        dialog.load();
        QVERIFY(!dialog.isLoaded());
        const QString status = child<QLabel>(dialog, "importStatus")->text();
        QVERIFY2(status.contains(QStringLiteral("broken.yaml:")), qPrintable(status));
        QVERIFY2(status.contains(QRegularExpression(QStringLiteral("broken\\.yaml:\\d+:\\d+"))), qPrintable(status));
        QVERIFY(!child<QPushButton>(dialog, "importButton")->isEnabled());
    }

    void exportWritesEitherFormat()
    {
        gw::test::TempFolder temp;
        WorkspaceDocument document;
        QVERIFY(document.open(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        const model::Api *api = document.find<model::Api>("petstore-api");
        QString error;
        const QString json = QString::fromStdString((temp / "petstore.json").string());
        QVERIFY(gh::apis::writeSpecification(*api, json, &error));
        const auto reimported = gw::openapi::importFile((temp / "petstore.json").string());
        QVERIFY(!gw::hasErrors(reimported.diagnostics));
        QCOMPARE(reimported.contract.operations.size(), api->contract.operations.size());
        QCOMPARE(readFile(temp / "petstore.json").front(), '{');
        const QString yaml = QString::fromStdString((temp / "petstore.yaml").string());
        QVERIFY(gh::apis::writeSpecification(*api, yaml, &error));
        QCOMPARE(readFile(temp / "petstore.yaml"), *api->specificationText);
    }

    void revisions()
    {
        WorkspaceDocument document;
        QVERIFY(document.open(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        ApiDesigner designer(document, QStringLiteral("petstore-api"));
        designer.show();
        auto *revisions = child<QListView>(designer, "revisionsView");
        QCOMPARE(revisions->model()->rowCount(), 1);
        click(designer, "createRevisionButton");
        const model::Api *revision = document.find<model::Api>("petstore-api;rev=2");
        QVERIFY(revision);
        QCOMPARE(revision->apiRevision, std::optional<std::string>("2"));
        QCOMPARE(revision->isCurrent, std::optional<bool>(false));
        QCOMPARE(revisions->model()->rowCount(), 2);
        QCOMPARE(revisions->currentIndex().data(Qt::UserRole).toString(), QStringLiteral("petstore-api;rev=2"));

        // Change the revision, then make it current: the root folder gets its content.
        gh::apis::editApi(document, QStringLiteral("edit"), "petstore-api;rev=2", [](model::Api &api) {
            api.apiRevisionDescription = "Adds paging";
            api.contract.operations.pop_back();
        });
        const std::size_t revisionOperations =
            document.find<model::Api>("petstore-api;rev=2")->contract.operations.size();
        QVERIFY(child<QPushButton>(designer, "makeCurrentButton")->isEnabled());
        click(designer, "makeCurrentButton");
        const model::Api *root = document.find<model::Api>("petstore-api");
        QCOMPARE(root->apiRevision, std::optional<std::string>("2"));
        QCOMPARE(root->isCurrent, std::optional<bool>(true));
        QCOMPARE(root->contract.operations.size(), revisionOperations);
        QCOMPARE(root->path, std::optional<std::string>("petstore"));
        const model::Api *old = document.find<model::Api>("petstore-api;rev=1");
        QVERIFY(old);
        QCOMPARE(old->isCurrent, std::optional<bool>(false));
        QVERIFY(!document.find<model::Api>("petstore-api;rev=2"));
        QCOMPARE(child<QListView>(designer, "operationsView")->model()->rowCount(), int(revisionOperations));
        // A non-current revision shows the settings APIM shares between revisions without editing them.
        ApiDesigner revisionDesigner(document, QStringLiteral("petstore-api;rev=1"));
        QVERIFY(child<QLineEdit>(revisionDesigner, "pathEdit")->isReadOnly());
        QVERIFY(!child<QLineEdit>(designer, "pathEdit")->isReadOnly());
        // One step undoes it all.
        document.undoStack()->undo();
        QCOMPARE(document.find<model::Api>("petstore-api")->apiRevision, std::optional<std::string>("1"));
        QVERIFY(document.find<model::Api>("petstore-api;rev=2"));
    }
    // Every representation of a request and of each response is editable; adding and removing are one step each.
    void representationsAreAList()
    {
        gw::test::TempFolder temp;
        const QString folder = copySample(temp);
        {
            WorkspaceDocument document;
            QVERIFY(document.open(folder));
            ApiDesigner designer(document, QStringLiteral("petstore-api"));
            designer.resize(1100, 750);
            designer.show();
            QVERIFY(QTest::qWaitForWindowExposed(&designer));
            designer.selectOperation(QStringLiteral("create-pet"));
            auto *sections = child<QTabWidget>(designer, "operationTabs");
            auto showSection = [&](const QString &title) {
                for (int i = 0; i < sections->count(); ++i)
                    if (sections->tabText(i) == title)
                        sections->setCurrentIndex(i);
            };
            showSection(QStringLiteral("Request"));
            auto createPet = [&] {
                return *document.find<model::Api>("petstore-api")->contract.findOperation("create-pet");
            };
            auto *tabs = child<QTabBar>(designer, "requestRepresentationTabs");
            auto *type = child<QComboBox>(designer, "requestContentTypeCombo");
            auto *schema = child<QPlainTextEdit>(designer, "requestSchemaEdit");
            auto *example = child<QPlainTextEdit>(designer, "requestExampleEdit");
            auto *message = child<QLabel>(designer, "requestJsonMessage");
            QCOMPARE(tabs->count(), 1);
            QCOMPARE(tabs->tabText(0), QStringLiteral("application/json"));

            click(designer, "requestAddRepresentationButton");
            QCOMPARE(createPet().request->representations.size(), std::size_t(2));
            QCOMPARE(createPet().request->representations[1].contentType, std::string("application/xml"));
            QCOMPARE(tabs->count(), 2);
            QCOMPARE(tabs->currentIndex(), 1);
            QCOMPARE(type->currentText(), QStringLiteral("application/xml"));
            QVERIFY(schema->toPlainText().isEmpty());
            QVERIFY(type->hasFocus() || !designer.isActiveWindow()); // ready to be renamed

            // Two representations cannot share a content type: said inline, and not taken.
            retype(type->lineEdit(), QStringLiteral("application/json"));
            QVERIFY(!message->isHidden());
            QVERIFY(message->text().contains(QStringLiteral("application/json")));
            QCOMPARE(createPet().request->representations[1].contentType, std::string("application/jso"));
            QCOMPARE(createPet().request->representations[0].contentType, std::string("application/json"));
            retype(type->lineEdit(), QStringLiteral("text/xml"));
            QVERIFY(message->isHidden());
            retype(schema, QStringLiteral("{\"type\": \"string\"}"));
            retype(example, QStringLiteral("<pet name=\"Polly\"/>")); // not JSON, and not a JSON type: kept as text
            QVERIFY(message->isHidden());
            const model::Operation edited = createPet();
            QCOMPARE(edited.request->representations[1].contentType, std::string("text/xml"));
            QVERIFY(edited.request->representations[1].schema == nlohmann::ordered_json({{"type", "string"}}));
            QVERIFY(edited.request->representations[1].example == nlohmann::ordered_json("<pet name=\"Polly\"/>"));
            // The first is as it was, and shows again when its tab is chosen.
            QCOMPARE(edited.request->representations[0].contentType, std::string("application/json"));
            QCOMPARE(tabs->tabText(1), QStringLiteral("text/xml"));
            tabs->setCurrentIndex(0);
            QCOMPARE(type->currentText(), QStringLiteral("application/json"));
            QVERIFY(schema->toPlainText().contains(QStringLiteral("\"required\"")));
            QVERIFY(example->toPlainText().contains(QStringLiteral("Polly")));
            // A schema typed into the first lands there.
            retype(schema, QStringLiteral("{\"type\": \"object\"}"));
            QVERIFY(createPet().request->representations[0].schema == nlohmann::ordered_json({{"type", "object"}}));
            QVERIFY(createPet().request->representations[1].schema == nlohmann::ordered_json({{"type", "string"}}));
            document.undoStack()->undo();
            QVERIFY(schema->toPlainText().contains(QStringLiteral("\"required\"")));

            // Responses: a second representation of 201, and a new response of its own.
            showSection(QStringLiteral("Responses"));
            auto *responseTabs = child<QTabBar>(designer, "responseRepresentationTabs");
            QCOMPARE(responseTabs->count(), 1);
            click(designer, "responseAddRepresentationButton");
            QCOMPARE(responseTabs->count(), 2);
            retype(child<QPlainTextEdit>(designer, "responseExampleEdit"), QStringLiteral("<pet id=\"3\"/>"));
            QCOMPARE(createPet().responses[0].representations.size(), std::size_t(2));
            QVERIFY(createPet().responses[0].representations[1].example == nlohmann::ordered_json("<pet id=\"3\"/>"));
            click(designer, "addResponseButton");
            QCOMPARE(createPet().responses.size(), std::size_t(2));
            retype(child<QLineEdit>(designer, "responseStatusEdit"), QStringLiteral("400"));
            retype(child<QLineEdit>(designer, "responseDescriptionEdit"), QStringLiteral("Invalid pet"));
            QVERIFY(responseTabs->isHidden()); // a new response has no body yet
            click(designer, "responseAddRepresentationButton");
            QCOMPARE(createPet().responses[1].statusCode, std::string("400"));
            QCOMPARE(createPet().responses[1].description, std::string("Invalid pet"));
            QCOMPARE(createPet().responses[1].representations.size(), std::size_t(1));
            QCOMPARE(createPet().responses[1].representations[0].contentType, std::string("application/json"));

            // Removing is one step; undo brings the representation back, in its place.
            auto *responses = child<QComboBox>(designer, "responsesCombo");
            responses->setCurrentIndex(0);
            emit responses->activated(0);
            QCOMPARE(responseTabs->count(), 2);
            responseTabs->setCurrentIndex(0);
            click(designer, "responseRemoveRepresentationButton");
            QCOMPARE(createPet().responses[0].representations.size(), std::size_t(1));
            QCOMPARE(createPet().responses[0].representations[0].contentType, std::string("application/xml"));
            QCOMPARE(child<QComboBox>(designer, "responseContentTypeCombo")->currentText(),
                     QStringLiteral("application/xml"));
            document.undoStack()->undo();
            QCOMPARE(createPet().responses[0].representations.size(), std::size_t(2));
            QCOMPARE(createPet().responses[0].representations[0].contentType, std::string("application/json"));
            QCOMPARE(responseTabs->count(), 2);

            // The specification says it all, and the operations not edited keep their text.
            const std::string spec = *document.find<model::Api>("petstore-api")->specificationText;
            QVERIFY2(spec.find("text/xml:") != std::string::npos, spec.c_str());
            QVERIFY2(spec.find("Invalid pet") != std::string::npos, spec.c_str());
            QVERIFY(document.save());
        }
        WorkspaceDocument reopened;
        QVERIFY(reopened.open(folder));
        const model::Operation &operation =
            *reopened.find<model::Api>("petstore-api")->contract.findOperation("create-pet");
        QVERIFY(operation.request);
        QCOMPARE(operation.request->representations.size(), std::size_t(2));
        QCOMPARE(operation.request->representations[1].contentType, std::string("text/xml"));
        QCOMPARE(operation.responses.size(), std::size_t(2));
        QCOMPARE(operation.responses[0].representations.size(), std::size_t(2));
        QCOMPARE(operation.responses[1].statusCode, std::string("400"));
    }

    // A changed operation keeps, as read, the parts of it the edit did not touch.
    void specificationKeepsUnchangedPartsOfAnOperation()
    {
        const std::string text = R"(openapi: 3.0.1
info:
  title: Shop
  version: '1'
paths:
  /orders:
    post:
      operationId: create-order
      requestBody:
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/Order'
      responses:
        '201':
          description: Created
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Order'
        '400':
          description: Bad
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Problem'
components:
  schemas:
    Order:
      type: object
      properties:
        id: {type: string}
    Problem:
      type: object
      properties:
        title: {type: string}
)";
        const auto imported = gw::openapi::importText(text, "spec.yaml", {});
        QVERIFY(!gw::hasErrors(imported.diagnostics));
        model::ApiContract edited = imported.contract;
        model::Operation &operation = edited.operations[0];
        operation.request->representations.push_back({"application/xml", {{"type", "string"}}, {}, {}});
        operation.responses[0].representations.push_back({"application/xml", {}, "<order/>", {}});
        const std::string synced = gh::apis::syncSpecification(text, imported.contract, edited, "json");
        const auto document = nlohmann::ordered_json::parse(synced);
        const auto &post = document["paths"]["/orders"]["post"];
        const nlohmann::ordered_json orderRef = {{"$ref", "#/components/schemas/Order"}};
        QVERIFY2(post["requestBody"]["content"]["application/json"]["schema"] == orderRef, synced.c_str());
        QVERIFY(post["requestBody"]["content"]["application/xml"]["schema"] ==
                nlohmann::ordered_json({{"type", "string"}}));
        QVERIFY(post["responses"]["201"]["content"]["application/json"]["schema"] == orderRef);
        QCOMPARE(post["responses"]["201"]["content"]["application/xml"]["example"].get<std::string>(),
                 std::string("<order/>"));
        QVERIFY(post["responses"]["400"]["content"]["application/json"]["schema"] ==
                nlohmann::ordered_json({{"$ref", "#/components/schemas/Problem"}}));
        const auto again = gw::openapi::importText(synced, "spec.json", {});
        QVERIFY(!gw::hasErrors(again.diagnostics));
        QVERIFY(gh::apis::sameContract(again.contract, edited));
    }
};

QTEST_MAIN(ApiDesignerTest)
#include "api_designer_test.moc"
