// gatehouse-gateway: the engine without a screen, for teams to deploy.

#include "command_line.h"
#include "workspace_commands.h"

#include <gatehouse_version.h>

#include <csignal>
#include <iostream>

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
    }
    const CommandLine command = gw::app::parseCommandLine(arguments);
    switch (command.action) {
    case CommandLine::Action::Help:
        std::cout << gw::app::usage() << '\n' << gw::app::commandsUsage();
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

    // Block the stop signals before any thread starts, so that only sigwait() below sees them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    gw::engine::Engine engine(command.engine);
    if (auto started = engine.start(); !started) {
        std::cerr << "gatehouse-gateway: " << started.error().message << '\n';
        return 1;
    }
    for (const auto &diagnostic : engine.diagnostics())
        std::cerr << gw::format(diagnostic) << '\n';
    std::cout << "gatehouse-gateway " << GATEHOUSE_VERSION << ": serving " << engine.artifactsRoot().string() << " on "
              << engine.address() << std::endl;

    int received = 0;
    sigwait(&stopSignals, &received);
    std::cout << "gatehouse-gateway: stopping (" << (received == SIGTERM ? "SIGTERM" : "SIGINT") << ")" << std::endl;
    engine.stop();
    return 0;
}
