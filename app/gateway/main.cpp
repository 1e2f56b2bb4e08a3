// gatehouse-gateway: the engine without a screen, for teams to deploy.

#include "certificate_commands.h"
#include "command_line.h"
#include "policy_commands.h"
#include "workspace_commands.h"

#include <gatehouse_version.h>
#include <store/folder_watcher.h>
#include <telemetry/access_log.h>
#include <telemetry/analytics_writer.h>

#include <csignal>
#include <iostream>

namespace {

void reload(gw::engine::Engine &engine, const char *why)
{
    if (auto reloaded = engine.reload(); !reloaded) {
        std::cerr << "gatehouse-gateway: reload (" << why << ") refused, the running configuration stays:\n";
        for (const auto &diagnostic : engine.diagnostics())
            std::cerr << "  " << gw::format(diagnostic) << '\n';
        return;
    }
    std::cerr << "gatehouse-gateway: reloaded (" << why << ")\n";
}

} // namespace

int main(int argc, char *argv[])
{
    using gw::app::CommandLine;
    const std::vector<std::string> arguments(argv + 1, argv + argc);
    if (!arguments.empty()) {
        const std::vector<std::string> rest(arguments.begin() + 1, arguments.end());
        if (arguments.front() == "check")
            return gw::app::runCheck(rest);
        if (arguments.front() == "rewrite")
            return gw::app::runRewrite(rest);
        if (arguments.front() == "openapi")
            return gw::app::runOpenApi(rest);
        if (arguments.front() == "check-policy")
            return gw::app::runCheckPolicy(rest);
        if (arguments.front() == "test")
            return gw::app::runTest(rest);
        if (arguments.front() == "certificates")
            return gw::app::runCertificates(rest);
    }
    const CommandLine command = gw::app::parseCommandLine(arguments);
    switch (command.action) {
    case CommandLine::Action::Help:
        std::cout << gw::app::usage() << '\n'
                  << gw::app::commandsUsage() << gw::app::policyCommandsUsage() << gw::app::certificateCommandsUsage();
        return 0;
    case CommandLine::Action::Version:
        std::cout << "gatehouse-gateway " << GATEHOUSE_VERSION << '\n';
        return 0;
    case CommandLine::Action::Fail:
        std::cerr << "gatehouse-gateway: " << command.error << "\n\n" << gw::app::usage();
        return 2;
    case CommandLine::Action::Serve:
        break;
    }

    // Block the control signals before any thread starts, so that only sigwait() below sees them.
    sigset_t signals;
    sigemptyset(&signals);
    for (int signal : {SIGTERM, SIGINT, SIGHUP})
        sigaddset(&signals, signal);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    gw::engine::Engine engine(command.engine);
    const auto started = engine.start();
    for (const auto &diagnostic : engine.diagnostics())
        std::cerr << gw::format(diagnostic) << '\n';
    if (!started) {
        std::cerr << "gatehouse-gateway: " << started.error().message << '\n';
        return 1;
    }

    std::unique_ptr<gw::telemetry::AccessLog> accessLog;
    if (!command.accessLog.empty()) {
        auto opened = gw::telemetry::AccessLog::open(engine.logBus(), command.accessLog);
        if (!opened) {
            std::cerr << "gatehouse-gateway: " << opened.error().message << '\n';
            return 1;
        }
        accessLog = std::move(opened.value());
    }
    std::unique_ptr<gw::telemetry::AnalyticsWriter> analytics;
    if (!command.analyticsDb.empty()) {
        auto opened = gw::telemetry::AnalyticsWriter::open(
            engine.logBus(), command.analyticsDb, {.retention = std::chrono::hours(command.analyticsRetentionHours)});
        if (!opened) {
            std::cerr << "gatehouse-gateway: " << opened.error().message << '\n';
            return 1;
        }
        analytics = std::move(opened.value());
    }
    std::unique_ptr<gw::store::FolderWatcher> watcher;
    if (command.watch)
        watcher = std::make_unique<gw::store::FolderWatcher>(engine.artifactsRoot(), std::chrono::milliseconds(300),
                                                             [&engine] { reload(engine, "files changed"); });

    std::cout << "gatehouse-gateway " << GATEHOUSE_VERSION << ": serving " << engine.artifactsRoot().string() << " on "
              << engine.address() << std::endl;

    for (;;) {
        int received = 0;
        sigwait(&signals, &received);
        if (received == SIGHUP) {
            reload(engine, "SIGHUP");
            continue;
        }
        std::cout << "gatehouse-gateway: stopping (" << (received == SIGTERM ? "SIGTERM" : "SIGINT") << ")"
                  << std::endl;
        break;
    }
    watcher.reset();
    engine.drain(std::chrono::seconds(10));
    accessLog.reset();
    if (analytics) {
        analytics->stop();
        if (analytics->failed() > 0 || analytics->dropped() > 0)
            std::cerr << "gatehouse-gateway: the analytics history lost " << analytics->failed() + analytics->dropped()
                      << " records (" << analytics->dropped() << " dropped under load"
                      << (analytics->lastError().empty() ? std::string() : ", last error: " + analytics->lastError())
                      << ")\n";
    }
    return 0;
}
