#pragma once

#include <common/diagnostic.h>
#include <common/result.h>
#include <engine/compiled_config.h>
#include <http/request_reader.h>
#include <policy/run.h>
#include <telemetry/event_sinks.h>
#include <telemetry/log_bus.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace gw::engine {

struct EngineOptions {
    std::filesystem::path workspace; // an APIOps artifacts root, or a repository holding one
    std::string environment;         // apply configuration.<environment>.yaml when given
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;         // 0: any free port
    unsigned threads = 0;           // I/O threads; 0: one per core
    std::string tlsCertificateFile; // PEM; with tlsKeyFile the listener speaks TLS
    std::string tlsKeyFile;
    http::Limits limits;
    bool useSecretStore = true; // subscription keys from the per-user secret store, when it exists
    // Where counters that survive a restart (quotas) are kept; empty: in memory only.
    std::filesystem::path stateDirectory;
    // Request and response headers every RequestRecord keeps (case-insensitive names), as APIM's diagnostic
    // settings log them; subscription key headers are kept as "***".
    std::vector<std::string> loggedHeaders;
};

// The state folder of a workspace: $XDG_STATE_HOME (or ~/.local/state)/gatehouse/<folder name>-<hash of its path>,
// so that two workspaces never share counters.
std::filesystem::path defaultStateDirectory(const std::filesystem::path &workspace);

// The health endpoint APIM's gateways answer, also used as the readiness probe.
inline constexpr const char *kHealthPath = "/status-0123456789abcdef";

// The gateway engine: the facade the console and the headless gateway use.
//
// Lifetime and threads: start() loads and compiles the workspace and starts
// listening (it returns once the port is bound); stop() closes every connection
// and joins the I/O threads; drain() first waits for requests in flight.
// Control calls (start, stop, drain, reload, apply) may come from any thread;
// they are serialised. Requests are served on the engine's own I/O threads,
// each on the configuration that was current when it arrived: apply() swaps
// configurations atomically and never fails a request in flight. A
// configuration with errors is refused and the running one keeps serving.
class Engine {
public:
    explicit Engine(EngineOptions options);
    ~Engine();
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    Result<void> start(); // the error names the first problem; diagnostics() has them all
    void stop();
    // Stops accepting, waits up to `timeout` for requests in flight, then stops.
    void drain(std::chrono::milliseconds timeout);
    bool isRunning() const;

    // Reads the workspace again and applies it; on errors the old configuration stays.
    Result<void> reload();
    // Swaps in a compiled configuration.
    void apply(std::shared_ptr<const CompiledConfig> config);
    std::shared_ptr<const CompiledConfig> config() const;

    std::uint16_t port() const;
    std::string address() const; // "http://127.0.0.1:8080"
    const std::filesystem::path &artifactsRoot() const;
    Diagnostics diagnostics() const; // of the last load, applied or refused

    // Every request's record; subscribe to read them.
    telemetry::LogBus &logBus();
    // What log-to-eventhub and emit-metric wrote (loggers' recent lines, metric series).
    telemetry::EventSinks &events();

    // Requests that send `Apim-Debug-Authorization: <traceToken()>` are traced; their responses carry the trace's
    // id in Apim-Trace-Id, and trace() finds it (the newest few hundred are kept).
    std::string traceToken() const;
    std::shared_ptr<const policy::Trace> trace(const std::string &id) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace gw::engine
