#include <routing/route_table.h>
#include <store/workspace_store.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace gw::routing {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

model::Operation op(std::string name, std::string method, std::string urlTemplate)
{
    return {.name = std::move(name), .method = std::move(method), .urlTemplate = std::move(urlTemplate)};
}

model::Api api(std::string name, std::string path, std::string serviceUrl, std::vector<model::Operation> operations)
{
    model::Api result{.name = std::move(name), .path = std::move(path), .serviceUrl = std::move(serviceUrl)};
    result.contract.operations = std::move(operations);
    return result;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

// Routes "METHOD /path?query" with the given headers; keeps the text alive while the match is read.
class Router {
public:
    explicit Router(model::Workspace workspace)
        : m_workspace(std::move(workspace)), m_table(RouteTable::build(m_workspace))
    {
    }
    Router(const model::Workspace &workspace, bool) : m_table(RouteTable::build(workspace)) {}

    std::optional<Match> route(std::string method, std::string target, Headers headers = {}) const
    {
        const auto question = target.find('?');
        const std::string path = target.substr(0, question);
        const std::string query = question == std::string::npos ? std::string() : target.substr(question + 1);
        RequestView request{.method = method, .path = path, .query = query};
        request.header = [&headers](std::string_view name) -> std::optional<std::string_view> {
            for (const auto &[key, value] : headers) {
                if (equalsIgnoringCase(key, name))
                    return std::string_view(value);
            }
            return std::nullopt;
        };
        return m_table.match(request);
    }

    const model::Workspace &workspace() const { return m_workspace; }

private:
    model::Workspace m_workspace;
    RouteTable m_table;
};

std::string apiName(const std::optional<Match> &match)
{
    return match && match->api ? match->api->name : "<none>";
}

std::string operationName(const std::optional<Match> &match)
{
    return match && match->operation ? match->operation->name : "<none>";
}

std::string parameter(const Match &match, const std::string &name)
{
    for (const auto &[key, value] : match.templateParameters) {
        if (key == name)
            return value;
    }
    return "<absent>";
}

model::Workspace catalogWorkspace()
{
    model::Workspace workspace;
    workspace.apis.push_back(api(
        "catalog", "catalog", "http://echo/svc/v1/",
        {op("list-items", "GET", "/items"), op("create-item", "POST", "/items"), op("get-item", "GET", "/items/{id}"),
         op("special-item", "GET", "/items/special"), op("item-part", "GET", "/items/{id}/parts/{part}"),
         op("special-detail", "GET", "/items/special/detail"), op("delete-latest", "DELETE", "/items/latest"),
         op("order-line", "GET", "/users/{userId}/orders/{orderId}"), op("report-json", "GET", "/reports/{id}.json"),
         op("report-any", "GET", "/reports/{id}.{format}"), op("report", "GET", "/reports/{id}"),
         op("search", "GET", "/search?q={q}"), op("action-list", "GET", "/rpc?action=list"),
         op("action-get", "GET", "/rpc?action=get&id={id}"), op("files", "GET", "/files/{*path}"),
         op("root", "GET", "/")}));
    workspace.apis.push_back(api("catalog-v1", "catalog/v1", "http://echo/v1", {op("list-items", "GET", "/items")}));
    workspace.apis.push_back(api("everything", "", "http://echo/root", {op("any", "GET", "/*")}));
    return workspace;
}

TEST(RouteTable, ChoosesTheLongestPathPrefixOnSegmentBoundaries)
{
    const Router router(catalogWorkspace());

    auto match = router.route("GET", "/catalog/items/42");
    ASSERT_TRUE(match);
    EXPECT_EQ(match->api->name, "catalog");
    EXPECT_EQ(match->operation->name, "get-item");
    EXPECT_EQ(match->operationPath, "/items/42");
    EXPECT_EQ(match->backendUrl, "http://echo/svc/v1/items/42") << "serviceUrl's trailing slash is trimmed";

    match = router.route("GET", "/catalog/v1/items");
    EXPECT_EQ(apiName(match), "catalog-v1") << "two-segment path beats one-segment path";
    EXPECT_EQ(match->operationPath, "/items");
    EXPECT_EQ(match->backendUrl, "http://echo/v1/items");

    match = router.route("GET", "/catalogue/items");
    EXPECT_EQ(apiName(match), "everything") << "prefixes end on segment boundaries";
    EXPECT_EQ(match->operationPath, "/catalogue/items");
    EXPECT_EQ(match->backendUrl, "http://echo/root/catalogue/items");

    EXPECT_EQ(apiName(router.route("GET", "/Catalog/items")), "everything") << "API paths compare exactly";
    EXPECT_EQ(apiName(router.route("GET", "/catalog/v2/items")), "<none>")
        << "catalog is chosen, it has no /v2/items, and there is no fallback to a shorter prefix";
}

TEST(RouteTable, RootPathMatchesEverythingElse)
{
    model::Workspace workspace;
    workspace.apis.push_back(
        api("root", "", "http://echo",
            {op("home", "GET", "/"), op("item", "GET", "/items/{id}"), op("deep", "GET", "/a/b/c")}));
    const Router router(std::move(workspace));

    EXPECT_EQ(operationName(router.route("GET", "/")), "home");
    EXPECT_EQ(operationName(router.route("GET", "")), "home");
    auto match = router.route("GET", "/items/7?x=1");
    ASSERT_TRUE(match);
    EXPECT_EQ(match->operationPath, "/items/7");
    EXPECT_EQ(match->backendUrl, "http://echo/items/7?x=1");
    EXPECT_EQ(operationName(router.route("GET", "/a/b/c")), "deep");
    EXPECT_FALSE(router.route("GET", "/a/b"));
    EXPECT_FALSE(router.route("GET", "*")) << "not an origin-form path";
}

TEST(RouteTable, ExtractsTemplateParametersAsSent)
{
    const Router router(catalogWorkspace());

    auto match = router.route("GET", "/catalog/users/u%2F1/orders/o-9");
    ASSERT_TRUE(match);
    EXPECT_EQ(match->operation->name, "order-line");
    ASSERT_EQ(match->templateParameters.size(), 2u);
    EXPECT_EQ(match->templateParameters[0], (std::pair<std::string, std::string>("userId", "u%2F1")));
    EXPECT_EQ(match->templateParameters[1], (std::pair<std::string, std::string>("orderId", "o-9")));

    match = router.route("GET", "/catalog/items/42/parts/wheel");
    ASSERT_TRUE(match);
    EXPECT_EQ(match->operation->name, "item-part");
    EXPECT_EQ(parameter(*match, "id"), "42");
    EXPECT_EQ(parameter(*match, "part"), "wheel");

    EXPECT_FALSE(router.route("GET", "/catalog/users/u1/orders")) << "a parameter takes a whole, non-empty segment";
    EXPECT_FALSE(router.route("GET", "/catalog/users//orders/1"));
}

TEST(RouteTable, PrefersLiteralSegmentsOverParameters)
{
    const Router router(catalogWorkspace());

    EXPECT_EQ(operationName(router.route("GET", "/catalog/items/special")), "special-item");
    EXPECT_EQ(operationName(router.route("GET", "/catalog/items/special/detail")), "special-detail");
    auto match = router.route("GET", "/catalog/items/special/parts/door");
    EXPECT_EQ(operationName(match), "item-part") << "backtracks from the literal branch to the parameter";
    EXPECT_EQ(parameter(*match, "id"), "special");
    EXPECT_EQ(operationName(router.route("GET", "/catalog/items/latest")), "get-item")
        << "the literal template exists for DELETE only, so GET falls back to the parameter";
    EXPECT_EQ(operationName(router.route("DELETE", "/catalog/items/latest")), "delete-latest");

    match = router.route("GET", "/catalog/reports/r1.json");
    EXPECT_EQ(operationName(match), "report-json") << "more literal text wins among mixed segments";
    EXPECT_EQ(parameter(*match, "id"), "r1");
    match = router.route("GET", "/catalog/reports/r1.xml");
    EXPECT_EQ(operationName(match), "report-any");
    EXPECT_EQ(parameter(*match, "id"), "r1");
    EXPECT_EQ(parameter(*match, "format"), "xml");
    EXPECT_EQ(operationName(router.route("GET", "/catalog/reports/r1")), "report")
        << "a plain parameter when no mixed segment fits";
}

TEST(RouteTable, MatchesMethodsExactly)
{
    const Router router(catalogWorkspace());

    EXPECT_EQ(operationName(router.route("POST", "/catalog/items")), "create-item");
    EXPECT_EQ(operationName(router.route("GET", "/catalog/items")), "list-items");
    EXPECT_FALSE(router.route("DELETE", "/catalog/items/42"));
    EXPECT_FALSE(router.route("HEAD", "/catalog/items")) << "no HEAD-to-GET fallback: APIM needs a HEAD operation";
    EXPECT_FALSE(router.route("get", "/catalog/items")) << "methods are case-sensitive (RFC 9110 §9.1)";
}

TEST(RouteTable, QueryPartsOfTemplates)
{
    const Router router(catalogWorkspace());

    auto match = router.route("GET", "/catalog/search?q=lamp%20shade&page=2");
    ASSERT_TRUE(match);
    EXPECT_EQ(match->operation->name, "search");
    EXPECT_EQ(match->operationPath, "/search");
    EXPECT_EQ(parameter(*match, "q"), "lamp%20shade");
    EXPECT_EQ(match->backendUrl, "http://echo/svc/v1/search?q=lamp%20shade&page=2");

    match = router.route("GET", "/catalog/search");
    EXPECT_EQ(operationName(match), "search") << "a parameter term of the query is not required";
    EXPECT_EQ(parameter(*match, "q"), "<absent>");

    EXPECT_EQ(operationName(router.route("GET", "/catalog/rpc?action=list")), "action-list");
    match = router.route("GET", "/catalog/rpc?id=3&action=get");
    EXPECT_EQ(operationName(match), "action-get");
    EXPECT_EQ(parameter(*match, "id"), "3");
    EXPECT_FALSE(router.route("GET", "/catalog/rpc?action=delete")) << "literal query terms must match";
    EXPECT_FALSE(router.route("GET", "/catalog/rpc"));
}

TEST(RouteTable, WildcardsTakeTheRestOfThePath)
{
    const Router router(catalogWorkspace());

    auto match = router.route("GET", "/catalog/files/a/b%20c/d.txt");
    ASSERT_TRUE(match);
    EXPECT_EQ(match->operation->name, "files");
    EXPECT_EQ(parameter(*match, "path"), "a/b%20c/d.txt");
    EXPECT_EQ(match->backendUrl, "http://echo/svc/v1/files/a/b%20c/d.txt");

    match = router.route("GET", "/anything/at/all");
    EXPECT_EQ(apiName(match), "everything");
    EXPECT_EQ(operationName(match), "any");
    EXPECT_EQ(match->backendUrl, "http://echo/root/anything/at/all");
    EXPECT_EQ(operationName(router.route("GET", "/")), "any") << "a wildcard also takes nothing";
    EXPECT_FALSE(router.route("POST", "/anything"));
}

TEST(RouteTable, TrailingSlashIsNotSignificantButIsPassedOn)
{
    const Router router(catalogWorkspace());

    auto match = router.route("GET", "/catalog/items/");
    EXPECT_EQ(operationName(match), "list-items");
    EXPECT_EQ(match->operationPath, "/items/");
    EXPECT_EQ(match->backendUrl, "http://echo/svc/v1/items/");

    match = router.route("GET", "/catalog");
    EXPECT_EQ(operationName(match), "root");
    EXPECT_EQ(match->operationPath, "");
    EXPECT_EQ(match->backendUrl, "http://echo/svc/v1");
    match = router.route("GET", "/catalog/");
    EXPECT_EQ(operationName(match), "root");
    EXPECT_EQ(match->operationPath, "/");

    model::Workspace workspace;
    workspace.apis.push_back(api("slash", "slash/", "http://echo", {op("items", "GET", "/items/")}));
    const Router slashed(std::move(workspace));
    EXPECT_EQ(operationName(slashed.route("GET", "/slash/items")), "items") << "the template's slash neither";
}

model::Workspace revisionWorkspace()
{
    model::Workspace workspace;
    auto current = api("orders", "orders", "http://echo/current", {op("list", "GET", "/items")});
    current.apiRevision = "3";
    current.isCurrent = true;
    auto older = api("orders;rev=1", "orders", "http://echo/one", {op("list-one", "GET", "/items")});
    older.apiRevision = "1";
    auto newer = api("orders;rev=4", "orders", "http://echo/four",
                     {op("list-four", "GET", "/items"), op("new-op", "GET", "/new")});
    newer.apiRevision = "4";
    auto orphan = api("gone;rev=2", "gone", "http://echo/gone", {op("list", "GET", "/items")});
    orphan.apiRevision = "2";
    workspace.apis = {older, current, newer, orphan};
    return workspace;
}

TEST(RouteTable, RevisionsByRevSuffix)
{
    const Router router(revisionWorkspace());

    auto match = router.route("GET", "/orders/items");
    ASSERT_TRUE(match);
    EXPECT_EQ(match->api->name, "orders") << "the current revision without ;rev=";
    EXPECT_EQ(match->backendUrl, "http://echo/current/items");

    match = router.route("GET", "/orders;rev=4/new?x=y");
    ASSERT_TRUE(match);
    EXPECT_EQ(match->api->name, "orders;rev=4");
    EXPECT_EQ(match->operation->name, "new-op");
    EXPECT_EQ(match->operationPath, "/new");
    EXPECT_EQ(match->backendUrl, "http://echo/four/new?x=y");

    EXPECT_EQ(apiName(router.route("GET", "/orders;rev=1/items")), "orders;rev=1");
    EXPECT_EQ(apiName(router.route("GET", "/orders;rev=3/items")), "orders") << "the current one's own number";
    EXPECT_FALSE(router.route("GET", "/orders/new")) << "the current revision has no /new";
    EXPECT_FALSE(router.route("GET", "/orders;rev=2/items")) << "no such revision";
    EXPECT_FALSE(router.route("GET", "/orders;rev=x/items"));
    EXPECT_FALSE(router.route("GET", "/orders;rev=/items"));
    EXPECT_FALSE(router.route("GET", "/orders;rev=-1/items"));
    EXPECT_FALSE(router.route("GET", "/gone/items")) << "a revision folder without its current API is not routed";
    EXPECT_FALSE(router.route("GET", "/gone;rev=2/items"));
}

model::Workspace versionWorkspace()
{
    model::Workspace workspace;
    workspace.versionSets.push_back({.name = "seg", .versioningScheme = "Segment"});
    workspace.versionSets.push_back({.name = "hdr", .versioningScheme = "Header", .versionHeaderName = "Api-Version"});
    workspace.versionSets.push_back({.name = "qry", .versioningScheme = "Query", .versionQueryName = "api-version"});
    auto member = [&](std::string name, std::string path, std::string set, std::string version) {
        auto result = api(name, path, "http://echo/" + name, {op("list-" + name, "GET", "/items")});
        result.apiVersionSetId = set;
        if (!version.empty())
            result.apiVersion = version;
        result.apiRevision = "1";
        workspace.apis.push_back(std::move(result));
    };
    const std::string absolute = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ApiManagement/service/s";
    member("seg-original", "seg", "/apiVersionSets/seg", "");
    member("seg-v1", "seg", "/apiVersionSets/seg", "v1");
    member("seg-v2", "seg", absolute + "/apiVersionSets/seg", "v2");
    member("hdr-v1", "hdr", "/apiVersionSets/hdr", "v1");
    member("hdr-v2", "hdr", "/apiVersionSets/hdr", "v2");
    member("qry-original", "qry", "/apiVersionSets/qry", "");
    member("qry-v1", "qry", "/apiVersionSets/qry", "2024-01-01");
    auto revision = api("seg-v2;rev=2", "seg", "http://echo/seg-v2-rev2", {op("list-rev2", "GET", "/items")});
    revision.apiVersionSetId = "/apiVersionSets/seg";
    revision.apiVersion = "v2";
    revision.apiRevision = "2";
    workspace.apis.push_back(revision);
    return workspace;
}

TEST(RouteTable, SegmentVersions)
{
    const Router router(versionWorkspace());

    auto match = router.route("GET", "/seg/v2/items");
    ASSERT_TRUE(match);
    EXPECT_EQ(match->api->name, "seg-v2") << "an absolute apiVersionSetId works too";
    EXPECT_EQ(match->operationPath, "/items");
    EXPECT_EQ(match->backendUrl, "http://echo/seg-v2/items");
    EXPECT_EQ(apiName(router.route("GET", "/seg/v1/items")), "seg-v1");
    EXPECT_EQ(apiName(router.route("GET", "/seg/items")), "seg-original") << "Original without a version";
    EXPECT_FALSE(router.route("GET", "/seg/v3/items")) << "unknown version: the Original has no /v3/items";
    EXPECT_FALSE(router.route("GET", "/seg/V2/items")) << "version identifiers compare exactly";

    EXPECT_EQ(apiName(router.route("GET", "/seg/v2;rev=2/items")), "seg-v2;rev=2");
    EXPECT_EQ(apiName(router.route("GET", "/seg;rev=2/v2/items")), "seg-v2;rev=2");
    EXPECT_EQ(apiName(router.route("GET", "/seg/v2;rev=1/items")), "seg-v2");
    EXPECT_FALSE(router.route("GET", "/seg;rev=2/v2;rev=2/items")) << "one revision marker at most";
}

TEST(RouteTable, HeaderVersions)
{
    const Router router(versionWorkspace());

    auto match = router.route("GET", "/hdr/items", {{"api-version", "v2"}});
    ASSERT_TRUE(match);
    EXPECT_EQ(match->api->name, "hdr-v2");
    EXPECT_EQ(match->operationPath, "/items");
    EXPECT_EQ(apiName(router.route("GET", "/hdr/items", {{"Api-Version", "v1"}})), "hdr-v1");
    EXPECT_FALSE(router.route("GET", "/hdr/items")) << "no Original in this set";
    EXPECT_FALSE(router.route("GET", "/hdr/items", {{"Api-Version", "v9"}}));
    EXPECT_FALSE(router.route("GET", "/hdr/v1/items", {{"X-Other", "v1"}}));
}

TEST(RouteTable, QueryVersions)
{
    const Router router(versionWorkspace());

    auto match = router.route("GET", "/qry/items?a=1&api-version=2024-01-01");
    ASSERT_TRUE(match);
    EXPECT_EQ(match->api->name, "qry-v1");
    EXPECT_EQ(match->backendUrl, "http://echo/qry-v1/items?a=1&api-version=2024-01-01")
        << "the version parameter stays in the query";
    EXPECT_EQ(apiName(router.route("GET", "/qry/items?api-version=2024%2D01%2D01")), "qry-v1");
    EXPECT_EQ(apiName(router.route("GET", "/qry/items")), "qry-original");
    EXPECT_EQ(apiName(router.route("GET", "/qry/items?api-version=")), "qry-original");
    EXPECT_FALSE(router.route("GET", "/qry/items?api-version=2020-01-01"));
}

TEST(RouteTable, InlineVersionSetAndUnroutedEntities)
{
    model::Workspace workspace;
    auto inlineSet = api("inline-v1", "inline", "http://echo/i1", {op("list", "GET", "/items")});
    inlineSet.apiVersionSetId = "/apiVersionSets/not-in-the-folder";
    inlineSet.apiVersion = "v1";
    inlineSet.apiVersionSet = model::Json::parse(R"({"versioningScheme": "Header", "versionHeaderName": "X-V"})");
    workspace.apis.push_back(inlineSet);
    workspace.apis.push_back(model::Api{.name = "no-path", .serviceUrl = "http://echo"});
    model::ServiceWorkspace team;
    team.name = "team";
    team.apis.push_back(api("team-api", "team", "http://echo/team", {op("list", "GET", "/items")}));
    workspace.workspaces.push_back(team);
    const Router router(std::move(workspace));

    EXPECT_EQ(apiName(router.route("GET", "/inline/items", {{"x-v", "v1"}})), "inline-v1");
    EXPECT_FALSE(router.route("GET", "/team/items")) << "APIs of APIM workspaces are not routed";
    EXPECT_FALSE(RouteTable().match({.method = "GET", .path = "/"})) << "an empty table";
}

TEST(RouteTable, CopiesShareTheCompiledTable)
{
    const model::Workspace workspace = catalogWorkspace();
    RouteTable copy;
    {
        const RouteTable built = RouteTable::build(workspace);
        copy = built;
    }
    const auto match = copy.match({.method = "GET", .path = "/catalog/items"});
    ASSERT_TRUE(match);
    EXPECT_EQ(match->api, &workspace.apis[0]) << "points into the workspace given to build()";
}

// --- the conformance kit's routing and versions cases ------------------------------------------------------------

const std::filesystem::path conformance = GW_CONFORMANCE_DIR;

struct KitRow {
    std::string method;
    std::string target; // path and query
    Headers headers;
    std::string api; // "<none>": no match
    std::string operation;
    std::string backend; // backend path and query (after ${ECHO_URL})
};

// From cases/routing.json and cases/versions.json (backend.path, plus the query where the case checks it).
const std::map<std::string, std::vector<KitRow>> &kitRows()
{
    static const std::map<std::string, std::vector<KitRow>> rows = {
        {"routing",
         {
             {"GET", "/status-0123456789abcdef", {}, "<none>", "", ""}, // the health endpoint, answered before routing
             {"GET", "/catalog/items", {}, "catalog", "list-items", "/svc/v1/items"},
             {"GET", "/catalog/items/42", {}, "catalog", "get-item", "/svc/v1/items/42"},
             {"GET", "/catalog/items?sort=desc&page=2", {}, "catalog", "list-items", "/svc/v1/items?sort=desc&page=2"},
             {"POST", "/catalog/items", {}, "catalog", "create-item", "/svc/v1/items"},
             {"DELETE", "/catalog/items/42", {}, "<none>", "", ""},
             {"GET", "/no-such-api/items", {}, "<none>", "", ""},
             {"GET", "/catalog/widgets/1/2/3", {}, "<none>", "", ""},
             {"GET", "/shop/eu/catalog/items", {}, "shop-eu-catalog", "list-items", "/deep/items"},
             {"GET", "/catalog/__status/503", {}, "catalog", "backend-status", "/svc/v1/__status/503"},
         }},
        {"versions",
         {
             {"GET", "/segver/v1/items", {}, "seg-v1", "list-items", "/seg-v1/items"},
             {"GET", "/segver/v2/items", {}, "seg-v2", "list-items", "/seg-v2/items"},
             {"GET", "/hdrver/items", {{"Api-Version", "v1"}}, "hdr-v1", "list-items", "/hdr-v1/items"},
             {"GET", "/hdrver/items", {{"Api-Version", "v2"}}, "hdr-v2", "list-items", "/hdr-v2/items"},
             {"GET", "/qryver/items?api-version=v1", {}, "qry-v1", "list-items", "/qry-v1/items?api-version=v1"},
             {"GET", "/qryver/items?api-version=v2", {}, "qry-v2", "list-items", "/qry-v2/items?api-version=v2"},
             {"GET", "/revapi/items", {}, "rev-api", "list-items", "/rev/items"},
             {"GET", "/revapi;rev=2/items", {}, "rev-api;rev=2", "list-items", "/rev/items"},
         }},
    };
    return rows;
}

class ConformanceRouting : public testing::TestWithParam<std::string> {};

TEST_P(ConformanceRouting, EveryCaseRoutesAsExpected)
{
    const std::string name = GetParam();
    const auto loaded = store::readWorkspace(conformance / "workspaces" / name);
    ASSERT_FALSE(loaded.root.empty()) << "no workspace at " << (conformance / "workspaces" / name);
    const Router router(loaded.workspace, true);

    for (const KitRow &row : kitRows().at(name)) {
        SCOPED_TRACE(row.method + " " + row.target);
        const auto match = router.route(row.method, row.target, row.headers);
        EXPECT_EQ(apiName(match), row.api);
        if (!match)
            continue;
        EXPECT_EQ(match->operation->name, row.operation);
        EXPECT_EQ(match->backendUrl, "${ECHO_URL}" + row.backend);
    }
}

TEST_P(ConformanceRouting, TheTableCoversEveryRequestOfTheCaseFile)
{
    const std::string name = GetParam();
    std::ifstream in(conformance / "cases" / (name + ".json"));
    ASSERT_TRUE(in) << "cannot read the case file";
    const auto cases = nlohmann::json::parse(in);
    for (const auto &entry : cases.at("cases")) {
        const auto &request = entry.at("request");
        const std::string method = request.value("method", "GET");
        const std::string target = request.at("path").get<std::string>();
        Headers headers;
        const auto headerObject = request.value("headers", nlohmann::json::object());
        for (const auto &[key, value] : headerObject.items())
            headers.emplace_back(key, value.get<std::string>());
        const auto &rows = kitRows().at(name);
        const bool covered = std::any_of(rows.begin(), rows.end(), [&](const KitRow &row) {
            return row.method == method && row.target == target && row.headers == headers;
        });
        EXPECT_TRUE(covered) << entry.at("name").get<std::string>() << ": " << method << " " << target;
        if (entry.at("expect").contains("backend") && entry.at("expect").at("backend").contains("path")) {
            const std::string path = entry.at("expect").at("backend").at("path").get<std::string>();
            EXPECT_TRUE(std::any_of(rows.begin(), rows.end(),
                                    [&](const KitRow &row) {
                                        return row.method == method && row.target == target && row.headers == headers &&
                                               row.backend.substr(0, row.backend.find('?')) == path;
                                    }))
                << entry.at("name").get<std::string>() << ": backend path " << path;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Kit, ConformanceRouting, testing::Values("routing", "versions"));

} // namespace
} // namespace gw::routing
