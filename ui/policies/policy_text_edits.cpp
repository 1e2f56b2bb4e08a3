#include "policy_text_edits.h"

#include <algorithm>
#include <array>

namespace gh::policies {

namespace policy = gw::policy;

namespace {

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
};

Span bytesOf(const policy::Document &document, const policy::SourceRange &range)
{
    const std::size_t begin = document.offsetOf(range.line, range.column);
    return {begin, std::max(begin, document.offsetOf(range.endLine, range.endColumn))};
}

std::size_t lineStartOf(const std::string &text, std::size_t offset)
{
    if (offset == 0)
        return 0;
    const std::size_t newline = text.rfind('\n', offset - 1);
    return newline == std::string::npos ? 0 : newline + 1;
}

// The element with its indentation and line break when nothing else shares its lines, else its bytes.
struct Block {
    Span span;
    bool wholeLines = false;
    std::string indent; // the whitespace before the element on its first line (whole lines only)
};

Block blockOf(const policy::Document &document, const policy::Element &element)
{
    const std::string &text = document.text();
    const Span bytes = bytesOf(document, element.range);
    const std::size_t lineStart = lineStartOf(text, bytes.begin);
    std::size_t lineEnd = text.find('\n', bytes.end);
    const std::size_t after = lineEnd == std::string::npos ? text.size() : lineEnd + 1;
    if (lineEnd == std::string::npos)
        lineEnd = text.size();
    const std::string_view before = std::string_view(text).substr(lineStart, bytes.begin - lineStart);
    const std::string_view trailing = std::string_view(text).substr(bytes.end, lineEnd - bytes.end);
    if (isBlank(before) && isBlank(trailing))
        return {{lineStart, after}, true, std::string(before)};
    return {bytes, false, {}};
}

// The whitespace that starts the line holding `offset`, up to the first other character.
std::string indentAt(const std::string &text, std::size_t offset)
{
    const std::size_t start = lineStartOf(text, offset);
    std::size_t end = start;
    while (end < text.size() && (text[end] == ' ' || text[end] == '\t'))
        ++end;
    return text.substr(start, end - start);
}

std::string escaped(std::string_view value, char quote)
{
    // An expression is written as is: APIM reads it before the XML rules apply, quotes included.
    if (value.size() >= 2 && value[0] == '@' && (value[1] == '(' || value[1] == '{'))
        return std::string(value);
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '"':
            out += quote == '"' ? "&quot;" : "\"";
            break;
        case '\'':
            out += quote == '\'' ? "&apos;" : "'";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string escapedText(std::string_view value)
{
    if (value.size() >= 2 && value[0] == '@' && (value[1] == '(' || value[1] == '{'))
        return std::string(value);
    std::string out;
    for (char c : value) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else
            out += c;
    }
    return out;
}

std::string spliced(const std::string &text, Span replaced, std::string_view with)
{
    std::string out;
    out.reserve(text.size() + with.size());
    out.append(text, 0, replaced.begin);
    out.append(with);
    out.append(text, replaced.end, std::string::npos);
    return out;
}

// `xml`'s lines after the first, each prefixed with `indent`.
std::string indented(std::string_view xml, const std::string &indent)
{
    std::string out;
    std::size_t start = 0;
    while (start <= xml.size()) {
        const std::size_t newline = xml.find('\n', start);
        const std::string_view line = xml.substr(start, newline == std::string_view::npos ? xml.npos : newline - start);
        if (start > 0) {
            out += '\n';
            if (!line.empty())
                out += indent;
        }
        out += line;
        if (newline == std::string_view::npos)
            break;
        start = newline + 1;
    }
    return out;
}

// Where the end tag of a non-self-closing element starts ("</name>"); npos for "<name />".
std::size_t endTagOf(const policy::Document &document, const policy::Element &element)
{
    const Span bytes = bytesOf(document, element.range);
    const std::string_view source = std::string_view(document.text()).substr(bytes.begin, bytes.end - bytes.begin);
    if (source.size() >= 2 && source.substr(source.size() - 2) == "/>")
        return std::string::npos;
    const std::size_t at = source.rfind("</");
    return at == std::string_view::npos ? std::string::npos : bytes.begin + at;
}

} // namespace

std::string indentUnit(const policy::Document &document)
{
    const policy::Element &root = document.root();
    for (const policy::Element &child : root.children) {
        const Block block = blockOf(document, child);
        if (!block.wholeLines)
            continue;
        const std::string rootIndent = indentAt(document.text(), bytesOf(document, root.range).begin);
        if (block.indent.size() > rootIndent.size() && block.indent.starts_with(rootIndent))
            return block.indent.substr(rootIndent.size());
    }
    return "\t";
}

std::string editableValue(const policy::Document &document, const policy::Attribute &attribute)
{
    if (attribute.value.isExpression())
        return std::string(document.source(attribute.valueRange));
    return attribute.value.literal();
}

std::string setAttribute(const policy::Document &document, const policy::Element &element, std::string_view name,
                         std::string_view value)
{
    const std::string &text = document.text();
    if (const policy::Attribute *attribute = element.attribute(name)) {
        const Span valueBytes = bytesOf(document, attribute->valueRange);
        if (value.empty()) {
            // From the whitespace before the name to the closing quote.
            std::size_t begin = bytesOf(document, attribute->nameRange).begin;
            while (begin > 0 && (text[begin - 1] == ' ' || text[begin - 1] == '\t'))
                --begin;
            return spliced(text, {begin, std::min(text.size(), valueBytes.end + 1)}, {});
        }
        const char quote = valueBytes.begin > 0 ? text[valueBytes.begin - 1] : '"';
        return spliced(text, valueBytes, escaped(value, quote));
    }
    if (value.empty())
        return text;
    std::size_t at;
    if (!element.attributes.empty()) {
        const auto last =
            std::max_element(element.attributes.begin(), element.attributes.end(),
                             [&](const policy::Attribute &a, const policy::Attribute &b) {
                                 return bytesOf(document, a.valueRange).end < bytesOf(document, b.valueRange).end;
                             });
        at = bytesOf(document, last->valueRange).end + 1; // past the closing quote
    } else {
        at = bytesOf(document, element.range).begin + 1 + element.name.size();
    }
    std::string inserted = " ";
    inserted.append(name);
    inserted += "=\"";
    inserted += escaped(value, '"');
    inserted += '"';
    return spliced(text, {at, at}, inserted);
}

std::string setText(const policy::Document &document, const policy::Element &element, std::string_view value)
{
    const std::string &text = document.text();
    if (element.text)
        return spliced(text, bytesOf(document, element.text->range), escapedText(value));
    const Span bytes = bytesOf(document, element.range);
    const std::size_t endTag = endTagOf(document, element);
    if (endTag != std::string::npos) // <name ...></name>
        return spliced(text, {endTag, endTag}, escapedText(value));
    // <name ... /> becomes <name ...>text</name>
    std::size_t close = bytes.end - 2;
    while (close > bytes.begin && (text[close - 1] == ' ' || text[close - 1] == '\t'))
        --close;
    return spliced(text, {close, bytes.end}, ">" + escapedText(value) + "</" + element.name + ">");
}

std::string removeChild(const policy::Document &document, const policy::Element &parent, std::size_t index)
{
    if (index >= parent.children.size())
        return document.text();
    return spliced(document.text(), blockOf(document, parent.children[index]).span, {});
}

std::string moveChild(const policy::Document &document, const policy::Element &parent, std::size_t from, std::size_t to)
{
    const std::string &text = document.text();
    const auto &children = parent.children;
    if (from >= children.size() || to >= children.size() || from == to)
        return text;
    Block moving = blockOf(document, children[from]);
    Block target = blockOf(document, children[to]);
    if (!moving.wholeLines || !target.wholeLines) { // children sharing a line: move the bytes alone
        moving = {bytesOf(document, children[from].range), false, {}};
        target = {bytesOf(document, children[to].range), false, {}};
    }
    const std::string chunk = text.substr(moving.span.begin, moving.span.end - moving.span.begin);
    std::string out = text;
    if (to > from) {
        // After the target: insert first, then cut (the cut lies before the insertion point).
        out.insert(target.span.end, chunk);
        out.erase(moving.span.begin, chunk.size());
    } else {
        out.erase(moving.span.begin, chunk.size());
        out.insert(target.span.begin, chunk);
    }
    return out;
}

std::string insertChild(const policy::Document &document, const policy::Element &parent, std::size_t index,
                        std::string_view xml)
{
    const std::string &text = document.text();
    const auto &children = parent.children;
    const Span parentBytes = bytesOf(document, parent.range);
    const std::string parentIndent = indentAt(text, parentBytes.begin);
    std::string indent = parentIndent + indentUnit(document);
    if (!children.empty()) {
        const Block neighbour = blockOf(document, children[std::min(index, children.size() - 1)]);
        if (neighbour.wholeLines)
            indent = neighbour.indent;
        if (index < children.size()) {
            const Block before = blockOf(document, children[index]);
            if (before.wholeLines)
                return spliced(text, {before.span.begin, before.span.begin}, indent + indented(xml, indent) + "\n");
            return spliced(text, {before.span.begin, before.span.begin}, std::string(xml));
        }
        const Block last = blockOf(document, children.back());
        if (last.wholeLines)
            return spliced(text, {last.span.end, last.span.end}, indent + indented(xml, indent) + "\n");
        return spliced(text, {last.span.end, last.span.end}, std::string(xml));
    }
    const std::size_t endTag = endTagOf(document, parent);
    if (endTag == std::string::npos) { // <on-error /> opens
        std::size_t close = parentBytes.end - 2;
        while (close > parentBytes.begin && (text[close - 1] == ' ' || text[close - 1] == '\t'))
            --close;
        return spliced(text, {close, parentBytes.end},
                       ">\n" + indent + indented(xml, indent) + "\n" + parentIndent + "</" + parent.name + ">");
    }
    const std::size_t endLine = lineStartOf(text, endTag);
    if (isBlank(std::string_view(text).substr(endLine, endTag - endLine)) && endLine > parentBytes.begin)
        return spliced(text, {endLine, endLine}, indent + indented(xml, indent) + "\n");
    // <inbound></inbound> on one line: the content goes on its own line between them.
    std::size_t contentBegin = endTag;
    while (contentBegin > parentBytes.begin && text[contentBegin - 1] != '>')
        --contentBegin;
    return spliced(text, {contentBegin, endTag}, "\n" + indent + indented(xml, indent) + "\n" + parentIndent);
}

std::string insertIntoSection(const policy::Document &document, std::string_view section, std::size_t index,
                              std::string_view xml)
{
    const policy::Element &root = document.root();
    for (const policy::Element &child : root.children)
        if (child.name == section)
            return insertChild(document, child, index, xml);
    // No such section: a new one, before the first section that comes after it in APIM's order.
    static constexpr std::array<std::string_view, 4> order{"inbound", "backend", "outbound", "on-error"};
    const auto rank = [](std::string_view name) {
        return static_cast<std::size_t>(std::find(order.begin(), order.end(), name) - order.begin());
    };
    std::size_t position = root.children.size();
    for (std::size_t i = 0; i < root.children.size(); ++i)
        if (rank(root.children[i].name) > rank(section)) {
            position = i;
            break;
        }
    const std::string unit = indentUnit(document);
    std::string sectionXml =
        "<" + std::string(section) + ">\n" + unit + indented(xml, unit) + "\n</" + std::string(section) + ">";
    return insertChild(document, root, position, sectionXml);
}

std::string newElement(const policy::PolicyDescription &description, std::string_view unit)
{
    std::string xml = "<" + std::string(description.name);
    for (const auto &attribute : description.attributes) {
        if (!attribute.required)
            continue;
        xml += " " + std::string(attribute.name) + "=\"" + escaped(attribute.defaultValue, '"') + "\"";
    }
    std::vector<std::string_view> children;
    for (const auto &child : description.children)
        if (child.required)
            children.push_back(child.name);
    if (children.empty())
        return xml + " />";
    xml += ">";
    for (std::string_view child : children)
        xml += "\n" + std::string(unit) + "<" + std::string(child) + " />";
    return xml + "\n</" + std::string(description.name) + ">";
}

} // namespace gh::policies
