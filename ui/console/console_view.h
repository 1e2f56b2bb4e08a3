#pragma once

#include "call_history.h"

#include <ui/engine/embedded_gateway.h>

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QPointer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListView;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTreeView;

namespace gw::model {
struct Api;
struct Operation;
} // namespace gw::model

namespace gh::workspace {
class WorkspaceDocument;
}

namespace gh::console {

class KeyValueModel;
class TraceModel;

// The test console: builds a request for an operation of the workspace (or any URL), sends it over a real socket
// to the embedded gateway (traced) or wherever the URL points, and shows the response and, for the embedded gateway,
// the policy trace step by step. Every call lands in the workspace's history, which survives restarts.
//
// The view reads the workspace (APIs, operations, subscriptions) and never changes it.
class ConsoleView : public QWidget {
    Q_OBJECT
public:
    ConsoleView(workspace::WorkspaceDocument &document, engine::EmbeddedGateway *gateway, QWidget *parent = nullptr);
    ~ConsoleView() override;

    // Picks the API and operation in the builder (the navigator's and the designer's "Test").
    void selectOperation(const QString &api, const QString &operation = {});
    // Picks the subscription whose key is sent (by name; empty: no key).
    void selectSubscription(const QString &name);

    // The URL the request goes to, as shown (keys in the query masked).
    QString urlPreview() const;
    bool isBusy() const { return m_reply != nullptr; }

    CallHistory *history() const { return m_history; }
    TraceModel *traceModel() const { return m_traceModel; }
    // The call shown in the response pane (the last one sent, or one picked in the history).
    const std::optional<CallRecord> &currentCall() const { return m_current; }
    // A curl command line that repeats the call in the builder, with the subscription key masked unless `reveal`.
    QString curlCommand(bool reveal = false) const;

public slots:
    void send();
    void cancel();

signals:
    // After each call, successful or not, once its response (and trace) is shown and saved.
    void callFinished();

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Built {
        QString method;
        QUrl url;
        QString shownUrl;
        QList<QPair<QString, QString>> headers;
        QByteArray body;
        bool embedded = false;
        QString keyName;
        QString keyValue;
        bool keyInQuery = false;
    };

    QWidget *buildRequestPane();
    QWidget *buildResponsePane();
    QWidget *buildHistoryPane();

    void reopenHistory();
    void refreshApis();
    void apiChosen();
    void operationChosen();
    void refreshSubscriptions();
    void rebuildTemplateFields(const gw::model::Operation *operation);
    void updatePreview();
    void updateKeyPlacement();
    void formatBody();
    void fillExample();
    void finished();
    void showCall(const CallRecord &record);
    void showEmptyResponse();
    void updateComparison();
    void spanDetails(QTreeView *tree);
    void loadRequest(const QJsonObject &request);
    void rerun();
    void copyCurl();

    const gw::model::Api *currentApi() const;
    const gw::model::Operation *currentOperation() const;
    std::optional<QString> subscriptionKey(const QString &subscription) const;
    Built build() const;
    QJsonObject requestJson(const Built &built) const;

    workspace::WorkspaceDocument &m_document;
    QPointer<engine::EmbeddedGateway> m_gateway;
    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_reply;
    Built m_sending;
    QJsonObject m_sendingRequest;
    QElapsedTimer m_sendTimer;
    QStringList m_tlsErrors;
    bool m_cancelled = false;
    bool m_updating = false;

    CallHistory *m_history = nullptr;
    QSortFilterProxyModel *m_historyFilter = nullptr;
    KeyValueModel *m_queryModel = nullptr;
    KeyValueModel *m_headersModel = nullptr;
    KeyValueModel *m_responseHeadersModel = nullptr;
    TraceModel *m_traceModel = nullptr;
    std::optional<CallRecord> m_current;

    QSplitter *m_workSplitter = nullptr;
    bool m_shown = false;

    // request
    QComboBox *m_apiCombo = nullptr;
    QComboBox *m_operationCombo = nullptr;
    QComboBox *m_methodCombo = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QComboBox *m_subscriptionCombo = nullptr;
    QComboBox *m_keyPlacementCombo = nullptr;
    QLabel *m_subscriptionNote = nullptr;
    QSpinBox *m_timeoutSpin = nullptr;
    QGroupBox *m_templateGroup = nullptr;
    QFormLayout *m_templateForm = nullptr;
    QList<QPair<QString, QLineEdit *>> m_templateFields;
    QTabWidget *m_requestTabs = nullptr;
    QTableView *m_queryTable = nullptr;
    QTableView *m_headersTable = nullptr;
    QPlainTextEdit *m_bodyEdit = nullptr;
    QPushButton *m_formatButton = nullptr;
    QPushButton *m_exampleButton = nullptr;
    QLabel *m_bodyNote = nullptr;

    // response
    QStackedWidget *m_responseStack = nullptr;
    QLabel *m_responseEmpty = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_metaLabel = nullptr;
    QTabWidget *m_responseTabs = nullptr;
    QPlainTextEdit *m_responseBody = nullptr;
    QCheckBox *m_rawCheck = nullptr;
    QTableView *m_responseHeadersTable = nullptr;
    QStackedWidget *m_traceStack = nullptr;
    QTreeView *m_traceTree = nullptr;
    QTreeView *m_previousTree = nullptr;
    TraceModel *m_previousModel = nullptr;
    QCheckBox *m_compareCheck = nullptr;
    QLabel *m_compareNote = nullptr;
    QWidget *m_tracePage = nullptr;
    QLabel *m_traceEmpty = nullptr;

    // history
    QLineEdit *m_historySearch = nullptr;
    QListView *m_historyList = nullptr;
    QPushButton *m_rerunButton = nullptr;
    QPushButton *m_curlButton = nullptr;
    QLabel *m_historyNote = nullptr;
};

// Opens the console as a tab of `tabs`, or brings its open tab forward; the tab is found by its "itemKey"
// property ("console"), as the shell finds its other pages.
ConsoleView *showConsole(QTabWidget &tabs, workspace::WorkspaceDocument &document, engine::EmbeddedGateway *gateway);

} // namespace gh::console
