#include "route_table.h"

#include <common/text.h>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <span>
#include <unordered_map>

namespace gw::routing {

namespace {

constexpr auto npos = std::string_view::npos;
constexpr std::string_view revisionMarker = ";rev=";

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

// Looked up with a string_view, without building a std::string.
template<typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

template<typename Map>
const typename Map::mapped_type *lookup(const Map &map, std::string_view key)
{
    const auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
}

// "/a/b" -> "a", "b" (views into `text`). A trailing slash is not significant: "/a/b/" gives the same, "/" and ""
// give nothing. Inner empty segments ("/a//b") are kept.
void splitSegments(std::string_view text, std::vector<std::string_view> &out)
{
    out.clear();
    if (!text.empty() && text.front() == '/')
        text.remove_prefix(1);
    if (text.empty())
        return;
    std::size_t start = 0;
    for (;;) {
        const auto slash = text.find('/', start);
        if (slash == npos) {
            out.push_back(text.substr(start));
            break;
        }
        out.push_back(text.substr(start, slash - start));
        start = slash + 1;
    }
    if (out.back().empty())
        out.pop_back();
}

bool needsDecoding(std::string_view raw)
{
    return raw.find_first_of("%+") != npos;
}

bool queryComponentEquals(std::string_view raw, std::string_view plain)
{
    return needsDecoding(raw) ? decodeQueryComponent(raw) == plain : raw == plain;
}

// The raw value of the first query parameter called `name` ("" for "name" or "name="), compared decoded.
std::optional<std::string_view> queryValue(std::string_view query, std::string_view name)
{
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto pair = query.substr(0, amp);
        query = amp == npos ? std::string_view() : query.substr(amp + 1);
        const auto equals = pair.find('=');
        const auto key = pair.substr(0, equals);
        if (queryComponentEquals(key, name))
            return equals == npos ? std::string_view() : pair.substr(equals + 1);
    }
    return std::nullopt;
}

bool startsWithDigit(std::string_view text)
{
    return !text.empty() && text.front() >= '0' && text.front() <= '9';
}

std::optional<int> parseRevision(std::string_view text)
{
    int value = 0;
    if (!startsWithDigit(text) || text.size() > 9)
        return std::nullopt;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value <= 0)
        return std::nullopt;
    return value;
}

// --- operations -------------------------------------------------------------------------------------------------

// A term of the query part of a template: "action=list" (literal) or "q={q}" (parameter).
struct QueryTerm {
    std::string name;
    std::string value; // the literal value, or the template parameter's name
    bool isParameter = false;
};

// An operation at the end of a template's path.
struct Candidate {
    const model::Operation *operation = nullptr;
    std::vector<std::string> pathParameters; // names of the captured values, in capture order
    std::string restParameter;               // "{*name}" at the end: the name of what the wildcard takes
    std::vector<QueryTerm> query;
};

// A segment mixing literal text and parameters: "{id}.json", "v{major}.{minor}". Each parameter takes at least one
// character, up to the next occurrence of the literal that follows it.
struct SegmentPattern {
    std::vector<std::string> literals; // n parameters: the n + 1 literals around and between them (may be empty)
    std::size_t literalSize = 0;

    bool operator==(const SegmentPattern &other) const { return literals == other.literals; }

    bool matches(std::string_view segment, std::vector<std::string_view> &captures) const
    {
        const std::size_t parameters = literals.size() - 1;
        const std::string &first = literals.front();
        const std::string &last = literals.back();
        if (segment.size() < literalSize + parameters || !segment.starts_with(first) || !segment.ends_with(last))
            return false;
        const std::size_t end = segment.size() - last.size();
        const std::size_t mark = captures.size();
        std::size_t position = first.size();
        for (std::size_t i = 1; i < parameters; ++i) {
            const auto at = segment.find(literals[i], position + 1);
            if (at == npos || at + literals[i].size() >= end) {
                captures.resize(mark);
                return false;
            }
            captures.push_back(segment.substr(position, at - position));
            position = at + literals[i].size();
        }
        if (position >= end) {
            captures.resize(mark);
            return false;
        }
        captures.push_back(segment.substr(position, end - position));
        return true;
    }
};

// One node of an API's segment trie. Tried in this order: literal child, mixed segments (most literal text first),
// parameter child; then the templates ending here (when the path is used up) and the wildcard templates.
struct OperationNode {
    StringMap<std::unique_ptr<OperationNode>> literals;
    std::vector<std::pair<SegmentPattern, std::unique_ptr<OperationNode>>> patterns;
    std::unique_ptr<OperationNode> parameter;
    std::vector<Candidate> here;     // templates whose path ends at this node
    std::vector<Candidate> wildcard; // templates ending at this node with "/*" or "/{*name}": they take the rest
};

// "{name}" alone in a segment.
bool isWholeParameter(std::string_view segment)
{
    return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}' &&
           segment.find_first_of("{}", 1) == segment.size() - 1;
}

// "v{major}.{minor}" -> literals "v", ".", "" and names "major", "minor"; nullopt when the braces do not pair.
std::optional<SegmentPattern> parsePattern(std::string_view segment, std::vector<std::string> &names)
{
    SegmentPattern pattern;
    std::vector<std::string> found;
    std::string literal;
    for (std::size_t i = 0; i < segment.size(); ++i) {
        if (segment[i] == '}')
            return std::nullopt;
        if (segment[i] != '{') {
            literal.push_back(segment[i]);
            continue;
        }
        const auto close = segment.find('}', i + 1);
        if (close == npos || close == i + 1 || segment.substr(i + 1, close - i - 1).find('{') != npos)
            return std::nullopt;
        found.emplace_back(segment.substr(i + 1, close - i - 1));
        pattern.literalSize += literal.size();
        pattern.literals.push_back(std::move(literal));
        literal.clear();
        i = close;
    }
    if (found.empty())
        return std::nullopt;
    pattern.literalSize += literal.size();
    pattern.literals.push_back(std::move(literal));
    names.insert(names.end(), found.begin(), found.end());
    return pattern;
}

std::vector<QueryTerm> parseQueryTemplate(std::string_view query)
{
    std::vector<QueryTerm> terms;
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto pair = query.substr(0, amp);
        query = amp == npos ? std::string_view() : query.substr(amp + 1);
        if (pair.empty())
            continue;
        const auto equals = pair.find('=');
        QueryTerm term{.name = std::string(pair.substr(0, equals))};
        const auto value = equals == npos ? std::string_view() : pair.substr(equals + 1);
        if (isWholeParameter(value)) {
            term.value = std::string(value.substr(1, value.size() - 2));
            term.isParameter = true;
        } else {
            term.value = decodeQueryComponent(value);
        }
        terms.push_back(std::move(term));
    }
    return terms;
}

void addOperation(OperationNode &root, const model::Operation &operation)
{
    std::string_view path = operation.urlTemplate;
    Candidate candidate{.operation = &operation};
    if (const auto question = path.find('?'); question != npos) {
        candidate.query = parseQueryTemplate(path.substr(question + 1));
        path = path.substr(0, question);
    }
    std::vector<std::string_view> segments;
    splitSegments(path, segments);

    OperationNode *node = &root;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const std::string_view segment = segments[i];
        const bool last = i + 1 == segments.size();
        if (last && (segment == "*" || (segment.starts_with("{*") && isWholeParameter(segment)))) {
            if (segment != "*")
                candidate.restParameter = std::string(segment.substr(2, segment.size() - 3));
            node->wildcard.push_back(std::move(candidate));
            return;
        }
        if (isWholeParameter(segment)) {
            candidate.pathParameters.emplace_back(segment.substr(1, segment.size() - 2));
            if (!node->parameter)
                node->parameter = std::make_unique<OperationNode>();
            node = node->parameter.get();
            continue;
        }
        if (auto pattern = parsePattern(segment, candidate.pathParameters)) {
            auto it = std::find_if(node->patterns.begin(), node->patterns.end(),
                                   [&](const auto &entry) { return entry.first == *pattern; });
            if (it == node->patterns.end()) {
                node->patterns.emplace_back(*pattern, std::make_unique<OperationNode>());
                // Most literal text first: "{id}.json" before "{id}.{format}".
                std::stable_sort(node->patterns.begin(), node->patterns.end(), [](const auto &a, const auto &b) {
                    return a.first.literalSize > b.first.literalSize;
                });
                it = std::find_if(node->patterns.begin(), node->patterns.end(),
                                  [&](const auto &entry) { return entry.first == *pattern; });
            }
            node = it->second.get();
            continue;
        }
        auto &child = node->literals[std::string(segment)];
        if (!child)
            child = std::make_unique<OperationNode>();
        node = child.get();
    }
    node->here.push_back(std::move(candidate));
}

struct Search {
    std::string_view method;
    std::string_view query;
    std::string_view path; // the operation path; `segments` point into it
    std::span<const std::string_view> segments;
    std::vector<std::string_view> captures;
    std::string_view rest; // what the wildcard of the found template took
    const Candidate *found = nullptr;
};

// The candidate for the method whose query terms fit best: literal terms must be present with their value;
// parameter terms count when present. Ties go to the operation declared first.
const Candidate *pick(const std::vector<Candidate> &candidates, const Search &search)
{
    const Candidate *best = nullptr;
    int bestScore = -1;
    for (const Candidate &candidate : candidates) {
        if (candidate.operation->method != search.method)
            continue;
        int score = 0;
        bool fits = true;
        for (const QueryTerm &term : candidate.query) {
            const auto value = queryValue(search.query, term.name);
            if (term.isParameter) {
                score += value ? 1 : 0;
            } else if (value && queryComponentEquals(*value, term.value)) {
                score += 2;
            } else {
                fits = false;
                break;
            }
        }
        if (fits && score > bestScore) {
            best = &candidate;
            bestScore = score;
        }
    }
    return best;
}

bool descend(const OperationNode &node, std::size_t index, Search &search)
{
    if (index == search.segments.size()) {
        if (const Candidate *candidate = pick(node.here, search)) {
            search.found = candidate;
            return true;
        }
    } else {
        const std::string_view segment = search.segments[index];
        if (const auto *child = lookup(node.literals, segment); child && descend(**child, index + 1, search))
            return true;
        for (const auto &[pattern, child] : node.patterns) {
            const std::size_t mark = search.captures.size();
            if (pattern.matches(segment, search.captures)) {
                if (descend(*child, index + 1, search))
                    return true;
                search.captures.resize(mark);
            }
        }
        if (node.parameter && !segment.empty()) {
            search.captures.push_back(segment);
            if (descend(*node.parameter, index + 1, search))
                return true;
            search.captures.pop_back();
        }
    }
    if (const Candidate *candidate = pick(node.wildcard, search)) {
        search.found = candidate;
        if (index < search.segments.size()) {
            const char *start = search.segments[index].data();
            search.rest = std::string_view(start, search.path.data() + search.path.size() - start);
        }
        return true;
    }
    return false;
}

// --- APIs ---------------------------------------------------------------------------------------------------------

// One revision of an API with its compiled operations.
struct Revision {
    const model::Api *api = nullptr;
    std::string serviceUrl; // trailing '/' trimmed
    OperationNode operations;
};

// A current API (root folder) and its other revisions (apis/<name>;rev=<n>).
struct Route {
    Revision current;
    int currentNumber = 1;
    std::unordered_map<int, std::unique_ptr<Revision>> others;
};

enum class Scheme { None, Segment, Header, Query };

// The APIs that share one path: a plain API, or the members of a version set (and its Original).
struct PathGroup {
    Scheme scheme = Scheme::None;
    std::string versionHeader;
    std::string versionQuery;
    StringMap<const Route *> versions;
    const Route *original = nullptr; // reached without a version identifier
};

struct PrefixNode {
    StringMap<std::unique_ptr<PrefixNode>> children;
    std::unique_ptr<PathGroup> group; // the APIs whose path ends here
};

void compileRevision(Revision &revision, const model::Api &api)
{
    revision.api = &api;
    revision.serviceUrl = api.serviceUrl.value_or("");
    while (!revision.serviceUrl.empty() && revision.serviceUrl.back() == '/')
        revision.serviceUrl.pop_back();
    for (const model::Operation &operation : api.contract.operations)
        addOperation(revision.operations, operation);
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

struct SchemeInfo {
    Scheme scheme = Scheme::None;
    std::string header;
    std::string query;
};

SchemeInfo schemeInfo(const model::OptString &scheme, const model::OptString &header, const model::OptString &query)
{
    SchemeInfo info;
    if (!scheme)
        return info;
    if (equalsIgnoringCase(*scheme, "Segment"))
        info.scheme = Scheme::Segment;
    else if (equalsIgnoringCase(*scheme, "Header"))
        info.scheme = Scheme::Header;
    else if (equalsIgnoringCase(*scheme, "Query"))
        info.scheme = Scheme::Query;
    info.header = header.value_or("Api-Version");
    info.query = query.value_or("api-version");
    return info;
}

// The versioning of the set an API belongs to: the set named by apiVersionSetId, else the inline copy.
SchemeInfo versionScheme(const model::Api &api, const model::Workspace &workspace)
{
    if (!api.apiVersionSetId || api.apiVersionSetId->empty())
        return {};
    for (const model::VersionSet &set : workspace.versionSets) {
        if (model::refersTo(*api.apiVersionSetId, "apiVersionSets", set.name))
            return schemeInfo(set.versioningScheme, set.versionHeaderName, set.versionQueryName);
    }
    const model::Json &inline_ = api.apiVersionSet;
    if (!inline_.is_object())
        return {};
    const model::Json &properties = inline_.contains("properties") ? inline_["properties"] : inline_;
    auto text = [&](const char *key) -> model::OptString {
        if (properties.contains(key) && properties[key].is_string())
            return properties[key].get<std::string>();
        return std::nullopt;
    };
    return schemeInfo(text("versioningScheme"), text("versionHeaderName"), text("versionQueryName"));
}

} // namespace

struct RouteTable::Impl {
    std::vector<std::unique_ptr<Route>> routes;
    PrefixNode root;
};

RouteTable::RouteTable() = default;

RouteTable::RouteTable(std::shared_ptr<const Impl> impl) : m_impl(std::move(impl))
{
}

RouteTable RouteTable::build(const model::Workspace &workspace)
{
    auto impl = std::make_shared<Impl>();
    std::unordered_map<std::string, Route *> byName;

    for (const model::Api &api : workspace.apis) {
        // An API without a path cannot be called (APIM requires one; "" is the root).
        if (api.isRevisionFolder() || !api.path || byName.contains(api.name))
            continue;
        auto route = std::make_unique<Route>();
        compileRevision(route->current, api);
        route->currentNumber = api.revision().value_or(1);
        byName.emplace(api.name, route.get());

        std::string_view path = *api.path;
        while (!path.empty() && path.front() == '/')
            path.remove_prefix(1);
        while (!path.empty() && path.back() == '/')
            path.remove_suffix(1);
        PrefixNode *node = &impl->root;
        while (!path.empty()) {
            const auto slash = path.find('/');
            auto &child = node->children[std::string(path.substr(0, slash))];
            if (!child)
                child = std::make_unique<PrefixNode>();
            node = child.get();
            path = slash == npos ? std::string_view() : path.substr(slash + 1);
        }
        if (!node->group)
            node->group = std::make_unique<PathGroup>();
        PathGroup &group = *node->group;
        const SchemeInfo scheme = versionScheme(api, workspace);
        const std::string version = api.apiVersion.value_or("");
        if (scheme.scheme == Scheme::None || version.empty()) {
            if (!group.original)
                group.original = route.get();
        } else {
            if (group.scheme == Scheme::None) {
                group.scheme = scheme.scheme;
                group.versionHeader = scheme.header;
                group.versionQuery = scheme.query;
            }
            group.versions.try_emplace(version, route.get());
        }
        impl->routes.push_back(std::move(route));
    }

    for (const model::Api &api : workspace.apis) {
        if (!api.isRevisionFolder())
            continue;
        const auto owner = byName.find(api.rootName());
        if (owner == byName.end())
            continue;
        std::optional<int> number = api.revision();
        if (!number)
            number = parseRevision(std::string_view(api.name).substr(api.name.find(revisionMarker) + 5));
        Route &route = *owner->second;
        if (!number || *number == route.currentNumber || route.others.contains(*number))
            continue;
        auto revision = std::make_unique<Revision>();
        compileRevision(*revision, api);
        route.others.emplace(*number, std::move(revision));
    }
    return RouteTable(std::move(impl));
}

std::optional<Match> RouteTable::match(const RequestView &request) const
{
    if (!m_impl)
        return std::nullopt;
    std::string_view path = request.path.empty() ? std::string_view("/") : request.path;
    if (path.front() != '/')
        return std::nullopt;

    // The API: the deepest node of the prefix trie that holds APIs. A segment "<name>;rev=<n>" ends the API path.
    const PrefixNode *node = &m_impl->root;
    const PathGroup *group = node->group.get();
    std::size_t apiEnd = 0; // where the API path ends in `path`
    std::optional<std::string_view> revision;
    for (std::size_t start = 1; start <= path.size();) {
        const auto slash = path.find('/', start);
        const std::size_t end = slash == npos ? path.size() : slash;
        const std::string_view segment = path.substr(start, end - start);
        if (segment.empty())
            break;
        if (const auto *child = lookup(node->children, segment)) {
            node = child->get();
            if (node->group) {
                group = node->group.get();
                apiEnd = end;
                revision.reset();
            }
        } else {
            if (const auto marker = segment.find(revisionMarker); marker != npos) {
                const PrefixNode *named = node;
                if (marker > 0) {
                    const auto *child = lookup(node->children, segment.substr(0, marker));
                    named = child ? child->get() : nullptr;
                } else if (node != &m_impl->root) {
                    named = nullptr;
                }
                if (named && named->group) {
                    group = named->group.get();
                    apiEnd = end;
                    revision = segment.substr(marker + revisionMarker.size());
                }
            }
            break;
        }
        start = end + 1;
    }
    if (!group)
        return std::nullopt;

    // The version.
    const Route *route = nullptr;
    std::size_t operationStart = apiEnd;
    auto version = [&](std::string_view identifier) -> const Route * {
        const auto *member = lookup(group->versions, identifier);
        return member ? *member : nullptr;
    };
    switch (group->scheme) {
    case Scheme::None:
        break;
    case Scheme::Segment:
        if (apiEnd < path.size()) {
            const auto slash = path.find('/', apiEnd + 1);
            const std::size_t end = slash == npos ? path.size() : slash;
            std::string_view segment = path.substr(apiEnd + 1, end - apiEnd - 1);
            std::optional<std::string_view> segmentRevision;
            if (const auto marker = segment.find(revisionMarker); marker != npos) {
                segmentRevision = segment.substr(marker + revisionMarker.size());
                segment = segment.substr(0, marker);
            }
            if (const Route *member = version(segment)) {
                if (segmentRevision) {
                    if (revision)
                        return std::nullopt;
                    revision = segmentRevision;
                }
                route = member;
                operationStart = end;
            }
        }
        break;
    case Scheme::Header:
        if (request.header) {
            if (const auto value = request.header(group->versionHeader); value && !value->empty()) {
                route = version(*value);
                if (!route)
                    return std::nullopt;
            }
        }
        break;
    case Scheme::Query:
        if (const auto value = queryValue(request.query, group->versionQuery); value && !value->empty()) {
            route = needsDecoding(*value) ? version(decodeQueryComponent(*value)) : version(*value);
            if (!route)
                return std::nullopt;
        }
        break;
    }
    if (!route)
        route = group->original;
    if (!route)
        return std::nullopt;

    // The revision.
    const Revision *served = &route->current;
    if (revision) {
        const auto number = parseRevision(*revision);
        if (!number)
            return std::nullopt;
        if (*number != route->currentNumber) {
            const auto other = route->others.find(*number);
            if (other == route->others.end())
                return std::nullopt;
            served = other->second.get();
        }
    }

    // The operation.
    const std::string_view operationPath = path.substr(operationStart);
    std::vector<std::string_view> segments;
    segments.reserve(8);
    splitSegments(operationPath, segments);
    Search search{.method = request.method, .query = request.query, .path = operationPath, .segments = segments};
    if (!descend(served->operations, 0, search))
        return std::nullopt;

    const Candidate &found = *search.found;
    Match match{.api = served->api, .operation = found.operation};
    match.templateParameters.reserve(found.pathParameters.size() + found.query.size() + 1);
    for (std::size_t i = 0; i < found.pathParameters.size() && i < search.captures.size(); ++i)
        match.templateParameters.emplace_back(found.pathParameters[i], search.captures[i]);
    if (!found.restParameter.empty())
        match.templateParameters.emplace_back(found.restParameter, search.rest);
    for (const QueryTerm &term : found.query) {
        if (!term.isParameter)
            continue;
        if (const auto value = queryValue(request.query, term.name))
            match.templateParameters.emplace_back(term.value, *value);
    }
    match.operationPath = operationPath;
    match.backendUrl.reserve(served->serviceUrl.size() + operationPath.size() + request.query.size() + 1);
    match.backendUrl.append(served->serviceUrl).append(operationPath);
    if (!request.query.empty())
        match.backendUrl.append("?").append(request.query);
    return match;
}

} // namespace gw::routing
