#pragma once

#include <common/result.h>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct evp_pkey_st; // OpenSSL's EVP_PKEY, kept out of this header

namespace gw::jwt {

// Base64url without padding (RFC 7515 §2) and standard Base64; both decoders accept either alphabet and optional
// padding, since keys in policies come in both. nullopt: not Base64.
std::optional<std::string> decodeBase64Url(std::string_view text);
std::optional<std::string> decodeBase64(std::string_view text);
std::string encodeBase64Url(std::string_view bytes);

enum class KeyKind {
    Symmetric, // HS256/384/512
    Rsa,       // RS* and PS*
    Ec,        // ES256 (P-256), ES384 (P-384), ES512 (P-521)
};

// What checking a signature with one key gave.
enum class Verification {
    Valid,
    Invalid,      // the key fits the algorithm, the signature does not match
    WrongKeyType, // the key cannot check this algorithm (an RSA key for HS256, a P-256 key for ES384)
    Unsupported,  // an algorithm this gateway does not know
};

// A key that checks token signatures: a shared secret or a public key. Immutable and cheap to copy (the OpenSSL key
// is shared); safe to use from any number of threads at once.
class Key {
public:
    // A symmetric key from its bytes or from Base64 (the text of APIM's <key>).
    static Key symmetric(std::string bytes);
    // An RSA public key from its modulus and exponent (Base64 or Base64url, as <key n="" e=""/> and JWKs give them).
    static Result<Key> rsa(std::string_view modulus, std::string_view exponent);
    // A PEM public key ("BEGIN PUBLIC KEY", "BEGIN RSA PUBLIC KEY") or certificate ("BEGIN CERTIFICATE").
    static Result<Key> pem(std::string_view text);
    // An X.509 certificate in DER, Base64-encoded (as certificates are pasted into APIM).
    static Result<Key> certificate(std::string_view base64Der);
    // One JSON Web Key (RFC 7517): kty RSA (n, e, or x5c), EC (crv, x, y) or oct (k); kid, alg and use are kept.
    static Result<Key> fromJwk(const nlohmann::json &jwk);
    // The text of a policy's <key>: a PEM key or certificate, a JWK or JWK set in JSON, a Base64 DER certificate, or
    // else a Base64 symmetric key. A JWK set gives several keys.
    static Result<std::vector<Key>> fromText(std::string_view text);

    KeyKind kind() const { return m_kind; }
    const std::string &id() const { return m_id; }         // kid; empty when the key carries none
    const std::string &algorithm() const { return m_alg; } // a JWK's alg; empty: any algorithm of its kind
    const std::string &use() const { return m_use; }       // a JWK's use ("sig", "enc"); empty: unspecified
    void setId(std::string id) { m_id = std::move(id); }

    // Checks `signature` (raw bytes; for ES* the R||S pair of RFC 7518 §3.4) over `input` with algorithm `alg`.
    Verification verify(std::string_view alg, std::string_view input, std::string_view signature) const;

private:
    // An RSA or EC public key as a Key (an error for other kinds).
    static Result<Key> fromPublicKey(std::shared_ptr<evp_pkey_st> pkey);

    KeyKind m_kind = KeyKind::Symmetric;
    std::string m_id;
    std::string m_alg;
    std::string m_use;
    std::string m_secret;                // Symmetric
    std::shared_ptr<evp_pkey_st> m_pkey; // Rsa, Ec
};

// The keys of a JWK set ({"keys": [...]}) or of a single JWK. Keys of a kind this gateway does not know (OKP, ...)
// are skipped; an error only when the text is not a JWK set at all.
Result<std::vector<Key>> parseJwks(std::string_view json);

} // namespace gw::jwt
