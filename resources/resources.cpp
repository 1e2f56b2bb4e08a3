#include "resources.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace gh::resources {

QString sampleWorkspace()
{
    const QString name = QStringLiteral("contoso");
    const QStringList candidates = {
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/gatehouse/samples/"),
        QStringLiteral(GH_INSTALLED_SAMPLES "/"),
        QStringLiteral(GH_SOURCE_SAMPLES "/"),
    };
    for (const QString &base : candidates) {
        const QFileInfo info(base + name);
        if (info.isDir())
            return QDir::cleanPath(info.absoluteFilePath());
    }
    return {};
}

} // namespace gh::resources
