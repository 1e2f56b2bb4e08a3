#pragma once

// Internal to gateway-core/http (it includes Beast): included by backend_client.cpp only.

#include <http/message.h>

#include <boost/beast/http/basic_parser.hpp>

#include <algorithm>
#include <cstdint>
#include <string>

namespace gw::http {

// Parses a backend's response straight into a Response: each field is copied once, into its final place, where
// beast's response_parser would first build its own field list for us to copy again.
class ResponseParser final : public boost::beast::http::basic_parser<false> {
public:
    Response &response() { return m_response; }

private:
    using string_view = boost::beast::string_view;
    using error_code = boost::beast::error_code;

    void on_request_impl(boost::beast::http::verb, string_view, string_view, int, error_code &) override {}
    void on_response_impl(int code, string_view, int, error_code &) override
    {
        m_response.status = code;
        m_response.headers.fields().reserve(16); // most responses have fewer: no regrowth while parsing
    }
    void on_field_impl(boost::beast::http::field, string_view name, string_view value, error_code &) override
    {
        m_response.headers.add(std::string(name), std::string(value));
    }
    void on_header_impl(error_code &) override {}
    void on_body_init_impl(const boost::optional<std::uint64_t> &length, error_code &) override
    {
        constexpr std::uint64_t kMaxReserve = 1 << 20; // a lying Content-Length must not allocate gigabytes up front
        if (length)
            m_response.body.reserve(static_cast<std::size_t>(std::min(*length, kMaxReserve)));
    }
    std::size_t on_body_impl(string_view body, error_code &) override { return append(body); }
    void on_chunk_header_impl(std::uint64_t, string_view, error_code &) override {}
    std::size_t on_chunk_body_impl(std::uint64_t, string_view body, error_code &) override { return append(body); }
    std::size_t append(string_view body)
    {
        m_response.body.append(body.data(), body.size());
        return body.size();
    }
    void on_finish_impl(error_code &) override {}

    Response m_response;
};

} // namespace gw::http
