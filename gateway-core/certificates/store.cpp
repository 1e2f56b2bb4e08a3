#include "store.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace gw::certificates {

namespace {

std::optional<std::string> readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string trimmed(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    return text;
}

X509 *toX509(std::string_view der)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(der.data());
    return d2i_X509(nullptr, &bytes, static_cast<long>(der.size()));
}

// Revocation lists: PEM (any number) or one DER.
std::vector<X509_CRL *> readCrls(const std::string &bytes)
{
    std::vector<X509_CRL *> out;
    if (bytes.find("-----BEGIN") != std::string::npos) {
        BIO *bio = BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size()));
        while (X509_CRL *crl = PEM_read_bio_X509_CRL(bio, nullptr, nullptr, nullptr))
            out.push_back(crl);
        BIO_free(bio);
    } else {
        const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
        if (X509_CRL *crl = d2i_X509_CRL(nullptr, &data, static_cast<long>(bytes.size())))
            out.push_back(crl);
    }
    ERR_clear_error();
    return out;
}

struct StoreDeleter {
    void operator()(X509_STORE *store) const { X509_STORE_free(store); }
};

} // namespace

struct Store::Snapshot {
    std::map<std::string, std::shared_ptr<const Certificate>> byId;
    std::map<std::string, std::shared_ptr<const Certificate>> byThumbprint;
    std::vector<std::string> crls; // raw files
    // Built on the first verification: loading the system's roots costs milliseconds.
    mutable std::once_flag built;
    mutable std::unique_ptr<X509_STORE, StoreDeleter> trust;
    mutable bool hasCrls = false;

    X509_STORE *trustStore() const
    {
        std::call_once(built, [this] {
            trust.reset(X509_STORE_new());
            X509_STORE_set_default_paths(trust.get());
            for (const auto &[id, certificate] : byId) {
                if (!certificate->isAuthority)
                    continue;
                if (X509 *x509 = toX509(certificate->der)) {
                    X509_STORE_add_cert(trust.get(), x509);
                    X509_free(x509);
                }
            }
            for (const std::string &file : crls) {
                for (X509_CRL *crl : readCrls(file)) {
                    X509_STORE_add_crl(trust.get(), crl);
                    X509_CRL_free(crl);
                    hasCrls = true;
                }
            }
            ERR_clear_error();
        });
        return trust.get();
    }
};

Store::Store(std::filesystem::path folder) : m_folder(std::move(folder)), m_snapshot(std::make_shared<Snapshot>())
{
    if (!m_folder.empty())
        reload();
}

Store::~Store() = default;

std::shared_ptr<const Store::Snapshot> Store::snapshot() const
{
    const std::lock_guard lock(m_mutex);
    return m_snapshot;
}

std::vector<std::string> Store::reload()
{
    std::vector<std::string> problems;
    auto next = std::make_shared<Snapshot>();
    std::error_code ec;
    if (!m_folder.empty() && std::filesystem::is_directory(m_folder, ec)) {
        std::vector<std::filesystem::path> files;
        for (const auto &entry : std::filesystem::directory_iterator(m_folder, ec)) {
            if (entry.is_regular_file(ec))
                files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        for (const auto &path : files) {
            const std::string extension = path.extension().string();
            const std::string id = path.stem().string();
            if (extension != ".pem" && extension != ".pfx" && extension != ".p12" && extension != ".crt" &&
                extension != ".cer" && extension != ".crl")
                continue;
            const auto bytes = readFile(path);
            if (!bytes) {
                problems.push_back(path.string() + ": cannot be read");
                continue;
            }
            if (extension == ".crl") {
                next->crls.push_back(*bytes);
                continue;
            }
            std::string password;
            if (extension == ".pfx" || extension == ".p12" || extension == ".pem") {
                if (auto secret = readFile(m_folder / (id + ".password")))
                    password = trimmed(std::move(*secret));
            }
            auto certificate =
                extension == ".pfx" || extension == ".p12" ? fromPkcs12(*bytes, password) : fromBytes(*bytes, password);
            if (!certificate) {
                problems.push_back(path.string() + ": " + certificate.error().message);
                continue;
            }
            if (next->byId.contains(id)) {
                problems.push_back(path.string() + ": another file already gives certificate '" + id + "'");
                continue;
            }
            certificate->id = id;
            auto shared = std::make_shared<const Certificate>(std::move(certificate.value()));
            next->byThumbprint.emplace(shared->thumbprint, shared);
            next->byId.emplace(id, std::move(shared));
        }
    }
    const std::lock_guard lock(m_mutex);
    m_snapshot = std::move(next);
    return problems;
}

void Store::add(Certificate certificate)
{
    const std::lock_guard lock(m_mutex);
    auto next = std::make_shared<Snapshot>();
    next->byId = m_snapshot->byId;
    next->byThumbprint = m_snapshot->byThumbprint;
    next->crls = m_snapshot->crls;
    if (auto old = next->byId.find(certificate.id); old != next->byId.end())
        next->byThumbprint.erase(old->second->thumbprint);
    auto shared = std::make_shared<const Certificate>(std::move(certificate));
    next->byThumbprint.insert_or_assign(shared->thumbprint, shared);
    next->byId.insert_or_assign(shared->id, std::move(shared));
    m_snapshot = std::move(next);
}

std::shared_ptr<const Certificate> Store::byId(std::string_view id) const
{
    const auto current = snapshot();
    const auto found = current->byId.find(std::string(id));
    return found == current->byId.end() ? nullptr : found->second;
}

std::shared_ptr<const Certificate> Store::byThumbprint(std::string_view thumbprint) const
{
    const auto current = snapshot();
    std::string key;
    for (const char c : thumbprint) {
        if (c != ' ' && c != ':')
            key += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    const auto found = current->byThumbprint.find(key);
    return found == current->byThumbprint.end() ? nullptr : found->second;
}

std::vector<std::shared_ptr<const Certificate>> Store::all() const
{
    const auto current = snapshot();
    std::vector<std::shared_ptr<const Certificate>> out;
    for (const auto &[id, certificate] : current->byId)
        out.push_back(certificate);
    return out;
}

Store::TrustResult Store::verify(const Certificate &certificate, bool checkRevocation,
                                 const std::vector<std::string> &chain) const
{
    const auto current = snapshot();
    X509_STORE *trust = current->trustStore();
    TrustResult result;
    X509 *leaf = toX509(certificate.der);
    if (!leaf) {
        result.detail = "the certificate cannot be decoded";
        return result;
    }
    STACK_OF(X509) *untrusted = sk_X509_new_null();
    for (const std::string &der : chain) {
        if (X509 *x509 = toX509(der))
            sk_X509_push(untrusted, x509);
    }
    X509_STORE_CTX *context = X509_STORE_CTX_new();
    X509_STORE_CTX_init(context, trust, leaf, untrusted);
    // Dates are validate-not-before/after's business, not the chain's.
    unsigned long flags = X509_V_FLAG_NO_CHECK_TIME;
    if (checkRevocation && current->hasCrls)
        flags |= X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL;
    X509_STORE_CTX_set_flags(context, flags);
    // A certificate whose issuer has no list in the store is not revoked as far as this store knows.
    X509_STORE_CTX_set_verify_cb(context, [](int ok, X509_STORE_CTX *ctx) {
        return ok || X509_STORE_CTX_get_error(ctx) == X509_V_ERR_UNABLE_TO_GET_CRL ? 1 : 0;
    });
    const int verified = X509_verify_cert(context);
    const int error = X509_STORE_CTX_get_error(context);
    if (verified == 1) {
        result.trust = Trust::Trusted;
    } else {
        result.trust = error == X509_V_ERR_CERT_REVOKED ? Trust::Revoked : Trust::Untrusted;
        result.detail = X509_verify_cert_error_string(error);
    }
    X509_STORE_CTX_free(context);
    sk_X509_pop_free(untrusted, X509_free);
    X509_free(leaf);
    ERR_clear_error();
    return result;
}

Result<Certificate> Store::import(const std::filesystem::path &folder, const std::string &id,
                                  const std::filesystem::path &file, const std::string &password)
{
    if (id.empty() || id.find_first_of("/\\") != std::string::npos || id.front() == '.')
        return Error{"'" + id + "' cannot name a certificate (no slashes, not starting with a dot)"};
    const auto bytes = readFile(file);
    if (!bytes)
        return Error{file.string() + ": cannot be read"};
    auto certificate = fromBytes(*bytes, password);
    if (!certificate)
        return Error{file.string() + ": " + certificate.error().message};
    certificate->id = id;
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec)
        return Error{folder.string() + ": " + ec.message()};
    // Written whole to a temporary file then renamed, so that a reload never reads half a file; readable by its
    // owner only: it may hold a private key.
    const auto target = folder / (id + ".pem");
    const auto temporary = folder / ("." + id + ".pem.tmp");
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << certificate->chainPem << certificate->privateKeyPem;
        if (!out)
            return Error{temporary.string() + ": cannot be written"};
    }
    std::filesystem::permissions(temporary, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 ec);
    std::filesystem::rename(temporary, target, ec);
    if (ec)
        return Error{target.string() + ": " + ec.message()};
    return certificate;
}

} // namespace gw::certificates
