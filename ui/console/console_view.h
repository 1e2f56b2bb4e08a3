#pragma once

#include "call_history.h"
#include "environments.h"
#include "key_value_model.h"

#include <ui/engine/embedded_gateway.h>

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QNetworkReply>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
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
class QToolButton;
class QTreeView;

namespace gw::model {
struct Api;
struct Operation;
} // namespace gw::model

namespace gh::workspace {
class WorkspaceDocument;
}

namespace gh::console {

class BodyHighlighter;
class CollectionsPane;
class FindBar;
class RequestCollections;
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
    // Fills the builder with a request the gateway served (the analytics' "Open in Test Console"): its API and
    // operation with the template parameters and query read from the recorded path, or, when it matched no
    // operation, its method and URL on the embedded gateway; and the subscription it used.
    void openRecorded(const QString &method, const QString &api, const QString &operation, const QString &path,
                      const QString &query, const QString &subscription);

    // The URL the request goes to, as shown (keys in the query masked).
    QString urlPreview() const;
    bool isBusy() const { return m_reply != nullptr; }

    CallHistory *history() const { return m_history; }
    TraceModel *traceModel() const { return m_traceModel; }
    // The call shown in the response pane (the last one sent, or one picked in the history).
    const std::optional<CallRecord> &currentCall() const { return m_current; }
    // A curl command line that repeats the call in the builder, with the subscription key (and secret variables)
    // masked unless `reveal`.
    QString curlCommand(bool reveal = false) const;

    RequestCollections *collections() const { return m_collections; }
    Environments *environments() const { return m_environments; }
    // Picks the environment whose variables `{{name}}` stands for (empty: none).
    void selectEnvironment(const QString &name);
    // Saves the builder's request as `name` in `collection` (the "Save to Collection…" form does this).
    bool saveRequest(const QString &collection, const QString &name);
    // Brings a saved request into the builder.
    bool openSavedRequest(const QString &collection, const QString &name);

public slots:
    void send();
    void cancel();

signals:
    // After each call, successful or not, once its response (and trace) is shown and saved.
    void callFinished();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    enum BodyMode { NoBody, RawBody, FormBody, MultipartBody };
    struct Built {
        QString method;
        QUrl url;
        QString shownUrl;
        QList<QPair<QString, QString>> headers;
        QList<QPair<QString, QString>> shownHeaders; // secrets masked
        QByteArray body;
        QString shownBody; // secret variables masked; empty for multipart bodies
        BodyMode bodyMode = RawBody;
        QList<KeyValueModel::Entry> parts;      // a multipart body's parts, variables replaced
        QList<KeyValueModel::Entry> shownParts; // the same, secrets masked
        QString problem;                        // why it cannot be sent (a file that cannot be read)
        QStringList unknownVariables;
        bool embedded = false;
        QString keyName;
        QString keyValue;
        bool keyInQuery = false;
    };
    // When the steps of a call were done, in nanoseconds from the send; -1 when Qt did not report it.
    struct Timing {
        qint64 tls = -1;
        qint64 headers = -1;
        qint64 firstByte = -1;
    };

    QWidget *buildRequestPane();
    QWidget *buildResponsePane();
    QWidget *buildHistoryPane();
    QWidget *buildBodyPage();

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
    void showTrace();
    // The values of the workspace's secret named values, by every name a policy may use for them ({{name}}).
    QHash<QString, QString> secretNamedValues() const;
    // `trace` as the trace view shows it: with "Reveal Secrets" on, {{name}} of a secret named value reads as its
    // value; otherwise as the gateway masked it.
    QJsonArray shownTrace(const QJsonArray &trace) const;
    void loadRequest(const QJsonObject &request);
    void rerun();
    void copyCurl(bool reveal);
    void trustCertificate();
    void bodyModeChosen();
    void addMultipartFile();
    void updateBodyHighlighting();
    void updateKeyField();
    void showSaveForm();
    void refreshEnvironments();
    void environmentPicked();

    const gw::model::Api *currentApi() const;
    const gw::model::Operation *currentOperation() const;
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
    Timing m_timing;
    QList<QSslError> m_sslErrors;
    // The certificate the last call was refused for, with its errors: what "Trust This Certificate" trusts.
    QSslCertificate m_untrusted;
    QList<QSslError> m_untrustedErrors;
    qint64 m_untrustedCall = 0;

    CallHistory *m_history = nullptr;
    QSortFilterProxyModel *m_historyFilter = nullptr;
    KeyValueModel *m_queryModel = nullptr;
    KeyValueModel *m_headersModel = nullptr;
    KeyValueModel *m_responseHeadersModel = nullptr;
    TraceModel *m_traceModel = nullptr;
    KeyValueModel *m_formModel = nullptr;
    KeyValueModel *m_multipartModel = nullptr;
    RequestCollections *m_collections = nullptr;
    Environments *m_environments = nullptr;
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
    QComboBox *m_bodyModeCombo = nullptr;
    QStackedWidget *m_bodyStack = nullptr;
    QTableView *m_formTable = nullptr;
    QTableView *m_multipartTable = nullptr;
    QPushButton *m_addFileButton = nullptr;
    BodyHighlighter *m_bodyHighlighter = nullptr;
    QLineEdit *m_keyEdit = nullptr;
    QToolButton *m_revealKeyButton = nullptr;
    QComboBox *m_environmentCombo = nullptr;
    QLabel *m_resolvedLabel = nullptr;
    QPushButton *m_saveToCollectionButton = nullptr;

    // response
    QStackedWidget *m_responseStack = nullptr;
    QLabel *m_responseEmpty = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_metaLabel = nullptr;
    QLabel *m_timingLabel = nullptr;
    QPushButton *m_trustButton = nullptr;
    BodyHighlighter *m_responseHighlighter = nullptr;
    FindBar *m_responseFind = nullptr;
    QTabWidget *m_responseTabs = nullptr;
    QPlainTextEdit *m_responseBody = nullptr;
    QCheckBox *m_rawCheck = nullptr;
    QTableView *m_responseHeadersTable = nullptr;
    QStackedWidget *m_traceStack = nullptr;
    QTreeView *m_traceTree = nullptr;
    QTreeView *m_previousTree = nullptr;
    TraceModel *m_previousModel = nullptr;
    QCheckBox *m_compareCheck = nullptr;
    QCheckBox *m_revealSecretsCheck = nullptr;
    QLabel *m_compareNote = nullptr;
    QWidget *m_tracePage = nullptr;
    QLabel *m_traceEmpty = nullptr;

    // history
    QLineEdit *m_historySearch = nullptr;
    QListView *m_historyList = nullptr;
    QPushButton *m_rerunButton = nullptr;
    QToolButton *m_curlButton = nullptr;
    QLabel *m_historyNote = nullptr;
    QTabWidget *m_sideTabs = nullptr;

    CollectionsPane *m_collectionsPane = nullptr;
    Substitution m_substitution; // the picked environment's variables
};

// Opens the console as a tab of `tabs`, or brings its open tab forward; the tab is found by its "itemKey"
// property ("console"), as the shell finds its other pages.
ConsoleView *showConsole(QTabWidget &tabs, workspace::WorkspaceDocument &document, engine::EmbeddedGateway *gateway);

} // namespace gh::console
