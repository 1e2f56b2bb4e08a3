#include <http/server.h>

#include <http_client.h>

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

namespace gw::http {

namespace {

Response echoTarget(const Request &request)
{
    return {200, {{"Content-Type", "text/plain"}}, request.method + " " + request.target + " " + request.body};
}

} // namespace

TEST(HttpServer, AnswersOnAFreePort)
{
    Server server({.threads = 1}, echoTarget);
    ASSERT_TRUE(server.start().ok());
    ASSERT_NE(server.port(), 0);
    EXPECT_EQ(server.address(), "http://127.0.0.1:" + std::to_string(server.port()));

    const auto response = test::get(server.port(), "/hello?x=1");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "GET /hello?x=1 ");
}

TEST(HttpServer, KeepsTheConnectionAliveAndAnswersPipelinedRequestsInOrder)
{
    Server server({.threads = 2}, echoTarget);
    ASSERT_TRUE(server.start().ok());
    test::Connection connection(server.port());
    ASSERT_TRUE(connection.isOpen());
    connection.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n"
                    "POST /two HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nbody");
    EXPECT_EQ(connection.read().body, "GET /one ");
    EXPECT_EQ(connection.read().body, "POST /two body");
    connection.send("GET /three HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(connection.read().body, "GET /three ");
}

TEST(HttpServer, HeadGetsHeadersWithoutABody)
{
    Server server({.threads = 1}, echoTarget);
    ASSERT_TRUE(server.start().ok());
    test::Connection connection(server.port());
    connection.send("HEAD /x HTTP/1.1\r\nHost: x\r\n\r\nGET /y HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto head = connection.read(/*headRequest=*/true);
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.headers.at("content-length"), "8") << "HEAD announces the length GET would send";
    // No body bytes follow the head: the next bytes are the GET's response.
    const auto next = connection.read();
    EXPECT_EQ(next.status, 200);
    EXPECT_EQ(next.body, "GET /y ");
}

TEST(HttpServer, MalformedRequestsGet400AndTheConnectionCloses)
{
    Server server({.threads = 1}, echoTarget);
    ASSERT_TRUE(server.start().ok());
    const char *malformed[] = {
        "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
        "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
        "NOT A REQUEST\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    };
    for (const char *request : malformed) {
        test::Connection connection(server.port());
        connection.send(request);
        const auto response = connection.read();
        EXPECT_EQ(response.status, 400) << request;
        EXPECT_NE(response.body.find("\"statusCode\": 400"), std::string::npos);
        EXPECT_TRUE(connection.peerClosed()) << request;
    }
}

TEST(HttpServer, OversizedHeadGets431AndOversizedBody413)
{
    ServerOptions options;
    options.threads = 1;
    options.maxHeaderBytes = 1024;
    options.maxBodyBytes = 100;
    Server server(options, echoTarget);
    ASSERT_TRUE(server.start().ok());
    {
        test::Connection connection(server.port());
        connection.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(2000, 'a') + "\r\n\r\n");
        EXPECT_EQ(connection.read().status, 431);
    }
    {
        test::Connection connection(server.port());
        connection.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n" + std::string(101, 'b'));
        EXPECT_EQ(connection.read().status, 413);
    }
}

TEST(HttpServer, ServesConcurrentClientsOnEveryThread)
{
    std::mutex mutex;
    std::set<std::thread::id> threads;
    Server server({.threads = 2}, [&](const Request &) {
        std::lock_guard lock(mutex);
        threads.insert(std::this_thread::get_id());
        return Response{200, {}, "ok"};
    });
    ASSERT_TRUE(server.start().ok());
    EXPECT_EQ(server.threadCount(), 2u);
    std::atomic<int> ok = 0;
    std::vector<std::thread> clients;
    for (int i = 0; i < 8; ++i) {
        clients.emplace_back([&] {
            for (int j = 0; j < 20; ++j)
                ok += test::get(server.port(), "/").status == 200;
        });
    }
    for (auto &client : clients)
        client.join();
    EXPECT_EQ(ok, 160);
    EXPECT_EQ(threads.size(), 2u) << "connections are spread over the I/O threads";
}

TEST(HttpServer, ReportsAPortInUse)
{
    Server first({.threads = 1}, echoTarget);
    ASSERT_TRUE(first.start().ok());
    Server second({.port = first.port(), .threads = 1}, echoTarget);
    const auto started = second.start();
    ASSERT_FALSE(started.ok());
    EXPECT_NE(started.error().message.find(std::to_string(first.port())), std::string::npos);
}

TEST(HttpServer, StopsWithConnectionsOpen)
{
    Server server({.threads = 2}, echoTarget);
    ASSERT_TRUE(server.start().ok());
    test::Connection idle(server.port());
    ASSERT_TRUE(idle.isOpen());
    idle.send("GET /x HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(idle.read().status, 200);
    server.stop();
    EXPECT_TRUE(idle.peerClosed());
    const std::uint16_t port = server.port();
    EXPECT_EQ(test::get(port, "/").status, 0) << "nothing listens any more";
}

} // namespace gw::http
