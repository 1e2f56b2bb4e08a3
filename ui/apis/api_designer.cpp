#include "api_designer.h"

#include "api_edits.h"
#include "highlighters.h"
#include "import_dialog.h"
#include "operations_model.h"
#include "parameters_model.h"
#include "url_template.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace gh::apis {

namespace model = gw::model;
using Json = nlohmann::ordered_json;

namespace {

std::function<void(const QString &)> &apiOpener()
{
    static std::function<void(const QString &)> opener;
    return opener;
}

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

QString q(const std::optional<std::string> &text)
{
    return text ? QString::fromStdString(*text) : QString();
}

std::optional<std::string> optional(const QString &text)
{
    return text.isEmpty() ? std::nullopt : std::optional(text.toStdString());
}

void setText(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text)
        edit->setText(text);
}

void setText(QPlainTextEdit *edit, const QString &text)
{
    if (edit->toPlainText() != text)
        edit->setPlainText(text);
}

void setMessage(QLabel *label, const QString &message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

QLabel *makeMessage(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setProperty("role", QStringLiteral("error"));
    label->setVisible(false);
    return label;
}

template<class W>
W *named(W *widget, const QString &objectName, const QString &accessibleName)
{
    widget->setObjectName(objectName);
    widget->setAccessibleName(accessibleName);
    return widget;
}

bool isJsonType(const std::string &contentType)
{
    return contentType.empty() || contentType.find("json") != std::string::npos;
}

// JSON text for an editor; "" for null. A string example of a non-JSON type shows as it is.
QString jsonText(const Json &value, bool raw)
{
    if (value.is_null())
        return {};
    if (raw && value.is_string())
        return q(value.get<std::string>());
    return q(value.dump(2));
}

struct Parsed {
    Json value;
    QString error; // "Line 3, column 7: ..."
};

Parsed parseJson(const QString &text)
{
    if (text.trimmed().isEmpty())
        return {};
    const std::string utf8 = text.toStdString();
    try {
        return {Json::parse(utf8), {}};
    } catch (const nlohmann::json::parse_error &error) {
        // byte is one past the offending character.
        const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
        int line = 1;
        std::size_t lineStart = 0;
        for (std::size_t i = 0; i < offset && i < utf8.size(); ++i)
            if (utf8[i] == '\n') {
                ++line;
                lineStart = i + 1;
            }
        const int column =
            static_cast<int>(QString::fromUtf8(utf8.data() + lineStart,
                                               static_cast<qsizetype>(std::min(offset, utf8.size()) - lineStart))
                                 .size()) +
            1;
        QString message = QString::fromUtf8(error.what());
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value -
        // invalid literal; last read: 'x'": keep what follows the location.
        const qsizetype colon = message.indexOf(QStringLiteral(": "), message.indexOf(QStringLiteral("column")));
        if (colon >= 0)
            message = message.mid(colon + 2);
        return {Json(), ApiDesigner::tr("Line %1, column %2: %3").arg(line).arg(column).arg(message)};
    }
}

// A row of the operations list: a coloured method badge, the URL template, and the display name below.
class OperationDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return {200, option.fontMetrics.height() * 2 + 14};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem base = option;
        initStyleOption(&base, index);
        base.text.clear();
        QStyle *style = option.widget ? option.widget->style() : nullptr;
        if (style)
            style->drawControl(QStyle::CE_ItemViewItem, &base, painter, option.widget);
        painter->save();
        const QRect r = option.rect.adjusted(8, 6, -8, -6);
        const int lineHeight = option.fontMetrics.height();
        QFont bold = option.font;
        bold.setBold(true);
        if (option.font.pointSizeF() > 0)
            bold.setPointSizeF(option.font.pointSizeF() * 0.85);
        const QFontMetrics boldMetrics(bold);
        const QString method = index.data(OperationsModel::MethodRole).toString();
        const int badgeWidth = std::max(boldMetrics.horizontalAdvance(QStringLiteral("DELETE")) + 10, 56);
        const QRect badge(r.left(), r.top() + 1, badgeWidth, lineHeight);
        QColor colour = index.data(OperationsModel::MethodColourRole).value<QColor>();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawRoundedRect(badge, 4, 4);
        painter->setPen(Qt::white);
        painter->setFont(bold);
        painter->drawText(badge, Qt::AlignCenter, method);

        const bool selected = option.state & QStyle::State_Selected;
        const QPalette::ColorGroup group = option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
        const QColor text = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        if (option.font.pointSizeF() > 0)
            mono.setPointSizeF(option.font.pointSizeF());
        painter->setFont(mono);
        painter->setPen(text);
        const QRect urlRect(badge.right() + 8, r.top(), r.right() - badge.right() - 8, lineHeight + 2);
        painter->drawText(urlRect, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(mono).elidedText(index.data(OperationsModel::UrlTemplateRole).toString(),
                                                        Qt::ElideMiddle, urlRect.width()));
        painter->setFont(option.font);
        QColor dim = text;
        dim.setAlphaF(selected ? 0.85f : 0.65f);
        painter->setPen(dim);
        const QRect nameRect(urlRect.left(), r.top() + lineHeight + 2, urlRect.width(), lineHeight + 2);
        painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                          option.fontMetrics.elidedText(index.data(OperationsModel::DisplayNameRole).toString(),
                                                        Qt::ElideRight, nameRect.width()));
        painter->restore();
    }
};

const char *const kMethods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"};
const char *const kContentTypes[] = {"application/json", "application/xml", "text/plain",
                                     "application/x-www-form-urlencoded", "multipart/form-data"};

} // namespace

void ApiDesigner::setApiOpener(std::function<void(const QString &)> opener)
{
    apiOpener() = std::move(opener);
}

ApiDesigner::ApiDesigner(workspace::WorkspaceDocument &document, const QString &apiName, QWidget *parent)
    : QWidget(parent), m_document(document), m_apiName(apiName), m_operations(new OperationsModel(this)),
      m_parameters(new ParametersModel(this))
{
    setObjectName(QStringLiteral("apiDesigner"));
    setAccessibleName(tr("API designer"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    setupActions();
    setupHeader();

    m_pages = new QStackedWidget;
    m_tabs = named(new QTabWidget, QStringLiteral("designerTabs"), tr("Designer sections"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(setupSettings(), tr("&Settings"));
    m_tabs->addTab(setupOperations(), tr("&Operations"));
    m_tabs->addTab(setupSpecification(), tr("Open&API"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 2)
            updateSpecification();
    });
    m_pages->addWidget(m_tabs);
    auto *gone = new QLabel(tr("<h3>This API is no longer in the workspace</h3><p>It was deleted, or another "
                               "revision was made current. Undo (Ctrl+Z) brings it back.</p>"));
    gone->setObjectName(QStringLiteral("apiGoneNotice"));
    gone->setAlignment(Qt::AlignCenter);
    gone->setWordWrap(true);
    m_pages->addWidget(gone);
    layout->addWidget(m_pages, 1);

    connect(&m_document, &workspace::WorkspaceDocument::entityChanged, this, &ApiDesigner::onEntityChanged);
    connect(&m_document, &workspace::WorkspaceDocument::workspaceOpened, this, &ApiDesigner::refresh);
    applyColours();
    refresh();
    if (m_operations->rowCount() > 0)
        selectOperation(m_operations->data(m_operations->index(0), OperationsModel::NameRole).toString());
    m_tabs->setCurrentIndex(0);
    // Once the shell has put the designer in its tab.
    QTimer::singleShot(0, this, &ApiDesigner::updateTabTitle);
}

ApiDesigner::~ApiDesigner()
{
    // Children are deleted after this designer's members: one that signals on its way out (an editable combo box
    // commits its text when it loses the focus) must not reach a half-destroyed designer.
    for (QObject *child : findChildren<QObject *>())
        disconnect(child, nullptr, this, nullptr);
}

void ApiDesigner::setupActions()
{
    auto make = [this](const QString &text, const QKeySequence &keys, const char *name, const QString &icon) {
        auto *action = new QAction(QIcon::fromTheme(icon), text, this);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(keys);
        action->setToolTip(keys.isEmpty() ? text
                                          : tr("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')),
                                                              keys.toString(QKeySequence::NativeText)));
        return action;
    };
    m_addAction =
        make(tr("&Add Operation"), QKeySequence(Qt::Key_Insert), "addOperationAction", QStringLiteral("list-add"));
    m_duplicateAction = make(tr("D&uplicate Operation"), QKeySequence(Qt::CTRL | Qt::Key_D), "duplicateOperationAction",
                             QStringLiteral("edit-copy"));
    m_deleteAction = make(tr("&Delete Operation"), QKeySequence(QKeySequence::Delete), "deleteOperationAction",
                          QStringLiteral("list-remove"));
    m_moveUpAction =
        make(tr("Move &Up"), QKeySequence(Qt::ALT | Qt::Key_Up), "moveOperationUpAction", QStringLiteral("go-up"));
    m_moveDownAction = make(tr("Move Do&wn"), QKeySequence(Qt::ALT | Qt::Key_Down), "moveOperationDownAction",
                            QStringLiteral("go-down"));
    // No shortcut of its own: File > Import OpenAPI (Ctrl+Alt+I) imports into the API of the current designer.
    m_importAction =
        make(tr("&Import OpenAPI…"), QKeySequence(), "importOpenApiAction", QStringLiteral("document-import"));
    // File > Export OpenAPI (Ctrl+Alt+E) exports the API of the designer in front.
    m_exportAction =
        make(tr("&Export OpenAPI…"), QKeySequence(), "exportOpenApiAction", QStringLiteral("document-export"));
    // The list's toolbar shows these short names.
    m_addAction->setIconText(tr("Add"));
    m_duplicateAction->setIconText(tr("Duplicate"));
    m_deleteAction->setIconText(tr("Delete"));
    m_moveUpAction->setIconText(tr("Up"));
    m_moveDownAction->setIconText(tr("Down"));
    connect(m_addAction, &QAction::triggered, this, &ApiDesigner::addOperation);
    connect(m_duplicateAction, &QAction::triggered, this, &ApiDesigner::duplicateOperation);
    connect(m_deleteAction, &QAction::triggered, this, &ApiDesigner::deleteOperation);
    connect(m_moveUpAction, &QAction::triggered, this, [this] { moveOperation(-1); });
    connect(m_moveDownAction, &QAction::triggered, this, [this] { moveOperation(1); });
    connect(m_importAction, &QAction::triggered, this, [this] {
        const QString target = importOpenApi(this, m_document, m_apiName);
        if (!target.isEmpty() && target != m_apiName && apiOpener())
            apiOpener()(target);
    });
    connect(m_exportAction, &QAction::triggered, this, [this] {
        if (const model::Api *a = api())
            exportOpenApi(this, *a);
    });
    for (QAction *action : {m_importAction, m_exportAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
}

void ApiDesigner::setupHeader()
{
    auto *header = new QWidget;
    header->setObjectName(QStringLiteral("designerHeader"));
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(16, 12, 12, 8);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    m_title = named(new QLabel, QStringLiteral("designerTitle"), tr("API title"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = named(new QLabel, QStringLiteral("designerSubtitle"), tr("API summary"));
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    layout->addLayout(titles, 1);
    for (QAction *action : {m_importAction, m_exportAction}) {
        auto *button = new QToolButton;
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setObjectName(action->objectName().replace(QStringLiteral("Action"), QStringLiteral("Button")));
        button->setAccessibleName(QString(action->text()).remove(QLatin1Char('&')));
        layout->addWidget(button, 0, Qt::AlignTop);
    }
    static_cast<QVBoxLayout *>(this->layout())->addWidget(header);
}

QWidget *ApiDesigner::setupSettings()
{
    auto *page = new QWidget;
    auto *columns = new QHBoxLayout(page);
    columns->setContentsMargins(16, 12, 16, 16);
    columns->setSpacing(24);

    auto *general = new QGroupBox(tr("General"));
    auto *form = new QFormLayout(general);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_sharedNotice = new QLabel;
    m_sharedNotice->setObjectName(QStringLiteral("sharedSettingsNotice"));
    m_sharedNotice->setWordWrap(true);
    m_sharedNotice->setVisible(false);
    form->addRow(m_sharedNotice);

    m_displayName = named(new QLineEdit, QStringLiteral("displayNameEdit"), tr("Display name"));
    m_displayName->setPlaceholderText(tr("Shown in the developer portal, e.g. Orders API"));
    connect(m_displayName, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(tr("Change Display Name"), QStringLiteral("displayName"), [&](model::Api &a) {
            // The specification's title follows the display name unless it was set apart from it.
            if (a.contract.title.empty() || a.contract.title == a.displayName.value_or(std::string()))
                a.contract.title = text.toStdString();
            a.displayName = text.toStdString();
        });
    });
    form->addRow(new QLabel(tr("&Display name:")), m_displayName);
    qobject_cast<QLabel *>(form->labelForField(m_displayName))->setBuddy(m_displayName);

    m_name = named(new QLineEdit, QStringLiteral("nameEdit"), tr("Name"));
    m_name->setReadOnly(true);
    m_name->setToolTip(tr("The ARM name (the folder under apis/). Renaming an existing API is a delete and a "
                          "create in API Management, so it is not offered here."));
    auto *nameLabel = new QLabel(tr("&Name:"));
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, m_name);

    m_path = named(new QLineEdit, QStringLiteral("pathEdit"), tr("API URL suffix"));
    m_path->setPlaceholderText(tr("e.g. orders"));
    connect(m_path, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(tr("Change Path"), QStringLiteral("path"), [&](model::Api &a) { a.path = text.toStdString(); });
        checkPath();
    });
    m_pathMessage = makeMessage(QStringLiteral("pathMessage"));
    auto *pathBox = new QVBoxLayout;
    pathBox->setSpacing(2);
    pathBox->addWidget(m_path);
    pathBox->addWidget(m_pathMessage);
    auto *pathLabel = new QLabel(tr("URL &suffix:"));
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathBox);

    m_http = named(new QCheckBox(tr("HTT&P")), QStringLiteral("httpCheck"), tr("HTTP"));
    m_https = named(new QCheckBox(tr("HTTP&S")), QStringLiteral("httpsCheck"), tr("HTTPS"));
    m_protocolsMessage = makeMessage(QStringLiteral("protocolsMessage"));
    auto protocolsEdited = [this] {
        edit(tr("Change Protocols"), QString(), [&](model::Api &a) {
            std::vector<std::string> protocols;
            // Keep the protocols the form does not show (ws, wss).
            for (const std::string &p : a.protocols.value_or(std::vector<std::string>{}))
                if (p != "http" && p != "https")
                    protocols.push_back(p);
            if (m_http->isChecked())
                protocols.insert(protocols.begin(), "http");
            if (m_https->isChecked())
                protocols.insert(protocols.begin() + (m_http->isChecked() ? 1 : 0), "https");
            a.protocols = protocols;
        });
    };
    connect(m_http, &QCheckBox::clicked, this, protocolsEdited);
    connect(m_https, &QCheckBox::clicked, this, protocolsEdited);
    auto *protocols = new QHBoxLayout;
    protocols->addWidget(m_http);
    protocols->addWidget(m_https);
    protocols->addStretch();
    auto *protocolsBox = new QVBoxLayout;
    protocolsBox->addLayout(protocols);
    protocolsBox->addWidget(m_protocolsMessage);
    form->addRow(tr("Protocols:"), protocolsBox);

    m_serviceUrl = named(new QLineEdit, QStringLiteral("serviceUrlEdit"), tr("Web service URL"));
    m_serviceUrl->setPlaceholderText(tr("https://backend.example.com/orders"));
    m_serviceUrlMessage = makeMessage(QStringLiteral("serviceUrlMessage"));
    connect(m_serviceUrl, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(tr("Change Service URL"), QStringLiteral("serviceUrl"),
             [&](model::Api &a) { a.serviceUrl = optional(text.trimmed()); });
    });
    auto *urlBox = new QVBoxLayout;
    urlBox->setSpacing(2);
    urlBox->addWidget(m_serviceUrl);
    urlBox->addWidget(m_serviceUrlMessage);
    auto *urlLabel = new QLabel(tr("&Web service URL:"));
    urlLabel->setBuddy(m_serviceUrl);
    form->addRow(urlLabel, urlBox);

    m_description = named(new QPlainTextEdit, QStringLiteral("descriptionEdit"), tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("What the API offers (may contain HTML)"));
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 5 + 12);
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        if (m_refreshing)
            return;
        const QString text = m_description->toPlainText();
        if (const model::Api *a = api(); !a || q(a->description) == text)
            return; // highlighting or a refresh, not typing
        edit(tr("Change Description"), QStringLiteral("description"),
             [&](model::Api &a) { a.description = optional(text); });
    });
    auto *descriptionLabel = new QLabel(tr("D&escription:"));
    descriptionLabel->setBuddy(m_description);
    form->addRow(descriptionLabel, m_description);
    // The API's policy opens in the shell's policy editor.
    auto *editPolicy =
        named(new QPushButton(tr("Edit Po&licy…")), QStringLiteral("editApiPolicyButton"), tr("Edit the API's policy"));
    editPolicy->setToolTip(tr("Opens the policy every operation of this API runs (policy.xml)"));
    connect(editPolicy, &QPushButton::clicked, this, [this] { emit policyRequested(m_apiName, QString()); });
    auto *policyRow = new QHBoxLayout;
    policyRow->addWidget(editPolicy);
    policyRow->addStretch();
    form->addRow(tr("Policy:"), policyRow);

    auto *left = new QVBoxLayout;
    left->addWidget(general);

    auto *access = new QGroupBox(tr("Subscription and versions"));
    auto *accessForm = new QFormLayout(access);
    accessForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_subscriptionRequired = named(new QCheckBox(tr("Su&bscription required")),
                                   QStringLiteral("subscriptionRequiredCheck"), tr("Subscription required"));
    connect(m_subscriptionRequired, &QCheckBox::clicked, this, [this](bool on) {
        edit(tr("Change Subscription Required"), QString(), [&](model::Api &a) { a.subscriptionRequired = on; });
    });
    accessForm->addRow(QString(), m_subscriptionRequired);
    m_keyHeader = named(new QLineEdit, QStringLiteral("keyHeaderEdit"), tr("Subscription key header name"));
    m_keyHeader->setPlaceholderText(QStringLiteral("Ocp-Apim-Subscription-Key"));
    connect(m_keyHeader, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(tr("Change Key Header"), QStringLiteral("keyHeader"),
             [&](model::Api &a) { a.subscriptionKeyHeader = optional(text.trimmed()); });
    });
    auto *headerLabel = new QLabel(tr("Key &header name:"));
    headerLabel->setBuddy(m_keyHeader);
    accessForm->addRow(headerLabel, m_keyHeader);
    m_keyQuery = named(new QLineEdit, QStringLiteral("keyQueryEdit"), tr("Subscription key query parameter name"));
    m_keyQuery->setPlaceholderText(QStringLiteral("subscription-key"));
    connect(m_keyQuery, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(tr("Change Key Query Parameter"), QStringLiteral("keyQuery"),
             [&](model::Api &a) { a.subscriptionKeyQuery = optional(text.trimmed()); });
    });
    auto *queryLabel = new QLabel(tr("Key &query parameter:"));
    queryLabel->setBuddy(m_keyQuery);
    accessForm->addRow(queryLabel, m_keyQuery);

    m_versionSet = named(new QComboBox, QStringLiteral("versionSetCombo"), tr("Version set"));
    connect(m_versionSet, &QComboBox::activated, this, [this](int index) {
        const QString set = m_versionSet->itemData(index).toString();
        edit(tr("Change Version Set"), QString(), [&](model::Api &a) {
            a.apiVersionSetId = set.isEmpty() ? std::nullopt : std::optional("/apiVersionSets/" + set.toStdString());
            a.apiVersionSet = nullptr; // the inline copy would name the old set
        });
        checkPath();
    });
    auto *setLabel = new QLabel(tr("Version se&t:"));
    setLabel->setBuddy(m_versionSet);
    accessForm->addRow(setLabel, m_versionSet);
    m_version = named(new QLineEdit, QStringLiteral("versionEdit"), tr("Version"));
    m_version->setPlaceholderText(tr("e.g. v2 (empty for the original version)"));
    connect(m_version, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(tr("Change Version"), QStringLiteral("apiVersion"),
             [&](model::Api &a) { a.apiVersion = optional(text.trimmed()); });
        checkPath();
    });
    auto *versionLabel = new QLabel(tr("&Version:"));
    versionLabel->setBuddy(m_version);
    accessForm->addRow(versionLabel, m_version);
    left->addStretch();
    auto *right = new QVBoxLayout;
    right->addWidget(access);

    auto *revisions = new QGroupBox(tr("Revisions"));
    auto *revisionLayout = new QVBoxLayout(revisions);
    m_revisionsModel = new QStandardItemModel(this);
    m_revisions = named(new QListView, QStringLiteral("revisionsView"), tr("Revisions"));
    m_revisions->setModel(m_revisionsModel);
    m_revisions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_revisions->setMinimumWidth(220);
    m_revisions->setMinimumHeight(m_revisions->fontMetrics().lineSpacing() * 4);
    m_revisions->setMaximumHeight(m_revisions->fontMetrics().lineSpacing() * 8);
    connect(m_revisions, &QListView::activated, this, [this](const QModelIndex &index) {
        const QString name = index.data(Qt::UserRole).toString();
        if (name != m_apiName && apiOpener())
            apiOpener()(name);
    });
    auto *revisionHint = new QLabel(tr("Double-click a revision to open it."));
    revisionHint->setWordWrap(true);
    revisionHint->setEnabled(false);
    m_createRevision =
        named(new QPushButton(tr("Create &Revision")), QStringLiteral("createRevisionButton"), tr("Create revision"));
    m_createRevision->setToolTip(tr("Copies this API into a new, non-current revision"));
    connect(m_createRevision, &QPushButton::clicked, this, [this] {
        const std::string name = createRevision(m_document, m_apiName.toStdString());
        for (int row = 0; row < m_revisionsModel->rowCount(); ++row)
            if (m_revisionsModel->item(row)->data(Qt::UserRole).toString() == q(name))
                m_revisions->setCurrentIndex(m_revisionsModel->index(row, 0));
    });
    m_makeCurrent = named(new QPushButton(tr("&Make Current")), QStringLiteral("makeCurrentButton"),
                          tr("Make the selected revision current"));
    m_makeCurrent->setToolTip(tr("The selected revision becomes the one the gateway serves by default; path, "
                                 "protocols, display name and description stay as the current revision has them, "
                                 "since API Management shares them between revisions."));
    connect(m_makeCurrent, &QPushButton::clicked, this, [this] {
        const QString name = m_revisions->currentIndex().data(Qt::UserRole).toString();
        if (!name.isEmpty())
            makeCurrent(m_document, name.toStdString());
    });
    connect(m_revisions->selectionModel(), &QItemSelectionModel::currentChanged, this, &ApiDesigner::updateActions);
    auto *revisionButtons = new QHBoxLayout;
    revisionButtons->addWidget(m_createRevision);
    revisionButtons->addWidget(m_makeCurrent);
    revisionButtons->addStretch();
    revisionLayout->addWidget(m_revisions, 1);
    revisionLayout->addWidget(revisionHint);
    revisionLayout->addLayout(revisionButtons);

    right->addWidget(revisions);
    right->addStretch();
    columns->addLayout(left, 3);
    columns->addLayout(right, 2);

    setTabOrder(m_displayName, m_path);
    setTabOrder(m_path, m_http);
    setTabOrder(m_http, m_https);
    setTabOrder(m_https, m_serviceUrl);
    setTabOrder(m_serviceUrl, m_description);
    setTabOrder(m_description, m_subscriptionRequired);
    setTabOrder(m_subscriptionRequired, m_keyHeader);
    setTabOrder(m_keyHeader, m_keyQuery);
    setTabOrder(m_keyQuery, m_versionSet);
    setTabOrder(m_versionSet, m_version);
    setTabOrder(m_version, m_revisions);

    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("settingsPage"));
    scroll->setFocusPolicy(Qt::NoFocus); // a page, not a stop for Tab: its fields are
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    return scroll;
}

QWidget *ApiDesigner::setupOperations()
{
    auto *splitter = new QSplitter;
    splitter->setObjectName(QStringLiteral("operationsPage"));

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(8, 8, 0, 8);
    leftLayout->setSpacing(4);
    auto *toolbar = new QHBoxLayout;
    toolbar->setSpacing(2);
    for (QAction *action : {m_addAction, m_duplicateAction, m_deleteAction, m_moveUpAction, m_moveDownAction}) {
        auto *button = new QToolButton;
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        button->setObjectName(action->objectName().replace(QStringLiteral("Action"), QStringLiteral("Button")));
        button->setAccessibleName(QString(action->text()).remove(QLatin1Char('&')));
        if (action == m_addAction)
            button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        toolbar->addWidget(button);
    }
    toolbar->addStretch();
    leftLayout->addLayout(toolbar);
    m_operationList = named(new QListView, QStringLiteral("operationsView"), tr("Operations"));
    m_operationList->setModel(m_operations);
    m_operationList->setItemDelegate(new OperationDelegate(m_operationList));
    m_operationList->setUniformItemSizes(true);
    m_operationList->setMinimumWidth(260);
    leftLayout->addWidget(m_operationList, 1);
    // Delete only where it cannot mean "delete a character".
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_operationList->addAction(m_deleteAction);
    for (QAction *action : {m_addAction, m_duplicateAction, m_moveUpAction, m_moveDownAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        splitter->addAction(action);
    }
    m_operationList->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (QAction *action : {m_addAction, m_duplicateAction, m_deleteAction, m_moveUpAction, m_moveDownAction})
        m_operationList->addAction(action);
    connect(m_operationList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (m_refreshing)
                    return;
                m_operationName = current.data(OperationsModel::NameRole).toString();
                m_responseIndex = 0;
                m_requestRepresentation = 0;
                m_responseRepresentation = 0;
                refreshOperation();
                updateActions();
            });

    m_operationPages = new QStackedWidget;
    auto *empty = new QLabel;
    empty->setObjectName(QStringLiteral("operationsEmptyNotice"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setText(tr("<h3>No operation selected</h3><p>Select an operation on the left, or add one with "
                      "<b>Add Operation</b> (%1).</p>")
                       .arg(m_addAction->shortcut().toString(QKeySequence::NativeText)));
    m_operationPages->addWidget(empty);
    m_operationPages->addWidget(setupOperationForm());

    splitter->addWidget(left);
    splitter->addWidget(m_operationPages);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({340, 900});
    return splitter;
}

QWidget *ApiDesigner::setupOperationForm()
{
    auto *tabs = named(new QTabWidget, QStringLiteral("operationTabs"), tr("Operation sections"));

    // Definition
    auto *definition = new QWidget;
    auto *form = new QFormLayout(definition);
    form->setContentsMargins(16, 12, 16, 12);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_method = named(new QComboBox, QStringLiteral("methodCombo"), tr("HTTP method"));
    for (const char *method : kMethods) {
        m_method->addItem(QLatin1String(method));
        m_method->setItemData(m_method->count() - 1, OperationsModel::methodColour(QLatin1String(method)),
                              Qt::ForegroundRole);
    }
    connect(m_method, &QComboBox::activated, this, [this](int index) {
        const std::string method = m_method->itemText(index).toStdString();
        editOperation(tr("Change Method"), QString(), [&](model::Operation &o) { o.method = method; });
    });
    m_urlTemplate = named(new LineTextEdit, QStringLiteral("urlTemplateEdit"), tr("URL template"));
    m_urlTemplate->setPlaceholderText(tr("/orders/{orderId}"));
    m_urlHighlighter = new UrlTemplateHighlighter(m_urlTemplate->document());
    connect(m_urlTemplate, &QPlainTextEdit::textChanged, this, &ApiDesigner::onUrlTemplateEdited);
    m_urlMessage = makeMessage(QStringLiteral("urlTemplateMessage"));
    auto *methodRow = new QHBoxLayout;
    methodRow->addWidget(m_method);
    methodRow->addWidget(m_urlTemplate, 1);
    auto *urlBox = new QVBoxLayout;
    urlBox->setSpacing(2);
    urlBox->addLayout(methodRow);
    urlBox->addWidget(m_urlMessage);
    auto *urlLabel = new QLabel(tr("&URL:"));
    urlLabel->setBuddy(m_urlTemplate);
    form->addRow(urlLabel, urlBox);

    m_operationDisplayName = named(new QLineEdit, QStringLiteral("operationDisplayNameEdit"), tr("Display name"));
    m_operationDisplayName->setPlaceholderText(tr("e.g. Get an order"));
    connect(m_operationDisplayName, &QLineEdit::textEdited, this, [this](const QString &text) {
        editOperation(tr("Change Operation Display Name"), QStringLiteral("displayName"),
                      [&](model::Operation &o) { o.displayName = text.toStdString(); });
    });
    auto *displayLabel = new QLabel(tr("&Display name:"));
    displayLabel->setBuddy(m_operationDisplayName);
    form->addRow(displayLabel, m_operationDisplayName);

    m_operationName_ = named(new QLineEdit, QStringLiteral("operationNameEdit"), tr("Operation name"));
    m_operationName_->setToolTip(tr("The operationId, also the folder of the operation's policy"));
    m_operationNameMessage = makeMessage(QStringLiteral("operationNameMessage"));
    connect(m_operationName_, &QLineEdit::textEdited, this, [this](const QString &text) {
        const QString name = text.trimmed();
        QString problem;
        static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
        if (name.isEmpty())
            problem = tr("The name cannot be empty.");
        else if (!valid.match(name).hasMatch())
            problem = tr("Use letters, digits, \"-\", \"_\" and \".\", starting with a letter or digit.");
        else if (name != m_operationName && m_operations->rowOf(name) >= 0)
            problem = tr("Another operation is called \"%1\".").arg(name);
        setMessage(m_operationNameMessage, problem);
        if (!problem.isEmpty())
            return;
        editOperation(tr("Rename Operation"), QStringLiteral("name"),
                      [&](model::Operation &o) { o.name = name.toStdString(); });
    });
    auto *nameBox = new QVBoxLayout;
    nameBox->setSpacing(2);
    nameBox->addWidget(m_operationName_);
    nameBox->addWidget(m_operationNameMessage);
    auto *nameLabel = new QLabel(tr("&Name:"));
    nameLabel->setBuddy(m_operationName_);
    form->addRow(nameLabel, nameBox);

    m_operationDescription = named(new QPlainTextEdit, QStringLiteral("operationDescriptionEdit"), tr("Description"));
    m_operationDescription->setTabChangesFocus(true);
    m_operationDescription->setPlaceholderText(tr("What the operation does"));
    connect(m_operationDescription, &QPlainTextEdit::textChanged, this, [this] {
        if (m_refreshing)
            return;
        const std::string text = m_operationDescription->toPlainText().toStdString();
        if (const model::Operation *o = operation(); !o || o->description == text)
            return;
        editOperation(tr("Change Operation Description"), QStringLiteral("description"),
                      [&](model::Operation &o) { o.description = text; });
    });
    auto *descriptionLabel = new QLabel(tr("D&escription:"));
    descriptionLabel->setBuddy(m_operationDescription);
    form->addRow(descriptionLabel, m_operationDescription);
    auto *editOperationPolicy = named(new QPushButton(tr("Edit Po&licy…")), QStringLiteral("editOperationPolicyButton"),
                                      tr("Edit the operation's policy"));
    editOperationPolicy->setToolTip(tr("Opens the policy of this operation alone"));
    connect(editOperationPolicy, &QPushButton::clicked, this,
            [this] { emit policyRequested(m_apiName, m_operationName); });
    auto *testOperation = named(new QPushButton(tr("Test in Console")), QStringLiteral("testOperationButton"),
                                tr("Test the operation in the console"));
    testOperation->setToolTip(tr("Opens the test console with this operation chosen"));
    connect(testOperation, &QPushButton::clicked, this, [this] { emit testRequested(m_apiName, m_operationName); });
    auto *operationPolicyRow = new QHBoxLayout;
    operationPolicyRow->addWidget(editOperationPolicy);
    operationPolicyRow->addWidget(testOperation);
    operationPolicyRow->addStretch();
    form->addRow(tr("Policy:"), operationPolicyRow);
    tabs->addTab(definition, tr("Definition"));

    // Parameters
    auto *parameters = new QWidget;
    auto *parameterLayout = new QVBoxLayout(parameters);
    parameterLayout->setContentsMargins(12, 12, 12, 12);
    auto *parameterButtons = new QHBoxLayout;
    auto *addQuery = named(new QToolButton, QStringLiteral("addQueryParameterButton"), tr("Add query parameter"));
    addQuery->setText(tr("Add &Query Parameter"));
    addQuery->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    addQuery->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *addHeader = named(new QToolButton, QStringLiteral("addHeaderParameterButton"), tr("Add header"));
    addHeader->setText(tr("Add &Header"));
    addHeader->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    addHeader->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_removeParameter = named(new QToolButton, QStringLiteral("removeParameterButton"), tr("Remove parameter"));
    m_removeParameter->setText(tr("&Remove"));
    m_removeParameter->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
    m_removeParameter->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    parameterButtons->addWidget(addQuery);
    parameterButtons->addWidget(addHeader);
    parameterButtons->addWidget(m_removeParameter);
    parameterButtons->addStretch();
    auto *templateHint = new QLabel(tr("Template parameters follow the {names} in the URL template."));
    templateHint->setEnabled(false);
    parameterButtons->addWidget(templateHint);
    m_parameterView = named(new QTableView, QStringLiteral("parametersView"), tr("Parameters"));
    m_parameterView->setModel(m_parameters);
    m_parameterView->verticalHeader()->hide();
    m_parameterView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_parameterView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_parameterView->horizontalHeader()->setSectionResizeMode(ParametersModel::DescriptionColumn, QHeaderView::Stretch);
    m_parameterView->horizontalHeader()->setSectionResizeMode(ParametersModel::InColumn, QHeaderView::ResizeToContents);
    m_parameterView->setColumnWidth(ParametersModel::NameColumn, 150);
    m_parameterView->setColumnWidth(ParametersModel::TypeColumn, 90);
    m_parameterView->setColumnWidth(ParametersModel::RequiredColumn, 80);
    m_parameterView->setColumnWidth(ParametersModel::DefaultColumn, 110);
    parameterLayout->addLayout(parameterButtons);
    parameterLayout->addWidget(m_parameterView, 1);
    auto addParameter = [this](ParametersModel::In in) {
        const int row = m_parameters->addParameter(in);
        const QString name = m_parameters->data(m_parameters->index(row, ParametersModel::NameColumn)).toString();
        const QModelIndex index = m_parameters->index(row, ParametersModel::NameColumn);
        m_parameterView->setCurrentIndex(index);
        m_parameterView->edit(index);
        (void)name;
    };
    connect(addQuery, &QToolButton::clicked, this, [=] { addParameter(ParametersModel::In::Query); });
    connect(addHeader, &QToolButton::clicked, this, [=] { addParameter(ParametersModel::In::Header); });
    connect(m_removeParameter, &QToolButton::clicked, this, [this] {
        const int row = m_parameterView->currentIndex().row();
        if (row >= 0 && m_parameters->inOf(row) != ParametersModel::In::Template)
            m_parameters->removeRow(row);
    });
    connect(m_parameterView->selectionModel(), &QItemSelectionModel::currentChanged, this, &ApiDesigner::updateActions);
    connect(m_parameters, &ParametersModel::parametersEdited, this, [this] {
        editOperation(tr("Change Parameters"), QStringLiteral("parameters"),
                      [&](model::Operation &o) { m_parameters->applyTo(o); });
    });
    tabs->addTab(parameters, tr("Parameters"));

    // Request and responses: their representations (one tab each), each with a content type, schema, example.
    auto makeRepresentation = [this](bool request, QComboBox *&type, QPlainTextEdit *&schema, QPlainTextEdit *&example,
                                     QLabel *&message, QFormLayout *form) {
        const QString prefix = request ? QStringLiteral("request") : QStringLiteral("response");
        QTabBar *&tabs = request ? m_requestRepresentations : m_responseRepresentations;
        QToolButton *&remove = request ? m_removeRequestRepresentation : m_removeResponseRepresentation;
        tabs = named(new QTabBar, prefix + QStringLiteral("RepresentationTabs"),
                     request ? tr("Request representations") : tr("Response representations"));
        tabs->setDocumentMode(true);
        tabs->setExpanding(false);
        tabs->setDrawBase(false);
        tabs->setUsesScrollButtons(true);
        connect(tabs, &QTabBar::currentChanged, this, [this, request](int index) {
            int &current = request ? m_requestRepresentation : m_responseRepresentation;
            if (m_refreshing || index < 0 || index == current)
                return;
            current = index;
            refreshOperation();
        });
        auto *add =
            named(new QToolButton, prefix + QStringLiteral("AddRepresentationButton"), tr("Add representation"));
        add->setText(tr("Add Rep&resentation"));
        add->setToolTip(tr("Another content type for the same body, e.g. XML beside JSON"));
        add->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
        add->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        connect(add, &QToolButton::clicked, this, [this, request] { addRepresentation(request); });
        remove =
            named(new QToolButton, prefix + QStringLiteral("RemoveRepresentationButton"), tr("Remove representation"));
        remove->setText(tr("Remove Representation"));
        remove->setToolTip(tr("Remove the representation shown"));
        remove->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
        remove->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        connect(remove, &QToolButton::clicked, this, [this, request] { removeRepresentation(request); });
        auto *bar = new QHBoxLayout;
        bar->setSpacing(4);
        bar->addWidget(tabs, 1);
        bar->addWidget(add);
        bar->addWidget(remove);
        auto *tabsLabel = new QLabel(tr("Representations:"));
        tabsLabel->setBuddy(tabs);
        form->addRow(tabsLabel, bar);

        type = named(new QComboBox, prefix + QStringLiteral("ContentTypeCombo"), tr("Content type"));
        type->setEditable(true);
        type->setInsertPolicy(QComboBox::NoInsert);
        type->addItem(QString());
        for (const char *contentType : kContentTypes)
            type->addItem(QLatin1String(contentType));
        type->lineEdit()->setPlaceholderText(tr("none"));
        connect(type->lineEdit(), &QLineEdit::textEdited, this, [this, request](const QString &text) {
            const std::string contentType = text.trimmed().toStdString();
            QLabel *message = request ? m_requestMessage : m_responseMessage;
            // Representations are keyed by content type in the specification: two alike would become one.
            if (const model::Operation *o = operation()) {
                const model::Representation *shown = representationOf(*o, request);
                const std::vector<model::Representation> *all = nullptr;
                if (request && o->request)
                    all = &o->request->representations;
                else if (!request && m_responseIndex < static_cast<int>(o->responses.size()))
                    all = &o->responses[static_cast<std::size_t>(m_responseIndex)].representations;
                if (all && std::any_of(all->begin(), all->end(), [&](const model::Representation &r) {
                        return &r != shown && r.contentType == contentType;
                    })) {
                    setMessage(message,
                               tr("Another representation already has the content type \"%1\".").arg(text.trimmed()));
                    return;
                }
            }
            setMessage(message, QString());
            editRepresentation(request, QStringLiteral("contentType"), [&](model::Operation &o) {
                if (model::Representation *r = representationOf(o, request, true))
                    r->contentType = contentType;
            });
        });
        connect(type, &QComboBox::activated, this,
                [type](int) { emit type->lineEdit()->textEdited(type->currentText()); });
        schema = makeCodeEditor(prefix + QStringLiteral("SchemaEdit"));
        schema->setAccessibleName(tr("Schema (JSON)"));
        schema->setPlaceholderText(tr("JSON Schema, e.g. {\"type\": \"object\"}"));
        example = makeCodeEditor(prefix + QStringLiteral("ExampleEdit"));
        example->setAccessibleName(tr("Example"));
        example->setPlaceholderText(tr("An example body"));
        message = makeMessage(prefix + QStringLiteral("JsonMessage"));
        for (QPlainTextEdit *editor : {schema, example}) {
            auto *highlighter = new JsonHighlighter(editor->document());
            m_jsonHighlighters.push_back(highlighter);
            const bool isSchema = editor == schema;
            connect(editor, &QPlainTextEdit::textChanged, this,
                    [this, request, isSchema] { commitJson(request, isSchema); });
        }
        auto *typeLabel = new QLabel(tr("Content &type:"));
        typeLabel->setBuddy(type);
        form->addRow(typeLabel, type);
        auto *schemaLabel = new QLabel(tr("Sc&hema:"));
        schemaLabel->setBuddy(schema);
        form->addRow(schemaLabel, schema);
        auto *exampleLabel = new QLabel(tr("E&xample:"));
        exampleLabel->setBuddy(example);
        form->addRow(exampleLabel, example);
        form->addRow(QString(), message);
    };

    auto *request = new QWidget;
    auto *requestForm = new QFormLayout(request);
    requestForm->setContentsMargins(16, 12, 16, 12);
    requestForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    makeRepresentation(true, m_requestContentType, m_requestSchema, m_requestExample, m_requestMessage, requestForm);
    tabs->addTab(request, tr("Request"));

    auto *responses = new QWidget;
    auto *responsesLayout = new QVBoxLayout(responses);
    responsesLayout->setContentsMargins(16, 12, 16, 12);
    auto *responseBar = new QHBoxLayout;
    m_responses = named(new QComboBox, QStringLiteral("responsesCombo"), tr("Responses"));
    m_responses->setMinimumWidth(220);
    connect(m_responses, &QComboBox::activated, this, [this](int index) {
        m_responseIndex = index;
        m_responseRepresentation = 0;
        refreshOperation();
    });
    auto *responsesLabel = new QLabel(tr("Res&ponse:"));
    responsesLabel->setBuddy(m_responses);
    auto *addResponseButton = named(new QToolButton, QStringLiteral("addResponseButton"), tr("Add response"));
    addResponseButton->setText(tr("&Add Response"));
    addResponseButton->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    addResponseButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(addResponseButton, &QToolButton::clicked, this, &ApiDesigner::addResponse);
    m_removeResponseButton = named(new QToolButton, QStringLiteral("removeResponseButton"), tr("Remove response"));
    m_removeResponseButton->setText(tr("Remo&ve"));
    m_removeResponseButton->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
    m_removeResponseButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_removeResponseButton, &QToolButton::clicked, this, &ApiDesigner::removeResponse);
    responseBar->addWidget(responsesLabel);
    responseBar->addWidget(m_responses);
    responseBar->addWidget(addResponseButton);
    responseBar->addWidget(m_removeResponseButton);
    responseBar->addStretch();
    responsesLayout->addLayout(responseBar);
    m_responseForm = new QWidget;
    auto *responseForm = new QFormLayout(m_responseForm);
    responseForm->setContentsMargins(0, 8, 0, 0);
    responseForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_responseStatus = named(new QLineEdit, QStringLiteral("responseStatusEdit"), tr("Status code"));
    m_responseStatus->setPlaceholderText(tr("200, 4XX or default"));
    connect(m_responseStatus, &QLineEdit::textEdited, this, [this](const QString &text) {
        editRepresentation(false, QStringLiteral("status"), [&](model::Operation &o) {
            if (m_responseIndex < static_cast<int>(o.responses.size()))
                o.responses[static_cast<std::size_t>(m_responseIndex)].statusCode = text.trimmed().toStdString();
        });
    });
    auto *statusLabel = new QLabel(tr("&Status code:"));
    statusLabel->setBuddy(m_responseStatus);
    responseForm->addRow(statusLabel, m_responseStatus);
    m_responseDescription = named(new QLineEdit, QStringLiteral("responseDescriptionEdit"), tr("Response description"));
    connect(m_responseDescription, &QLineEdit::textEdited, this, [this](const QString &text) {
        editRepresentation(false, QStringLiteral("responseDescription"), [&](model::Operation &o) {
            if (m_responseIndex < static_cast<int>(o.responses.size()))
                o.responses[static_cast<std::size_t>(m_responseIndex)].description = text.toStdString();
        });
    });
    auto *responseDescriptionLabel = new QLabel(tr("&Description:"));
    responseDescriptionLabel->setBuddy(m_responseDescription);
    responseForm->addRow(responseDescriptionLabel, m_responseDescription);
    makeRepresentation(false, m_responseContentType, m_responseSchema, m_responseExample, m_responseMessage,
                       responseForm);
    responsesLayout->addWidget(m_responseForm, 1);
    tabs->addTab(responses, tr("Responses"));
    return tabs;
}

QWidget *ApiDesigner::setupSpecification()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("specificationPage"));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(8, 8, 8, 8);
    m_specInfo = named(new QLabel, QStringLiteral("specificationInfo"), tr("Specification file"));
    m_specInfo->setWordWrap(true);
    layout->addWidget(m_specInfo);
    m_spec = makeCodeEditor(QStringLiteral("specificationView"));
    m_spec->setAccessibleName(tr("OpenAPI specification"));
    m_spec->setReadOnly(true);
    m_spec->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_specYaml = new YamlHighlighter(m_spec->document());
    m_specJson = new JsonHighlighter(nullptr);
    layout->addWidget(m_spec, 1);
    return page;
}

void ApiDesigner::applyColours()
{
    const HighlightColours colours = HighlightColours::forPalette(palette());
    for (JsonHighlighter *highlighter : m_jsonHighlighters)
        highlighter->setColours(colours);
    m_specJson->setColours(colours);
    m_specYaml->setColours(colours);
    m_urlHighlighter->setColours(colours);
    const QString error = QStringLiteral("QLabel[role=\"error\"] { color: %1; }").arg(colours.error.name());
    setStyleSheet(error);
}

void ApiDesigner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyColours();
    QWidget::changeEvent(event);
}

void ApiDesigner::focusDisplayName()
{
    m_tabs->setCurrentIndex(0);
    m_displayName->setFocus();
    m_displayName->selectAll();
}

void ApiDesigner::showSettings()
{
    m_tabs->setCurrentIndex(0);
}

void ApiDesigner::showSpecification()
{
    m_tabs->setCurrentIndex(2);
}

void ApiDesigner::selectOperation(const QString &name)
{
    m_tabs->setCurrentIndex(1);
    const int row = m_operations->rowOf(name);
    if (row < 0)
        return;
    m_operationList->setCurrentIndex(m_operations->index(row));
}

const model::Api *ApiDesigner::api() const
{
    return m_document.find<model::Api>(m_apiName.toStdString());
}

const model::Operation *ApiDesigner::operation() const
{
    const model::Api *a = api();
    return a ? a->contract.findOperation(m_operationName.toStdString()) : nullptr;
}

void ApiDesigner::edit(const QString &text, const QString &field, const std::function<void(model::Api &)> &change)
{
    if (m_refreshing)
        return;
    editApi(m_document, text, m_apiName.toStdString(), change,
            field.isEmpty() ? QString() : QStringLiteral("api/%1/%2").arg(m_apiName, field));
}

void ApiDesigner::editOperation(const QString &text, const QString &field,
                                const std::function<void(model::Operation &)> &change)
{
    if (m_refreshing || !operation())
        return;
    const std::string before = m_operationName.toStdString();
    std::string after = before;
    // Keyed by position, not name: typing a new name stays one step.
    const int row = m_operations->rowOf(m_operationName);
    edit(text, field.isEmpty() ? QString() : QStringLiteral("operation#%1/%2").arg(row).arg(field), [&](model::Api &a) {
        for (model::Operation &o : a.contract.operations) {
            if (o.name != before)
                continue;
            change(o);
            after = o.name;
        }
        // The operation's policy folder is named after it.
        if (after != before)
            for (model::OperationPolicy &policy : a.operationPolicies)
                if (policy.operation == before)
                    policy.operation = after;
        m_operationName = QString::fromStdString(after);
    });
}

void ApiDesigner::editRepresentation(bool request, const QString &field,
                                     const std::function<void(model::Operation &)> &change)
{
    // Typing merges per representation: a step never spans two of them.
    const QString key =
        request ? QStringLiteral("request%1/").arg(m_requestRepresentation) + field
                : QStringLiteral("response%1/%2/").arg(m_responseIndex).arg(m_responseRepresentation) + field;
    editOperation(request ? tr("Change Request") : tr("Change Response"), key, [&](model::Operation &o) {
        change(o);
        // A request with nothing in it is no request.
        if (o.request && o.request->description.empty() &&
            std::all_of(o.request->representations.begin(), o.request->representations.end(),
                        [](const model::Representation &r) {
                            return r.contentType.empty() && r.schema.is_null() && r.example.is_null();
                        }))
            o.request.reset();
    });
}

void ApiDesigner::commitJson(bool request, bool schema)
{
    if (m_refreshing)
        return;
    QPlainTextEdit *editor =
        request ? (schema ? m_requestSchema : m_requestExample) : (schema ? m_responseSchema : m_responseExample);
    QLabel *message = request ? m_requestMessage : m_responseMessage;
    const QComboBox *type = request ? m_requestContentType : m_responseContentType;
    const bool raw = !schema && !isJsonType(type->currentText().toStdString());
    Parsed parsed = parseJson(editor->toPlainText());
    if (!parsed.error.isEmpty() && raw)
        parsed = {Json(editor->toPlainText().toStdString()), {}};
    setMessage(message,
               parsed.error.isEmpty() ? QString() : (schema ? tr("Schema: %1") : tr("Example: %1")).arg(parsed.error));
    if (!parsed.error.isEmpty())
        return;
    // textChanged also comes from highlighting (a theme change): only a different value is an edit.
    if (const model::Operation *o = operation()) {
        const model::Representation *current = representationOf(*o, request);
        const Json &before = current ? (schema ? current->schema : current->example) : Json();
        if (before == parsed.value)
            return;
    }
    editRepresentation(request, schema ? QStringLiteral("schema") : QStringLiteral("example"),
                       [&](model::Operation &o) {
                           model::Representation *r = representationOf(o, request, true);
                           if (!r)
                               return;
                           if (schema) {
                               r->schema = parsed.value;
                           } else {
                               r->example = parsed.value;
                               r->examples.clear(); // the named examples would come back as the example
                           }
                       });
}

model::Representation *ApiDesigner::representationOf(model::Operation &o, bool request, bool create) const
{
    std::vector<model::Representation> *all = nullptr;
    if (request) {
        if (!o.request && create)
            o.request = model::Request{};
        if (o.request)
            all = &o.request->representations;
    } else if (m_responseIndex < static_cast<int>(o.responses.size())) {
        all = &o.responses[static_cast<std::size_t>(m_responseIndex)].representations;
    }
    if (!all)
        return nullptr;
    if (all->empty() && create)
        all->push_back({"application/json", {}, {}, {}});
    const int index = request ? m_requestRepresentation : m_responseRepresentation;
    if (index < 0 || index >= static_cast<int>(all->size()))
        return nullptr;
    return &(*all)[static_cast<std::size_t>(index)];
}

const model::Representation *ApiDesigner::representationOf(const model::Operation &o, bool request) const
{
    return representationOf(const_cast<model::Operation &>(o), request, false);
}

void ApiDesigner::addRepresentation(bool request)
{
    const model::Operation *o = operation();
    if (!o || (!request && m_responseIndex >= static_cast<int>(o->responses.size())))
        return;
    const std::vector<model::Representation> none;
    const std::vector<model::Representation> &all =
        request ? (o->request ? o->request->representations : none)
                : o->responses[static_cast<std::size_t>(m_responseIndex)].representations;
    // The first common content type not used yet; the user renames it in the field that gets the focus.
    std::string contentType;
    for (const char *candidate : kContentTypes) {
        if (std::none_of(all.begin(), all.end(),
                         [&](const model::Representation &r) { return r.contentType == candidate; })) {
            contentType = candidate;
            break;
        }
    }
    if (contentType.empty())
        return;
    const int index = static_cast<int>(all.size());
    editOperation(tr("Add Representation"), QString(), [&](model::Operation &op) {
        std::vector<model::Representation> *target = nullptr;
        if (request) {
            if (!op.request)
                op.request = model::Request{};
            target = &op.request->representations;
        } else {
            target = &op.responses[static_cast<std::size_t>(m_responseIndex)].representations;
        }
        target->push_back({contentType, {}, {}, {}});
    });
    (request ? m_requestRepresentation : m_responseRepresentation) = index;
    refreshOperation();
    QComboBox *type = request ? m_requestContentType : m_responseContentType;
    type->setFocus();
    type->lineEdit()->selectAll();
}

void ApiDesigner::removeRepresentation(bool request)
{
    const model::Operation *o = operation();
    if (!o || !representationOf(*o, request))
        return;
    const int index = request ? m_requestRepresentation : m_responseRepresentation;
    editOperation(tr("Remove Representation"), QString(), [&](model::Operation &op) {
        auto &all = request ? op.request->representations
                            : op.responses[static_cast<std::size_t>(m_responseIndex)].representations;
        all.erase(all.begin() + index);
        // A request without a body and without a description is no request.
        if (request && all.empty() && op.request->description.empty())
            op.request.reset();
    });
    // The one before takes its place, as closing a tab does.
    (request ? m_requestRepresentation : m_responseRepresentation) = std::max(0, index - 1);
    refreshOperation();
}

void ApiDesigner::onEntityChanged(workspace::EntityKind kind, const QString &oldName, const QString &newName)
{
    if (kind == workspace::EntityKind::Api && oldName == m_apiName && !newName.isEmpty())
        m_apiName = newName;
    if (kind == workspace::EntityKind::Api || kind == workspace::EntityKind::VersionSet)
        refresh();
}

void ApiDesigner::refresh()
{
    const model::Api *a = api();
    m_pages->setCurrentIndex(a ? 0 : 1);
    if (!a) {
        m_title->setText(tr("%1 (removed)").arg(m_apiName));
        m_subtitle->clear();
        return;
    }
    m_refreshing = true;
    const QString title = q(a->displayName.value_or(a->name));
    m_title->setText(title.isEmpty() ? m_apiName : title);
    QStringList summary;
    summary << tr("Name: %1").arg(m_apiName);
    summary << tr("Path: /%1").arg(q(a->path));
    if (a->apiVersion)
        summary << tr("Version: %1").arg(q(a->apiVersion));
    summary << tr("Revision %1%2")
                   .arg(q(a->apiRevision.value_or("1")), a->isRevisionFolder() ? QString() : tr(" (current)"));
    summary << tr("%n operation(s)", nullptr, static_cast<int>(a->contract.operations.size()));
    m_subtitle->setText(summary.join(QStringLiteral("  ·  ")));
    refreshSettings(*a);
    // Operations come from an OpenAPI specification; WADL, WSDL and GraphQL ones are kept as they are.
    const std::string format = a->specificationFormat.value_or("yaml");
    const bool openApi = format == "yaml" || format == "json";
    m_tabs->setTabEnabled(1, openApi);
    m_tabs->setTabToolTip(
        1,
        openApi
            ? QString()
            : tr("The specification of this API is %1: its operations are not edited here.").arg(q(format).toUpper()));

    m_operations->setOperations(a->contract.operations);
    int row = m_operations->rowOf(m_operationName);
    if (row < 0 && !m_operationName.isEmpty()) {
        // The operation went away (deleted, or undo of its creation): select a neighbour.
        const int previous = m_operationList->currentIndex().row();
        row = std::min(previous, m_operations->rowCount() - 1);
        m_operationName =
            row >= 0 ? m_operations->data(m_operations->index(row), OperationsModel::NameRole).toString() : QString();
    }
    if (row >= 0 && m_operationList->currentIndex().row() != row)
        m_operationList->setCurrentIndex(m_operations->index(row));
    else if (row < 0)
        m_operationList->setCurrentIndex({});
    m_refreshing = false;
    refreshOperation();

    // The specification as it will be saved; a large one is laid out again only when its tab shows.
    m_specStale = true;
    if (m_tabs->currentIndex() == 2)
        updateSpecification();
    updateActions();
    updateTabTitle();
}

void ApiDesigner::updateSpecification()
{
    const model::Api *a = api();
    if (!a || !m_specStale)
        return;
    m_specStale = false;
    const QString format = q(a->specificationFormat.value_or(""));
    const bool json = format == QLatin1String("json");
    const bool yaml = format == QLatin1String("yaml") || format.isEmpty();
    if ((m_specJson->document() != nullptr) != json)
        m_specJson->setDocument(json ? m_spec->document() : nullptr);
    if ((m_specYaml->document() != nullptr) != yaml)
        m_specYaml->setDocument(yaml ? m_spec->document() : nullptr);
    const QString spec = q(a->specificationText.value_or(""));
    if (m_spec->toPlainText() != spec) {
        const int scroll = m_spec->verticalScrollBar()->value();
        m_spec->setPlainText(spec);
        m_spec->verticalScrollBar()->setValue(scroll);
    }
    if (!json && !yaml)
        m_specInfo->setText(tr("<b>specification.%1</b> — not OpenAPI: kept as it was read.").arg(format));
    else if (format.isEmpty())
        m_specInfo->setText(tr("This API has no specification file yet; the first operation creates "
                               "specification.yaml."));
    else
        m_specInfo->setText(tr("<b>specification.%1</b> — OpenAPI %2, read-only: it follows every edit in the "
                               "designer and is saved with the workspace.")
                                .arg(format, q(a->contract.openApiVersion.empty() ? std::string("3.0.1")
                                                                                  : a->contract.openApiVersion)));
}

void ApiDesigner::updateTabTitle()
{
    // The shell names a tab after what was opened (maybe an operation) and keeps that name in "itemTitle"; the
    // designer edits a whole API, so its tab follows the API's display name.
    const model::Api *a = api();
    if (!a || !property("itemTitle").isValid())
        return;
    QString title = q(a->displayName.value_or(a->rootName()));
    if (a->apiVersion)
        title += QLatin1Char(' ') + q(a->apiVersion);
    if (a->isRevisionFolder())
        title += tr(" (revision %1)").arg(q(a->apiRevision.value_or("")));
    if (property("itemTitle").toString() == title)
        return;
    setProperty("itemTitle", title);
    for (QWidget *w = parentWidget(); w; w = w->parentWidget()) {
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            const int index = tabs->indexOf(this);
            if (index >= 0)
                tabs->setTabText(
                    index, tabs->tabText(index).endsWith(QLatin1String(" *")) ? title + QStringLiteral(" *") : title);
            break;
        }
    }
}

void ApiDesigner::refreshSettings(const model::Api &a)
{
    // API Management shares these settings between revisions: the publisher copies them from the current
    // revision into the others, so a non-current revision shows them without editing them.
    const bool shared = a.isRevisionFolder();
    for (QLineEdit *edit : {m_displayName, m_path, m_version})
        edit->setReadOnly(shared);
    m_description->setReadOnly(shared);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_http, m_https, m_subscriptionRequired})
        widget->setEnabled(!shared);
    m_sharedNotice->setVisible(shared);
    m_sharedNotice->setText(
        tr("<i>Revision %1 shares its display name, URL suffix, protocols, description, subscription setting and "
           "version with the current revision; change them in the current revision.</i>")
            .arg(q(a.apiRevision.value_or(""))));
    setText(m_displayName, q(a.displayName));
    setText(m_name, m_apiName);
    setText(m_path, q(a.path));
    const auto protocols = a.protocols.value_or(std::vector<std::string>{});
    m_http->setChecked(std::find(protocols.begin(), protocols.end(), "http") != protocols.end());
    m_https->setChecked(std::find(protocols.begin(), protocols.end(), "https") != protocols.end());
    setMessage(m_protocolsMessage, protocols.empty() ? tr("Choose at least one protocol.") : QString());
    setText(m_serviceUrl, q(a.serviceUrl));
    const QString url = q(a.serviceUrl);
    QString urlProblem;
    if (!url.isEmpty()) {
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty() ||
            (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https")))
            urlProblem = tr("Not a valid URL: write an absolute http:// or https:// address.");
    }
    setMessage(m_serviceUrlMessage, urlProblem);
    m_subscriptionRequired->setChecked(a.subscriptionRequired.value_or(true));
    setText(m_keyHeader, q(a.subscriptionKeyHeader));
    setText(m_keyQuery, q(a.subscriptionKeyQuery));
    setText(m_version, q(a.apiVersion));
    setText(m_description, q(a.description));

    // Version sets of the workspace, and "none".
    m_versionSet->clear();
    m_versionSet->addItem(tr("(none)"), QString());
    for (const model::VersionSet &set : m_document.model().versionSets)
        m_versionSet->addItem(tr("%1 (%2)").arg(q(set.displayName.value_or(set.name)), q(set.versioningScheme)),
                              q(set.name));
    QString setName = q(a.apiVersionSetId);
    setName = setName.mid(setName.lastIndexOf(QLatin1Char('/')) + 1);
    int setIndex = m_versionSet->findData(setName);
    if (setIndex < 0 && !setName.isEmpty()) {
        m_versionSet->addItem(tr("%1 (missing)").arg(setName), setName);
        setIndex = m_versionSet->count() - 1;
    }
    m_versionSet->setCurrentIndex(std::max(setIndex, 0));
    checkPath();

    // Revisions: this API's siblings.
    const QString selected = m_revisions->currentIndex().data(Qt::UserRole).toString();
    m_revisionsModel->clear();
    for (const model::Api *revision : revisionsOf(m_document.model(), a.rootName())) {
        QString text = tr("Revision %1").arg(q(revision->apiRevision.value_or("1")));
        if (!revision->isRevisionFolder())
            text += tr(" — current");
        if (revision->apiRevisionDescription)
            text += QStringLiteral(": ") + q(revision->apiRevisionDescription);
        auto *item = new QStandardItem(text);
        item->setData(q(revision->name), Qt::UserRole);
        if (q(revision->name) == m_apiName) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
            item->setToolTip(tr("The revision this designer edits"));
        }
        m_revisionsModel->appendRow(item);
        if (q(revision->name) == selected)
            m_revisions->setCurrentIndex(item->index());
    }
}

void ApiDesigner::checkPath()
{
    const model::Api *a = api();
    if (!a)
        return;
    const model::Api *other = pathConflict(m_document.model(), *a, m_path->text().toStdString());
    setMessage(m_pathMessage,
               other ? tr("The API \"%1\" already uses this path%2. Choose another path, or put both APIs in one "
                          "version set with different versions.")
                           .arg(q(other->displayName.value_or(other->name)),
                                other->apiVersion ? tr(" with version %1").arg(q(other->apiVersion)) : QString())
                     : QString());
}

void ApiDesigner::refreshOperation()
{
    const model::Operation *o = operation();
    m_operationPages->setCurrentIndex(o ? 1 : 0);
    if (!o)
        return;
    const bool wasRefreshing = m_refreshing;
    m_refreshing = true;
    int methodIndex = m_method->findText(q(o->method));
    if (methodIndex < 0) {
        m_method->addItem(q(o->method));
        methodIndex = m_method->count() - 1;
    }
    m_method->setCurrentIndex(methodIndex);
    if (m_urlTemplate->text() != q(o->urlTemplate))
        m_urlTemplate->setText(q(o->urlTemplate));
    const UrlTemplateCheck check = checkUrlTemplate(m_urlTemplate->text());
    m_urlHighlighter->setErrorPosition(check.errorPosition);
    setMessage(m_urlMessage, check.error);
    setText(m_operationDisplayName, q(o->displayName));
    if (!m_operationName_->hasFocus() || m_operationNameMessage->isHidden())
        setText(m_operationName_, q(o->name));
    setText(m_operationDescription, q(o->description));
    m_parameters->setOperation(*o);
    refreshRepresentations(*o);
    m_refreshing = wasRefreshing;
    updateActions();
}

void ApiDesigner::refreshRepresentations(const model::Operation &o)
{
    auto show = [](const model::Representation *r, QComboBox *type, QPlainTextEdit *schema, QPlainTextEdit *example) {
        const QString contentType = r ? q(r->contentType) : QString();
        if (type->currentText() != contentType)
            type->setEditText(contentType);
        // Leave an editor alone while its text means the same value (keeps the cursor and the user's layout).
        auto sync = [](QPlainTextEdit *editor, const Json &value, bool raw) {
            const Parsed current = parseJson(editor->toPlainText());
            if (current.error.isEmpty() && current.value == value)
                return;
            if (raw && value.is_string() && editor->toPlainText() == q(value.get<std::string>()))
                return;
            editor->setPlainText(jsonText(value, raw));
        };
        sync(schema, r ? r->schema : Json(), false);
        sync(example, r ? r->example : Json(), r && !isJsonType(r->contentType));
    };
    // One tab per representation, named by its content type; the index stays in range after a removal or undo.
    auto showTabs = [this](const std::vector<model::Representation> &all, QTabBar *tabs, QToolButton *remove,
                           int &index) {
        if (index >= static_cast<int>(all.size()))
            index = std::max(0, static_cast<int>(all.size()) - 1);
        while (tabs->count() > static_cast<int>(all.size()))
            tabs->removeTab(tabs->count() - 1);
        for (std::size_t i = 0; i < all.size(); ++i) {
            const QString text = all[i].contentType.empty() ? tr("(no content type)") : q(all[i].contentType);
            if (static_cast<int>(i) < tabs->count()) {
                if (tabs->tabText(static_cast<int>(i)) != text)
                    tabs->setTabText(static_cast<int>(i), text);
            } else {
                tabs->addTab(text);
            }
        }
        if (!all.empty() && tabs->currentIndex() != index)
            tabs->setCurrentIndex(index);
        tabs->setVisible(!all.empty());
        remove->setEnabled(!all.empty());
    };
    const std::vector<model::Representation> none;
    showTabs(o.request ? o.request->representations : none, m_requestRepresentations, m_removeRequestRepresentation,
             m_requestRepresentation);
    show(representationOf(o, true), m_requestContentType, m_requestSchema, m_requestExample);
    setMessage(m_requestMessage, QString());

    m_responses->clear();
    for (const model::Response &response : o.responses)
        m_responses->addItem(response.description.empty()
                                 ? q(response.statusCode)
                                 : tr("%1 — %2").arg(q(response.statusCode), q(response.description)));
    if (m_responseIndex >= static_cast<int>(o.responses.size()))
        m_responseIndex = std::max(0, static_cast<int>(o.responses.size()) - 1);
    m_responses->setCurrentIndex(o.responses.empty() ? -1 : m_responseIndex);
    m_responseForm->setEnabled(!o.responses.empty());
    m_removeResponseButton->setEnabled(!o.responses.empty());
    const model::Response *response =
        o.responses.empty() ? nullptr : &o.responses[static_cast<std::size_t>(m_responseIndex)];
    setText(m_responseStatus, response ? q(response->statusCode) : QString());
    setText(m_responseDescription, response ? q(response->description) : QString());
    showTabs(response ? response->representations : none, m_responseRepresentations, m_removeResponseRepresentation,
             m_responseRepresentation);
    show(representationOf(o, false), m_responseContentType, m_responseSchema, m_responseExample);
    setMessage(m_responseMessage, QString());
}

void ApiDesigner::updateActions()
{
    const int row = m_operationList->currentIndex().row();
    const bool has = row >= 0 && operation();
    m_duplicateAction->setEnabled(has);
    m_deleteAction->setEnabled(has);
    m_moveUpAction->setEnabled(has && row > 0);
    m_moveDownAction->setEnabled(has && row + 1 < m_operations->rowCount());
    const QModelIndex parameter = m_parameterView->currentIndex();
    m_removeParameter->setEnabled(parameter.isValid() &&
                                  m_parameters->inOf(parameter.row()) != ParametersModel::In::Template);
    const QString revision = m_revisions->currentIndex().data(Qt::UserRole).toString();
    const model::Api *selected = m_document.find<model::Api>(revision.toStdString());
    m_makeCurrent->setEnabled(selected && selected->isRevisionFolder());
    m_exportAction->setEnabled(api() && api()->specificationText);
}

void ApiDesigner::onUrlTemplateEdited()
{
    if (m_refreshing)
        return;
    const QString text = m_urlTemplate->text();
    if (const model::Operation *o = operation(); !o || q(o->urlTemplate) == text)
        return; // re-highlighting, not typing
    const UrlTemplateCheck check = checkUrlTemplate(text);
    editOperation(tr("Change URL Template"), QStringLiteral("urlTemplate"), [&](model::Operation &o) {
        o.urlTemplate = text.toStdString();
        if (!check.error.isEmpty())
            return; // parameters follow a valid template only, so half-typed names do not churn the table
        std::vector<model::Parameter> parameters;
        for (const QString &name : check.parameters) {
            auto same = std::find_if(o.templateParameters.begin(), o.templateParameters.end(),
                                     [&](const model::Parameter &p) { return q(p.name) == name; });
            if (same != o.templateParameters.end()) {
                parameters.push_back(*same);
            } else {
                model::Parameter parameter;
                parameter.name = name.toStdString();
                parameter.type = "string";
                parameter.required = true;
                parameters.push_back(parameter);
            }
        }
        o.templateParameters = std::move(parameters);
    });
    // After the edit: re-highlighting emits textChanged again, which must find nothing to do.
    m_urlHighlighter->setErrorPosition(check.errorPosition);
    setMessage(m_urlMessage, check.error);
}

void ApiDesigner::addOperation()
{
    const model::Api *a = api();
    if (!a)
        return;
    std::string name = "operation";
    for (int n = 2; a->contract.findOperation(name); ++n)
        name = "operation-" + std::to_string(n);
    model::Operation operation;
    operation.name = name;
    operation.displayName = tr("New operation").toStdString();
    operation.method = "GET";
    operation.urlTemplate = "/";
    operation.responses.push_back({"200", "OK", {}, {}});
    // After the selected operation, like an editor inserts lines.
    const int row = m_operationList->currentIndex().row();
    m_operationName = q(name);
    edit(tr("Add Operation"), QString(), [&](model::Api &api) {
        auto at = row < 0 ? api.contract.operations.end() : api.contract.operations.begin() + row + 1;
        api.contract.operations.insert(at, operation);
    });
    selectOperation(q(name));
    m_urlTemplate->setFocus();
    m_urlTemplate->moveCursor(QTextCursor::End);
}

void ApiDesigner::duplicateOperation()
{
    const model::Operation *source = operation();
    const model::Api *a = api();
    if (!source || !a)
        return;
    model::Operation copy = *source;
    std::string name = source->name + "-copy";
    for (int n = 2; a->contract.findOperation(name); ++n)
        name = source->name + "-copy-" + std::to_string(n);
    copy.name = name;
    copy.displayName = tr("%1 (copy)").arg(q(source->displayName)).toStdString();
    const std::string after = source->name;
    m_operationName = q(name);
    edit(tr("Duplicate Operation"), QString(), [&](model::Api &api) {
        auto it = std::find_if(api.contract.operations.begin(), api.contract.operations.end(),
                               [&](const model::Operation &o) { return o.name == after; });
        api.contract.operations.insert(it == api.contract.operations.end() ? it : it + 1, copy);
    });
    selectOperation(q(name));
}

void ApiDesigner::deleteOperation()
{
    const model::Operation *o = operation();
    if (!o)
        return;
    const std::string name = o->name;
    const int row = m_operationList->currentIndex().row();
    edit(tr("Delete Operation %1").arg(q(name)), QString(), [&](model::Api &api) {
        std::erase_if(api.contract.operations, [&](const model::Operation &op) { return op.name == name; });
        std::erase_if(api.operationPolicies, [&](const model::OperationPolicy &p) { return p.operation == name; });
    });
    const int next = std::min(row, m_operations->rowCount() - 1);
    if (next >= 0)
        selectOperation(m_operations->data(m_operations->index(next), OperationsModel::NameRole).toString());
    m_operationList->setFocus();
}

void ApiDesigner::moveOperation(int delta)
{
    const int row = m_operationList->currentIndex().row();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_operations->rowCount())
        return;
    edit(delta < 0 ? tr("Move Operation Up") : tr("Move Operation Down"), QString(), [&](model::Api &api) {
        std::swap(api.contract.operations[static_cast<std::size_t>(row)],
                  api.contract.operations[static_cast<std::size_t>(target)]);
    });
    m_operationList->setCurrentIndex(m_operations->index(target));
}

void ApiDesigner::addResponse()
{
    const model::Operation *o = operation();
    if (!o)
        return;
    std::string status;
    for (const char *candidate : {"200", "201", "204", "400", "401", "404", "500", "default"}) {
        if (std::none_of(o->responses.begin(), o->responses.end(),
                         [&](const model::Response &r) { return r.statusCode == candidate; })) {
            status = candidate;
            break;
        }
    }
    if (status.empty())
        return;
    const int index = static_cast<int>(o->responses.size());
    editOperation(tr("Add Response"), QString(), [&](model::Operation &op) {
        op.responses.push_back({status, {}, {}, {}});
    });
    m_responseIndex = index;
    m_responseRepresentation = 0;
    refreshOperation();
    m_responseStatus->setFocus();
    m_responseStatus->selectAll();
}

void ApiDesigner::removeResponse()
{
    const model::Operation *o = operation();
    if (!o || m_responseIndex >= static_cast<int>(o->responses.size()))
        return;
    const int index = m_responseIndex;
    m_responseRepresentation = 0;
    editOperation(tr("Remove Response"), QString(),
                  [&](model::Operation &op) { op.responses.erase(op.responses.begin() + index); });
}

} // namespace gh::apis
