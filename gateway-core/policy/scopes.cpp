#include <policy/scopes.h>

#include <optional>
#include <string>

namespace gw::policy {

namespace {

constexpr std::array<std::string_view, sectionCount> sectionNames = {"inbound", "backend", "outbound", "on-error"};

std::optional<std::size_t> sectionIndex(std::string_view name)
{
    for (std::size_t i = 0; i < sectionNames.size(); ++i) {
        if (sectionNames[i] == name)
            return i;
    }
    return std::nullopt;
}

class Merger {
public:
    explicit Merger(Diagnostics &diagnostics) : m_diagnostics(diagnostics) {}

    void add(const Document *document, Scope scope, std::array<std::vector<EffectiveStep>, sectionCount> &merged)
    {
        if (!document)
            return; // no policy at this scope: every section passes the broader scopes through
        const Element &root = document->root();
        if (root.name != "policies") {
            report(*document, root, Severity::Error,
                   "a " + std::string(toString(scope)) + " policy must have a <policies> root, not <" + root.name +
                       ">; this document is ignored");
            return;
        }

        std::array<const Element *, sectionCount> sections{};
        for (const Element &child : root.children) {
            std::optional<std::size_t> index = sectionIndex(child.name);
            if (!index) {
                if (child.name == "base")
                    report(*document, child, Severity::Error,
                           "<base/> must be a direct child of a section (inbound, backend, outbound, on-error)");
                else
                    report(*document, child, Severity::Error,
                           "unknown policy section <" + child.name +
                               ">; expected inbound, backend, outbound or on-error");
                checkNestedBase(*document, child);
                continue;
            }
            if (sections[*index]) {
                report(*document, child, Severity::Error,
                       "duplicate <" + child.name + "> section; only the first one is used");
                checkNestedBase(*document, child);
                continue;
            }
            sections[*index] = &child;
        }

        for (std::size_t i = 0; i < sectionCount; ++i) {
            std::vector<EffectiveStep> result;
            if (!sections[i]) {
                if (scope != Scope::Global && !merged[i].empty())
                    report(*document, root, Severity::Warning,
                           "no <" + std::string(sectionNames[i]) + "> section: the broader scopes' " +
                               std::string(sectionNames[i]) + " policies are not applied (add <" +
                               std::string(sectionNames[i]) + "><base /></" + std::string(sectionNames[i]) +
                               "> to keep them)");
                merged[i] = std::move(result);
                continue;
            }
            bool baseSeen = false;
            for (const Element &child : sections[i]->children) {
                if (child.name != "base") {
                    checkNestedBase(*document, child);
                    result.push_back(EffectiveStep{&child, scope, document});
                    continue;
                }
                if (!child.children.empty() || !child.attributes.empty() || child.text)
                    report(*document, child, Severity::Warning, "<base/> takes no attributes or content");
                if (scope == Scope::Global) {
                    report(*document, child, Severity::Warning,
                           "<base/> at global scope has nothing to inherit and is ignored");
                    continue;
                }
                if (baseSeen) {
                    report(*document, child, Severity::Error,
                           "more than one <base/> in <" + sections[i]->name + ">; only the first one is used");
                    continue;
                }
                baseSeen = true;
                result.insert(result.end(), merged[i].begin(), merged[i].end());
            }
            merged[i] = std::move(result);
        }
    }

private:
    void checkNestedBase(const Document &document, const Element &element)
    {
        for (const Element &child : element.children) {
            if (child.name == "base")
                report(document, child, Severity::Error,
                       "<base/> is only allowed as a direct child of a section, not inside <" + element.name + ">");
            checkNestedBase(document, child);
        }
    }

    void report(const Document &document, const Element &element, Severity severity, std::string message)
    {
        Diagnostic diagnostic;
        diagnostic.location.file = document.fileName();
        diagnostic.location.line = element.range.line;
        diagnostic.location.column = element.range.column;
        diagnostic.severity = severity;
        diagnostic.message = std::move(message);
        m_diagnostics.push_back(std::move(diagnostic));
    }

    Diagnostics &m_diagnostics;
};

} // namespace

EffectivePolicy mergeScopes(const Document *global, const Document *product, const Document *api,
                            const Document *operation)
{
    EffectivePolicy policy;
    Merger merger(policy.diagnostics);
    merger.add(global, Scope::Global, policy.sections);
    merger.add(product, Scope::Product, policy.sections);
    merger.add(api, Scope::Api, policy.sections);
    merger.add(operation, Scope::Operation, policy.sections);
    return policy;
}

std::string_view toString(Section section)
{
    return sectionNames[static_cast<std::size_t>(section)];
}

std::string_view toString(Scope scope)
{
    switch (scope) {
    case Scope::Global:
        return "global";
    case Scope::Product:
        return "product";
    case Scope::Api:
        return "api";
    case Scope::Operation:
        return "operation";
    }
    return "unknown";
}

} // namespace gw::policy
