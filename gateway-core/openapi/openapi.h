#pragma once

#include <common/diagnostic.h>
#include <model/api_contract.h>

#include <filesystem>
#include <string>

namespace gw::openapi {

// Importing and exporting OpenAPI descriptions, as Azure API Management does when an API is created from one.

struct ImportResult {
    model::ApiContract contract;
    Diagnostics diagnostics; // located in the file (and the files it refers to) where possible
};

// Reads OpenAPI 2.0 (Swagger), 3.0 and 3.1, JSON or YAML (told apart by content).
ImportResult importFile(const std::filesystem::path &file);

// Same, from text; `fileName` is used in diagnostics, `baseDir` resolves relative-file $refs.
ImportResult importText(const std::string &text, const std::string &fileName, const std::filesystem::path &baseDir);

enum class Format { Json, Yaml };

// Writes an OpenAPI 3.0.1 document that re-imports to the same operations (method, URL template, operationId,
// summary, parameters, request/response representations with schemas and examples).
std::string exportContract(const model::ApiContract &contract, Format format);

} // namespace gw::openapi
