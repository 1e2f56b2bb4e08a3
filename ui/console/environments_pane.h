#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;
class QTableView;

namespace gh::console {

class Environments;
class VariablesModel;

// The console's environments: their list (new, rename in place, delete) and the variables of the one picked, edited
// in a table and kept at once.
class EnvironmentsPane : public QWidget {
    Q_OBJECT
public:
    explicit EnvironmentsPane(Environments &environments, QWidget *parent = nullptr);

    // The environment whose variables the table shows; empty when none.
    QString editedEnvironment() const { return m_edited; }

private:
    void reload();
    void loadVariables();

    Environments &m_environments;
    VariablesModel *m_variables;
    QListView *m_list = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_removeButton = nullptr;
    QLabel *m_note = nullptr;
    QString m_edited;
    bool m_saving = false;
};

} // namespace gh::console
