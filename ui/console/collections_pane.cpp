#include "collections_pane.h"

#include "request_collections.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace gh::console {

CollectionsPane::CollectionsPane(RequestCollections &collections, std::function<QJsonObject()> request, QWidget *parent)
    : QWidget(parent), m_collections(collections), m_request(std::move(request))
{
    setObjectName(QStringLiteral("collectionsPane"));

    auto *form = new QGroupBox(tr("Save the request"));
    m_saveForm = form;
    m_saveForm->setObjectName(QStringLiteral("saveRequestForm"));
    m_collectionCombo = new QComboBox;
    m_collectionCombo->setObjectName(QStringLiteral("saveCollectionCombo"));
    m_collectionCombo->setAccessibleName(tr("Collection"));
    m_collectionCombo->setEditable(true);
    m_collectionCombo->setInsertPolicy(QComboBox::NoInsert);
    m_nameEdit = new QLineEdit;
    m_nameEdit->setObjectName(QStringLiteral("saveNameEdit"));
    m_nameEdit->setAccessibleName(tr("Request name"));
    auto *saveButton = new QPushButton(tr("Save"));
    saveButton->setObjectName(QStringLiteral("saveRequestButton"));
    saveButton->setAccessibleName(tr("Save the request"));
    saveButton->setDefault(true);
    auto *cancelButton = new QPushButton(tr("Cancel"));
    cancelButton->setObjectName(QStringLiteral("cancelSaveButton"));
    cancelButton->setAccessibleName(tr("Do not save the request"));
    connect(saveButton, &QPushButton::clicked, this, &CollectionsPane::save);
    connect(m_nameEdit, &QLineEdit::returnPressed, this, &CollectionsPane::save);
    connect(cancelButton, &QPushButton::clicked, m_saveForm, &QWidget::hide);
    auto *collectionLabel = new QLabel(tr("Co&llection:"));
    collectionLabel->setBuddy(m_collectionCombo);
    auto *nameLabel = new QLabel(tr("Name:"));
    nameLabel->setBuddy(m_nameEdit);
    auto *saveButtons = new QHBoxLayout;
    saveButtons->addStretch(1);
    saveButtons->addWidget(saveButton);
    saveButtons->addWidget(cancelButton);
    auto *formLayout = new QFormLayout(form);
    formLayout->addRow(collectionLabel, m_collectionCombo);
    formLayout->addRow(nameLabel, m_nameEdit);
    formLayout->addRow(saveButtons);
    m_saveForm->hide();

    m_tree = new QTreeView;
    m_tree->setObjectName(QStringLiteral("collectionsTree"));
    m_tree->setAccessibleName(tr("Saved requests"));
    m_tree->setModel(&m_collections);
    m_tree->setHeaderHidden(true);
    m_tree->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    connect(m_tree, &QTreeView::activated, this, &CollectionsPane::open);
    connect(&m_collections, &QAbstractItemModel::modelReset, m_tree, &QTreeView::expandAll);
    m_tree->expandAll();

    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("collectionsNote"));
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_openButton = new QPushButton(tr("Open"));
    m_openButton->setObjectName(QStringLiteral("openRequestButton"));
    m_openButton->setAccessibleName(tr("Open the saved request in the builder"));
    m_renameButton = new QPushButton(tr("Rename"));
    m_renameButton->setObjectName(QStringLiteral("renameRequestButton"));
    m_renameButton->setAccessibleName(tr("Rename the saved request or collection"));
    m_renameButton->setToolTip(tr("Rename (F2)"));
    m_deleteButton = new QPushButton(tr("Delete"));
    m_deleteButton->setObjectName(QStringLiteral("deleteRequestButton"));
    m_deleteButton->setAccessibleName(tr("Delete the saved request or collection"));
    m_deleteButton->setToolTip(tr("Delete (Del); a collection goes with its requests"));
    connect(m_openButton, &QPushButton::clicked, this, [this] { open(m_tree->currentIndex()); });
    connect(m_renameButton, &QPushButton::clicked, this, [this] {
        if (m_tree->currentIndex().isValid())
            m_tree->edit(m_tree->currentIndex());
    });
    connect(m_deleteButton, &QPushButton::clicked, this, &CollectionsPane::removeCurrent);
    auto *removeAction = new QAction(tr("Delete"), m_tree);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    connect(removeAction, &QAction::triggered, this, &CollectionsPane::removeCurrent);
    m_tree->addAction(removeAction);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &CollectionsPane::updateButtons);
    connect(&m_collections, &QAbstractItemModel::modelReset, this, &CollectionsPane::updateButtons);
    updateButtons();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_openButton);
    buttons->addWidget(m_renameButton);
    buttons->addWidget(m_deleteButton);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_saveForm);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_note);
    layout->addLayout(buttons);
}

void CollectionsPane::offerSave(const QString &suggestedName)
{
    const QString typed = m_collectionCombo->currentText();
    m_collectionCombo->clear();
    QStringList collections = m_collections.collections();
    if (collections.isEmpty())
        collections << tr("My Requests");
    m_collectionCombo->addItems(collections);
    // The collection of the request picked in the list, else the one last saved to.
    const QModelIndex current = m_tree->currentIndex();
    const QString preferred = current.isValid() ? current.data(RequestCollections::CollectionRole).toString() : typed;
    if (!preferred.isEmpty())
        m_collectionCombo->setCurrentText(preferred);
    m_nameEdit->setText(suggestedName);
    m_saveForm->show();
    m_nameEdit->setFocus();
    m_nameEdit->selectAll();
}

void CollectionsPane::save()
{
    const QString collection = m_collectionCombo->currentText().trimmed();
    const QString name = m_nameEdit->text().trimmed();
    if (collection.isEmpty() || name.isEmpty()) {
        m_note->setText(tr("Name the request and its collection."));
        (collection.isEmpty() ? static_cast<QWidget *>(m_collectionCombo) : m_nameEdit)->setFocus();
        return;
    }
    if (!m_collections.save(collection, name, m_request())) {
        m_note->setText(m_collections.errorString());
        return;
    }
    m_saveForm->hide();
    m_tree->setCurrentIndex(m_collections.find(collection, name));
    m_note->setText(tr("Saved as \"%1\" in %2.").arg(name, collection));
}

void CollectionsPane::open(const QModelIndex &index)
{
    if (!index.isValid() || index.data(RequestCollections::IsCollectionRole).toBool())
        return;
    if (auto request = m_collections.request(index))
        emit openRequested(*request);
}

void CollectionsPane::removeCurrent()
{
    const QModelIndex current = m_tree->currentIndex();
    if (current.isValid() && !m_collections.remove(current))
        m_note->setText(m_collections.errorString());
}

void CollectionsPane::updateButtons()
{
    const QModelIndex current = m_tree->currentIndex();
    m_openButton->setEnabled(current.isValid() && !current.data(RequestCollections::IsCollectionRole).toBool());
    m_renameButton->setEnabled(current.isValid());
    m_deleteButton->setEnabled(current.isValid());
    // The empty state says what to do; other messages (saved, errors) stay until the next one.
    const bool empty = m_collections.rowCount() == 0;
    if (empty)
        m_note->setText(tr("No saved requests yet: \"Save to Collection…\" keeps the request in the builder under "
                           "a name."));
    else if (m_showingEmpty)
        m_note->clear();
    m_showingEmpty = empty;
}

} // namespace gh::console
