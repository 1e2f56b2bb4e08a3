#pragma once

#include <common/diagnostic.h>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gw::openapi {

// Text <-> JSON values for OpenAPI documents. JSON text takes a fast path through nlohmann::json; everything else
// (and JSON that nlohmann rejects but YAML accepts) goes through yaml-cpp, resolved with the YAML 1.2 core schema.

inline constexpr int kMaxNesting = 256; // deeper documents are refused rather than risking the stack

struct ParsedText {
    nlohmann::ordered_json value;
    bool json = false; // parsed as JSON (else YAML, and `yaml` holds the node tree for locations)
    YAML::Node yaml;
};

// Parses `text`; false (with a located error in `diagnostics`) when it is neither valid JSON nor valid YAML, nests
// deeper than kMaxNesting or expands (through YAML aliases) to far more values than its size allows.
bool parseText(const std::string &text, const std::string &fileName, ParsedText &out, Diagnostics &diagnostics);

// Where the value at a JSON pointer (split into unescaped segments) starts in JSON text (a byte offset), or the
// closest enclosing value found; in YAML, from yaml-cpp's marks (lines and columns from 1, 0 when unknown).
std::size_t offsetInJson(const std::string &text, const std::vector<std::string> &segments);
SourceLocation locateInYaml(const std::string &fileName, const YAML::Node &root,
                            const std::vector<std::string> &segments);

// JSON pointer "/a/b~1c" -> {"a", "b/c"}; percent-escapes are decoded when `uriFragment` is set.
std::vector<std::string> splitPointer(std::string_view pointer, bool uriFragment = false);
std::string escapePointerSegment(std::string_view segment);

// Block-style YAML for a JSON value; strings that could read as something else are double-quoted.
std::string toYaml(const nlohmann::ordered_json &value);

// A JSON value as text that never throws (invalid UTF-8 is replaced).
std::string dumpJson(const nlohmann::ordered_json &value, int indent = -1);

} // namespace gw::openapi
