#pragma once

#include <telemetry/analytics_store.h>
#include <telemetry/log_bus.h>
#include <telemetry/traffic_stats.h>

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <map>
#include <tuple>
#include <vector>

namespace gh::engine {
class EmbeddedGateway;
}

namespace gh::analytics {

// The last minutes of the embedded gateway's traffic, per second: what the live dashboard draws.
//
// It subscribes to the gateway's log bus whenever the gateway runs and drains it on the UI thread about ten times a
// second, at most kMaxPerDrain records at a time, so a flood of requests never stalls the window: when the UI falls
// behind, the bus drops records for this subscriber alone (the gateway never waits) and dropped() counts them.
// Records are counted in the second they started, per API, operation, product, subscription and status class, so
// every filter of the dashboard is answered from here.
class LiveTraffic : public QObject {
    Q_OBJECT
public:
    static constexpr int kSeconds = 300;        // the live range
    static constexpr int kMaxPerDrain = 20'000; // per drain: bounds the time one drain takes on the UI thread

    explicit LiveTraffic(gh::engine::EmbeddedGateway &gateway, QObject *parent = nullptr);

    using TimePoint = gw::telemetry::RequestRecord::TimePoint;

    // The statistics of each of the last `seconds` complete seconds (oldest first; seconds without traffic are empty),
    // filtered (`filter.text`, from and to are ignored), and the start of the first of them.
    std::vector<gw::telemetry::TrafficStats> perSecond(const gw::telemetry::RecordFilter &filter, int seconds,
                                                       TimePoint &first) const;
    // The names of a dimension over the live range, with their statistics, most calls first.
    std::vector<gw::telemetry::RankedStats> top(const gw::telemetry::RecordFilter &filter,
                                                gw::telemetry::Dimension dimension) const;

    quint64 received() const { return m_received; }
    quint64 dropped() const { return m_droppedBefore + m_subscription.dropped(); }

    // Drains now (tests; the timer does it otherwise).
    void drain();

signals:
    // After a drain that brought records.
    void updated();

private:
    using Key = std::tuple<std::string, std::string, std::string, std::string, int>;
    struct Second {
        TimePoint start;
        std::map<Key, gw::telemetry::TrafficStats> byKey;
    };
    void subscribe();
    void add(const gw::telemetry::RequestRecord &record);

    gh::engine::EmbeddedGateway &m_gateway;
    gw::telemetry::LogBus::Subscription m_subscription;
    std::vector<gw::telemetry::RequestRecord> m_batch;
    std::deque<Second> m_seconds; // ascending start, at most kSeconds + a few
    QTimer m_timer;
    quint64 m_received = 0;
    quint64 m_droppedBefore = 0; // of subscriptions that ended with a gateway restart
};

} // namespace gh::analytics
