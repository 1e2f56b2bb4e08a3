#include "engine.h"

#include <http/server.h>
#include <store/workspace_store.h>

namespace gw::engine {

namespace {

http::Response answer(const http::Request &request)
{
    const std::string_view target = request.target;
    const std::string_view path = target.substr(0, target.find('?'));
    if (path == kHealthPath && (request.method == "GET" || request.method == "HEAD"))
        return {200, {{"Content-Type", "text/plain"}}, {}};
    return {404, {{"Content-Type", "application/json"}}, R"({"statusCode": 404, "message": "Resource not found"})"};
}

} // namespace

struct Engine::Impl {
    EngineOptions options;
    store::LoadedWorkspace loaded;
    std::unique_ptr<http::Server> server;
};

Engine::Engine(EngineOptions options) : m_impl(std::make_unique<Impl>())
{
    m_impl->options = std::move(options);
}

Engine::~Engine()
{
    stop();
}

Result<void> Engine::start()
{
    Impl &d = *m_impl;
    if (d.server)
        return Error{"the gateway is already running"};
    d.loaded = store::readWorkspace(d.options.workspace);
    if (d.loaded.root.empty()) {
        const std::string reason = d.loaded.diagnostics.empty() ? "no workspace" : d.loaded.diagnostics.front().message;
        return Error{d.options.workspace.string() + ": " + reason};
    }
    http::ServerOptions serverOptions;
    serverOptions.host = d.options.host;
    serverOptions.port = d.options.port;
    serverOptions.threads = d.options.threads;
    auto server = std::make_unique<http::Server>(serverOptions, answer);
    if (auto started = server->start(); !started)
        return started.error();
    d.server = std::move(server);
    return {};
}

void Engine::stop()
{
    if (m_impl->server) {
        m_impl->server->stop();
        m_impl->server.reset();
    }
}

bool Engine::isRunning() const
{
    return m_impl->server != nullptr;
}

std::uint16_t Engine::port() const
{
    return m_impl->server ? m_impl->server->port() : 0;
}

std::string Engine::address() const
{
    return m_impl->server ? m_impl->server->address() : std::string();
}

const model::Workspace &Engine::workspace() const
{
    return m_impl->loaded.workspace;
}

const std::filesystem::path &Engine::artifactsRoot() const
{
    return m_impl->loaded.root;
}

const Diagnostics &Engine::diagnostics() const
{
    return m_impl->loaded.diagnostics;
}

} // namespace gw::engine
