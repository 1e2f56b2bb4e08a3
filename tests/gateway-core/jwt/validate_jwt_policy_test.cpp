// validate-jwt and validate-azure-ad-token as the compiler sees them: bad keys, claims and token sources are
// located diagnostics, never a crash; documents that only miss a named value's value still compile.
#include <policy/compiler.h>

#include <gtest/gtest.h>

namespace {

using namespace gw::policy;

std::vector<std::string> diagnostics(const std::string &text)
{
    ParseResult parsed = parseDocument(text, "policy.xml", {.anyRoot = true});
    std::vector<std::string> out;
    const gw::Diagnostics found =
        parsed.document ? checkPolicyDocument(*parsed.document, DocumentKind::Operation) : parsed.diagnostics;
    for (const auto &d : found)
        out.push_back(gw::format(d));
    return out;
}

bool contains(const std::vector<std::string> &lines, const std::string &part)
{
    for (const auto &line : lines) {
        if (line.find(part) != std::string::npos)
            return true;
    }
    return false;
}

std::string joined(const std::vector<std::string> &lines)
{
    std::string out;
    for (const auto &line : lines)
        out += line + "\n";
    return out;
}

} // namespace

TEST(ValidateJwtPolicy, AGoodDocumentIsClean)
{
    const auto found = diagnostics(R"(<validate-jwt header-name="Authorization" output-token-variable-name="jwt">
    <openid-config url="https://login.example/.well-known/openid-configuration" />
    <issuer-signing-keys>
        <key id="k1">Z2F0ZWhvdXNlLWNhc2Utc2lnbmluZy1rZXktMzJieXQ=</key>
        <key n="0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw" e="AQAB" />
    </issuer-signing-keys>
    <audiences><audience>api://orders</audience></audiences>
    <issuers><issuer>https://issuer.example/</issuer></issuers>
    <required-claims>
        <claim name="scp" match="all" separator=" "><value>read</value></claim>
    </required-claims>
</validate-jwt>)");
    EXPECT_TRUE(found.empty()) << joined(found);
}

TEST(ValidateJwtPolicy, BadInputIsLocated)
{
    const auto found = diagnostics(R"(<validate-jwt header-name="Authorization" token-value="x">
    <issuer-signing-keys>
        <key>not base64 at all!</key>
        <key n="abc" />
        <cert>x</cert>
    </issuer-signing-keys>
    <required-claims>
        <claim match="some"><value>a</value></claim>
    </required-claims>
    <openid-config />
</validate-jwt>)");
    EXPECT_TRUE(contains(found, "policy.xml:1:1: error: 'validate-jwt' takes one of header-name")) << joined(found);
    EXPECT_TRUE(contains(found, "policy.xml:3:9: error: the signing key is not usable")) << joined(found);
    EXPECT_TRUE(contains(found, "policy.xml:4:9: error: an RSA key needs both 'n' (modulus) and 'e'")) << joined(found);
    EXPECT_TRUE(contains(found, "policy.xml:5:9: error: 'issuer-signing-keys' holds <key> elements, not <cert>"))
        << joined(found);
    EXPECT_TRUE(contains(found, "policy.xml:8:9: error: a required <claim> needs the attribute 'name'"))
        << joined(found);
    EXPECT_TRUE(contains(found, "'match' must be all or any, not 'some'")) << joined(found);
    EXPECT_TRUE(contains(found, "policy.xml:10:5: error: 'openid-config' needs the attribute 'url'")) << joined(found);
}

TEST(ValidateJwtPolicy, BadPemAndCertificateIdAndDecryptionKeys)
{
    const auto found = diagnostics(R"(<validate-jwt>
    <issuer-signing-keys>
        <key>-----BEGIN PUBLIC KEY-----
AAAA
-----END PUBLIC KEY-----</key>
        <key certificate-id="my-cert" />
    </issuer-signing-keys>
    <decryption-keys><key>AAAA</key></decryption-keys>
</validate-jwt>)");
    EXPECT_TRUE(contains(found, "error: the signing key is not usable: not a PEM public key")) << joined(found);
    EXPECT_TRUE(contains(found, "warning: 'certificate-id' names a certificate")) << joined(found);
    EXPECT_TRUE(contains(found, "warning: encrypted tokens (JWE) are not supported")) << joined(found);
}

TEST(ValidateJwtPolicy, UnknownNamedValuesAreWarningsOnly)
{
    const auto found = diagnostics(R"(<validate-jwt header-name="Authorization">
    <issuer-signing-keys><key>{{jwt-signing-key}}</key></issuer-signing-keys>
</validate-jwt>)");
    for (const auto &line : found)
        EXPECT_EQ(line.find("error"), std::string::npos) << line;
}

TEST(ValidateAzureAdTokenPolicy, NeedsTenantAndClients)
{
    const auto found = diagnostics(R"(<validate-azure-ad-token tenant-id="">
    <client-application-ids></client-application-ids>
</validate-azure-ad-token>)");
    EXPECT_TRUE(contains(found, "needs a tenant-id")) << joined(found);
    EXPECT_TRUE(contains(found, "'client-application-ids' needs at least one <application-id>")) << joined(found);
    const auto missing = diagnostics(R"(<validate-azure-ad-token tenant-id="t" />)");
    EXPECT_TRUE(contains(missing, "needs a <client-application-ids> element")) << joined(missing);
    const auto good = diagnostics(R"(<validate-azure-ad-token tenant-id="contoso.onmicrosoft.com">
    <client-application-ids><application-id>c1</application-id></client-application-ids>
    <audiences><audience>api://orders</audience></audiences>
</validate-azure-ad-token>)");
    EXPECT_TRUE(good.empty()) << joined(good);
}
