// The request reader against a corpus of malformed requests and request
// smuggling vectors (CL.TE, TE.CL, TE.TE, obs-fold, bare CR/LF, duplicate
// framing) taken from RFC 9112's security considerations and the published
// smuggling research: each must be refused with the right status, so that
// nothing ambiguous ever reaches a backend.

#include <http/request_reader.h>

#include <gtest/gtest.h>

#include <random>

namespace gw::http {

namespace {

struct Outcome {
    RequestReader::State state;
    int status = 0;
    std::size_t used = 0;
};

Outcome read(const std::string &bytes, Limits limits = {})
{
    RequestReader reader(limits);
    const std::size_t used = reader.feed(bytes);
    return {reader.state(), reader.errorStatus(), used};
}

struct Case {
    const char *name;
    std::string bytes;
    int status;
};

} // namespace

TEST(RequestReader, RefusesAmbiguousAndMalformedRequests)
{
    const std::string host = "Host: x\r\n";
    const std::vector<Case> corpus = {
        {"CL.TE", "POST / HTTP/1.1\r\n" + host + "Content-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nX",
         400},
        {"TE.CL",
         "POST / HTTP/1.1\r\n" + host +
             "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n8\r\nSMUGGLED\r\n0\r\n\r\n",
         400},
        {"conflicting CL", "POST / HTTP/1.1\r\n" + host + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400},
        {"repeated CL", "POST / HTTP/1.1\r\n" + host + "Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc", 400},
        {"CL list", "POST / HTTP/1.1\r\n" + host + "Content-Length: 3, 3\r\n\r\nabc", 400},
        {"CL sign", "POST / HTTP/1.1\r\n" + host + "Content-Length: +3\r\n\r\nabc", 400},
        {"CL hex", "POST / HTTP/1.1\r\n" + host + "Content-Length: 0x3\r\n\r\nabc", 400},
        {"TE gzip", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip\r\n\r\n", 400},
        {"TE gzip, chunked", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 400},
        {"TE chunked twice",
         "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
         400},
        {"TE obfuscated", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n", 400},
        {"TE with space before colon", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n",
         400},
        {"TE in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400},
        {"obs-fold", "GET / HTTP/1.1\r\n" + host + "X-A: one\r\n two\r\n\r\n", 400},
        {"obs-fold with tab", "GET / HTTP/1.1\r\n" + host + "X-A: one\r\n\ttwo\r\n\r\n", 400},
        {"space before first field", "GET / HTTP/1.1\r\n Host: x\r\n\r\n", 400},
        {"bare CR in a value", "GET / HTTP/1.1\r\n" + host + "X-A: a\rb\r\n\r\n", 400},
        {"bare LF line end", "GET / HTTP/1.1\n" + host + "\r\n", 400},
        {"NUL in a value", std::string("GET / HTTP/1.1\r\n") + host + "X-A: a" + std::string(1, '\0') + "b\r\n\r\n",
         400},
        {"no Host in 1.1", "GET / HTTP/1.1\r\n\r\n", 400},
        {"two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400},
        {"field without colon", "GET / HTTP/1.1\r\n" + host + "Bad Header\r\n\r\n", 400},
        {"space in field name", "GET / HTTP/1.1\r\n" + host + "Bad Name: x\r\n\r\n", 400},
        {"not HTTP", "NOT A REQUEST\r\n\r\n", 400},
        {"bad version", "GET / HTTP/2.7\r\n" + host + "\r\n", 400},
        {"bad chunk size", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\nzz\r\n", 400},
        {"chunk size overflow",
         "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n", 400},
        {"chunk without CRLF",
         "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n", 400},
    };
    for (const Case &c : corpus) {
        const Outcome outcome = read(c.bytes);
        EXPECT_EQ(outcome.state, RequestReader::State::Failed) << c.name;
        EXPECT_EQ(outcome.status, c.status) << c.name;
    }
}

TEST(RequestReader, EnforcesLimitsWithTheirStatus)
{
    Limits limits;
    limits.requestLineBytes = 64;
    limits.headBytes = 256;
    limits.headerCount = 5;
    limits.bodyBytes = 10;
    EXPECT_EQ(read("GET /" + std::string(100, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", limits).status, 414);
    EXPECT_EQ(read("GET /" + std::string(100, 'a'), limits).status, 414) << "known before the line ends";
    EXPECT_EQ(read("GET / HTTP/1.1\r\nHost: x\r\nX: " + std::string(300, 'a') + "\r\n\r\n", limits).status, 431);
    std::string many = "GET / HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 6; ++i)
        many += "X-" + std::to_string(i) + ": 1\r\n";
    EXPECT_EQ(read(many + "\r\n", limits).status, 431);
    EXPECT_EQ(read("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n", limits).status, 413)
        << "refused from the head, before any body arrives";
    EXPECT_EQ(
        read("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nb\r\nhello world\r\n0\r\n\r\n", limits)
            .status,
        413);
}

TEST(RequestReader, ReadsValidRequestsWhateverTheSlicing)
{
    const std::string pipeline =
        "\r\nPOST /a?x=1 HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello"
        "POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nTrailer-A: t\r\n\r\n"
        "GET /c HTTP/1.0\r\n\r\n";
    // Feed the same bytes in slices of every size: the result must not depend on how they arrive.
    for (std::size_t slice = 1; slice <= pipeline.size(); slice += (slice < 20 ? 1 : 37)) {
        RequestReader reader;
        std::string pending;
        std::vector<Request> requests;
        for (std::size_t at = 0; at < pipeline.size(); at += slice) {
            pending += pipeline.substr(at, slice);
            for (;;) {
                const std::size_t used = reader.feed(pending);
                pending.erase(0, used);
                if (reader.state() == RequestReader::State::Complete) {
                    requests.push_back(reader.take());
                    continue;
                }
                ASSERT_NE(reader.state(), RequestReader::State::Failed) << reader.errorMessage() << " slice " << slice;
                break;
            }
        }
        ASSERT_EQ(requests.size(), 3u) << "slice " << slice;
        EXPECT_EQ(requests[0].target, "/a?x=1");
        EXPECT_EQ(requests[0].path(), "/a");
        EXPECT_EQ(requests[0].query(), "x=1");
        EXPECT_EQ(requests[0].body, "hello");
        EXPECT_EQ(requests[1].body, "abcde");
        EXPECT_EQ(requests[2].method, "GET");
        EXPECT_EQ(requests[2].version, 10);
        EXPECT_FALSE(requests[2].keepAlive);
        EXPECT_TRUE(pending.empty());
    }
}

TEST(RequestReader, ReportsExpectContinueAfterTheHead)
{
    RequestReader reader;
    reader.feed("PUT /x HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
    EXPECT_EQ(reader.state(), RequestReader::State::ReadingBody);
    EXPECT_TRUE(reader.expectsContinue());
    reader.feed("ok");
    EXPECT_EQ(reader.state(), RequestReader::State::Complete);
    EXPECT_EQ(reader.take().body, "ok");
}

// Random bytes and random damage to valid requests: the reader never crashes,
// never consumes more than it was given, and always ends in a definite state.
TEST(RequestReader, SurvivesRandomInput)
{
    std::mt19937 random(42);
    const std::string valid = "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
    for (int i = 0; i < 20000; ++i) {
        std::string bytes = valid;
        const int edits = std::uniform_int_distribution<int>(1, 4)(random);
        for (int e = 0; e < edits; ++e)
            bytes[std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(random)] =
                static_cast<char>(std::uniform_int_distribution<int>(0, 255)(random));
        RequestReader reader;
        const std::size_t used = reader.feed(bytes);
        EXPECT_LE(used, bytes.size());
    }
}

} // namespace gw::http
