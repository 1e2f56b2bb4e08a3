#pragma once

#include <common/result.h>
#include <http/message.h>
#include <http/request_reader.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace gw::http {

// A request to a backend, sent through the connection pool of the I/O thread it comes from.
struct BackendRequest {
    std::string url; // absolute: http(s)://host[:port]/path?query
    std::string method;
    Headers headers; // sent as given, plus Host and Content-Length
    std::string body;
    std::shared_ptr<BodyStream> bodyStream; // the body still arriving from the client, sent on as it comes
    bool streamResponse = false; // hand over the response after its head; its body follows in Response::bodyStream
    // Connect, send and receive the head together; with streamResponse, then the longest pause in the body.
    std::chrono::milliseconds timeout{std::chrono::seconds(300)};
    bool validateCertificate = true;                            // HTTPS: check the chain and the host name
    std::shared_ptr<const ClientCertificate> clientCertificate; // HTTPS: presented when the backend asks
};

struct BackendResult {
    enum class Outcome {
        Ok,              // `response` is what the backend answered, whatever its status
        ConnectFailure,  // the backend could not be reached (DNS, refused, TLS handshake)
        Timeout,         // no complete response within the timeout
        ProtocolFailure, // the backend broke the connection or answered something that is not HTTP
    };
    Outcome outcome = Outcome::Ok;
    Response response;
    std::string error; // what went wrong, for logs and traces
    std::chrono::microseconds elapsed{0};
};

// One request on a connection and its answer.
//
// Lifetime and threads: created by the server when a request is complete and
// handed to the Handler on the connection's I/O thread. request() and
// forward() belong to that thread (forward()'s callback runs there too);
// respond() may be called from any thread and takes effect on the
// connection's. The first respond() counts; until then the connection reads
// nothing more, so pipelined requests are answered in order. Dropping the last
// reference without responding answers 500. An Exchange must not outlive its Server.
class Exchange {
public:
    virtual ~Exchange() = default;

    virtual Request &request() = 0;
    virtual const std::string &clientAddress() const = 0;
    virtual unsigned thread() const = 0; // index of the I/O thread, 0..threads-1
    virtual bool secure() const = 0;     // arrived over TLS
    // The certificate the client presented in the TLS handshake (DER), empty when none; the listener asks for one
    // without requiring it (ServerOptions::requestClientCertificate) and does not judge it: policies do.
    virtual std::string clientCertificate() const { return {}; }
    // The further certificates the client sent with it (DER), for chain checks.
    virtual std::vector<std::string> clientCertificateChain() const { return {}; }

    virtual void respond(Response response) = 0;
    virtual void forward(BackendRequest request, std::function<void(BackendResult)> done) = 0;
    // Calls `done` on the connection's thread after `delay` (not when the server stops first).
    virtual void after(std::chrono::milliseconds delay, std::function<void()> done) = 0;
};

using Handler = std::function<void(std::shared_ptr<Exchange>)>;

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0; // 0: any free port, see Server::port()
    unsigned threads = 0;   // 0: one per core
    Limits limits;
    std::chrono::milliseconds headTimeout{
        std::chrono::seconds(30)}; // a request's head must arrive within this: else 408
    std::chrono::milliseconds bodyTimeout{std::chrono::seconds(300)}; // and its body within this
    std::chrono::milliseconds idleTimeout{
        std::chrono::seconds(75)};  // a kept-alive connection with nothing to do is closed
    std::string tlsCertificateFile; // PEM; with tlsKeyFile, the listener speaks TLS 1.2 or later
    std::string tlsKeyFile;
    // With TLS: ask clients for a certificate (optional: clients without one still connect), any certificate is
    // accepted at this level and reaches the handler through Exchange::clientCertificate().
    bool requestClientCertificate = true;
    std::size_t backendIdleConnections = 64; // per backend host and I/O thread
    // Hand a request over as soon as its head is in when its body is still arriving: Request::bodyStream then
    // gives the body (and an Expect: 100-continue is answered when it is first read). Off: handlers always get
    // the whole body in Request::body.
    bool streamRequestBodies = false;
};

// An HTTP/1.1 listener with keep-alive, pipelining, chunked bodies, Expect:
// 100-continue and TLS, and the backend client its handlers forward with.
//
// Lifetime and threads: start() binds and starts `threads` I/O threads, each
// with its own event loop; a connection lives on one of them from accept to
// close, so the hot path takes no locks. stop() closes the listener and every
// connection and joins the threads; the destructor calls it. Strict parsing
// and limits are RequestReader's; a malformed request is answered with its
// status and the connection closes.
class Server {
public:
    Server(ServerOptions options, Handler handler);
    ~Server();
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    Result<void> start();
    void stop();
    void stopAccepting(); // connections already open go on

    std::uint16_t port() const;
    std::string address() const; // "http://host:port" (https with TLS)
    unsigned threadCount() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace gw::http
