#include "trace_store.h"

#include <openssl/rand.h>

#include <algorithm>

namespace gw::engine {

TraceStore::TraceStore(std::size_t capacity) : m_capacity(capacity)
{
    unsigned char bytes[16];
    RAND_bytes(bytes, sizeof bytes);
    static constexpr char digits[] = "0123456789abcdef";
    for (unsigned char byte : bytes) {
        m_token += digits[byte >> 4];
        m_token += digits[byte & 0x0F];
    }
}

bool TraceStore::allowed(const http::Headers &headers, const model::Subscription *subscription) const
{
    if (const auto token = headers.get("Apim-Debug-Authorization"))
        return *token == m_token;
    const auto legacy = headers.get("Ocp-Apim-Trace");
    return legacy && http::equalsIgnoringCase(*legacy, "true") && subscription &&
           subscription->allowTracing.value_or(false);
}

void TraceStore::keep(std::shared_ptr<const policy::Trace> trace)
{
    std::lock_guard lock(m_mutex);
    m_traces.push_back(std::move(trace));
    while (m_traces.size() > m_capacity)
        m_traces.pop_front();
}

std::shared_ptr<const policy::Trace> TraceStore::find(const std::string &id) const
{
    std::lock_guard lock(m_mutex);
    const auto found = std::find_if(m_traces.rbegin(), m_traces.rend(), [&](const auto &t) { return t->id == id; });
    return found == m_traces.rend() ? nullptr : *found;
}

} // namespace gw::engine
