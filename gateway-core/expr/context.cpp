#include <expr/context.h>

#include <common/text.h>

namespace gw::expr {

namespace {

std::string encodeComponent(std::string_view text)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

int defaultPort(std::string_view scheme)
{
    return scheme == "https" ? 443 : 80;
}

} // namespace

Url Url::parse(std::string_view absoluteUrl)
{
    Url url;
    std::string_view rest = absoluteUrl;
    const auto schemeEnd = rest.find("://");
    if (schemeEnd != std::string_view::npos) {
        url.scheme.assign(rest.substr(0, schemeEnd));
        for (char &c : url.scheme)
            c = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        rest.remove_prefix(schemeEnd + 3);
    }
    url.port = defaultPort(url.scheme);
    // A plain loop: string_view::find_first_of calls memchr once per character.
    std::size_t pathStart = 0;
    while (pathStart < rest.size() && rest[pathStart] != '/' && rest[pathStart] != '?' && rest[pathStart] != '#')
        ++pathStart;
    if (pathStart == rest.size())
        pathStart = std::string_view::npos;
    std::string_view authority = rest.substr(0, pathStart);
    rest = pathStart == std::string_view::npos ? std::string_view() : rest.substr(pathStart);
    const auto at = authority.rfind('@');
    if (at != std::string_view::npos) {
        authority.remove_prefix(at + 1);
    }
    const auto colon = authority.rfind(':');
    const auto bracket = authority.rfind(']');
    if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
        int port = 0;
        bool digits = colon + 1 < authority.size();
        for (char c : authority.substr(colon + 1)) {
            if (c < '0' || c > '9' || port > 65535) {
                digits = false;
                break;
            }
            port = port * 10 + (c - '0');
        }
        if (digits) {
            url.port = port;
        }
        authority = authority.substr(0, colon);
    }
    url.host = std::string(authority);
    const auto fragment = rest.find('#');
    if (fragment != std::string_view::npos) {
        rest = rest.substr(0, fragment);
    }
    const auto query = rest.find('?');
    url.path = std::string(rest.substr(0, query));
    if (url.path.empty()) {
        url.path = "/";
    }
    if (query != std::string_view::npos) {
        std::string_view q = rest.substr(query + 1);
        while (!q.empty()) {
            const auto amp = q.find('&');
            const std::string_view pair = q.substr(0, amp);
            if (!pair.empty()) {
                const auto eq = pair.find('=');
                url.query.emplace_back(decodeQueryComponent(pair.substr(0, eq)),
                                       eq == std::string_view::npos ? std::string()
                                                                    : decodeQueryComponent(pair.substr(eq + 1)));
            }
            if (amp == std::string_view::npos) {
                break;
            }
            q.remove_prefix(amp + 1);
        }
    }
    return url;
}

std::string Url::queryString() const
{
    if (query.empty()) {
        return {};
    }
    std::string out = "?";
    for (std::size_t i = 0; i < query.size(); ++i) {
        if (i > 0) {
            out += '&';
        }
        out += encodeComponent(query[i].first);
        out += '=';
        out += encodeComponent(query[i].second);
    }
    return out;
}

std::string Url::toString() const
{
    std::string out = scheme + "://" + host;
    if (port != defaultPort(scheme)) {
        out += ':' + std::to_string(port);
    }
    out += path.empty() ? "/" : path;
    out += queryString();
    return out;
}

} // namespace gw::expr
