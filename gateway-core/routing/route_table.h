#pragma once

#include <model/workspace.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gw::routing {

// Routing as APIM does it (apim-policies.md §6, architecture.md "A request's way", step 2):
//  - the API is the one with the longest `path` prefix on segment boundaries ("" matches every request); paths
//    compare exactly (APIM documents no case folding);
//  - `/<apiPath>;rev=<n>/...` selects revision n (the `apis/<name>;rev=<n>` folder, or the current revision when n
//    is its own number); without it the current revision serves the request;
//  - members of a version set share the path; the version comes from the segment after the path (Segment; a
//    `;rev=<n>` may follow the version there), from the set's header (Header) or query parameter (Query); the
//    Original member (no apiVersion) is reached without a version identifier; an unknown version matches nothing;
//  - the operation is chosen by method (exact, no HEAD-to-GET fallback) and URL template: literal segments before
//    mixed segments ("{id}.json") before parameters ("{id}") before a trailing wildcard ("/*", "{*rest}"); a
//    trailing slash is not significant ("/items/" matches "/items", and the other way round) but is kept in the
//    operation path; literal query terms of a template ("/do?action=list") must be present with that value,
//    parameter terms ("?q={q}") are read when present and make a template more specific;
//  - once an API is chosen, an operation that does not match gives no match (no fallback to a shorter prefix).

// What routing needs of a request. `path` is the raw path without the query (percent-encoding as sent);
// `query` is the raw query without '?'; header(name) returns the first value of a header (case-insensitive name).
struct RequestView {
    std::string_view method;
    std::string_view path;
    std::string_view query;
    std::function<std::optional<std::string_view>(std::string_view)> header;
};

struct Match {
    // The revision that serves the request (points into the workspace given to build()).
    const model::Api *api = nullptr;
    const model::Operation *operation = nullptr;
    // Name -> value as sent (still percent-encoded): path parameters, then a "{*name}" wildcard's rest, then query
    // parameters of the template that the request carries.
    std::vector<std::pair<std::string, std::string>> templateParameters;
    // The path after the API path, version segment and ;rev=N, e.g. "/items/42" (starts with '/' or is empty).
    std::string operationPath;
    // serviceUrl (trailing '/' trimmed) + operationPath + ("?" + query, passed on unchanged; a Query-scheme version
    // parameter stays in it, as in APIM).
    std::string backendUrl;
};

class RouteTable {
public:
    RouteTable(); // routes nothing

    // Compiles the routes of a workspace once (the workspace must outlive the table). APIs of APIM workspaces
    // (`workspace.workspaces`) are not routed. The table is immutable: copies share it, and match() may run on
    // any number of threads at once.
    static RouteTable build(const model::Workspace &workspace);

    // nullopt: no API or no operation matches (the caller answers 404 "Resource not found").
    std::optional<Match> match(const RequestView &request) const;

private:
    struct Impl;
    explicit RouteTable(std::shared_ptr<const Impl> impl);
    std::shared_ptr<const Impl> m_impl;
};

} // namespace gw::routing
