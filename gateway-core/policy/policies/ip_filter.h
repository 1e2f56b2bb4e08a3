#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

#include <array>
#include <optional>
#include <string_view>

namespace gw::policy {

// An IPv4 or IPv6 address as 16 bytes (IPv4 as ::ffff:a.b.c.d), so that ranges of both kinds compare the same way.
using IpAddress = std::array<unsigned char, 16>;
std::optional<IpAddress> parseIpAddress(std::string_view text);

// <ip-filter action="allow|forbid"><address>1.2.3.4</address><address-range from="..." to="..."/></ip-filter>
class IpFilterPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    struct Range {
        Template from; // an address alone has from == to
        Template to;
    };
    struct Config {
        Template action;
        std::vector<Range> ranges;
    };
    explicit IpFilterPolicy(Config config) : m_config(std::move(config)) {}

private:
    Config m_config;
};

} // namespace gw::policy
