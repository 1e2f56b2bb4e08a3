#pragma once

// What set-header and set-query-parameter share: a name, an exists-action and <value> children.

#include <policy/compiler.h>
#include <policy/run.h>

#include <optional>
#include <string>
#include <vector>

namespace gw::policy {

struct ValueSetting {
    Template name;
    Template action;
    std::vector<Template> values;

    // The description of such a policy: `what` names the thing set ("header", "parameter").
    static PolicyDescription describe(std::string_view policy, Sections sections, std::string_view help,
                                      std::string_view valueHelp);
    static std::optional<ValueSetting> read(const Element &element, Compiler &compiler);

    struct Evaluated {
        std::string name;
        std::string action;              // lower case: override | skip | append | delete
        std::vector<std::string> values; // the values that are not null
        bool allNull = false;            // values were given and every one was null
    };
    // nullopt when an expression failed (the run has then failed).
    std::optional<Evaluated> evaluate(Run &run) const;
};

} // namespace gw::policy
