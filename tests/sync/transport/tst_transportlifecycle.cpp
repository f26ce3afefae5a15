// PlatformTransport: clock correction, cancellation, destruction, chaining with QFuture::then.
#include "tests/sync/transport/transporttestutil.h"

#include <QSignalSpy>

using namespace cardops;
using namespace cardops::sync;
using namespace cardops::test;

namespace {

constexpr qint64 kPlatformSeconds = 1764300000;
constexpr qint64 kLocalSkewedMs = qint64{1000000000} * 1000; // the local clock is years behind

enum class ShopPolicy {
    Exempt,           // GET /v1/shop answers whatever the timestamp
    ErrorCarriesTime, // the 40103 error's data carries platform_time; /v1/shop is checked too
    DateHeaderOnly,   // /v1/shop is checked too; every answer has a Date header
    Hopeless,         // everything is 40103 and nothing tells the time
};

QByteArray httpDate(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc())
        .toString(QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

FakePlatformServer::Handler platformClock(ShopPolicy policy)
{
    return [policy](const RecordedRequest& r) {
        const bool inWindow = std::abs(r.header("X-Timestamp").toLongLong() - kPlatformSeconds) <= 300;
        const bool shop = r.path == "/v1/shop";
        FakeResponse out;
        if (policy != ShopPolicy::Hopeless && (inWindow || (shop && policy == ShopPolicy::Exempt))) {
            out =
                shop ? FakeResponse::ok("{\"name\":\"演示卡盟\",\"platform_time\":" +
                                        QByteArray::number(kPlatformSeconds) + ",\"balance\":\"12000.0000\"}")
                     : FakeResponse::ok("{\"items\":[],\"next_cursor\":\"0\",\"has_more\":false}");
        } else if (policy == ShopPolicy::ErrorCarriesTime) {
            out = FakeResponse::envelope(401, 40103, "clock skew",
                                         "{\"platform_time\":" + QByteArray::number(kPlatformSeconds) + '}');
        } else {
            out = FakeResponse::envelope(401, 40103, "clock skew");
        }
        if (policy == ShopPolicy::DateHeaderOnly)
            out.headers.append({"Date", httpDate(kPlatformSeconds)});
        return out;
    };
}

} // namespace

Q_DECLARE_METATYPE(ShopPolicy)

class TestTransportLifecycle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void syncClockSetsTheOffset()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        server.setHandler(platformClock(ShopPolicy::Exempt));
        core::ManualClock clock(kLocalSkewedMs);
        PlatformTransport t(endpointFor(server), clock, fastOptions());
        QSignalSpy changed(&t, &PlatformTransport::clockOffsetChanged);
        const Reply shop = await(t.syncClock());
        QVERIFY2(shop.ok(), qPrintable(shop.error.describe()));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(t.clockOffsetMilliseconds(), kPlatformSeconds * 1000 + 500 - kLocalSkewedMs);
        QCOMPARE(t.platformNowSeconds(), kPlatformSeconds);
        QVERIFY(await(t.send(get("/v1/orders"))).ok());
        QCOMPARE(server.requests().last().header("X-Timestamp"), QByteArray::number(kPlatformSeconds));
    }

    void correctsTheClockAfter40103_data()
    {
        QTest::addColumn<ShopPolicy>("policy");
        QTest::addColumn<int>("requests");
        QTest::newRow("from GET /v1/shop") << ShopPolicy::Exempt << 3;
        QTest::newRow("from the error's platform_time") << ShopPolicy::ErrorCarriesTime << 2;
        QTest::newRow("from the Date header") << ShopPolicy::DateHeaderOnly << 3;
    }
    void correctsTheClockAfter40103()
    {
        QFETCH(ShopPolicy, policy);
        QFETCH(int, requests);
        FakePlatformServer server;
        QVERIFY(server.listen());
        server.setHandler(platformClock(policy));
        core::ManualClock clock(kLocalSkewedMs);
        PlatformTransport t(endpointFor(server), clock, fastOptions());
        Request post = keyed("POST", "/v1/orders/9/review", "{\"reason\":\"金额不符\"}", "review-9");
        const Reply r = await(t.send(post));
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(server.requestCount(), requests);
        const RecordedRequest& last = server.requests().last();
        QCOMPARE(last.path, QByteArray("/v1/orders/9/review"));
        QCOMPARE(last.header("X-Timestamp"), QByteArray::number(kPlatformSeconds));
        QCOMPARE(last.header("Idempotency-Key"), QByteArray("review-9"));
        QCOMPARE(last.body, post.body);
        QVERIFY(last.signatureValid);
        QCOMPARE(t.platformNowSeconds(), kPlatformSeconds);
    }

    void correctsTheClockOnlyOnce()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        server.setHandler(platformClock(ShopPolicy::Hopeless));
        core::ManualClock clock(kLocalSkewedMs);
        PlatformTransport t(endpointFor(server), clock, fastOptions());
        const Reply r = await(t.send(get("/v1/goods")));
        QCOMPARE(r.error.kind, CallError::Clock);
        QCOMPARE(r.error.code, 40103);
        QCOMPARE(server.requestCount(), 2); // the call, then the GET /v1/shop that failed the same way
        QCOMPARE(server.requests().at(1).path, QByteArray("/v1/shop"));
        QCOMPARE(t.pendingCount(), 0);
    }

    void cancelAllFinishesEverything()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        server.setHandler([](const RecordedRequest&) {
            FakeResponse r;
            r.delivery = FakeResponse::Delivery::Never;
            return r;
        });
        core::ManualClock clock(kLocalStartMs);
        TransportOptions o = fastOptions();
        o.perHostConcurrency = 1;
        PlatformTransport t(endpointFor(server), clock, o);
        QList<QFuture<Reply>> futures;
        for (int i = 0; i < 3; ++i)
            futures << t.send(get("/v1/goods"));
        QTRY_COMPARE(server.requestCount(), 1);
        QCOMPARE(t.pendingCount(), 3);
        t.cancelAll();
        for (const auto& f : futures) {
            QVERIFY(f.isFinished());
            QCOMPARE(f.result().error.kind, CallError::Cancelled);
            QVERIFY(!f.result().error.retriable());
        }
        QCOMPARE(t.pendingCount(), 0);
        QCOMPARE(t.inFlightCount(), 0);
        QTRY_COMPARE(server.inFlight(), 0); // the connection was dropped

        server.setHandler([](const RecordedRequest&) { return FakeResponse::ok("1"); });
        QVERIFY(await(t.send(get("/v1/goods"))).ok()); // usable afterwards
    }

    void cancelAllDuringBackoff()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeResponse::envelope(500, 50000, "down"));
        core::ManualClock clock(kLocalStartMs);
        TransportOptions o = fastOptions();
        o.baseBackoff = 60000ms;
        o.maxBackoff = 60000ms;
        PlatformTransport t(endpointFor(server), clock, o);
        QSignalSpy retries(&t, &PlatformTransport::retryScheduled);
        const QFuture<Reply> f = t.send(get("/v1/goods"));
        QTRY_COMPARE(retries.size(), 1);
        t.cancelAll();
        QVERIFY(f.isFinished());
        QCOMPARE(f.result().error.kind, CallError::Cancelled);
        QCOMPARE(f.result().error.attempts, 1);
        QTest::qWait(20);
        QCOMPARE(server.requestCount(), 1);
    }

    void destructionFinishesPendingCalls()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        server.setHandler([](const RecordedRequest&) {
            FakeResponse r;
            r.delivery = FakeResponse::Delivery::Never;
            return r;
        });
        core::ManualClock clock(kLocalStartMs);
        auto t = std::make_unique<PlatformTransport>(endpointFor(server), clock, fastOptions());
        QFuture<Reply> f = t->send(get("/v1/goods"));
        QTRY_COMPARE(server.requestCount(), 1);
        QObject context;
        bool ran = false;
        f.then(&context, [&](const Reply& r) { ran = r.error.kind == CallError::Cancelled; });
        t.reset();
        QVERIFY(f.isFinished());
        QVERIFY(ran);
    }

    void chainsWithThenOnAContext()
    {
        FakePlatformServer server;
        QVERIFY(server.listen());
        core::ManualClock clock(kLocalStartMs);
        PlatformTransport t(endpointFor(server), clock, fastOptions());
        QObject engine;
        QStringList steps;
        bool done = false;
        t.send(get("/v1/shop")).then(&engine, [&](const Reply& shop) {
            steps << QStringLiteral("shop %1").arg(shop.ok());
            t.send(get("/v1/goods")).then(&engine, [&](const Reply& goods) {
                steps << QStringLiteral("goods %1").arg(goods.ok());
                done = true;
            });
        });
        QTRY_VERIFY(done);
        QCOMPARE(steps, (QStringList{QStringLiteral("shop 1"), QStringLiteral("goods 1")}));
        QCOMPARE(server.requests().at(0).path, QByteArray("/v1/shop"));
        QCOMPARE(server.requests().at(1).path, QByteArray("/v1/goods"));

        // A refused request's future is finished already: the continuation runs inside then().
        bool refusedRan = false;
        t.send(keyed("POST", "/v1/goods", "{}", {})).then(&engine, [&](const Reply& r) {
            refusedRan = r.error.kind == CallError::InvalidRequest;
        });
        QTRY_VERIFY(refusedRan);
    }
};

QTEST_GUILESS_MAIN(TestTransportLifecycle)
#include "tst_transportlifecycle.moc"
