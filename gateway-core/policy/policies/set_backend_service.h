#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

#include <map>
#include <memory>

namespace gw::policy {

class CompiledBackend;

// <set-backend-service base-url="https://backend.example/v2" /> or backend-id="orders-backend"
//
// A backend entity brings its credentials (added when forward-request sends), its TLS settings and its circuit
// breaker; a pool (type Pool) picks one of its members per request: the lowest priority group that has a member
// whose circuit is closed, by weight within the group. An open circuit, or a pool without an available member,
// answers 503 without calling the backend.
class SetBackendServicePolicy final : public Policy {
public:
    using BackendTable = std::map<std::string, std::shared_ptr<const CompiledBackend>>;

    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    SetBackendServicePolicy(std::optional<Template> baseUrl, std::optional<Template> backendId,
                            const model::Workspace *workspace, std::shared_ptr<const BackendTable> backends);

private:
    const CompiledBackend *find(const std::string &id) const;

    std::optional<Template> m_baseUrl;
    std::optional<Template> m_backendId;
    const model::Workspace *m_workspace;            // backends named by an expression are looked up per request
    std::shared_ptr<const BackendTable> m_backends; // by backend name: the literal one and its members, or all
    const CompiledBackend *m_fixed = nullptr;       // the backend of a literal backend-id
};

} // namespace gw::policy
