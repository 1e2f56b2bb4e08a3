#pragma once

#include <http/message.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace gw::http {

struct Limits {
    std::size_t requestLineBytes = 8 * 1024;  // longer: 414
    std::size_t headBytes = 32 * 1024;        // request line and fields together; more: 431
    std::size_t headerCount = 100;            // more fields: 431
    std::size_t bodyBytes = 64 * 1024 * 1024; // larger: 413
};

// Turns the bytes of a connection into requests, strictly (RFC 9112): anything
// ambiguous is an error with the status to answer, and the connection must then
// be closed. Rejected: both Content-Length and Transfer-Encoding, conflicting
// or malformed Content-Lengths, a Transfer-Encoding other than "chunked",
// obs-fold, bare CR or LF, NUL, a missing or repeated Host in HTTP/1.1, a
// malformed chunk. No I/O: the caller feeds what it received and keeps the
// bytes that were not consumed (they belong to the next request).
class RequestReader {
public:
    enum class State {
        ReadingHead, // more bytes needed for the request line and fields
        ReadingBody, // the head is complete; more bytes needed for the body
        Complete,    // take() the request
        Failed,      // answer errorStatus() and close
    };

    explicit RequestReader(Limits limits = {});
    ~RequestReader();
    RequestReader(RequestReader &&) noexcept;
    RequestReader &operator=(RequestReader &&) noexcept;

    // Consumes bytes of the current request and returns how many it used.
    std::size_t feed(std::string_view bytes);

    State state() const { return m_state; }
    bool hasStarted() const { return m_started; }             // some bytes of this request have arrived
    bool expectsContinue() const { return m_expectContinue; } // head says "Expect: 100-continue"
    int errorStatus() const { return m_errorStatus; }         // 400, 413, 414 or 431 when Failed
    const std::string &errorMessage() const { return m_errorMessage; }

    // The complete request; the reader is then ready for the next one on the connection.
    Request take();

    // Streaming the body instead: once the head is complete (ReadingBody), head() gives the request without a body
    // and drainBody() hands over the body bytes framed so far (chunk framing removed), each byte once. When the
    // state is Complete and the last bytes were drained, take() resets the reader for the next request.
    Request head() const;
    std::string drainBody();
    std::optional<std::uint64_t> declaredLength() const; // Content-Length; nullopt for a chunked body

private:
    void fail(int status, std::string message);
    std::size_t feedHead(std::string_view bytes);
    std::size_t feedBody(std::string_view bytes);
    void startBody();

    std::size_t feedChunked(std::string_view bytes);

    // The head is parsed by Beast; the body is framed here (Content-Length, or
    // chunked coding with a strict grammar), so that bytes can arrive in any slices.
    enum class Chunk { SizeLine, Data, DataEnd, Trailers };
    struct Parser;
    Limits m_limits;
    std::unique_ptr<Parser> m_parser;
    State m_state = State::ReadingHead;
    std::string m_head;
    std::string m_body;
    std::uint64_t m_bodyBytes = 0; // of this request so far, drained or not: what the size limit counts
    bool m_chunked = false;
    std::uint64_t m_remaining = 0; // Content-Length bytes still to come, or of the current chunk
    Chunk m_chunk = Chunk::SizeLine;
    std::string m_line; // an incomplete chunk-size or trailer line
    std::size_t m_trailerBytes = 0;
    bool m_started = false;
    bool m_expectContinue = false;
    int m_errorStatus = 0;
    std::string m_errorMessage;
};

} // namespace gw::http
