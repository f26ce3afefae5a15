// cardops-sim's cards of an order over real loopback HTTP (docs/platform-api.md, "Cards of an
// order"): derived from the seed, masked by the documented rule, revealed and counted.
#include "sim/data/cardstore.h"
#include "sim/data/generator.h"
#include "sim/server/simserver.h"
#include "tests/sim/simclient.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>
#include <functional>

using namespace cardops;
using namespace Qt::StringLiterals;
using test::SimClient;

namespace {

constexpr qint64 kEnd = 1764300000;

std::unique_ptr<sim::PlatformState> platform(const core::Clock& clock, quint64 seed)
{
    sim::GeneratorParams p;
    p.seed = seed;
    p.days = 10;
    p.orders = 2000;
    p.members = 300;
    p.goods = 120;
    p.endTime = kEnd;
    return sim::generatePlatform(p, clock);
}

QByteArray cardsPath(qint64 orderId)
{
    return "/v1/orders/" + QByteArray::number(orderId) + "/cards";
}

QByteArray revealPath(qint64 cardId)
{
    return "/v1/cards/" + QByteArray::number(cardId) + "/reveal";
}

QList<QPair<QByteArray, QByteArray>> keyed(const QByteArray& key)
{
    return {{"Idempotency-Key", key}};
}

// What the documented rule makes of one field (written out here, independently of CardStore).
QString expectedMask(const QString& field)
{
    const qsizetype n = field.size();
    if (n > 8)
        return field.left(4) + QString(n - 8, u'*') + field.right(4);
    if (n > 2)
        return QString(n - 2, u'*') + field.right(2);
    return QString(n, u'*');
}

} // namespace

class TestSimCards : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<core::ManualClock> m_clock;
    std::unique_ptr<sim::SimServer> m_server;
    std::unique_ptr<SimClient> m_client;
    int m_keys = 0;

    QByteArray nextKey() { return "cards-key-" + QByteArray::number(++m_keys) + "-0123456789"; }

    // The first order (as an id) that matches, else 0.
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
    QJsonArray items(qint64 orderId)
    {
        const auto r = m_client->send("GET", cardsPath(orderId));
        if (r.status != 200 || r.code() != 0)
            qWarning("GET %s: %d %s", cardsPath(orderId).constData(), r.status, r.body.constData());
        return r.data().value(u"items").toArray();
    }

    // Checks the listed cards of a delivered order against its quantity, ids and card format.
    void checkListing(qint64 orderId, const QString& status)
    {
        const sim::Goods& g = goodsOf(orderId);
        const QJsonArray list = items(orderId);
        QCOMPARE(list.size(), orderOf(orderId).quantity);
        const QString separator =
            QString::fromUtf8(sim::CardStore::separatorOf(g.cardFormat, g.cardSeparator));
        const int fields = g.cardFormat == "number_password"    ? 2
                           : g.cardFormat.startsWith("fields:") ? g.cardFormat.mid(7).toInt()
                                                                : 1;
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject c = list[i].toObject();
            QCOMPARE(c.value(u"id").toInteger(), orderId * 10'000 + i);
            QCOMPARE(c.value(u"order_id").toInteger(), orderId);
            QCOMPARE(c.value(u"status").toString(), status);
            QVERIFY(c.value(u"created_at").isDouble());
            QVERIFY(c.value(u"expires_at").isDouble());
            const QString masked = c.value(u"masked").toString();
            const QStringList parts = separator.isEmpty() ? QStringList{masked} : masked.split(separator);
            QCOMPARE(parts.size(), fields);
            for (const QString& part : parts) {
                QVERIFY2(part.size() > 8, qPrintable(masked)); // the generated fields are long
                QVERIFY2(QRegularExpression(u"^[^*]{4}\\*+[^*]{4}$"_s).match(part).hasMatch(),
                         qPrintable(masked));
            }
        }
    }

    QJsonObject reveal(qint64 cardId, int expectStatus = 200)
    {
        const auto r = m_client->send("POST", revealPath(cardId), {}, keyed(nextKey()));
        if (r.status != expectStatus)
            qWarning("reveal %lld: %d %s", static_cast<long long>(cardId), r.status, r.body.constData());
        return r.status == expectStatus ? r.json() : QJsonObject();
    }

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<core::ManualClock>(kEnd * 1000);
        m_server = std::make_unique<sim::SimServer>(platform(*m_clock, 7), *m_clock);
        const quint16 port = m_server->listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        m_client = std::make_unique<SimClient>(port, *m_clock);
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void maskRule_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("masked");
        QTest::newRow("long") << u"ABCDEFGHIJKL"_s << u"ABCD****IJKL"_s;
        QTest::newRow("nine") << u"123456789"_s << u"1234*6789"_s;
        QTest::newRow("eight") << u"12345678"_s << u"******78"_s;
        QTest::newRow("three") << u"abc"_s << u"*bc"_s;
        QTest::newRow("two") << u"ab"_s << u"**"_s;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("characters, not bytes") << u"卡密一二三四五六七"_s << u"卡密一二*四五六七"_s;
    }
    void maskRule()
    {
        QFETCH(QString, field);
        QFETCH(QString, masked);
        QCOMPARE(QString::fromUtf8(sim::CardStore::maskField(field.toUtf8())), masked);
        QCOMPARE(expectedMask(field), masked);
        QCOMPARE(sim::CardStore::mask("1234567890123456 ABCDEFGHJKLMNPQR", " "),
                 QByteArray("1234********3456 ABCD********NPQR"));
        QCOMPARE(sim::CardStore::mask("user0001----pw----ABCDEFGHJKLM", "----"),
                 QByteArray("******01----**----ABCD****JKLM"));
        QCOMPARE(sim::CardStore::separatorOf("single", "|"), QByteArray());
        QCOMPARE(sim::CardStore::separatorOf("number_password", ""), QByteArray(" "));
        QCOMPARE(sim::CardStore::separatorOf("fields:3", ""), QByteArray("----"));
        QCOMPARE(sim::CardStore::separatorOf("fields:3", "|"), QByteArray("|"));
    }

    void cardsOfDeliveredCardOrders_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::newRow("single") << QByteArray("single");
        QTest::newRow("number_password") << QByteArray("number_password");
    }
    void cardsOfDeliveredCardOrders()
    {
        QFETCH(QByteArray, format);
        const qint64 id = findOrder([&](const sim::Order& o, const sim::Goods& g) {
            return o.status == sim::OrderStatus::Delivered && !g.direct && g.cardFormat == format &&
                   o.quantity > 1;
        });
        QVERIFY2(id != 0, "the generated platform has no such order");
        checkListing(id, u"sold"_s);
    }

    void fieldsFormatWithItsSeparator()
    {
        // A goods with four fields and its own separator, ordered and delivered through the API.
        const auto goods = m_client->send(
            "POST", "/v1/goods",
            "{\"name\":\"账号卡\",\"category_id\":1,\"kind\":\"card\",\"face_value\":\"10.0000\","
            "\"price\":\"9.5000\",\"card_format\":\"fields:4\",\"card_separator\":\"|\"}",
            keyed(nextKey()));
        QCOMPARE(goods.status, 200);
        const qint64 goodsId = goods.data().value(u"id").toInteger();
        const auto order = m_client->send("POST", "/v1/orders",
                                          "{\"member_id\":1,\"goods_id\":" + QByteArray::number(goodsId) +
                                              ",\"quantity\":3}",
                                          keyed(nextKey()));
        QCOMPARE(order.status, 200);
        const qint64 orderId = order.data().value(u"id").toInteger();
        QCOMPARE(items(orderId).size(), 0); // not delivered yet: no cards
        const auto delivered =
            m_client->send("POST", "/v1/orders/" + QByteArray::number(orderId) + "/deliver",
                           "{\"cards\":[\"x\"]}", keyed(nextKey()));
        QCOMPARE(delivered.status, 200);
        checkListing(orderId, u"sold"_s);
        const QJsonObject first = items(orderId).first().toObject();
        const QJsonObject shown = reveal(first.value(u"id").toInteger()).value(u"data").toObject();
        QCOMPARE(shown.value(u"secret").toString().split(u'|').size(), 4);
    }

    void refundedOrdersHaveVoidCards()
    {
        const qint64 id = findOrder([](const sim::Order& o, const sim::Goods& g) {
            return o.status == sim::OrderStatus::Delivered && !g.direct && !o.handedOver;
        });
        QVERIFY(id != 0);
        const QString before = items(id).first().toObject().value(u"masked").toString();
        const auto refund = m_client->send("POST", "/v1/orders/" + QByteArray::number(id) + "/refund",
                                           "{\"amount\":\"0.0100\",\"reason\":\"test\"}", keyed(nextKey()));
        QCOMPARE(refund.status, 200);
        checkListing(id, u"void"_s);
        QCOMPARE(items(id).first().toObject().value(u"masked").toString(), before); // the same card
    }

    void ordersWithoutCardsListNone()
    {
        const qint64 direct = findOrder([](const sim::Order& o, const sim::Goods& g) {
            return o.status == sim::OrderStatus::Delivered && g.direct;
        });
        QVERIFY(direct != 0);
        const auto r = m_client->send("GET", cardsPath(direct));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.code(), 0);
        QCOMPARE(r.body, QByteArray("{\"code\":0,\"message\":\"ok\",\"data\":{\"items\":[]}}"));
        const qint64 undelivered = findOrder([](const sim::Order& o, const sim::Goods& g) {
            return !g.direct && (o.status == sim::OrderStatus::Paid || o.status == sim::OrderStatus::Review ||
                                 o.status == sim::OrderStatus::HandedOver);
        });
        QVERIFY(undelivered != 0);
        QCOMPARE(items(undelivered).size(), 0);
    }

    void unknownOrdersAre404()
    {
        const qint64 past = sim::kOrderIdBase + m_server->state().orders().size() + 1;
        for (const qint64 id : {qint64(1), sim::kOrderIdBase, past}) {
            const auto r = m_client->send("GET", cardsPath(id));
            QCOMPARE(r.status, 404);
            QCOMPARE(r.code(), 40400);
        }
        QCOMPARE(m_client->send("GET", cardsPath(sim::kOrderIdBase + 1) + "?limit=5").status, 400);
        QCOMPARE(m_client
                     ->send("GET", cardsPath(sim::kOrderIdBase + 1), {}, {},
                            SimClient::Signing{"demo", "demo-secret", 0, {}, true})
                     .status,
                 401);
    }

    void sameSeedSameCards()
    {
        const qint64 id = findOrder([](const sim::Order& o, const sim::Goods& g) {
            return o.status == sim::OrderStatus::Delivered && !g.direct && o.quantity > 1;
        });
        QVERIFY(id != 0);
        const QByteArray here = m_client->send("GET", cardsPath(id)).body;
        const QByteArray secret =
            reveal(id * 10'000 + 1).value(u"data").toObject().value(u"secret").toString().toUtf8();

        sim::SimServer twin(platform(*m_clock, 7), *m_clock);
        SimClient twinClient(twin.listen(QHostAddress::LocalHost, 0), *m_clock);
        QCOMPARE(twinClient.send("GET", cardsPath(id)).body, here);
        const auto twinReveal = twinClient.send("POST", revealPath(id * 10'000 + 1), {}, keyed(nextKey()));
        QCOMPARE(twinReveal.data().value(u"secret").toString().toUtf8(), secret);

        // Another seed: other cards for an order id that has cards under both seeds.
        sim::SimServer other(platform(*m_clock, 8), *m_clock);
        int compared = 0;
        for (qint64 orderId = sim::kOrderIdBase + 1; compared < 20; ++orderId) {
            const auto mine = m_server->cards().cardsOf(orderId);
            const auto theirs = other.cards().cardsOf(orderId);
            QVERIFY(mine && theirs);
            if (mine->isEmpty() || theirs->isEmpty())
                continue;
            QVERIFY(mine->first().secret != theirs->first().secret);
            ++compared;
        }
    }

    void revealGivesTheSecretOfTheMaskedCard()
    {
        const qint64 id = findOrder([](const sim::Order& o, const sim::Goods& g) {
            return o.status == sim::OrderStatus::Delivered && !g.direct && g.cardFormat == "number_password";
        });
        QVERIFY(id != 0);
        const QJsonArray list = items(id);
        QVERIFY(!list.isEmpty());
        const qint64 cardId = list.last().toObject().value(u"id").toInteger();
        QCOMPARE(m_server->cards().revealCount(), 0);

        const QByteArray key = nextKey();
        const auto r = m_client->send("POST", revealPath(cardId), {}, keyed(key));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.code(), 0);
        const QJsonObject data = r.data();
        QCOMPARE(data.value(u"id").toInteger(), cardId);
        QCOMPARE(data.value(u"order_id").toInteger(), id);
        const QString secret = data.value(u"secret").toString();
        QVERIFY(!secret.contains(u'*'));
        const QStringList fields = secret.split(u' ');
        QCOMPARE(fields.size(), 2);
        QStringList masked;
        for (const QString& f : fields)
            masked << expectedMask(f);
        QCOMPARE(masked.join(u' '), list.last().toObject().value(u"masked").toString());
        QCOMPARE(m_server->cards().revealCount(), 1);
        QCOMPARE(m_server->cards().revealCountOf(cardId), 1);

        // A replay of the key answers the first response and reveals nothing anew.
        const auto replay = m_client->send("POST", revealPath(cardId), {}, keyed(key));
        QCOMPARE(replay.body, r.body);
        QCOMPARE(m_server->cards().revealCount(), 1);
        // A write without a key is refused before anything is revealed.
        QCOMPARE(m_client->send("POST", revealPath(cardId)).status, 400);
        QCOMPARE(m_server->cards().revealCount(), 1);
    }

    void unknownCardsAre404()
    {
        const qint64 id = findOrder([](const sim::Order& o, const sim::Goods& g) {
            return o.status == sim::OrderStatus::Delivered && !g.direct;
        });
        const qint64 direct = findOrder([](const sim::Order& o, const sim::Goods& g) {
            return o.status == sim::OrderStatus::Delivered && g.direct;
        });
        QVERIFY(id != 0 && direct != 0);
        const qint64 past = sim::kOrderIdBase + m_server->state().orders().size() + 1;
        for (const qint64 cardId :
             {id * 10'000 + orderOf(id).quantity, direct * 10'000, past * 10'000, qint64(42), qint64(0)}) {
            const auto r = m_client->send("POST", revealPath(cardId), {}, keyed(nextKey()));
            QCOMPARE(r.status, 404);
            QCOMPARE(r.code(), 40400);
        }
        QCOMPARE(m_server->cards().revealCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSimCards)
#include "tst_simcards.moc"
