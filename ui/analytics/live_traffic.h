#pragma once

#include <telemetry/analytics_store.h>
#include <telemetry/traffic_stats.h>

#include <QObject>
#include <QStringList>

#include <array>
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
// It takes the batches the gateway drains from its log bus for the console (EmbeddedGateway::recordsDrained, on the
// UI thread, about ten a second, bounded per drain), so the live charts cost the I/O threads nothing more. Records are
// counted in the second they started, per API, operation, product, subscription and status class, so every filter of
// the dashboard is answered from here.
class LiveTraffic : public QObject {
    Q_OBJECT
public:
    static constexpr int kSeconds = 300; // the live range

    explicit LiveTraffic(gh::engine::EmbeddedGateway &gateway, QObject *parent = nullptr);

    using TimePoint = gw::telemetry::RequestRecord::TimePoint;

    // The statistics of each of the last `seconds` complete seconds (oldest first; seconds without traffic are empty),
    // filtered (`filter.text`, from and to are ignored), and the start of the first of them.
    std::vector<gw::telemetry::TrafficStats> perSecond(const gw::telemetry::RecordFilter &filter, int seconds,
                                                       TimePoint &first) const;
    // The four top tables over the live range (indexed by Dimension), most calls first.
    std::array<std::vector<gw::telemetry::RankedStats>, 4> tops(const gw::telemetry::RecordFilter &filter) const;

    quint64 received() const { return m_received; }
    // Records lost because the console's drain fell behind (the gateway's count).
    quint64 dropped() const;

signals:
    // After a batch of records was counted.
    void updated();

private:
    using Key = std::tuple<std::string, std::string, std::string, std::string, int>;
    struct Second {
        TimePoint start;
        std::map<Key, gw::telemetry::TrafficStats> byKey;
    };
    void add(const std::vector<gw::telemetry::RequestRecord> &records);

    gh::engine::EmbeddedGateway &m_gateway;
    std::deque<Second> m_seconds; // ascending start, at most kSeconds + a few
    quint64 m_received = 0;
};

} // namespace gh::analytics
