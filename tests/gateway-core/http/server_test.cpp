#include <http/server.h>

#include <http_client.h>

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

namespace gw::http {

namespace {

using namespace std::chrono_literals;

void echo(std::shared_ptr<Exchange> exchange)
{
    Request &request = exchange->request();
    Response response;
    response.headers.add("Content-Type", "text/plain");
    response.body = request.method + " " + request.target + " " + request.body;
    exchange->respond(std::move(response));
}

std::string openPort(Server &server)
{
    return std::to_string(server.port());
}

} // namespace

TEST(HttpServer, AnswersOnAFreePort)
{
    Server server({.threads = 1}, echo);
    ASSERT_TRUE(server.start().ok());
    ASSERT_NE(server.port(), 0);
    EXPECT_EQ(server.address(), "http://127.0.0.1:" + openPort(server));
    const auto response = test::get(server.port(), "/hello?x=1");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "GET /hello?x=1 ");
}

TEST(HttpServer, KeepsConnectionsAliveAndAnswersPipelinedRequestsInOrder)
{
    Server server({.threads = 2}, echo);
    ASSERT_TRUE(server.start().ok());
    test::Connection connection(server.port());
    connection.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n"
                    "POST /two HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nbody"
                    "POST /three HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n");
    EXPECT_EQ(connection.read().body, "GET /one ");
    EXPECT_EQ(connection.read().body, "POST /two body");
    EXPECT_EQ(connection.read().body, "POST /three ab");
    connection.send("GET /four HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(connection.read().body, "GET /four ");
}

TEST(HttpServer, AnswersInOrderWhenALaterRequestIsFaster)
{
    // The first request waits for a slow handler; the second, already sent, must wait its turn.
    std::vector<std::shared_ptr<Exchange>> held;
    std::mutex mutex;
    Server server({.threads = 1}, [&](std::shared_ptr<Exchange> exchange) {
        if (exchange->request().target == "/slow") {
            std::lock_guard lock(mutex);
            held.push_back(std::move(exchange));
            return;
        }
        echo(std::move(exchange));
    });
    ASSERT_TRUE(server.start().ok());
    test::Connection connection(server.port());
    connection.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /fast HTTP/1.1\r\nHost: x\r\n\r\n");
    std::this_thread::sleep_for(100ms);
    std::shared_ptr<Exchange> slow;
    {
        std::lock_guard lock(mutex);
        ASSERT_EQ(held.size(), 1u) << "the second request is not read before the first is answered";
        slow = held.front();
    }
    // Respond on the connection's thread, as the contract says.
    Response late;
    late.body = "slow";
    slow->respond(std::move(late));
    EXPECT_EQ(connection.read().body, "slow");
    EXPECT_EQ(connection.read().body, "GET /fast ");
    slow.reset();
    held.clear(); // exchanges do not outlive their server
}

TEST(HttpServer, HeadGetsTheFieldsOfGetWithoutABody)
{
    Server server({.threads = 1}, echo);
    ASSERT_TRUE(server.start().ok());
    test::Connection connection(server.port());
    connection.send("HEAD /x HTTP/1.1\r\nHost: x\r\n\r\nGET /y HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto head = connection.read(/*headRequest=*/true);
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.headers.at("content-length"), "8");
    const auto next = connection.read();
    EXPECT_EQ(next.body, "GET /y ") << "no body bytes followed the HEAD response";
}

TEST(HttpServer, ExpectContinueGetsAnInterimResponse)
{
    Server server({.threads = 1}, echo);
    ASSERT_TRUE(server.start().ok());
    test::Connection connection(server.port());
    connection.send("PUT /u HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    EXPECT_EQ(connection.read(true).status, 100);
    connection.send("hello");
    EXPECT_EQ(connection.read().body, "PUT /u hello");
}

TEST(HttpServer, MalformedRequestsGetTheirStatusAndTheConnectionCloses)
{
    Server server({.threads = 1, .limits = {.bodyBytes = 100}}, echo);
    ASSERT_TRUE(server.start().ok());
    const std::vector<std::pair<std::string, int>> cases = {
        {"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400},
        {"GET / HTTP/1.1\r\nHost: x\r\nX: a\r\n b\r\n\r\n", 400},
        {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n", 413},
        {"GET /" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", 414},
        {"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(40000, 'a') + "\r\n\r\n", 431},
    };
    for (const auto &[bytes, status] : cases) {
        test::Connection connection(server.port());
        connection.send(bytes);
        const auto response = connection.read();
        EXPECT_EQ(response.status, status);
        EXPECT_NE(response.body.find("\"statusCode\": " + std::to_string(status)), std::string::npos);
        EXPECT_TRUE(connection.peerClosed());
    }
}

TEST(HttpServer, ASlowHeadGets408AndAnIdleConnectionIsClosed)
{
    Server server({.threads = 1, .headTimeout = 300ms, .idleTimeout = 300ms}, echo);
    ASSERT_TRUE(server.start().ok());
    test::Connection slow(server.port());
    slow.send("GET / HTTP/1.1\r\nHo"); // and nothing more
    EXPECT_EQ(slow.read().status, 408);

    test::Connection idle(server.port());
    EXPECT_TRUE(idle.peerClosed()) << "closed without a response";
}

TEST(HttpServer, ServesConcurrentClientsOnEveryThread)
{
    std::mutex mutex;
    std::set<unsigned> threads;
    Server server({.threads = 2}, [&](std::shared_ptr<Exchange> exchange) {
        {
            std::lock_guard lock(mutex);
            threads.insert(exchange->thread());
        }
        echo(std::move(exchange));
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
    EXPECT_EQ(threads.size(), 2u);
}

TEST(HttpServer, ReportsAPortInUse)
{
    Server first({.threads = 1}, echo);
    ASSERT_TRUE(first.start().ok());
    Server second({.port = first.port(), .threads = 1}, echo);
    const auto started = second.start();
    ASSERT_FALSE(started.ok());
    EXPECT_NE(started.error().message.find(openPort(first)), std::string::npos);
}

TEST(HttpServer, StopsWithConnectionsOpen)
{
    Server server({.threads = 2}, echo);
    ASSERT_TRUE(server.start().ok());
    test::Connection idle(server.port());
    idle.send("GET /x HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(idle.read().status, 200);
    const std::uint16_t port = server.port();
    server.stop();
    EXPECT_TRUE(idle.peerClosed());
    EXPECT_EQ(test::get(port, "/").status, 0);
}

// A proxy in front of a backend: the handler forwards every request.
class Forwarding : public ::testing::Test {
protected:
    void SetUp() override
    {
        backend = std::make_unique<Server>(ServerOptions{.threads = 1}, [this](std::shared_ptr<Exchange> exchange) {
            ++backendRequests;
            if (exchange->request().target == "/never") {
                std::lock_guard lock(mutex);
                held.push_back(std::move(exchange)); // answered at the end of the test
                return;
            }
            echo(std::move(exchange));
        });
        ASSERT_TRUE(backend->start().ok());
        proxy = std::make_unique<Server>(ServerOptions{.threads = 1}, [this](std::shared_ptr<Exchange> exchange) {
            BackendRequest request;
            request.url = target.empty() ? backend->address() + exchange->request().target : target;
            request.method = exchange->request().method;
            request.body = exchange->request().body;
            request.timeout = timeout;
            request.validateCertificate = validateCertificate;
            exchange->forward(std::move(request), [exchange](BackendResult result) {
                if (result.outcome != BackendResult::Outcome::Ok) {
                    const char *outcome = result.outcome == BackendResult::Outcome::Timeout ? "timeout" : "failure";
                    exchange->respond(errorResponse(502, outcome));
                    return;
                }
                exchange->respond(std::move(result.response));
            });
        });
        ASSERT_TRUE(proxy->start().ok());
    }
    void TearDown() override
    {
        {
            std::lock_guard lock(mutex);
            held.clear(); // exchanges do not outlive their server
        }
        proxy.reset();
        backend.reset();
    }

    std::unique_ptr<Server> backend;
    std::unique_ptr<Server> proxy;
    std::atomic<int> backendRequests = 0;
    std::string target;
    std::chrono::milliseconds timeout{5000};
    bool validateCertificate = true;
    std::mutex mutex;
    std::vector<std::shared_ptr<Exchange>> held;
};

TEST_F(Forwarding, RelaysRequestsAndReusesBackendConnections)
{
    test::Connection client(proxy->port());
    for (int i = 0; i < 20; ++i) {
        client.send("POST /item/" + std::to_string(i) + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi");
        const auto response = client.read();
        EXPECT_EQ(response.status, 200);
        EXPECT_EQ(response.body, "POST /item/" + std::to_string(i) + " hi");
    }
    EXPECT_EQ(backendRequests, 20);
}

TEST_F(Forwarding, ReportsATimeoutAndAnUnreachableBackend)
{
    timeout = 300ms;
    const auto slow = test::get(proxy->port(), "/never");
    EXPECT_EQ(slow.status, 502);
    EXPECT_NE(slow.body.find("timeout"), std::string::npos);

    target = "http://127.0.0.1:1/closed"; // nothing listens on port 1
    const auto closed = test::get(proxy->port(), "/x");
    EXPECT_EQ(closed.status, 502);
    EXPECT_NE(closed.body.find("failure"), std::string::npos);
    target = "ftp://example.invalid/";
    EXPECT_EQ(test::get(proxy->port(), "/x").status, 502);
}

// HTTPS backends: a self-signed certificate is refused unless validation is switched
// off for that backend (APIM's tls.validateCertificateChain = false).
TEST_F(Forwarding, ValidatesBackendCertificatesUnlessToldNotTo)
{
    char folder[] = "/tmp/gw-tls-XXXXXX";
    ASSERT_NE(::mkdtemp(folder), nullptr);
    const std::string certificate = std::string(folder) + "/cert.pem";
    const std::string key = std::string(folder) + "/key.pem";
    const std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -keyout " + key + " -out " + certificate +
                                " -days 1 -subj /CN=localhost >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0);
    Server tlsBackend({.threads = 1, .tlsCertificateFile = certificate, .tlsKeyFile = key}, echo);
    ASSERT_TRUE(tlsBackend.start().ok());
    EXPECT_TRUE(tlsBackend.address().starts_with("https://"));

    target = tlsBackend.address() + "/secure";
    const auto refused = test::get(proxy->port(), "/x");
    EXPECT_EQ(refused.status, 502) << "a self-signed certificate is not trusted";

    validateCertificate = false;
    const auto trusted = test::get(proxy->port(), "/x");
    EXPECT_EQ(trusted.status, 200);
    EXPECT_EQ(trusted.body, "GET /secure ");
    std::system(("rm -rf " + std::string(folder)).c_str());
}

} // namespace gw::http
