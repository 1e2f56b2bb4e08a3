#pragma once

#include "api_edits.h"

#include <common/diagnostic.h>
#include <model/api_contract.h>

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QNetworkReply;
class QPushButton;
class QRadioButton;
class QStandardItemModel;
class QTreeView;

namespace gw::model {
struct Api;
}

namespace gh::workspace {
class WorkspaceDocument;
}

namespace gh::apis {

// Imports an OpenAPI description from a file or a URL (file://, http://, https://): shows the operations it will
// create and where they go (a new API, or replacing or merging into an existing one), and applies that as one
// undo step when accepted.
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    // `targetApi`: the API to replace or merge into, preselected (empty: a new API).
    ImportDialog(workspace::WorkspaceDocument &document, const QString &targetApi, QWidget *parent = nullptr);
    ~ImportDialog() override;

    void setSource(const QString &source);
    // Reads the source; loaded() follows (at once for local files).
    void load();
    bool isLoaded() const { return m_loaded; }
    const gw::model::ApiContract &contract() const { return m_contract; }
    const gw::Diagnostics &diagnostics() const { return m_diagnostics; }
    QString importedApi() const { return m_importedApi; }

    void accept() override;

signals:
    void loaded(bool ok);

private:
    void browse();
    void parse(const QByteArray &data, const QString &displayName, const QString &baseDir);
    void fail(const QString &message);
    void updateTarget();

    workspace::WorkspaceDocument &m_document;
    QNetworkAccessManager *m_network = nullptr;
    QNetworkReply *m_reply = nullptr;
    QLineEdit *m_source = nullptr;
    QPushButton *m_loadButton = nullptr;
    QLabel *m_status = nullptr;
    QStandardItemModel *m_preview = nullptr;
    QTreeView *m_previewView = nullptr;
    QRadioButton *m_newApi = nullptr;
    QRadioButton *m_replace = nullptr;
    QRadioButton *m_merge = nullptr;
    QLineEdit *m_newName = nullptr;
    QComboBox *m_targetApi = nullptr;
    QLabel *m_targetHint = nullptr;
    QDialogButtonBox *m_buttons = nullptr;

    bool m_loaded = false;
    gw::model::ApiContract m_contract;
    gw::Diagnostics m_diagnostics;
    std::string m_text;
    QString m_importedApi;
};

// Runs the import dialog; returns the API the operations went into, or empty when cancelled.
QString importOpenApi(QWidget *parent, workspace::WorkspaceDocument &document, const QString &targetApi);

// Asks for a file name and writes the API's specification there, as YAML or JSON after the chosen name.
void exportOpenApi(QWidget *parent, const gw::model::Api &api);
// Writes the specification to `file` (".json" gives JSON, anything else YAML); false with `error` set on failure.
bool writeSpecification(const gw::model::Api &api, const QString &file, QString *error);

} // namespace gh::apis
