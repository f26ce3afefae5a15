#include "tests/suppliers/fakesupplierserver.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

// cardops-cli fulfil with a 企业微信 channel: against cardops-sim with a backlog and no supplier, the
// worker delivers what platform stock covers and puts the rest in review — and the group robot (a
// loopback receiver standing in for qyapi.weixin.qq.com) hears about it: the worker starting, the
// lease taken, the orders that could not be delivered, the worker stopping. A configuration that
// names a missing environment variable is refused before anything runs.
using namespace Qt::StringLiterals;
using namespace cardops;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run cli(const QStringList& args, const QProcessEnvironment& env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CARDOPS_CLI), args);
    // The robot answers from this process's event loop: wait without blocking it.
    if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 120'000))
        p.kill();
    p.waitForFinished(5000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestServeNotify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fulfilTellsTheGroupRobot()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        test::FakeSupplierServer robot;
        QVERIFY(robot.listen());
        robot.setHandler([](const test::SupplierRequest&) {
            return test::CannedAnswer::json(R"({"errcode":0,"errmsg":"ok"})");
        });

        QProcess sim;
        sim.start(QStringLiteral(CARDOPS_SIM),
                  {u"--listen"_s, u"127.0.0.1:0"_s, u"--orders"_s, u"300"_s, u"--members"_s, u"60"_s,
                   u"--goods"_s, u"120"_s, u"--days"_s, u"2"_s, u"--handover"_s, u"30"_s,
                   u"--orders-per-minute"_s, u"0"_s});
        QVERIFY(sim.waitForStarted(10000));
        QVERIFY(sim.waitForReadyRead(30000));
        const QByteArray listening = sim.readLine().trimmed();
        QVERIFY2(listening.startsWith("listening on "), listening.constData());
        const QString url = u"http://"_s + QString::fromLatin1(listening.mid(13));

        const QString ini = dir.filePath(u"notify.ini"_s);
        QFile f(ini);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[notify]\nchannels = ops\ncoalesce_seconds = 0\n\n[notify.ops]\ntype = wecom\n"
                "webhook = env:TEST_WECOM_URL\nevents = all\n");
        f.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CARDOPS_PLATFORM_SECRET"_s, u"demo-secret"_s);
        const QStringList args = {u"fulfil"_s,
                                  u"--lang"_s,
                                  u"en"_s,
                                  u"--url"_s,
                                  url,
                                  u"--app-id"_s,
                                  u"demo"_s,
                                  u"--db"_s,
                                  dir.filePath(u"w.db"_s),
                                  u"--holder"_s,
                                  u"notify-test"_s,
                                  u"--notify-config"_s,
                                  ini};

        // The variable the file names is missing: refused, nothing sent.
        const Run refused = cli(args, env);
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains(u"TEST_WECOM_URL"_s), qPrintable(refused.err));
        QCOMPARE(robot.requestCount(), 0);

        env.insert(u"TEST_WECOM_URL"_s, robot.url(u"/cgi-bin/webhook/send?key=test"_s).toString());
        const Run r = cli(args, env);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(u"held for review"_s), qPrintable(r.out));

        QStringList texts;
        for (const test::SupplierRequest& req : robot.requests()) {
            QCOMPARE(req.method, QByteArray("POST"));
            QVERIFY(req.path.startsWith("/cgi-bin/webhook/send"));
            const QJsonObject body = QJsonDocument::fromJson(req.body).object();
            QCOMPARE(body.value(u"msgtype"_s).toString(), u"text"_s);
            texts << body.value(u"text"_s).toObject().value(u"content"_s).toString();
        }
        const QString all = texts.join(u"\n---\n"_s);
        QVERIFY2(all.contains(u"notify-test started"_s), qPrintable(all));
        QVERIFY2(all.contains(u"could not be delivered"_s), qPrintable(all));
        QVERIFY2(all.contains(u"stopped"_s), qPrintable(all));
        QVERIFY2(!all.contains(u"demo-secret"_s), qPrintable(all));

        sim.terminate();
        sim.waitForFinished(10000);
    }
};

QTEST_GUILESS_MAIN(TestServeNotify)
#include "tst_servenotify.moc"
