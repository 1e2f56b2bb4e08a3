#include "trusted_certificates.h"

#include <QCryptographicHash>

namespace gh::console {

namespace {

QByteArray key(const QByteArray &digest, QSslError::SslError error)
{
    return digest + '/' + QByteArray::number(static_cast<int>(error));
}

} // namespace

TrustedCertificates &TrustedCertificates::session()
{
    static TrustedCertificates instance;
    return instance;
}

QByteArray TrustedCertificates::digest(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256).toHex();
}

void TrustedCertificates::trust(const QSslCertificate &certificate, const QList<QSslError> &errors)
{
    if (certificate.isNull())
        return;
    const QByteArray hash = digest(certificate);
    m_certificates.insert(hash);
    for (const QSslError &error : errors) {
        // An error about another certificate of the chain is not the user's choice about this one.
        if (!error.certificate().isNull() && digest(error.certificate()) != hash)
            continue;
        m_trusted.insert(key(hash, error.error()));
    }
}

bool TrustedCertificates::isTrusted(const QSslCertificate &certificate) const
{
    return !certificate.isNull() && m_certificates.contains(digest(certificate));
}

QList<QSslError> TrustedCertificates::trustedErrors(const QList<QSslError> &errors, const QSslCertificate &peer) const
{
    QList<QSslError> out;
    if (peer.isNull() || !isTrusted(peer))
        return out;
    const QByteArray hash = digest(peer);
    for (const QSslError &error : errors) {
        if (!error.certificate().isNull() && digest(error.certificate()) != hash)
            continue;
        if (m_trusted.contains(key(hash, error.error())))
            out.append(error);
    }
    return out;
}

void TrustedCertificates::clear()
{
    m_trusted.clear();
    m_certificates.clear();
}

} // namespace gh::console
