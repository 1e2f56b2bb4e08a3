#include "arguments.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

namespace gw::app {

Arguments Arguments::parse(const std::vector<std::string> &words, const std::vector<OptionSpec> &options)
{
    Arguments out;
    for (std::size_t i = 0; i < words.size() && out.error.empty(); ++i) {
        const std::string &word = words[i];
        if (word.size() < 2 || word.front() != '-') {
            out.positional.push_back(word);
            continue;
        }
        const auto equals = word.find('=');
        const std::string name = word.substr(0, equals);
        const auto spec =
            std::find_if(options.begin(), options.end(), [&](const OptionSpec &option) { return name == option.name; });
        if (spec == options.end()) {
            out.error = "unknown argument '" + word + "'";
        } else if (!spec->value) {
            if (equals != std::string::npos)
                out.error = name + " takes no value";
            else
                out.flags.insert(name);
        } else {
            std::string value;
            if (equals != std::string::npos)
                value = word.substr(equals + 1);
            else if (i + 1 < words.size())
                value = words[++i];
            if (value.empty())
                out.error = name + " needs " + spec->value;
            else
                out.values[name] = value;
        }
    }
    return out;
}

std::string Arguments::get(const std::string &name, std::string fallback) const
{
    auto it = values.find(name);
    return it == values.end() ? fallback : it->second;
}

std::optional<std::string> readFile(const std::filesystem::path &file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

int usageError(const std::string &message, const std::string &usage)
{
    std::cerr << "gatehouse-gateway: " << message << "\n\n" << usage;
    return 2;
}

} // namespace gw::app
