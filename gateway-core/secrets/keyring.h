#pragma once

// Internal to gw::secrets: the OS keyring (freedesktop Secret Service through libsecret). No GLib here; the
// implementation is keyring_libsecret.cpp, or keyring_none.cpp when libsecret was not found.

#include <common/result.h>

#include <chrono>
#include <string>
#include <string_view>

namespace gw::secrets::keyring {

bool compiledIn();

// Whether a session D-Bus is configured and a Secret Service owns (or can be started for)
// org.freedesktop.secrets. Never autolaunches a bus; gives up after `timeout`.
bool available(std::chrono::milliseconds timeout);

enum class LookupStatus { Found, NotFound, Failed };

struct Lookup {
    LookupStatus status = LookupStatus::Failed;
    std::string secret;  // when Found; the caller wipes it
    std::string message; // when Failed
};

// The secret stored for the store folder `folder` (an absolute path) under the schema io.gatehouse.SecretStore.
Lookup lookup(const std::string &folder, std::chrono::milliseconds timeout);

// Stores (or replaces) the secret for `folder` in the default collection.
Result<void> store(const std::string &folder, std::string_view secret, std::chrono::milliseconds timeout);

// Deletes the secret for `folder`; succeeds when there was none.
Result<void> clear(const std::string &folder, std::chrono::milliseconds timeout);

} // namespace gw::secrets::keyring
