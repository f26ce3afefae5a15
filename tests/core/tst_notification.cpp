#include "core/notification.h"
#include "core/notifycoalescer.h"
#include "core/notifyconfig.h"

#include <QStringDecoder>
#include <QTimeZone>
#include <QtTest>

using namespace cardops::core;
using namespace cardops::core::notify;
using namespace Qt::StringLiterals;
using Kind = Notification::Kind;

// Signature vectors: neither 钉钉 nor 飞书 publishes a computed signature for its robot (their
// documents give the algorithm and sample code only), so these were computed independently with
// Python's hmac, hashlib and base64 modules, e.g. for 钉钉:
//   base64.b64encode(hmac.new(secret, f"{ts}\n{secret}".encode(), hashlib.sha256).digest())
// and for 飞书: base64.b64encode(hmac.new(f"{ts}\n{secret}".encode(), b"", hashlib.sha256).digest()).
// The inputs are the vendors' own examples where they give one ("this is secret" in 钉钉's Python
// sample, timestamp 1599360473 in 飞书's guide).

class TestNotification : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void kindKeysRoundTrip()
    {
        QCOMPARE(allNotificationKinds().size(), kNotificationKindCount);
        for (const Kind k : allNotificationKinds())
            QCOMPARE(notificationKindFromKey(notificationKindKey(k)), std::optional<Kind>(k));
        QCOMPARE(notificationKindKey(Kind::ReviewItem), u"review_item"_s);
        QVERIFY(!notificationKindFromKey(u"Review_Item"));
    }

    void jsonStringEscapes()
    {
        QCOMPARE(jsonString(u"a\"b\\c\nd\re\tf\u0001g/中"),
                 QByteArray("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g/\xe4\xb8\xad\""));
        QCOMPARE(jsonString(u""), QByteArray("\"\""));
    }

    void wecomBodies()
    {
        // The example in 企业微信's 群机器人配置说明.
        QCOMPARE(wecomTextBody(u"hello world"),
                 QByteArray(R"({"msgtype":"text","text":{"content":"hello world"}})"));
        QCOMPARE(wecomTextBody(u"新的待审核订单\n订单 1024"),
                 QByteArray("{\"msgtype\":\"text\",\"text\":{\"content\":\"") + u"新的待审核订单"_s.toUtf8() +
                     "\\n" + u"订单 1024"_s.toUtf8() + "\"}}");
        QCOMPARE(wecomMarkdownBody(u"**发货失败**"),
                 QByteArray(R"({"msgtype":"markdown","markdown":{"content":")") + u"**发货失败**"_s.toUtf8() +
                     "\"}}");
    }

    void dingtalkBodies()
    {
        QCOMPARE(dingtalkTextBody(u"我就是我, 是不一样的烟火"),
                 QByteArray(R"({"msgtype":"text","text":{"content":")") +
                     u"我就是我, 是不一样的烟火"_s.toUtf8() + "\"}}");
        QCOMPARE(dingtalkMarkdownBody(u"T", u"#### T\n\nx"),
                 QByteArray(R"({"msgtype":"markdown","markdown":{"title":"T","text":"#### T\n\nx"}})"));
    }

    void dingtalkSignVectors_data()
    {
        QTest::addColumn<qint64>("timestamp");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QByteArray>("sign");
        QTest::newRow("vendor sample secret") << qint64(1577262236757) << QByteArray("this is secret")
                                              << QByteArray("hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=");
        QTest::newRow("SEC secret")
            << qint64(1700000000000)
            << QByteArray("SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
            << QByteArray("bTgY2yDbep+wesS7jKiNj+srsHoADES4+C4f8LCHFtU=");
    }
    void dingtalkSignVectors()
    {
        QFETCH(qint64, timestamp);
        QFETCH(QByteArray, secret);
        QFETCH(QByteArray, sign);
        QCOMPARE(dingtalkSign(timestamp, secret), sign);
    }

    void dingtalkSignedUrlAppendsToQuery()
    {
        const QUrl hook(u"https://oapi.dingtalk.com/robot/send?access_token=abc%2Bdef"_s);
        const QUrl url = dingtalkSignedUrl(hook, 1577262236757, "this is secret");
        QCOMPARE(url.toEncoded(), QByteArray("https://oapi.dingtalk.com/robot/send?access_token=abc%2Bdef"
                                             "&timestamp=1577262236757"
                                             "&sign=hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D"));
        QCOMPARE(dingtalkSignedUrl(QUrl(u"http://127.0.0.1:9/send"_s), 1, "k").toEncoded().left(34),
                 QByteArray("http://127.0.0.1:9/send?timestamp="));
    }

    void feishuSignVectors()
    {
        QCOMPARE(feishuSign(1599360473, "this is secret"),
                 QByteArray("/eYKrXQBzTjUZJ3s6NX16VxGbTwmK7AEs8/FnvC1CSw="));
        QCOMPARE(feishuSign(1700000000, "kV8xP2nQ9rT4wZ6y"),
                 QByteArray("P6lkrjKJuj0WVyLInFGYjKrcWh7bUW7W3DuD4zIe7Tw="));
    }

    void feishuBodies()
    {
        QCOMPARE(
            feishuTextBody(u"request example", 1599360473, "this is secret"),
            QByteArray(R"({"timestamp":"1599360473","sign":"/eYKrXQBzTjUZJ3s6NX16VxGbTwmK7AEs8/FnvC1CSw=",)"
                       R"("msg_type":"text","content":{"text":"request example"}})"));
        QCOMPARE(feishuTextBody(u"request example", 1599360473, {}),
                 QByteArray(R"({"msg_type":"text","content":{"text":"request example"}})"));
    }

    void truncateKeepsCharacters()
    {
        QCOMPARE(truncateUtf8(u"abc"_s, 10), u"abc"_s);
        QCOMPARE(truncateUtf8(u"中文字"_s, 7), u"中文"_s); // 6 bytes fit, the third character would not
        QCOMPARE(truncateUtf8(u"a😀b"_s, 4), u"a"_s);
    }

    void vendorAnswers_data()
    {
        QTest::addColumn<int>("vendor");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("transient");
        QTest::addColumn<qint64>("code"); // -99: none
        const int wecom = int(Vendor::WeCom), ding = int(Vendor::DingTalk), feishu = int(Vendor::Feishu);
        QTest::newRow("wecom ok") << wecom << 200 << QByteArray(R"({"errcode":0,"errmsg":"ok"})") << true
                                  << false << qint64(0);
        QTest::newRow("wecom bad url")
            << wecom << 200 << QByteArray(R"({"errcode":93000,"errmsg":"invalid webhook url"})") << false
            << false << qint64(93000);
        QTest::newRow("wecom freq") << wecom << 200
                                    << QByteArray(R"({"errcode":45009,"errmsg":"api freq out of limit"})")
                                    << false << true << qint64(45009);
        QTest::newRow("ding sign") << ding << 200
                                   << QByteArray(R"({"errcode":310000,"errmsg":"sign not match"})") << false
                                   << false << qint64(310000);
        QTest::newRow("ding too fast")
            << ding << 200 << QByteArray(R"({"errcode":130101,"errmsg":"send too fast"})") << false << true
            << qint64(130101);
        QTest::newRow("feishu ok") << feishu << 200 << QByteArray(R"({"code":0,"msg":"success","data":{}})")
                                   << true << false << qint64(0);
        QTest::newRow("feishu legacy ok")
            << feishu << 200 << QByteArray(R"({"StatusCode":0,"StatusMessage":"success"})") << true << false
            << qint64(0);
        QTest::newRow("feishu sign") << feishu << 200
                                     << QByteArray(R"({"code":19021,"msg":"sign match fail"})") << false
                                     << false << qint64(19021);
        QTest::newRow("feishu limited")
            << feishu << 400 << QByteArray(R"({"code":11232,"msg":"frequency limited"})") << false << true
            << qint64(11232);
        QTest::newRow("5xx") << wecom << 503 << QByteArray("busy") << false << true << qint64(-99);
        QTest::newRow("429") << ding << 429 << QByteArray() << false << true << qint64(-99);
        QTest::newRow("404") << wecom << 404 << QByteArray("<html>") << false << false << qint64(-99);
        QTest::newRow("200 html") << wecom << 200 << QByteArray("<html>ok</html>") << false << false
                                  << qint64(-99);
        QTest::newRow("200 no code") << feishu << 200 << QByteArray("{}") << false << false << qint64(-99);
    }
    void vendorAnswers()
    {
        QFETCH(int, vendor);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(bool, transient);
        QFETCH(qint64, code);
        const WebhookAnswer a = interpretWebhookAnswer(Vendor(vendor), status, body);
        QCOMPARE(a.ok, ok);
        QCOMPARE(a.transient, transient);
        QCOMPARE(a.vendorCode.value_or(-99), code);
        QVERIFY(a.detail.contains(QString::number(status)));
    }

    void headerEncoding()
    {
        QCOMPARE(encodeHeaderText(u"Worker started"), QByteArray("Worker started"));
        // Vector: base64 of the UTF-8 bytes (Python base64.b64encode), decoded back by email.header.
        QCOMPARE(encodeHeaderText(u"[CardOps] 新的待审核订单"),
                 QByteArray("=?UTF-8?B?W0NhcmRPcHNdIOaWsOeahOW+heWuoeaguOiuouWNlQ==?="));
        QCOMPARE(encodeHeaderText(u"a =?x?= b"), QByteArray("=?UTF-8?B?YSA9P3g/PSBi?="));

        const QString longText =
            u"[CardOps] 发货失败：订单 1024 的卡密未能送达，请尽快处理，否则买家会申请退款"_s;
        const QByteArray folded = encodeHeaderText(longText);
        const QList<QByteArray> words = folded.split('\n');
        QVERIFY(words.size() >= 3);
        QByteArray decoded;
        for (QByteArray w : words) {
            w = w.trimmed();
            QVERIFY2(w.size() <= 75, w.constData());
            QVERIFY(w.startsWith("=?UTF-8?B?") && w.endsWith("?="));
            const QByteArray bytes = QByteArray::fromBase64(w.mid(10, w.size() - 12));
            QStringDecoder strict(QStringDecoder::Utf8);
            const QString piece = strict(bytes);
            QVERIFY2(!strict.hasError(), "an encoded word splits a character");
            decoded += bytes;
        }
        QCOMPARE(QString::fromUtf8(decoded), longText);
        QVERIFY(folded.contains("?=\r\n =?UTF-8?B?"));
    }

    void dates()
    {
        const QDateTime t(QDate(2026, 11, 29), QTime(13, 50, 17), QTimeZone(28800));
        QCOMPARE(rfc5322Date(t), QByteArray("Sun, 29 Nov 2026 13:50:17 +0800"));
        const QDateTime west(QDate(2024, 2, 1), QTime(1, 2, 3), QTimeZone(-(5 * 3600 + 30 * 60)));
        QCOMPARE(rfc5322Date(west), QByteArray("Thu, 1 Feb 2024 01:02:03 -0530"));
    }

    void addresses()
    {
        auto a = parseEmailAddress(u"  运营 <ops@example.com> ");
        QVERIFY(a.ok());
        QCOMPARE(a->address, u"ops@example.com"_s);
        QCOMPARE(a->displayName, u"运营"_s);
        QVERIFY(parseEmailAddress(u"\"Ops Team\" <ops@example.com>").ok());
        QVERIFY(!parseEmailAddress(u"ops@example.com\r\nBcc: x@y.z").ok());
        QVERIFY(!parseEmailAddress(u"no-at-sign").ok());
        QVERIFY(!parseEmailAddress(u"a@b@c").ok());
        QVERIFY(!parseEmailAddress(u"a b@c.d").ok());
    }

    void emailMessageIsByteExact()
    {
        EmailMessage m;
        m.from = {u"ops@example.com"_s, u"CardOps"_s};
        m.to = {{u"boss@example.com"_s, {}}, {u"kefu@example.com"_s, u"客服"_s}};
        m.subject = u"[CardOps] 新的待审核订单"_s;
        m.body = u"订单 1024 待审核\n"_s;
        m.date = QDateTime(QDate(2026, 11, 29), QTime(13, 50, 17), QTimeZone(28800));
        m.messageId = "1795931417000.ab12@example.com";
        auto built = buildEmailMessage(m);
        QVERIFY(built.ok());
        const QByteArray expected = "Date: Sun, 29 Nov 2026 13:50:17 +0800\r\n"
                                    "From: \"CardOps\" <ops@example.com>\r\n"
                                    "To: boss@example.com, =?UTF-8?B?5a6i5pyN?= <kefu@example.com>\r\n"
                                    "Subject: =?UTF-8?B?W0NhcmRPcHNdIOaWsOeahOW+heWuoeaguOiuouWNlQ==?=\r\n"
                                    "Message-ID: <1795931417000.ab12@example.com>\r\n"
                                    "MIME-Version: 1.0\r\n"
                                    "Content-Type: text/plain; charset=UTF-8\r\n"
                                    "Content-Transfer-Encoding: base64\r\n"
                                    "\r\n"
                                    "6K6i5Y2VIDEwMjQg5b6F5a6h5qC4DQo=\r\n";
        QCOMPARE(*built, expected);

        m.to.clear();
        QVERIFY(!buildEmailMessage(m).ok());
        m.to = {{u"boss@example.com"_s, {}}};
        m.messageId = "a b";
        QVERIFY(!buildEmailMessage(m).ok());
    }

    void emailBodyLinesAreShort()
    {
        EmailMessage m;
        m.from = {u"ops@example.com"_s, {}};
        m.to = {{u"boss@example.com"_s, {}}};
        m.subject = u"x"_s;
        m.body = QString(300, u'订');
        m.date = QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc());
        m.messageId = "1@example.com";
        const QByteArray msg = buildEmailMessage(m).value();
        const QByteArray body = msg.mid(msg.indexOf("\r\n\r\n") + 4);
        for (const QByteArray& line : body.split('\n'))
            QVERIFY(line.size() <= 77); // 76 + '\r'
        QCOMPARE(QString::fromUtf8(QByteArray::fromBase64(QByteArray(body).replace("\r\n", ""))), m.body);
    }

    void coalescer()
    {
        NotifyCoalescer c(1000);
        const Notification a{Kind::ReviewItem, u"a"_s, {}, 1, 0};
        const Notification b{Kind::ReviewItem, u"b"_s, {}, 2, 0};
        const Notification d{Kind::ReviewItem, u"d"_s, {}, 3, 0};
        const Notification lost{Kind::LeaseLost, u"lost"_s, {}, 0, 0};
        QVERIFY(c.offer(a, 0));      // first of its kind: at once
        QVERIFY(!c.offer(b, 100));   // held
        QVERIFY(c.offer(lost, 150)); // another kind has its own window
        QVERIFY(!c.offer(d, 200));   // held
        QCOMPARE(c.heldCount(), 2);
        QCOMPARE(c.nextDueMs(), std::optional<qint64>(1000));
        QVERIFY(c.takeDue(999).isEmpty());
        const auto due = c.takeDue(1000);
        QCOMPARE(due.size(), 1);
        QCOMPARE(due[0].notification.title, u"d"_s); // the latest, carrying the others' count
        QCOMPARE(due[0].more, 1);
        QCOMPARE(c.heldCount(), 0);
        QVERIFY(!c.offer(a, 1500)); // the summary restarted the window
        QVERIFY(c.takeDue(1999).isEmpty());
        QCOMPARE(c.takeDue(2000).value(0).more, 0);
        QVERIFY(c.offer(a, 3500)); // a quiet window: at once again
        QVERIFY(!c.offer(b, 3600));
        const auto all = c.takeAll();
        QCOMPARE(all.size(), 1);
        QVERIFY(!c.nextDueMs());
    }

    void configParses()
    {
        const QByteArray ini = "[platform]\n"
                               "url = https://shop.example.com\n"
                               "; comment\n"
                               "[notify]\n"
                               "channels = ops, ding, fs, mail\n"
                               "events = review_item, delivery_failed, lease_lost\n"
                               "coalesce_seconds = 120\n"
                               "max_attempts = 3\n"
                               "[notify.ops]\n"
                               "type = wecom\n"
                               "webhook = env:CARDOPS_WECOM_URL\n"
                               "format = markdown\n"
                               "[notify.ding]\n"
                               "type = dingtalk\n"
                               "webhook = https://oapi.dingtalk.com/robot/send?access_token=t\n"
                               "secret = env:CARDOPS_DING_SECRET\n"
                               "events = all\n"
                               "[notify.fs]\n"
                               "type = feishu\n"
                               "webhook = \"https://open.feishu.cn/open-apis/bot/v2/hook/x\"\n"
                               "secret = keychain\n"
                               "[notify.mail]\n"
                               "type = email\n"
                               "smtp = smtps://smtp.example.com:465\n"
                               "username = ops@example.com\n"
                               "secret = env:CARDOPS_SMTP_PASSWORD\n"
                               "from = CardOps <ops@example.com>\n"
                               "to = boss@example.com, 客服 <kefu@example.com>\n"
                               "ca_file = /etc/cardops/mail-ca.pem\n"
                               "[notify.spare]\n"
                               "type = wecom\n"
                               "webhook = https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k\n";
        auto parsed = parseNotifyConfig(ini, u"serve.ini"_s);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
        NotifyConfig config = *parsed;
        QCOMPARE(config.channels.size(), 4); // spare is defined but not listed
        QCOMPARE(config.coalesceSeconds, 120);
        QCOMPARE(config.timeoutSeconds, 10);
        QCOMPARE(config.maxAttempts, 3);
        const NotifyChannel& ops = config.channels[0];
        QCOMPARE(ops.type, NotifyChannel::Type::WeCom);
        QCOMPARE(ops.webhookEnv, u"CARDOPS_WECOM_URL"_s);
        QVERIFY(ops.markdown);
        QCOMPARE(ops.events, (QList<Kind>{Kind::ReviewItem, Kind::DeliveryFailed, Kind::LeaseLost}));
        QVERIFY(!ops.needsSecret());
        const NotifyChannel& ding = config.channels[1];
        QCOMPARE(ding.secret.source, NotifySecretRef::Source::Environment);
        QCOMPARE(ding.events.size(), kNotificationKindCount);
        QCOMPARE(config.channels[2].secret.source, NotifySecretRef::Source::Keychain);
        QCOMPARE(config.channels[2].webhook.host(), u"open.feishu.cn"_s);
        const NotifyChannel& mail = config.channels[3];
        QCOMPARE(mail.tls, NotifyChannel::Tls::Implicit);
        QCOMPARE(mail.from.address, u"ops@example.com"_s);
        QCOMPARE(mail.to.size(), 2);
        QCOMPARE(mail.to[1].displayName, u"客服"_s);
        QCOMPARE(mail.caFile, u"/etc/cardops/mail-ca.pem"_s);

        const QHash<QString, QByteArray> env = {
            {u"CARDOPS_WECOM_URL"_s, "https://qyapi.weixin.qq.com/x?key=1"},
            {u"CARDOPS_DING_SECRET"_s, "SECabc"},
            {u"CARDOPS_SMTP_PASSWORD"_s, "pw"}};
        auto secrets = resolveEnvironment(config, [&](const QString& n) { return env.value(n); });
        QVERIFY(secrets.ok());
        QCOMPARE(secrets->value(u"ding"_s), QByteArray("SECabc"));
        QCOMPARE(secrets->value(u"mail"_s), QByteArray("pw"));
        QVERIFY(!secrets->contains(u"fs"_s)); // keychain: read by the caller
        QCOMPARE(config.channels[0].webhook.toEncoded(), QByteArray("https://qyapi.weixin.qq.com/x?key=1"));
        QCOMPARE(notifyKeychainKey(u"shop"_s, u"fs"_s), u"profile/shop/notify/fs"_s);

        auto missing = resolveEnvironment(config, [](const QString&) { return QByteArray(); });
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().detail.contains(u"CARDOPS_WECOM_URL"));
    }

    void configWithoutNotifyIsEmpty()
    {
        auto parsed = parseNotifyConfig("[platform]\nurl = x\n");
        QVERIFY(parsed.ok());
        QVERIFY(parsed->channels.isEmpty());
    }

    void configErrors_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("message");
        const QByteArray wecom = "[notify.w]\ntype = wecom\nwebhook = https://q.example.com/send?key=k\n";
        QTest::newRow("literal secret")
            << QByteArray(
                   "[notify]\nchannels = d\n[notify.d]\ntype = dingtalk\nwebhook = https://d.example.com/\n"
                   "secret = SEC123\n")
            << u"f.ini:6: secret must be env:VARIABLE or keychain"_s;
        QTest::newRow("unknown key") << QByteArray("[notify]\nchannels = w\n" + wecom + "webhok = x\n")
                                     << u"f.ini:6: unknown key 'webhok' in [notify.w]"_s;
        QTest::newRow("unlisted section missing") << QByteArray("[notify]\nchannels = w, x\n" + wecom)
                                                  << u"f.ini:2: channel 'x' has no [notify.x] section"_s;
        QTest::newRow("bad type") << QByteArray("[notify]\nchannels = w\n[notify.w]\ntype = slack\n")
                                  << u"f.ini:4: [notify.w] needs type = wecom, dingtalk, feishu or email"_s;
        QTest::newRow("bad event") << QByteArray("[notify]\nchannels = w\nevents = review, lease_lost\n" +
                                                 wecom)
                                   << u"f.ini:3: unknown event 'review'"_s;
        QTest::newRow("bad number") << QByteArray("[notify]\ncoalesce_seconds = soon\n")
                                    << u"f.ini:2: coalesce_seconds must be a whole number from 0 to 3600"_s;
        QTest::newRow("plain http") << QByteArray("[notify]\nchannels = w\n[notify.w]\ntype = wecom\n"
                                                  "webhook = http://q.example.com/send\n")
                                    << u"f.ini:5: webhook must be https://"_s;
        QTest::newRow("wecom secret")
            << QByteArray("[notify]\nchannels = w\n" + wecom + "secret = keychain\n")
            << u"f.ini:6: 企业微信 robots have no signing secret"_s;
        QTest::newRow("duplicate key") << QByteArray("[notify]\nchannels = w\nchannels = w\n")
                                       << u"f.ini:3: key 'channels' appears twice in [notify]"_s;
        QTest::newRow("no equals") << QByteArray("[notify]\nchannels\n")
                                   << u"f.ini:2: expected key = value"_s;
        QTest::newRow("unclosed section")
            << QByteArray("[notify\n") << u"f.ini:1: a section header must end"_s;
        QTest::newRow("no main section")
            << QByteArray(wecom) << u"f.ini:1: [notify.w] without a [notify] section"_s;
        QTest::newRow("tls none remote")
            << QByteArray("[notify]\nchannels = m\n[notify.m]\ntype = email\nsmtp = smtp://mail.example.com\n"
                          "tls = none\nfrom = a@example.com\nto = b@example.com\n")
            << u"f.ini:6: tls = none is allowed only for a loopback SMTP host"_s;
        QTest::newRow("no recipients")
            << QByteArray(
                   "[notify]\nchannels = m\n[notify.m]\ntype = email\nsmtp = smtps://mail.example.com\n"
                   "from = a@example.com\n")
            << u"f.ini:3: [notify.m] needs to = one or more addresses"_s;
        QTest::newRow("bad address")
            << QByteArray(
                   "[notify]\nchannels = m\n[notify.m]\ntype = email\nsmtp = smtps://mail.example.com\n"
                   "from = a@example.com\nto = b@example.com, nobody\n")
            << u"f.ini:7: to: not a plain e-mail address: nobody"_s;
        QTest::newRow("username without secret")
            << QByteArray(
                   "[notify]\nchannels = m\n[notify.m]\ntype = email\nsmtp = smtps://mail.example.com\n"
                   "username = u\nfrom = a@example.com\nto = b@example.com\n")
            << u"f.ini:6: username without secret"_s;
        QTest::newRow("relative ca_file")
            << QByteArray(
                   "[notify]\nchannels = m\n[notify.m]\ntype = email\nsmtp = smtps://mail.example.com\n"
                   "ca_file = ca.pem\nfrom = a@example.com\nto = b@example.com\n")
            << u"f.ini:6: ca_file must be an absolute path"_s;
        QTest::newRow("not utf-8") << QByteArray("[notify]\nchannels = \xff\n")
                                   << u"f.ini:1: the file is not UTF-8"_s;
    }
    void configErrors()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, message);
        auto parsed = parseNotifyConfig(ini, u"f.ini"_s);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(parsed.error().detail.startsWith(message), qPrintable(parsed.error().detail));
        QVERIFY(!parsed.error().detail.contains(u"SEC123")); // a secret that was in the file is not echoed
    }

    void loadReportsMissingFile()
    {
        auto loaded = loadNotifyConfig(u"/nonexistent/cardops-notify.ini"_s);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, ErrorCode::Io);
    }
};

QTEST_GUILESS_MAIN(TestNotification)
#include "tst_notification.moc"
