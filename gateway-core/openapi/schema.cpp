#include "schema.h"

#include <algorithm>
#include <array>

namespace gw::openapi {

using Json = nlohmann::ordered_json;

SchemaSlot schemaSlot(std::string_view keyword, const Json &value)
{
    static constexpr std::array<std::string_view, 5> maps = {"properties", "patternProperties", "$defs", "definitions",
                                                             "dependentSchemas"};
    static constexpr std::array<std::string_view, 4> lists = {"allOf", "anyOf", "oneOf", "prefixItems"};
    static constexpr std::array<std::string_view, 12> schemas = {"not",
                                                                 "additionalProperties",
                                                                 "if",
                                                                 "then",
                                                                 "else",
                                                                 "contains",
                                                                 "propertyNames",
                                                                 "additionalItems",
                                                                 "items",
                                                                 "unevaluatedItems",
                                                                 "unevaluatedProperties",
                                                                 "contentSchema"};
    if (std::find(maps.begin(), maps.end(), keyword) != maps.end())
        return value.is_object() ? SchemaSlot::SchemaMap : SchemaSlot::Literal;
    if (std::find(lists.begin(), lists.end(), keyword) != lists.end())
        return value.is_array() ? SchemaSlot::SchemaList : SchemaSlot::Literal;
    if (std::find(schemas.begin(), schemas.end(), keyword) != schemas.end()) {
        if (value.is_object())
            return SchemaSlot::Schema;
        if (keyword == "items" && value.is_array())
            return SchemaSlot::SchemaList;
    }
    return SchemaSlot::Literal;
}

namespace {

std::string typeOf(const Json &schema, int depth)
{
    if (!schema.is_object() || depth > 16)
        return {};
    if (auto type = schema.find("type"); type != schema.end()) {
        if (type->is_string())
            return type->get<std::string>();
        if (type->is_array()) {
            for (const Json &t : *type) {
                if (t.is_string() && t.get_ref<const std::string &>() != "null")
                    return t.get<std::string>();
            }
        }
    }
    if (auto allOf = schema.find("allOf"); allOf != schema.end() && allOf->is_array()) {
        for (const Json &member : *allOf) {
            if (std::string type = typeOf(member, depth + 1); !type.empty())
                return type;
        }
    }
    for (const char *keyword : {"oneOf", "anyOf"}) {
        auto list = schema.find(keyword);
        if (list == schema.end() || !list->is_array() || list->empty())
            continue;
        std::string agreed;
        bool same = true;
        for (const Json &member : *list) {
            std::string type = typeOf(member, depth + 1);
            if (type == "null")
                continue;
            if (agreed.empty())
                agreed = type;
            else if (type != agreed)
                same = false;
        }
        if (same && !agreed.empty())
            return agreed;
    }
    return {};
}

} // namespace

std::string schemaType(const Json &schema)
{
    return typeOf(schema, 0);
}

Json SchemaExpander::expand(const Json &schema, const Where &where)
{
    m_stack.clear();
    return expandNode(schema, where, 0);
}

Json SchemaExpander::expandNode(const Json &node, const Where &where, int depth)
{
    ++m_values;
    if (!node.is_object())
        return node;
    if (auto ref = node.find("$ref"); ref != node.end() && ref->is_string())
        return expandRef(node, where, depth);
    if (depth > kMaxDepth) {
        if (!m_depthReported) {
            m_depthReported = true;
            m_documents.report(where, Severity::Warning,
                               "schema nested deeper than " + std::to_string(kMaxDepth) + " levels: kept as written");
        }
        return node;
    }
    Json out = Json::object();
    // ordered_json's members live in a vector whose pairs (with a const key) are copied, not moved, when it grows.
    out.get_ref<Json::object_t &>().reserve(node.size());
    for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string &key = it.key();
        const Json &value = it.value();
        switch (schemaSlot(key, value)) {
        case SchemaSlot::Literal:
            m_values += value.is_structured() ? value.size() : 0;
            out[key] = value;
            break;
        case SchemaSlot::Schema: {
            out[key] = expandNode(value, where[key], depth + 1);
            break;
        }
        case SchemaSlot::SchemaMap: {
            const Where map = where[key];
            Json expanded = Json::object();
            expanded.get_ref<Json::object_t &>().reserve(value.size());
            for (auto member = value.begin(); member != value.end(); ++member)
                expanded[member.key()] = expandNode(member.value(), map[member.key()], depth + 1);
            out[key] = std::move(expanded);
            break;
        }
        case SchemaSlot::SchemaList: {
            const Where list = where[key];
            Json expanded = Json::array();
            expanded.get_ref<Json::array_t &>().reserve(value.size());
            for (std::size_t i = 0; i < value.size(); ++i)
                expanded.push_back(expandNode(value[i], list[i], depth + 1));
            out[key] = std::move(expanded);
            break;
        }
        }
    }
    return out;
}

Json SchemaExpander::expandRef(const Json &node, const Where &where, int depth)
{
    const std::string &ref = node["$ref"].get_ref<const std::string &>();
    const RefTarget *target = m_documents.resolve(ref, where);
    if (!target)
        return node; // reported; the $ref stays as written
    const bool cycle = std::find(m_stack.begin(), m_stack.end(), target->value) != m_stack.end();
    const bool overBudget = m_values > kMaxExpandedValues;
    if (overBudget && !m_budgetReported) {
        m_budgetReported = true;
        m_documents.report(where, Severity::Warning,
                           "schemas expand to more than " + std::to_string(kMaxExpandedValues) +
                               " values: further $refs are left unexpanded");
    }
    if (cycle || overBudget || depth > kMaxDepth)
        return Json{{"$ref", "#/components/schemas/" + escapePointerSegment(m_documents.nameOf(*target))}};

    m_stack.push_back(target->value);
    Json out = expandNode(*target->value, Where(*target->document, target->pointer), depth + 1);
    m_stack.pop_back();

    // Keywords beside the $ref (allowed in 3.1: description, nullable, ...) apply on top of the target.
    if (node.size() > 1 && out.is_object()) {
        Json siblings = node;
        siblings.erase("$ref");
        Json expanded = expandNode(siblings, where, depth + 1);
        for (auto it = expanded.begin(); it != expanded.end(); ++it)
            out[it.key()] = std::move(it.value());
    }
    return out;
}

} // namespace gw::openapi
