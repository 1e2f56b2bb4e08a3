#pragma once

#include <model/workspace.h>

#include <set>
#include <string>
#include <variant>
#include <vector>

namespace gw::store {

// One file of the layout as the model describes it: a JSON document (only the
// fields the model knows) or a text kept as is (policies, specifications).
struct FileSpec {
    std::string path; // relative to the root
    std::variant<model::Json, std::string> content;
};

struct LayoutOptions {
    bool upgrade = false;                               // v7 links instead of the v5/v6 files that were read
    const std::set<std::string> *legacyFiles = nullptr; // the v5/v6 files that were read
};

// Every file the model stands for. Saving compares this list for the model as
// loaded with the list for the model as edited.
std::vector<FileSpec> describeFiles(const model::Workspace &workspace, const LayoutOptions &options);

} // namespace gw::store
