#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <rewrite-uri template="/v2/items/{id}?src=gw" copy-unmatched-params="true" />
class RewriteUriPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    RewriteUriPolicy(Template uriTemplate, Template copyUnmatched)
        : m_template(std::move(uriTemplate)), m_copyUnmatched(std::move(copyUnmatched))
    {
    }

private:
    Template m_template;
    Template m_copyUnmatched;
};

} // namespace gw::policy
