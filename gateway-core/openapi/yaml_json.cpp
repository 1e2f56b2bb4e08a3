#include "yaml_json.h"

#include <common/text.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>

namespace gw::openapi {

using Json = nlohmann::ordered_json;

namespace {

// ---------------------------------------------------------------- YAML scalars (YAML 1.2 core schema)

bool isDigits(std::string_view s, bool (*accept)(char))
{
    return !s.empty() && std::all_of(s.begin(), s.end(), accept);
}

bool isDecimalDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHexDigit(char c)
{
    return isDecimalDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isOctalDigit(char c)
{
    return c >= '0' && c <= '7';
}

// [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool looksLikeFloat(std::string_view s)
{
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+'))
        ++i;
    std::size_t intDigits = 0;
    while (i < s.size() && isDecimalDigit(s[i])) {
        ++i;
        ++intDigits;
    }
    std::size_t fracDigits = 0;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && isDecimalDigit(s[i])) {
            ++i;
            ++fracDigits;
        }
    }
    if (intDigits == 0 && fracDigits == 0)
        return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '-' || s[i] == '+'))
            ++i;
        std::size_t expDigits = 0;
        while (i < s.size() && isDecimalDigit(s[i])) {
            ++i;
            ++expDigits;
        }
        if (expDigits == 0)
            return false;
    }
    return i == s.size();
}

Json parseDouble(std::string_view s)
{
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    double value = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec == std::errc::result_out_of_range)
        return (!s.empty() && s.front() == '-') ? -std::numeric_limits<double>::infinity()
                                                : std::numeric_limits<double>::infinity();
    if (ec != std::errc() || ptr != s.data() + s.size())
        return std::string(s);
    return value;
}

Json parseInteger(std::string_view s)
{
    std::string_view digits = s;
    bool negative = false;
    if (digits.front() == '-' || digits.front() == '+') {
        negative = digits.front() == '-';
        digits.remove_prefix(1);
    }
    if (negative) {
        std::int64_t value = 0;
        auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (ec == std::errc() && ptr == s.data() + s.size())
            return value;
    } else {
        std::uint64_t value = 0;
        auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (ec == std::errc() && ptr == digits.data() + digits.size())
            return value;
    }
    return parseDouble(s); // too large for 64 bits
}

Json resolvePlainScalar(const std::string &s)
{
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL")
        return nullptr;
    if (s == "true" || s == "True" || s == "TRUE")
        return true;
    if (s == "false" || s == "False" || s == "FALSE")
        return false;
    const char first = s.front();
    if (!(isDecimalDigit(first) || first == '-' || first == '+' || first == '.'))
        return s;
    std::string_view v = s;
    std::string_view unsignedPart = v;
    if (unsignedPart.front() == '-' || unsignedPart.front() == '+')
        unsignedPart.remove_prefix(1);
    if (isDigits(unsignedPart, isDecimalDigit))
        return parseInteger(v);
    if (v.size() > 2 && v[0] == '0' && v[1] == 'x' && isDigits(v.substr(2), isHexDigit)) {
        std::uint64_t value = 0;
        auto [ptr, ec] = std::from_chars(v.data() + 2, v.data() + v.size(), value, 16);
        if (ec == std::errc())
            return value;
        return s;
    }
    if (v.size() > 2 && v[0] == '0' && v[1] == 'o' && isDigits(v.substr(2), isOctalDigit)) {
        std::uint64_t value = 0;
        auto [ptr, ec] = std::from_chars(v.data() + 2, v.data() + v.size(), value, 8);
        if (ec == std::errc())
            return value;
        return s;
    }
    if (unsignedPart == ".inf" || unsignedPart == ".Inf" || unsignedPart == ".INF")
        return v.front() == '-' ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    if (v == ".nan" || v == ".NaN" || v == ".NAN")
        return std::numeric_limits<double>::quiet_NaN();
    if (looksLikeFloat(v))
        return parseDouble(v);
    return s;
}

Json resolveScalar(const YAML::Node &node)
{
    const std::string &tag = node.Tag();
    const std::string &text = node.Scalar();
    if (tag == "!" || tag == "tag:yaml.org,2002:str" || tag == "tag:yaml.org,2002:binary")
        return text;
    if (tag == "tag:yaml.org,2002:null")
        return nullptr;
    return resolvePlainScalar(text);
}

// ---------------------------------------------------------------- YAML -> JSON

class YamlConverter {
public:
    explicit YamlConverter(std::size_t budget) : m_budget(budget) {}

    bool convert(const YAML::Node &node, Json &out, int depth)
    {
        if (depth > kMaxNesting) {
            fail(node, "the document nests deeper than " + std::to_string(kMaxNesting) + " levels");
            return false;
        }
        if (m_budget == 0) {
            fail(node, "the document expands to too many values for its size (YAML aliases nested too deep?)");
            return false;
        }
        --m_budget;
        switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            out = nullptr;
            return true;
        case YAML::NodeType::Scalar:
            out = resolveScalar(node);
            return true;
        case YAML::NodeType::Sequence: {
            out = Json::array();
            for (const YAML::Node &item : node) {
                Json value;
                if (!convert(item, value, depth + 1))
                    return false;
                out.push_back(std::move(value));
            }
            return true;
        }
        case YAML::NodeType::Map:
            return convertMap(node, out, depth);
        }
        out = nullptr;
        return true;
    }

    const std::string &message() const { return m_message; }
    const YAML::Mark &mark() const { return m_mark; }

private:
    bool convertMap(const YAML::Node &node, Json &out, int depth)
    {
        out = Json::object();
        out.get_ref<Json::object_t &>().reserve(node.size()); // growing would copy the members' values
        std::vector<YAML::Node> merges;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const YAML::Node key = it->first; // by value: the iterator hands out a temporary pair
            const YAML::Node value = it->second;
            std::string name;
            if (key.IsScalar()) {
                name = key.Scalar();
                if (name == "<<" && key.Tag() == "?") {
                    merges.push_back(value);
                    continue;
                }
            } else if (key.IsNull()) {
                name = "null";
            } else {
                continue; // complex keys have no JSON counterpart
            }
            Json converted;
            if (!convert(value, converted, depth + 1))
                return false;
            out[name] = std::move(converted);
        }
        // YAML 1.1 merge keys ("<<: *defaults"): the mapping's own keys win.
        for (const YAML::Node &merge : merges) {
            std::vector<YAML::Node> sources;
            if (merge.IsSequence()) {
                for (const YAML::Node &item : merge)
                    sources.push_back(item);
            } else {
                sources.push_back(merge);
            }
            for (const YAML::Node &source : sources) {
                Json merged;
                if (!convert(source, merged, depth + 1))
                    return false;
                if (!merged.is_object())
                    continue;
                for (auto &[key, value] : merged.items()) {
                    if (!out.contains(key))
                        out[key] = std::move(value);
                }
            }
        }
        return true;
    }

    void fail(const YAML::Node &node, std::string message)
    {
        m_mark = node.Mark();
        m_message = std::move(message);
    }

    std::size_t m_budget;
    std::string m_message;
    YAML::Mark m_mark = YAML::Mark::null_mark();
};

SourceLocation fromMark(const std::string &fileName, const YAML::Mark &mark)
{
    if (mark.is_null() || mark.line < 0)
        return {fileName, 0, 0};
    return {fileName, mark.line + 1, mark.column + 1};
}

int jsonDepth(const Json &root)
{
    int deepest = 0;
    std::vector<std::pair<const Json *, int>> stack{{&root, 1}};
    while (!stack.empty()) {
        auto [value, depth] = stack.back();
        stack.pop_back();
        deepest = std::max(deepest, depth);
        if (depth > kMaxNesting)
            return depth;
        if (value->is_structured()) {
            for (const Json &child : *value) {
                if (child.is_structured())
                    stack.emplace_back(&child, depth + 1);
            }
        }
    }
    return deepest;
}

std::string cleanJsonError(const std::string &what)
{
    std::string message = what;
    if (auto bracket = message.find("] "); bracket != std::string::npos && message.front() == '[')
        message.erase(0, bracket + 2);
    if (auto colon = message.find(": "); message.rfind("parse error at", 0) == 0 && colon != std::string::npos)
        message.erase(0, colon + 2);
    return "invalid JSON: " + message;
}

// ---------------------------------------------------------------- locating a JSON pointer in JSON text

class JsonScanner {
public:
    explicit JsonScanner(const std::string &text) : m_text(text) {}

    std::size_t position() const { return m_pos; }

    void skipSpace()
    {
        while (m_pos < m_text.size() &&
               (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
            ++m_pos;
    }

    bool peek(char c) const { return m_pos < m_text.size() && m_text[m_pos] == c; }

    bool consume(char c)
    {
        skipSpace();
        if (!peek(c))
            return false;
        ++m_pos;
        return true;
    }

    bool readString(std::string &out)
    {
        out.clear();
        if (!peek('"'))
            return false;
        ++m_pos;
        while (m_pos < m_text.size()) {
            char c = m_text[m_pos++];
            if (c == '"')
                return true;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size())
                return false;
            char e = m_text[m_pos++];
            switch (e) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'u':
                appendCodePoint(out);
                break;
            default:
                out += e;
            }
        }
        return false;
    }

    bool skipString()
    {
        ++m_pos; // the opening quote
        while (m_pos < m_text.size()) {
            const std::size_t stop = m_text.find_first_of("\\\"", m_pos);
            if (stop == std::string::npos)
                break;
            m_pos = stop + 1;
            if (m_text[stop] == '"')
                return true;
            ++m_pos; // the escaped character
        }
        m_pos = m_text.size();
        return false;
    }

    bool skipValue()
    {
        skipSpace();
        if (m_pos >= m_text.size())
            return false;
        if (peek('"'))
            return skipString();
        if (peek('{') || peek('[')) {
            int depth = 0;
            while (m_pos < m_text.size()) {
                char c = m_text[m_pos];
                if (c == '"') {
                    if (!skipString())
                        return false;
                    continue;
                }
                ++m_pos;
                if (c == '{' || c == '[')
                    ++depth;
                else if ((c == '}' || c == ']') && --depth == 0)
                    return true;
            }
            return false;
        }
        while (m_pos < m_text.size() && std::string_view(",}] \t\r\n").find(m_text[m_pos]) == std::string_view::npos)
            ++m_pos;
        return true;
    }

private:
    void appendCodePoint(std::string &out)
    {
        auto hex4 = [this](unsigned &value) {
            if (m_pos + 4 > m_text.size())
                return false;
            auto [ptr, ec] = std::from_chars(m_text.data() + m_pos, m_text.data() + m_pos + 4, value, 16);
            m_pos += 4;
            return ec == std::errc() && ptr == m_text.data() + m_pos;
        };
        unsigned cp = 0;
        if (!hex4(cp))
            return;
        if (cp >= 0xD800 && cp < 0xDC00 && m_pos + 1 < m_text.size() && m_text[m_pos] == '\\' &&
            m_text[m_pos + 1] == 'u') {
            m_pos += 2;
            unsigned low = 0;
            if (hex4(low))
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        appendUtf8(out, cp);
    }

    const std::string &m_text;
    std::size_t m_pos = 0;
};

// ---------------------------------------------------------------- JSON -> YAML

bool isReservedWord(std::string_view s)
{
    static const char *const words[] = {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "~"};
    std::string lower(s);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    return std::any_of(std::begin(words), std::end(words), [&](const char *w) { return lower == w; });
}

bool canBePlain(std::string_view s)
{
    if (s.empty() || s.size() > 200 || s.back() == ' ')
        return false;
    const unsigned char first = static_cast<unsigned char>(s.front());
    if (!(std::isalpha(first) || first == '_' || first == '/'))
        return false;
    for (char c : s) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (!(std::isalnum(u) || c == ' ' || c == '_' || c == '.' || c == '/' || c == '-' || c == '(' || c == ')'))
            return false;
    }
    return !isReservedWord(s);
}

void appendString(std::string &out, const std::string &s)
{
    if (canBePlain(s))
        out += s;
    else
        out += dumpJson(Json(s));
}

void appendScalar(std::string &out, const Json &value)
{
    if (value.is_string()) {
        appendString(out, value.get_ref<const std::string &>());
    } else if (value.is_number_float()) {
        const double d = value.get<double>();
        if (std::isnan(d))
            out += ".nan";
        else if (std::isinf(d))
            out += d < 0 ? "-.inf" : ".inf";
        else
            out += dumpJson(value);
    } else if (value.is_object()) {
        out += "{}";
    } else if (value.is_array()) {
        out += "[]";
    } else {
        out += dumpJson(value); // null, booleans, integers
    }
}

bool isBlock(const Json &value)
{
    return value.is_structured() && !value.empty();
}

void appendBlock(std::string &out, const Json &value, int indent, bool inlineFirst)
{
    bool first = true;
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!(first && inlineFirst))
                out.append(static_cast<std::size_t>(indent), ' ');
            first = false;
            appendString(out, it.key());
            out += ':';
            if (isBlock(it.value())) {
                out += '\n';
                appendBlock(out, it.value(), indent + 2, false);
            } else {
                out += ' ';
                appendScalar(out, it.value());
                out += '\n';
            }
        }
        return;
    }
    for (const Json &item : value) {
        if (!(first && inlineFirst))
            out.append(static_cast<std::size_t>(indent), ' ');
        first = false;
        out += "- ";
        if (isBlock(item)) {
            appendBlock(out, item, indent + 2, true);
        } else {
            appendScalar(out, item);
            out += '\n';
        }
    }
}

} // namespace

std::string dumpJson(const Json &value, int indent)
{
    return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

bool parseText(const std::string &text, const std::string &fileName, ParsedText &out, Diagnostics &diagnostics)
{
    std::size_t start = 0;
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0)
        start = 3;
    while (start < text.size() &&
           (text[start] == ' ' || text[start] == '\t' || text[start] == '\r' || text[start] == '\n'))
        ++start;

    std::optional<Diagnostic> jsonError;
    if (start < text.size() && (text[start] == '{' || text[start] == '[')) {
        try {
            out.value = Json::parse(text.begin() + static_cast<std::ptrdiff_t>(start), text.end());
            out.json = true;
            if (jsonDepth(out.value) > kMaxNesting) {
                diagnostics.push_back({{fileName, 1, 1},
                                       Severity::Error,
                                       "the document nests deeper than " + std::to_string(kMaxNesting) + " levels"});
                out.value = nullptr;
                return false;
            }
            return true;
        } catch (const nlohmann::json::parse_error &e) {
            const std::size_t offset = start + (e.byte > 0 ? e.byte - 1 : 0);
            jsonError = Diagnostic{locate(fileName, text, offset), Severity::Error, cleanJsonError(e.what())};
        }
    }

    try {
        out.yaml = YAML::Load(text);
    } catch (const YAML::Exception &e) {
        if (jsonError) {
            diagnostics.push_back(*jsonError);
        } else {
            diagnostics.push_back({fromMark(fileName, e.mark), Severity::Error, "invalid YAML: " + e.msg});
        }
        return false;
    }
    // A document cannot hold more values than it has characters, unless aliases repeat them: bound the expansion.
    YamlConverter converter(text.size() + 1024);
    if (!converter.convert(out.yaml, out.value, 1)) {
        diagnostics.push_back({fromMark(fileName, converter.mark()), Severity::Error, converter.message()});
        out.value = nullptr;
        return false;
    }
    out.json = false;
    return true;
}

std::vector<std::string> splitPointer(std::string_view pointer, bool uriFragment)
{
    std::vector<std::string> segments;
    if (pointer.empty())
        return segments;
    if (pointer.front() == '/')
        pointer.remove_prefix(1);
    std::string current;
    auto flush = [&] {
        std::string decoded;
        for (std::size_t i = 0; i < current.size(); ++i) {
            if (current[i] == '~' && i + 1 < current.size() && (current[i + 1] == '0' || current[i + 1] == '1')) {
                decoded += current[i + 1] == '0' ? '~' : '/';
                ++i;
            } else {
                decoded += current[i];
            }
        }
        segments.push_back(std::move(decoded));
        current.clear();
    };
    for (std::size_t i = 0; i < pointer.size(); ++i) {
        char c = pointer[i];
        if (c == '/') {
            flush();
        } else if (uriFragment && c == '%' && i + 2 < pointer.size() && isHexDigit(pointer[i + 1]) &&
                   isHexDigit(pointer[i + 2])) {
            unsigned value = 0;
            std::from_chars(pointer.data() + i + 1, pointer.data() + i + 3, value, 16);
            current += static_cast<char>(value);
            i += 2;
        } else {
            current += c;
        }
    }
    flush();
    return segments;
}

std::string escapePointerSegment(std::string_view segment)
{
    return escapeJsonPointerToken(segment);
}

std::size_t offsetInJson(const std::string &text, const std::vector<std::string> &segments)
{
    JsonScanner scanner(text);
    scanner.skipSpace();
    std::size_t found = scanner.position();
    for (const std::string &segment : segments) {
        scanner.skipSpace();
        found = scanner.position();
        bool matched = false;
        if (scanner.consume('{')) {
            std::string key;
            while (true) {
                scanner.skipSpace();
                if (!scanner.readString(key) || !scanner.consume(':'))
                    break;
                scanner.skipSpace();
                if (key == segment) {
                    matched = true;
                    break;
                }
                if (!scanner.skipValue() || !scanner.consume(','))
                    break;
            }
        } else if (scanner.consume('[')) {
            std::size_t index = 0;
            auto [ptr, ec] = std::from_chars(segment.data(), segment.data() + segment.size(), index);
            if (ec == std::errc() && ptr == segment.data() + segment.size()) {
                matched = true;
                for (std::size_t i = 0; i < index && matched; ++i)
                    matched = scanner.skipValue() && scanner.consume(',');
                scanner.skipSpace();
                matched = matched && !scanner.peek(']');
            }
        }
        if (!matched)
            return found;
    }
    scanner.skipSpace();
    return scanner.position();
}

SourceLocation locateInYaml(const std::string &fileName, const YAML::Node &root,
                            const std::vector<std::string> &segments)
{
    try {
        YAML::Node node;
        node.reset(root);
        for (const std::string &segment : segments) {
            const YAML::Node &current = node;
            YAML::Node child;
            if (current.IsMap()) {
                child.reset(current[segment]);
            } else if (current.IsSequence()) {
                std::size_t index = 0;
                auto [ptr, ec] = std::from_chars(segment.data(), segment.data() + segment.size(), index);
                if (ec != std::errc() || index >= current.size())
                    break;
                child.reset(current[index]);
            } else {
                break;
            }
            if (!child.IsDefined())
                break;
            node.reset(child);
        }
        return fromMark(fileName, node.Mark());
    } catch (const YAML::Exception &) {
        return {fileName, 0, 0};
    }
}

std::string toYaml(const Json &value)
{
    std::string out;
    if (isBlock(value)) {
        appendBlock(out, value, 0, false);
    } else {
        appendScalar(out, value);
        out += '\n';
    }
    return out;
}

} // namespace gw::openapi
