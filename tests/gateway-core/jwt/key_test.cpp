// Keys and signatures: the JWS examples of RFC 7515 appendix A and RFC 7520 section 4 (exact tokens and keys from the
// RFCs), and every RS/PS/ES/HS variant with keys generated here by OpenSSL, as JWK, PEM and certificates.
#include <jwt/key.h>
#include <jwt/validator.h>

#include <gtest/gtest.h>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/encoder.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <memory>

using namespace gw::jwt;

namespace {

const char *rfc7515Payload =
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";

const char *rfc7515HsJwk =
    R"({"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"})";
const char *rfc7515HsToken =
    "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ."
    "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

const char *rfc7515RsaN =
    "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-"
    "pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-"
    "UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-"
    "DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ";
const char *rfc7515RsSignature =
    "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_"
    "O8W2Fp5jujGbds9uJdbF9CUAr7t1dn"
    "ZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--"
    "xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_"
    "IoypGlUPQGe77Rw";

const char *rfc7515EcJwk = R"({"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",)"
                           R"("y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"})";
const char *rfc7515EsSignature =
    "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";

// RFC 7520 §3.4 (RSA), §3.2 (EC P-521) and §3.5 (symmetric) keys, public parts.
const char *rfc7520RsaJwk =
    R"({"kty":"RSA","kid":"bilbo.baggins@hobbiton.example","use":"sig","n":"n4EPtAOCc9AlkeQHPzHStgAbgs7bTZLwUBZdR8_)"
    R"(KuKPEHLd4rHVTeT-O-XV2jRojdNhxJWTDvNd7nqQ0VEiZQHz_AJmSCpMaJMRBSFKrKb2wqVwGU_NsYOYL-QtiWN2lbzcEe6XC0dApr5ydQLrHqk)"
    R"(HHig3RBordaZ6Aj-oBHqFEHYpPe7Tpe-OfVfHd1E6cS6M1FZcD1NNLYD5lFHpPI9bTwJlsde3uhGqC0ZCuEHg8lhzwOHrtIQbS0FVbb9k3-tVT)"
    R"(U4fg_3L_vniUFAKwuCLqKnS2BYwdq_mzSnbLY7h_qixoR7jig3__kRhuaxwUkRz5iaiQkqgc5gHdrNP5zw","e":"AQAB"})";
const char *rfc7520EcJwk =
    R"({"kty":"EC","kid":"bilbo.baggins@hobbiton.example","use":"sig","crv":"P-521",)"
    R"("x":"AHKZLLOsCOzz5cY97ewNUajB957y-C-U88c3v13nmGZx6sYl_oJXu9A5RkTKqjqvjyekWF-7ytDyRXYgCF5cj0Kt",)"
    R"("y":"AdymlHvOiLxXkEhayXQnNCvDX4h9htZaCJN34kfmC6pV5OhQHiraVySsUdaQkAgDPrwQrJmbnX9cwlGfP-HqHZR1"})";
const char *rfc7520OctJwk = R"({"kty":"oct","kid":"018c0ae5-4d9b-471b-bfd6-eef314bc7037","use":"sig","alg":"HS256",)"
                            R"("k":"hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg"})";
const char *rfc7520Payload =
    "SXTigJlzIGEgZGFuZ2Vyb3VzIGJ1c2luZXNzLCBGcm9kbywgZ29pbmcgb3V0IHlvdXIgZG9vci4gWW91IHN0ZXAgb250byB0aGUgcm9hZCwgYW5kIG"
    "lmIHlvdSBkb24ndCBrZWVwIHlvdXIgZmVldCwgdGhlcmXigJlzIG5vIGtub3dpbmcgd2hlcmUgeW91IG1pZ2h0IGJlIHN3ZXB0IG9mZiB0by4";

Key jwk(const char *json)
{
    auto key = Key::fromJwk(nlohmann::json::parse(json));
    EXPECT_TRUE(key.ok()) << (key.ok() ? "" : key.error().message);
    return key.value();
}

std::optional<Failure> check(const std::string &compact, const std::vector<Key> &keys)
{
    auto token = parseCompact(compact);
    EXPECT_TRUE(token.ok()) << (token.ok() ? "" : token.error().message);
    if (!token)
        return Failure{Reason::JwtInvalid, token.error().message};
    return checkSignature(token.value(), keys);
}

// Changes one signature character well before the end (the last one may carry only padding bits).
std::string flipLastSignatureCharacter(std::string compact)
{
    char &c = compact[compact.size() - 5];
    c = c == 'A' ? 'B' : 'A';
    return compact;
}

} // namespace

TEST(Base64, RoundTripsAndRejectsGarbage)
{
    EXPECT_EQ(decodeBase64Url("eyJhbGciOiJSUzI1NiJ9").value(), R"({"alg":"RS256"})");
    EXPECT_EQ(decodeBase64("aGk=").value(), "hi");
    EXPECT_EQ(encodeBase64Url("\xfb\xff"), "-_8");
    EXPECT_EQ(decodeBase64Url("-_8").value(), "\xfb\xff");
    EXPECT_FALSE(decodeBase64Url("ab$c").has_value());
    EXPECT_FALSE(decodeBase64Url("a").has_value());
}

TEST(Rfc7515, A1Hs256)
{
    EXPECT_FALSE(check(rfc7515HsToken, {jwk(rfc7515HsJwk)}).has_value());
    // The same secret as a policy's Base64 <key> text.
    auto secret = decodeBase64Url(nlohmann::json::parse(rfc7515HsJwk)["k"].get<std::string>()).value();
    auto fromText =
        Key::fromText("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ+EstJQLr/T+1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow==");
    ASSERT_TRUE(fromText.ok());
    ASSERT_EQ(fromText->size(), 1u);
    EXPECT_EQ(fromText.value()[0].kind(), KeyKind::Symmetric);
    EXPECT_FALSE(check(rfc7515HsToken, fromText.value()).has_value());
    auto bad = check(flipLastSignatureCharacter(rfc7515HsToken), {jwk(rfc7515HsJwk)});
    ASSERT_TRUE(bad.has_value());
    EXPECT_EQ(bad->reason, Reason::TokenSignatureInvalid);
}

TEST(Rfc7515, A2Rs256)
{
    const std::string token = std::string("eyJhbGciOiJSUzI1NiJ9.") + rfc7515Payload + "." + rfc7515RsSignature;
    const std::string json = std::string(R"({"kty":"RSA","e":"AQAB","n":")") + rfc7515RsaN + "\"}";
    EXPECT_FALSE(check(token, {jwk(json.c_str())}).has_value());
    auto fromParts = Key::rsa(rfc7515RsaN, "AQAB");
    ASSERT_TRUE(fromParts.ok());
    EXPECT_FALSE(check(token, {fromParts.value()}).has_value());
    auto bad = check(flipLastSignatureCharacter(token), {fromParts.value()});
    ASSERT_TRUE(bad.has_value());
    EXPECT_EQ(bad->reason, Reason::TokenSignatureInvalid);
}

TEST(Rfc7515, A3Es256)
{
    const std::string token = std::string("eyJhbGciOiJFUzI1NiJ9.") + rfc7515Payload + "." + rfc7515EsSignature;
    EXPECT_FALSE(check(token, {jwk(rfc7515EcJwk)}).has_value());
    auto bad = check(flipLastSignatureCharacter(token), {jwk(rfc7515EcJwk)});
    ASSERT_TRUE(bad.has_value());
    EXPECT_EQ(bad->reason, Reason::TokenSignatureInvalid);
    // A P-256 key cannot check ES512.
    const std::string es512 = std::string("eyJhbGciOiJFUzUxMiJ9.") + rfc7515Payload + "." + rfc7515EsSignature;
    auto wrong = check(es512, {jwk(rfc7515EcJwk)});
    ASSERT_TRUE(wrong.has_value());
    EXPECT_EQ(wrong->reason, Reason::TokenSignatureInvalid);
}

TEST(Rfc7520, S41Rs256)
{
    const std::string token =
        std::string("eyJhbGciOiJSUzI1NiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9.") + rfc7520Payload +
        ".MRjdkly7_-oTPTS3AXP41iQIGKa80A0ZmTuV5MEaHoxnW2e5CZ5NlKtainoFmKZopdHM1O2U4mwzJdQx996ivp83xuglII7PNDi84wnB-"
        "BDkoBwA78185hX-Es4JIwmDLJK3lfWRa-XtL0RnltuYv746iYTh_"
        "qHRD68BNt1uSNCrUCTJDt5aAE6x8wW1Kt9eRo4QPocSadnHXFxnt8Is9UzpERV0"
        "ePPQdLuW3IS_de3xyIrDaLGdjluPxUAhb6L2aXic1U12podGU0KLUQSE_oI-ZnmKJ3F4uOZDnd6QZWJushZ41Axf_"
        "fcIe8u9ipH84ogoree7vjbU5y18kDquDg";
    EXPECT_FALSE(check(token, {jwk(rfc7520RsaJwk)}).has_value());
    auto parsed = parseCompact(token);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->keyId, "bilbo.baggins@hobbiton.example");
    EXPECT_TRUE(parsed->payload.starts_with("It\xe2\x80\x99s a dangerous business, Frodo"));
}

TEST(Rfc7520, S42Ps384)
{
    const std::string token =
        std::string("eyJhbGciOiJQUzM4NCIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9.") + rfc7520Payload +
        ".cu22eBqkYDKgIlTpzDXGvaFfz6WGoz7fUDcfT0kkOy42miAh2qyBzk1xEsnk2IpN6-tPid6VrklHkqsGqDqHCdP6O8TTB5dDDItllVo6_"
        "1OLPpcbUrhiUSMxbbXUvdvWXzg-UD8biiReQFlfz28zGWVsdiNAUf8ZnyPEgVFn442ZdNqiVJRmBqrYRXe8P_"
        "ijQ7p8Vdz0TTrxUeT3lm8d9shnr2l"
        "fJT8ImUjvAA2Xez2Mlp8cBE5awDzT0qI0n6uiP1aCN_2_"
        "jLAeQTlqRHtfa64QQSUmFAAjVKPbByi7xho0uTOcbH510a6GYmJUAfmWjwZ6oD4ifKo8DY"
        "M-X72Eaw";
    EXPECT_FALSE(check(token, {jwk(rfc7520RsaJwk)}).has_value());
    EXPECT_TRUE(check(flipLastSignatureCharacter(token), {jwk(rfc7520RsaJwk)}).has_value());
}

TEST(Rfc7520, S43Es512)
{
    const std::string token =
        std::string("eyJhbGciOiJFUzUxMiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9.") + rfc7520Payload +
        ".AE_R_YZCChjn4791jSQCrdPZCNYqHXCTZH0-JZGYNlaAjP2kqaluUIIUnC9qvbu9Plon7KRTzoNEuT4Va2cmL1eJAQy3mtPBu_u_"
        "sDDyYjnAMDxXPn7XrT0lw-kvAD890jl8e2puQens_IEKBpHABlsbEPX6sFY8OcGDqoRuBomu9xQ2";
    EXPECT_FALSE(check(token, {jwk(rfc7520EcJwk)}).has_value());
    EXPECT_TRUE(check(flipLastSignatureCharacter(token), {jwk(rfc7520EcJwk)}).has_value());
}

TEST(Rfc7520, S44Hs256)
{
    const std::string token =
        std::string("eyJhbGciOiJIUzI1NiIsImtpZCI6IjAxOGMwYWU1LTRkOWItNDcxYi1iZmQ2LWVlZjMxNGJjNzAzNyJ9.") +
        rfc7520Payload + ".s0h6KThzkfBBBkLspW1h84VsJZFTsPPqMDA7g1Md7p0";
    EXPECT_FALSE(check(token, {jwk(rfc7520OctJwk)}).has_value());
    // Looked up by kid in a key set with other keys.
    auto set = parseJwks(std::string(R"({"keys":[)") + rfc7520RsaJwk + "," + rfc7520EcJwk + "," + rfc7520OctJwk + "]}");
    ASSERT_TRUE(set.ok());
    EXPECT_EQ(set->size(), 3u);
    EXPECT_FALSE(check(token, set.value()).has_value());
    // The oct key's JWK says alg HS256: it is not used for HS512.
    const std::string hs512 =
        std::string("eyJhbGciOiJIUzUxMiIsImtpZCI6IjAxOGMwYWU1LTRkOWItNDcxYi1iZmQ2LWVlZjMxNGJjNzAzNyJ9.") +
        rfc7520Payload + ".s0h6KThzkfBBBkLspW1h84VsJZFTsPPqMDA7g1Md7p0";
    EXPECT_TRUE(check(hs512, {jwk(rfc7520OctJwk)}).has_value());
}

// --- every algorithm, with keys made here ---

namespace {

struct Pkey {
    std::shared_ptr<EVP_PKEY> key;
};

Pkey generate(const char *type, const char *parameter)
{
    EVP_PKEY *key = nullptr;
    if (std::string(type) == "RSA")
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048));
    else
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", parameter);
    return Pkey{std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free)};
}

const EVP_MD *digest(std::string_view alg)
{
    if (alg.ends_with("256"))
        return EVP_sha256();
    if (alg.ends_with("384"))
        return EVP_sha384();
    return EVP_sha512();
}

std::string sign(const Pkey &key, std::string_view alg, const std::string &input)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = nullptr;
    EVP_DigestSignInit(ctx, &pctx, digest(alg), nullptr, key.key.get());
    if (alg.starts_with("PS")) {
        EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING);
        EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST);
    }
    size_t length = 0;
    EVP_DigestSign(ctx, nullptr, &length, reinterpret_cast<const unsigned char *>(input.data()), input.size());
    std::string signature(length, '\0');
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(signature.data()), &length,
                   reinterpret_cast<const unsigned char *>(input.data()), input.size());
    signature.resize(length);
    EVP_MD_CTX_free(ctx);
    if (!alg.starts_with("ES"))
        return signature;
    // DER ECDSA-Sig-Value to the JWS form: R and S, each padded to the curve size.
    const std::size_t half = alg == "ES256" ? 32 : alg == "ES384" ? 48 : 66;
    const auto *p = reinterpret_cast<const unsigned char *>(signature.data());
    ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(signature.size()));
    std::string raw(2 * half, '\0');
    BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char *>(raw.data()), static_cast<int>(half));
    BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char *>(raw.data()) + half, static_cast<int>(half));
    ECDSA_SIG_free(sig);
    return raw;
}

std::string publicPem(const Pkey &key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, key.key.get());
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    std::string pem(data, static_cast<std::size_t>(length));
    BIO_free(bio);
    return pem;
}

// PKCS#1 "BEGIN RSA PUBLIC KEY", as older tools write RSA keys.
std::string pkcs1Pem(const Pkey &key)
{
    OSSL_ENCODER_CTX *encoder =
        OSSL_ENCODER_CTX_new_for_pkey(key.key.get(), EVP_PKEY_PUBLIC_KEY, "PEM", "type-specific", nullptr);
    unsigned char *data = nullptr;
    size_t length = 0;
    OSSL_ENCODER_to_data(encoder, &data, &length);
    OSSL_ENCODER_CTX_free(encoder);
    std::string pem(reinterpret_cast<char *>(data), length);
    OPENSSL_free(data);
    return pem;
}

// A self-signed certificate of the key, as DER.
std::string certificateDer(const Pkey &key)
{
    X509 *cert = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_set_pubkey(cert, key.key.get());
    X509_NAME *name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("gatehouse test"), -1,
                               -1, 0);
    X509_set_issuer_name(cert, name);
    X509_sign(cert, key.key.get(), EVP_sha256());
    unsigned char *der = nullptr;
    const int length = i2d_X509(cert, &der);
    std::string out(reinterpret_cast<char *>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
    X509_free(cert);
    return out;
}

std::string base64(const std::string &bytes)
{
    std::string url = encodeBase64Url(bytes);
    for (char &c : url)
        c = c == '-' ? '+' : c == '_' ? '/' : c;
    while (url.size() % 4)
        url += '=';
    return url;
}

std::string pemCertificate(const std::string &der)
{
    std::string body = base64(der);
    std::string pem = "-----BEGIN CERTIFICATE-----\n";
    for (std::size_t i = 0; i < body.size(); i += 64)
        pem += body.substr(i, 64) + "\n";
    return pem + "-----END CERTIFICATE-----\n";
}

std::string tokenFor(const Pkey &key, const std::string &alg)
{
    const std::string input = encodeBase64Url(R"({"alg":")" + alg + R"("})") + "." + encodeBase64Url(R"({"sub":"x"})");
    return input + "." + encodeBase64Url(sign(key, alg, input));
}

} // namespace

TEST(Algorithms, RsaAndPssFromPemAndCertificates)
{
    const Pkey rsa = generate("RSA", nullptr);
    const Pkey other = generate("RSA", nullptr);
    auto pem = Key::pem(publicPem(rsa));
    ASSERT_TRUE(pem.ok()) << pem.error().message;
    const std::string der = certificateDer(rsa);
    auto certificate = Key::certificate(base64(der));
    ASSERT_TRUE(certificate.ok()) << certificate.error().message;
    auto pemCert = Key::fromText(pemCertificate(der));
    ASSERT_TRUE(pemCert.ok()) << pemCert.error().message;
    auto derText = Key::fromText(base64(der));
    ASSERT_TRUE(derText.ok());
    EXPECT_EQ(derText.value()[0].kind(), KeyKind::Rsa);
    const std::string pkcs1 = pkcs1Pem(rsa);
    ASSERT_NE(pkcs1.find("BEGIN RSA PUBLIC KEY"), std::string::npos);
    auto fromPkcs1 = Key::pem(pkcs1);
    ASSERT_TRUE(fromPkcs1.ok()) << fromPkcs1.error().message;
    auto wrong = Key::pem(publicPem(other));
    ASSERT_TRUE(wrong.ok());
    for (const char *alg : {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"}) {
        SCOPED_TRACE(alg);
        const std::string token = tokenFor(rsa, alg);
        EXPECT_FALSE(check(token, {pem.value()}).has_value());
        EXPECT_FALSE(check(token, {certificate.value()}).has_value());
        EXPECT_FALSE(check(token, pemCert.value()).has_value());
        EXPECT_FALSE(check(token, derText.value()).has_value());
        EXPECT_FALSE(check(token, {fromPkcs1.value()}).has_value());
        auto failure = check(token, {wrong.value()});
        ASSERT_TRUE(failure.has_value());
        EXPECT_EQ(failure->reason, Reason::TokenSignatureInvalid);
    }
}

TEST(Algorithms, EcdsaOnEachCurve)
{
    for (auto [alg, curve] : {std::pair{"ES256", "P-256"}, std::pair{"ES384", "P-384"}, std::pair{"ES512", "P-521"}}) {
        SCOPED_TRACE(alg);
        const Pkey ec = generate("EC", curve);
        auto pem = Key::pem(publicPem(ec));
        ASSERT_TRUE(pem.ok()) << pem.error().message;
        EXPECT_EQ(pem->kind(), KeyKind::Ec);
        const std::string token = tokenFor(ec, alg);
        EXPECT_FALSE(check(token, {pem.value()}).has_value());
        auto certificate = Key::certificate(base64(certificateDer(ec)));
        ASSERT_TRUE(certificate.ok());
        EXPECT_FALSE(check(token, {certificate.value()}).has_value());
        EXPECT_TRUE(check(flipLastSignatureCharacter(token), {pem.value()}).has_value());
    }
}

TEST(Algorithms, HmacVariants)
{
    const std::string secret = "a shared secret of more than thirty-two bytes, for HS512 too";
    const Key key = Key::symmetric(secret);
    for (auto [alg, md] :
         {std::pair{"HS256", EVP_sha256()}, std::pair{"HS384", EVP_sha384()}, std::pair{"HS512", EVP_sha512()}}) {
        SCOPED_TRACE(alg);
        const std::string input = encodeBase64Url(std::string(R"({"alg":")") + alg + R"("})") + ".e30";
        unsigned char mac[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        HMAC(md, secret.data(), static_cast<int>(secret.size()), reinterpret_cast<const unsigned char *>(input.data()),
             input.size(), mac, &length);
        const std::string token = input + "." + encodeBase64Url(std::string(reinterpret_cast<char *>(mac), length));
        EXPECT_FALSE(check(token, {key}).has_value());
        EXPECT_TRUE(check(token, {Key::symmetric("another secret")}).has_value());
    }
}

TEST(Keys, BadInputIsAnErrorNotACrash)
{
    EXPECT_FALSE(Key::rsa("", "AQAB").ok());
    EXPECT_FALSE(Key::rsa("not base64!", "AQAB").ok());
    EXPECT_FALSE(Key::pem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n").ok());
    EXPECT_FALSE(Key::fromText("").ok());
    EXPECT_FALSE(Key::fromText("{not json").ok());
    EXPECT_FALSE(Key::fromJwk(nlohmann::json::parse(R"({"kty":"EC","crv":"P-256","x":"AA","y":"AA"})")).ok());
    EXPECT_FALSE(Key::fromJwk(nlohmann::json::parse(R"({"kty":"oct"})")).ok());
    EXPECT_FALSE(parseJwks("[]").ok());
    // Unknown key types in a set are skipped, not fatal.
    auto set = parseJwks(std::string(R"({"keys":[{"kty":"OKP","crv":"Ed25519","x":"AA"},)") + rfc7520OctJwk + "]}");
    ASSERT_TRUE(set.ok());
    EXPECT_EQ(set->size(), 1u);
}
