#include "set_body.h"

#include <common/text.h>
#include <policy/run.h>

#include <algorithm>

namespace gw::policy {

namespace {

using Json = nlohmann::ordered_json;

Json headersModel(const http::Headers &headers)
{
    Json out = Json::object();
    for (const auto &field : headers.fields())
        out[field.name] = headers.joined(field.name).value_or("");
    return out;
}

Json urlModel(const expr::Url &url)
{
    Json query = Json::object();
    for (const auto &[name, value] : url.query)
        query[name] = value;
    return Json{{"Scheme", url.scheme},    {"Host", url.host},
                {"Port", url.port},        {"Path", url.path},
                {"Query", query},          {"QueryString", url.queryString()},
                {"ToUri", url.toString()}, {"ToString", url.toString()}};
}

// What a Liquid template sees: body (parsed when JSON or XML) and context.Request / context.Response.
Json liquidModel(Run &run)
{
    const expr::Context &context = run.context();
    Json body;
    const std::string type = lowerAscii(run.headers().get("Content-Type").value_or(""));
    if (const auto &text = run.body(); text && !text->empty()) {
        if (type.find("json") != std::string::npos) {
            if (auto parsed = content::jsonToLiquidModel(*text))
                body = std::move(parsed.value());
        } else if (type.find("xml") != std::string::npos) {
            if (auto parsed = content::xmlToLiquidModel(*text))
                body = std::move(parsed.value());
        }
    }
    Json matched = Json::object();
    for (const auto &[name, value] : context.request.matchedParameters)
        matched[name] = value;
    Json request{{"Url", urlModel(context.request.url)},
                 {"Method", context.request.method},
                 {"OriginalUrl", urlModel(context.request.originalUrl())},
                 {"IpAddress", context.request.ipAddress},
                 {"MatchedParameters", matched},
                 {"HasBody", context.request.body.has_value() && !context.request.body->empty()},
                 {"Headers", headersModel(context.request.headers)}};
    Json response{{"StatusCode", context.response.statusCode},
                  {"StatusReason", context.response.statusReason},
                  {"Headers", headersModel(context.response.headers)}};
    return Json{{"body", body}, {"context", {{"Request", request}, {"Response", response}}}};
}

} // namespace

PolicyDescription SetBodyPolicy::describe()
{
    return {
        .name = "set-body",
        .sections = AllSections,
        .help = "Replaces the body of the request (inbound, backend) or the response.",
        .attributes = {{.name = "template",
                        .type = AttributeType::Choice,
                        .expressions = false,
                        .choices = {"liquid", "none"},
                        .help = "liquid: the text is a Liquid template over body and context."},
                       {.name = "xsi-nil",
                        .type = AttributeType::Choice,
                        .expressions = false,
                        .defaultValue = "blank",
                        .choices = {"blank", "null"}},
                       {.name = "parse-date", .type = AttributeType::Boolean, .expressions = false}},
        .hasText = true,
    };
}

std::shared_ptr<const Policy> SetBodyPolicy::create(const Element &element, Compiler &compiler)
{
    // The body may be written as XML elements inside <set-body>: then it is that text, as written.
    Template body =
        element.children.empty() ? compiler.text(element) : Template::literal(compiler.innerSource(element));
    std::optional<content::LiquidTemplate> liquid;
    if (compiler.literal(element, "template") == "liquid") {
        if (!body.isLiteral()) {
            compiler.error(element.range, "a Liquid template is text, not a policy expression");
            return nullptr;
        }
        content::LiquidError where;
        auto parsed = content::LiquidTemplate::parse(body.text(), &where);
        if (!parsed) {
            // The template starts at the element's text: shift its position into the file.
            const SourceRange &text = element.text ? element.text->range : element.range;
            SourceRange at{where.line <= 1 ? text.line : text.line + where.line - 1,
                           where.line <= 1 ? text.column + where.column - 1 : where.column, 0, 0};
            compiler.error(at, "Liquid: " + where.message);
            return nullptr;
        }
        liquid = std::move(parsed.value());
    }
    return std::make_shared<SetBodyPolicy>(std::move(body), std::move(liquid));
}

Flow SetBodyPolicy::apply(Run &run) const
{
    if (m_liquid) {
        run.body() = m_liquid->render(liquidModel(run));
        return Flow::Continue;
    }
    auto body = run.text(m_body);
    if (!body)
        return Flow::Fail;
    run.body() = std::move(*body);
    return Flow::Continue;
}

} // namespace gw::policy
