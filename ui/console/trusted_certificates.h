#pragma once

#include <QList>
#include <QSet>
#include <QSslCertificate>
#include <QSslError>

namespace gh::console {

// Certificates the user chose to trust for this run of the app ("Trust this certificate for this session"), by
// their SHA-256 digest and the exact TLS errors they were trusted despite. Kept in memory only: nothing is written,
// so the next start asks again.
class TrustedCertificates {
public:
    static TrustedCertificates &session();

    // Trusts `certificate` despite `errors` (the ones the refused call reported for it).
    void trust(const QSslCertificate &certificate, const QList<QSslError> &errors);
    bool isTrusted(const QSslCertificate &certificate) const;
    // Of `errors` (a reply's, its server presenting `peer`), the ones trusted: exactly the errors seen when the user
    // trusted that certificate, never others. A reply ignores these and fails on any it does not.
    QList<QSslError> trustedErrors(const QList<QSslError> &errors, const QSslCertificate &peer) const;
    void clear();

    static QByteArray digest(const QSslCertificate &certificate);

private:
    // "digest/error" for each trusted error of each certificate.
    QSet<QByteArray> m_trusted;
    QSet<QByteArray> m_certificates;
};

} // namespace gh::console
