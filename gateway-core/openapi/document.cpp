#include "document.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

namespace gw::openapi {

using Json = nlohmann::ordered_json;

namespace {

std::string percentDecode(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::filesystem::path normalised(const std::filesystem::path &path)
{
    std::error_code error;
    std::filesystem::path absolute = std::filesystem::absolute(path, error);
    return (error ? path : absolute).lexically_normal();
}

} // namespace

std::string Where::pointer() const
{
    std::vector<const Where *> chain;
    for (const Where *w = this; w; w = w->m_parent)
        chain.push_back(w);
    std::string out(chain.back()->m_key);
    for (auto it = chain.rbegin() + 1; it != chain.rend(); ++it) {
        out += '/';
        if ((*it)->m_isIndex)
            out += std::to_string((*it)->m_index);
        else
            out += escapePointerSegment((*it)->m_key);
    }
    return out;
}

DocumentSet::DocumentSet(Diagnostics &diagnostics, std::filesystem::path baseDir)
    : m_diagnostics(diagnostics), m_baseDir(normalised(baseDir.empty() ? std::filesystem::path(".") : baseDir))
{
}

const Document *DocumentSet::addRoot(std::string text, const std::string &fileName)
{
    auto document = std::make_unique<Document>();
    document->path = m_baseDir / std::filesystem::path(fileName).filename();
    document->displayName = fileName;
    document->text = std::move(text);
    m_rootDisplayDir = std::filesystem::path(fileName).parent_path();
    if (!parseText(document->text, document->displayName, document->parsed, m_diagnostics))
        return nullptr;
    const Document *root = document.get();
    m_root = root;
    // The root's schema names are the names cut cycles refer to: keep them for those schemas.
    auto member = [](const Json &object, const char *key) -> const Json * {
        if (!object.is_object())
            return nullptr;
        auto it = object.find(key);
        return it == object.end() ? nullptr : &*it;
    };
    const Json *components = member(root->root(), "components");
    for (const Json *schemas :
         {member(root->root(), "definitions"), components ? member(*components, "schemas") : nullptr}) {
        if (schemas && schemas->is_object()) {
            for (auto it = schemas->begin(); it != schemas->end(); ++it)
                m_names.emplace(it.key(), 1);
        }
    }
    m_documents.emplace(document->path.generic_string(), std::move(document));
    return root;
}

const Document *DocumentSet::load(const std::filesystem::path &path, const Where &from)
{
    const std::string key = path.generic_string();
    if (auto it = m_documents.find(key); it != m_documents.end())
        return it->second.get();
    if (m_documents.size() >= kMaxFiles) {
        report(from, Severity::Error, "too many referenced files (more than " + std::to_string(kMaxFiles) + ")");
        m_documents.emplace(key, nullptr);
        return nullptr;
    }
    auto document = std::make_unique<Document>();
    document->path = path;
    std::filesystem::path relative = path.lexically_relative(m_baseDir);
    if (relative.empty())
        relative = path;
    document->displayName = (m_rootDisplayDir / relative).lexically_normal().generic_string();

    std::error_code error;
    const bool regular = std::filesystem::is_regular_file(path, error);
    const std::uintmax_t size = regular ? std::filesystem::file_size(path, error) : 0;
    std::ifstream in;
    if (regular && !error && size <= kMaxFileSize)
        in.open(path, std::ios::binary);
    if (!in.is_open()) {
        std::string why = !regular ? "no such file" : size > kMaxFileSize ? "the file is too large" : "cannot open it";
        report(from, Severity::Error, "cannot read referenced file '" + document->displayName + "': " + why);
        m_documents.emplace(key, nullptr);
        return nullptr;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    document->text = std::move(buffer).str();
    if (!parseText(document->text, document->displayName, document->parsed, m_diagnostics)) {
        report(from, Severity::Note, "referenced here");
        m_documents.emplace(key, nullptr);
        return nullptr;
    }
    const Document *loaded = document.get();
    m_documents.emplace(key, std::move(document));
    return loaded;
}

const RefTarget *DocumentSet::resolve(const std::string &ref, const Where &where)
{
    const Document &from = where.document();
    auto cacheKey = std::make_pair(&from, ref);
    if (auto it = m_refs.find(cacheKey); it != m_refs.end())
        return it->second;
    const RefTarget *&cached = m_refs[cacheKey];
    cached = nullptr;

    const Where at = where["$ref"];
    const std::size_t hash = ref.find('#');
    const std::string filePart = percentDecode(std::string_view(ref).substr(0, hash));
    const std::string_view fragment =
        hash == std::string::npos ? std::string_view() : std::string_view(ref).substr(hash + 1);

    const Document *document = &from;
    if (!filePart.empty()) {
        if (filePart.find("://") != std::string::npos || filePart.rfind("//", 0) == 0) {
            report(at, Severity::Error, "$ref '" + ref + "': references to URLs are not supported, only to files");
            return nullptr;
        }
        const std::filesystem::path path = (from.path.parent_path() / filePart).lexically_normal();
        document = load(path, at);
        if (!document)
            return nullptr;
    }
    if (!fragment.empty() && fragment.front() != '/') {
        report(at, Severity::Error, "$ref '" + ref + "': only JSON-pointer fragments (#/...) are supported");
        return nullptr;
    }

    const std::vector<std::string> segments = splitPointer(fragment, true);
    const Json *value = &document->root();
    std::string pointer;
    for (const std::string &segment : segments) {
        const Json *next = nullptr;
        if (value->is_object()) {
            if (auto it = value->find(segment); it != value->end())
                next = &*it;
        } else if (value->is_array()) {
            std::size_t index = 0;
            auto [ptr, ec] = std::from_chars(segment.data(), segment.data() + segment.size(), index);
            if (ec == std::errc() && ptr == segment.data() + segment.size() && index < value->size())
                next = &(*value)[index];
        }
        if (!next) {
            report(at, Severity::Error,
                   "$ref '" + ref + "' points nowhere: '" + document->displayName + "' has nothing at '" +
                       (pointer.empty() ? std::string("/") : pointer) + "' named '" + segment + "'");
            return nullptr;
        }
        pointer += '/';
        pointer += escapePointerSegment(segment);
        value = next;
    }

    const std::string targetKey = document->path.generic_string() + '#' + pointer;
    std::unique_ptr<RefTarget> &target = m_targets[targetKey];
    if (!target) {
        target = std::make_unique<RefTarget>();
        target->document = document;
        target->value = value;
        target->pointer = pointer;
    }
    cached = target.get();
    return cached;
}

const std::string &DocumentSet::nameOf(const RefTarget &target)
{
    if (!target.name.empty())
        return target.name;
    const std::vector<std::string> segments = splitPointer(target.pointer);
    std::string name;
    const bool inRoot = target.document == m_root;
    if (inRoot && segments.size() == 3 && segments[0] == "components" && segments[1] == "schemas") {
        name = segments[2];
    } else if (inRoot && segments.size() == 2 && segments[0] == "definitions") {
        name = segments[1];
    } else {
        std::string base = segments.empty() ? target.document->path.stem().string() : segments.back();
        name = base;
        for (int n = 2; m_names.count(name); ++n)
            name = base + '-' + std::to_string(n);
        m_names.emplace(name, 1);
    }
    target.name = name;
    return target.name;
}

SourceLocation DocumentSet::locate(const Where &where) const
{
    const Document &document = where.document();
    const std::vector<std::string> segments = splitPointer(where.pointer());
    if (document.parsed.json) {
        if (document.lineStarts.empty()) {
            document.lineStarts.push_back(0);
            for (std::size_t i = 0; i < document.text.size(); ++i) {
                if (document.text[i] == '\n')
                    document.lineStarts.push_back(i + 1);
            }
        }
        const std::size_t offset = offsetInJson(document.text, segments);
        auto line = std::upper_bound(document.lineStarts.begin(), document.lineStarts.end(), offset);
        const std::size_t index = static_cast<std::size_t>(line - document.lineStarts.begin()) - 1;
        return {document.displayName, static_cast<int>(index + 1),
                static_cast<int>(offset - document.lineStarts[index]) + 1};
    }
    return locateInYaml(document.displayName, document.parsed.yaml, segments);
}

void DocumentSet::report(const Where &where, Severity severity, std::string message)
{
    if (m_reported >= kMaxDiagnostics) {
        report(SourceLocation{}, severity, std::move(message));
        return;
    }
    report(locate(where), severity, std::move(message));
}

void DocumentSet::report(SourceLocation location, Severity severity, std::string message)
{
    if (m_reported == kMaxDiagnostics) {
        ++m_reported;
        m_diagnostics.push_back({{}, Severity::Note, "further problems are not shown"});
    }
    if (m_reported >= kMaxDiagnostics) {
        if (severity == Severity::Error && !m_droppedError) {
            m_droppedError = true;
            m_diagnostics.push_back({{}, Severity::Error, "more errors were found"});
        }
        return;
    }
    ++m_reported;
    m_diagnostics.push_back({std::move(location), severity, std::move(message)});
}

} // namespace gw::openapi
