#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <trace source="orders" severity="information"><message>@(...)</message><metadata name="k" value="v"/></trace>
class TracePolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    struct Metadata {
        Template name;
        Template value;
    };
    TracePolicy(std::string source, std::string severity, Template message, std::vector<Metadata> metadata)
        : m_source(std::move(source)), m_severity(std::move(severity)), m_message(std::move(message)),
          m_metadata(std::move(metadata))
    {
    }

private:
    std::string m_source;
    std::string m_severity;
    Template m_message;
    std::vector<Metadata> m_metadata;
};

} // namespace gw::policy
