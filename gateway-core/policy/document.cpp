#include "document.h"

#include "expression_scanner.h"

#include <pugixml.hpp>

#include <algorithm>

namespace gw::policy {

const Attribute *Element::attribute(std::string_view attributeName) const
{
    for (const Attribute &a : attributes) {
        if (a.name == attributeName)
            return &a;
    }
    return nullptr;
}

std::size_t Document::offsetOf(int line, int column) const
{
    if (line < 1 || m_lineStarts.empty())
        return 0;
    if (static_cast<std::size_t>(line) > m_lineStarts.size())
        return m_text.size();
    const std::size_t offset = m_lineStarts[line - 1] + static_cast<std::size_t>(std::max(column, 1) - 1);
    return std::min(offset, m_text.size());
}

std::string_view Document::source(const SourceRange &range) const
{
    const std::size_t begin = offsetOf(range.line, range.column);
    const std::size_t end = std::max(begin, offsetOf(range.endLine, range.endColumn));
    return std::string_view(m_text).substr(begin, end - begin);
}

bool isXmlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isXmlNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
           static_cast<unsigned char>(c) >= 0x80;
}

bool isXmlNameChar(char c)
{
    return isXmlNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

namespace {

constexpr std::size_t npos = std::string::npos;

// An expression span in the original text: '@' to one past the closing bracket.
struct Span {
    std::size_t begin;
    std::size_t end;
};

struct AttributeInfo {
    std::size_t nameOffset;
    std::size_t valueBegin;
    std::size_t valueEnd;
    int span = -1;
};

struct TextRun {
    std::size_t begin;
    std::size_t end;
    int span = -1;
};

struct ElementInfo {
    std::size_t nameOffset;
    std::size_t end = npos;
};

template<typename T>
const T *findByOffset(const std::vector<T> &items, std::size_t offset, std::size_t T::*key)
{
    auto it = std::lower_bound(items.begin(), items.end(), offset,
                               [key](const T &item, std::size_t value) { return item.*key < value; });
    return it != items.end() && (*it).*key == offset ? &*it : nullptr;
}

} // namespace

// Masks expressions, parses the masked text with pugixml and builds the tree.
class DocumentBuilder {
public:
    DocumentBuilder(std::string text, std::string fileName, ParseOptions options) : m_options(options)
    {
        m_document.m_text = std::move(text);
        m_document.m_fileName = std::move(fileName);
        const std::string &t = m_document.m_text;
        m_document.m_lineStarts.push_back(0);
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i] == '\n')
                m_document.m_lineStarts.push_back(i + 1);
        }
    }

    ParseResult run()
    {
        ParseResult result;
        if (prescan()) {
            parse();
        }
        result.diagnostics = std::move(m_diagnostics);
        if (!hasErrors(result.diagnostics)) {
            std::sort(m_document.m_namedValues.begin(), m_document.m_namedValues.end(),
                      [](const NamedValueReference &a, const NamedValueReference &b) {
                          return std::pair(a.range.line, a.range.column) < std::pair(b.range.line, b.range.column);
                      });
            result.document = std::move(m_document);
        }
        return result;
    }

private:
    const std::string &text() const { return m_document.m_text; }

    std::pair<int, int> position(std::size_t offset) const
    {
        const auto &starts = m_document.m_lineStarts;
        offset = std::min(offset, text().size());
        const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
        const std::size_t line = static_cast<std::size_t>(it - starts.begin());
        return {static_cast<int>(line), static_cast<int>(offset - starts[line - 1]) + 1};
    }

    SourceRange range(std::size_t begin, std::size_t end) const
    {
        const auto [line, column] = position(begin);
        const auto [endLine, endColumn] = position(end);
        return {line, column, endLine, endColumn};
    }

    void error(std::size_t offset, std::string message)
    {
        const auto [line, column] = position(offset);
        m_diagnostics.push_back({{m_document.m_fileName, line, column, {}}, Severity::Error, std::move(message)});
    }

    // Cuts an expression starting at `at` (an '@' followed by '(' or '{') out of the masked copy.
    int cutExpression(std::size_t at, std::size_t &next)
    {
        const ExpressionScan scan = scanExpression(text(), at);
        if (!scan.ok()) {
            error(scan.errorOffset, scan.error);
            return -2;
        }
        std::fill(m_masked.begin() + static_cast<std::ptrdiff_t>(at),
                  m_masked.begin() + static_cast<std::ptrdiff_t>(scan.end), '_');
        m_spans.push_back({at, scan.end});
        next = scan.end;
        return static_cast<int>(m_spans.size() - 1);
    }

    bool startsExpression(std::size_t i) const
    {
        const std::string &t = text();
        return i + 1 < t.size() && t[i] == '@' && (t[i + 1] == '(' || t[i + 1] == '{');
    }

    // One pass over the raw text that finds tags, attribute values and text runs the way
    // an XML parser would, and cuts out expressions where a value or a text begins.
    bool prescan()
    {
        const std::string &t = text();
        const std::size_t n = t.size();
        m_masked = t;
        std::vector<std::size_t> open;
        std::size_t i = 0;
        if (t.compare(0, 3, "\xEF\xBB\xBF") == 0) {
            m_masked.replace(0, 3, "   ");
            i = 3;
        }
        auto skipPast = [&](std::size_t from, std::string_view terminator) {
            const std::size_t p = t.find(terminator, from);
            return p == npos ? n : p + terminator.size();
        };
        while (i < n) {
            if (t[i] != '<') {
                TextRun run{i, i};
                std::size_t j = i;
                while (j < n && isXmlSpace(t[j]))
                    ++j;
                if (startsExpression(j)) {
                    run.span = cutExpression(j, j);
                    if (run.span == -2)
                        return false;
                }
                const std::size_t lt = t.find('<', j);
                run.end = lt == npos ? n : lt;
                m_texts.push_back(run);
                i = run.end;
                continue;
            }
            if (t.compare(i, 4, "<!--") == 0) {
                i = skipPast(i + 4, "-->");
            } else if (t.compare(i, 9, "<![CDATA[") == 0) {
                i = skipPast(i + 9, "]]>");
            } else if (t.compare(i, 2, "<?") == 0) {
                i = skipPast(i + 2, "?>");
            } else if (t.compare(i, 2, "<!") == 0) {
                i = skipPast(i + 2, ">");
            } else if (t.compare(i, 2, "</") == 0) {
                i = skipPast(i + 2, ">");
                if (!open.empty()) {
                    m_elements[open.back()].end = i;
                    open.pop_back();
                }
            } else if (i + 1 < n && isXmlNameStart(t[i + 1])) {
                std::size_t j = i + 1;
                m_elements.push_back({j});
                const std::size_t index = m_elements.size() - 1;
                while (j < n && isXmlNameChar(t[j]))
                    ++j;
                while (j < n) {
                    while (j < n && isXmlSpace(t[j]))
                        ++j;
                    if (j >= n)
                        break;
                    if (t[j] == '>') {
                        open.push_back(index);
                        ++j;
                        break;
                    }
                    if (t.compare(j, 2, "/>") == 0) {
                        j += 2;
                        m_elements[index].end = j;
                        break;
                    }
                    if (!isXmlNameStart(t[j]))
                        break; // malformed: pugixml reports it
                    AttributeInfo attribute{j, 0, 0};
                    while (j < n && isXmlNameChar(t[j]))
                        ++j;
                    while (j < n && isXmlSpace(t[j]))
                        ++j;
                    if (j >= n || t[j] != '=')
                        break;
                    ++j;
                    while (j < n && isXmlSpace(t[j]))
                        ++j;
                    if (j >= n || (t[j] != '"' && t[j] != '\''))
                        break;
                    const char quote = t[j++];
                    attribute.valueBegin = j;
                    while (j < n && isXmlSpace(t[j]))
                        ++j;
                    if (startsExpression(j)) {
                        attribute.span = cutExpression(j, j);
                        if (attribute.span == -2)
                            return false;
                    }
                    const std::size_t close = t.find(quote, j);
                    attribute.valueEnd = close == npos ? n : close;
                    m_attributes.push_back(attribute);
                    j = close == npos ? n : close + 1;
                }
                i = std::max(j, i + 1);
            } else {
                ++i; // a stray '<': pugixml reports it
            }
        }
        return true;
    }

    void parse()
    {
        pugi::xml_document xml;
        const pugi::xml_parse_result parsed =
            xml.load_buffer_inplace(m_masked.data(), m_masked.size(), pugi::parse_default, pugi::encoding_utf8);
        if (!parsed) {
            error(static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0)),
                  std::string("malformed XML: ") + parsed.description());
            return;
        }
        const pugi::xml_node rootNode = xml.document_element();
        if (!rootNode) {
            error(0, "the document has no root element");
            return;
        }
        const std::string rootName = rootNode.name();
        if (!m_options.anyRoot && rootName != "policies" && rootName != "fragment") {
            error(static_cast<std::size_t>(rootNode.offset_debug()),
                  "the root element is <" + rootName + ">: a policy document starts with <policies> or <fragment>");
            return;
        }
        m_document.m_root = build(rootNode, 1);
    }

    std::size_t offsetOf(const pugi::xml_node &node) const
    {
        return static_cast<std::size_t>(std::max<std::ptrdiff_t>(node.offset_debug(), 0));
    }

    std::size_t offsetOf(const pugi::xml_attribute &attribute) const
    {
        // The document is parsed in place, so the name points into the masked copy.
        const char *name = attribute.name();
        const char *base = m_masked.data();
        return name >= base && name < base + m_masked.size() ? static_cast<std::size_t>(name - base) : npos;
    }

    Expression expressionOf(int spanIndex) const
    {
        const Span &span = m_spans[static_cast<std::size_t>(spanIndex)];
        return {text().substr(span.begin + 2, span.end - span.begin - 3), text()[span.begin + 1] == '{',
                range(span.begin, span.end)};
    }

    bool blank(std::size_t begin, std::size_t end) const
    {
        for (std::size_t i = begin; i < end && i < text().size(); ++i) {
            if (!isXmlSpace(text()[i]))
                return false;
        }
        return true;
    }

    void findNamedValues(std::size_t begin, std::size_t end)
    {
        const std::string &t = text();
        end = std::min(end, t.size());
        std::size_t i = begin;
        while (i < end) {
            const std::size_t open = t.find("{{", i);
            if (open == npos || open + 2 >= end)
                return;
            std::size_t j = open + 2;
            while (j < end && t[j] == '{')
                ++j; // "{{{name}}}": the innermost pair counts
            const std::size_t nameBegin = j;
            while (j < end && (isXmlNameChar(t[j]) && t[j] != ':'))
                ++j;
            if (j > nameBegin && j + 1 < end && t[j] == '}' && t[j + 1] == '}') {
                m_document.m_namedValues.push_back({t.substr(nameBegin, j - nameBegin), range(nameBegin - 2, j + 2)});
                i = j + 2;
            } else {
                i = open + 2;
            }
        }
    }

    Element build(const pugi::xml_node &node, int depth)
    {
        Element element;
        element.name = node.name();
        const std::size_t nameOffset = offsetOf(node);
        const ElementInfo *info = findByOffset(m_elements, nameOffset, &ElementInfo::nameOffset);
        const std::size_t begin = nameOffset > 0 ? nameOffset - 1 : 0;
        const std::size_t end = info && info->end != npos ? info->end : nameOffset + element.name.size();
        element.range = range(begin, end);
        if (depth > maxElementDepth) {
            error(begin, "elements are nested more than " + std::to_string(maxElementDepth) + " deep");
            return element;
        }

        for (const pugi::xml_attribute &a : node.attributes()) {
            Attribute attribute;
            attribute.name = a.name();
            const std::size_t offset = offsetOf(a);
            if (offset != npos)
                attribute.nameRange = range(offset, offset + attribute.name.size());
            const AttributeInfo *ai = findByOffset(m_attributes, offset, &AttributeInfo::nameOffset);
            if (!ai) {
                attribute.value.content = std::string(a.value());
                element.attributes.push_back(std::move(attribute));
                continue;
            }
            attribute.valueRange = range(ai->valueBegin, ai->valueEnd);
            if (ai->span >= 0) {
                const Span &span = m_spans[static_cast<std::size_t>(ai->span)];
                if (!blank(span.end, ai->valueEnd))
                    error(span.end, "text after the expression in attribute '" + attribute.name +
                                        "': an expression must be the whole value");
                attribute.value.content = expressionOf(ai->span);
            } else {
                attribute.value.content = std::string(a.value());
            }
            findNamedValues(ai->valueBegin, ai->valueEnd);
            element.attributes.push_back(std::move(attribute));
        }

        std::string literal;
        std::optional<Expression> expression;
        bool nonBlank = false;
        std::size_t textBegin = npos;
        std::size_t textEnd = 0;
        for (const pugi::xml_node &child : node.children()) {
            const pugi::xml_node_type type = child.type();
            if (type == pugi::node_element) {
                if (!hasErrors(m_diagnostics))
                    element.children.push_back(build(child, depth + 1));
                continue;
            }
            if (type != pugi::node_pcdata && type != pugi::node_cdata)
                continue;
            const std::size_t offset = offsetOf(child);
            std::size_t childBegin = offset;
            std::size_t childEnd = offset + std::string_view(child.value()).size();
            if (type == pugi::node_cdata) {
                childBegin = offset >= 9 ? offset - 9 : 0;
                const std::size_t close = text().find("]]>", offset);
                childEnd = close == npos ? text().size() : close + 3;
                if (std::string_view(child.value()).find_first_not_of(" \t\r\n") != std::string_view::npos)
                    nonBlank = true;
            } else if (const TextRun *run = findByOffset(m_texts, offset, &TextRun::begin)) {
                childEnd = run->end;
                if (run->span >= 0) {
                    const Span &span = m_spans[static_cast<std::size_t>(run->span)];
                    if (expression || nonBlank || !blank(span.end, run->end))
                        error(span.begin, "an expression must be the whole text of <" + element.name + ">");
                    expression = expressionOf(run->span);
                } else if (!blank(run->begin, run->end)) {
                    nonBlank = true;
                }
            } else if (std::string_view(child.value()).find_first_not_of(" \t\r\n") != std::string_view::npos) {
                nonBlank = true;
            }
            if (expression && nonBlank)
                error(childBegin, "an expression must be the whole text of <" + element.name + ">");
            literal += child.value();
            textBegin = std::min(textBegin, childBegin);
            textEnd = std::max(textEnd, childEnd);
            findNamedValues(childBegin, childEnd);
        }
        if (expression) {
            element.text = Text{{std::move(*expression)}, range(textBegin, textEnd)};
        } else if (nonBlank) {
            element.text = Text{{std::move(literal)}, range(textBegin, textEnd)};
        }
        return element;
    }

    ParseOptions m_options;
    Document m_document;
    Diagnostics m_diagnostics;
    std::string m_masked;
    std::vector<Span> m_spans;
    std::vector<AttributeInfo> m_attributes;
    std::vector<TextRun> m_texts;
    std::vector<ElementInfo> m_elements;
};

ParseResult parseDocument(std::string text, std::string fileName, ParseOptions options)
{
    return DocumentBuilder(std::move(text), std::move(fileName), options).run();
}

} // namespace gw::policy
