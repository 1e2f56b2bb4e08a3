#include <telemetry/access_log.h>

#include <cerrno>
#include <cstring>

namespace gw::telemetry {

namespace {

constexpr std::size_t batchSize = 4096;

} // namespace

Result<std::unique_ptr<AccessLog>> AccessLog::open(LogBus &bus, const std::string &target, Options options)
{
    std::FILE *file = stdout;
    if (target != "-") {
        file = std::fopen(target.c_str(), "ab");
        if (file == nullptr) {
            return Error{"cannot open the access log " + target + ": " + std::strerror(errno)};
        }
    }
    return std::unique_ptr<AccessLog>(new AccessLog(bus.subscribe("access-log"), target, file, options));
}

AccessLog::AccessLog(LogBus::Subscription subscription, std::string target, std::FILE *file, Options options)
    : m_subscription(std::move(subscription)), m_target(std::move(target)), m_file(file), m_options(options)
{
    m_thread = std::thread([this] { run(); });
}

AccessLog::~AccessLog()
{
    stop();
    if (m_file != stdout) {
        std::fclose(m_file);
    }
}

void AccessLog::stop()
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

void AccessLog::run()
{
    std::vector<RequestRecord> batch;
    batch.reserve(batchSize);
    std::string buffer;
    for (;;) {
        bool stopping;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, m_options.interval, [this] { return m_stopping; });
            stopping = m_stopping;
        }
        drainAndWrite(batch, buffer);
        if (stopping) {
            break;
        }
    }
    const std::uint64_t dropped = m_subscription.dropped();
    m_dropped.store(dropped, std::memory_order_relaxed);
    if (dropped > 0) {
        const std::string summary = "{\"accessLogDropped\":" + std::to_string(dropped) +
                                    ",\"accessLogWritten\":" + std::to_string(written()) + "}\n";
        write(summary, 0);
    }
}

void AccessLog::drainAndWrite(std::vector<RequestRecord> &batch, std::string &buffer)
{
    for (;;) {
        batch.clear();
        const std::size_t count = m_subscription.drain(batch, batchSize);
        m_dropped.store(m_subscription.dropped(), std::memory_order_relaxed);
        if (count == 0) {
            return;
        }
        buffer.clear();
        for (const RequestRecord &record : batch) {
            appendJsonLine(buffer, record);
            buffer.push_back('\n');
        }
        write(buffer, count);
        if (count < batchSize) {
            return;
        }
    }
}

void AccessLog::write(const std::string &bytes, std::size_t records)
{
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), m_file) == bytes.size() && std::fflush(m_file) == 0;
    if (ok) {
        m_written.fetch_add(records, std::memory_order_relaxed);
    } else {
        m_failed.fetch_add(records, std::memory_order_relaxed);
        std::clearerr(m_file);
    }
}

} // namespace gw::telemetry
