#pragma once

#include <policy/compiler.h>
#include <policy/policy.h>

#include <optional>
#include <vector>

namespace gw::policy {

// <validate-client-certificate validate-revocation validate-trust validate-not-before validate-not-after
// ignore-error><identities><identity thumbprint=... common-name=... .../></identities></validate-client-certificate>:
// the certificate the client presented over TLS (context.Request.Certificate) must pass every check of the element
// and match every attribute of at least one identity. Trust: the system's roots and the certificate store's CA
// certificates; revocation: the revocation lists of the store.
class ValidateClientCertificatePolicy final : public Policy {
public:
    struct Identity {
        std::optional<Template> thumbprint;
        std::optional<Template> serialNumber;
        std::optional<Template> commonName;
        std::optional<Template> subject;
        std::optional<Template> dnsName;
        std::optional<Template> issuerSubject;
        std::optional<Template> issuerThumbprint;
        std::optional<Template> issuerCertificateId;
    };
    struct Config {
        bool validateRevocation = true;
        bool validateTrust = true;
        bool validateNotBefore = true;
        bool validateNotAfter = true;
        bool ignoreError = false;
        std::vector<Identity> identities;
    };

    static PolicyDescription describe();
    static std::shared_ptr<const Policy> create(const Element &element, Compiler &compiler);
    Flow apply(Run &run) const override;

    explicit ValidateClientCertificatePolicy(Config config) : m_config(std::move(config)) {}

private:
    // Nullopt: it matches; else why not (for the trace), or the run failed evaluating (`failed`).
    std::optional<std::string> mismatch(Run &run, const Identity &identity, bool &failed) const;
    Config m_config;
};

} // namespace gw::policy
