#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

#include <string>
#include <vector>

namespace gw::policy {

// <cors allow-credentials="false" terminate-unmatched-request="false"> allowed-origins, allowed-methods,
// allowed-headers, expose-headers </cors>: answers preflights itself and adds Access-Control-* headers to the
// responses of allowed origins.
class CorsPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    struct Config {
        Template allowCredentials;
        bool terminateUnmatched = false;
        std::vector<std::string> origins; // normalised "scheme://host:port", or "*"
        std::vector<std::string> methods; // upper case, or "*"
        std::vector<std::string> headers; // as written, or "*"
        std::vector<std::string> exposeHeaders;
        long maxAge = 0;
    };
    explicit CorsPolicy(Config config) : m_config(std::move(config)) {}

private:
    Flow preflight(Run &run, const std::string &origin, bool credentials) const;
    bool originAllowed(const std::string &origin) const;
    bool methodAllowed(std::string_view method) const;
    bool headerAllowed(std::string_view header) const;

    Config m_config;
};

} // namespace gw::policy
