#include <ui/engine/embedded_gateway.h>

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
