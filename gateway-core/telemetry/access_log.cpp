#include <telemetry/access_log.h>

#include <cerrno>
#include <cstring>

namespace gw::telemetry {

Result<std::unique_ptr<AccessLog>> AccessLog::open(LogBus &bus, const std::string &target, Options options)
{
    std::FILE *file = stdout;
    if (target != "-") {
        file = std::fopen(target.c_str(), "ab");
        if (file == nullptr) {
            return Error{"cannot open the access log " + target + ": " + std::strerror(errno)};
        }
    }
    std::unique_ptr<AccessLog> log(new AccessLog(target, file));
    AccessLog *self = log.get();
    log->m_reader = std::make_unique<BusReader>(
        bus.subscribe("access-log"), options.interval, 4096,
        [self](std::vector<RequestRecord> &batch) { self->writeBatch(batch); }, [self] { self->writeSummary(); });
    return log;
}

AccessLog::AccessLog(std::string target, std::FILE *file) : m_target(std::move(target)), m_file(file)
{
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
    m_reader->stop();
}

void AccessLog::writeBatch(std::vector<RequestRecord> &batch)
{
    m_buffer.clear();
    for (const RequestRecord &record : batch) {
        appendJsonLine(m_buffer, record);
        m_buffer.push_back('\n');
    }
    write(m_buffer, batch.size());
}

// A file that lost lines says so in its last line.
void AccessLog::writeSummary()
{
    const std::uint64_t lost = m_reader->dropped();
    if (lost > 0) {
        const std::string summary = "{\"accessLogDropped\":" + std::to_string(lost) +
                                    ",\"accessLogWritten\":" + std::to_string(written()) + "}\n";
        write(summary, 0);
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
