#include "import_dialog.h"

#include "operations_model.h"
#include "spec_sync.h"

#include <model/workspace.h>
#include <openapi/openapi.h>
#include <ui/workspace/workspace_document.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QStandardItemModel>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace gh::apis {

namespace model = gw::model;

ImportDialog::ImportDialog(workspace::WorkspaceDocument &document, const QString &targetApi, QWidget *parent)
    : QDialog(parent), m_document(document), m_network(new QNetworkAccessManager(this)),
      m_preview(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("importOpenApiDialog"));
    setWindowTitle(tr("Import OpenAPI"));
    resize(760, 560);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 12);

    auto *sourceRow = new QHBoxLayout;
    m_source = new QLineEdit;
    m_source->setObjectName(QStringLiteral("importSourceEdit"));
    m_source->setAccessibleName(tr("File or URL"));
    m_source->setPlaceholderText(tr("A file, or a URL: https://example.com/openapi.yaml, file:///…"));
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("importBrowseButton"));
    browse->setAutoDefault(false);
    m_loadButton = new QPushButton(tr("&Load"));
    m_loadButton->setObjectName(QStringLiteral("importLoadButton"));
    m_loadButton->setAutoDefault(false);
    auto *sourceLabel = new QLabel(tr("&Source:"));
    sourceLabel->setBuddy(m_source);
    sourceRow->addWidget(sourceLabel);
    sourceRow->addWidget(m_source, 1);
    sourceRow->addWidget(browse);
    sourceRow->addWidget(m_loadButton);
    layout->addLayout(sourceRow);
    connect(browse, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(m_loadButton, &QPushButton::clicked, this, &ImportDialog::load);
    connect(m_source, &QLineEdit::returnPressed, this, &ImportDialog::load);

    m_status = new QLabel(tr("Choose an OpenAPI 2.0, 3.0 or 3.1 description (JSON or YAML) and load it."));
    m_status->setObjectName(QStringLiteral("importStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    m_previewView = new QTreeView;
    m_previewView->setObjectName(QStringLiteral("importPreview"));
    m_previewView->setAccessibleName(tr("Operations to import"));
    m_previewView->setModel(m_preview);
    m_previewView->setRootIsDecorated(false);
    m_previewView->setAlternatingRowColors(true);
    m_previewView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setHorizontalHeaderLabels(
        {tr("Method"), tr("URL template"), tr("Name"), tr("Display name"), tr("Effect")});
    layout->addWidget(m_previewView, 1);

    auto *target = new QGroupBox(tr("Import into"));
    auto *targetLayout = new QFormLayout(target);
    m_newApi = new QRadioButton(tr("A &new API named"));
    m_newApi->setObjectName(QStringLiteral("importNewApiRadio"));
    m_newName = new QLineEdit;
    m_newName->setObjectName(QStringLiteral("importNewNameEdit"));
    m_newName->setAccessibleName(tr("New API display name"));
    targetLayout->addRow(m_newApi, m_newName);
    m_replace = new QRadioButton(tr("&Replace the operations of"));
    m_replace->setObjectName(QStringLiteral("importReplaceRadio"));
    m_merge = new QRadioButton(tr("&Merge into"));
    m_merge->setObjectName(QStringLiteral("importMergeRadio"));
    m_targetApi = new QComboBox;
    m_targetApi->setObjectName(QStringLiteral("importTargetCombo"));
    m_targetApi->setAccessibleName(tr("Existing API"));
    for (const model::Api &api : m_document.model().apis)
        m_targetApi->addItem(QString::fromStdString(api.displayName.value_or(api.name)) + QStringLiteral("  (") +
                                 QString::fromStdString(api.name) + QLatin1Char(')'),
                             QString::fromStdString(api.name));
    auto *existing = new QWidget;
    auto *existingLayout = new QVBoxLayout(existing);
    existingLayout->setContentsMargins(0, 0, 0, 0);
    existingLayout->addWidget(m_replace);
    existingLayout->addWidget(m_merge);
    targetLayout->addRow(existing, m_targetApi);
    m_targetHint = new QLabel;
    m_targetHint->setObjectName(QStringLiteral("importTargetHint"));
    m_targetHint->setWordWrap(true);
    targetLayout->addRow(QString(), m_targetHint);
    layout->addWidget(target);

    const int targetIndex = m_targetApi->findData(targetApi);
    if (targetIndex >= 0) {
        m_targetApi->setCurrentIndex(targetIndex);
        m_merge->setChecked(true);
    } else {
        m_newApi->setChecked(true);
    }
    m_replace->setEnabled(m_targetApi->count() > 0);
    m_merge->setEnabled(m_targetApi->count() > 0);
    for (QRadioButton *radio : {m_newApi, m_replace, m_merge})
        connect(radio, &QRadioButton::toggled, this, &ImportDialog::updateTarget);
    connect(m_targetApi, &QComboBox::currentIndexChanged, this, &ImportDialog::updateTarget);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton *import = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    import->setObjectName(QStringLiteral("importButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ImportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);
    layout->addWidget(m_buttons);
    updateTarget();
}

ImportDialog::~ImportDialog()
{
    if (m_reply)
        m_reply->abort();
}

void ImportDialog::setSource(const QString &source)
{
    m_source->setText(source);
}

void ImportDialog::browse()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Import OpenAPI"), QString(),
                                                      tr("OpenAPI (*.yaml *.yml *.json);;All files (*)"));
    if (file.isEmpty())
        return;
    m_source->setText(QDir::toNativeSeparators(file));
    load();
}

void ImportDialog::load()
{
    const QString source = m_source->text().trimmed();
    m_loaded = false;
    m_preview->removeRows(0, m_preview->rowCount());
    updateTarget();
    if (source.isEmpty()) {
        fail(tr("Write a file path or a URL first."));
        return;
    }
    const QUrl url(source);
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https") || scheme == QLatin1String("file")) {
        if (m_reply)
            m_reply->abort();
        m_status->setText(tr("Loading %1…").arg(url.toDisplayString()));
        m_loadButton->setEnabled(false);
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        request.setTransferTimeout(30000);
        m_reply = m_network->get(request);
        QNetworkReply *reply = m_reply;
        connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
            reply->deleteLater();
            if (m_reply == reply)
                m_reply = nullptr;
            m_loadButton->setEnabled(true);
            if (reply->error() == QNetworkReply::OperationCanceledError)
                return;
            if (reply->error() != QNetworkReply::NoError) {
                fail(tr("Cannot read %1: %2").arg(url.toDisplayString(), reply->errorString()));
                return;
            }
            const QString base = url.isLocalFile() ? QFileInfo(url.toLocalFile()).absolutePath() : QString();
            parse(reply->readAll(), url.isLocalFile() ? url.toLocalFile() : url.toDisplayString(), base);
        });
        return;
    }
    QFile file(source);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(source), file.errorString()));
        return;
    }
    parse(file.readAll(), source, QFileInfo(source).absolutePath());
}

void ImportDialog::fail(const QString &message)
{
    m_status->setText(QStringLiteral("<span style='color:#cf222e'>%1</span>").arg(message.toHtmlEscaped()));
    m_loaded = false;
    updateTarget();
    emit loaded(false);
}

void ImportDialog::parse(const QByteArray &data, const QString &displayName, const QString &baseDir)
{
    m_text = data.toStdString();
    gw::openapi::ImportResult result = gw::openapi::importText(
        m_text, QDir::toNativeSeparators(displayName).toStdString(),
        baseDir.isEmpty() ? std::filesystem::path() : std::filesystem::path(baseDir.toStdString()));
    m_contract = std::move(result.contract);
    m_diagnostics = std::move(result.diagnostics);
    QStringList lines;
    for (const gw::Diagnostic &diagnostic : m_diagnostics)
        lines << QString::fromStdString(gw::format(diagnostic)).toHtmlEscaped();
    if (gw::hasErrors(m_diagnostics)) {
        m_status->setText(
            QStringLiteral("<span style='color:#cf222e'>%1</span><br>%2")
                .arg(tr("The document has errors and cannot be imported:"), lines.join(QStringLiteral("<br>"))));
        m_loaded = false;
        updateTarget();
        emit loaded(false);
        return;
    }
    m_loaded = true;
    for (const model::Operation &operation : m_contract.operations) {
        const QString method = QString::fromStdString(operation.method);
        auto *methodItem = new QStandardItem(method);
        methodItem->setForeground(OperationsModel::methodColour(method));
        QFont bold = methodItem->font();
        bold.setBold(true);
        methodItem->setFont(bold);
        m_preview->appendRow({methodItem, new QStandardItem(QString::fromStdString(operation.urlTemplate)),
                              new QStandardItem(QString::fromStdString(operation.name)),
                              new QStandardItem(QString::fromStdString(operation.displayName)), new QStandardItem});
    }
    for (int column = 0; column < 4; ++column) {
        m_previewView->resizeColumnToContents(column);
        m_previewView->setColumnWidth(column, m_previewView->columnWidth(column) + 16);
    }
    QString status =
        tr("<b>%1</b> %2 — OpenAPI %3: %n operation(s).", nullptr, static_cast<int>(m_contract.operations.size()))
            .arg(QString::fromStdString(m_contract.title).toHtmlEscaped(),
                 QString::fromStdString(m_contract.version).toHtmlEscaped(),
                 QString::fromStdString(m_contract.openApiVersion).toHtmlEscaped());
    if (!lines.isEmpty())
        status += QStringLiteral("<br>") + lines.join(QStringLiteral("<br>"));
    m_status->setText(status);
    if (m_newName->text().isEmpty())
        m_newName->setText(QString::fromStdString(m_contract.title));
    updateTarget();
    emit loaded(true);
}

void ImportDialog::updateTarget()
{
    m_newName->setEnabled(m_newApi->isChecked());
    m_targetApi->setEnabled(!m_newApi->isChecked());
    const model::Api *target = m_document.find<model::Api>(m_targetApi->currentData().toString().toStdString());
    // Mark what each operation will do to the chosen API.
    for (int row = 0; row < m_preview->rowCount(); ++row) {
        const std::string name = m_preview->item(row, 2)->text().toStdString();
        QString effect = tr("new");
        if (!m_newApi->isChecked() && target && target->contract.findOperation(name))
            effect = tr("replaces the existing one");
        m_preview->item(row, 4)->setText(effect);
    }
    QString hint;
    if (m_replace->isChecked() && target)
        hint = tr("The API's %n operation(s) and its specification are replaced by the imported document.", nullptr,
                  static_cast<int>(target->contract.operations.size()));
    else if (m_merge->isChecked() && target)
        hint = tr("Operations with the same name are replaced, the others are added; the API keeps the rest.");
    else
        hint = tr("A new API, with the imported document as its specification.");
    m_targetHint->setText(hint);
    if (auto *import = findChild<QPushButton *>(QStringLiteral("importButton")))
        import->setEnabled(m_loaded && (m_newApi->isChecked() || target));
}

void ImportDialog::accept()
{
    if (!m_loaded)
        return;
    ImportMode mode = ImportMode::NewApi;
    std::string api = m_newName->text().trimmed().toStdString();
    if (!m_newApi->isChecked()) {
        mode = m_replace->isChecked() ? ImportMode::Replace : ImportMode::Merge;
        api = m_targetApi->currentData().toString().toStdString();
    }
    model::ApiContract contract = m_contract;
    if (mode == ImportMode::NewApi && !api.empty())
        contract.title = api;
    m_importedApi = QString::fromStdString(applyImport(m_document, mode, api, contract, m_text));
    QDialog::accept();
}

QString importOpenApi(QWidget *parent, workspace::WorkspaceDocument &document, const QString &targetApi)
{
    ImportDialog dialog(document, targetApi, parent);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    return dialog.importedApi();
}

bool writeSpecification(const model::Api &api, const QString &file, QString *error)
{
    const std::string format = file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? "json" : "yaml";
    const std::string text = api.specificationText.value_or(std::string());
    std::string out = text;
    if (api.specificationFormat.value_or("") != format) {
        out = convertSpecification(text, format);
        if (out.empty()) {
            *error = QObject::tr("The specification does not parse, so it cannot be converted.");
            return false;
        }
    }
    QSaveFile save(file);
    if (!save.open(QIODevice::WriteOnly) || save.write(out.data(), static_cast<qint64>(out.size())) < 0 ||
        !save.commit()) {
        *error = save.errorString();
        return false;
    }
    return true;
}

void exportOpenApi(QWidget *parent, const model::Api &api)
{
    const QString suggested = QString::fromStdString(api.rootName()) + QLatin1Char('.') +
                              QString::fromStdString(api.specificationFormat.value_or("yaml"));
    QString selectedFilter;
    const QString file =
        QFileDialog::getSaveFileName(parent, QObject::tr("Export OpenAPI"), suggested,
                                     QObject::tr("YAML (*.yaml *.yml);;JSON (*.json)"), &selectedFilter);
    if (file.isEmpty())
        return;
    QString error;
    if (!writeSpecification(api, file, &error))
        QMessageBox::warning(parent, QObject::tr("Export OpenAPI"),
                             QObject::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file), error));
}

} // namespace gh::apis
