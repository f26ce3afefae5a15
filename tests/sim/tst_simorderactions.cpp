// cardops-sim's CardOps extensions for the console's order actions, over loopback HTTP
// (docs/platform-api.md, "Reissue and offline orders"): 补发 voids one card and continues the
// order's card index from stock; 补单 records an offline-paid order.
#include "sim/data/cardstore.h"
#include "sim/data/generator.h"
#include "sim/server/simserver.h"
#include "tests/sim/simclient.h"

#include <QJsonArray>
#include <QtTest>
#include <functional>

using namespace cardops;
using namespace Qt::StringLiterals;
using test::SimClient;

namespace {

constexpr qint64 kEnd = 1764300000;

QList<QPair<QByteArray, QByteArray>> keyed(const QByteArray& key)
{
    return {{"Idempotency-Key", key}};
}

} // namespace

class TestSimOrderActions : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<core::ManualClock> m_clock;
    std::unique_ptr<sim::SimServer> m_server;
    std::unique_ptr<SimClient> m_client;
    int m_keys = 0;

    QByteArray nextKey() { return "act-key-" + QByteArray::number(++m_keys) + "-0123456789"; }

    qint64 findOrder(const std::function<bool(const sim::Order&, const sim::Goods&)>& match) const
    {
        const auto& orders = m_server->state().orders();
        const auto& goods = m_server->state().goods();
        for (qsizetype i = 0; i < orders.size(); ++i)
            if (match(orders[i], goods[orders[i].goodsId - 1]))
                return sim::PlatformState::orderId(static_cast<qint32>(i));
        return 0;
    }
    const sim::Order& orderOf(qint64 id) const
    {
        return m_server->state().orders()[static_cast<qsizetype>(id - sim::kOrderIdBase - 1)];
    }
    const sim::Goods& goodsOf(qint64 orderId) const
    {
        return m_server->state().goods()[orderOf(orderId).goodsId - 1];
    }
    QJsonArray cards(qint64 orderId)
    {
        const auto r = m_client->send("GET", "/v1/orders/" + QByteArray::number(orderId) + "/cards");
        return r.data().value(u"items").toArray();
    }
    SimClient::Reply reissue(qint64 orderId, const QByteArray& body, const QByteArray& key)
    {
        return m_client->send("POST", "/v1/orders/" + QByteArray::number(orderId) + "/reissue", body,
                              keyed(key));
    }

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<core::ManualClock>(kEnd * 1000);
        sim::GeneratorParams p;
        p.seed = 7;
        p.days = 10;
        p.orders = 2000;
        p.members = 300;
        p.goods = 120;
        p.endTime = kEnd;
        m_server = std::make_unique<sim::SimServer>(sim::generatePlatform(p, *m_clock), *m_clock);
        const quint16 port = m_server->listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        m_client = std::make_unique<SimClient>(port, *m_clock);
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void reissueVoidsOneCardAndAddsOneFromStock()
    {
        const qint64 id = findOrder([](const sim::Order& o, const sim::Goods& g) {
            return o.status == sim::OrderStatus::Delivered && !o.handedOver && !g.direct && o.quantity == 2 &&
                   g.stockAvailable > 0;
        });
        QVERIFY2(id != 0, "the generated platform has no such order");
        const qint64 stock = goodsOf(id).stockAvailable;
        const qint64 version = orderOf(id).version;
        const QJsonArray before = cards(id);
        QCOMPARE(before.size(), 2);
        const qint64 bad = sim::CardStore::cardId(id, 1);
        const QByteArray body = "{\"card_id\":" + QByteArray::number(bad) + ",\"reason\":\"买家说无效\"}";
        const auto r = reissue(id, body, "reissue-once-0123456789");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"id").toInteger(), id);
        QCOMPARE(r.data().value(u"status").toString(), u"delivered"_s);
        QVERIFY(r.data().value(u"version").toInteger() > version);
        QCOMPARE(goodsOf(id).stockAvailable, stock - 1);
        const QJsonArray after = cards(id);
        QCOMPARE(after.size(), 3);
        QCOMPARE(after[0].toObject().value(u"status").toString(), u"sold"_s);
        QCOMPARE(after[1].toObject().value(u"status").toString(), u"void"_s);
        QCOMPARE(after[2].toObject().value(u"id").toInteger(), sim::CardStore::cardId(id, 2));
        QCOMPARE(after[2].toObject().value(u"status").toString(), u"sold"_s);
        // The replacement is revealed like any card; the same key answers the first response again.
        QCOMPARE(m_client
                     ->send("POST",
                            "/v1/cards/" + QByteArray::number(sim::CardStore::cardId(id, 2)) + "/reveal", {},
                            keyed(nextKey()))
                     .status,
                 200);
        const auto again = reissue(id, body, "reissue-once-0123456789");
        QCOMPARE(again.body, r.body);
        QCOMPARE(cards(id).size(), 3);
        QCOMPARE(goodsOf(id).stockAvailable, stock - 1);
        // A void card is not replaced twice.
        QCOMPARE(reissue(id, body, nextKey()).code(), 40900);
    }

    void reissueRefusals()
    {
        const qint64 id = findOrder([](const sim::Order& o, const sim::Goods& g) {
            return o.status == sim::OrderStatus::Delivered && !o.handedOver && !g.direct;
        });
        QVERIFY(id != 0);
        const qint64 other = sim::CardStore::cardId(id + 1, 0);
        auto r = reissue(id, "{\"card_id\":" + QByteArray::number(other) + ",\"reason\":\"x\"}", nextKey());
        QCOMPARE(r.status, 404);
        r = reissue(
            id, "{\"card_id\":" + QByteArray::number(sim::CardStore::cardId(id, 999)) + ",\"reason\":\"x\"}",
            nextKey());
        QCOMPARE(r.status, 404);
        r = reissue(id, "{\"card_id\":" + QByteArray::number(sim::CardStore::cardId(id, 0)) + "}", nextKey());
        QCOMPARE(r.status, 400);
        r = reissue(id, "{\"card_id\":\"1\",\"reason\":\"x\"}", nextKey());
        QCOMPARE(r.status, 400);
        // Stock short: 409 with the goods.
        m_server->state().goodsAt(orderOf(id).goodsId - 1).stockAvailable = 0;
        r = reissue(
            id, "{\"card_id\":" + QByteArray::number(sim::CardStore::cardId(id, 0)) + ",\"reason\":\"x\"}",
            nextKey());
        QCOMPARE(r.status, 409);
        QCOMPARE(r.code(), 40900);
        QCOMPARE(r.data().value(u"id").toInteger(), orderOf(id).goodsId);
        QCOMPARE(r.data().value(u"stock_available").toInteger(), 0);
        // A direct order has no cards.
        const qint64 direct = findOrder([](const sim::Order& o, const sim::Goods& g) {
            return o.status == sim::OrderStatus::Delivered && !o.handedOver && g.direct;
        });
        if (direct != 0) {
            r = reissue(direct,
                        "{\"card_id\":" + QByteArray::number(sim::CardStore::cardId(direct, 0)) +
                            ",\"reason\":\"x\"}",
                        nextKey());
            QCOMPARE(r.code(), 40900);
        }
    }

    void offlineOrderIsPaidWithoutTouchingTheBalance()
    {
        const auto& goods = m_server->state().goods();
        qint64 goodsId = 0;
        for (const sim::Goods& g : goods)
            if (g.on && !g.direct && !g.ownerCardops && g.stockAvailable > 2) {
                goodsId = g.id;
                break;
            }
        QVERIFY(goodsId != 0);
        const qint64 memberId = 5;
        const core::Money balance = m_server->state().members()[memberId - 1].balance;
        const qsizetype ledger = m_server->state().ledger().size();
        const QByteArray body = "{\"member_id\":5,\"goods_id\":" + QByteArray::number(goodsId) +
                                ",\"quantity\":2,\"pay_channel\":\"offline\"}";
        const auto r = m_client->send("POST", "/v1/orders", body, keyed(nextKey()));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"pay_channel").toString(), u"offline"_s);
        QCOMPARE(r.data().value(u"status").toString(), u"delivered"_s); // the normal flow followed
        QVERIFY(r.data().value(u"paid_at").toInteger() > 0);
        QCOMPARE(m_server->state().members()[memberId - 1].balance, balance);
        for (qsizetype i = ledger; i < m_server->state().ledger().size(); ++i)
            QVERIFY(m_server->state().ledger()[i].kind != sim::LedgerKind::Purchase);
        QCOMPARE(m_client
                     ->send("POST", "/v1/orders", "{\"member_id\":5,\"goods_id\":1,\"pay_channel\":\"cash\"}",
                            keyed(nextKey()))
                     .status,
                 400);
    }
};

QTEST_GUILESS_MAIN(TestSimOrderActions)
#include "tst_simorderactions.moc"
