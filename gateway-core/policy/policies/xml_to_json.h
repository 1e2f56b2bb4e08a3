#pragma once

#include <content/json_xml.h>
#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <xml-to-json kind="direct|javascript-friendly" apply="always|content-type-xml" consider-accept-header="false" />
class XmlToJsonPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    XmlToJsonPolicy(Template apply, Template considerAccept, content::XmlToJsonOptions options)
        : m_apply(std::move(apply)), m_considerAccept(std::move(considerAccept)), m_options(options)
    {
    }

private:
    Template m_apply;
    Template m_considerAccept;
    content::XmlToJsonOptions m_options;
};

} // namespace gw::policy
