#include "message.h"

#include <algorithm>
#include <charconv>

namespace gw::http {

namespace {

// The fields a proxy never forwards (RFC 9110 §7.6.1), compared by length first: this runs for every header of
// every request and response.
bool isHopByHop(std::string_view name)
{
    switch (name.size()) {
    case 2:
        return equalsIgnoringCase(name, "TE");
    case 7:
        return equalsIgnoringCase(name, "Trailer") || equalsIgnoringCase(name, "Upgrade");
    case 10:
        return equalsIgnoringCase(name, "Connection") || equalsIgnoringCase(name, "Keep-Alive");
    case 16:
        return equalsIgnoringCase(name, "Proxy-Connection");
    case 17:
        return equalsIgnoringCase(name, "Transfer-Encoding");
    default:
        return false;
    }
}

} // namespace

std::optional<std::string_view> Headers::get(std::string_view name) const
{
    for (const Header &field : m_fields) {
        if (equalsIgnoringCase(field.name, name))
            return field.value;
    }
    return std::nullopt;
}

std::optional<std::string> Headers::joined(std::string_view name) const
{
    std::optional<std::string> out;
    for (const Header &field : m_fields) {
        if (!equalsIgnoringCase(field.name, name))
            continue;
        if (out)
            *out += ", " + field.value;
        else
            out = field.value;
    }
    return out;
}

void Headers::set(std::string name, std::string value)
{
    remove(name);
    add(std::move(name), std::move(value));
}

void Headers::remove(std::string_view name)
{
    const auto matches = [&](const Header &field) { return equalsIgnoringCase(field.name, name); };
    const auto first = std::find_if(m_fields.begin(), m_fields.end(), matches);
    if (first != m_fields.end()) // most removals find nothing: then nothing moves
        m_fields.erase(std::remove_if(first, m_fields.end(), matches), m_fields.end());
}

Response errorResponse(int status, std::string_view message)
{
    Response response;
    response.status = status;
    response.headers.add("Content-Type", "application/json");
    // A JSON string: quotes, backslashes and control characters escaped (messages may span lines).
    std::string escaped;
    for (const char c : message) {
        if (c == '"' || c == '\\') {
            escaped += '\\';
            escaped += c;
        } else if (c == '\n') {
            escaped += "\\n";
        } else if (c == '\r') {
            escaped += "\\r";
        } else if (c == '\t') {
            escaped += "\\t";
        } else if (static_cast<unsigned char>(c) < 0x20) {
            static constexpr char hex[] = "0123456789abcdef";
            escaped += "\\u00";
            escaped += hex[(c >> 4) & 0xf];
            escaped += hex[c & 0xf];
        } else {
            escaped += c;
        }
    }
    response.body = "{\"statusCode\": " + std::to_string(status) + ", \"message\": \"" + escaped + "\"}";
    return response;
}

void removeHopByHop(Headers &headers)
{
    // Fields named by Connection are hop-by-hop too.
    if (auto connection = headers.joined("Connection")) {
        std::string_view rest = *connection;
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            std::string_view token = rest.substr(0, comma);
            while (!token.empty() && (token.front() == ' ' || token.front() == '\t'))
                token.remove_prefix(1);
            while (!token.empty() && (token.back() == ' ' || token.back() == '\t'))
                token.remove_suffix(1);
            if (!token.empty())
                headers.remove(token);
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
    }
    std::erase_if(headers.fields(), [](const Header &field) { return isHopByHop(field.name); });
}

void appendChunk(std::string &out, std::string_view data, bool end)
{
    if (!data.empty()) {
        char size[20];
        const auto [ptr, ec] = std::to_chars(size, size + sizeof size, data.size(), 16);
        out.append(size, ptr);
        out += "\r\n";
        out.append(data);
        out += "\r\n";
    }
    if (end)
        out += "0\r\n\r\n";
}

void readAll(std::shared_ptr<BodyStream> stream, std::function<void(std::optional<std::string>)> done)
{
    struct Reader : std::enable_shared_from_this<Reader> {
        std::shared_ptr<BodyStream> stream;
        std::function<void(std::optional<std::string>)> done;
        std::string body;
        void next()
        {
            stream->read([self = shared_from_this()](std::string_view data, bool end, bool failed) {
                if (failed)
                    return self->done(std::nullopt);
                self->body.append(data);
                if (end)
                    return self->done(std::move(self->body));
                self->next();
            });
        }
    };
    auto reader = std::make_shared<Reader>();
    reader->stream = std::move(stream);
    reader->done = std::move(done);
    if (auto length = reader->stream->length())
        reader->body.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(*length, 64 * 1024 * 1024)));
    reader->next();
}

} // namespace gw::http
