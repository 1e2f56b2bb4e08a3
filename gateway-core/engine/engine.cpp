#include "engine.h"

#include "gateway.h"

#include <certificates/store.h>
#include <http/server.h>
#include <secrets/secret_store.h>
#include <store/workspace_store.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

namespace gw::engine {

struct Engine::Impl {
    EngineOptions options;
    mutable std::mutex control;
    std::filesystem::path root;
    Diagnostics diagnostics;
    std::unique_ptr<telemetry::LogBus> logBus;
    std::unique_ptr<Gateway> gateway;
    std::unique_ptr<http::Server> server;

    unsigned threads() const
    {
        return options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    }

    // The per-user secret store, when the user has one (never created here).
    std::shared_ptr<secrets::SecretStore> secretStore() const
    {
        if (!options.useSecretStore)
            return nullptr;
        const auto folder = secrets::SecretStore::defaultFolder();
        std::error_code ec;
        if (!std::filesystem::exists(folder / "secrets.bin", ec))
            return nullptr;
        secrets::OpenOptions open;
        open.useKeyring = false;
        auto store = secrets::SecretStore::open(folder, open);
        if (!store)
            return nullptr;
        return std::make_shared<secrets::SecretStore>(std::move(store.value()));
    }

    Compiled load()
    {
        auto loaded = store::readWorkspace(options.workspace, {options.environment});
        if (loaded.root.empty())
            return {nullptr, std::move(loaded.diagnostics)};
        root = loaded.root;
        // The certificate store is read again with the workspace, before the policies that refer to it compile.
        certificates::Store &certificates = gateway->services().certificates();
        for (std::string &problem : certificates.reload()) {
            Diagnostic diagnostic;
            diagnostic.severity = Severity::Warning;
            const auto colon = problem.find(": ");
            diagnostic.location.file = problem.substr(0, colon);
            diagnostic.message = colon == std::string::npos ? problem : problem.substr(colon + 2);
            loaded.diagnostics.push_back(std::move(diagnostic));
        }
        auto store = secretStore();
        if (!store)
            return compile(std::move(loaded.workspace), std::move(loaded.diagnostics), {}, {}, &certificates);
        const std::string scope = loaded.root.string();
        return compile(
            std::move(loaded.workspace), std::move(loaded.diagnostics),
            [store, scope](const std::string &subscription, const char *which) {
                return store->get(scope, "subscription/" + subscription + "/" + which);
            },
            [store, scope](const model::NamedValue &value) { return store->get(scope, "namedValue/" + value.name); },
            &certificates);
    }
};

namespace {

Error firstError(const Diagnostics &diagnostics)
{
    for (const auto &diagnostic : diagnostics) {
        if (diagnostic.severity == Severity::Error)
            return Error{format(diagnostic)};
    }
    return Error{"the workspace could not be loaded"};
}

} // namespace

std::filesystem::path defaultStateDirectory(const std::filesystem::path &workspace)
{
    std::filesystem::path base;
    if (const char *state = std::getenv("XDG_STATE_HOME"); state && *state)
        base = state;
    else if (const char *home = std::getenv("HOME"); home && *home)
        base = std::filesystem::path(home) / ".local" / "state";
    else
        base = std::filesystem::temp_directory_path();
    std::error_code error;
    std::filesystem::path absolute = std::filesystem::weakly_canonical(workspace, error);
    if (error)
        absolute = std::filesystem::absolute(workspace);
    std::uint32_t hash = 2166136261u; // FNV-1a: stable across runs and builds
    for (const unsigned char c : absolute.generic_string())
        hash = (hash ^ c) * 16777619u;
    char suffix[9];
    std::snprintf(suffix, sizeof suffix, "%08x", hash);
    return base / "gatehouse" / (absolute.filename().string() + "-" + suffix);
}

Engine::Engine(EngineOptions options) : m_impl(std::make_unique<Impl>())
{
    m_impl->options = std::move(options);
    m_impl->logBus = std::make_unique<telemetry::LogBus>(m_impl->threads());
    m_impl->gateway = std::make_unique<Gateway>(
        *m_impl->logBus, policy::ServicesOptions{.stateDirectory = m_impl->options.stateDirectory},
        m_impl->options.loggedHeaders);
}

Engine::~Engine()
{
    stop();
}

Result<void> Engine::start()
{
    std::lock_guard lock(m_impl->control);
    Impl &d = *m_impl;
    if (d.server)
        return Error{"the gateway is already running"};
    Compiled compiled = d.load();
    d.diagnostics = compiled.diagnostics;
    if (!compiled.config)
        return firstError(d.diagnostics);
    d.gateway->apply(std::move(compiled.config));

    http::ServerOptions serverOptions;
    serverOptions.host = d.options.host;
    serverOptions.port = d.options.port;
    serverOptions.threads = d.threads();
    serverOptions.limits = d.options.limits;
    serverOptions.tlsCertificateFile = d.options.tlsCertificateFile;
    serverOptions.tlsKeyFile = d.options.tlsKeyFile;
    serverOptions.streamRequestBodies = true; // bodies no policy reads go through as they arrive
    auto server = std::make_unique<http::Server>(serverOptions,
                                                 [gateway = d.gateway.get()](std::shared_ptr<http::Exchange> exchange) {
                                                     gateway->handle(std::move(exchange));
                                                 });
    if (auto started = server->start(); !started)
        return started.error();
    d.server = std::move(server);
    return {};
}

void Engine::stop()
{
    std::lock_guard lock(m_impl->control);
    if (m_impl->server) {
        m_impl->server->stop();
        m_impl->server.reset();
    }
}

void Engine::drain(std::chrono::milliseconds timeout)
{
    {
        std::lock_guard lock(m_impl->control);
        if (!m_impl->server)
            return;
        m_impl->server->stopAccepting();
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (m_impl->gateway->inFlight() > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    stop();
}

bool Engine::isRunning() const
{
    std::lock_guard lock(m_impl->control);
    return m_impl->server != nullptr;
}

Result<void> Engine::reload()
{
    std::lock_guard lock(m_impl->control);
    Compiled compiled = m_impl->load();
    m_impl->diagnostics = compiled.diagnostics;
    if (!compiled.config)
        return firstError(m_impl->diagnostics);
    m_impl->gateway->apply(std::move(compiled.config));
    return {};
}

void Engine::apply(std::shared_ptr<const CompiledConfig> config)
{
    std::lock_guard lock(m_impl->control);
    m_impl->gateway->apply(std::move(config));
}

std::shared_ptr<const CompiledConfig> Engine::config() const
{
    return m_impl->gateway->config();
}

std::uint16_t Engine::port() const
{
    std::lock_guard lock(m_impl->control);
    return m_impl->server ? m_impl->server->port() : 0;
}

std::string Engine::address() const
{
    std::lock_guard lock(m_impl->control);
    return m_impl->server ? m_impl->server->address() : std::string();
}

const std::filesystem::path &Engine::artifactsRoot() const
{
    return m_impl->root;
}

Diagnostics Engine::diagnostics() const
{
    std::lock_guard lock(m_impl->control);
    return m_impl->diagnostics;
}

telemetry::LogBus &Engine::logBus()
{
    return *m_impl->logBus;
}

telemetry::EventSinks &Engine::events()
{
    return m_impl->gateway->services().events();
}

std::string Engine::traceToken() const
{
    return m_impl->gateway->traces().token();
}

std::shared_ptr<const policy::Trace> Engine::trace(const std::string &id) const
{
    return m_impl->gateway->traces().find(id);
}

} // namespace gw::engine
