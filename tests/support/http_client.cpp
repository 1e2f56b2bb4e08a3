#include "http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>

namespace gw::test {

Connection::Connection(std::uint16_t port)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_fd < 0)
        return;
    timeval timeout{5, 0};
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

Connection::~Connection()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool Connection::send(const std::string &bytes)
{
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(m_fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

bool Connection::fill()
{
    char chunk[4096];
    const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
    if (n <= 0)
        return false;
    m_buffer.append(chunk, static_cast<std::size_t>(n));
    return true;
}

bool Connection::waitFor(const std::string &text)
{
    while (m_buffer.find(text) == std::string::npos) {
        if (!fill())
            return false;
    }
    return true;
}

RawResponse Connection::read(bool headRequest)
{
    RawResponse response;
    std::size_t headEnd;
    while ((headEnd = m_buffer.find("\r\n\r\n")) == std::string::npos) {
        if (!fill())
            return response;
    }
    const std::string head = m_buffer.substr(0, headEnd);
    m_buffer.erase(0, headEnd + 4);

    std::size_t lineEnd = head.find("\r\n");
    const std::string statusLine = head.substr(0, lineEnd);
    response.status = std::stoi(statusLine.substr(statusLine.find(' ') + 1, 3));
    while (lineEnd != std::string::npos) {
        const std::size_t next = head.find("\r\n", lineEnd + 2);
        const std::string line =
            head.substr(lineEnd + 2, next == std::string::npos ? std::string::npos : next - lineEnd - 2);
        const std::size_t colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
            std::string value = line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(' '));
            response.headers[name] = value;
        }
        lineEnd = next;
    }
    if (headRequest)
        return response;
    if (auto it = response.headers.find("transfer-encoding"); it != response.headers.end() && it->second == "chunked") {
        // Chunks until the last one (no extensions, no trailers: what the servers under test send).
        while (true) {
            std::size_t lineEnd = m_buffer.find("\r\n");
            while (lineEnd == std::string::npos && fill())
                lineEnd = m_buffer.find("\r\n");
            if (lineEnd == std::string::npos)
                return response;
            const std::size_t size = std::stoul(m_buffer.substr(0, lineEnd), nullptr, 16);
            while (m_buffer.size() < lineEnd + 2 + size + 2 && fill()) {
            }
            if (m_buffer.size() < lineEnd + 2 + size + 2)
                return response;
            response.body += m_buffer.substr(lineEnd + 2, size);
            m_buffer.erase(0, lineEnd + 2 + size + 2);
            if (size == 0)
                return response;
        }
    }
    if (auto it = response.headers.find("content-length"); it != response.headers.end()) {
        const std::size_t length = std::stoul(it->second);
        while (m_buffer.size() < length && fill()) {
        }
        response.body = m_buffer.substr(0, length);
        m_buffer.erase(0, std::min(length, m_buffer.size()));
    } else {
        while (fill()) {
        }
        response.body = std::move(m_buffer);
        m_buffer.clear();
    }
    return response;
}

bool Connection::peerClosed()
{
    char byte;
    return ::recv(m_fd, &byte, 1, 0) == 0;
}

RawResponse get(std::uint16_t port, const std::string &target)
{
    Connection connection(port);
    if (!connection.isOpen())
        return {};
    connection.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    return connection.read();
}

} // namespace gw::test
