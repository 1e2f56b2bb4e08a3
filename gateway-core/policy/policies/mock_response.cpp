#include "mock_response.h"

#include <policy/run.h>

#include <nlohmann/json.hpp>

namespace gw::policy {

namespace {

using Json = nlohmann::ordered_json;

// A sample value from a JSON schema, for operations whose specification gives no example.
Json sample(const Json &schema, int depth = 0)
{
    if (!schema.is_object() || depth > 8)
        return nullptr;
    if (schema.contains("example"))
        return schema["example"];
    if (schema.contains("default"))
        return schema["default"];
    if (schema.contains("enum") && schema["enum"].is_array() && !schema["enum"].empty())
        return schema["enum"][0];
    const std::string type = schema.value("type", schema.contains("properties") ? "object" : "");
    if (type == "object") {
        Json object = Json::object();
        if (schema.contains("properties") && schema["properties"].is_object()) {
            for (const auto &[name, property] : schema["properties"].items())
                object[name] = sample(property, depth + 1);
        }
        return object;
    }
    if (type == "array")
        return Json::array({sample(schema.value("items", Json::object()), depth + 1)});
    if (type == "integer")
        return 0;
    if (type == "number")
        return 0.0;
    if (type == "boolean")
        return true;
    if (type == "string") {
        const std::string format = schema.value("format", "");
        if (format == "date-time")
            return "2024-01-01T00:00:00Z";
        if (format == "date")
            return "2024-01-01";
        if (format == "uuid")
            return "00000000-0000-0000-0000-000000000000";
        return "string";
    }
    return nullptr;
}

} // namespace

PolicyDescription MockResponsePolicy::describe()
{
    return {
        .name = "mock-response",
        .sections = Inbound | Outbound | OnError,
        .help = "Answers at once with the operation's example response from its specification (or a sample made "
                "from its schema).",
        .attributes = {{.name = "status-code", .type = AttributeType::Integer, .defaultValue = "200"},
                       {.name = "content-type", .help = "Which representation to answer with."}},
    };
}

std::shared_ptr<const Policy> MockResponsePolicy::create(const Element &element, Compiler &compiler)
{
    auto status = compiler.attribute(element, "status-code");
    if (!status)
        return nullptr;
    return std::make_shared<MockResponsePolicy>(std::move(*status), compiler.attribute(element, "content-type"));
}

Flow MockResponsePolicy::apply(Run &run) const
{
    auto status = run.integer(m_status);
    if (!status)
        return Flow::Fail;
    std::optional<std::string> contentType;
    if (m_contentType) {
        contentType = run.text(*m_contentType);
        if (!contentType)
            return Flow::Fail;
    }
    expr::ResponseState response;
    response.statusCode = static_cast<int>(*status);
    response.body = std::string();
    if (const model::Operation *operation = run.context().operation) {
        const std::string code = std::to_string(*status);
        const model::Response *match = nullptr;
        for (const model::Response &candidate : operation->responses) {
            if (candidate.statusCode == code)
                match = &candidate;
        }
        for (const model::Response &candidate : operation->responses) {
            if (!match && (candidate.statusCode == code.substr(0, 1) + "XX" || candidate.statusCode == "default"))
                match = &candidate;
        }
        const model::Representation *representation = nullptr;
        if (match) {
            for (const model::Representation &candidate : match->representations) {
                if (!representation && (!contentType || candidate.contentType == *contentType))
                    representation = &candidate;
            }
        }
        if (representation) {
            Json body = !representation->example.is_null()  ? representation->example
                        : !representation->examples.empty() ? representation->examples.front().second
                                                            : sample(representation->schema);
            if (!body.is_null()) {
                response.body = body.is_string() && representation->contentType.find("json") == std::string::npos
                                    ? body.get<std::string>()
                                    : body.dump(2);
            }
            response.headers.set("Content-Type", representation->contentType);
        }
    }
    if (contentType && !response.headers.contains("Content-Type"))
        response.headers.set("Content-Type", *contentType);
    run.context().response = std::move(response);
    return Flow::Respond;
}

} // namespace gw::policy
