#pragma once

#include "yaml_json.h"

#include <common/diagnostic.h>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gw::openapi {

// The files of one OpenAPI description (the root and those its $refs reach), and resolving $refs between them.

struct Document {
    std::filesystem::path path; // absolute and normalised; the root of importText has a virtual one in baseDir
    std::string displayName;    // as diagnostics name it
    std::string text;
    ParsedText parsed;
    mutable std::vector<std::size_t> lineStarts; // of `text`, filled when a diagnostic first needs a line number

    const nlohmann::ordered_json &root() const { return parsed.value; }
};

// A value's place: its document and JSON pointer, kept as a chain of views on the stack and spelled out only when a
// diagnostic needs it. The views point into the documents' values, which outlive every Where.
class Where {
public:
    Where(const Document &document, std::string_view pointer) : m_document(&document), m_key(pointer) {}

    Where operator[](std::string_view key) const { return Where(this, key, 0, false); }
    Where operator[](std::size_t index) const { return Where(this, {}, index, true); }

    const Document &document() const { return *m_document; }
    std::string pointer() const;

private:
    Where(const Where *parent, std::string_view key, std::size_t index, bool isIndex)
        : m_document(parent->m_document), m_parent(parent), m_key(key), m_index(index), m_isIndex(isIndex)
    {
    }

    const Document *m_document;
    const Where *m_parent = nullptr;
    std::string_view m_key; // a member name; for the root of the chain, a whole JSON pointer
    std::size_t m_index = 0;
    bool m_isIndex = false;
};

// What a $ref points at.
struct RefTarget {
    const Document *document = nullptr;
    const nlohmann::ordered_json *value = nullptr;
    std::string pointer;      // JSON pointer inside `document`
    mutable std::string name; // a schema name for it, given on demand by DocumentSet::nameOf
};

class DocumentSet {
public:
    static constexpr std::size_t kMaxFiles = 256;
    static constexpr std::uintmax_t kMaxFileSize = 64u << 20;
    static constexpr std::size_t kMaxDiagnostics = 200;

    DocumentSet(Diagnostics &diagnostics, std::filesystem::path baseDir);

    // Parses the root document; null (with diagnostics) when it cannot be read as JSON or YAML.
    const Document *addRoot(std::string text, const std::string &fileName);

    // Resolves `ref` written in `where`'s document. Null when it points nowhere; the error is reported once for each
    // distinct $ref, at the first place it is met.
    const RefTarget *resolve(const std::string &ref, const Where &where);

    // The name a cut cycle refers to the target by (#/components/schemas/<name>): the root's own schema names stay,
    // others ("Pet" for Pet.json, "Node" for other.yaml#/Node) are made unique.
    const std::string &nameOf(const RefTarget &target);

    SourceLocation locate(const Where &where) const;
    void report(const Where &where, Severity severity, std::string message);
    void report(SourceLocation location, Severity severity, std::string message);

private:
    const Document *load(const std::filesystem::path &path, const Where &from);

    Diagnostics &m_diagnostics;
    std::filesystem::path m_baseDir;
    std::filesystem::path m_rootDisplayDir;
    const Document *m_root = nullptr;
    std::map<std::string, std::unique_ptr<Document>> m_documents;                 // by normalised path
    std::map<std::string, std::unique_ptr<RefTarget>> m_targets;                  // by "path#pointer"
    std::map<std::pair<const Document *, std::string>, const RefTarget *> m_refs; // by (document, $ref as written)
    std::map<std::string, int> m_names;
    std::size_t m_reported = 0;
    bool m_droppedError = false;
};

} // namespace gw::openapi
