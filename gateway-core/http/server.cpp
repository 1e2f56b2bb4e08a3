#include "server.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <chrono>
#include <thread>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using asio::ip::tcp;

namespace gw::http {

namespace {

constexpr auto kReadTimeout = std::chrono::seconds(30);

std::string errorBody(int status, const char *message)
{
    return R"({"statusCode": )" + std::to_string(status) + R"(, "message": ")" + message + "\"}";
}

bhttp::response<bhttp::string_body> toBeast(Response &&response, unsigned version, bool keepAlive)
{
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(response.status), version};
    for (auto &[name, value] : response.headers)
        out.insert(name, value);
    out.body() = std::move(response.body);
    out.keep_alive(keepAlive);
    out.prepare_payload();
    return out;
}

Response rejection(int status, const char *message)
{
    return {status, {{"Content-Type", "application/json"}}, errorBody(status, message)};
}

} // namespace

struct Server::Impl {
    ServerOptions options;
    Handler handler;
    std::vector<std::unique_ptr<asio::io_context>> contexts;
    std::vector<std::thread> threads;
    std::unique_ptr<tcp::acceptor> acceptor;
    std::uint16_t boundPort = 0;
    std::atomic<bool> running = false;

    asio::awaitable<void> acceptLoop()
    {
        std::size_t next = 0;
        for (;;) {
            boost::system::error_code ec;
            asio::io_context &target = *contexts[next];
            next = (next + 1) % contexts.size();
            tcp::socket socket = co_await acceptor->async_accept(target, asio::redirect_error(asio::use_awaitable, ec));
            if (ec == asio::error::operation_aborted || !acceptor->is_open())
                co_return;
            if (ec)
                continue; // e.g. too many open files: keep listening
            asio::co_spawn(target, serve(std::move(socket)), asio::detached);
        }
    }

    asio::awaitable<void> serve(tcp::socket socket)
    {
        beast::tcp_stream stream(std::move(socket));
        beast::flat_buffer buffer;
        for (;;) {
            boost::system::error_code ec;
            bhttp::request_parser<bhttp::string_body> parser;
            parser.header_limit(static_cast<std::uint32_t>(options.maxHeaderBytes));
            parser.body_limit(options.maxBodyBytes);
            stream.expires_after(kReadTimeout);
            co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
            if (ec == bhttp::error::end_of_stream || ec == asio::error::eof || ec == beast::error::timeout ||
                ec == asio::error::operation_aborted || ec == asio::error::connection_reset)
                break;
            if (ec) {
                const bool headTooBig = ec == bhttp::error::header_limit;
                const bool bodyTooBig = ec == bhttp::error::body_limit;
                Response response = headTooBig   ? rejection(431, "Request header fields too large")
                                    : bodyTooBig ? rejection(413, "Request entity too large")
                                                 : rejection(400, "Bad request");
                auto out = toBeast(std::move(response), 11, false);
                co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
                break;
            }

            auto &message = parser.get();
            Request request;
            request.method = std::string(message.method_string());
            request.target = std::string(message.target());
            for (const auto &field : message)
                request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
            request.body = std::move(message.body());

            const bool keepAlive = message.keep_alive();
            auto out = toBeast(handler(request), message.version(), keepAlive);
            if (message.method() == bhttp::verb::head)
                out.body().clear();
            co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
            if (ec || !keepAlive)
                break;
        }
        boost::system::error_code ignored;
        stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
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
    unsigned count = d.options.threads ? d.options.threads : std::max(1u, std::thread::hardware_concurrency());
    d.contexts.clear();
    for (unsigned i = 0; i < count; ++i)
        d.contexts.push_back(std::make_unique<asio::io_context>(1));

    boost::system::error_code ec;
    const auto address = asio::ip::make_address(d.options.host, ec);
    if (ec)
        return Error{"invalid listen address '" + d.options.host + "': " + ec.message()};
    const tcp::endpoint endpoint(address, d.options.port);
    d.acceptor = std::make_unique<tcp::acceptor>(*d.contexts[0]);
    d.acceptor->open(endpoint.protocol(), ec);
    if (!ec)
        d.acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        d.acceptor->bind(endpoint, ec);
    if (!ec)
        d.acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        d.acceptor.reset();
        return Error{"cannot listen on " + d.options.host + ":" + std::to_string(d.options.port) + ": " + ec.message()};
    }
    d.boundPort = d.acceptor->local_endpoint().port();

    asio::co_spawn(*d.contexts[0], d.acceptLoop(), asio::detached);
    d.running = true;
    for (auto &context : d.contexts) {
        d.threads.emplace_back([ctx = context.get()] {
            auto guard = asio::make_work_guard(*ctx);
            ctx->run();
        });
    }
    return {};
}

void Server::stop()
{
    Impl &d = *m_impl;
    if (!d.running.exchange(false))
        return;
    asio::post(*d.contexts[0], [&d] {
        boost::system::error_code ignored;
        d.acceptor->close(ignored);
    });
    for (auto &context : d.contexts)
        context->stop();
    for (auto &thread : d.threads)
        thread.join();
    d.threads.clear();
    d.acceptor.reset();
    d.contexts.clear(); // destroys the connections still open
}

std::uint16_t Server::port() const
{
    return m_impl->boundPort;
}

std::string Server::address() const
{
    const std::string &host = m_impl->options.host;
    const bool v6 = host.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(m_impl->boundPort);
}

unsigned Server::threadCount() const
{
    return static_cast<unsigned>(m_impl->threads.size());
}

} // namespace gw::http
