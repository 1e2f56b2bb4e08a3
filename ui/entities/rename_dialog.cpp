#include "rename_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gh::entities {

RenameDialog::RenameDialog(Kind kind, const QString &name, workspace::WorkspaceDocument &document, QWidget *parent)
    : QDialog(parent), m_kind(kind), m_name(name), m_document(document)
{
    setObjectName(QStringLiteral("renameDialog"));
    setWindowTitle(tr("Rename %1").arg(name));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 12);
    layout->setSpacing(8);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_edit = new QLineEdit(name);
    m_edit->setObjectName(QStringLiteral("renameEdit"));
    m_edit->setAccessibleName(tr("New name"));
    m_edit->setMinimumWidth(320);
    m_edit->selectAll();
    auto *label = new QLabel(tr("&New name:"));
    label->setBuddy(m_edit);
    form->addRow(label, m_edit);
    layout->addLayout(form);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("renameMessage"));
    m_message->setWordWrap(true);
    // The editors' message red: readable on light and dark windows.
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText, QColor(0xe0, 0x3e, 0x3e));
    m_message->setPalette(palette);
    m_message->hide();
    layout->addWidget(m_message);

    // The folder and what refers to the entity change with it: said before, not discovered after.
    QString note = tr("The folder is renamed when the workspace is saved.");
    const QStringList references = renameReferences(kind, name, document);
    if (!references.isEmpty())
        note += QLatin1Char(' ') + tr("Also updates %1.").arg(references.join(tr(", ")));
    auto *noteLabel = new QLabel(note);
    noteLabel->setObjectName(QStringLiteral("renameNote"));
    noteLabel->setWordWrap(true);
    noteLabel->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(noteLabel);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Rename"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("renameButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RenameDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RenameDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_edit, &QLineEdit::textChanged, this, &RenameDialog::check);
    check();
}

void RenameDialog::check()
{
    const QString problem = checkNewName(m_kind, m_name, m_edit->text().trimmed(), m_document);
    m_message->setText(problem);
    m_message->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty() && m_edit->text().trimmed() != m_name);
}

void RenameDialog::accept()
{
    const QString newName = m_edit->text().trimmed();
    if (!checkNewName(m_kind, m_name, newName, m_document).isEmpty())
        return;
    if (newName != m_name)
        renameEntity(m_kind, m_name, newName, m_document);
    QDialog::accept();
}

} // namespace gh::entities
