#pragma once

#include <filesystem>

namespace gw::policy {

struct ServicesOptions {
    // Where state that must survive a restart of the gateway is kept (quota counters); empty: kept in memory only.
    std::filesystem::path stateDirectory;
};

// What policies keep across requests and configurations: counters, caches, fetched keys. The gateway owns one for
// its lifetime (a reload keeps it); a policy test run makes its own. Every member is safe to use from all I/O
// threads at once.
class Services {
public:
    explicit Services(ServicesOptions options = {});
    ~Services();
    Services(const Services &) = delete;
    Services &operator=(const Services &) = delete;

    const std::filesystem::path &stateDirectory() const { return m_options.stateDirectory; }

private:
    ServicesOptions m_options;
};

} // namespace gw::policy
