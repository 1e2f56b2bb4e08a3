#pragma once

#include <common/result.h>
#include <telemetry/bus_reader.h>
#include <telemetry/log_bus.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace gw::telemetry {

// The access log: a LogBus subscriber that writes every record it receives as
// one JSON line (appendJsonLine) to a file, appended to, or to standard output.
//
// Threads: open() subscribes and starts a background thread that drains the
// subscription every `interval`, writes the batch with one write call and
// flushes it, so `tail -f` sees requests within about that time. The getters
// may be called from any thread. stop() (also run by the destructor) wakes the
// thread, which drains what is left, writes it, flushes and exits; then the
// subscription ends. Records published after stop() are not logged: stop the
// I/O threads first to log every request.
//
// Drops: when the writer falls behind the I/O threads (a slow disk), the bus
// drops records for it; dropped() counts them, and at stop a last line
// {"accessLogDropped":N,"accessLogWritten":M} is written when N > 0, so a file
// that lost lines says so. Records whose write failed (disk full) are counted
// in failed().
class AccessLog {
public:
    struct Options {
        std::chrono::milliseconds interval{100};
    };

    // `target` is a file path, or "-" for standard output. Fails when the file
    // cannot be opened for appending.
    static Result<std::unique_ptr<AccessLog>> open(LogBus &bus, const std::string &target, Options options);
    static Result<std::unique_ptr<AccessLog>> open(LogBus &bus, const std::string &target)
    {
        return open(bus, target, Options{});
    }

    ~AccessLog();

    AccessLog(const AccessLog &) = delete;
    AccessLog &operator=(const AccessLog &) = delete;

    // Drains everything waiting, writes it, flushes and stops; idempotent.
    void stop();

    const std::string &target() const { return m_target; }
    std::uint64_t written() const { return m_written.load(std::memory_order_relaxed); }
    std::uint64_t dropped() const { return m_reader->dropped(); }
    std::uint64_t failed() const { return m_failed.load(std::memory_order_relaxed); }

private:
    AccessLog(std::string target, std::FILE *file);
    void writeBatch(std::vector<RequestRecord> &batch);
    void writeSummary();
    void write(const std::string &bytes, std::size_t records);

    const std::string m_target;
    std::FILE *const m_file;
    std::string m_buffer; // used by the reader's thread only
    std::atomic<std::uint64_t> m_written{0};
    std::atomic<std::uint64_t> m_failed{0};
    std::unique_ptr<BusReader> m_reader; // last: its thread uses the members above
};

} // namespace gw::telemetry
