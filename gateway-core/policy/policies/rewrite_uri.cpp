#include "rewrite_uri.h"

#include <policy/run.h>

#include <algorithm>

namespace gw::policy {

PolicyDescription RewriteUriPolicy::describe()
{
    return {
        .name = "rewrite-uri",
        .sections = Inbound,
        .help = "Changes the path (and query) sent to the backend; {name} takes the operation's template parameters.",
        .attributes = {{.name = "template", .required = true, .help = "The new path, e.g. /v2/items/{id}?src=gw."},
                       {.name = "copy-unmatched-params",
                        .type = AttributeType::Boolean,
                        .defaultValue = "true",
                        .help = "Keep the query parameters the operation's template does not name."}},
    };
}

std::shared_ptr<const Policy> RewriteUriPolicy::create(const Element &element, Compiler &compiler)
{
    auto uriTemplate = compiler.attribute(element, "template");
    auto copy = compiler.attribute(element, "copy-unmatched-params");
    if (!uriTemplate || !copy)
        return nullptr;
    return std::make_shared<RewriteUriPolicy>(std::move(*uriTemplate), std::move(*copy));
}

Flow RewriteUriPolicy::apply(Run &run) const
{
    auto written = run.text(m_template);
    auto copy = run.boolean(m_copyUnmatched);
    if (!written || !copy)
        return Flow::Fail;
    const auto &parameters = run.context().request.matchedParameters;
    // {name} placeholders take the matched template parameters.
    std::string uri;
    for (std::size_t i = 0; i < written->size();) {
        const char c = (*written)[i];
        const std::size_t close = c == '{' ? written->find('}', i) : std::string::npos;
        if (close == std::string::npos) {
            uri += c;
            ++i;
            continue;
        }
        std::string name = written->substr(i + 1, close - i - 1);
        if (!name.empty() && name[0] == '*')
            name.erase(0, 1);
        const auto found =
            std::find_if(parameters.begin(), parameters.end(), [&](const auto &p) { return p.first == name; });
        if (found != parameters.end())
            uri += found->second;
        i = close + 1;
    }
    if (uri.empty() || uri[0] != '/')
        uri.insert(uri.begin(), '/');
    expr::Url rewritten = expr::Url::parse(uri); // a path with its query: no scheme, no host
    auto &query = rewritten.query;
    auto &current = run.context().request.url.query;
    if (*copy) {
        // Unmatched: the request's parameters that neither the operation's template nor the new URI names.
        for (const auto &pair : current) {
            const bool matched =
                std::any_of(parameters.begin(), parameters.end(),
                            [&](const auto &p) { return p.first == pair.first; }) ||
                std::any_of(query.begin(), query.end(), [&](const auto &p) { return p.first == pair.first; });
            if (!matched)
                query.push_back(pair);
        }
    }
    current = std::move(query);
    run.setOperationPath(std::move(rewritten.path));
    return Flow::Continue;
}

} // namespace gw::policy
