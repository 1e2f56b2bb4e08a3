#include "backend_editor.h"

#include "rows_table_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStringListModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace gh::entities {

namespace model = gw::model;

namespace {

// The pool table's backend column: a choice among the workspace's single backends.
class BackendChoiceDelegate : public QStyledItemDelegate {
public:
    BackendChoiceDelegate(std::function<QStringList()> choices, QObject *parent)
        : QStyledItemDelegate(parent), m_choices(std::move(choices))
    {
    }
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("poolMemberBackend"));
        combo->setEditable(true);
        combo->addItems(m_choices());
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        static_cast<QComboBox *>(editor)->setCurrentText(index.data(Qt::EditRole).toString());
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QComboBox *>(editor)->currentText().trimmed(), Qt::EditRole);
    }

private:
    std::function<QStringList()> m_choices;
};

// Rows "name, value" from {name: [values]}: one row per value keeps every value visible and editable.
QList<QStringList> rowsOf(const model::Json &object)
{
    QList<QStringList> rows;
    if (!object.is_object())
        return rows;
    for (const auto &[name, values] : object.items()) {
        if (values.is_array()) {
            for (const auto &value : values)
                rows << QStringList{toQString(name),
                                    value.is_string() ? toQString(value.get<std::string>()) : toQString(value.dump())};
        } else {
            rows << QStringList{toQString(name),
                                values.is_string() ? toQString(values.get<std::string>()) : toQString(values.dump())};
        }
    }
    return rows;
}

model::Json objectOf(const QList<QStringList> &rows)
{
    model::Json object = model::Json::object();
    for (const QStringList &row : rows) {
        const std::string name = row.value(0).trimmed().toStdString();
        if (name.empty())
            continue;
        if (!object.contains(name))
            object[name] = model::Json::array();
        object[name].push_back(row.value(1).toStdString());
    }
    return object;
}

QString text(const model::Json &object, const char *key)
{
    if (object.is_object() && object.contains(key) && object[key].is_string())
        return toQString(object[key].get<std::string>());
    return {};
}

QString rangesText(const std::vector<model::StatusCodeRange> &ranges)
{
    QStringList parts;
    for (const auto &range : ranges)
        parts << (range.min == range.max ? QString::number(range.min)
                                         : QStringLiteral("%1-%2").arg(range.min).arg(range.max));
    return parts.join(QStringLiteral(", "));
}

QStringList splitList(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty())
            items << item.trimmed();
    }
    return items;
}

QSpinBox *optionalSpin(const QString &objectName, const QString &accessibleName, int maximum)
{
    auto *spin = new QSpinBox;
    spin->setObjectName(objectName);
    spin->setAccessibleName(accessibleName);
    spin->setRange(0, maximum);
    spin->setSpecialValueText(QObject::tr("Not set"));
    return spin;
}

} // namespace

bool BackendEditor::isDuration(const QString &text)
{
    static const QRegularExpression duration(
        QStringLiteral("^P(?!$)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$"));
    return duration.match(text).hasMatch();
}

bool BackendEditor::parseStatusCodes(const QString &text, std::vector<model::StatusCodeRange> &ranges)
{
    ranges.clear();
    static const QRegularExpression part(QStringLiteral("^\\s*(\\d{3})\\s*(?:-\\s*(\\d{3})\\s*)?$"));
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (item.trimmed().isEmpty())
            continue;
        const auto match = part.match(item);
        if (!match.hasMatch())
            return false;
        const int min = match.captured(1).toInt();
        const int max = match.captured(2).isEmpty() ? min : match.captured(2).toInt();
        if (min < 200 || max > 599 || min > max)
            return false;
        ranges.push_back({min, max});
    }
    return true;
}

BackendEditor::BackendEditor(workspace::WorkspaceDocument &document, const QString &name, QWidget *parent)
    : EntityEditor(document, workspace::EntityKind::Backend, QStringLiteral("backend"), name, parent),
      m_pool(new RowsTableModel({tr("Backend"), tr("Weight"), tr("Priority")}, this)),
      m_headers(new RowsTableModel({tr("Header"), tr("Value")}, this)),
      m_query(new RowsTableModel({tr("Parameter"), tr("Value")}, this))
{
    setObjectName(QStringLiteral("backendEditor"));

    QFormLayout *general = addSection(tr("Backend"), QStringLiteral("backendGeneral"));
    m_title = new QLineEdit;
    m_title->setObjectName(QStringLiteral("backendTitle"));
    m_title->setAccessibleName(tr("Title"));
    m_title->setMaxLength(300);
    general->addRow(tr("T&itle:"), m_title);
    m_description = new QLineEdit;
    m_description->setObjectName(QStringLiteral("backendDescription"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setMaxLength(2000);
    general->addRow(tr("D&escription:"), m_description);
    m_type = new QComboBox;
    m_type->setObjectName(QStringLiteral("backendType"));
    m_type->setAccessibleName(tr("Type"));
    m_type->addItem(tr("Single service"), QStringLiteral("Single"));
    m_type->addItem(tr("Load-balanced pool"), QStringLiteral("Pool"));
    m_type->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    general->addRow(tr("T&ype:"), m_type);

    QFormLayout *connection = addSection(tr("Service"), QStringLiteral("backendConnection"));
    m_connection = qobject_cast<QGroupBox *>(connection->parentWidget());
    m_url = new QLineEdit;
    m_url->setObjectName(QStringLiteral("backendUrl"));
    m_url->setAccessibleName(tr("URL"));
    m_url->setPlaceholderText(tr("https://orders.example.com/api"));
    connection->addRow(tr("&URL:"), m_url);
    m_urlMessage = addMessage(connection, QStringLiteral("backendUrlMessage"));
    m_protocol = new QComboBox;
    m_protocol->setObjectName(QStringLiteral("backendProtocol"));
    m_protocol->setAccessibleName(tr("Protocol"));
    m_protocol->addItem(tr("HTTP (REST)"), QStringLiteral("http"));
    m_protocol->addItem(tr("SOAP"), QStringLiteral("soap"));
    m_protocol->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connection->addRow(tr("&Protocol:"), m_protocol);
    m_validateChain = new QCheckBox(tr("Validate the certificate &chain"));
    m_validateChain->setObjectName(QStringLiteral("backendValidateChain"));
    connection->addRow(tr("TLS:"), m_validateChain);
    m_validateName = new QCheckBox(tr("Validate the certificate &name"));
    m_validateName->setObjectName(QStringLiteral("backendValidateName"));
    connection->addRow(QString(), m_validateName);

    QFormLayout *pool = addSection(tr("Pool members"), QStringLiteral("backendPool"),
                                   tr("Lower priority numbers are tried first; weights split traffic within a "
                                      "priority. Members are single backends of this workspace."));
    m_poolSection = qobject_cast<QGroupBox *>(pool->parentWidget());
    QPushButton *addMember = nullptr;
    QPushButton *removeMember = nullptr;
    m_poolView = makeTable(m_pool, QStringLiteral("backendPoolMembers"), tr("Pool members"), &addMember, &removeMember,
                           {QString(), QStringLiteral("1"), QStringLiteral("1")});
    addMember->setText(tr("Add Mem&ber"));
    removeMember->setText(tr("Remo&ve Member"));
    m_poolView->setItemDelegateForColumn(0, new BackendChoiceDelegate(
                                                [this] {
                                                    QStringList names;
                                                    for (const auto &b : m_document.model().backends) {
                                                        if (!b.isPool() && toQString(b.name) != m_name)
                                                            names << toQString(b.name);
                                                    }
                                                    return names;
                                                },
                                                m_poolView));
    pool->addRow(m_poolView->parentWidget());
    m_poolMessage = addMessage(pool, QStringLiteral("backendPoolMessage"));

    QFormLayout *credentials = addSection(tr("Credentials"), QStringLiteral("backendCredentials"),
                                          tr("Added to every call to this backend. Values may use {{named values}}, "
                                             "so secrets stay out of this file."));
    QPushButton *addHeader = nullptr;
    QPushButton *removeHeader = nullptr;
    m_headersView = makeTable(m_headers, QStringLiteral("backendCredentialHeaders"), tr("Credential headers"),
                              &addHeader, &removeHeader, {QString(), QString()});
    addHeader->setText(tr("Add &Header"));
    removeHeader->setText(tr("Remove Header"));
    auto *headersLabel = new QLabel(tr("Headers:"));
    headersLabel->setBuddy(m_headersView);
    credentials->addRow(headersLabel, m_headersView->parentWidget());
    QPushButton *addQuery = nullptr;
    QPushButton *removeQuery = nullptr;
    m_queryView = makeTable(m_query, QStringLiteral("backendCredentialQuery"), tr("Credential query parameters"),
                            &addQuery, &removeQuery, {QString(), QString()});
    addQuery->setText(tr("Add &Query Parameter"));
    removeQuery->setText(tr("Remove Parameter"));
    auto *queryLabel = new QLabel(tr("Query:"));
    queryLabel->setBuddy(m_queryView);
    credentials->addRow(queryLabel, m_queryView->parentWidget());
    m_authScheme = new QLineEdit;
    m_authScheme->setObjectName(QStringLiteral("backendAuthScheme"));
    m_authScheme->setAccessibleName(tr("Authorization scheme"));
    m_authScheme->setPlaceholderText(tr("Basic, Bearer, …"));
    m_authParameter = new QLineEdit;
    m_authParameter->setObjectName(QStringLiteral("backendAuthParameter"));
    m_authParameter->setAccessibleName(tr("Authorization parameter"));
    m_authParameter->setPlaceholderText(tr("{{orders-token}}"));
    auto *authRow = new QHBoxLayout;
    authRow->addWidget(m_authScheme, 1);
    authRow->addWidget(m_authParameter, 3);
    auto *authLabel = new QLabel(tr("Au&thorization:"));
    authLabel->setBuddy(m_authScheme);
    credentials->addRow(authLabel, authRow);

    QFormLayout *breaker = addSection(tr("Circuit breaker"), QStringLiteral("backendCircuitBreaker"),
                                      tr("Stops calling the backend for a while when calls fail."));
    m_breaker = qobject_cast<QGroupBox *>(breaker->parentWidget());
    m_breaker->setCheckable(true);
    m_breaker->setAccessibleName(tr("Circuit breaker")); // its check box takes the focus
    // The rules, one after the other as APIM checks them; the fields below edit the one selected.
    m_rules = new QStringListModel(this);
    m_rulesView = new QListView;
    m_rulesView->setObjectName(QStringLiteral("backendRules"));
    m_rulesView->setAccessibleName(tr("Circuit breaker rules"));
    m_rulesView->setModel(m_rules);
    m_rulesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rulesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rulesView->setSpacing(2); // rows as tall as the tables' above
    fitHeight(m_rulesView, 0, 2, 6);
    m_addRule = new QPushButton(tr("A&dd Rule"));
    m_addRule->setObjectName(QStringLiteral("backendAddRule"));
    m_addRule->setAccessibleName(tr("Add rule"));
    m_removeRule = new QPushButton(tr("&Remove Rule"));
    m_removeRule->setObjectName(QStringLiteral("backendRemoveRule"));
    m_removeRule->setAccessibleName(tr("Remove rule"));
    auto *rulesBox = new QWidget;
    auto *rulesLayout = new QVBoxLayout(rulesBox);
    rulesLayout->setContentsMargins(0, 0, 0, 0);
    rulesLayout->addWidget(m_rulesView);
    auto *ruleButtons = new QHBoxLayout;
    ruleButtons->addWidget(m_addRule);
    ruleButtons->addWidget(m_removeRule);
    ruleButtons->addStretch(1);
    rulesLayout->addLayout(ruleButtons);
    auto *rulesLabel = new QLabel(tr("Ru&les:"));
    rulesLabel->setBuddy(m_rulesView);
    breaker->addRow(rulesLabel, rulesBox);
    m_ruleName = new QLineEdit;
    m_ruleName->setObjectName(QStringLiteral("backendRuleName"));
    m_ruleName->setAccessibleName(tr("Rule name"));
    breaker->addRow(tr("Rule na&me:"), m_ruleName);
    m_failureCount = optionalSpin(QStringLiteral("backendFailureCount"), tr("Failures"), 1000000);
    m_failurePercentage = optionalSpin(QStringLiteral("backendFailurePercentage"), tr("Failure percentage"), 100);
    m_failurePercentage->setSuffix(QStringLiteral(" %"));
    auto *trip = new QHBoxLayout;
    trip->addWidget(m_failureCount);
    auto *orLabel = new QLabel(tr("failures, or"));
    trip->addWidget(orLabel);
    trip->addWidget(m_failurePercentage);
    auto *ofCalls = new QLabel(tr("of calls"));
    trip->addWidget(ofCalls);
    trip->addStretch(1);
    auto *tripLabel = new QLabel(tr("Trip after:"));
    tripLabel->setBuddy(m_failureCount);
    breaker->addRow(tripLabel, trip);
    m_failureInterval = new QLineEdit;
    m_failureInterval->setObjectName(QStringLiteral("backendFailureInterval"));
    m_failureInterval->setAccessibleName(tr("Within"));
    m_failureInterval->setPlaceholderText(tr("ISO-8601 duration, e.g. PT1M"));
    breaker->addRow(tr("&Within:"), m_failureInterval);
    m_statusCodes = new QLineEdit;
    m_statusCodes->setObjectName(QStringLiteral("backendStatusCodes"));
    m_statusCodes->setAccessibleName(tr("Failing status codes"));
    m_statusCodes->setPlaceholderText(tr("e.g. 500-599, 429"));
    breaker->addRow(tr("Failing &status codes:"), m_statusCodes);
    m_errorReasons = new QLineEdit;
    m_errorReasons->setObjectName(QStringLiteral("backendErrorReasons"));
    m_errorReasons->setAccessibleName(tr("Error reasons"));
    m_errorReasons->setPlaceholderText(tr("Comma-separated, e.g. BackendConnectionFailure, Timeout"));
    breaker->addRow(tr("Err&or reasons:"), m_errorReasons);
    m_tripDuration = new QLineEdit;
    m_tripDuration->setObjectName(QStringLiteral("backendTripDuration"));
    m_tripDuration->setAccessibleName(tr("Trip duration"));
    m_tripDuration->setPlaceholderText(tr("ISO-8601 duration, e.g. PT1M"));
    breaker->addRow(tr("Stay open &for:"), m_tripDuration);
    m_acceptRetryAfter = new QCheckBox(tr("Honour the backend's Retry-&After header"));
    m_acceptRetryAfter->setObjectName(QStringLiteral("backendAcceptRetryAfter"));
    breaker->addRow(QString(), m_acceptRetryAfter);
    m_breakerMessage = addMessage(breaker, QStringLiteral("backendBreakerMessage"));

    // General and service fields.
    connect(m_title, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit<model::Backend>(tr("Edit backend title"), QStringLiteral("title"),
                             [&](model::Backend &b) { b.title = fromEdit(text, b.title); });
    });
    connect(m_description, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit<model::Backend>(tr("Edit backend description"), QStringLiteral("description"),
                             [&](model::Backend &b) { b.description = fromEdit(text, b.description); });
    });
    connect(m_type, &QComboBox::activated, this, [this](int index) {
        const bool pool = m_type->itemData(index).toString() == QLatin1String("Pool");
        edit<model::Backend>(pool ? tr("Make backend a pool") : tr("Make backend a single service"), {},
                             [&](model::Backend &b) {
                                 b.type = pool ? "Pool" : "Single";
                                 // APIM refuses a pool with a URL or protocol, and a single backend with members.
                                 if (pool) {
                                     b.url.reset();
                                     b.protocol.reset();
                                 } else {
                                     b.pool.clear();
                                     if (!b.protocol)
                                         b.protocol = "http";
                                 }
                             });
    });
    connect(m_url, &QLineEdit::textEdited, this, [this](const QString &text) {
        const QUrl url(text.trimmed(), QUrl::StrictMode);
        const bool valid = url.isValid() &&
                           (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) &&
                           !url.host().isEmpty();
        // A URL may be a {{named value}} or a configuration placeholder: warn, but keep what was typed.
        showMessage(m_urlMessage, text.isEmpty() ? tr("A single backend needs a URL.")
                                  : valid || text.contains(QLatin1String("{{"))
                                      ? QString()
                                      : tr("Not an http:// or https:// URL."));
        edit<model::Backend>(tr("Edit backend URL"), QStringLiteral("url"),
                             [&](model::Backend &b) { b.url = fromEdit(text, b.url); });
    });
    connect(m_protocol, &QComboBox::activated, this, [this](int index) {
        const std::string protocol = m_protocol->itemData(index).toString().toStdString();
        edit<model::Backend>(tr("Change backend protocol"), {}, [&](model::Backend &b) { b.protocol = protocol; });
    });
    connect(m_validateChain, &QCheckBox::toggled, this, [this](bool on) {
        edit<model::Backend>(tr("Change certificate chain validation"), {},
                             [&](model::Backend &b) { b.validateCertificateChain = on; });
    });
    connect(m_validateName, &QCheckBox::toggled, this, [this](bool on) {
        edit<model::Backend>(tr("Change certificate name validation"), {},
                             [&](model::Backend &b) { b.validateCertificateName = on; });
    });

    // Tables and credentials.
    connect(m_pool, &RowsTableModel::edited, this, &BackendEditor::writePool);
    connect(m_headers, &RowsTableModel::edited, this, [this] { writeCredentials({}); });
    connect(m_query, &RowsTableModel::edited, this, [this] { writeCredentials({}); });
    connect(m_authScheme, &QLineEdit::textEdited, this, [this] { writeCredentials(QStringLiteral("authScheme")); });
    connect(m_authParameter, &QLineEdit::textEdited, this,
            [this] { writeCredentials(QStringLiteral("authParameter")); });

    // Circuit breaker: a list of rules; the fields edit the selected one.
    connect(m_rulesView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (updating() || !current.isValid() || current.row() == m_ruleIndex)
                    return;
                m_ruleIndex = current.row();
                showMessage(m_breakerMessage, {});
                reload();
            });
    connect(m_addRule, &QPushButton::clicked, this, &BackendEditor::addRule);
    connect(m_removeRule, &QPushButton::clicked, this, &BackendEditor::removeRule);
    connect(m_breaker, &QGroupBox::toggled, this, [this](bool on) {
        edit<model::Backend>(on ? tr("Add circuit breaker") : tr("Remove circuit breaker"), {}, [&](model::Backend &b) {
            if (!on) {
                b.circuitBreakerRules.clear();
                return;
            }
            if (!b.circuitBreakerRules.empty())
                return;
            model::CircuitBreakerRule rule;
            rule.name = "breaker";
            rule.failureCount = 5;
            rule.failureInterval = "PT1M";
            rule.statusCodeRanges = {{500, 599}};
            rule.tripDuration = "PT1M";
            rule.acceptRetryAfter = true;
            b.circuitBreakerRules.push_back(rule);
        });
    });
    connect(m_ruleName, &QLineEdit::textEdited, this, [this](const QString &text) {
        editRule(tr("Edit circuit breaker name"), QStringLiteral("ruleName"),
                 [&](model::CircuitBreakerRule &r) { r.name = fromEdit(text, r.name); });
    });
    connect(m_failureCount, &QSpinBox::valueChanged, this, [this](int value) {
        editRule(tr("Edit failure count"), QStringLiteral("failureCount"), [&](model::CircuitBreakerRule &r) {
            if (value == 0)
                r.failureCount.reset();
            else
                r.failureCount = value;
        });
    });
    connect(m_failurePercentage, &QSpinBox::valueChanged, this, [this](int value) {
        editRule(tr("Edit failure percentage"), QStringLiteral("failurePercentage"), [&](model::CircuitBreakerRule &r) {
            if (value == 0)
                r.failurePercentage.reset();
            else
                r.failurePercentage = value;
        });
    });
    auto durationField = [this](QLineEdit *field, const QString &key, const QString &text,
                                std::optional<std::string> model::CircuitBreakerRule::*member) {
        connect(field, &QLineEdit::textEdited, this, [this, key, text, member](const QString &value) {
            if (!value.isEmpty() && !isDuration(value)) {
                showMessage(m_breakerMessage, tr("\"%1\" is not an ISO-8601 duration (PT30S, PT1M, PT1H).").arg(value));
                return;
            }
            showMessage(m_breakerMessage, {});
            editRule(text, key, [&](model::CircuitBreakerRule &r) { r.*member = fromEdit(value, r.*member); });
        });
    };
    durationField(m_failureInterval, QStringLiteral("failureInterval"), tr("Edit failure interval"),
                  &model::CircuitBreakerRule::failureInterval);
    durationField(m_tripDuration, QStringLiteral("tripDuration"), tr("Edit trip duration"),
                  &model::CircuitBreakerRule::tripDuration);
    connect(m_statusCodes, &QLineEdit::textEdited, this, [this](const QString &text) {
        std::vector<model::StatusCodeRange> ranges;
        if (!parseStatusCodes(text, ranges)) {
            showMessage(m_breakerMessage, tr("Status codes are 200–599, as single codes or ranges: 500-599, 429."));
            return;
        }
        showMessage(m_breakerMessage, {});
        editRule(tr("Edit failing status codes"), QStringLiteral("statusCodes"),
                 [&](model::CircuitBreakerRule &r) { r.statusCodeRanges = ranges; });
    });
    connect(m_errorReasons, &QLineEdit::textEdited, this, [this](const QString &text) {
        editRule(tr("Edit error reasons"), QStringLiteral("errorReasons"), [&](model::CircuitBreakerRule &r) {
            r.errorReasons.clear();
            for (const QString &reason : splitList(text))
                r.errorReasons.push_back(reason.toStdString());
        });
    });
    connect(m_acceptRetryAfter, &QCheckBox::toggled, this, [this](bool on) {
        editRule(tr("Change Retry-After"), {}, [&](model::CircuitBreakerRule &r) { r.acceptRetryAfter = on; });
    });

    reload();
}

QTableView *BackendEditor::makeTable(RowsTableModel *model, const QString &objectName, const QString &accessibleName,
                                     QPushButton **add, QPushButton **remove, const QStringList &newRow)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *view = new QTableView;
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    // Names and values share the width; numbers (a pool's weight and priority) keep a narrow column.
    view->horizontalHeader()->setStretchLastSection(false);
    for (int column = 0; column < model->columnCount(); ++column) {
        view->horizontalHeader()->setSectionResizeMode(
            column, column == 0 || model->columnCount() == 2 ? QHeaderView::Stretch : QHeaderView::Fixed);
        if (column > 0 && model->columnCount() > 2)
            view->horizontalHeader()->resizeSection(column, 110);
    }
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    fitHeight(view, 0);
    connect(model, &QAbstractItemModel::modelReset, view, [view, model] { fitHeight(view, model->rowCount()); });
    connect(model, &QAbstractItemModel::rowsInserted, view, [view, model] { fitHeight(view, model->rowCount()); });
    connect(model, &QAbstractItemModel::rowsRemoved, view, [view, model] { fitHeight(view, model->rowCount()); });
    view->setTabKeyNavigation(false);
    layout->addWidget(view);
    auto *buttons = new QHBoxLayout;
    *add = new QPushButton;
    (*add)->setObjectName(objectName + QStringLiteral("Add"));
    *remove = new QPushButton;
    (*remove)->setObjectName(objectName + QStringLiteral("Remove"));
    (*remove)->setEnabled(false);
    buttons->addWidget(*add);
    buttons->addWidget(*remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    QPushButton *removeButton = *remove;
    connect(*add, &QPushButton::clicked, this, [view, model, newRow] {
        const int row = model->appendRow(newRow);
        // The model was rebuilt from the entity by the edit: start editing the new row's first cell.
        const QModelIndex cell = model->index(std::min(row, model->rowCount() - 1), 0);
        view->setCurrentIndex(cell);
        view->edit(cell);
    });
    connect(*remove, &QPushButton::clicked, this, [view, model] {
        if (view->currentIndex().isValid())
            model->removeRowAt(view->currentIndex().row());
    });
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [removeButton](const QModelIndex &current) { removeButton->setEnabled(current.isValid()); });
    connect(model, &QAbstractItemModel::modelReset, this,
            [removeButton, view] { removeButton->setEnabled(view->currentIndex().isValid()); });
    return view;
}

bool BackendEditor::exists() const
{
    return m_document.find<model::Backend>(m_name.toStdString()) != nullptr;
}

template<class F>
void BackendEditor::editRule(const QString &text, const QString &field, F &&change)
{
    // Typing merges per rule: a step never spans two rules.
    edit<model::Backend>(text, field.isEmpty() ? field : QStringLiteral("rule%1/%2").arg(m_ruleIndex).arg(field),
                         [&](model::Backend &b) {
                             if (m_ruleIndex >= 0 && m_ruleIndex < static_cast<int>(b.circuitBreakerRules.size()))
                                 change(b.circuitBreakerRules[static_cast<std::size_t>(m_ruleIndex)]);
                         });
}

void BackendEditor::addRule()
{
    const model::Backend *backend = m_document.find<model::Backend>(m_name.toStdString());
    if (!backend)
        return;
    // A name no other rule has: breaker, breaker-2, ...
    std::string name = "breaker";
    for (int n = 2; std::any_of(backend->circuitBreakerRules.begin(), backend->circuitBreakerRules.end(),
                                [&](const model::CircuitBreakerRule &r) { return r.name == name; });
         ++n)
        name = "breaker-" + std::to_string(n);
    const int index = static_cast<int>(backend->circuitBreakerRules.size());
    edit<model::Backend>(tr("Add circuit breaker rule"), {}, [&](model::Backend &b) {
        model::CircuitBreakerRule rule;
        rule.name = name;
        rule.failureCount = 5;
        rule.failureInterval = "PT1M";
        rule.statusCodeRanges = {{500, 599}};
        rule.tripDuration = "PT1M";
        rule.acceptRetryAfter = true;
        b.circuitBreakerRules.push_back(rule);
    });
    m_ruleIndex = index;
    reload();
    m_ruleName->setFocus();
    m_ruleName->selectAll();
}

void BackendEditor::removeRule()
{
    const model::Backend *backend = m_document.find<model::Backend>(m_name.toStdString());
    if (!backend || m_ruleIndex < 0 || m_ruleIndex >= static_cast<int>(backend->circuitBreakerRules.size()))
        return;
    const int index = m_ruleIndex;
    m_ruleIndex = std::max(0, index - 1);
    edit<model::Backend>(tr("Remove circuit breaker rule"), {}, [&](model::Backend &b) {
        b.circuitBreakerRules.erase(b.circuitBreakerRules.begin() + index);
    });
}

void BackendEditor::writeCredentials(const QString &field)
{
    const auto *backend = m_document.find<model::Backend>(m_name.toStdString());
    if (!backend || updating())
        return;
    // Keys the form does not show (certificates, managed identity) are kept as they are.
    model::Json credentials = backend->credentials.is_object() ? backend->credentials : model::Json::object();
    auto setOrErase = [&](const char *key, model::Json value) {
        if (value.empty())
            credentials.erase(key);
        else
            credentials[key] = std::move(value);
    };
    setOrErase("header", objectOf(m_headers->rows()));
    setOrErase("query", objectOf(m_query->rows()));
    model::Json authorization = credentials.contains("authorization") && credentials["authorization"].is_object()
                                    ? credentials["authorization"]
                                    : model::Json::object();
    const QString scheme = m_authScheme->text();
    const QString parameter = m_authParameter->text();
    if (scheme.isEmpty())
        authorization.erase("scheme");
    else
        authorization["scheme"] = scheme.toStdString();
    if (parameter.isEmpty())
        authorization.erase("parameter");
    else
        authorization["parameter"] = parameter.toStdString();
    setOrErase("authorization", authorization);
    if (credentials.empty() && backend->credentials.is_null())
        credentials = model::Json();
    if (credentials == backend->credentials)
        return;
    edit<model::Backend>(tr("Edit backend credentials"), field,
                         [&](model::Backend &b) { b.credentials = credentials; });
}

void BackendEditor::writePool()
{
    const auto *backend = m_document.find<model::Backend>(m_name.toStdString());
    if (!backend || updating())
        return;
    // New members copy the id form the folder already uses (absolute ids keep their prefix); else "/backends/<b>".
    std::string prefix = "/backends/";
    for (const auto &other : m_document.model().backends) {
        for (const auto &member : other.pool) {
            const auto slash = member.id.rfind('/');
            if (slash != std::string::npos)
                prefix = member.id.substr(0, slash + 1);
        }
    }
    std::vector<model::PoolMember> members;
    QStringList problems;
    for (const QStringList &row : m_pool->rows()) {
        const std::string name = row.value(0).trimmed().toStdString();
        model::PoolMember member;
        const auto same = std::find_if(backend->pool.begin(), backend->pool.end(),
                                       [&](const model::PoolMember &m) { return model::lastSegment(m.id) == name; });
        member.id = same != backend->pool.end() ? same->id : prefix + name;
        bool ok = true;
        if (!row.value(1).trimmed().isEmpty()) {
            const int weight = row.value(1).trimmed().toInt(&ok);
            if (!ok || weight < 0 || weight > 100)
                problems << tr("Weights are 0–100.");
            else
                member.weight = weight;
        }
        if (!row.value(2).trimmed().isEmpty()) {
            const int priority = row.value(2).trimmed().toInt(&ok);
            if (!ok || priority < 0 || priority > 100)
                problems << tr("Priorities are 0–100.");
            else
                member.priority = priority;
        }
        if (name.empty()) { // a row being filled in: written once it names a backend
            problems << tr("Choose a backend for every member.");
            continue;
        }
        if (!m_document.model().findBackend(name))
            problems << tr("There is no backend called %1.").arg(toQString(name));
        members.push_back(member);
    }
    problems.removeDuplicates();
    showMessage(m_poolMessage, problems.join(QLatin1Char(' ')));
    const bool same = members.size() == backend->pool.size() &&
                      std::equal(members.begin(), members.end(), backend->pool.begin(),
                                 [](const model::PoolMember &a, const model::PoolMember &b) {
                                     return a.id == b.id && a.weight == b.weight && a.priority == b.priority;
                                 });
    if (same)
        return;
    // Each cell is a deliberate step of its own (no merging), like a row added or removed.
    edit<model::Backend>(tr("Edit pool members"), {}, [&](model::Backend &b) { b.pool = members; });
}

void BackendEditor::refresh()
{
    const model::Backend &backend = *m_document.find<model::Backend>(m_name.toStdString());
    setHeading(toQString(backend.title.value_or(backend.name)),
               tr("Backend · %1 · backends/%1/backendInformation.json").arg(toQString(backend.name)));
    setText(m_title, toQString(backend.title));
    setText(m_description, toQString(backend.description));
    const bool pool = backend.isPool();
    m_type->setCurrentIndex(pool ? 1 : 0);
    m_connection->setVisible(!pool);
    m_poolSection->setVisible(pool);

    setText(m_url, toQString(backend.url));
    m_protocol->setCurrentIndex(backend.protocol == "soap" ? 1 : 0);
    // APIM validates both when the file does not say.
    setChecked(m_validateChain, backend.validateCertificateChain.value_or(true));
    setChecked(m_validateName, backend.validateCertificateName.value_or(true));

    QList<QStringList> members;
    for (const model::PoolMember &member : backend.pool)
        members << QStringList{toQString(model::lastSegment(member.id)),
                               member.weight ? QString::number(*member.weight) : QString(),
                               member.priority ? QString::number(*member.priority) : QString()};

    const model::Json &credentials = backend.credentials;
    const model::Json none = model::Json::object();
    auto member = [&](const char *key) -> const model::Json & {
        return credentials.is_object() && credentials.contains(key) ? credentials[key] : none;
    };
    // Rows the user is still filling in (no name or backend yet) are not in the model: keep them on screen.
    auto keepPartial = [](RowsTableModel *table, QList<QStringList> rows) {
        for (const QStringList &row : table->rows()) {
            if (row.value(0).trimmed().isEmpty())
                rows << row;
        }
        table->setRows(rows);
    };
    keepPartial(m_pool, members);
    keepPartial(m_headers, rowsOf(member("header")));
    keepPartial(m_query, rowsOf(member("query")));
    setText(m_authScheme, text(member("authorization"), "scheme"));
    setText(m_authParameter, text(member("authorization"), "parameter"));

    const bool hasRule = !backend.circuitBreakerRules.empty();
    if (m_breaker->isChecked() != hasRule)
        m_breaker->setChecked(hasRule);
    const int ruleCount = static_cast<int>(backend.circuitBreakerRules.size());
    if (m_ruleIndex >= ruleCount)
        m_ruleIndex = std::max(0, ruleCount - 1);
    QStringList ruleNames;
    for (int i = 0; i < ruleCount; ++i) {
        const model::CircuitBreakerRule &r = backend.circuitBreakerRules[static_cast<std::size_t>(i)];
        ruleNames << (r.name && !r.name->empty() ? toQString(r.name) : tr("Rule %1 (no name)").arg(i + 1));
    }
    if (m_rules->stringList() != ruleNames) {
        m_rules->setStringList(ruleNames);
        fitHeight(m_rulesView, ruleCount, 2, 6);
    }
    if (hasRule && m_rulesView->currentIndex().row() != m_ruleIndex)
        m_rulesView->setCurrentIndex(m_rules->index(m_ruleIndex));
    m_removeRule->setEnabled(hasRule);
    const model::CircuitBreakerRule rule =
        hasRule ? backend.circuitBreakerRules[static_cast<std::size_t>(m_ruleIndex)] : model::CircuitBreakerRule{};
    setText(m_ruleName, toQString(rule.name));
    if (m_failureCount->value() != rule.failureCount.value_or(0))
        m_failureCount->setValue(static_cast<int>(rule.failureCount.value_or(0)));
    if (m_failurePercentage->value() != rule.failurePercentage.value_or(0))
        m_failurePercentage->setValue(static_cast<int>(rule.failurePercentage.value_or(0)));
    if (isDuration(m_failureInterval->text()) || !m_failureInterval->hasFocus())
        setText(m_failureInterval, toQString(rule.failureInterval));
    if (isDuration(m_tripDuration->text()) || !m_tripDuration->hasFocus())
        setText(m_tripDuration, toQString(rule.tripDuration));
    std::vector<model::StatusCodeRange> shown;
    if (!parseStatusCodes(m_statusCodes->text(), shown) || rangesText(shown) != rangesText(rule.statusCodeRanges))
        if (!m_statusCodes->hasFocus() || parseStatusCodes(m_statusCodes->text(), shown))
            setText(m_statusCodes, rangesText(rule.statusCodeRanges));
    QStringList reasons;
    for (const std::string &reason : rule.errorReasons)
        reasons << toQString(reason);
    if (splitList(m_errorReasons->text()) != reasons)
        m_errorReasons->setText(reasons.join(QStringLiteral(", ")));
    setChecked(m_acceptRetryAfter, rule.acceptRetryAfter.value_or(false));
}

} // namespace gh::entities
