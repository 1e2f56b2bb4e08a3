#pragma once

#include <algorithm>
#include <atomic>
#include <bit>
#include <cassert>
#include <cstddef>
#include <memory>
#include <new>
#include <utility>

namespace gw::telemetry {

// A bounded single-producer single-consumer queue, lock-free and wait-free on
// both sides. Exactly one thread at a time may push and exactly one (possibly
// another) may pop; which threads they are may change over time as long as the
// hand-over is synchronised by the caller. The capacity is rounded up to a power
// of two and every slot is usable. Slots are raw storage: an element is
// constructed in place by tryPush() and destroyed after consume() hands it out,
// so nothing is allocated after construction and elements never linger in the
// ring once taken. Each side keeps a cached copy of the other side's index, so
// the shared cache lines are only touched when the cache says the ring looks
// full (producer) or empty (consumer). Elements left in the ring are destroyed
// with it; the ring must not be destroyed while either side is using it.
template<typename T>
class SpscRing {
public:
    explicit SpscRing(std::size_t minCapacity)
        : m_mask(std::bit_ceil(std::max<std::size_t>(minCapacity, 2)) - 1),
          m_slots(std::allocator<T>().allocate(m_mask + 1))
    {
    }

    ~SpscRing()
    {
        const std::size_t tail = m_tail.load(std::memory_order_acquire);
        for (std::size_t i = m_head.load(std::memory_order_relaxed); i != tail; ++i) {
            std::destroy_at(m_slots + (i & m_mask));
        }
        std::allocator<T>().deallocate(m_slots, m_mask + 1);
    }

    SpscRing(const SpscRing &) = delete;
    SpscRing &operator=(const SpscRing &) = delete;

    std::size_t capacity() const { return m_mask + 1; }

    // Producer side. Constructs a T from `value` in the next slot and returns
    // true, or returns false without touching `value` when the ring is full. If
    // T's constructor throws, the ring is unchanged.
    template<typename U>
    bool tryPush(U &&value)
    {
        const std::size_t tail = m_tail.load(std::memory_order_relaxed);
        if (tail - m_headCache > m_mask) {
            m_headCache = m_head.load(std::memory_order_acquire);
            if (tail - m_headCache > m_mask) {
                return false;
            }
        }
        std::construct_at(m_slots + (tail & m_mask), std::forward<U>(value));
        m_tail.store(tail + 1, std::memory_order_release);
        return true;
    }

    // Consumer side. Calls `sink(T &&)` for up to `max` elements in push order
    // and returns how many were taken. Each element is destroyed after its call;
    // the slots are released to the producer in one store at the end. If `sink`
    // throws, the elements before the throwing call are taken and the rest stay.
    template<typename Sink>
    std::size_t consume(Sink &&sink, std::size_t max = static_cast<std::size_t>(-1))
    {
        const std::size_t head = m_head.load(std::memory_order_relaxed);
        std::size_t available = m_tailCache - head;
        if (available < max) {
            m_tailCache = m_tail.load(std::memory_order_acquire);
            available = m_tailCache - head;
        }
        const std::size_t count = std::min(available, max);
        struct Release {
            std::atomic<std::size_t> &head;
            std::size_t position;
            ~Release() { head.store(position, std::memory_order_release); }
        } release{m_head, head};
        for (std::size_t i = 0; i < count; ++i) {
            T *slot = m_slots + ((head + i) & m_mask);
            sink(std::move(*slot));
            std::destroy_at(slot);
            release.position = head + i + 1;
        }
        return count;
    }

    // Either side, or a third thread: a snapshot that may be stale by the time it is used.
    std::size_t sizeApprox() const
    {
        const std::size_t head = m_head.load(std::memory_order_acquire);
        const std::size_t tail = m_tail.load(std::memory_order_acquire);
        return tail >= head ? tail - head : 0;
    }

private:
    static constexpr std::size_t cacheLine = 64;

    // Written by the consumer.
    alignas(cacheLine) std::atomic<std::size_t> m_head{0};
    std::size_t m_tailCache = 0;
    // Written by the producer.
    alignas(cacheLine) std::atomic<std::size_t> m_tail{0};
    std::size_t m_headCache = 0;
    // Read-only after construction.
    alignas(cacheLine) const std::size_t m_mask;
    T *const m_slots;
};

} // namespace gw::telemetry
