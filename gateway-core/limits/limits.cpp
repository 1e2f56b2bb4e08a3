#include "limits.h"

#include "quota_store.h"
#include "sharded_map.h"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

namespace gw::limits {

namespace {

// A rate window's slot packs the admission's time (milliseconds of the steady clock, plus one so that 0 means
// "free") above a tag: the low bits of the admission's number. The tag tells a thread whether the slot still holds
// the admission `calls` before the one it wants to make, or was already taken by a faster thread.
constexpr unsigned kTagBits = 24;
constexpr std::uint64_t kTagMask = (std::uint64_t{1} << kTagBits) - 1;
// Limits up to this many calls keep a ring of admission times (8 bytes a call; tags distinguish the admission n
// from n - calls only while calls stays well below the tag range). Larger limits count in kBuckets time buckets.
constexpr std::uint64_t kMaxRingCalls = std::uint64_t{1} << 16;
// A bucketed window spans period + one bucket (65 widths): two spare buckets keep a live one from being reused.
constexpr std::uint64_t kBucketsPerPeriod = 64;
constexpr std::size_t kBuckets = kBucketsPerPeriod + 2;

constexpr std::uint64_t pack(std::uint64_t number, std::uint64_t time)
{
    return (time << kTagBits) | (number & kTagMask);
}
constexpr std::uint64_t tagOf(std::uint64_t slot)
{
    return slot & kTagMask;
}
constexpr std::uint64_t timeOf(std::uint64_t slot)
{
    return slot >> kTagBits;
}

std::uint64_t steadyMillis(SteadyTime now)
{
    return static_cast<std::uint64_t>(
               std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count()) +
           1;
}

std::int64_t unixSeconds(WallTime time)
{
    return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}

std::chrono::seconds secondsUp(std::uint64_t millis)
{
    return std::chrono::seconds(std::max<std::uint64_t>(1, (millis + 999) / 1000));
}

// A quota counter's words: the period's number (low bits) above the count. Calls: 32 + 32 bits; bytes: 24 + 40.
constexpr std::uint64_t kCallsMask = 0xffffffffull;
constexpr unsigned kBytesBits = 40;
constexpr std::uint64_t kBytesMask = (std::uint64_t{1} << kBytesBits) - 1;
constexpr std::uint64_t kBytesPeriodMask = (std::uint64_t{1} << (64 - kBytesBits)) - 1;

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

} // namespace

struct RateWindow {
    std::string key;
    std::uint64_t hash = 0;
    std::uint64_t capacity = 0;
    std::uint64_t periodMillis = 0;
    alignas(64) std::atomic<std::uint64_t> head{0}; // the number of the next admission
    std::unique_ptr<std::atomic<std::uint64_t>[]> ring;

    // Large limits: calls counted per time bucket (width: a 64th of the period) under a mutex. A bucket leaves the
    // window one width after its calls could have, so the window never holds more than `calls`; it may refuse a
    // call up to a 64th of the period early.
    struct Bucket {
        std::uint64_t start = 0; // milliseconds, a multiple of bucketWidth
        std::uint64_t count = 0;
    };
    bool bucketed = false;
    std::uint64_t bucketWidth = 1;
    std::mutex bucketMutex;
    std::array<Bucket, kBuckets> buckets{};
    std::uint64_t bucketTotal = 0;

    RateWindow(std::string_view k, std::uint64_t h, std::uint64_t calls, std::uint64_t period)
        : key(k), hash(h), capacity(calls), periodMillis(period), bucketed(calls > kMaxRingCalls),
          bucketWidth(std::max<std::uint64_t>(1, period / kBucketsPerPeriod))
    {
        if (bucketed)
            return;
        ring = std::make_unique<std::atomic<std::uint64_t>[]>(calls);
        // Slot i first waits for admission i, as if admission i - calls had happened long ago.
        for (std::uint64_t i = 0; i < calls; ++i)
            ring[i].store(pack(i - calls, 0), std::memory_order_relaxed);
    }

    // Bucketed mode, under bucketMutex: forgets the buckets whose calls all left the window.
    void expireBuckets(std::uint64_t now)
    {
        for (Bucket &bucket : buckets) {
            if (bucket.count != 0 && bucket.start + bucketWidth + periodMillis <= now) {
                bucketTotal -= bucket.count;
                bucket.count = 0;
            }
        }
    }

    // Bucketed mode: the admission's "number" is its bucket's start, which is what unclaim needs.
    std::optional<std::uint64_t> claimBucket(std::uint64_t now, std::uint64_t &waitMillis)
    {
        std::lock_guard lock(bucketMutex);
        expireBuckets(now);
        if (bucketTotal >= capacity) {
            waitMillis = periodMillis;
            for (const Bucket &bucket : buckets) {
                if (bucket.count != 0)
                    waitMillis = std::min(waitMillis, bucket.start + bucketWidth + periodMillis - now);
            }
            return std::nullopt;
        }
        const std::uint64_t start = now - now % bucketWidth;
        Bucket &bucket = buckets[(now / bucketWidth) % kBuckets];
        if (bucket.start != start)
            bucket = Bucket{start, 0}; // expired already: kBuckets widths are longer than the window
        ++bucket.count;
        ++bucketTotal;
        return start;
    }

    // Takes one admission at `now`: its number, or nullopt with the milliseconds until one is possible.
    std::optional<std::uint64_t> claim(std::uint64_t now, std::uint64_t &waitMillis)
    {
        if (bucketed)
            return claimBucket(now, waitMillis);
        for (;;) {
            std::uint64_t n = head.load(std::memory_order_acquire);
            std::atomic<std::uint64_t> &slot = ring[n % capacity];
            std::uint64_t value = slot.load(std::memory_order_acquire);
            if (tagOf(value) == (n & kTagMask)) {
                // Another thread took admission n and has not moved the head yet: move it for them.
                head.compare_exchange_strong(n, n + 1, std::memory_order_acq_rel);
                continue;
            }
            if (tagOf(value) != ((n - capacity) & kTagMask))
                continue; // the head moved on since we read it
            const std::uint64_t time = timeOf(value);
            if (time != 0 && time + periodMillis > now) {
                waitMillis = time + periodMillis - now;
                return std::nullopt;
            }
            if (slot.compare_exchange_strong(value, pack(n, now), std::memory_order_acq_rel)) {
                head.compare_exchange_strong(n, n + 1, std::memory_order_acq_rel);
                return n;
            }
        }
    }

    // Gives admission n back. Claims look only at the head's slot, so a freed slot elsewhere in the ring would not
    // be reused before the head comes round to it; instead the refunded slot takes over the head slot's (oldest)
    // time and the head slot is freed, so that the very next claim can use the room. Losing a race here can only
    // leave the window fuller than it is (a refused call too many, never one too many admitted).
    void unclaim(std::uint64_t n)
    {
        if (bucketed) {
            std::lock_guard lock(bucketMutex);
            Bucket &bucket = buckets[(n / bucketWidth) % kBuckets];
            if (bucket.start == n && bucket.count != 0) {
                --bucket.count;
                --bucketTotal;
            }
            return;
        }
        std::atomic<std::uint64_t> &slot = ring[n % capacity];
        std::uint64_t value = slot.load(std::memory_order_acquire);
        if (tagOf(value) != (n & kTagMask) || timeOf(value) == 0)
            return; // reused by a later admission, or already free
        for (;;) {
            std::uint64_t h = head.load(std::memory_order_acquire);
            std::atomic<std::uint64_t> &headSlot = ring[h % capacity];
            if (&headSlot == &slot) {
                slot.compare_exchange_strong(value, pack(n, 0), std::memory_order_acq_rel);
                return;
            }
            std::uint64_t headValue = headSlot.load(std::memory_order_acquire);
            if (tagOf(headValue) == (h & kTagMask)) {
                head.compare_exchange_strong(h, h + 1, std::memory_order_acq_rel);
                continue;
            }
            if (tagOf(headValue) != ((h - capacity) & kTagMask))
                continue;
            if (!slot.compare_exchange_strong(value, pack(n, timeOf(headValue)), std::memory_order_acq_rel))
                return;
            headSlot.compare_exchange_strong(headValue, pack(h - capacity, 0), std::memory_order_acq_rel);
            return;
        }
    }

    std::int64_t remaining(std::uint64_t now)
    {
        if (bucketed) {
            std::lock_guard lock(bucketMutex);
            expireBuckets(now);
            return static_cast<std::int64_t>(capacity - std::min(bucketTotal, capacity));
        }
        std::uint64_t recent = 0;
        for (std::uint64_t i = 0; i < capacity; ++i) {
            const std::uint64_t time = timeOf(ring[i].load(std::memory_order_relaxed));
            if (time != 0 && time + periodMillis > now)
                ++recent;
        }
        return static_cast<std::int64_t>(capacity - std::min(recent, capacity));
    }
};

struct QuotaCounter {
    std::string key;
    std::uint64_t hash = 0;
    std::int64_t periodSeconds = 0;
    std::int64_t anchorSeconds = 0;
    std::atomic<std::uint64_t> calls{0};
    std::atomic<std::uint64_t> bytes{0};
    std::atomic<bool> dirty{false};

    std::int64_t periodOf(std::int64_t seconds) const
    {
        return periodSeconds == 0 ? 0 : floorDiv(seconds - anchorSeconds, periodSeconds);
    }
    std::int64_t startOf(std::int64_t period) const { return anchorSeconds + period * periodSeconds; }
};

struct ConcurrencyCounter {
    std::string key;
    std::uint64_t hash = 0;
    std::atomic<std::int64_t> inUse{0};
};

struct Limits::Impl {
    Options options;
    ShardedMap<RateWindow> rates;
    ShardedMap<QuotaCounter> quotas;
    ShardedMap<ConcurrencyCounter> concurrency;

    std::unordered_map<std::string, StoredQuota> stored; // read at start, then read-only
    std::unique_ptr<QuotaStore> store;
    std::mutex flushMutex; // one writer of the store at a time

    std::mutex stopMutex;
    std::condition_variable stopChanged;
    bool stopping = false;
    std::thread flusher;
};

Limits::Limits(Options options) : m_impl(std::make_unique<Impl>())
{
    m_impl->options = std::move(options);
    if (m_impl->options.stateDirectory.empty())
        return;
    m_impl->store = std::make_unique<QuotaStore>(m_impl->options.stateDirectory);
    if (!m_impl->store->isOpen()) {
        m_impl->store.reset();
        return;
    }
    for (StoredQuota &row : m_impl->store->load()) {
        std::string key = row.key;
        m_impl->stored.emplace(std::move(key), std::move(row));
    }
    m_impl->flusher = std::thread([impl = m_impl.get(), this] {
        std::unique_lock lock(impl->stopMutex);
        while (!impl->stopping) {
            impl->stopChanged.wait_for(lock, impl->options.flushInterval, [impl] { return impl->stopping; });
            lock.unlock();
            flush();
            lock.lock();
        }
    });
}

Limits::~Limits()
{
    if (m_impl->flusher.joinable()) {
        {
            std::lock_guard lock(m_impl->stopMutex);
            m_impl->stopping = true;
        }
        m_impl->stopChanged.notify_all();
        m_impl->flusher.join();
    }
    flush();
}

RateResult Limits::rate(std::string_view key, std::int64_t calls, std::chrono::seconds period, std::int64_t count,
                        SteadyTime now, bool wantRemaining)
{
    RateResult result;
    const std::uint64_t periodMillis =
        static_cast<std::uint64_t>(std::max<std::int64_t>(0, std::chrono::milliseconds(period).count()));
    if (calls <= 0 || count > calls) {
        // Nothing can ever pass: say "after a whole period", which is when the caller could look again.
        result.retryAfter = secondsUp(std::max<std::uint64_t>(periodMillis, 1000));
        return result;
    }
    thread_local std::string composite;
    composite.assign(key);
    composite += '\x1f';
    composite += std::to_string(calls);
    composite += '/';
    composite += std::to_string(periodMillis);
    RateWindow &window = m_impl->rates.find(composite, [&](std::string_view k, std::uint64_t hash) {
        return std::make_unique<RateWindow>(k, hash, static_cast<std::uint64_t>(calls), periodMillis);
    });
    const std::uint64_t nowMillis = steadyMillis(now);
    result.ticket.window = &window;
    std::vector<std::uint64_t> claimed;
    for (std::int64_t i = 0; i < count; ++i) {
        std::uint64_t waitMillis = 0;
        const auto number = window.claim(nowMillis, waitMillis);
        if (!number) {
            // Part of a multi-call increment does not fit: give back what was taken.
            for (auto n = result.ticket.more.rbegin(); n != result.ticket.more.rend(); ++n)
                window.unclaim(*n);
            if (i > 0)
                window.unclaim(result.ticket.first);
            result.ticket = {};
            result.retryAfter = secondsUp(waitMillis);
            result.remaining = 0;
            return result;
        }
        if (i == 0)
            result.ticket.first = *number;
        else
            result.ticket.more.push_back(*number);
    }
    result.ticket.count = count;
    result.allowed = true;
    result.retryAfter = std::chrono::seconds(0);
    if (wantRemaining)
        result.remaining = window.remaining(nowMillis);
    return result;
}

void Limits::refund(const RateTicket &ticket)
{
    if (!ticket.window || ticket.count <= 0)
        return;
    for (auto n = ticket.more.rbegin(); n != ticket.more.rend(); ++n)
        ticket.window->unclaim(*n);
    ticket.window->unclaim(ticket.first);
}

QuotaResult Limits::quota(std::string_view key, const QuotaLimit &limit, std::int64_t count, WallTime now)
{
    QuotaResult result;
    const std::int64_t periodSeconds = std::max<std::int64_t>(0, limit.renewalPeriod.count());
    const std::int64_t anchor = limit.firstPeriodStart;
    thread_local std::string composite;
    composite.assign(key);
    composite += '\x1f';
    composite += std::to_string(periodSeconds);
    composite += '@';
    composite += std::to_string(anchor);
    QuotaCounter &counter = m_impl->quotas.find(composite, [&](std::string_view k, std::uint64_t hash) {
        auto made = std::make_unique<QuotaCounter>();
        made->key = std::string(k);
        made->hash = hash;
        made->periodSeconds = periodSeconds;
        made->anchorSeconds = anchor;
        if (auto saved = m_impl->stored.find(made->key); saved != m_impl->stored.end()) {
            const StoredQuota &row = saved->second;
            const auto callsPeriod = static_cast<std::uint64_t>(made->periodOf(row.callsPeriodStart));
            const auto bytesPeriod = static_cast<std::uint64_t>(made->periodOf(row.bytesPeriodStart));
            made->calls.store(((callsPeriod & kCallsMask) << 32) |
                              static_cast<std::uint64_t>(std::clamp<std::int64_t>(row.calls, 0, kCallsMask)));
            made->bytes.store(((bytesPeriod & kBytesPeriodMask) << kBytesBits) |
                              static_cast<std::uint64_t>(std::clamp<std::int64_t>(row.bytes, 0, kBytesMask)));
        }
        return made;
    });
    const std::int64_t seconds = unixSeconds(now);
    const std::int64_t period = counter.periodOf(seconds);
    if (periodSeconds > 0)
        result.renewsIn = std::chrono::seconds(counter.startOf(period + 1) - seconds);
    result.ticket.counter = &counter;
    result.ticket.period = static_cast<std::uint32_t>(period);

    if (limit.kilobytes > 0) {
        const std::uint64_t word = counter.bytes.load(std::memory_order_acquire);
        const std::uint64_t used =
            (word >> kBytesBits) == (static_cast<std::uint64_t>(period) & kBytesPeriodMask) ? word & kBytesMask : 0;
        if (used >= static_cast<std::uint64_t>(limit.kilobytes) * 1024) {
            result.verdict = QuotaVerdict::BandwidthExceeded;
            return result;
        }
    }
    const std::uint64_t tag = static_cast<std::uint64_t>(period) & kCallsMask;
    std::uint64_t word = counter.calls.load(std::memory_order_acquire);
    for (;;) {
        const std::uint64_t used = (word >> 32) == tag ? word & kCallsMask : 0;
        if (limit.calls > 0 && static_cast<std::int64_t>(used) + count > limit.calls) {
            result.verdict = QuotaVerdict::CallsExceeded;
            return result;
        }
        const std::uint64_t next = std::min<std::uint64_t>(used + static_cast<std::uint64_t>(count), kCallsMask);
        if (counter.calls.compare_exchange_weak(word, (tag << 32) | next, std::memory_order_acq_rel)) {
            result.remainingCalls = limit.calls > 0 ? limit.calls - static_cast<std::int64_t>(next) : 0;
            break;
        }
    }
    result.ticket.count = count;
    if (count > 0)
        counter.dirty.store(true, std::memory_order_release);
    return result;
}

void Limits::refund(const QuotaTicket &ticket)
{
    if (!ticket.counter || ticket.count <= 0)
        return;
    std::uint64_t word = ticket.counter->calls.load(std::memory_order_acquire);
    while ((word >> 32) == ticket.period) {
        const std::uint64_t used = word & kCallsMask;
        const std::uint64_t next = used - std::min<std::uint64_t>(used, static_cast<std::uint64_t>(ticket.count));
        if (ticket.counter->calls.compare_exchange_weak(word, (word & ~kCallsMask) | next, std::memory_order_acq_rel)) {
            ticket.counter->dirty.store(true, std::memory_order_release);
            return;
        }
    }
}

void Limits::addBandwidth(QuotaCounter &counter, std::uint64_t bytes, WallTime now)
{
    const std::uint64_t tag = static_cast<std::uint64_t>(counter.periodOf(unixSeconds(now))) & kBytesPeriodMask;
    std::uint64_t word = counter.bytes.load(std::memory_order_acquire);
    for (;;) {
        const std::uint64_t used = (word >> kBytesBits) == tag ? word & kBytesMask : 0;
        const std::uint64_t next = std::min(kBytesMask, used + std::min(bytes, kBytesMask));
        if (counter.bytes.compare_exchange_weak(word, (tag << kBytesBits) | next, std::memory_order_acq_rel))
            break;
    }
    counter.dirty.store(true, std::memory_order_release);
}

ConcurrencyCounter *Limits::acquire(std::string_view key, std::int64_t maxCount)
{
    ConcurrencyCounter &counter = m_impl->concurrency.find(key, [](std::string_view k, std::uint64_t hash) {
        auto made = std::make_unique<ConcurrencyCounter>();
        made->key = std::string(k);
        made->hash = hash;
        return made;
    });
    std::int64_t used = counter.inUse.load(std::memory_order_acquire);
    do {
        if (used >= maxCount)
            return nullptr;
    } while (!counter.inUse.compare_exchange_weak(used, used + 1, std::memory_order_acq_rel));
    return &counter;
}

void Limits::release(ConcurrencyCounter *counter)
{
    if (counter)
        counter->inUse.fetch_sub(1, std::memory_order_acq_rel);
}

std::int64_t Limits::inUse(std::string_view key)
{
    ConcurrencyCounter &counter = m_impl->concurrency.find(key, [](std::string_view k, std::uint64_t hash) {
        auto made = std::make_unique<ConcurrencyCounter>();
        made->key = std::string(k);
        made->hash = hash;
        return made;
    });
    return counter.inUse.load(std::memory_order_acquire);
}

void Limits::flush()
{
    if (!m_impl->store)
        return;
    std::lock_guard lock(m_impl->flushMutex);
    const std::int64_t seconds = unixSeconds(std::chrono::system_clock::now());
    std::vector<StoredQuota> rows;
    m_impl->quotas.forEach([&](QuotaCounter &counter) {
        if (!counter.dirty.exchange(false, std::memory_order_acq_rel))
            return;
        // The words keep only the low bits of their period's number: the full one is the latest that matches them
        // (no counter is written more than 2^24 periods after it changed).
        const std::int64_t current = counter.periodOf(seconds);
        const std::uint64_t callsWord = counter.calls.load(std::memory_order_acquire);
        const std::uint64_t bytesWord = counter.bytes.load(std::memory_order_acquire);
        const std::int64_t callsPeriod =
            current - static_cast<std::int64_t>((static_cast<std::uint64_t>(current) - (callsWord >> 32)) & kCallsMask);
        const std::int64_t bytesPeriod =
            current - static_cast<std::int64_t>((static_cast<std::uint64_t>(current) - (bytesWord >> kBytesBits)) &
                                                kBytesPeriodMask);
        rows.push_back(StoredQuota{counter.key, counter.startOf(callsPeriod),
                                   static_cast<std::int64_t>(callsWord & kCallsMask), counter.startOf(bytesPeriod),
                                   static_cast<std::int64_t>(bytesWord & kBytesMask)});
    });
    m_impl->store->save(rows);
}

std::string timeSpanText(std::chrono::seconds duration)
{
    const std::int64_t total = std::max<std::int64_t>(0, duration.count());
    const std::int64_t days = total / 86400;
    char text[48];
    if (days > 0)
        std::snprintf(text, sizeof text, "%lld.%02lld:%02lld:%02lld", static_cast<long long>(days),
                      static_cast<long long>(total % 86400 / 3600), static_cast<long long>(total % 3600 / 60),
                      static_cast<long long>(total % 60));
    else
        std::snprintf(text, sizeof text, "%02lld:%02lld:%02lld", static_cast<long long>(total / 3600),
                      static_cast<long long>(total % 3600 / 60), static_cast<long long>(total % 60));
    return text;
}

} // namespace gw::limits
