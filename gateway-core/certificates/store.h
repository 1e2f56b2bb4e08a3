#pragma once

#include <certificates/certificate.h>
#include <common/result.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace gw::certificates {

// The gateway's certificate store: what APIM's "Certificates" and "CA certificates" blades hold, kept in a folder
// of the gateway's state (policy::Services makes it `<state folder>/certificates/`):
//
//   <id>.pem             certificate (then its chain) and its private key, PEM
//   <id>.pfx | <id>.p12  PKCS#12; its password, when it has one, is the text of <id>.password
//   <id>.crt | <id>.cer  a certificate without a key (PEM or DER): CA certificates for validate-client-certificate
//   <name>.crl           a revocation list (PEM or DER), checked by validate-client-certificate's validate-revocation
//
// Policies find certificates by id (certificate-id) or thumbprint. reload() reads the folder again and swaps the
// whole set at once. Lifetime and threads: owned by policy::Services; every member may be called from any thread.
class Store {
public:
    explicit Store(std::filesystem::path folder = {});
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    const std::filesystem::path &folder() const { return m_folder; }
    // Reads the folder (a missing folder is an empty store). Returns the files that could not be read, as
    // "path: reason"; the others are in the store.
    std::vector<std::string> reload();
    // Adds or replaces (same id) one certificate (tests; certificates made at run time).
    void add(Certificate certificate);

    std::shared_ptr<const Certificate> byId(std::string_view id) const;
    std::shared_ptr<const Certificate> byThumbprint(std::string_view thumbprint) const;
    std::vector<std::shared_ptr<const Certificate>> all() const;

    enum class Trust {
        Trusted,   // chains to a root of the system's trust store or to a CA certificate of this store
        Untrusted, // no such chain (or a broken signature)
        Revoked,   // a revocation list of this store names it (or a certificate of its chain)
    };
    struct TrustResult {
        Trust trust = Trust::Untrusted;
        std::string detail; // OpenSSL's reason, for traces
    };
    // Checks `certificate` against the system's roots and this store's CA certificates (`chain`: intermediates the
    // peer sent, DER). Dates are not checked here (validate-not-before/after are separate checks); revocation only
    // against the lists the store holds when `checkRevocation` (a certificate whose issuer has no list passes).
    TrustResult verify(const Certificate &certificate, bool checkRevocation,
                       const std::vector<std::string> &chain = {}) const;

    // Copies a PEM or PKCS#12 file into `folder` as <id>.pem (the certificate, its chain and key, unencrypted), after
    // checking that it reads (with `password` for PKCS#12 or an encrypted key). Returns what was stored.
    static Result<Certificate> import(const std::filesystem::path &folder, const std::string &id,
                                      const std::filesystem::path &file, const std::string &password);

private:
    struct Snapshot;
    std::shared_ptr<const Snapshot> snapshot() const;

    std::filesystem::path m_folder;
    mutable std::mutex m_mutex;
    std::shared_ptr<const Snapshot> m_snapshot;
};

} // namespace gw::certificates
