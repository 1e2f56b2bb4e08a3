#include "entity_editor.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTableView>
#include <QVBoxLayout>

namespace gh::entities {

QString toQString(const std::string &text)
{
    return QString::fromStdString(text);
}

QString toQString(const std::optional<std::string> &text)
{
    return text ? QString::fromStdString(*text) : QString();
}

std::optional<std::string> fromEdit(const QString &text, const std::optional<std::string> &before)
{
    if (text.isEmpty() && !before)
        return std::nullopt;
    return text.toStdString();
}

EntityEditor::EntityEditor(workspace::WorkspaceDocument &document, std::optional<workspace::EntityKind> kind,
                           const QString &keyPrefix, const QString &name, QWidget *parent)
    : QWidget(parent), m_document(document), m_kind(kind), m_keyPrefix(keyPrefix), m_name(name)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("editorScrollArea"));
    scroll->setFocusPolicy(Qt::NoFocus); // a page, not a stop for Tab: its fields are
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);

    auto *page = new QWidget;
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(24, 18, 24, 18);
    pageLayout->setSpacing(12);

    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("editorTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle = new QLabel;
    m_subtitle->setObjectName(QStringLiteral("editorSubtitle"));
    m_subtitle->setWordWrap(true);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    pageLayout->addWidget(m_title);
    pageLayout->addWidget(m_subtitle);

    m_missing = new QLabel;
    m_missing->setObjectName(QStringLiteral("editorMissing"));
    m_missing->setWordWrap(true);
    m_missing->setText(tr("This item is no longer in the workspace. Undo (Ctrl+Z) brings it back."));
    m_missing->hide();
    pageLayout->addWidget(m_missing);

    // Forms keep a readable width on wide windows instead of stretching fields across the screen.
    m_form = new QWidget;
    m_form->setObjectName(QStringLiteral("editorForm"));
    m_form->setMaximumWidth(880);
    m_body = new QVBoxLayout(m_form);
    m_body->setContentsMargins(0, 0, 0, 0);
    m_body->setSpacing(12);
    pageLayout->addWidget(m_form);
    pageLayout->addStretch(1);
    scroll->setWidget(page);

    connect(&m_document, &workspace::WorkspaceDocument::entityChanged, this, &EntityEditor::onEntityChanged);
    // Every change is refreshed, once per change: forms also list other entities (a product's APIs, a pool's
    // backends), and a whole-model swap announces each entity separately.
    connect(&m_document, &workspace::WorkspaceDocument::modelChanged, this, &EntityEditor::reload);
}

void EntityEditor::setHeading(const QString &title, const QString &subtitle)
{
    m_title->setText(title);
    m_subtitle->setText(subtitle);
    m_subtitle->setVisible(!subtitle.isEmpty());
}

QFormLayout *EntityEditor::addSection(const QString &title, const QString &objectName, const QString &description)
{
    auto *box = new QGroupBox(title);
    box->setObjectName(objectName);
    auto *layout = new QVBoxLayout(box);
    if (!description.isEmpty()) {
        auto *note = new QLabel(description);
        note->setWordWrap(true);
        note->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(note);
    }
    auto *form = new QFormLayout;
    // Text fields grow; combo boxes and spin boxes keep the width of their content, as in Qt Creator's forms.
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->addLayout(form);
    m_body->addWidget(box);
    return form;
}

QLabel *EntityEditor::addMessage(QFormLayout *form, const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xe0, 0x3e, 0x3e));
    label->setPalette(palette);
    label->hide();
    form->addRow(label);
    m_indented.append({label, form});
    return label;
}

QLabel *EntityEditor::addNote(QFormLayout *form, const QString &objectName, const QString &text)
{
    auto *label = new QLabel(text);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(label);
    m_indented.append({label, form});
    return label;
}

void EntityEditor::showMessage(QLabel *label, const QString &message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

QString EntityEditor::mergeKey(const QString &field) const
{
    return m_keyPrefix + QLatin1Char('/') + m_name + QLatin1Char('/') + field;
}

void EntityEditor::alignLabels()
{
    // One label column for the whole page: fields of every section start at the same x.
    QList<QWidget *> labels;
    int width = 0;
    for (QFormLayout *form : m_form->findChildren<QFormLayout *>()) {
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
            if (item && item->widget()) {
                labels << item->widget();
                width = std::max(width, item->widget()->sizeHint().width());
            }
            // Notes and messages in the field column take its full width (the form grows expanding fields only,
            // and a wrapped label would otherwise break after a few words).
            QLayoutItem *field = form->itemAt(row, QFormLayout::FieldRole);
            if (auto *note = field ? qobject_cast<QLabel *>(field->widget()) : nullptr; note && note->wordWrap())
                note->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        }
    }
    for (QWidget *label : labels) {
        label->setMinimumWidth(width);
        if (auto *text = qobject_cast<QLabel *>(label))
            text->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    for (const auto &[label, form] : m_indented)
        label->setContentsMargins(width + std::max(0, form->horizontalSpacing()), 0, 0, 0);
}

void fitHeight(QAbstractItemView *view, int rows, int minimumRows, int maximumRows)
{
    const int shown = std::clamp(rows, minimumRows, maximumRows);
    int rowHeight = view->sizeHintForRow(0);
    if (rowHeight <= 0)
        rowHeight = view->fontMetrics().height() + 6;
    if (auto *list = qobject_cast<QListView *>(view))
        rowHeight += 2 * list->spacing();
    int header = 0;
    if (auto *table = qobject_cast<QTableView *>(view))
        header = table->horizontalHeader()->sizeHint().height();
    view->setFixedHeight(shown * rowHeight + header + 2 * view->frameWidth() + 4);
}

void EntityEditor::reload()
{
    if (!m_aligned) {
        alignLabels();
        m_aligned = true;
    }
    const bool present = exists();
    m_form->setVisible(present);
    m_missing->setVisible(!present);
    if (!present)
        return;
    m_updating = true;
    refresh();
    m_updating = false;
}

void EntityEditor::onEntityChanged(workspace::EntityKind kind, const QString &oldName, const QString &newName)
{
    // Follow a rename of the edited entity (a rename, or undoing one).
    if (m_kind && kind == *m_kind && oldName == m_name && !newName.isEmpty())
        m_name = newName;
}

void EntityEditor::setText(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text)
        edit->setText(text);
}

void EntityEditor::setText(QPlainTextEdit *edit, const QString &text)
{
    if (edit->toPlainText() != text)
        edit->setPlainText(text);
}

void EntityEditor::setChecked(QCheckBox *box, bool checked)
{
    if (box->isChecked() != checked)
        box->setChecked(checked);
}

} // namespace gh::entities
