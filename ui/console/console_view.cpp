#include "console_view.h"

#include "body_text.h"
#include "collections_pane.h"
#include "environments_pane.h"
#include "find_bar.h"
#include "key_value_model.h"
#include "request_collections.h"
#include "timeline_delegate.h"
#include "trace_model.h"
#include "trusted_certificates.h"

#include <ui/engine/embedded_gateway.h>
#include <ui/entities/local_secrets.h>
#include <ui/workspace/workspace_document.h>

#include <model/workspace.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QSslError>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QUrlQuery>
#include <QUuid>
#include <QVBoxLayout>

namespace gh::console {

namespace {

constexpr qsizetype kMaxStoredBody = 1024 * 1024; // larger bodies are cut in the history
const char *const kMaskedKey = "••••••••";

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

QString fromStd(const std::optional<std::string> &text)
{
    return text ? QString::fromStdString(*text) : QString();
}

QJsonArray pairsJson(const QList<QPair<QString, QString>> &pairs)
{
    QJsonArray out;
    for (const auto &[name, value] : pairs)
        out.append(QJsonArray{name, value});
    return out;
}

QList<QPair<QString, QString>> pairsFrom(const QJsonArray &array)
{
    QList<QPair<QString, QString>> out;
    for (const QJsonValue &value : array) {
        const QJsonArray pair = value.toArray();
        out.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    return out;
}

// What an HTTP status means, when the server sent no reason phrase.
QString standardReason(int status)
{
    switch (status) {
    case 200:
        return QStringLiteral("OK");
    case 201:
        return QStringLiteral("Created");
    case 202:
        return QStringLiteral("Accepted");
    case 204:
        return QStringLiteral("No Content");
    case 301:
        return QStringLiteral("Moved Permanently");
    case 302:
        return QStringLiteral("Found");
    case 304:
        return QStringLiteral("Not Modified");
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 405:
        return QStringLiteral("Method Not Allowed");
    case 409:
        return QStringLiteral("Conflict");
    case 429:
        return QStringLiteral("Too Many Requests");
    case 500:
        return QStringLiteral("Internal Server Error");
    case 502:
        return QStringLiteral("Bad Gateway");
    case 503:
        return QStringLiteral("Service Unavailable");
    case 504:
        return QStringLiteral("Gateway Timeout");
    }
    return {};
}

QString prettyJson(const QByteArray &body, bool *ok = nullptr)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (ok)
        *ok = error.error == QJsonParseError::NoError && !document.isNull();
    if (error.error != QJsonParseError::NoError || document.isNull())
        return QString::fromUtf8(body);
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed();
}

QString jsonText(const nlohmann::ordered_json &value)
{
    return prettyJson(QByteArray::fromStdString(value.dump()));
}

QString shellQuote(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QLabel *note(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QTableView *pairsTable(KeyValueModel *model, const QString &objectName, const QString &accessibleName)
{
    auto *table = new QTableView;
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setModel(model);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(KeyValueModel::NameColumn, QHeaderView::Interactive);
    table->horizontalHeader()->resizeSection(KeyValueModel::NameColumn, 200);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    table->setWordWrap(false);
    table->setTabKeyNavigation(false); // Tab leaves the table, as in a form
    return table;
}

} // namespace

namespace {

// Where the builder / response split the user dragged to is kept (QSettings).
constexpr const char *kWorkSplitKey = "console/workSplit";

} // namespace

ConsoleView::ConsoleView(workspace::WorkspaceDocument &document, engine::EmbeddedGateway *gateway, QWidget *parent)
    : QWidget(parent), m_document(document), m_gateway(gateway), m_network(new QNetworkAccessManager(this)),
      m_history(new CallHistory(this)), m_historyFilter(new QSortFilterProxyModel(this)),
      m_queryModel(new KeyValueModel(true, this)), m_headersModel(new KeyValueModel(true, this)),
      m_responseHeadersModel(new KeyValueModel(false, this)), m_traceModel(new TraceModel(this)),
      m_formModel(new KeyValueModel(true, this)), m_multipartModel(new KeyValueModel(true, this)),
      m_collections(new RequestCollections(*m_history, this)),
      m_environments(new Environments(*m_history, &document, this))
{
    setObjectName(QStringLiteral("consoleView"));
    setAccessibleName(tr("Test console"));
    m_network->setAutoDeleteReplies(false);
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy); // a redirect is a response to look at

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("consoleSplitter"));
    splitter->setChildrenCollapsible(false);
    auto *work = m_workSplitter = new QSplitter(Qt::Vertical);
    work->setObjectName(QStringLiteral("consoleWorkSplitter"));
    work->setChildrenCollapsible(false);
    work->addWidget(buildRequestPane());
    work->addWidget(buildResponsePane());
    work->setStretchFactor(0, 0);
    work->setStretchFactor(1, 1);
    connect(work, &QSplitter::splitterMoved, this,
            [work] { QSettings().setValue(QLatin1String(kWorkSplitKey), work->saveState()); });
    // History, saved requests and environments share the side: each is a list to pick from.
    m_sideTabs = new QTabWidget;
    m_sideTabs->setObjectName(QStringLiteral("consoleSideTabs"));
    m_sideTabs->setDocumentMode(true);
    m_sideTabs->addTab(buildHistoryPane(), tr("History"));
    m_collectionsPane = new CollectionsPane(*m_collections, [this] { return requestJson(build()); });
    connect(m_collectionsPane, &CollectionsPane::openRequested, this, [this](const QJsonObject &request) {
        loadRequest(request);
        m_urlEdit->setFocus();
    });
    m_sideTabs->addTab(m_collectionsPane, tr("Collections"));
    m_sideTabs->addTab(new EnvironmentsPane(*m_environments), tr("Environments"));
    m_sideTabs->setTabToolTip(2, tr("Variables that {{name}} in a request stands for"));
    splitter->addWidget(m_sideTabs);
    splitter->addWidget(work);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 900});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    // Ctrl+Enter sends from anywhere in the view (the body editor included); Esc cancels a call under way.
    auto *sendAction = new QAction(tr("Send"), this);
    sendAction->setObjectName(QStringLiteral("consoleSendAction"));
    sendAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    sendAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(sendAction, &QAction::triggered, this, &ConsoleView::send);
    addAction(sendAction);
    auto *cancelAction = new QAction(tr("Cancel"), this);
    cancelAction->setObjectName(QStringLiteral("consoleCancelAction"));
    cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    cancelAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(cancelAction, &QAction::triggered, this, [this] {
        if (isBusy())
            cancel();
    });
    addAction(cancelAction);

    // The builder follows the workspace: APIs, operations and subscriptions as they are edited (undo included).
    connect(&m_document, &workspace::WorkspaceDocument::modelChanged, this, [this] {
        refreshApis();
        refreshSubscriptions();
    });
    connect(&m_document, &workspace::WorkspaceDocument::entityChanged, this,
            [this](workspace::EntityKind kind, const QString &, const QString &) {
                if (kind == workspace::EntityKind::Api || kind == workspace::EntityKind::VersionSet)
                    refreshApis();
                if (kind == workspace::EntityKind::Subscription || kind == workspace::EntityKind::Product)
                    refreshSubscriptions();
            });
    connect(m_environments, &QAbstractItemModel::modelReset, this, &ConsoleView::refreshEnvironments);
    // A renamed environment stays picked in the builder.
    connect(m_environments, &Environments::renamed, this, [this](const QString &from, const QString &to) {
        if (const int index = m_environmentCombo->findData(from); index >= 0)
            m_environmentCombo->setItemData(index, to);
    });
    connect(m_environments, &Environments::variablesChanged, this, &ConsoleView::environmentPicked);
    connect(&m_document, &workspace::WorkspaceDocument::workspaceOpened, this, [this] {
        reopenHistory();
        refreshApis();
        refreshSubscriptions();
    });
    if (m_gateway)
        connect(m_gateway, &engine::EmbeddedGateway::stateChanged, this, &ConsoleView::updatePreview);

    reopenHistory();
    refreshApis();
    refreshSubscriptions();
    refreshEnvironments();
    showEmptyResponse();
    updatePreview();
}

ConsoleView::~ConsoleView()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        delete m_reply;
    }
}

void ConsoleView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The bodies' colours are picked for the palette: a theme switch colours them again.
    if (event->type() == QEvent::PaletteChange) {
        if (m_bodyHighlighter)
            m_bodyHighlighter->rehighlight();
        if (m_responseHighlighter)
            m_responseHighlighter->rehighlight();
    }
}

void ConsoleView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_shown)
        return;
    m_shown = true;
    // The split the user chose last, or the response with the larger share (as in Postman and Insomnia): the
    // builder gets what it asks for up to two fifths of the height, its pages scrolling below that.
    if (m_workSplitter->restoreState(QSettings().value(QLatin1String(kWorkSplitKey)).toByteArray()))
        return;
    QWidget *request = m_workSplitter->widget(0);
    const int height = m_workSplitter->height();
    const int builder =
        std::max(request->minimumSizeHint().height(), std::min(request->sizeHint().height(), height * 2 / 5));
    m_workSplitter->setSizes({builder, std::max(height - builder, 1)});
}

QWidget *ConsoleView::buildRequestPane()
{
    auto *pane = new QWidget;
    pane->setObjectName(QStringLiteral("requestPane"));

    // The request line: method, URL, Send / Cancel, as in every HTTP client.
    m_methodCombo = new QComboBox;
    m_methodCombo->setObjectName(QStringLiteral("methodCombo"));
    m_methodCombo->setAccessibleName(tr("Method"));
    m_methodCombo->setEditable(true);
    m_methodCombo->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                             QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("HEAD"),
                             QStringLiteral("OPTIONS")});
    m_methodCombo->setInsertPolicy(QComboBox::NoInsert);
    m_methodCombo->setMinimumContentsLength(7);
    connect(m_methodCombo, &QComboBox::currentTextChanged, this, &ConsoleView::updatePreview);

    m_urlEdit = new QLineEdit;
    m_urlEdit->setObjectName(QStringLiteral("urlEdit"));
    m_urlEdit->setAccessibleName(tr("URL"));
    m_urlEdit->setPlaceholderText(tr("https://example.com/path"));
    m_urlEdit->setClearButtonEnabled(true);

    m_sendButton = new QPushButton(tr("&Send"));
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setAccessibleName(tr("Send"));
    m_sendButton->setToolTip(
        tr("Send the request (%1)").arg(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)));
    m_sendButton->setDefault(true);
    connect(m_sendButton, &QPushButton::clicked, this, &ConsoleView::send);
    m_cancelButton = new QPushButton(tr("Cancel"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setAccessibleName(tr("Cancel the request"));
    m_cancelButton->setToolTip(tr("Stop waiting for the response (Esc)"));
    m_cancelButton->setEnabled(false);
    connect(m_cancelButton, &QPushButton::clicked, this, &ConsoleView::cancel);

    m_saveToCollectionButton = new QPushButton(tr("Save to Collection…"));
    m_saveToCollectionButton->setObjectName(QStringLiteral("saveToCollectionButton"));
    m_saveToCollectionButton->setAccessibleName(tr("Save the request to a collection"));
    m_saveToCollectionButton->setToolTip(tr("Keep this request under a name, to open it again later; the "
                                            "subscription is kept by name, never its key"));
    connect(m_saveToCollectionButton, &QPushButton::clicked, this, &ConsoleView::showSaveForm);

    auto *requestLine = new QHBoxLayout;
    requestLine->addWidget(m_methodCombo);
    requestLine->addWidget(m_urlEdit, 1);
    requestLine->addWidget(m_sendButton);
    requestLine->addWidget(m_cancelButton);
    requestLine->addWidget(m_saveToCollectionButton);

    // What to call and how.
    m_apiCombo = new QComboBox;
    m_apiCombo->setObjectName(QStringLiteral("apiCombo"));
    m_apiCombo->setAccessibleName(tr("API"));
    m_apiCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_apiCombo, &QComboBox::currentIndexChanged, this, &ConsoleView::apiChosen);
    m_operationCombo = new QComboBox;
    m_operationCombo->setObjectName(QStringLiteral("operationCombo"));
    m_operationCombo->setAccessibleName(tr("Operation"));
    m_operationCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_operationCombo->setMinimumContentsLength(24); // long summaries must not widen the view
    connect(m_operationCombo, &QComboBox::currentIndexChanged, this, &ConsoleView::operationChosen);

    m_subscriptionCombo = new QComboBox;
    m_subscriptionCombo->setObjectName(QStringLiteral("subscriptionCombo"));
    m_subscriptionCombo->setAccessibleName(tr("Subscription"));
    m_subscriptionCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_subscriptionCombo, &QComboBox::currentIndexChanged, this, &ConsoleView::updateKeyPlacement);
    // The key the subscription sends, masked; the eye shows it, for a moment of checking.
    m_keyEdit = new QLineEdit;
    m_keyEdit->setObjectName(QStringLiteral("subscriptionKeyEdit"));
    m_keyEdit->setAccessibleName(tr("Subscription key"));
    m_keyEdit->setReadOnly(true);
    m_keyEdit->setEchoMode(QLineEdit::Password);
    m_keyEdit->setMinimumWidth(m_keyEdit->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 16);
    m_revealKeyButton = new QToolButton;
    m_revealKeyButton->setObjectName(QStringLiteral("revealKeyButton"));
    m_revealKeyButton->setAccessibleName(tr("Show the subscription key"));
    m_revealKeyButton->setCheckable(true);
    m_revealKeyButton->setText(tr("Show"));
    m_revealKeyButton->setToolTip(tr("Show the subscription key"));
    m_revealKeyButton->setIcon(QIcon::fromTheme(QStringLiteral("view-visible")));
    m_revealKeyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_revealKeyButton, &QToolButton::toggled, this, [this](bool shown) {
        m_keyEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_revealKeyButton->setText(shown ? tr("Hide") : tr("Show"));
        m_revealKeyButton->setToolTip(shown ? tr("Mask the subscription key") : tr("Show the subscription key"));
        m_revealKeyButton->setIcon(
            QIcon::fromTheme(shown ? QStringLiteral("view-hidden") : QStringLiteral("view-visible")));
    });

    m_environmentCombo = new QComboBox;
    m_environmentCombo->setObjectName(QStringLiteral("environmentCombo"));
    m_environmentCombo->setAccessibleName(tr("Environment"));
    m_environmentCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_environmentCombo->setToolTip(tr("The variables {{name}} in the request stands for; edit them in the "
                                      "Environments tab"));
    connect(m_environmentCombo, &QComboBox::currentIndexChanged, this, &ConsoleView::environmentPicked);
    m_resolvedLabel = new QLabel;
    m_resolvedLabel->setObjectName(QStringLiteral("resolvedUrlLabel"));
    m_resolvedLabel->setAccessibleName(tr("The URL with its variables replaced"));
    m_resolvedLabel->setTextFormat(Qt::RichText);
    m_resolvedLabel->setWordWrap(true);
    m_resolvedLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_resolvedLabel->hide();
    m_keyPlacementCombo = new QComboBox;
    m_keyPlacementCombo->setObjectName(QStringLiteral("keyPlacementCombo"));
    m_keyPlacementCombo->setAccessibleName(tr("Send the key in"));
    m_keyPlacementCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_keyPlacementCombo, &QComboBox::currentIndexChanged, this, &ConsoleView::updatePreview);
    m_subscriptionNote = note(QStringLiteral("subscriptionNote"));
    m_subscriptionNote->hide();
    m_timeoutSpin = new QSpinBox;
    m_timeoutSpin->setObjectName(QStringLiteral("timeoutSpin"));
    m_timeoutSpin->setAccessibleName(tr("Timeout"));
    m_timeoutSpin->setRange(1, 600);
    m_timeoutSpin->setValue(30);
    m_timeoutSpin->setSuffix(tr(" s"));

    // Two rows, so the builder leaves the room to the response: what to call, and how.
    const auto labelFor = [](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text);
        label->setBuddy(buddy);
        return label;
    };
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_apiCombo);
    targetRow->addSpacing(12);
    targetRow->addWidget(labelFor(tr("&Operation:"), m_operationCombo));
    targetRow->addWidget(m_operationCombo, 1);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_subscriptionCombo);
    keyRow->addWidget(labelFor(tr("sent &in"), m_keyPlacementCombo));
    keyRow->addWidget(m_keyPlacementCombo);
    keyRow->addWidget(m_keyEdit, 1);
    keyRow->addWidget(m_revealKeyButton);
    auto *environmentRow = new QHBoxLayout;
    environmentRow->addWidget(m_environmentCombo);
    environmentRow->addSpacing(12);
    environmentRow->addWidget(labelFor(tr("Ti&meout:"), m_timeoutSpin));
    environmentRow->addWidget(m_timeoutSpin);
    environmentRow->addStretch(1);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(QString(), m_resolvedLabel);
    form->addRow(labelFor(tr("&API:"), m_apiCombo), targetRow);
    form->addRow(labelFor(tr("S&ubscription:"), m_subscriptionCombo), keyRow);
    form->addRow(QString(), m_subscriptionNote);
    form->addRow(labelFor(tr("Environment:"), m_environmentCombo), environmentRow);

    m_templateGroup = new QGroupBox(tr("Template parameters"));
    m_templateGroup->setFlat(true);
    m_templateGroup->setObjectName(QStringLiteral("templateGroup"));
    m_templateForm = new QFormLayout(m_templateGroup);
    m_templateGroup->hide();

    // Query, headers, body.
    m_requestTabs = new QTabWidget;
    m_requestTabs->setObjectName(QStringLiteral("requestTabs"));
    m_queryTable = pairsTable(m_queryModel, QStringLiteral("queryTable"), tr("Query parameters"));
    m_headersTable = pairsTable(m_headersModel, QStringLiteral("headersTable"), tr("Request headers"));
    connect(m_queryModel, &KeyValueModel::pairsEdited, this, &ConsoleView::updatePreview);
    connect(m_headersModel, &KeyValueModel::pairsEdited, this, &ConsoleView::updateBodyHighlighting);
    // Variables may be anywhere in the request: the preview marks the unknown ones as they are typed.
    connect(m_headersModel, &KeyValueModel::pairsEdited, this, &ConsoleView::updatePreview);
    connect(m_urlEdit, &QLineEdit::textChanged, this, &ConsoleView::updatePreview);
    connect(m_formModel, &KeyValueModel::pairsEdited, this, &ConsoleView::updatePreview);
    QWidget *bodyPage = buildBodyPage(); // creates the body editor
    connect(m_bodyEdit, &QPlainTextEdit::textChanged, this, &ConsoleView::updatePreview);
    for (QTableView *table : {m_queryTable, m_headersTable, m_formTable, m_multipartTable}) {
        auto *remove = new QAction(tr("Remove"), table);
        remove->setShortcut(QKeySequence::Delete);
        remove->setShortcutContext(Qt::WidgetShortcut);
        connect(remove, &QAction::triggered, table, [table] {
            const QModelIndex current = table->currentIndex();
            if (current.isValid() && current.row() < table->model()->rowCount() - 1)
                table->model()->removeRow(current.row());
        });
        table->addAction(remove);
        table->setContextMenuPolicy(Qt::ActionsContextMenu);
    }

    // Template parameters and the query together: both make the URL.
    auto *parametersPage = new QWidget;
    parametersPage->setObjectName(QStringLiteral("parametersPage"));
    auto *parametersLayout = new QVBoxLayout(parametersPage);
    parametersLayout->addWidget(m_templateGroup);
    auto *queryLabel = new QLabel(tr("&Query parameters:"));
    queryLabel->setBuddy(m_queryTable);
    parametersLayout->addWidget(queryLabel);
    parametersLayout->addWidget(m_queryTable, 1);
    m_queryTable->setMinimumHeight(m_queryTable->verticalHeader()->defaultSectionSize() * 3);
    m_headersTable->setMinimumHeight(m_headersTable->verticalHeader()->defaultSectionSize() * 3);
    // The pages scroll rather than hold the builder tall: the response below is what one reads most, and the
    // splitter between them can go as high as the request line and a few rows.
    const auto scrolling = [](QWidget *page) {
        auto *area = new QScrollArea;
        area->setObjectName(page->objectName() + QStringLiteral("Scroll"));
        area->setFrameShape(QFrame::NoFrame);
        area->setWidgetResizable(true);
        area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        area->setWidget(page);
        return area;
    };
    m_requestTabs->addTab(scrolling(parametersPage), tr("&Parameters"));
    m_requestTabs->addTab(m_headersTable, tr("Hea&ders"));
    m_requestTabs->addTab(scrolling(bodyPage), tr("Bod&y"));

    auto *layout = new QVBoxLayout(pane);
    layout->addLayout(requestLine);
    layout->addLayout(form);
    layout->addWidget(m_requestTabs, 1);

    setTabOrder(m_methodCombo, m_urlEdit);
    setTabOrder(m_urlEdit, m_sendButton);
    setTabOrder(m_sendButton, m_cancelButton);
    setTabOrder(m_cancelButton, m_saveToCollectionButton);
    setTabOrder(m_saveToCollectionButton, m_apiCombo);
    setTabOrder(m_apiCombo, m_operationCombo);
    setTabOrder(m_operationCombo, m_subscriptionCombo);
    setTabOrder(m_subscriptionCombo, m_keyPlacementCombo);
    setTabOrder(m_keyPlacementCombo, m_keyEdit);
    setTabOrder(m_keyEdit, m_revealKeyButton);
    setTabOrder(m_revealKeyButton, m_environmentCombo);
    setTabOrder(m_environmentCombo, m_timeoutSpin);
    return pane;
}

QWidget *ConsoleView::buildResponsePane()
{
    m_responseStack = new QStackedWidget;
    m_responseStack->setObjectName(QStringLiteral("responseStack"));

    m_responseEmpty = new QLabel(tr("<p>No response yet.</p><p>Pick an operation, then <b>Send</b> (%1). Calls "
                                    "to the embedded gateway come back with the trace of every policy step.</p>")
                                     .arg(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)));
    m_responseEmpty->setObjectName(QStringLiteral("responseEmpty"));
    m_responseEmpty->setAlignment(Qt::AlignCenter);
    m_responseEmpty->setWordWrap(true);
    m_responseEmpty->setForegroundRole(QPalette::PlaceholderText);
    m_responseStack->addWidget(m_responseEmpty);

    auto *page = new QWidget;
    m_statusLabel = new QLabel;
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setWordWrap(true);
    QFont statusFont = m_statusLabel->font();
    statusFont.setBold(true);
    statusFont.setPointSizeF(statusFont.pointSizeF() * 1.15);
    m_statusLabel->setFont(statusFont);
    m_metaLabel = new QLabel;
    m_metaLabel->setObjectName(QStringLiteral("responseMetaLabel"));
    m_metaLabel->setForegroundRole(QPalette::PlaceholderText);
    auto *statusLine = new QHBoxLayout;
    statusLine->addWidget(m_statusLabel, 1);
    statusLine->addWidget(m_metaLabel, 0, Qt::AlignTop);
    // What Qt measured of the call: TLS done, headers in, first byte of the body, all of it.
    m_timingLabel = new QLabel;
    m_timingLabel->setObjectName(QStringLiteral("timingLabel"));
    m_timingLabel->setForegroundRole(QPalette::PlaceholderText);
    m_timingLabel->setToolTip(tr("Measured from the moment the request was handed to Qt; DNS and connect times are "
                                 "not reported separately by Qt's network stack"));
    // A refused certificate: the user may trust exactly that one, for this run of the app.
    m_trustButton = new QPushButton(tr("Trust This Certificate for This Session"));
    m_trustButton->setObjectName(QStringLiteral("trustCertificateButton"));
    m_trustButton->setAccessibleName(tr("Trust this certificate for this session and send again"));
    m_trustButton->setToolTip(tr("Accepts this certificate (by its SHA-256 fingerprint) until Gatehouse quits, "
                                 "then sends the request again; nothing is saved"));
    m_trustButton->hide();
    connect(m_trustButton, &QPushButton::clicked, this, &ConsoleView::trustCertificate);
    auto *trustRow = new QHBoxLayout;
    trustRow->addWidget(m_trustButton);
    trustRow->addStretch(1);

    m_responseTabs = new QTabWidget;
    m_responseTabs->setObjectName(QStringLiteral("responseTabs"));
    auto *bodyPage = new QWidget;
    m_responseBody = new QPlainTextEdit;
    m_responseBody->setObjectName(QStringLiteral("responseBody"));
    m_responseBody->setAccessibleName(tr("Response body"));
    m_responseBody->setReadOnly(true);
    m_responseBody->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_responseBody->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_responseHighlighter = new BodyHighlighter(m_responseBody->document());
    m_responseFind = new FindBar(m_responseBody, QStringLiteral("responseFind"));
    m_rawCheck = new QCheckBox(tr("Ra&w"));
    m_rawCheck->setObjectName(QStringLiteral("rawCheck"));
    m_rawCheck->setAccessibleName(tr("Show the body as received"));
    connect(m_rawCheck, &QCheckBox::toggled, this, [this] {
        if (m_current)
            showCall(*m_current);
    });
    auto *findButton = new QToolButton;
    findButton->setObjectName(QStringLiteral("responseFindButton"));
    findButton->setAccessibleName(tr("Find in the body"));
    findButton->setText(tr("Find…"));
    findButton->setToolTip(
        tr("Find in the body (%1)").arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    findButton->setAutoRaise(true);
    connect(findButton, &QToolButton::clicked, m_responseFind, &FindBar::open);
    auto *bodyOptions = new QHBoxLayout;
    bodyOptions->addWidget(m_rawCheck);
    bodyOptions->addStretch(1);
    bodyOptions->addWidget(findButton);
    auto *bodyLayout = new QVBoxLayout(bodyPage);
    bodyLayout->addWidget(m_responseBody, 1);
    bodyLayout->addWidget(m_responseFind);
    bodyLayout->addLayout(bodyOptions);
    m_responseHeadersTable =
        pairsTable(m_responseHeadersModel, QStringLiteral("responseHeadersTable"), tr("Response headers"));
    m_responseHeadersTable->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_traceStack = new QStackedWidget;
    m_traceStack->setObjectName(QStringLiteral("traceStack"));
    m_previousModel = new TraceModel(this);
    const auto traceTree = [](TraceModel *model, const QString &objectName, const QString &accessibleName) {
        auto *tree = new QTreeView;
        tree->setObjectName(objectName);
        tree->setAccessibleName(accessibleName);
        tree->setModel(model);
        tree->setUniformRowHeights(true);
        tree->header()->setStretchLastSection(false);
        tree->header()->setSectionResizeMode(TraceModel::StepColumn, QHeaderView::Stretch);
        for (int column = TraceModel::ScopeColumn; column < TraceModel::TimelineColumn; ++column)
            tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
        tree->setItemDelegateForColumn(TraceModel::TimelineColumn, new TimelineDelegate(tree));
        tree->header()->setSectionResizeMode(TraceModel::TimelineColumn, QHeaderView::Fixed);
        tree->header()->resizeSection(TraceModel::TimelineColumn, 160);
        return tree;
    };
    m_traceTree = traceTree(m_traceModel, QStringLiteral("traceTree"), tr("Policy trace"));
    m_previousTree =
        traceTree(m_previousModel, QStringLiteral("previousTraceTree"), tr("Policy trace of the previous run"));
    m_previousTree->hide();
    // Compare with the previous run: the same request sent before, side by side, its differing steps marked.
    m_compareCheck = new QCheckBox(tr("&Compare with the previous run"));
    m_compareCheck->setObjectName(QStringLiteral("compareCheck"));
    m_compareCheck->setAccessibleName(tr("Compare the trace with the previous run of the same request"));
    connect(m_compareCheck, &QCheckBox::toggled, this, &ConsoleView::updateComparison);
    m_compareNote = note(QStringLiteral("compareNote"));
    // The gateway writes {{name}} where a secret named value's value went; the real values show only on request,
    // for the call on screen (each new call starts masked again), and never go to the history.
    m_revealSecretsCheck = new QCheckBox(tr("Re&veal Secrets"));
    m_revealSecretsCheck->setObjectName(QStringLiteral("revealSecretsCheck"));
    m_revealSecretsCheck->setAccessibleName(tr("Show the values of secret named values in the trace"));
    connect(m_revealSecretsCheck, &QCheckBox::toggled, this, &ConsoleView::showTrace);
    auto *compareRow = new QHBoxLayout;
    compareRow->addWidget(m_compareCheck);
    compareRow->addWidget(m_compareNote, 1);
    compareRow->addWidget(m_revealSecretsCheck);
    auto *trees = new QSplitter(Qt::Horizontal);
    trees->setObjectName(QStringLiteral("traceSplitter"));
    trees->addWidget(m_traceTree);
    trees->addWidget(m_previousTree);
    m_tracePage = new QWidget;
    m_tracePage->setObjectName(QStringLiteral("tracePage"));
    auto *traceLayout = new QVBoxLayout(m_tracePage);
    traceLayout->setContentsMargins(0, 0, 0, 0);
    traceLayout->addLayout(compareRow);
    traceLayout->addWidget(trees, 1);
    m_traceEmpty = new QLabel(tr("No trace for this call. Calls sent to the embedded gateway are traced: pick an "
                                 "API of the workspace, or a URL on the gateway's address."));
    m_traceEmpty->setObjectName(QStringLiteral("traceEmpty"));
    m_traceEmpty->setAlignment(Qt::AlignCenter);
    m_traceEmpty->setWordWrap(true);
    m_traceEmpty->setForegroundRole(QPalette::PlaceholderText);
    m_traceStack->addWidget(m_tracePage);
    m_traceStack->addWidget(m_traceEmpty);

    m_responseTabs->addTab(bodyPage, tr("Response &Body"));
    m_responseTabs->addTab(m_responseHeadersTable, tr("Respo&nse Headers"));
    m_responseTabs->addTab(m_traceStack, tr("&Trace"));

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(statusLine);
    layout->addWidget(m_timingLabel);
    layout->addLayout(trustRow);
    layout->addWidget(m_responseTabs, 1);
    m_responseStack->addWidget(page);
    return m_responseStack;
}

QWidget *ConsoleView::buildHistoryPane()
{
    auto *pane = new QWidget;
    pane->setObjectName(QStringLiteral("historyPane"));
    m_historySearch = new QLineEdit;
    m_historySearch->setObjectName(QStringLiteral("historySearch"));
    m_historySearch->setAccessibleName(tr("Search the history"));
    m_historySearch->setPlaceholderText(tr("Search by URL, method or status"));
    m_historySearch->setClearButtonEnabled(true);
    m_historyFilter->setSourceModel(m_history);
    m_historyFilter->setFilterRole(CallHistory::SearchTextRole);
    m_historyFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_historySearch, &QLineEdit::textChanged, m_historyFilter, &QSortFilterProxyModel::setFilterFixedString);
    m_historyList = new QListView;
    m_historyList->setObjectName(QStringLiteral("historyList"));
    m_historyList->setAccessibleName(tr("Call history"));
    m_historyList->setModel(m_historyFilter);
    m_historyList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyList->setSpacing(2);
    m_historyList->setTextElideMode(Qt::ElideMiddle);
    m_historyList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // long URLs are elided, not scrolled
    m_historyList->setUniformItemSizes(true);
    connect(m_historyList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                m_rerunButton->setEnabled(current.isValid());
                if (!current.isValid() || isBusy())
                    return;
                if (auto record = m_history->load(current.data(CallHistory::IdRole).toLongLong())) {
                    loadRequest(record->request);
                    showCall(*record);
                }
            });
    connect(m_historyList, &QListView::activated, this, &ConsoleView::rerun);

    m_rerunButton = new QPushButton(tr("Re-&run"));
    m_rerunButton->setObjectName(QStringLiteral("rerunButton"));
    m_rerunButton->setAccessibleName(tr("Send the selected call again"));
    m_rerunButton->setEnabled(false);
    connect(m_rerunButton, &QPushButton::clicked, this, &ConsoleView::rerun);
    m_curlButton = new QToolButton;
    m_curlButton->setObjectName(QStringLiteral("copyCurlButton"));
    m_curlButton->setText(tr("Copy as cur&l"));
    m_curlButton->setAccessibleName(tr("Copy the request as a curl command"));
    m_curlButton->setToolTip(tr("Copies the request in the builder as a curl command line; the subscription key "
                                "and secret variables are masked"));
    m_curlButton->setPopupMode(QToolButton::MenuButtonPopup);
    connect(m_curlButton, &QToolButton::clicked, this, [this] { copyCurl(false); });
    auto *curlMenu = new QMenu(m_curlButton);
    auto *withSecrets = curlMenu->addAction(tr("Copy as curl (with &Secrets)"));
    withSecrets->setObjectName(QStringLiteral("copyCurlWithSecretsAction"));
    withSecrets->setToolTip(tr("Copies the command with the real subscription key and secret values"));
    connect(withSecrets, &QAction::triggered, this, [this] { copyCurl(true); });
    m_curlButton->setMenu(curlMenu);
    m_historyNote = note(QStringLiteral("historyNote"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_rerunButton);
    buttons->addWidget(m_curlButton);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(pane);
    layout->addWidget(m_historySearch);
    layout->addWidget(m_historyList, 1);
    layout->addWidget(m_historyNote);
    layout->addLayout(buttons);
    return pane;
}

void ConsoleView::reopenHistory()
{
    if (!m_document.isOpen()) {
        m_history->close();
        m_historyNote->setText(tr("Open a workspace to keep a history of calls."));
        return;
    }
    if (!m_history->open(m_document.root())) {
        m_historyNote->setText(m_history->errorString());
        return;
    }
    m_historyNote->setText(m_history->rowCount() == 0 ? tr("Calls you send are listed here, newest first.")
                                                      : QString());
    m_historyNote->setVisible(!m_historyNote->text().isEmpty());
}

// --- builder ---------------------------------------------------------------------------------------------------

const gw::model::Api *ConsoleView::currentApi() const
{
    const QString name = m_apiCombo->currentData().toString();
    return name.isEmpty() ? nullptr : m_document.model().findApi(name.toStdString());
}

const gw::model::Operation *ConsoleView::currentOperation() const
{
    const gw::model::Api *api = currentApi();
    const QString name = m_operationCombo->currentData().toString();
    return api && !name.isEmpty() ? api->contract.findOperation(name.toStdString()) : nullptr;
}

void ConsoleView::refreshApis()
{
    const QString api = m_apiCombo->currentData().toString();
    const QString operation = m_operationCombo->currentData().toString();
    {
        const QSignalBlocker blocker(m_apiCombo);
        m_apiCombo->clear();
        m_apiCombo->addItem(tr("Any URL (type it above)"), QString());
        for (const gw::model::Api &entry : m_document.model().apis) {
            if (entry.isRevisionFolder() && !entry.isCurrent.value_or(false))
                continue; // the current revision is what callers reach
            const QString display = entry.displayName ? fromStd(entry.displayName) : fromStd(entry.name);
            const QString version = fromStd(entry.apiVersion);
            m_apiCombo->addItem(version.isEmpty() ? display : tr("%1 %2").arg(display, version), fromStd(entry.name));
        }
        const int index = m_apiCombo->findData(api);
        m_apiCombo->setCurrentIndex(index < 0 ? 0 : index);
    }
    apiChosen();
    const int index = m_operationCombo->findData(operation);
    if (index >= 0)
        m_operationCombo->setCurrentIndex(index);
}

void ConsoleView::apiChosen()
{
    const gw::model::Api *api = currentApi();
    const QString previous = m_operationCombo->currentData().toString();
    {
        const QSignalBlocker blocker(m_operationCombo);
        m_operationCombo->clear();
        if (api) {
            m_operationCombo->addItem(tr("(the API's root path)"), QString());
            for (const gw::model::Operation &operation : api->contract.operations)
                m_operationCombo->addItem(
                    QStringLiteral("%1 %2 — %3")
                        .arg(fromStd(operation.method), fromStd(operation.urlTemplate), fromStd(operation.displayName)),
                    fromStd(operation.name));
            const int index = m_operationCombo->findData(previous);
            m_operationCombo->setCurrentIndex(index > 0 ? index : (m_operationCombo->count() > 1 ? 1 : 0));
        }
    }
    m_operationCombo->setEnabled(api != nullptr);
    m_urlEdit->setReadOnly(api != nullptr);
    m_urlEdit->setClearButtonEnabled(api == nullptr);
    m_urlEdit->setToolTip(api ? tr("Built from the API, the operation and the parameters below; pick \"Any URL\" "
                                   "to type one")
                              : QString());
    updateKeyPlacement();
    operationChosen();
}

void ConsoleView::operationChosen()
{
    if (m_updating)
        return;
    const gw::model::Operation *operation = currentOperation();
    if (operation) {
        m_methodCombo->setCurrentText(fromStd(operation->method));
        // Parameters the operation needs, or offers with a default, are there to fill in.
        QList<KeyValueModel::Pair> query;
        for (const gw::model::Parameter &parameter : operation->queryParameters)
            if (parameter.required || parameter.defaultValue)
                query.append({fromStd(parameter.name), fromStd(parameter.defaultValue)});
        m_queryModel->setPairs(query);
        QList<KeyValueModel::Pair> headers;
        for (const gw::model::Parameter &parameter : operation->headers)
            if (parameter.required || parameter.defaultValue)
                headers.append({fromStd(parameter.name), fromStd(parameter.defaultValue)});
        if (operation->request && !operation->request->representations.empty()) {
            const QString type = fromStd(operation->request->representations.front().contentType);
            // A form or multipart operation gets its table; the mode sets Content-Type (and the boundary) itself.
            if (type.contains(QLatin1String("x-www-form-urlencoded")))
                m_bodyModeCombo->setCurrentIndex(FormBody);
            else if (type.contains(QLatin1String("multipart/")))
                m_bodyModeCombo->setCurrentIndex(MultipartBody);
            else {
                m_bodyModeCombo->setCurrentIndex(RawBody);
                headers.append({QStringLiteral("Content-Type"), type});
            }
        }
        m_headersModel->setPairs(headers);
    }
    const bool hasExample = operation && operation->request && !operation->request->representations.empty();
    m_exampleButton->setEnabled(hasExample);
    m_bodyNote->setText(operation && !hasExample ? tr("The operation describes no request body.") : QString());
    rebuildTemplateFields(operation);
    updatePreview();
}

void ConsoleView::rebuildTemplateFields(const gw::model::Operation *operation)
{
    QHash<QString, QString> values;
    for (const auto &[name, field] : m_templateFields)
        values.insert(name, field->text());
    while (m_templateForm->rowCount() > 0)
        m_templateForm->removeRow(0);
    m_templateFields.clear();
    if (!operation) {
        m_templateGroup->hide();
        return;
    }
    QWidget *previous = m_timeoutSpin;
    for (const gw::model::Parameter &parameter : operation->templateParameters) {
        const QString name = fromStd(parameter.name);
        auto *field = new QLineEdit;
        field->setObjectName(QStringLiteral("templateParameter_") + name);
        field->setAccessibleName(tr("Template parameter %1").arg(name));
        field->setText(values.value(name, fromStd(parameter.defaultValue)));
        field->setPlaceholderText(parameter.type.empty() ? tr("required") : fromStd(parameter.type));
        field->setToolTip(fromStd(parameter.description));
        connect(field, &QLineEdit::textChanged, this, &ConsoleView::updatePreview);
        m_templateForm->addRow(tr("%1:").arg(name), field);
        m_templateFields.append({name, field});
        setTabOrder(previous, field);
        previous = field;
    }
    m_templateGroup->setVisible(!m_templateFields.isEmpty());
}

void ConsoleView::refreshSubscriptions()
{
    const QString previous = m_subscriptionCombo->currentData().toString();
    {
        const QSignalBlocker blocker(m_subscriptionCombo);
        m_subscriptionCombo->clear();
        m_subscriptionCombo->addItem(tr("No key"), QString());
        for (const gw::model::Subscription &subscription : m_document.model().subscriptions) {
            const QString display =
                subscription.displayName ? fromStd(subscription.displayName) : fromStd(subscription.name);
            m_subscriptionCombo->addItem(display, fromStd(subscription.name));
        }
        const int index = m_subscriptionCombo->findData(previous);
        m_subscriptionCombo->setCurrentIndex(index < 0 ? 0 : index);
    }
    updateKeyPlacement();
}

void ConsoleView::updateKeyPlacement()
{
    const gw::model::Api *api = currentApi();
    const QString header = api ? fromStd(api->headerName()) : QStringLiteral("Ocp-Apim-Subscription-Key");
    const QString query = api ? fromStd(api->queryName()) : QStringLiteral("subscription-key");
    const int placement = std::max(0, m_keyPlacementCombo->currentIndex());
    {
        const QSignalBlocker blocker(m_keyPlacementCombo);
        m_keyPlacementCombo->clear();
        m_keyPlacementCombo->addItem(tr("header %1").arg(header), header);
        m_keyPlacementCombo->addItem(tr("query parameter %1").arg(query), query);
        m_keyPlacementCombo->setCurrentIndex(placement);
    }
    const QString subscription = m_subscriptionCombo->currentData().toString();
    m_keyPlacementCombo->setEnabled(!subscription.isEmpty());
    QString problem;
    if (!subscription.isEmpty() && !entities::LocalSecrets::of(m_document).primaryKeyOf(subscription))
        problem = tr("This subscription has no primary key in the workspace or in your secret store: set one in its "
                     "editor.");
    m_subscriptionNote->setText(problem);
    m_subscriptionNote->setVisible(!problem.isEmpty());
    updateKeyField();
    updatePreview();
}

ConsoleView::Built ConsoleView::build() const
{
    Built out;
    out.method = m_methodCombo->currentText().trimmed().toUpper();
    const gw::model::Api *api = currentApi();
    const gw::model::Operation *operation = currentOperation();
    // {{name}} is replaced in everything typed: once with the values sent, once as shown (secrets masked).
    const Substitution &substitution = m_substitution;
    const auto sent = [&](const QString &text) { return substitution.apply(text, &out.unknownVariables); };
    const auto shownText = [&](const QString &text) { return substitution.show(text); };

    const auto assemble = [&](const std::function<QString(const QString &)> &resolve, QUrl &url, QUrlQuery &query,
                              QList<QPair<QString, QString>> &headers) {
        if (api) {
            QString base = m_gateway ? m_gateway->address() : QString();
            if (base.isEmpty())
                base = QStringLiteral("http://127.0.0.1"); // a stopped gateway: Send says so
            QString path = QLatin1Char('/') + fromStd(api->path);
            // A version in the path comes after the API's path (versioning scheme "Segment").
            const gw::model::VersionSet *set =
                api->apiVersionSetId ? m_document.model().findVersionSet(gw::model::lastSegment(*api->apiVersionSetId))
                                     : nullptr;
            const QString version = fromStd(api->apiVersion);
            const QString scheme = set ? fromStd(set->versioningScheme) : QString();
            if (!version.isEmpty() && scheme == QLatin1String("Segment"))
                path += QLatin1Char('/') + version;
            else if (!version.isEmpty() && scheme == QLatin1String("Query"))
                query.addQueryItem(
                    set->versionQueryName ? fromStd(set->versionQueryName) : QStringLiteral("api-version"), version);
            else if (!version.isEmpty() && scheme == QLatin1String("Header"))
                headers.append(
                    {set->versionHeaderName ? fromStd(set->versionHeaderName) : QStringLiteral("Api-Version"),
                     version});
            if (operation) {
                QString templ = fromStd(operation->urlTemplate);
                const qsizetype question = templ.indexOf(QLatin1Char('?'));
                if (question >= 0) {
                    const QUrlQuery templateQuery(templ.mid(question + 1));
                    for (const auto &[name, value] : templateQuery.queryItems(QUrl::FullyDecoded))
                        if (!value.startsWith(QLatin1Char('{')))
                            query.addQueryItem(name, value);
                    templ.truncate(question);
                }
                for (const auto &[name, field] : m_templateFields) {
                    const QString value = resolve(field->text());
                    templ.replace(QLatin1Char('{') + name + QLatin1Char('}'),
                                  value.isEmpty() ? QLatin1Char('{') + name + QLatin1Char('}')
                                                  : QString::fromLatin1(QUrl::toPercentEncoding(value)));
                }
                if (!templ.startsWith(QLatin1Char('/')))
                    templ.prepend(QLatin1Char('/'));
                if (path.endsWith(QLatin1Char('/')))
                    path.chop(1);
                path += templ;
            }
            path.replace(QRegularExpression(QStringLiteral("/{2,}")), QStringLiteral("/"));
            url = QUrl(base + path);
        } else {
            url = QUrl::fromUserInput(resolve(m_urlEdit->text().trimmed()));
            query = QUrlQuery(url);
        }
        for (const auto &[name, value] : m_queryModel->pairs())
            query.addQueryItem(resolve(name), resolve(value));
        for (const auto &[name, value] : m_headersModel->pairs())
            headers.append({resolve(name), resolve(value)});
    };
    QUrlQuery query;
    QUrlQuery shown;
    QUrl shownUrl;
    assemble(sent, out.url, query, out.headers);
    assemble(shownText, shownUrl, shown, out.shownHeaders);
    if (api) {
        out.embedded = m_gateway && !m_gateway->address().isEmpty();
    } else {
        const QString address = m_gateway ? m_gateway->address() : QString();
        out.embedded =
            !address.isEmpty() && out.url.isValid() && out.url.toString().startsWith(address, Qt::CaseInsensitive);
    }

    const QString subscription = m_subscriptionCombo->currentData().toString();
    if (!subscription.isEmpty()) {
        out.keyValue = entities::LocalSecrets::of(m_document).primaryKeyOf(subscription).value_or(QString());
        out.keyName = m_keyPlacementCombo->currentData().toString();
        out.keyInQuery = m_keyPlacementCombo->currentIndex() == 1;
    }
    if (!out.keyValue.isEmpty() && out.keyInQuery) {
        query.addQueryItem(out.keyName, out.keyValue);
        shown.addQueryItem(out.keyName, QString::fromUtf8(kMaskedKey));
    }
    shownUrl.setQuery(shown);
    out.url.setQuery(query);
    // Template parameters not filled in yet read as in the template, not percent-encoded.
    out.shownUrl = shownUrl.toString(QUrl::PrettyDecoded)
                       .replace(QLatin1String("%7B"), QLatin1String("{"))
                       .replace(QLatin1String("%7D"), QLatin1String("}"));
    if (!out.keyValue.isEmpty() && !out.keyInQuery) {
        out.headers.append({out.keyName, out.keyValue});
        out.shownHeaders.append({out.keyName, QString::fromUtf8(kMaskedKey)});
    }

    // The body, as its mode makes it; form and multipart bodies say what they are in Content-Type.
    out.bodyMode = static_cast<BodyMode>(std::max(0, m_bodyModeCombo->currentIndex()));
    const auto setContentType = [&out](const QString &type) {
        for (auto *list : {&out.headers, &out.shownHeaders}) {
            list->removeIf([](const QPair<QString, QString> &header) {
                return header.first.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0;
            });
            list->append({QStringLiteral("Content-Type"), type});
        }
    };
    switch (out.bodyMode) {
    case NoBody:
        break;
    case RawBody:
        out.body = sent(m_bodyEdit->toPlainText()).toUtf8();
        out.shownBody = shownText(m_bodyEdit->toPlainText());
        break;
    case FormBody: {
        QStringList pairs;
        QStringList shownPairs;
        for (const auto &[name, value] : m_formModel->pairs()) {
            const auto encoded = [](const QString &text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); };
            pairs << encoded(sent(name)) + QLatin1Char('=') + encoded(sent(value));
            shownPairs << encoded(shownText(name)) + QLatin1Char('=') + encoded(shownText(value));
        }
        out.body = pairs.join(QLatin1Char('&')).toLatin1();
        out.shownBody = shownPairs.join(QLatin1Char('&'));
        setContentType(QStringLiteral("application/x-www-form-urlencoded"));
        break;
    }
    case MultipartBody: {
        const QByteArray boundary = "gatehouse-" + QUuid::createUuid().toByteArray(QUuid::Id128);
        QMimeDatabase mimes;
        for (const KeyValueModel::Entry &entry : m_multipartModel->entries()) {
            KeyValueModel::Entry part{sent(entry.name), entry.file ? entry.value : sent(entry.value), entry.file};
            QByteArray disposition = "Content-Disposition: form-data; name=\"" + part.name.toUtf8() + '"';
            QByteArray content;
            QByteArray type;
            if (part.file) {
                QFile file(part.value);
                if (!file.open(QIODevice::ReadOnly)) {
                    out.problem = tr("Cannot read the file %1 of the body: %2")
                                      .arg(QDir::toNativeSeparators(part.value), file.errorString());
                    continue;
                }
                content = file.readAll();
                disposition += "; filename=\"" + QFileInfo(part.value).fileName().toUtf8() + '"';
                type = "Content-Type: " + mimes.mimeTypeForFile(part.value).name().toLatin1() + "\r\n";
            } else {
                content = part.value.toUtf8();
            }
            out.body += "--" + boundary + "\r\n" + disposition + "\r\n" + type + "\r\n" + content + "\r\n";
            out.parts.append(part);
            out.shownParts.append(
                {shownText(entry.name), entry.file ? entry.value : shownText(entry.value), entry.file});
        }
        out.body += "--" + boundary + "--\r\n";
        setContentType(QStringLiteral("multipart/form-data; boundary=") + QString::fromLatin1(boundary));
        break;
    }
    }
    return out;
}

QString ConsoleView::urlPreview() const
{
    return build().shownUrl;
}

void ConsoleView::updatePreview()
{
    if (!m_environmentCombo || !m_bodyModeCombo || !m_resolvedLabel)
        return; // still building the view
    const Built built = build();
    if (currentApi()) {
        if (m_urlEdit->text() != built.shownUrl)
            m_urlEdit->setText(built.shownUrl);
        m_urlEdit->setCursorPosition(0);
    }
    // With variables in play, the URL as it will be sent (secrets masked), unknown variables marked.
    const bool variables =
        !built.unknownVariables.isEmpty() || m_urlEdit->text().contains(QLatin1String("{{")) ||
        (!m_environmentCombo->currentData().toString().isEmpty() && built.shownUrl != m_urlEdit->text());
    if (!variables) {
        m_resolvedLabel->hide();
        return;
    }
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    QString html = built.shownUrl.toHtmlEscaped();
    for (const QString &name : built.unknownVariables) {
        const QString typed = QStringLiteral("{{%1}}").arg(name).toHtmlEscaped();
        html.replace(typed, QStringLiteral("<span style=\"color:%1; text-decoration: underline wavy;\">%2</span>")
                                .arg(dark ? QStringLiteral("#ff8a80") : QStringLiteral("#b01c1c"), typed));
    }
    QString text = tr("Sends to: %1").arg(html);
    if (!built.unknownVariables.isEmpty())
        text += QStringLiteral("<br><span style=\"color:%1\">%2</span>")
                    .arg(dark ? QStringLiteral("#ff8a80") : QStringLiteral("#b01c1c"),
                         tr("Unknown variables (not in the environment): %1")
                             .arg(built.unknownVariables.join(QStringLiteral(", ")))
                             .toHtmlEscaped());
    m_resolvedLabel->setText(text);
    m_resolvedLabel->show();
}

void ConsoleView::formatBody()
{
    const QByteArray body = m_bodyEdit->toPlainText().toUtf8();
    QString contentType;
    for (const auto &[name, value] : m_headersModel->pairs())
        if (name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0)
            contentType = value;
    // What the text looks like first: a JSON operation's body being typed as XML is formatted as XML.
    BodyKind kind = bodyKind(body);
    if (kind == BodyKind::Text)
        kind = bodyKind(body, contentType);
    QString error;
    const std::optional<QString> pretty = kind == BodyKind::Xml ? formatXml(body, &error) : formatJson(body, &error);
    if (!pretty) {
        m_bodyNote->setText(error);
        return;
    }
    const QString &text = *pretty;
    m_bodyNote->clear();
    // Through the cursor, so Ctrl+Z in the editor brings the text back.
    QTextCursor cursor(m_bodyEdit->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
}

void ConsoleView::fillExample()
{
    const gw::model::Operation *operation = currentOperation();
    if (!operation || !operation->request || operation->request->representations.empty())
        return;
    const gw::model::Representation &representation = operation->request->representations.front();
    QString text;
    if (!representation.example.is_null())
        text = jsonText(representation.example);
    else if (!representation.examples.empty())
        text = jsonText(representation.examples.front().second);
    if (text.isEmpty()) {
        m_bodyNote->setText(tr("The operation's request has no example."));
        return;
    }
    m_bodyNote->clear();
    QTextCursor cursor(m_bodyEdit->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    m_requestTabs->setCurrentIndex(2);
}

void ConsoleView::selectOperation(const QString &api, const QString &operation)
{
    const int apiIndex = m_apiCombo->findData(api);
    if (apiIndex < 0)
        return;
    m_apiCombo->setCurrentIndex(apiIndex);
    const int operationIndex = m_operationCombo->findData(operation);
    if (operationIndex >= 0)
        m_operationCombo->setCurrentIndex(operationIndex);
}

void ConsoleView::openRecorded(const QString &method, const QString &api, const QString &operation, const QString &path,
                               const QString &query, const QString &subscription)
{
    QList<KeyValueModel::Pair> pairs;
    for (const auto &[name, value] : QUrlQuery(query).queryItems(QUrl::FullyDecoded))
        pairs.append({name, value});
    selectOperation(api, operation);
    const gw::model::Operation *matched = currentOperation();
    if (!matched || m_operationCombo->currentData().toString() != operation) {
        m_apiCombo->setCurrentIndex(m_apiCombo->findData(QString()));
        const QString base = m_gateway ? m_gateway->address() : QString();
        m_urlEdit->setText(base + path + (query.isEmpty() ? QString() : QLatin1Char('?') + query));
        m_queryModel->setPairs({});
    } else {
        // The template's segments are the last ones of the path (after the API's path and version).
        const QStringList templateSegments = fromStd(matched->urlTemplate).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        const QStringList pathSegments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        const qsizetype offset = pathSegments.size() - templateSegments.size();
        for (qsizetype i = 0; offset >= 0 && i < templateSegments.size(); ++i) {
            const QString &segment = templateSegments[i];
            if (!segment.startsWith(QLatin1Char('{')) || !segment.endsWith(QLatin1Char('}')))
                continue;
            const QString name = segment.mid(1, segment.size() - 2);
            for (const auto &[field, edit] : m_templateFields)
                if (field == name)
                    edit->setText(QUrl::fromPercentEncoding(pathSegments[offset + i].toUtf8()));
        }
        m_queryModel->setPairs(pairs);
    }
    m_methodCombo->setCurrentText(method);
    selectSubscription(subscription);
    updatePreview();
}

void ConsoleView::selectSubscription(const QString &name)
{
    const int index = m_subscriptionCombo->findData(name);
    m_subscriptionCombo->setCurrentIndex(index < 0 ? 0 : index);
}

// --- sending ---------------------------------------------------------------------------------------------------

QJsonObject ConsoleView::requestJson(const Built &built) const
{
    QJsonObject templateValues;
    for (const auto &[name, field] : m_templateFields)
        templateValues.insert(name, field->text());
    QJsonArray multipart;
    for (const KeyValueModel::Entry &entry : m_multipartModel->entries())
        multipart.append(QJsonArray{entry.name, entry.value, entry.file});
    return QJsonObject{
        {QStringLiteral("method"), built.method},
        {QStringLiteral("url"), built.shownUrl},
        {QStringLiteral("api"), m_apiCombo->currentData().toString()},
        {QStringLiteral("operation"), m_operationCombo->currentData().toString()},
        {QStringLiteral("typedUrl"), currentApi() ? QString() : m_urlEdit->text()},
        {QStringLiteral("templateParameters"), templateValues},
        {QStringLiteral("query"), pairsJson(m_queryModel->pairs())},
        {QStringLiteral("headers"), pairsJson(m_headersModel->pairs())},
        {QStringLiteral("subscription"), m_subscriptionCombo->currentData().toString()},
        {QStringLiteral("keyInQuery"), m_keyPlacementCombo->currentIndex() == 1},
        {QStringLiteral("body"), m_bodyEdit->toPlainText()},
        {QStringLiteral("bodyMode"), static_cast<int>(built.bodyMode)},
        {QStringLiteral("form"), pairsJson(m_formModel->pairs())},
        {QStringLiteral("multipart"), multipart},
        {QStringLiteral("environment"), m_environmentCombo->currentData().toString()},
        {QStringLiteral("embedded"), built.embedded},
    };
}

void ConsoleView::send()
{
    if (isBusy())
        return;
    Built built = build();
    if (currentApi() && !built.embedded) {
        CallRecord record;
        record.request = requestJson(built);
        record.response = {
            {QStringLiteral("error"), tr("The embedded gateway is not running: start it from the Gateway menu.")}};
        showCall(record);
        return;
    }
    if (!built.problem.isEmpty()) {
        CallRecord record;
        record.request = requestJson(built);
        record.response = {{QStringLiteral("error"), built.problem}};
        showCall(record);
        return;
    }
    if (!built.url.isValid() || built.url.scheme().isEmpty() || built.url.host().isEmpty()) {
        CallRecord record;
        record.request = requestJson(built);
        record.response = {{QStringLiteral("error"), tr("Type a URL to send the request to, or pick an API.")}};
        showCall(record);
        m_urlEdit->setFocus();
        return;
    }
    QNetworkRequest request(built.url);
    request.setTransferTimeout(m_timeoutSpin->value() * 1000);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    for (const auto &[name, value] : built.headers)
        request.setRawHeader(name.toUtf8(), value.toUtf8());
    if (built.embedded && m_gateway)
        request.setRawHeader("Apim-Debug-Authorization", m_gateway->traceToken().toUtf8());
    m_sending = built;
    m_sendingRequest = requestJson(built);
    m_tlsErrors.clear();
    m_sslErrors.clear();
    m_timing = {};
    m_cancelled = false;
    m_sendTimer.start();
    const bool withBody = !built.body.isEmpty() || built.method == QLatin1String("POST") ||
                          built.method == QLatin1String("PUT") || built.method == QLatin1String("PATCH");
    m_reply = withBody ? m_network->sendCustomRequest(request, built.method.toLatin1(), built.body)
                       : m_network->sendCustomRequest(request, built.method.toLatin1());
    // TLS problems are shown, never ignored: the call fails and the response pane says why, unless the user
    // trusted exactly this certificate, despite exactly these errors, for this session.
    QNetworkReply *reply = m_reply;
    connect(m_reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        for (const QSslError &error : errors)
            if (peer.isNull() && !error.certificate().isNull())
                peer = error.certificate();
        const QList<QSslError> trusted = TrustedCertificates::session().trustedErrors(errors, peer);
        if (!trusted.isEmpty())
            reply->ignoreSslErrors(trusted);
        m_sslErrors = errors;
        for (const QSslError &error : errors)
            if (!trusted.contains(error))
                m_tlsErrors << error.errorString();
    });
    // What Qt tells of the call's progress, for the timing under the status.
    connect(m_reply, &QNetworkReply::encrypted, this, [this] { m_timing.tls = m_sendTimer.nsecsElapsed(); });
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        if (m_timing.headers < 0)
            m_timing.headers = m_sendTimer.nsecsElapsed();
    });
    connect(m_reply, &QNetworkReply::readyRead, this, [this] {
        if (m_timing.firstByte < 0)
            m_timing.firstByte = m_sendTimer.nsecsElapsed();
    });
    connect(m_reply, &QNetworkReply::finished, this, &ConsoleView::finished);
    m_sendButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_statusLabel->setText(tr("Sending…"));
    m_statusLabel->setStyleSheet(QString());
    m_metaLabel->clear();
    m_responseStack->setCurrentIndex(1);
}

void ConsoleView::cancel()
{
    if (!m_reply)
        return;
    m_cancelled = true;
    m_reply->abort();
}

void ConsoleView::finished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const qint64 elapsed = m_sendTimer.elapsed();
    const qint64 total = m_sendTimer.nsecsElapsed();
    QJsonObject timing{{QStringLiteral("totalMs"), static_cast<double>(total) / 1e6}};
    if (m_timing.tls >= 0)
        timing.insert(QStringLiteral("tlsMs"), static_cast<double>(m_timing.tls) / 1e6);
    if (m_timing.headers >= 0)
        timing.insert(QStringLiteral("headersMs"), static_cast<double>(m_timing.headers) / 1e6);
    if (m_timing.firstByte >= 0)
        timing.insert(QStringLiteral("firstByteMs"), static_cast<double>(m_timing.firstByte) / 1e6);
    QSslCertificate refused;

    CallRecord record;
    record.at = QDateTime::currentDateTime();
    record.request = m_sendingRequest;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QJsonObject response;
    response.insert(QStringLiteral("timeMs"), elapsed);
    response.insert(QStringLiteral("timing"), timing);
    if (status > 0) {
        QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        if (reason.isEmpty())
            reason = standardReason(status);
        const QByteArray body = reply->readAll();
        QList<QPair<QString, QString>> headers;
        for (const auto &[name, value] : reply->rawHeaderPairs())
            headers.append({QString::fromLatin1(name), QString::fromUtf8(value)});
        response.insert(QStringLiteral("status"), status);
        response.insert(QStringLiteral("reason"), reason);
        response.insert(QStringLiteral("headers"), pairsJson(headers));
        response.insert(QStringLiteral("size"), body.size());
        response.insert(QStringLiteral("body"), QString::fromUtf8(body.left(kMaxStoredBody)));
        if (body.size() > kMaxStoredBody)
            response.insert(QStringLiteral("truncated"), true);
        const QByteArray traceId = reply->rawHeader("Apim-Trace-Id");
        if (m_sending.embedded && m_gateway && !traceId.isEmpty())
            record.trace = m_gateway->traceJson(QString::fromLatin1(traceId));
    } else if (m_cancelled) {
        response.insert(QStringLiteral("error"), tr("Cancelled after %1 ms.").arg(elapsed));
    } else if (reply->error() == QNetworkReply::OperationCanceledError) {
        response.insert(QStringLiteral("error"),
                        tr("No response within %1 s (the timeout).").arg(m_timeoutSpin->value()));
    } else if (!m_tlsErrors.isEmpty()) {
        refused = reply->sslConfiguration().peerCertificate();
        for (const QSslError &error : m_sslErrors)
            if (refused.isNull() && !error.certificate().isNull())
                refused = error.certificate();
        QString fingerprint;
        if (!refused.isNull()) {
            const QByteArray hex = TrustedCertificates::digest(refused).toUpper();
            QStringList pairs;
            for (qsizetype i = 0; i + 1 < hex.size(); i += 2)
                pairs << QString::fromLatin1(hex.mid(i, 2));
            fingerprint = tr("\nSHA-256 fingerprint: %1").arg(pairs.join(QLatin1Char(':')));
        }
        response.insert(QStringLiteral("error"),
                        tr("The TLS connection was refused because the server's certificate is not trusted:\n• %1")
                                .arg(m_tlsErrors.join(QStringLiteral("\n• "))) +
                            fingerprint);
    } else {
        response.insert(QStringLiteral("error"), reply->errorString());
    }
    record.response = response;
    const bool saved = m_history->add(record);
    // The refused certificate can be trusted from this call's response, not from an old one in the history.
    m_untrusted = refused;
    m_untrustedErrors = refused.isNull() ? QList<QSslError>() : m_sslErrors;
    m_untrustedCall = refused.isNull() ? 0 : (saved ? record.id : -1);
    if (!saved)
        m_historyNote->setText(m_history->errorString());
    else
        m_historyNote->hide();
    m_historyList->selectionModel()->blockSignals(true);
    m_historyList->setCurrentIndex(m_historyFilter->index(0, 0));
    m_historyList->selectionModel()->blockSignals(false);
    m_rerunButton->setEnabled(true);
    m_sendButton->setEnabled(true);
    m_cancelButton->setEnabled(false);
    showCall(record);
    emit callFinished();
}

// --- response --------------------------------------------------------------------------------------------------

void ConsoleView::showEmptyResponse()
{
    m_responseStack->setCurrentIndex(0);
}

void ConsoleView::showCall(const CallRecord &record)
{
    // Secrets are revealed for one call at a time: another call (a new one, or one picked in the history) shows
    // masked again.
    const bool sameCall = m_current && record.id != 0 && m_current->id == record.id;
    if (!sameCall) {
        const QSignalBlocker blocker(m_revealSecretsCheck);
        m_revealSecretsCheck->setChecked(false);
    }
    m_current = record;
    m_responseStack->setCurrentIndex(1);
    const QJsonObject &response = record.response;
    const int status = response.value(QStringLiteral("status")).toInt();
    const QString error = response.value(QStringLiteral("error")).toString();
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    QString colour;
    if (status >= 200 && status < 300)
        colour = dark ? QStringLiteral("#5fd08a") : QStringLiteral("#1c7c3c");
    else if (status >= 300 && status < 500)
        colour = dark ? QStringLiteral("#f0b060") : QStringLiteral("#a15c00");
    else
        colour = dark ? QStringLiteral("#ff8a80") : QStringLiteral("#b01c1c");
    m_statusLabel->setStyleSheet(QStringLiteral("color: %1").arg(colour));
    if (status > 0)
        m_statusLabel->setText(
            QStringLiteral("%1 %2").arg(status).arg(response.value(QStringLiteral("reason")).toString()));
    else
        m_statusLabel->setText(error);
    m_statusLabel->setAccessibleName(tr("Status: %1").arg(m_statusLabel->text()));

    QStringList meta;
    if (status > 0) {
        meta << QLocale().formattedDataSize(response.value(QStringLiteral("size")).toInteger(), 1,
                                            QLocale::DataSizeTraditionalFormat);
    }
    // The time is in the timing line under the status when there is one (calls saved before it was kept have not).
    if (response.contains(QStringLiteral("timeMs")) && (status <= 0 || !response.contains(QStringLiteral("timing"))))
        meta << tr("%1 ms").arg(response.value(QStringLiteral("timeMs")).toInteger());
    if (record.at.isValid())
        meta << QLocale().toString(record.at.time(), QLocale::ShortFormat);
    m_metaLabel->setText(meta.join(QStringLiteral("  ·  ")));

    const QJsonObject timing = response.value(QStringLiteral("timing")).toObject();
    QStringList steps;
    const auto step = [&](const char *key, const QString &title) {
        if (timing.contains(QLatin1String(key)))
            steps << tr("%1 %2 ms").arg(title).arg(timing.value(QLatin1String(key)).toDouble(), 0, 'f', 1);
    };
    if (status > 0) {
        step("tlsMs", tr("TLS"));
        step("headersMs", tr("Headers"));
        step("firstByteMs", tr("First byte"));
        step("totalMs", tr("Total"));
    }
    m_timingLabel->setText(steps.join(QStringLiteral(" · ")));
    m_timingLabel->setVisible(!steps.isEmpty());
    m_trustButton->setVisible(!m_untrusted.isNull() && m_untrustedCall != 0 && record.id == m_untrustedCall);

    QString contentType;
    for (const auto &[name, value] : pairsFrom(response.value(QStringLiteral("headers")).toArray()))
        if (name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0)
            contentType = value;
    const QByteArray body = response.value(QStringLiteral("body")).toString().toUtf8();
    m_responseHighlighter->setKind(status > 0 ? bodyKind(body, contentType) : BodyKind::Text);
    QString shown = m_rawCheck->isChecked() ? QString::fromUtf8(body) : prettyBody(body, contentType);
    if (response.value(QStringLiteral("truncated")).toBool())
        shown += tr("\n\n[The body is longer than the %1 kept.]").arg(QLocale().formattedDataSize(kMaxStoredBody));
    m_responseBody->setPlainText(status > 0 ? shown : error);
    m_responseHeadersModel->setPairs(pairsFrom(response.value(QStringLiteral("headers")).toArray()));

    showTrace();
    // A refused call is explained by its trace first.
    if (!m_traceModel->isEmpty() && (status >= 400 || status == 0))
        m_responseTabs->setCurrentWidget(m_traceStack);
}

void ConsoleView::showTrace()
{
    const QJsonArray trace = m_current ? m_current->trace : QJsonArray();
    m_traceModel->setTrace(shownTrace(trace));
    m_traceStack->setCurrentWidget(m_traceModel->isEmpty() ? static_cast<QWidget *>(m_traceEmpty) : m_tracePage);
    // The toggle is there only when the trace hides a secret this workspace knows the value of.
    const QHash<QString, QString> secrets = secretNamedValues();
    const QString text = QString::fromUtf8(QJsonDocument(trace).toJson(QJsonDocument::Compact));
    bool hidden = false;
    for (auto it = secrets.begin(); it != secrets.end() && !hidden; ++it)
        hidden = text.contains(QStringLiteral("{{%1}}").arg(it.key()));
    m_revealSecretsCheck->setVisible(hidden);
    updateComparison();
}

QHash<QString, QString> ConsoleView::secretNamedValues() const
{
    QHash<QString, QString> out;
    auto &secrets = entities::LocalSecrets::of(m_document);
    for (const gw::model::NamedValue &named : m_document.model().namedValues) {
        if (!named.secret.value_or(false))
            continue;
        // The per-user secret store first, as the embedded gateway reads it; then a value kept in the files.
        const QString name = QString::fromStdString(named.name);
        std::optional<QString> value = secrets.value(entities::LocalSecrets::namedValueKey(name));
        if (!value && named.value)
            value = QString::fromStdString(*named.value);
        if (!value)
            continue;
        out.insert(name, *value);
        if (named.displayName)
            out.insert(QString::fromStdString(*named.displayName), *value);
    }
    return out;
}

QJsonArray ConsoleView::shownTrace(const QJsonArray &trace) const
{
    if (!m_revealSecretsCheck->isChecked() || trace.isEmpty())
        return trace;
    const QHash<QString, QString> secrets = secretNamedValues();
    if (secrets.isEmpty())
        return trace;
    static const QRegularExpression token(QStringLiteral("\\{\\{([^{}]+)\\}\\}"));
    const auto reveal = [&](const QString &text) {
        QString out;
        qsizetype copied = 0;
        for (auto it = token.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            const auto found = secrets.constFind(match.captured(1));
            if (found == secrets.constEnd())
                continue; // not a secret (or one without a value here): left as written
            out += QStringView(text).mid(copied, match.capturedStart() - copied);
            out += *found;
            copied = match.capturedEnd();
        }
        if (copied == 0)
            return text;
        out += QStringView(text).mid(copied);
        return out;
    };
    QJsonArray out;
    for (const QJsonValue &value : trace) {
        QJsonObject entry = value.toObject();
        entry.insert(QStringLiteral("message"), reveal(entry.value(QStringLiteral("message")).toString()));
        QJsonArray changes;
        for (const QJsonValue &change : entry.value(QStringLiteral("changes")).toArray())
            changes.append(reveal(change.toString()));
        entry.insert(QStringLiteral("changes"), changes);
        out.append(entry);
    }
    return out;
}

void ConsoleView::spanDetails(QTreeView *tree)
{
    // What a step changed or said reads across the whole row, not cut at the scope column.
    tree->expandAll();
    const QAbstractItemModel *model = tree->model();
    for (int section = 0; section < model->rowCount(); ++section) {
        const QModelIndex sectionIndex = model->index(section, 0);
        for (int step = 0; step < model->rowCount(sectionIndex); ++step) {
            const QModelIndex stepIndex = model->index(step, 0, sectionIndex);
            for (int detail = 0; detail < model->rowCount(stepIndex); ++detail)
                tree->setFirstColumnSpanned(detail, stepIndex, true);
        }
    }
}

void ConsoleView::updateComparison()
{
    std::optional<CallRecord> previous;
    if (m_compareCheck->isChecked() && m_current)
        previous = m_history->previousRun(*m_current);
    const bool comparing = previous && !previous->trace.isEmpty();
    // Both runs as shown (revealed or not), so revealing never makes steps differ.
    const QJsonArray previousTrace = comparing ? shownTrace(previous->trace) : QJsonArray();
    m_previousModel->setTrace(previousTrace);
    m_traceModel->compareWith(previousTrace);
    m_previousModel->compareWith(comparing ? m_traceModel->trace() : QJsonArray());
    m_previousTree->setVisible(comparing);
    // Side by side there is no room for the timelines: the comparison is about which steps differ.
    m_traceTree->setColumnHidden(TraceModel::TimelineColumn, comparing);
    m_previousTree->setColumnHidden(TraceModel::TimelineColumn, comparing);
    if (!m_compareCheck->isChecked())
        m_compareNote->clear();
    else if (!comparing)
        m_compareNote->setText(tr("This request was not sent before with a trace: send it again after an edit to "
                                  "see what changed."));
    else {
        const int differences = m_traceModel->differenceCount();
        const QString when = previous->at.date() == QDate::currentDate()
                                 ? QLocale().toString(previous->at.time(), QLocale::LongFormat)
                                 : QLocale().toString(previous->at, QLocale::ShortFormat);
        m_compareNote->setText(
            differences == 0 ? tr("Left: this run; right: the run at %1. Same steps.").arg(when)
            : differences == 1
                ? tr("Left: this run; right: the run at %1. 1 step differs.").arg(when)
                : tr("Left: this run; right: the run at %1. %2 steps differ.").arg(when).arg(differences));
    }
    spanDetails(m_traceTree);
    if (!comparing)
        return;
    spanDetails(m_previousTree);
    // The first difference in view: it is what the comparison is for.
    const QAbstractItemModel *model = m_traceModel;
    for (int section = 0; section < model->rowCount(); ++section) {
        const QModelIndex parent = model->index(section, 0);
        for (int row = 0; row < model->rowCount(parent); ++row)
            if (const QModelIndex step = model->index(row, 0, parent); step.data(TraceModel::DifferentRole).toBool()) {
                m_traceTree->scrollTo(step, QAbstractItemView::PositionAtTop);
                return;
            }
    }
}

// --- history ---------------------------------------------------------------------------------------------------

void ConsoleView::loadRequest(const QJsonObject &request)
{
    const QString api = request.value(QStringLiteral("api")).toString();
    const int apiIndex = m_apiCombo->findData(api);
    m_apiCombo->setCurrentIndex(apiIndex < 0 ? 0 : apiIndex);
    if (apiIndex <= 0)
        m_urlEdit->setText(request.value(QStringLiteral("typedUrl")).toString());
    const int operationIndex = m_operationCombo->findData(request.value(QStringLiteral("operation")).toString());
    if (operationIndex >= 0)
        m_operationCombo->setCurrentIndex(operationIndex);
    m_methodCombo->setCurrentText(request.value(QStringLiteral("method")).toString());
    const QJsonObject templateValues = request.value(QStringLiteral("templateParameters")).toObject();
    for (const auto &[name, field] : m_templateFields)
        field->setText(templateValues.value(name).toString());
    m_queryModel->setPairs(pairsFrom(request.value(QStringLiteral("query")).toArray()));
    m_headersModel->setPairs(pairsFrom(request.value(QStringLiteral("headers")).toArray()));
    selectSubscription(request.value(QStringLiteral("subscription")).toString());
    m_keyPlacementCombo->setCurrentIndex(request.value(QStringLiteral("keyInQuery")).toBool() ? 1 : 0);
    m_bodyEdit->setPlainText(request.value(QStringLiteral("body")).toString());
    m_formModel->setPairs(pairsFrom(request.value(QStringLiteral("form")).toArray()));
    QList<KeyValueModel::Entry> parts;
    for (const QJsonValue &value : request.value(QStringLiteral("multipart")).toArray()) {
        const QJsonArray part = value.toArray();
        parts.append({part.at(0).toString(), part.at(1).toString(), part.at(2).toBool()});
    }
    m_multipartModel->setEntries(parts);
    // Calls saved before body modes existed sent their body raw.
    m_bodyModeCombo->setCurrentIndex(request.value(QStringLiteral("bodyMode")).toInt(RawBody));
    if (request.contains(QStringLiteral("environment")))
        selectEnvironment(request.value(QStringLiteral("environment")).toString());
    updatePreview();
}

void ConsoleView::rerun()
{
    const QModelIndex current = m_historyList->currentIndex();
    if (!current.isValid() || isBusy())
        return;
    if (auto record = m_history->load(current.data(CallHistory::IdRole).toLongLong())) {
        loadRequest(record->request);
        send();
    }
}

QString ConsoleView::curlCommand(bool reveal) const
{
    const Built built = build();
    QStringList parts{QStringLiteral("curl")};
    if (built.method != QLatin1String("GET") || (!built.body.isEmpty() && built.bodyMode != MultipartBody))
        parts << QStringLiteral("-X") << built.method;
    parts << shellQuote(reveal ? built.url.toString(QUrl::FullyEncoded) : built.shownUrl);
    const bool multipart = built.bodyMode == MultipartBody;
    for (const auto &[name, value] : reveal ? built.headers : built.shownHeaders) {
        // curl makes a multipart body's Content-Type itself, with its own boundary.
        if (multipart && name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0)
            continue;
        parts << QStringLiteral("-H") << shellQuote(name + QStringLiteral(": ") + value);
    }
    if (multipart) {
        for (const KeyValueModel::Entry &part : reveal ? built.parts : built.shownParts)
            parts << QStringLiteral("-F")
                  << shellQuote(part.name + QLatin1Char('=') + (part.file ? QStringLiteral("@") : QString()) +
                                part.value);
    } else if (!built.body.isEmpty()) {
        parts << QStringLiteral("--data-raw") << shellQuote(reveal ? QString::fromUtf8(built.body) : built.shownBody);
    }
    return parts.join(QLatin1Char(' '));
}

void ConsoleView::copyCurl(bool reveal)
{
    QApplication::clipboard()->setText(curlCommand(reveal));
    m_historyNote->setText(reveal ? tr("Copied with the subscription key and secret values: paste it with care.")
                                  : tr("Copied; the subscription key and secret values are masked."));
    m_historyNote->show();
}

// --- body ------------------------------------------------------------------------------------------------------

QWidget *ConsoleView::buildBodyPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("bodyPage"));
    m_bodyModeCombo = new QComboBox;
    m_bodyModeCombo->setObjectName(QStringLiteral("bodyModeCombo"));
    m_bodyModeCombo->setAccessibleName(tr("Body kind"));
    m_bodyModeCombo->addItem(tr("None"));
    m_bodyModeCombo->addItem(tr("Raw (JSON, XML, text)"));
    m_bodyModeCombo->addItem(tr("Form (x-www-form-urlencoded)"));
    m_bodyModeCombo->addItem(tr("Multipart (form-data)"));
    m_bodyModeCombo->setCurrentIndex(RawBody);
    auto *modeLabel = new QLabel(tr("Body &kind:"));
    modeLabel->setBuddy(m_bodyModeCombo);

    m_bodyEdit = new QPlainTextEdit;
    m_bodyEdit->setObjectName(QStringLiteral("bodyEdit"));
    m_bodyEdit->setAccessibleName(tr("Request body"));
    m_bodyEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_bodyEdit->setPlaceholderText(tr("The request body, sent as it is typed ({{name}} stands for an environment's "
                                      "variable). \"From Example\" fills the operation's example."));
    m_bodyEdit->setTabChangesFocus(true);
    m_bodyHighlighter = new BodyHighlighter(m_bodyEdit->document());
    connect(m_bodyEdit, &QPlainTextEdit::textChanged, this, &ConsoleView::updateBodyHighlighting);
    m_formatButton = new QPushButton(tr("Format"));
    m_formatButton->setObjectName(QStringLiteral("formatBodyButton"));
    m_formatButton->setAccessibleName(tr("Format the body (JSON or XML)"));
    m_formatButton->setToolTip(tr("Indent the JSON or XML body"));
    connect(m_formatButton, &QPushButton::clicked, this, &ConsoleView::formatBody);
    m_exampleButton = new QPushButton(tr("From E&xample"));
    m_exampleButton->setObjectName(QStringLiteral("exampleButton"));
    m_exampleButton->setAccessibleName(tr("Fill the body from the operation's example"));
    connect(m_exampleButton, &QPushButton::clicked, this, &ConsoleView::fillExample);
    m_bodyNote = note(QStringLiteral("bodyNote"));
    auto *rawPage = new QWidget;
    auto *rawButtons = new QHBoxLayout;
    rawButtons->addWidget(m_formatButton);
    rawButtons->addWidget(m_exampleButton);
    rawButtons->addWidget(m_bodyNote, 1);
    auto *rawLayout = new QVBoxLayout(rawPage);
    rawLayout->setContentsMargins(0, 0, 0, 0);
    rawLayout->addWidget(m_bodyEdit, 1);
    rawLayout->addLayout(rawButtons);

    auto *nonePage = new QLabel(tr("The request is sent without a body."));
    nonePage->setObjectName(QStringLiteral("noBodyLabel"));
    nonePage->setAlignment(Qt::AlignCenter);
    nonePage->setForegroundRole(QPalette::PlaceholderText);

    m_formTable = pairsTable(m_formModel, QStringLiteral("formTable"), tr("Form fields"));
    m_formModel->setHeaderTitles(tr("Field"), tr("Value"));
    auto *formPage = new QWidget;
    auto *formLayout = new QVBoxLayout(formPage);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addWidget(m_formTable, 1);
    auto *formNote = note(QStringLiteral("formNote"));
    formNote->setText(tr("Sent as application/x-www-form-urlencoded, each field percent-encoded."));
    formLayout->addWidget(formNote);

    m_multipartTable = pairsTable(m_multipartModel, QStringLiteral("multipartTable"), tr("Multipart parts"));
    m_multipartModel->setHeaderTitles(tr("Part"), tr("Text or file"));
    m_addFileButton = new QPushButton(tr("Add File…"));
    m_addFileButton->setObjectName(QStringLiteral("addFilePartButton"));
    m_addFileButton->setAccessibleName(tr("Add a file part"));
    connect(m_addFileButton, &QPushButton::clicked, this, &ConsoleView::addMultipartFile);
    auto *multipartNote = note(QStringLiteral("multipartNote"));
    multipartNote->setText(tr("Sent as multipart/form-data; type text parts in the table, add files with the button."));
    auto *multipartButtons = new QHBoxLayout;
    multipartButtons->addWidget(m_addFileButton);
    multipartButtons->addWidget(multipartNote, 1);
    auto *multipartPage = new QWidget;
    auto *multipartLayout = new QVBoxLayout(multipartPage);
    multipartLayout->setContentsMargins(0, 0, 0, 0);
    multipartLayout->addWidget(m_multipartTable, 1);
    multipartLayout->addLayout(multipartButtons);

    m_bodyStack = new QStackedWidget;
    m_bodyStack->setObjectName(QStringLiteral("bodyStack"));
    m_bodyStack->addWidget(nonePage);
    m_bodyStack->addWidget(rawPage);
    m_bodyStack->addWidget(formPage);
    m_bodyStack->addWidget(multipartPage);
    m_bodyStack->setCurrentIndex(RawBody);
    connect(m_bodyModeCombo, &QComboBox::currentIndexChanged, this, &ConsoleView::bodyModeChosen);

    auto *modeRow = new QHBoxLayout;
    modeRow->addWidget(modeLabel);
    modeRow->addWidget(m_bodyModeCombo);
    modeRow->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(modeRow);
    layout->addWidget(m_bodyStack, 1);
    return page;
}

void ConsoleView::bodyModeChosen()
{
    m_bodyStack->setCurrentIndex(std::max(0, m_bodyModeCombo->currentIndex()));
    updatePreview();
}

void ConsoleView::addMultipartFile()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Add Files to the Body"));
    for (const QString &file : files)
        m_multipartModel->addFile(QFileInfo(file).completeBaseName(), file);
}

void ConsoleView::updateBodyHighlighting()
{
    if (!m_bodyHighlighter)
        return;
    QString contentType;
    for (const auto &[name, value] : m_headersModel->pairs())
        if (name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0)
            contentType = value;
    const QByteArray body = m_bodyEdit->toPlainText().left(256).toUtf8();
    BodyKind kind = bodyKind(body);
    if (kind == BodyKind::Text)
        kind = bodyKind(body, contentType);
    m_bodyHighlighter->setKind(kind);
}

// --- TLS -------------------------------------------------------------------------------------------------------

void ConsoleView::trustCertificate()
{
    if (m_untrusted.isNull() || isBusy())
        return;
    TrustedCertificates::session().trust(m_untrusted, m_untrustedErrors);
    m_untrusted.clear();
    m_untrustedErrors.clear();
    m_untrustedCall = 0;
    m_trustButton->hide();
    send();
}

// --- subscription key ------------------------------------------------------------------------------------------

void ConsoleView::updateKeyField()
{
    const QString subscription = m_subscriptionCombo->currentData().toString();
    const QString key = subscription.isEmpty()
                            ? QString()
                            : entities::LocalSecrets::of(m_document).primaryKeyOf(subscription).value_or(QString());
    m_keyEdit->setText(key);
    m_keyEdit->setCursorPosition(0);
    m_keyEdit->setPlaceholderText(subscription.isEmpty() ? tr("no key sent") : tr("no key"));
    m_keyEdit->setEnabled(!key.isEmpty());
    m_revealKeyButton->setEnabled(!key.isEmpty());
    if (key.isEmpty())
        m_revealKeyButton->setChecked(false);
}

// --- collections -----------------------------------------------------------------------------------------------

void ConsoleView::showSaveForm()
{
    m_sideTabs->setCurrentWidget(m_collectionsPane);
    const gw::model::Operation *operation = currentOperation();
    QString name = operation ? fromStd(operation->displayName) : QString();
    if (name.isEmpty())
        name = m_methodCombo->currentText() + QLatin1Char(' ') + QUrl(build().shownUrl).path();
    m_collectionsPane->offerSave(name);
}

bool ConsoleView::saveRequest(const QString &collection, const QString &name)
{
    // What the history keeps of a call: the builder's fields, the subscription by name, never its key.
    return m_collections->save(collection, name, requestJson(build()));
}

bool ConsoleView::openSavedRequest(const QString &collection, const QString &name)
{
    const auto request = m_collections->request(m_collections->find(collection, name));
    if (!request)
        return false;
    loadRequest(*request);
    return true;
}

// --- environments ----------------------------------------------------------------------------------------------

void ConsoleView::refreshEnvironments()
{
    if (!m_environmentCombo)
        return;
    const QString previous = m_environmentCombo->currentData().toString();
    {
        const QSignalBlocker blocker(m_environmentCombo);
        m_environmentCombo->clear();
        m_environmentCombo->addItem(tr("No environment"), QString());
        for (const QString &name : m_environments->names())
            m_environmentCombo->addItem(name, name);
        const int index = m_environmentCombo->findData(previous);
        m_environmentCombo->setCurrentIndex(index < 0 ? 0 : index);
    }
    environmentPicked();
}

void ConsoleView::environmentPicked()
{
    // Read once per change of environment or variables, not per keystroke: the preview builds the request often.
    m_substitution = m_environments->substitution(m_environmentCombo->currentData().toString());
    updatePreview();
}

void ConsoleView::selectEnvironment(const QString &name)
{
    const int index = m_environmentCombo->findData(name);
    m_environmentCombo->setCurrentIndex(index < 0 ? 0 : index);
}

ConsoleView *showConsole(QTabWidget &tabs, workspace::WorkspaceDocument &document, engine::EmbeddedGateway *gateway)
{
    const QString key = QStringLiteral("console");
    for (int i = 0; i < tabs.count(); ++i)
        if (tabs.widget(i)->property("itemKey").toString() == key) {
            tabs.setCurrentIndex(i);
            return qobject_cast<ConsoleView *>(tabs.widget(i));
        }
    auto *view = new ConsoleView(document, gateway);
    view->setProperty("itemKey", key);
    tabs.setCurrentIndex(tabs.addTab(view, ConsoleView::tr("Test Console")));
    return view;
}

} // namespace gh::console
