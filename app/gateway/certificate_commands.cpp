#include "certificate_commands.h"

#include "arguments.h"

#include <certificates/store.h>
#include <engine/engine.h>

#include <ctime>
#include <iostream>

namespace gw::app {

namespace {

int usageError(const std::string &message)
{
    return app::usageError(message, certificateCommandsUsage());
}

// The store the gateway serving `--workspace` reads (the same state folder as `serve`).
std::filesystem::path storeFolder(const Arguments &options)
{
    const std::filesystem::path state = options.has("--state-dir")
                                            ? std::filesystem::path(options.get("--state-dir"))
                                            : engine::defaultStateDirectory(options.get("--workspace"));
    return state / "certificates";
}

std::string date(std::chrono::system_clock::time_point time)
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d", &parts);
    return text;
}

} // namespace

std::string certificateCommandsUsage()
{
    return "  certificates import FILE --id ID --workspace DIR [--password P] [--state-dir DIR]\n"
           "                        add a PEM or PKCS#12 (PFX) certificate to the gateway's certificate store\n"
           "  certificates list --workspace DIR [--state-dir DIR]\n"
           "                        id, thumbprint, subject and expiry of every certificate of the store\n";
}

int runCertificates(const std::vector<std::string> &arguments)
{
    if (arguments.empty())
        return usageError("certificates needs import or list");
    const std::string verb = arguments.front();
    const std::vector<std::string> rest(arguments.begin() + 1, arguments.end());
    const Arguments options = Arguments::parse(
        rest, {{"--workspace", "a folder"}, {"--state-dir", "a folder"}, {"--id", "a name"}, {"--password", "a text"}});
    if (!options.error.empty())
        return usageError(options.error);
    if (!options.has("--workspace") && !options.has("--state-dir"))
        return usageError("certificates " + verb + " needs --workspace DIR (or --state-dir DIR)");
    const std::filesystem::path folder = storeFolder(options);
    if (verb == "import") {
        if (options.positional.size() != 1 || !options.has("--id"))
            return usageError("certificates import needs FILE --id ID");
        auto imported = certificates::Store::import(folder, options.get("--id"), options.positional.front(),
                                                    options.get("--password"));
        if (!imported) {
            std::cerr << "gatehouse-gateway: " << imported.error().message << '\n';
            return 1;
        }
        std::cout << imported->id << '\t' << imported->thumbprint << '\t' << imported->subject
                  << (imported->hasPrivateKey() ? "" : "\t(no private key)") << '\n';
        return 0;
    }
    if (verb == "list") {
        certificates::Store store(folder);
        for (const std::string &problem : store.reload())
            std::cerr << problem << '\n';
        for (const auto &certificate : store.all())
            std::cout << certificate->id << '\t' << certificate->thumbprint << '\t' << certificate->subject
                      << "\tuntil " << date(certificate->notAfter) << '\n';
        return 0;
    }
    return usageError("certificates needs import or list, not '" + verb + "'");
}

} // namespace gw::app
