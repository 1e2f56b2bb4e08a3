#pragma once

#include <common/result.h>
#include <jwt/key.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gw::jwt {

// Why a token was refused: APIM's context.LastError.Reason for validate-jwt (apim-policies.md §2.3).
enum class Reason {
    TokenNotPresent,           // no token in the request
    JwtInvalid,                // not a well-formed JWS, no expiration time when one is required, not valid yet
    TokenSignatureInvalid,     // unsigned when signatures are required, no key fits, the signature does not match
    TokenSignatureKeyNotFound, // the token's kid names none of the keys that carry ids
    TokenExpired,              // exp (plus the clock skew) is past
    TokenAudienceNotAllowed,   // aud is none of the allowed audiences
    TokenIssuerNotAllowed,     // iss is none of the allowed issuers
    TokenClaimNotFound,        // a required claim is missing
    TokenClaimValueNotAllowed, // a required claim has no allowed value
};
std::string_view toString(Reason reason);

struct Failure {
    Reason reason = Reason::JwtInvalid;
    std::string message; // as APIM words it, "... Access denied." included where APIM has it
};

// A JWS in compact serialisation (RFC 7515 §7.1), split and decoded; nothing is checked yet.
struct Token {
    nlohmann::json header;    // the JOSE header (an object)
    std::string payload;      // the payload's bytes (a JWT's claims are JSON, a JWS may carry anything)
    std::string signingInput; // "header.payload" as received: what the signature covers
    std::string signature;    // raw bytes; empty for alg "none"
    std::string algorithm;    // header "alg"
    std::string keyId;        // header "kid", or ""
};
// A token from its compact form; the failure is JwtInvalid with the reason in words.
Result<Token> parseCompact(std::string_view compact);

// Checks the token's signature with `keys`: keys whose id equals the token's kid are tried, else the keys without
// an id, in turn. Keys of the wrong type for the algorithm, with another JWK "alg" or with use "enc" are skipped.
std::optional<Failure> checkSignature(const Token &token, std::span<const Key> keys, bool requireSigned = true);

struct RequiredClaim {
    enum class Match { All, Any };
    std::string name;
    Match match = Match::All;
    std::string separator;           // splits a string claim into several values ("a,b")
    std::vector<std::string> values; // none: the claim must only be present
};

// validate-jwt's configuration (without the token's source and the error answer, which are the policy's).
struct ValidatorOptions {
    std::vector<Key> keys;
    std::vector<std::string> issuers;   // empty: any issuer
    std::vector<std::string> audiences; // empty: any audience
    std::vector<RequiredClaim> claims;
    bool requireExpirationTime = true;
    bool requireSignedTokens = true;
    std::chrono::seconds clockSkew{0};
};

// A token that passed, with its claims.
struct ValidToken {
    Token token;
    nlohmann::json claims; // the payload as a JSON object
};

struct Validation {
    std::optional<ValidToken> token; // set when the token is valid
    Failure failure;                 // otherwise
    bool ok() const { return token.has_value(); }
};

// Validates tokens as APIM's validate-jwt does: signature, then lifetime (exp, nbf, with the clock skew), audience,
// issuer and required claims. Built once from the policy's configuration; validate() is const and may run on any
// number of threads at once.
class Validator {
public:
    explicit Validator(ValidatorOptions options);

    // `moreKeys`: keys known only at run time (fetched from an OpenID configuration), tried with the configured ones.
    Validation validate(std::string_view compact, std::chrono::system_clock::time_point now,
                        std::span<const Key> moreKeys = {}) const;

    const ValidatorOptions &options() const { return m_options; }

private:
    std::optional<Failure> checkLifetime(const nlohmann::json &claims, std::chrono::system_clock::time_point now) const;
    std::optional<Failure> checkAudience(const nlohmann::json &claims) const;
    std::optional<Failure> checkIssuer(const nlohmann::json &claims) const;
    std::optional<Failure> checkClaims(const nlohmann::json &claims) const;

    ValidatorOptions m_options;
};

} // namespace gw::jwt
