#include "validation.h"

#include <common/text.h>
#include <model/workspace.h>
#include <openapi/yaml_json.h>
#include <policy/run.h>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <charconv>
#include <mutex>

namespace gw::policy::validation {

std::optional<Action> parseAction(std::string_view text)
{
    const std::string lower = lowerAscii(trimSpace(text));
    if (lower == "ignore")
        return Action::Ignore;
    if (lower == "prevent")
        return Action::Prevent;
    if (lower == "detect")
        return Action::Detect;
    return std::nullopt;
}

std::string_view toString(Action action)
{
    switch (action) {
    case Action::Ignore:
        return "ignore";
    case Action::Prevent:
        return "prevent";
    case Action::Detect:
        return "detect";
    }
    return "ignore";
}

ActionTemplate actionAttribute(const Element &element, std::string_view name, Compiler &compiler)
{
    const Attribute *attribute = element.attribute(name);
    if (!attribute)
        return std::nullopt;
    auto value = compiler.attribute(element, name);
    if (value && value->isLiteral() && !parseAction(value->text())) {
        compiler.error(attribute->valueRange,
                       "'" + std::string(name) + "' must be ignore, prevent or detect, not '" + value->text() + "'");
        return std::nullopt;
    }
    return value;
}

std::optional<Action> resolve(Run &run, std::initializer_list<const ActionTemplate *> innermostFirst)
{
    for (const ActionTemplate *level : innermostFirst) {
        if (!level || !*level)
            continue;
        auto text = run.text(**level);
        if (!text)
            return std::nullopt;
        if (auto action = parseAction(*text))
            return action;
        run.fail("ExpressionValueEvaluationFailure",
                 "Expression evaluation failed. '" + *text + "' is not a validation action (ignore, prevent, detect).",
                 500, "Internal server error");
        return std::nullopt;
    }
    return Action::Ignore;
}

void Report::add(Error error)
{
    if (error.action != Action::Ignore)
        m_errors.push_back(std::move(error));
}

bool Report::prevents() const
{
    for (const Error &error : m_errors) {
        if (error.action == Action::Prevent)
            return true;
    }
    return false;
}

Flow Report::finish(Run &run, const std::string &errorsVariable) const
{
    if (!errorsVariable.empty()) {
        std::vector<std::vector<std::pair<std::string, std::string>>> records;
        records.reserve(m_errors.size());
        for (const Error &error : m_errors) {
            records.push_back({{"Name", error.name},
                               {"Type", error.type},
                               {"ValidationRule", error.validationRule},
                               {"Details", error.details},
                               {"Action", std::string(toString(error.action))}});
        }
        auto &variables = run.context().variables;
        const auto existing = variables.find(errorsVariable);
        expr::Value list =
            expr::makeRecordList(existing == variables.end() ? expr::Value() : existing->second, records);
        variables.insert_or_assign(errorsVariable, std::move(list));
        if (run.tracing() && !m_errors.empty())
            run.note("variable " + errorsVariable + ": " + std::to_string(m_errors.size()) + " validation error(s)");
    }
    if (run.tracing() && !m_errors.empty()) {
        std::string message;
        for (const Error &error : m_errors)
            message += (message.empty() ? "" : "\n") + std::string(toString(error.action)) + ": " + error.details;
        run.traceMessage(std::move(message));
    }
    for (const Error &error : m_errors) {
        if (error.action != Action::Prevent)
            continue;
        if (onResponse(run))
            return run.fail("Response not allowed", error.details, 502, error.publicMessage);
        return run.fail("Bad request", error.details, 400, error.publicMessage);
    }
    return Flow::Continue;
}

bool onResponse(const Run &run)
{
    return run.section() == Section::Outbound || run.section() == Section::OnError;
}

// --- JSON schemas ---

namespace {

using OrderedJson = nlohmann::ordered_json;

// Keywords whose value is a schema, a map of schemas or a list of schemas: the walks below follow them only.
void forEachSubschema(OrderedJson &schema, const std::function<void(OrderedJson &)> &visit)
{
    if (!schema.is_object())
        return;
    for (const char *key : {"properties", "patternProperties", "definitions", "$defs"}) {
        auto it = schema.find(key);
        if (it != schema.end() && it->is_object()) {
            for (auto &[name, child] : it->items())
                visit(child);
        }
    }
    for (const char *key : {"items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
                            "additionalItems"}) {
        auto it = schema.find(key);
        if (it != schema.end() && (it->is_object() || it->is_array())) {
            if (it->is_array()) {
                for (auto &child : *it)
                    visit(child);
            } else {
                visit(*it);
            }
        }
    }
    for (const char *key : {"allOf", "anyOf", "oneOf", "prefixItems"}) {
        auto it = schema.find(key);
        if (it != schema.end() && it->is_array()) {
            for (auto &child : *it)
                visit(child);
        }
    }
}

// OpenAPI 3.0's `nullable: true` is JSON Schema's "null" among the types.
void adaptOpenApi(OrderedJson &schema, JsonSchema::AdditionalProperties additional, int depth = 0)
{
    if (!schema.is_object() || depth > 200)
        return;
    auto nullable = schema.find("nullable");
    if (nullable != schema.end() && nullable->is_boolean() && nullable->get<bool>()) {
        auto type = schema.find("type");
        if (type != schema.end() && type->is_string())
            *type = OrderedJson::array({type->get<std::string>(), "null"});
        else if (type != schema.end() && type->is_array())
            type->push_back("null");
    }
    const bool isObject = schema.contains("properties") ||
                          (schema.contains("type") && schema["type"].is_string() && schema["type"] == "object");
    if (isObject && additional == JsonSchema::AdditionalProperties::Allow) {
        auto it = schema.find("additionalProperties");
        if (it != schema.end() && it->is_boolean())
            *it = true;
    } else if (isObject && additional == JsonSchema::AdditionalProperties::Forbid) {
        auto it = schema.find("additionalProperties");
        if (it == schema.end() || it->is_boolean())
            schema["additionalProperties"] = false;
    }
    forEachSubschema(schema, [&](OrderedJson &child) { adaptOpenApi(child, additional, depth + 1); });
}

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

} // namespace

struct JsonSchema::Impl {
    valijson::Schema schema; // owns copies of what it needs from the document it was parsed from
};

JsonSchema::~JsonSchema() = default;

std::shared_ptr<const JsonSchema> JsonSchema::compile(const nlohmann::ordered_json &schema, const model::Api *api,
                                                      AdditionalProperties additional)
{
    auto result = std::make_shared<JsonSchema>();
    OrderedJson root = schema.is_object() ? schema : OrderedJson::object();
    const bool openApi31 = api && startsWith(api->contract.openApiVersion, "3.1");
    // The contract expands every $ref; the ones left cut a cycle and point at #/components/schemas/<name> (or
    // #/definitions/<name> inside those), so the specification's schemas come along as the document to resolve in.
    if (api && api->specificationText && openapi::dumpJson(root).find("\"$ref\"") != std::string::npos) {
        openapi::ParsedText parsed;
        Diagnostics ignored;
        if (openapi::parseText(*api->specificationText, "specification", parsed, ignored) && parsed.value.is_object()) {
            OrderedJson schemas = OrderedJson::object();
            if (auto components = parsed.value.find("components");
                components != parsed.value.end() && components->is_object() && components->contains("schemas"))
                schemas = (*components)["schemas"];
            if (auto definitions = parsed.value.find("definitions");
                definitions != parsed.value.end() && definitions->is_object()) {
                for (auto &[name, definition] : definitions->items()) {
                    if (!schemas.contains(name))
                        schemas[name] = definition;
                }
                if (!root.contains("definitions"))
                    root["definitions"] = *definitions;
            }
            if (!root.contains("components"))
                root["components"] = OrderedJson{{"schemas", schemas}};
        }
    }
    adaptOpenApi(root, additional);
    if (root.contains("components") && root["components"].contains("schemas")) {
        for (auto &[name, definition] : root["components"]["schemas"].items())
            adaptOpenApi(definition, additional);
    }
    auto impl = std::make_unique<Impl>();
    try {
        const nlohmann::json document(root);
        valijson::SchemaParser parser(openApi31 ? valijson::SchemaParser::kDraft7 : valijson::SchemaParser::kDraft4);
        valijson::adapters::NlohmannJsonAdapter adapter(document);
        parser.populateSchema(adapter, impl->schema);
    } catch (const std::exception &error) {
        result->m_error = error.what();
        return result;
    }
    result->m_impl = std::move(impl);
    return result;
}

std::optional<JsonSchema::Problem> JsonSchema::validate(const nlohmann::json &value) const
{
    if (!m_impl)
        return Problem{m_error, {}};
    // A validator caches the regular expressions of `pattern`s it met; one per thread keeps them across requests.
    thread_local valijson::Validator validator;
    valijson::adapters::NlohmannJsonAdapter target(value);
    valijson::ValidationResults results;
    try {
        if (validator.validate(m_impl->schema, target, &results))
            return std::nullopt;
    } catch (const std::exception &error) {
        return Problem{error.what(), {}};
    }
    valijson::ValidationResults::Error first;
    if (!results.popError(first))
        return Problem{"The value does not conform to the schema.", {}};
    Problem problem;
    problem.message = first.description;
    for (const std::string &segment : first.context) {
        if (segment.size() >= 2 && segment.front() == '[' && segment.back() == ']')
            problem.path.push_back(segment.substr(1, segment.size() - 2));
    }
    return problem;
}

std::shared_ptr<const JsonSchema> SchemaCache::get(const void *owner, const std::string &key,
                                                   const std::function<std::shared_ptr<const JsonSchema>()> &make) const
{
    const auto id = std::make_pair(owner, key);
    {
        std::shared_lock lock(m_mutex);
        if (auto it = m_schemas.find(id); it != m_schemas.end())
            return it->second;
    }
    // Compiled outside the lock: two requests racing for the same schema compile it twice, and the first one wins.
    auto compiled = make();
    std::unique_lock lock(m_mutex);
    return m_schemas.try_emplace(id, std::move(compiled)).first->second;
}

std::pair<int, int> lineAndPosition(const std::string &text, std::size_t offset)
{
    int line = 1;
    int position = 1;
    for (std::size_t i = 0; i < std::min(offset, text.size()); ++i) {
        if (text[i] == '\n') {
            ++line;
            position = 1;
        } else {
            ++position;
        }
    }
    return {line, position};
}

std::pair<int, int> locateInJson(const std::string &text, const std::vector<std::string> &path)
{
    return lineAndPosition(text, openapi::offsetInJson(text, path));
}

namespace {

const model::Response *matchResponse(const model::Operation *operation, int status)
{
    if (!operation)
        return nullptr;
    const std::string code = std::to_string(status);
    const std::string range = code.substr(0, 1) + "xx";
    const model::Response *byRange = nullptr;
    const model::Response *byDefault = nullptr;
    for (const model::Response &response : operation->responses) {
        if (response.statusCode == code)
            return &response;
        if (!byRange && lowerAscii(response.statusCode) == range)
            byRange = &response;
        if (!byDefault && response.statusCode == "default")
            byDefault = &response;
    }
    return byRange ? byRange : byDefault;
}

} // namespace

const model::Response *findResponse(const model::Operation *operation, int status)
{
    return matchResponse(operation, status);
}

bool declaresStatus(const model::Operation *operation, int status)
{
    return matchResponse(operation, status) != nullptr;
}

// --- parameter values ---

namespace {

std::optional<nlohmann::json> convert(std::string_view type, std::string_view text, std::string &why)
{
    if (type == "integer") {
        std::int64_t number = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
            why = "Could not convert '" + std::string(text) + "' to an integer.";
            return std::nullopt;
        }
        return nlohmann::json(number);
    }
    if (type == "number") {
        const std::string copy(text);
        char *end = nullptr;
        const double number = std::strtod(copy.c_str(), &end);
        if (copy.empty() || end != copy.c_str() + copy.size()) {
            why = "Could not convert '" + copy + "' to a number.";
            return std::nullopt;
        }
        return nlohmann::json(number);
    }
    if (type == "boolean") {
        const std::string lower = lowerAscii(text);
        if (lower == "true" || lower == "false")
            return nlohmann::json(lower == "true");
        why = "Could not convert '" + std::string(text) + "' to a boolean.";
        return std::nullopt;
    }
    return nlohmann::json(std::string(text));
}

} // namespace

std::optional<ValueProblem> checkValue(const model::Parameter &parameter, std::string_view text, const model::Api *api,
                                       const SchemaCache &cache)
{
    const nlohmann::ordered_json &schema = parameter.schema;
    std::string type = parameter.type;
    if (type.empty() && schema.is_object() && schema.contains("type") && schema["type"].is_string())
        type = schema["type"].get<std::string>();

    std::string why;
    nlohmann::json value;
    if (type == "array") {
        // Form style without explode (APIM's default for query parameters and headers): comma-separated items.
        std::string itemType;
        if (schema.is_object() && schema.contains("items") && schema["items"].is_object() &&
            schema["items"].contains("type") && schema["items"]["type"].is_string())
            itemType = schema["items"]["type"].get<std::string>();
        value = nlohmann::json::array();
        std::size_t start = 0;
        while (start <= text.size()) {
            const std::size_t comma = std::min(text.find(',', start), text.size());
            auto item = convert(itemType, text.substr(start, comma - start), why);
            if (!item)
                return ValueProblem{true, why};
            value.push_back(std::move(*item));
            start = comma + 1;
        }
    } else {
        auto converted = convert(type, text, why);
        if (!converted)
            return ValueProblem{true, why};
        value = std::move(*converted);
    }

    std::shared_ptr<const JsonSchema> compiled;
    if (schema.is_object() && !schema.empty()) {
        compiled = cache.get(&parameter, "parameter", [&] {
            return JsonSchema::compile(schema, api, JsonSchema::AdditionalProperties::AsSchema);
        });
    } else if (!parameter.values.empty() && (type.empty() || type == "string")) {
        compiled = cache.get(&parameter, "enum", [&] {
            nlohmann::ordered_json synthesized{{"enum", parameter.values}};
            return JsonSchema::compile(synthesized, api, JsonSchema::AdditionalProperties::AsSchema);
        });
    }
    if (!compiled)
        return std::nullopt;
    if (auto problem = compiled->validate(value))
        return ValueProblem{false, problem->message};
    return std::nullopt;
}

} // namespace gw::policy::validation
