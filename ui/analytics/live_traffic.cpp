#include "live_traffic.h"

#include <ui/engine/embedded_gateway.h>

#include <algorithm>

namespace gh::analytics {

using gw::telemetry::RankedStats;
using gw::telemetry::RecordFilter;
using gw::telemetry::TrafficStats;

namespace {

LiveTraffic::TimePoint now()
{
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

} // namespace

LiveTraffic::LiveTraffic(gh::engine::EmbeddedGateway &gateway, QObject *parent) : QObject(parent), m_gateway(gateway)
{
    connect(&gateway, &gh::engine::EmbeddedGateway::recordsDrained, this, &LiveTraffic::add);
}

quint64 LiveTraffic::dropped() const
{
    return m_gateway.droppedRecords();
}

void LiveTraffic::add(const std::vector<gw::telemetry::RequestRecord> &records)
{
    for (const auto &record : records) {
        const TimePoint second = std::chrono::floor<std::chrono::seconds>(record.startTime);
        // Records arrive roughly in order: look from the newest second back.
        auto it = m_seconds.end();
        while (it != m_seconds.begin() && std::prev(it)->start > second)
            --it;
        if (it == m_seconds.begin() || std::prev(it)->start != second)
            it = m_seconds.insert(it, Second{second, {}});
        else
            --it;
        it->byKey[Key{record.api, record.operation, record.product, record.subscription,
                      gw::telemetry::statusClassOf(record.status)}]
            .add(record);
    }
    const TimePoint oldest = std::chrono::floor<std::chrono::seconds>(now()) - std::chrono::seconds(kSeconds + 1);
    while (!m_seconds.empty() && m_seconds.front().start < oldest)
        m_seconds.pop_front();
    m_received += records.size();
    emit updated();
}

std::vector<TrafficStats> LiveTraffic::perSecond(const RecordFilter &filter, int seconds, TimePoint &first) const
{
    // Complete seconds only: the one in progress would show as a dip at the right edge of every chart.
    first = std::chrono::floor<std::chrono::seconds>(now()) - std::chrono::seconds(seconds);
    std::vector<TrafficStats> result(static_cast<std::size_t>(seconds));
    for (const Second &second : m_seconds) {
        const auto index = std::chrono::duration_cast<std::chrono::seconds>(second.start - first).count();
        if (index < 0 || index >= seconds)
            continue;
        for (const auto &[key, stats] : second.byKey) {
            const auto &[api, operation, product, subscription, statusClass] = key;
            if (filter.matchesKey(api, operation, product, subscription, statusClass))
                result[static_cast<std::size_t>(index)].merge(stats);
        }
    }
    return result;
}

std::array<std::vector<RankedStats>, 4> LiveTraffic::tops(const RecordFilter &filter) const
{
    gw::telemetry::TopsBuilder tops;
    for (const Second &second : m_seconds) {
        for (const auto &[key, stats] : second.byKey) {
            const auto &[api, operation, product, subscription, statusClass] = key;
            if (filter.matchesKey(api, operation, product, subscription, statusClass))
                tops.add(api, operation, product, subscription, stats);
        }
    }
    return tops.ranked();
}

} // namespace gh::analytics
