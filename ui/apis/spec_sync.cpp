#include "spec_sync.h"

#include <openapi/openapi.h>
#include <openapi/yaml_json.h>

#include <array>
#include <map>
#include <string_view>

namespace gh::apis {

using Json = nlohmann::ordered_json;

namespace {

constexpr std::array<std::string_view, 8> kMethods = {"get",     "put",  "post",  "delete",
                                                      "options", "head", "patch", "trace"};
// What the exporter writes for an operation; other keys of a patched operation are kept as read.
constexpr std::array<std::string_view, 6> kExportedKeys = {"summary",    "description", "operationId",
                                                           "parameters", "requestBody", "responses"};

bool isMethod(const std::string &key)
{
    for (std::string_view method : kMethods)
        if (key == method)
            return true;
    return false;
}

Json parse(const std::string &text)
{
    gw::openapi::ParsedText parsed;
    gw::Diagnostics diagnostics;
    if (!gw::openapi::parseText(text, "specification", parsed, diagnostics))
        return Json();
    return std::move(parsed.value);
}

Json exported(const gw::model::ApiContract &contract)
{
    return Json::parse(gw::openapi::exportContract(contract, gw::openapi::Format::Json), nullptr, false);
}

std::string write(const Json &document, const std::string &format)
{
    if (format == "json")
        return gw::openapi::dumpJson(document, 2) + '\n';
    return gw::openapi::toYaml(document);
}

struct Placed {
    std::string path;
    std::string method;
    const Json *value = nullptr;
};

// Operations by operationId.
std::map<std::string, Placed> operationsOf(const Json &document)
{
    std::map<std::string, Placed> out;
    auto paths = document.find("paths");
    if (paths == document.end() || !paths->is_object())
        return out;
    for (auto path = paths->begin(); path != paths->end(); ++path) {
        if (!path->is_object())
            continue;
        for (auto op = path->begin(); op != path->end(); ++op) {
            if (!isMethod(op.key()) || !op->is_object())
                continue;
            auto id = op->find("operationId");
            if (id != op->end() && id->is_string())
                out.emplace(id->get<std::string>(), Placed{path.key(), op.key(), &op.value()});
        }
    }
    return out;
}

// `fresh[key]` becomes `old[key]` when the contract's part did not change (`oldGenerated[key] == fresh[key]`).
bool keepIfUnchanged(Json &fresh, const Json &old, const Json &oldGenerated, const std::string &key)
{
    auto f = fresh.find(key);
    auto o = old.find(key);
    auto g = oldGenerated.find(key);
    if (f == fresh.end() || o == old.end() || g == oldGenerated.end() || *f != *g)
        return false;
    *f = *o;
    return true;
}

// Within `fresh[key]` (an object): each member whose export did not change keeps its text as read.
void keepUnchangedMembers(Json &fresh, const Json &old, const Json &oldGenerated, const std::string &key)
{
    auto f = fresh.find(key);
    auto o = old.find(key);
    auto g = oldGenerated.find(key);
    if (f == fresh.end() || o == old.end() || g == oldGenerated.end() || !f->is_object() || !o->is_object() ||
        !g->is_object())
        return;
    for (auto member = f->begin(); member != f->end(); ++member)
        keepIfUnchanged(*f, *o, *g, member.key());
}

// A changed operation is written anew, but the parts of it an edit did not touch (its parameters, the request
// body, each response and each representation) keep their text as read: $refs, key order, examples.
void keepUnchangedParts(Json &fresh, const Json &old, const Json &oldGenerated)
{
    if (!fresh.is_object() || !old.is_object() || !oldGenerated.is_object())
        return;
    keepIfUnchanged(fresh, old, oldGenerated, "parameters");
    if (!keepIfUnchanged(fresh, old, oldGenerated, "requestBody") && fresh.contains("requestBody") &&
        old.contains("requestBody") && oldGenerated.contains("requestBody"))
        keepUnchangedMembers(fresh["requestBody"], old["requestBody"], oldGenerated["requestBody"], "content");
    if (keepIfUnchanged(fresh, old, oldGenerated, "responses"))
        return;
    auto f = fresh.find("responses");
    auto o = old.find("responses");
    auto g = oldGenerated.find("responses");
    if (f == fresh.end() || o == old.end() || g == oldGenerated.end() || !f->is_object() || !o->is_object() ||
        !g->is_object())
        return;
    for (auto response = f->begin(); response != f->end(); ++response) {
        if (keepIfUnchanged(*f, *o, *g, response.key()))
            continue;
        auto oldResponse = o->find(response.key());
        auto oldGeneratedResponse = g->find(response.key());
        if (oldResponse != o->end() && oldGeneratedResponse != g->end() && response->is_object() &&
            oldResponse->is_object() && oldGeneratedResponse->is_object()) {
            keepIfUnchanged(*response, *oldResponse, *oldGeneratedResponse, "headers");
            keepUnchangedMembers(*response, *oldResponse, *oldGeneratedResponse, "content");
        }
    }
}

} // namespace

bool sameContract(const gw::model::ApiContract &a, const gw::model::ApiContract &b)
{
    return exported(a) == exported(b);
}

std::string detectFormat(const std::string &text)
{
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{' ? "json" : "yaml";
    }
    return "yaml";
}

std::string convertSpecification(const std::string &text, const std::string &format)
{
    const Json document = parse(text);
    if (document.is_null())
        return {};
    return write(document, format);
}

std::string syncSpecification(const std::string &previousText, const gw::model::ApiContract &previous,
                              const gw::model::ApiContract &contract, const std::string &format)
{
    const Json generated = exported(contract);
    Json old = previousText.empty() ? Json() : parse(previousText);
    const bool patchable = old.is_object() && old.value("openapi", std::string()).rfind("3.", 0) == 0;
    if (!patchable)
        return write(generated, format);

    const Json oldGenerated = exported(previous);
    const auto oldOperations = operationsOf(old);
    const auto oldGeneratedOperations = operationsOf(oldGenerated);
    const Json &oldPaths = old.contains("paths") && old["paths"].is_object() ? old["paths"] : Json::object();

    Json paths = Json::object();
    for (const gw::model::Operation &operation : contract.operations) {
        std::string method = operation.method;
        for (char &c : method)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const Json &fresh = generated["paths"][operation.urlTemplate][method];
        Json value = fresh;
        auto before = oldOperations.find(operation.name);
        if (before != oldOperations.end()) {
            auto beforeGenerated = oldGeneratedOperations.find(operation.name);
            const bool unchanged = beforeGenerated != oldGeneratedOperations.end() &&
                                   *beforeGenerated->second.value == fresh &&
                                   before->second.path == operation.urlTemplate && before->second.method == method;
            if (unchanged) {
                value = *before->second.value;
            } else {
                if (beforeGenerated != oldGeneratedOperations.end())
                    keepUnchangedParts(value, *before->second.value, *beforeGenerated->second.value);
                for (auto key = before->second.value->begin(); key != before->second.value->end(); ++key) {
                    bool exportedKey = false;
                    for (std::string_view known : kExportedKeys)
                        exportedKey = exportedKey || key.key() == known;
                    if (!exportedKey && !value.contains(key.key()))
                        value[key.key()] = key.value();
                }
            }
        }
        Json &pathItem = paths[operation.urlTemplate];
        if (pathItem.is_null()) {
            pathItem = Json::object();
            // Path-level entries (shared parameters, extensions) stay with their path.
            if (auto oldItem = oldPaths.find(operation.urlTemplate); oldItem != oldPaths.end() && oldItem->is_object())
                for (auto key = oldItem->begin(); key != oldItem->end(); ++key)
                    if (!isMethod(key.key()))
                        pathItem[key.key()] = key.value();
        }
        pathItem[method] = std::move(value);
    }

    Json document = old;
    if (previous.title != contract.title || previous.description != contract.description ||
        previous.version != contract.version) {
        Json &info = document["info"];
        if (!info.is_object())
            info = Json::object();
        info["title"] = contract.title;
        if (contract.description.empty())
            info.erase("description");
        else
            info["description"] = contract.description;
        info["version"] = contract.version;
    }
    if (previous.servers != contract.servers) {
        if (generated.contains("servers"))
            document["servers"] = generated["servers"];
        else
            document.erase("servers");
    }
    document["paths"] = std::move(paths);
    // Cycle targets the exporter made up for new or changed schemas.
    if (auto components = generated.find("components"); components != generated.end()) {
        const Json &schemas = (*components)["schemas"];
        Json &target = document["components"]["schemas"];
        for (auto schema = schemas.begin(); schema != schemas.end(); ++schema)
            if (!target.contains(schema.key()))
                target[schema.key()] = schema.value();
    }
    return write(document, format);
}

} // namespace gh::apis
