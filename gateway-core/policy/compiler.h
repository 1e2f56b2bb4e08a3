#pragma once

#include <common/diagnostic.h>
#include <model/workspace.h>
#include <policy/document.h>
#include <policy/pipeline.h>
#include <policy/run.h>
#include <policy/template.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace gw::certificates {
class Store;
}

namespace gw::policy {

// The value of a secret named value (kept out of the workspace files, e.g. in the per-user secret store).
using SecretSource = std::function<std::optional<std::string>(const model::NamedValue &)>;

// The compiled policies of a workspace: one pipeline per operation and context (with each product that holds the
// API, and without a product). Immutable; copies share the pipelines.
class PolicySet {
public:
    // The pipeline of an API revision's operation (null: an API without operations) in `product`'s context, or
    // outside any product when `product` is null. Null when the set does not know them.
    const Pipeline *pipeline(const model::Api *api, const model::Operation *operation,
                             const model::Product *product) const;
    // The global policy alone: for requests that match no operation.
    const Pipeline &global() const;
    // The secret named values the policies use, with their values, longest value first (traces mask them, and a
    // secret whose value holds another one's is masked whole).
    std::shared_ptr<const std::vector<SecretValue>> secrets() const;

    struct Data;

private:
    friend struct CompiledPolicies compilePolicies(const model::Workspace &, const SecretSource &,
                                                   const certificates::Store *);
    std::shared_ptr<const Data> m_data;
};

struct CompiledPolicies {
    PolicySet policies;
    Diagnostics diagnostics; // every problem of every document, located; errors refuse the configuration
};

// Compiles every policy document of a workspace (global, products, APIs, operations, fragments), each element once.
// With `certificates`, certificate ids and thumbprints written as literals must name one of its certificates.
CompiledPolicies compilePolicies(const model::Workspace &workspace, const SecretSource &secrets = {},
                                 const certificates::Store *certificates = nullptr);

enum class DocumentKind { Global, Product, Api, Operation, Fragment };

// Compiles one document on its own (gatehouse-gateway check-policy): with a workspace, named values, backends and
// fragments are looked up in it; without one, or when a reference is unknown there, that is a warning. A document
// whose root is a single policy statement is checked in the first section that allows it.
Diagnostics checkPolicyDocument(const Document &document, DocumentKind kind,
                                const model::Workspace *workspace = nullptr);

// Builds compiled policies from documents; policy create functions use it to read their element. One compiler works
// on one thread at a time.
class Compiler {
public:
    struct Options {
        const model::Workspace *workspace = nullptr;
        SecretSource secrets;
        bool lenientReferences = false;                    // unknown named values, backends and fragments are warnings
        const certificates::Store *certificates = nullptr; // null: certificate references are not checked
    };
    explicit Compiler(Options options);
    ~Compiler();

    // The steps of one section of an effective policy.
    Steps section(const std::vector<EffectiveStep> &steps, Section section);
    // Statements outside any section (a fragment's, a snippet): each checked in the first section that allows it.
    void looseStatements(const Document &document, const std::vector<const Element *> &elements);
    Diagnostics takeDiagnostics() { return std::move(m_diagnostics); }
    const std::vector<SecretValue> &secretValues() const { return m_secretValues; }

    // --- for policy create functions ---
    Section currentSection() const { return m_section; }
    Scope currentScope() const { return m_scope; }
    const model::Workspace *workspace() const { return m_options.workspace; }
    // The certificate store literal certificate references are checked against; null when there is none to check.
    const certificates::Store *certificates() const { return m_options.certificates; }
    bool lenientReferences() const { return m_options.lenientReferences; }

    // An attribute's value, or its declared default when absent; nullopt when absent without a default.
    std::optional<Template> attribute(const Element &element, std::string_view name);
    // A literal attribute's text (attributes that take no expressions), or its default, or "".
    std::string literal(const Element &element, std::string_view name);
    // The element's text as a value ("" when it has none).
    Template text(const Element &element);
    // Everything between the element's tags exactly as written, named values substituted (an inline XML body).
    std::string innerSource(const Element &element);
    // The children of `parent` compiled as policy statements of the current section (choose/when, retry, wait);
    // `pathPart` names `parent` in context.LastError.Path when it is not the policy itself ("when[2]").
    Steps statements(const Element &parent, std::string_view pathPart = {});
    // One child element compiled as a policy statement; `pathPart` as for statements(). A part of a message that
    // return-response or send-request builds (set-method, set-header, ...) may stand in any section.
    enum class Placement { InSection, PartOfMessage };
    Step statement(const Element &element, std::string_view pathPart, Placement placement = Placement::InSection);
    // The statements of a policy fragment, compiled in the current section and scope; empty when unknown.
    Steps fragment(const Element &include, const std::string &fragmentId);
    const model::Backend *backend(const std::string &id, const SourceRange &where);

    void error(const SourceRange &range, std::string message);
    void warning(const SourceRange &range, std::string message);

private:
    Step compileStep(const Element &element, const std::string &path, Placement placement = Placement::InSection);
    Step compileStepUncached(const Element &element, const std::string &path, Placement placement);
    bool check(const Element &element, const struct RegisteredPolicy &policy);
    std::optional<Template> value(const Value &value, const SourceRange &range, bool allowExpression);
    std::string substitute(const std::string &text, const SourceRange &range, bool &secret);
    SourceLocation locate(const SourceRange &range) const;

    Options m_options;
    Diagnostics m_diagnostics;
    const Document *m_document = nullptr;
    Section m_section = Section::Inbound;
    Scope m_scope = Scope::Operation;
    std::vector<std::string> m_path; // of the statement being compiled, for nested paths
    std::vector<unsigned> m_bodyUse; // BodyUse of the statements being compiled, innermost last
    std::vector<std::string> m_fragmentStack;
    std::vector<SecretValue> m_secretValues; // each value once, under the first name it was used with
    // Each element is compiled once per scope and section, whatever the number of operations that share it.
    std::map<std::tuple<const Element *, Scope, Section, std::string>, Step> m_cache;
    std::map<std::string, std::unique_ptr<Document>> m_fragments; // parsed on first use
};

} // namespace gw::policy
