#pragma once

#include <telemetry/analytics_store.h>

#include <QAbstractTableModel>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace gh::analytics {

class HistoryReader;

// The analytics history as a table, newest request first, however many rows it holds: the model knows only the
// filtered count and a few pages of records (at most maximumPages × pageSize rows in memory). A row whose page is
// not loaded shows a placeholder while its page is read on the HistoryReader's thread; every query runs there.
//
// Rows are anchored to a snapshot: the newest record the last count saw. Records written since then do not move
// the rows (a page read finds how many newer records there are and skips them) until refresh() inserts them at the
// top, so the rows a view shows never change under it between two refreshes.
class RequestLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        MethodColumn,
        UrlColumn,
        ApiColumn,
        OperationColumn,
        SubscriptionColumn,
        StatusColumn,
        LatencyColumn,
        BackendLatencyColumn,
        BytesInColumn,
        BytesOutColumn,
        ColumnCount
    };
    enum Role {
        LoadedRole = Qt::UserRole + 1, // false while the row's page is being read
        RecordIdRole,                  // the StoredRecord's id (0 while not loaded)
    };
    enum class State { Opening, Unavailable, Ready };

    static constexpr int pageSize = 256;
    static constexpr int maximumPages = 16;

    explicit RequestLogModel(HistoryReader &reader, QObject *parent = nullptr);
    ~RequestLogModel() override;

    // Shows the records `filter` matches (from scratch: the rows and pages go).
    void setFilter(const gw::telemetry::RecordFilter &filter);
    const gw::telemetry::RecordFilter &filter() const { return m_filter; }
    // Counts again: records written since the last count are inserted at the top, records pruned at the bottom
    // removed. Asked while a count is still running, it does nothing (the live view asks again a second later).
    void refresh();

    State state() const { return m_state; }
    QString unavailableReason() const { return m_unavailableReason; }
    // The filtered count as the rows show it (0 until the first count arrives).
    qint64 count() const { return m_count; }
    // True until the first count since the last setFilter() has arrived.
    bool isCounting() const { return m_counting; }

    // The record of `row` when its page is loaded, else null. Valid until the model changes.
    const gw::telemetry::StoredRecord *recordAt(int row) const;
    // How many rows the page cache holds now (never more than maximumPages × pageSize).
    int cachedRows() const;
    // Page reads asked for and not answered yet.
    int pendingPages() const { return static_cast<int>(m_pending.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "200 OK", "503 Service Unavailable", "No response" for 0.
    static QString statusText(int status);
    // How the log writes a record's time ("2026-11-22 18:46:28.174", local), URL (path?query) and a latency in ms.
    static QString timeText(const gw::telemetry::RequestRecord &record);
    static QString urlText(const gw::telemetry::RequestRecord &record);
    static QString millisecondsText(std::chrono::microseconds value);
    // The tint of a status that went wrong (4xx amber, 5xx and no response red) for the palette in use; invalid
    // for the others, which keep the text colour.
    static QColor statusColour(int status);

signals:
    void stateChanged(gh::analytics::RequestLogModel::State state);
    // After each count (also when it did not change).
    void counted(qint64 count);
    // A page landed: the rows first..last now show real data.
    void pageLoaded(int first, int last);

private:
    struct Page {
        int first = 0; // the model row of records[0]; moves down when rows are inserted at the top
        int span = 0;  // the rows it answers for: records.size(), or more where the history had fewer records
        std::vector<gw::telemetry::StoredRecord> records;
        quint64 lastUse = 0;
    };
    struct Pending {
        int first = 0;           // the row asked for, as the rows were when it was asked
        qint64 insertedThen = 0; // m_inserted when it was asked
        std::shared_ptr<std::atomic<bool>> cancelled;
    };
    struct PageAnswer;
    struct CountAnswer;

    const Page *pageOf(int row) const;
    void requestPage(int row) const;
    void receivePage(quint64 generation, Pending pending, PageAnswer answer);
    void receiveCount(quint64 generation, CountAnswer answer);
    void setState(State state, const QString &reason = {});
    QVariant display(const gw::telemetry::RequestRecord &record, int column) const;

    HistoryReader &m_reader;
    gw::telemetry::RecordFilter m_filter;
    quint64 m_generation = 0; // answers asked for before the last setFilter() are dropped
    State m_state = State::Opening;
    QString m_unavailableReason;
    qint64 m_count = 0;
    std::int64_t m_newestId = 0; // the snapshot: the newest record the rows include
    qint64 m_inserted = 0;       // rows inserted at the top since the last setFilter()
    bool m_counting = true;
    bool m_refreshing = false;

    // Loaded lazily from data(), which is const.
    mutable std::vector<Page> m_pages;
    mutable std::vector<Pending> m_pending;
    mutable quint64 m_useClock = 0;
};

} // namespace gh::analytics
