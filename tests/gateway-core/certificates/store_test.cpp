// The certificate store: PEM and PKCS#12 import, thumbprints as APIM shows them, names, dates, chain checks.
#include "test_certificates.h"

#include <certificates/store.h>

#include <temp_folder.h>

#include <gtest/gtest.h>

#include <openssl/evp.h>

namespace gw::certificates {

namespace {

using test::CertificateOptions;
using test::makeCertificate;
using test::TempFolder;

std::string sha1Hex(const std::string &bytes)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha1(), nullptr);
    std::string out;
    char two[3];
    for (unsigned i = 0; i < size; ++i) {
        std::snprintf(two, sizeof two, "%02X", digest[i]);
        out += two;
    }
    return out;
}

} // namespace

TEST(Certificates, PemGivesThumbprintNamesDatesAndKey)
{
    const auto ca = makeCertificate({.commonName = "Test Root", .authority = true});
    const auto leaf = makeCertificate(
        {.commonName = "orders-client", .dnsNames = {"orders.test", "api.orders.test"}, .serial = 0x1A2B}, &ca);
    auto parsed = fromPem(leaf.pem());
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed->thumbprint, sha1Hex(leaf.der()));
    EXPECT_EQ(parsed->thumbprint.size(), 40u);
    EXPECT_EQ(parsed->subject, "CN=orders-client, O=Contoso, C=US");
    EXPECT_EQ(parsed->issuer, "CN=Test Root, O=Contoso, C=US");
    EXPECT_EQ(parsed->commonName, "orders-client");
    EXPECT_EQ(parsed->serialNumber, "1A2B");
    EXPECT_EQ(parsed->dnsNames, (std::vector<std::string>{"orders.test", "api.orders.test"}));
    EXPECT_LT(parsed->notBefore, std::chrono::system_clock::now());
    EXPECT_GT(parsed->notAfter, std::chrono::system_clock::now() + std::chrono::hours(23));
    EXPECT_FALSE(parsed->isAuthority);
    EXPECT_TRUE(parsed->hasPrivateKey());
    EXPECT_EQ(parsed->der, leaf.der());

    auto root = fromPem(ca.certificatePem());
    ASSERT_TRUE(root.ok());
    EXPECT_TRUE(root->isAuthority);
    EXPECT_FALSE(root->hasPrivateKey());
}

TEST(Certificates, Pkcs12NeedsItsPasswordAndKeepsTheChain)
{
    const auto ca = makeCertificate({.commonName = "Test Root", .authority = true});
    const auto leaf = makeCertificate({.commonName = "pfx-client"}, &ca);
    const std::string pfx = leaf.pfx("s3cret", {&ca});

    auto parsed = fromPkcs12(pfx, "s3cret");
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed->thumbprint, sha1Hex(leaf.der()));
    EXPECT_EQ(parsed->commonName, "pfx-client");
    EXPECT_TRUE(parsed->hasPrivateKey());
    // The chain PEM holds the certificate then the CA.
    EXPECT_NE(parsed->chainPem.find("-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----"), std::string::npos);

    auto wrong = fromPkcs12(pfx, "nope");
    ASSERT_FALSE(wrong.ok());
    EXPECT_NE(wrong.error().message.find("wrong password"), std::string::npos) << wrong.error().message;
    EXPECT_TRUE(fromBytes(pfx, "s3cret").ok()); // what a policy's byte array may hold
    EXPECT_TRUE(fromBytes(leaf.der()).ok());
    EXPECT_FALSE(fromBytes("not a certificate").ok());
}

TEST(Certificates, AKeyOfAnotherCertificateIsRefused)
{
    const auto a = makeCertificate({.commonName = "a"});
    const auto b = makeCertificate({.commonName = "b"});
    auto mixed = fromPem(a.certificatePem() + b.keyPem());
    ASSERT_FALSE(mixed.ok());
    EXPECT_NE(mixed.error().message.find("does not belong"), std::string::npos);
}

TEST(Certificates, ThumbprintsCompareWithoutCaseOrSeparators)
{
    EXPECT_TRUE(sameThumbprint("ab:cd EF01", "ABCDEF01"));
    EXPECT_FALSE(sameThumbprint("ABCD", "ABCE"));
    EXPECT_FALSE(sameThumbprint("ABCD", "ABCDEF"));
}

TEST(Certificates, TheStoreReadsItsFolderById)
{
    TempFolder folder;
    const auto ca = makeCertificate({.commonName = "Store Root", .authority = true});
    const auto pem = makeCertificate({.commonName = "pem-client", .serial = 2}, &ca);
    const auto pfx = makeCertificate({.commonName = "pfx-client", .serial = 3}, &ca);
    folder.write("orders-client.pem", pem.pem());
    folder.write("billing.pfx", pfx.pfx("pfx-pass"));
    folder.write("billing.password", "pfx-pass\n");
    folder.write("root.crt", ca.certificatePem());
    folder.write("broken.pem", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
    folder.write("notes.txt", "ignored");

    Store store(folder.path());
    const auto problems = store.reload();
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("broken.pem"), std::string::npos);
    ASSERT_TRUE(store.byId("orders-client"));
    EXPECT_EQ(store.byId("orders-client")->commonName, "pem-client");
    ASSERT_TRUE(store.byId("billing"));
    EXPECT_TRUE(store.byId("billing")->hasPrivateKey());
    EXPECT_EQ(store.byThumbprint(sha1Hex(pfx.der()))->id, "billing");
    // As pasted from the portal: lower case works too.
    std::string lower = sha1Hex(pem.der());
    for (char &c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(store.byThumbprint(lower)->id, "orders-client");
    EXPECT_FALSE(store.byId("missing"));
    EXPECT_EQ(store.all().size(), 3u);

    // A reload picks up a removed file.
    std::filesystem::remove(folder / "billing.pfx");
    store.reload();
    EXPECT_FALSE(store.byId("billing"));
}

TEST(Certificates, TrustComesFromTheStoresAuthorities)
{
    TempFolder folder;
    const auto ca = makeCertificate({.commonName = "Trusted Root", .authority = true});
    const auto stranger = makeCertificate({.commonName = "Unknown Root", .authority = true});
    const auto good = makeCertificate({.commonName = "good", .serial = 10}, &ca);
    const auto revoked = makeCertificate({.commonName = "revoked", .serial = 11}, &ca);
    const auto foreign = makeCertificate({.commonName = "foreign", .serial = 12}, &stranger);
    const auto expired = makeCertificate({.commonName = "old", .serial = 13, .notAfterOffset = -60}, &ca);
    folder.write("root.crt", ca.certificatePem());
    Store store(folder.path());

    const auto check = [&](const test::TestCertificate &certificate, bool revocation = true) {
        return store.verify(fromDer(certificate.der()).value(), revocation).trust;
    };
    EXPECT_EQ(check(good), Store::Trust::Trusted);
    EXPECT_EQ(check(revoked), Store::Trust::Trusted); // no list yet
    EXPECT_EQ(check(foreign), Store::Trust::Untrusted);
    EXPECT_EQ(check(expired), Store::Trust::Trusted); // dates are checked apart

    folder.write("root.crl", test::makeCrl(ca, {11}));
    store.reload();
    EXPECT_EQ(check(revoked), Store::Trust::Revoked);
    EXPECT_EQ(check(revoked, false), Store::Trust::Trusted);
    EXPECT_EQ(check(good), Store::Trust::Trusted);
}

TEST(Certificates, ImportWritesAPemTheStoreReads)
{
    TempFolder folder;
    const auto leaf = makeCertificate({.commonName = "imported"});
    folder.write("in/client.pfx", leaf.pfx("pw"));
    auto imported = Store::import(folder / "store", "client-a", folder / "in/client.pfx", "pw");
    ASSERT_TRUE(imported.ok()) << imported.error().message;
    EXPECT_FALSE(Store::import(folder / "store", "../x", folder / "in/client.pfx", "pw").ok());
    EXPECT_FALSE(Store::import(folder / "store", "client-b", folder / "in/client.pfx", "bad").ok());
    Store store(folder / "store");
    ASSERT_TRUE(store.byId("client-a"));
    EXPECT_EQ(store.byId("client-a")->thumbprint, sha1Hex(leaf.der()));
    EXPECT_TRUE(store.byId("client-a")->hasPrivateKey());
}

} // namespace gw::certificates
