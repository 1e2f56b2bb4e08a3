#pragma once

#include <QString>

#include <vector>

namespace gh::policies {

// A ready-made piece of policy for a common need. `body` is indented with one tab per level relative to where it
// is inserted; "$0" marks where the cursor goes.
struct PolicySnippet {
    QString id;    // stable, for object names and tests: "rate-limit-by-key"
    QString title; // "Rate limit by key"
    QString description;
    QString section; // where it belongs: "inbound", "outbound", ... (a hint shown with the title)
    QString body;
};

const std::vector<PolicySnippet> &policySnippets();

} // namespace gh::policies
