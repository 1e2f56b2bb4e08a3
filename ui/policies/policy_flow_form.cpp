#include "policy_flow_form.h"

#include "policy_flow_model.h"
#include "policy_text_edits.h"

#include <policy/registry.h>

#include <QApplication>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QVBoxLayout>

namespace gh::policies {

namespace policy = gw::policy;

namespace {

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<int>(text.size()));
}

bool isExpression(const QString &value)
{
    return value.startsWith(QLatin1String("@(")) || value.startsWith(QLatin1String("@{"));
}

// "renewal-period" with a mnemonic on the first letter no other label of the form has taken.
QString withMnemonic(const QString &text, QSet<QChar> &taken)
{
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i].toLower();
        if (c.isLetter() && !taken.contains(c)) {
            taken.insert(c);
            return text.left(i) + QLatin1Char('&') + text.mid(i);
        }
    }
    return text;
}

} // namespace

PolicyFlowForm::PolicyFlowForm(PolicyFlowModel &model, QWidget *parent) : QWidget(parent), m_model(model)
{
    setObjectName(QStringLiteral("policyForm"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(8);

    m_empty = new QLabel(tr("Select a card to edit its settings, or add a policy from the palette."));
    m_empty->setObjectName(QStringLiteral("policyFormEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_empty, 1);

    m_body = new QWidget;
    auto *body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(8);
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("policyFormTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    body->addWidget(m_title);
    m_help = new QLabel;
    m_help->setObjectName(QStringLiteral("policyFormHelp"));
    m_help->setWordWrap(true);
    m_help->setForegroundRole(QPalette::PlaceholderText);
    body->addWidget(m_help);
    body->addSpacing(4);

    auto *fields = new QWidget;
    m_form = new QFormLayout(fields);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::WrapAllRows); // the panel is narrow: labels above their fields
    body->addWidget(fields);

    m_nested = new QLabel;
    m_nested->setObjectName(QStringLiteral("policyFormNested"));
    m_nested->setWordWrap(true);
    body->addWidget(m_nested);

    auto *buttons = new QHBoxLayout;
    m_openSource = new QPushButton(tr("&Open in text"));
    m_openSource->setObjectName(QStringLiteral("openCardSourceButton"));
    m_openSource->setAccessibleName(tr("Open the policy in the text editor"));
    connect(m_openSource, &QPushButton::clicked, this, [this] {
        if (const policy::Element *element = m_model.element(m_section, m_index))
            emit openSourceRequested(element->range.line, element->range.column);
    });
    m_delete = new QPushButton(tr("&Delete policy"));
    m_delete->setObjectName(QStringLiteral("deleteCardButton"));
    m_delete->setAccessibleName(tr("Delete the policy"));
    connect(m_delete, &QPushButton::clicked, this, [this] { emit deleteRequested(m_section, m_index); });
    buttons->addWidget(m_openSource);
    buttons->addStretch();
    buttons->addWidget(m_delete);
    body->addLayout(buttons);
    body->addStretch();
    layout->addWidget(m_body);

    rebuild();
}

void PolicyFlowForm::showCard(policy::Section section, int index)
{
    m_section = section;
    m_index = index;
    m_shownName.clear();
    rebuild();
}

void PolicyFlowForm::clearForm()
{
    // The old fields say nothing more (their Field entries go now), and do not hand the keyboard on as they hide.
    for (const Field &field : m_fields) {
        field.editor->disconnect(this);
        if (auto *combo = qobject_cast<QComboBox *>(field.editor); combo && combo->lineEdit())
            combo->lineEdit()->disconnect(this);
        if (field.editor->isAncestorOf(QApplication::focusWidget()) || field.editor->hasFocus())
            QApplication::focusWidget()->clearFocus();
    }
    // Later, not now: this may run inside a field's own signal (a commit that changed the policy).
    while (m_form->rowCount() > 0) {
        const QFormLayout::TakeRowResult row = m_form->takeRow(0);
        for (QLayoutItem *item : {row.labelItem, row.fieldItem}) {
            if (!item)
                continue;
            if (QWidget *widget = item->widget()) {
                widget->hide();
                widget->deleteLater();
            }
            delete item;
        }
    }
    m_fields.clear();
}

void PolicyFlowForm::refresh()
{
    const policy::Element *element = m_model.element(m_section, m_index);
    if (!element || element->name != m_shownName) {
        rebuild();
        return;
    }
    const policy::Document &document = *m_model.parsed();
    for (Field &field : m_fields) {
        const bool focused = field.editor->hasFocus() || field.editor->isAncestorOf(QApplication::focusWidget());
        if (focused && valueOf(field) != field.shown)
            continue; // being typed into: the user's text stays
        QString value;
        if (field.attribute.empty()) {
            if (element->text) {
                const policy::Value &text = element->text->value;
                if (text.isExpression())
                    value = QString::fromStdString((text.expression().block ? "@{" : "@(") + text.expression().source +
                                                   (text.expression().block ? "}" : ")"));
                else
                    value = QString::fromStdString(text.literal()).trimmed();
            }
        } else if (const auto *attribute = element->attribute(field.attribute)) {
            value = QString::fromStdString(editableValue(document, *attribute));
        }
        if (valueOf(field) != value)
            setValueOf(field, value);
        field.shown = value;
        field.message->hide();
    }
}

void PolicyFlowForm::rebuild()
{
    clearForm();
    const policy::Element *element = m_model.element(m_section, m_index);
    m_empty->setVisible(!element);
    m_body->setVisible(element != nullptr);
    if (!element)
        return;
    m_shownName = element->name;
    const auto *registered = policy::findPolicy(element->name);
    m_title->setText(QString::fromStdString(element->name));
    m_delete->setText(element->name == "base" ? tr("&Delete <base />") : tr("&Delete policy"));
    if (element->name == "base") {
        m_help->setText(tr("The policies of the broader scopes run here: %1. Without <base />, they do not run for "
                           "this section.")
                            .arg(m_model.inheritedSummary(m_section)));
    } else if (!registered) {
        m_help->setText(tr("This gateway does not know this policy; edit it in the text."));
    } else {
        QString help = fromView(registered->description.help);
        if (!registered->description.needs.empty())
            help += QLatin1Char(' ') + tr("Not run here: needs %1.").arg(fromView(registered->description.needs));
        m_help->setText(help);
    }

    QSet<QChar> taken{QLatin1Char('o'), QLatin1Char('d')}; // the buttons' mnemonics
    const auto addRow = [&](const QString &labelText, Field field, const QString &help) {
        auto *label = new QLabel(withMnemonic(labelText, taken));
        auto *holder = new QWidget;
        auto *column = new QVBoxLayout(holder);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(2);
        column->addWidget(field.editor);
        field.message = new QLabel;
        field.message->setObjectName(QStringLiteral("fieldMessage_") + labelText);
        field.message->setWordWrap(true);
        QPalette warning = field.message->palette();
        warning.setColor(QPalette::WindowText, QColor(0xd9, 0x3f, 0x3f));
        field.message->setPalette(warning);
        field.message->hide();
        column->addWidget(field.message);
        label->setBuddy(field.editor);
        field.editor->setToolTip(help);
        field.editor->setAccessibleName(labelText);
        field.editor->setAccessibleDescription(help);
        m_form->addRow(label, holder);
        // Shown now rather than on the next turn of the event loop, so that messages and focus work at once.
        label->show();
        holder->show();
        m_fields.push_back(std::move(field));
    };

    std::vector<std::string> described;
    if (registered) {
        for (const auto &attribute : registered->description.attributes) {
            Field field;
            field.attribute = std::string(attribute.name);
            field.type = static_cast<int>(attribute.type);
            field.required = attribute.required;
            field.expressions = attribute.expressions;
            QString placeholder = attribute.defaultValue.empty()
                                      ? (attribute.required ? tr("required") : tr("not set"))
                                      : tr("default: %1").arg(fromView(attribute.defaultValue));
            if (attribute.type == policy::AttributeType::Choice || attribute.type == policy::AttributeType::Boolean) {
                auto *combo = new QComboBox;
                // Editable so that an expression can stand for the value.
                combo->setEditable(true);
                combo->setInsertPolicy(QComboBox::NoInsert);
                combo->addItem(QString());
                if (attribute.type == policy::AttributeType::Boolean) {
                    field.choices = {"true", "false"};
                } else {
                    for (std::string_view choice : attribute.choices)
                        field.choices.emplace_back(choice);
                }
                for (const auto &choice : field.choices)
                    combo->addItem(QString::fromStdString(choice));
                combo->lineEdit()->setPlaceholderText(placeholder);
                field.editor = combo;
            } else {
                auto *edit = new QLineEdit;
                edit->setPlaceholderText(placeholder);
                edit->setClearButtonEnabled(true);
                field.editor = edit;
            }
            field.editor->setObjectName(QStringLiteral("field_") + QString::fromStdString(field.attribute));
            described.push_back(field.attribute);
            const QString label = QString::fromStdString(field.attribute);
            addRow(label, std::move(field), fromView(attribute.help));
        }
    }
    // Attributes the description does not list (or of a policy the catalogue lacks) are still editable as text.
    for (const auto &attribute : element->attributes) {
        if (std::find(described.begin(), described.end(), attribute.name) != described.end())
            continue;
        Field field;
        field.attribute = attribute.name;
        auto *edit = new QLineEdit;
        edit->setObjectName(QStringLiteral("field_") + QString::fromStdString(attribute.name));
        field.editor = edit;
        const QString label = QString::fromStdString(attribute.name);
        addRow(label, std::move(field), tr("Not described for this policy."));
    }
    const bool textValue = (registered && registered->description.hasText) || element->text.has_value();
    if (textValue && element->children.empty()) {
        Field field;
        auto *edit = new QLineEdit;
        edit->setObjectName(QStringLiteral("field_text"));
        edit->setPlaceholderText(tr("a value or an expression"));
        field.editor = edit;
        addRow(tr("text"), std::move(field), tr("The element's content."));
    }

    QStringList nested;
    for (const auto &child : element->children)
        nested << QString::fromStdString(child.name);
    nested.removeDuplicates();
    m_nested->setVisible(!nested.isEmpty());
    m_nested->setText(
        tr("Contains %1. Nested elements are edited in the text.").arg(nested.join(QStringLiteral(", "))));

    for (Field &field : m_fields) {
        Field *pointer = &field;
        if (auto *combo = qobject_cast<QComboBox *>(field.editor)) {
            connect(combo, &QComboBox::activated, this, [this, pointer] { commit(*pointer); });
            connect(combo->lineEdit(), &QLineEdit::editingFinished, this, [this, pointer] { commit(*pointer); });
        } else if (auto *edit = qobject_cast<QLineEdit *>(field.editor)) {
            connect(edit, &QLineEdit::editingFinished, this, [this, pointer] { commit(*pointer); });
        }
    }
    refresh();
    // Tab goes from field to field, then to the buttons.
    QWidget *previous = nullptr;
    for (const Field &field : m_fields) {
        if (previous)
            setTabOrder(previous, field.editor);
        previous = field.editor;
    }
    if (previous) {
        setTabOrder(previous, m_openSource);
        setTabOrder(m_openSource, m_delete);
    }
}

void PolicyFlowForm::focusFirstField()
{
    if (!m_fields.empty())
        m_fields.front().editor->setFocus(Qt::TabFocusReason);
    else if (m_body->isVisible())
        m_openSource->setFocus(Qt::TabFocusReason);
}

QString PolicyFlowForm::valueOf(const Field &field)
{
    if (auto *combo = qobject_cast<QComboBox *>(field.editor))
        return combo->currentText();
    if (auto *edit = qobject_cast<QLineEdit *>(field.editor))
        return edit->text();
    return {};
}

void PolicyFlowForm::setValueOf(Field &field, const QString &value)
{
    if (auto *combo = qobject_cast<QComboBox *>(field.editor)) {
        const QSignalBlocker blocker(combo);
        const int index = combo->findText(value);
        if (index >= 0)
            combo->setCurrentIndex(index);
        else
            combo->setEditText(value);
    } else if (auto *edit = qobject_cast<QLineEdit *>(field.editor)) {
        const QSignalBlocker blocker(edit);
        edit->setText(value);
        edit->setCursorPosition(0);
    }
}

QString PolicyFlowForm::validate(const Field &field, const QString &value) const
{
    if (value.isEmpty())
        return field.required ? tr("Required: give it a value.") : QString();
    if (isExpression(value))
        return field.expressions ? QString() : tr("Takes a literal value, not an expression.");
    switch (static_cast<policy::AttributeType>(field.type)) {
    case policy::AttributeType::Integer:
        if (!QRegularExpression(QStringLiteral("^-?\\d+$")).match(value).hasMatch() &&
            !value.contains(QLatin1String("{{")))
            return tr("A whole number, or an expression like @(…).");
        break;
    case policy::AttributeType::Number:
        if (!QRegularExpression(QStringLiteral("^-?\\d+(\\.\\d+)?$")).match(value).hasMatch() &&
            !value.contains(QLatin1String("{{")))
            return tr("A number, or an expression like @(…).");
        break;
    case policy::AttributeType::Boolean:
    case policy::AttributeType::Choice:
        if (std::find(field.choices.begin(), field.choices.end(), value.toStdString()) == field.choices.end() &&
            !value.contains(QLatin1String("{{"))) {
            QStringList choices;
            for (const auto &choice : field.choices)
                choices << QString::fromStdString(choice);
            return tr("One of %1.").arg(choices.join(QStringLiteral(", ")));
        }
        break;
    case policy::AttributeType::String:
        break;
    }
    return {};
}

void PolicyFlowForm::commit(Field &field)
{
    const QString value = valueOf(field);
    const QString problem = validate(field, value);
    field.message->setText(problem);
    field.message->setVisible(!problem.isEmpty());
    if (!problem.isEmpty())
        return;
    field.shown = value;
    if (field.attribute.empty())
        m_model.setText(m_section, m_index, value.toStdString());
    else
        m_model.setAttribute(m_section, m_index, field.attribute, value.toStdString());
}

} // namespace gh::policies
