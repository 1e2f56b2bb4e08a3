// Bodies through the whole engine over real sockets: a body no policy reads streams through the gateway as it
// arrives (request to the backend, response to the client); a body a policy reads is read whole first, and the
// policy sees all of it.
#include <engine/engine.h>
#include <http/server.h>

#include <http_client.h>
#include <temp_folder.h>

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace gw::engine {

namespace {

using namespace std::chrono_literals;
using test::TempFolder;

// A flag one thread raises and another waits for, with a limit.
class Signal {
public:
    void raise()
    {
        std::lock_guard lock(m_mutex);
        m_raised = true;
        m_changed.notify_all();
    }
    bool wait(std::chrono::milliseconds limit = 5s)
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, limit, [&] { return m_raised; });
    }
    bool raised()
    {
        std::lock_guard lock(m_mutex);
        return m_raised;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_raised = false;
};

// A response body a test releases in two parts: the first at once, the rest when `release` is raised (or after five
// seconds, so that a gateway that waits for the whole body still gets it and the test can tell).
class TwoPartBody final : public http::BodyStream, public std::enable_shared_from_this<TwoPartBody> {
public:
    TwoPartBody(std::shared_ptr<http::Exchange> exchange, Signal &release, std::string first, std::string rest)
        : m_exchange(std::move(exchange)), m_release(release), m_first(std::move(first)), m_rest(std::move(rest))
    {
    }
    void read(Next next) override
    {
        if (m_part == 0) {
            ++m_part;
            return next(m_first, false, false);
        }
        poll(std::move(next), 0);
    }
    std::optional<std::uint64_t> length() const override { return std::nullopt; } // chunked to the gateway
    std::atomic<bool> releasedByTimeout = false;

private:
    void poll(Next next, int waited)
    {
        if (m_release.raised() || waited >= 500) {
            releasedByTimeout = waited >= 500;
            return next(m_rest, true, false);
        }
        m_exchange->after(10ms, [self = shared_from_this(), next = std::move(next), waited]() mutable {
            self->poll(std::move(next), waited + 1);
        });
    }

    std::shared_ptr<http::Exchange> m_exchange;
    Signal &m_release;
    std::string m_first;
    std::string m_rest;
    int m_part = 0;
};

// A backend that takes bodies as they arrive: it tells when a request's head is in, then reads the body whole and
// answers its size and a checksum; GET /download answers a two-part streamed body.
struct Backend {
    Signal headArrived;
    Signal releaseDownload;
    std::shared_ptr<TwoPartBody> download;
    std::unique_ptr<http::Server> server;

    Backend()
    {
        server = std::make_unique<http::Server>(
            http::ServerOptions{.threads = 1, .streamRequestBodies = true}, [this](auto exchange) {
                http::Request &request = exchange->request();
                if (request.target.ends_with("/download")) {
                    http::Response response;
                    response.headers.add("Content-Type", "text/plain");
                    download = std::make_shared<TwoPartBody>(exchange, releaseDownload, "first part;",
                                                             std::string(300 * 1024, 'x') + ";the end");
                    response.bodyStream = download;
                    return exchange->respond(std::move(response));
                }
                headArrived.raise();
                auto answer = [exchange](const std::string &body) {
                    std::uint64_t sum = 0;
                    for (unsigned char c : body)
                        sum = sum * 31 + c;
                    http::Response response;
                    response.body = std::to_string(body.size()) + " bytes, sum " + std::to_string(sum) +
                                    (body.size() < 100 ? ": " + body : std::string());
                    exchange->respond(std::move(response));
                };
                if (!request.bodyStream)
                    return answer(request.body);
                http::readAll(request.bodyStream, [answer, prefix = request.body](std::optional<std::string> body) {
                    answer(prefix + body.value_or("<broken>"));
                });
            });
        EXPECT_TRUE(server->start().ok());
    }
};

std::uint64_t sumOf(const std::string &body)
{
    std::uint64_t sum = 0;
    for (unsigned char c : body)
        sum = sum * 31 + c;
    return sum;
}

// An open API with an upload operation that streams, one whose policy reads the body, a download that streams and
// one whose outbound policy reads the response.
void writeWorkspace(const TempFolder &folder, const std::string &backendUrl)
{
    folder.write("apis/files/apiInformation.json",
                 R"({"properties": {"path": "files", "apiRevision": "1", "displayName": "Files", "serviceUrl": ")" +
                     backendUrl + R"(", "subscriptionRequired": false}})");
    folder.write("apis/files/specification.yaml",
                 "openapi: 3.0.1\ninfo:\n  title: Files\n  version: '1'\npaths:\n"
                 "  /upload:\n    post:\n      operationId: upload\n      responses:\n        '200':\n"
                 "          description: OK\n"
                 "  /stamped:\n    post:\n      operationId: stamped\n      responses:\n        '200':\n"
                 "          description: OK\n"
                 "  /download:\n    get:\n      operationId: download\n      responses:\n        '200':\n"
                 "          description: OK\n"
                 "  /measured/download:\n    get:\n      operationId: measured\n      responses:\n        '200':\n"
                 "          description: OK\n");
    folder.write("apis/files/operations/upload/policy.xml",
                 "<policies><inbound><base /><set-header name=\"X-Seen\" exists-action=\"override\"><value>yes</value>"
                 "</set-header></inbound><backend><base /></backend><outbound><base /></outbound>"
                 "<on-error><base /></on-error></policies>");
    folder.write("apis/files/operations/stamped/policy.xml",
                 "<policies><inbound><base /><set-body>@(\"stamped:\" + "
                 "context.Request.Body.As&lt;string&gt;())</set-body></inbound><backend><base /></backend>"
                 "<outbound><base /></outbound><on-error><base /></on-error></policies>");
    folder.write("apis/files/operations/measured/policy.xml",
                 "<policies><inbound><base /></inbound><backend><base /></backend><outbound><base />"
                 "<set-header name=\"X-Length\" exists-action=\"override\">"
                 "<value>@(context.Response.Body.As&lt;string&gt;(true).Length.ToString())</value></set-header>"
                 "</outbound><on-error><base /></on-error></policies>");
}

struct Fixture {
    Backend backend;
    TempFolder folder;
    std::unique_ptr<Engine> engine;

    Fixture()
    {
        writeWorkspace(folder, backend.server->address());
        engine =
            std::make_unique<Engine>(EngineOptions{.workspace = folder.path(), .threads = 1, .useSecretStore = false});
        EXPECT_TRUE(engine->start().ok());
    }
};

} // namespace

// The backend has the request while the client is still sending its body: the gateway forwarded the head and what
// had arrived, and the rest follows; all of it arrives, in order.
TEST(Streaming, ARequestBodyNoPolicyReadsGoesToTheBackendAsItArrives)
{
    Fixture f;
    const std::string first(64 * 1024, 'a');
    const std::string rest = std::string(2 * 1024 * 1024, 'b') + "end";
    test::Connection client(f.engine->port());
    client.send("POST /files/upload HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                std::to_string(first.size() + rest.size()) + "\r\n\r\n" + first);
    EXPECT_TRUE(f.backend.headArrived.wait()) << "the backend saw nothing before the client finished its body";
    client.send(rest);
    const auto response = client.read();
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body,
              std::to_string(first.size() + rest.size()) + " bytes, sum " + std::to_string(sumOf(first + rest)));
}

// Chunked from the client, with Expect: 100-continue: the gateway asks for the body only when it sends it on.
TEST(Streaming, AChunkedUploadWithExpectContinueStreams)
{
    Fixture f;
    test::Connection client(f.engine->port());
    client.send("POST /files/upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n");
    EXPECT_EQ(client.read(true).status, 100);
    client.send("5\r\nhello\r\n");
    EXPECT_TRUE(f.backend.headArrived.wait());
    client.send("6\r\n world\r\n0\r\n\r\n");
    const auto response = client.read();
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "11 bytes, sum " + std::to_string(sumOf("hello world")) + ": hello world");
    // The connection goes on with the next request.
    client.send("POST /files/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
    EXPECT_EQ(client.read().body, "3 bytes, sum " + std::to_string(sumOf("abc")) + ": abc");
}

// A policy that reads the body gets all of it, even when it arrives in parts.
TEST(Streaming, ARequestBodyAPolicyReadsIsReadWholeFirst)
{
    Fixture f;
    test::Connection client(f.engine->port());
    client.send("POST /files/stamped HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello");
    std::this_thread::sleep_for(100ms);
    EXPECT_FALSE(f.backend.headArrived.raised()) << "the backend was called before the policy had the body";
    client.send(" world");
    const auto response = client.read();
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "19 bytes, sum " + std::to_string(sumOf("stamped:hello world")) + ": stamped:hello world");
}

// The client has the first part of the response while the backend still holds the rest back.
TEST(Streaming, AResponseBodyNoPolicyReadsGoesToTheClientAsItArrives)
{
    Fixture f;
    test::Connection client(f.engine->port());
    client.send("GET /files/download HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_TRUE(client.waitFor("first part;"));
    f.backend.releaseDownload.raise();
    const auto response = client.read();
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.headers.at("transfer-encoding"), "chunked");
    EXPECT_EQ(response.body, "first part;" + std::string(300 * 1024, 'x') + ";the end");
    ASSERT_TRUE(f.backend.download);
    EXPECT_FALSE(f.backend.download->releasedByTimeout) << "the gateway waited for the whole body";
    // The backend connection was read to its end and the client's stays usable.
    client.send("POST /files/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok");
    EXPECT_EQ(client.read().status, 200);
}

// An outbound policy that reads the response body gets all of it; the client gets it with its length.
TEST(Streaming, AResponseBodyAPolicyReadsIsReadWholeFirst)
{
    Fixture f;
    f.backend.releaseDownload.raise();
    test::Connection client(f.engine->port());
    client.send("GET /files/measured/download HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto response = client.read();
    EXPECT_EQ(response.status, 200);
    const std::string body = "first part;" + std::string(300 * 1024, 'x') + ";the end";
    EXPECT_EQ(response.headers.at("x-length"), std::to_string(body.size()));
    EXPECT_EQ(response.headers.at("content-length"), std::to_string(body.size()));
    EXPECT_EQ(response.body, body);
}

// A client that gives up halfway through its body: the backend's read fails, the gateway goes on serving.
TEST(Streaming, AClientThatStopsHalfwayLeavesTheGatewayServing)
{
    Fixture f;
    {
        test::Connection client(f.engine->port());
        client.send("POST /files/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n" +
                    std::string(1000, 'a'));
        EXPECT_TRUE(f.backend.headArrived.wait());
    }
    std::this_thread::sleep_for(50ms);
    test::Connection next(f.engine->port());
    next.send("POST /files/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok");
    EXPECT_EQ(next.read().body, "2 bytes, sum " + std::to_string(sumOf("ok")) + ": ok");
}

} // namespace gw::engine
