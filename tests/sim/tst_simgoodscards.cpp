// cardops-sim's card stock of a goods over real loopback HTTP (docs/platform-api.md, "Card stock of
// a goods"): uploads with a result per line, the metadata list with fingerprints, lock / unlock /
// void with the stock figures following, reveals counted, idempotent replays and hostile bodies.
#include "core/cardimport.h"
#include "sim/data/generator.h"
#include "sim/data/goodscards.h"
#include "sim/server/simserver.h"
#include "tests/sim/simclient.h"

#include <QJsonArray>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using test::SimClient;

namespace {

constexpr qint64 kEnd = 1764300000;

std::unique_ptr<sim::PlatformState> platform(const core::Clock& clock)
{
    sim::GeneratorParams p;
    p.seed = 5;
    p.days = 5;
    p.orders = 500;
    p.members = 100;
    p.goods = 40;
    p.endTime = kEnd;
    return sim::generatePlatform(p, clock);
}

QByteArray cardsPath(qint64 goodsId, const QByteArray& query = {})
{
    return "/v1/goods/" + QByteArray::number(goodsId) + "/cards" +
           (query.isEmpty() ? QByteArray() : '?' + query);
}

QByteArray uploadBody(const QStringList& secrets)
{
    QJsonArray cards;
    for (const QString& s : secrets)
        cards.append(QJsonObject{{u"secret"_s, s}});
    return QJsonDocument(QJsonObject{{u"cards"_s, cards}}).toJson(QJsonDocument::Compact);
}

QByteArray idsBody(const QList<qint64>& ids)
{
    QJsonArray a;
    for (const qint64 id : ids)
        a.append(id);
    return QJsonDocument(QJsonObject{{u"ids"_s, a}}).toJson(QJsonDocument::Compact);
}

} // namespace

class TestSimGoodsCards : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<core::ManualClock> m_clock;
    std::unique_ptr<sim::SimServer> m_server;
    std::unique_ptr<SimClient> m_client;
    int m_keys = 0;
    qint64 m_goodsId = 0; // a new card goods, number_password with " ", no stock

    QByteArray nextKey() { return "stock-key-" + QByteArray::number(++m_keys) + "-0123456789"; }
    QList<QPair<QByteArray, QByteArray>> keyed(const QByteArray& key) { return {{"Idempotency-Key", key}}; }

    SimClient::Reply post(const QByteArray& path, const QByteArray& body, const QByteArray& key = {})
    {
        return m_client->send("POST", path, body, keyed(key.isEmpty() ? nextKey() : key));
    }
    const sim::Goods& goods(qint64 id) const { return m_server->state().goods()[id - 1]; }
    qint64 createGoods(const QByteArray& kind, const QByteArray& format)
    {
        const auto r = post("/v1/goods", "{\"name\":\"测试卡\",\"category_id\":1,\"kind\":\"" + kind +
                                             "\",\"face_value\":\"10.0000\",\"price\":\"9.5000\","
                                             "\"card_format\":\"" +
                                             format + "\"}");
        if (r.status != 200)
            qWarning("create goods: %d %s", r.status, r.body.constData());
        return r.data().value(u"id").toInteger();
    }
    QJsonArray listAll(qint64 goodsId)
    {
        const auto r = m_client->send("GET", cardsPath(goodsId, "limit=1000"));
        return r.data().value(u"items").toArray();
    }
    // Uploads and answers the ids of the added cards, in order.
    QList<qint64> uploadIds(const QStringList& secrets)
    {
        const auto r = post(cardsPath(m_goodsId), uploadBody(secrets));
        QList<qint64> ids;
        for (const QJsonValue& v : r.data().value(u"items").toArray())
            if (v.toObject().value(u"result").toString() == u"added")
                ids.append(v.toObject().value(u"id").toInteger());
        return ids;
    }

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<core::ManualClock>(kEnd * 1000);
        m_server = std::make_unique<sim::SimServer>(platform(*m_clock), *m_clock);
        const quint16 port = m_server->listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        m_client = std::make_unique<SimClient>(port, *m_clock);
        m_goodsId = createGoods("card", "number_password");
        QVERIFY(m_goodsId > 0);
        QCOMPARE(goods(m_goodsId).stockAvailable, 0);
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void uploadAnswersEveryLine()
    {
        const qint64 versionBefore = goods(m_goodsId).version;
        const qint64 head = m_server->state().feedHead(core::Feed::Goods);
        QJsonArray cards{
            QJsonObject{{u"secret"_s, u"1111222233334444 AAAABBBBCCCC"_s}, {u"expires_at"_s, kEnd + 86400}},
            QJsonObject{{u"secret"_s, u"1111222233334444 AAAABBBBCCCC"_s}}, // same secret: duplicate
            QJsonObject{{u"secret"_s, u"5555666677778888 DDDDEEEEFFFF"_s}, {u"loop"_s, true}},
            QJsonObject{{u"secret"_s, u"onlyonefield"_s}},                           // format
            QJsonObject{{u"secret"_s, u" 9999000011112222 GGGG"_s}},                 // not normalised
            QJsonObject{{u"secret"_s, 42}},                                          // secret
            QJsonObject{{u"secret"_s, u"2222 HHHH"_s}, {u"expires_at"_s, kEnd - 1}}, // expired
            QJsonObject{{u"secret"_s, u"3333 JJJJ"_s}, {u"expires_at"_s, -5}},       // expires_at
            QJsonObject{{u"secret"_s, u"4444 KKKK"_s}, {u"loop"_s, u"yes"_s}},       // loop
            QJsonValue(u"5555 LLLL"_s),                                              // not an object
        };
        const auto r = post(cardsPath(m_goodsId),
                            QJsonDocument(QJsonObject{{u"cards"_s, cards}}).toJson(QJsonDocument::Compact));
        QCOMPARE(r.status, 200);
        const QJsonObject d = r.data();
        QCOMPARE(d.value(u"added").toInt(), 2);
        QCOMPARE(d.value(u"duplicate").toInt(), 1);
        QCOMPARE(d.value(u"invalid").toInt(), 7);
        QCOMPARE(d.value(u"stock_available").toInt(), 2);
        QCOMPARE(d.value(u"goods_id").toInteger(), m_goodsId);
        const QJsonArray items = d.value(u"items").toArray();
        QCOMPARE(items.size(), 10);
        const QStringList expected = {u"added"_s,   u"duplicate"_s, u"added"_s,   u"invalid"_s, u"invalid"_s,
                                      u"invalid"_s, u"invalid"_s,   u"invalid"_s, u"invalid"_s, u"invalid"_s};
        const QStringList reasons = {{},          {},          {},           u"format"_s,
                                     u"format"_s, u"secret"_s, u"expired"_s, u"expires_at"_s,
                                     u"loop"_s,   u"secret"_s};
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QJsonObject item = items[i].toObject();
            QCOMPARE(item.value(u"line").toInt(), i + 1);
            QCOMPARE(item.value(u"result").toString(), expected[i]);
            QCOMPARE(item.value(u"reason").toString(), reasons[i]);
        }
        const qint64 first = items[0].toObject().value(u"id").toInteger();
        QCOMPARE(first, sim::GoodsCards::kIdBase + 1);
        QCOMPARE(items[1].toObject().value(u"id").toInteger(), first); // the card already held
        QCOMPARE(items[2].toObject().value(u"id").toInteger(), first + 1);
        // The goods changed once and is in the feed after the cursor a sync holds.
        QCOMPARE(goods(m_goodsId).stockAvailable, 2);
        QCOMPARE(goods(m_goodsId).version, versionBefore + 1);
        const auto feed = m_client->send("GET", "/v1/goods?cursor=" + QByteArray::number(head));
        const QJsonArray changed = feed.data().value(u"items").toArray();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0].toObject().value(u"stock_available").toInt(), 2);
    }

    void reuploadIsAllDuplicate()
    {
        const QStringList secrets = {u"1234567890123456 ABCDEFGHJKLM"_s, u"2234567890123456 BBCDEFGHJKLM"_s};
        QCOMPARE(uploadIds(secrets).size(), 2);
        const qint64 version = goods(m_goodsId).version;
        const auto again = post(cardsPath(m_goodsId), uploadBody(secrets));
        QCOMPARE(again.data().value(u"added").toInt(), 0);
        QCOMPARE(again.data().value(u"duplicate").toInt(), 2);
        QCOMPARE(goods(m_goodsId).stockAvailable, 2);
        QCOMPARE(goods(m_goodsId).version, version); // nothing changed, nothing committed
        // Another goods may hold the same secret.
        const qint64 other = createGoods("card", "number_password");
        const auto elsewhere = post(cardsPath(other), uploadBody(secrets));
        QCOMPARE(elsewhere.data().value(u"added").toInt(), 2);
    }

    void replayedKeyAnswersTheFirstResponse()
    {
        const QByteArray body =
            uploadBody({u"1111000011110000 KEYKEYKEYKEY"_s, u"2222000022220000 KEYKEYKEYKEY"_s});
        const auto first = post(cardsPath(m_goodsId), body, "upload-once-0001");
        QCOMPARE(first.status, 200);
        const auto replay = post(cardsPath(m_goodsId), body, "upload-once-0001");
        QCOMPARE(replay.status, 200);
        QCOMPARE(replay.body, first.body);
        QCOMPARE(replay.data().value(u"added").toInt(), 2); // the first answer, not "duplicate"
        QCOMPARE(goods(m_goodsId).stockAvailable, 2);
        QCOMPARE(m_server->state().goodsCards().size(), 2);
        // The same key on another path is refused.
        const auto other = post(cardsPath(m_goodsId + 1), body, "upload-once-0001");
        QCOMPARE(other.status, 400);
    }

    void uploadRefusesBadRequests()
    {
        QStringList many;
        for (int i = 0; i < 1001; ++i)
            many << u"%1 CODE"_s.arg(1000000 + i);
        QCOMPARE(post(cardsPath(m_goodsId), uploadBody(many)).status, 400);
        many.removeLast();
        const auto full = post(cardsPath(m_goodsId), uploadBody(many));
        QCOMPARE(full.status, 200);
        QCOMPARE(full.data().value(u"added").toInt(), 1000);
        QCOMPARE(post(cardsPath(m_goodsId), "{\"cards\":[]}").status, 400);
        QCOMPARE(post(cardsPath(m_goodsId), "{\"cards\":\"x\"}").status, 400);
        QCOMPARE(post(cardsPath(m_goodsId), "{}").status, 400);
        QCOMPARE(post(cardsPath(m_goodsId), "[1,2]").status, 400);
        QCOMPARE(post(cardsPath(m_goodsId), "{\"cards\":[").status, 400);
        QCOMPARE(post(cardsPath(999999), uploadBody({u"1 2"_s})).status, 404);
        const qint64 direct = createGoods("direct", "single");
        QVERIFY(direct > 0);
        const auto refused = post(cardsPath(direct), uploadBody({u"CODE"_s}));
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.code(), 40000);
        QCOMPARE(goods(m_goodsId).stockAvailable, 1000);
    }

    void listIsMetadataWithFingerprints()
    {
        const QStringList secrets = {u"6212345678904401 K7PQRSTUVWXYM2XA"_s, u"12345678 abc"_s,
                                     u"6200000000000001 ZZZZYYYYXXXXWWWW"_s};
        const QList<qint64> ids = uploadIds(secrets);
        QCOMPARE(ids.size(), 3);
        const auto page1 = m_client->send("GET", cardsPath(m_goodsId, "limit=2"));
        QCOMPARE(page1.status, 200);
        const QJsonArray items1 = page1.data().value(u"items").toArray();
        QCOMPARE(items1.size(), 2);
        QCOMPARE(page1.data().value(u"has_more").toBool(), true);
        const QString cursor = page1.data().value(u"next_cursor").toString();
        QCOMPARE(cursor, QString::number(ids[1]));
        const auto page2 =
            m_client->send("GET", cardsPath(m_goodsId, "cursor=" + cursor.toUtf8() + "&limit=2"));
        const QJsonArray items2 = page2.data().value(u"items").toArray();
        QCOMPARE(items2.size(), 1);
        QCOMPARE(page2.data().value(u"has_more").toBool(), false);
        QJsonArray all = items1;
        all.append(items2[0]);
        for (qsizetype i = 0; i < all.size(); ++i) {
            const QJsonObject c = all[i].toObject();
            QCOMPARE(c.value(u"id").toInteger(), ids[i]);
            QCOMPARE(c.value(u"status").toString(), u"available"_s);
            QCOMPARE(c.value(u"order_id").toInteger(), 0);
            QCOMPARE(c.value(u"created_at").toInteger(), kEnd);
            QCOMPARE(c.value(u"expires_at").toInteger(), 0);
            QCOMPARE(c.value(u"loop").toBool(), false);
            QCOMPARE(c.value(u"fingerprint").toString(),
                     QString::fromLatin1(core::cardFingerprint(secrets[i]).toHex()));
            QVERIFY(!c.contains(u"secret"));
            QVERIFY(!QJsonDocument(c).toJson().contains(secrets[i].toUtf8()));
        }
        QCOMPARE(all[0].toObject().value(u"masked").toString(), u"6212********4401 K7PQ********M2XA"_s);
        // The example of docs/platform-api.md.
        QCOMPARE(all[0].toObject().value(u"fingerprint").toString(),
                 u"f5e4130a2681aa7ad2a5e4c9f56238707b0213e8b6baf358b2a5f6bd09ed1c8e"_s);
        QCOMPARE(all[1].toObject().value(u"masked").toString(), u"******78 *bc"_s);
        // Parameters are checked.
        QCOMPARE(m_client->send("GET", cardsPath(m_goodsId, "limit=0")).status, 400);
        QCOMPARE(m_client->send("GET", cardsPath(m_goodsId, "limit=1001")).status, 400);
        QCOMPARE(m_client->send("GET", cardsPath(m_goodsId, "cursor=-1")).status, 400);
        QCOMPARE(m_client->send("GET", cardsPath(m_goodsId, "status=available")).status, 400);
        QCOMPARE(m_client->send("GET", cardsPath(999999)).status, 404);
        // A goods without uploads lists nothing.
        const auto none = m_client->send("GET", cardsPath(1));
        QCOMPARE(none.status, 200);
        QCOMPARE(none.data().value(u"items").toArray().size(), 0);
        QCOMPARE(none.data().value(u"has_more").toBool(), false);
    }

    void lockUnlockVoidMoveTheStock()
    {
        const QList<qint64> ids = uploadIds({u"1000 A1"_s, u"2000 A2"_s, u"3000 A3"_s, u"4000 A4"_s});
        QCOMPARE(ids.size(), 4);
        const qint64 unknown = sim::GoodsCards::kIdBase + 999;
        auto lock = post("/v1/cards/lock", idsBody({ids[0], ids[1], ids[1], unknown}));
        QCOMPARE(lock.status, 200);
        QCOMPARE(lock.data().value(u"done").toInt(), 2);
        QCOMPARE(lock.data().value(u"unchanged").toInt(), 1); // the same id twice: locked already
        QCOMPARE(lock.data().value(u"not_found").toInt(), 1);
        const QJsonArray lockItems = lock.data().value(u"items").toArray();
        QCOMPARE(lockItems.size(), 4);
        QCOMPARE(lockItems[0].toObject().value(u"result").toString(), u"done"_s);
        QCOMPARE(lockItems[0].toObject().value(u"status").toString(), u"locked"_s);
        QCOMPARE(lockItems[3].toObject().value(u"result").toString(), u"not_found"_s);
        QCOMPARE(goods(m_goodsId).stockAvailable, 2);
        QCOMPARE(goods(m_goodsId).stockLocked, 2);

        const auto unlock = post("/v1/cards/unlock", idsBody({ids[0], ids[2]}));
        QCOMPARE(unlock.data().value(u"done").toInt(), 1);
        QCOMPARE(unlock.data().value(u"unchanged").toInt(), 1);
        QCOMPARE(goods(m_goodsId).stockAvailable, 3);
        QCOMPARE(goods(m_goodsId).stockLocked, 1);

        const qint64 version = goods(m_goodsId).version;
        const auto voided = post("/v1/cards/void", idsBody({ids[1], ids[2]})); // one locked, one available
        QCOMPARE(voided.data().value(u"done").toInt(), 2);
        QCOMPARE(goods(m_goodsId).stockAvailable, 2);
        QCOMPARE(goods(m_goodsId).stockLocked, 0);
        QCOMPARE(goods(m_goodsId).version, version + 1);
        // A void card cannot be locked or unlocked again; voiding it twice changes nothing.
        const auto relock = post("/v1/cards/lock", idsBody({ids[1]}));
        QCOMPARE(relock.data().value(u"refused").toInt(), 1);
        QCOMPARE(relock.data().value(u"items").toArray()[0].toObject().value(u"status").toString(),
                 u"void"_s);
        QCOMPARE(post("/v1/cards/void", idsBody({ids[1]})).data().value(u"unchanged").toInt(), 1);
        QCOMPARE(goods(m_goodsId).version, version + 1);
        // The list shows the states.
        QStringList statuses;
        for (const QJsonValue& v : listAll(m_goodsId))
            statuses << v.toObject().value(u"status").toString();
        QCOMPARE(statuses, (QStringList{u"available"_s, u"void"_s, u"void"_s, u"available"_s}));
        // A card delivered with an order is refused, not unknown.
        const auto& orders = m_server->state().orders();
        qint64 soldCard = 0;
        for (qsizetype i = 0; i < orders.size() && soldCard == 0; ++i)
            if (orders[i].status == sim::OrderStatus::Delivered && !goods(orders[i].goodsId).direct)
                soldCard = sim::PlatformState::orderId(static_cast<qint32>(i)) * 10'000;
        QVERIFY(soldCard != 0);
        const auto sold = post("/v1/cards/void", idsBody({soldCard}));
        QCOMPARE(sold.data().value(u"refused").toInt(), 1);
        QCOMPARE(sold.data().value(u"items").toArray()[0].toObject().value(u"status").toString(), u"sold"_s);
    }

    void changeRefusesBadIds()
    {
        QCOMPARE(post("/v1/cards/lock", "{\"ids\":[]}").status, 400);
        QCOMPARE(post("/v1/cards/lock", "{\"ids\":[\"1\"]}").status, 400);
        QCOMPARE(post("/v1/cards/lock", "{\"ids\":[1.5]}").status, 400);
        QCOMPARE(post("/v1/cards/lock", "{\"ids\":[-3]}").status, 400);
        QCOMPARE(post("/v1/cards/lock", "{\"ids\":[0]}").status, 400);
        QCOMPARE(post("/v1/cards/lock", "{\"ids\":{}}").status, 400);
        QCOMPARE(post("/v1/cards/lock", "{}").status, 400);
        QList<qint64> many;
        for (int i = 0; i < 1001; ++i)
            many << sim::GoodsCards::kIdBase + 1 + i;
        QCOMPARE(post("/v1/cards/unlock", idsBody(many)).status, 400);
        many.removeLast();
        const auto fine = post("/v1/cards/unlock", idsBody(many));
        QCOMPARE(fine.status, 200);
        QCOMPARE(fine.data().value(u"not_found").toInt(), 1000);
        QCOMPARE(post("/v1/cards/melt", idsBody({1})).status, 404);
    }

    void revealOfUploadedCardsIsCounted()
    {
        const QList<qint64> ids = uploadIds({u"8888777766665555 SECRETSECRET"_s});
        QCOMPARE(ids.size(), 1);
        const QByteArray path = "/v1/cards/" + QByteArray::number(ids[0]) + "/reveal";
        const auto first = post(path, {}, "reveal-stock-0001");
        QCOMPARE(first.status, 200);
        const QJsonObject d = first.data();
        QCOMPARE(d.value(u"secret").toString(), u"8888777766665555 SECRETSECRET"_s);
        QCOMPARE(d.value(u"id").toInteger(), ids[0]);
        QCOMPARE(d.value(u"goods_id").toInteger(), m_goodsId);
        QCOMPARE(d.value(u"order_id").toInteger(), 0);
        QCOMPARE(m_server->state().goodsCards().revealCount(), 1);
        const auto replay = post(path, {}, "reveal-stock-0001");
        QCOMPARE(replay.body, first.body);
        QCOMPARE(m_server->state().goodsCards().revealCount(), 1); // a replay is not a new reveal
        QCOMPARE(post(path, {}).status, 200);
        QCOMPARE(m_server->state().goodsCards().revealCountOf(ids[0]), 2);
        QCOMPARE(post("/v1/cards/" + QByteArray::number(ids[0] + 1) + "/reveal", {}).status, 404);
        QCOMPARE(m_server->cards().revealCount(), 0); // the order cards' counter is untouched
    }

    void deliveriesTakeUploadedCardsFirstExpiringFirst()
    {
        const qint64 single = createGoods("card", "single");
        QJsonArray cards{QJsonObject{{u"secret"_s, u"LATECARD0001"_s}, {u"expires_at"_s, kEnd + 9 * 86400}},
                         QJsonObject{{u"secret"_s, u"NOEXPIRY0002"_s}},
                         QJsonObject{{u"secret"_s, u"SOONCARD0003"_s}, {u"expires_at"_s, kEnd + 86400}},
                         QJsonObject{{u"secret"_s, u"LOOPCARD0004"_s}, {u"loop"_s, true}}};
        const auto up = post(cardsPath(single),
                             QJsonDocument(QJsonObject{{u"cards"_s, cards}}).toJson(QJsonDocument::Compact));
        QCOMPARE(up.data().value(u"added").toInt(), 4);
        const auto order = post("/v1/orders", "{\"member_id\":1,\"goods_id\":" + QByteArray::number(single) +
                                                  ",\"quantity\":2,\"pay_channel\":\"offline\"}");
        QCOMPARE(order.status, 200);
        QCOMPARE(order.data().value(u"status").toString(), u"delivered"_s);
        const qint64 orderId = order.data().value(u"id").toInteger();
        QCOMPARE(goods(single).stockAvailable, 2);
        const QJsonArray listed = listAll(single);
        QStringList statuses;
        for (const QJsonValue& v : listed)
            statuses << v.toObject().value(u"status").toString();
        QCOMPARE(statuses, (QStringList{u"sold"_s, u"available"_s, u"sold"_s, u"available"_s}));
        QCOMPARE(listed[0].toObject().value(u"order_id").toInteger(), orderId);
        QCOMPARE(listed[2].toObject().value(u"order_id").toInteger(), orderId);
        // A sold card cannot be voided here; refunding its order voids it.
        QCOMPARE(post("/v1/cards/void", idsBody({listed[0].toObject().value(u"id").toInteger()}))
                     .data()
                     .value(u"refused")
                     .toInt(),
                 1);
        const auto refund = post("/v1/orders/" + QByteArray::number(orderId) + "/refund",
                                 "{\"amount\":\"1.0000\",\"reason\":\"other\"}");
        QCOMPARE(refund.status, 200);
        QCOMPARE(listAll(single)[0].toObject().value(u"status").toString(), u"void"_s);
    }
};

QTEST_GUILESS_MAIN(TestSimGoodsCards)
#include "tst_simgoodscards.moc"
