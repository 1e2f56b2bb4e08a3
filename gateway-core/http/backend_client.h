#pragma once

// Internal to the http module: the per-thread backend connection pool. Includes Asio.

#include "server.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>

#include <map>
#include <memory>
#include <vector>

namespace gw::http {

struct BackendConnection;

// Connections to backends, kept alive and reused, for one I/O thread: keyed by
// (scheme, host, port), at most `idlePerHost` idle ones each. Not thread-safe:
// used only from its thread.
class BackendPool {
public:
    BackendPool(boost::asio::io_context &context, std::size_t idlePerHost);
    ~BackendPool();

    void send(BackendRequest request, std::function<void(BackendResult)> done);

    // For connections returning to the pool.
    void giveBack(const std::string &key, std::shared_ptr<BackendConnection> connection);
    std::shared_ptr<BackendConnection> takeIdle(const std::string &key);
    boost::asio::io_context &context() { return m_context; }
    // The TLS context of HTTPS connections: verifying the server or not, presenting `certificate` or none. Made on
    // first use and kept (one per client certificate and thread).
    boost::asio::ssl::context &tls(bool validate, const ClientCertificate *certificate = nullptr);

private:
    boost::asio::io_context &m_context;
    std::size_t m_idlePerHost;
    std::unique_ptr<boost::asio::ssl::context> m_verifying;
    std::unique_ptr<boost::asio::ssl::context> m_trusting;
    std::map<std::string, std::unique_ptr<boost::asio::ssl::context>> m_withCertificate; // "thumbprint#v|t"
    std::map<std::string, std::vector<std::shared_ptr<BackendConnection>>> m_idle;
};

} // namespace gw::http
