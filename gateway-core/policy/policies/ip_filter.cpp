#include "ip_filter.h"

#include <policy/run.h>

#include <arpa/inet.h>

namespace gw::policy {

std::optional<IpAddress> parseIpAddress(std::string_view text)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    if (text.size() > 2 && text.front() == '[' && text.back() == ']') // "[::1]", as in a Host header
        text = text.substr(1, text.size() - 2);
    if (text.empty() || text.size() >= INET6_ADDRSTRLEN)
        return std::nullopt;
    char buffer[INET6_ADDRSTRLEN];
    text.copy(buffer, text.size());
    buffer[text.size()] = '\0';
    IpAddress address{};
    if (inet_pton(AF_INET, buffer, address.data() + 12) == 1) {
        address[10] = address[11] = 0xff;
        return address;
    }
    if (inet_pton(AF_INET6, buffer, address.data()) == 1)
        return address;
    return std::nullopt;
}

PolicyDescription IpFilterPolicy::describe()
{
    return {
        .name = "ip-filter",
        .sections = Inbound,
        .help = "Lets through (allow) or rejects (forbid) callers by IP address, IPv4 or IPv6.",
        .attributes = {{.name = "action",
                        .type = AttributeType::Choice,
                        .required = true,
                        .choices = {"allow", "forbid"},
                        .help = "allow: only the listed addresses pass; forbid: the listed addresses are rejected."}},
        .children = {{.name = "address", .repeated = true, .help = "One address."},
                     {.name = "address-range",
                      .repeated = true,
                      .help = "Addresses from `from` to `to`, both included (same family)."}},
    };
}

namespace {

// A literal address is checked where it is written; an expression is checked when it runs.
bool checkLiteral(const Template &value, const SourceRange &range, Compiler &compiler)
{
    if (!value.isLiteral() || parseIpAddress(value.text()))
        return true;
    compiler.error(range, "'" + value.text() + "' is not an IPv4 or IPv6 address");
    return false;
}

} // namespace

std::shared_ptr<const Policy> IpFilterPolicy::create(const Element &element, Compiler &compiler)
{
    Config config;
    auto action = compiler.attribute(element, "action");
    if (!action)
        return nullptr;
    config.action = std::move(*action);
    bool valid = true;
    for (const Element &child : element.children) {
        if (child.name == "address") {
            Template address = compiler.text(child);
            valid = checkLiteral(address, child.range, compiler) && valid;
            config.ranges.push_back({address, address});
            continue;
        }
        const Attribute *fromAttribute = child.attribute("from");
        const Attribute *toAttribute = child.attribute("to");
        if (!fromAttribute || !toAttribute) {
            compiler.error(child.range, "address-range needs both 'from' and 'to'");
            valid = false;
            continue;
        }
        auto from = compiler.attribute(child, "from");
        auto to = compiler.attribute(child, "to");
        if (!from || !to)
            return nullptr;
        const bool fromValid = checkLiteral(*from, fromAttribute->valueRange, compiler);
        const bool toValid = checkLiteral(*to, toAttribute->valueRange, compiler);
        valid = valid && fromValid && toValid;
        if (fromValid && toValid && from->isLiteral() && to->isLiteral() &&
            *parseIpAddress(from->text()) > *parseIpAddress(to->text())) {
            compiler.error(child.range, "address-range goes from " + from->text() + " down to " + to->text());
            valid = false;
        }
        config.ranges.push_back({std::move(*from), std::move(*to)});
    }
    if (config.ranges.empty()) {
        compiler.error(element.range, "ip-filter needs at least one address or address-range");
        return nullptr;
    }
    if (!valid)
        return nullptr;
    return std::make_shared<IpFilterPolicy>(std::move(config));
}

Flow IpFilterPolicy::apply(Run &run) const
{
    auto action = run.text(m_config.action);
    if (!action)
        return Flow::Fail;
    if (*action != "allow" && *action != "forbid")
        return run.fail("ExpressionValueEvaluationFailure",
                        "ip-filter action must be allow or forbid, not '" + *action + "'");
    const bool allow = *action == "allow";
    const std::string &caller = run.context().request.ipAddress;
    const auto address = parseIpAddress(caller);
    if (!address)
        return run.fail("FailedToParseCallerIP", "Failed to establish IP address for the caller. Access denied.", 403);
    bool listed = false;
    for (const Range &range : m_config.ranges) {
        auto fromText = run.text(range.from);
        auto toText = run.text(range.to);
        if (!fromText || !toText)
            return Flow::Fail;
        const auto from = parseIpAddress(*fromText);
        const auto to = parseIpAddress(*toText);
        if (!from || !to)
            return run.fail("ExpressionValueEvaluationFailure",
                            "ip-filter: '" + (from ? *toText : *fromText) + "' is not an IPv4 or IPv6 address");
        if (*from <= *address && *address <= *to) {
            listed = true;
            break;
        }
    }
    if (allow && !listed)
        return run.fail("CallerIpNotAllowed", "Caller IP address " + caller + " is not allowed. Access denied.", 403);
    if (!allow && listed)
        return run.fail("CallerIpBlocked", "Caller IP address is blocked. Access denied.", 403);
    return Flow::Continue;
}

} // namespace gw::policy
