#include "workspace_commands.h"

#include "arguments.h"

#include <openapi/openapi.h>
#include <policy/compiler.h>
#include <store/atomic_file.h>
#include <store/workspace_store.h>

#include <nlohmann/json.hpp>

#include <iostream>
#include <map>
#include <optional>

namespace fs = std::filesystem;

namespace gw::app {

namespace {

int usageError(const std::string &message)
{
    return app::usageError(message, commandsUsage());
}

// A diagnostic's file as a path the user can open: the root joined with the relative path.
std::string displayPath(const fs::path &root, const std::string &file)
{
    if (file.empty() || root.empty())
        return file;
    const fs::path full = fs::path(file).is_absolute() ? fs::path(file) : root / file;
    std::error_code ec;
    const fs::path relative = fs::relative(full, fs::current_path(ec), ec);
    return (!ec && !relative.empty() && !relative.string().starts_with("..")) ? relative.string() : full.string();
}

void printDiagnostics(const store::LoadedWorkspace &loaded, const std::string &style)
{
    if (style == "json") {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const Diagnostic &d : loaded.diagnostics) {
            list.push_back({{"file", displayPath(loaded.root, d.location.file)},
                            {"line", d.location.line},
                            {"column", d.location.column},
                            {"pointer", d.location.pointer},
                            {"severity", toString(d.severity)},
                            {"message", d.message}});
        }
        std::cout << list.dump(2) << '\n';
        return;
    }
    for (Diagnostic d : loaded.diagnostics) {
        d.location.file = displayPath(loaded.root, d.location.file);
        std::cout << format(d) << '\n';
    }
}

std::size_t count(const Diagnostics &diagnostics, Severity severity)
{
    return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                                  [&](const Diagnostic &d) { return d.severity == severity; }));
}

void printSave(const store::SaveReport &report)
{
    for (const auto &path : report.written)
        std::cout << "wrote " << path << '\n';
    for (const auto &path : report.removed)
        std::cout << "removed " << path << '\n';
    for (const auto &problem : report.problems)
        std::cerr << format(problem) << '\n';
}

} // namespace

std::string commandsUsage()
{
    return "Workspace commands:\n"
           "  gatehouse-gateway check --workspace DIR [--environment ENV] [--format text|json]\n"
           "      load and validate the workspace; print file:line:col: severity: message; exit 1 on errors\n"
           "  gatehouse-gateway rewrite --workspace DIR [--out DIR2]\n"
           "      load and write the workspace back (v5/v6 folders are upgraded to the v7 layout);\n"
           "      an unchanged v7 folder is written byte for byte\n"
           "  gatehouse-gateway openapi import FILE --workspace DIR --api NAME [--path P]\n"
           "      create or update API NAME from an OpenAPI 2.0/3.0/3.1 document (JSON or YAML)\n"
           "  gatehouse-gateway openapi export --workspace DIR --api NAME [--format json|yaml] --out FILE\n"
           "      write the API's operations as an OpenAPI 3.0 document\n";
}

int runCheck(const std::vector<std::string> &arguments)
{
    const Arguments options = Arguments::parse(
        arguments, {{"--workspace", "a folder"}, {"--environment", "a name"}, {"--format", "text or json"}});
    if (!options.error.empty())
        return usageError(options.error);
    if (!options.has("--workspace") || !options.positional.empty())
        return usageError("check needs --workspace DIR");
    const std::string format = options.get("--format", "text");
    if (format != "text" && format != "json")
        return usageError("--format is text or json");

    auto loaded = store::readWorkspace(options.get("--workspace"), {options.get("--environment")});
    if (!loaded.root.empty()) {
        for (auto &diagnostic : policy::compilePolicies(loaded.workspace).diagnostics)
            loaded.diagnostics.push_back(std::move(diagnostic));
    }
    printDiagnostics(loaded, format);
    const std::size_t errors = count(loaded.diagnostics, Severity::Error);
    std::cerr << errors << " error(s), " << count(loaded.diagnostics, Severity::Warning) << " warning(s)\n";
    return errors > 0 ? 1 : 0;
}

int runRewrite(const std::vector<std::string> &arguments)
{
    const Arguments options = Arguments::parse(arguments, {{"--workspace", "a folder"}, {"--out", "a folder"}});
    if (!options.error.empty())
        return usageError(options.error);
    if (!options.has("--workspace") || !options.positional.empty())
        return usageError("rewrite needs --workspace DIR");
    auto loaded = store::readWorkspace(options.get("--workspace"));
    if (loaded.root.empty()) {
        printDiagnostics(loaded, "text");
        return 1;
    }
    const store::SaveOptions save{.upgradeLayout = loaded.isLegacyLayout()};
    const auto report = options.has("--out")
                            ? store::saveWorkspaceAs(loaded, loaded.workspace, options.get("--out"), save)
                            : store::saveWorkspace(loaded, model::Workspace(loaded.workspace), save);
    printSave(report);
    std::cerr << report.written.size() << " file(s) written, " << report.removed.size() << " removed"
              << (save.upgradeLayout ? " (upgraded to the v7 layout)" : "") << '\n';
    return report.ok() ? 0 : 1;
}

int runOpenApi(const std::vector<std::string> &arguments)
{
    if (arguments.empty())
        return usageError("openapi needs import or export");
    const std::string verb = arguments.front();
    const std::vector<std::string> rest(arguments.begin() + 1, arguments.end());

    if (verb == "import") {
        const Arguments options =
            Arguments::parse(rest, {{"--workspace", "a folder"}, {"--api", "a name"}, {"--path", "a path"}});
        if (!options.error.empty())
            return usageError(options.error);
        if (options.positional.size() != 1 || !options.has("--workspace") || !options.has("--api"))
            return usageError("openapi import needs FILE --workspace DIR --api NAME");
        const fs::path file = options.positional.front();
        const auto text = readFile(file);
        if (!text) {
            std::cerr << "gatehouse-gateway: cannot read " << file.string() << '\n';
            return 1;
        }
        auto imported = openapi::importText(*text, file.string(), file.parent_path());
        for (const auto &d : imported.diagnostics)
            std::cerr << format(d) << '\n';
        if (hasErrors(imported.diagnostics))
            return 1;

        const fs::path folder = options.get("--workspace");
        std::error_code ec;
        fs::create_directories(folder, ec);
        auto loaded = store::readWorkspace(folder);
        if (loaded.root.empty()) { // a new, empty workspace
            loaded = {};
            loaded.root = fs::absolute(folder);
        }
        model::Workspace edited = loaded.workspace;
        const std::string name = options.get("--api");
        auto it = std::find_if(edited.apis.begin(), edited.apis.end(),
                               [&](const model::Api &api) { return api.name == name; });
        if (it == edited.apis.end()) {
            model::Api api;
            api.name = name;
            api.path = options.get("--path", name);
            api.apiRevision.emplace(1, '1');
            api.displayName = imported.contract.title.empty() ? name : imported.contract.title;
            api.isCurrent = true;
            api.protocols = std::vector<std::string>{"https"};
            if (!imported.contract.servers.empty())
                api.serviceUrl = imported.contract.servers.front();
            api.subscriptionRequired = true;
            edited.apis.push_back(std::move(api));
            it = edited.apis.end() - 1;
        } else if (options.has("--path")) {
            it->path = options.get("--path");
        }
        const std::string extension = file.extension() == ".json" ? "json" : "yaml";
        it->specificationFormat = extension;
        it->specificationText = *text;
        it->contract = std::move(imported.contract);
        const auto report = store::saveWorkspace(loaded, edited);
        printSave(report);
        std::cerr << "API '" << name << "': " << it->contract.operations.size() << " operation(s)\n";
        return report.ok() ? 0 : 1;
    }

    if (verb == "export") {
        const Arguments options = Arguments::parse(
            rest,
            {{"--workspace", "a folder"}, {"--api", "a name"}, {"--format", "json or yaml"}, {"--out", "a file"}});
        if (!options.error.empty())
            return usageError(options.error);
        if (!options.has("--workspace") || !options.has("--api") || !options.has("--out") ||
            !options.positional.empty())
            return usageError("openapi export needs --workspace DIR --api NAME --out FILE");
        const std::string format = options.get("--format", "yaml");
        if (format != "json" && format != "yaml")
            return usageError("--format is json or yaml");
        const auto loaded = store::readWorkspace(options.get("--workspace"));
        const model::Api *api = loaded.workspace.findApi(options.get("--api"));
        if (!api) {
            std::cerr << "gatehouse-gateway: no API '" << options.get("--api") << "' in the workspace\n";
            return 1;
        }
        const std::string document =
            openapi::exportContract(api->contract, format == "json" ? openapi::Format::Json : openapi::Format::Yaml);
        if (auto written = store::writeFileAtomically(options.get("--out"), document); !written) {
            std::cerr << "gatehouse-gateway: " << written.error().message << '\n';
            return 1;
        }
        std::cerr << "wrote " << api->contract.operations.size() << " operation(s) to " << options.get("--out") << '\n';
        return 0;
    }
    return usageError("openapi needs import or export, not '" + verb + "'");
}

} // namespace gw::app
