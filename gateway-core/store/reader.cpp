#include "codec.h"
#include "overrides.h"
#include "workspace_store.h"

#include <jsontext/json_text.h>
#include <model/paths.h>
#include <model/validation.h>
#include <openapi/openapi.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;

namespace gw::store {

namespace {

constexpr std::array kRootMarkers = {
    "policy.xml", "apis",   "products",      "named values", "backends",    "version sets", "policy fragments",
    "tags",       "groups", "subscriptions", "loggers",      "diagnostics", "gateways",     "workspaces",
};

// When several specification files exist, the publisher uses the first of these.
constexpr std::array kSpecificationOrder = {"graphql", "wsdl", "wadl", "json", "yaml"};

bool isArtifactsRoot(const fs::path &folder)
{
    std::error_code ec;
    return std::any_of(kRootMarkers.begin(), kRootMarkers.end(),
                       [&](const char *marker) { return fs::exists(folder / marker, ec); });
}

std::vector<std::string> split(const std::string &path)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t slash = path.find('/', start);
        parts.push_back(path.substr(start, slash - start));
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    return parts;
}

template<typename T>
T &entity(std::vector<T> &items, const std::string &name)
{
    auto it = std::find_if(items.begin(), items.end(), [&](const T &item) { return item.name == name; });
    if (it != items.end())
        return *it;
    T &created = items.emplace_back();
    created.name = name;
    return created;
}

template<typename T>
void addLink(std::vector<T> &links, T link)
{
    auto same = [&](const T &other) {
        if constexpr (std::is_same_v<T, model::Link>)
            return other.target == link.target;
        else
            return other.group == link.group;
    };
    if (std::none_of(links.begin(), links.end(), same))
        links.push_back(std::move(link));
}

class Reader {
public:
    Reader(LoadedWorkspace &out, const LoadOptions &options) : m_out(out), m_options(options) {}

    void read()
    {
        if (!m_options.environment.empty()) {
            const fs::path file = m_out.repository / ("configuration." + m_options.environment + ".yaml");
            if (fs::exists(file))
                m_overrides = Overrides::load(file, m_out.diagnostics);
            else
                report(file.filename().string(), 0, 0,
                       "no override file for environment '" + m_options.environment + "' beside the workspace");
        }

        std::vector<std::string> files;
        std::error_code ec;
        for (auto it = fs::recursive_directory_iterator(m_out.root, ec); !ec && it != fs::end(it); it.increment(ec)) {
            if (it->is_regular_file(ec))
                files.push_back(fs::relative(it->path(), m_out.root).generic_string());
        }
        std::sort(files.begin(), files.end());

        // Information files first, so that links, policies and specifications find their entity.
        std::stable_partition(files.begin(), files.end(), [](const std::string &path) {
            return path.ends_with("Information.json") && !path.ends_with("productApiInformation.json") &&
                   !path.ends_with("productGroupInformation.json") && !path.ends_with("tagApiInformation.json") &&
                   !path.ends_with("tagProductInformation.json") && !path.ends_with("gatewayApiInformation.json");
        });
        for (const std::string &path : files)
            classify(path);
        finishApis(m_out.workspace, "");
        for (auto &ws : m_out.workspace.workspaces)
            finishApis(ws, model::paths::workspace(ws.name));
        m_out.snapshot.model = m_out.workspace;
    }

private:
    void report(std::string file, int line, int column, std::string message, Severity severity = Severity::Error)
    {
        m_out.diagnostics.push_back({{std::move(file), line, column}, severity, std::move(message)});
    }

    std::optional<std::string> text(const std::string &path)
    {
        std::ifstream in(m_out.root / path, std::ios::binary);
        if (!in) {
            report(path, 0, 0, "cannot be read");
            return std::nullopt;
        }
        std::ostringstream buffer;
        buffer << in.rdbuf();
        m_out.snapshot.files[path] = buffer.str();
        return buffer.str();
    }

    // The document of an information file with the environment's overrides merged in.
    std::optional<model::Json> json(const std::string &path, const std::vector<std::string> &overridePath = {},
                                    std::initializer_list<std::string_view> ignored = {})
    {
        auto content = text(path);
        if (!content)
            return std::nullopt;
        auto parsed = jsontext::JsonText::parse(*content);
        if (auto *error = std::get_if<jsontext::ParseError>(&parsed)) {
            report(path, error->line, error->column, "invalid JSON: " + error->message);
            return std::nullopt;
        }
        model::Json document = std::get<jsontext::JsonText>(parsed).value();
        if (!overridePath.empty() && !m_overrides.empty())
            m_overrides.apply(overridePath, document, ignored);
        return document;
    }

    std::optional<model::PolicyText> policy(const std::string &path, const std::vector<std::string> &overridePath)
    {
        auto content = text(path);
        if (!content)
            return std::nullopt;
        if (!m_overrides.empty()) {
            const model::Json *item = m_overrides.find(overridePath);
            if (item && item->contains("properties") && (*item)["properties"].contains("value") &&
                (*item)["properties"]["value"].is_string())
                return model::PolicyText{(*item)["properties"]["value"].get<std::string>()};
        }
        return model::PolicyText{*content};
    }

    template<typename T>
    void decodeInto(T &target, const std::string &path, std::vector<std::string> overridePath,
                    std::initializer_list<std::string_view> ignored = {})
    {
        if (auto document = json(path, overridePath, ignored))
            decode(*document, target, {path, &m_out.diagnostics});
    }

    // A legacy array of {"name": ...} items (v5 apis.json, groups.json, tags.json).
    std::vector<std::string> names(const std::string &path)
    {
        std::vector<std::string> result;
        auto document = json(path);
        if (!document)
            return result;
        if (!document->is_array()) {
            report(path, 1, 1, "must be an array of {\"name\": ...} objects");
            return result;
        }
        for (const model::Json &item : *document) {
            if (item.is_object() && item.contains("name") && item["name"].is_string())
                result.push_back(item["name"].get<std::string>());
        }
        m_out.snapshot.legacyFiles.insert(path);
        return result;
    }

    model::Entities &scopeEntities(const std::string &workspace)
    {
        return workspace.empty() ? static_cast<model::Entities &>(m_out.workspace)
                                 : entity(m_out.workspace.workspaces, workspace);
    }

    void classify(const std::string &path)
    {
        std::vector<std::string> p = split(path);
        std::string ws;
        std::vector<std::string> overrideBase;
        if (p.size() >= 3 && p[0] == "workspaces") {
            ws = p[1];
            overrideBase = {"workspaces", ws};
            p.erase(p.begin(), p.begin() + 2);
        }
        const std::string scope = ws.empty() ? std::string() : model::paths::workspace(ws);
        auto over = [&](std::vector<std::string> tail) {
            std::vector<std::string> full = overrideBase;
            full.insert(full.end(), tail.begin(), tail.end());
            return full;
        };
        model::Entities &e = scopeEntities(ws);
        const std::size_t n = p.size();

        if (ws.empty() && n == 1 && p[0] == "policy.xml") {
            m_out.workspace.policy = policy(path, {"policies", "policy"});
        } else if (p[0] == "apis" && n >= 3) {
            classifyApi(path, p, scope, e, over);
        } else if (p[0] == "version sets" && n == 3 && p[2] == "versionSetInformation.json") {
            decodeInto(entity(e.versionSets, p[1]), path, over({"versionSets", p[1]}));
        } else if (p[0] == "version sets" && n == 3 && p[2] == "apiVersionSetInformation.json") {
            m_out.snapshot.legacyFiles.insert(path);
            decodeInto(entity(e.versionSets, p[1]), path, over({"versionSets", p[1]}));
        } else if (p[0] == "products" && n >= 3) {
            classifyProduct(path, p, e, over);
        } else if (p[0] == "groups" && n == 3 && p[2] == "groupInformation.json") {
            decodeInto(entity(e.groups, p[1]), path, over({"groups", p[1]}));
        } else if (p[0] == "subscriptions" && n == 3 && p[2] == "subscriptionInformation.json") {
            decodeInto(entity(e.subscriptions, p[1]), path, over({"subscriptions", p[1]}));
        } else if (p[0] == "named values" && n == 3 && p[2] == "namedValueInformation.json") {
            decodeInto(entity(e.namedValues, p[1]), path, over({"namedValues", p[1]}));
        } else if (p[0] == "backends" && n == 3 && p[2] == "backendInformation.json") {
            decodeInto(entity(e.backends, p[1]), path, over({"backends", p[1]}));
        } else if (p[0] == "policy fragments" && n == 3 && p[2] == "policyFragmentInformation.json") {
            decodeInto(entity(e.policyFragments, p[1]), path, over({"policyFragments", p[1]}));
        } else if (p[0] == "policy fragments" && n == 3 && p[2] == "policy.xml") {
            entity(e.policyFragments, p[1]).policy = policy(path, over({"policyFragments", p[1]}));
        } else if (p[0] == "tags" && n >= 3) {
            classifyTag(path, p, e, over);
        } else if (p[0] == "loggers" && n == 3 && p[2] == "loggerInformation.json") {
            decodeInto(entity(e.loggers, p[1]), path, over({"loggers", p[1]}));
        } else if (p[0] == "diagnostics" && n == 3 && p[2] == "diagnosticInformation.json") {
            decodeInto(entity(e.diagnostics, p[1]), path, over({"diagnostics", p[1]}));
        } else if (ws.empty() && p[0] == "gateways" && n >= 3) {
            model::Gateway &gateway = entity(m_out.workspace.gateways, p[1]);
            if (n == 3 && p[2] == "gatewayInformation.json") {
                decodeInto(gateway, path, {"gateways", p[1]});
            } else if (n == 5 && p[2] == "apis" && p[4] == "gatewayApiInformation.json") {
                if (json(path) && std::find(gateway.apis.begin(), gateway.apis.end(), p[3]) == gateway.apis.end())
                    gateway.apis.push_back(p[3]);
            } else if (n == 3 && p[2] == "apis.json") {
                for (const std::string &api : names(path)) {
                    if (std::find(gateway.apis.begin(), gateway.apis.end(), api) == gateway.apis.end())
                        gateway.apis.push_back(api);
                }
            }
        }
        // Anything else is not ours: left alone, byte for byte.
    }

    template<typename Over>
    void classifyApi(const std::string &path, const std::vector<std::string> &p, const std::string &scope,
                     model::Entities &e, Over over)
    {
        const std::size_t n = p.size();
        const std::string &name = p[1];
        model::Api &api = entity(e.apis, name);
        if (n == 3 && p[2] == "apiInformation.json") {
            // apiRevision and isCurrent in an override are ignored (section 5).
            decodeInto(api, path, over({"apis", name}), {"apiRevision", "isCurrent"});
        } else if (n == 3 && p[2].starts_with("specification.")) {
            const std::string extension = p[2].substr(std::string("specification.").size());
            if (std::find(kSpecificationOrder.begin(), kSpecificationOrder.end(), extension) ==
                kSpecificationOrder.end())
                return;
            auto content = text(path);
            if (!content)
                return;
            m_specifications[scope + name].emplace_back(extension, *content);
        } else if (n == 3 && p[2] == "policy.xml") {
            api.policy = policy(path, over({"apis", name, "policies", "policy"}));
        } else if (n == 5 && p[2] == "operations" && p[4] == "policy.xml") {
            if (auto text = policy(path, over({"apis", name, "operations", p[3], "policies", "policy"})))
                api.operationPolicies.push_back({p[3], std::move(*text)});
        } else if (n == 5 && p[2] == "diagnostics" && p[4] == "diagnosticInformation.json") {
            model::DiagnosticSetting &setting = entity(api.diagnostics, p[3]);
            decodeInto(setting, path, over({"apis", name, "diagnostics", p[3]}));
        } else if (n == 5 && p[2] == "releases" && p[4] == "apiReleaseInformation.json") {
            decodeInto(entity(api.releases, p[3]), path, over({"apis", name, "releases", p[3]}));
        } else if (n == 5 && p[2] == "tags" && p[4] == "apiTagInformation.json") {
            if (json(path)) {
                m_out.snapshot.legacyFiles.insert(path);
                addLink(entity(e.tags, p[3]).apis, model::Link{api.rootName()});
            }
        } else if (n == 3 && p[2] == "tags.json") {
            for (const std::string &tag : names(path))
                addLink(entity(e.tags, tag).apis, model::Link{api.rootName()});
        }
    }

    template<typename Over>
    void classifyProduct(const std::string &path, const std::vector<std::string> &p, model::Entities &e, Over over)
    {
        const std::size_t n = p.size();
        model::Product &product = entity(e.products, p[1]);
        if (n == 3 && p[2] == "productInformation.json") {
            decodeInto(product, path, over({"products", p[1]}));
        } else if (n == 3 && p[2] == "policy.xml") {
            product.policy = policy(path, over({"products", p[1], "policies", "policy"}));
        } else if (n == 5 && p[2] == "apis" && p[4] == "productApiInformation.json") {
            model::Link link{p[3]};
            decodeInto(link, path, {});
            addLink(product.apis, std::move(link));
        } else if (n == 5 && p[2] == "groups" && p[4] == "productGroupInformation.json") {
            model::ProductGroupLink link{p[3]};
            decodeInto(link, path, {});
            if (link.groupId && model::lastSegment(*link.groupId) != p[3])
                report(path, 0, 0,
                       "groupId " + *link.groupId + " does not name the folder's group '" + p[3] +
                           "'; the publisher ignores this link",
                       Severity::Warning);
            addLink(product.groups, std::move(link));
        } else if (n == 3 && p[2] == "apis.json") {
            for (const std::string &api : names(path))
                addLink(product.apis, model::Link{api});
        } else if (n == 3 && p[2] == "groups.json") {
            for (const std::string &group : names(path))
                addLink(product.groups, model::ProductGroupLink{group});
        } else if (n == 3 && p[2] == "tags.json") {
            for (const std::string &tag : names(path))
                addLink(entity(e.tags, tag).products, model::Link{p[1]});
        } else if (n == 5 && p[2] == "tags" && p[4] == "productTagInformation.json") {
            if (json(path)) {
                m_out.snapshot.legacyFiles.insert(path);
                addLink(entity(e.tags, p[3]).products, model::Link{p[1]});
            }
        }
    }

    template<typename Over>
    void classifyTag(const std::string &path, const std::vector<std::string> &p, model::Entities &e, Over over)
    {
        const std::size_t n = p.size();
        model::Tag &tag = entity(e.tags, p[1]);
        if (n == 3 && p[2] == "tagInformation.json") {
            decodeInto(tag, path, over({"tags", p[1]}));
        } else if (n == 5 && p[2] == "apis" && p[4] == "tagApiInformation.json") {
            model::Link link{p[3]};
            decodeInto(link, path, {});
            addLink(tag.apis, std::move(link));
        } else if (n == 5 && p[2] == "products" && p[4] == "tagProductInformation.json") {
            model::Link link{p[3]};
            decodeInto(link, path, {});
            addLink(tag.products, std::move(link));
        }
    }

    // The specification of each API: the publisher's choice among several files, read as OpenAPI.
    // Parsing YAML is most of a load's time, so the documents are imported on every core.
    void finishApis(model::Entities &e, const std::string &scope)
    {
        struct Import {
            model::Api *api;
            std::string file;
            openapi::ImportResult result;
        };
        std::vector<Import> imports;
        for (model::Api &api : e.apis) {
            auto found = m_specifications.find(scope + api.name);
            if (found == m_specifications.end())
                continue;
            auto &candidates = found->second;
            std::sort(candidates.begin(), candidates.end(), [](const auto &a, const auto &b) {
                auto rank = [](const std::string &ext) {
                    return std::find(kSpecificationOrder.begin(), kSpecificationOrder.end(), ext) -
                           kSpecificationOrder.begin();
                };
                return rank(a.first) < rank(b.first);
            });
            if (candidates.size() > 1)
                report(model::paths::api(scope, api.name), 0, 0,
                       "has " + std::to_string(candidates.size()) +
                           " specification files; the publisher uses specification." + candidates.front().first,
                       Severity::Warning);
            api.specificationFormat = candidates.front().first;
            api.specificationText = candidates.front().second;
            if (*api.specificationFormat == "json" || *api.specificationFormat == "yaml")
                imports.push_back({&api, model::paths::specification(scope, api.name, *api.specificationFormat), {}});
        }

        std::atomic<std::size_t> next = 0;
        auto work = [&] {
            for (std::size_t i = next++; i < imports.size(); i = next++) {
                Import &job = imports[i];
                job.result =
                    openapi::importText(*job.api->specificationText, job.file, (m_out.root / job.file).parent_path());
            }
        };
        const unsigned helpers = std::min<std::size_t>(std::thread::hardware_concurrency(), imports.size() / 8);
        std::vector<std::thread> threads;
        for (unsigned i = 1; i < helpers; ++i)
            threads.emplace_back(work);
        work();
        for (auto &thread : threads)
            thread.join();

        for (Import &job : imports) {
            job.api->contract = std::move(job.result.contract);
            for (auto &diagnostic : job.result.diagnostics)
                m_out.diagnostics.push_back(std::move(diagnostic));
        }
    }

    LoadedWorkspace &m_out;
    const LoadOptions &m_options;
    Overrides m_overrides;
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> m_specifications;
};

// Turns the JSON pointers of diagnostics into lines and columns of the files as read
// (the deepest part of the pointer that exists: the object that lacks a member).
void locatePointers(LoadedWorkspace &out)
{
    std::map<std::string, std::optional<jsontext::JsonText>> parsed;
    for (Diagnostic &diagnostic : out.diagnostics) {
        SourceLocation &at = diagnostic.location;
        if (at.pointer.empty() || at.line > 0)
            continue;
        auto file = out.snapshot.files.find(at.file);
        if (file == out.snapshot.files.end())
            continue;
        auto [it, inserted] = parsed.try_emplace(at.file);
        if (inserted) {
            auto result = jsontext::JsonText::parse(file->second);
            if (auto *text = std::get_if<jsontext::JsonText>(&result))
                it->second = std::move(*text);
        }
        if (!it->second)
            continue;
        for (std::string pointer = at.pointer;; pointer = pointer.substr(0, pointer.rfind('/'))) {
            if (auto position = it->second->position(pointer)) {
                at.line = position->first;
                at.column = position->second;
                break;
            }
            if (pointer.empty())
                break;
        }
    }
}

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
    std::vector<fs::path> children;
    for (const auto &entry : fs::directory_iterator(folder, ec)) {
        if (entry.is_directory(ec))
            children.push_back(entry.path());
    }
    std::sort(children.begin(), children.end());
    for (const auto &child : children) {
        if (isArtifactsRoot(child))
            return child;
    }
    return std::nullopt;
}

LoadedWorkspace readWorkspace(const fs::path &folder, const LoadOptions &options)
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
    out.root = fs::absolute(*root).lexically_normal();
    out.repository = out.root.parent_path();
    Reader(out, options).read();
    for (auto &diagnostic : model::validate(out.workspace))
        out.diagnostics.push_back(std::move(diagnostic));
    locatePointers(out);
    return out;
}

} // namespace gw::store
