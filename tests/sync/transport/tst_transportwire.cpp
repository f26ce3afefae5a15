// Pure parts of the Platform API transport: envelope, status mapping, retry policy, request checks.
#include "sync/transport/callerror.h"
#include "sync/transport/envelope.h"
#include "sync/transport/requestbuilder.h"
#include "sync/transport/retrypolicy.h"

#include <QtTest>

using namespace cardops::sync;
using namespace std::chrono_literals;

class TestTransportWire : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void envelopeKeepsDataSpan()
    {
        const QByteArray data = "{\"items\":[{\"id\":1,\"n\":\"a}]\\\"\"}],\"x\":null}";
        const QByteArray body =
            " { \"code\" : 0, \"message\":\"ok\", \"data\" : " + data + " , \"extra\":1 }";
        QString why;
        const auto env = envelope::parse(body, &why);
        QVERIFY2(env, qPrintable(why));
        QCOMPARE(env->code, 0);
        QCOMPARE(env->message, QStringLiteral("ok"));
        QCOMPARE(body.mid(env->dataOffset, env->dataLength), data);
        QCOMPARE(env->data.toObject().value(QStringLiteral("items")).toArray().size(), 1);
    }

    void envelopeScalarAndEscapedKey()
    {
        QString why;
        const QByteArray body = "{\"message\":\"ok\",\"code\":0,\"d\\u0061ta\":12.5}";
        const auto env = envelope::parse(body, &why);
        QVERIFY2(env, qPrintable(why));
        QCOMPARE(body.mid(env->dataOffset, env->dataLength), QByteArray("12.5"));
    }

    void envelopeRejects_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("<html>oops</html>");
        QTest::newRow("array") << QByteArray(R"([{"code":0}])");
        QTest::newRow("truncated") << QByteArray(R"({"code":0,"message":"ok","data":{"items":[1,2)");
        QTest::newRow("no code") << QByteArray(R"({"message":"ok","data":1})");
        QTest::newRow("code string") << QByteArray(R"({"code":"0","message":"ok","data":1})");
        QTest::newRow("code fraction") << QByteArray(R"({"code":0.5,"message":"ok","data":1})");
        QTest::newRow("code huge") << QByteArray(R"({"code":1e12,"message":"ok","data":1})");
        QTest::newRow("no message") << QByteArray(R"({"code":0,"data":1})");
        QTest::newRow("message number") << QByteArray(R"({"code":0,"message":1,"data":1})");
        QTest::newRow("success without data") << QByteArray(R"({"code":0,"message":"ok"})");
        QTest::newRow("duplicate data") << QByteArray(R"({"code":0,"message":"ok","data":1,"data":2})");
        QTest::newRow("bad utf-8") << QByteArray("{\"code\":0,\"message\":\"\xff\xfe\",\"data\":1}");
        QTest::newRow("trailing garbage") << QByteArray(R"({"code":0,"message":"ok","data":1} x)");
        QTest::newRow("100k deep") << QByteArray(100000, '[');
        QTest::newRow("100k deep closed") << (QByteArray(100000, '[') + QByteArray(100000, ']'));
        QTest::newRow("deep in data") << (R"({"code":0,"message":"ok","data":)" + QByteArray(100000, '[') +
                                          QByteArray(100000, ']') + '}');
    }
    void envelopeRejects()
    {
        QFETCH(QByteArray, body);
        QString why;
        QVERIFY(!envelope::parse(body, &why));
        QVERIFY(!why.isEmpty());
        const Reply r = envelope::interpret(200, "application/json", body);
        QVERIFY(!r.ok());
        QCOMPARE(r.error.kind, CallError::Malformed);
    }

    void contentTypes_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<bool>("json");
        QTest::newRow("plain") << QByteArray("application/json") << true;
        QTest::newRow("charset") << QByteArray("application/json; charset=utf-8") << true;
        QTest::newRow("upper") << QByteArray("Application/JSON;Charset=\"UTF-8\"") << true;
        QTest::newRow("gbk") << QByteArray("application/json; charset=gbk") << false;
        QTest::newRow("html") << QByteArray("text/html") << false;
        QTest::newRow("text json") << QByteArray("text/json") << false;
        QTest::newRow("none") << QByteArray() << false;
    }
    void contentTypes()
    {
        QFETCH(QByteArray, type);
        QFETCH(bool, json);
        QCOMPARE(envelope::isJsonContentType(type), json);
    }

    void statusMapping_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("code");
        const auto env = [](int code) -> QByteArray {
            return R"({"code":)" + QByteArray::number(code) + R"(,"message":"m"})";
        };
        QTest::newRow("400") << 400 << env(40000) << int(CallError::BadRequest) << 40000;
        QTest::newRow("401") << 401 << env(40102) << int(CallError::Auth) << 40102;
        QTest::newRow("401 clock") << 401 << env(40103) << int(CallError::Clock) << 40103;
        QTest::newRow("401 nonce repeated") << 401 << env(40104) << int(CallError::Network) << 40104;
        QTest::newRow("403") << 403 << env(40300) << int(CallError::Forbidden) << 40300;
        QTest::newRow("404") << 404 << env(40400) << int(CallError::NotFound) << 40400;
        QTest::newRow("409") << 409 << env(40900) << int(CallError::Conflict) << 40900;
        QTest::newRow("409 lease") << 409 << env(40901) << int(CallError::LeaseHeld) << 40901;
        QTest::newRow("412") << 412 << env(41200) << int(CallError::Precondition) << 41200;
        QTest::newRow("422") << 422 << env(42200) << int(CallError::BadRequest) << 42200;
        QTest::newRow("429") << 429 << env(42900) << int(CallError::RateLimited) << 42900;
        QTest::newRow("500") << 500 << env(50000) << int(CallError::Server) << 50000;
        QTest::newRow("502 html") << 502 << QByteArray("<html>bad gateway</html>") << int(CallError::Server)
                                  << 0;
        QTest::newRow("200 business") << 200 << env(50001) << int(CallError::Business) << 50001;
        QTest::newRow("302") << 302 << QByteArray() << int(CallError::Redirect) << 0;
        QTest::newRow("101") << 101 << QByteArray() << int(CallError::Malformed) << 0;
    }
    void statusMapping()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(int, code);
        const Reply r = envelope::interpret(status, "application/json", body);
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error.kind), kind);
        QCOMPARE(r.error.code, code);
        QCOMPARE(r.error.httpStatus, status);
        QVERIFY(!r.error.describe().isEmpty());
    }

    void conflictCarriesEntity()
    {
        const QByteArray body =
            R"({"code":40900,"message":"version conflict","data":{"id":17,"version":10}})";
        const Reply r = envelope::interpret(409, "application/json", body);
        QCOMPARE(r.error.kind, CallError::Conflict);
        QCOMPARE(r.error.data, QByteArray(R"({"id":17,"version":10})"));
        QCOMPARE(r.error.message, QStringLiteral("version conflict"));
    }

    void successNeedsJsonContentType()
    {
        const QByteArray body = R"({"code":0,"message":"ok","data":[]})";
        QVERIFY(envelope::interpret(200, "application/json; charset=utf-8", body).ok());
        const Reply html = envelope::interpret(200, "text/html", body);
        QCOMPARE(html.error.kind, CallError::Malformed);
        const Reply ok = envelope::interpret(200, "application/json", body);
        QCOMPARE(ok.response->rawData(), QByteArrayView("[]"));
    }

    void retriableKinds()
    {
        for (int k = CallError::Network; k <= CallError::InvalidRequest; ++k) {
            CallError e;
            e.kind = static_cast<CallError::Kind>(k);
            const bool expected = k == CallError::Network || k == CallError::Timeout ||
                                  k == CallError::Malformed || k == CallError::RateLimited ||
                                  k == CallError::Server;
            QCOMPARE(e.retriable(), expected);
            QVERIFY(!CallError::kindName(e.kind).isEmpty());
        }
        CallError e{CallError::Conflict, 409, 40900, QStringLiteral("version conflict"), {}, 0ms, 2};
        QCOMPARE(e.describe(),
                 QStringLiteral("Conflict (HTTP 409, code 40900, 2 attempts): version conflict"));
    }

    void backoffGrowsCapsAndJitters()
    {
        Backoff a(100ms, 1000ms, 42);
        Backoff b(100ms, 1000ms, 42);
        for (int retry = 1; retry <= 8; ++retry) {
            const auto d = a.delayBeforeRetry(retry);
            QCOMPARE(d, b.delayBeforeRetry(retry)); // same seed, same delays
            const qint64 full = std::min<qint64>(1000, 100LL << (retry - 1));
            QVERIFY2(d.count() >= full / 2 && d.count() <= full, qPrintable(QString::number(d.count())));
        }
        Backoff zero(0ms, 0ms, 1);
        QCOMPARE(zero.delayBeforeRetry(5), 0ms);
    }

    void retryAfterValues()
    {
        QCOMPARE(parseRetryAfterSeconds("3", 0), std::optional<qint64>(3));
        QCOMPARE(parseRetryAfterSeconds(" 120 ", 0), std::optional<qint64>(120));
        QCOMPARE(parseRetryAfterSeconds("", 0), std::nullopt);
        QCOMPARE(parseRetryAfterSeconds("soon", 0), std::nullopt);
        QCOMPARE(parseRetryAfterSeconds("-5", 0), std::nullopt);
        QCOMPARE(parseRetryAfterSeconds("99999999999999999999", 0), std::optional<qint64>(999999999));
        const qint64 at = 1445412480; // Wed, 21 Oct 2015 07:28:00 GMT
        QCOMPARE(parseHttpDate("Wed, 21 Oct 2015 07:28:00 GMT"), std::optional<qint64>(at));
        QCOMPARE(parseRetryAfterSeconds("Wed, 21 Oct 2015 07:28:00 GMT", at - 30), std::optional<qint64>(30));
        QCOMPARE(parseRetryAfterSeconds("Wed, 21 Oct 2015 07:28:00 GMT", at + 30), std::optional<qint64>(0));
    }

    void endpoints_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("kind"); // -1: accepted
        QTest::newRow("https") << QStringLiteral("https://shop.example.com") << -1;
        QTest::newRow("https prefix") << QStringLiteral("https://shop.example.com/api/") << -1;
        QTest::newRow("http loopback") << QStringLiteral("http://127.0.0.1:8080") << -1;
        QTest::newRow("http loopback 127.1.2.3") << QStringLiteral("http://127.1.2.3:8080") << -1;
        QTest::newRow("http localhost") << QStringLiteral("http://LocalHost:8080") << -1;
        QTest::newRow("http v6 loopback") << QStringLiteral("http://[::1]:8080") << -1;
        QTest::newRow("http remote") << QStringLiteral("http://shop.example.com")
                                     << int(CallError::InsecureUrl);
        QTest::newRow("http lan") << QStringLiteral("http://192.168.1.5:8080") << int(CallError::InsecureUrl);
        QTest::newRow("http localhost lookalike")
            << QStringLiteral("http://localhost.evil.com") << int(CallError::InsecureUrl);
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1") << int(CallError::InsecureUrl);
        QTest::newRow("relative") << QStringLiteral("/v1") << int(CallError::InsecureUrl);
        QTest::newRow("user info") << QStringLiteral("https://u:p@shop.example.com")
                                   << int(CallError::InsecureUrl);
        QTest::newRow("query") << QStringLiteral("https://shop.example.com?x=1")
                               << int(CallError::InsecureUrl);
    }
    void endpoints()
    {
        QFETCH(QString, url);
        QFETCH(int, kind);
        const auto e = wire::checkEndpoint({QUrl(url), "demo", "demo-secret"});
        QCOMPARE(e ? int(e->kind) : -1, kind);
    }

    void credentialsChecked()
    {
        const QUrl url(QStringLiteral("https://shop.example.com"));
        QCOMPARE(wire::checkEndpoint({url, "", "s"})->kind, CallError::InvalidRequest);
        QCOMPARE(wire::checkEndpoint({url, "de mo", "s"})->kind, CallError::InvalidRequest);
        QCOMPARE(wire::checkEndpoint({url, "demo\r\nX-Evil: 1", "s"})->kind, CallError::InvalidRequest);
        QCOMPARE(wire::checkEndpoint({url, "demo", ""})->kind, CallError::InvalidRequest);
    }

    void requests_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<bool>("ifMatch");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("get") << QByteArray("GET") << QByteArray("/v1/goods") << QByteArray() << QByteArray()
                             << false << true;
        QTest::newRow("get encoded") << QByteArray("GET") << QByteArray("/v1/goods/%E4%B8%AD") << QByteArray()
                                     << QByteArray() << false << true;
        QTest::newRow("get with body") << QByteArray("GET") << QByteArray("/v1/goods") << QByteArray("{}")
                                       << QByteArray() << false << false;
        QTest::newRow("get with key") << QByteArray("GET") << QByteArray("/v1/goods") << QByteArray()
                                      << QByteArray("k1") << false << false;
        QTest::newRow("post keyed") << QByteArray("POST") << QByteArray("/v1/goods") << QByteArray("{}")
                                    << QByteArray("k-1_A") << false << true;
        QTest::newRow("post no key") << QByteArray("POST") << QByteArray("/v1/goods") << QByteArray("{}")
                                     << QByteArray() << false << false;
        QTest::newRow("post bad key") << QByteArray("POST") << QByteArray("/v1/goods") << QByteArray("{}")
                                      << QByteArray("a b") << false << false;
        QTest::newRow("post long key") << QByteArray("POST") << QByteArray("/v1/goods") << QByteArray("{}")
                                       << QByteArray(65, 'k') << false << false;
        QTest::newRow("delete no key") << QByteArray("DELETE") << QByteArray("/v1/fulfilment/lease")
                                       << QByteArray() << QByteArray() << false << false;
        QTest::newRow("put keyed") << QByteArray("PUT") << QByteArray("/v1/tiers") << QByteArray("{}")
                                   << QByteArray("k") << true << true;
        QTest::newRow("patch without if-match") << QByteArray("PATCH") << QByteArray("/v1/goods/17")
                                                << QByteArray("{}") << QByteArray("k") << false << false;
        QTest::newRow("patch") << QByteArray("PATCH") << QByteArray("/v1/goods/17") << QByteArray("{}")
                               << QByteArray("k") << true << true;
        QTest::newRow("lowercase method")
            << QByteArray("get") << QByteArray("/v1/goods") << QByteArray() << QByteArray() << false << false;
        QTest::newRow("head") << QByteArray("HEAD") << QByteArray("/v1/goods") << QByteArray() << QByteArray()
                              << false << false;
        QTest::newRow("relative path")
            << QByteArray("GET") << QByteArray("v1/goods") << QByteArray() << QByteArray() << false << false;
        QTest::newRow("query in path") << QByteArray("GET") << QByteArray("/v1/goods?x=1") << QByteArray()
                                       << QByteArray() << false << false;
        QTest::newRow("dot segment") << QByteArray("GET") << QByteArray("/v1/../admin") << QByteArray()
                                     << QByteArray() << false << false;
        QTest::newRow("empty segment") << QByteArray("GET") << QByteArray("/v1//goods") << QByteArray()
                                       << QByteArray() << false << false;
        QTest::newRow("raw space") << QByteArray("GET") << QByteArray("/v1/a b") << QByteArray()
                                   << QByteArray() << false << false;
        QTest::newRow("bad escape") << QByteArray("GET") << QByteArray("/v1/%zz") << QByteArray()
                                    << QByteArray() << false << false;
        QTest::newRow("crlf") << QByteArray("GET") << QByteArray("/v1/a\r\nX: y") << QByteArray()
                              << QByteArray() << false << false;
    }
    void requests()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, key);
        QFETCH(bool, ifMatch);
        QFETCH(bool, accepted);
        Request r{method, path, {}, body, key, ifMatch ? std::optional<qint64>(9) : std::nullopt};
        const auto e = wire::checkRequest(r);
        QCOMPARE(!e.has_value(), accepted);
        if (e)
            QCOMPARE(e->kind, CallError::InvalidRequest);
    }

    void targetSignsWhatIsSent()
    {
        const PlatformEndpoint ep{QUrl(QStringLiteral("https://Shop.Example.com/api/")), "demo", "s"};
        Request r;
        r.method = "GET";
        r.path = "/v1/goods/%E4%B8%AD";
        r.query = {{"cursor", "12_ab-C"}, {"q", "a b&c=d/中"}, {"limit", "500"}};
        const auto t = wire::target(ep, r);
        QVERIFY(std::holds_alternative<wire::Target>(t));
        const auto& target = std::get<wire::Target>(t);
        QCOMPARE(target.signedPath, QByteArray("/api/v1/goods/%E4%B8%AD"));
        QCOMPARE(target.signedQuery, QByteArray("cursor=12_ab-C&q=a%20b%26c%3Dd%2F%E4%B8%AD&limit=500"));
        QCOMPARE(target.hostKey, QByteArray("https://shop.example.com:443"));
        QCOMPARE(target.url.toEncoded(), QByteArray("https://shop.example.com/api/v1/goods/%E4%B8%AD"
                                                    "?cursor=12_ab-C&q=a%20b%26c%3Dd%2F%E4%B8%AD&limit=500"));
    }
};

QTEST_GUILESS_MAIN(TestTransportWire)
#include "tst_transportwire.moc"
