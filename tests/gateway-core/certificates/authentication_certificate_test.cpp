// authentication-certificate through the real pipeline, in memory: which certificate each outgoing request carries
// (forward-request, and the request send-request builds), seen on the requests handed to the transport.
#include "test_certificates.h"

#include <certificates/certificate.h>
#include <engine/scenario.h>

#include <gtest/gtest.h>

#include <openssl/evp.h>

namespace gw::engine {

namespace {

std::string base64(const std::string &bytes)
{
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int length =
        EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                        reinterpret_cast<const unsigned char *>(bytes.data()), static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(length));
    return out;
}

ScenarioOutcome run(const std::string &text)
{
    auto scenario = Scenario::parse(text, "inline.case");
    EXPECT_TRUE(scenario.ok());
    return runScenario(scenario.value());
}

std::string thumbprintOf(const test::TestCertificate &certificate)
{
    return certificates::fromDer(certificate.der()).value().thumbprint;
}

} // namespace

TEST(AuthenticationCertificate, ForwardRequestAndSendRequestCarryTheirOwnCertificates)
{
    const auto forwarded = test::makeCertificate({.commonName = "forwarded"});
    const auto side = test::makeCertificate({.commonName = "side-call"});
    const std::string text = "--- policy inbound\n"
                             "<authentication-certificate body=\"@(Convert.FromBase64String(&quot;" +
                             base64(forwarded.pfx("p1")) +
                             "&quot;))\" password=\"p1\" />\n"
                             "<send-request mode=\"new\" response-variable-name=\"side\">\n"
                             "  <set-url>https://side.test/check</set-url>\n"
                             "  <authentication-certificate body=\"@(&quot;" +
                             base64(side.pfx("p2")) +
                             "&quot;)\" password=\"p2\" />\n"
                             "</send-request>\n"
                             "<send-request mode=\"new\" response-variable-name=\"plain\">\n"
                             "  <set-url>https://plain.test/</set-url>\n"
                             "</send-request>\n"
                             "--- request\nGET /orders HTTP/1.1\n";
    const ScenarioOutcome outcome = run(text);
    ASSERT_EQ(outcome.response.status, 200) << outcome.response.body;
    ASSERT_EQ(outcome.backendRequests.size(), 3u);
    // The side call gets its own certificate (a Base64 string works as well as bytes), the plain one none, and the
    // forwarded request the one of the inbound section.
    ASSERT_TRUE(outcome.backendRequests[0].clientCertificate);
    EXPECT_EQ(outcome.backendRequests[0].clientCertificate->thumbprint, thumbprintOf(side));
    EXPECT_NE(outcome.backendRequests[0].clientCertificate->privateKeyPem.find("PRIVATE KEY"), std::string::npos);
    EXPECT_FALSE(outcome.backendRequests[1].clientCertificate);
    ASSERT_TRUE(outcome.backendRequests[2].clientCertificate);
    EXPECT_EQ(outcome.backendRequests[2].clientCertificate->thumbprint, thumbprintOf(forwarded));
}

TEST(AuthenticationCertificate, ACertificateWithoutKeyCannotAuthenticate)
{
    const auto bare = test::makeCertificate({.commonName = "no-key"});
    const std::string text =
        "--- policy inbound\n"
        "<authentication-certificate body=\"@(&quot;" +
        base64(bare.der()) +
        "&quot;)\" />\n"
        "--- policy on-error\n"
        "<set-header name=\"X-Reason\" exists-action=\"override\"><value>@(context.LastError.Message)"
        "</value></set-header>\n"
        "--- request\nGET /orders HTTP/1.1\n";
    const ScenarioOutcome outcome = run(text);
    EXPECT_EQ(outcome.response.status, 500);
    EXPECT_TRUE(outcome.backendRequests.empty());
    EXPECT_EQ(outcome.response.headers.get("X-Reason"), "The certificate given in body has no private key.");
}

} // namespace gw::engine
