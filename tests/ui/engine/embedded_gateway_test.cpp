#include <temp_folder.h>
#include <ui/engine/embedded_gateway.h>

#include <filesystem>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using gh::engine::EmbeddedGateway;

class EmbeddedGatewayTest : public QObject {
    Q_OBJECT

private:
    static int getStatus(const QString &url)
    {
        QNetworkAccessManager network;
        std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(QUrl(url))));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.wait(5000))
            return -1;
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

private slots:
    void servesTheWorkspaceOnLoopback()
    {
        EmbeddedGateway gateway;
        QSignalSpy states(&gateway, &EmbeddedGateway::stateChanged);
        QVERIFY(gateway.start(QStringLiteral(GW_SAMPLE_WORKSPACE)));
        QCOMPARE(gateway.state(), EmbeddedGateway::State::Running);
        QCOMPARE(states.count(), 1);
        QVERIFY(gateway.address().startsWith(QStringLiteral("http://127.0.0.1:")));

        // A real client over a real socket, as the test console will be.
        QCOMPARE(getStatus(gateway.address() + QStringLiteral("/status-0123456789abcdef")), 200);
        QCOMPARE(getStatus(gateway.address() + QStringLiteral("/unknown")), 404);

        const QString before = gateway.address();
        QVERIFY(gateway.restart());
        QCOMPARE(getStatus(gateway.address() + QStringLiteral("/status-0123456789abcdef")), 200);
        gateway.stop();
        QCOMPARE(gateway.state(), EmbeddedGateway::State::Stopped);
        QVERIFY(gateway.address().isEmpty());
        QVERIFY(getStatus(before + QStringLiteral("/status-0123456789abcdef")) != 200);
    }

    void bringsRequestsAndEventsToTheLog()
    {
        // A copy of the sample whose Pet Store API logs every request to an event hub logger.
        gw::test::TempFolder temp;
        temp.copySample("ws");
        temp.write("ws/loggers/audit/loggerInformation.json",
                   R"({"properties": {"loggerType": "azureEventHub", "description": "audit"}})");
        temp.write("ws/apis/petstore-api/policy.xml",
                   "<policies><inbound><base /><log-to-eventhub logger-id=\"audit\">@(\"seen \" + "
                   "context.Request.Url.Path)</log-to-eventhub><mock-response status-code=\"200\" "
                   "content-type=\"application/json\" /></inbound><backend><base /></backend><outbound><base />"
                   "</outbound><on-error><base /></on-error></policies>");

        EmbeddedGateway gateway;
        gateway.setDrainInterval(20);
        QStringList lines;
        connect(&gateway, &EmbeddedGateway::messageLogged, this, [&](const QString &line) { lines << line; });
        QVERIFY2(gateway.start(QString::fromStdString((temp.path() / "ws").string())),
                 qPrintable(gateway.errorString()));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(getStatus(gateway.address() +
                               QStringLiteral("/petstore/pets?subscription-key=unlimited-demo-primary-key-0001")),
                     200);
        QTRY_VERIFY_WITH_TIMEOUT(lines.filter(QStringLiteral("GET /petstore/pets → 200")).size() == 3, 3000);
        QTRY_VERIFY_WITH_TIMEOUT(lines.filter(QStringLiteral("[audit]")).size() == 3, 3000);
        QVERIFY2(lines.filter(QStringLiteral("[audit]"))
                     .first()
                     .contains(QStringLiteral("seen /v2/pets")) /* the backend URL */,
                 qPrintable(lines.filter(QStringLiteral("[audit]")).first()));
        QVERIFY(gateway.requestRate() > 0);
        QCOMPARE(gateway.requestCount(), 3u);
    }

    void reportsAWorkspaceThatCannotBeServed()
    {
        EmbeddedGateway gateway;
        QSignalSpy messages(&gateway, &EmbeddedGateway::messageLogged);
        QVERIFY(!gateway.start(QStringLiteral("/nonexistent/workspace")));
        QCOMPARE(gateway.state(), EmbeddedGateway::State::Failed);
        QVERIFY(gateway.errorString().contains(QStringLiteral("does not exist")));
        QVERIFY(!messages.isEmpty());
    }
};

QTEST_MAIN(EmbeddedGatewayTest)
#include "embedded_gateway_test.moc"
