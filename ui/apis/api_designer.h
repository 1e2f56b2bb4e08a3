#pragma once

#include <ui/workspace/workspace_document.h>

#include <QWidget>

#include <functional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QStandardItemModel;
class QTabBar;
class QTabWidget;
class QTableView;
class QToolButton;

namespace gw::model {
struct Api;
struct Operation;
struct Representation;
} // namespace gw::model

namespace gh::apis {

class JsonHighlighter;
class LineTextEdit;
class OperationsModel;
class ParametersModel;
class UrlTemplateHighlighter;
class YamlHighlighter;

// The visual designer of one API (one revision folder): its settings and revisions, its operations, and its
// OpenAPI specification, kept in step with every edit. Every change is one document.putEntity(); the designer
// shows what the model holds after any edit, undo or redo, wherever it came from.
class ApiDesigner : public QWidget {
    Q_OBJECT
public:
    ApiDesigner(workspace::WorkspaceDocument &document, const QString &apiName, QWidget *parent = nullptr);
    ~ApiDesigner() override;

    QString apiName() const { return m_apiName; }
    // Shows the Operations tab with `name` selected.
    void selectOperation(const QString &name);
    QString currentOperation() const { return m_operationName; }
    void showSettings();
    void showSpecification();
    // Moves the keyboard focus to the display name, selected (a new API is named first).
    void focusDisplayName();

    // How the designer asks the shell to open another API (a revision); set once by addActions().
    static void setApiOpener(std::function<void(const QString &apiName)> opener);

signals:
    // "Edit Policy…": the shell opens the policy of the API (`operation` empty) or of one of its operations.
    void policyRequested(const QString &apiName, const QString &operation);
    // "Test in Console" on an operation: the shell opens the test console with it chosen.
    void testRequested(const QString &apiName, const QString &operation);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setupHeader();
    QWidget *setupSettings();
    QWidget *setupOperations();
    QWidget *setupOperationForm();
    QWidget *setupSpecification();
    void setupActions();
    void applyColours();

    void onEntityChanged(workspace::EntityKind kind, const QString &oldName, const QString &newName);
    void refresh();
    void refreshSettings(const gw::model::Api &api);
    void refreshOperation();
    void refreshRepresentations(const gw::model::Operation &operation);
    void updateActions();
    void updateTabTitle();
    void updateSpecification();

    const gw::model::Api *api() const;
    const gw::model::Operation *operation() const;
    void edit(const QString &text, const QString &field, const std::function<void(gw::model::Api &)> &change);
    void editOperation(const QString &text, const QString &field,
                       const std::function<void(gw::model::Operation &)> &change);
    void editRepresentation(bool request, const QString &field,
                            const std::function<void(gw::model::Operation &)> &change);
    void commitJson(bool request, bool schema);
    // The representation the request or response tab shows: the selected one of the request or of the selected
    // response. `create` adds the request (or a first representation) when there is none, for a first edit.
    gw::model::Representation *representationOf(gw::model::Operation &operation, bool request, bool create) const;
    const gw::model::Representation *representationOf(const gw::model::Operation &operation, bool request) const;
    void addRepresentation(bool request);
    void removeRepresentation(bool request);

    void addOperation();
    void duplicateOperation();
    void deleteOperation();
    void moveOperation(int delta);
    void addResponse();
    void removeResponse();
    void onUrlTemplateEdited();
    void checkPath();

    workspace::WorkspaceDocument &m_document;
    QString m_apiName;
    QString m_operationName;
    int m_responseIndex = 0;
    int m_requestRepresentation = 0;  // the shown representation of the request
    int m_responseRepresentation = 0; // and of the selected response
    bool m_refreshing = false;
    bool m_specStale = true; // the OpenAPI tab shows an older text than the model's

    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QStackedWidget *m_pages = nullptr; // the tabs, or the notice that the API is gone
    QTabWidget *m_tabs = nullptr;

    // Settings
    QLabel *m_sharedNotice = nullptr;
    QLineEdit *m_displayName = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_path = nullptr;
    QLabel *m_pathMessage = nullptr;
    QCheckBox *m_http = nullptr;
    QCheckBox *m_https = nullptr;
    QLabel *m_protocolsMessage = nullptr;
    QLineEdit *m_serviceUrl = nullptr;
    QLabel *m_serviceUrlMessage = nullptr;
    QCheckBox *m_subscriptionRequired = nullptr;
    QLineEdit *m_keyHeader = nullptr;
    QLineEdit *m_keyQuery = nullptr;
    QComboBox *m_versionSet = nullptr;
    QLineEdit *m_version = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QListView *m_revisions = nullptr;
    QStandardItemModel *m_revisionsModel = nullptr;
    QPushButton *m_createRevision = nullptr;
    QPushButton *m_makeCurrent = nullptr;

    // Operations
    OperationsModel *m_operations = nullptr;
    QListView *m_operationList = nullptr;
    QStackedWidget *m_operationPages = nullptr;
    QComboBox *m_method = nullptr;
    LineTextEdit *m_urlTemplate = nullptr;
    UrlTemplateHighlighter *m_urlHighlighter = nullptr;
    QLabel *m_urlMessage = nullptr;
    QLineEdit *m_operationDisplayName = nullptr;
    QLineEdit *m_operationName_ = nullptr;
    QLabel *m_operationNameMessage = nullptr;
    QPlainTextEdit *m_operationDescription = nullptr;
    ParametersModel *m_parameters = nullptr;
    QTableView *m_parameterView = nullptr;
    QToolButton *m_removeParameter = nullptr;

    QComboBox *m_requestContentType = nullptr;
    QPlainTextEdit *m_requestSchema = nullptr;
    QPlainTextEdit *m_requestExample = nullptr;
    QLabel *m_requestMessage = nullptr;
    QComboBox *m_responses = nullptr;
    QLineEdit *m_responseStatus = nullptr;
    QLineEdit *m_responseDescription = nullptr;
    QComboBox *m_responseContentType = nullptr;
    QPlainTextEdit *m_responseSchema = nullptr;
    QPlainTextEdit *m_responseExample = nullptr;
    QLabel *m_responseMessage = nullptr;
    QWidget *m_responseForm = nullptr;
    QToolButton *m_removeResponseButton = nullptr;
    QTabBar *m_requestRepresentations = nullptr; // one tab per representation, named by its content type
    QTabBar *m_responseRepresentations = nullptr;
    QToolButton *m_removeRequestRepresentation = nullptr;
    QToolButton *m_removeResponseRepresentation = nullptr;
    std::vector<JsonHighlighter *> m_jsonHighlighters;

    // OpenAPI
    QLabel *m_specInfo = nullptr;
    QPlainTextEdit *m_spec = nullptr;
    JsonHighlighter *m_specJson = nullptr;
    YamlHighlighter *m_specYaml = nullptr;

    QAction *m_addAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_moveUpAction = nullptr;
    QAction *m_moveDownAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
};

} // namespace gh::apis
