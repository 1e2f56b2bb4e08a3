#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace gw::telemetry {

// What the gateway remembers of one request once it is answered: one record
// per request, built by the I/O thread that served it and published on the
// LogBus, from which the console, the access log and the analytics history
// take their copies. A plain value: strings are the only members that own
// memory, so moving a record is a handful of pointer swaps and copying it costs
// one allocation per string longer than the small-string buffer (15 bytes).
// Names are the APIOps names (folder names), not display names; a name is empty
// when the request did not get that far (no API matched, no subscription).
struct RequestRecord {
    using TimePoint = std::chrono::time_point<std::chrono::system_clock, std::chrono::microseconds>;

    std::string requestId;      // unique per request (a UUID), also sent to the client
    std::string api;            // API name, empty when routing failed
    std::string operation;      // operation name, empty when no operation matched
    std::string product;        // product of the subscription, empty when none
    std::string subscription;   // subscription name (never the key), empty when none
    std::string method;         // "GET", "POST", ...
    std::string path;           // request path as received, without the query
    std::string query;          // query string without the '?', empty when none
    std::string clientAddress;  // "203.0.113.7" or "[2001:db8::1]", without the port
    std::string errorReason;    // empty, or an APIM reason: "SubscriptionKeyNotFound", "OperationNotFound",
                                // "SubscriptionKeyInvalid", "BackendConnectionFailure", "Timeout", ...
    TimePoint startTime{};      // when the request head was read
    std::uint64_t bytesIn = 0;  // request bytes received (head and body)
    std::uint64_t bytesOut = 0; // response bytes sent (head and body)
    std::chrono::microseconds totalLatency{0};   // first byte in to last byte out
    std::chrono::microseconds backendLatency{0}; // time spent in backend calls; 0 when there was none
    std::uint32_t ioThread = 0;                  // index of the I/O thread that served it
    std::uint16_t status = 0;                    // HTTP status sent; 0 when the connection closed before
    bool cacheHit = false;                       // answered from the response cache
    // The request and response headers the gateway was asked to log (EngineOptions::loggedHeaders, as APIM's
    // diagnostic settings name them), as "Name: value" lines joined by '\n'; empty when none were asked for or
    // present. Subscription keys are never kept: their values are "***".
    std::string requestHeaders;
    std::string responseHeaders;
};

// Appends `record` to `out` as one compact JSON object without a newline.
// Members, in this order: startTime (RFC 3339, UTC, microseconds:
// "2024-05-01T12:34:56.123456Z"), requestId, api, operation, product,
// subscription, method, path, query, status, bytesIn, bytesOut,
// totalLatencyUs, backendLatencyUs, clientAddress, errorReason, cacheHit,
// ioThread, requestHeaders, responseHeaders. Every member is always present (empty strings stay ""). Strings are
// escaped for JSON; bytes that are not valid UTF-8 become U+FFFD, so the output
// is always valid JSON whatever a client put in its request line. Written by
// hand, without a JSON library: this runs for every line of the access log.
void appendJsonLine(std::string &out, const RequestRecord &record);

// Appends `time` as a quoted RFC 3339 string ("2024-05-01T12:34:56.123456Z", with the quotes), as in the JSON
// lines; the same text is a valid quoted CSV field.
void appendQuotedTime(std::string &out, RequestRecord::TimePoint time);

// appendJsonLine() into a new string.
std::string toJsonLine(const RequestRecord &record);

} // namespace gw::telemetry
