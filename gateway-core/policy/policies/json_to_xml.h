#pragma once

#include <content/json_xml.h>
#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <json-to-xml apply="always|content-type-json" consider-accept-header="false" parse-date="true" />
class JsonToXmlPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    JsonToXmlPolicy(Template apply, Template considerAccept, content::JsonToXmlOptions options)
        : m_apply(std::move(apply)), m_considerAccept(std::move(considerAccept)), m_options(std::move(options))
    {
    }

private:
    Template m_apply;
    Template m_considerAccept;
    content::JsonToXmlOptions m_options;
};

} // namespace gw::policy
