#include "workspace_reader.h"

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using nlohmann::json;

namespace gw::store {

namespace {

constexpr std::array kRootMarkers = {
    "policy.xml", "apis",   "products",      "named values", "backends",    "version sets", "policy fragments",
    "tags",       "groups", "subscriptions", "loggers",      "diagnostics", "gateways",     "workspaces",
};

bool isArtifactsRoot(const fs::path &folder)
{
    std::error_code ec;
    return std::any_of(kRootMarkers.begin(), kRootMarkers.end(),
                       [&](const char *marker) { return fs::exists(folder / marker, ec); });
}

// Subfolders of `folder`, sorted by name so that loading is deterministic.
std::vector<fs::path> subfolders(const fs::path &folder)
{
    std::vector<fs::path> result;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(folder, ec)) {
        if (entry.is_directory(ec))
            result.push_back(entry.path());
    }
    std::sort(result.begin(), result.end());
    return result;
}

class Reader {
public:
    explicit Reader(LoadedWorkspace &out) : m_out(out) {}

    void read()
    {
        const fs::path &root = m_out.root;
        m_out.workspace.hasServicePolicy = fs::exists(root / "policy.xml");
        for (const auto &dir : subfolders(root / "apis"))
            readApi(dir);
        for (const auto &dir : subfolders(root / "version sets"))
            readVersionSet(dir);
        for (const auto &dir : subfolders(root / "products"))
            readProduct(dir);
        for (const auto &dir : subfolders(root / "subscriptions"))
            readSubscription(dir);
        for (const auto &dir : subfolders(root / "named values"))
            readNamedValue(dir);
        for (const auto &dir : subfolders(root / "backends"))
            readBackend(dir);
        for (const auto &dir : subfolders(root / "policy fragments"))
            readFragment(dir);
    }

private:
    std::string relative(const fs::path &path) const { return fs::relative(path, m_out.root).generic_string(); }

    void report(const fs::path &file, int line, int column, std::string message, Severity severity = Severity::Error)
    {
        m_out.diagnostics.push_back({{relative(file), line, column}, severity, std::move(message)});
    }

    std::optional<std::string> readText(const fs::path &file)
    {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            report(file, 0, 0, "cannot be read");
            return std::nullopt;
        }
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }

    // The "properties" object of an information file, or nothing when the file is missing or bad.
    std::optional<json> readProperties(const fs::path &file)
    {
        if (!fs::exists(file)) {
            report(file, 0, 0, "is missing");
            return std::nullopt;
        }
        auto text = readText(file);
        if (!text)
            return std::nullopt;
        try {
            json document = json::parse(*text);
            if (!document.is_object()) {
                report(file, 1, 1, "must hold a JSON object");
                return std::nullopt;
            }
            return document.value("properties", json::object());
        } catch (const json::parse_error &error) {
            SourceLocation at = locate(relative(file), *text, error.byte > 0 ? error.byte - 1 : 0);
            m_out.diagnostics.push_back({at, Severity::Error, "invalid JSON: " + std::string(error.what())});
            return std::nullopt;
        }
    }

    static std::string text(const json &object, const char *key)
    {
        auto it = object.find(key);
        return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
    }

    static bool flag(const json &object, const char *key, bool fallback)
    {
        auto it = object.find(key);
        return it != object.end() && it->is_boolean() ? it->get<bool>() : fallback;
    }

    void readApi(const fs::path &dir)
    {
        const fs::path file = dir / "apiInformation.json";
        auto properties = readProperties(file);
        if (!properties)
            return;
        model::Api api;
        api.name = dir.filename().string();
        api.displayName = text(*properties, "displayName");
        api.path = text(*properties, "path");
        api.serviceUrl = text(*properties, "serviceUrl");
        api.isCurrent = flag(*properties, "isCurrent", api.name.find(";rev=") == std::string::npos);
        api.subscriptionRequired = flag(*properties, "subscriptionRequired", true);
        api.versionSetId = text(*properties, "apiVersionSetId");
        api.version = text(*properties, "apiVersion");
        api.hasPolicy = fs::exists(dir / "policy.xml");

        const std::string revision = text(*properties, "apiRevision");
        try {
            std::size_t used = 0;
            api.revision = std::stoi(revision, &used);
            if (used != revision.size())
                throw std::invalid_argument(revision);
        } catch (const std::exception &) {
            report(file, 0, 0, "apiRevision must be an integer written as a string, not \"" + revision + "\"");
        }

        for (const char *name : {"specification.yaml", "specification.json"}) {
            if (fs::exists(dir / name))
                readOperations(dir / name, api);
        }
        m_out.workspace.apis.push_back(std::move(api));
    }

    void readOperations(const fs::path &file, model::Api &api)
    {
        static constexpr std::array kMethods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};
        try {
            YAML::Node document = YAML::LoadFile(file.string());
            YAML::Node paths = document["paths"];
            if (!paths || !paths.IsMap())
                return;
            for (const auto &path : paths) {
                if (!path.second.IsMap())
                    continue;
                for (const char *method : kMethods) {
                    YAML::Node operation = path.second[method];
                    if (!operation || !operation.IsMap())
                        continue;
                    model::Operation op;
                    op.method = method;
                    std::transform(op.method.begin(), op.method.end(), op.method.begin(), ::toupper);
                    op.urlTemplate = path.first.as<std::string>();
                    op.name = operation["operationId"] ? operation["operationId"].as<std::string>() : std::string();
                    op.displayName = operation["summary"] ? operation["summary"].as<std::string>() : op.name;
                    api.operations.push_back(std::move(op));
                }
            }
        } catch (const YAML::Exception &error) {
            report(file, error.mark.line + 1, error.mark.column + 1, "invalid specification: " + error.msg);
        }
    }

    void readVersionSet(const fs::path &dir)
    {
        auto properties = readProperties(dir / "versionSetInformation.json");
        if (!properties)
            return;
        m_out.workspace.versionSets.push_back(
            {dir.filename().string(), text(*properties, "displayName"), text(*properties, "versioningScheme")});
    }

    void readProduct(const fs::path &dir)
    {
        auto properties = readProperties(dir / "productInformation.json");
        if (!properties)
            return;
        model::Product product;
        product.name = dir.filename().string();
        product.displayName = text(*properties, "displayName");
        product.description = text(*properties, "description");
        product.state = text(*properties, "state");
        product.subscriptionRequired = flag(*properties, "subscriptionRequired", true);
        product.hasPolicy = fs::exists(dir / "policy.xml");
        for (const auto &link : subfolders(dir / "apis"))
            product.apis.push_back(link.filename().string());
        m_out.workspace.products.push_back(std::move(product));
    }

    void readSubscription(const fs::path &dir)
    {
        auto properties = readProperties(dir / "subscriptionInformation.json");
        if (!properties)
            return;
        m_out.workspace.subscriptions.push_back({dir.filename().string(), text(*properties, "displayName"),
                                                 text(*properties, "scope"), text(*properties, "state")});
    }

    void readNamedValue(const fs::path &dir)
    {
        auto properties = readProperties(dir / "namedValueInformation.json");
        if (!properties)
            return;
        model::NamedValue value;
        value.name = dir.filename().string();
        value.displayName = text(*properties, "displayName");
        value.secret = flag(*properties, "secret", false);
        if (properties->contains("value") && (*properties)["value"].is_string())
            value.value = (*properties)["value"].get<std::string>();
        m_out.workspace.namedValues.push_back(std::move(value));
    }

    void readBackend(const fs::path &dir)
    {
        auto properties = readProperties(dir / "backendInformation.json");
        if (!properties)
            return;
        m_out.workspace.backends.push_back(
            {dir.filename().string(), text(*properties, "url"), text(*properties, "description")});
    }

    void readFragment(const fs::path &dir)
    {
        auto properties = readProperties(dir / "policyFragmentInformation.json");
        if (!properties)
            return;
        m_out.workspace.policyFragments.push_back({dir.filename().string(), text(*properties, "description")});
    }

    LoadedWorkspace &m_out;
};

} // namespace

std::optional<fs::path> findArtifactsRoot(const fs::path &folder)
{
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        return std::nullopt;
    if (isArtifactsRoot(folder))
        return folder;
    if (isArtifactsRoot(folder / "apimartifacts"))
        return folder / "apimartifacts";
    for (const auto &child : subfolders(folder)) {
        if (isArtifactsRoot(child))
            return child;
    }
    return std::nullopt;
}

LoadedWorkspace readWorkspace(const fs::path &folder)
{
    LoadedWorkspace out;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        out.diagnostics.push_back({{folder.string()}, Severity::Error, "workspace folder does not exist"});
        return out;
    }
    auto root = findArtifactsRoot(folder);
    if (!root) {
        out.diagnostics.push_back(
            {{folder.string()},
             Severity::Error,
             "not an APIOps artifacts folder (no policy.xml, apis/, products/, named values/, ...)"});
        return out;
    }
    out.root = *root;
    Reader(out).read();
    return out;
}

} // namespace gw::store
