#pragma once

#include <common/result.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace gw::http {

// What a handler sees of a request.
struct Request {
    std::string method; // as sent: GET, POST, ...
    std::string target; // path and query, as sent
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

// Called on the I/O thread that owns the connection; must not block.
using Handler = std::function<Response(const Request &)>;

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0; // 0: any free port, see Server::port()
    unsigned threads = 0;   // 0: one per core
    std::size_t maxHeaderBytes = 16 * 1024;
    std::size_t maxBodyBytes = 16 * 1024 * 1024;
};

// An HTTP/1.1 listener with keep-alive.
//
// Lifetime and threads: start() binds the socket and starts `threads` I/O
// threads, each running its own event loop; a connection lives on one of them
// from accept to close, so handlers on one connection never run concurrently.
// stop() closes the listener and every connection and joins the threads; the
// destructor calls it. Malformed requests get 400 and the connection closes;
// oversized heads 431, oversized bodies 413.
class Server {
public:
    Server(ServerOptions options, Handler handler);
    ~Server();
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    Result<void> start();
    void stop();

    std::uint16_t port() const;   // the bound port, valid after start()
    std::string address() const;  // "http://host:port"
    unsigned threadCount() const; // I/O threads actually running

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace gw::http
