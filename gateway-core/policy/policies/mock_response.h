#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <mock-response status-code="200" content-type="application/json" />: answers from the specification's examples.
class MockResponsePolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    MockResponsePolicy(Template status, std::optional<Template> contentType)
        : m_status(std::move(status)), m_contentType(std::move(contentType))
    {
    }

private:
    Template m_status;
    std::optional<Template> m_contentType;
};

} // namespace gw::policy
