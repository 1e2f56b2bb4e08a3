#pragma once

#include <common/diagnostic.h>
#include <model/workspace.h>
#include <telemetry/request_record.h>

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <deque>
#include <memory>
#include <vector>

namespace gw::engine {
class Engine;
struct CompiledConfig;
} // namespace gw::engine
namespace gw::telemetry {
class AnalyticsWriter;
} // namespace gw::telemetry

namespace gh::engine {

// How the embedded gateway listens. Read from and written to QSettings
// ("gateway/..."); a change takes effect on the next start or restart.
struct GatewaySettings {
    quint16 port = 0; // 0: any free port
    bool tls = false;
    QString certificateFile;                            // PEM
    QString keyFile;                                    // PEM
    int analyticsRetentionDays = 7;                     // the analytics history keeps this many days; 0: everything
    QStringList loggedHeaders = defaultLoggedHeaders(); // kept with every request (the request log's details)

    static QStringList defaultLoggedHeaders();

    static GatewaySettings load();
    void save() const;
    bool operator==(const GatewaySettings &) const = default;
};

// The gateway engine running inside the console, on 127.0.0.1. Owned by the UI
// thread; the engine serves requests on its own threads.
//
// Live configuration: applyModel() compiles an edited model on a worker thread
// (the newest model wins: older ones still waiting are skipped) and swaps it in
// when it compiles; when it does not, the last good configuration keeps serving
// and compiled() reports the diagnostics.
//
// Traffic: the engine's log bus is drained about ten times a second; every
// request counts towards requestRate(), the first few of a drain become lines of
// messageLogged(), and every batch goes to recordsDrained() (the live analytics).
class EmbeddedGateway : public QObject {
    Q_OBJECT
public:
    enum class State { Stopped, Running, Failed };
    Q_ENUM(State)

    explicit EmbeddedGateway(QObject *parent = nullptr);
    ~EmbeddedGateway() override;

    void setSettings(const GatewaySettings &settings) { m_settings = settings; }
    const GatewaySettings &settings() const { return m_settings; }

    // Starts serving `workspaceFolder` as it is on disk; a running gateway is stopped first.
    bool start(const QString &workspaceFolder);
    void stop();
    bool restart();

    // Compiles `model` off the UI thread and serves it when it compiles. `fileDiagnostics` are the problems of
    // reading the files (parse errors): errors among them refuse the configuration, as they would on disk.
    void applyModel(gw::model::Workspace model, gw::Diagnostics fileDiagnostics = {});
    // Waits until every compile asked for so far has finished and been applied or refused (tests, shutdown).
    bool waitForCompiles(int timeoutMs);

    State state() const { return m_state; }
    QString address() const { return m_address; } // "http://127.0.0.1:41234" while running
    QString workspaceFolder() const { return m_workspaceFolder; }
    QString errorString() const { return m_error; }
    // The problems of the configuration served or refused last (start or live compile).
    const gw::Diagnostics &diagnostics() const { return m_diagnostics; }
    // False after a live compile failed: the previous configuration is still being served.
    bool isServingLatest() const { return m_servingLatest; }
    // Requests per second over the last few seconds.
    double requestRate() const;
    quint64 requestCount() const { return m_requestCount; }
    // Records the console's drain lost because it fell behind a flood of requests (the gateway never waits).
    quint64 droppedRecords() const;

    // Tracing (the test console): a request that sends `Apim-Debug-Authorization: <traceToken()>` is traced, and its
    // response's Apim-Trace-Id finds the trace. traceJson() gives its steps as a JSON array of objects (section,
    // source, scope, path, line, column, elapsedUs, durationUs, outcome, changes, message); empty when the gateway
    // is not running or no longer keeps that trace.
    QString traceToken() const;
    QJsonArray traceJson(const QString &id) const;

    // While running, every request is also written to this SQLite analytics history (gw::telemetry::AnalyticsWriter,
    // the format `gatehouse-gateway --analytics-db` writes), keeping settings().analyticsRetentionDays days; empty:
    // none. Takes effect at the next start, so a gateway still serving another workspace never writes into it.
    void setAnalyticsFile(const QString &file) { m_analyticsFile = file; }
    QString analyticsFile() const { return m_analyticsFile; }
    // Records the history writer lost because it fell behind, and its last error ("" when none).
    quint64 analyticsDropped() const;
    QString analyticsError() const;

    // How often the log bus is drained; tests make it faster.
    void setDrainInterval(int ms) { m_drainTimer.setInterval(ms); }

signals:
    void stateChanged(gh::engine::EmbeddedGateway::State state);
    void messageLogged(const QString &message);
    // After a live compile: `ok` when the new configuration is now served.
    void compiled(bool ok);
    void diagnosticsChanged();
    void requestsServed(int count);
    // Every record drained from the log bus, in batches (about ten a second).
    void recordsDrained(const std::vector<gw::telemetry::RequestRecord> &records);

private:
    struct Secrets;
    void setState(State state);
    void drainLog();
    void drainEvents();
    void setDiagnostics(gw::Diagnostics diagnostics);
    void finishCompile(quint64 generation, std::shared_ptr<const gw::engine::CompiledConfig> config,
                       gw::Diagnostics diagnostics);

    void openAnalyticsWriter();

    std::unique_ptr<gw::engine::Engine> m_engine;
    std::unique_ptr<gw::telemetry::AnalyticsWriter> m_analyticsWriter;
    QString m_analyticsFile;
    QString m_analyticsOpenError;
    struct Subscription;
    std::unique_ptr<Subscription> m_subscription;
    GatewaySettings m_settings;
    State m_state = State::Stopped;
    QString m_address;
    QString m_workspaceFolder;
    QString m_error;
    gw::Diagnostics m_diagnostics;
    bool m_servingLatest = true;

    QThreadPool m_compilePool;
    std::shared_ptr<std::atomic<quint64>> m_latestCompile = std::make_shared<std::atomic<quint64>>(0);
    quint64 m_finishedCompile = 0;

    QTimer m_drainTimer;
    QElapsedTimer m_clock;
    std::deque<std::pair<qint64, int>> m_recent; // (ms since start, requests drained then)
    quint64 m_requestCount = 0;
    quint64 m_droppedBefore = 0;             // by subscriptions of earlier starts
    QHash<QString, QString> m_lastEventLine; // per logger: the newest event line shown
};

} // namespace gh::engine
