#include "backends.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <ctime>

namespace gw::backends {

std::optional<std::chrono::milliseconds> parseDuration(std::string_view text)
{
    if (text.size() < 2 || (text[0] != 'P' && text[0] != 'p'))
        return std::nullopt;
    double total = 0; // milliseconds
    bool inTime = false;
    bool any = false;
    std::size_t at = 1;
    while (at < text.size()) {
        const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(text[at])));
        if (c == 'T') {
            if (inTime)
                return std::nullopt;
            inTime = true;
            ++at;
            continue;
        }
        const std::size_t start = at;
        while (at < text.size() && (std::isdigit(static_cast<unsigned char>(text[at])) || text[at] == '.'))
            ++at;
        if (start == at || at == text.size())
            return std::nullopt;
        double number = 0;
        const auto [end, error] = std::from_chars(text.data() + start, text.data() + at, number);
        if (error != std::errc() || end != text.data() + at)
            return std::nullopt;
        const char unit = static_cast<char>(std::toupper(static_cast<unsigned char>(text[at++])));
        double scale = 0;
        if (!inTime && unit == 'W')
            scale = 7 * 86400e3;
        else if (!inTime && unit == 'D')
            scale = 86400e3;
        else if (inTime && unit == 'H')
            scale = 3600e3;
        else if (inTime && unit == 'M')
            scale = 60e3;
        else if (inTime && unit == 'S')
            scale = 1e3;
        else
            return std::nullopt; // years and months have no fixed length; anything else is not ISO-8601
        total += number * scale;
        any = true;
    }
    if (!any || total > 1e15)
        return std::nullopt;
    return std::chrono::milliseconds(static_cast<std::int64_t>(total + 0.5));
}

std::optional<std::chrono::milliseconds> parseRetryAfter(std::string_view text,
                                                         std::chrono::system_clock::time_point now)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    if (text.empty())
        return std::nullopt;
    std::int64_t seconds = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (error == std::errc() && end == text.data() + text.size())
        return seconds < 0 ? std::nullopt : std::optional(std::chrono::milliseconds(seconds * 1000));
    // An HTTP date (IMF-fixdate): "Sun, 06 Nov 1994 08:49:37 GMT".
    std::tm tm{};
    const std::string copy(text);
    const char *parsed = strptime(copy.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
    if (!parsed || *parsed != '\0')
        return std::nullopt;
    const auto at = std::chrono::system_clock::from_time_t(timegm(&tm));
    const auto delay = std::chrono::duration_cast<std::chrono::milliseconds>(at - now);
    return std::max(delay, std::chrono::milliseconds(0));
}

bool Rule::isFailure(const Outcome &outcome) const
{
    if (outcome.status == 0) {
        return std::any_of(errorReasons.begin(), errorReasons.end(), [&](const std::string &reason) {
            return std::equal(reason.begin(), reason.end(), outcome.errorReason.begin(), outcome.errorReason.end(),
                              [](char a, char b) {
                                  return std::tolower(static_cast<unsigned char>(a)) ==
                                         std::tolower(static_cast<unsigned char>(b));
                              });
        });
    }
    return std::any_of(statusCodeRanges.begin(), statusCodeRanges.end(), [&](const auto &range) {
        return outcome.status >= range.first && outcome.status <= range.second;
    });
}

bool Circuit::record(const std::vector<Rule> &rules, const Outcome &outcome, TimePoint now)
{
    if (rules.empty() || isOpen(now))
        return false;
    const std::lock_guard lock(m_mutex);
    if (isOpen(now)) // another thread tripped it meanwhile
        return false;
    const bool closedAgain = m_openUntil.load(std::memory_order_relaxed) != std::numeric_limits<Clock::rep>::min();
    if (m_windows.size() != rules.size() || closedAgain) {
        // New rules (a reload changed them) or the end of a trip: count afresh.
        m_windows.assign(rules.size(), Window{});
        m_openUntil.store(std::numeric_limits<Clock::rep>::min(), std::memory_order_relaxed);
    }
    std::optional<Clock::duration> trip;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const Rule &rule = rules[i];
        Window &window = m_windows[i];
        if (!window.started || now - window.start >= rule.interval)
            window = Window{.start = now, .started = true};
        ++window.calls;
        if (!rule.isFailure(outcome))
            continue;
        ++window.failures;
        const bool countReached = rule.count <= 0 || window.failures >= rule.count;
        const bool shareReached = rule.percentage <= 0 || window.failures * 100 >= rule.percentage * window.calls;
        if ((rule.count <= 0 && rule.percentage <= 0) || !countReached || !shareReached)
            continue;
        Clock::duration duration = rule.tripDuration;
        if (rule.acceptRetryAfter && outcome.retryAfter)
            duration = *outcome.retryAfter;
        trip = std::max(trip.value_or(Clock::duration::zero()), duration);
    }
    if (!trip)
        return false;
    m_openUntil.store((now + *trip).time_since_epoch().count(), std::memory_order_relaxed);
    return true;
}

std::optional<std::size_t> Pool::choose(const std::vector<Member> &members,
                                        const std::function<bool(std::size_t)> &available)
{
    std::optional<std::int64_t> priority;
    std::vector<std::size_t> group;
    for (std::size_t i = 0; i < members.size(); ++i) {
        if (priority && members[i].priority > *priority)
            continue;
        if (!available(i))
            continue;
        if (!priority || members[i].priority < *priority) {
            priority = members[i].priority;
            group.clear();
        }
        group.push_back(i);
    }
    if (group.empty())
        return std::nullopt;
    std::uint64_t total = 0;
    for (std::size_t i : group)
        total += static_cast<std::uint64_t>(std::max<std::int64_t>(0, members[i].weight));
    const bool even = total == 0; // every weight 0: share evenly rather than send nothing
    if (even)
        total = group.size();
    std::uint64_t position = m_next.fetch_add(1, std::memory_order_relaxed) % total;
    for (std::size_t i : group) {
        const std::uint64_t weight =
            even ? 1 : static_cast<std::uint64_t>(std::max<std::int64_t>(0, members[i].weight));
        if (position < weight)
            return i;
        position -= weight;
    }
    return group.back();
}

Backends::Backends(Now now) : m_now(std::move(now))
{
}

Backends::~Backends() = default;

template<typename T>
T &Backends::find(std::unordered_map<std::string, std::unique_ptr<T>> &map, const std::string &name)
{
    {
        const std::shared_lock lock(m_mutex);
        if (const auto found = map.find(name); found != map.end())
            return *found->second;
    }
    const std::unique_lock lock(m_mutex);
    auto &slot = map[name];
    if (!slot)
        slot = std::make_unique<T>();
    return *slot;
}

Circuit &Backends::circuit(const std::string &backend)
{
    return find(m_circuits, backend);
}

Pool &Backends::pool(const std::string &backend)
{
    return find(m_pools, backend);
}

} // namespace gw::backends
