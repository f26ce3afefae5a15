// TLS errors are never ignored: a platform presenting a self-signed certificate is a Tls error.
#include "tests/support/testsupport.h"
#include "tests/sync/transport/transporttestutil.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace cardops;
using namespace cardops::sync;
using namespace cardops::test;

class TestTransportTls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void selfSignedCertificateIsRefused()
    {
        if (!QSslSocket::supportsSsl() ||
            QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
            if (underCi())
                QFAIL("TLS support or the openssl tool is missing");
            QSKIP("no TLS backend or no openssl tool");
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-days"),
                       QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                       QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
        QVERIFY(openssl.waitForFinished(20000));
        QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());

        QFile certFile(cert);
        QFile keyFile(key);
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(certFile.readAll()));
        config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
        QVERIFY(!config.localCertificate().isNull() && !config.privateKey().isNull());

        QSslServer server;
        server.setSslConfiguration(config);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        int handshakesStarted = 0;
        connect(&server, &QSslServer::startedEncryptionHandshake, this, [&] { ++handshakesStarted; });

        QUrl url(QStringLiteral("https://127.0.0.1"));
        url.setPort(server.serverPort());
        core::ManualClock clock(kLocalStartMs);
        PlatformTransport t({url, "demo", "demo-secret"}, clock, fastOptions());
        const Reply r = await(t.send(get("/v1/shop")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error.kind, CallError::Tls);
        QVERIFY(!r.error.retriable());
        QCOMPARE(r.error.attempts, 1);
        QVERIFY(handshakesStarted >= 1);          // it was a TLS server that was refused …
        QVERIFY(!server.hasPendingConnections()); // … and no encrypted connection was ever made
    }
};

QTEST_GUILESS_MAIN(TestTransportTls)
#include "tst_transporttls.moc"
