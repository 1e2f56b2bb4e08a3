#include "embedded_gateway.h"

#include <engine/engine.h>

namespace gh::engine {

EmbeddedGateway::EmbeddedGateway(QObject *parent) : QObject(parent)
{
}

EmbeddedGateway::~EmbeddedGateway()
{
    if (m_engine)
        m_engine->stop();
}

bool EmbeddedGateway::start(const QString &workspaceFolder)
{
    if (m_engine)
        stop();
    m_workspaceFolder = workspaceFolder;

    gw::engine::EngineOptions options;
    options.workspace = workspaceFolder.toStdString();
    options.host = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    auto engine = std::make_unique<gw::engine::Engine>(options);
    if (auto started = engine->start(); !started) {
        m_error = QString::fromStdString(started.error().message);
        emit messageLogged(tr("Gateway failed to start: %1").arg(m_error));
        setState(State::Failed);
        return false;
    }
    m_engine = std::move(engine);
    m_address = QString::fromStdString(m_engine->address());
    m_error.clear();
    emit messageLogged(tr("Gateway listening on %1").arg(m_address));
    setState(State::Running);
    return true;
}

void EmbeddedGateway::stop()
{
    if (!m_engine)
        return;
    m_engine->stop();
    m_engine.reset();
    m_address.clear();
    emit messageLogged(tr("Gateway stopped"));
    setState(State::Stopped);
}

bool EmbeddedGateway::restart()
{
    return start(m_workspaceFolder);
}

void EmbeddedGateway::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace gh::engine
