#include "authentication_certificate.h"

#include <certificates/store.h>
#include <expr/runtime.h>
#include <policy/run.h>

#include <openssl/evp.h>

namespace gw::policy {

namespace {

constexpr std::size_t preparedLimit = 64;

std::shared_ptr<const http::ClientCertificate> forBackend(const certificates::Certificate &certificate)
{
    return std::make_shared<const http::ClientCertificate>(
        http::ClientCertificate{certificate.thumbprint, certificate.chainPem, certificate.privateKeyPem});
}

// The bytes of a byte[] value; a string is taken as Base64 (how certificates travel in named values), else as is.
std::string certificateBytes(const expr::Value &value)
{
    if (value.is(expr::TypeId::Bytes))
        return value.as<expr::BytesBox>()->data;
    std::string text = expr::toText(value);
    if (text.find("-----BEGIN") != std::string::npos)
        return text;
    std::string compact;
    for (const char c : text) {
        if (c != '\n' && c != '\r' && c != ' ')
            compact += c;
    }
    std::string decoded(compact.size() / 4 * 3 + 3, '\0');
    const int length =
        EVP_DecodeBlock(reinterpret_cast<unsigned char *>(decoded.data()),
                        reinterpret_cast<const unsigned char *>(compact.data()), static_cast<int>(compact.size()));
    if (length < 0 || compact.empty() || compact.size() % 4 != 0)
        return text;
    std::size_t size = static_cast<std::size_t>(length);
    for (std::size_t i = compact.size(); i > 0 && compact[i - 1] == '='; --i)
        --size; // EVP_DecodeBlock counts the padding as bytes
    decoded.resize(size);
    return decoded;
}

} // namespace

PolicyDescription AuthenticationCertificatePolicy::describe()
{
    return {
        .name = "authentication-certificate",
        .sections = Inbound,
        .help = "Authenticates to the backend with a client certificate presented over TLS: one of the certificate "
                "store's (by certificate-id or thumbprint), or one given as bytes (body, password).",
        .attributes =
            {{.name = "thumbprint",
              .help = "The SHA-1 thumbprint of a certificate of the store (<state folder>/certificates/)."},
             {.name = "certificate-id", .help = "The id of a certificate of the store: <id>.pem or <id>.pfx there."},
             {.name = "body",
              .help = "The certificate as a byte array (PKCS#12, PEM or a Base64 string of either), when it does not "
                      "come from the store."},
             {.name = "password", .help = "The password of the certificate given in body."}},
    };
}

std::shared_ptr<const Policy> AuthenticationCertificatePolicy::create(const Element &element, Compiler &compiler)
{
    const Attribute *thumbprint = element.attribute("thumbprint");
    const Attribute *id = element.attribute("certificate-id");
    const Attribute *body = element.attribute("body");
    const int given = (thumbprint ? 1 : 0) + (id ? 1 : 0) + (body ? 1 : 0);
    if (given != 1) {
        compiler.error(element.range, given == 0 ? "authentication-certificate needs thumbprint, certificate-id or body"
                                                 : "authentication-certificate takes only one of thumbprint, "
                                                   "certificate-id and body");
        return nullptr;
    }
    const Attribute *password = element.attribute("password");
    if (password && !body)
        compiler.warning(password->nameRange,
                         "password is used with body only: certificates of the store carry theirs");
    const Source source = id ? Source::Id : thumbprint ? Source::Thumbprint : Source::Body;
    const char *name = id ? "certificate-id" : thumbprint ? "thumbprint" : "body";
    auto reference = compiler.attribute(element, name);
    if (!reference)
        return nullptr;
    // A literal reference must name a certificate of the store the gateway runs with.
    if (const certificates::Store *store = compiler.certificates();
        store && reference->isLiteral() && source != Source::Body) {
        const Attribute *attribute = id ? id : thumbprint;
        const bool found = source == Source::Id ? store->byId(reference->text()) != nullptr
                                                : store->byThumbprint(reference->text()) != nullptr;
        if (!found) {
            std::string message = "certificate " + std::string(source == Source::Id ? "'" : "with thumbprint '") +
                                  reference->text() + "' is not in the certificate store (" + store->folder().string() +
                                  ")";
            compiler.lenientReferences() ? compiler.warning(attribute->valueRange, message)
                                         : compiler.error(attribute->valueRange, message);
        } else if (auto certificate =
                       source == Source::Id ? store->byId(reference->text()) : store->byThumbprint(reference->text());
                   !certificate->hasPrivateKey()) {
            compiler.error(attribute->valueRange, "certificate '" + certificate->id +
                                                      "' has no private key: it cannot authenticate to a backend");
        }
    }
    std::optional<Template> secret;
    if (password)
        secret = compiler.attribute(element, "password");
    return std::make_shared<AuthenticationCertificatePolicy>(source, std::move(*reference), std::move(secret));
}

Flow AuthenticationCertificatePolicy::apply(Run &run) const
{
    std::shared_ptr<const http::ClientCertificate> prepared;
    std::string described;
    if (m_source == Source::Body) {
        auto body = run.value(m_reference);
        auto password = m_password ? run.text(*m_password) : std::optional<std::string>(std::string());
        if (!body || !password)
            return Flow::Fail;
        const std::string bytes = certificateBytes(*body);
        const std::string key = certificates::thumbprint(bytes) + "#" + certificates::thumbprint(*password);
        {
            const std::lock_guard lock(m_mutex);
            if (auto found = m_prepared.find(key); found != m_prepared.end())
                prepared = found->second;
        }
        if (!prepared) {
            auto certificate = certificates::fromBytes(bytes, *password);
            if (!certificate)
                return run.fail("CertificateInvalid",
                                "The certificate given in body cannot be read: " + certificate.error().message, 500,
                                "Internal server error");
            if (!certificate->hasPrivateKey())
                return run.fail("CertificateInvalid", "The certificate given in body has no private key.", 500,
                                "Internal server error");
            prepared = forBackend(certificate.value());
            const std::lock_guard lock(m_mutex);
            if (m_prepared.size() >= preparedLimit)
                m_prepared.clear();
            m_prepared.emplace(key, prepared);
        }
        described = "the certificate given in body";
    } else {
        auto reference = run.text(m_reference);
        if (!reference)
            return Flow::Fail;
        const certificates::Store &store = run.services().certificates();
        auto certificate = m_source == Source::Id ? store.byId(*reference) : store.byThumbprint(*reference);
        if (!certificate)
            return run.fail("CertificateNotFound",
                            m_source == Source::Id ? "Certificate with id '" + *reference + "' was not found."
                                                   : "Certificate with thumbprint '" + *reference + "' was not found.",
                            500, "Internal server error");
        if (!certificate->hasPrivateKey())
            return run.fail("CertificateInvalid",
                            "Certificate '" + certificate->id + "' has no private key to authenticate with.", 500,
                            "Internal server error");
        {
            // Same thumbprint, same certificate: a reload that rewrote the file changes nothing here.
            const std::lock_guard lock(m_mutex);
            if (auto found = m_prepared.find(certificate->thumbprint); found != m_prepared.end()) {
                prepared = found->second;
            } else {
                if (m_prepared.size() >= preparedLimit)
                    m_prepared.clear();
                prepared = forBackend(*certificate);
                m_prepared.emplace(certificate->thumbprint, prepared);
            }
        }
        described = "certificate '" + certificate->id + "'";
    }
    run.request().backendCertificate = std::move(prepared);
    if (run.tracing())
        run.note("client certificate: " + described + " (" + run.request().backendCertificate->thumbprint + ")");
    return Flow::Continue;
}

} // namespace gw::policy
