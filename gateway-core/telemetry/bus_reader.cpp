#include <telemetry/bus_reader.h>

namespace gw::telemetry {

BusReader::BusReader(LogBus::Subscription subscription, std::chrono::milliseconds interval, std::size_t batchSize,
                     Consume consume, std::function<void()> finish)
    : m_subscription(std::move(subscription)), m_interval(interval), m_batchSize(batchSize),
      m_consume(std::move(consume)), m_finish(std::move(finish))
{
    m_thread = std::thread([this] { run(); });
}

BusReader::~BusReader()
{
    stop();
}

void BusReader::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
        m_subscription.reset();
    }
}

void BusReader::run()
{
    std::vector<RequestRecord> batch;
    batch.reserve(m_batchSize);
    for (;;) {
        bool stopping;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, m_interval, [this] { return m_stopping; });
            stopping = m_stopping;
        }
        for (;;) {
            batch.clear();
            const std::size_t count = m_subscription.drain(batch, m_batchSize);
            m_dropped.store(m_subscription.dropped(), std::memory_order_relaxed);
            if (count == 0)
                break;
            m_consume(batch);
            if (count < m_batchSize)
                break;
        }
        if (stopping)
            break;
    }
    if (m_finish)
        m_finish();
}

} // namespace gw::telemetry
