#include "request_log_model.h"

#include "history_reader.h"

#include <QColor>
#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>

namespace gh::analytics {

using gw::telemetry::AnalyticsStore;
using gw::telemetry::RecordFilter;
using gw::telemetry::RequestRecord;
using gw::telemetry::StoredRecord;

namespace {

// More page reads than this waiting, and the oldest is cancelled: while the scroll bar is dragged, only the pages
// of where it stops matter, and a deep page costs up to a tenth of a second.
constexpr std::size_t kMaximumPending = 4;

// How many of the filtered records are newer than `newestId` (the snapshot the rows are anchored to): the offset
// of the snapshot's rows in the history as it is now; and the newest record's id, from the same read, so the two
// agree however fast the writer adds records. `newer` is -1 when more were written than the largest probe reads,
// which only a refresh can sort out. Runs on the reader's thread; cheap when nothing was written (one row read).
struct Probe {
    std::int64_t newer = 0;
    std::int64_t newestId = 0;
};

Probe probe(AnalyticsStore &store, const RecordFilter &filter, std::int64_t newestId)
{
    for (const std::int64_t limit : {1, 256, 4096, 32768}) {
        const std::vector<StoredRecord> rows = store.page(filter, 0, limit);
        const std::int64_t newest = rows.empty() ? newestId : rows.front().id;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (rows[i].id <= newestId)
                return {static_cast<std::int64_t>(i), newest};
        }
        if (static_cast<std::int64_t>(rows.size()) < limit)
            return {static_cast<std::int64_t>(rows.size()), newest};
    }
    return {-1, newestId};
}

bool isDarkPalette()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

} // namespace

QString RequestLogModel::millisecondsText(std::chrono::microseconds value)
{
    return QLocale().toString(static_cast<double>(value.count()) / 1000.0, 'f', 1);
}

QString RequestLogModel::timeText(const RequestRecord &record)
{
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(record.startTime.time_since_epoch()).count();
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QString RequestLogModel::urlText(const RequestRecord &record)
{
    return record.query.empty() ? QString::fromStdString(record.path)
                                : QString::fromStdString(record.path + '?' + record.query);
}

struct RequestLogModel::PageAnswer {
    bool cancelled = false;
    bool stale = false; // too many records were written since the snapshot: a refresh must come first
    std::vector<StoredRecord> records;
};

struct RequestLogModel::CountAnswer {
    qint64 count = 0;
    std::int64_t newestId = 0;
    std::int64_t newer = 0; // records newer than the snapshot; -1: too many to tell
};

RequestLogModel::RequestLogModel(HistoryReader &reader, QObject *parent) : QAbstractTableModel(parent), m_reader(reader)
{
    setFilter({});
}

RequestLogModel::~RequestLogModel()
{
    for (const Pending &pending : m_pending)
        pending.cancelled->store(true);
}

void RequestLogModel::setFilter(const RecordFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    ++m_generation;
    for (const Pending &pending : m_pending)
        pending.cancelled->store(true);
    m_pending.clear();
    m_pages.clear();
    m_count = 0;
    m_newestId = 0;
    m_inserted = 0;
    m_counting = true;
    m_refreshing = false;
    endResetModel();
    refresh();
}

void RequestLogModel::refresh()
{
    if (m_refreshing)
        return;
    m_refreshing = true;
    const quint64 generation = m_generation;
    const bool initial = m_counting;
    const std::int64_t snapshot = m_newestId;
    m_reader.query<CountAnswer>(
        this,
        [filter = m_filter, initial, snapshot](AnalyticsStore &store) {
            CountAnswer answer;
            // The count first: records written between the two reads are then missing at the old end until the
            // next refresh, rather than counted rows past the end.
            answer.count = store.count(filter);
            if (initial) {
                const std::vector<StoredRecord> newest = store.page(filter, 0, 1);
                answer.newestId = newest.empty() ? 0 : newest.front().id;
            } else {
                const Probe found = probe(store, filter, snapshot);
                answer.newer = found.newer;
                answer.newestId = found.newestId;
            }
            return answer;
        },
        [this, generation](CountAnswer answer) { receiveCount(generation, std::move(answer)); },
        [this, generation](const QString &reason) {
            if (generation != m_generation)
                return;
            m_refreshing = false;
            setState(State::Unavailable, reason);
        });
}

void RequestLogModel::receiveCount(quint64 generation, CountAnswer answer)
{
    if (generation != m_generation)
        return;
    m_refreshing = false;
    const bool initial = m_counting;
    m_counting = false;
    if (initial || answer.newer < 0) {
        // From scratch: the first count, or so many new records that where the old rows went is unknown.
        beginResetModel();
        if (!initial) {
            ++m_generation; // the pages asked for were anchored to the old snapshot
            for (const Pending &pending : m_pending)
                pending.cancelled->store(true);
            m_pending.clear();
        }
        m_pages.clear();
        m_count = answer.count;
        m_newestId = answer.newestId;
        m_inserted = 0;
        endResetModel();
    } else {
        if (answer.newer > 0) {
            beginInsertRows(QModelIndex(), 0, static_cast<int>(answer.newer) - 1);
            m_count += answer.newer;
            m_inserted += answer.newer;
            m_newestId = answer.newestId;
            for (Page &page : m_pages)
                page.first += static_cast<int>(answer.newer);
            endInsertRows();
        }
        // What is left of the difference happened at the old end: records pruned by retention (or written between
        // the count and the probe).
        const qint64 atBottom = answer.count - m_count;
        if (atBottom > 0) {
            beginInsertRows(QModelIndex(), static_cast<int>(m_count), static_cast<int>(m_count + atBottom) - 1);
            m_count += atBottom;
            endInsertRows();
        } else if (atBottom < 0) {
            beginRemoveRows(QModelIndex(), static_cast<int>(answer.count), static_cast<int>(m_count) - 1);
            m_count = answer.count;
            std::erase_if(m_pages, [this](const Page &page) { return page.first >= m_count; });
            for (Page &page : m_pages) {
                page.span = std::min<int>(page.span, static_cast<int>(m_count) - page.first);
                if (static_cast<int>(page.records.size()) > page.span)
                    page.records.resize(page.span);
            }
            endRemoveRows();
        }
    }
    setState(State::Ready);
    emit counted(m_count);
}

void RequestLogModel::setState(State state, const QString &reason)
{
    m_unavailableReason = reason;
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

const RequestLogModel::Page *RequestLogModel::pageOf(int row) const
{
    for (Page &page : m_pages) {
        if (row >= page.first && row < page.first + page.span) {
            page.lastUse = ++m_useClock;
            return &page;
        }
    }
    return nullptr;
}

const StoredRecord *RequestLogModel::recordAt(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const Page *page = pageOf(row);
    if (!page)
        return nullptr;
    const std::size_t index = static_cast<std::size_t>(row - page->first);
    return index < page->records.size() ? &page->records[index] : nullptr;
}

int RequestLogModel::cachedRows() const
{
    int rows = 0;
    for (const Page &page : m_pages)
        rows += static_cast<int>(page.records.size());
    return rows;
}

void RequestLogModel::requestPage(int row) const
{
    for (const Pending &pending : m_pending) {
        const qint64 first = pending.first + (m_inserted - pending.insertedThen);
        if (row >= first && row < first + pageSize)
            return; // already asked for
    }
    auto *self = const_cast<RequestLogModel *>(this);
    while (m_pending.size() >= kMaximumPending) {
        m_pending.front().cancelled->store(true);
        m_pending.erase(m_pending.begin());
    }
    Pending pending;
    pending.first = row / pageSize * pageSize;
    pending.insertedThen = m_inserted;
    pending.cancelled = std::make_shared<std::atomic<bool>>(false);
    m_pending.push_back(pending);

    const quint64 generation = m_generation;
    m_reader.query<PageAnswer>(
        self,
        [filter = m_filter, snapshot = m_newestId, first = pending.first,
         cancelled = pending.cancelled](AnalyticsStore &store) {
            PageAnswer answer;
            if (cancelled->load()) {
                answer.cancelled = true;
                return answer;
            }
            // Where the snapshot's rows are now, and the page; read again when records were written in between
            // (the number of newer records only grows, so the same number twice means the page read saw it too).
            for (int attempt = 0; attempt < 4; ++attempt) {
                const std::int64_t newer = probe(store, filter, snapshot).newer;
                if (newer < 0)
                    break;
                answer.records = store.page(filter, first + newer, pageSize);
                if (probe(store, filter, snapshot).newer == newer)
                    return answer;
            }
            answer.records.clear();
            answer.stale = true;
            return answer;
        },
        [self, generation, pending](PageAnswer answer) { self->receivePage(generation, pending, std::move(answer)); },
        [self, generation, pending](const QString &) {
            if (generation == self->m_generation)
                std::erase_if(self->m_pending,
                              [&](const Pending &other) { return other.cancelled == pending.cancelled; });
        });
}

void RequestLogModel::receivePage(quint64 generation, Pending pending, PageAnswer answer)
{
    if (generation != m_generation)
        return;
    std::erase_if(m_pending, [&](const Pending &other) { return other.cancelled == pending.cancelled; });
    if (answer.cancelled)
        return;
    const int first = static_cast<int>(pending.first + (m_inserted - pending.insertedThen));
    if (answer.stale) {
        // Too much written since the last count: count again, and have the rows asked for again when shown.
        refresh();
        const int last = static_cast<int>(std::min<qint64>(first + pageSize, m_count)) - 1;
        if (first >= 0 && last >= first)
            emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
        return;
    }
    const int span = static_cast<int>(std::min<qint64>(pageSize, m_count - first));
    if (span <= 0)
        return;
    while (m_pages.size() >= maximumPages) {
        const auto oldest = std::min_element(m_pages.begin(), m_pages.end(),
                                             [](const Page &a, const Page &b) { return a.lastUse < b.lastUse; });
        m_pages.erase(oldest);
    }
    Page page;
    page.first = first;
    page.span = span;
    page.records = std::move(answer.records);
    if (static_cast<int>(page.records.size()) > span)
        page.records.resize(span);
    page.lastUse = ++m_useClock;
    m_pages.push_back(std::move(page));
    emit dataChanged(index(first, 0), index(first + span - 1, ColumnCount - 1));
    emit pageLoaded(first, first + span - 1);
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(std::min<qint64>(m_count, std::numeric_limits<int>::max()));
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::display(const RequestRecord &record, int column) const
{
    switch (column) {
    case TimeColumn:
        return timeText(record);
    case MethodColumn:
        return QString::fromStdString(record.method);
    case UrlColumn:
        return urlText(record);
    case ApiColumn:
        return QString::fromStdString(record.api);
    case OperationColumn:
        return QString::fromStdString(record.operation);
    case SubscriptionColumn:
        return QString::fromStdString(record.subscription);
    case StatusColumn:
        return record.status ? QString::number(record.status) : QStringLiteral("—");
    case LatencyColumn:
        return millisecondsText(record.totalLatency);
    case BackendLatencyColumn:
        return record.backendLatency.count() ? millisecondsText(record.backendLatency) : QStringLiteral("—");
    case BytesInColumn:
        return QLocale().toString(static_cast<qulonglong>(record.bytesIn));
    case BytesOutColumn:
        return QLocale().toString(static_cast<qulonglong>(record.bytesOut));
    default:
        return {};
    }
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_count)
        return {};
    const int column = index.column();
    if (role == Qt::TextAlignmentRole) {
        const bool number = column == StatusColumn || column == LatencyColumn || column == BackendLatencyColumn ||
                            column == BytesInColumn || column == BytesOutColumn;
        return QVariant::fromValue(Qt::Alignment((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::ForegroundRole && role != LoadedRole &&
        role != RecordIdRole && role != Qt::AccessibleTextRole)
        return {};

    const Page *page = pageOf(index.row());
    if (!page) {
        requestPage(index.row());
        if (role == LoadedRole)
            return false;
        if (role == Qt::ForegroundRole)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        if (role == Qt::DisplayRole && column == TimeColumn)
            return QStringLiteral("…");
        if (role == Qt::AccessibleTextRole || role == Qt::ToolTipRole)
            return tr("Loading…");
        return {};
    }
    const std::size_t offset = static_cast<std::size_t>(index.row() - page->first);
    if (offset >= page->records.size())
        return role == LoadedRole ? QVariant(true) : QVariant(); // the history had fewer records than counted
    const StoredRecord &stored = page->records[offset];
    const RequestRecord &record = stored.record;
    switch (role) {
    case LoadedRole:
        return true;
    case RecordIdRole:
        return QVariant::fromValue<qlonglong>(stored.id);
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return display(record, column);
    case Qt::ToolTipRole:
        if (column == StatusColumn) {
            QString text = statusText(record.status);
            if (!record.errorReason.empty())
                text += QLatin1Char('\n') + tr("Error: %1").arg(QString::fromStdString(record.errorReason));
            return text;
        }
        if (column == UrlColumn)
            return display(record, column);
        return {};
    case Qt::ForegroundRole:
        if (column == StatusColumn) {
            if (const QColor tint = statusColour(record.status); tint.isValid())
                return tint;
        }
        return {};
    default:
        return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole) {
        const bool number = section >= StatusColumn;
        return QVariant::fromValue(Qt::Alignment((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TimeColumn:
            return tr("When the request arrived (local time)");
        case LatencyColumn:
            return tr("Total time from the first byte received to the last byte sent, in milliseconds");
        case BackendLatencyColumn:
            return tr("Time spent waiting for the backend, in milliseconds");
        case BytesInColumn:
            return tr("Request bytes received (head and body)");
        case BytesOutColumn:
            return tr("Response bytes sent (head and body)");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MethodColumn:
        return tr("Method");
    case UrlColumn:
        return tr("URL");
    case ApiColumn:
        return tr("API");
    case OperationColumn:
        return tr("Operation");
    case SubscriptionColumn:
        return tr("Subscription");
    case StatusColumn:
        return tr("Status");
    case LatencyColumn:
        return tr("Latency (ms)");
    case BackendLatencyColumn:
        return tr("Backend (ms)");
    case BytesInColumn:
        return tr("Bytes in");
    case BytesOutColumn:
        return tr("Bytes out");
    default:
        return {};
    }
}

QColor RequestLogModel::statusColour(int status)
{
    // The test console's colours for the same classes.
    const bool dark = isDarkPalette();
    if (status == 0 || status >= 500)
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1c, 0x1c);
    if (status >= 400)
        return dark ? QColor(0xf0, 0xb0, 0x60) : QColor(0xa1, 0x5c, 0x00);
    return {};
}

QString RequestLogModel::statusText(int status)
{
    const char *reason = nullptr;
    switch (status) {
    case 0:
        return tr("No response (the connection closed first)");
    case 100:
        reason = "Continue";
        break;
    case 101:
        reason = "Switching Protocols";
        break;
    case 200:
        reason = "OK";
        break;
    case 201:
        reason = "Created";
        break;
    case 202:
        reason = "Accepted";
        break;
    case 204:
        reason = "No Content";
        break;
    case 206:
        reason = "Partial Content";
        break;
    case 301:
        reason = "Moved Permanently";
        break;
    case 302:
        reason = "Found";
        break;
    case 303:
        reason = "See Other";
        break;
    case 304:
        reason = "Not Modified";
        break;
    case 307:
        reason = "Temporary Redirect";
        break;
    case 308:
        reason = "Permanent Redirect";
        break;
    case 400:
        reason = "Bad Request";
        break;
    case 401:
        reason = "Unauthorized";
        break;
    case 403:
        reason = "Forbidden";
        break;
    case 404:
        reason = "Not Found";
        break;
    case 405:
        reason = "Method Not Allowed";
        break;
    case 406:
        reason = "Not Acceptable";
        break;
    case 408:
        reason = "Request Timeout";
        break;
    case 409:
        reason = "Conflict";
        break;
    case 410:
        reason = "Gone";
        break;
    case 412:
        reason = "Precondition Failed";
        break;
    case 413:
        reason = "Content Too Large";
        break;
    case 414:
        reason = "URI Too Long";
        break;
    case 415:
        reason = "Unsupported Media Type";
        break;
    case 422:
        reason = "Unprocessable Content";
        break;
    case 429:
        reason = "Too Many Requests";
        break;
    case 431:
        reason = "Request Header Fields Too Large";
        break;
    case 500:
        reason = "Internal Server Error";
        break;
    case 501:
        reason = "Not Implemented";
        break;
    case 502:
        reason = "Bad Gateway";
        break;
    case 503:
        reason = "Service Unavailable";
        break;
    case 504:
        reason = "Gateway Timeout";
        break;
    default:
        break;
    }
    // Reason phrases are protocol text, the same in every language.
    return reason ? QStringLiteral("%1 %2").arg(status).arg(QLatin1String(reason)) : QString::number(status);
}

} // namespace gh::analytics
