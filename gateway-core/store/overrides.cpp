#include "overrides.h"

#include <yaml-cpp/yaml.h>

namespace gw::store {

namespace {

// YAML as the publisher sees it after YamlDotNet's conversion: plain scalars
// that look like booleans, numbers or null become those; quoted ones stay strings.
model::Json toJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        model::Json object = model::Json::object();
        for (const auto &item : node)
            object[item.first.as<std::string>()] = toJson(item.second);
        return object;
    }
    case YAML::NodeType::Sequence: {
        model::Json array = model::Json::array();
        for (const auto &item : node)
            array.push_back(toJson(item));
        return array;
    }
    case YAML::NodeType::Scalar: {
        const std::string text = node.Scalar();
        if (node.Tag() == "!")
            return text;
        if (text == "true" || text == "True" || text == "TRUE")
            return true;
        if (text == "false" || text == "False" || text == "FALSE")
            return false;
        if (text == "null" || text == "~")
            return nullptr;
        try {
            std::size_t used = 0;
            const long long integer = std::stoll(text, &used);
            if (used == text.size())
                return integer;
            const double number = std::stod(text, &used);
            if (used == text.size())
                return number;
        } catch (const std::exception &) {
        }
        return text;
    }
    default:
        return nullptr;
    }
}

void merge(model::Json &target, const model::Json &patch, std::initializer_list<std::string_view> ignored = {})
{
    for (const auto &[key, value] : patch.items()) {
        if (std::find(ignored.begin(), ignored.end(), key) != ignored.end())
            continue;
        if (value.is_object() && target.contains(key) && target[key].is_object())
            merge(target[key], value);
        else
            target[key] = value;
    }
}

} // namespace

Overrides Overrides::load(const std::filesystem::path &file, Diagnostics &problems)
{
    Overrides overrides;
    try {
        overrides.m_document = toJson(YAML::LoadFile(file.string()));
        if (!overrides.m_document.is_object()) {
            problems.push_back({{file.filename().string(), 1, 1}, Severity::Error, "must be a YAML mapping"});
            overrides.m_document = nullptr;
        }
    } catch (const YAML::Exception &error) {
        problems.push_back({{file.filename().string(), error.mark.line + 1, error.mark.column + 1},
                            Severity::Error,
                            "invalid YAML: " + error.msg});
    }
    return overrides;
}

const model::Json *Overrides::find(const std::vector<std::string> &path) const
{
    const model::Json *node = &m_document;
    for (std::size_t i = 0; i + 1 < path.size(); i += 2) {
        if (!node->is_object() || !node->contains(path[i]) || !(*node)[path[i]].is_array())
            return nullptr;
        const model::Json *match = nullptr;
        for (const model::Json &item : (*node)[path[i]]) {
            if (item.is_object() && item.value("name", model::Json()) == path[i + 1]) {
                match = &item;
                break;
            }
        }
        if (!match)
            return nullptr;
        node = match;
    }
    return node;
}

void Overrides::apply(const std::vector<std::string> &path, model::Json &document,
                      std::initializer_list<std::string_view> ignoredKeys) const
{
    const model::Json *item = find(path);
    if (!item || !item->contains("properties") || !(*item)["properties"].is_object())
        return;
    if (!document.is_object())
        document = model::Json::object();
    if (!document.contains("properties") || !document["properties"].is_object())
        document["properties"] = model::Json::object();
    merge(document["properties"], (*item)["properties"], ignoredKeys);
}

} // namespace gw::store
