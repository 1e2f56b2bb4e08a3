#pragma once

#include <store/workspace_store.h>

#include <temp_folder.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace gw::store::test {

namespace fs = std::filesystem;
using gw::test::TempFolder;

inline const fs::path kShared = fs::path(GW_SOURCE_DIR) / "../shared";

inline std::string readText(const fs::path &file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Every file under a folder: relative path -> bytes.
inline std::map<std::string, std::string> readTree(const fs::path &root)
{
    std::map<std::string, std::string> tree;
    for (const auto &entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file())
            tree[fs::relative(entry.path(), root).generic_string()] = readText(entry.path());
    }
    return tree;
}

inline void copyTree(const fs::path &from, const fs::path &to)
{
    fs::create_directories(to);
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

// The paths whose bytes differ between two trees (or exist in one only).
inline std::vector<std::string> changedFiles(const std::map<std::string, std::string> &before,
                                             const std::map<std::string, std::string> &after)
{
    std::vector<std::string> changed;
    for (const auto &[path, text] : after) {
        auto it = before.find(path);
        if (it == before.end() || it->second != text)
            changed.push_back(path);
    }
    for (const auto &[path, text] : before) {
        if (!after.count(path))
            changed.push_back(path);
    }
    return changed;
}

inline std::string errorsOf(const Diagnostics &diagnostics)
{
    std::string text;
    for (const auto &d : diagnostics) {
        if (d.severity == Severity::Error)
            text += format(d) + "\n";
    }
    return text;
}

} // namespace gw::store::test
