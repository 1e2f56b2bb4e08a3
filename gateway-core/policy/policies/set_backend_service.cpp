#include "set_backend_service.h"

#include <policy/run.h>

namespace gw::policy {

namespace {

// The base URL of a backend entity, and whether its certificate must be valid.
std::optional<std::string> backendUrl(const model::Backend &backend)
{
    if (!backend.url || backend.url->empty())
        return std::nullopt;
    return *backend.url;
}

} // namespace

PolicyDescription SetBackendServicePolicy::describe()
{
    return {
        .name = "set-backend-service",
        .sections = Inbound | Backend,
        .help = "Sends the request to another backend: a base URL, or a backend entity of the workspace.",
        .attributes = {{.name = "base-url", .help = "The new base URL; the operation path is appended."},
                       {.name = "backend-id", .help = "A backend of the workspace (backends/<id>)."},
                       {.name = "sf-resolve-condition"},
                       {.name = "sf-service-instance-name"},
                       {.name = "sf-listener-name"},
                       {.name = "sf-partition-key"},
                       {.name = "sf-replica-type"},
                       {.name = "dapr-app-id"},
                       {.name = "dapr-method"},
                       {.name = "dapr-namespace"}},
    };
}

std::shared_ptr<const Policy> SetBackendServicePolicy::create(const Element &element, Compiler &compiler)
{
    auto baseUrl = compiler.attribute(element, "base-url");
    auto backendId = compiler.attribute(element, "backend-id");
    for (const Attribute &attribute : element.attributes) {
        if (attribute.name.starts_with("sf-") || attribute.name.starts_with("dapr-"))
            compiler.warning(attribute.nameRange,
                             "'" + attribute.name + "' needs Azure Service Fabric or a Dapr sidecar; it is ignored");
    }
    if (baseUrl.has_value() == backendId.has_value()) {
        compiler.error(element.range, "'set-backend-service' needs either base-url or backend-id");
        return nullptr;
    }
    if (backendId && backendId->isLiteral()) {
        const model::Backend *backend = compiler.backend(backendId->text(), element.range);
        if (backend && !backendUrl(*backend) && backend->pool.empty())
            compiler.error(element.range, "backend '" + backendId->text() + "' has no url");
    }
    return std::make_shared<SetBackendServicePolicy>(std::move(baseUrl), std::move(backendId), compiler.workspace());
}

Flow SetBackendServicePolicy::apply(Run &run) const
{
    if (m_baseUrl) {
        auto url = run.text(*m_baseUrl);
        if (!url)
            return Flow::Fail;
        run.setBackendBaseUrl(std::move(*url));
        return Flow::Continue;
    }
    auto id = run.text(*m_backendId);
    if (!id)
        return Flow::Fail;
    const model::Backend *backend = m_workspace ? m_workspace->findBackend(*id) : nullptr;
    std::optional<std::string> url = backend ? backendUrl(*backend) : std::nullopt;
    if (!url)
        return run.fail("BackendNotFound", "Backend with id '" + *id + "' could not be found.", 500,
                        "Internal server error");
    run.setBackendBaseUrl(std::move(*url));
    run.setValidateBackendCertificate(backend->validateCertificateChain.value_or(true));
    return Flow::Continue;
}

} // namespace gw::policy
