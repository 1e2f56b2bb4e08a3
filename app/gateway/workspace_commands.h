#pragma once

#include <string>
#include <vector>

namespace gw::app {

// The commands for CI and scripts that work on a workspace folder without
// serving it: check, rewrite, openapi import|export. `arguments` excludes the
// program name and the command word. Returns the process exit status
// (0 success, 1 problems found or failure, 2 bad usage).
int runCheck(const std::vector<std::string> &arguments);
int runRewrite(const std::vector<std::string> &arguments);
int runOpenApi(const std::vector<std::string> &arguments);

std::string commandsUsage();

} // namespace gw::app
