#pragma once

#include <common/result.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace gw::certificates {

// An X.509 certificate as the gateway uses it: what APIM shows of it (thumbprint, subject, issuer, dates) and, when
// it came with one, its private key, so that it can be presented to a backend. Plain data: OpenSSL stays inside the
// module. Immutable once made.
struct Certificate {
    std::string id;                    // the store's name for it (<id>.pem, <id>.pfx); empty for one made on the fly
    std::string thumbprint;            // SHA-1 of the DER, uppercase hex, as APIM and .NET show it
    std::string subject;               // "CN=client, O=Contoso, C=US" (.NET's X509Certificate2.Subject order)
    std::string issuer;                // same form
    std::string commonName;            // the subject's last CN
    std::string serialNumber;          // uppercase hex, big-endian (.NET's SerialNumber)
    std::vector<std::string> dnsNames; // subjectAltName DNS entries
    std::chrono::system_clock::time_point notBefore;
    std::chrono::system_clock::time_point notAfter;
    bool isAuthority = false;  // basicConstraints CA:TRUE
    std::string der;           // the certificate itself
    std::string chainPem;      // the certificate then any further certificates it came with, PEM
    std::string privateKeyPem; // PKCS#8 PEM, unencrypted; empty when it came without a key

    bool hasPrivateKey() const { return !privateKeyPem.empty(); }
};

// The SHA-1 thumbprint of DER bytes, uppercase hex.
std::string thumbprint(std::string_view der);

// A certificate from PEM text: the first CERTIFICATE block is the certificate, later ones its chain; a PRIVATE KEY
// block (PKCS#8, RSA or EC; encrypted ones need `password`) is its key.
Result<Certificate> fromPem(std::string_view pem, std::string_view password = {});
// A certificate from a PKCS#12 (PFX) file's bytes and its password.
Result<Certificate> fromPkcs12(std::string_view pfx, std::string_view password = {});
// A certificate from DER bytes (what a TLS handshake gives), without a key.
Result<Certificate> fromDer(std::string_view der);
// Whichever of the three `bytes` holds (PEM text, PKCS#12, DER): what a policy's byte array may carry.
Result<Certificate> fromBytes(std::string_view bytes, std::string_view password = {});

// Whether `issuer` issued `certificate`: names match and its key verifies the signature.
bool issuedBy(const Certificate &certificate, const Certificate &issuer);

// Whether two thumbprints name the same certificate: case, spaces and colons are ignored ("ab:cd" = "ABCD").
bool sameThumbprint(std::string_view a, std::string_view b);

} // namespace gw::certificates
