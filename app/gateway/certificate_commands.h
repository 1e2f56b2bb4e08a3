#pragma once

#include <string>
#include <vector>

namespace gw::app {

// gatehouse-gateway certificates import|list: the certificate store of a workspace's gateway
// (<state folder>/certificates/). `arguments` excludes the program name and the command word. Returns the process
// exit status (0 success, 1 failure, 2 bad usage).
int runCertificates(const std::vector<std::string> &arguments);

std::string certificateCommandsUsage();

} // namespace gw::app
