#pragma once

#include <string>
#include <vector>

namespace gw::app {

// The commands users put in their CI for policies. `arguments` excludes the program name and the command word;
// they return the exit status (0 success, 1 problems or failed cases, 2 bad usage).
//   check-policy FILE... [--scope global|product|api|operation|fragment] [--workspace DIR]
//   test [--workspace DIR] [--environment ENV] [--junit FILE] CASE...
int runCheckPolicy(const std::vector<std::string> &arguments);
int runTest(const std::vector<std::string> &arguments);

std::string policyCommandsUsage();

} // namespace gw::app
