#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace gw::test {

struct RawResponse {
    int status = 0;                             // 0: no response (connection closed or timed out)
    std::map<std::string, std::string> headers; // lower-case names
    std::string body;
};

// One TCP connection to 127.0.0.1:port, blocking, with a receive timeout.
class Connection {
public:
    explicit Connection(std::uint16_t port);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool isOpen() const { return m_fd >= 0; }
    bool send(const std::string &bytes);
    // Reads one response (Content-Length, chunked, or until close); the response to HEAD has no body.
    RawResponse read(bool headRequest = false);
    // True when the peer closed the connection (reads return end of file).
    bool peerClosed();
    // Receives until `text` has arrived (false: closed or timed out first); what arrived stays for read().
    bool waitFor(const std::string &text);

private:
    bool fill();
    int m_fd = -1;
    std::string m_buffer;
};

// A GET over a new connection.
RawResponse get(std::uint16_t port, const std::string &target);

} // namespace gw::test
