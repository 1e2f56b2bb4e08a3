// Certificates and identity through the whole engine, with real sockets: mutual TLS from the client to the gateway
// (validate-client-certificate, context.Request.Certificate), from the gateway to a backend
// (authentication-certificate), and tokens from a local token endpoint (authentication-managed-identity).
#include "test_certificates.h"

#include <certificates/certificate.h>
#include <engine/engine.h>
#include <http/server.h>

#include <http_client.h>
#include <temp_folder.h>

#include <gtest/gtest.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <atomic>
#include <mutex>

namespace gw::engine {

namespace {

using test::CertificateOptions;
using test::makeCertificate;
using test::TempFolder;
using test::TestCertificate;

struct Answer {
    bool connected = false; // the TLS handshake succeeded
    int status = 0;
    std::string body;
};

// One HTTPS GET with OpenSSL, presenting `client` when given; the server's certificate is not checked.
Answer tlsGet(std::uint16_t port, const std::string &target, const TestCertificate *client = nullptr)
{
    Answer answer;
    SSL_CTX *context = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nullptr);
    if (client) {
        SSL_CTX_use_certificate(context, client->x509.get());
        SSL_CTX_use_PrivateKey(context, client->key.get());
    }
    BIO *bio = BIO_new_ssl_connect(context);
    BIO_set_conn_hostname(bio, ("127.0.0.1:" + std::to_string(port)).c_str());
    if (BIO_do_connect(bio) == 1 && BIO_do_handshake(bio) == 1) {
        answer.connected = true;
        const std::string request = "GET " + target + " HTTP/1.1\r\nHost: gateway.test\r\nConnection: close\r\n\r\n";
        BIO_write(bio, request.data(), static_cast<int>(request.size()));
        std::string raw;
        char buffer[4096];
        int n = 0;
        while ((n = BIO_read(bio, buffer, sizeof buffer)) > 0)
            raw.append(buffer, static_cast<std::size_t>(n));
        if (raw.starts_with("HTTP/1.1 "))
            answer.status = std::atoi(raw.c_str() + 9);
        const auto blank = raw.find("\r\n\r\n");
        if (blank != std::string::npos)
            answer.body = raw.substr(blank + 4);
    }
    BIO_free_all(bio);
    SSL_CTX_free(context);
    ERR_clear_error();
    return answer;
}

// A backend (plain or TLS) that counts its calls and remembers the last request and the certificate presented.
struct Backend {
    std::atomic<int> calls = 0;
    std::atomic<int> status = 200;
    std::mutex mutex;
    http::Headers lastHeaders;
    std::string lastBody;
    std::string lastCertificate; // DER
    std::string answer = "ok";
    bool requireCertificate = false;
    std::unique_ptr<http::Server> server;
};

std::unique_ptr<Backend> startBackend(const TempFolder &folder, bool tls, bool requireCertificate = false)
{
    auto backend = std::make_unique<Backend>();
    backend->requireCertificate = requireCertificate;
    http::ServerOptions options{.threads = 1};
    if (tls) {
        const auto certificate = makeCertificate({.commonName = "backend.test", .dnsNames = {"127.0.0.1"}});
        folder.write("backend/cert.pem", certificate.certificatePem());
        folder.write("backend/key.pem", certificate.keyPem());
        options.tlsCertificateFile = (folder / "backend/cert.pem").string();
        options.tlsKeyFile = (folder / "backend/key.pem").string();
    }
    Backend *raw = backend.get();
    backend->server = std::make_unique<http::Server>(options, [raw](std::shared_ptr<http::Exchange> exchange) {
        ++raw->calls;
        http::Response response;
        {
            const std::lock_guard lock(raw->mutex);
            raw->lastHeaders = exchange->request().headers;
            raw->lastBody = exchange->request().body;
            raw->lastCertificate = exchange->clientCertificate();
            response.body = raw->answer;
        }
        response.status = raw->status;
        if (raw->requireCertificate && exchange->clientCertificate().empty()) {
            response.status = 403;
            response.body = "client certificate required";
        }
        exchange->respond(std::move(response));
    });
    EXPECT_TRUE(backend->server->start().ok());
    return backend;
}

// A workspace with one API "svc" whose operations (GET /<name>) have the given inbound policies.
void writeWorkspace(const TempFolder &folder, const std::string &serviceUrl,
                    const std::vector<std::pair<std::string, std::string>> &operations)
{
    folder.write("ws/policy.xml", "<policies><inbound /><backend><forward-request /></backend><outbound /><on-error />"
                                  "</policies>");
    folder.write("ws/apis/svc/apiInformation.json",
                 R"({"properties": {"path": "svc", "apiRevision": "1", "displayName": "Svc", "isCurrent": true,)"
                 R"( "serviceUrl": ")" +
                     serviceUrl + R"(", "subscriptionRequired": false}})");
    std::string spec = "openapi: 3.0.1\ninfo:\n  title: Svc\n  version: '1'\npaths:\n";
    for (const auto &[name, inbound] : operations) {
        spec += "  /" + name + ":\n    get:\n      operationId: " + name +
                "\n      responses:\n        '200':\n          description: OK\n";
        folder.write("ws/apis/svc/operations/" + name + "/policy.xml",
                     "<policies><inbound><base />" + inbound +
                         "</inbound><backend><base /></backend><outbound><base /></outbound><on-error><base />"
                         "</on-error></policies>");
    }
    folder.write("ws/apis/svc/specification.yaml", spec);
}

std::unique_ptr<Engine> startGateway(const TempFolder &folder, bool tls)
{
    EngineOptions options{.workspace = folder / "ws", .threads = 1, .useSecretStore = false};
    options.stateDirectory = folder / "state";
    if (tls) {
        const auto certificate = makeCertificate({.commonName = "gateway.test"});
        folder.write("gateway/cert.pem", certificate.certificatePem());
        folder.write("gateway/key.pem", certificate.keyPem());
        options.tlsCertificateFile = (folder / "gateway/cert.pem").string();
        options.tlsKeyFile = (folder / "gateway/key.pem").string();
    }
    auto engine = std::make_unique<Engine>(options);
    const auto started = engine->start();
    EXPECT_TRUE(started.ok()) << (started.ok() ? "" : started.error().message);
    return started.ok() ? std::move(engine) : nullptr;
}

} // namespace

// Clients to the gateway: a certificate of the trusted CA with the right name passes and its thumbprint reaches the
// policies; no certificate, a stranger's or the wrong name are refused with 401, over connections the gateway
// accepted (the certificate is asked for, not required, at the TLS level).
TEST(CertificatesEngine, ValidateClientCertificateOverRealTls)
{
    TempFolder folder;
    auto backend = startBackend(folder, false);
    const auto ca = makeCertificate({.commonName = "Clients CA", .authority = true});
    const auto stranger = makeCertificate({.commonName = "Other CA", .authority = true});
    const auto good =
        makeCertificate({.commonName = "orders-client", .dnsNames = {"orders.contoso.test"}, .serial = 0x21}, &ca);
    const auto wrongName = makeCertificate({.commonName = "billing-client", .serial = 22}, &ca);
    const auto foreign = makeCertificate({.commonName = "orders-client", .serial = 23}, &stranger);
    const auto expired = makeCertificate({.commonName = "orders-client", .serial = 24, .notAfterOffset = -10}, &ca);
    folder.write("state/certificates/clients-ca.crt", ca.certificatePem());
    writeWorkspace(
        folder, backend->server->address(),
        {{"checked", R"(<validate-client-certificate validate-revocation="true">)"
                     R"(<identities><identity common-name="orders-client" issuer-certificate-id="clients-ca" />)"
                     R"(</identities></validate-client-certificate>)"
                     R"(<set-header name="X-Client-Thumbprint" exists-action="override">)"
                     R"(<value>@(context.Request.Certificate.Thumbprint)</value></set-header>)"
                     R"(<set-header name="X-Client-Subject" exists-action="override">)"
                     R"(<value>@(context.Request.Certificate.Subject)</value></set-header>)"},
         {"identities",
          R"(<validate-client-certificate validate-revocation="false"><identities>)"
          R"(<identity thumbprint="0000000000000000000000000000000000000000" />)"
          R"(<identity serial-number="00:21" dns-name="ORDERS.contoso.test" subject="CN=orders-client,O=Contoso,C=US")"
          R"( issuer-subject="CN=Clients CA, O=Contoso, C=US" issuer-thumbprint=")" +
              certificates::fromDer(ca.der()).value().thumbprint +
              R"(" /></identities></validate-client-certificate>)"},
         {"open", R"(<set-header name="X-Has-Certificate" exists-action="override">)"
                  R"(<value>@((context.Request.Certificate != null).ToString())</value></set-header>)"}});
    auto gateway = startGateway(folder, true);
    ASSERT_TRUE(gateway);
    const auto port = gateway->port();

    const Answer accepted = tlsGet(port, "/svc/checked", &good);
    ASSERT_TRUE(accepted.connected);
    EXPECT_EQ(accepted.status, 200) << accepted.body;
    {
        const std::lock_guard lock(backend->mutex);
        EXPECT_EQ(backend->lastHeaders.get("X-Client-Thumbprint"),
                  certificates::fromDer(good.der()).value().thumbprint);
        EXPECT_EQ(backend->lastHeaders.get("X-Client-Subject"), "CN=orders-client, O=Contoso, C=US");
    }
    const int calls = backend->calls;

    const Answer none = tlsGet(port, "/svc/checked");
    ASSERT_TRUE(none.connected);
    EXPECT_EQ(none.status, 401);
    EXPECT_NE(none.body.find("Client certificate is not present."), std::string::npos) << none.body;
    const Answer untrusted = tlsGet(port, "/svc/checked", &foreign);
    EXPECT_EQ(untrusted.status, 401);
    EXPECT_NE(untrusted.body.find("Client certificate is not trusted."), std::string::npos) << untrusted.body;
    const Answer named = tlsGet(port, "/svc/checked", &wrongName);
    EXPECT_EQ(named.status, 401);
    EXPECT_NE(named.body.find("does not match any of the allowed identities"), std::string::npos) << named.body;
    const Answer old = tlsGet(port, "/svc/checked", &expired);
    EXPECT_EQ(old.status, 401);
    EXPECT_NE(old.body.find("Client certificate has expired."), std::string::npos) << old.body;
    EXPECT_EQ(backend->calls, calls);

    // Every attribute of the second identity matches (serial number, DNS name, subject and issuer in other spellings,
    // the issuer's thumbprint); the billing client matches neither.
    EXPECT_EQ(tlsGet(port, "/svc/identities", &good).status, 200);
    EXPECT_EQ(tlsGet(port, "/svc/identities", &wrongName).status, 401);

    // A revocation list in the store, picked up on reload, turns the good certificate away.
    folder.write("state/certificates/clients-ca.crl", test::makeCrl(ca, {0x21}));
    ASSERT_TRUE(gateway->reload().ok());
    const Answer revoked = tlsGet(port, "/svc/checked", &good);
    EXPECT_EQ(revoked.status, 401);
    EXPECT_NE(revoked.body.find("revoked"), std::string::npos) << revoked.body;

    // Without the policy, clients without a certificate are served as before.
    const Answer open = tlsGet(port, "/svc/open");
    EXPECT_EQ(open.status, 200);
    const std::lock_guard lock(backend->mutex);
    EXPECT_EQ(backend->lastHeaders.get("X-Has-Certificate"), "False");
}

// The gateway to a backend that requires a client certificate: authentication-certificate presents the store's
// certificate, by id or by thumbprint; without the policy the backend refuses.
TEST(CertificatesEngine, AuthenticationCertificatePresentsTheStoresCertificateToTheBackend)
{
    TempFolder folder;
    auto backend = startBackend(folder, true, true);
    const auto client = makeCertificate({.commonName = "gateway-client", .serial = 31});
    const auto other = makeCertificate({.commonName = "other-client", .serial = 32});
    folder.write("state/certificates/backend-client.pfx", client.pfx("pfx-pass"));
    folder.write("state/certificates/backend-client.password", "pfx-pass\n");
    folder.write("state/certificates/other.pem", other.pem());
    const std::string clientThumbprint = certificates::fromDer(client.der()).value().thumbprint;
    const std::string otherThumbprint = certificates::fromDer(other.der()).value().thumbprint;
    // The backend's certificate is self-signed: the entity says not to check it.
    folder.write("ws/backends/secure/backendInformation.json",
                 R"({"properties": {"protocol": "http", "type": "Single", "url": ")" + backend->server->address() +
                     R"(", "tls": {"validateCertificateChain": false, "validateCertificateName": false}}})");
    writeWorkspace(folder, "http://127.0.0.1:1",
                   {{"by-id", R"(<set-backend-service backend-id="secure" />)"
                              R"(<authentication-certificate certificate-id="backend-client" />)"},
                    {"by-thumbprint", R"(<set-backend-service backend-id="secure" />)"
                                      R"(<authentication-certificate thumbprint=")" +
                                          otherThumbprint + R"(" />)"},
                    {"none", R"(<set-backend-service backend-id="secure" />)"}});
    auto gateway = startGateway(folder, false);
    ASSERT_TRUE(gateway);

    const auto thumbprintSeen = [&] {
        const std::lock_guard lock(backend->mutex);
        return backend->lastCertificate.empty() ? std::string()
                                                : certificates::fromDer(backend->lastCertificate).value().thumbprint;
    };
    EXPECT_EQ(test::get(gateway->port(), "/svc/by-id").status, 200);
    EXPECT_EQ(thumbprintSeen(), clientThumbprint);
    EXPECT_EQ(test::get(gateway->port(), "/svc/by-thumbprint").status, 200);
    EXPECT_EQ(thumbprintSeen(), otherThumbprint);
    // Pooled connections keep to their certificate: the first one again, then none.
    EXPECT_EQ(test::get(gateway->port(), "/svc/by-id").status, 200);
    EXPECT_EQ(thumbprintSeen(), clientThumbprint);
    EXPECT_EQ(test::get(gateway->port(), "/svc/none").status, 403);
    EXPECT_EQ(thumbprintSeen(), "");
}

// A literal certificate-id the store does not hold is a compile error with its place: the gateway does not start.
// Request signing with the client's certificate: the policy checks an RSA signature (PKCS#1 v1.5 and PSS) made with
// the client's private key, through context.Request.Certificate.GetRSAPublicKey().
TEST(CertificatesEngine, ExpressionsVerifySignaturesWithTheClientCertificatesRsaKey)
{
    TempFolder folder;
    auto backend = startBackend(folder, false);
    const auto client = makeCertificate({.commonName = "signer", .rsa = true});
    const auto verifying = [](const char *padding) {
        return std::string(
                   R"(<choose><when condition="@(context.Request.Certificate.GetRSAPublicKey().VerifyData()"
                   R"(Encoding.UTF8.GetBytes(context.Request.Url.Query.GetValueOrDefault(&quot;data&quot;, &quot;&quot;)), )"
                   R"(Convert.FromBase64String(context.Request.Url.Query.GetValueOrDefault(&quot;sig&quot;, &quot;&quot;)), )"
                   R"(HashAlgorithmName.SHA256, RSASignaturePadding.)") +
               padding +
               R"x())"><return-response><set-status code="200" reason="OK" />)x"
               R"(<set-body>@("verified with " + context.Request.Certificate.GetRSAPublicKey().KeySize + " bits")</set-body>)"
               R"(</return-response></when><otherwise><return-response><set-status code="403" reason="Forbidden" />)"
               R"(</return-response></otherwise></choose>)";
    };
    writeWorkspace(folder, backend->server->address(),
                   {{"pkcs1", verifying("Pkcs1")},
                    {"pss", verifying("Pss")},
                    {"ec", R"(<return-response><set-body>@((context.Request.Certificate.GetRSAPublicKey() == null))"
                           R"(.ToString())</set-body></return-response>)"}});
    auto gateway = startGateway(folder, true);
    ASSERT_TRUE(gateway);

    const auto sign = [&](const std::string &data, bool pss) {
        EVP_MD_CTX *context = EVP_MD_CTX_new();
        EVP_PKEY_CTX *keyContext = nullptr;
        EVP_DigestSignInit(context, &keyContext, EVP_sha256(), nullptr, client.key.get());
        if (pss) {
            EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PSS_PADDING);
            EVP_PKEY_CTX_set_rsa_pss_saltlen(keyContext, RSA_PSS_SALTLEN_DIGEST);
        }
        std::size_t length = 0;
        EVP_DigestSign(context, nullptr, &length, reinterpret_cast<const unsigned char *>(data.data()), data.size());
        std::string signature(length, '\0');
        EVP_DigestSign(context, reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(data.data()), data.size());
        EVP_MD_CTX_free(context);
        signature.resize(length);
        // Base64, with the characters a query string would change escaped.
        std::string base64(4 * ((signature.size() + 2) / 3) + 1, '\0');
        base64.resize(std::size_t(EVP_EncodeBlock(reinterpret_cast<unsigned char *>(base64.data()),
                                                  reinterpret_cast<const unsigned char *>(signature.data()),
                                                  int(signature.size()))));
        std::string escaped;
        for (char c : base64)
            escaped += c == '+' ? "%2B" : c == '/' ? "%2F" : c == '=' ? "%3D" : std::string(1, c);
        return escaped;
    };

    const Answer pkcs1 = tlsGet(gateway->port(), "/svc/pkcs1?data=order-42&sig=" + sign("order-42", false), &client);
    EXPECT_EQ(pkcs1.status, 200) << pkcs1.body;
    EXPECT_EQ(pkcs1.body, "verified with 2048 bits");
    const Answer pss = tlsGet(gateway->port(), "/svc/pss?data=order-42&sig=" + sign("order-42", true), &client);
    EXPECT_EQ(pss.status, 200) << pss.body;
    // The same signature over other data, or a PSS signature checked as PKCS#1, is refused.
    EXPECT_EQ(tlsGet(gateway->port(), "/svc/pkcs1?data=order-43&sig=" + sign("order-42", false), &client).status, 403);
    EXPECT_EQ(tlsGet(gateway->port(), "/svc/pkcs1?data=order-42&sig=" + sign("order-42", true), &client).status, 403);
    // An EC certificate has no RSA key: null, as in .NET.
    const auto ec = makeCertificate({.commonName = "ec-client"});
    EXPECT_EQ(tlsGet(gateway->port(), "/svc/ec", &ec).body, "True");
}

TEST(CertificatesEngine, AnUnknownCertificateIdIsACompileError)
{
    TempFolder folder;
    writeWorkspace(folder, "http://127.0.0.1:1", {{"op", R"(<authentication-certificate certificate-id="nope" />)"}});
    Engine engine(EngineOptions{
        .workspace = folder / "ws", .threads = 1, .useSecretStore = false, .stateDirectory = folder / "state"});
    const auto started = engine.start();
    ASSERT_FALSE(started.ok());
    EXPECT_NE(started.error().message.find("apis/svc/operations/op/policy.xml:1:"), std::string::npos)
        << started.error().message;
    EXPECT_NE(started.error().message.find("certificate 'nope' is not in the certificate store"), std::string::npos)
        << started.error().message;
}

// Managed identity against a real token endpoint: one client-credentials call, then the cached token for every
// request, across a reload of the configuration.
TEST(CertificatesEngine, ManagedIdentityTokensComeFromTheTokenEndpointOnce)
{
    TempFolder folder;
    auto backend = startBackend(folder, false);
    auto tokens = startBackend(folder, false);
    tokens->answer = R"({"token_type": "Bearer", "access_token": "tok-1", "expires_in": 3600})";
    folder.write("ws/named values/mi-url/namedValueInformation.json",
                 R"({"properties": {"displayName": "gatehouse-managed-identity-token-url", "value": ")" +
                     tokens->server->address() + R"(/oauth2/v2.0/token"}})");
    folder.write("ws/named values/mi-client/namedValueInformation.json",
                 R"({"properties": {"displayName": "gatehouse-managed-identity-client-id", "value": "app-1"}})");
    folder.write("ws/named values/mi-secret/namedValueInformation.json",
                 R"({"properties": {"displayName": "gatehouse-managed-identity-client-secret", "value": "s&cret"}})");
    writeWorkspace(folder, backend->server->address(),
                   {{"header", R"(<authentication-managed-identity resource="api://orders/" />)"},
                    {"variable", R"(<authentication-managed-identity resource="api://orders/" )"
                                 R"(output-token-variable-name="t" />)"
                                 R"(<set-header name="X-Token" exists-action="override">)"
                                 R"(<value>@((string)context.Variables["t"])</value></set-header>)"}});
    auto gateway = startGateway(folder, false);
    ASSERT_TRUE(gateway);

    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(test::get(gateway->port(), "/svc/header").status, 200);
        const std::lock_guard lock(backend->mutex);
        EXPECT_EQ(backend->lastHeaders.get("Authorization"), "Bearer tok-1");
    }
    EXPECT_EQ(tokens->calls, 1);
    {
        const std::lock_guard lock(tokens->mutex);
        EXPECT_EQ(
            tokens->lastBody,
            "grant_type=client_credentials&client_id=app-1&client_secret=s%26cret&scope=api%3A%2F%2Forders%2F.default");
        EXPECT_EQ(tokens->lastHeaders.get("Content-Type"), "application/x-www-form-urlencoded");
    }
    ASSERT_TRUE(gateway->reload().ok());
    EXPECT_EQ(test::get(gateway->port(), "/svc/variable").status, 200);
    {
        const std::lock_guard lock(backend->mutex);
        EXPECT_EQ(backend->lastHeaders.get("X-Token"), "tok-1");
        EXPECT_FALSE(backend->lastHeaders.contains("Authorization"));
    }
    EXPECT_EQ(tokens->calls, 1); // the cache outlives configurations
}

} // namespace gw::engine

namespace gw::engine {

// A token endpoint that refuses the client: the request fails with 500 and the backend is not called; with
// ignore-error it goes on without Authorization. Refusals are not cached: each request asks again.
TEST(CertificatesEngine, ARefusedTokenFailsTheRequestUnlessIgnored)
{
    TempFolder folder;
    auto backend = startBackend(folder, false);
    auto tokens = startBackend(folder, false);
    tokens->answer = R"({"error": "invalid_client"})";
    tokens->status = 401;
    folder.write("ws/named values/mi-url/namedValueInformation.json",
                 R"({"properties": {"displayName": "gatehouse-managed-identity-token-url", "value": ")" +
                     tokens->server->address() + R"(/token"}})");
    writeWorkspace(folder, backend->server->address(),
                   {{"strict", R"(<authentication-managed-identity resource="api://orders" />)"},
                    {"lenient", R"(<authentication-managed-identity resource="api://orders" ignore-error="true" />)"}});
    auto gateway = startGateway(folder, false);
    ASSERT_TRUE(gateway);

    const auto strict = test::get(gateway->port(), "/svc/strict");
    EXPECT_EQ(strict.status, 500);
    EXPECT_EQ(backend->calls, 0);
    EXPECT_EQ(test::get(gateway->port(), "/svc/lenient").status, 200);
    EXPECT_EQ(backend->calls, 1);
    EXPECT_EQ(tokens->calls, 2);
    const std::lock_guard lock(backend->mutex);
    EXPECT_FALSE(backend->lastHeaders.contains("Authorization"));
}

} // namespace gw::engine
