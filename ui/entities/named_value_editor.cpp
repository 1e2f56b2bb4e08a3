#include "named_value_editor.h"

#include "local_secrets.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTimer>
#include <QToolButton>

namespace gh::entities {

namespace model = gw::model;

namespace {

QStringList splitTags(const QString &text)
{
    QStringList tags;
    for (const QString &tag : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            tags << tag.trimmed();
    }
    return tags;
}

QString keyVaultIdentifier(const model::NamedValue &value)
{
    if (value.keyVault.is_object() && value.keyVault.contains("secretIdentifier") &&
        value.keyVault["secretIdentifier"].is_string())
        return QString::fromStdString(value.keyVault["secretIdentifier"].get<std::string>());
    return {};
}

} // namespace

QString NamedValueEditor::checkDisplayName(const QString &displayName)
{
    if (displayName.isEmpty())
        return tr("A named value needs a display name: policies refer to it as {{name}}.");
    if (displayName.size() > 256)
        return tr("At most 256 characters.");
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._-]+$"));
    if (!allowed.match(displayName).hasMatch())
        return tr("Only letters, digits, '-', '.' and '_' are allowed.");
    return {};
}

NamedValueEditor::NamedValueEditor(workspace::WorkspaceDocument &document, const QString &name, QWidget *parent)
    : EntityEditor(document, workspace::EntityKind::NamedValue, QStringLiteral("namedValue"), name, parent)
{
    setObjectName(QStringLiteral("namedValueEditor"));

    QFormLayout *form = addSection(tr("Named value"), QStringLiteral("namedValueGeneral"));
    m_displayName = new QLineEdit;
    m_displayName->setObjectName(QStringLiteral("namedValueDisplayName"));
    m_displayName->setAccessibleName(tr("Display name"));
    m_displayName->setMaxLength(256);
    form->addRow(tr("&Display name:"), m_displayName);
    m_displayNameMessage = addMessage(form, QStringLiteral("namedValueDisplayNameMessage"));
    m_usage = addNote(form, QStringLiteral("namedValueUsage"));

    m_secret = new QCheckBox(tr("&Secret: keep the value on this computer only, masked"));
    m_secret->setObjectName(QStringLiteral("namedValueSecret"));
    form->addRow(QString(), m_secret);

    m_keyVault = new QLineEdit;
    m_keyVault->setObjectName(QStringLiteral("namedValueKeyVault"));
    m_keyVault->setAccessibleName(tr("Key Vault secret identifier"));
    m_keyVault->setReadOnly(true);
    m_keyVaultLabel = new QLabel(tr("&Key Vault secret:"));
    m_keyVaultLabel->setBuddy(m_keyVault);
    form->addRow(m_keyVaultLabel, m_keyVault);

    m_value = new QLineEdit;
    m_value->setObjectName(QStringLiteral("namedValueValue"));
    m_value->setAccessibleName(tr("Value"));
    m_value->setMaxLength(4096);
    m_reveal = new QToolButton;
    m_reveal->setObjectName(QStringLiteral("namedValueReveal"));
    m_reveal->setText(tr("Show"));
    m_reveal->setCheckable(true);
    m_reveal->setAccessibleName(tr("Show the secret value"));
    auto *valueRow = new QHBoxLayout;
    valueRow->addWidget(m_value, 1);
    valueRow->addWidget(m_reveal);
    auto *valueLabel = new QLabel(tr("&Value:"));
    valueLabel->setBuddy(m_value);
    form->addRow(valueLabel, valueRow);
    m_valueNote = addNote(form, QStringLiteral("namedValueValueNote"));
    m_valueMessage = addMessage(form, QStringLiteral("namedValueValueMessage"));

    m_tags = new QLineEdit;
    m_tags->setObjectName(QStringLiteral("namedValueTags"));
    m_tags->setAccessibleName(tr("Tags"));
    m_tags->setPlaceholderText(tr("Comma-separated, e.g. routing, partners"));
    form->addRow(tr("&Tags:"), m_tags);

    connect(m_displayName, &QLineEdit::textEdited, this, [this](const QString &text) {
        QString problem = checkDisplayName(text);
        if (problem.isEmpty()) {
            for (const model::NamedValue &other : m_document.model().namedValues) {
                if (toQString(other.name) != m_name && toQString(other.displayName) == text)
                    problem = tr("Another named value (%1) already has this display name.").arg(toQString(other.name));
            }
        }
        showMessage(m_displayNameMessage, problem);
        // An invalid name is not written: the model keeps the last valid one and the message says why.
        if (!checkDisplayName(text).isEmpty())
            return;
        edit<model::NamedValue>(tr("Edit named value display name"), QStringLiteral("displayName"),
                                [&](model::NamedValue &v) { v.displayName = text.toStdString(); });
    });
    connect(m_value, &QLineEdit::textEdited, this, &NamedValueEditor::editValue);
    m_secretTimer = new QTimer(this);
    m_secretTimer->setSingleShot(true);
    m_secretTimer->setInterval(700);
    connect(m_secretTimer, &QTimer::timeout, this, &NamedValueEditor::commitSecret);
    connect(m_value, &QLineEdit::editingFinished, this, &NamedValueEditor::commitSecret);
    connect(&m_document, &workspace::WorkspaceDocument::aboutToSave, this, [this] {
        if (m_secretTimer->isActive())
            commitSecret();
    });
    connect(m_reveal, &QToolButton::toggled, this, [this](bool on) {
        m_value->setEchoMode(on || !isSecret() ? QLineEdit::Normal : QLineEdit::Password);
        m_reveal->setText(on ? tr("Hide") : tr("Show"));
    });
    connect(m_secret, &QCheckBox::toggled, this, [this](bool on) {
        if (!updating())
            setSecret(on);
    });
    connect(m_tags, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit<model::NamedValue>(tr("Edit named value tags"), QStringLiteral("tags"), [&](model::NamedValue &v) {
            std::vector<std::string> tags;
            for (const QString &tag : splitTags(text))
                tags.push_back(tag.toStdString());
            if (tags.empty() && !v.tags)
                return;
            v.tags = std::move(tags);
        });
    });
    auto &secrets = LocalSecrets::of(m_document);
    connect(&secrets, &LocalSecrets::secretChanged, this, [this](const QString &key) {
        if (key == LocalSecrets::namedValueKey(m_name))
            reload();
    });
    connect(&secrets, &LocalSecrets::failed, this,
            [this](const QString &message) { showMessage(m_valueMessage, message); });

    setTabOrder(m_displayName, m_secret);
    setTabOrder(m_secret, m_value);
    setTabOrder(m_value, m_reveal);
    setTabOrder(m_reveal, m_tags);
    reload();
}

bool NamedValueEditor::exists() const
{
    return m_document.find<model::NamedValue>(m_name.toStdString()) != nullptr;
}

bool NamedValueEditor::isSecret() const
{
    const auto *value = m_document.find<model::NamedValue>(m_name.toStdString());
    return value && value->secret.value_or(false);
}

void NamedValueEditor::editValue(const QString &text)
{
    if (updating())
        return;
    if (isSecret()) {
        m_secretTimer->start();
        return;
    }
    edit<model::NamedValue>(tr("Edit named value"), QStringLiteral("value"),
                            [&](model::NamedValue &v) { v.value = text.toStdString(); });
}

NamedValueEditor::~NamedValueEditor()
{
    // Closing the editor right after typing keeps what was typed.
    if (m_secretTimer->isActive() && m_document.isOpen())
        commitSecret();
    // The field reports editingFinished when it loses the focus on its way out, after this editor's members are
    // gone: nothing is left to commit.
    disconnect(m_value, nullptr, this, nullptr);
}

void NamedValueEditor::commitSecret()
{
    m_secretTimer->stop();
    if (updating() || !isSecret())
        return;
    auto &secrets = LocalSecrets::of(m_document);
    const QString key = LocalSecrets::namedValueKey(m_name);
    const QString text = m_value->text();
    if (secrets.value(key) == std::optional<QString>(text))
        return;
    secrets.put(tr("Edit secret value"), key, text, mergeKey(QStringLiteral("secretValue")));
}

void NamedValueEditor::setSecret(bool secret)
{
    commitSecret();
    const auto *current = m_document.find<model::NamedValue>(m_name.toStdString());
    if (!current || current->secret.value_or(false) == secret)
        return;
    auto &secrets = LocalSecrets::of(m_document);
    const QString key = LocalSecrets::namedValueKey(m_name);
    QUndoStack *stack = m_document.undoStack();
    // Moving the value between the folder and the secret store is one step: undo puts both back.
    if (secret) {
        if (!secrets.isAvailable()) {
            showMessage(m_valueMessage, secrets.errorString());
            reload();
            return;
        }
        const QString value = toQString(current->value);
        stack->beginMacro(tr("Make named value secret"));
        if (!value.isEmpty())
            secrets.put(QString(), key, value);
        edit<model::NamedValue>(QString(), {}, [&](model::NamedValue &v) {
            v.secret = true;
            v.value.reset();
        });
        stack->endMacro();
    } else {
        const std::optional<QString> value = secrets.value(key);
        stack->beginMacro(tr("Make named value plain"));
        edit<model::NamedValue>(QString(), {}, [&](model::NamedValue &v) {
            v.secret = false;
            // A Key Vault reference keeps its source; the plain value would shadow it in APIM.
            if (keyVaultIdentifier(v).isEmpty())
                v.value = value.value_or(QString()).toStdString();
        });
        if (value)
            secrets.put(QString(), key, std::nullopt);
        stack->endMacro();
    }
}

void NamedValueEditor::refresh()
{
    const model::NamedValue &value = *m_document.find<model::NamedValue>(m_name.toStdString());
    const QString displayName = toQString(value.displayName.value_or(value.name));
    setHeading(displayName,
               tr("Named value · %1 · named values/%1/namedValueInformation.json").arg(toQString(value.name)));
    if (checkDisplayName(m_displayName->text()).isEmpty() || !m_displayName->hasFocus()) {
        setText(m_displayName, toQString(value.displayName));
        showMessage(m_displayNameMessage, {});
    }
    m_usage->setText(tr("Policies use it as %1").arg(QStringLiteral("{{") + displayName + QStringLiteral("}}")));

    const bool secret = value.secret.value_or(false);
    const QString keyVault = keyVaultIdentifier(value);
    setChecked(m_secret, secret);
    m_keyVault->setText(keyVault);
    m_keyVault->setVisible(!keyVault.isEmpty());
    m_keyVaultLabel->setVisible(!keyVault.isEmpty());

    auto &secrets = LocalSecrets::of(m_document);
    if (secret) {
        const auto local = secrets.value(LocalSecrets::namedValueKey(m_name));
        // Typing not written yet stays on screen.
        if (!m_secretTimer->isActive())
            setText(m_value, local.value_or(QString()));
        m_value->setEchoMode(m_reveal->isChecked() ? QLineEdit::Normal : QLineEdit::Password);
        m_value->setPlaceholderText(tr("No local value yet: type one for runs on this computer"));
        m_reveal->setVisible(true);
        m_reveal->setEnabled(local.has_value());
        m_value->setEnabled(secrets.isAvailable());
        if (!secrets.isAvailable())
            showMessage(m_valueMessage, secrets.errorString());
        m_valueNote->setText(
            keyVault.isEmpty()
                ? tr("Kept in your secret store on this computer, where the local gateway reads it; never written to "
                     "the workspace folder. Supply the value for APIM through configuration.<env>.yaml or Key Vault.")
                : tr("APIM reads this value from Azure Key Vault, which the console cannot reach. The value above is "
                     "for runs on this computer only and stays in your secret store."));
    } else {
        setText(m_value, toQString(value.value));
        m_value->setEchoMode(QLineEdit::Normal);
        m_value->setPlaceholderText(tr("The text {{%1}} stands for; may be a policy expression").arg(displayName));
        m_reveal->setVisible(false);
        m_value->setEnabled(true);
        m_valueNote->setText(tr("Written to the workspace folder in plain text."));
    }
    QStringList tags;
    for (const std::string &tag : value.tags.value_or(std::vector<std::string>{}))
        tags << toQString(tag);
    if (splitTags(m_tags->text()) != tags)
        m_tags->setText(tags.join(QStringLiteral(", ")));
}

} // namespace gh::entities
