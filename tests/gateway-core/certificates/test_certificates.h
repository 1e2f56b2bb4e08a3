#pragma once

// Certificates for tests, made with OpenSSL when a test runs: a CA, certificates it signs (client or server, with
// DNS names), self-signed ones, PKCS#12 files and revocation lists. Nothing secret is committed to the repository.

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <memory>
#include <string>
#include <vector>

namespace gw::test {

struct TestCertificate {
    std::shared_ptr<X509> x509;
    std::shared_ptr<EVP_PKEY> key;

    std::string certificatePem() const
    {
        BIO *bio = BIO_new(BIO_s_mem());
        PEM_write_bio_X509(bio, x509.get());
        return take(bio);
    }
    std::string keyPem() const
    {
        BIO *bio = BIO_new(BIO_s_mem());
        PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
        return take(bio);
    }
    std::string pem() const { return certificatePem() + keyPem(); }
    std::string der() const
    {
        unsigned char *bytes = nullptr;
        const int length = i2d_X509(x509.get(), &bytes);
        std::string out(reinterpret_cast<const char *>(bytes), static_cast<std::size_t>(length));
        OPENSSL_free(bytes);
        return out;
    }
    // PKCS#12 with `password`, the certificate, its key and `chain`.
    std::string pfx(const std::string &password, const std::vector<const TestCertificate *> &chain = {}) const
    {
        STACK_OF(X509) *extra = sk_X509_new_null();
        for (const TestCertificate *certificate : chain) {
            X509_up_ref(certificate->x509.get());
            sk_X509_push(extra, certificate->x509.get());
        }
        PKCS12 *p12 = PKCS12_create(password.c_str(), "test", key.get(), x509.get(), extra, 0, 0, 0, 0, 0);
        sk_X509_pop_free(extra, X509_free);
        unsigned char *bytes = nullptr;
        const int length = i2d_PKCS12(p12, &bytes);
        std::string out(reinterpret_cast<const char *>(bytes), static_cast<std::size_t>(length));
        OPENSSL_free(bytes);
        PKCS12_free(p12);
        return out;
    }

    static std::string take(BIO *bio)
    {
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        std::string out(data, static_cast<std::size_t>(size));
        BIO_free(bio);
        return out;
    }
};

struct CertificateOptions {
    std::string commonName = "client";
    std::string organization = "Contoso";
    std::vector<std::string> dnsNames;
    bool authority = false;
    long serial = 1;
    long notBeforeOffset = -3600; // seconds from now
    long notAfterOffset = 86400;
    bool rsa = false; // an RSA 2048 key instead of P-256
};

inline std::shared_ptr<EVP_PKEY> makeKey(bool rsa = false)
{
    return std::shared_ptr<EVP_PKEY>(rsa ? EVP_RSA_gen(2048) : EVP_EC_gen("P-256"), EVP_PKEY_free);
}

// A certificate signed by `issuer` (self-signed when null).
inline TestCertificate makeCertificate(const CertificateOptions &options, const TestCertificate *issuer = nullptr)
{
    TestCertificate out;
    out.key = makeKey(options.rsa);
    out.x509 = std::shared_ptr<X509>(X509_new(), X509_free);
    X509 *x = out.x509.get();
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), options.serial);
    X509_gmtime_adj(X509_getm_notBefore(x), options.notBeforeOffset);
    X509_gmtime_adj(X509_getm_notAfter(x), options.notAfterOffset);
    X509_set_pubkey(x, out.key.get());
    X509_NAME *name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "C", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("US"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>(options.organization.c_str()), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>(options.commonName.c_str()), -1, -1, 0);
    X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer->x509.get()) : name);
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer ? issuer->x509.get() : x, x, nullptr, nullptr, 0);
    const auto extension = [&](int nid, const std::string &value) {
        X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str());
        X509_add_ext(x, ext, -1);
        X509_EXTENSION_free(ext);
    };
    extension(NID_basic_constraints, options.authority ? "critical,CA:TRUE" : "CA:FALSE");
    if (options.authority)
        extension(NID_key_usage, "critical,keyCertSign,cRLSign");
    extension(NID_subject_key_identifier, "hash");
    if (!options.dnsNames.empty()) {
        std::string names;
        for (const std::string &dns : options.dnsNames)
            names += (names.empty() ? "DNS:" : ",DNS:") + dns;
        extension(NID_subject_alt_name, names);
    }
    X509_sign(x, issuer ? issuer->key.get() : out.key.get(), EVP_sha256());
    return out;
}

// A revocation list of `issuer` naming the serial numbers `revoked`, PEM.
inline std::string makeCrl(const TestCertificate &issuer, const std::vector<long> &revoked)
{
    X509_CRL *crl = X509_CRL_new();
    X509_CRL_set_version(crl, 1);
    X509_CRL_set_issuer_name(crl, X509_get_subject_name(issuer.x509.get()));
    ASN1_TIME *now = ASN1_TIME_adj(nullptr, std::time(nullptr), 0, -60);
    ASN1_TIME *next = ASN1_TIME_adj(nullptr, std::time(nullptr), 1, 0);
    X509_CRL_set1_lastUpdate(crl, now);
    X509_CRL_set1_nextUpdate(crl, next);
    for (const long serial : revoked) {
        X509_REVOKED *entry = X509_REVOKED_new();
        ASN1_INTEGER *number = ASN1_INTEGER_new();
        ASN1_INTEGER_set(number, serial);
        X509_REVOKED_set_serialNumber(entry, number);
        X509_REVOKED_set_revocationDate(entry, now);
        X509_CRL_add0_revoked(crl, entry);
        ASN1_INTEGER_free(number);
    }
    X509_CRL_sort(crl);
    X509_CRL_sign(crl, issuer.key.get(), EVP_sha256());
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509_CRL(bio, crl);
    X509_CRL_free(crl);
    ASN1_TIME_free(now);
    ASN1_TIME_free(next);
    return TestCertificate::take(bio);
}

} // namespace gw::test
