#include "policy_commands.h"

#include "arguments.h"

#include <engine/scenario.h>
#include <policy/compiler.h>
#include <store/atomic_file.h>
#include <store/workspace_store.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;

namespace gw::app {

namespace {

int usageError(const std::string &message)
{
    return app::usageError(message, policyCommandsUsage());
}

// Where a policy file stands in an APIOps folder tells its scope.
policy::DocumentKind kindFromPath(const fs::path &file)
{
    const std::string path = fs::absolute(file).lexically_normal().generic_string();
    if (path.find("/policy fragments/") != std::string::npos)
        return policy::DocumentKind::Fragment;
    if (path.find("/operations/") != std::string::npos)
        return policy::DocumentKind::Operation;
    if (path.find("/products/") != std::string::npos)
        return policy::DocumentKind::Product;
    if (path.find("/apis/") != std::string::npos)
        return policy::DocumentKind::Api;
    return policy::DocumentKind::Global;
}

std::string xmlEscape(const std::string &text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// Case files: the files given, and the *.case files under the folders given, sorted.
std::vector<fs::path> caseFiles(const std::vector<std::string> &given)
{
    std::vector<fs::path> files;
    for (const std::string &word : given) {
        std::error_code ec;
        if (fs::is_directory(word, ec)) {
            std::vector<fs::path> found;
            for (const auto &entry : fs::recursive_directory_iterator(word, ec)) {
                if (entry.is_regular_file() && entry.path().extension() == ".case")
                    found.push_back(entry.path());
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.emplace_back(word);
        }
    }
    return files;
}

} // namespace

std::string policyCommandsUsage()
{
    return "Policy commands:\n"
           "  gatehouse-gateway check-policy FILE... [--scope global|product|api|operation|fragment]\n"
           "                                 [--workspace DIR]\n"
           "      compile policy documents on their own (the scope is read from the path when not given);\n"
           "      print file:line:col: severity: message; exit 1 on errors\n"
           "  gatehouse-gateway test [--workspace DIR] [--environment ENV] [--junit FILE] CASE|DIR...\n"
           "      run policy test cases (*.case, see the README) through the gateway's pipeline without\n"
           "      network; one line per case and a summary; exit 1 when a case fails\n";
}

int runCheckPolicy(const std::vector<std::string> &arguments)
{
    const Arguments options = Arguments::parse(arguments, {{"--scope", "global, product, api, operation or fragment"},
                                                           {"--workspace", "a folder"},
                                                           {"--environment", "a name"}});
    if (!options.error.empty())
        return usageError(options.error);
    if (options.positional.empty())
        return usageError("check-policy needs at least one policy file");
    std::optional<policy::DocumentKind> kind;
    if (options.has("--scope")) {
        static const std::map<std::string, policy::DocumentKind> kinds{{"global", policy::DocumentKind::Global},
                                                                       {"product", policy::DocumentKind::Product},
                                                                       {"api", policy::DocumentKind::Api},
                                                                       {"operation", policy::DocumentKind::Operation},
                                                                       {"fragment", policy::DocumentKind::Fragment}};
        const auto found = kinds.find(options.get("--scope"));
        if (found == kinds.end())
            return usageError("--scope is global, product, api, operation or fragment");
        kind = found->second;
    }
    std::optional<store::LoadedWorkspace> loaded;
    if (options.has("--workspace")) {
        loaded = store::readWorkspace(options.get("--workspace"), {options.get("--environment")});
        if (loaded->root.empty()) {
            std::cerr << "gatehouse-gateway: " << options.get("--workspace") << " is not a workspace\n";
            return 1;
        }
    }
    std::size_t errors = 0, warnings = 0;
    for (const std::string &file : options.positional) {
        const auto text = readFile(file);
        if (!text) {
            std::cerr << file << ": error: cannot read the file\n";
            ++errors;
            continue;
        }
        Diagnostics diagnostics;
        policy::ParseResult parsed = policy::parseDocument(*text, file, {.anyRoot = true});
        diagnostics = std::move(parsed.diagnostics);
        if (parsed.document) {
            for (auto &d : policy::checkPolicyDocument(*parsed.document, kind.value_or(kindFromPath(file)),
                                                       loaded ? &loaded->workspace : nullptr))
                diagnostics.push_back(std::move(d));
        }
        for (const Diagnostic &d : diagnostics) {
            std::cout << format(d) << '\n';
            errors += d.severity == Severity::Error;
            warnings += d.severity == Severity::Warning;
        }
    }
    std::cerr << errors << " error(s), " << warnings << " warning(s)\n";
    return errors > 0 ? 1 : 0;
}

int runTest(const std::vector<std::string> &arguments)
{
    const Arguments options =
        Arguments::parse(arguments, {{"--workspace", "a folder"}, {"--environment", "a name"}, {"--junit", "a file"}});
    if (!options.error.empty())
        return usageError(options.error);
    if (options.positional.empty())
        return usageError("test needs at least one case file or folder");

    std::shared_ptr<const engine::CompiledConfig> config;
    if (options.has("--workspace")) {
        auto loaded = store::readWorkspace(options.get("--workspace"), {options.get("--environment")});
        if (loaded.root.empty()) {
            std::cerr << "gatehouse-gateway: " << options.get("--workspace") << " is not a workspace\n";
            return 1;
        }
        engine::Compiled compiled = engine::compile(std::move(loaded.workspace), std::move(loaded.diagnostics));
        if (!compiled.config) {
            for (const Diagnostic &d : compiled.diagnostics) {
                if (d.severity == Severity::Error)
                    std::cerr << format(d) << '\n';
            }
            std::cerr << "gatehouse-gateway: the workspace has errors; no case ran\n";
            return 1;
        }
        config = std::move(compiled.config);
    }

    std::size_t passed = 0, failed = 0;
    std::ostringstream junit;
    for (const fs::path &file : caseFiles(options.positional)) {
        const auto started = std::chrono::steady_clock::now();
        std::vector<std::string> failures;
        std::string name = file.stem().string();
        const auto text = readFile(file);
        if (!text) {
            failures.push_back("cannot read the file");
        } else if (auto scenario = engine::Scenario::parse(*text, file.generic_string()); !scenario) {
            failures.push_back(scenario.error().message);
        } else {
            name = scenario->name;
            failures = engine::runScenario(scenario.value(), config).failures;
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        junit << "  <testcase classname=\"" << xmlEscape(file.parent_path().generic_string()) << "\" name=\""
              << xmlEscape(name) << "\" time=\"" << seconds << "\"";
        if (failures.empty()) {
            ++passed;
            std::cout << "PASS " << file.generic_string() << '\n';
            junit << "/>\n";
        } else {
            ++failed;
            std::cout << "FAIL " << file.generic_string() << '\n';
            std::string all;
            for (const std::string &failure : failures) {
                std::cout << "    " << failure << '\n';
                all += failure + "\n";
            }
            junit << ">\n    <failure message=\"" << xmlEscape(failures.front()) << "\">" << xmlEscape(all)
                  << "</failure>\n  </testcase>\n";
        }
    }
    std::cout << passed << " passed, " << failed << " failed\n";
    if (options.has("--junit")) {
        const std::string document =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"gatehouse\" tests=\"" +
            std::to_string(passed + failed) + "\" failures=\"" + std::to_string(failed) + "\">\n" + junit.str() +
            "</testsuite>\n";
        if (auto written = store::writeFileAtomically(options.get("--junit"), document); !written) {
            std::cerr << "gatehouse-gateway: " << written.error().message << '\n';
            return 1;
        }
    }
    return failed > 0 ? 1 : 0;
}

} // namespace gw::app
