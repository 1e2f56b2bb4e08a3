#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

#include <http/message.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace gw::policy {

// <authentication-certificate certificate-id="..." | thumbprint="..." | body="@(bytes)" password="..."/>: the
// request to the backend (or the one send-request builds) presents that client certificate over TLS. Certificates
// named by id or thumbprint come from the gateway's certificate store (certificates::Store).
class AuthenticationCertificatePolicy final : public Policy {
public:
    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    enum class Source { Id, Thumbprint, Body };
    AuthenticationCertificatePolicy(Source source, Template reference, std::optional<Template> password)
        : m_source(source), m_reference(std::move(reference)), m_password(std::move(password))
    {
    }

private:
    Source m_source;
    Template m_reference; // the id, the thumbprint or the body
    std::optional<Template> m_password;
    // What was handed to the backend client, by thumbprint (store certificates) or by body and password (inline
    // ones, whose PKCS#12 decoding is slow enough to do once). Bounded: cleared when it grows past a few dozen.
    mutable std::mutex m_mutex;
    mutable std::map<std::string, std::shared_ptr<const http::ClientCertificate>> m_prepared;
};

} // namespace gw::policy
