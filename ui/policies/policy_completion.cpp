#include "policy_completion.h"
#include "policy_lexer.h"

#include <expr/bindings.h>

#include <policy/registry.h>

#include <algorithm>
#include <optional>
#include <set>

namespace gh::policies {

namespace {

using Kind = CompletionContext::Kind;
namespace expr = gw::expr;
namespace policy = gw::policy;

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == ':' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

bool isIdentChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

const std::pair<std::string_view, policy::Sections> sectionNames[] = {
    {"inbound", policy::Inbound},
    {"backend", policy::Backend},
    {"outbound", policy::Outbound},
    {"on-error", policy::OnError},
};

bool isSection(std::string_view name)
{
    return std::any_of(std::begin(sectionNames), std::end(sectionNames),
                       [&](const auto &pair) { return pair.first == name; });
}

// The elements open at `cursor` (outermost first), and the start tag the cursor is in, if any.
struct Structure {
    std::vector<std::string> open;
    std::optional<std::size_t> tagStart; // the '<' of the start tag the cursor is inside
};

Structure structureAt(std::string_view t, const PolicyStyling &styling, std::size_t cursor)
{
    Structure result;
    const auto &styles = styling.styles;
    std::size_t i = 0;
    while (i < cursor && i < t.size()) {
        if (t[i] != '<' || styles[i] != PolicyStyle::TagBracket) {
            ++i;
            continue;
        }
        if (i + 1 < t.size() && t[i + 1] == '/') {
            if (i + 1 >= cursor) { // right after '<': a start tag being written
                result.tagStart = i;
                return result;
            }
            if (!result.open.empty())
                result.open.pop_back();
            i += 2;
            continue;
        }
        std::size_t j = i + 1;
        while (j < t.size() && isNameChar(t[j]))
            ++j;
        const std::string name(t.substr(i + 1, j - i - 1));
        // The end of the tag: its '>' or the next tag's '<', whichever comes first.
        std::size_t k = j;
        while (k < t.size() && k < cursor && !((t[k] == '>' || t[k] == '<') && styles[k] == PolicyStyle::TagBracket))
            ++k;
        if (k >= cursor) {
            result.tagStart = i;
            return result;
        }
        if (t[k] == '>' && !(k > 0 && t[k - 1] == '/' && styles[k - 1] == PolicyStyle::TagBracket))
            result.open.push_back(name);
        i = t[k] == '>' ? k + 1 : k;
    }
    return result;
}

policy::Sections sectionsOf(const std::vector<std::string> &open)
{
    for (auto it = open.rbegin(); it != open.rend(); ++it)
        for (const auto &[name, section] : sectionNames)
            if (*it == name)
                return section;
    return policy::AllSections;
}

// --- expressions ---

struct Part {
    std::string name;
    enum class Access { Property, Call, Index } access = Access::Property;
    std::string typeArgument; // As<JObject>()
};

// The member chain that ends at `end` of `code` ("context.Request.Headers" -> context, Request, Headers), read
// backwards over calls and indexers.
std::vector<Part> chainBefore(std::string_view code, std::size_t end)
{
    std::vector<Part> parts;
    std::size_t pos = end;
    auto skipSpaces = [&] {
        while (pos > 0 && isSpace(code[pos - 1]))
            --pos;
    };
    auto matching = [&](char open, char close) -> bool { // pos is just past `close`
        int depth = 0;
        while (pos > 0) {
            const char c = code[--pos];
            if (c == close)
                ++depth;
            else if (c == open && --depth == 0)
                return true;
        }
        return false;
    };
    while (true) {
        skipSpaces();
        if (pos == 0)
            break;
        Part part;
        if (code[pos - 1] == ')') {
            if (!matching('(', ')'))
                return {};
            skipSpaces();
            part.access = Part::Access::Call;
            if (pos > 0 && code[pos - 1] == '>') {
                const std::size_t close = pos - 1;
                if (!matching('<', '>'))
                    return {};
                std::string_view argument = code.substr(pos + 1, close - pos - 1);
                while (!argument.empty() && isSpace(argument.front()))
                    argument.remove_prefix(1);
                while (!argument.empty() && isSpace(argument.back()))
                    argument.remove_suffix(1);
                part.typeArgument = std::string(argument);
            }
        } else if (code[pos - 1] == ']') {
            if (!matching('[', ']'))
                return {};
            part.access = Part::Access::Index;
            part.name = "[]";
            parts.push_back(part);
            continue; // the receiver of the indexer follows
        }
        skipSpaces();
        const std::size_t nameEnd = pos;
        while (pos > 0 && isIdentChar(code[pos - 1]))
            --pos;
        if (pos == nameEnd)
            return {};
        part.name = std::string(code.substr(pos, nameEnd - pos));
        parts.push_back(part);
        skipSpaces();
        if (pos > 0 && code[pos - 1] == '.') {
            --pos;
            if (pos > 0 && code[pos - 1] == '?')
                --pos;
            continue;
        }
        break;
    }
    std::reverse(parts.begin(), parts.end());
    return parts;
}

struct Receiver {
    expr::TypeRef type;
    bool isStatic = false;
};

expr::TypeRef resultOf(const expr::Member &member, const expr::TypeRef &receiver, const std::string &typeArgument)
{
    switch (member.rule) {
    case expr::ResultRule::TypeArgument:
        if (const auto type = expr::findType(typeArgument))
            return expr::TypeRef{*type};
        return member.result;
    case expr::ResultRule::Element:
        if (member.kind == expr::MemberKind::Indexer &&
            (receiver.id == expr::TypeId::Dictionary || receiver.id == expr::TypeId::Headers))
            return receiver.id == expr::TypeId::Headers ? expr::TypeRef{expr::TypeId::String}
                                                        : expr::TypeRef{receiver.elem};
        return expr::elementType(receiver);
    case expr::ResultRule::Sequence:
        return expr::TypeRef{member.result.id, expr::elementType(receiver).id};
    case expr::ResultRule::PairKey:
        return expr::TypeRef{receiver.key};
    case expr::ResultRule::PairValue:
        return expr::TypeRef{receiver.elem};
    default:
        return member.result;
    }
}

// The type the chain evaluates to; nullopt when it cannot be known.
std::optional<Receiver> resolve(const std::vector<Part> &parts)
{
    if (parts.empty())
        return std::nullopt;
    Receiver current;
    std::size_t i = 0;
    if (parts[0].name == "context" && parts[0].access == Part::Access::Property) {
        current.type = expr::TypeRef{expr::TypeId::Context};
        i = 1;
    } else {
        // A type, maybe written with its namespace: System.Text.Encoding.
        std::string name;
        for (; i < parts.size() && parts[i].access == Part::Access::Property; ++i) {
            name += (name.empty() ? "" : ".") + parts[i].name;
            if (const auto type = expr::findType(name)) {
                current = {expr::TypeRef{*type}, true};
                ++i;
                break;
            }
        }
        if (!current.isStatic)
            return std::nullopt;
    }
    for (; i < parts.size(); ++i) {
        const Part &part = parts[i];
        expr::MemberKind kind =
            part.access == Part::Access::Call
                ? (current.isStatic ? expr::MemberKind::StaticMethod : expr::MemberKind::Method)
                : (current.isStatic ? expr::MemberKind::StaticProperty : expr::MemberKind::Property);
        const expr::Member *member = expr::findMember(current.type.id, part.name, kind);
        if (!member)
            return std::nullopt;
        current = {resultOf(*member, current.type, part.typeArgument), false};
        if (current.type.id == expr::TypeId::Dynamic)
            return std::nullopt;
    }
    return current;
}

std::string typeText(const expr::TypeRef &type)
{
    std::string name(expr::typeDisplayName(type.id));
    if (const auto tick = name.find('`'); tick != std::string::npos)
        name.erase(tick);
    if (const auto dot = name.rfind('.'); dot != std::string::npos)
        name.erase(0, dot + 1);
    if (type.id == expr::TypeId::Array && type.elem != expr::TypeId::Dynamic)
        return typeText(expr::TypeRef{type.elem}) + "[]";
    if (type.elem != expr::TypeId::Dynamic &&
        (type.id == expr::TypeId::List || type.id == expr::TypeId::Enumerable || type.id == expr::TypeId::HashSet))
        return name + "<" + typeText(expr::TypeRef{type.elem}) + ">";
    return name;
}

std::string signature(const expr::Member &member)
{
    std::string text(member.name);
    if (member.kind == expr::MemberKind::Method || member.kind == expr::MemberKind::StaticMethod ||
        member.kind == expr::MemberKind::Constructor) {
        text += "(";
        std::string_view params = member.params;
        int index = 0;
        while (!params.empty()) {
            const auto comma = params.find(',');
            std::string_view param = params.substr(0, comma);
            if (index > 0)
                text += ", ";
            text += std::string(param);
            if (index >= member.minArgs)
                text += "?";
            ++index;
            if (comma == std::string_view::npos)
                break;
            params.remove_prefix(comma + 1);
        }
        if (member.maxArgs < 0)
            text += index > 0 ? ", ..." : "...";
        text += ")";
    }
    if (member.result.id != expr::TypeId::Dynamic && member.result.id != expr::TypeId::Void &&
        member.rule == expr::ResultRule::Fixed)
        text += " : " + typeText(member.result);
    if (!member.doc.empty())
        text += " — " + std::string(member.doc);
    return text;
}

// The members of a type, its base types' included; one row per name.
std::vector<CompletionItem> membersOf(const Receiver &receiver)
{
    std::vector<expr::TypeId> types;
    if (receiver.isStatic) {
        types.push_back(receiver.type.id);
    } else {
        for (expr::TypeId type = receiver.type.id; type != expr::TypeId::Count; type = expr::baseType(type)) {
            types.push_back(type);
            if (type == expr::TypeId::List || type == expr::TypeId::HashSet)
                types.push_back(expr::TypeId::Array);
            if (type == expr::TypeId::Object || type == expr::TypeId::Dynamic)
                break;
        }
    }
    std::vector<CompletionItem> items;
    std::set<std::string_view> seen;
    for (expr::TypeId type : types) {
        for (const expr::Member &member : expr::members()) {
            if (member.owner != type || member.name == "[]" || member.name == ".ctor")
                continue;
            const bool isStaticMember =
                member.kind == expr::MemberKind::StaticMethod || member.kind == expr::MemberKind::StaticProperty;
            if (isStaticMember != receiver.isStatic || member.kind == expr::MemberKind::Indexer ||
                member.kind == expr::MemberKind::Constructor)
                continue;
            if (!seen.insert(member.name).second)
                continue;
            const bool method =
                member.kind == expr::MemberKind::Method || member.kind == expr::MemberKind::StaticMethod;
            items.push_back({std::string(member.name), signature(member),
                             method ? CompletionItem::Kind::Method : CompletionItem::Kind::Property});
        }
    }
    return items;
}

// What an expression may start with: context, the types policies may use, a few keywords.
std::vector<CompletionItem> expressionStarts()
{
    std::vector<CompletionItem> items{
        {"context", "IProxyRequestContext — the request, the response, the API, ...", CompletionItem::Kind::Property}};
    std::set<std::string> seen;
    for (const expr::Member &member : expr::members()) {
        if (member.kind != expr::MemberKind::StaticMethod && member.kind != expr::MemberKind::StaticProperty &&
            member.kind != expr::MemberKind::Constructor)
            continue;
        const std::string name = typeText(expr::TypeRef{member.owner});
        if (expr::findType(name) && seen.insert(name).second)
            items.push_back({name, std::string(expr::typeDisplayName(member.owner)), CompletionItem::Kind::Type});
    }
    std::sort(items.begin() + 1, items.end(), [](const auto &a, const auto &b) { return a.text < b.text; });
    for (const char *keyword : {"var", "new", "return", "if", "else", "true", "false", "null", "string", "int", "bool"})
        items.push_back({keyword, "keyword", CompletionItem::Kind::Keyword});
    return items;
}

std::string attributeDetail(const policy::AttributeDescription &attribute)
{
    std::string text;
    switch (attribute.type) {
    case policy::AttributeType::String:
        text = "text";
        break;
    case policy::AttributeType::Integer:
        text = "integer";
        break;
    case policy::AttributeType::Boolean:
        text = "true | false";
        break;
    case policy::AttributeType::Number:
        text = "number";
        break;
    case policy::AttributeType::Choice:
        for (std::size_t i = 0; i < attribute.choices.size(); ++i)
            text += (i ? " | " : "") + std::string(attribute.choices[i]);
        break;
    }
    if (attribute.required)
        text += ", required";
    if (!attribute.defaultValue.empty())
        text += ", default " + std::string(attribute.defaultValue);
    if (!attribute.expressions)
        text += ", no expressions";
    if (!attribute.help.empty())
        text += " — " + std::string(attribute.help);
    return text;
}

std::string policyDetail(const policy::PolicyDescription &description)
{
    std::string text(description.help);
    if (!description.needs.empty())
        text += " (Not run by this gateway: needs " + std::string(description.needs) + ".)";
    return text;
}

// The expression the cursor is in, if any.
const ExpressionSpan *expressionAt(const PolicyStyling &styling, std::size_t cursor)
{
    for (const ExpressionSpan &span : styling.expressions) {
        if (span.begin + 2 <= cursor && (cursor < span.end || (cursor == span.end && span.end > 0)))
            return &span;
    }
    return nullptr;
}

// The name of the tag that starts at `tagStart` ('<').
std::string tagName(std::string_view t, std::size_t tagStart)
{
    std::size_t j = tagStart + 1;
    while (j < t.size() && isNameChar(t[j]))
        ++j;
    return std::string(t.substr(tagStart + 1, j - tagStart - 1));
}

std::optional<std::size_t> namedValueStart(std::string_view t, std::size_t begin, std::size_t cursor)
{
    std::size_t k = cursor;
    while (k > begin && isNameChar(t[k - 1]) && t[k - 1] != ':')
        --k;
    if (k >= begin + 2 && t[k - 1] == '{' && t[k - 2] == '{')
        return k;
    return std::nullopt;
}

} // namespace

CompletionContext completionContext(std::string_view t, std::size_t cursor)
{
    cursor = std::min(cursor, t.size());
    const PolicyStyling styling = stylePolicy(t);
    CompletionContext context;
    context.replaceBegin = cursor;
    const Structure structure = structureAt(t, styling, cursor);
    context.sections = sectionsOf(structure.open);

    if (const ExpressionSpan *span = expressionAt(styling, cursor)) {
        const std::size_t codeBegin = span->begin + 2;
        if (const auto start = namedValueStart(t, codeBegin, cursor)) {
            context.kind = Kind::NamedValue;
            context.replaceBegin = *start;
            context.prefix = std::string(t.substr(*start, cursor - *start));
            return context;
        }
        std::size_t k = cursor;
        while (k > codeBegin && isIdentChar(t[k - 1]))
            --k;
        context.kind = Kind::Member;
        context.replaceBegin = k;
        context.prefix = std::string(t.substr(k, cursor - k));
        context.expression = std::string(t.substr(codeBegin, k - codeBegin));
        // Inside a string literal or a comment there is nothing to complete.
        if (cursor > codeBegin &&
            (styling.styles[cursor - 1] == PolicyStyle::String || styling.styles[cursor - 1] == PolicyStyle::Comment) &&
            context.prefix.empty())
            context.kind = Kind::None;
        return context;
    }

    // {{name in a literal value or text.
    {
        std::size_t lineStart = t.rfind('\n', cursor == 0 ? 0 : cursor - 1);
        lineStart = lineStart == std::string_view::npos ? 0 : lineStart + 1;
        if (const auto start = namedValueStart(t, lineStart, cursor)) {
            context.kind = Kind::NamedValue;
            context.replaceBegin = *start;
            context.prefix = std::string(t.substr(*start, cursor - *start));
            return context;
        }
    }

    const auto parentAndGrandparent = [&] {
        const auto &open = structure.open;
        if (!open.empty())
            context.element = open.back();
        if (open.size() >= 2)
            context.grandparent = open[open.size() - 2];
    };

    if (!structure.tagStart) {
        // In text: after '<' nothing was typed yet would be a tag; plain text offers nothing.
        parentAndGrandparent();
        return context;
    }
    const std::size_t tagStart = *structure.tagStart;
    const std::string_view inTag = t.substr(tagStart + 1, cursor - tagStart - 1);
    if (!inTag.empty() && inTag[0] == '/') {
        context.kind = Kind::ClosingElement;
        context.replaceBegin = tagStart + 2;
        context.prefix = std::string(inTag.substr(1));
        parentAndGrandparent();
        return context;
    }
    if (std::all_of(inTag.begin(), inTag.end(), isNameChar)) {
        context.kind = Kind::Element;
        context.replaceBegin = tagStart + 1;
        context.prefix = std::string(inTag);
        parentAndGrandparent();
        return context;
    }
    // Attributes: walk the tag, tracking quotes.
    context.element = tagName(t, tagStart);
    {
        const auto &open = structure.open;
        if (!open.empty())
            context.grandparent = open.back();
    }
    std::size_t j = tagStart + 1 + context.element.size();
    std::string lastName;
    while (j < cursor) {
        const char c = t[j];
        if (isNameChar(c)) {
            const std::size_t begin = j;
            while (j < cursor && isNameChar(t[j]))
                ++j;
            lastName = std::string(t.substr(begin, j - begin));
            if (j == cursor) {
                context.kind = Kind::Attribute;
                context.replaceBegin = begin;
                context.prefix = lastName;
                return context;
            }
            context.present.push_back(lastName);
            continue;
        }
        if (c == '"' || c == '\'') {
            const std::size_t close = t.find(c, j + 1);
            if (close == std::string_view::npos || close >= cursor) {
                context.kind = Kind::AttributeValue;
                context.attribute = lastName;
                context.replaceBegin = j + 1;
                context.prefix = std::string(t.substr(j + 1, cursor - j - 1));
                return context;
            }
            j = close + 1;
            continue;
        }
        ++j;
    }
    context.kind = Kind::Attribute;
    context.replaceBegin = cursor;
    return context;
}

std::vector<CompletionItem> completions(const CompletionContext &context, const CompletionSources &sources)
{
    std::vector<CompletionItem> items;
    const auto catalogue = policy::policyCatalogue();
    auto addPolicies = [&](bool withBase) {
        for (const auto &entry : catalogue) {
            const auto &d = entry.description;
            if (d.name == "base" && !withBase)
                continue;
            if ((d.sections & context.sections) == 0)
                continue;
            items.push_back({std::string(d.name), policyDetail(d), CompletionItem::Kind::Element});
        }
    };
    switch (context.kind) {
    case Kind::None:
        return {};
    case Kind::Element: {
        const std::string &parent = context.element;
        if (parent.empty()) {
            items.push_back({"policies", "A policy document: inbound, backend, outbound, on-error.",
                             CompletionItem::Kind::Element});
            items.push_back(
                {"fragment", "A policy fragment: statements other policies include.", CompletionItem::Kind::Element});
        } else if (parent == "policies") {
            for (const auto &[name, section] : sectionNames)
                items.push_back({std::string(name), "A section of the pipeline.", CompletionItem::Kind::Element});
        } else if (isSection(parent)) {
            addPolicies(true);
        } else if (parent == "fragment" ||
                   ((parent == "when" || parent == "otherwise") && context.grandparent == "choose")) {
            addPolicies(false);
        } else if (const auto *registered = policy::findPolicy(parent)) {
            for (const auto &child : registered->description.children)
                items.push_back({std::string(child.name), std::string(child.help), CompletionItem::Kind::Element});
            if (registered->description.containsPolicies)
                addPolicies(false);
        }
        break;
    }
    case Kind::ClosingElement:
        if (!context.element.empty())
            items.push_back(
                {context.element + ">", "Closes <" + context.element + ">.", CompletionItem::Kind::Element});
        break;
    case Kind::Attribute: {
        auto absent = [&](std::string_view name) {
            return std::find(context.present.begin(), context.present.end(), name) == context.present.end();
        };
        if (context.element == "when" && absent("condition"))
            items.push_back({"condition", "boolean expression, required — the branch runs when it holds",
                             CompletionItem::Kind::Attribute});
        if (const auto *registered = policy::findPolicy(context.element)) {
            for (const auto &attribute : registered->description.attributes)
                if (absent(attribute.name))
                    items.push_back(
                        {std::string(attribute.name), attributeDetail(attribute), CompletionItem::Kind::Attribute});
        }
        break;
    }
    case Kind::AttributeValue: {
        if (context.attribute == "fragment-id") {
            for (const auto &name : sources.fragments)
                items.push_back({name, "policy fragment", CompletionItem::Kind::Value});
        } else if (context.attribute == "backend-id") {
            for (const auto &name : sources.backends)
                items.push_back({name, "backend", CompletionItem::Kind::Value});
        }
        if (const auto *registered = policy::findPolicy(context.element)) {
            if (const auto *attribute = registered->description.attribute(context.attribute)) {
                if (attribute->type == policy::AttributeType::Choice) {
                    for (const auto choice : attribute->choices)
                        items.push_back({std::string(choice),
                                         choice == attribute->defaultValue ? "default" : std::string(),
                                         CompletionItem::Kind::Value});
                } else if (attribute->type == policy::AttributeType::Boolean) {
                    for (const char *value : {"true", "false"})
                        items.push_back({value, value == attribute->defaultValue ? "default" : std::string(),
                                         CompletionItem::Kind::Value});
                }
            }
        }
        break;
    }
    case Kind::Member: {
        const std::string &code = context.expression;
        std::size_t end = code.size();
        while (end > 0 && isSpace(code[end - 1]))
            --end;
        if (end > 0 && code[end - 1] == '.') {
            std::size_t dot = end - 1;
            if (dot > 0 && code[dot - 1] == '?')
                --dot;
            if (const auto receiver = resolve(chainBefore(code, dot)))
                items = membersOf(*receiver);
        } else {
            items = expressionStarts();
        }
        break;
    }
    case Kind::NamedValue:
        for (const auto &name : sources.namedValues)
            items.push_back({name + "}}", "named value", CompletionItem::Kind::NamedValue});
        break;
    }
    // Matches of the prefix first, in their order, then the names that merely contain it.
    if (!context.prefix.empty()) {
        const std::string prefix = lower(context.prefix);
        std::vector<CompletionItem> starts, contains;
        for (auto &item : items) {
            const std::string name = lower(item.text);
            if (name.rfind(prefix, 0) == 0)
                starts.push_back(std::move(item));
            else if (name.find(prefix) != std::string::npos)
                contains.push_back(std::move(item));
        }
        starts.insert(starts.end(), std::make_move_iterator(contains.begin()), std::make_move_iterator(contains.end()));
        items = std::move(starts);
    }
    return items;
}

std::string hoverHelp(std::string_view t, std::size_t offset)
{
    if (offset >= t.size())
        return {};
    const PolicyStyling styling = stylePolicy(t);
    const PolicyStyle style = styling.styles[offset];
    auto wordAt = [&](auto isChar) {
        std::size_t begin = offset, end = offset;
        while (begin > 0 && isChar(t[begin - 1]))
            --begin;
        while (end < t.size() && isChar(t[end]))
            ++end;
        return std::pair{begin, end};
    };
    if (style == PolicyStyle::Tag) {
        const auto [begin, end] = wordAt(isNameChar);
        const std::string name(t.substr(begin, end - begin));
        if (const auto *registered = policy::findPolicy(name))
            return "<" + name + "> — " + policyDetail(registered->description);
        if (isSection(name))
            return "<" + name + "> — a section of the pipeline.";
        // A child element: its parent policy describes it.
        const Structure structure = structureAt(t, styling, begin > 0 ? begin - 1 : 0);
        for (auto it = structure.open.rbegin(); it != structure.open.rend(); ++it)
            if (const auto *parent = policy::findPolicy(*it))
                if (const auto *child = parent->description.child(name))
                    return "<" + name + "> — " + std::string(child->help);
        return {};
    }
    if (style == PolicyStyle::AttributeName) {
        const auto [begin, end] = wordAt(isNameChar);
        const std::string name(t.substr(begin, end - begin));
        const std::size_t tagStart = t.rfind('<', begin);
        if (tagStart == std::string_view::npos)
            return {};
        const std::string element = tagName(t, tagStart);
        if (const auto *registered = policy::findPolicy(element))
            if (const auto *attribute = registered->description.attribute(name))
                return name + ": " + attributeDetail(*attribute);
        return {};
    }
    if (style == PolicyStyle::Identifier || style == PolicyStyle::Context) {
        const ExpressionSpan *span = expressionAt(styling, offset);
        if (!span)
            return {};
        const auto [begin, end] = wordAt(isIdentChar);
        const std::string name(t.substr(begin, end - begin));
        if (name == "context")
            return "context: IProxyRequestContext — the request, the response, the API, the product, the user, "
                   "variables and more.";
        const std::string_view code = t.substr(span->begin + 2, begin - span->begin - 2);
        std::size_t dot = code.size();
        while (dot > 0 && isSpace(code[dot - 1]))
            --dot;
        if (dot == 0 || code[dot - 1] != '.')
            return {};
        --dot;
        if (dot > 0 && code[dot - 1] == '?')
            --dot;
        const auto receiver = resolve(chainBefore(code, dot));
        if (!receiver)
            return {};
        std::size_t after = end;
        while (after < t.size() && isSpace(t[after]))
            ++after;
        const bool call = after < t.size() && (t[after] == '(' || t[after] == '<');
        using MK = expr::MemberKind;
        const MK kind = call ? (receiver->isStatic ? MK::StaticMethod : MK::Method)
                             : (receiver->isStatic ? MK::StaticProperty : MK::Property);
        if (const expr::Member *member = expr::findMember(receiver->type.id, name, kind))
            return typeText(receiver->type) + "." + signature(*member);
    }
    return {};
}

std::string signatureAt(std::string_view t, std::size_t cursor)
{
    cursor = std::min(cursor, t.size());
    const PolicyStyling styling = stylePolicy(t);
    const ExpressionSpan *span = expressionAt(styling, cursor);
    if (!span)
        return {};
    const std::size_t codeBegin = span->begin + 2;
    // The innermost '(' not closed before the cursor.
    int depth = 0;
    std::size_t open = std::string_view::npos;
    for (std::size_t k = cursor; k > codeBegin; --k) {
        const char c = t[k - 1];
        if (styling.styles[k - 1] == PolicyStyle::String)
            continue;
        if (c == ')')
            ++depth;
        else if (c == '(' && depth-- == 0) {
            open = k - 1;
            break;
        }
    }
    if (open == std::string_view::npos)
        return {};
    std::size_t nameEnd = open;
    while (nameEnd > codeBegin && isSpace(t[nameEnd - 1]))
        --nameEnd;
    std::size_t nameBegin = nameEnd;
    while (nameBegin > codeBegin && isIdentChar(t[nameBegin - 1]))
        --nameBegin;
    if (nameBegin == nameEnd)
        return {};
    return hoverHelp(t, nameBegin);
}

} // namespace gh::policies
