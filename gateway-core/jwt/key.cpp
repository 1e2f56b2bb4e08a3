#include "key.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/decoder.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <array>

namespace gw::jwt {

namespace {

const std::array<int, 256> &base64Table()
{
    static const std::array<int, 256> table = [] {
        std::array<int, 256> t{};
        t.fill(-1);
        const char *chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 62; ++i)
            t[static_cast<unsigned char>(chars[i])] = i;
        t['+'] = t['-'] = 62;
        t['/'] = t['_'] = 63;
        return t;
    }();
    return table;
}

std::optional<std::string> decode(std::string_view text)
{
    const auto &table = base64Table();
    std::string out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t buffer = 0;
    int bits = 0;
    std::size_t symbols = 0;
    std::size_t i = 0;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '=')
            break;
        // Keys pasted into policies are often wrapped over several lines.
        if (c == '\r' || c == '\n' || c == ' ' || c == '\t')
            continue;
        const int v = table[static_cast<unsigned char>(c)];
        if (v < 0)
            return std::nullopt;
        ++symbols;
        buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    for (; i < text.size(); ++i) {
        if (text[i] != '=' && text[i] != '\r' && text[i] != '\n' && text[i] != ' ')
            return std::nullopt;
    }
    if (symbols % 4 == 1)
        return std::nullopt; // a single symbol cannot end a group
    return out;
}

std::shared_ptr<EVP_PKEY> share(EVP_PKEY *key)
{
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

const EVP_MD *digestFor(std::string_view alg)
{
    const std::string_view bits = alg.size() == 5 ? alg.substr(2) : std::string_view();
    if (bits == "256")
        return EVP_sha256();
    if (bits == "384")
        return EVP_sha384();
    if (bits == "512")
        return EVP_sha512();
    return nullptr;
}

Result<std::shared_ptr<EVP_PKEY>> rsaFromParts(const std::string &n, const std::string &e)
{
    if (n.empty() || e.empty())
        return Error{"the RSA modulus and exponent must not be empty"};
    BIGNUM *bn = BN_bin2bn(reinterpret_cast<const unsigned char *>(n.data()), static_cast<int>(n.size()), nullptr);
    BIGNUM *be = BN_bin2bn(reinterpret_cast<const unsigned char *>(e.data()), static_cast<int>(e.size()), nullptr);
    OSSL_PARAM_BLD *builder = OSSL_PARAM_BLD_new();
    OSSL_PARAM *params = nullptr;
    EVP_PKEY *key = nullptr;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
    if (bn && be && builder && ctx && OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_RSA_N, bn) &&
        OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_RSA_E, be) &&
        (params = OSSL_PARAM_BLD_to_param(builder)) != nullptr && EVP_PKEY_fromdata_init(ctx) > 0)
        EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params);
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(builder);
    BN_free(bn);
    BN_free(be);
    if (!key)
        return Error{"not a usable RSA public key"};
    return share(key);
}

Result<std::shared_ptr<EVP_PKEY>> ecFromParts(std::string_view curve, const std::string &x, const std::string &y)
{
    std::size_t size = 0;
    const char *group = nullptr;
    if (curve == "P-256") {
        size = 32;
        group = "prime256v1";
    } else if (curve == "P-384") {
        size = 48;
        group = "secp384r1";
    } else if (curve == "P-521") {
        size = 66;
        group = "secp521r1";
    } else {
        return Error{"unsupported elliptic curve '" + std::string(curve) + "'"};
    }
    if (x.size() != size || y.size() != size)
        return Error{"the EC key's x and y must be " + std::to_string(size) + " bytes for " + std::string(curve)};
    std::string point = "\x04" + x + y;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, const_cast<char *>(group), 0),
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()),
        OSSL_PARAM_construct_end(),
    };
    EVP_PKEY *key = nullptr;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
    if (ctx && EVP_PKEY_fromdata_init(ctx) > 0)
        EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params);
    EVP_PKEY_CTX_free(ctx);
    if (!key)
        return Error{"not a point on " + std::string(curve)};
    return share(key);
}

Result<KeyKind> kindOf(EVP_PKEY *key)
{
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS:
        return KeyKind::Rsa;
    case EVP_PKEY_EC:
        return KeyKind::Ec;
    default:
        return Error{"only RSA and EC public keys can check token signatures"};
    }
}

// The curve size in bits each ES algorithm requires.
int curveBitsFor(std::string_view alg)
{
    if (alg == "ES256")
        return 256;
    if (alg == "ES384")
        return 384;
    if (alg == "ES512")
        return 521;
    return 0;
}

// RFC 7518 §3.4: R and S, each the size of the curve order, concatenated; OpenSSL wants a DER ECDSA-Sig-Value.
std::optional<std::string> ecdsaToDer(std::string_view signature, std::size_t half)
{
    if (signature.size() != 2 * half)
        return std::nullopt;
    const auto *bytes = reinterpret_cast<const unsigned char *>(signature.data());
    BIGNUM *r = BN_bin2bn(bytes, static_cast<int>(half), nullptr);
    BIGNUM *s = BN_bin2bn(bytes + half, static_cast<int>(half), nullptr);
    ECDSA_SIG *sig = ECDSA_SIG_new();
    if (!r || !s || !sig || ECDSA_SIG_set0(sig, r, s) != 1) {
        BN_free(r);
        BN_free(s);
        ECDSA_SIG_free(sig);
        return std::nullopt;
    }
    unsigned char *der = nullptr;
    const int length = i2d_ECDSA_SIG(sig, &der);
    ECDSA_SIG_free(sig);
    if (length <= 0)
        return std::nullopt;
    std::string out(reinterpret_cast<char *>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
    return out;
}

bool verifyWithKey(EVP_PKEY *key, const EVP_MD *md, bool pss, std::string_view input, std::string_view signature)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = nullptr;
    bool ok = ctx && EVP_DigestVerifyInit(ctx, &pctx, md, nullptr, key) == 1;
    if (ok && pss) {
        // RFC 7518 §3.5: MGF1 with the same hash, salt as long as the hash.
        ok = EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) > 0 &&
             EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) > 0 &&
             EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, md) > 0;
    } else if (ok && EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA) {
        ok = EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) > 0;
    }
    ok = ok && EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(signature.data()), signature.size(),
                                reinterpret_cast<const unsigned char *>(input.data()), input.size()) == 1;
    EVP_MD_CTX_free(ctx);
    return ok;
}

Result<std::shared_ptr<EVP_PKEY>> keyFromDerCertificate(const std::string &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.data());
    X509 *cert = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
    if (!cert)
        return Error{"not an X.509 certificate"};
    const bool whole = p == reinterpret_cast<const unsigned char *>(der.data()) + der.size();
    EVP_PKEY *key = X509_get_pubkey(cert);
    X509_free(cert);
    if (!whole || !key) {
        EVP_PKEY_free(key);
        return Error{"not an X.509 certificate"};
    }
    return share(key);
}

std::string field(const nlohmann::json &jwk, const char *name)
{
    auto it = jwk.find(name);
    return it != jwk.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

std::optional<std::string> decodeBase64Url(std::string_view text)
{
    return decode(text);
}

std::optional<std::string> decodeBase64(std::string_view text)
{
    return decode(text);
}

std::string encodeBase64Url(std::string_view bytes)
{
    static const char *chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += chars[(buffer >> bits) & 0x3F];
        }
    }
    if (bits > 0)
        out += chars[(buffer << (6 - bits)) & 0x3F];
    return out;
}

Key Key::symmetric(std::string bytes)
{
    Key key;
    key.m_kind = KeyKind::Symmetric;
    key.m_secret = std::move(bytes);
    return key;
}

Result<Key> Key::rsa(std::string_view modulus, std::string_view exponent)
{
    auto n = decodeBase64Url(modulus);
    auto e = decodeBase64Url(exponent);
    if (!n || !e)
        return Error{"the RSA modulus and exponent must be Base64"};
    auto pkey = rsaFromParts(*n, *e);
    if (!pkey)
        return pkey.error();
    Key key;
    key.m_kind = KeyKind::Rsa;
    key.m_pkey = std::move(pkey.value());
    return key;
}

Result<Key> Key::pem(std::string_view text)
{
    BIO *bio = BIO_new_mem_buf(text.data(), static_cast<int>(text.size()));
    if (!bio)
        return Error{"out of memory"};
    EVP_PKEY *pkey = nullptr;
    if (text.find("CERTIFICATE") != std::string_view::npos) {
        if (X509 *cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) {
            pkey = X509_get_pubkey(cert);
            X509_free(cert);
        }
    } else {
        // The decoder reads SubjectPublicKeyInfo ("PUBLIC KEY") and PKCS#1 ("RSA PUBLIC KEY") alike.
        OSSL_DECODER_CTX *decoder =
            OSSL_DECODER_CTX_new_for_pkey(&pkey, "PEM", nullptr, nullptr, EVP_PKEY_PUBLIC_KEY, nullptr, nullptr);
        if (decoder)
            OSSL_DECODER_from_bio(decoder, bio);
        OSSL_DECODER_CTX_free(decoder);
    }
    BIO_free(bio);
    if (!pkey)
        return Error{"not a PEM public key or certificate"};
    return fromPublicKey(share(pkey));
}

Result<Key> Key::certificate(std::string_view base64Der)
{
    auto der = decodeBase64(base64Der);
    if (!der)
        return Error{"the certificate must be Base64"};
    auto pkey = keyFromDerCertificate(*der);
    if (!pkey)
        return pkey.error();
    return fromPublicKey(std::move(pkey.value()));
}

Result<Key> Key::fromPublicKey(std::shared_ptr<EVP_PKEY> pkey)
{
    auto kind = kindOf(pkey.get());
    if (!kind)
        return kind.error();
    Key key;
    key.m_kind = kind.value();
    key.m_pkey = std::move(pkey);
    return key;
}

Result<Key> Key::fromJwk(const nlohmann::json &jwk)
{
    if (!jwk.is_object())
        return Error{"a JWK must be a JSON object"};
    const std::string kty = field(jwk, "kty");
    Result<Key> made = Error{"unsupported key type '" + kty + "'"};
    if (kty == "oct") {
        auto k = decodeBase64Url(field(jwk, "k"));
        if (!k || k->empty())
            return Error{"an oct JWK needs its key in 'k' (Base64url)"};
        made = symmetric(std::move(*k));
    } else if (kty == "RSA") {
        if (jwk.contains("n") && jwk.contains("e")) {
            made = rsa(field(jwk, "n"), field(jwk, "e"));
        } else if (auto x5c = jwk.find("x5c");
                   x5c != jwk.end() && x5c->is_array() && !x5c->empty() && (*x5c)[0].is_string()) {
            made = certificate((*x5c)[0].get<std::string>());
        } else {
            return Error{"an RSA JWK needs 'n' and 'e' (or 'x5c')"};
        }
    } else if (kty == "EC") {
        auto x = decodeBase64Url(field(jwk, "x"));
        auto y = decodeBase64Url(field(jwk, "y"));
        if (!x || !y)
            return Error{"an EC JWK needs 'x' and 'y' (Base64url)"};
        auto pkey = ecFromParts(field(jwk, "crv"), *x, *y);
        if (!pkey)
            return pkey.error();
        Key key;
        key.m_kind = KeyKind::Ec;
        key.m_pkey = std::move(pkey.value());
        made = std::move(key);
    }
    if (!made)
        return made;
    Key key = std::move(made.value());
    key.m_id = field(jwk, "kid");
    key.m_alg = field(jwk, "alg");
    key.m_use = field(jwk, "use");
    return key;
}

Result<std::vector<Key>> Key::fromText(std::string_view text)
{
    const auto start = text.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos)
        return Error{"the key is empty"};
    text.remove_prefix(start);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\r' || text.back() == '\t'))
        text.remove_suffix(1);
    if (text.starts_with("-----BEGIN")) {
        auto key = pem(text);
        if (!key)
            return key.error();
        return std::vector<Key>{std::move(key.value())};
    }
    if (text.starts_with("{"))
        return parseJwks(text);
    auto bytes = decodeBase64(text);
    if (!bytes || bytes->empty())
        return Error{"the key must be Base64 (a symmetric key or a DER certificate), PEM, or a JWK"};
    // A DER certificate starts with a SEQUENCE tag; a random secret parsing as a whole certificate is not a worry.
    if (static_cast<unsigned char>((*bytes)[0]) == 0x30) {
        if (auto pkey = keyFromDerCertificate(*bytes)) {
            auto key = fromPublicKey(std::move(pkey.value()));
            if (!key)
                return key.error();
            return std::vector<Key>{std::move(key.value())};
        }
    }
    return std::vector<Key>{symmetric(std::move(*bytes))};
}

Verification Key::verify(std::string_view alg, std::string_view input, std::string_view signature) const
{
    const EVP_MD *md = digestFor(alg);
    if (!md)
        return Verification::Unsupported;
    const std::string_view family = alg.substr(0, 2);
    if (family == "HS") {
        if (m_kind != KeyKind::Symmetric)
            return Verification::WrongKeyType;
        unsigned char mac[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        if (!HMAC(md, m_secret.data(), static_cast<int>(m_secret.size()),
                  reinterpret_cast<const unsigned char *>(input.data()), input.size(), mac, &length))
            return Verification::Invalid;
        return length == signature.size() && CRYPTO_memcmp(mac, signature.data(), length) == 0 ? Verification::Valid
                                                                                               : Verification::Invalid;
    }
    if (family == "RS" || family == "PS") {
        if (m_kind != KeyKind::Rsa)
            return Verification::WrongKeyType;
        return verifyWithKey(m_pkey.get(), md, family == "PS", input, signature) ? Verification::Valid
                                                                                 : Verification::Invalid;
    }
    if (family == "ES") {
        if (m_kind != KeyKind::Ec || EVP_PKEY_get_bits(m_pkey.get()) != curveBitsFor(alg))
            return Verification::WrongKeyType;
        auto der = ecdsaToDer(signature, (static_cast<std::size_t>(curveBitsFor(alg)) + 7) / 8);
        if (!der)
            return Verification::Invalid;
        return verifyWithKey(m_pkey.get(), md, false, input, *der) ? Verification::Valid : Verification::Invalid;
    }
    return Verification::Unsupported;
}

Result<std::vector<Key>> parseJwks(std::string_view json)
{
    nlohmann::json document = nlohmann::json::parse(json, nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return Error{"not a JSON Web Key or key set"};
    std::vector<Key> keys;
    if (auto list = document.find("keys"); list != document.end()) {
        if (!list->is_array())
            return Error{"'keys' of a JWK set must be an array"};
        for (const auto &entry : *list) {
            auto key = Key::fromJwk(entry);
            if (key)
                keys.push_back(std::move(key.value()));
        }
        return keys;
    }
    auto key = Key::fromJwk(document);
    if (!key)
        return key.error();
    keys.push_back(std::move(key.value()));
    return keys;
}

} // namespace gw::jwt
