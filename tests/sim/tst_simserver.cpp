// cardops-sim over real loopback HTTP: verification, idempotency, versions, the lease, allocation.
#include "sim/data/generator.h"
#include "sim/server/simserver.h"
#include "tests/sim/simclient.h"

#include <QJsonArray>
#include <QtTest>

using namespace cardops;
using test::SimClient;

namespace {

constexpr qint64 kEnd = 1764300000;

std::unique_ptr<sim::PlatformState> smallPlatform(const core::Clock& clock)
{
    sim::GeneratorParams p;
    p.seed = 7;
    p.days = 10;
    p.orders = 2000;
    p.members = 300;
    p.goods = 120;
    p.endTime = kEnd;
    return sim::generatePlatform(p, clock);
}

QByteArray key(int n)
{
    return "key-" + QByteArray::number(n) + "-0123456789";
}

} // namespace

class TestSimServer : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<core::ManualClock> m_clock;
    std::unique_ptr<sim::SimServer> m_server;
    std::unique_ptr<SimClient> m_client;

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<core::ManualClock>(kEnd * 1000);
        m_server = std::make_unique<sim::SimServer>(smallPlatform(*m_clock), *m_clock);
        const quint16 port = m_server->listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        m_client = std::make_unique<SimClient>(port, *m_clock);
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void shopAndFeeds()
    {
        const auto shop = m_client->send("GET", "/v1/shop");
        QCOMPARE(shop.status, 200);
        QCOMPARE(shop.code(), 0);
        QCOMPARE(shop.data().value(u"platform_time").toInteger(), kEnd);
        const auto page = m_client->send("GET", "/v1/orders?limit=3&cursor=0");
        QCOMPARE(page.status, 200);
        QCOMPARE(page.data().value(u"items").toArray().size(), 3);
        QVERIFY(page.data().value(u"has_more").toBool());
        // The bytes are exactly the in-process page inside the envelope.
        const sim::FeedPage direct = m_server->state().feedPage(core::Feed::Orders, 0, 3);
        QCOMPARE(page.body, "{\"code\":0,\"message\":\"ok\",\"data\":" + direct.data + '}');
        QCOMPARE(m_client->send("GET", "/v1/orders?limit=1001").code(), 40000);
        QCOMPARE(m_client->send("GET", "/v1/nothing").status, 404);
        const auto report = m_client->send("GET", "/v1/reports/daily?from=2025-11-20&to=2025-11-28");
        QCOMPARE(report.data().value(u"items").toArray().size(), 9);
    }

    void authFailures_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        QTest::newRow("bad signature") << 0 << 401 << 40102;
        QTest::newRow("old timestamp") << 1 << 401 << 40103;
        QTest::newRow("future timestamp") << 2 << 401 << 40103;
        QTest::newRow("unknown app") << 3 << 401 << 40101;
        QTest::newRow("wrong secret") << 4 << 401 << 40102;
        QTest::newRow("within the window") << 5 << 200 << 0;
    }
    void authFailures()
    {
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(int, code);
        SimClient::Signing s;
        s.corruptSignature = kind == 0;
        s.timestampShift = kind == 1 ? -301 : kind == 2 ? 301 : kind == 5 ? -299 : 0;
        if (kind == 3)
            s.appId = "other";
        if (kind == 4)
            s.secret = "not-the-secret";
        const auto r = m_client->send("GET", "/v1/shop", {}, {}, s);
        QCOMPARE(r.status, status);
        QCOMPARE(r.code(), code);
    }

    void replayedNonceIsRefused()
    {
        QCOMPARE(m_client->send("GET", "/v1/shop").status, 200);
        SimClient::Signing again;
        again.nonce = m_client->lastNonce();
        const auto r = m_client->send("GET", "/v1/shop", {}, {}, again);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.code(), 40104);
        m_clock->advanceSeconds(601); // after the window the nonce is fresh again (and the clock too)
        QCOMPARE(m_client->send("GET", "/v1/shop", {}, {}, again).status, 200);
    }

    void idempotentReplayIsByteEqual()
    {
        const QByteArray body = R"({"amount":"10.0000","reason":"补偿"})";
        const qsizetype ledger = m_server->state().ledger().size();
        const auto first =
            m_client->send("POST", "/v1/members/3/balance", body, {{"Idempotency-Key", key(1)}});
        QCOMPARE(first.status, 200);
        QCOMPARE(first.code(), 0);
        m_clock->advanceSeconds(30);
        const auto second =
            m_client->send("POST", "/v1/members/3/balance", body, {{"Idempotency-Key", key(1)}});
        QCOMPARE(second.status, 200);
        QCOMPARE(second.body, first.body);
        QCOMPARE(m_server->state().ledger().size(), ledger + 1);
        const auto otherPath =
            m_client->send("POST", "/v1/members/4/balance", body, {{"Idempotency-Key", key(1)}});
        QCOMPARE(otherPath.status, 400);
        QCOMPARE(otherPath.code(), 40000);
        QCOMPARE(m_client->send("POST", "/v1/members/4/balance", body).status, 400); // no key
    }

    void ifMatchVersions()
    {
        const qint64 v = m_server->state().goods()[4].version;
        const QByteArray body = R"({"sort":3})";
        const auto missing = m_client->send("PATCH", "/v1/goods/5", body, {{"Idempotency-Key", key(2)}});
        QCOMPARE(missing.status, 412);
        QCOMPARE(missing.code(), 41200);
        const auto stale =
            m_client->send("PATCH", "/v1/goods/5", body,
                           {{"Idempotency-Key", key(3)}, {"If-Match", QByteArray::number(v - 1)}});
        QCOMPARE(stale.status, 409);
        QCOMPARE(stale.code(), 40900);
        QCOMPARE(stale.data().value(u"version").toInteger(), v);
        const auto ok = m_client->send("PATCH", "/v1/goods/5", body,
                                       {{"Idempotency-Key", key(4)}, {"If-Match", QByteArray::number(v)}});
        QVERIFY2(ok.status == 200, ok.body.constData());
        QCOMPARE(ok.data().value(u"version").toInteger(), v + 1);
        QCOMPARE(ok.data().value(u"sort").toInteger(), 3);
        const auto gone = m_client->send("PATCH", "/v1/members/99999", body,
                                         {{"Idempotency-Key", key(5)}, {"If-Match", "1"}});
        QCOMPARE(gone.status, 404);
    }

    void leaseIsExclusive()
    {
        const auto a = m_client->send("POST", "/v1/fulfilment/lease", R"({"holder":"worker-a"})",
                                      {{"Idempotency-Key", key(6)}});
        QCOMPARE(a.status, 200);
        QCOMPARE(a.data().value(u"expires_at").toInteger(), kEnd + 60);
        const auto b = m_client->send("POST", "/v1/fulfilment/lease", R"({"holder":"console-b"})",
                                      {{"Idempotency-Key", key(7)}});
        QCOMPARE(b.status, 409);
        QCOMPARE(b.code(), 40901);
        QCOMPARE(b.data().value(u"holder").toString(), u"worker-a"_qs);
        // Every console sees who fulfils in GET /v1/shop.
        const auto shop = m_client->send("GET", "/v1/shop", {}, {});
        QCOMPARE(shop.data().value(u"fulfilment").toObject().value(u"holder").toString(), u"worker-a"_qs);
        QCOMPARE(shop.data().value(u"fulfilment").toObject().value(u"expires_at").toInteger(), kEnd + 60);
        const auto release = m_client->send("DELETE", "/v1/fulfilment/lease", R"({"holder":"console-b"})",
                                            {{"Idempotency-Key", key(8)}});
        QCOMPARE(release.code(), 40901);
        m_clock->advanceSeconds(61);
        QCOMPARE(m_client
                     ->send("POST", "/v1/fulfilment/lease", R"({"holder":"console-b"})",
                            {{"Idempotency-Key", key(9)}})
                     .status,
                 200);
    }

    void concurrentDeliveriesNeverOversell()
    {
        sim::PlatformState& s = m_server->state();
        qint32 gi = 0;
        while (s.goods()[gi].direct)
            ++gi;
        s.goodsAt(gi).ownerCardops = true;
        s.goodsAt(gi).stockAvailable = 7;
        QList<qint64> ids;
        for (int i = 0; i < 20; ++i) {
            sim::OrderDraft d;
            d.memberIndex = i;
            d.goodsIndex = gi;
            ids.append(sim::PlatformState::orderId(s.placeOrder(d)));
        }
        QCOMPARE(
            m_client
                ->send("POST", "/v1/fulfilment/lease", R"({"holder":"w"})", {{"Idempotency-Key", key(10)}})
                .status,
            200);
        QList<QNetworkReply*> replies;
        for (int i = 0; i < 20; ++i)
            replies.append(m_client->start("POST", "/v1/orders/" + QByteArray::number(ids[i]) + "/deliver",
                                           R"({"from_stock":true,"holder":"w"})",
                                           {{"Idempotency-Key", key(100 + i)}}));
        int delivered = 0;
        int short_ = 0;
        for (QNetworkReply* reply : replies) {
            const auto r = SimClient::collect(reply);
            QVERIFY(r.finished);
            delivered += r.status == 200;
            short_ += r.status == 409 && r.code() == 40900;
        }
        QCOMPARE(delivered, 7);
        QCOMPARE(short_, 13);
        QCOMPARE(s.goods()[gi].stockAvailable, 0);
        const auto notHolder =
            m_client->send("POST", "/v1/orders/" + QByteArray::number(ids[19]) + "/deliver",
                           R"({"from_stock":true,"holder":"x"})", {{"Idempotency-Key", key(99)}});
        QCOMPARE(notHolder.status, 403);
    }
};

QTEST_GUILESS_MAIN(TestSimServer)
#include "tst_simserver.moc"
