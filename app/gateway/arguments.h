#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace gw::app {

// One option a command accepts. `value` says what its value is ("a folder", "HOST:PORT") and
// words the message when it is missing; a flag has none.
struct OptionSpec {
    const char *name;
    const char *value = nullptr;
};

// A command's words: options given as `--name value` or `--name=value`, flags, and positional words.
struct Arguments {
    std::map<std::string, std::string> values;
    std::set<std::string> flags;
    std::vector<std::string> positional;
    std::string error; // the first problem; empty when the words are all understood

    static Arguments parse(const std::vector<std::string> &words, const std::vector<OptionSpec> &options);

    bool has(const std::string &name) const { return values.count(name) > 0 || flags.count(name) > 0; }
    std::string get(const std::string &name, std::string fallback = {}) const;
};

} // namespace gw::app
