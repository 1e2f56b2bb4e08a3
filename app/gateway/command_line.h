#pragma once

#include <engine/engine.h>

#include <string>
#include <vector>

namespace gw::app {

struct CommandLine {
    enum class Action { Serve, Help, Version, Fail };
    Action action = Action::Serve;
    engine::EngineOptions engine;
    std::string accessLog;   // FILE, "-" for stdout, "" for none
    std::string analyticsDb; // the SQLite analytics history to write, "" for none
    unsigned analyticsRetentionHours = 24 * 7;
    bool watch = true; // reload when files of the workspace change
    std::string error; // when action == Fail
};

CommandLine parseCommandLine(const std::vector<std::string> &arguments);
std::string usage();

} // namespace gw::app
