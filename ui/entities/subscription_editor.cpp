#include "subscription_editor.h"

#include "local_secrets.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QToolButton>

namespace gh::entities {

namespace model = gw::model;

namespace {

struct StateInfo {
    const char *state;
    const char *text;
};
// APIM's subscription states, in the words its portal uses.
const StateInfo kStates[] = {
    {"active", QT_TRANSLATE_NOOP("gh::entities::SubscriptionEditor", "Active")},
    {"suspended", QT_TRANSLATE_NOOP("gh::entities::SubscriptionEditor", "Suspended")},
    {"submitted", QT_TRANSLATE_NOOP("gh::entities::SubscriptionEditor", "Submitted (waiting for approval)")},
    {"rejected", QT_TRANSLATE_NOOP("gh::entities::SubscriptionEditor", "Rejected")},
    {"cancelled", QT_TRANSLATE_NOOP("gh::entities::SubscriptionEditor", "Cancelled")},
    {"expired", QT_TRANSLATE_NOOP("gh::entities::SubscriptionEditor", "Expired")},
};

} // namespace

QString SubscriptionEditor::generateKey()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

SubscriptionEditor::SubscriptionEditor(workspace::WorkspaceDocument &document, const QString &name, QWidget *parent)
    : EntityEditor(document, workspace::EntityKind::Subscription, QStringLiteral("subscription"), name, parent)
{
    setObjectName(QStringLiteral("subscriptionEditor"));
    m_primary.which = QStringLiteral("primaryKey");
    m_secondary.which = QStringLiteral("secondaryKey");

    QFormLayout *general = addSection(tr("Subscription"), QStringLiteral("subscriptionGeneral"));
    m_displayName = new QLineEdit;
    m_displayName->setObjectName(QStringLiteral("subscriptionDisplayName"));
    m_displayName->setAccessibleName(tr("Display name"));
    m_displayName->setMaxLength(100);
    general->addRow(tr("&Display name:"), m_displayName);
    m_scope = new QComboBox;
    m_scope->setObjectName(QStringLiteral("subscriptionScope"));
    m_scope->setAccessibleName(tr("Scope"));
    m_scope->setToolTip(tr("What the subscription's keys open: a product's APIs, one API, or every API"));
    general->addRow(tr("&Scope:"), m_scope);
    m_allowTracing = new QCheckBox(tr("Allow &tracing of calls made with these keys"));
    m_allowTracing->setObjectName(QStringLiteral("subscriptionAllowTracing"));
    general->addRow(QString(), m_allowTracing);
    m_owner = new QLabel;
    m_owner->setObjectName(QStringLiteral("subscriptionOwner"));
    m_owner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    general->addRow(tr("Owner:"), m_owner);

    QFormLayout *state = addSection(tr("State"), QStringLiteral("subscriptionStateSection"));
    m_stateLabel = new QLabel;
    m_stateLabel->setObjectName(QStringLiteral("subscriptionState"));
    m_stateLabel->setAccessibleName(tr("State"));
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_stateLabel);
    stateRow->addStretch(1);
    m_activate = new QPushButton(tr("&Activate"));
    m_activate->setObjectName(QStringLiteral("subscriptionActivate"));
    m_suspend = new QPushButton(tr("S&uspend"));
    m_suspend->setObjectName(QStringLiteral("subscriptionSuspend"));
    m_cancel = new QPushButton(tr("&Cancel Subscription"));
    m_cancel->setObjectName(QStringLiteral("subscriptionCancel"));
    m_cancel->setToolTip(tr("A cancelled subscription's keys stop working; Activate brings it back"));
    stateRow->addWidget(m_activate);
    stateRow->addWidget(m_suspend);
    stateRow->addWidget(m_cancel);
    state->addRow(tr("State:"), stateRow);

    QFormLayout *keys = addSection(tr("Keys"), QStringLiteral("subscriptionKeys"));
    m_keysNote = new QLabel;
    m_keysNote->setObjectName(QStringLiteral("subscriptionKeysNote"));
    m_keysNote->setWordWrap(true);
    m_keysNote->setForegroundRole(QPalette::PlaceholderText);
    keys->addRow(m_keysNote);
    addKeyRow(keys, m_primary, tr("&Primary key:"), QStringLiteral("subscriptionPrimaryKey"));
    addKeyRow(keys, m_secondary, tr("S&econdary key:"), QStringLiteral("subscriptionSecondaryKey"));
    m_keysMessage = addMessage(keys, QStringLiteral("subscriptionKeysMessage"));

    connect(m_displayName, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit<model::Subscription>(tr("Edit subscription display name"), QStringLiteral("displayName"),
                                  [&](model::Subscription &s) { s.displayName = fromEdit(text, s.displayName); });
    });
    connect(m_scope, &QComboBox::activated, this, [this](int index) {
        const std::string scope = m_scope->itemData(index).toString().toStdString();
        edit<model::Subscription>(tr("Change subscription scope"), {},
                                  [&](model::Subscription &s) { s.scope = scope; });
    });
    connect(m_allowTracing, &QCheckBox::toggled, this, [this](bool on) {
        edit<model::Subscription>(tr("Change tracing"), {}, [&](model::Subscription &s) { s.allowTracing = on; });
    });
    connect(m_activate, &QPushButton::clicked, this, [this] { setState("active", tr("Activate subscription")); });
    connect(m_suspend, &QPushButton::clicked, this, [this] { setState("suspended", tr("Suspend subscription")); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { setState("cancelled", tr("Cancel subscription")); });
    connect(&LocalSecrets::of(m_document), &LocalSecrets::secretChanged, this, [this](const QString &key) {
        if (key.startsWith(LocalSecrets::subscriptionKey(m_name, {})))
            reload();
    });
    connect(&LocalSecrets::of(m_document), &LocalSecrets::failed, this,
            [this](const QString &message) { showMessage(m_keysMessage, message); });

    reload();
}

void SubscriptionEditor::addKeyRow(QFormLayout *form, KeyRow &row, const QString &label, const QString &objectPrefix)
{
    row.field = new QLineEdit;
    row.field->setObjectName(objectPrefix);
    row.field->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    row.field->setReadOnly(true);
    row.field->setEchoMode(QLineEdit::Password);
    row.field->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    row.show = new QToolButton;
    row.show->setObjectName(objectPrefix + QStringLiteral("Show"));
    row.show->setText(tr("Show"));
    row.show->setCheckable(true);
    row.show->setAccessibleName(tr("Show the key"));
    row.copy = new QPushButton(tr("Copy"));
    row.copy->setObjectName(objectPrefix + QStringLiteral("Copy"));
    row.copy->setAccessibleName(tr("Copy the key"));
    row.regenerate = new QPushButton(tr("Regenerate"));
    row.regenerate->setObjectName(objectPrefix + QStringLiteral("Regenerate"));
    row.regenerate->setAccessibleName(tr("Regenerate the key"));
    auto *line = new QHBoxLayout;
    line->addWidget(row.field, 1);
    line->addWidget(row.show);
    line->addWidget(row.copy);
    line->addWidget(row.regenerate);
    auto *labelWidget = new QLabel(label);
    labelWidget->setBuddy(row.field);
    form->addRow(labelWidget, line);

    QLineEdit *field = row.field;
    connect(row.show, &QToolButton::toggled, this, [this, field, show = row.show](bool on) {
        field->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        show->setText(on ? tr("Hide") : tr("Show"));
    });
    const QString which = row.which;
    connect(row.copy, &QPushButton::clicked, this, [this, which] {
        if (auto key = currentKey(which))
            QGuiApplication::clipboard()->setText(*key);
    });
    connect(row.regenerate, &QPushButton::clicked, this, [this, which] { regenerate(which); });
}

bool SubscriptionEditor::exists() const
{
    return m_document.find<model::Subscription>(m_name.toStdString()) != nullptr;
}

bool SubscriptionEditor::keysInFile() const
{
    const auto *subscription = m_document.find<model::Subscription>(m_name.toStdString());
    return subscription && (subscription->primaryKey || subscription->secondaryKey);
}

std::optional<QString> SubscriptionEditor::currentKey(const QString &which) const
{
    const auto *subscription = m_document.find<model::Subscription>(m_name.toStdString());
    if (!subscription)
        return std::nullopt;
    const auto &inFile = which == QLatin1String("primaryKey") ? subscription->primaryKey : subscription->secondaryKey;
    if (inFile)
        return toQString(*inFile);
    if (keysInFile())
        return std::nullopt;
    return LocalSecrets::of(m_document).value(LocalSecrets::subscriptionKey(m_name, which));
}

void SubscriptionEditor::regenerate(const QString &which)
{
    const QString key = generateKey();
    const QString text =
        which == QLatin1String("primaryKey") ? tr("Regenerate primary key") : tr("Regenerate secondary key");
    // Keys go where this subscription already keeps them: its file when the file has keys (the folder's owners
    // chose to keep them there), else the local secret store, so no key is ever added to the folder.
    if (keysInFile()) {
        edit<model::Subscription>(text, {}, [&](model::Subscription &s) {
            (which == QLatin1String("primaryKey") ? s.primaryKey : s.secondaryKey) = key.toStdString();
        });
        return;
    }
    LocalSecrets::of(m_document).put(text, LocalSecrets::subscriptionKey(m_name, which), key);
}

void SubscriptionEditor::setState(const char *state, const QString &text)
{
    edit<model::Subscription>(text, {}, [&](model::Subscription &s) { s.state = state; });
}

void SubscriptionEditor::refresh()
{
    const model::Subscription &subscription = *m_document.find<model::Subscription>(m_name.toStdString());
    const model::Workspace &workspace = m_document.model();
    setHeading(
        toQString(subscription.displayName.value_or(subscription.name)),
        tr("Subscription · %1 · subscriptions/%1/subscriptionInformation.json").arg(toQString(subscription.name)));
    setText(m_displayName, toQString(subscription.displayName));

    // The scope list: all APIs, each product, each API; the scope as written is kept when it names none of them.
    const QString scope = toQString(subscription.scope);
    m_scope->clear();
    m_scope->addItem(tr("All APIs"), QStringLiteral("/apis"));
    int current = scope == QLatin1String("/apis") ? 0 : -1;
    for (const model::Product &product : workspace.products) {
        m_scope->addItem(tr("Product: %1").arg(toQString(product.displayName.value_or(product.name))),
                         QStringLiteral("/products/") + toQString(product.name));
        if (subscription.scope && model::refersTo(*subscription.scope, "products", product.name))
            current = m_scope->count() - 1;
    }
    for (const model::Api &api : workspace.apis) {
        if (api.isRevisionFolder())
            continue;
        QString text = toQString(api.displayName.value_or(api.name));
        if (api.apiVersion && !api.apiVersion->empty())
            text += QLatin1Char(' ') + toQString(*api.apiVersion);
        m_scope->addItem(tr("API: %1").arg(text), QStringLiteral("/apis/") + toQString(api.name));
        if (subscription.scope && model::refersTo(*subscription.scope, "apis", api.name))
            current = m_scope->count() - 1;
    }
    if (current < 0) {
        m_scope->addItem(scope.isEmpty() ? tr("(no scope)") : tr("%1 (not in the workspace)").arg(scope), scope);
        current = m_scope->count() - 1;
    }
    m_scope->setCurrentIndex(current);

    setChecked(m_allowTracing, subscription.allowTracing.value_or(false));
    m_owner->setText(subscription.ownerId ? toQString(model::lastSegment(*subscription.ownerId))
                                          : tr("None (an administrator's subscription)"));

    const std::string state = subscription.state.value_or("");
    QString stateText = toQString(state);
    for (const StateInfo &info : kStates) {
        if (state == info.state)
            stateText = tr(info.text);
    }
    const bool active = state == "active";
    const QString colour = active ? QStringLiteral("#2da44e") : QStringLiteral("#bf8700");
    m_stateLabel->setText(QStringLiteral("<span style='color:%1'>●</span> %2")
                              .arg(state == "cancelled" || state == "rejected" ? QStringLiteral("#cf222e") : colour,
                                   stateText.isEmpty() ? tr("Not set") : stateText.toHtmlEscaped()));
    m_activate->setEnabled(!active);
    m_suspend->setEnabled(active);
    m_cancel->setEnabled(state != "cancelled");

    const bool inFile = keysInFile();
    const bool storeAvailable = inFile || LocalSecrets::of(m_document).isAvailable();
    m_keysNote->setText(inFile ? tr("These keys are written in the subscription's file, so they stay there; the "
                                    "publisher sets them in APIM.")
                               : tr("Keys are kept on this computer only (in your secret store) and are never "
                                    "written to the workspace folder. APIM makes its own keys when it publishes."));
    showMessage(m_keysMessage, storeAvailable ? QString() : LocalSecrets::of(m_document).errorString());
    for (KeyRow *row : {&m_primary, &m_secondary}) {
        const auto key = currentKey(row->which);
        setText(row->field, key.value_or(QString()));
        row->field->setPlaceholderText(tr("No local key yet: Regenerate makes one"));
        row->show->setEnabled(key.has_value());
        row->copy->setEnabled(key.has_value());
        row->regenerate->setEnabled(storeAvailable);
    }
}

} // namespace gh::entities
