#include <resources/resources.h>

#include <QDir>
#include <QFile>
#include <QTest>

class ResourcesTest : public QObject {
    Q_OBJECT

private slots:
    void findsTheSampleWorkspace()
    {
        const QString folder = gh::resources::sampleWorkspace();
        QVERIFY(!folder.isEmpty());
        QCOMPARE(QDir(folder).dirName(), QStringLiteral("contoso"));
        QVERIFY(QFile::exists(folder + QStringLiteral("/policy.xml")));
        QVERIFY(QFile::exists(folder + QStringLiteral("/apis/conference-api/apiInformation.json")));
    }

    void embedsTheApplicationIcon()
    {
        QFile icon(QStringLiteral(":/icons/gatehouse.svg"));
        QVERIFY(icon.open(QIODevice::ReadOnly));
        QVERIFY(icon.readAll().contains("<svg"));
    }
};

QTEST_GUILESS_MAIN(ResourcesTest)
#include "resources_test.moc"
