#include "group_editor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace gh::entities {

namespace model = gw::model;

GroupEditor::GroupEditor(workspace::WorkspaceDocument &document, const QString &name, QWidget *parent)
    : EntityEditor(document, workspace::EntityKind::Group, QStringLiteral("group"), name, parent)
{
    setObjectName(QStringLiteral("groupEditor"));
    QFormLayout *form = addSection(tr("Group"), QStringLiteral("groupGeneral"));
    m_displayName = new QLineEdit;
    m_displayName->setObjectName(QStringLiteral("groupDisplayName"));
    m_displayName->setAccessibleName(tr("Display name"));
    m_displayName->setMaxLength(300);
    form->addRow(tr("&Display name:"), m_displayName);
    m_displayNameMessage = addMessage(form, QStringLiteral("groupDisplayNameMessage"));
    m_description = new QPlainTextEdit;
    m_description->setObjectName(QStringLiteral("groupDescription"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 + 12);
    form->addRow(tr("D&escription:"), m_description);
    m_type = new QComboBox;
    m_type->setObjectName(QStringLiteral("groupType"));
    m_type->setAccessibleName(tr("Type"));
    m_type->addItem(tr("Custom"), QStringLiteral("custom"));
    m_type->addItem(tr("External (Microsoft Entra ID)"), QStringLiteral("external"));
    m_type->addItem(tr("System"), QStringLiteral("system"));
    m_type->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    form->addRow(tr("&Type:"), m_type);
    m_externalId = new QLineEdit;
    m_externalId->setObjectName(QStringLiteral("groupExternalId"));
    m_externalId->setAccessibleName(tr("External id"));
    m_externalId->setPlaceholderText(QStringLiteral("aad://<tenant>/groups/<object id>"));
    form->addRow(tr("E&xternal id:"), m_externalId);
    m_externalIdMessage = addMessage(form, QStringLiteral("groupExternalIdMessage"));
    m_products = new QLabel;
    m_products->setObjectName(QStringLiteral("groupProducts"));
    m_products->setWordWrap(true);
    m_products->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Sees products:"), m_products);

    connect(m_displayName, &QLineEdit::textEdited, this, [this](const QString &text) {
        showMessage(m_displayNameMessage, text.trimmed().isEmpty() ? tr("A group needs a display name.") : QString());
        edit<model::Group>(tr("Edit group display name"), QStringLiteral("displayName"),
                           [&](model::Group &g) { g.displayName = fromEdit(text, g.displayName); });
    });
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_description->toPlainText();
        const auto *group = m_document.find<model::Group>(m_name.toStdString());
        if (!group || toQString(group->description) == text)
            return;
        edit<model::Group>(tr("Edit group description"), QStringLiteral("description"),
                           [&](model::Group &g) { g.description = fromEdit(text, g.description); });
    });
    connect(m_type, &QComboBox::activated, this, [this](int index) {
        const std::string type = m_type->itemData(index).toString().toStdString();
        edit<model::Group>(tr("Change group type"), {}, [&](model::Group &g) { g.type = type; });
    });
    connect(m_externalId, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit<model::Group>(tr("Edit group external id"), QStringLiteral("externalId"),
                           [&](model::Group &g) { g.externalId = fromEdit(text, g.externalId); });
    });
    reload();
}

bool GroupEditor::exists() const
{
    return m_document.find<model::Group>(m_name.toStdString()) != nullptr;
}

void GroupEditor::refresh()
{
    const model::Group &group = *m_document.find<model::Group>(m_name.toStdString());
    setHeading(toQString(group.displayName.value_or(group.name)),
               tr("Group · %1 · groups/%1/groupInformation.json").arg(toQString(group.name)));
    setText(m_displayName, toQString(group.displayName));
    setText(m_description, toQString(group.description));
    const QString type = toQString(group.type.value_or("custom"));
    int index = m_type->findData(type);
    if (index < 0) { // a type this console does not know is shown as written
        m_type->addItem(type, type);
        index = m_type->count() - 1;
    }
    m_type->setCurrentIndex(index);
    setText(m_externalId, toQString(group.externalId));
    const bool external = type == QLatin1String("external");
    m_externalId->setEnabled(external || group.externalId);
    // A disabled field shows no example text, which would read as a value.
    m_externalId->setPlaceholderText(m_externalId->isEnabled() ? QStringLiteral("aad://<tenant>/groups/<object id>")
                                                               : QString());
    showMessage(m_externalIdMessage, external && m_externalId->text().isEmpty()
                                         ? tr("An external group needs the directory group's id.")
                                         : QString());
    QStringList products;
    for (const model::Product &product : m_document.model().products) {
        for (const model::ProductGroupLink &link : product.groups) {
            if (link.group == group.name)
                products << toQString(product.displayName.value_or(product.name));
        }
    }
    m_products->setText(products.isEmpty() ? tr("None yet: tick this group in a product's Groups list.")
                                           : products.join(QStringLiteral(", ")));
}

} // namespace gh::entities
