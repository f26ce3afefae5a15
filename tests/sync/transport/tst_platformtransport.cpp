// PlatformTransport against a fault-controlled fake platform: signing, retries, error kinds, limits.
#include "core/signing.h"
#include "tests/sync/transport/transporttestutil.h"

#include <QSignalSpy>
#include <QTcpServer>

using namespace cardops;
using namespace cardops::sync;
using namespace cardops::test;

Q_DECLARE_METATYPE(cardops::test::FakeResponse)

class TestPlatformTransport : public QObject
{
    Q_OBJECT
private:
    core::ManualClock m_clock{kLocalStartMs};

private Q_SLOTS:
    void signsEveryRequestAsSent()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        PlatformTransport t(endpointFor(server), m_clock, fastOptions());

        Request list = get("/v1/goods");
        list.query = {{"limit", "500"}, {"cursor", "12_a-B"}, {"q", "a b/中=&"}};
        const Reply a = await(t.send(list));
        QVERIFY2(a.ok(), qPrintable(a.error.describe()));
        QCOMPARE(a.response->rawData(), QByteArrayView("{\"echo\":true}"));
        QVERIFY(a.response->data.toObject().value(QStringLiteral("echo")).toBool());

        Request patch =
            keyed("PATCH", "/v1/goods/17", "{\"price\":\"98.5000\",\"name\":\"中文\"}", "edit-17-v9");
        patch.ifMatch = 9;
        QVERIFY(await(t.send(patch)).ok());
        QVERIFY(
            await(t.send(keyed("POST", "/v1/orders/5/deliver", "{\"from_stock\":true}", "deliver-5"))).ok());
        QVERIFY(await(t.send(keyed("DELETE", "/v1/fulfilment/lease", {}, "release-1"))).ok());

        QCOMPARE(server.requestCount(), 4);
        QSet<QByteArray> nonces;
        for (const RecordedRequest& r : server.requests()) {
            QVERIFY2(r.signatureValid, r.target.constData());
            QCOMPARE(r.header("X-App-Id"), QByteArray("demo"));
            QCOMPARE(r.header("X-Timestamp"), QByteArray("1764300000"));
            QVERIFY(core::signing::isValidNonce(r.header("X-Nonce")));
            nonces.insert(r.header("X-Nonce"));
            QCOMPARE(r.header("Accept-Language"), QByteArray("zh-CN"));
        }
        QCOMPARE(nonces.size(), 4);
        const RecordedRequest& r0 = server.requests().at(0);
        QCOMPARE(r0.method, QByteArray("GET"));
        QCOMPARE(r0.target, QByteArray("/v1/goods?limit=500&cursor=12_a-B&q=a%20b%2F%E4%B8%AD%3D%26"));
        QVERIFY(r0.header("Idempotency-Key").isEmpty());
        QVERIFY(r0.header("Content-Type").isEmpty());
        const RecordedRequest& r1 = server.requests().at(1);
        QCOMPARE(r1.method, QByteArray("PATCH"));
        QCOMPARE(r1.body, patch.body);
        QCOMPARE(r1.header("If-Match"), QByteArray("9"));
        QCOMPARE(r1.header("Idempotency-Key"), QByteArray("edit-17-v9"));
        QCOMPARE(r1.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
        QCOMPARE(server.requests().at(3).method, QByteArray("DELETE"));
        QCOMPARE(server.requests().at(3).header("Idempotency-Key"), QByteArray("release-1"));
    }

    void diagnosticsKeepTheLastExchange()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        const QByteArray big = '"' + QByteArray(100000, 'x') + '"';
        server.enqueue(FakeResponse::ok(big));
        PlatformTransport t(endpointFor(server), m_clock, fastOptions());
        QSignalSpy recorded(&t, &PlatformTransport::exchangeRecorded);
        const Request post = keyed("POST", "/v1/goods", "{\"sku\":\"QB-100\"}", "create-1");
        const Reply r = await(t.send(post));
        QVERIFY(r.ok());
        QCOMPARE(r.response->rawData(), QByteArrayView(big));
        QCOMPARE(recorded.size(), 1);
        const Exchange e = t.lastExchange();
        QCOMPARE(e.method, QByteArray("POST"));
        QVERIFY(e.url.endsWith("/v1/goods"));
        QCOMPARE(e.requestBody, post.body);
        QByteArray signature;
        for (const auto& [name, value] : e.requestHeaders)
            if (name == "X-Signature")
                signature = value;
        QVERIFY(core::signing::verifyPlatformSignature("demo-secret", e.canonical, signature));
        QVERIFY(e.canonical.startsWith("POST\n/v1/goods\n\n1764300000\n"));
        QCOMPARE(e.httpStatus, 200);
        QCOMPARE(e.responseBody.size(), 64 * 1024);
        QCOMPARE(e.responseBodyBytes, r.response->rawBody.size());
        QCOMPARE(e.outcome, QStringLiteral("ok"));
    }

    void retriesGetWithFreshSignatures()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeResponse::envelope(500, 50000, "platform fault"));
        FakeResponse html;
        html.status = 503;
        html.contentType = "text/html";
        html.body = "<html>busy</html>";
        server.enqueue(html);
        PlatformTransport t(endpointFor(server), m_clock, fastOptions());
        QSignalSpy retries(&t, &PlatformTransport::retryScheduled);
        const Reply r = await(t.send(get("/v1/orders")));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(r.response->attempts, 3);
        QCOMPARE(server.requestCount(), 3);
        QCOMPARE(retries.size(), 2);
        QCOMPARE(retries.at(0).at(2).toInt(), 2);
        QCOMPARE(retries.at(1).at(2).toInt(), 3);
        QSet<QByteArray> nonces;
        for (const RecordedRequest& req : server.requests()) {
            QVERIFY(req.signatureValid);
            nonces.insert(req.header("X-Nonce"));
        }
        QCOMPARE(nonces.size(), 3);
    }

    void retriesKeyedWriteWithSameKeyAndBody()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeResponse::envelope(502, 50000, "bad gateway"));
        FakeResponse hangup;
        hangup.delivery = FakeResponse::Delivery::Hangup;
        server.enqueue(hangup);
        const Request post = keyed("POST", "/v1/members/88/balance",
                                   "{\"amount\":\"-10.0000\",\"reason\":\"佣金\"}", "balance-88-0001");
        TransportOptions o = fastOptions();
        o.maxAttempts = 4;
        PlatformTransport t(endpointFor(server), m_clock, o);
        const Reply r = await(t.send(post));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        // Qt re-sends a request by itself (same bytes, same nonce) when the connection drops before
        // the answer; the platform refuses the copy with 40104, and the transport signs anew.
        QVERIFY(server.requestCount() >= 3);
        QSet<QByteArray> nonces;
        for (const RecordedRequest& req : server.requests()) {
            QVERIFY(req.signatureValid);
            QCOMPARE(req.body, post.body);
            QCOMPARE(req.header("Idempotency-Key"), QByteArray("balance-88-0001"));
            nonces.insert(req.header("X-Nonce"));
        }
        QCOMPARE(nonces.size(), r.response->attempts);
        QVERIFY(r.response->attempts >= 3);
    }

    void repeatedNonceIsSignedAgain()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeResponse::envelope(401, 40104, "nonce repeated"));
        PlatformTransport t(endpointFor(server), m_clock, fastOptions());
        const Reply r = await(t.send(keyed("POST", "/v1/withdrawals/7/approve", {}, "approve-7")));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(r.response->attempts, 2);
        QVERIFY(server.requests().at(0).header("X-Nonce") != server.requests().at(1).header("X-Nonce"));
    }

    void permanentErrorsAreNotRetried_data()
    {
        QTest::addColumn<FakeResponse>("response");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("400") << FakeResponse::envelope(400, 40000, "price: bad") << int(CallError::BadRequest)
                             << 40000 << QByteArray();
        QTest::newRow("401 signature") << FakeResponse::envelope(401, 40102, "bad signature")
                                       << int(CallError::Auth) << 40102 << QByteArray();
        QTest::newRow("403") << FakeResponse::envelope(403, 40300, "not lease holder")
                             << int(CallError::Forbidden) << 40300 << QByteArray();
        QTest::newRow("404") << FakeResponse::envelope(404, 40400, "no such goods")
                             << int(CallError::NotFound) << 40400 << QByteArray();
        const QByteArray entity = "{\"id\":17,\"version\":10,\"price\":\"97.0000\"}";
        QTest::newRow("409 conflict") << FakeResponse::envelope(409, 40900, "version conflict", entity)
                                      << int(CallError::Conflict) << 40900 << entity;
        const QByteArray lease = "{\"holder\":\"pc-2\",\"expires_at\":1764300060}";
        QTest::newRow("409 lease") << FakeResponse::envelope(409, 40901, "lease held", lease)
                                   << int(CallError::LeaseHeld) << 40901 << lease;
        QTest::newRow("412") << FakeResponse::envelope(412, 41200, "If-Match missing")
                             << int(CallError::Precondition) << 41200 << QByteArray();
        QTest::newRow("business") << FakeResponse::envelope(200, 50001, "stock short")
                                  << int(CallError::Business) << 50001 << QByteArray();
    }
    void permanentErrorsAreNotRetried()
    {
        QFETCH(FakeResponse, response);
        QFETCH(int, kind);
        QFETCH(int, code);
        QFETCH(QByteArray, data);
        FakePlatformServer server;
        QVERIFY(server.listen());
        server.enqueue(response);
        PlatformTransport t(endpointFor(server), m_clock, fastOptions());
        Request patch = keyed("PATCH", "/v1/goods/17", "{\"price\":\"98.0000\"}", "k-17");
        patch.ifMatch = 9;
        const Reply r = await(t.send(patch));
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error.kind), kind);
        QCOMPARE(r.error.code, code);
        QCOMPARE(r.error.data, data);
        QCOMPARE(r.error.attempts, 1);
        QCOMPARE(server.requestCount(), 1);
    }

    void retryAfterIsHonoured()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        FakeResponse limited = FakeResponse::envelope(429, 42900, "slow down");
        limited.headers = {{"Retry-After", "3"}};
        server.enqueue(limited);
        PlatformTransport t(endpointFor(server), m_clock, fastOptions());
        QSignalSpy retries(&t, &PlatformTransport::retryScheduled);
        const Reply r = await(t.send(get("/v1/ledger")));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(server.requestCount(), 2);
        QCOMPARE(retries.size(), 1);
        QCOMPARE(retries.at(0).at(3).toLongLong(), 30); // 3 "seconds" of 10 ms
        QCOMPARE(retries.at(0).at(4).value<CallError>().kind, CallError::RateLimited);
    }

    void retryAfterBeyondTheCapGoesToTheCaller()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        FakeResponse limited = FakeResponse::envelope(429, 42900, "slow down");
        limited.headers = {{"Retry-After", "60"}};
        server.enqueue(limited);
        PlatformTransport t(endpointFor(server), m_clock, fastOptions());
        const Reply r = await(t.send(get("/v1/ledger")));
        QCOMPARE(r.error.kind, CallError::RateLimited);
        QCOMPARE(r.error.retryAfter, 600ms);
        QVERIFY(r.error.retriable());
        QCOMPARE(server.requestCount(), 1);
    }

    void givesUpAfterMaxAttempts()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        server.setHandler([](const RecordedRequest&) { return FakeResponse::envelope(500, 50000, "down"); });
        PlatformTransport t(endpointFor(server), m_clock, fastOptions());
        const Reply r = await(t.send(get("/v1/goods")));
        QCOMPARE(r.error.kind, CallError::Server);
        QCOMPARE(r.error.attempts, 3);
        QCOMPARE(server.requestCount(), 3);
        Request once = get("/v1/goods");
        once.maxAttempts = 1;
        QCOMPARE(await(t.send(once)).error.attempts, 1);
        QCOMPARE(server.requestCount(), 4);
    }

    void concurrencyLimitHolds_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("calls");
        QTest::newRow("2") << 2 << 8;
        QTest::newRow("default 4") << 0 << 12;
    }
    void concurrencyLimitHolds()
    {
        QFETCH(int, limit);
        QFETCH(int, calls);
        FakePlatformServer server;
        QVERIFY(server.listen());
        server.setHandler([](const RecordedRequest&) {
            FakeResponse r = FakeResponse::ok("[]");
            r.delayMs = 100;
            return r;
        });
        TransportOptions o = fastOptions();
        if (limit > 0)
            o.perHostConcurrency = limit;
        const int expected = o.perHostConcurrency;
        PlatformTransport t(endpointFor(server), m_clock, o);
        QList<QFuture<Reply>> futures;
        for (int i = 0; i < calls; ++i)
            futures << t.send(get("/v1/members/" + QByteArray::number(i + 1)));
        QCOMPARE(t.inFlightCount(), expected);
        QCOMPARE(t.pendingCount(), calls);
        for (const auto& f : futures)
            QVERIFY(await(f).ok());
        QCOMPARE(server.requestCount(), calls);
        QCOMPARE(server.maxInFlight(), expected);
        // FIFO: the queue is served in the order of send().
        for (int i = 0; i < calls; ++i)
            QCOMPARE(server.requests().at(i).path, "/v1/members/" + QByteArray::number(i + 1));
    }

    void redirectsAreNotFollowed()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        FakeResponse moved;
        moved.status = 302;
        moved.headers = {{"Location", server.baseUrl().toEncoded() + "/v1/elsewhere"}};
        server.enqueue(moved);
        PlatformTransport t(endpointFor(server), m_clock, fastOptions());
        const Reply r = await(t.send(get("/v1/goods")));
        QCOMPARE(r.error.kind, CallError::Redirect);
        QCOMPARE(r.error.httpStatus, 302);
        QVERIFY(r.error.message.contains(QStringLiteral("/v1/elsewhere")));
        QTest::qWait(50);
        QCOMPARE(server.requestCount(), 1);
    }

    void bodyCapAbortsAStream()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        FakeResponse huge;
        huge.delivery = FakeResponse::Delivery::Stream;
        // Far beyond the cap: QNAM's own thread reads ahead of the transport, so on a loaded machine
        // all of a 50 MB body had been sent before the abort (a CI run); 500 MB cannot be.
        huge.streamBytes = qint64{500} * 1000 * 1000;
        server.enqueue(huge);
        TransportOptions o = fastOptions(); // default cap: 32 MiB
        o.timeout = 10000ms;
        PlatformTransport t(endpointFor(server), m_clock, o);
        const Reply r = await(t.send(get("/v1/goods")));
        QCOMPARE(r.error.kind, CallError::TooLarge);
        QCOMPARE(r.error.attempts, 1);
        QVERIFY(server.streamedBytes() < huge.streamBytes);
        QVERIFY(t.lastExchange().responseBodyBytes > o.maxBodyBytes);
    }

    void bodyCapAbortsOnAnnouncedLength()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        FakeResponse huge;
        huge.delivery = FakeResponse::Delivery::Stream;
        huge.streamBytes = qint64{50} * 1000 * 1000;
        huge.announceLength = true;
        server.enqueue(huge);
        TransportOptions o = fastOptions();
        o.maxBodyBytes = 1024 * 1024;
        PlatformTransport t(endpointFor(server), m_clock, o);
        const Reply r = await(t.send(get("/v1/goods")));
        QCOMPARE(r.error.kind, CallError::TooLarge);
        QVERIFY(t.lastExchange().responseBodyBytes <= o.maxBodyBytes);
    }

    void bodyCapBoundary()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        const FakeResponse exact = FakeResponse::ok("\"" + QByteArray(1000, 'a') + "\"");
        server.enqueue(exact);
        server.enqueue(exact);
        TransportOptions o = fastOptions();
        o.maxBodyBytes = exact.body.size();
        PlatformTransport t(endpointFor(server), m_clock, o);
        QVERIFY(await(t.send(get("/v1/goods"))).ok());
        o.maxBodyBytes = exact.body.size() - 1;
        PlatformTransport smaller(endpointFor(server), m_clock, o);
        QCOMPARE(await(smaller.send(get("/v1/goods"))).error.kind, CallError::TooLarge);
    }

    void malformedAnswers_data()
    {
        QTest::addColumn<FakeResponse>("response");
        const auto raw = [](const QByteArray& body, const QByteArray& type = "application/json") {
            FakeResponse r;
            r.body = body;
            r.contentType = type;
            return r;
        };
        QTest::newRow("garbage") << raw("\x01\x02garbage{{");
        QTest::newRow("wrong content type")
            << raw("{\"code\":0,\"message\":\"ok\",\"data\":[]}", "text/html");
        QTest::newRow("no content type") << raw("{\"code\":0,\"message\":\"ok\",\"data\":[]}", {});
        QTest::newRow("not the envelope") << raw("{\"items\":[],\"has_more\":false}");
        QTest::newRow("success without data") << raw("{\"code\":0,\"message\":\"ok\"}");
        QTest::newRow("100k deep") << raw(QByteArray(100000, '['));
        QTest::newRow("100k deep in data")
            << raw("{\"code\":0,\"message\":\"ok\",\"data\":" + QByteArray(100000, '[') +
                   QByteArray(100000, ']') + '}');
        FakeResponse truncated = FakeResponse::ok("{\"items\":[{\"id\":1},{\"id\":2}],\"has_more\":false}");
        truncated.delivery = FakeResponse::Delivery::Truncated;
        QTest::newRow("truncated") << truncated;
        FakeResponse cut = raw("{\"code\":0,\"message\":\"ok\",\"data\":{\"items\":[{\"id\":1},");
        cut.delivery = FakeResponse::Delivery::CloseDelimited;
        QTest::newRow("cut, close-delimited") << cut;
        QTest::newRow("204") << [] {
            FakeResponse r;
            r.status = 204;
            r.contentType = {};
            return r;
        }();
    }
    void malformedAnswers()
    {
        QFETCH(FakeResponse, response);
        FakePlatformServer server;
        QVERIFY(server.listen());
        server.enqueue(response);
        PlatformTransport t(endpointFor(server), m_clock, fastOptions());
        Request once = get("/v1/goods");
        once.maxAttempts = 1;
        const Reply r = await(t.send(once));
        QVERIFY(!r.ok());
        QCOMPARE(r.error.kind, CallError::Malformed);
        QVERIFY(!r.error.message.isEmpty());
        QCOMPARE(r.error.attempts, 1);
        // Qt may re-send a request by itself (same bytes, same nonce) when the server closes the
        // connection: such copies carry the original nonce and the platform refuses them.
        QCOMPARE(distinctNonces(server), 1);
    }

    void malformedIsRetried()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        FakeResponse garbage;
        garbage.body = "{\"code\":0,";
        server.enqueue(garbage);
        PlatformTransport t(endpointFor(server), m_clock, fastOptions());
        const Reply r = await(t.send(get("/v1/goods")));
        QVERIFY(r.ok());
        QCOMPARE(r.response->attempts, 2);
    }

    void timeoutsAreTyped()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        server.setHandler([](const RecordedRequest&) {
            FakeResponse r;
            r.delivery = FakeResponse::Delivery::Never;
            return r;
        });
        TransportOptions o = fastOptions();
        o.timeout = 60ms;
        o.maxAttempts = 2;
        PlatformTransport t(endpointFor(server), m_clock, o);
        const Reply r = await(t.send(keyed("POST", "/v1/orders/1/deliver", "{\"from_stock\":true}", "d-1")));
        QCOMPARE(r.error.kind, CallError::Timeout);
        QCOMPARE(r.error.attempts, 2);
        QCOMPARE(server.requestCount(), 2);
        QCOMPARE(server.requests().at(0).header("Idempotency-Key"),
                 server.requests().at(1).header("Idempotency-Key"));
        QCOMPARE(t.inFlightCount(), 0);
        QCOMPARE(t.pendingCount(), 0);
    }

    void connectionRefusedIsNetwork()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        QUrl url(QStringLiteral("http://127.0.0.1"));
        url.setPort(port);
        PlatformTransport t({url, "demo", "demo-secret"}, m_clock, fastOptions());
        const Reply r = await(t.send(get("/v1/shop")));
        QCOMPARE(r.error.kind, CallError::Network);
        QCOMPARE(r.error.attempts, 3);
        QCOMPARE(r.error.httpStatus, 0);
    }

    void refusedBeforeSending()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        QUrl remote = server.baseUrl();
        remote.setHost(QStringLiteral("shop.example.com"));
        PlatformTransport insecure({remote, "demo", "demo-secret"}, m_clock, fastOptions());
        const QFuture<Reply> f = insecure.send(get("/v1/shop"));
        QVERIFY(f.isFinished());
        QCOMPARE(f.result().error.kind, CallError::InsecureUrl);

        PlatformTransport t(endpointFor(server), m_clock, fastOptions());
        const QFuture<Reply> unkeyed = t.send(keyed("POST", "/v1/goods", "{}", {}));
        QVERIFY(unkeyed.isFinished());
        QCOMPARE(unkeyed.result().error.kind, CallError::InvalidRequest);
        QCOMPARE(await(t.send(keyed("PATCH", "/v1/goods/1", "{}", "k"))).error.kind,
                 CallError::InvalidRequest);
        QTest::qWait(20);
        QCOMPARE(server.requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPlatformTransport)
#include "tst_platformtransport.moc"
