#include "recovery.h"

#include <ui/workspace/workspace_document.h>

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace gh::shell {

RecoveryStore::RecoveryStore(QString root) : m_root(std::move(root))
{
    const QByteArray hash =
        QCryptographicHash::hash(QDir(m_root).absolutePath().toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    m_folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery/") +
               QString::fromLatin1(hash);
}

QString RecoveryStore::copyFolder() const
{
    return m_folder + QStringLiteral("/copy");
}

bool RecoveryStore::write(const workspace::WorkspaceDocument &document)
{
    // Written beside the old copy and swapped in, so a crash while writing leaves the previous copy whole.
    const QString next = m_folder + QStringLiteral("/copy.new");
    QDir(next).removeRecursively();
    if (!QDir().mkpath(next) || !document.saveCopyTo(next)) {
        QDir(next).removeRecursively();
        return false;
    }
    QDir(copyFolder()).removeRecursively();
    if (!QDir().rename(next, copyFolder()))
        return false;
    QSettings info(m_folder + QStringLiteral("/recovery.ini"), QSettings::IniFormat);
    info.setValue(QStringLiteral("root"), m_root);
    info.setValue(QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc());
    info.sync();
    return info.status() == QSettings::NoError;
}

void RecoveryStore::remove()
{
    QDir(m_folder).removeRecursively();
}

QDateTime RecoveryStore::savedAt() const
{
    if (!QFileInfo(copyFolder()).isDir() || !QFileInfo::exists(m_folder + QStringLiteral("/recovery.ini")))
        return {};
    return QSettings(m_folder + QStringLiteral("/recovery.ini"), QSettings::IniFormat)
        .value(QStringLiteral("savedAt"))
        .toDateTime();
}

bool RecoveryStore::hasNewerCopy() const
{
    const QDateTime saved = savedAt();
    if (!saved.isValid())
        return false;
    QDirIterator files(m_root, QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        files.next();
        if (files.fileInfo().lastModified() > saved)
            return false;
    }
    return true;
}

} // namespace gh::shell
