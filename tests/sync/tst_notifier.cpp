#include "core/clock.h"
#include "core/notification.h"
#include "sync/notifier.h"
#include "tests/suppliers/fakesupplierserver.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using cardops::test::CannedAnswer;
using cardops::test::FakeSupplierServer;
using Kind = core::Notification::Kind;
using Type = core::NotifyChannel::Type;
using namespace std::chrono_literals;

namespace {

core::Notification note(Kind kind, const QString& title, const QString& text = {}, qint64 order = 0)
{
    return core::Notification{kind, title, text, order, 0};
}

core::NotifyChannel webhookChannel(const QString& name, Type type, const QUrl& url)
{
    core::NotifyChannel c;
    c.name = name;
    c.type = type;
    c.webhook = url;
    c.events = core::allNotificationKinds();
    return c;
}

sync::NotifierOptions fastOptions(const core::Clock* clock = nullptr)
{
    sync::NotifierOptions o;
    o.coalesceWindow = 400ms;
    o.timeout = 2000ms;
    o.maxAttempts = 3;
    o.firstBackoff = 20ms;
    o.maxBackoff = 100ms;
    o.rateLimitBackoff = 100ms;
    o.clock = clock;
    return o;
}

QString pythonWithAiosmtpd()
{
    QStringList candidates = {u"/usr/bin/python3"_s, u"python3"_s};
    if (qEnvironmentVariableIsSet("CARDOPS_PYTHON"))
        candidates.prepend(qEnvironmentVariable("CARDOPS_PYTHON"));
    for (const QString& python : candidates) {
        QProcess p;
        p.start(python, {u"-c"_s, u"import aiosmtpd"_s});
        if (p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
            return python;
    }
    return {};
}

struct SmtpServer
{
    QProcess process;
    int port = 0;
    ~SmtpServer()
    {
        if (process.state() == QProcess::NotRunning)
            return;
        process.closeWriteChannel();
        if (!process.waitForFinished(5000))
            process.kill();
        process.waitForFinished(5000);
    }
};

// Starts tests/sync/smtpserver.py (aiosmtpd). Without python3-aiosmtpd the test fails under CI and
// is skipped elsewhere; on a false return the caller returns at once (QSKIP/QFAIL already ran).
bool startSmtpServer(SmtpServer& server, const QString& outDir, const QStringList& certAndKey)
{
    const QString python = pythonWithAiosmtpd();
    if (python.isEmpty()) {
        if (test::underCi())
            QTest::qFail("python3-aiosmtpd is required under CI (scripts/setup installs it)", __FILE__,
                         __LINE__);
        else
            QTest::qSkip("python3 with aiosmtpd not found (scripts/setup installs python3-aiosmtpd)",
                         __FILE__, __LINE__);
        return false;
    }
    QDir().mkpath(outDir);
    server.process.start(
        python, QStringList{QStringLiteral(CARDOPS_SMTP_SERVER_PY), outDir, u"ops@example.com"_s, u"pw-1"_s} +
                    certAndKey);
    if (!server.process.waitForStarted(10000)) {
        QTest::qFail("the SMTP server did not start", __FILE__, __LINE__);
        return false;
    }
    QDeadlineTimer deadline(20000);
    while (!server.process.canReadLine() && !deadline.hasExpired() &&
           server.process.state() == QProcess::Running)
        server.process.waitForReadyRead(200);
    server.port = server.process.readLine().trimmed().toInt();
    if (server.port <= 0) {
        QTest::qFail(qPrintable(u"the SMTP server gave no port: "_s +
                                QString::fromUtf8(server.process.readAllStandardError())),
                     __FILE__, __LINE__);
        return false;
    }
    return true;
}

} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT
private:
    FakeSupplierServer* m_server = nullptr;

    QUrl hook(const QString& pathAndQuery) const { return m_server->url(pathAndQuery); }

private Q_SLOTS:
    void init()
    {
        m_server = new FakeSupplierServer(this);
        QVERIFY(m_server->listen());
        m_server->setHandler(
            [](const auto&) { return CannedAnswer::json("{\"errcode\":0,\"errmsg\":\"ok\"}"); });
    }
    void cleanup()
    {
        delete m_server;
        m_server = nullptr;
    }

    void wecomTextIsPostedAsIs()
    {
        core::NotifyConfig config;
        config.channels = {webhookChannel(u"ops"_s, Type::WeCom, hook(u"/cgi-bin/webhook/send?key=K-1"_s))};
        sync::Notifier notifier(config, {}, fastOptions());
        QSignalSpy delivered(&notifier, &sync::Notifier::delivered);
        QSignalSpy idle(&notifier, &sync::Notifier::idle);
        notifier.notify(note(Kind::ReviewItem, u"新的待审核订单"_s, u"订单 1024：数量异常"_s, 1024));
        QVERIFY(!notifier.isIdle()); // queued, not sent inside notify()
        QTRY_COMPARE(delivered.size(), 1);
        QCOMPARE(delivered[0][0].toString(), u"ops"_s);
        QCOMPARE(delivered[0][1].value<Kind>(), Kind::ReviewItem);
        QCOMPARE(m_server->requestCount(), 1);
        const auto& r = m_server->requests().first();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path, QByteArray("/cgi-bin/webhook/send?key=K-1"));
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
        QCOMPARE(r.body, core::notify::wecomTextBody(u"新的待审核订单\n订单 1024：数量异常"));
        QVERIFY(notifier.isIdle());
        QVERIFY(idle.size() >= 1);
    }

    void dingtalkSignsTheQuery()
    {
        core::ManualClock clock(1577262236757);
        core::NotifyConfig config;
        auto c = webhookChannel(u"ding"_s, Type::DingTalk, hook(u"/robot/send?access_token=T"_s));
        c.secret.source = core::NotifySecretRef::Source::Environment;
        config.channels = {c};
        sync::Notifier notifier(config, {{u"ding"_s, "this is secret"}}, fastOptions(&clock));
        QSignalSpy delivered(&notifier, &sync::Notifier::delivered);
        notifier.notify(note(Kind::LeaseLost, u"租约丢失"_s));
        QTRY_COMPARE(delivered.size(), 1);
        const auto& r = m_server->requests().first();
        // Sign vector computed independently with Python's hmac (see tst_notification).
        QCOMPARE(r.path, QByteArray("/robot/send?access_token=T&timestamp=1577262236757"
                                    "&sign=hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D"));
        QCOMPARE(r.body, QByteArray("{\"msgtype\":\"text\",\"text\":{\"content\":\"") +
                             u"租约丢失"_s.toUtf8() + "\"}}");
    }

    void feishuSignsTheBody()
    {
        core::ManualClock clock(qint64(1599360473) * 1000 + 999);
        m_server->setHandler(
            [](const auto&) { return CannedAnswer::json("{\"code\":0,\"msg\":\"success\",\"data\":{}}"); });
        core::NotifyConfig config;
        auto c = webhookChannel(u"fs"_s, Type::Feishu, hook(u"/open-apis/bot/v2/hook/abc"_s));
        c.secret.source = core::NotifySecretRef::Source::Keychain;
        config.channels = {c};
        sync::Notifier notifier(config, {{u"fs"_s, "this is secret"}}, fastOptions(&clock));
        QSignalSpy delivered(&notifier, &sync::Notifier::delivered);
        notifier.notify(note(Kind::WorkerStarted, u"request example"_s));
        QTRY_COMPARE(delivered.size(), 1);
        const auto& r = m_server->requests().first();
        QCOMPARE(r.path, QByteArray("/open-apis/bot/v2/hook/abc"));
        QCOMPARE(
            r.body,
            QByteArray(
                "{\"timestamp\":\"1599360473\",\"sign\":\"/eYKrXQBzTjUZJ3s6NX16VxGbTwmK7AEs8/FnvC1CSw=\","
                "\"msg_type\":\"text\",\"content\":{\"text\":\"request example\"}}"));
    }

    void vendorErrorCodeIsAFailure()
    {
        m_server->setHandler([](const auto&) {
            return CannedAnswer::json(
                "{\"errcode\":310000,\"errmsg\":\"sign not match, more: [https://x]\"}");
        });
        core::NotifyConfig config;
        config.channels = {webhookChannel(u"ding"_s, Type::DingTalk, hook(u"/robot/send?access_token=T"_s))};
        sync::Notifier notifier(config, {}, fastOptions());
        QSignalSpy delivered(&notifier, &sync::Notifier::delivered);
        QSignalSpy failed(&notifier, &sync::Notifier::failed);
        notifier.notify(note(Kind::DeliveryFailed, u"发货失败"_s));
        QTRY_COMPARE(failed.size(), 1);
        const auto f = failed[0][0].value<sync::NotifyFailure>();
        QCOMPARE(f.channel, u"ding"_s);
        QCOMPARE(f.kind, Kind::DeliveryFailed);
        QCOMPARE(f.httpStatus, 200);
        QCOMPARE(f.vendorCode, std::optional<qint64>(310000));
        QVERIFY(!f.willRetry); // not transient: retrying would fail the same way
        QVERIFY(f.detail.contains(u"sign not match"));
        QTest::qWait(100);
        QCOMPARE(m_server->requestCount(), 1);
        QCOMPARE(delivered.size(), 0);
        QCOMPARE(notifier.recentFailures().size(), 1);
        QVERIFY(notifier.isIdle());
    }

    void retriesServerErrorsThenSucceeds()
    {
        int calls = 0;
        m_server->setHandler([&calls](const auto&) {
            CannedAnswer a = CannedAnswer::json("{\"errcode\":0,\"errmsg\":\"ok\"}");
            if (++calls <= 2) {
                a.status = 503;
                a.body = "busy";
            }
            return a;
        });
        core::NotifyConfig config;
        config.channels = {webhookChannel(u"ops"_s, Type::WeCom, hook(u"/send?key=k"_s))};
        sync::Notifier notifier(config, {}, fastOptions());
        QSignalSpy delivered(&notifier, &sync::Notifier::delivered);
        QSignalSpy failed(&notifier, &sync::Notifier::failed);
        notifier.notify(note(Kind::ReviewItem, u"t"_s));
        QTRY_COMPARE(delivered.size(), 1);
        QCOMPARE(m_server->requestCount(), 3);
        QCOMPARE(failed.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const auto f = failed[i][0].value<sync::NotifyFailure>();
            QCOMPARE(f.attempt, i + 1);
            QVERIFY(f.willRetry);
            QCOMPARE(f.httpStatus, 503);
        }
        QCOMPARE(m_server->requests()[0].body, m_server->requests()[2].body);
    }

    void givesUpAfterMaxAttempts()
    {
        m_server->setHandler([](const auto&) {
            CannedAnswer a = CannedAnswer::json("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}");
            return a;
        });
        core::NotifyConfig config;
        config.channels = {webhookChannel(u"ops"_s, Type::WeCom, hook(u"/send?key=k"_s))};
        sync::Notifier notifier(config, {}, fastOptions());
        QSignalSpy failed(&notifier, &sync::Notifier::failed);
        notifier.notify(note(Kind::ReviewItem, u"t"_s));
        QTRY_COMPARE(failed.size(), 3);
        QVERIFY(failed[0][0].value<sync::NotifyFailure>().willRetry);
        QVERIFY(!failed[2][0].value<sync::NotifyFailure>().willRetry);
        QTest::qWait(250);
        QCOMPARE(m_server->requestCount(), 3);
        QCOMPARE(notifier.recentFailures().size(), 3);
    }

    void coalescesPerKind()
    {
        core::NotifyConfig config;
        config.channels = {webhookChannel(u"ops"_s, Type::WeCom, hook(u"/send?key=k"_s))};
        sync::Notifier notifier(config, {}, fastOptions());
        QSignalSpy delivered(&notifier, &sync::Notifier::delivered);
        for (int i = 1; i <= 5; ++i)
            notifier.notify(note(Kind::ReviewItem, u"新的待审核订单"_s, u"订单 %1"_s.arg(i), i));
        notifier.notify(note(Kind::LeaseLost, u"租约丢失"_s));
        QTRY_COMPARE(delivered.size(), 2); // the first review item and the lease, at once
        QCOMPARE(notifier.heldCount(), 4);
        QTest::qWait(150);
        QCOMPARE(m_server->requestCount(), 2);
        QTRY_COMPARE(delivered.size(), 3); // the window ended: one summary
        QCOMPARE(notifier.heldCount(), 0);
        const QByteArray summary = m_server->requests().last().body;
        QVERIFY2(summary.contains(u"订单 5"_s.toUtf8()), summary.constData()); // the latest one
        QVERIFY(summary.contains("(and 3 more like this)"));
        QVERIFY(!summary.contains(u"订单 2"_s.toUtf8()));
        QTest::qWait(500);
        QCOMPARE(m_server->requestCount(), 3);
    }

    void flushSendsHeldSummariesNow()
    {
        core::NotifyConfig config;
        config.channels = {webhookChannel(u"ops"_s, Type::WeCom, hook(u"/send?key=k"_s))};
        auto options = fastOptions();
        options.coalesceWindow = 60s;
        sync::Notifier notifier(config, {}, options);
        QSignalSpy delivered(&notifier, &sync::Notifier::delivered);
        notifier.notify(note(Kind::WorkerStarted, u"a"_s));
        notifier.notify(note(Kind::WorkerStarted, u"b"_s));
        QTRY_COMPARE(delivered.size(), 1);
        notifier.flush();
        QTRY_COMPARE(delivered.size(), 2);
        QVERIFY(m_server->requests().last().body.contains("\"content\":\"b\""));
    }

    void eventsFilterChannels()
    {
        core::NotifyConfig config;
        auto c = webhookChannel(u"ops"_s, Type::WeCom, hook(u"/send?key=k"_s));
        c.events = {Kind::LeaseLost};
        config.channels = {c};
        sync::Notifier notifier(config, {}, fastOptions());
        QSignalSpy delivered(&notifier, &sync::Notifier::delivered);
        notifier.notify(note(Kind::ReviewItem, u"x"_s));
        notifier.notify(note(Kind::LeaseLost, u"y"_s));
        QTRY_COMPARE(delivered.size(), 1);
        QCOMPARE(delivered[0][1].value<Kind>(), Kind::LeaseLost);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void timeoutIsReported()
    {
        m_server->setHandler([](const auto&) {
            CannedAnswer a;
            a.delivery = CannedAnswer::Delivery::Never;
            return a;
        });
        core::NotifyConfig config;
        config.channels = {webhookChannel(u"ops"_s, Type::WeCom, hook(u"/send?key=secret-key"_s))};
        auto options = fastOptions();
        options.timeout = 200ms;
        options.maxAttempts = 1;
        sync::Notifier notifier(config, {}, options);
        QSignalSpy failed(&notifier, &sync::Notifier::failed);
        notifier.notify(note(Kind::ReviewItem, u"t"_s));
        QTRY_COMPARE(failed.size(), 1);
        const auto f = failed[0][0].value<sync::NotifyFailure>();
        QCOMPARE(f.detail, u"no complete answer in time"_s);
        QVERIFY(!f.willRetry);
    }

    void redirectIsNotFollowed()
    {
        m_server->setHandler([](const auto&) {
            CannedAnswer a;
            a.status = 302;
            a.headers = {{"Location", "http://127.0.0.1:1/elsewhere"}};
            return a;
        });
        core::NotifyConfig config;
        config.channels = {webhookChannel(u"ops"_s, Type::WeCom, hook(u"/send?key=k"_s))};
        sync::Notifier notifier(config, {}, fastOptions());
        QSignalSpy failed(&notifier, &sync::Notifier::failed);
        notifier.notify(note(Kind::ReviewItem, u"t"_s));
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed[0][0].value<sync::NotifyFailure>().httpStatus, 302);
        QTest::qWait(100);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void missingSecretIsReportedNotSent()
    {
        core::NotifyConfig config;
        auto c = webhookChannel(u"ding"_s, Type::DingTalk, hook(u"/robot/send?access_token=T"_s));
        c.secret.source = core::NotifySecretRef::Source::Environment;
        c.secret.name = u"CARDOPS_DING_SECRET"_s;
        config.channels = {c};
        sync::Notifier notifier(config, {}, fastOptions());
        QCOMPARE(notifier.configurationProblems().size(), 1);
        QSignalSpy failed(&notifier, &sync::Notifier::failed);
        notifier.notify(note(Kind::LeaseLost, u"t"_s));
        QCOMPARE(failed.size(), 0); // never emitted inside notify()
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(!failed[0][0].value<sync::NotifyFailure>().willRetry);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void notifyFromAnotherThread()
    {
        core::NotifyConfig config;
        config.channels = {webhookChannel(u"ops"_s, Type::WeCom, hook(u"/send?key=k"_s))};
        sync::Notifier notifier(config, {}, fastOptions());
        QSignalSpy delivered(&notifier, &sync::Notifier::delivered);
        QThread* t = QThread::create([&notifier] { notifier.notify(note(Kind::DeliveryFailed, u"x"_s)); });
        t->start();
        QVERIFY(t->wait(5000));
        delete t;
        QTRY_COMPARE(delivered.size(), 1);
    }

    void emailThroughRealSmtpServer()
    {
        SmtpServer smtpd;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        if (!startSmtpServer(smtpd, dir.filePath(u"out"_s), {}))
            return;
        const int port = smtpd.port;

        core::NotifyChannel mail;
        mail.name = u"mail"_s;
        mail.type = Type::Email;
        mail.events = core::allNotificationKinds();
        mail.smtp = QUrl(u"smtp://127.0.0.1:%1"_s.arg(port));
        mail.tls = core::NotifyChannel::Tls::None;
        mail.username = u"ops@example.com"_s;
        mail.secret.source = core::NotifySecretRef::Source::Environment;
        mail.from = {u"ops@example.com"_s, u"CardOps"_s};
        mail.to = {{u"boss@example.com"_s, {}}, {u"kefu@example.com"_s, u"客服"_s}};
        core::NotifyConfig config;
        config.channels = {mail};
        auto options = fastOptions();
        options.timeout = 10s;
        sync::Notifier notifier(config, {{u"mail"_s, "pw-1"}}, options);
        QSignalSpy delivered(&notifier, &sync::Notifier::delivered);
        QSignalSpy failed(&notifier, &sync::Notifier::failed);
        notifier.notify(note(Kind::DeliveryFailed, u"发货失败"_s, u"订单 1024 的卡密未能送达"_s, 1024));
        QTRY_VERIFY_WITH_TIMEOUT(delivered.size() + failed.size() >= 1, 20000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<sync::NotifyFailure>().detail));

        QFile received(dir.filePath(u"out/1.json"_s));
        QTRY_VERIFY(received.exists());
        QVERIFY(received.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(received.readAll()).object();
        QCOMPARE(o.value(u"from"_s).toString(), u"ops@example.com"_s);
        QCOMPARE(o.value(u"to"_s).toVariant().toStringList(),
                 (QStringList{u"boss@example.com"_s, u"kefu@example.com"_s}));
        const QByteArray data = o.value(u"data"_s).toString().toLatin1();
        QVERIFY(data.contains(
            QByteArray("Subject: " + core::notify::encodeHeaderText(u"[CardOps] 发货失败") + "\r\n")));
        QVERIFY(data.contains("Content-Transfer-Encoding: base64\r\n"));
        const QByteArray body = data.mid(data.indexOf("\r\n\r\n") + 4);
        QCOMPARE(QString::fromUtf8(QByteArray::fromBase64(QByteArray(body).replace("\r\n", ""))),
                 u"发货失败\r\n订单 1024 的卡密未能送达"_s);

        // A wrong password: 535 from the server, not retried, reported without the password.
        sync::Notifier wrong(config, {{u"mail"_s, "not-the-password"}}, options);
        QSignalSpy wrongFailed(&wrong, &sync::Notifier::failed);
        wrong.notify(note(Kind::LeaseLost, u"租约丢失"_s));
        QTRY_VERIFY_WITH_TIMEOUT(wrongFailed.size() >= 1, 20000);
        const auto f = wrongFailed[0][0].value<sync::NotifyFailure>();
        QVERIFY(!f.willRetry);
        QVERIFY2(f.detail.contains(u"535"), qPrintable(f.detail));
        QVERIFY(!f.detail.contains(u"not-the-password"));
    }

    void emailStartTlsChecksTheCertificate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString cert = dir.filePath(u"cert.pem"_s), key = dir.filePath(u"key.pem"_s);
        QProcess openssl;
        openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s,
                                     u"-days"_s, u"1"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                                     u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, key, u"-out"_s, cert});
        if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
            if (test::underCi())
                QFAIL("openssl could not make a test certificate");
            QSKIP("openssl could not make a test certificate");
        }
        SmtpServer smtpd;
        if (!startSmtpServer(smtpd, dir.filePath(u"out"_s), {cert, key}))
            return;

        core::NotifyChannel mail;
        mail.name = u"mail"_s;
        mail.type = Type::Email;
        mail.events = core::allNotificationKinds();
        mail.smtp = QUrl(u"smtp://127.0.0.1:%1"_s.arg(smtpd.port));
        mail.tls = core::NotifyChannel::Tls::StartTls;
        mail.username = u"ops@example.com"_s;
        mail.secret.source = core::NotifySecretRef::Source::Keychain;
        mail.from = {u"ops@example.com"_s, {}};
        mail.to = {{u"boss@example.com"_s, {}}};
        core::NotifyConfig config;
        auto options = fastOptions();
        options.timeout = 10s;
        options.maxAttempts = 1;

        // Not trusted (the system's CAs only): refused before AUTH, so the password never leaves.
        config.channels = {mail};
        sync::Notifier untrusted(config, {{u"mail"_s, "pw-1"}}, options);
        QSignalSpy refused(&untrusted, &sync::Notifier::failed);
        untrusted.notify(note(Kind::WorkerStarted, u"started"_s));
        QTRY_VERIFY_WITH_TIMEOUT(refused.size() >= 1, 20000);
        const QString why = refused[0][0].value<sync::NotifyFailure>().detail;
        QVERIFY2(why.contains(u"certificate"), qPrintable(why));
        QVERIFY(!QFile::exists(dir.filePath(u"out/1.json"_s)));

        // Trusted through ca_file: STARTTLS, AUTH, delivered.
        mail.caFile = cert;
        config.channels = {mail};
        sync::Notifier trusted(config, {{u"mail"_s, "pw-1"}}, options);
        QSignalSpy delivered(&trusted, &sync::Notifier::delivered);
        QSignalSpy failed(&trusted, &sync::Notifier::failed);
        trusted.notify(note(Kind::WorkerStarted, u"started"_s));
        QTRY_VERIFY_WITH_TIMEOUT(delivered.size() + failed.size() >= 1, 20000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<sync::NotifyFailure>().detail));
        QTRY_VERIFY(QFile::exists(dir.filePath(u"out/1.json"_s)));
    }
};

QTEST_GUILESS_MAIN(TestNotifier)
#include "tst_notifier.moc"
