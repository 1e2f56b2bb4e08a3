#pragma once

#include <model/api_contract.h>

#include <string>

namespace gh::apis {

// Keeping an API's OpenAPI specification in step with its contract as the designer edits it.
//
// The exporter writes only what the contract models, so regenerating the whole document would drop what the
// importer read but does not model (x- extensions, tags, security, reusable components, path-level entries). So
// the previous document is patched instead: operations whose contract did not change keep their JSON as it was
// ($refs and all), changed ones are written anew but keep the keys the exporter does not write, and everything
// outside `paths` stays. A Swagger 2.0 document cannot take 3.0 operations; it is converted to OpenAPI 3.0.1.

// The specification text for `contract` in `format` ("yaml" or "json"). `previousText` is the current
// specification, which imported to `previous`; empty for an API without one.
std::string syncSpecification(const std::string &previousText, const gw::model::ApiContract &previous,
                              const gw::model::ApiContract &contract, const std::string &format);

// True when both contracts export to the same document (what an edit changed, seen from the specification).
bool sameContract(const gw::model::ApiContract &a, const gw::model::ApiContract &b);

// `text` (an OpenAPI document in JSON or YAML) in `format` ("yaml" or "json"); empty when it does not parse.
std::string convertSpecification(const std::string &text, const std::string &format);

// "json" when `text` is JSON, else "yaml".
std::string detectFormat(const std::string &text);

} // namespace gh::apis
