#include "schema.h"
#include "yaml_json.h"

#include <openapi/openapi.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>

namespace gw::openapi {

using Json = nlohmann::ordered_json;

namespace {

constexpr std::string_view kSchemaPrefix = "#/components/schemas/";

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::optional<std::string> textOf(const Json &value)
{
    if (value.is_null())
        return std::nullopt;
    if (value.is_string())
        return value.get<std::string>();
    return dumpJson(value);
}

// A parameter's text value back in the schema: as a number or boolean when its type says so and it reads as one.
Json typedValue(const std::string &value, const std::string &type)
{
    if (type == "integer" || type == "number" || type == "boolean") {
        Json parsed = Json::parse(value, nullptr, false);
        if (parsed.is_number() || parsed.is_boolean())
            return parsed;
    }
    return value;
}

// Schemas of the model are expanded; only cycles stay as {"$ref": "#/components/schemas/<name>"}. Writing them,
// the schema a cycle leads back to becomes components/schemas/<name> so that the $refs have a target again and
// re-importing expands to the same values.
class SchemaWriter {
public:
    Json write(const Json &schema)
    {
        m_assigned.clear();
        m_cuts.clear();
        std::vector<Step> ancestors;
        collect(schema, ancestors, 0);
        if (m_cuts.empty())
            return schema;
        assign();
        if (m_assigned.empty())
            return schema;
        return transform(schema, 0);
    }

    // Targets of cuts that no schema defined: a schema that is only a $ref to itself, and comes back as one.
    Json components()
    {
        for (const std::string &name : m_referenced) {
            if (!m_components.contains(name))
                m_components[name] = Json{{"$ref", std::string(kSchemaPrefix) + escapePointerSegment(name)}};
        }
        return m_components;
    }

private:
    struct Step {
        const Json *node;
        std::string_view keyword; // how the walk went on from this node
    };

    struct Cut {
        std::string name;
        std::vector<const Json *> ancestors;  // outermost first
        std::vector<const Json *> candidates; // where the cycle may return to, nearest first
    };

    void collect(const Json &node, std::vector<Step> &ancestors, int depth)
    {
        if (!node.is_object() || depth > 512)
            return;
        if (auto ref = node.find("$ref"); ref != node.end() && ref->is_string()) {
            cut(ref->get<std::string>(), ancestors);
            return;
        }
        for (auto it = node.begin(); it != node.end(); ++it) {
            const std::string &key = it.key();
            const SchemaSlot slot = schemaSlot(key, it.value());
            if (slot == SchemaSlot::Literal)
                continue;
            ancestors.push_back({&node, key});
            if (slot == SchemaSlot::Schema) {
                collect(it.value(), ancestors, depth + 1);
            } else {
                for (const Json &child : it.value())
                    collect(child, ancestors, depth + 1);
            }
            ancestors.pop_back();
        }
    }

    void cut(const std::string &ref, const std::vector<Step> &ancestors)
    {
        if (ref.rfind(kSchemaPrefix, 0) != 0)
            return;
        const std::vector<std::string> segments = splitPointer(std::string_view(ref).substr(kSchemaPrefix.size() - 1));
        if (segments.size() != 1)
            return;
        Cut cut;
        cut.name = segments.front();
        m_referenced.push_back(cut.name);
        for (const Step &step : ancestors)
            cut.ancestors.push_back(step.node);
        // The schema the cycle returns to is one whose properties lead here (an object type), taken whole when it
        // is a member of an allOf/anyOf/oneOf; failing those, the outermost schema.
        for (std::size_t i = ancestors.size(); i-- > 0;) {
            if (ancestors[i].keyword != "properties" && ancestors[i].keyword != "patternProperties")
                continue;
            std::size_t j = i;
            while (j > 0 && (ancestors[j - 1].keyword == "allOf" || ancestors[j - 1].keyword == "anyOf" ||
                             ancestors[j - 1].keyword == "oneOf"))
                --j;
            cut.candidates.push_back(ancestors[j].node);
        }
        if (!ancestors.empty())
            cut.candidates.push_back(ancestors.front().node);
        m_cuts.push_back(std::move(cut));
    }

    // Shallow cuts first: a schema that returns to itself directly shows where it starts, and the deeper cuts of
    // the same name inside it are then covered. A name keeps one definition: later choices prefer a schema equal
    // to it, so that every place the components/schemas entry replaces expands back the same.
    void assign()
    {
        std::stable_sort(m_cuts.begin(), m_cuts.end(),
                         [](const Cut &a, const Cut &b) { return a.ancestors.size() < b.ancestors.size(); });
        for (const Cut &cut : m_cuts) {
            const bool covered = std::any_of(cut.ancestors.begin(), cut.ancestors.end(), [&](const Json *node) {
                auto it = m_assigned.find(node);
                return it != m_assigned.end() && it->second == cut.name;
            });
            if (covered || cut.candidates.empty())
                continue;
            const Json *chosen = nullptr;
            if (auto defined = m_definitions.find(cut.name); defined != m_definitions.end()) {
                auto same = std::find_if(cut.candidates.begin(), cut.candidates.end(),
                                         [&](const Json *node) { return *node == defined->second; });
                if (same != cut.candidates.end())
                    chosen = *same;
            }
            if (!chosen) {
                auto free = std::find_if(cut.candidates.begin(), cut.candidates.end(),
                                         [&](const Json *node) { return !m_assigned.count(node); });
                if (free == cut.candidates.end())
                    continue;
                chosen = *free;
            }
            if (m_assigned.emplace(chosen, cut.name).second)
                m_definitions.emplace(cut.name, *chosen);
        }
    }

    Json transform(const Json &node, int depth)
    {
        if (!node.is_object() || depth > 512)
            return node;
        Json out = Json::object();
        out.get_ref<Json::object_t &>().reserve(node.size());
        for (auto it = node.begin(); it != node.end(); ++it) {
            const std::string &key = it.key();
            switch (schemaSlot(key, it.value())) {
            case SchemaSlot::Literal:
                out[key] = it.value();
                break;
            case SchemaSlot::Schema:
                out[key] = transform(it.value(), depth + 1);
                break;
            case SchemaSlot::SchemaMap: {
                Json map = Json::object();
                for (auto member = it.value().begin(); member != it.value().end(); ++member)
                    map[member.key()] = transform(member.value(), depth + 1);
                out[key] = std::move(map);
                break;
            }
            case SchemaSlot::SchemaList: {
                Json list = Json::array();
                for (const Json &child : it.value())
                    list.push_back(transform(child, depth + 1));
                out[key] = std::move(list);
                break;
            }
            }
        }
        auto assigned = m_assigned.find(&node);
        if (assigned == m_assigned.end())
            return out;
        if (!m_components.contains(assigned->second))
            m_components[assigned->second] = std::move(out);
        return Json{{"$ref", std::string(kSchemaPrefix) + escapePointerSegment(assigned->second)}};
    }

    std::map<const Json *, std::string> m_assigned;
    std::vector<Cut> m_cuts;
    std::map<std::string, Json> m_definitions; // each name's schema as first chosen, before its own replacements
    std::vector<std::string> m_referenced;
    Json m_components = Json::object();
};

class Exporter {
public:
    Json run(const model::ApiContract &contract)
    {
        Json document = Json::object();
        document["openapi"] = "3.0.1";
        Json info = Json::object();
        info["title"] = contract.title;
        if (!contract.description.empty())
            info["description"] = contract.description;
        info["version"] = contract.version;
        document["info"] = std::move(info);
        if (!contract.servers.empty()) {
            Json servers = Json::array();
            for (const std::string &url : contract.servers)
                servers.push_back({{"url", url}});
            document["servers"] = std::move(servers);
        }
        Json paths = Json::object();
        for (const model::Operation &operation : contract.operations)
            paths[operation.urlTemplate][lower(operation.method)] = writeOperation(operation);
        document["paths"] = std::move(paths);
        Json schemas = m_schemas.components();
        if (!schemas.empty())
            document["components"] = {{"schemas", std::move(schemas)}};
        return document;
    }

private:
    Json writeOperation(const model::Operation &operation)
    {
        Json out = Json::object();
        out["summary"] = operation.displayName;
        if (!operation.description.empty())
            out["description"] = operation.description;
        out["operationId"] = operation.name;
        Json parameters = Json::array();
        for (const model::Parameter &p : operation.templateParameters)
            parameters.push_back(writeParameter(p, "path"));
        for (const model::Parameter &p : operation.queryParameters)
            parameters.push_back(writeParameter(p, "query"));
        for (const model::Parameter &p : operation.headers)
            parameters.push_back(writeParameter(p, "header"));
        if (!parameters.empty())
            out["parameters"] = std::move(parameters);
        if (operation.request) {
            Json body = Json::object();
            if (!operation.request->description.empty())
                body["description"] = operation.request->description;
            body["content"] = writeContent(operation.request->representations);
            if (operation.request->required)
                body["required"] = true;
            out["requestBody"] = std::move(body);
        }
        Json responses = Json::object();
        for (const model::Response &response : operation.responses) {
            Json r = Json::object();
            r["description"] = response.description;
            if (!response.headers.empty()) {
                Json headers = Json::object();
                for (const model::Parameter &header : response.headers) {
                    Json h = writeParameter(header, "");
                    h.erase("name");
                    h.erase("in");
                    headers[header.name] = std::move(h);
                }
                r["headers"] = std::move(headers);
            }
            if (!response.representations.empty())
                r["content"] = writeContent(response.representations);
            responses[response.statusCode] = std::move(r);
        }
        out["responses"] = std::move(responses);
        return out;
    }

    Json writeParameter(const model::Parameter &parameter, const char *in)
    {
        Json out = Json::object();
        out["name"] = parameter.name;
        out["in"] = in;
        if (!parameter.description.empty())
            out["description"] = parameter.description;
        if (parameter.required || std::string_view(in) == "path")
            out["required"] = true;
        // The schema, made to agree with the fields the model shows (they are what an editor changes).
        Json schema = parameter.schema.is_object() ? parameter.schema : Json::object();
        if (schemaType(schema) != parameter.type) {
            if (parameter.type.empty())
                schema.erase("type");
            else
                schema["type"] = parameter.type;
        }
        if (textOf(schema.value("default", Json())) != parameter.defaultValue) {
            if (parameter.defaultValue)
                schema["default"] = typedValue(*parameter.defaultValue, parameter.type);
            else
                schema.erase("default");
        }
        std::vector<std::string> values;
        if (auto it = schema.find("enum"); it != schema.end() && it->is_array()) {
            for (const Json &value : *it)
                values.push_back(textOf(value).value_or(""));
        }
        if (values != parameter.values) {
            if (parameter.values.empty()) {
                schema.erase("enum");
            } else {
                Json list = Json::array();
                for (const std::string &value : parameter.values)
                    list.push_back(typedValue(value, parameter.type));
                schema["enum"] = std::move(list);
            }
        }
        if (!schema.empty() || !parameter.schema.is_null())
            out["schema"] = m_schemas.write(schema);
        return out;
    }

    Json writeContent(const std::vector<model::Representation> &representations)
    {
        Json content = Json::object();
        for (const model::Representation &representation : representations) {
            Json media = Json::object();
            if (!representation.schema.is_null())
                media["schema"] = m_schemas.write(representation.schema);
            // Re-importing takes the first named example when there is no "example": write it only when it differs.
            const bool exampleImplied =
                !representation.examples.empty() && representation.examples.front().second == representation.example;
            if (!representation.example.is_null() && !exampleImplied)
                media["example"] = representation.example;
            if (!representation.examples.empty()) {
                Json examples = Json::object();
                for (const auto &[name, value] : representation.examples)
                    examples[name] = {{"value", value}};
                media["examples"] = std::move(examples);
            }
            content[representation.contentType] = std::move(media);
        }
        return content;
    }

    SchemaWriter m_schemas;
};

} // namespace

std::string exportContract(const model::ApiContract &contract, Format format)
{
    Exporter exporter;
    const Json document = exporter.run(contract);
    if (format == Format::Json)
        return dumpJson(document, 2) + '\n';
    return toYaml(document);
}

} // namespace gw::openapi
