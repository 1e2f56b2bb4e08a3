#include "keyring.h"

// Built when libsecret was not found: the store keeps its key in secrets.key.

namespace gw::secrets::keyring {

bool compiledIn()
{
    return false;
}

bool available(std::chrono::milliseconds)
{
    return false;
}

Lookup lookup(const std::string &, std::chrono::milliseconds)
{
    return {.status = LookupStatus::Failed, .message = "this build has no OS keyring support (libsecret)"};
}

Result<void> store(const std::string &, std::string_view, std::chrono::milliseconds)
{
    return Error{"this build has no OS keyring support (libsecret)"};
}

Result<void> clear(const std::string &, std::chrono::milliseconds)
{
    return Error{"this build has no OS keyring support (libsecret)"};
}

} // namespace gw::secrets::keyring
