#include "document.h"
#include "schema.h"

#include <openapi/openapi.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

namespace gw::openapi {

using Json = nlohmann::ordered_json;

namespace {

constexpr std::array<std::string_view, 8> kMethods = {"get",     "put",  "post",  "delete",
                                                      "options", "head", "patch", "trace"};

const Json kNull;

const Json &member(const Json &object, std::string_view key)
{
    if (!object.is_object())
        return kNull;
    auto it = object.find(key);
    return it == object.end() ? kNull : *it;
}

// A scalar as APIM keeps it in text fields: strings as they are, numbers and booleans as JSON writes them.
std::string text(const Json &value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_null())
        return {};
    return dumpJson(value);
}

std::optional<std::string> optionalText(const Json &value)
{
    if (value.is_null())
        return std::nullopt;
    return text(value);
}

bool isMethod(std::string_view key)
{
    return std::find(kMethods.begin(), kMethods.end(), key) != kMethods.end();
}

std::string upper(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
    return s;
}

// APIM's operation name when the description has no operationId: "get-pets-petid" for GET /pets/{petId}.
std::string derivedName(std::string_view method, std::string_view path)
{
    std::string name(method);
    bool dash = true;
    name += '-';
    for (char c : path) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) {
            name += static_cast<char>(std::tolower(u));
            dash = false;
        } else if (!dash) {
            name += '-';
            dash = true;
        }
    }
    while (!name.empty() && name.back() == '-')
        name.pop_back();
    return name;
}

// Characters an APIM operation name (and its operations/<name>/ folder) cannot hold become '-'.
std::string sanitisedName(const std::string &operationId)
{
    std::string name = operationId;
    for (char &c : name) {
        if (std::string_view("*#&+:<>?/\\%\"|").find(c) != std::string_view::npos ||
            static_cast<unsigned char>(c) < 0x20)
            c = '-';
    }
    return name;
}

std::vector<std::string> templateNames(std::string_view path)
{
    std::vector<std::string> names;
    std::size_t open = 0;
    while ((open = path.find('{', open)) != std::string_view::npos) {
        const std::size_t close = path.find('}', open);
        if (close == std::string_view::npos)
            break;
        names.emplace_back(path.substr(open + 1, close - open - 1));
        open = close + 1;
    }
    return names;
}

// A parameter as found, before being sorted into template/query/header.
struct RawParameter {
    std::string in;
    model::Parameter parameter;
    Json bodySchema; // 2.0 in: body
    const Json *formData = nullptr;
};

class Importer {
public:
    Importer(Diagnostics &diagnostics, const std::filesystem::path &baseDir)
        : m_documents(diagnostics, baseDir), m_expander(m_documents)
    {
    }

    model::ApiContract run(std::string source, const std::string &fileName)
    {
        model::ApiContract contract;
        const Document *document = m_documents.addRoot(std::move(source), fileName);
        if (!document)
            return contract;
        m_root = document;
        const Json &root = document->root();
        const Where top(*document, "");
        if (!root.is_object()) {
            m_documents.report(SourceLocation{fileName, 1, 1}, Severity::Error,
                               "not an OpenAPI document: expected a mapping with 'openapi' or 'swagger' at the top");
            return contract;
        }
        if (root.contains("openapi")) {
            const Json &version = root["openapi"];
            contract.openApiVersion = text(version);
            if (!version.is_string())
                m_documents.report(top["openapi"], Severity::Warning, "'openapi' should be a string, e.g. \"3.0.1\"");
            if (contract.openApiVersion.rfind("3.", 0) != 0) {
                m_documents.report(top["openapi"], Severity::Error,
                                   "unsupported OpenAPI version '" + contract.openApiVersion +
                                       "' (2.0, 3.0 and 3.1 are)");
                return contract;
            }
            m_v2 = false;
        } else if (root.contains("swagger")) {
            contract.openApiVersion = text(root["swagger"]);
            if (contract.openApiVersion != "2.0") {
                m_documents.report(top["swagger"], Severity::Error,
                                   "unsupported Swagger version '" + contract.openApiVersion + "' (only 2.0 is)");
                return contract;
            }
            m_v2 = true;
        } else {
            m_documents.report(SourceLocation{fileName, 1, 1}, Severity::Error,
                               "not an OpenAPI document: it has neither an 'openapi' nor a 'swagger' field");
            return contract;
        }

        const Json &info = member(root, "info");
        contract.title = text(member(info, "title"));
        contract.description = text(member(info, "description"));
        contract.version = text(member(info, "version"));
        if (!info.is_object())
            m_documents.report(top, Severity::Warning, "the document has no 'info'");
        contract.servers = m_v2 ? serversV2(root) : serversV3(root);

        const Json &paths = member(root, "paths");
        if (paths.is_null()) {
            if (!m_v2 && contract.openApiVersion.rfind("3.1", 0) == 0) {
                m_documents.report(SourceLocation{fileName, 1, 1}, Severity::Warning,
                                   "the document has no 'paths': no operations to import" +
                                       std::string(root.contains("webhooks") ? " (webhooks are not imported)" : ""));
            } else {
                m_documents.report(SourceLocation{fileName, 1, 1}, Severity::Error,
                                   "the document has no 'paths' (required in OpenAPI " + contract.openApiVersion + ")");
            }
            return contract;
        }
        const Where pathsWhere = top["paths"];
        if (!paths.is_object()) {
            m_documents.report(pathsWhere, Severity::Error, "'paths' must be a mapping of paths to path items");
            return contract;
        }
        for (auto it = paths.begin(); it != paths.end(); ++it)
            importPath(it.key(), it.value(), pathsWhere[it.key()], contract);
        if (m_sanitised > 1)
            m_documents.report(SourceLocation{fileName, 0, 0}, Severity::Note,
                               std::to_string(m_sanitised) + " operationIds were changed to be operation names");
        return contract;
    }

private:
    struct Followed {
        const Json *value = nullptr;
        Where where;
    };

    // Follows a Reference Object (and a chain of them) to what it names; null value when it points nowhere.
    Followed follow(const Json &node, const Where &where)
    {
        Followed result{&node, where};
        for (int hops = 0; result.value->is_object(); ++hops) {
            auto ref = result.value->find("$ref");
            if (ref == result.value->end() || !ref->is_string())
                break;
            if (hops >= 32) {
                m_documents.report(where, Severity::Error,
                                   "$ref '" + ref->get<std::string>() +
                                       "' is circular (it leads back to itself, or through more than 32 $refs)");
                return {nullptr, where};
            }
            const RefTarget *target = m_documents.resolve(ref->get<std::string>(), result.where);
            if (!target)
                return {nullptr, where};
            result = {target->value, Where(*target->document, target->pointer)};
        }
        return result;
    }

    std::vector<std::string> serversV2(const Json &root)
    {
        std::vector<std::string> servers;
        const std::string host = text(member(root, "host"));
        std::string basePath = text(member(root, "basePath"));
        if (basePath == "/")
            basePath.clear();
        if (host.empty()) {
            if (!basePath.empty())
                servers.push_back(basePath);
            return servers;
        }
        std::vector<std::string> schemes;
        for (const Json &scheme : member(root, "schemes")) {
            if (scheme.is_string())
                schemes.push_back(scheme.get<std::string>());
        }
        if (schemes.empty())
            schemes.push_back("https");
        for (const std::string &scheme : schemes)
            servers.push_back(scheme + "://" + host + basePath);
        return servers;
    }

    std::vector<std::string> serversV3(const Json &root)
    {
        std::vector<std::string> servers;
        const Json &list = member(root, "servers");
        if (!list.is_array())
            return servers;
        for (const Json &server : list) {
            std::string url = text(member(server, "url"));
            if (url.empty())
                continue;
            const Json &variables = member(server, "variables");
            std::string resolved;
            std::size_t pos = 0;
            while (pos < url.size()) {
                const std::size_t open = url.find('{', pos);
                const std::size_t close = open == std::string::npos ? open : url.find('}', open);
                if (close == std::string::npos) {
                    resolved += url.substr(pos);
                    break;
                }
                resolved += url.substr(pos, open - pos);
                const std::string name = url.substr(open + 1, close - open - 1);
                const Json &variable = member(variables, name);
                resolved +=
                    variable.is_object() ? text(member(variable, "default")) : url.substr(open, close - open + 1);
                pos = close + 1;
            }
            servers.push_back(resolved);
        }
        return servers;
    }

    void importPath(const std::string &path, const Json &node, const Where &where, model::ApiContract &contract)
    {
        if (path.rfind("x-", 0) == 0)
            return;
        if (path.empty() || path.front() != '/') {
            m_documents.report(where, Severity::Warning, "path '" + path + "' does not start with '/': skipped");
            return;
        }
        Followed item = follow(node, where);
        if (!item.value)
            return;
        if (!item.value->is_object()) {
            m_documents.report(item.where, Severity::Error, "path item '" + path + "' must be a mapping");
            return;
        }
        std::vector<RawParameter> common;
        collectParameters(*item.value, item.where, common);
        for (auto it = item.value->begin(); it != item.value->end(); ++it) {
            if (!isMethod(it.key()))
                continue;
            const Where operationWhere = item.where[it.key()];
            if (!it.value().is_object()) {
                m_documents.report(operationWhere, Severity::Error, "operation must be a mapping");
                continue;
            }
            importOperation(path, it.key(), it.value(), operationWhere, common, contract);
        }
    }

    void collectParameters(const Json &owner, const Where &ownerWhere, std::vector<RawParameter> &out)
    {
        const Json &list = member(owner, "parameters");
        if (list.is_null())
            return;
        const Where listWhere = ownerWhere["parameters"];
        if (!list.is_array()) {
            m_documents.report(listWhere, Severity::Error, "'parameters' must be a list");
            return;
        }
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Where at = listWhere[i];
            Followed followed = follow(list[i], at);
            if (!followed.value)
                continue;
            const Json &p = *followed.value;
            RawParameter raw;
            raw.in = text(member(p, "in"));
            raw.parameter.name = text(member(p, "name"));
            if (!p.is_object() || raw.in.empty() || raw.parameter.name.empty()) {
                m_documents.report(followed.where, Severity::Error, "a parameter needs 'name' and 'in'");
                continue;
            }
            raw.parameter.description = text(member(p, "description"));
            raw.parameter.required = member(p, "required").is_boolean() && p["required"].get<bool>();
            if (raw.in == "body") {
                raw.bodySchema = m_expander.expand(member(p, "schema"), followed.where["schema"]);
            } else if (raw.in == "formData") {
                raw.formData = &p;
                raw.parameter.schema = m_expander.expand(parameterSchemaV2(p), followed.where);
            } else if (m_v2) {
                raw.parameter.schema = m_expander.expand(parameterSchemaV2(p), followed.where);
            } else {
                raw.parameter.schema = parameterSchemaV3(p, followed.where);
            }
            fillFromSchema(raw.parameter);
            if (raw.in == "path")
                raw.parameter.required = true;
            // Operation-level parameters override path-level ones with the same name and location.
            auto same = std::find_if(out.begin(), out.end(), [&](const RawParameter &r) {
                return r.in == raw.in && r.parameter.name == raw.parameter.name;
            });
            if (same != out.end())
                *same = std::move(raw);
            else
                out.push_back(std::move(raw));
        }
    }

    // 2.0 parameters and headers carry their schema keywords themselves.
    static Json parameterSchemaV2(const Json &p)
    {
        static constexpr std::array<std::string_view, 16> keys = {
            "type",        "format",           "items",     "enum",      "default", "maximum",  "exclusiveMaximum",
            "minimum",     "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
            "uniqueItems", "multipleOf"}; // not collectionFormat: how, not what
        Json schema = Json::object();
        for (std::string_view key : keys) {
            if (auto it = p.find(key); it != p.end())
                schema[std::string(key)] = *it;
        }
        if (schema.empty())
            return nullptr;
        return schema;
    }

    Json parameterSchemaV3(const Json &p, const Where &where)
    {
        if (p.contains("schema"))
            return m_expander.expand(p["schema"], where["schema"]);
        const Json &content = member(p, "content");
        if (content.is_object() && !content.empty()) {
            const Where contentWhere = where["content"];
            const Where mediaWhere = contentWhere[content.begin().key()];
            return m_expander.expand(member(content.begin().value(), "schema"), mediaWhere["schema"]);
        }
        return nullptr;
    }

    static void fillFromSchema(model::Parameter &parameter)
    {
        const Json &schema = parameter.schema;
        parameter.type = schemaType(schema);
        parameter.defaultValue = optionalText(member(schema, "default"));
        const Json &values = member(schema, "enum");
        if (values.is_array()) {
            for (const Json &value : values)
                parameter.values.push_back(text(value));
        }
    }

    model::Representation representationV3(const std::string &contentType, const Json &media, const Where &where)
    {
        model::Representation representation;
        representation.contentType = contentType;
        if (!media.is_object())
            return representation;
        if (media.contains("schema"))
            representation.schema = m_expander.expand(media["schema"], where["schema"]);
        const Json &examples = member(media, "examples");
        if (examples.is_object()) {
            const Where examplesWhere = where["examples"];
            for (auto it = examples.begin(); it != examples.end(); ++it) {
                Followed example = follow(it.value(), examplesWhere[it.key()]);
                if (!example.value || !example.value->is_object() || !example.value->contains("value"))
                    continue; // externalValue only, or broken: nothing to keep
                representation.examples.emplace_back(it.key(), (*example.value)["value"]);
            }
        }
        if (media.contains("example"))
            representation.example = media["example"];
        else if (!representation.examples.empty())
            representation.example = representation.examples.front().second;
        return representation;
    }

    std::vector<model::Representation> contentV3(const Json &content, const Where &where)
    {
        std::vector<model::Representation> representations;
        if (!content.is_object())
            return representations;
        for (auto it = content.begin(); it != content.end(); ++it)
            representations.push_back(representationV3(it.key(), it.value(), where[it.key()]));
        return representations;
    }

    model::Parameter headerParameter(const std::string &name, const Json &header, const Where &where)
    {
        model::Parameter parameter;
        parameter.name = name;
        parameter.description = text(member(header, "description"));
        parameter.required = member(header, "required").is_boolean() && header["required"].get<bool>();
        parameter.schema =
            m_v2 ? m_expander.expand(parameterSchemaV2(header), where) : parameterSchemaV3(header, where);
        fillFromSchema(parameter);
        return parameter;
    }

    std::vector<std::string> mediaTypes(const Json &operation, const char *key)
    {
        const Json *list = &member(operation, key);
        if (!list->is_array())
            list = &member(m_root->root(), key);
        std::vector<std::string> types;
        if (list->is_array()) {
            for (const Json &type : *list) {
                if (type.is_string())
                    types.push_back(type.get<std::string>());
            }
        }
        return types;
    }

    model::Response responseV2(const std::string &code, const Json &response, const Where &where,
                               const std::vector<std::string> &produces)
    {
        model::Response out;
        out.statusCode = code;
        out.description = text(member(response, "description"));
        if (const Json &headers = member(response, "headers"); headers.is_object()) {
            const Where headersWhere = where["headers"];
            for (auto it = headers.begin(); it != headers.end(); ++it)
                out.headers.push_back(headerParameter(it.key(), it.value(), headersWhere[it.key()]));
        }
        Json schema;
        if (response.contains("schema")) {
            schema = m_expander.expand(response["schema"], where["schema"]);
            for (const std::string &type : produces.empty() ? std::vector<std::string>{"application/json"} : produces)
                out.representations.push_back({type, schema, nullptr, {}});
        }
        if (const Json &examples = member(response, "examples"); examples.is_object()) {
            for (auto it = examples.begin(); it != examples.end(); ++it) {
                auto representation =
                    std::find_if(out.representations.begin(), out.representations.end(),
                                 [&](const model::Representation &r) { return r.contentType == it.key(); });
                if (representation == out.representations.end()) {
                    out.representations.push_back({it.key(), schema, nullptr, {}});
                    representation = out.representations.end() - 1;
                }
                representation->example = it.value();
            }
        }
        return out;
    }

    model::Response responseV3(const std::string &code, const Json &response, const Where &where)
    {
        model::Response out;
        out.statusCode = code;
        out.description = text(member(response, "description"));
        if (const Json &headers = member(response, "headers"); headers.is_object()) {
            const Where headersWhere = where["headers"];
            for (auto it = headers.begin(); it != headers.end(); ++it) {
                Followed header = follow(it.value(), headersWhere[it.key()]);
                if (header.value)
                    out.headers.push_back(headerParameter(it.key(), *header.value, header.where));
            }
        }
        out.representations = contentV3(member(response, "content"), where["content"]);
        return out;
    }

    std::optional<model::Request> requestV2(std::vector<RawParameter> &parameters, const Json &operation)
    {
        std::vector<std::string> consumes = mediaTypes(operation, "consumes");
        for (const RawParameter &raw : parameters) {
            if (raw.in != "body")
                continue;
            model::Request request;
            request.description = raw.parameter.description;
            request.required = raw.parameter.required;
            for (const std::string &type : consumes.empty() ? std::vector<std::string>{"application/json"} : consumes)
                request.representations.push_back({type, raw.bodySchema, nullptr, {}});
            return request;
        }
        // formData parameters: one object schema, sent as a form.
        Json schema = {{"type", "object"}, {"properties", Json::object()}};
        Json required = Json::array();
        bool any = false;
        bool file = false;
        for (const RawParameter &raw : parameters) {
            if (raw.in != "formData")
                continue;
            any = true;
            Json property = raw.parameter.schema.is_object() ? raw.parameter.schema : Json::object();
            if (!raw.parameter.description.empty())
                property["description"] = raw.parameter.description;
            if (member(property, "type") == "file") {
                file = true;
                property["type"] = "string";
                property["format"] = "binary";
            }
            schema["properties"][raw.parameter.name] = std::move(property);
            if (raw.parameter.required)
                required.push_back(raw.parameter.name);
        }
        if (!any)
            return std::nullopt;
        if (!required.empty())
            schema["required"] = std::move(required);
        std::vector<std::string> formTypes;
        for (const std::string &type : consumes) {
            if (type == "multipart/form-data" || type == "application/x-www-form-urlencoded")
                formTypes.push_back(type);
        }
        if (formTypes.empty())
            formTypes.push_back(file ? "multipart/form-data" : "application/x-www-form-urlencoded");
        model::Request request;
        request.required = !schema.value("required", Json::array()).empty();
        for (const std::string &type : formTypes)
            request.representations.push_back({type, schema, nullptr, {}});
        return request;
    }

    std::string operationName(const Json &operation, const Where &where, const std::string &method,
                              const std::string &path)
    {
        std::string name;
        const Json &operationId = member(operation, "operationId");
        if (operationId.is_null() || text(operationId).empty()) {
            name = derivedName(method, path);
            m_documents.report(where, Severity::Warning,
                               upper(method) + " " + path + " has no operationId: named '" + name + "'");
        } else {
            const std::string id = text(operationId);
            name = sanitisedName(id);
            // Reported once: descriptions that use such names (GitHub's "repos/get") use them everywhere.
            if (name != id && m_sanitised++ == 0)
                m_documents.report(where["operationId"], Severity::Warning,
                                   "operationId '" + id + "' holds characters an operation name cannot: named '" +
                                       name + "' (and so for the other operationIds like it)");
        }
        if (m_names.count(name)) {
            std::string unique;
            for (int n = 2; m_names.count(unique = name + '-' + std::to_string(n)); ++n) {
            }
            m_documents.report(where, Severity::Warning,
                               "operation name '" + name + "' is already used: named '" + unique + "'");
            name = unique;
        }
        m_names.insert(name);
        return name;
    }

    void importOperation(const std::string &path, const std::string &method, const Json &operation, const Where &where,
                         const std::vector<RawParameter> &common, model::ApiContract &contract)
    {
        model::Operation op;
        op.name = operationName(operation, where, method, path);
        op.displayName = text(member(operation, "summary"));
        if (op.displayName.empty())
            op.displayName = op.name;
        op.method = upper(method);
        op.urlTemplate = path;
        op.description = text(member(operation, "description"));

        std::vector<RawParameter> parameters = common;
        collectParameters(operation, where, parameters);

        for (RawParameter &raw : parameters) {
            if (raw.in == "path")
                op.templateParameters.push_back(std::move(raw.parameter));
            else if (raw.in == "query")
                op.queryParameters.push_back(std::move(raw.parameter));
            else if (raw.in == "header")
                op.headers.push_back(std::move(raw.parameter));
        }
        // APIM needs every template parameter in the URL template and declared: reconcile both ways.
        const std::vector<std::string> inPath = templateNames(path);
        std::erase_if(op.templateParameters, [&](const model::Parameter &p) {
            if (std::find(inPath.begin(), inPath.end(), p.name) != inPath.end())
                return false;
            m_documents.report(where, Severity::Warning,
                               "path parameter '" + p.name + "' is not in the path '" + path + "': dropped");
            return true;
        });
        for (const std::string &name : inPath) {
            auto declared = std::find_if(op.templateParameters.begin(), op.templateParameters.end(),
                                         [&](const model::Parameter &p) { return p.name == name; });
            if (declared != op.templateParameters.end())
                continue;
            m_documents.report(where, Severity::Warning,
                               "path parameter '" + name + "' of " + upper(method) + " " + path +
                                   " is not declared: taken as a required string");
            model::Parameter parameter;
            parameter.name = name;
            parameter.type = "string";
            parameter.required = true;
            parameter.schema = {{"type", "string"}};
            op.templateParameters.push_back(std::move(parameter));
        }

        if (m_v2) {
            op.request = requestV2(parameters, operation);
        } else if (operation.contains("requestBody")) {
            Followed body = follow(operation["requestBody"], where["requestBody"]);
            if (body.value && body.value->is_object()) {
                model::Request request;
                request.description = text(member(*body.value, "description"));
                request.required =
                    member(*body.value, "required").is_boolean() && (*body.value)["required"].get<bool>();
                request.representations = contentV3(member(*body.value, "content"), body.where["content"]);
                op.request = std::move(request);
            }
        }

        const Json &responses = member(operation, "responses");
        const Where responsesWhere = where["responses"];
        if (responses.is_object()) {
            const std::vector<std::string> produces =
                m_v2 ? mediaTypes(operation, "produces") : std::vector<std::string>{};
            for (auto it = responses.begin(); it != responses.end(); ++it) {
                if (it.key().rfind("x-", 0) == 0)
                    continue;
                Followed response = follow(it.value(), responsesWhere[it.key()]);
                if (!response.value)
                    continue;
                if (!response.value->is_object()) {
                    m_documents.report(response.where, Severity::Error, "a response must be a mapping");
                    continue;
                }
                op.responses.push_back(m_v2 ? responseV2(it.key(), *response.value, response.where, produces)
                                            : responseV3(it.key(), *response.value, response.where));
            }
        } else {
            m_documents.report(where, Severity::Warning, upper(method) + " " + path + " has no 'responses'");
        }
        contract.operations.push_back(std::move(op));
    }

    DocumentSet m_documents;
    SchemaExpander m_expander;
    const Document *m_root = nullptr;
    bool m_v2 = false;
    std::set<std::string> m_names;
    int m_sanitised = 0;
};

} // namespace

ImportResult importText(const std::string &text, const std::string &fileName, const std::filesystem::path &baseDir)
{
    ImportResult result;
    Importer importer(result.diagnostics, baseDir);
    result.contract = importer.run(text, fileName);
    return result;
}

ImportResult importFile(const std::filesystem::path &file)
{
    const std::string fileName = file.generic_string();
    std::error_code error;
    const bool regular = std::filesystem::is_regular_file(file, error);
    const std::uintmax_t size = regular ? std::filesystem::file_size(file, error) : 0;
    std::ifstream in;
    if (regular && !error && size <= DocumentSet::kMaxFileSize)
        in.open(file, std::ios::binary);
    if (!in.is_open()) {
        ImportResult result;
        std::string why = !regular                           ? "no such file"
                          : size > DocumentSet::kMaxFileSize ? "the file is too large"
                                                             : "cannot open it";
        result.diagnostics.push_back({{fileName, 0, 0}, Severity::Error, "cannot read the file: " + why});
        return result;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return importText(std::move(buffer).str(), fileName, file.parent_path());
}

} // namespace gw::openapi
