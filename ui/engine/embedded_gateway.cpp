#include "embedded_gateway.h"

#include <engine/compiled_config.h>
#include <engine/engine.h>
#include <model/validation.h>
#include <secrets/secret_store.h>
#include <telemetry/analytics_writer.h>
#include <telemetry/log_bus.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QMetaObject>
#include <QSettings>

#include <algorithm>
#include <filesystem>

namespace gh::engine {

namespace {

constexpr qint64 kRateWindowMs = 5000;
constexpr std::size_t kMaxRecordsPerDrain = 20'000;
constexpr int kMaxLinesPerDrain = 25; // beyond that a burst is summarised in one line (the Analytics tab has them all)

// The per-user secret store, opened the way the engine opens it at start (never created here), so a live compile
// sees the same secret named values and local subscription keys as a start from disk.
std::shared_ptr<gw::secrets::SecretStore> openSecretStore()
{
    const auto folder = gw::secrets::SecretStore::defaultFolder();
    std::error_code ec;
    if (!std::filesystem::exists(folder / "secrets.bin", ec))
        return nullptr;
    gw::secrets::OpenOptions open;
    open.useKeyring = false;
    auto store = gw::secrets::SecretStore::open(folder, open);
    if (!store)
        return nullptr;
    return std::make_shared<gw::secrets::SecretStore>(std::move(store.value()));
}

} // namespace

struct EmbeddedGateway::Subscription {
    gw::telemetry::LogBus::Subscription handle;
};

GatewaySettings GatewaySettings::load()
{
    QSettings settings;
    GatewaySettings out;
    out.port = static_cast<quint16>(settings.value(QStringLiteral("gateway/port"), 0).toUInt());
    out.tls = settings.value(QStringLiteral("gateway/tls"), false).toBool();
    out.certificateFile = settings.value(QStringLiteral("gateway/certificateFile")).toString();
    out.keyFile = settings.value(QStringLiteral("gateway/keyFile")).toString();
    out.analyticsRetentionDays = settings.value(QStringLiteral("gateway/analyticsRetentionDays"), 7).toInt();
    out.loggedHeaders = settings.value(QStringLiteral("gateway/loggedHeaders"), defaultLoggedHeaders()).toStringList();
    return out;
}

QStringList GatewaySettings::defaultLoggedHeaders()
{
    return {QStringLiteral("Accept"),           QStringLiteral("Content-Type"), QStringLiteral("Content-Length"),
            QStringLiteral("User-Agent"),       QStringLiteral("Location"),     QStringLiteral("Cache-Control"),
            QStringLiteral("WWW-Authenticate"), QStringLiteral("Retry-After")};
}

void GatewaySettings::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("gateway/port"), port);
    settings.setValue(QStringLiteral("gateway/tls"), tls);
    settings.setValue(QStringLiteral("gateway/certificateFile"), certificateFile);
    settings.setValue(QStringLiteral("gateway/keyFile"), keyFile);
    settings.setValue(QStringLiteral("gateway/analyticsRetentionDays"), analyticsRetentionDays);
    settings.setValue(QStringLiteral("gateway/loggedHeaders"), loggedHeaders);
}

EmbeddedGateway::EmbeddedGateway(QObject *parent) : QObject(parent)
{
    m_compilePool.setMaxThreadCount(1); // compiles run one after another; the newest waiting one wins
    m_clock.start();
    m_drainTimer.setInterval(100);
    connect(&m_drainTimer, &QTimer::timeout, this, &EmbeddedGateway::drainLog);
}

EmbeddedGateway::~EmbeddedGateway()
{
    m_latestCompile->fetch_add(1); // whatever is still queued is stale now
    m_compilePool.waitForDone();
    m_subscription.reset();
    if (m_engine)
        m_engine->stop();
    m_analyticsWriter.reset(); // after the engine: it writes every record the engine published
}

bool EmbeddedGateway::start(const QString &workspaceFolder)
{
    if (m_engine)
        stop();
    m_workspaceFolder = workspaceFolder;

    gw::engine::EngineOptions options;
    options.workspace = workspaceFolder.toStdString();
    options.host = "127.0.0.1";
    options.port = m_settings.port;
    options.threads = 2;
    for (const QString &name : m_settings.loggedHeaders)
        options.loggedHeaders.push_back(name.trimmed().toStdString());
    if (m_settings.tls) {
        options.tlsCertificateFile = m_settings.certificateFile.toStdString();
        options.tlsKeyFile = m_settings.keyFile.toStdString();
    }
    auto engine = std::make_unique<gw::engine::Engine>(options);
    auto started = engine->start();
    setDiagnostics(engine->diagnostics());
    if (!started) {
        m_error = QString::fromStdString(started.error().message);
        emit messageLogged(tr("Gateway failed to start: %1").arg(m_error));
        setState(State::Failed);
        return false;
    }
    m_engine = std::move(engine);
    m_subscription = std::make_unique<Subscription>(Subscription{m_engine->logBus().subscribe("console")});
    openAnalyticsWriter();
    m_address = QString::fromStdString(m_engine->address());
    if (m_settings.tls && m_address.startsWith(QLatin1String("http://")))
        m_address.replace(0, 4, QStringLiteral("https"));
    m_error.clear();
    m_servingLatest = true;
    m_recent.clear();
    m_drainTimer.start();
    emit messageLogged(tr("Gateway listening on %1").arg(m_address));
    setState(State::Running);
    return true;
}

void EmbeddedGateway::openAnalyticsWriter()
{
    m_analyticsWriter.reset();
    m_analyticsOpenError.clear();
    if (!m_engine || m_analyticsFile.isEmpty())
        return;
    auto writer = gw::telemetry::AnalyticsWriter::open(
        m_engine->logBus(), m_analyticsFile.toStdString(),
        {.retention = std::chrono::hours(24 * std::max(0, m_settings.analyticsRetentionDays))});
    if (writer) {
        m_analyticsWriter = std::move(writer.value());
    } else {
        m_analyticsOpenError = QString::fromStdString(writer.error().message);
        emit messageLogged(tr("Analytics history not written: %1").arg(m_analyticsOpenError));
    }
}

quint64 EmbeddedGateway::analyticsDropped() const
{
    return m_analyticsWriter ? m_analyticsWriter->dropped() : 0;
}

QString EmbeddedGateway::analyticsError() const
{
    if (!m_analyticsOpenError.isEmpty() || !m_analyticsWriter)
        return m_analyticsOpenError;
    return QString::fromStdString(m_analyticsWriter->lastError());
}

void EmbeddedGateway::stop()
{
    if (!m_engine)
        return;
    m_drainTimer.stop();
    drainLog();
    m_droppedBefore += m_subscription->handle.dropped();
    m_subscription.reset();
    m_engine->stop();
    m_analyticsWriter.reset();
    m_engine.reset();
    m_address.clear();
    m_recent.clear();
    emit messageLogged(tr("Gateway stopped"));
    setState(State::Stopped);
}

QString EmbeddedGateway::traceToken() const
{
    return m_engine ? QString::fromStdString(m_engine->traceToken()) : QString();
}

QJsonArray EmbeddedGateway::traceJson(const QString &id) const
{
    QJsonArray entries;
    const auto trace = m_engine ? m_engine->trace(id.toStdString()) : nullptr;
    if (!trace)
        return entries;
    for (const auto &entry : trace->entries) {
        QJsonArray changes;
        for (const auto &change : entry.changes)
            changes.append(QString::fromStdString(change));
        entries.append(QJsonObject{{QStringLiteral("section"), QString::fromStdString(entry.section)},
                                   {QStringLiteral("source"), QString::fromStdString(entry.source)},
                                   {QStringLiteral("scope"), QString::fromStdString(entry.scope)},
                                   {QStringLiteral("path"), QString::fromStdString(entry.path)},
                                   {QStringLiteral("line"), static_cast<qint64>(entry.location.line)},
                                   {QStringLiteral("column"), static_cast<qint64>(entry.location.column)},
                                   {QStringLiteral("elapsedUs"), static_cast<qint64>(entry.elapsed.count())},
                                   {QStringLiteral("durationUs"), static_cast<qint64>(entry.duration.count())},
                                   {QStringLiteral("outcome"), QString::fromStdString(entry.outcome)},
                                   {QStringLiteral("changes"), changes},
                                   {QStringLiteral("message"), QString::fromStdString(entry.message)}});
    }
    return entries;
}

bool EmbeddedGateway::restart()
{
    return start(m_workspaceFolder);
}

void EmbeddedGateway::applyModel(gw::model::Workspace model, gw::Diagnostics fileDiagnostics)
{
    const quint64 generation = m_latestCompile->fetch_add(1) + 1;
    const std::string scope = m_engine ? m_engine->artifactsRoot().string() : std::string();
    auto latest = m_latestCompile;
    m_compilePool.start([this, generation, latest, scope, model = std::move(model),
                         fileDiagnostics = std::move(fileDiagnostics)]() mutable {
        if (latest->load() != generation) { // a newer model is waiting behind this one
            QMetaObject::invokeMethod(
                this, [this, generation] { finishCompile(generation, nullptr, {}); }, Qt::QueuedConnection);
            return;
        }
        // Validation is what a load from disk adds to the file problems; it runs on the edited model.
        gw::Diagnostics diagnostics = std::move(fileDiagnostics);
        for (auto &diagnostic : gw::model::validate(model))
            diagnostics.push_back(std::move(diagnostic));
        gw::engine::Compiled compiled;
        auto store = scope.empty() ? nullptr : openSecretStore();
        if (store) {
            compiled = gw::engine::compile(
                std::move(model), std::move(diagnostics),
                [store, scope](const std::string &subscription, const char *which) {
                    return store->get(scope, "subscription/" + subscription + "/" + which);
                },
                [store, scope](const gw::model::NamedValue &value) {
                    return store->get(scope, "namedValue/" + value.name);
                });
        } else {
            compiled = gw::engine::compile(std::move(model), std::move(diagnostics));
        }
        // The pool is waited for in the destructor, so `this` is alive while this posts; a posted call to an
        // object destroyed later is dropped by Qt.
        QMetaObject::invokeMethod(
            this,
            [this, generation, config = std::move(compiled.config), diagnostics = std::move(compiled.diagnostics)]() {
                finishCompile(generation, config, diagnostics);
            },
            Qt::QueuedConnection);
    });
}

void EmbeddedGateway::finishCompile(quint64 generation, std::shared_ptr<const gw::engine::CompiledConfig> config,
                                    gw::Diagnostics diagnostics)
{
    m_finishedCompile = std::max(m_finishedCompile, generation);
    if (generation != m_latestCompile->load())
        return; // superseded while compiling
    const bool ok = config != nullptr;
    if (ok && m_engine)
        m_engine->apply(std::move(config));
    const bool wasServingLatest = m_servingLatest;
    m_servingLatest = ok || !m_engine;
    setDiagnostics(std::move(diagnostics));
    if (m_engine && ok && !wasServingLatest)
        emit messageLogged(tr("Configuration compiles again: now serving the edited workspace"));
    else if (m_engine && !ok)
        emit messageLogged(tr("The edited configuration has errors: serving the last good configuration"));
    emit compiled(ok);
}

bool EmbeddedGateway::waitForCompiles(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_finishedCompile < m_latestCompile->load()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        m_compilePool.waitForDone(10);
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

void EmbeddedGateway::setDiagnostics(gw::Diagnostics diagnostics)
{
    m_diagnostics = std::move(diagnostics);
    emit diagnosticsChanged();
}

double EmbeddedGateway::requestRate() const
{
    const qint64 now = m_clock.elapsed();
    int count = 0;
    for (const auto &[when, n] : m_recent)
        if (now - when <= kRateWindowMs)
            count += n;
    // Over the window, or since the start when that is shorter, so a fresh gateway does not under-report.
    const qint64 span = std::max<qint64>(1000, std::min(kRateWindowMs, now));
    return count * 1000.0 / static_cast<double>(span);
}

void EmbeddedGateway::drainEvents()
{
    // What log-to-eventhub wrote since the last look, per logger of the served configuration.
    const auto config = m_engine->config();
    if (!config || !config->workspace)
        return;
    for (const auto &logger : config->workspace->loggers) {
        const std::vector<std::string> lines = m_engine->events().recentLogs(logger.name);
        if (lines.empty())
            continue;
        const QString name = QString::fromStdString(logger.name);
        const std::string last = m_lastEventLine.value(name).toStdString();
        auto from = lines.begin();
        if (!last.empty()) {
            const auto seen = std::find(lines.rbegin(), lines.rend(), last);
            if (seen != lines.rend())
                from = seen.base();
        }
        for (auto it = from; it != lines.end(); ++it)
            emit messageLogged(tr("[%1] %2").arg(name, QString::fromStdString(*it)));
        m_lastEventLine.insert(name, QString::fromStdString(lines.back()));
    }
}

void EmbeddedGateway::drainLog()
{
    if (!m_subscription)
        return;
    drainEvents();
    // At most kMaxRecordsPerDrain at a time, so a flood never stalls the window: the bus drops the rest for this
    // subscriber alone (droppedRecords()), the gateway never waits.
    std::vector<gw::telemetry::RequestRecord> records;
    m_subscription->handle.drain(records, kMaxRecordsPerDrain);
    const qint64 now = m_clock.elapsed();
    while (!m_recent.empty() && now - m_recent.front().first > kRateWindowMs)
        m_recent.pop_front();
    if (records.empty())
        return;
    m_recent.emplace_back(now, static_cast<int>(records.size()));
    m_requestCount += records.size();
    std::size_t shown = 0;
    for (const auto &record : records) {
        if (++shown > static_cast<std::size_t>(kMaxLinesPerDrain))
            break;
        QString line = QStringLiteral("%1 %2 → %3  %4 ms")
                           .arg(QString::fromStdString(record.method), QString::fromStdString(record.path))
                           .arg(record.status)
                           .arg(static_cast<double>(record.totalLatency.count()) / 1000.0, 0, 'f', 1);
        if (!record.api.empty())
            line += QStringLiteral("  [%1]").arg(QString::fromStdString(record.api));
        if (!record.errorReason.empty())
            line += QStringLiteral("  %1").arg(QString::fromStdString(record.errorReason));
        emit messageLogged(line);
    }
    if (records.size() > static_cast<std::size_t>(kMaxLinesPerDrain))
        emit messageLogged(
            tr("… and %n more request(s)", nullptr, static_cast<int>(records.size()) - kMaxLinesPerDrain));
    emit requestsServed(static_cast<int>(records.size()));
    emit recordsDrained(records);
}

quint64 EmbeddedGateway::droppedRecords() const
{
    return m_droppedBefore + (m_subscription ? m_subscription->handle.dropped() : 0);
}

void EmbeddedGateway::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace gh::engine
