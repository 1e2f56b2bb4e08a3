#include "server.h"

#include "backend_client.h"

#include <boost/asio/basic_waitable_timer.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <atomic>
#include <thread>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using asio::ip::tcp;

namespace gw::http {

namespace {

// Concrete executor types: no type-erased executor on the hot path.
using Executor = asio::io_context::executor_type;
using PlainStream = asio::basic_stream_socket<tcp, Executor>;
using TlsStream = asio::ssl::stream<PlainStream>;
using Timer =
    asio::basic_waitable_timer<std::chrono::steady_clock, asio::wait_traits<std::chrono::steady_clock>, Executor>;

PlainStream &socketOf(PlainStream &stream)
{
    return stream;
}

PlainStream &socketOf(TlsStream &stream)
{
    return stream.next_layer();
}

// One I/O thread: its event loop and its backend connections.
struct Worker {
    asio::io_context context{1};
    std::unique_ptr<BackendPool> backends;
    std::thread thread;
};

struct Shared {
    const ServerOptions &options;
    const Handler &handler;
    const std::atomic<bool> &running;
};

// How a streamed body is framed to the client: with the Content-Length the backend announced, in chunks (HTTP/1.1),
// or ended by closing the connection (HTTP/1.0 without a length).
enum class Framing { Buffered, Length, Chunked, Close };

Framing framingOf(const Response &response, bool headRequest, int version)
{
    if (!response.bodyStream || headRequest)
        return Framing::Buffered;
    if (response.bodyStream->length())
        return Framing::Length;
    return version >= 11 ? Framing::Chunked : Framing::Close;
}

// The response as bytes, in one buffer so that it leaves in one write; with a streamed body, the head only.
std::string serialize(Response &&response, bool headRequest, int version, bool keepAlive,
                      Framing framing = Framing::Buffered)
{
    std::string out;
    out.reserve(256 + response.body.size());
    out += version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
    out += std::to_string(response.status);
    out += ' ';
    const auto reason = bhttp::obsolete_reason(static_cast<bhttp::status>(response.status));
    out.append(reason.data(), reason.size());
    out += "\r\n";
    std::optional<std::string> announcedLength;
    for (auto &field : response.headers.fields()) {
        if (equalsIgnoringCase(field.name, "Content-Length")) {
            announcedLength = field.value;
            continue;
        }
        if (equalsIgnoringCase(field.name, "Transfer-Encoding") || equalsIgnoringCase(field.name, "Connection"))
            continue;
        out += field.name;
        out += ": ";
        out += field.value;
        out += "\r\n";
    }
    const bool noBody = response.status < 200 || response.status == 204 || response.status == 304;
    std::optional<std::string> length;
    if (headRequest) // HEAD: the fields GET would send, no body
        length = announcedLength ? announcedLength : std::optional<std::string>(std::to_string(response.body.size()));
    else if (noBody)
        length = response.status == 304 ? announcedLength : std::nullopt;
    else if (framing == Framing::Length)
        length = std::to_string(*response.bodyStream->length());
    else if (framing == Framing::Buffered)
        length = std::to_string(response.body.size());
    if (length) {
        out += "Content-Length: ";
        out += *length;
        out += "\r\n";
    }
    if (framing == Framing::Chunked && !noBody)
        out += "Transfer-Encoding: chunked\r\n";
    if (!keepAlive)
        out += "Connection: close\r\n";
    else if (version == 10)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    if (!headRequest && !noBody)
        out += response.body;
    return out;
}

template<typename Stream>
class Session : public std::enable_shared_from_this<Session<Stream>> {
public:
    Session(Stream stream, Shared shared, Worker &worker, unsigned index, std::string client)
        : m_stream(std::move(stream)), m_shared(shared), m_worker(worker), m_index(index), m_client(std::move(client)),
          m_reader(shared.options.limits), m_timer(worker.context)
    {
    }

    void start()
    {
        if constexpr (std::is_same_v<Stream, TlsStream>) {
            arm(std::chrono::steady_clock::now() + m_shared.options.headTimeout);
            m_stream.async_handshake(asio::ssl::stream_base::server,
                                     [self = this->shared_from_this()](const boost::system::error_code &ec) {
                                         self->m_timer.cancel();
                                         if (ec)
                                             return self->close();
                                         self->keepPeerCertificate();
                                         self->read();
                                     });
        } else {
            read();
        }
    }

    void respond(Response response, const Request &request)
    {
        if (m_answered)
            return; // the session answered this request itself (its body was malformed)
        // A request body not read to its end leaves the connection unusable for the next request.
        const Framing framing = framingOf(response, request.method == "HEAD", request.version);
        const bool keepAlive = request.keepAlive && !m_closing && !m_streamingBody && framing != Framing::Close;
        std::shared_ptr<BodyStream> body = framing == Framing::Buffered ? nullptr : response.bodyStream;
        m_response = serialize(std::move(response), request.method == "HEAD", request.version, keepAlive, framing);
        if (!body)
            return write(keepAlive);
        // The head leaves with the first piece of the body (one write when the body is already in), then the rest
        // as the backend sends it.
        m_responseBody = std::move(body);
        m_framing = framing;
        m_headPending = true;
        pumpResponse(keepAlive);
    }

    // The request's body, piece by piece, for a handler that was given the request before its body arrived.
    void readBody(BodyStream::Next next)
    {
        if (m_bodyFailed || !m_streamingBody)
            return next({}, !m_bodyFailed, m_bodyFailed);
        m_bodyNext = std::move(next);
        deliverBody();
    }

    void forward(BackendRequest request, std::function<void(BackendResult)> done)
    {
        m_worker.backends->send(std::move(request), std::move(done));
    }

    unsigned index() const { return m_index; }
    const std::string &client() const { return m_client; }
    const std::string &peerCertificate() const { return m_peerCertificate; }
    const std::vector<std::string> &peerChain() const { return m_peerChain; }
    bool running() const { return m_shared.running.load(std::memory_order_relaxed); }
    asio::io_context &context() { return m_worker.context; }

private:
    // The client's certificate, taken once per connection (it cannot change on it: renegotiation is off).
    void keepPeerCertificate()
    {
        if constexpr (std::is_same_v<Stream, TlsStream>) {
            SSL *ssl = m_stream.native_handle();
            const auto der = [](X509 *certificate) {
                unsigned char *bytes = nullptr;
                const int length = i2d_X509(certificate, &bytes);
                std::string out;
                if (length > 0)
                    out.assign(reinterpret_cast<const char *>(bytes), static_cast<std::size_t>(length));
                OPENSSL_free(bytes);
                return out;
            };
            if (X509 *peer = SSL_get0_peer_certificate(ssl))
                m_peerCertificate = der(peer);
            // On a server the chain leaves the leaf out.
            if (STACK_OF(X509) *chain = SSL_get_peer_cert_chain(ssl)) {
                for (int i = 0; i < sk_X509_num(chain); ++i)
                    m_peerChain.push_back(der(sk_X509_value(chain, i)));
            }
        }
    }

    void read()
    {
        if (m_buffer.size() > 0)
            return process();
        readMore();
    }

    // Reads more bytes under the deadline that applies: idle (no byte of a request yet), head, or body.
    // The deadline is a timer of our own that cancels the read, so that a 408 can still be written.
    void readMore()
    {
        using std::chrono::steady_clock;
        const auto &options = m_shared.options;
        const auto deadline = !m_reader.hasStarted() ? steady_clock::now() + options.idleTimeout
                              : m_reader.state() == RequestReader::State::ReadingHead
                                  ? m_requestStart + options.headTimeout
                                  : m_requestStart + options.bodyTimeout;
        arm(deadline);
        m_stream.async_read_some(m_buffer.prepare(16 * 1024),
                                 [self = this->shared_from_this()](const boost::system::error_code &ec, std::size_t n) {
                                     self->m_timer.cancel();
                                     self->onRead(ec, n);
                                 });
    }

    void onRead(const boost::system::error_code &ec, std::size_t n)
    {
        if (m_timedOut && m_reader.hasStarted())
            return reject(408, "Request timeout");
        if (ec) {
            failBody();
            return close();
        }
        m_buffer.commit(n);
        process();
    }

    void process()
    {
        const bool started = m_reader.hasStarted();
        const auto data = m_buffer.data();
        const std::size_t used = m_reader.feed(std::string_view(static_cast<const char *>(data.data()), data.size()));
        m_buffer.consume(used);
        if (!started && m_reader.hasStarted())
            m_requestStart = std::chrono::steady_clock::now();

        switch (m_reader.state()) {
        case RequestReader::State::Failed:
            return reject(m_reader.errorStatus(), m_reader.errorMessage());
        case RequestReader::State::Complete:
            if (m_streamingBody)
                return deliverBody();
            return dispatch();
        case RequestReader::State::ReadingBody:
            // The body is still on its way: the handler gets the request now and reads the body when (and if) it
            // needs it, so a body streams to the backend, and an Expect: 100-continue is answered only then.
            if (m_streamingBody)
                return deliverBody();
            if (m_shared.options.streamRequestBodies)
                return dispatchStreaming();
            if (m_reader.expectsContinue() && !m_sentContinue) {
                m_sentContinue = true;
                return writeContinue();
            }
            return readMore();
        case RequestReader::State::ReadingHead:
            // Everything buffered was offered (an incomplete chunk line stays in the buffer): wait for more.
            return readMore();
        }
    }

    // The deadline of the operation under way: when it passes, the socket's operations are cancelled
    // (and m_timedOut tells the completion why), so that a 408 can still be written.
    void arm(std::chrono::steady_clock::time_point deadline)
    {
        m_timedOut = false;
        m_timer.expires_at(deadline);
        m_timer.async_wait([self = this->shared_from_this()](const boost::system::error_code &ec) {
            if (ec)
                return; // the operation finished first
            self->m_timedOut = true;
            boost::system::error_code ignored;
            socketOf(self->m_stream).cancel(ignored);
        });
    }

    void writeContinue()
    {
        static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        asio::async_write(m_stream, asio::buffer(kContinue),
                          [self = this->shared_from_this()](const boost::system::error_code &ec, std::size_t) {
                              if (ec)
                                  return self->close();
                              self->readMore();
                          });
    }

    void dispatch();
    void dispatchStreaming();

    // Hands what arrived of the body to the pending read, or reads more for it.
    void deliverBody()
    {
        if (!m_bodyNext)
            return;
        std::string piece = m_reader.drainBody();
        const bool end = m_reader.state() == RequestReader::State::Complete;
        if (piece.empty() && !end) {
            if (m_reader.expectsContinue() && !m_sentContinue) {
                m_sentContinue = true;
                return writeContinue();
            }
            return readMore();
        }
        if (end) {
            m_streamingBody = false;
            m_reader.take(); // ready for the next request on the connection (the body went through the stream)
        }
        m_piece = std::move(piece);
        auto next = std::exchange(m_bodyNext, {});
        next(m_piece, end, false);
    }

    void failBody()
    {
        if (!m_streamingBody)
            return;
        m_bodyFailed = true;
        if (auto next = std::exchange(m_bodyNext, {}))
            next({}, false, true);
    }

    // Sends the next piece of a streamed response body, framed as announced, until its end.
    void pumpResponse(bool keepAlive)
    {
        m_responseBody->read(
            [self = this->shared_from_this(), keepAlive](std::string_view data, bool end, bool failed) {
                if (failed) {
                    // The backend broke off: the client can only see a cut body, so the connection ends here.
                    self->m_responseBody.reset();
                    return self->close();
                }
                std::string &out = self->m_response;
                if (!std::exchange(self->m_headPending, false))
                    out.clear();
                if (self->m_framing == Framing::Chunked) {
                    appendChunk(out, data, end);
                } else {
                    out.append(data);
                }
                if (end) {
                    self->m_responseBody.reset();
                    return self->write(keepAlive);
                }
                self->arm(std::chrono::steady_clock::now() + self->m_shared.options.bodyTimeout);
                asio::async_write(self->m_stream, asio::buffer(out),
                                  [self, keepAlive](const boost::system::error_code &ec, std::size_t) {
                                      self->m_timer.cancel();
                                      if (ec)
                                          return self->close();
                                      self->pumpResponse(keepAlive);
                                  });
            });
    }

    void reject(int status, const std::string &message)
    {
        failBody();
        m_answered = true;
        m_closing = true;
        Response response = errorResponse(status, status == 400 ? "Bad request" : message);
        m_response = serialize(std::move(response), false, 11, false);
        write(false);
    }

    void write(bool keepAlive)
    {
        arm(std::chrono::steady_clock::now() + m_shared.options.bodyTimeout);
        asio::async_write(
            m_stream, asio::buffer(m_response),
            [self = this->shared_from_this(), keepAlive](const boost::system::error_code &ec, std::size_t) {
                self->m_timer.cancel();
                if (ec || !keepAlive)
                    return self->close();
                self->m_sentContinue = false;
                self->read();
            });
    }

    void close()
    {
        failBody();
        m_responseBody.reset();
        if constexpr (std::is_same_v<Stream, TlsStream>) {
            arm(std::chrono::steady_clock::now() + std::chrono::seconds(5));
            m_stream.async_shutdown([self = this->shared_from_this()](const boost::system::error_code &) {
                self->m_timer.cancel();
                boost::system::error_code ignored;
                socketOf(self->m_stream).close(ignored);
            });
        } else {
            boost::system::error_code ignored;
            m_stream.shutdown(tcp::socket::shutdown_send, ignored);
            m_stream.close(ignored);
        }
    }

    Stream m_stream;
    Shared m_shared;
    Worker &m_worker;
    unsigned m_index;
    std::string m_client;
    std::string m_peerCertificate;
    std::vector<std::string> m_peerChain;
    beast::flat_buffer m_buffer;
    RequestReader m_reader;
    std::string m_response;
    std::chrono::steady_clock::time_point m_requestStart;
    Timer m_timer;
    bool m_sentContinue = false;
    bool m_closing = false;
    bool m_timedOut = false;
    bool m_answered = false; // the session itself answered the current request (a 400 in the middle of its body)
    // A request body that streams: the handler has the request, its body is read on demand.
    bool m_streamingBody = false;
    bool m_bodyFailed = false;
    BodyStream::Next m_bodyNext; // the handler's pending read
    std::string m_piece;         // the piece handed to it (valid during its callback)
    // A response body that streams from a backend.
    std::shared_ptr<BodyStream> m_responseBody;
    Framing m_framing = Framing::Buffered;
    bool m_headPending = false; // m_response holds the head, not yet written
};

// The body of a request handed over before it had arrived: reads go to its session.
template<typename Stream>
class ClientBody final : public BodyStream {
public:
    ClientBody(std::shared_ptr<Session<Stream>> session, std::optional<std::uint64_t> length)
        : m_session(std::move(session)), m_length(length)
    {
    }
    void read(Next next) override { m_session->readBody(std::move(next)); }
    std::optional<std::uint64_t> length() const override { return m_length; }

private:
    std::shared_ptr<Session<Stream>> m_session;
    std::optional<std::uint64_t> m_length;
};

template<typename Stream>
class ExchangeImpl final : public Exchange, public std::enable_shared_from_this<ExchangeImpl<Stream>> {
public:
    ExchangeImpl(std::shared_ptr<Session<Stream>> session, Request request)
        : m_session(std::move(session)), m_request(std::move(request))
    {
    }
    ~ExchangeImpl() override
    {
        // A handler that gave up: answer rather than hang the connection (not while the server stops).
        if (!m_responded && m_session->running()) {
            asio::dispatch(m_session->context(), [session = m_session, request = std::move(m_request)]() {
                session->respond(errorResponse(500, "Internal server error"), request);
            });
        }
    }

    Request &request() override { return m_request; }
    const std::string &clientAddress() const override { return m_session->client(); }
    unsigned thread() const override { return m_session->index(); }
    bool secure() const override { return std::is_same_v<Stream, TlsStream>; }
    std::string clientCertificate() const override { return m_session->peerCertificate(); }
    std::vector<std::string> clientCertificateChain() const override { return m_session->peerChain(); }

    void respond(Response response) override
    {
        if (m_responded.exchange(true))
            return;
        // Runs at once on the connection's thread, else is queued there.
        asio::dispatch(m_session->context(), [session = m_session, response = std::move(response), request = &m_request,
                                              self = this->shared_from_this()]() mutable {
            session->respond(std::move(response), *request);
        });
    }

    void forward(BackendRequest request, std::function<void(BackendResult)> done) override
    {
        m_session->forward(std::move(request), std::move(done));
    }

    void after(std::chrono::milliseconds delay, std::function<void()> done) override
    {
        auto timer = std::make_shared<asio::steady_timer>(m_session->context(), delay);
        timer->async_wait([timer, done = std::move(done)](const boost::system::error_code &error) {
            if (!error)
                done();
        });
    }

private:
    std::shared_ptr<Session<Stream>> m_session;
    Request m_request;
    std::atomic<bool> m_responded = false;
};

template<typename Stream>
void Session<Stream>::dispatch()
{
    auto exchange = std::make_shared<ExchangeImpl<Stream>>(this->shared_from_this(), m_reader.take());
    m_shared.handler(std::move(exchange));
}

template<typename Stream>
void Session<Stream>::dispatchStreaming()
{
    Request request = m_reader.head();
    m_streamingBody = true;
    m_bodyFailed = false;
    request.bodyStream = std::make_shared<ClientBody<Stream>>(this->shared_from_this(), m_reader.declaredLength());
    auto exchange = std::make_shared<ExchangeImpl<Stream>>(this->shared_from_this(), std::move(request));
    m_shared.handler(std::move(exchange));
}

} // namespace

struct Server::Impl {
    ServerOptions options;
    Handler handler;
    std::vector<std::unique_ptr<Worker>> workers;
    std::unique_ptr<tcp::acceptor> acceptor;
    std::unique_ptr<asio::ssl::context> tls;
    std::uint16_t boundPort = 0;
    std::atomic<bool> running = false;
    std::size_t next = 0;

    void accept()
    {
        const std::size_t index = next;
        next = (next + 1) % workers.size();
        Worker &worker = *workers[index];
        auto socket = std::make_shared<PlainStream>(worker.context);
        acceptor->async_accept(*socket, [this, index, socket](const boost::system::error_code &ec) {
            if (ec == asio::error::operation_aborted || !acceptor->is_open())
                return;
            if (!ec)
                startSession(std::move(*socket), index);
            accept(); // e.g. too many open files: keep listening
        });
    }

    void startSession(PlainStream socket, std::size_t index)
    {
        boost::system::error_code ec;
        socket.set_option(tcp::no_delay(true), ec);
        const auto remote = socket.remote_endpoint(ec);
        std::string client = ec ? std::string() : remote.address().to_string();
        Shared shared{options, handler, running};
        Worker &worker = *workers[index];
        // The session belongs to the worker's thread from here on.
        asio::post(worker.context,
                   [this, shared, &worker, index, client = std::move(client), socket = std::move(socket)]() mutable {
                       if (tls) {
                           std::make_shared<Session<TlsStream>>(TlsStream(std::move(socket), *tls), shared, worker,
                                                                static_cast<unsigned>(index), std::move(client))
                               ->start();
                       } else {
                           std::make_shared<Session<PlainStream>>(std::move(socket), shared, worker,
                                                                  static_cast<unsigned>(index), std::move(client))
                               ->start();
                       }
                   });
    }
};

Server::Server(ServerOptions options, Handler handler) : m_impl(std::make_unique<Impl>())
{
    m_impl->options = std::move(options);
    m_impl->handler = std::move(handler);
}

Server::~Server()
{
    stop();
}

Result<void> Server::start()
{
    Impl &d = *m_impl;
    if (d.running)
        return Error{"the server is already running"};
    if (!d.options.tlsCertificateFile.empty() || !d.options.tlsKeyFile.empty()) {
        d.tls = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
        SSL_CTX_set_min_proto_version(d.tls->native_handle(), TLS1_2_VERSION);
        boost::system::error_code ec;
        d.tls->use_certificate_chain_file(d.options.tlsCertificateFile, ec);
        if (ec)
            return Error{"TLS certificate " + d.options.tlsCertificateFile + ": " + ec.message()};
        d.tls->use_private_key_file(d.options.tlsKeyFile, asio::ssl::context::pem, ec);
        if (ec)
            return Error{"TLS key " + d.options.tlsKeyFile + ": " + ec.message()};
        if (d.options.requestClientCertificate) {
            // Ask for a certificate, accept any (or none): validate-client-certificate judges it per API, as APIM's
            // "negotiate client certificate" does. Sessions resumed across connections keep their certificate; they
            // need a session id context once peers are verified.
            SSL_CTX_set_verify(d.tls->native_handle(), SSL_VERIFY_PEER, [](int, X509_STORE_CTX *) { return 1; });
            static constexpr unsigned char sessionContext[] = "gatehouse";
            SSL_CTX_set_session_id_context(d.tls->native_handle(), sessionContext, sizeof sessionContext - 1);
        }
    }

    const unsigned count = d.options.threads ? d.options.threads : std::max(1u, std::thread::hardware_concurrency());
    d.workers.clear();
    for (unsigned i = 0; i < count; ++i) {
        auto worker = std::make_unique<Worker>();
        worker->backends = std::make_unique<BackendPool>(worker->context, d.options.backendIdleConnections);
        d.workers.push_back(std::move(worker));
    }

    boost::system::error_code ec;
    const auto address = asio::ip::make_address(d.options.host, ec);
    if (ec)
        return Error{"invalid listen address '" + d.options.host + "': " + ec.message()};
    const tcp::endpoint endpoint(address, d.options.port);
    d.acceptor = std::make_unique<tcp::acceptor>(d.workers[0]->context);
    d.acceptor->open(endpoint.protocol(), ec);
    if (!ec)
        d.acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        d.acceptor->bind(endpoint, ec);
    if (!ec)
        d.acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        d.acceptor.reset();
        d.workers.clear();
        return Error{"cannot listen on " + d.options.host + ":" + std::to_string(d.options.port) + ": " + ec.message()};
    }
    d.boundPort = d.acceptor->local_endpoint().port();
    d.accept();
    d.running = true;
    for (auto &worker : d.workers) {
        worker->thread = std::thread([context = &worker->context] {
            auto guard = asio::make_work_guard(*context);
            context->run();
        });
    }
    return {};
}

void Server::stop()
{
    Impl &d = *m_impl;
    if (!d.running.exchange(false))
        return;
    asio::post(d.workers[0]->context, [&d] {
        boost::system::error_code ignored;
        d.acceptor->close(ignored);
    });
    for (auto &worker : d.workers)
        worker->context.stop();
    for (auto &worker : d.workers)
        worker->thread.join();
    d.acceptor.reset();
    // Connections and pools die with their contexts.
    for (auto &worker : d.workers)
        worker->backends.reset();
    d.workers.clear();
}

void Server::stopAccepting()
{
    Impl &d = *m_impl;
    if (!d.running)
        return;
    asio::post(d.workers[0]->context, [&d] {
        boost::system::error_code ignored;
        d.acceptor->close(ignored);
    });
}

std::uint16_t Server::port() const
{
    return m_impl->boundPort;
}

std::string Server::address() const
{
    const std::string &host = m_impl->options.host;
    const bool v6 = host.find(':') != std::string::npos;
    return std::string(m_impl->tls ? "https://" : "http://") + (v6 ? "[" + host + "]" : host) + ":" +
           std::to_string(m_impl->boundPort);
}

unsigned Server::threadCount() const
{
    return static_cast<unsigned>(m_impl->workers.size());
}

} // namespace gw::http
