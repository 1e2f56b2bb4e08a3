#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <set-backend-service base-url="https://backend.example/v2" /> or backend-id="orders-backend"
class SetBackendServicePolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    SetBackendServicePolicy(std::optional<Template> baseUrl, std::optional<Template> backendId,
                            const model::Workspace *workspace)
        : m_baseUrl(std::move(baseUrl)), m_backendId(std::move(backendId)), m_workspace(workspace)
    {
    }

private:
    std::optional<Template> m_baseUrl;
    std::optional<Template> m_backendId;
    const model::Workspace *m_workspace; // backends named by an expression are looked up per request
};

} // namespace gw::policy
