#include "environments.h"

#include "call_history.h"

#include <ui/entities/local_secrets.h>
#include <ui/workspace/workspace_document.h>

#include <QPalette>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace gh::console {

namespace {

const QString kMasked = QStringLiteral("••••••••");

const QRegularExpression &variablePattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*\\}\\}"));
    return pattern;
}

QString substitute(const QString &text, const QHash<QString, QString> &values, QStringList *unknown)
{
    if (!text.contains(QLatin1String("{{")))
        return text;
    QString out;
    qsizetype last = 0;
    for (auto it = variablePattern().globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        out += text.mid(last, match.capturedStart() - last);
        const QString name = match.captured(1);
        if (auto found = values.constFind(name); found != values.constEnd()) {
            out += *found;
        } else {
            out += match.captured(0); // left as typed: the preview marks it
            if (unknown && !unknown->contains(name))
                unknown->append(name);
        }
        last = match.capturedEnd();
    }
    return out + text.mid(last);
}

} // namespace

QString Substitution::apply(const QString &text, QStringList *unknown) const
{
    return substitute(text, values, unknown);
}

QString Substitution::show(const QString &text) const
{
    return substitute(text, shown, nullptr);
}

Environments::Environments(CallHistory &history, workspace::WorkspaceDocument *document, QObject *parent)
    : QAbstractListModel(parent), m_history(history), m_document(document)
{
    connect(&m_history, &CallHistory::reopened, this, &Environments::reload);
    reload();
}

bool Environments::prepare()
{
    if (!m_history.ensureDatabase()) {
        m_error =
            m_history.errorString().isEmpty() ? tr("Open a workspace to keep environments.") : m_history.errorString();
        return false;
    }
    QSqlQuery query(QSqlDatabase::database(m_history.connectionName()));
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS environments (name TEXT PRIMARY KEY)")) ||
        !query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS environment_variables (environment TEXT NOT NULL, "
                                   "position INTEGER NOT NULL, name TEXT NOT NULL, value TEXT, secret INTEGER)"))) {
        m_error = tr("Cannot prepare the environments: %1").arg(query.lastError().text());
        return false;
    }
    return true;
}

bool Environments::writeSecret(const QString &environment, const QString &variable, const std::optional<QString> &value)
{
    if (!m_document) {
        m_error = tr("Secret variables need a workspace to keep them for.");
        return false;
    }
    auto &secrets = entities::LocalSecrets::of(*m_document);
    const QString key = entities::LocalSecrets::consoleVariableKey(environment, variable);
    if (!value && !secrets.value(key))
        return true; // nothing kept: nothing to remove (and no store to create)
    if (!secrets.write(key, value)) {
        m_error =
            tr("The secret variable %1 cannot be kept in your secret store: %2").arg(variable, secrets.errorString());
        return false;
    }
    return true;
}

std::optional<QString> Environments::readSecret(const QString &environment, const QString &variable) const
{
    if (!m_document)
        return std::nullopt;
    return entities::LocalSecrets::of(*m_document)
        .value(entities::LocalSecrets::consoleVariableKey(environment, variable));
}

void Environments::reload()
{
    beginResetModel();
    m_names.clear();
    if (m_history.hasDatabase()) {
        QSqlQuery query(QSqlDatabase::database(m_history.connectionName()));
        if (query.exec(QStringLiteral("SELECT name FROM environments ORDER BY name COLLATE NOCASE")))
            while (query.next())
                m_names << query.value(0).toString();
    }
    endResetModel();
}

QString Environments::add(const QString &name)
{
    QString chosen = name.trimmed();
    for (int n = 1; chosen.isEmpty() || (name.trimmed().isEmpty() && m_names.contains(chosen)); ++n)
        chosen = n == 1 ? tr("Local") : tr("Environment %1").arg(n);
    if (m_names.contains(chosen)) {
        m_error = tr("There is an environment named %1 already.").arg(chosen);
        return {};
    }
    if (!prepare())
        return {};
    QSqlQuery query(QSqlDatabase::database(m_history.connectionName()));
    query.prepare(QStringLiteral("INSERT INTO environments (name) VALUES (?)"));
    query.addBindValue(chosen);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return {};
    }
    reload();
    return chosen;
}

bool Environments::remove(const QString &name)
{
    if (!prepare())
        return false;
    const QList<Variable> removed = variables(name);
    QSqlQuery query(QSqlDatabase::database(m_history.connectionName()));
    for (const char *sql :
         {"DELETE FROM environments WHERE name = ?", "DELETE FROM environment_variables WHERE environment = ?"}) {
        query.prepare(QString::fromLatin1(sql));
        query.addBindValue(name);
        if (!query.exec()) {
            m_error = query.lastError().text();
            return false;
        }
    }
    // The secret values go with their environment; one the store will not drop is left there, unreachable.
    for (const Variable &variable : removed)
        if (variable.secret)
            writeSecret(name, variable.name, std::nullopt);
    reload();
    return true;
}

bool Environments::rename(const QString &from, const QString &to)
{
    const QString name = to.trimmed();
    if (name.isEmpty() || name == from)
        return false;
    if (m_names.contains(name)) {
        m_error = tr("There is an environment named %1 already.").arg(name);
        return false;
    }
    if (!prepare())
        return false;
    // The secret values move first: when the store refuses, nothing is renamed and nothing lost.
    const QList<Variable> kept = variables(from);
    for (const Variable &variable : kept)
        if (variable.secret && !writeSecret(name, variable.name, variable.value))
            return false;
    for (const Variable &variable : kept)
        if (variable.secret)
            writeSecret(from, variable.name, std::nullopt);
    QSqlQuery query(QSqlDatabase::database(m_history.connectionName()));
    for (const char *sql : {"UPDATE environments SET name = ? WHERE name = ?",
                            "UPDATE environment_variables SET environment = ? WHERE environment = ?"}) {
        query.prepare(QString::fromLatin1(sql));
        query.addBindValue(name);
        query.addBindValue(from);
        if (!query.exec()) {
            m_error = query.lastError().text();
            return false;
        }
    }
    emit renamed(from, name);
    reload();
    return true;
}

QList<Variable> Environments::variables(const QString &environment) const
{
    QList<Variable> out;
    if (!m_history.hasDatabase() || environment.isEmpty())
        return out;
    QSqlQuery query(QSqlDatabase::database(m_history.connectionName()));
    query.prepare(QStringLiteral(
        "SELECT name, value, secret FROM environment_variables WHERE environment = ? ORDER BY position"));
    query.addBindValue(environment);
    if (query.exec()) {
        while (query.next()) {
            Variable variable{query.value(0).toString(), query.value(1).toString(), query.value(2).toBool()};
            // Older files kept secret values in the row; the store's value wins when there is one.
            if (variable.secret)
                variable.value = readSecret(environment, variable.name).value_or(variable.value);
            out.append(variable);
        }
    }
    return out;
}

bool Environments::setVariables(const QString &environment, const QList<Variable> &variables)
{
    if (!m_names.contains(environment) || !prepare())
        return false;
    // Secret values go to the per-user store before the rows are written; a variable no longer secret (or gone)
    // leaves the store.
    for (const Variable &variable : variables)
        if (variable.secret && !writeSecret(environment, variable.name, variable.value))
            return false;
    for (const Variable &old : this->variables(environment)) {
        const bool stillSecret = std::any_of(variables.begin(), variables.end(), [&](const Variable &variable) {
            return variable.secret && variable.name == old.name;
        });
        if (old.secret && !stillSecret)
            writeSecret(environment, old.name, std::nullopt);
    }
    QSqlDatabase db = QSqlDatabase::database(m_history.connectionName());
    db.transaction();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM environment_variables WHERE environment = ?"));
    query.addBindValue(environment);
    bool ok = query.exec();
    for (int i = 0; ok && i < variables.size(); ++i) {
        query.prepare(QStringLiteral(
            "INSERT INTO environment_variables (environment, position, name, value, secret) VALUES (?, ?, ?, ?, ?)"));
        query.addBindValue(environment);
        query.addBindValue(i);
        query.addBindValue(variables[i].name);
        query.addBindValue(variables[i].secret ? QString(QLatin1String("")) : variables[i].value);
        query.addBindValue(variables[i].secret ? 1 : 0);
        ok = query.exec();
    }
    if (!ok) {
        m_error = query.lastError().text();
        db.rollback();
        return false;
    }
    db.commit();
    emit variablesChanged(environment);
    return true;
}

Substitution Environments::substitution(const QString &environment) const
{
    Substitution out;
    for (const Variable &variable : variables(environment)) {
        out.values.insert(variable.name, variable.value);
        out.shown.insert(variable.name, variable.secret ? kMasked : variable.value);
    }
    return out;
}

int Environments::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_names.size());
}

QVariant Environments::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_names.size())
        return {};
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return m_names.at(index.row());
    return {};
}

bool Environments::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole)
        return false;
    return rename(m_names.at(index.row()), value.toString());
}

Qt::ItemFlags Environments::flags(const QModelIndex &index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable : Qt::NoItemFlags;
}

// --- VariablesModel --------------------------------------------------------------------------------------------

VariablesModel::VariablesModel(QObject *parent) : QAbstractTableModel(parent)
{
}

QList<Variable> VariablesModel::variables() const
{
    QList<Variable> out;
    for (const Variable &variable : m_variables)
        if (!variable.name.trimmed().isEmpty())
            out.append({variable.name.trimmed(), variable.value, variable.secret});
    return out;
}

void VariablesModel::setVariables(const QList<Variable> &variables)
{
    beginResetModel();
    m_variables = variables;
    endResetModel();
}

int VariablesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_variables.size()) + 1; // the empty row takes a new one
}

int VariablesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VariablesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.row() >= m_variables.size()) {
        if (role == Qt::DisplayRole && index.column() == NameColumn)
            return tr("Add…");
        if (role == Qt::ForegroundRole)
            return QPalette().color(QPalette::Disabled, QPalette::Text);
        return {};
    }
    const Variable &variable = m_variables.at(index.row());
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return variable.name;
        if (role == Qt::ToolTipRole)
            return tr("Use it as {{%1}} in the URL, the parameters, the headers or the body").arg(variable.name);
        return {};
    case ValueColumn:
        if (role == Qt::DisplayRole)
            return variable.secret ? kMasked : variable.value;
        if (role == Qt::EditRole)
            return variable.value;
        return {};
    case SecretColumn:
        if (role == Qt::CheckStateRole)
            return variable.secret ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return tr("Masked in the console, in copied curl commands and in the history");
        return {};
    }
    return {};
}

bool VariablesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid())
        return false;
    const bool check = index.column() == SecretColumn && role == Qt::CheckStateRole;
    if (!check && (role != Qt::EditRole || index.column() == SecretColumn))
        return false;
    if (index.row() >= m_variables.size()) {
        if (check || value.toString().isEmpty())
            return false;
        beginInsertRows({}, static_cast<int>(m_variables.size()) + 1, static_cast<int>(m_variables.size()) + 1);
        m_variables.append(Variable{});
        endInsertRows();
    }
    Variable &variable = m_variables[index.row()];
    if (check)
        variable.secret = value.toInt() == Qt::Checked;
    else if (index.column() == NameColumn)
        variable.name = value.toString();
    else
        variable.value = value.toString();
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    emit variablesEdited();
    return true;
}

Qt::ItemFlags VariablesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == SecretColumn)
        return index.row() < m_variables.size() ? flags | Qt::ItemIsUserCheckable : flags;
    return flags | Qt::ItemIsEditable;
}

QVariant VariablesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Variable");
    case ValueColumn:
        return tr("Value");
    case SecretColumn:
        return tr("Secret");
    }
    return {};
}

bool VariablesModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_variables.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_variables.remove(row, count);
    endRemoveRows();
    emit variablesEdited();
    return true;
}

} // namespace gh::console
