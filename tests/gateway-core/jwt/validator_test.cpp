// validate-jwt's rules: each accepted or refused token with the reason APIM gives (apim-policies.md §2.3).
#include <jwt/key_cache.h>
#include <jwt/validator.h>

#include <gtest/gtest.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

using namespace gw::jwt;
using namespace std::chrono_literals;

namespace {

const std::string secret = "0123456789abcdef0123456789abcdef";
const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));

std::string hs256(const nlohmann::json &header, const nlohmann::json &claims, const std::string &key = secret)
{
    const std::string input = encodeBase64Url(header.dump()) + "." + encodeBase64Url(claims.dump());
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char *>(input.data()),
         input.size(), mac, &length);
    return input + "." + encodeBase64Url(std::string(reinterpret_cast<char *>(mac), length));
}

std::string hs256(const nlohmann::json &claims)
{
    return hs256({{"alg", "HS256"}, {"typ", "JWT"}}, claims);
}

nlohmann::json goodClaims()
{
    return {{"iss", "https://issuer.example/"},
            {"aud", "api://orders"},
            {"sub", "user-1"},
            {"role", "reader"},
            {"exp", 1'700'000'600},
            {"nbf", 1'699'999'000}};
}

ValidatorOptions options()
{
    ValidatorOptions options;
    options.keys.push_back(Key::symmetric(secret));
    options.issuers = {"https://issuer.example/"};
    options.audiences = {"api://orders"};
    options.claims = {{"role", RequiredClaim::Match::Any, "", {"reader", "writer"}}};
    return options;
}

Validation validate(const std::string &token, ValidatorOptions settings = options(),
                    std::chrono::system_clock::time_point at = now)
{
    return Validator(std::move(settings)).validate(token, at);
}

void expectRefused(const Validation &validation, Reason reason, std::string_view messagePart = {})
{
    ASSERT_FALSE(validation.ok());
    EXPECT_EQ(validation.failure.reason, reason) << validation.failure.message;
    if (!messagePart.empty()) {
        EXPECT_NE(validation.failure.message.find(messagePart), std::string::npos) << validation.failure.message;
    }
}

} // namespace

TEST(Validator, AcceptsAGoodToken)
{
    auto result = validate(hs256(goodClaims()));
    ASSERT_TRUE(result.ok()) << result.failure.message;
    EXPECT_EQ(result.token->claims["sub"], "user-1");
}

// RFC 7519 §3.1: the example JWT (HS256, the key of RFC 7515 A.1) expired in 2011.
TEST(Validator, Rfc7519ExampleExpiresUnlessTimeIsInjected)
{
    const char *token =
        "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
        "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ."
        "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    ValidatorOptions settings;
    settings.keys.push_back(
        Key::fromJwk(nlohmann::json::parse(R"({"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-)"
                                           R"(1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"})"))
            .value());
    settings.issuers = {"joe"};
    settings.claims = {{"http://example.com/is_root", RequiredClaim::Match::All, "", {"true"}}};
    const auto before = std::chrono::system_clock::time_point(std::chrono::seconds(1'300'819'379));
    auto valid = validate(token, settings, before);
    ASSERT_TRUE(valid.ok()) << valid.failure.message;
    EXPECT_EQ(valid.token->claims["iss"], "joe");
    expectRefused(validate(token, settings, std::chrono::system_clock::now()), Reason::TokenExpired,
                  "The token is expired");
    // At the very second of exp the token is still valid; one second later it is not.
    EXPECT_TRUE(validate(token, settings, before + 1s).ok());
    expectRefused(validate(token, settings, before + 2s), Reason::TokenExpired);
}

TEST(Validator, NoTokenIsNotPresent)
{
    auto result = validate("");
    expectRefused(result, Reason::TokenNotPresent);
    EXPECT_EQ(result.failure.message, "JWT not present.");
}

TEST(Validator, MalformedTokens)
{
    for (const char *token : {"abc", "a.b", "a.b.c.d", "!!.e30.", "e30.e30.sig", "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.AA"})
        expectRefused(validate(token), Reason::JwtInvalid);
    expectRefused(validate("a.b.c.d.e"), Reason::JwtInvalid, "encrypted");
}

TEST(Validator, AlgNoneRefusedWhenSignaturesAreRequired)
{
    const std::string token = encodeBase64Url(R"({"alg":"none"})") + "." + encodeBase64Url(goodClaims().dump()) + ".";
    expectRefused(validate(token), Reason::TokenSignatureInvalid, "does not have a signature");
    ValidatorOptions lenient = options();
    lenient.requireSignedTokens = false;
    EXPECT_TRUE(validate(token, lenient).ok());
}

TEST(Validator, BadSignature)
{
    expectRefused(validate(hs256({{"alg", "HS256"}}, goodClaims(), "another secret of 32 bytes......")),
                  Reason::TokenSignatureInvalid, "Signature validation failed");
}

TEST(Validator, WrongKeyTypeForTheAlgorithm)
{
    // An RS256 header over an HMAC signature: the symmetric key is never used for it.
    auto token = hs256({{"alg", "RS256"}}, goodClaims());
    expectRefused(validate(token), Reason::TokenSignatureInvalid, "no key of the type");
}

TEST(Validator, KidMatching)
{
    ValidatorOptions settings = options();
    settings.keys.clear();
    Key identified = Key::symmetric(secret);
    identified.setId("k1");
    Key other = Key::symmetric("some other secret of 32 bytes...");
    other.setId("k2");
    settings.keys = {other, identified};
    EXPECT_TRUE(validate(hs256({{"alg", "HS256"}, {"kid", "k1"}}, goodClaims()), settings).ok());
    expectRefused(validate(hs256({{"alg", "HS256"}, {"kid", "k9"}}, goodClaims()), settings),
                  Reason::TokenSignatureKeyNotFound, "kid: 'k9'");
    // A token without kid: every key is tried in turn.
    EXPECT_TRUE(validate(hs256({{"alg", "HS256"}}, goodClaims()), settings).ok());
    // Keys without ids are tried when no id matches.
    settings.keys.push_back(Key::symmetric(secret));
    EXPECT_TRUE(validate(hs256({{"alg", "HS256"}, {"kid", "k9"}}, goodClaims()), settings).ok());
}

TEST(Validator, ExpiredAndClockSkew)
{
    auto claims = goodClaims();
    claims["exp"] = 1'699'999'970;
    expectRefused(validate(hs256(claims)), Reason::TokenExpired, "ValidTo: '2023-11-14T22:12:50Z'");
    ValidatorOptions skewed = options();
    skewed.clockSkew = 60s;
    EXPECT_TRUE(validate(hs256(claims), skewed).ok());
}

TEST(Validator, NotYetValid)
{
    auto claims = goodClaims();
    claims["nbf"] = 1'700'000'100;
    expectRefused(validate(hs256(claims)), Reason::JwtInvalid, "not yet valid");
    ValidatorOptions skewed = options();
    skewed.clockSkew = 300s;
    EXPECT_TRUE(validate(hs256(claims), skewed).ok());
}

TEST(Validator, MissingExpirationTime)
{
    auto claims = goodClaims();
    claims.erase("exp");
    expectRefused(validate(hs256(claims)), Reason::JwtInvalid, "missing an Expiration Time");
    ValidatorOptions lenient = options();
    lenient.requireExpirationTime = false;
    EXPECT_TRUE(validate(hs256(claims), lenient).ok());
}

TEST(Validator, WrongIssuer)
{
    auto claims = goodClaims();
    claims["iss"] = "https://elsewhere.example/";
    expectRefused(validate(hs256(claims)), Reason::TokenIssuerNotAllowed, "Issuer: 'https://elsewhere.example/'");
    claims.erase("iss");
    expectRefused(validate(hs256(claims)), Reason::TokenIssuerNotAllowed);
}

TEST(Validator, Audiences)
{
    auto claims = goodClaims();
    claims["aud"] = "api://someone-else";
    expectRefused(validate(hs256(claims)), Reason::TokenAudienceNotAllowed, "api://someone-else");
    claims["aud"] = nlohmann::json::array({"api://someone-else", "api://orders"});
    EXPECT_TRUE(validate(hs256(claims)).ok());
    claims["aud"] = "api://orders/";
    EXPECT_TRUE(validate(hs256(claims)).ok());
    claims.erase("aud");
    expectRefused(validate(hs256(claims)), Reason::TokenAudienceNotAllowed);
}

TEST(Validator, RequiredClaims)
{
    auto claims = goodClaims();
    claims.erase("role");
    auto missing = validate(hs256(claims));
    expectRefused(missing, Reason::TokenClaimNotFound);
    EXPECT_EQ(missing.failure.message, "JWT token is missing the following claims: role. Access denied.");

    claims["role"] = "admin";
    auto refused = validate(hs256(claims));
    expectRefused(refused, Reason::TokenClaimValueNotAllowed);
    EXPECT_EQ(refused.failure.message, "Claim role value of admin is not allowed. Access denied.");

    ValidatorOptions all = options();
    all.claims = {{"scp", RequiredClaim::Match::All, " ", {"read", "write"}}};
    claims["scp"] = "read write admin";
    EXPECT_TRUE(validate(hs256(claims), all).ok());
    claims["scp"] = "read";
    expectRefused(validate(hs256(claims), all), Reason::TokenClaimValueNotAllowed);
    claims["scp"] = nlohmann::json::array({"write", "read"});
    EXPECT_TRUE(validate(hs256(claims), all).ok());

    ValidatorOptions presence = options();
    presence.claims = {{"tid", RequiredClaim::Match::All, "", {}}, {"oid", RequiredClaim::Match::All, "", {}}};
    expectRefused(validate(hs256(claims), presence), Reason::TokenClaimNotFound,
                  "missing the following claims: tid, oid.");
}

TEST(Validator, MoreKeysAtRunTime)
{
    ValidatorOptions settings = options();
    settings.keys.clear();
    const Validator validator(settings);
    auto token = hs256(goodClaims());
    expectRefused(validator.validate(token, now), Reason::TokenSignatureInvalid, "no security keys");
    const std::vector<Key> fetched{Key::symmetric(secret)};
    EXPECT_TRUE(validator.validate(token, now, fetched).ok());
}

TEST(KeyCache, RefreshesHourlyAndOnUnknownKeysAtMostEveryFiveMinutes)
{
    KeyCache cache;
    const auto start = KeyCache::Clock::time_point(std::chrono::hours(1000));
    const std::string url = "https://login.example/keys";
    EXPECT_TRUE(cache.due(url, start));
    EXPECT_EQ(cache.keys(url), nullptr);
    cache.attempting(url, start);
    EXPECT_FALSE(cache.due(url, start + 1s)); // another request is fetching
    cache.store(url, {Key::symmetric(secret)}, start);
    ASSERT_NE(cache.keys(url), nullptr);
    EXPECT_EQ(cache.keys(url)->size(), 1u);
    EXPECT_FALSE(cache.due(url, start + 59min));
    EXPECT_TRUE(cache.due(url, start + 60min));
    EXPECT_FALSE(cache.mayRefetch(url, start + 4min));
    EXPECT_TRUE(cache.mayRefetch(url, start + 5min));
    // A URL that never answered is tried again after a short pause.
    const std::string down = "https://down.example/keys";
    cache.attempting(down, start);
    EXPECT_FALSE(cache.due(down, start + 10s));
    EXPECT_TRUE(cache.due(down, start + 30s));
}
