#include "backend_client.h"
#include "response_parser.h"

#include <boost/asio/basic_waitable_timer.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/rfc2818_verification.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <charconv>
#include <limits>
#include <variant>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using asio::ip::tcp;

namespace gw::http {

using Clock = std::chrono::steady_clock;

namespace {

struct Url {
    bool https = false;
    std::string host;
    std::uint16_t port = 80;
    std::string target = "/";
    std::string hostHeader; // host[:port] as the backend expects it in Host
};

std::optional<Url> parseUrl(const std::string &text)
{
    Url url;
    std::string_view rest = text;
    if (rest.starts_with("http://")) {
        rest.remove_prefix(7);
    } else if (rest.starts_with("https://")) {
        url.https = true;
        url.port = 443;
        rest.remove_prefix(8);
    } else {
        return std::nullopt;
    }
    const auto slash = rest.find_first_of("/?");
    std::string_view authority = rest.substr(0, slash);
    if (slash != std::string_view::npos)
        url.target = rest[slash] == '?' ? "/" + std::string(rest.substr(slash)) : std::string(rest.substr(slash));
    if (const auto at = authority.rfind('@'); at != std::string_view::npos)
        authority.remove_prefix(at + 1);
    url.hostHeader = std::string(authority);
    std::string_view host = authority;
    const auto bracket = authority.rfind(']');
    const auto colon = authority.rfind(':');
    if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
        host = authority.substr(0, colon);
        const std::string_view port = authority.substr(colon + 1);
        unsigned value = 0;
        auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
        if (ec != std::errc() || ptr != port.data() + port.size() || value == 0 || value > 65535)
            return std::nullopt;
        url.port = static_cast<std::uint16_t>(value);
    }
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host.empty())
        return std::nullopt;
    url.host = std::string(host);
    return url;
}

using Executor = asio::io_context::executor_type;
using PlainStream = asio::basic_stream_socket<tcp, Executor>;
using TlsStream = asio::ssl::stream<PlainStream>;
using Resolver = asio::ip::basic_resolver<tcp, Executor>;
using Timer = asio::basic_waitable_timer<Clock, asio::wait_traits<Clock>, Executor>;

} // namespace

struct BackendConnection : std::enable_shared_from_this<BackendConnection> {
    std::variant<std::unique_ptr<PlainStream>, std::unique_ptr<TlsStream>> stream;
    beast::flat_buffer buffer;
    std::string key;

    PlainStream &lowest()
    {
        return std::visit([](auto &s) -> PlainStream & { return beast::get_lowest_layer(*s); }, stream);
    }
    bool isOpen() { return lowest().is_open(); }
};

namespace {

// A backend's response body after its head, read from its connection as the client takes it.
class BackendBody final : public BodyStream, public std::enable_shared_from_this<BackendBody> {
public:
    BackendBody(BackendPool &pool, std::shared_ptr<BackendConnection> connection,
                std::unique_ptr<ResponseParser> parser, std::chrono::milliseconds idle)
        : m_pool(pool), m_connection(std::move(connection)), m_parser(std::move(parser)), m_idle(idle)
    {
    }

    void read(Next next) override
    {
        if (!m_connection)
            return next({}, m_parser->is_done(), !m_parser->is_done());
        if (!m_parser->response().body.empty() || m_parser->is_done())
            return deliver(std::move(next));
        // A backend that goes quiet for longer than the request's timeout is given up.
        m_timer.expires_after(m_idle);
        m_timer.async_wait([self = shared_from_this()](const boost::system::error_code &ec) {
            if (ec || !self->m_connection)
                return;
            boost::system::error_code ignored;
            self->m_connection->lowest().close(ignored);
        });
        std::visit(
            [this, &next](auto &stream) {
                bhttp::async_read_some(*stream, m_connection->buffer, *m_parser,
                                       [self = shared_from_this(), next = std::move(next)](
                                           const boost::system::error_code &ec, std::size_t) mutable {
                                           self->m_timer.cancel();
                                           if (ec) {
                                               self->m_connection.reset();
                                               return next({}, false, true);
                                           }
                                           self->read(std::move(next)); // a chunk header alone gives no data yet
                                       });
            },
            m_connection->stream);
    }

    std::optional<std::uint64_t> length() const override
    {
        const auto length = m_parser->content_length();
        return length ? std::optional<std::uint64_t>(*length) : std::nullopt;
    }

private:
    void deliver(Next next)
    {
        auto self = shared_from_this(); // the callback may drop the last other reference
        m_piece.clear();
        m_piece.swap(m_parser->response().body);
        const bool end = m_parser->is_done();
        if (end && m_parser->keep_alive() && m_connection->isOpen())
            m_pool.giveBack(m_connection->key, m_connection);
        if (end)
            m_connection.reset();
        next(m_piece, end, false);
    }

    BackendPool &m_pool;
    std::shared_ptr<BackendConnection> m_connection;
    std::unique_ptr<ResponseParser> m_parser;
    std::chrono::milliseconds m_idle;
    std::string m_piece;
    Timer m_timer{m_pool.context()};
};

// One send: connect (or reuse), write, read; retried once on a fresh connection
// when a reused one turns out to be closed by the backend.
class Send : public std::enable_shared_from_this<Send> {
public:
    Send(BackendPool &pool, BackendRequest request, Url url, std::function<void(BackendResult)> done)
        : m_pool(pool), m_request(std::move(request)), m_url(std::move(url)), m_done(std::move(done)),
          m_started(Clock::now()), m_deadline(m_started + m_request.timeout),
          m_key(std::string(m_url.https ? "https://" : "http://") + m_url.host + ":" + std::to_string(m_url.port) +
                (m_url.https && !m_request.validateCertificate ? "#trusting" : "") +
                (m_url.https && m_request.clientCertificate ? "#cert=" + m_request.clientCertificate->thumbprint
                                                            : std::string()))
    {
        // The request as bytes, in one buffer so that it leaves in one write.
        const bool mayHaveBody = m_request.method == "POST" || m_request.method == "PUT" || m_request.method == "PATCH";
        m_out.reserve(256 + m_request.body.size());
        m_out += m_request.method;
        m_out += ' ';
        m_out += m_url.target;
        m_out += " HTTP/1.1\r\nHost: ";
        m_out += m_url.hostHeader;
        m_out += "\r\n";
        for (const auto &field : m_request.headers.fields()) {
            if (equalsIgnoringCase(field.name, "Host") || equalsIgnoringCase(field.name, "Content-Length") ||
                equalsIgnoringCase(field.name, "Transfer-Encoding") || equalsIgnoringCase(field.name, "Connection"))
                continue;
            m_out += field.name;
            m_out += ": ";
            m_out += field.value;
            m_out += "\r\n";
        }
        if (m_request.bodyStream) {
            // What arrived of the body is in `body`, the rest follows from the stream.
            if (auto length = m_request.bodyStream->length()) {
                m_out += "Content-Length: ";
                m_out += std::to_string(*length);
                m_out += "\r\n";
            } else {
                m_out += "Transfer-Encoding: chunked\r\n";
                m_chunked = true;
            }
        } else if (!m_request.body.empty() || mayHaveBody) {
            m_out += "Content-Length: ";
            m_out += std::to_string(m_request.body.size());
            m_out += "\r\n";
        }
        m_out += "\r\n";
        appendBody(m_request.body, false);
        m_head = m_request.method == "HEAD";
    }

    void start()
    {
        // One deadline for the whole send: when it passes, the connection's operations are cancelled.
        m_timer.expires_at(m_deadline);
        m_timer.async_wait([self = shared_from_this()](const boost::system::error_code &ec) {
            if (ec || !self->m_connection)
                return;
            self->m_timedOut = true;
            boost::system::error_code ignored;
            self->m_connection->lowest().close(ignored);
        });
        if (auto idle = m_pool.takeIdle(m_key)) {
            m_connection = std::move(idle);
            m_reused = true;
            write();
        } else {
            connect();
        }
    }

private:
    void finish(BackendResult::Outcome outcome, std::string error)
    {
        m_timer.cancel();
        BackendResult result;
        result.outcome = outcome;
        result.error = std::move(error);
        result.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - m_started);
        if (outcome == BackendResult::Outcome::Ok && !m_parser->is_done()) {
            // Only the head is in: the body streams from the connection, which returns to the pool at its end.
            result.response.status = m_parser->response().status;
            result.response.headers = std::move(m_parser->response().headers);
            result.response.bodyStream =
                std::make_shared<BackendBody>(m_pool, std::move(m_connection), std::move(m_parser), m_request.timeout);
        } else if (outcome == BackendResult::Outcome::Ok) {
            result.response = std::move(m_parser->response());
            if (m_parser->keep_alive() && m_connection->isOpen())
                m_pool.giveBack(m_key, m_connection);
        }
        m_connection.reset();
        auto done = std::move(m_done);
        done(std::move(result));
    }

    void failure(const boost::system::error_code &ec, const char *what)
    {
        if (m_timedOut || Clock::now() >= m_deadline)
            return finish(BackendResult::Outcome::Timeout, std::string(what) + ": timed out");
        finish(m_connecting ? BackendResult::Outcome::ConnectFailure : BackendResult::Outcome::ProtocolFailure,
               std::string(what) + ": " + ec.message());
    }

    void connect()
    {
        m_connecting = true;
        m_reused = false;
        m_connection = std::make_shared<BackendConnection>();
        m_connection->key = m_key;
        auto &context = m_pool.context();
        if (m_url.https) {
            auto stream = std::make_unique<TlsStream>(
                context, m_pool.tls(m_request.validateCertificate, m_request.clientCertificate.get()));
            if (!SSL_set_tlsext_host_name(stream->native_handle(), m_url.host.c_str()))
                return finish(BackendResult::Outcome::ConnectFailure, "cannot set the TLS server name");
            if (m_request.validateCertificate)
                stream->set_verify_callback(asio::ssl::rfc2818_verification(m_url.host));
            m_connection->stream = std::move(stream);
        } else {
            m_connection->stream = std::make_unique<PlainStream>(context);
        }
        boost::system::error_code ec;
        const auto address = asio::ip::make_address(m_url.host, ec);
        if (!ec) {
            connectTo({tcp::endpoint(address, m_url.port)});
            return;
        }
        m_resolver = std::make_unique<Resolver>(context);
        m_resolver->async_resolve(
            m_url.host, std::to_string(m_url.port),
            [self = shared_from_this()](const boost::system::error_code &ec, tcp::resolver::results_type results) {
                if (ec)
                    return self->failure(ec, "resolve");
                std::vector<tcp::endpoint> endpoints;
                for (const auto &entry : results)
                    endpoints.push_back(entry.endpoint());
                self->connectTo(std::move(endpoints));
            });
    }

    void connectTo(std::vector<tcp::endpoint> endpoints)
    {
        asio::async_connect(m_connection->lowest(), endpoints,
                            [self = shared_from_this()](const boost::system::error_code &ec, const tcp::endpoint &) {
                                if (ec)
                                    return self->failure(ec, "connect");
                                boost::system::error_code ignored;
                                self->m_connection->lowest().set_option(tcp::no_delay(true), ignored);
                                if (auto *tls = std::get_if<std::unique_ptr<TlsStream>>(&self->m_connection->stream)) {
                                    (*tls)->async_handshake(asio::ssl::stream_base::client,
                                                            [self](const boost::system::error_code &ec) {
                                                                if (ec)
                                                                    return self->failure(ec, "TLS handshake");
                                                                self->write();
                                                            });
                                    return;
                                }
                                self->write();
                            });
    }

    void write()
    {
        std::visit(
            [this](auto &stream) {
                asio::async_write(*stream, asio::buffer(m_out),
                                  [self = shared_from_this()](const boost::system::error_code &ec, std::size_t) {
                                      if (ec)
                                          return self->retryOrFail(ec, "send");
                                      if (self->m_request.bodyStream)
                                          return self->sendBody();
                                      self->read();
                                  });
            },
            m_connection->stream);
    }

    // Parses the bytes already received after the head; false when they are not a valid body.
    bool parseBuffered()
    {
        auto &buffer = m_connection->buffer;
        while (!m_parser->is_done() && buffer.size() > 0) {
            boost::system::error_code ec;
            const std::size_t used = m_parser->put(buffer.data(), ec);
            buffer.consume(used);
            if (ec == bhttp::error::need_more)
                return true;
            if (ec)
                return false;
            if (used == 0)
                return true;
        }
        return true;
    }

    // `data` as it goes on the wire: as it is, or as one chunk (and the last chunk at the end).
    void appendBody(std::string_view data, bool end)
    {
        if (!m_chunked) {
            m_out.append(data);
            return;
        }
        appendChunk(m_out, data, end);
    }

    // The client's body, piece by piece as it arrives, then the response. Once a piece has gone, the request cannot
    // be sent again on another connection.
    void sendBody()
    {
        m_bodyStarted = true;
        m_request.bodyStream->read([self = shared_from_this()](std::string_view data, bool end, bool failed) {
            if (failed)
                return self->finish(BackendResult::Outcome::ProtocolFailure, "the client's body broke off");
            self->m_out.clear();
            self->appendBody(data, end);
            std::visit(
                [&](auto &stream) {
                    asio::async_write(*stream, asio::buffer(self->m_out),
                                      [self, end](const boost::system::error_code &ec, std::size_t) {
                                          if (ec)
                                              return self->failure(ec, "send");
                                          if (!end)
                                              return self->sendBody();
                                          self->m_request.bodyStream.reset();
                                          self->read();
                                      });
                },
                self->m_connection->stream);
        });
    }

    void read()
    {
        m_connecting = false;
        m_parser = std::make_unique<ResponseParser>();
        m_parser->body_limit(256 * 1024 * 1024);
        if (m_head)
            m_parser->skip(true);
        if (m_request.streamResponse && !m_head) {
            // The head now; the body as the client takes it (BackendBody), however long it is.
            // (Not boost::none: this Beast compares Content-Length against the empty limit and fails.)
            m_parser->body_limit(std::numeric_limits<std::uint64_t>::max());
            std::visit(
                [this](auto &stream) {
                    bhttp::async_read_header(
                        *stream, m_connection->buffer, *m_parser,
                        [self = shared_from_this()](const boost::system::error_code &ec, std::size_t) {
                            if (ec)
                                return self->retryOrFail(ec, "receive");
                            // Whatever of the body came with the head is parsed now: a small body is then complete
                            // and goes out in one piece, as if it had been read whole.
                            if (!self->parseBuffered())
                                return self->failure(bhttp::error::bad_chunk, "receive");
                            self->finish(BackendResult::Outcome::Ok, {});
                        });
                },
                m_connection->stream);
            return;
        }
        std::visit(
            [this](auto &stream) {
                bhttp::async_read(*stream, m_connection->buffer, *m_parser,
                                  [self = shared_from_this()](const boost::system::error_code &ec, std::size_t) {
                                      if (ec)
                                          return self->retryOrFail(ec, "receive");
                                      self->finish(BackendResult::Outcome::Ok, {});
                                  });
            },
            m_connection->stream);
    }

    // A kept-alive connection may have been closed by the backend meanwhile: try once more on a new one.
    void retryOrFail(const boost::system::error_code &ec, const char *what)
    {
        const bool closedByPeer = ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
                                  ec == asio::error::connection_reset || ec == asio::error::broken_pipe;
        if (m_reused && closedByPeer && !m_bodyStarted && (!m_parser || !m_parser->got_some()) &&
            Clock::now() < m_deadline) {
            m_connection.reset();
            connect();
            return;
        }
        failure(ec, what);
    }

    BackendPool &m_pool;
    BackendRequest m_request;
    Url m_url;
    std::function<void(BackendResult)> m_done;
    Clock::time_point m_started;
    Clock::time_point m_deadline;
    std::string m_key;
    std::string m_out;
    bool m_head = false;
    bool m_chunked = false;     // the request body goes chunked (streamed, length unknown)
    bool m_bodyStarted = false; // a piece of a streamed body was sent
    std::unique_ptr<ResponseParser> m_parser;
    std::shared_ptr<BackendConnection> m_connection;
    std::unique_ptr<Resolver> m_resolver;
    Timer m_timer{m_pool.context()};
    bool m_timedOut = false;
    bool m_reused = false;
    bool m_connecting = false;
};

} // namespace

BackendPool::BackendPool(asio::io_context &context, std::size_t idlePerHost)
    : m_context(context), m_idlePerHost(idlePerHost)
{
}

// TLS contexts are made on first use: loading the system's CA certificates costs
// milliseconds per thread, which a gateway without HTTPS backends need not pay.
asio::ssl::context &BackendPool::tls(bool validate, const ClientCertificate *certificate)
{
    auto &slot = !certificate ? (validate ? m_verifying : m_trusting)
                              : m_withCertificate[certificate->thumbprint + (validate ? "#v" : "#t")];
    if (!slot) {
        slot = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_client);
        SSL_CTX_set_min_proto_version(slot->native_handle(), TLS1_2_VERSION);
        if (validate) {
            slot->set_default_verify_paths();
            slot->set_verify_mode(asio::ssl::verify_peer);
        } else {
            slot->set_verify_mode(asio::ssl::verify_none);
        }
        if (certificate) {
            // A certificate that does not load leaves the context without one: the backend then refuses the
            // handshake, which the caller sees as a connection failure.
            boost::system::error_code ec;
            slot->use_certificate_chain(asio::buffer(certificate->chainPem), ec);
            if (!ec)
                slot->use_private_key(asio::buffer(certificate->privateKeyPem), asio::ssl::context::pem, ec);
        }
    }
    return *slot;
}

BackendPool::~BackendPool() = default;

void BackendPool::send(BackendRequest request, std::function<void(BackendResult)> done)
{
    auto url = parseUrl(request.url);
    if (!url) {
        BackendResult result;
        result.outcome = BackendResult::Outcome::ConnectFailure;
        result.error = "not an http(s) URL: " + request.url;
        asio::post(m_context,
                   [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); });
        return;
    }
    std::make_shared<Send>(*this, std::move(request), std::move(*url), std::move(done))->start();
}

void BackendPool::giveBack(const std::string &key, std::shared_ptr<BackendConnection> connection)
{
    auto &idle = m_idle[key];
    if (idle.size() < m_idlePerHost)
        idle.push_back(std::move(connection));
}

std::shared_ptr<BackendConnection> BackendPool::takeIdle(const std::string &key)
{
    auto found = m_idle.find(key);
    while (found != m_idle.end() && !found->second.empty()) {
        auto connection = std::move(found->second.back());
        found->second.pop_back();
        if (connection->isOpen())
            return connection;
    }
    return nullptr;
}

} // namespace gw::http
