#include "certificate.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <memory>

namespace gw::certificates {

namespace {

template<typename T, void (*Free)(T *)>
struct Deleter {
    void operator()(T *p) const { Free(p); }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;

void freeStack(STACK_OF(X509) * stack)
{
    sk_X509_pop_free(stack, X509_free);
}
using StackPtr = std::unique_ptr<STACK_OF(X509), Deleter<STACK_OF(X509), freeStack>>;

std::string openSslError(std::string_view fallback)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return std::string(fallback);
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return std::string(fallback) + " (" + text + ")";
}

BioPtr memory(std::string_view bytes)
{
    return BioPtr(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
}

std::string bioText(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

std::string hex(const unsigned char *bytes, std::size_t size)
{
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 15];
    }
    return out;
}

// .NET's X509Certificate2.Subject: the most specific name first, ", " between parts ("CN=a, O=b, C=US").
std::string nameText(const X509_NAME *name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    const unsigned long flags = (XN_FLAG_RFC2253 & ~XN_FLAG_SEP_MASK & ~ASN1_STRFLGS_ESC_MSB) | XN_FLAG_SEP_CPLUS_SPC;
    X509_NAME_print_ex(bio.get(), name, 0, flags);
    return bioText(bio.get());
}

std::string lastCommonName(const X509_NAME *name)
{
    std::string out;
    int index = -1;
    while ((index = X509_NAME_get_index_by_NID(name, NID_commonName, index)) >= 0) {
        const ASN1_STRING *data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
        unsigned char *utf8 = nullptr;
        const int length = ASN1_STRING_to_UTF8(&utf8, data);
        if (length >= 0) {
            out.assign(reinterpret_cast<const char *>(utf8), static_cast<std::size_t>(length));
            OPENSSL_free(utf8);
        }
    }
    return out;
}

std::chrono::system_clock::time_point timeOf(const ASN1_TIME *time)
{
    std::tm parts{};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    return std::chrono::system_clock::from_time_t(timegm(&parts));
}

std::string pemOf(X509 *certificate)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), certificate);
    return bioText(bio.get());
}

Result<Certificate> describe(X509 *x509, EVP_PKEY *key, const STACK_OF(X509) * extra)
{
    Certificate out;
    unsigned char *der = nullptr;
    const int length = i2d_X509(x509, &der);
    if (length <= 0)
        return Error{openSslError("the certificate cannot be encoded")};
    out.der.assign(reinterpret_cast<const char *>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
    out.thumbprint = thumbprint(out.der);
    out.subject = nameText(X509_get_subject_name(x509));
    out.issuer = nameText(X509_get_issuer_name(x509));
    out.commonName = lastCommonName(X509_get_subject_name(x509));
    const ASN1_INTEGER *serial = X509_get0_serialNumber(x509);
    out.serialNumber = hex(ASN1_STRING_get0_data(serial), static_cast<std::size_t>(ASN1_STRING_length(serial)));
    out.notBefore = timeOf(X509_get0_notBefore(x509));
    out.notAfter = timeOf(X509_get0_notAfter(x509));
    out.isAuthority = X509_check_ca(x509) > 0 && (X509_get_extension_flags(x509) & EXFLAG_CA);
    if (auto *names = static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(x509, NID_subject_alt_name, nullptr, nullptr))) {
        for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
            const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, i);
            if (name->type == GEN_DNS) {
                const ASN1_STRING *text = name->d.dNSName;
                out.dnsNames.emplace_back(reinterpret_cast<const char *>(ASN1_STRING_get0_data(text)),
                                          static_cast<std::size_t>(ASN1_STRING_length(text)));
            }
        }
        GENERAL_NAMES_free(names);
    }
    out.chainPem = pemOf(x509);
    for (int i = 0; extra && i < sk_X509_num(extra); ++i)
        out.chainPem += pemOf(sk_X509_value(extra, i));
    if (key) {
        if (X509_check_private_key(x509, key) != 1)
            return Error{openSslError("the private key does not belong to the certificate")};
        BioPtr bio(BIO_new(BIO_s_mem()));
        PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
        out.privateKeyPem = bioText(bio.get());
    }
    return out;
}

int passwordCallback(char *buffer, int size, int, void *user)
{
    const auto *password = static_cast<const std::string *>(user);
    const int length = std::min<int>(size, static_cast<int>(password->size()));
    std::copy_n(password->data(), length, buffer);
    return length;
}

} // namespace

std::string thumbprint(std::string_view der)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(der.data(), der.size(), digest, &size, EVP_sha1(), nullptr);
    return hex(digest, size);
}

Result<Certificate> fromPem(std::string_view pem, std::string_view password)
{
    ERR_clear_error();
    const std::string secret(password);
    X509Ptr first;
    StackPtr extra(sk_X509_new_null());
    KeyPtr key;
    // Certificates in order (the first is the certificate, the others its chain), then the key wherever it stands.
    BioPtr bio = memory(pem);
    while (true) {
        X509 *certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
        if (!certificate)
            break;
        if (!first)
            first.reset(certificate);
        else
            sk_X509_push(extra.get(), certificate);
    }
    ERR_clear_error();
    if (!first)
        return Error{"no certificate (-----BEGIN CERTIFICATE-----) in the PEM text"};
    if (std::string_view(pem).find("PRIVATE KEY-----") != std::string_view::npos) {
        bio = memory(pem);
        key.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, passwordCallback, const_cast<std::string *>(&secret)));
        if (!key)
            return Error{openSslError(secret.empty() ? "the private key cannot be read (encrypted? give its password)"
                                                     : "the private key cannot be read (wrong password?)")};
    }
    return describe(first.get(), key.get(), extra.get());
}

Result<Certificate> fromPkcs12(std::string_view pfx, std::string_view password)
{
    ERR_clear_error();
    const auto *bytes = reinterpret_cast<const unsigned char *>(pfx.data());
    PKCS12 *p12 = d2i_PKCS12(nullptr, &bytes, static_cast<long>(pfx.size()));
    if (!p12)
        return Error{openSslError("not a PKCS#12 (PFX) file")};
    EVP_PKEY *key = nullptr;
    X509 *certificate = nullptr;
    STACK_OF(X509) *extra = nullptr;
    const std::string secret(password);
    const int parsed = PKCS12_parse(p12, secret.c_str(), &key, &certificate, &extra);
    PKCS12_free(p12);
    KeyPtr keyOwner(key);
    X509Ptr certificateOwner(certificate);
    StackPtr extraOwner(extra);
    if (parsed != 1)
        return Error{openSslError("the PKCS#12 (PFX) file cannot be opened (wrong password?)")};
    if (!certificate)
        return Error{"the PKCS#12 (PFX) file holds no certificate"};
    return describe(certificate, key, extra);
}

Result<Certificate> fromDer(std::string_view der)
{
    ERR_clear_error();
    const auto *bytes = reinterpret_cast<const unsigned char *>(der.data());
    X509Ptr certificate(d2i_X509(nullptr, &bytes, static_cast<long>(der.size())));
    if (!certificate)
        return Error{openSslError("not a DER certificate")};
    return describe(certificate.get(), nullptr, nullptr);
}

Result<Certificate> fromBytes(std::string_view bytes, std::string_view password)
{
    if (bytes.find("-----BEGIN ") != std::string_view::npos)
        return fromPem(bytes, password);
    // Both PKCS#12 and X.509 are DER SEQUENCEs: try the one a key can come in first.
    auto pfx = fromPkcs12(bytes, password);
    if (pfx)
        return pfx;
    auto der = fromDer(bytes);
    if (der)
        return der;
    return pfx.error().message.find("wrong password") != std::string::npos
               ? pfx
               : Result<Certificate>(Error{"neither PEM, PKCS#12 (PFX) nor a DER certificate"});
}

bool issuedBy(const Certificate &certificate, const Certificate &issuer)
{
    const auto decode = [](const std::string &der) {
        const auto *bytes = reinterpret_cast<const unsigned char *>(der.data());
        return X509Ptr(d2i_X509(nullptr, &bytes, static_cast<long>(der.size())));
    };
    X509Ptr subject = decode(certificate.der);
    X509Ptr parent = decode(issuer.der);
    if (!subject || !parent)
        return false;
    const bool issued = X509_check_issued(parent.get(), subject.get()) == X509_V_OK;
    EVP_PKEY *key = X509_get0_pubkey(parent.get());
    const bool signedBy = issued && key && X509_verify(subject.get(), key) == 1;
    ERR_clear_error();
    return signedBy;
}

bool sameThumbprint(std::string_view a, std::string_view b)
{
    const auto next = [](std::string_view text, std::size_t &i) -> int {
        while (i < text.size() && (text[i] == ' ' || text[i] == ':' || text[i] == '\t'))
            ++i;
        if (i == text.size())
            return -1;
        return std::toupper(static_cast<unsigned char>(text[i++]));
    };
    std::size_t i = 0, j = 0;
    for (;;) {
        const int x = next(a, i);
        const int y = next(b, j);
        if (x != y)
            return false;
        if (x < 0)
            return true;
    }
}

} // namespace gw::certificates
