#include <openapi/openapi.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <set>
#include <sstream>

namespace {

using gw::Diagnostics;
using gw::Severity;
using gw::model::ApiContract;
using gw::model::Operation;
using gw::model::Parameter;
using gw::model::Representation;
using gw::openapi::Format;
using gw::openapi::ImportResult;
using Json = nlohmann::ordered_json;

const std::filesystem::path kData = GW_OPENAPI_DATA_DIR;

ImportResult importData(const std::string &relative)
{
    return gw::openapi::importFile(kData / relative);
}

std::string describe(const Diagnostics &diagnostics)
{
    std::string out;
    for (const gw::Diagnostic &d : diagnostics)
        out += gw::format(d) + '\n';
    return out;
}

const gw::Diagnostic *findDiagnostic(const Diagnostics &diagnostics, const std::string &text)
{
    for (const gw::Diagnostic &d : diagnostics) {
        if (d.message.find(text) != std::string::npos)
            return &d;
    }
    return nullptr;
}

const Operation &operation(const ApiContract &contract, const std::string &name)
{
    const Operation *op = contract.findOperation(name);
    if (!op)
        throw std::runtime_error("no operation " + name);
    return *op;
}

const Parameter *parameter(const std::vector<Parameter> &list, const std::string &name)
{
    auto it = std::find_if(list.begin(), list.end(), [&](const Parameter &p) { return p.name == name; });
    return it == list.end() ? nullptr : &*it;
}

// ---------------------------------------------------------------- comparing contracts field by field

#define GW_SAME(what, a, b)                                                                                            \
    do {                                                                                                               \
        if (!((a) == (b)))                                                                                             \
            return testing::AssertionFailure() << where << ": " << what << " differs";                                 \
    } while (false)

testing::AssertionResult sameParameters(const std::string &where, const std::vector<Parameter> &a,
                                        const std::vector<Parameter> &b)
{
    GW_SAME("parameter count", a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string at = where + " parameter " + a[i].name;
        if (a[i].name != b[i].name)
            return testing::AssertionFailure() << at << ": name differs from " << b[i].name;
        if (a[i].description != b[i].description || a[i].type != b[i].type || a[i].required != b[i].required ||
            a[i].defaultValue != b[i].defaultValue || a[i].values != b[i].values)
            return testing::AssertionFailure() << at << ": description, type, required, default or enum differ";
        if (a[i].schema != b[i].schema)
            return testing::AssertionFailure()
                   << at << ": schema " << a[i].schema.dump() << " vs " << b[i].schema.dump();
    }
    return testing::AssertionSuccess();
}

testing::AssertionResult sameRepresentations(const std::string &where, const std::vector<Representation> &a,
                                             const std::vector<Representation> &b)
{
    GW_SAME("representation count", a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string at = where + " " + a[i].contentType;
        if (a[i].contentType != b[i].contentType)
            return testing::AssertionFailure() << at << ": content type differs from " << b[i].contentType;
        if (a[i].schema != b[i].schema)
            return testing::AssertionFailure() << at << ": schema\n"
                                               << a[i].schema.dump() << "\nvs\n"
                                               << b[i].schema.dump();
        if (a[i].example != b[i].example)
            return testing::AssertionFailure()
                   << at << ": example " << a[i].example.dump() << " vs " << b[i].example.dump();
        if (a[i].examples != b[i].examples)
            return testing::AssertionFailure() << at << ": named examples differ";
    }
    return testing::AssertionSuccess();
}

testing::AssertionResult sameOperation(const Operation &a, const Operation &b)
{
    const std::string where = a.method + " " + a.urlTemplate + " (" + a.name + ")";
    GW_SAME("name", a.name, b.name);
    GW_SAME("display name", a.displayName, b.displayName);
    GW_SAME("method", a.method, b.method);
    GW_SAME("URL template", a.urlTemplate, b.urlTemplate);
    GW_SAME("description", a.description, b.description);
    if (auto r = sameParameters(where + " template", a.templateParameters, b.templateParameters); !r)
        return r;
    if (auto r = sameParameters(where + " query", a.queryParameters, b.queryParameters); !r)
        return r;
    if (auto r = sameParameters(where + " header", a.headers, b.headers); !r)
        return r;
    GW_SAME("request presence", a.request.has_value(), b.request.has_value());
    if (a.request) {
        GW_SAME("request description", a.request->description, b.request->description);
        GW_SAME("request required", a.request->required, b.request->required);
        if (auto r = sameRepresentations(where + " request", a.request->representations, b.request->representations);
            !r)
            return r;
    }
    GW_SAME("response count", a.responses.size(), b.responses.size());
    for (std::size_t i = 0; i < a.responses.size(); ++i) {
        const std::string at = where + " response " + a.responses[i].statusCode;
        GW_SAME("status code", a.responses[i].statusCode, b.responses[i].statusCode);
        GW_SAME("response description", a.responses[i].description, b.responses[i].description);
        if (auto r = sameParameters(at + " header", a.responses[i].headers, b.responses[i].headers); !r)
            return r;
        if (auto r = sameRepresentations(at, a.responses[i].representations, b.responses[i].representations); !r)
            return r;
    }
    return testing::AssertionSuccess();
}

testing::AssertionResult sameContract(const ApiContract &a, const ApiContract &b)
{
    const std::string where = "contract";
    GW_SAME("title", a.title, b.title);
    GW_SAME("description", a.description, b.description);
    GW_SAME("version", a.version, b.version);
    GW_SAME("servers", a.servers, b.servers);
    GW_SAME("operation count", a.operations.size(), b.operations.size());
    for (std::size_t i = 0; i < a.operations.size(); ++i) {
        if (auto r = sameOperation(a.operations[i], b.operations[i]); !r)
            return r;
    }
    return testing::AssertionSuccess();
}

// ---------------------------------------------------------------- the corpus

struct CorpusFile {
    const char *path;
    const char *version;
    std::size_t operations;
};

const CorpusFile kCorpus[] = {
    {"v2.0/petstore.json", "2.0", 20},
    {"v2.0/petstore.yaml", "2.0", 20},
    {"v2.0/petstore-expanded.json", "2.0", 4},
    {"v2.0/api-with-examples.yaml", "2.0", 2},
    {"v2.0/schema-circular.yaml", "2.0", 1},
    {"v2.0/petstore-separate/spec/swagger.json", "2.0", 4},
    {"v3.0/petstore.yaml", "3.0.0", 20},
    {"v3.0/petstore.json", "3.0.0", 20},
    {"v3.0/petstore-expanded.yaml", "3.0.0", 4},
    {"v3.0/uspto.yaml", "3.0.1", 3},
    {"v3.0/link-example.json", "3.0.0", 6},
    {"v3.0/schema-circular.yaml", "3.0.3", 3},
    {"v3.0/circular-paths.yaml", "3.0.0", 3},
    {"v3.0/server-variables.yaml", "3.0.3", 4},
    {"v3.0/request-examples.yaml", "3.0.0", 11},
    {"v3.0/response-examples.yaml", "3.0.3", 2},
    {"v3.0/parameters-common.yaml", "3.0.3", 5},
    {"v3.0/form-data.yaml", "3.0.3", 1},
    {"v3.0/multi-file/openapi.yaml", "3.0.3", 3},
    {"v3.1/petstore.json", "3.1.0", 20},
    {"v3.1/readme.yaml", "3.1.0", 54},
    {"v3.1/webhooks.yaml", "3.1.0", 0},
    {"large/api.github.com.json", "3.0.3", 706},
};

class Corpus : public testing::TestWithParam<CorpusFile> {};

TEST_P(Corpus, ImportsWithoutErrors)
{
    const CorpusFile &file = GetParam();
    const ImportResult result = importData(file.path);
    EXPECT_FALSE(gw::hasErrors(result.diagnostics)) << describe(result.diagnostics);
    EXPECT_EQ(result.contract.openApiVersion, file.version);
    EXPECT_EQ(result.contract.operations.size(), file.operations);
    std::set<std::string> names;
    for (const Operation &op : result.contract.operations) {
        EXPECT_FALSE(op.name.empty());
        EXPECT_TRUE(names.insert(op.name).second) << "duplicate operation name " << op.name;
        EXPECT_FALSE(op.displayName.empty());
        EXPECT_EQ(op.urlTemplate.front(), '/');
        EXPECT_TRUE(std::all_of(op.method.begin(), op.method.end(), [](char c) { return std::isupper(c); }));
    }
}

TEST_P(Corpus, ExportRoundTripsInJsonAndYaml)
{
    const CorpusFile &file = GetParam();
    const ImportResult original = importData(file.path);
    ASSERT_FALSE(gw::hasErrors(original.diagnostics)) << describe(original.diagnostics);
    for (Format format : {Format::Json, Format::Yaml}) {
        const std::string name = format == Format::Json ? "exported.json" : "exported.yaml";
        const std::string text = gw::openapi::exportContract(original.contract, format);
        const ImportResult again = gw::openapi::importText(text, name, std::filesystem::temp_directory_path());
        EXPECT_FALSE(gw::hasErrors(again.diagnostics)) << name << "\n" << describe(again.diagnostics);
        EXPECT_EQ(again.contract.openApiVersion, "3.0.1");
        EXPECT_TRUE(sameContract(original.contract, again.contract)) << name;
    }
}

INSTANTIATE_TEST_SUITE_P(OpenApi, Corpus, testing::ValuesIn(kCorpus), [](const auto &info) {
    std::string name = info.param.path;
    std::replace_if(
        name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return name;
});

// ---------------------------------------------------------------- spot checks

TEST(OpenApiImport, SwaggerPetstoreFields)
{
    const ImportResult result = importData("v2.0/petstore.json");
    const ApiContract &contract = result.contract;
    EXPECT_EQ(contract.title, "Swagger Petstore");
    EXPECT_EQ(contract.version, "1.0.0");
    EXPECT_EQ(contract.servers, std::vector<std::string>{"http://petstore.swagger.io/v2"});

    const Operation &get = operation(contract, "getPetById");
    EXPECT_EQ(get.method, "GET");
    EXPECT_EQ(get.urlTemplate, "/pet/{petId}");
    EXPECT_EQ(get.displayName, "Find pet by ID");
    EXPECT_EQ(get.description, "Returns a single pet");
    ASSERT_EQ(get.templateParameters.size(), 1u);
    EXPECT_EQ(get.templateParameters[0].name, "petId");
    EXPECT_EQ(get.templateParameters[0].type, "integer");
    EXPECT_TRUE(get.templateParameters[0].required);
    EXPECT_FALSE(get.request);
    ASSERT_EQ(get.responses.size(), 3u);
    EXPECT_EQ(get.responses[0].statusCode, "200");
    ASSERT_EQ(get.responses[0].representations.size(), 2u); // produces: xml and json
    EXPECT_EQ(get.responses[0].representations[0].contentType, "application/xml");
    EXPECT_EQ(get.responses[0].representations[1].contentType, "application/json");
    const Json &pet = get.responses[0].representations[1].schema;
    EXPECT_EQ(pet["required"], Json({"name", "photoUrls"}));
    EXPECT_EQ(pet["properties"]["category"]["properties"]["name"]["type"], "string"); // #/definitions/Category

    const Operation &find = operation(contract, "findPetsByStatus");
    const Parameter *status = parameter(find.queryParameters, "status");
    ASSERT_TRUE(status);
    EXPECT_EQ(status->type, "array");
    EXPECT_TRUE(status->required);
    EXPECT_EQ(status->schema["items"]["enum"], Json({"available", "pending", "sold"}));

    const Operation &add = operation(contract, "addPet");
    ASSERT_TRUE(add.request);
    EXPECT_TRUE(add.request->required);
    ASSERT_EQ(add.request->representations.size(), 2u); // consumes: json and xml
    EXPECT_EQ(add.request->representations[0].contentType, "application/json");
    EXPECT_EQ(add.request->representations[0].schema["properties"]["name"]["example"], "doggie");

    const Operation &login = operation(contract, "loginUser");
    const gw::model::Response &ok = login.responses.front();
    EXPECT_TRUE(parameter(ok.headers, "X-Rate-Limit"));
    EXPECT_EQ(parameter(ok.headers, "X-Rate-Limit")->type, "integer");

    const Operation &upload = operation(contract, "uploadFile");
    ASSERT_TRUE(upload.request); // formData
    EXPECT_EQ(upload.request->representations.at(0).contentType, "multipart/form-data");
    EXPECT_EQ(upload.request->representations[0].schema["properties"]["file"]["format"], "binary");
}

// The schema's shape, without the details the 3.0 edition of the sample added (examples, readOnly, defaults).
nlohmann::json shape(const Json &schema)
{
    nlohmann::json out;
    if (!schema.is_object())
        return out;
    out["type"] = schema.value("type", Json()).dump();
    out["required"] = schema.value("required", Json()).dump();
    if (schema.contains("items"))
        out["items"] = shape(schema["items"]);
    if (schema.contains("properties")) {
        for (auto &[name, property] : schema["properties"].items())
            out["properties"][name] = shape(property);
    }
    return out;
}

bool sameWords(std::string a, std::string b)
{
    auto lower = [](std::string &s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    };
    lower(a);
    lower(b);
    return a == b;
}

TEST(OpenApiImport, SwaggerAndOpenApiPetstoresAgree)
{
    // The same API described in 2.0 and in 3.0 (the 3.0 edition adds examples and "default" responses).
    const ImportResult v2 = importData("v2.0/petstore.json");
    const ImportResult v3 = importData("v3.0/petstore.json");
    ASSERT_EQ(v2.contract.operations.size(), v3.contract.operations.size());
    EXPECT_EQ(v2.contract.title, v3.contract.title);
    EXPECT_EQ(v2.contract.servers, v3.contract.servers);
    auto sameParameterList = [](const std::vector<Parameter> &a, const std::vector<Parameter> &b) {
        ASSERT_EQ(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            EXPECT_EQ(a[i].name, b[i].name);
            EXPECT_EQ(a[i].type, b[i].type) << a[i].name;
            EXPECT_EQ(a[i].required, b[i].required) << a[i].name;
            EXPECT_EQ(a[i].defaultValue, b[i].defaultValue) << a[i].name;
            EXPECT_EQ(a[i].values, b[i].values) << a[i].name;
            EXPECT_EQ(a[i].description, b[i].description) << a[i].name;
            EXPECT_EQ(shape(a[i].schema), shape(b[i].schema)) << a[i].name;
        }
    };
    for (const Operation &a : v2.contract.operations) {
        SCOPED_TRACE(a.name);
        const Operation &b = operation(v3.contract, a.name);
        EXPECT_EQ(a.method, b.method);
        EXPECT_EQ(a.urlTemplate, b.urlTemplate);
        EXPECT_TRUE(sameWords(a.displayName, b.displayName)) << a.displayName << " vs " << b.displayName;
        EXPECT_EQ(a.description, b.description);
        sameParameterList(a.templateParameters, b.templateParameters);
        sameParameterList(a.queryParameters, b.queryParameters);
        sameParameterList(a.headers, b.headers);
        ASSERT_EQ(a.request.has_value(), b.request.has_value());
        if (a.request) {
            EXPECT_EQ(a.request->required, b.request->required);
            ASSERT_EQ(a.request->representations.size(), b.request->representations.size());
            for (std::size_t i = 0; i < a.request->representations.size(); ++i) {
                EXPECT_EQ(a.request->representations[i].contentType, b.request->representations[i].contentType);
                EXPECT_EQ(shape(a.request->representations[i].schema), shape(b.request->representations[i].schema));
            }
        }
        for (const gw::model::Response &ra : a.responses) {
            auto rb = std::find_if(b.responses.begin(), b.responses.end(),
                                   [&](const gw::model::Response &r) { return r.statusCode == ra.statusCode; });
            ASSERT_NE(rb, b.responses.end()) << ra.statusCode;
            EXPECT_EQ(ra.description, rb->description);
            sameParameterList(ra.headers, rb->headers);
            ASSERT_EQ(ra.representations.size(), rb->representations.size()) << ra.statusCode;
            for (std::size_t i = 0; i < ra.representations.size(); ++i) {
                EXPECT_EQ(ra.representations[i].contentType, rb->representations[i].contentType);
                EXPECT_EQ(shape(ra.representations[i].schema), shape(rb->representations[i].schema));
            }
        }
    }
}

TEST(OpenApiImport, YamlAndJsonOfTheSameDocumentAgree)
{
    const ImportResult json = importData("v3.0/petstore.json");
    const ImportResult yaml = importData("v3.0/petstore.yaml");
    EXPECT_TRUE(sameContract(json.contract, yaml.contract));
    const ImportResult json2 = importData("v2.0/petstore.json");
    const ImportResult yaml2 = importData("v2.0/petstore.yaml");
    EXPECT_TRUE(sameContract(json2.contract, yaml2.contract));
}

TEST(OpenApiImport, RelativeFileReferencesResolve)
{
    const ImportResult result = importData("v2.0/petstore-separate/spec/swagger.json");
    ASSERT_FALSE(gw::hasErrors(result.diagnostics)) << describe(result.diagnostics);
    EXPECT_EQ(result.contract.servers, std::vector<std::string>{"http://petstore.swagger.wordnik.com/api"});

    const Operation &find = operation(result.contract, "findPets");
    ASSERT_EQ(find.queryParameters.size(), 2u); // parameters.json#/tagsParam, #/limitsParam
    EXPECT_EQ(find.queryParameters[0].name, "tags");
    EXPECT_EQ(find.queryParameters[0].type, "array");
    EXPECT_EQ(find.queryParameters[1].name, "limit");
    EXPECT_EQ(find.queryParameters[1].type, "integer");
    const Json &items = find.responses.at(0).representations.at(0).schema["items"]; // Pet.json
    EXPECT_EQ(items["required"], Json({"id", "name"}));
    const Json &error = find.responses.at(1).representations.at(0).schema; // ../common/Error.json
    EXPECT_EQ(error["properties"]["code"]["format"], "int32");

    const Operation &add = operation(result.contract, "addPet");
    ASSERT_TRUE(add.request);
    const Json &newPet = add.request->representations.at(0).schema; // NewPet.json, whose allOf refers to Pet.json
    EXPECT_EQ(newPet["allOf"][0]["properties"]["tag"]["type"], "string");

    // "find pet by id" cannot be an APIM name as it is.
    EXPECT_TRUE(result.contract.findOperation("find pet by id"));
}

TEST(OpenApiImport, MultiFileYamlDescription)
{
    const ImportResult result = importData("v3.0/multi-file/openapi.yaml");
    ASSERT_FALSE(gw::hasErrors(result.diagnostics)) << describe(result.diagnostics);
    const ApiContract &contract = result.contract;
    EXPECT_EQ(contract.servers, std::vector<std::string>{"https://eu.pets.example.com/v1"});

    const Operation &list = operation(contract, "listPets"); // the path item itself is in paths/pets.yaml
    EXPECT_EQ(list.urlTemplate, "/pets");
    const Parameter *limit = parameter(list.queryParameters, "limit");
    ASSERT_TRUE(limit);
    EXPECT_EQ(limit->type, "integer");
    EXPECT_EQ(limit->defaultValue, "20");
    EXPECT_EQ(limit->description, "how many to return");
    const gw::model::Response &ok = list.responses.at(0);
    ASSERT_EQ(ok.headers.size(), 1u);
    EXPECT_EQ(ok.headers[0].name, "X-Total");
    EXPECT_EQ(ok.headers[0].type, "integer");
    const Representation &pets = ok.representations.at(0);
    ASSERT_EQ(pets.examples.size(), 1u);
    EXPECT_EQ(pets.examples[0].first, "two");
    EXPECT_EQ(pets.example, pets.examples[0].second);
    EXPECT_EQ(pets.example[1]["name"], "Jerry");
    // pet.json -> owner.yaml#/Owner -> pet.json: the cycle is cut where it comes back.
    const Json &pet = pets.schema["items"];
    EXPECT_EQ(pet["properties"]["owner"]["properties"]["name"]["type"], "string");
    EXPECT_EQ(pet["properties"]["owner"]["properties"]["pets"]["items"], Json({{"$ref", "#/components/schemas/pet"}}));

    const Operation &create = operation(contract, "createPet");
    ASSERT_TRUE(create.request);
    EXPECT_TRUE(create.request->required);
    EXPECT_EQ(create.request->description, "the pet to add");
    EXPECT_EQ(create.request->representations.at(0).example, Json({{"id", 7}, {"name", "Rex"}}));

    const Operation &get = operation(contract, "getPet");
    EXPECT_EQ(get.templateParameters.at(0).type, "integer");
    EXPECT_EQ(get.responses.at(0).representations.at(0).schema["required"], Json({"id", "name"}));
    EXPECT_EQ(get.responses.at(1).statusCode, "default");
    EXPECT_EQ(get.responses.at(1).representations.at(0).schema["properties"]["code"]["type"], "integer");
}

TEST(OpenApiImport, OpenApi31Documents)
{
    const ImportResult readme = importData("v3.1/readme.yaml");
    ASSERT_FALSE(gw::hasErrors(readme.diagnostics)) << describe(readme.diagnostics);
    EXPECT_EQ(readme.contract.title, "ReadMe API");
    EXPECT_EQ(readme.contract.servers, std::vector<std::string>{"https://api.readme.com/v2"});
    const Operation &create = operation(readme.contract, "createAPIKey");
    EXPECT_EQ(create.method, "POST");
    EXPECT_EQ(create.urlTemplate, "/projects/{subdomain}/apikeys");
    EXPECT_EQ(create.displayName, "Create an API key");
    ASSERT_EQ(create.templateParameters.size(), 1u);
    EXPECT_EQ(create.templateParameters[0].schema["maxLength"], 30);
    ASSERT_TRUE(create.request);
    EXPECT_TRUE(create.request->required);
    EXPECT_EQ(create.request->representations.at(0).schema["required"], Json({"label"}));
    EXPECT_EQ(create.responses.at(0).statusCode, "201");

    // A 3.1 document may have webhooks and no paths at all: a warning, not an error.
    const ImportResult webhooks = importData("v3.1/webhooks.yaml");
    EXPECT_FALSE(gw::hasErrors(webhooks.diagnostics));
    EXPECT_TRUE(findDiagnostic(webhooks.diagnostics, "webhooks are not imported"));
}

TEST(OpenApiImport, ServerVariablesTakeTheirDefaults)
{
    const ImportResult result = importData("v3.0/server-variables.yaml");
    ASSERT_FALSE(result.contract.servers.empty());
    for (const std::string &server : result.contract.servers)
        EXPECT_EQ(server.find('{'), std::string::npos) << server;
}

TEST(OpenApiImport, NamedExamples)
{
    const ImportResult result = importData("v3.0/request-examples.yaml");
    ASSERT_FALSE(gw::hasErrors(result.diagnostics)) << describe(result.diagnostics);
    std::size_t named = 0;
    for (const Operation &op : result.contract.operations) {
        if (!op.request)
            continue;
        for (const Representation &r : op.request->representations) {
            named += r.examples.size();
            if (!r.examples.empty() && r.example.is_null())
                ADD_FAILURE() << op.name << ": named examples but no example";
        }
    }
    EXPECT_GT(named, 3u);
}

// ---------------------------------------------------------------- cycles

TEST(OpenApiImport, RecursiveSchemasAreCut)
{
    const auto started = std::chrono::steady_clock::now();
    const ImportResult result = importData("broken/recursive.yaml");
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));

    const Json &tree = operation(result.contract, "getTree").responses.at(0).representations.at(0).schema;
    EXPECT_EQ(tree["properties"]["value"]["type"], "string");
    EXPECT_EQ(tree["properties"]["children"]["items"], Json({{"$ref", "#/components/schemas/Node"}}));

    const Json &people = operation(result.contract, "getPeople").responses.at(0).representations.at(0).schema;
    const Json &company = people["items"]["properties"]["employer"];
    EXPECT_EQ(company["allOf"][0]["properties"]["staff"]["items"], Json({{"$ref", "#/components/schemas/Person"}}));

    const Operation &loop = operation(result.contract, "getLoop");
    EXPECT_EQ(loop.responses.at(0).representations.at(0).schema, Json({{"$ref", "#/components/schemas/Loop"}}));
    EXPECT_TRUE(loop.queryParameters.empty());
    const gw::Diagnostic *chain = findDiagnostic(result.diagnostics, "circular");
    ASSERT_TRUE(chain) << describe(result.diagnostics);
    EXPECT_EQ(chain->severity, Severity::Error);
    EXPECT_GT(chain->location.line, 0);

    // Exported, the cycles get component schemas again and come back the same.
    const std::string yaml = gw::openapi::exportContract(result.contract, Format::Yaml);
    const Json exported = Json::parse(gw::openapi::exportContract(result.contract, Format::Json));
    EXPECT_TRUE(exported["components"]["schemas"].contains("Node"));
    EXPECT_EQ(exported["components"]["schemas"]["Node"]["properties"]["children"]["items"]["$ref"],
              "#/components/schemas/Node");
    const ImportResult again = gw::openapi::importText(yaml, "exported.yaml", kData);
    EXPECT_FALSE(gw::hasErrors(again.diagnostics)) << describe(again.diagnostics);
    for (const Operation &op : result.contract.operations)
        EXPECT_TRUE(sameOperation(op, operation(again.contract, op.name)));
}

TEST(OpenApiImport, CircularSampleDocuments)
{
    for (const char *file : {"v3.0/schema-circular.yaml", "v2.0/schema-circular.yaml", "v3.0/circular-paths.yaml"}) {
        const ImportResult result = importData(file);
        bool cut = false;
        for (const Operation &op : result.contract.operations) {
            for (const auto &response : op.responses) {
                for (const Representation &r : response.representations)
                    cut = cut || r.schema.dump().find("\"$ref\"") != std::string::npos;
            }
            if (op.request) {
                for (const Representation &r : op.request->representations)
                    cut = cut || r.schema.dump().find("\"$ref\"") != std::string::npos;
            }
        }
        EXPECT_TRUE(cut) << file;
    }
}

// ---------------------------------------------------------------- broken input

struct BrokenFile {
    const char *path;
    const char *message; // part of the first error's message
    int line;            // of the first error (0: any, but known)
};

class Broken : public testing::TestWithParam<BrokenFile> {};

TEST_P(Broken, GivesLocatedDiagnostics)
{
    const BrokenFile &file = GetParam();
    const auto started = std::chrono::steady_clock::now();
    const ImportResult result = importData(file.path);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
    ASSERT_TRUE(gw::hasErrors(result.diagnostics));
    const gw::Diagnostic *error = findDiagnostic(result.diagnostics, file.message);
    ASSERT_TRUE(error) << describe(result.diagnostics);
    EXPECT_EQ(error->severity, Severity::Error);
    EXPECT_NE(error->location.file.find(std::filesystem::path(file.path).filename().string()), std::string::npos)
        << gw::format(*error);
    if (file.line > 0)
        EXPECT_EQ(error->location.line, file.line) << gw::format(*error);
    else
        EXPECT_GT(error->location.line, 0) << gw::format(*error);
    EXPECT_GT(error->location.column, 0) << gw::format(*error);
}

const BrokenFile kBroken[] = {
    {"broken/truncated.yaml", "invalid YAML", 0},
    {"broken/truncated.json", "invalid JSON", 0},
    {"broken/not-openapi.yaml", "not an OpenAPI document", 1},
    {"broken/no-paths.yaml", "no 'paths'", 1},
    {"broken/bad-version.json", "unsupported Swagger version '1.2'", 2},
    {"broken/dangling-ref.yaml", "#/components/parameters/Missing", 10},
    {"broken/dangling-ref.yaml", "#/components/schemas/Pets", 17},
    {"broken/dangling-ref.yaml", "cannot read referenced file", 27},
    {"broken/alias-bomb.yaml", "too many values", 0},
};

INSTANTIATE_TEST_SUITE_P(OpenApi, Broken, testing::ValuesIn(kBroken), [](const auto &info) {
    std::string name = std::string(info.param.path) + "_" + std::to_string(info.index);
    std::replace_if(
        name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return name;
});

TEST(OpenApiImport, DanglingReferencesKeepTheRest)
{
    const ImportResult result = importData("broken/dangling-ref.yaml");
    ASSERT_EQ(result.contract.operations.size(), 2u);
    const Operation &list = operation(result.contract, "listPets");
    EXPECT_TRUE(list.queryParameters.empty());
    EXPECT_EQ(list.responses.at(0).representations.at(0).schema, Json({{"$ref", "#/components/schemas/Pets"}}));
}

TEST(OpenApiImport, UnreadableInput)
{
    const ImportResult missing = gw::openapi::importFile(kData / "no-such-file.yaml");
    ASSERT_EQ(missing.diagnostics.size(), 1u);
    EXPECT_EQ(missing.diagnostics[0].severity, Severity::Error);
    EXPECT_NE(missing.diagnostics[0].location.file.find("no-such-file.yaml"), std::string::npos);
    EXPECT_NE(missing.diagnostics[0].message.find("no such file"), std::string::npos);
    const ImportResult directory = gw::openapi::importFile(kData);
    ASSERT_EQ(directory.diagnostics.size(), 1u);
    EXPECT_NE(directory.diagnostics[0].message.find("cannot read"), std::string::npos);

    for (const std::string &text : {std::string(), std::string("\0\x01\x02\xff garbage", 12), std::string("- a\n- b\n"),
                                    std::string("just a string"), std::string("openapi: 3.0.0\npaths: [1, 2]\n")}) {
        const ImportResult result = gw::openapi::importText(text, "input.yaml", kData);
        EXPECT_TRUE(gw::hasErrors(result.diagnostics)) << text;
        EXPECT_TRUE(result.contract.operations.empty());
    }
}

TEST(OpenApiImport, DeepNestingIsRefusedNotFatal)
{
    const std::string json = std::string(200000, '[') + std::string(200000, ']');
    const ImportResult a = gw::openapi::importText(json, "deep.json", kData);
    EXPECT_TRUE(gw::hasErrors(a.diagnostics));

    const std::string flow = "openapi: 3.0.0\nx: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
    const ImportResult b = gw::openapi::importText(flow, "deep.yaml", kData);
    EXPECT_TRUE(gw::hasErrors(b.diagnostics));

    // A schema nested 1000 levels deep in JSON is refused at parse time.
    std::string schema = "{}";
    for (int i = 0; i < 1000; ++i)
        schema = "{\"items\":" + schema + "}";
    const std::string doc = R"({"openapi":"3.0.0","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{)"
                            R"("responses":{"200":{"description":"ok","content":{"application/json":{"schema":)" +
                            schema + "}}}}}}}}";
    const ImportResult c = gw::openapi::importText(doc, "deep-schema.json", kData);
    EXPECT_TRUE(gw::hasErrors(c.diagnostics));
}

TEST(OpenApiImport, ReferenceBombIsBounded)
{
    // Each schema refers to the next one twice: 2^40 values if expanded naively.
    std::ostringstream doc;
    doc << "openapi: 3.0.0\ninfo: {title: bomb, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n"
        << "        '200':\n          description: ok\n          content:\n            application/json:\n"
        << "              schema: {$ref: '#/components/schemas/S0'}\ncomponents:\n  schemas:\n";
    for (int i = 0; i < 40; ++i)
        doc << "    S" << i << ": {type: object, properties: {a: {$ref: '#/components/schemas/S" << i + 1
            << "'}, b: {$ref: '#/components/schemas/S" << i + 1 << "'}}}\n";
    doc << "    S40: {type: string}\n";
    const auto started = std::chrono::steady_clock::now();
    const ImportResult result = gw::openapi::importText(doc.str(), "bomb.yaml", kData);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(30));
    EXPECT_EQ(result.contract.operations.size(), 1u);
    EXPECT_TRUE(findDiagnostic(result.diagnostics, "further $refs are left unexpanded"))
        << describe(result.diagnostics);
}

// ---------------------------------------------------------------- import rules on small documents

TEST(OpenApiImport, NamesParametersAndMerging)
{
    const std::string doc = R"(openapi: 3.0.1
info:
  title: Rules
  version: 2.0
paths:
  /pets/{petId}:
    parameters:
      - {name: petId, in: path, schema: {type: string}}
      - {name: verbose, in: query, schema: {type: boolean, default: false}}
      - {name: X-Trace, in: header, schema: {type: string}}
    get:
      parameters:
        - {name: petId, in: path, required: true, schema: {type: integer, enum: [1, 2, 3]}}
        - {name: session, in: cookie, schema: {type: string}}
      responses:
        200:
          description: ok
    delete:
      operationId: get-pets-petid
      summary: Remove
      responses:
        default: {description: whatever}
  /orders/{orderId}/items:
    get:
      responses: {}
)";
    const ImportResult result = gw::openapi::importText(doc, "rules.yaml", kData);
    ASSERT_FALSE(gw::hasErrors(result.diagnostics)) << describe(result.diagnostics);
    const ApiContract &contract = result.contract;
    EXPECT_EQ(contract.version, "2.0");
    ASSERT_EQ(contract.operations.size(), 3u);

    const Operation &get = contract.operations[0];
    EXPECT_EQ(get.name, "get-pets-petid"); // derived, with a warning
    EXPECT_EQ(get.displayName, "get-pets-petid");
    const gw::Diagnostic *derived = findDiagnostic(result.diagnostics, "has no operationId");
    ASSERT_TRUE(derived);
    EXPECT_EQ(derived->severity, Severity::Warning);
    EXPECT_EQ(derived->location.line, 12); // the operation's first line
    ASSERT_EQ(get.templateParameters.size(), 1u);
    EXPECT_EQ(get.templateParameters[0].type, "integer"); // the operation's declaration wins
    EXPECT_EQ(get.templateParameters[0].values, (std::vector<std::string>{"1", "2", "3"}));
    ASSERT_EQ(get.queryParameters.size(), 1u);
    EXPECT_EQ(get.queryParameters[0].defaultValue, "false");
    EXPECT_EQ(get.queryParameters[0].type, "boolean");
    ASSERT_EQ(get.headers.size(), 1u);
    EXPECT_EQ(get.headers[0].name, "X-Trace");
    EXPECT_EQ(get.responses.at(0).statusCode, "200");

    const Operation &del = contract.operations[1];
    EXPECT_EQ(del.method, "DELETE");
    EXPECT_EQ(del.name, "get-pets-petid-2"); // its operationId was taken by the derived name
    EXPECT_EQ(del.displayName, "Remove");
    EXPECT_TRUE(del.templateParameters.at(0).required); // path parameters always are

    const Operation &items = contract.operations[2];
    EXPECT_EQ(items.name, "get-orders-orderid-items");
    ASSERT_EQ(items.templateParameters.size(), 1u); // undeclared: added as a string
    EXPECT_EQ(items.templateParameters[0].name, "orderId");
    EXPECT_EQ(items.templateParameters[0].type, "string");
}

TEST(OpenApiImport, YamlFeatures)
{
    const std::string doc = R"(swagger: '2.0'
info: {title: YAML, version: '1'}
host: api.example.com
basePath: /v1
schemes: [https, http]
x-defaults: &defaults
  type: integer
  minimum: 1
paths:
  /items:
    get:
      operationId: list
      produces: [application/json]
      parameters:
        - name: page
          in: query
          <<: *defaults
          default: 1
        - name: q
          in: query
          type: string
          default: "010"
      responses:
        200:
          description: ok
          schema: {type: array, items: {type: string}}
          examples:
            application/json: [a, b]
            text/csv: "a,b"
)";
    const ImportResult result = gw::openapi::importText(doc, "features.yaml", kData);
    ASSERT_FALSE(gw::hasErrors(result.diagnostics)) << describe(result.diagnostics);
    EXPECT_EQ(result.contract.servers,
              (std::vector<std::string>{"https://api.example.com/v1", "http://api.example.com/v1"}));
    const Operation &list = operation(result.contract, "list");
    const Parameter *page = parameter(list.queryParameters, "page");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->type, "integer"); // from the merge key
    EXPECT_EQ(page->defaultValue, "1");
    EXPECT_EQ(page->schema["minimum"], 1);
    EXPECT_EQ(parameter(list.queryParameters, "q")->defaultValue, "010");
    const auto &representations = list.responses.at(0).representations;
    ASSERT_EQ(representations.size(), 2u);
    EXPECT_EQ(representations[0].example, Json({"a", "b"}));
    EXPECT_EQ(representations[1].contentType, "text/csv");
    EXPECT_EQ(representations[1].example, "a,b");
}

TEST(OpenApiExport, WritesOpenApi301)
{
    const ImportResult result = importData("v3.0/petstore-expanded.yaml");
    const Json json = Json::parse(gw::openapi::exportContract(result.contract, Format::Json));
    EXPECT_EQ(json["openapi"], "3.0.1");
    EXPECT_EQ(json["info"]["title"], result.contract.title);
    EXPECT_EQ(json["paths"]["/pets"]["get"]["operationId"], "findPets");
    EXPECT_EQ(json["paths"]["/pets/{id}"]["delete"]["parameters"][0]["in"], "path");

    const std::string yaml = gw::openapi::exportContract(result.contract, Format::Yaml);
    EXPECT_EQ(yaml.rfind("openapi: \"3.0.1\"\n", 0), 0u) << yaml.substr(0, 100);
    EXPECT_NE(yaml.find("operationId: findPets"), std::string::npos);
}

TEST(OpenApiExport, ModelEditsReachTheSchema)
{
    ApiContract contract;
    contract.title = "Edited";
    contract.version = "1";
    Operation op;
    op.name = "search";
    op.displayName = "Search";
    op.method = "GET";
    op.urlTemplate = "/search";
    Parameter limit;
    limit.name = "limit";
    limit.type = "integer";
    limit.defaultValue = "10";
    limit.values = {"10", "20"};
    op.queryParameters.push_back(limit);
    Parameter mode;
    mode.name = "mode";
    mode.type = "string";
    mode.schema = {{"type", "integer"}, {"default", 3}};
    op.queryParameters.push_back(mode);
    contract.operations.push_back(op);

    const Json json = Json::parse(gw::openapi::exportContract(contract, Format::Json));
    const Json &parameters = json["paths"]["/search"]["get"]["parameters"];
    EXPECT_EQ(parameters[0]["schema"], Json({{"type", "integer"}, {"default", 10}, {"enum", {10, 20}}}));
    EXPECT_EQ(parameters[1]["schema"], Json({{"type", "string"}}));

    const ImportResult again = gw::openapi::importText(json.dump(), "edited.json", kData);
    const Operation &search = operation(again.contract, "search");
    EXPECT_EQ(search.queryParameters[0].defaultValue, "10");
    EXPECT_EQ(search.queryParameters[0].values, limit.values);
    EXPECT_EQ(search.queryParameters[1].type, "string");
    EXPECT_FALSE(search.queryParameters[1].defaultValue);
}

TEST(OpenApiImport, LargeDocumentSpotChecks)
{
    const auto started = std::chrono::steady_clock::now();
    const ImportResult result = importData("large/api.github.com.json");
    const auto elapsed = std::chrono::steady_clock::now() - started;
    EXPECT_LT(elapsed, std::chrono::seconds(5)); // generous for Debug and sanitizer builds; see openapi_bench
    const ApiContract &contract = result.contract;
    EXPECT_EQ(contract.servers, std::vector<std::string>{"https://api.github.com"});
    const Operation &get = operation(contract, "repos-get"); // "repos/get" cannot be a name
    EXPECT_EQ(get.method, "GET");
    EXPECT_EQ(get.urlTemplate, "/repos/{owner}/{repo}");
    EXPECT_EQ(get.templateParameters.size(), 2u);
    const Representation &repo = get.responses.at(0).representations.at(0);
    EXPECT_EQ(repo.contentType, "application/json");
    EXPECT_TRUE(repo.schema["properties"].contains("full_name"));
    EXPECT_FALSE(repo.example.is_null()); // from components/examples
}

} // namespace
