#include "request_reader.h"

#include <boost/beast/http.hpp>

#include <algorithm>
#include <cctype>
#include <utility>

namespace bhttp = boost::beast::http;

namespace gw::http {

struct RequestReader::Parser {
    bhttp::request_parser<bhttp::string_body> parser;
};

namespace {

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool isDigits(std::string_view text)
{
    return !text.empty() && text.size() <= 18 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

RequestReader::RequestReader(Limits limits) : m_limits(limits), m_parser(std::make_unique<Parser>())
{
    m_parser->parser.eager(true);
    m_parser->parser.header_limit(static_cast<std::uint32_t>(m_limits.headBytes + 4));
    m_parser->parser.body_limit(m_limits.bodyBytes);
}

RequestReader::~RequestReader() = default;
RequestReader::RequestReader(RequestReader &&) noexcept = default;
RequestReader &RequestReader::operator=(RequestReader &&) noexcept = default;

void RequestReader::fail(int status, std::string message)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorMessage = std::move(message);
}

std::size_t RequestReader::feed(std::string_view bytes)
{
    std::size_t used = 0;
    if (m_state == State::ReadingHead)
        used = feedHead(bytes);
    // The body may have arrived with the head.
    if (m_state == State::ReadingBody && used < bytes.size())
        used += feedBody(bytes.substr(used));
    return used;
}

std::size_t RequestReader::feedHead(std::string_view bytes)
{
    std::size_t used = 0;
    // Empty lines before a request line are ignored (RFC 9112 2.2).
    while (m_head.empty() && used < bytes.size() && (bytes[used] == '\r' || bytes[used] == '\n'))
        ++used;
    if (used < bytes.size())
        m_started = true;

    const std::size_t searchFrom = m_head.size() >= 3 ? m_head.size() - 3 : 0;
    const std::size_t before = m_head.size();
    m_head.append(bytes.substr(used));
    const std::size_t end = m_head.find("\r\n\r\n", searchFrom);
    if (end == std::string::npos) {
        used = bytes.size();
        if (m_head.find('\n') == std::string::npos && m_head.size() > m_limits.requestLineBytes)
            fail(414, "URI too long");
        else if (m_head.size() > m_limits.headBytes)
            fail(431, "Request header fields too large");
        return used;
    }
    const std::size_t headSize = end + 4;
    used += headSize - before;
    m_head.resize(headSize);

    // The raw head, before a parser forgives anything.
    const std::size_t lineEnd = m_head.find("\r\n");
    if (lineEnd > m_limits.requestLineBytes)
        return fail(414, "URI too long"), used;
    if (m_head.size() > m_limits.headBytes)
        return fail(431, "Request header fields too large"), used;
    std::size_t fields = 0;
    for (std::size_t i = 0; i < m_head.size(); ++i) {
        const char c = m_head[i];
        if (c == '\0')
            return fail(400, "NUL in the request head"), used;
        if (c == '\r' && (i + 1 >= m_head.size() || m_head[i + 1] != '\n'))
            return fail(400, "bare CR in the request head"), used;
        if (c == '\n' && (i == 0 || m_head[i - 1] != '\r'))
            return fail(400, "bare LF in the request head"), used;
        if (c == '\n' && i + 1 < m_head.size() && i > lineEnd) {
            const char next = m_head[i + 1];
            if (next == ' ' || next == '\t')
                return fail(400, "obsolete line folding"), used;
        }
        if (c == '\n' && i > lineEnd + 1)
            ++fields;
    }
    if (lineEnd + 2 < m_head.size() && (m_head[lineEnd + 2] == ' ' || m_head[lineEnd + 2] == '\t'))
        return fail(400, "whitespace before the first field"), used;
    if (fields > m_limits.headerCount + 1)
        return fail(431, "Request header fields too large"), used;

    boost::system::error_code ec;
    m_parser->parser.put(boost::asio::buffer(m_head), ec);
    if (ec == bhttp::error::body_limit)
        return fail(413, "Request entity too large"), used;
    if (ec || !m_parser->parser.is_header_done())
        return fail(400, "Bad request"), used;
    startBody();
    return used;
}

void RequestReader::startBody()
{
    const auto &message = m_parser->parser.get();
    int contentLengths = 0;
    int transferEncodings = 0;
    int hosts = 0;
    std::string_view transferEncoding;
    for (const auto &field : message) {
        const std::string_view name(field.name_string().data(), field.name_string().size());
        const std::string_view value = trim({field.value().data(), field.value().size()});
        if (equalsIgnoringCase(name, "Content-Length")) {
            ++contentLengths;
            if (!isDigits(value))
                return fail(400, "malformed Content-Length");
        } else if (equalsIgnoringCase(name, "Transfer-Encoding")) {
            ++transferEncodings;
            transferEncoding = value;
        } else if (equalsIgnoringCase(name, "Host")) {
            ++hosts;
        }
    }
    if (contentLengths > 1)
        return fail(400, "more than one Content-Length");
    if (transferEncodings > 0 && contentLengths > 0)
        return fail(400, "both Content-Length and Transfer-Encoding");
    if (transferEncodings > 1 || (transferEncodings == 1 && !equalsIgnoringCase(transferEncoding, "chunked")))
        return fail(400, "unsupported Transfer-Encoding");
    if (transferEncodings == 1 && message.version() < 11)
        return fail(400, "Transfer-Encoding in an HTTP/1.0 request");
    if (message.version() >= 11 ? hosts != 1 : hosts > 1)
        return fail(400, hosts == 0 ? "missing Host" : "more than one Host");
    if (auto length = m_parser->parser.content_length(); length && *length > m_limits.bodyBytes)
        return fail(413, "Request entity too large");

    if (auto expect = message.find(bhttp::field::expect); expect != message.end())
        m_expectContinue = equalsIgnoringCase(trim({expect->value().data(), expect->value().size()}), "100-continue");
    m_chunked = transferEncodings == 1;
    m_remaining = m_parser->parser.content_length().value_or(0);
    m_state = m_chunked || m_remaining > 0 ? State::ReadingBody : State::Complete;
    // Grow with what arrives: a head alone must not make us allocate its whole announced length.
    if (m_remaining > 0)
        m_body.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(m_remaining, 64 * 1024)));
}

std::size_t RequestReader::feedBody(std::string_view bytes)
{
    if (m_chunked)
        return feedChunked(bytes);
    const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(m_remaining, bytes.size()));
    m_body.append(bytes.data(), take);
    m_bodyBytes += take;
    m_remaining -= take;
    if (m_remaining == 0)
        m_state = State::Complete;
    return take;
}

// chunked-body = *chunk last-chunk trailer-section CRLF (RFC 9112 7.1), strictly:
// CRLF line ends only, hex sizes of at most 16 digits, extensions without control characters.
std::size_t RequestReader::feedChunked(std::string_view bytes)
{
    std::size_t used = 0;
    while (used < bytes.size() && m_state == State::ReadingBody) {
        switch (m_chunk) {
        case Chunk::SizeLine:
        case Chunk::Trailers: {
            const std::size_t lf = bytes.find('\n', used);
            const std::size_t end = lf == std::string_view::npos ? bytes.size() : lf + 1;
            m_line.append(bytes.substr(used, end - used));
            used = end;
            const std::size_t limit = m_chunk == Chunk::SizeLine ? 1024 : m_limits.headBytes;
            if (m_line.size() > limit || (m_chunk == Chunk::Trailers && m_trailerBytes + m_line.size() > limit))
                return fail(m_chunk == Chunk::SizeLine ? 400 : 431, "chunk line too long"), used;
            if (lf == std::string_view::npos)
                return used; // the line goes on in the next bytes
            if (m_line.size() < 2 || m_line[m_line.size() - 2] != '\r')
                return fail(400, "bare LF in chunked body"), used;
            const std::string_view line(m_line.data(), m_line.size() - 2);
            if (line.find('\r') != std::string_view::npos || line.find('\0') != std::string_view::npos)
                return fail(400, "bare CR in chunked body"), used;
            if (m_chunk == Chunk::Trailers) {
                m_trailerBytes += m_line.size();
                if (line.empty()) {
                    m_state = State::Complete;
                } else if (line.front() == ' ' || line.front() == '\t' || line.find(':') == std::string_view::npos) {
                    return fail(400, "malformed trailer field"), used;
                }
                m_line.clear();
                continue;
            }
            // chunk-size [ chunk-ext ]
            std::size_t digits = 0;
            std::uint64_t size = 0;
            while (digits < line.size() && std::isxdigit(static_cast<unsigned char>(line[digits]))) {
                const char c = line[digits];
                size = size * 16 + static_cast<std::uint64_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
                ++digits;
            }
            if (digits == 0 || digits > 16)
                return fail(400, "malformed chunk size"), used;
            std::string_view extension = line.substr(digits);
            while (!extension.empty() && (extension.front() == ' ' || extension.front() == '\t'))
                extension.remove_prefix(1);
            if (!extension.empty() && extension.front() != ';')
                return fail(400, "malformed chunk extension"), used;
            for (char c : extension) {
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t')
                    return fail(400, "malformed chunk extension"), used;
            }
            m_line.clear();
            if (size > m_limits.bodyBytes - m_bodyBytes)
                return fail(413, "Request entity too large"), used;
            m_remaining = size;
            m_chunk = size == 0 ? Chunk::Trailers : Chunk::Data;
            break;
        }
        case Chunk::Data: {
            const std::size_t take =
                static_cast<std::size_t>(std::min<std::uint64_t>(m_remaining, bytes.size() - used));
            m_body.append(bytes.data() + used, take);
            m_bodyBytes += take;
            used += take;
            m_remaining -= take;
            if (m_remaining == 0)
                m_chunk = Chunk::DataEnd;
            break;
        }
        case Chunk::DataEnd: {
            // The CRLF after the chunk's data, possibly split across feeds.
            m_line += bytes[used++];
            if (m_line == "\r")
                break;
            if (m_line != "\r\n")
                return fail(400, "chunk data not followed by CRLF"), used;
            m_line.clear();
            m_chunk = Chunk::SizeLine;
            break;
        }
        }
    }
    return used;
}

Request RequestReader::head() const
{
    const auto &message = m_parser->parser.get();
    Request request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    request.version = static_cast<int>(message.version());
    for (const auto &field : message)
        request.headers.add(std::string(field.name_string()),
                            std::string(trim({field.value().data(), field.value().size()})));
    request.keepAlive = message.keep_alive();
    return request;
}

Request RequestReader::take()
{
    Request request = head();
    request.body = std::move(m_body);
    *this = RequestReader(m_limits);
    return request;
}

std::string RequestReader::drainBody()
{
    return std::exchange(m_body, std::string());
}

std::optional<std::uint64_t> RequestReader::declaredLength() const
{
    if (m_chunked)
        return std::nullopt;
    return m_parser->parser.content_length().value_or(0);
}

} // namespace gw::http
