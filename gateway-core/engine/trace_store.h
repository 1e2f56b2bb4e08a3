#pragma once

#include <http/message.h>
#include <model/workspace.h>
#include <policy/run.h>

#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>

namespace gw::engine {

// The traces of the requests that asked for one, by request id: the newest `capacity` are kept.
//
// A request is traced when it carries `Apim-Debug-Authorization: <token>` with this store's token (the console
// holds it; it changes with every start of the engine), or, as APIM's older mechanism, `Ocp-Apim-Trace: true` with
// the key of a subscription that allows tracing. Thread-safe.
class TraceStore {
public:
    explicit TraceStore(std::size_t capacity = 512);

    const std::string &token() const { return m_token; }
    bool allowed(const http::Headers &headers, const model::Subscription *subscription) const;

    void keep(std::shared_ptr<const policy::Trace> trace);
    std::shared_ptr<const policy::Trace> find(const std::string &id) const;

private:
    std::string m_token;
    std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::deque<std::shared_ptr<const policy::Trace>> m_traces;
};

} // namespace gw::engine
