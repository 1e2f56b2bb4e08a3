#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gw::http {

struct Header {
    std::string name;
    std::string value;
};

// Header fields in the order received; names compare without regard to case.
class Headers {
public:
    void add(std::string name, std::string value) { m_fields.push_back({std::move(name), std::move(value)}); }
    // The first value of `name`, when present.
    std::optional<std::string_view> get(std::string_view name) const;
    // All values of `name` joined with ", " (how repeated fields combine), or nullopt.
    std::optional<std::string> joined(std::string_view name) const;
    bool contains(std::string_view name) const { return get(name).has_value(); }
    void set(std::string name, std::string value); // replaces every field of that name
    void remove(std::string_view name);
    const std::vector<Header> &fields() const { return m_fields; }
    std::vector<Header> &fields() { return m_fields; }

private:
    std::vector<Header> m_fields;
};

// Inline: header lookups call it for every field, several times per request.
inline bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const char x = a[i], y = b[i];
        if (x != y && ((x | 0x20) != (y | 0x20) || (x | 0x20) < 'a' || (x | 0x20) > 'z'))
            return false;
    }
    return true;
}

// A client certificate a request presents to its backend over TLS (authentication-certificate). Connections made
// with one are pooled apart from the others, under its thumbprint.
struct ClientCertificate {
    std::string thumbprint; // names it in the pool and the per-thread TLS contexts
    std::string chainPem;   // the certificate then its chain
    std::string privateKeyPem;
};

// The part of a body that has not arrived yet, read piece by piece: a client's request body streamed to the backend,
// or a backend's response body streamed to the client, when no policy needs the whole of it.
//
// Threads: belongs to the I/O thread of the connection it reads from; read() and its callback run there. One read at
// a time. `data` is valid during the callback only. After `end` or `failed`, there is nothing more to read.
class BodyStream {
public:
    using Next = std::function<void(std::string_view data, bool end, bool failed)>;
    virtual ~BodyStream() = default;
    virtual void read(Next next) = 0;
    // The length announced by Content-Length; nullopt when the body is chunked (or ends with the connection).
    virtual std::optional<std::uint64_t> length() const = 0;
};

// Appends `data` as one chunk of a chunked body (nothing when it is empty), then the last chunk when `end`.
void appendChunk(std::string &out, std::string_view data, bool end);

// Reads the rest of `stream` into one string; `done` gets nullopt when the stream failed.
void readAll(std::shared_ptr<BodyStream> stream, std::function<void(std::optional<std::string>)> done);

struct Request {
    std::string method; // as sent: GET, POST, ...
    std::string target; // path and query, as sent
    int version = 11;   // 10 or 11
    Headers headers;
    std::string body;                       // the body; with bodyStream, what follows in the stream is not in it
    std::shared_ptr<BodyStream> bodyStream; // set when the body was still arriving when the request was handed over
    bool keepAlive = true;

    std::string_view path() const { return std::string_view(target).substr(0, target.find('?')); }
    std::string_view query() const
    {
        const auto mark = target.find('?');
        return mark == std::string::npos ? std::string_view() : std::string_view(target).substr(mark + 1);
    }
};

struct Response {
    int status = 200;
    Headers headers;
    std::string body;
    std::shared_ptr<BodyStream> bodyStream; // with it, the body is what the stream gives (body is empty)
};

// A gateway-made error in APIM's shape: application/json {"statusCode": N, "message": "..."}.
Response errorResponse(int status, std::string_view message);

// Hop-by-hop fields (RFC 9110 7.6.1): Connection and the fields it names, Keep-Alive,
// Proxy-Connection, TE, Trailer, Transfer-Encoding, Upgrade. Removed before a message is passed on.
void removeHopByHop(Headers &headers);

} // namespace gw::http
