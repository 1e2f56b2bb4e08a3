#pragma once

#include <common/diagnostic.h>
#include <model/workspace.h>

#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>

namespace gw::store {

// A publisher override file, configuration.<env>.yaml (apiops-layout.md section 5).
class Overrides {
public:
    Overrides() = default;
    static Overrides load(const std::filesystem::path &file, Diagnostics &problems);

    bool empty() const { return m_document.is_null(); }
    // The item for a path of (section, name) pairs, e.g. {"apis", "orders", "operations", "get"};
    // nullptr when there is none. Names compare exactly, as the publisher does.
    const model::Json *find(const std::vector<std::string> &path) const;
    // Deep-merges the item's "properties" into the document's (objects key by key, the rest replaced).
    void apply(const std::vector<std::string> &path, model::Json &document,
               std::initializer_list<std::string_view> ignoredKeys = {}) const;

private:
    model::Json m_document;
};

} // namespace gw::store
