#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace gw::engine {
class Engine;
}

namespace gh::engine {

// The gateway engine running inside the console, on 127.0.0.1 and a free port.
// Owned by the UI thread; the engine serves requests on its own threads.
class EmbeddedGateway : public QObject {
    Q_OBJECT
public:
    enum class State { Stopped, Running, Failed };
    Q_ENUM(State)

    explicit EmbeddedGateway(QObject *parent = nullptr);
    ~EmbeddedGateway() override;

    // Starts serving `workspaceFolder`; a running gateway is stopped first.
    bool start(const QString &workspaceFolder);
    void stop();
    bool restart();

    State state() const { return m_state; }
    QString address() const { return m_address; } // "http://127.0.0.1:41234" while running
    QString workspaceFolder() const { return m_workspaceFolder; }
    QString errorString() const { return m_error; }

signals:
    void stateChanged(gh::engine::EmbeddedGateway::State state);
    void messageLogged(const QString &message);

private:
    void setState(State state);

    std::unique_ptr<gw::engine::Engine> m_engine;
    State m_state = State::Stopped;
    QString m_address;
    QString m_workspaceFolder;
    QString m_error;
};

} // namespace gh::engine
