#pragma once

#include <filesystem>
#include <map>
#include <optional>
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

// What every command needs besides its words: a file's bytes (nullopt when it cannot be read), and the answer to
// bad usage (the message and the command's usage on stderr; returns exit status 2).
std::optional<std::string> readFile(const std::filesystem::path &file);
int usageError(const std::string &message, const std::string &usage);

} // namespace gw::app
