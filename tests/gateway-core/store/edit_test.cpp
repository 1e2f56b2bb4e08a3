#include "store_fixture.h"

#include <model/validation.h>

#include <algorithm>

namespace gw::store::test {

namespace {

// A folder with every kind of the layout, written as the extractor writes them
// (apiops-layout.md section 4 examples), with keys Gatehouse does not model.
void writeEveryKind(const TempFolder &folder, const std::string &prefix = "")
{
    folder.write(prefix + "policy.xml",
                 "<policies>\n\t<inbound />\n\t<backend>\n\t\t<forward-request />\n\t</backend>\n"
                 "\t<outbound />\n\t<on-error />\n</policies>");
    folder.write(prefix + "apis/orders/apiInformation.json", R"({
  "properties": {
    "path": "orders",
    "apiRevision": "3",
    "apiRevisionDescription": "Adds paging",
    "apiVersion": "v2",
    "apiVersionSetId": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/apiVersionSets/orders",
    "authenticationSettings": {},
    "description": "Order management",
    "displayName": "Orders",
    "isCurrent": true,
    "protocols": [ "https" ],
    "serviceUrl": "https://orders.internal.example",
    "subscriptionKeyParameterNames": {
      "header": "X-Key",
      "query": "key"
    },
    "subscriptionRequired": true,
    "futureProperty": { "kept": [1, 2.50, "\u0022"] }
  },
  "unknownTopLevel": true
})");
    folder.write(prefix + "apis/orders/specification.yaml",
                 "openapi: 3.0.1\ninfo:\n  title: Orders\n  version: v2\npaths:\n  /orders/{id}:\n    get:\n"
                 "      operationId: get-order\n      summary: Get an order\n      parameters:\n        - name: id\n"
                 "          in: path\n          required: true\n          schema:\n            type: integer\n"
                 "      responses:\n        '200':\n          description: OK\n");
    folder.write(prefix + "apis/orders/policy.xml",
                 "<policies>\r\n\t<inbound>\r\n\t\t<base />\r\n\t\t<set-header name=\"X\" exists-action=\"override\">"
                 "<value>@(context.Request.Headers.GetValueOrDefault(\"A\",\"\") && true)</value></set-header>\r\n"
                 "\t</inbound>\r\n</policies>\r\n");
    folder.write(prefix + "apis/orders/operations/get-order/policy.xml",
                 "<policies><inbound><base /></inbound></policies>");
    folder.write(
        prefix + "apis/orders/diagnostics/applicationinsights/diagnosticInformation.json",
        R"({"properties": {"loggerId": "/loggers/orders-ai", "verbosity": "information", "sampling": {"percentage": 100, "samplingType": "fixed"}}})");
    folder.write(prefix + "apis/orders/releases/paging/apiReleaseInformation.json",
                 R"({ "properties": { "apiId": "/apis/orders;rev=3", "notes": "Paging" } })");
    folder.write(prefix + "apis/orders;rev=2/apiInformation.json",
                 R"({"properties": {"path": "orders", "apiRevision": "2", "displayName": "Orders"}})");
    folder.write(
        prefix + "version sets/orders/versionSetInformation.json",
        R"({ "properties": { "displayName": "Orders", "versioningScheme": "Header", "versionHeaderName": "Api-Version" } })");
    folder.write(prefix + "products/partner/productInformation.json", R"({
  "properties": {
    "displayName": "Partner",
    "description": "APIs for partners",
    "approvalRequired": false,
    "state": "published",
    "subscriptionRequired": true,
    "subscriptionsLimit": 5,
    "terms": "Fair use only."
  }
})");
    folder.write(prefix + "products/partner/policy.xml", "<policies />");
    folder.write(prefix + "products/partner/apis/orders/productApiInformation.json", "{}");
    folder.write(prefix + "products/partner/groups/partners/productGroupInformation.json",
                 R"({ "name": "partner-link", "properties": { "groupId": "/groups/partners" } })");
    folder.write(
        prefix + "groups/partners/groupInformation.json",
        R"({ "properties": { "displayName": "Partners", "description": "External partners", "type": "custom" } })");
    folder.write(
        prefix + "subscriptions/partner-a/subscriptionInformation.json",
        R"({"properties": {"displayName": "Partner A", "scope": "/products/partner", "allowTracing": false, "state": "active"}})");
    folder.write(prefix + "named values/orders-key/namedValueInformation.json",
                 R"({ "properties": { "displayName": "orders-api-key", "secret": true, "tags": [] } })");
    folder.write(
        prefix + "named values/orders-url/namedValueInformation.json",
        R"({ "properties": { "displayName": "orders-base-url", "secret": false, "tags": [ "routing" ], "value": "https://orders.internal.example" } })");
    folder.write(
        prefix + "backends/orders-west/backendInformation.json",
        R"({"properties": {"description": "West", "protocol": "http", "tls": {"validateCertificateChain": false, "validateCertificateName": true}, "type": "Single", "url": "https://west.example"}})");
    folder.write(prefix + "backends/orders-east/backendInformation.json",
                 R"({"properties": {"protocol": "http", "url": "https://east.example"}})");
    folder.write(prefix + "backends/orders/backendInformation.json", R"({
  "properties": {
    "circuitBreaker": {
      "rules": [
        {
          "acceptRetryAfter": true,
          "failureCondition": {
            "count": 5,
            "interval": "PT1M",
            "statusCodeRanges": [ { "max": 599, "min": 500 } ]
          },
          "name": "trip-on-5xx",
          "tripDuration": "PT1M"
        }
      ]
    },
    "description": "Orders, two regions",
    "pool": {
      "services": [
        { "id": "/backends/orders-west", "priority": 1, "weight": 3 },
        { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/backends/orders-east", "priority": 2 }
      ]
    },
    "type": "Pool"
  }
})");
    folder.write(prefix + "policy fragments/correlation/policyFragmentInformation.json",
                 R"({ "properties": { "description": "Adds correlation headers" } })");
    folder.write(prefix + "policy fragments/correlation/policy.xml",
                 "<fragment>\n\t<set-header name=\"X-C\" /></fragment>");
    folder.write(prefix + "tags/finance/tagInformation.json", R"({"properties": {"displayName": "finance"}})");
    folder.write(prefix + "tags/finance/apis/orders/tagApiInformation.json", "{}");
    folder.write(prefix + "tags/finance/products/partner/tagProductInformation.json", "{}");
    folder.write(
        prefix + "loggers/orders-ai/loggerInformation.json",
        R"({"properties": {"loggerType": "applicationInsights", "credentials": {"instrumentationKey": "{{Logger-Credentials--64f1}}"}, "isBuffered": true}})");
    folder.write(
        prefix + "diagnostics/applicationinsights/diagnosticInformation.json",
        R"({"properties": {"loggerId": "/loggers/orders-ai", "alwaysLog": "allErrors", "logClientIp": true}})");
    folder.write(
        prefix + "gateways/plant-1/gatewayInformation.json",
        R"({ "properties": { "description": "Factory floor", "locationData": { "city": "Lyon", "name": "Plant 1" } } })");
    folder.write(prefix + "gateways/plant-1/apis/orders/gatewayApiInformation.json", "{}");
    folder.write(prefix + "workspaces/team-a/apis/billing/apiInformation.json",
                 R"({"properties": {"path": "billing", "apiRevision": "1", "displayName": "Billing"}})");
    folder.write(prefix + "workspaces/team-a/products/team/productInformation.json",
                 R"({"properties": {"displayName": "Team"}})");
    folder.write(
        prefix + "workspaces/team-a/products/team/apis/billing/productApiInformation.json",
        R"({"name": "billing-link", "properties": {"apiId": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/workspaces/team-a/apis/billing"}})");
    folder.write(prefix + "README.md", "not part of the layout\n");
    folder.write(prefix + "apis/orders/notes.txt", "kept as is\n");
}

model::Api &api(model::Workspace &workspace, const std::string &name)
{
    return *std::find_if(workspace.apis.begin(), workspace.apis.end(),
                         [&](const model::Api &api) { return api.name == name; });
}

} // namespace

TEST(Store, ReadsEveryKindAndItsFields)
{
    TempFolder folder;
    writeEveryKind(folder);
    const LoadedWorkspace loaded = readWorkspace(folder.path());
    EXPECT_EQ(errorsOf(loaded.diagnostics), "");
    const model::Workspace &ws = loaded.workspace;

    const model::Api *orders = ws.findApi("orders");
    ASSERT_NE(orders, nullptr);
    EXPECT_EQ(orders->path, "orders");
    EXPECT_EQ(orders->revision(), 3);
    EXPECT_EQ(orders->apiVersion, "v2");
    EXPECT_TRUE(model::refersTo(*orders->apiVersionSetId, "apiVersionSets", "orders")) << "absolute id form";
    EXPECT_EQ(orders->protocols, (std::vector<std::string>{"https"}));
    EXPECT_EQ(orders->headerName(), "X-Key");
    EXPECT_EQ(orders->queryName(), "key");
    EXPECT_EQ(orders->authenticationSettings, model::Json::object());
    ASSERT_EQ(orders->contract.operations.size(), 1u);
    EXPECT_EQ(orders->contract.operations[0].urlTemplate, "/orders/{id}");
    EXPECT_EQ(orders->operationPolicies.at(0).operation, "get-order");
    EXPECT_NE(orders->policy->text.find("\r\n"), std::string::npos) << "policy text as written";
    EXPECT_EQ(orders->diagnostics.at(0).loggerId, "/loggers/orders-ai");
    EXPECT_EQ(orders->diagnostics.at(0).sampling["percentage"], 100);
    EXPECT_EQ(orders->releases.at(0).apiId, "/apis/orders;rev=3");
    EXPECT_EQ(ws.findApi("orders;rev=2")->revision(), 2);
    EXPECT_EQ(ws.findVersionSet("orders")->versionHeaderName, "Api-Version");

    const model::Product *partner = ws.findProduct("partner");
    EXPECT_EQ(partner->subscriptionsLimit, 5);
    EXPECT_EQ(partner->approvalRequired, false);
    EXPECT_EQ(partner->terms, "Fair use only.");
    EXPECT_EQ(partner->apis.at(0).target, "orders");
    EXPECT_EQ(partner->groups.at(0).linkName, "partner-link");
    EXPECT_EQ(partner->groups.at(0).groupId, "/groups/partners");
    EXPECT_EQ(ws.groups.at(0).type, "custom");
    EXPECT_EQ(ws.subscriptions.at(0).scope, "/products/partner");
    EXPECT_EQ(ws.subscriptions.at(0).allowTracing, false);

    const model::NamedValue *secret = ws.findNamedValueByDisplayName("orders-api-key");
    ASSERT_NE(secret, nullptr);
    EXPECT_EQ(secret->name, "orders-key");
    EXPECT_TRUE(secret->secret.value());
    EXPECT_FALSE(secret->value);
    EXPECT_EQ(ws.findNamedValueByDisplayName("orders-base-url")->tags, (std::vector<std::string>{"routing"}));

    const model::Backend *pool = ws.findBackend("orders");
    ASSERT_TRUE(pool->isPool());
    ASSERT_EQ(pool->pool.size(), 2u);
    EXPECT_EQ(pool->pool[0].weight, 3);
    EXPECT_FALSE(pool->pool[1].weight);
    ASSERT_EQ(pool->circuitBreakerRules.size(), 1u);
    EXPECT_EQ(pool->circuitBreakerRules[0].failureCount, 5);
    EXPECT_EQ(pool->circuitBreakerRules[0].statusCodeRanges.at(0).min, 500);
    EXPECT_EQ(pool->circuitBreakerRules[0].tripDuration, "PT1M");
    EXPECT_EQ(ws.findBackend("orders-west")->validateCertificateChain, false);

    EXPECT_EQ(ws.policyFragments.at(0).description, "Adds correlation headers");
    EXPECT_EQ(ws.tags.at(0).apis.at(0).target, "orders");
    EXPECT_EQ(ws.tags.at(0).products.at(0).target, "partner");
    EXPECT_EQ(ws.loggers.at(0).credentials["instrumentationKey"], "{{Logger-Credentials--64f1}}");
    EXPECT_EQ(ws.diagnostics.at(0).alwaysLog, "allErrors");
    EXPECT_EQ(ws.gateways.at(0).apis, (std::vector<std::string>{"orders"}));
    EXPECT_EQ(ws.gateways.at(0).locationData["city"], "Lyon");
    ASSERT_EQ(ws.workspaces.size(), 1u);
    EXPECT_EQ(ws.workspaces[0].name, "team-a");
    EXPECT_EQ(ws.workspaces[0].products.at(0).apis.at(0).linkName, "billing-link");
    EXPECT_EQ(ws.workspaces[0].findApi("billing")->path, "billing");

    TempFolder copy;
    EXPECT_TRUE(saveWorkspaceAs(loaded, loaded.workspace, copy.path()).written.empty());
    EXPECT_EQ(readTree(copy.path()), readTree(folder.path()));
}

TEST(Store, OneFieldChangeRewritesOnlyThatValue)
{
    TempFolder folder;
    writeEveryKind(folder);
    LoadedWorkspace loaded = readWorkspace(folder.path());
    const auto before = readTree(folder.path());

    model::Workspace edited = loaded.workspace;
    api(edited, "orders").displayName = "Orders (v2)";
    const SaveReport report = saveWorkspace(loaded, edited);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report.written, (std::vector<std::string>{"apis/orders/apiInformation.json"}));

    const auto after = readTree(folder.path());
    EXPECT_EQ(changedFiles(before, after), (std::vector<std::string>{"apis/orders/apiInformation.json"}));
    std::string expected = before.at("apis/orders/apiInformation.json");
    expected.replace(expected.find("\"Orders\""), 8, "\"Orders (v2)\"");
    EXPECT_EQ(after.at("apis/orders/apiInformation.json"), expected)
        << "unknown keys, key order, inline arrays and escapes stay as they were";

    // A second save of the same model writes nothing.
    EXPECT_TRUE(saveWorkspace(loaded, edited).written.empty());
}

TEST(Store, NestedAndNewFieldsAreEditedInPlace)
{
    TempFolder folder;
    writeEveryKind(folder);
    LoadedWorkspace loaded = readWorkspace(folder.path());
    model::Workspace edited = loaded.workspace;
    auto &backend = *std::find_if(edited.backends.begin(), edited.backends.end(),
                                  [](const auto &b) { return b.name == "orders-west"; });
    backend.validateCertificateChain = true;
    backend.title = "West region";
    auto &subscription = edited.subscriptions.at(0);
    subscription.allowTracing.reset();
    ASSERT_TRUE(saveWorkspace(loaded, edited).ok());

    EXPECT_EQ(
        readText(folder / "backends/orders-west/backendInformation.json"),
        R"({"properties": {"description": "West", "protocol": "http", "tls": {"validateCertificateChain": true, "validateCertificateName": true}, "type": "Single", "url": "https://west.example", "title": "West region"}})");
    EXPECT_EQ(readText(folder / "subscriptions/partner-a/subscriptionInformation.json"),
              R"({"properties": {"displayName": "Partner A", "scope": "/products/partner", "state": "active"}})");
    const LoadedWorkspace again = readWorkspace(folder.path());
    EXPECT_EQ(again.workspace.findBackend("orders-west")->title, "West region");
}

TEST(Store, PolicyTextIsKeptByteForByteAndSavedAsEdited)
{
    TempFolder folder;
    writeEveryKind(folder);
    LoadedWorkspace loaded = readWorkspace(folder.path());
    model::Workspace edited = loaded.workspace;
    const std::string text = "<policies>\n\t<inbound>\n\t\t<base />\n\t\t<set-variable name=\"a\" "
                             "value=\"@(context.Variables.GetValueOrDefault<string>(\"x\", \"\"))\" />\n"
                             "\t</inbound>\n</policies>";
    api(edited, "orders").operationPolicies.at(0).policy.text = text;
    const SaveReport report = saveWorkspace(loaded, edited);
    EXPECT_EQ(report.written, (std::vector<std::string>{"apis/orders/operations/get-order/policy.xml"}));
    EXPECT_EQ(readText(folder / "apis/orders/operations/get-order/policy.xml"), text);
    EXPECT_NE(readText(folder / "apis/orders/policy.xml").find("\r\n"), std::string::npos);
}

TEST(Store, CreatesEntitiesInTheExtractorsShapeAndDeletesThemWithTheirLinks)
{
    TempFolder folder;
    writeEveryKind(folder);
    LoadedWorkspace loaded = readWorkspace(folder.path());
    model::Workspace edited = loaded.workspace;

    model::Product gold;
    gold.name = "gold";
    gold.displayName = "Gold";
    gold.state = "published";
    gold.subscriptionRequired = true;
    gold.apis.push_back({"orders"});
    gold.groups.push_back({"partners", "partners", "/groups/partners"});
    edited.products.push_back(gold);
    // Deleting the group also drops the product's link to it (the link folder goes).
    edited.products.erase(std::find_if(edited.products.begin(), edited.products.end(),
                                       [](const auto &p) { return p.name == "partner"; }));
    const SaveReport report = saveWorkspace(loaded, edited);
    ASSERT_TRUE(report.ok());

    EXPECT_EQ(readText(folder / "products/gold/productInformation.json"),
              "{\n  \"properties\": {\n    \"displayName\": \"Gold\",\n    \"state\": \"published\",\n"
              "    \"subscriptionRequired\": true\n  }\n}");
    EXPECT_EQ(readText(folder / "products/gold/apis/orders/productApiInformation.json"), "{}");
    EXPECT_EQ(readText(folder / "products/gold/groups/partners/productGroupInformation.json"),
              "{\n  \"name\": \"partners\",\n  \"properties\": {\n    \"groupId\": \"/groups/partners\"\n  }\n}");
    EXPECT_FALSE(fs::exists(folder / "products/partner")) << "the folder goes when nothing else is in it";
    EXPECT_TRUE(fs::exists(folder / "README.md"));
    EXPECT_TRUE(fs::exists(folder / "apis/orders/notes.txt"));
}

TEST(Store, DeletingAnEntityKeepsFilesItDoesNotKnow)
{
    TempFolder folder;
    writeEveryKind(folder);
    LoadedWorkspace loaded = readWorkspace(folder.path());
    model::Workspace edited = loaded.workspace;
    edited.apis.erase(
        std::find_if(edited.apis.begin(), edited.apis.end(), [](const auto &a) { return a.name == "orders"; }));
    const SaveReport report = saveWorkspace(loaded, edited);
    ASSERT_TRUE(report.ok());
    EXPECT_FALSE(fs::exists(folder / "apis/orders/apiInformation.json"));
    EXPECT_FALSE(fs::exists(folder / "apis/orders/operations"));
    EXPECT_TRUE(fs::exists(folder / "apis/orders/notes.txt")) << "a file the layout does not know is never removed";
}

TEST(Store, AppliesEnvironmentOverridesOnLoadOnly)
{
    TempFolder folder; // a repository: the artifacts root and the override files beside it
    writeEveryKind(folder, "apimartifacts/");
    folder.write("configuration.prod.yaml", R"(apimServiceName: apim-prod
namedValues:
  - name: orders-url
    properties:
      value: "https://orders.prod.example"
backends:
  - name: orders-west
    properties:
      tls:
        validateCertificateChain: true
apis:
  - name: orders
    properties:
      serviceUrl: "https://orders-prod.example"
      apiRevision: "99"
    policies:
      - name: policy
        properties:
          format: rawxml
          value: "<policies><inbound /></policies>"
    operations:
      - name: get-order
        policies:
          - name: policy
            properties: { format: rawxml, value: "<policies>prod</policies>" }
)");
    LoadedWorkspace loaded = readWorkspace(folder.path(), {.environment = "prod"});
    EXPECT_EQ(errorsOf(loaded.diagnostics), "");
    const model::Workspace &ws = loaded.workspace;
    EXPECT_EQ(ws.findNamedValueByDisplayName("orders-base-url")->value, "https://orders.prod.example");
    EXPECT_EQ(ws.findBackend("orders-west")->validateCertificateChain, true);
    EXPECT_EQ(ws.findBackend("orders-west")->validateCertificateName, true) << "objects merge key by key";
    EXPECT_EQ(ws.findApi("orders")->serviceUrl, "https://orders-prod.example");
    EXPECT_EQ(ws.findApi("orders")->apiRevision, "3") << "apiRevision in an override is ignored";
    EXPECT_EQ(ws.findApi("orders")->policy->text, "<policies><inbound /></policies>");
    EXPECT_EQ(ws.findApi("orders")->operationPolicies.at(0).policy.text, "<policies>prod</policies>");

    // Saving after an unrelated edit does not write the environment's values into the folder.
    const auto before = readTree(loaded.root);
    model::Workspace edited = loaded.workspace;
    edited.tags.at(0).displayName = "finance-team";
    ASSERT_TRUE(saveWorkspace(loaded, edited).ok());
    EXPECT_EQ(changedFiles(before, readTree(loaded.root)),
              (std::vector<std::string>{"tags/finance/tagInformation.json"}));

    const LoadedWorkspace missing = readWorkspace(folder.path(), {.environment = "staging"});
    EXPECT_TRUE(std::any_of(missing.diagnostics.begin(), missing.diagnostics.end(),
                            [](const Diagnostic &d) { return d.message.find("staging") != std::string::npos; }));
}

TEST(Store, ReportsBadFilesWithPositionsAndKeepsLoading)
{
    TempFolder folder;
    folder.write("apis/broken/apiInformation.json", "{\n  \"properties\": {\n    \"path\": orders\n  }\n}\n");
    folder.write("apis/good/apiInformation.json", R"({"properties": {"path": "good", "apiRevision": "1"}})");
    folder.write("apis/bad-revision/apiInformation.json",
                 "{\n  \"properties\": {\n    \"path\": \"x\",\n    \"apiRevision\": \"one\"\n  }\n}");
    folder.write("apis/typed/apiInformation.json",
                 R"({"properties": {"path": "typed", "apiRevision": "1", "subscriptionRequired": "yes"}})");
    folder.write("apis/good/specification.yaml", "openapi: 3.0.1\npaths:\n  /x: [unclosed\n");

    const LoadedWorkspace loaded = readWorkspace(folder.path());
    auto find = [&](const std::string &file) -> const Diagnostic * {
        for (const auto &d : loaded.diagnostics) {
            if (d.location.file == file)
                return &d;
        }
        return nullptr;
    };
    const Diagnostic *json = find("apis/broken/apiInformation.json");
    ASSERT_NE(json, nullptr);
    EXPECT_EQ(json->location.line, 3);
    EXPECT_EQ(json->location.column, 13);
    const Diagnostic *revision = find("apis/bad-revision/apiInformation.json");
    ASSERT_NE(revision, nullptr);
    EXPECT_NE(revision->message.find("apiRevision"), std::string::npos);
    EXPECT_EQ(revision->location.line, 4) << "the JSON pointer is turned into a position";
    EXPECT_EQ(revision->location.column, 20);
    const Diagnostic *typed = find("apis/typed/apiInformation.json");
    ASSERT_NE(typed, nullptr);
    EXPECT_NE(typed->message.find("/properties/subscriptionRequired must be true or false"), std::string::npos);
    const Diagnostic *specification = find("apis/good/specification.yaml");
    ASSERT_NE(specification, nullptr);
    EXPECT_GT(specification->location.line, 0);
    EXPECT_NE(loaded.workspace.findApi("good"), nullptr) << "one bad file does not stop the load";
}

TEST(Store, RefusesAFolderThatIsNoWorkspace)
{
    TempFolder folder;
    folder.write("notes.txt", "hello");
    LoadedWorkspace loaded = readWorkspace(folder.path());
    EXPECT_TRUE(loaded.root.empty());
    EXPECT_TRUE(hasErrors(loaded.diagnostics));
    loaded = readWorkspace(folder / "missing");
    EXPECT_NE(loaded.diagnostics.at(0).message.find("does not exist"), std::string::npos);
}

TEST(Validation, FindsWhatThePublisherOrTheGatewayWouldRefuse)
{
    model::Workspace ws;
    auto add = [&](std::string name, std::string path, std::string revision) -> model::Api & {
        model::Api &api = ws.apis.emplace_back();
        api.name = std::move(name);
        api.path = std::move(path);
        api.apiRevision = std::move(revision);
        return api;
    };
    add("orders", "orders", "1");
    add("orders-copy", "orders", "1");
    add("ghost;rev=2", "ghost", "2");
    add("typo", "typo", "1.5");
    add("orders;rev=1", "orders", "1");
    model::Api &v1 = add("items-v1", "items", "1");
    v1.apiVersionSetId = "/apiVersionSets/items";
    v1.apiVersion = "v1";
    model::Api &v1b = add("items-v1b", "items", "1");
    v1b.apiVersionSetId = "/apiVersionSets/items";
    v1b.apiVersion = "v1";
    ws.subscriptions.push_back({.name = "s", .scope = "/products/nowhere", .state = "active"});
    ws.backends.push_back({.name = "pool", .pool = {{"/backends/missing"}}, .type = "Pool", .url = "https://x"});
    ws.diagnostics.push_back({.name = "d", .loggerId = "/things/x"});

    const Diagnostics problems = model::validate(ws);
    auto has = [&](const std::string &file, const std::string &words, Severity severity) {
        return std::any_of(problems.begin(), problems.end(), [&](const Diagnostic &d) {
            return d.location.file == file && d.message.find(words) != std::string::npos && d.severity == severity;
        });
    };
    EXPECT_TRUE(has("apis/orders-copy/apiInformation.json", "already used by API 'orders'", Severity::Error));
    EXPECT_TRUE(has("apis/ghost;rev=2/apiInformation.json", "has no root API", Severity::Error));
    EXPECT_TRUE(has("apis/typo/apiInformation.json", "positive integer", Severity::Error));
    EXPECT_TRUE(has("apis/orders;rev=1/apiInformation.json", "both the current revision", Severity::Error));
    EXPECT_TRUE(has("apis/items-v1b/apiInformation.json", "defined by another API", Severity::Error));
    EXPECT_TRUE(has("apis/items-v1/apiInformation.json", "version set /apiVersionSets/items", Severity::Warning));
    EXPECT_TRUE(has("subscriptions/s/subscriptionInformation.json", "names no product", Severity::Warning));
    EXPECT_TRUE(has("backends/pool/backendInformation.json", "must not have a url", Severity::Error));
    EXPECT_TRUE(has("backends/pool/backendInformation.json", "does not exist", Severity::Warning));
    EXPECT_TRUE(has("diagnostics/d/diagnosticInformation.json", "must end in /loggers/", Severity::Error));
    EXPECT_FALSE(has("apis/items-v1/apiInformation.json", "already used", Severity::Error))
        << "versions of one set share a path";
}

} // namespace gw::store::test
