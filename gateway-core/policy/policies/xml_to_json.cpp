#include "xml_to_json.h"

#include "body_conversion.h"

namespace gw::policy {

PolicyDescription XmlToJsonPolicy::describe()
{
    return {
        .name = "xml-to-json",
        .sections = Inbound | Outbound | OnError,
        .help = "Converts an XML body to JSON.",
        .attributes = {{.name = "kind",
                        .type = AttributeType::Choice,
                        .required = true,
                        .expressions = false,
                        .choices = {"javascript-friendly", "direct"}},
                       {.name = "apply",
                        .type = AttributeType::Choice,
                        .required = true,
                        .choices = {"always", "content-type-xml"}},
                       {.name = "consider-accept-header",
                        .type = AttributeType::Boolean,
                        .defaultValue = "true",
                        .help = "Convert only when the caller's Accept header asks for JSON."},
                       {.name = "always-array-child-elements",
                        .type = AttributeType::Boolean,
                        .expressions = false,
                        .defaultValue = "false"}},
    };
}

std::shared_ptr<const Policy> XmlToJsonPolicy::create(const Element &element, Compiler &compiler)
{
    auto apply = compiler.attribute(element, "apply");
    auto accept = compiler.attribute(element, "consider-accept-header");
    if (!apply || !accept)
        return nullptr;
    content::XmlToJsonOptions options;
    options.kind = compiler.literal(element, "kind") == "javascript-friendly"
                       ? content::XmlToJsonKind::JavascriptFriendly
                       : content::XmlToJsonKind::Direct;
    options.alwaysArrayChildElements = compiler.literal(element, "always-array-child-elements") == "true";
    return std::make_shared<XmlToJsonPolicy>(std::move(*apply), std::move(*accept), options);
}

Flow XmlToJsonPolicy::apply(Run &run) const
{
    auto apply = run.text(m_apply);
    auto accept = run.boolean(m_considerAccept);
    if (!apply || !accept)
        return Flow::Fail;
    if (!dueForConversion(run, *apply, *accept, "xml", "json"))
        return Flow::Continue;
    auto json = content::xmlToJson(*run.body(), m_options);
    if (!json)
        return run.fail("XmlToJsonFailure", "The body could not be converted to JSON: " + json.error().message, 500,
                        "Internal server error");
    run.body() = std::move(json.value());
    run.headers().set("Content-Type", "application/json");
    return Flow::Continue;
}

} // namespace gw::policy
