#include "command_line.h"

#include "arguments.h"

#include <common/text.h>

#include <algorithm>
#include <charconv>

namespace gw::app {

namespace {

bool parseNumber(const std::string &text, unsigned long max, unsigned long &out)
{
    const char *end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end && out <= max;
}

// HOST:PORT, [V6]:PORT, or :PORT (all interfaces).
bool parseListen(const std::string &text, engine::EngineOptions &options, std::string &error)
{
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) {
        error = "--listen expects HOST:PORT, got '" + text + "'";
        return false;
    }
    std::string host = text.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    unsigned long port = 0;
    if (!parseNumber(text.substr(colon + 1), 65535, port)) {
        error = "--listen: '" + text.substr(colon + 1) + "' is not a port number (0-65535)";
        return false;
    }
    options.host = host.empty() ? "0.0.0.0" : host;
    options.port = static_cast<std::uint16_t>(port);
    return true;
}

} // namespace

std::string usage()
{
    return "Usage: gatehouse-gateway --workspace DIR [--listen HOST:PORT] [options]\n"
           "\n"
           "Serves the APIs of an APIOps workspace folder as an API gateway.\n"
           "\n"
           "Options:\n"
           "  --workspace DIR       the APIOps artifacts folder (or a repository holding one)\n"
           "  --listen HOST:PORT    address to listen on (default 127.0.0.1:8080; port 0 picks a free one)\n"
           "  --environment ENV     apply configuration.ENV.yaml from beside the workspace\n"
           "  --threads N           I/O threads (default: one per core)\n"
           "  --tls-cert FILE       PEM certificate chain: serve HTTPS (TLS 1.2 or later)\n"
           "  --tls-key FILE        PEM private key of the certificate\n"
           "  --access-log FILE|-   write one JSON line per request (- for standard output)\n"
           "  --analytics-db FILE  write every request to an SQLite analytics history (the console opens it\n"
           "                        with Analytics > Open History)\n"
           "  --analytics-retention DAYS  delete history older than that (default 7; 0 keeps everything)\n"
           "  --log-headers NAMES   comma-separated request/response headers to keep in the access log and the\n"
           "                        analytics history (subscription keys are kept as ***)\n"
           "  --state-dir DIR       where quota counters survive restarts (default: a folder per workspace\n"
           "                        under $XDG_STATE_HOME/gatehouse)\n"
           "  --no-watch            do not reload when files of the workspace change\n"
           "  --help                show this help and exit\n"
           "  --version             show the version and exit\n"
           "\n"
           "The health endpoint is GET /status-0123456789abcdef. SIGHUP reloads the workspace (a workspace\n"
           "with errors is refused and the running configuration stays); SIGTERM or SIGINT drains the requests\n"
           "in flight and stops.\n";
}

CommandLine parseCommandLine(const std::vector<std::string> &words)
{
    CommandLine result;
    result.engine.port = 8080;
    const Arguments arguments = Arguments::parse(words, {{"--workspace", "a folder"},
                                                         {"--listen", "HOST:PORT"},
                                                         {"--environment", "a name"},
                                                         {"--threads", "a number from 1 to 1024"},
                                                         {"--tls-cert", "a file"},
                                                         {"--tls-key", "a file"},
                                                         {"--access-log", "a file or -"},
                                                         {"--analytics-db", "a file"},
                                                         {"--analytics-retention", "a number of days"},
                                                         {"--log-headers", "header names, comma-separated"},
                                                         {"--state-dir", "a folder"},
                                                         {"--no-watch"},
                                                         {"--help"},
                                                         {"-h"},
                                                         {"--version"}});
    auto fail = [&](std::string message) {
        result.action = CommandLine::Action::Fail;
        result.error = std::move(message);
        return result;
    };
    if (arguments.has("--help") || arguments.has("-h")) {
        result.action = CommandLine::Action::Help;
        return result;
    }
    if (arguments.has("--version")) {
        result.action = CommandLine::Action::Version;
        return result;
    }
    if (!arguments.error.empty())
        return fail(arguments.error);
    if (!arguments.positional.empty())
        return fail("unknown argument '" + arguments.positional.front() + "'");
    if (!arguments.has("--workspace"))
        return fail("--workspace DIR is required");
    result.engine.workspace = arguments.get("--workspace");
    if (arguments.has("--listen")) {
        std::string error;
        if (!parseListen(arguments.get("--listen"), result.engine, error))
            return fail(error);
    }
    if (arguments.has("--threads")) {
        unsigned long threads = 0;
        if (!parseNumber(arguments.get("--threads"), 1024, threads) || threads == 0)
            return fail("--threads needs a number from 1 to 1024");
        result.engine.threads = static_cast<unsigned>(threads);
    }
    result.engine.environment = arguments.get("--environment");
    result.engine.tlsCertificateFile = arguments.get("--tls-cert");
    result.engine.tlsKeyFile = arguments.get("--tls-key");
    result.accessLog = arguments.get("--access-log");
    result.analyticsDb = arguments.get("--analytics-db");
    const std::string headers = arguments.get("--log-headers");
    for (std::string_view rest = headers; !rest.empty();) {
        const std::size_t comma = std::min(rest.find(','), rest.size());
        if (const std::string_view name = trimSpace(rest.substr(0, comma)); !name.empty())
            result.engine.loggedHeaders.emplace_back(name);
        rest.remove_prefix(std::min(comma + 1, rest.size()));
    }
    if (arguments.has("--analytics-retention")) {
        unsigned long days = 0;
        if (!parseNumber(arguments.get("--analytics-retention"), 36500, days))
            return fail("--analytics-retention needs a number of days from 0 to 36500");
        result.analyticsRetentionHours = static_cast<unsigned>(days * 24);
    }
    result.engine.stateDirectory = arguments.has("--state-dir")
                                       ? std::filesystem::path(arguments.get("--state-dir"))
                                       : engine::defaultStateDirectory(result.engine.workspace);
    result.watch = !arguments.has("--no-watch");
    if (result.engine.tlsCertificateFile.empty() != result.engine.tlsKeyFile.empty())
        return fail("--tls-cert and --tls-key go together");
    return result;
}

} // namespace gw::app
