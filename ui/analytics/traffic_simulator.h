#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace gw::model {
struct Workspace;
}

namespace gh::workspace {
class WorkspaceDocument;
}

namespace gh::analytics {

// What the simulator sends, and how fast.
struct TrafficSettings {
    static constexpr int minimumRate = 1;
    static constexpr int maximumRate = 2000;

    int rate = 20;           // requests per second
    int durationSeconds = 0; // 0: until stop()
    // Relative weight of each API by name; an API not listed weighs 1, weight 0 leaves it out. Within an API,
    // operations a GET reaches weigh three times the others (dashboards mostly see reads).
    QHash<QString, int> apiWeights;
    // The subscriptions whose keys are sent; absent: every active subscription that has a key (an empty list sends
    // no key at all).
    std::optional<QStringList> subscriptions;
    // Percentages of all requests; together at most 100. A bad key is made up, so the gateway answers 401; an
    // error asks for a path or a method that no operation has, so it answers 404.
    int badKeyPercent = 0;
    int errorPercent = 0;
    bool sendBodies = true; // POST/PUT/PATCH carry the example of the operation's request, when it has one
    // Requests waiting for an answer at most; a request due while this many are out is skipped and counted "behind".
    int maxInFlight = 64;
    std::optional<quint32> seed; // same seed, same sequence of requests
};

// What has happened since start().
struct TrafficCounters {
    quint64 sent = 0;        // handed to the network
    quint64 success = 0;     // 2xx
    quint64 redirect = 0;    // 3xx
    quint64 clientError = 0; // 4xx
    quint64 serverError = 0; // 5xx
    quint64 failed = 0;      // no HTTP answer (refused, reset, timed out)
    quint64 behind = 0;      // due but skipped: maxInFlight requests were already waiting
    quint64 badKeysSent = 0;
    quint64 errorsSent = 0;
    int inFlight = 0;
    double achievedRate = 0; // answers per second over the last two seconds
    qint64 elapsedMs = 0;
    QMap<int, quint64> statuses; // answers per status code

    quint64 completed() const { return success + redirect + clientError + serverError + failed; }
};

// Sends generated traffic to the embedded gateway over real sockets, so the dashboards have something to show and
// rate limits can be tried. Built from the workspace as it is at start(): every operation of every API (template
// parameters and required query parameters filled with plausible values, the API's version where its version set
// puts it), the keys of the workspace's subscriptions, and the share of bad keys and errors asked for.
//
// Pacing: a timer ticks every 10 ms and sends what the rate makes due since the start, so a late tick catches up
// rather than lowering the rate. QNetworkAccessManager opens at most six HTTP/1.1 connections to one host; what the
// rate really reaches is counters().achievedRate.
//
// Lives on the UI thread. A given seed makes the sequence of requests (APIs, keys, bad keys, errors) repeatable.
class TrafficSimulator : public QObject {
    Q_OBJECT
public:
    explicit TrafficSimulator(workspace::WorkspaceDocument &document, QObject *parent = nullptr);
    ~TrafficSimulator() override;

    void setSettings(const TrafficSettings &settings);
    const TrafficSettings &settings() const { return m_settings; }
    // Where requests go: the embedded gateway's address() ("http://127.0.0.1:41234").
    void setGatewayAddress(const QString &address) { m_address = address; }
    QString gatewayAddress() const { return m_address; }

    // Starts sending with the current settings, counters from zero; false (and errorString() says why) when there
    // is nothing to send or nowhere to send it.
    bool start();
    // Stops sending; requests already sent still land in the counters when they are answered.
    void stop();
    bool isRunning() const { return m_running; }
    QString errorString() const { return m_error; }

    const TrafficCounters &counters() const { return m_counters; }

    // Subscriptions the simulator uses when settings().subscriptions is absent: active, with a key.
    QStringList usableSubscriptions() const;

signals:
    void runningChanged(bool running);
    // The counters moved; at most ten times a second, and once more when the last answer came in.
    void countersUpdated();

private:
    struct Target {
        QString api;
        QString operation;
        QString method;
        QString path; // from the root of the gateway, template parameters filled
        QList<QPair<QString, QString>> query;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray contentType;
        QByteArray keyHeader;
        QStringList keys;         // of the chosen subscriptions that reach this API
        QStringList otherMethods; // methods no operation of this path has
        double weight = 1;
    };

    bool buildPlan();
    void tick();
    void sendOne();
    void answered(QNetworkReply *reply);
    void publish();
    void markChanged();

    workspace::WorkspaceDocument &m_document;
    QNetworkAccessManager *m_network;
    TrafficSettings m_settings;
    QString m_address;
    QString m_error;
    bool m_running = false;

    std::vector<Target> m_targets;
    std::vector<double> m_cumulative; // running sum of the targets' weights, for a weighted pick
    QRandomGenerator m_random;

    QTimer m_tick;
    QTimer m_notify;
    bool m_changed = false;
    QElapsedTimer m_clock;
    quint64 m_run = 0;       // which start() the replies belong to
    quint64 m_scheduled = 0; // requests due so far: sent or behind
    TrafficCounters m_counters;
    std::deque<QPair<qint64, quint64>> m_samples; // (ms since start, answers so far), for the achieved rate
};

} // namespace gh::analytics
