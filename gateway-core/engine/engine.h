#pragma once

#include <common/diagnostic.h>
#include <common/result.h>
#include <model/workspace.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace gw::engine {

struct EngineOptions {
    std::filesystem::path workspace; // an APIOps artifacts root, or a repository holding one
    std::string host = "127.0.0.1";
    std::uint16_t port = 0; // 0: any free port
    unsigned threads = 0;   // I/O threads; 0: one per core
};

// The health endpoint APIM's gateways answer, also used as the readiness probe.
inline constexpr const char *kHealthPath = "/status-0123456789abcdef";

// The gateway engine: the facade the console and the headless gateway use.
//
// Lifetime and threads: construct with options, start() loads the workspace and
// starts listening (synchronously; it returns once the port is bound), stop()
// closes every connection and joins the I/O threads. All members are called
// from one owning thread; requests are served on the engine's own threads.
// Problems in the workspace do not stop the engine: they are kept in
// diagnostics() and the parts that load are served.
class Engine {
public:
    explicit Engine(EngineOptions options);
    ~Engine();
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    Result<void> start();
    void stop();
    bool isRunning() const;

    std::uint16_t port() const;
    std::string address() const; // "http://127.0.0.1:8080"

    const model::Workspace &workspace() const;
    const std::filesystem::path &artifactsRoot() const;
    const Diagnostics &diagnostics() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace gw::engine
