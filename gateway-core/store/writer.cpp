#include "atomic_file.h"
#include "layout.h"
#include "workspace_store.h"

#include <common/text.h>
#include <jsontext/json_text.h>

#include <map>

namespace fs = std::filesystem;

namespace gw::store {

namespace {

// Applies the difference between two encodings of an entity to its file's text,
// member by member, so that everything else in the text stays as it was.
void applyDifference(jsontext::JsonText &text, const std::string &pointer, const model::Json &before,
                     const model::Json &after)
{
    if (before == after)
        return;
    if (before.is_object() && after.is_object()) {
        for (const auto &[key, value] : before.items()) {
            if (!after.contains(key))
                text.remove(pointer + "/" + escapeJsonPointerToken(key));
        }
        for (const auto &[key, value] : after.items()) {
            const std::string child = pointer + "/" + escapeJsonPointerToken(key);
            if (before.contains(key))
                applyDifference(text, child, before[key], value);
            else
                text.set(child, value);
        }
        return;
    }
    text.set(pointer, after);
}

std::string render(const FileSpec &spec, const model::Json *before, const std::string *original)
{
    if (const auto *raw = std::get_if<std::string>(&spec.content))
        return *raw;
    const model::Json &after = std::get<model::Json>(spec.content);
    if (original) {
        auto parsed = jsontext::JsonText::parse(*original);
        if (auto *text = std::get_if<jsontext::JsonText>(&parsed)) {
            applyDifference(*text, "", before ? *before : model::Json::object(), after);
            return text->text();
        }
    }
    return jsontext::JsonText::format(after); // a new file, or one that was not valid JSON
}

// Removes the folders left empty by a removal, up to the root.
void pruneEmptyFolders(fs::path folder, const fs::path &root)
{
    std::error_code ec;
    while (folder != root && folder.string().size() > root.string().size() && fs::is_empty(folder, ec) && !ec) {
        fs::remove(folder, ec);
        folder = folder.parent_path();
    }
}

} // namespace

SaveReport saveWorkspace(LoadedWorkspace &loaded, const model::Workspace &edited, const SaveOptions &options)
{
    SaveReport report;
    Snapshot &snapshot = loaded.snapshot;
    const auto before = describeFiles(snapshot.model, {false, &snapshot.legacyFiles});
    const auto after = describeFiles(edited, {options.upgradeLayout, &snapshot.legacyFiles});

    std::map<std::string, const FileSpec *> previous;
    for (const auto &spec : before)
        previous.emplace(spec.path, &spec);
    std::map<std::string, const FileSpec *> next;
    for (const auto &spec : after)
        next.emplace(spec.path, &spec);

    for (const auto &[path, spec] : next) {
        auto old = previous.find(path);
        auto original = snapshot.files.find(path);
        const bool exists = original != snapshot.files.end();
        const bool unchanged = old != previous.end() && old->second->content == spec->content;
        if (unchanged && (exists || !options.upgradeLayout))
            continue;
        const model::Json *oldDocument =
            old != previous.end() ? std::get_if<model::Json>(&old->second->content) : nullptr;
        const std::string text = render(*spec, oldDocument, exists ? &original->second : nullptr);
        if (exists && text == original->second)
            continue;
        if (auto written = writeFileAtomically(loaded.root / path, text); !written) {
            report.problems.push_back({{path}, Severity::Error, written.error().message});
            continue;
        }
        snapshot.files[path] = text;
        report.written.push_back(path);
    }

    auto remove = [&](const std::string &path) {
        std::error_code ec;
        if (fs::remove(loaded.root / path, ec) || !fs::exists(loaded.root / path)) {
            snapshot.files.erase(path);
            snapshot.legacyFiles.erase(path);
            report.removed.push_back(path);
            pruneEmptyFolders((loaded.root / path).parent_path(), loaded.root);
        } else {
            report.problems.push_back({{path}, Severity::Error, "cannot be removed: " + ec.message()});
        }
    };
    for (const auto &[path, spec] : previous) {
        if (!next.count(path) && snapshot.files.count(path))
            remove(path);
    }
    if (options.upgradeLayout) {
        const std::set<std::string> legacy = snapshot.legacyFiles;
        for (const auto &path : legacy) {
            if (!next.count(path))
                remove(path);
        }
    }

    snapshot.model = edited;
    loaded.workspace = edited;
    return report;
}

SaveReport saveWorkspaceAs(const LoadedWorkspace &loaded, const model::Workspace &edited, const fs::path &target,
                           const SaveOptions &options)
{
    SaveReport report;
    std::error_code ec;
    fs::create_directories(target, ec);
    if (!ec)
        fs::copy(loaded.root, target, fs::copy_options::recursive | fs::copy_options::overwrite_existing, ec);
    if (ec) {
        report.problems.push_back({{target.string()}, Severity::Error, "cannot copy the workspace: " + ec.message()});
        return report;
    }
    LoadedWorkspace copy = loaded;
    copy.root = target;
    return saveWorkspace(copy, edited, options);
}

} // namespace gw::store
