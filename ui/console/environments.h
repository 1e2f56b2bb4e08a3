#pragma once

#include <QAbstractListModel>
#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace gh::workspace {
class WorkspaceDocument;
}

namespace gh::console {

class CallHistory;

// One variable of an environment: `{{name}}` in a request is replaced by `value` at send time. A secret one is
// masked wherever the console shows it (the URL preview, copied curl commands, the history).
struct Variable {
    QString name;
    QString value;
    bool secret = false;
};

// The values `{{name}}` stands for, and what each shows as (secrets masked).
struct Substitution {
    QHash<QString, QString> values;
    QHash<QString, QString> shown;

    // `text` with every known `{{name}}` replaced; the names not known are added to `unknown` (once each).
    QString apply(const QString &text, QStringList *unknown = nullptr) const;
    QString show(const QString &text) const;
};

// The workspace's environments (name → variables), in tables of the history's SQLite file; as a list model of
// their names, renamed in place (setData). A secret variable's value is kept in the per-user secret store
// (entities::LocalSecrets, "console-environment/<environment>/<variable>" under the workspace), never in the file:
// its row there has an empty value and the secret flag.
class Environments : public QAbstractListModel {
    Q_OBJECT
public:
    // Without a document, secret variables cannot be kept (setVariables refuses them).
    explicit Environments(CallHistory &history, workspace::WorkspaceDocument *document = nullptr,
                          QObject *parent = nullptr);

    QStringList names() const { return m_names; }
    // Adds an environment named `name`, or the first free "Environment N" when empty; its name, or empty.
    QString add(const QString &name = {});
    bool remove(const QString &name);
    bool rename(const QString &from, const QString &to);
    QList<Variable> variables(const QString &environment) const;
    bool setVariables(const QString &environment, const QList<Variable> &variables);
    Substitution substitution(const QString &environment) const;
    QString errorString() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

public slots:
    void reload();

signals:
    // After an environment's variables were saved.
    void variablesChanged(const QString &environment);
    // Before the list is read again after a rename, so views keep the renamed one picked.
    void renamed(const QString &from, const QString &to);

private:
    bool prepare();
    // Writes (or, with no value, removes) a secret variable's value in the per-user store; false and m_error when
    // the store refused.
    bool writeSecret(const QString &environment, const QString &variable, const std::optional<QString> &value);
    std::optional<QString> readSecret(const QString &environment, const QString &variable) const;

    CallHistory &m_history;
    workspace::WorkspaceDocument *m_document = nullptr;
    QStringList m_names;
    QString m_error;
};

// The variables of one environment as an editable table (name, value, secret), with an empty last row where a new
// variable is typed. Secret values show masked; they are edited in full.
class VariablesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, SecretColumn, ColumnCount };

    explicit VariablesModel(QObject *parent = nullptr);

    QList<Variable> variables() const;
    void setVariables(const QList<Variable> &variables);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

signals:
    void variablesEdited();

private:
    QList<Variable> m_variables;
};

} // namespace gh::console
