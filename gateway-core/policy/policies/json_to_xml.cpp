#include "json_to_xml.h"

#include "body_conversion.h"

namespace gw::policy {

PolicyDescription JsonToXmlPolicy::describe()
{
    return {
        .name = "json-to-xml",
        .sections = Inbound | Outbound | OnError,
        .help = "Converts a JSON body to XML.",
        .attributes =
            {{.name = "apply",
              .type = AttributeType::Choice,
              .required = true,
              .choices = {"always", "content-type-json"}},
             {.name = "consider-accept-header",
              .type = AttributeType::Boolean,
              .defaultValue = "true",
              .help = "Convert only when the caller's Accept header asks for XML."},
             {.name = "parse-date", .type = AttributeType::Boolean, .expressions = false, .defaultValue = "true"},
             {.name = "namespace-separator", .expressions = false, .defaultValue = "_"},
             {.name = "namespace-prefix", .expressions = false},
             {.name = "attribute-block-name", .expressions = false}},
    };
}

std::shared_ptr<const Policy> JsonToXmlPolicy::create(const Element &element, Compiler &compiler)
{
    auto apply = compiler.attribute(element, "apply");
    auto accept = compiler.attribute(element, "consider-accept-header");
    if (!apply || !accept)
        return nullptr;
    content::JsonToXmlOptions options;
    options.parseDate = compiler.literal(element, "parse-date") != "false";
    options.namespaceSeparator = compiler.literal(element, "namespace-separator");
    options.namespacePrefix = compiler.literal(element, "namespace-prefix");
    options.attributeBlockName = compiler.literal(element, "attribute-block-name");
    return std::make_shared<JsonToXmlPolicy>(std::move(*apply), std::move(*accept), std::move(options));
}

Flow JsonToXmlPolicy::apply(Run &run) const
{
    auto apply = run.text(m_apply);
    auto accept = run.boolean(m_considerAccept);
    if (!apply || !accept)
        return Flow::Fail;
    if (!dueForConversion(run, *apply, *accept, "json", "xml"))
        return Flow::Continue;
    auto xml = content::jsonToXml(*run.body(), m_options);
    if (!xml)
        return run.fail("JsonToXmlFailure", "The body could not be converted to XML: " + xml.error().message, 500,
                        "Internal server error");
    run.body() = std::move(xml.value());
    run.headers().set("Content-Type", "application/xml");
    return Flow::Continue;
}

} // namespace gw::policy
