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
    m_batch.reserve(4096);
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &LiveTraffic::drain);
    connect(&gateway, &gh::engine::EmbeddedGateway::stateChanged, this, &LiveTraffic::subscribe);
    subscribe();
    m_timer.start();
}

void LiveTraffic::subscribe()
{
    drain();
    m_droppedBefore += m_subscription.dropped();
    m_subscription = m_gateway.subscribe("analytics");
}

void LiveTraffic::drain()
{
    std::size_t taken = 0;
    while (taken < kMaxPerDrain) {
        m_batch.clear();
        const std::size_t count = m_subscription.drain(m_batch, std::min<std::size_t>(4096, kMaxPerDrain - taken));
        for (const auto &record : m_batch)
            add(record);
        taken += count;
        if (count == 0)
            break;
    }
    const TimePoint oldest = std::chrono::floor<std::chrono::seconds>(now()) - std::chrono::seconds(kSeconds + 1);
    while (!m_seconds.empty() && m_seconds.front().start < oldest)
        m_seconds.pop_front();
    if (taken > 0) {
        m_received += taken;
        emit updated();
    }
}

void LiveTraffic::add(const gw::telemetry::RequestRecord &record)
{
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

std::vector<RankedStats> LiveTraffic::top(const RecordFilter &filter, gw::telemetry::Dimension dimension) const
{
    using gw::telemetry::Dimension;
    gw::telemetry::StatsByName merged;
    for (const Second &second : m_seconds) {
        for (const auto &[key, stats] : second.byKey) {
            const auto &[api, operation, product, subscription, statusClass] = key;
            if (!filter.matchesKey(api, operation, product, subscription, statusClass))
                continue;
            const std::string &name = dimension == Dimension::Api         ? api
                                      : dimension == Dimension::Operation ? operation
                                      : dimension == Dimension::Product   ? product
                                                                          : subscription;
            if (name.empty())
                continue;
            merged[{name, dimension == Dimension::Operation ? api : std::string()}].merge(stats);
        }
    }
    return gw::telemetry::rank(std::move(merged));
}

} // namespace gh::analytics
