#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

namespace gw::policy {

// <authentication-basic username="..." password="..."/>: the backend request carries
// Authorization: Basic base64(username:password).
class AuthenticationBasicPolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    AuthenticationBasicPolicy(Template username, Template password)
        : m_username(std::move(username)), m_password(std::move(password))
    {
    }

private:
    Template m_username;
    Template m_password;
};

} // namespace gw::policy
