#pragma once

#include <ui/workspace/policy_target.h>

#include <model/workspace.h>
#include <policy/scopes.h>

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace gh::policies {

// One policy element of the merged document and where it came from.
struct EffectiveStep {
    int firstLine = 0; // lines of EffectivePolicyText::text, from 0
    int lastLine = 0;
    gw::policy::Scope scope = gw::policy::Scope::Global;
    workspace::PolicyTarget source; // the document that holds it
    int line = 0;                   // where it starts there (from 1)
    int column = 0;
    QString name; // "rate-limit"
};

// The merged policy of an operation (or of an API, when `operation` is empty) in one product context, as text:
// every element exactly as written in its own file, re-indented to sit in the merged <policies>.
struct EffectivePolicyText {
    QString text;
    std::vector<EffectiveStep> steps;
    QStringList problems; // merge warnings and documents that do not parse
};

// `product` empty: called without a product (a subscription to the API itself, or none).
EffectivePolicyText effectivePolicy(const gw::model::Workspace &model, const std::string &api,
                                    const std::string &operation, const std::string &product);

// The products that contain `api`, by name, with their display names.
struct ProductChoice {
    std::string name;
    QString title;
};
std::vector<ProductChoice> productsContaining(const gw::model::Workspace &model, const std::string &api);

QString scopeTitle(gw::policy::Scope scope); // "Global", "Product", "API", "Operation"

} // namespace gh::policies
