#include "json_xml.h"

#include "dotnet_format.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace gw::content {

namespace {

using Json = nlohmann::ordered_json;

bool isNameStart(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':' || c >= 0x80;
}

bool isNameChar(unsigned char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// XmlConvert.EncodeName: a character that cannot appear in a name becomes
// _xHHHH_, and an underscore that would read as such an escape is escaped itself.
std::string encodeName(std::string_view name)
{
    std::string out;
    out.reserve(name.size());
    char buffer[16];
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        const bool valid = i == 0 ? isNameStart(c) : isNameChar(c);
        const bool looksEscaped = c == '_' && i + 6 < name.size() && name[i + 1] == 'x' && isHex(name[i + 2]) &&
                                  isHex(name[i + 3]) && isHex(name[i + 4]) && isHex(name[i + 5]) && name[i + 6] == '_';
        if (valid && !looksEscaped) {
            out += static_cast<char>(c);
        } else {
            std::snprintf(buffer, sizeof buffer, "_x%04X_", c);
            out += buffer;
        }
    }
    return out;
}

bool isXmlChar(unsigned char c)
{
    return c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
}

class XmlWriter {
public:
    explicit XmlWriter(const JsonToXmlOptions &options) : m_options(options) {}

    Result<std::string> write(const Json &root)
    {
        if (root.is_object()) {
            if (auto it = root.find("?xml"); it != root.end() && it->is_object())
                writeDeclaration(*it);
        }
        if (root.is_array()) {
            // No property names an array at the top: its items are <Item> elements.
            m_out += "<Document>";
            for (const Json &item : root)
                writeElement("Item", item, 1);
            m_out += "</Document>";
        } else {
            writeElement("Document", root, 0);
        }
        if (!m_error.empty())
            return Error{m_error};
        return std::move(m_out);
    }

private:
    void writeDeclaration(const Json &declaration)
    {
        m_out += "<?xml";
        for (const char *name : {"@version", "@encoding", "@standalone"}) {
            if (auto it = declaration.find(name); it != declaration.end()) {
                m_out += ' ';
                m_out += name + 1;
                m_out += "=\"";
                appendEscaped(scalarText(*it), true);
                m_out += '"';
            }
        }
        m_out += "?>";
    }

    // The text of a scalar the way the .NET JSON reader hands it to the XML writer.
    std::string scalarText(const Json &value)
    {
        switch (value.type()) {
        case Json::value_t::string: {
            const std::string &text = value.get_ref<const std::string &>();
            if (m_options.parseDate) {
                if (auto date = detail::parseIsoDateTime(text))
                    return detail::formatRoundTrip(*date);
            }
            return text;
        }
        case Json::value_t::boolean:
            return value.get<bool>() ? "true" : "false";
        case Json::value_t::number_integer:
            return std::to_string(value.get<std::int64_t>());
        case Json::value_t::number_unsigned:
            return std::to_string(value.get<std::uint64_t>());
        case Json::value_t::number_float:
            return detail::formatDouble(value.get<double>());
        default:
            return {};
        }
    }

    void appendEscaped(std::string_view text, bool attribute)
    {
        for (char ch : text) {
            const auto c = static_cast<unsigned char>(ch);
            if (!isXmlChar(c)) {
                char buffer[64];
                std::snprintf(buffer, sizeof buffer, "the character U+%04X cannot be written in XML", c);
                m_error = buffer;
                return;
            }
            switch (ch) {
            case '&':
                m_out += "&amp;";
                break;
            case '<':
                m_out += "&lt;";
                break;
            case '>':
                m_out += "&gt;";
                break;
            case '"':
                m_out += attribute ? "&quot;" : "\"";
                break;
            case '\n':
                m_out += attribute ? "&#xA;" : "\n";
                break;
            case '\r':
                m_out += attribute ? "&#xD;" : "\r";
                break;
            case '\t':
                m_out += attribute ? "&#x9;" : "\t";
                break;
            default:
                m_out += ch;
                break;
            }
        }
    }

    bool isNamespaceDeclaration(const std::string &key) const
    {
        const std::string &prefix = m_options.namespacePrefix;
        if (prefix.empty() || key.compare(0, prefix.size(), prefix) != 0)
            return false;
        return key.size() == prefix.size() ||
               key.compare(prefix.size(), m_options.namespaceSeparator.size(), m_options.namespaceSeparator) == 0;
    }

    bool prefixDeclared(std::string_view prefix) const
    {
        for (auto it = m_prefixes.rbegin(); it != m_prefixes.rend(); ++it) {
            if (*it == prefix)
                return true;
        }
        return false;
    }

    // "p_name" is "p:name" once p is a declared prefix; then the XML name encoding.
    std::string xmlName(const std::string &key) const
    {
        const std::string &sep = m_options.namespaceSeparator;
        if (!m_options.namespacePrefix.empty() && !sep.empty()) {
            const std::size_t at = key.find(sep);
            if (at != std::string::npos && at > 0 && prefixDeclared(std::string_view(key).substr(0, at)))
                return encodeName(key.substr(0, at)) + ":" + encodeName(key.substr(at + sep.size()));
        }
        return encodeName(key);
    }

    void writeAttribute(const std::string &name, const Json &value)
    {
        if (value.is_structured()) {
            m_error = "the attribute '" + name + "' must have a text, number, boolean or null value";
            return;
        }
        m_out += ' ';
        m_out += name;
        m_out += "=\"";
        appendEscaped(scalarText(value), true);
        m_out += '"';
    }

    void writeElement(const std::string &name, const Json &value, int depth)
    {
        if (!m_error.empty())
            return;
        if (name.empty()) {
            m_error = "a JSON property with an empty name cannot become an XML element";
            return;
        }
        if (value.is_array()) {
            for (const Json &item : value) {
                if (item.is_array()) {
                    // An array inside an array keeps one level of element per level of array.
                    m_out += '<' + name + '>';
                    writeElement(name, item, depth + 1);
                    m_out += "</" + name + '>';
                } else {
                    writeElement(name, item, depth + 1);
                }
            }
            return;
        }
        m_out += '<';
        m_out += name;
        if (value.is_null()) {
            m_out += " />";
            return;
        }
        if (!value.is_object()) {
            m_out += '>';
            appendEscaped(scalarText(value), false);
            m_out += "</" + name + '>';
            return;
        }
        const std::size_t scopeMark = m_prefixes.size();
        // Namespace declarations first: the names of this element's members may use them.
        for (const auto &[key, member] : value.items()) {
            if (isNamespaceDeclaration(key)) {
                const std::string prefix =
                    key.size() == m_options.namespacePrefix.size()
                        ? std::string()
                        : key.substr(m_options.namespacePrefix.size() + m_options.namespaceSeparator.size());
                m_prefixes.push_back(prefix);
                writeAttribute(prefix.empty() ? "xmlns" : "xmlns:" + encodeName(prefix), member);
            }
        }
        bool hasContent = false;
        for (const auto &[key, member] : value.items()) {
            if (isNamespaceDeclaration(key))
                continue;
            if (key.size() > 1 && key[0] == '@') {
                writeAttribute(xmlName(key.substr(1)), member);
            } else if (!m_options.attributeBlockName.empty() && key == m_options.attributeBlockName &&
                       member.is_object()) {
                for (const auto &[attrName, attrValue] : member.items())
                    writeAttribute(xmlName(attrName), attrValue);
            } else if (key != "?xml") {
                hasContent = true;
            }
        }
        if (!hasContent) {
            m_out += " />";
            m_prefixes.resize(scopeMark);
            return;
        }
        m_out += '>';
        for (const auto &[key, member] : value.items()) {
            if (isNamespaceDeclaration(key) || (key.size() > 1 && key[0] == '@') ||
                (!m_options.attributeBlockName.empty() && key == m_options.attributeBlockName && member.is_object()))
                continue;
            if (key == "?xml")
                continue;
            if (key == "#text" || key == "#whitespace" || key == "#significant-whitespace") {
                writeTextMember(member, false);
            } else if (key == "#cdata-section") {
                writeTextMember(member, true);
            } else if (key == "#comment") {
                m_out += "<!--" + scalarText(member) + "-->";
            } else {
                writeElement(xmlName(key), member, depth + 1);
            }
        }
        m_out += "</" + name + '>';
        m_prefixes.resize(scopeMark);
    }

    void writeTextMember(const Json &member, bool cdata)
    {
        const auto one = [&](const Json &v) {
            if (cdata)
                m_out += "<![CDATA[" + scalarText(v) + "]]>";
            else
                appendEscaped(scalarText(v), false);
        };
        if (member.is_array()) {
            for (const Json &item : member)
                one(item);
        } else {
            one(member);
        }
    }

    const JsonToXmlOptions &m_options;
    std::string m_out;
    std::string m_error;
    std::vector<std::string> m_prefixes; // declared prefixes, innermost last
};

// ---- XML to JSON ----

// pugixml does not keep <a/> apart from <a></a>; the source text does (an
// empty element is null, an element with an empty body is "").
bool selfClosing(std::string_view source, const pugi::xml_node &element)
{
    const std::ptrdiff_t offset = element.offset_debug();
    if (offset < 0)
        return true;
    char quote = 0;
    for (auto i = static_cast<std::size_t>(offset); i < source.size(); ++i) {
        const char c = source[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i > 0 && source[i - 1] == '/';
        }
    }
    return true;
}

class JsonBuilder {
public:
    JsonBuilder(std::string_view source, const XmlToJsonOptions &options) : m_source(source), m_options(options) {}

    Result<Json> build(const pugi::xml_document &document)
    {
        Json out = Json::object();
        const bool direct = m_options.kind == XmlToJsonKind::Direct;
        for (pugi::xml_node node : document.children()) {
            if (node.type() == pugi::node_declaration && direct) {
                for (pugi::xml_attribute a : node.attributes())
                    out[a.name()] = a.value();
            } else if (node.type() == pugi::node_element) {
                out[name(node.name())] = element(node, 1);
            }
        }
        if (!m_error.empty())
            return Error{m_error};
        return out;
    }

private:
    std::string name(std::string_view xmlName) const
    {
        std::string out(xmlName);
        if (m_options.kind == XmlToJsonKind::Direct) {
            for (char &c : out) {
                if (c == ':')
                    c = '$';
            }
        } else if (const std::size_t colon = out.find(':'); colon != std::string::npos) {
            out.erase(0, colon + 1);
        }
        return out;
    }

    bool keepAttribute(std::string_view attrName) const
    {
        if (m_options.kind == XmlToJsonKind::Direct)
            return true;
        return attrName != "xmlns" && attrName.substr(0, 6) != "xmlns:";
    }

    Json element(const pugi::xml_node &node, int depth)
    {
        if (depth > maxNestingDepth) {
            if (m_error.empty())
                m_error = "the XML is nested deeper than " + std::to_string(maxNestingDepth) + " elements";
            return nullptr;
        }
        const bool direct = m_options.kind == XmlToJsonKind::Direct;
        // The parser does not check this rule of well-formedness.
        for (pugi::xml_attribute a : node.attributes()) {
            for (pugi::xml_attribute b = a.next_attribute(); b; b = b.next_attribute()) {
                if (std::string_view(a.name()) == b.name() && m_error.empty())
                    m_error = std::string("the body is not well-formed XML: the attribute '") + a.name() +
                              "' is repeated on <" + node.name() + ">";
            }
        }
        bool hasAttributes = false;
        for (pugi::xml_attribute a : node.attributes()) {
            if (keepAttribute(a.name())) {
                hasAttributes = true;
                break;
            }
        }
        // Group the child nodes by their JSON name, in order of first appearance.
        std::vector<std::pair<std::string, std::vector<pugi::xml_node>>> groups;
        std::size_t nodeCount = 0;
        bool onlyText = true;
        for (pugi::xml_node child : node.children()) {
            std::string key;
            switch (child.type()) {
            case pugi::node_element:
                key = name(child.name());
                onlyText = false;
                break;
            case pugi::node_pcdata:
                key = "#text";
                break;
            case pugi::node_cdata:
                key = direct ? "#cdata-section" : "#text";
                if (direct)
                    onlyText = false;
                break;
            case pugi::node_comment:
                if (!direct)
                    continue;
                key = "#comment";
                onlyText = false;
                break;
            default:
                continue;
            }
            ++nodeCount;
            auto it = std::find_if(groups.begin(), groups.end(), [&](const auto &g) { return g.first == key; });
            if (it == groups.end())
                groups.emplace_back(std::move(key), std::vector<pugi::xml_node>{child});
            else
                it->second.push_back(child);
        }
        if (!hasAttributes && nodeCount == 0)
            return selfClosing(m_source, node) ? Json(nullptr) : Json("");
        if (!hasAttributes && onlyText) {
            std::string text;
            for (pugi::xml_node child : node.children()) {
                if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
                    text += child.value();
            }
            return text;
        }
        Json out = Json::object();
        for (pugi::xml_attribute a : node.attributes()) {
            if (keepAttribute(a.name()))
                out["@" + name(a.name())] = a.value();
        }
        for (auto &[key, nodes] : groups) {
            const bool isElement = nodes.front().type() == pugi::node_element;
            if (nodes.size() == 1 && !(isElement && m_options.alwaysArrayChildElements)) {
                out[key] = isElement ? element(nodes.front(), depth + 1) : Json(nodes.front().value());
            } else {
                Json items = Json::array();
                for (const pugi::xml_node &n : nodes)
                    items.push_back(n.type() == pugi::node_element ? element(n, depth + 1) : Json(n.value()));
                out[key] = std::move(items);
            }
        }
        return out;
    }

    std::string_view m_source;
    const XmlToJsonOptions &m_options;
    std::string m_error;
};

} // namespace

int jsonNestingDepth(std::string_view json)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > deepest)
                deepest = depth;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

Result<Json> parseJsonLimited(std::string_view json)
{
    try {
        if (jsonNestingDepth(json) > maxNestingDepth)
            return Error{"the JSON is nested deeper than " + std::to_string(maxNestingDepth) + " levels"};
        return Json::parse(json.begin(), json.end());
    } catch (const Json::parse_error &e) {
        return Error{std::string("the body is not valid JSON: ") + e.what()};
    } catch (const std::exception &e) {
        return Error{std::string("the body cannot be read as JSON: ") + e.what()};
    }
}

Result<std::string> jsonToXml(std::string_view json, const JsonToXmlOptions &options)
{
    Result<Json> value = parseJsonLimited(json);
    if (!value)
        return value.error();
    try {
        XmlWriter writer(options);
        return writer.write(value.value());
    } catch (const std::exception &e) {
        return Error{std::string("the JSON cannot be converted to XML: ") + e.what()};
    }
}

Result<Json> xmlToJsonValue(std::string_view xml, const XmlToJsonOptions &options)
{
    try {
        pugi::xml_document document;
        const unsigned flags = pugi::parse_default | pugi::parse_declaration | pugi::parse_comments;
        const pugi::xml_parse_result parsed = document.load_buffer(xml.data(), xml.size(), flags, pugi::encoding_utf8);
        if (!parsed) {
            return Error{std::string("the body is not well-formed XML: ") + parsed.description() + " at offset " +
                         std::to_string(parsed.offset)};
        }
        std::size_t roots = 0;
        for (pugi::xml_node node : document.children())
            roots += node.type() == pugi::node_element;
        if (roots != 1)
            return Error{roots == 0 ? "the body is not well-formed XML: no root element"
                                    : "the body is not well-formed XML: more than one root element"};
        JsonBuilder builder(xml, options);
        return builder.build(document);
    } catch (const std::exception &e) {
        return Error{std::string("the XML cannot be converted to JSON: ") + e.what()};
    }
}

Result<std::string> xmlToJson(std::string_view xml, const XmlToJsonOptions &options)
{
    Result<Json> value = xmlToJsonValue(xml, options);
    if (!value)
        return value.error();
    try {
        return value->dump(2, ' ', false, Json::error_handler_t::replace);
    } catch (const std::exception &e) {
        return Error{std::string("the XML cannot be converted to JSON: ") + e.what()};
    }
}

} // namespace gw::content
