#include "cors.h"

#include <common/text.h>
#include <http/message.h>
#include <policy/run.h>

#include <algorithm>
#include <charconv>

namespace gw::policy {

namespace {

// "HTTPS://Example.com" and "https://example.com:443" are the same origin: lower-case scheme and host, explicit
// port. nullopt when the text is not scheme://host[:port].
std::optional<std::string> normaliseOrigin(std::string_view text)
{
    const auto separator = text.find("://");
    if (separator == std::string_view::npos || separator == 0)
        return std::nullopt;
    std::string scheme = lowerAscii(text.substr(0, separator));
    std::string_view rest = text.substr(separator + 3);
    if (!rest.empty() && rest.back() == '/')
        rest.remove_suffix(1);
    if (rest.empty() || rest.find_first_of("/?#@ ") != std::string_view::npos)
        return std::nullopt;
    std::string_view host = rest;
    std::string_view port;
    const auto colon = rest.rfind(':');
    if (colon != std::string_view::npos && rest.find(']', colon) == std::string_view::npos) {
        host = rest.substr(0, colon);
        port = rest.substr(colon + 1);
        unsigned number = 0;
        const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), number);
        if (error != std::errc() || end != port.data() + port.size() || number == 0 || number > 65535)
            return std::nullopt;
    }
    if (host.empty())
        return std::nullopt;
    if (port.empty())
        port = scheme == "https" ? "443" : scheme == "http" ? "80" : "";
    return scheme + "://" + lowerAscii(host) + (port.empty() ? "" : ":" + std::string(port));
}

std::vector<std::string> childTexts(const Element *parent, Compiler &compiler)
{
    std::vector<std::string> texts;
    if (!parent)
        return texts;
    for (const Element &child : parent->children) {
        std::string text(trimSpace(compiler.text(child).text()));
        if (!text.empty())
            texts.push_back(std::move(text));
    }
    return texts;
}

const Element *child(const Element &element, std::string_view name)
{
    const auto found = std::find_if(element.children.begin(), element.children.end(),
                                    [name](const Element &child) { return child.name == name; });
    return found == element.children.end() ? nullptr : &*found;
}

bool contains(const std::vector<std::string> &list, std::string_view value)
{
    return std::any_of(list.begin(), list.end(), [value](const std::string &item) {
        return item == "*" || http::equalsIgnoringCase(item, value);
    });
}

std::string joined(const std::vector<std::string> &values)
{
    std::string text;
    for (const std::string &value : values)
        text += (text.empty() ? "" : ",") + value;
    return text;
}

} // namespace

PolicyDescription CorsPolicy::describe()
{
    return {
        .name = "cors",
        .sections = Inbound,
        .help = "Cross-origin resource sharing: answers browser preflights (OPTIONS) and adds Access-Control-* "
                "headers for the allowed origins. Put it first in inbound.",
        .attributes = {{.name = "allow-credentials",
                        .type = AttributeType::Boolean,
                        .defaultValue = "false",
                        .help = "Access-Control-Allow-Credentials: true (not with the origin *)."},
                       {.name = "terminate-unmatched-request",
                        .type = AttributeType::Boolean,
                        .expressions = false,
                        .defaultValue = "false",
                        .help = "Answer an empty 200 to requests from origins that are not allowed (simple GET and "
                                "HEAD; preflights always get it)."}},
        .children =
            {{.name = "allowed-origins", .required = true, .help = "origin elements: * or scheme://host[:port]."},
             {.name = "allowed-methods",
              .help = "method elements (* for all; without the element: GET and POST); attribute "
                      "preflight-result-max-age in seconds."},
             {.name = "allowed-headers", .required = true, .help = "header elements a request may send (* for all)."},
             {.name = "expose-headers", .help = "header elements the browser may read."}},
    };
}

std::shared_ptr<const Policy> CorsPolicy::create(const Element &element, Compiler &compiler)
{
    Config config;
    config.allowCredentials = compiler.attribute(element, "allow-credentials").value_or(Template::literal("false"));
    config.terminateUnmatched = compiler.literal(element, "terminate-unmatched-request") == "true";
    bool valid = true;
    if (const Element *origins = child(element, "allowed-origins")) {
        for (const Element &origin : origins->children) {
            const std::string text(trimSpace(compiler.text(origin).text()));
            if (text == "*") {
                config.origins.push_back(text);
            } else if (auto normalised = normaliseOrigin(text)) {
                config.origins.push_back(std::move(*normalised));
            } else {
                compiler.error(origin.range, "'" + text + "' is not an origin: write * or scheme://host[:port]");
                valid = false;
            }
        }
    }
    if (config.origins.empty() && valid) {
        compiler.error(element.range, "cors needs at least one allowed-origins/origin");
        valid = false;
    }
    const bool wildcard = std::find(config.origins.begin(), config.origins.end(), "*") != config.origins.end();
    if (wildcard && config.allowCredentials.isLiteral() && config.allowCredentials.text() == "true") {
        compiler.error(element.range, "allow-credentials=\"true\" cannot be used with the origin * (browsers refuse "
                                      "it): list the origins");
        valid = false;
    }
    if (const Element *methods = child(element, "allowed-methods")) {
        for (std::string &method : childTexts(methods, compiler))
            config.methods.push_back(upperAscii(method));
        if (const Attribute *maxAge = methods->attribute("preflight-result-max-age")) {
            const auto value = compiler.attribute(*methods, "preflight-result-max-age");
            const std::string text = value && value->isLiteral() ? value->text() : std::string("-");
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), config.maxAge);
            if (error != std::errc() || end != text.data() + text.size() || config.maxAge < 0) {
                compiler.error(maxAge->valueRange, "preflight-result-max-age is a number of seconds");
                valid = false;
            }
        }
    } else {
        config.methods = {"GET", "POST"};
    }
    config.headers = childTexts(child(element, "allowed-headers"), compiler);
    config.exposeHeaders = childTexts(child(element, "expose-headers"), compiler);
    if (!valid)
        return nullptr;
    return std::make_shared<CorsPolicy>(std::move(config));
}

bool CorsPolicy::originAllowed(const std::string &origin) const
{
    const auto normalised = normaliseOrigin(origin);
    return std::any_of(m_config.origins.begin(), m_config.origins.end(), [&](const std::string &allowed) {
        return allowed == "*" || (normalised && allowed == *normalised);
    });
}

bool CorsPolicy::methodAllowed(std::string_view method) const
{
    return contains(m_config.methods, method);
}

bool CorsPolicy::headerAllowed(std::string_view header) const
{
    return contains(m_config.headers, header);
}

Flow CorsPolicy::apply(Run &run) const
{
    const expr::RequestState &request = run.context().request;
    const auto origin = request.headers.get("Origin");
    if (!origin)
        return Flow::Continue; // not a cross-origin request
    auto credentials = run.boolean(m_config.allowCredentials);
    if (!credentials)
        return Flow::Fail;
    const std::string originText(*origin);
    // An operation that defines OPTIONS itself handles its preflights.
    const bool preflightOperation = run.context().operation && run.context().operation->method == "OPTIONS";
    if (request.method == "OPTIONS" && request.headers.contains("Access-Control-Request-Method") && !preflightOperation)
        return preflight(run, originText, *credentials);

    if (!originAllowed(originText) || !methodAllowed(request.method)) {
        if (m_config.terminateUnmatched && (request.method == "GET" || request.method == "HEAD")) {
            run.context().response = expr::ResponseState{};
            run.context().response.body = std::string();
            run.note("origin " + originText + " not allowed: empty 200");
            return Flow::Respond;
        }
        run.note("origin " + originText + " not allowed: no CORS headers");
        return Flow::Continue;
    }
    const bool wildcard =
        !*credentials && std::find(m_config.origins.begin(), m_config.origins.end(), "*") != m_config.origins.end();
    const std::string allowOrigin = wildcard ? "*" : originText;
    const bool allowCredentials = *credentials;
    run.note("origin " + originText + " allowed");
    run.atEnd([this, allowOrigin, allowCredentials](Run &finished) {
        http::Headers &headers = finished.context().response.headers;
        headers.set("Access-Control-Allow-Origin", allowOrigin);
        if (allowCredentials)
            headers.set("Access-Control-Allow-Credentials", "true");
        if (!m_config.exposeHeaders.empty())
            headers.set("Access-Control-Expose-Headers", joined(m_config.exposeHeaders));
        if (allowOrigin != "*")
            headers.add("Vary", "Origin");
    });
    return Flow::Continue;
}

Flow CorsPolicy::preflight(Run &run, const std::string &origin, bool credentials) const
{
    const http::Headers &request = run.context().request.headers;
    const std::string method(request.get("Access-Control-Request-Method").value_or(""));
    std::vector<std::string> requestedHeaders;
    if (auto list = request.joined("Access-Control-Request-Headers")) {
        std::string_view rest = *list;
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            const std::string_view name = trimSpace(rest.substr(0, comma));
            if (!name.empty())
                requestedHeaders.emplace_back(name);
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
    }
    expr::ResponseState response;
    response.body = std::string();
    const bool matched = originAllowed(origin) && methodAllowed(method) &&
                         std::all_of(requestedHeaders.begin(), requestedHeaders.end(),
                                     [this](const std::string &header) { return headerAllowed(header); });
    if (matched) {
        const bool wildcard =
            !credentials && std::find(m_config.origins.begin(), m_config.origins.end(), "*") != m_config.origins.end();
        response.headers.set("Access-Control-Allow-Origin", wildcard ? "*" : origin);
        if (credentials)
            response.headers.set("Access-Control-Allow-Credentials", "true");
        response.headers.set("Access-Control-Allow-Methods", method);
        if (!requestedHeaders.empty())
            response.headers.set("Access-Control-Allow-Headers", joined(requestedHeaders));
        if (m_config.maxAge > 0)
            response.headers.set("Access-Control-Max-Age", std::to_string(m_config.maxAge));
        if (!wildcard)
            response.headers.set("Vary", "Origin");
    }
    run.note(matched ? "preflight from " + origin + " for " + method + " allowed"
                     : "preflight from " + origin + " for " + method + " not allowed: empty 200");
    run.context().response = std::move(response);
    return Flow::Respond;
}

} // namespace gw::policy
