#include "call_history.h"

#include <store/console_data.h>

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

namespace gh::console {

namespace {

constexpr int kMaxCalls = 500; // older calls are dropped so the file stays small

QString text(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString text(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace

CallHistory::CallHistory(QObject *parent)
    : QAbstractListModel(parent),
      m_connection(QStringLiteral("gh-console-history-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

CallHistory::~CallHistory()
{
    blockSignals(true); // the stores sharing the file may be gone already
    close();
}

bool CallHistory::open(const QString &root)
{
    const auto folder = gw::store::consoleDataFolder(root.toStdString());
    return openFile(QDir(QString::fromStdString(folder.string())).filePath(QStringLiteral("console-history.sqlite")));
}

bool CallHistory::openFile(const QString &file)
{
    close();
    m_file = file;
    m_error.clear();
    // The file is made by the first call saved: looking at a workspace leaves nothing behind.
    if (QFileInfo::exists(file) && !openDatabase(false)) {
        m_file.clear();
        emit reopened();
        return false;
    }
    reload();
    emit reopened();
    return true;
}

bool CallHistory::openDatabase(bool create)
{
    if (m_connected)
        return true;
    if (!create && !QFileInfo::exists(m_file))
        return false;
    const QString folder = QFileInfo(m_file).absolutePath();
    if (!QDir().mkpath(folder)) {
        m_error = tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(folder));
        return false;
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(m_file);
        if (!db.open()) {
            m_error =
                tr("Cannot open the call history %1: %2").arg(QDir::toNativeSeparators(m_file), db.lastError().text());
        } else {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS calls (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                                          "at TEXT NOT NULL, method TEXT, url TEXT, status INTEGER, error TEXT, "
                                          "request TEXT, response TEXT, trace TEXT)")))
                m_connected = true;
            else
                m_error = tr("Cannot prepare the call history: %1").arg(query.lastError().text());
        }
    }
    if (!m_connected)
        QSqlDatabase::removeDatabase(m_connection);
    return m_connected;
}

void CallHistory::close()
{
    beginResetModel();
    m_rows.clear();
    m_file.clear();
    endResetModel();
    if (!m_connected)
        return;
    m_connected = false;
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
    emit reopened();
}

bool CallHistory::isOpen() const
{
    return !m_file.isEmpty();
}

void CallHistory::reload()
{
    beginResetModel();
    m_rows.clear();
    if (!m_connected) {
        endResetModel();
        return;
    }
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.exec(QStringLiteral("SELECT id, at, method, url, status, error FROM calls ORDER BY id DESC"));
    while (query.next())
        m_rows.push_back(
            {query.value(0).toLongLong(), QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs),
             query.value(2).toString(), query.value(3).toString(), query.value(4).toInt(), query.value(5).toString()});
    endResetModel();
}

bool CallHistory::add(CallRecord &record)
{
    if (!isOpen() || !openDatabase(true))
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO calls (at, method, url, status, error, request, response, trace) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!record.at.isValid())
        record.at = QDateTime::currentDateTime();
    query.addBindValue(record.at.toString(Qt::ISODateWithMs));
    query.addBindValue(record.request.value(QStringLiteral("method")).toString());
    query.addBindValue(record.request.value(QStringLiteral("url")).toString());
    query.addBindValue(record.response.value(QStringLiteral("status")).toInt());
    query.addBindValue(record.response.value(QStringLiteral("error")).toString());
    query.addBindValue(text(record.request));
    query.addBindValue(text(record.response));
    query.addBindValue(text(record.trace));
    if (!query.exec()) {
        m_error = tr("Cannot save the call: %1").arg(query.lastError().text());
        return false;
    }
    record.id = query.lastInsertId().toLongLong();
    QSqlQuery(db).exec(QStringLiteral("DELETE FROM calls WHERE id <= (SELECT id FROM calls ORDER BY id DESC LIMIT 1 "
                                      "OFFSET %1)")
                           .arg(kMaxCalls));
    reload();
    return true;
}

std::optional<CallRecord> CallHistory::load(qint64 id) const
{
    if (!m_connected)
        return std::nullopt;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("SELECT at, request, response, trace FROM calls WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    CallRecord record;
    record.id = id;
    record.at = QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs);
    record.request = QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object();
    record.response = QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object();
    record.trace = QJsonDocument::fromJson(query.value(3).toString().toUtf8()).array();
    return record;
}

std::optional<CallRecord> CallHistory::previousRun(const CallRecord &record) const
{
    if (!m_connected || record.id <= 0)
        return std::nullopt;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(
        QStringLiteral("SELECT id FROM calls WHERE id < ? AND method = ? AND url = ? ORDER BY id DESC LIMIT 1"));
    query.addBindValue(record.id);
    query.addBindValue(record.request.value(QStringLiteral("method")).toString());
    query.addBindValue(record.request.value(QStringLiteral("url")).toString());
    if (!query.exec() || !query.next())
        return std::nullopt;
    return load(query.value(0).toLongLong());
}

std::optional<CallRecord> CallHistory::at(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_rows.size()))
        return std::nullopt;
    return load(m_rows[row].id);
}

bool CallHistory::clear()
{
    if (!m_connected)
        return isOpen();
    QSqlQuery(QSqlDatabase::database(m_connection)).exec(QStringLiteral("DELETE FROM calls"));
    reload();
    return true;
}

int CallHistory::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant CallHistory::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(m_rows.size()))
        return {};
    const Summary &row = m_rows[index.row()];
    const QString outcome = row.status > 0 ? QString::number(row.status) : tr("failed");
    switch (role) {
    case Qt::DisplayRole: {
        // The path reads best in a narrow list; the host goes on the second line, the whole URL in the tooltip.
        const QUrl url(row.url);
        QString path = url.path(QUrl::PrettyDecoded);
        if (url.hasQuery())
            path += QLatin1Char('?') + url.query(QUrl::PrettyDecoded);
        const QString when = row.at.date() == QDate::currentDate()
                                 ? QLocale().toString(row.at.time(), QLocale::ShortFormat)
                                 : QLocale().toString(row.at, QLocale::ShortFormat);
        return tr("%1  %2 %3\n%4 · %5")
            .arg(outcome, row.method, path.isEmpty() ? row.url : path, url.authority(), when);
    }
    case Qt::ToolTipRole:
        return row.error.isEmpty() ? row.url : tr("%1\n%2").arg(row.url, row.error);
    case Qt::AccessibleTextRole:
        return tr("%1 %2, %3").arg(row.method, row.url, outcome);
    case IdRole:
        return row.id;
    case SearchTextRole:
        return QStringList{outcome, row.method, row.url, row.error}.join(QLatin1Char(' '));
    }
    return {};
}

} // namespace gh::console
