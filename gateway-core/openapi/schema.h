#pragma once

#include "document.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gw::openapi {

// What a schema keyword holds, so that walks over schemas follow subschemas and leave literal values alone (a
// property named "example" is a schema, the keyword "example" is data).
enum class SchemaSlot {
    Literal,   // example, enum, default, const, vendor extensions, anything unknown
    Schema,    // not, items (object form), additionalProperties, if/then/else, ...
    SchemaMap, // properties, patternProperties, $defs, definitions, dependentSchemas
    SchemaList // allOf, anyOf, oneOf, prefixItems, items (array form)
};

SchemaSlot schemaSlot(std::string_view keyword, const nlohmann::ordered_json &value);

// The parameter type APIM shows for a schema: its "type" (the first non-null one of a 3.1 list), else the one its
// allOf members agree on.
std::string schemaType(const nlohmann::ordered_json &schema);

// Expands the $refs of schemas in place of themselves. A $ref back to a schema that is being expanded is left as
// {"$ref": "#/components/schemas/<name>"} (the cut); a total budget bounds the work on reference bombs.
class SchemaExpander {
public:
    static constexpr std::size_t kMaxExpandedValues = 1'000'000;
    static constexpr int kMaxDepth = 200;

    explicit SchemaExpander(DocumentSet &documents) : m_documents(documents) {}

    nlohmann::ordered_json expand(const nlohmann::ordered_json &schema, const Where &where);

private:
    nlohmann::ordered_json expandNode(const nlohmann::ordered_json &node, const Where &where, int depth);
    nlohmann::ordered_json expandRef(const nlohmann::ordered_json &node, const Where &where, int depth);

    DocumentSet &m_documents;
    std::vector<const nlohmann::ordered_json *> m_stack; // the targets being expanded
    std::size_t m_values = 0;
    bool m_budgetReported = false;
    bool m_depthReported = false;
};

} // namespace gw::openapi
