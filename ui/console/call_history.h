#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace gh::console {

// One call made from the test console: what was sent, what came back, and the policy trace when the embedded
// gateway traced it. Subscription keys are never part of `request`: it names the subscription instead.
struct CallRecord {
    qint64 id = 0;
    QDateTime at;
    QJsonObject request;  // method, url, api, operation, templateParameters, query, headers, subscription, body
    QJsonObject response; // status, reason, headers, body, size, timeMs, error
    QJsonArray trace;
};

// The calls of one workspace, newest first, in an SQLite file of the workspace's console data folder
// (gw::store::consoleDataFolder: never inside the artifacts root). Also the list model the history pane shows.
class CallHistory : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, SearchTextRole };

    explicit CallHistory(QObject *parent = nullptr);
    ~CallHistory() override;

    // Opens the history of the workspace whose artifacts root is `root` (its file is created when the first call
    // is saved); false and errorString() when it cannot.
    bool open(const QString &root);
    // Opens the database file itself (tests).
    bool openFile(const QString &file);
    void close();
    bool isOpen() const;
    QString fileName() const { return m_file; }
    QString errorString() const { return m_error; }

    // Saves `record` (its id is set) and lists it first.
    bool add(CallRecord &record);
    std::optional<CallRecord> load(qint64 id) const;
    // The newest call before `record` with the same method and URL (its previous run); nullopt when none.
    std::optional<CallRecord> previousRun(const CallRecord &record) const;
    // The record shown at `row`; nullopt when out of range.
    std::optional<CallRecord> at(int row) const;
    bool clear();

    // The SQLite connection the console's other stores (collections, environments) keep their tables in, in the
    // same file; ensureDatabase() creates the file when there is none yet. False when no workspace is open.
    QString connectionName() const { return m_connection; }
    bool ensureDatabase() { return isOpen() && openDatabase(true); }
    bool hasDatabase() const { return m_connected; }

signals:
    // After open() or close(): the stores sharing the file read it again.
    void reopened();

public:
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    struct Summary {
        qint64 id;
        QDateTime at;
        QString method;
        QString url;
        int status;
        QString error;
    };
    void reload();
    // Opens the database, creating the file when `create`; false when there is none (or it cannot be opened).
    bool openDatabase(bool create);

    QString m_connection;
    QString m_file;
    QString m_error;
    bool m_connected = false;
    std::vector<Summary> m_rows;
};

} // namespace gh::console
