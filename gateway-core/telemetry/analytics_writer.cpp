#include <telemetry/analytics_writer.h>

#include <algorithm>

namespace gw::telemetry {

Result<std::unique_ptr<AnalyticsWriter>> AnalyticsWriter::open(LogBus &bus, const std::filesystem::path &file,
                                                               Options options)
{
    auto store = AnalyticsStore::open(file);
    if (!store)
        return store.error();
    std::unique_ptr<AnalyticsWriter> writer(new AnalyticsWriter(std::move(store.value()), options));
    AnalyticsWriter *self = writer.get();
    // Batches as large as a ring: one transaction per drain keeps the cost per record low under load.
    writer->m_reader =
        std::make_unique<BusReader>(bus.subscribe("analytics-history"), options.interval, LogBus::defaultRingCapacity,
                                    [self](std::vector<RequestRecord> &batch) { self->write(batch); });
    return writer;
}

AnalyticsWriter::AnalyticsWriter(std::unique_ptr<AnalyticsStore> store, Options options)
    : m_store(std::move(store)), m_retention(options.retention)
{
}

AnalyticsWriter::~AnalyticsWriter()
{
    stop();
}

void AnalyticsWriter::stop()
{
    m_reader->stop();
}

std::string AnalyticsWriter::lastError() const
{
    const std::lock_guard lock(m_errorMutex);
    return m_lastError;
}

void AnalyticsWriter::write(std::vector<RequestRecord> &batch)
{
    const auto remember = [this](const Error &error) {
        const std::lock_guard lock(m_errorMutex);
        m_lastError = error.message;
    };
    // The bus hands records over one I/O thread after another; each batch is written in the order its requests
    // started, so the request log (newest first by row) reads as a timeline (a slow request still lands later).
    std::stable_sort(batch.begin(), batch.end(),
                     [](const RequestRecord &a, const RequestRecord &b) { return a.startTime < b.startTime; });
    if (const auto written = m_store->append(batch)) {
        m_written.fetch_add(batch.size(), std::memory_order_relaxed);
    } else {
        m_failed.fetch_add(batch.size(), std::memory_order_relaxed);
        remember(written.error());
    }
    const auto now = std::chrono::steady_clock::now();
    if (m_retention.count() > 0 && now - m_lastPrune >= std::chrono::minutes(1)) {
        m_lastPrune = now;
        const auto cutoff =
            std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now()) - m_retention;
        if (const auto pruned = m_store->prune(cutoff); !pruned)
            remember(pruned.error());
    }
}

} // namespace gw::telemetry
