#pragma once

#include <expr/value.h>
#include <http/message.h>
#include <model/workspace.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gw::expr {

// A URL as expressions see it (APIM's IUrl). Query names and values are kept decoded, in order.
struct Url {
    std::string scheme = "http";
    std::string host;
    int port = 80;
    std::string path = "/"; // as sent (percent-encoding kept)
    std::vector<std::pair<std::string, std::string>> query;

    static Url parse(std::string_view absoluteUrl); // "https://h:8443/p?q=1"; best effort, never fails
    std::string queryString() const;                // "?a=1&b=x%20y" (encoded), or "" without a query
    std::string toString() const;                   // scheme://host[:port unless default]path[?query]
};

// The certificate a client presented over TLS, as expressions see it (context.Request.Certificate, .NET's
// X509Certificate2). The gateway fills it from the handshake; `verify` checks its chain against the gateway's trust
// (system roots and the certificate store's CA certificates), with or without revocation lists.
struct ClientCertificate {
    std::string der;
    std::vector<std::string> chain; // further certificates the client sent (DER)
    std::string subject;            // "CN=client, O=Contoso, C=US"
    std::string issuer;
    std::string thumbprint; // uppercase hex SHA-1
    std::string serialNumber;
    std::string commonName;
    std::vector<std::string> dnsNames;
    std::chrono::system_clock::time_point notBefore;
    std::chrono::system_clock::time_point notAfter;
    std::function<bool(bool checkRevocation)> verify;
};

// The request as it moves through the pipeline: inbound policies change it, forward-request sends it.
struct RequestState {
    std::string method;
    Url url; // context.Request.Url: what the gateway will send, as policies changed it
    // context.Request.OriginalUrl: as received, never changed. Kept as text and parsed when first asked for: most
    // requests never ask.
    std::string originalUrlText;
    mutable std::optional<Url> parsedOriginalUrl;
    const Url &originalUrl() const
    {
        if (!parsedOriginalUrl)
            parsedOriginalUrl = Url::parse(originalUrlText);
        return *parsedOriginalUrl;
    }
    http::Headers headers;
    std::optional<std::string> body; // nullopt: the request has no body (or it streams)
    // The body still arriving from the client when no policy of the pipeline reads it: forward-request streams it
    // to the backend (body is then nullopt).
    std::shared_ptr<http::BodyStream> bodyStream;
    std::string ipAddress;
    std::vector<std::pair<std::string, std::string>> matchedParameters; // template parameters, decoded
    std::shared_ptr<const ClientCertificate> certificate;               // context.Request.Certificate; null without one
    // What the request presents to its backend over TLS (authentication-certificate); null: nothing.
    std::shared_ptr<const http::ClientCertificate> backendCertificate;
};

// A response: the backend's (outbound), the one being built (return-response, on-error), or one that
// send-request stored in a variable (a Value holding a shared_ptr<ResponseState>).
struct ResponseState {
    int statusCode = 200;
    std::string statusReason = "OK";
    http::Headers headers;
    std::optional<std::string> body;
    // The backend's body, streaming to the client, when no policy of the pipeline reads it; used only while body is
    // nullopt (a policy that sets a body replaces it).
    std::shared_ptr<http::BodyStream> bodyStream;
};

// context.LastError, filled when the pipeline enters on-error.
struct LastError {
    std::string source;  // policy name or built-in step: "configuration", "authorization", "forward-request", ...
    std::string reason;  // "OperationNotFound", "ExpressionValueEvaluationFailure", ...
    std::string message; // human-readable
    std::string scope;   // global | product | api | operation
    std::string section; // inbound | backend | outbound | on-error
    std::string path;    // "choose[1]/when[1]/set-header[2]"
    std::string policyId;
};

// context.Deployment: what stands in for Azure's deployment metadata on this machine.
struct Deployment {
    std::string gatewayId = "managed";
    std::string region = "local";
    std::string serviceName = "gatehouse";
};

// Everything one request's expressions can see as `context`, and what policies change. One per request, used by
// one thread at a time; the model pointers point into the compiled configuration the request runs on.
struct Context {
    RequestState request;
    ResponseState response;
    std::unordered_map<std::string, Value> variables; // context.Variables (names are case-sensitive, as in .NET)

    const model::Workspace *workspace = nullptr;
    const model::Api *api = nullptr;             // null before routing
    const model::Operation *operation = nullptr; // null before routing
    const model::Product *product = nullptr;     // null outside a product context
    const model::Subscription *subscription = nullptr;
    std::string subscriptionKey; // the key the request used, when it used one

    std::optional<LastError> lastError;
    std::string requestId; // a GUID, lower case with dashes
    std::chrono::system_clock::time_point timestamp;
    std::chrono::steady_clock::time_point started;
    Deployment deployment;

    bool tracing = false;                   // context.Tracing
    std::vector<std::string> traceMessages; // what context.Trace(message) wrote, in order
};

} // namespace gw::expr
