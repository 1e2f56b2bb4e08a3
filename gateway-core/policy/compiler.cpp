#include "compiler.h"

#include "expression_scanner.h"
#include "registry.h"

#include <common/text.h>
#include <http/message.h>
#include <model/paths.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <unordered_map>

namespace gw::policy {

namespace {

template<typename Names>
std::string suggestion(std::string_view name, const Names &names)
{
    std::string best;
    std::size_t bestDistance = std::max<std::size_t>(2, name.size() / 3) + 1;
    for (std::string_view candidate : names) {
        const std::size_t d = editDistance(name, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = std::string(candidate);
        }
    }
    return best.empty() ? std::string() : "; did you mean '" + best + "'?";
}

std::string joinNames(const std::vector<std::string_view> &names)
{
    std::string out;
    for (std::string_view name : names) {
        if (!out.empty())
            out += ", ";
        out += name;
    }
    return out.empty() ? "none" : out;
}

std::string sectionNames(Sections sections)
{
    std::vector<std::string_view> names;
    for (Section s : {Section::Inbound, Section::Backend, Section::Outbound, Section::OnError}) {
        if (sections & bit(s))
            names.push_back(toString(s));
    }
    return joinNames(names);
}

bool isInteger(std::string_view text)
{
    if (!text.empty() && (text[0] == '-' || text[0] == '+'))
        text.remove_prefix(1);
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isNumber(std::string_view text)
{
    char *end = nullptr;
    const std::string copy(text);
    std::strtod(copy.c_str(), &end);
    return !copy.empty() && end == copy.c_str() + copy.size();
}

} // namespace

// --- Compiler ---

Compiler::Compiler(Options options) : m_options(std::move(options))
{
}
Compiler::~Compiler() = default;

SourceLocation Compiler::locate(const SourceRange &range) const
{
    return SourceLocation{m_document ? m_document->fileName() : std::string(), range.line, range.column, {}};
}

void Compiler::error(const SourceRange &range, std::string message)
{
    m_diagnostics.push_back({locate(range), Severity::Error, std::move(message)});
}

void Compiler::warning(const SourceRange &range, std::string message)
{
    m_diagnostics.push_back({locate(range), Severity::Warning, std::move(message)});
}

Steps Compiler::section(const std::vector<EffectiveStep> &steps, Section section)
{
    Steps out;
    out.reserve(steps.size());
    m_section = section;
    for (const EffectiveStep &effective : steps) {
        m_document = effective.document;
        m_scope = effective.scope;
        // The position among the statements of its own section, counted per element name as APIM's paths do.
        std::size_t index = 1;
        for (const Element &s : effective.document->root().children) {
            if (s.name != toString(section))
                continue;
            for (const Element &sibling : s.children) {
                if (&sibling == effective.element)
                    break;
                if (sibling.name == effective.element->name)
                    ++index;
            }
        }
        out.push_back(compileStep(*effective.element, effective.element->name + "[" + std::to_string(index) + "]"));
    }
    return out;
}

namespace {

// The bodies an expression may read: "Body" after "Request." or "Response.", or either when it is reached some other
// way (a variable holding the request). Erring on the side of reading: a body that should have streamed is read
// whole, never the other way round.
unsigned bodyUseOf(std::string_view source)
{
    unsigned use = 0;
    for (std::size_t at = source.find("Body"); at != std::string_view::npos; at = source.find("Body", at + 4)) {
        const std::string_view before = source.substr(0, at);
        if (before.ends_with("Request."))
            use |= RequestBody;
        else if (before.ends_with("Response."))
            use |= ResponseBody;
        else
            use |= RequestBody | ResponseBody;
    }
    return use;
}

// The bodies a policy works on by what it is, whatever its expressions say.
unsigned bodyUseOf(const Element &element, Section section)
{
    const unsigned own = section == Section::Inbound || section == Section::Backend ? RequestBody : ResponseBody;
    static const std::set<std::string_view> transforming = {"set-body",
                                                            "json-to-xml",
                                                            "xml-to-json",
                                                            "find-and-replace",
                                                            "xsl-transform",
                                                            "validate-content",
                                                            "validate-graphql-request",
                                                            "publish-to-dapr"};
    if (transforming.contains(element.name))
        return own;
    if (element.name == "retry" || element.name == "send-request" || element.name == "send-one-way-request")
        return RequestBody; // sends the request again, or a copy of it
    if (element.name == "cache-store")
        return ResponseBody;
    if (element.name == "quota" || element.name == "quota-by-key")
        return RequestBody | ResponseBody; // bandwidth counts bodies
    if (element.name == "forward-request") {
        const Attribute *buffer = element.attribute("buffer-request-body");
        return buffer && !buffer->value.isExpression() && buffer->value.literal() == "true" ? RequestBody : 0u;
    }
    return 0;
}

} // namespace

Step Compiler::compileStep(const Element &element, const std::string &path, Placement placement)
{
    const auto key = std::make_tuple(&element, m_scope, m_section, path);
    if (const auto found = m_cache.find(key); found != m_cache.end()) {
        if (!m_bodyUse.empty())
            m_bodyUse.back() |= found->second.bodyUse;
        return found->second;
    }
    m_bodyUse.push_back(bodyUseOf(element, m_section));
    Step step = compileStepUncached(element, path, placement);
    step.bodyUse = m_bodyUse.back();
    m_bodyUse.pop_back();
    if (!m_bodyUse.empty())
        m_bodyUse.back() |= step.bodyUse;
    m_cache.emplace(key, step);
    return step;
}

Step Compiler::compileStepUncached(const Element &element, const std::string &path, Placement placement)
{
    Step step;
    step.name = element.name;
    step.scope = m_scope;
    step.path = path;
    step.location = locate(element.range);
    if (const Attribute *id = element.attribute("id"); id && !id->value.isExpression())
        step.id = id->value.literal();

    const RegisteredPolicy *policy = findPolicy(element.name);
    if (element.name == "base") {
        error(element.range, "<base/> may only stand directly in a section (inbound, backend, outbound, on-error)");
    } else if (!policy) {
        std::vector<std::string_view> names;
        for (const RegisteredPolicy &known : policyCatalogue())
            names.push_back(known.description.name);
        error(element.range, "unknown policy '" + element.name + "'" + suggestion(element.name, names));
    } else if (placement == Placement::InSection && !(policy->description.sections & bit(m_section))) {
        error(element.range, "'" + element.name + "' is not allowed in <" + std::string(toString(m_section)) +
                                 ">; it may stand in: " + sectionNames(policy->description.sections));
    } else if (!policy->description.needs.empty()) {
        warning(element.range, "'" + element.name + "' cannot run in this gateway (it needs " +
                                   std::string(policy->description.needs) + "); it is skipped");
        step.skipped = true;
    } else if (check(element, *policy)) {
        m_path.push_back(path);
        step.policy = policy->type->create(element, *this);
        m_path.pop_back();
    }
    return step;
}

// Checks an element against its description: attributes, literal values, children.
bool Compiler::check(const Element &element, const RegisteredPolicy &policy)
{
    const PolicyDescription &description = policy.description;
    const std::size_t errorsBefore = std::count_if(m_diagnostics.begin(), m_diagnostics.end(),
                                                   [](const Diagnostic &d) { return d.severity == Severity::Error; });
    std::vector<std::string_view> attributeNames{"id"};
    for (const AttributeDescription &attribute : description.attributes)
        attributeNames.push_back(attribute.name);

    for (const Attribute &attribute : element.attributes) {
        if (attribute.name == "id" || attribute.name.starts_with("xmlns"))
            continue;
        const AttributeDescription *known = description.attribute(attribute.name);
        if (!known) {
            error(attribute.nameRange, "'" + element.name + "' has no attribute '" + attribute.name + "'" +
                                           suggestion(attribute.name, attributeNames) +
                                           " (valid: " + joinNames(attributeNames) + ")");
            continue;
        }
        if (attribute.value.isExpression()) {
            if (!known->expressions)
                error(attribute.valueRange,
                      "attribute '" + attribute.name + "' of '" + element.name + "' does not take a policy expression");
            continue;
        }
        const std::string &text = attribute.value.literal();
        if (text.find("{{") != std::string::npos)
            continue; // a named value: its value is checked when substituted
        switch (known->type) {
        case AttributeType::Integer:
            if (!isInteger(text))
                error(attribute.valueRange,
                      "attribute '" + attribute.name + "' must be a whole number, not '" + text + "'");
            break;
        case AttributeType::Number:
            if (!isNumber(text))
                error(attribute.valueRange, "attribute '" + attribute.name + "' must be a number, not '" + text + "'");
            break;
        case AttributeType::Boolean:
            if (!http::equalsIgnoringCase(text, "true") && !http::equalsIgnoringCase(text, "false"))
                error(attribute.valueRange,
                      "attribute '" + attribute.name + "' must be true or false, not '" + text + "'");
            break;
        case AttributeType::Choice:
            if (std::none_of(known->choices.begin(), known->choices.end(),
                             [&](std::string_view choice) { return http::equalsIgnoringCase(choice, text); }))
                error(attribute.valueRange, "attribute '" + attribute.name + "' must be one of " +
                                                joinNames(known->choices) + ", not '" + text + "'");
            break;
        case AttributeType::String:
            break;
        }
    }
    for (const AttributeDescription &attribute : description.attributes) {
        if (attribute.required && !element.attribute(attribute.name))
            error(element.range, "'" + element.name + "' needs the attribute '" + std::string(attribute.name) + "'");
    }
    if (!description.containsPolicies && !description.hasText) {
        std::vector<std::string_view> childNames;
        for (const ChildDescription &child : description.children)
            childNames.push_back(child.name);
        std::set<std::string> seen;
        for (const Element &child : element.children) {
            const ChildDescription *known = description.child(child.name);
            if (!known)
                error(child.range, "'" + element.name + "' has no child element '" + child.name + "'" +
                                       suggestion(child.name, childNames) + " (valid: " + joinNames(childNames) + ")");
            else if (!seen.insert(child.name).second && !known->repeated)
                error(child.range, "'" + element.name + "' takes one <" + child.name + ">");
        }
        for (const ChildDescription &child : description.children) {
            if (child.required && std::none_of(element.children.begin(), element.children.end(),
                                               [&](const Element &e) { return e.name == child.name; }))
                error(element.range, "'" + element.name + "' needs a <" + std::string(child.name) + "> element");
        }
    }
    const std::size_t errorsAfter = std::count_if(m_diagnostics.begin(), m_diagnostics.end(),
                                                  [](const Diagnostic &d) { return d.severity == Severity::Error; });
    return errorsAfter == errorsBefore;
}

std::optional<Template> Compiler::attribute(const Element &element, std::string_view name)
{
    const RegisteredPolicy *policy = findPolicy(element.name);
    const AttributeDescription *description = policy ? policy->description.attribute(name) : nullptr;
    const Attribute *attribute = element.attribute(name);
    if (!attribute) {
        if (description && !description->defaultValue.empty())
            return Template::literal(std::string(description->defaultValue));
        return std::nullopt;
    }
    return value(attribute->value, attribute->valueRange, !description || description->expressions);
}

std::string Compiler::literal(const Element &element, std::string_view name)
{
    auto result = attribute(element, name);
    return result ? result->text() : std::string();
}

std::string Compiler::innerSource(const Element &element)
{
    const std::string_view all = m_document->source(element);
    char quote = 0;
    std::size_t start = std::string_view::npos;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const char c = all[i];
        if (quote) {
            quote = c == quote ? 0 : quote;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            start = i + 1;
            break;
        }
    }
    const std::size_t end = all.rfind("</");
    if (start == std::string_view::npos || end == std::string_view::npos || end < start)
        return {};
    bool secret = false;
    return substitute(std::string(all.substr(start, end - start)), element.range, secret);
}

Template Compiler::text(const Element &element)
{
    if (!element.text)
        return Template::literal({});
    auto result = value(element.text->value, element.text->range, true);
    return result ? std::move(*result) : Template::literal({});
}

std::optional<Template> Compiler::value(const Value &written, const SourceRange &range, bool allowExpression)
{
    bool secret = false;
    const auto compile = [&](std::string_view source, bool block, int line, int column) -> std::optional<Template> {
        auto compiled =
            expr::Program::compile(source, block ? expr::Form::Block : expr::Form::Single,
                                   expr::Origin{m_document ? m_document->fileName() : std::string(), line, column});
        for (auto &diagnostic : compiled.diagnostics)
            m_diagnostics.push_back(std::move(diagnostic));
        if (!m_bodyUse.empty())
            m_bodyUse.back() |= bodyUseOf(source);
        if (!compiled.program)
            return std::nullopt;
        Template result = Template::expression(std::move(*compiled.program));
        if (secret)
            result.markSecret();
        return result;
    };
    if (written.isExpression()) {
        const Expression &expression = written.expression();
        if (!allowExpression) {
            error(expression.range, "a policy expression is not allowed here");
            return std::nullopt;
        }
        // The expression lexer reads &quot; &lt; &amp; as the characters they stand for (the escaped XML format).
        const std::string source = substitute(expression.source, expression.range, secret);
        return compile(source, expression.block, expression.range.line, expression.range.column + 2);
    }
    std::string text = substitute(written.literal(), range, secret);
    // A named value may hold a whole expression: substituted, then evaluated.
    if (text.size() > 2 && text[0] == '@' && (text[1] == '(' || text[1] == '{') &&
        written.literal().find("{{") != std::string::npos) {
        const ExpressionScan scan = scanExpression(text, 0);
        if (scan.ok() && scan.end == text.size())
            return compile(std::string_view(text).substr(2, text.size() - 3), text[1] == '{', range.line, range.column);
    }
    Template result = Template::literal(std::move(text));
    if (secret)
        result.markSecret();
    return result;
}

// Replaces each {{name}} by the value of the named value with that display name.
std::string Compiler::substitute(const std::string &text, const SourceRange &range, bool &secret)
{
    if (text.find("{{") == std::string::npos)
        return text;
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t open = text.find("{{", at);
        const std::size_t close = open == std::string::npos ? std::string::npos : text.find("}}", open + 2);
        if (close == std::string::npos) {
            out.append(text, at);
            break;
        }
        out.append(text, at, open - at);
        const std::string name = text.substr(open + 2, close - open - 2);
        const model::NamedValue *named =
            m_options.workspace ? m_options.workspace->findNamedValueByDisplayName(name) : nullptr;
        if (!named && m_options.workspace) {
            for (const model::NamedValue &candidate : m_options.workspace->namedValues) {
                if (candidate.name == name)
                    named = &candidate;
            }
        }
        std::optional<std::string> value;
        if (named) {
            if (named->secret.value_or(false) && m_options.secrets)
                value = m_options.secrets(*named);
            if (!value)
                value = named->value;
            if (named->secret.value_or(false)) {
                secret = true;
                if (value && std::none_of(m_secretValues.begin(), m_secretValues.end(),
                                          [&](const SecretValue &known) { return known.value == *value; }))
                    m_secretValues.push_back({name, *value});
            }
        }
        if (value) {
            out += *value;
        } else if (!named) {
            const std::string message = "unknown named value '{{" + name + "}}'";
            m_options.lenientReferences ? warning(range, message) : error(range, message);
        } else {
            // Secrets live outside the files; without one here the policy still runs, with an empty value.
            warning(range, "named value '{{" + name + "}}' has no value here, so it is empty" +
                               (named->keyVault.is_null()
                                    ? std::string(" (a secret: set it in the secret store or in "
                                                  "configuration.<environment>.yaml)")
                                    : std::string(" (it comes from Azure Key Vault: give it a local value in "
                                                  "configuration.<environment>.yaml)")));
        }
        at = close + 2;
    }
    return out;
}

Steps Compiler::statements(const Element &parent, std::string_view pathPart)
{
    std::string prefix = m_path.empty() ? std::string() : m_path.back();
    if (!pathPart.empty())
        prefix += (prefix.empty() ? "" : "/") + std::string(pathPart);
    Steps out;
    std::unordered_map<std::string, std::size_t> counts;
    for (const Element &child : parent.children) {
        const std::size_t index = ++counts[child.name];
        out.push_back(
            compileStep(child, prefix + (prefix.empty() ? "" : "/") + child.name + "[" + std::to_string(index) + "]"));
    }
    return out;
}

Step Compiler::statement(const Element &element, std::string_view pathPart, Placement placement)
{
    const std::string prefix = m_path.empty() ? std::string() : m_path.back();
    return compileStep(element, prefix + (prefix.empty() ? "" : "/") + std::string(pathPart), placement);
}

Steps Compiler::fragment(const Element &include, const std::string &fragmentId)
{
    const model::PolicyFragment *fragment = nullptr;
    if (m_options.workspace) {
        for (const model::PolicyFragment &candidate : m_options.workspace->policyFragments) {
            if (candidate.name == fragmentId)
                fragment = &candidate;
        }
    }
    if (!fragment || !fragment->policy) {
        const std::string message = "unknown policy fragment '" + fragmentId + "'";
        m_options.lenientReferences ? warning(include.range, message) : error(include.range, message);
        return {};
    }
    if (std::find(m_fragmentStack.begin(), m_fragmentStack.end(), fragmentId) != m_fragmentStack.end()) {
        error(include.range, "policy fragment '" + fragmentId + "' includes itself");
        return {};
    }
    auto &document = m_fragments[fragmentId];
    if (!document) {
        ParseResult parsed =
            parseDocument(fragment->policy->text, model::paths::fragment("", fragmentId) + "policy.xml");
        for (auto &diagnostic : parsed.diagnostics)
            m_diagnostics.push_back(std::move(diagnostic));
        if (!parsed.document)
            return {};
        document = std::make_unique<Document>(std::move(*parsed.document));
        if (document->root().name != "fragment")
            error(document->root().range,
                  "a policy fragment's root element is <fragment>, not <" + document->root().name + ">");
    }
    if (document->root().name != "fragment")
        return {};
    const Document *including = m_document;
    m_document = document.get();
    m_fragmentStack.push_back(fragmentId);
    Steps steps = statements(document->root());
    m_fragmentStack.pop_back();
    m_document = including;
    return steps;
}

namespace {

// The sections where a statement and every statement nested in it may stand.
Sections possibleSections(const Element &element)
{
    const RegisteredPolicy *policy = findPolicy(element.name);
    Sections mask = policy ? policy->description.sections : AllSections;
    // The children of return-response and send-request are parts of a message, not statements.
    if (!policy || element.name == "return-response" || element.name == "send-request" ||
        element.name == "send-one-way-request")
        return mask;
    for (const Element &child : element.children) {
        if (findPolicy(child.name)) {
            mask &= possibleSections(child);
            continue;
        }
        for (const Element &grandchild : child.children) // <when>, <otherwise>
            mask &= possibleSections(grandchild);
    }
    return mask;
}

} // namespace

void Compiler::looseStatements(const Document &document, const std::vector<const Element *> &elements)
{
    m_document = &document;
    m_scope = Scope::Operation;
    std::unordered_map<std::string, std::size_t> counts;
    for (const Element *statement : elements) {
        const Element &element = *statement;
        // A fragment has no section of its own: each statement is checked in the first section that allows it.
        const RegisteredPolicy *policy = findPolicy(element.name);
        Sections mask = possibleSections(element);
        if (!mask && policy)
            mask = policy->description.sections;
        m_section = Section::Inbound;
        for (Section section : {Section::Inbound, Section::Backend, Section::Outbound, Section::OnError}) {
            if (mask & bit(section)) {
                m_section = section;
                break;
            }
        }
        compileStep(element, element.name + "[" + std::to_string(++counts[element.name]) + "]");
    }
}

const model::Backend *Compiler::backend(const std::string &id, const SourceRange &where)
{
    const model::Backend *found = m_options.workspace ? m_options.workspace->findBackend(id) : nullptr;
    if (!found) {
        const std::string message = "unknown backend '" + id + "'";
        m_options.lenientReferences ? warning(where, message) : error(where, message);
    }
    return found;
}

// --- PolicySet ---

struct PolicySet::Data {
    struct Key {
        const void *api;
        const void *operation;
        const void *product;
        bool operator==(const Key &) const = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key &key) const
        {
            return std::hash<const void *>()(key.api) ^ (std::hash<const void *>()(key.operation) << 1) ^
                   (std::hash<const void *>()(key.product) << 2);
        }
    };
    std::vector<std::unique_ptr<Document>> documents;
    std::unique_ptr<Compiler> compiler; // keeps the fragments' documents alive
    std::unordered_map<Key, Pipeline, KeyHash> pipelines;
    Pipeline global;
    std::shared_ptr<const std::vector<SecretValue>> secrets;
};

std::shared_ptr<const std::vector<SecretValue>> PolicySet::secrets() const
{
    return m_data ? m_data->secrets : nullptr;
}

const Pipeline *PolicySet::pipeline(const model::Api *api, const model::Operation *operation,
                                    const model::Product *product) const
{
    if (!m_data)
        return nullptr;
    const auto found = m_data->pipelines.find({api, operation, product});
    return found == m_data->pipelines.end() ? nullptr : &found->second;
}

const Pipeline &PolicySet::global() const
{
    static const Pipeline empty;
    return m_data ? m_data->global : empty;
}

namespace {

const Document *parseInto(std::vector<std::unique_ptr<Document>> &documents, Diagnostics &diagnostics,
                          const std::optional<model::PolicyText> &text, std::string fileName)
{
    if (!text)
        return nullptr;
    ParseResult parsed = parseDocument(text->text, std::move(fileName));
    for (auto &diagnostic : parsed.diagnostics)
        diagnostics.push_back(std::move(diagnostic));
    if (!parsed.document)
        return nullptr;
    documents.push_back(std::make_unique<Document>(std::move(*parsed.document)));
    return documents.back().get();
}

Pipeline compilePipeline(Compiler &compiler, const EffectivePolicy &effective)
{
    Pipeline pipeline;
    unsigned bodyUse = 0;
    for (Section section : {Section::Inbound, Section::Backend, Section::Outbound, Section::OnError}) {
        pipeline.sections[static_cast<std::size_t>(section)] = compiler.section(effective.section(section), section);
        for (const Step &step : pipeline.section(section))
            bodyUse |= step.bodyUse;
    }
    pipeline.needsRequestBody = bodyUse & RequestBody;
    pipeline.needsResponseBody = bodyUse & ResponseBody;
    return pipeline;
}

void addMergeDiagnostics(Diagnostics &out, EffectivePolicy &effective, std::set<std::string> &seen)
{
    for (auto &diagnostic : effective.diagnostics) {
        // The same document is merged into many pipelines: report each problem once.
        if (seen.insert(format(diagnostic)).second)
            out.push_back(std::move(diagnostic));
    }
}

} // namespace

CompiledPolicies compilePolicies(const model::Workspace &workspace, const SecretSource &secrets,
                                 const certificates::Store *certificates)
{
    auto data = std::make_shared<PolicySet::Data>();
    Diagnostics diagnostics;
    std::set<std::string> seen;
    data->compiler = std::make_unique<Compiler>(Compiler::Options{&workspace, secrets, false, certificates});
    Compiler &compiler = *data->compiler;

    // A service always has a global policy; an extract without policy.xml gets the one APIM starts with.
    static const model::PolicyText defaultGlobal{"<policies>\n\t<inbound />\n\t<backend>\n\t\t<forward-request />\n"
                                                 "\t</backend>\n\t<outbound />\n\t<on-error />\n</policies>\n"};
    const Document *global =
        parseInto(data->documents, diagnostics, workspace.policy ? workspace.policy : defaultGlobal, "policy.xml");
    std::unordered_map<std::string, const Document *> products;
    for (const model::Product &product : workspace.products) {
        products[product.name] = parseInto(data->documents, diagnostics, product.policy,
                                           model::paths::product("", product.name) + "policy.xml");
    }
    {
        EffectivePolicy effective = mergeScopes(global, nullptr, nullptr, nullptr);
        addMergeDiagnostics(diagnostics, effective, seen);
        data->global = compilePipeline(compiler, effective);
    }
    for (const model::Api &api : workspace.apis) {
        const Document *apiDocument =
            parseInto(data->documents, diagnostics, api.policy, model::paths::api("", api.name) + "policy.xml");
        std::vector<const model::Product *> contexts{nullptr};
        for (const model::Product &product : workspace.products) {
            if (std::any_of(product.apis.begin(), product.apis.end(),
                            [&](const model::Link &link) { return link.target == api.rootName(); }))
                contexts.push_back(&product);
        }
        std::vector<const model::Operation *> operations{nullptr};
        for (const model::Operation &operation : api.contract.operations)
            operations.push_back(&operation);
        for (const model::Operation *operation : operations) {
            const Document *operationDocument = nullptr;
            if (operation) {
                for (const model::OperationPolicy &policy : api.operationPolicies) {
                    if (policy.operation == operation->name)
                        operationDocument = parseInto(data->documents, diagnostics, policy.policy,
                                                      model::paths::operationPolicy("", api.name, policy.operation));
                }
            }
            for (const model::Product *product : contexts) {
                EffectivePolicy effective =
                    mergeScopes(global, product ? products[product->name] : nullptr, apiDocument, operationDocument);
                addMergeDiagnostics(diagnostics, effective, seen);
                data->pipelines.emplace(PolicySet::Data::Key{&api, operation, product},
                                        compilePipeline(compiler, effective));
            }
        }
    }
    // Operation policies whose operation the specification does not declare are still compiled, so their problems
    // show.
    for (const model::Api &api : workspace.apis) {
        for (const model::OperationPolicy &policy : api.operationPolicies) {
            if (!api.contract.findOperation(policy.operation))
                diagnostics.push_back({SourceLocation{model::paths::operationPolicy("", api.name, policy.operation)},
                                       Severity::Warning,
                                       "the specification of API '" + api.name + "' has no operation '" +
                                           policy.operation + "': this policy never runs"});
        }
    }
    for (auto &diagnostic : compiler.takeDiagnostics())
        diagnostics.push_back(std::move(diagnostic));
    // Longest first: where one secret's value holds another's, the whole of it is masked under its own name.
    auto masked = compiler.secretValues();
    std::stable_sort(masked.begin(), masked.end(),
                     [](const SecretValue &a, const SecretValue &b) { return a.value.size() > b.value.size(); });
    data->secrets = std::make_shared<const std::vector<SecretValue>>(std::move(masked));
    CompiledPolicies out;
    out.policies.m_data = std::move(data);
    out.diagnostics = std::move(diagnostics);
    return out;
}

Diagnostics checkPolicyDocument(const Document &document, DocumentKind kind, const model::Workspace *workspace)
{
    Compiler compiler(Compiler::Options{workspace, {}, true});
    Diagnostics diagnostics;
    const std::string &root = document.root().name;
    for (Section section : {Section::Inbound, Section::Backend, Section::Outbound, Section::OnError}) {
        if (root == toString(section)) {
            // A single section (a documentation snippet): its statements in that section.
            std::vector<EffectiveStep> steps;
            for (const Element &element : document.root().children) {
                if (element.name != "base")
                    steps.push_back({&element, Scope::Operation, &document});
            }
            compiler.section(steps, section);
            return compiler.takeDiagnostics();
        }
    }
    if (root == "fragment")
        kind = DocumentKind::Fragment;
    if (kind == DocumentKind::Fragment) {
        if (document.root().name != "fragment") {
            diagnostics.push_back(
                {SourceLocation{document.fileName(), document.root().range.line, document.root().range.column},
                 Severity::Error, "a policy fragment's root element is <fragment>"});
            return diagnostics;
        }
        std::vector<const Element *> statements;
        for (const Element &element : document.root().children)
            statements.push_back(&element);
        compiler.looseStatements(document, statements);
        return compiler.takeDiagnostics();
    }
    if (document.root().name != "policies") {
        // A single statement (a snippet, a documentation example): checked in a section that allows it.
        compiler.looseStatements(document, {&document.root()});
        return compiler.takeDiagnostics();
    }
    const Scope scope = kind == DocumentKind::Global    ? Scope::Global
                        : kind == DocumentKind::Product ? Scope::Product
                        : kind == DocumentKind::Api     ? Scope::Api
                                                        : Scope::Operation;
    EffectivePolicy effective =
        mergeScopes(scope == Scope::Global ? &document : nullptr, scope == Scope::Product ? &document : nullptr,
                    scope == Scope::Api ? &document : nullptr, scope == Scope::Operation ? &document : nullptr);
    for (auto &diagnostic : effective.diagnostics)
        diagnostics.push_back(std::move(diagnostic));
    for (Section section : {Section::Inbound, Section::Backend, Section::Outbound, Section::OnError})
        compiler.section(effective.section(section), section);
    for (auto &diagnostic : compiler.takeDiagnostics())
        diagnostics.push_back(std::move(diagnostic));
    return diagnostics;
}

} // namespace gw::policy
