#include "environments_pane.h"

#include "environments.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace gh::console {

EnvironmentsPane::EnvironmentsPane(Environments &environments, QWidget *parent)
    : QWidget(parent), m_environments(environments), m_variables(new VariablesModel(this))
{
    setObjectName(QStringLiteral("environmentsPane"));
    m_list = new QListView;
    m_list->setObjectName(QStringLiteral("environmentList"));
    m_list->setAccessibleName(tr("Environments"));
    m_list->setModel(&m_environments);
    m_list->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    auto *listLabel = new QLabel(tr("Environments:"));
    listLabel->setBuddy(m_list);
    auto *addButton = new QPushButton(tr("New"));
    addButton->setObjectName(QStringLiteral("addEnvironmentButton"));
    addButton->setAccessibleName(tr("New environment"));
    m_removeButton = new QPushButton(tr("Delete"));
    m_removeButton->setObjectName(QStringLiteral("removeEnvironmentButton"));
    m_removeButton->setAccessibleName(tr("Delete the environment"));
    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("environmentsNote"));
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    connect(addButton, &QPushButton::clicked, this, [this] {
        const QString name = m_environments.add();
        if (name.isEmpty()) {
            m_note->setText(m_environments.errorString());
            return;
        }
        // The new one is picked, its name ready to type over.
        const QModelIndex index = m_environments.index(static_cast<int>(m_environments.names().indexOf(name)));
        m_list->setCurrentIndex(index);
        m_list->edit(index);
    });
    connect(m_removeButton, &QPushButton::clicked, this, [this] {
        if (!m_edited.isEmpty() && !m_environments.remove(m_edited))
            m_note->setText(m_environments.errorString());
    });

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("variablesTable"));
    m_table->setAccessibleName(tr("Variables of the environment"));
    m_table->setModel(m_variables);
    m_table->horizontalHeader()->setSectionResizeMode(VariablesModel::NameColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(VariablesModel::ValueColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(VariablesModel::SecretColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->resizeSection(VariablesModel::NameColumn, 90);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the table, as in a form
    m_table->setWordWrap(false);
    auto *removeVariable = new QAction(tr("Remove"), m_table);
    removeVariable->setShortcut(QKeySequence::Delete);
    removeVariable->setShortcutContext(Qt::WidgetShortcut);
    connect(removeVariable, &QAction::triggered, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid() && current.row() < m_variables->rowCount() - 1)
            m_variables->removeRow(current.row());
    });
    m_table->addAction(removeVariable);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *variablesLabel = new QLabel(tr("Variables ({{name}} in a request):"));
    variablesLabel->setBuddy(m_table);
    variablesLabel->setWordWrap(true);

    // Every edit is kept at once: there is nothing to save.
    connect(m_variables, &VariablesModel::variablesEdited, this, [this] {
        if (m_edited.isEmpty())
            return;
        m_saving = true;
        if (!m_environments.setVariables(m_edited, m_variables->variables()))
            m_note->setText(m_environments.errorString());
        m_saving = false;
    });
    // Variables set elsewhere (another console view on the workspace) show at once; the table's own saves do not
    // reset it under the user's typing.
    connect(&m_environments, &Environments::variablesChanged, this, [this](const QString &environment) {
        if (!m_saving && environment == m_edited)
            m_variables->setVariables(m_environments.variables(environment));
    });
    // A renamed environment stays the one edited.
    connect(&m_environments, &Environments::renamed, this, [this](const QString &from, const QString &to) {
        if (m_edited == from)
            m_edited = to;
    });
    connect(&m_environments, &QAbstractItemModel::modelReset, this, &EnvironmentsPane::reload);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &EnvironmentsPane::loadVariables);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(listLabel);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(variablesLabel);
    layout->addWidget(m_table, 2);
    layout->addWidget(m_note);
    reload();
}

void EnvironmentsPane::reload()
{
    const QStringList names = m_environments.names();
    m_note->setText(names.isEmpty() ? tr("An environment holds variables ({{baseUrl}}, tokens) that requests use: "
                                         "New makes one.")
                                    : QString());
    // The table stays on the environment it showed, else the first.
    int row = static_cast<int>(names.indexOf(m_edited));
    if (row < 0 && !names.isEmpty())
        row = 0;
    m_list->setCurrentIndex(row < 0 ? QModelIndex() : m_environments.index(row));
    loadVariables();
}

void EnvironmentsPane::loadVariables()
{
    const QModelIndex current = m_list->currentIndex();
    m_edited = current.isValid() ? current.data().toString() : QString();
    m_variables->setVariables(m_environments.variables(m_edited));
    m_table->setEnabled(!m_edited.isEmpty());
    m_removeButton->setEnabled(!m_edited.isEmpty());
}

} // namespace gh::console
