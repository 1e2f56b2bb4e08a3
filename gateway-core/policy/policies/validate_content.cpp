#include "validate_content.h"

#include <common/text.h>
#include <content/json_xml.h>
#include <http/message.h>
#include <model/workspace.h>
#include <policy/run.h>

#include <pugixml.hpp>

#include <charconv>

namespace gw::policy {

using namespace validation;

namespace {

// "Application/JSON; charset=utf-8" -> "application/json".
std::string mediaType(std::string_view value)
{
    return lowerAscii(trimSpace(value.substr(0, value.find(';'))));
}

// Bodies nested deeper than this are refused before any parser or validator walks them.
constexpr int maxNesting = 256;

std::string located(std::string message, std::pair<int, int> where)
{
    return message + " Line: " + std::to_string(where.first) + ", Position: " + std::to_string(where.second);
}

// What is wrong with an XML body (well-formedness; SOAP: an Envelope with a Body), or nullopt.
std::optional<std::string> checkXml(const std::string &body, bool soap)
{
    pugi::xml_document document;
    const pugi::xml_parse_result parsed = document.load_buffer(body.data(), body.size(), pugi::parse_default);
    if (!parsed)
        return located(parsed.description() + std::string("."),
                       lineAndPosition(body, static_cast<std::size_t>(parsed.offset)));
    if (!soap)
        return std::nullopt;
    const auto localName = [](const pugi::xml_node &node) {
        const std::string_view name = node.name();
        const auto colon = name.find(':');
        return colon == std::string_view::npos ? name : name.substr(colon + 1);
    };
    const pugi::xml_node envelope = document.document_element();
    if (localName(envelope) != "Envelope")
        return "The root element is not a SOAP Envelope.";
    for (const pugi::xml_node &child : envelope.children()) {
        if (child.type() == pugi::node_element && localName(child) == "Body")
            return std::nullopt;
    }
    return "The SOAP Envelope has no Body.";
}

} // namespace

PolicyDescription ValidateContentPolicy::describe()
{
    return {
        .name = "validate-content",
        .sections = Inbound | Outbound | OnError,
        .help = "Checks the size of the request's (inbound) or response's (outbound) body, that its content type is "
                "one the API's specification declares for the operation, and validates it: JSON against the "
                "specification's schema; XML and SOAP for well-formedness only (no XSD engine here), a SOAP body "
                "must be an Envelope with a Body.",
        .attributes =
            {{.name = "unspecified-content-type-action",
              .type = AttributeType::Choice,
              .required = true,
              .choices = actionChoices,
              .help = "For a body whose content type the specification does not declare for the operation."},
             {.name = "max-size",
              .type = AttributeType::Integer,
              .required = true,
              .expressions = false,
              .help = "The largest body in bytes (at most 102400); a larger one is not validated against the schema."},
             {.name = "size-exceeded-action",
              .type = AttributeType::Choice,
              .required = true,
              .choices = actionChoices,
              .help = "For a body larger than max-size."},
             {.name = "errors-variable-name",
              .expressions = false,
              .help = "The variable of context.Variables that receives the errors (a list of {Name, Type, "
                      "ValidationRule, Details, Action})."}},
        .children = {{.name = "content-type-map",
                      .help = "any-content-type-value / missing-content-type-value, and <type from|when= to=>: the "
                              "content type to validate as instead of the one received."},
                     {.name = "content",
                      .repeated = true,
                      .help = "type (empty: every type of the specification), validate-as=\"json|xml|soap\", "
                              "action, allow-additional-properties. schema-id names a schema resource of the APIM "
                              "instance: those are not part of the APIOps folder, so only the size and content "
                              "type are checked for such a content."}},
    };
}

std::shared_ptr<const Policy> ValidateContentPolicy::create(const Element &element, Compiler &compiler)
{
    Config config;
    config.unspecifiedAction = actionAttribute(element, "unspecified-content-type-action", compiler);
    config.sizeExceededAction = actionAttribute(element, "size-exceeded-action", compiler);
    if (!config.unspecifiedAction || !config.sizeExceededAction)
        return nullptr;
    const std::string maxSize = compiler.literal(element, "max-size");
    const auto [end, error] = std::from_chars(maxSize.data(), maxSize.data() + maxSize.size(), config.maxSize);
    const Attribute *maxSizeAttribute = element.attribute("max-size");
    if (error != std::errc() || end != maxSize.data() + maxSize.size() || config.maxSize < 0) {
        compiler.error(maxSizeAttribute ? maxSizeAttribute->valueRange : element.range,
                       "max-size must be a number of bytes");
        return nullptr;
    }
    if (config.maxSize > maxSizeLimit) {
        compiler.error(maxSizeAttribute ? maxSizeAttribute->valueRange : element.range,
                       "max-size can be at most 102400 bytes (APIM's limit)");
        return nullptr;
    }
    config.errorsVariable = compiler.literal(element, "errors-variable-name");

    for (const Element &child : element.children) {
        if (child.name == "content-type-map") {
            config.anyContentType = compiler.attribute(child, "any-content-type-value");
            config.missingContentType = compiler.attribute(child, "missing-content-type-value");
            for (const Element &type : child.children) {
                Mapping mapping;
                mapping.from = compiler.attribute(type, "from");
                mapping.when = compiler.attribute(type, "when");
                auto to = compiler.attribute(type, "to");
                if (type.name != "type" || !to || mapping.from.has_value() == mapping.when.has_value()) {
                    compiler.error(type.range, "expected <type from=\"...\" to=\"...\" /> or <type when=\"@(...)\" "
                                               "to=\"...\" /> (one of from and when)");
                    continue;
                }
                mapping.to = std::move(*to);
                config.mappings.push_back(std::move(mapping));
            }
            continue;
        }
        Content content;
        content.type = mediaType(compiler.literal(child, "type"));
        const std::string engine = lowerAscii(compiler.literal(child, "validate-as"));
        if (engine == "json") {
            content.engine = Engine::Json;
        } else if (engine == "xml") {
            content.engine = Engine::Xml;
        } else if (engine == "soap") {
            content.engine = Engine::Soap;
        } else {
            const Attribute *attribute = child.attribute("validate-as");
            compiler.error(attribute ? attribute->valueRange : child.range,
                           "content needs validate-as=\"json\", \"xml\" or \"soap\"");
            continue;
        }
        content.action = actionAttribute(child, "action", compiler);
        if (!content.action) {
            if (!child.attribute("action"))
                compiler.error(child.range, "content needs an 'action' (ignore, prevent or detect)");
            continue;
        }
        if (const Attribute *schemaId = child.attribute("schema-id")) {
            content.schemaResource = true;
            compiler.warning(schemaId->valueRange,
                             "schema resources (schema-id) are not part of the APIOps folder: this content's size "
                             "and type are checked, its body is not validated against a schema");
        }
        const std::string additional = lowerAscii(compiler.literal(child, "allow-additional-properties"));
        if (additional == "true") {
            content.additional = JsonSchema::AdditionalProperties::Allow;
        } else if (additional == "false") {
            content.additional = JsonSchema::AdditionalProperties::Forbid;
        } else if (!additional.empty()) {
            compiler.error(child.attribute("allow-additional-properties")->valueRange,
                           "allow-additional-properties must be true or false");
        }
        config.contents.push_back(std::move(content));
    }
    return std::make_shared<ValidateContentPolicy>(std::move(config));
}

std::optional<std::string> ValidateContentPolicy::mappedContentType(Run &run, const std::string &received) const
{
    for (const Mapping &mapping : m_config.mappings) {
        bool matches = false;
        if (mapping.from) {
            auto from = run.text(*mapping.from);
            if (!from)
                return std::nullopt;
            matches = mediaType(*from) == received;
        } else {
            auto when = run.boolean(*mapping.when);
            if (!when)
                return std::nullopt;
            matches = *when;
        }
        if (matches) {
            auto to = run.text(mapping.to);
            return to ? std::optional(mediaType(*to)) : std::nullopt;
        }
    }
    const std::optional<Template> &fallback =
        received.empty() && m_config.missingContentType ? m_config.missingContentType : m_config.anyContentType;
    if (fallback) {
        auto to = run.text(*fallback);
        return to ? std::optional(mediaType(*to)) : std::nullopt;
    }
    return received;
}

Flow ValidateContentPolicy::apply(Run &run) const
{
    const expr::Context &context = run.context();
    const bool response = onResponse(run);
    const std::string side = response ? "response" : "request";
    const std::string type = response ? "ResponseBody" : "RequestBody";
    const std::string publicOr = std::string(internalErrorMessage);
    const auto publicText = [&](std::string text) { return response ? publicOr : std::move(text); };
    const std::optional<std::string> &body = run.body();
    const std::size_t size = body ? body->size() : 0;
    Report report;

    bool sizeExceeded = false;
    if (static_cast<std::int64_t>(size) > m_config.maxSize) {
        auto action = resolve(run, {&m_config.sizeExceededAction});
        if (!action)
            return Flow::Fail;
        sizeExceeded = true;
        const std::string Side = response ? "Response" : "Request";
        report.add({.name = "",
                    .type = type,
                    .validationRule = "SizeLimit",
                    .details = Side + "'s body is " + std::to_string(size) +
                               " bytes long and it exceeds the configured "
                               "limit of " +
                               std::to_string(m_config.maxSize) + " bytes.",
                    .publicMessage = publicText(Side + "'s body is " + std::to_string(size) +
                                                " bytes long and it exceeds the limit of " +
                                                std::to_string(m_config.maxSize) + " bytes."),
                    .action = *action});
        if (report.prevents())
            return report.finish(run, m_config.errorsVariable);
    }
    // Nothing to validate without a body (a GET, a 204).
    if (size == 0)
        return report.finish(run, m_config.errorsVariable);

    const auto received = run.headers().get("Content-Type");
    auto contentType = mappedContentType(run, received ? mediaType(*received) : std::string());
    if (!contentType)
        return Flow::Fail;

    const model::Operation *operation = context.operation;
    const std::vector<model::Representation> *declared = nullptr;
    std::string definition;
    if (response) {
        if (const model::Response *declaredResponse = findResponse(operation, run.response().statusCode)) {
            declared = &declaredResponse->representations;
            definition = operation->name + "Response" + declaredResponse->statusCode;
        }
    } else if (operation && operation->request) {
        declared = &operation->request->representations;
        definition = operation->name + "Request";
    }
    const model::Representation *representation = nullptr;
    if (declared) {
        for (const model::Representation &candidate : *declared) {
            if (mediaType(candidate.contentType) == *contentType)
                representation = &candidate;
        }
    }
    if (!representation) {
        auto action = resolve(run, {&m_config.unspecifiedAction});
        if (!action)
            return Flow::Fail;
        const std::string message = "Unspecified content type " + *contentType + " is not allowed.";
        report.add({.name = *contentType,
                    .type = type,
                    .validationRule = "Unspecified",
                    .details = message,
                    .publicMessage = publicText(message),
                    .action = *action});
        return report.finish(run, m_config.errorsVariable);
    }

    const Content *content = nullptr;
    for (const Content &candidate : m_config.contents) {
        if (candidate.type == *contentType || (candidate.type.empty() && !content))
            content = &candidate;
        if (candidate.type == *contentType)
            break;
    }
    if (!content || content->schemaResource || sizeExceeded)
        return report.finish(run, m_config.errorsVariable);
    auto action = resolve(run, {&content->action});
    if (!action)
        return Flow::Fail;
    if (*action == Action::Ignore)
        return report.finish(run, m_config.errorsVariable);

    const std::string conformance = "Body of the " + side + " does not conform to the definition " + definition +
                                    ", which is associated with the content type " + *contentType + ".\n\n";
    Error error{.name = *contentType, .type = type, .validationRule = "IncorrectMessage", .action = *action};
    if (content->engine != Engine::Json) {
        if (auto problem = checkXml(*body, content->engine == Engine::Soap)) {
            error.details = conformance + *problem;
            error.publicMessage = publicText(error.details);
            report.add(std::move(error));
        }
        return report.finish(run, m_config.errorsVariable);
    }

    if (representation->schema.is_null()) {
        error.validationRule = "MissingDefinition";
        error.details = "API's schema does not contain definition " + definition +
                        ", which is associated with the content type " + *contentType + ".";
        error.publicMessage = std::string(internalErrorMessage);
        report.add(std::move(error));
        return report.finish(run, m_config.errorsVariable);
    }
    nlohmann::json value;
    std::optional<std::string> problem;
    if (content::jsonNestingDepth(*body) > maxNesting) {
        problem = "The body nests deeper than " + std::to_string(maxNesting) + " levels.";
    } else {
        try {
            value = nlohmann::json::parse(*body);
        } catch (const nlohmann::json::parse_error &parseError) {
            problem = located("Unexpected character encountered while parsing the body.",
                              lineAndPosition(*body, parseError.byte > 0 ? parseError.byte - 1 : 0));
        }
    }
    if (!problem) {
        auto schema = m_schemas.get(representation, std::to_string(static_cast<int>(content->additional)), [&] {
            return JsonSchema::compile(representation->schema, context.api, content->additional);
        });
        if (!schema->error().empty()) {
            error.validationRule = "ValidationException";
            error.details = "Body of the " + side + " cannot be validated for the content type " + *contentType +
                            ".\n\n" + schema->error();
            error.publicMessage = std::string(internalErrorMessage);
            report.add(std::move(error));
            return report.finish(run, m_config.errorsVariable);
        }
        if (auto failure = schema->validate(value))
            problem = located(failure->message, locateInJson(*body, failure->path));
    }
    if (problem) {
        error.details = conformance + *problem;
        error.publicMessage = publicText(error.details);
        report.add(std::move(error));
    }
    return report.finish(run, m_config.errorsVariable);
}

} // namespace gw::policy
