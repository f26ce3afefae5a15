// The card stock of cardops-bridge on a private MariaDB (acg-faka-model.md §2.9, §4.4): the list with
// every status and its paging, uploads (added / duplicate / invalid per line, the acg rows exactly as
// acg's import writes them, refusals, an idempotent repeat), reveal with its audit row, lock / unlock
// / void with their state checks, the cards of an order, and the goods feed's stock after each change.
// Every answer also goes through the CardOps client's own parsers (sync/goodscards.h).
#include "bridge/bridgeapi.h"
#include "bridge/bridgedb.h"
#include "bridge/cardwrites.h"
#include "bridge/installer.h"
#include "core/cardimport.h"
#include "sync/goodscards.h"
#include "sync/platformjson.h"
#include "tests/bridge/bridgefixture.h"
#include "tests/bridge/bridgetestutil.h"
#include "tests/bridge/mariadbserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>
#include <QtTest>
#include <latch>
#include <thread>

using namespace cardops;
using namespace Qt::StringLiterals;
using test::envelopeOf;
using test::scalar;
using test::signedRequest;

namespace {

constexpr qint64 kNow = test::BridgeFixture::kNow;
constexpr qint64 kLine = bridge::cards::kOrderLineBase;

QByteArray json(const QJsonValue& v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

// The Asia/Shanghai text of kNow, from the system's zone database (not the bridge's arithmetic).
QString nowText()
{
    return QDateTime::fromSecsSinceEpoch(kNow, QTimeZone("Asia/Shanghai")).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QJsonObject item(qint64 line, const char* result, const QJsonValue& idOrReason)
{
    QJsonObject o{{u"line"_s, line}, {u"result"_s, QLatin1StringView(result)}};
    o.insert(idOrReason.isString() ? u"reason"_s : u"id"_s, idOrReason);
    return o;
}

QJsonObject change(qint64 id, const char* result, const char* status)
{
    return {
        {u"id"_s, id}, {u"result"_s, QLatin1StringView(result)}, {u"status"_s, QLatin1StringView(status)}};
}

} // namespace

class TestBridgeCards : public QObject, public test::BridgeFixture
{
    Q_OBJECT
private:
    // Every column of one acg card, as text (times and money as the server prints them).
    QStringList cardRow(qint64 id)
    {
        QSqlQuery q(QSqlDatabase::database(u"writer"_s, false));
        if (!q.exec(u"SELECT id, owner, commodity_id, draft, secret, CAST(create_time AS CHAR), "
                    "CAST(purchase_time AS CHAR), order_id, status, note, race, sku, CAST(draft_premium AS "
                    "CHAR), "
                    "CAST(cost AS CHAR) FROM acg_card WHERE id = %1"_s.arg(id)) ||
            !q.next())
            return {};
        static const QStringList names{
            u"id"_s,          u"owner"_s,         u"commodity_id"_s,  u"draft"_s,  u"secret"_s,
            u"create_time"_s, u"purchase_time"_s, u"order_id"_s,      u"status"_s, u"note"_s,
            u"race"_s,        u"sku"_s,           u"draft_premium"_s, u"cost"_s};
        QStringList out;
        for (int i = 0; i < names.size(); ++i)
            out << names[i] + u'=' + (q.value(i).isNull() ? u"NULL"_s : q.value(i).toString());
        return out;
    }
    // The goods feed's end: changes after it are what the next drain serves.
    QByteArray goodsHead()
    {
        return data("GET", "/v1/goods?order=desc&limit=1")[u"head_cursor"].toString().toLatin1();
    }
    // The goods the feed serves after `cursor`, by id.
    QHash<qint64, QJsonObject> goodsAfter(QByteArray cursor)
    {
        QHash<qint64, QJsonObject> out;
        for (int guard = 0; guard < 50; ++guard) {
            const QJsonObject d = data("GET", "/v1/goods?cursor=" + cursor);
            for (const QJsonValue& v : d[u"items"].toArray())
                out.insert(v[u"id"].toInteger(), v.toObject());
            cursor = d[u"next_cursor"].toString().toLatin1();
            if (!d[u"has_more"].toBool())
                break;
        }
        return out;
    }
    void verifyStock(const QHash<qint64, QJsonObject>& goods, qint64 id, qint64 available, qint64 locked)
    {
        QVERIFY2(goods.contains(id), "the card change did not mark its goods");
        QCOMPARE(goods[id][u"stock_available"].toInteger(), available);
        QCOMPARE(goods[id][u"stock_locked"].toInteger(), locked);
    }
    QJsonObject lastAudit() const
    {
        QSqlQuery q(QSqlDatabase::database(u"writer"_s, false));
        if (!q.exec(
                u"SELECT action, entity, entity_id, detail, at FROM cardops_audit ORDER BY id DESC LIMIT 1"_s) ||
            !q.next())
            return {};
        return {{u"action"_s, q.value(0).toString()},
                {u"entity"_s, q.value(1).toString()},
                {u"entity_id"_s, q.value(2).toLongLong()},
                {u"detail"_s, QJsonDocument::fromJson(q.value(3).toByteArray()).object()},
                {u"at"_s, q.value(4).toLongLong()}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        CARDOPS_REQUIRE_MARIADB();
        m_keyPrefix = "c";
        QString error;
        QVERIFY2(startDatabase(&error), qPrintable(error));
        // Goods 10 (uploads), 11 (variant: races), 12 (the list), 13 (state changes); main shop.
        exec(u"INSERT INTO acg_commodity (id, category_id, name, price, user_price, status, owner, "
             u"create_time, "
             "code, delivery_way, config) VALUES "
             "(10, 1, '上传', 1.00, 1.00, 1, 0, '2026-11-20 10:00:00', 'CA00000000000010', 0, NULL), "
             "(11, 1, '种类', 1.00, 1.00, 1, 0, '2026-11-20 10:00:00', 'CA00000000000011', 0, "
             "'[category]\\n红色=1.00\\n蓝色=2.00\\n[wholesale]\\n'), "
             "(12, 1, '列表', 1.00, 1.00, 1, 0, '2026-11-20 10:00:00', 'CA00000000000012', 0, "
             "'[category]\\n[wholesale]\\n5=0.90\\n'), "
             "(13, 1, '状态', 1.00, 1.00, 1, 0, '2026-11-20 10:00:00', 'CA00000000000013', 0, NULL), "
             "(14, 1, '并发', 1.00, 1.00, 1, 0, '2026-11-20 10:00:00', 'CA00000000000014', 0, NULL)"_s);
        exec(u"INSERT INTO acg_card (id, owner, commodity_id, secret, create_time, purchase_time, order_id, "
             u"status, "
             "sku) VALUES "
             "(100, 0, 12, '6212345678904401', '2026-11-21 08:00:00', NULL, NULL, 0, '[]'), "
             "(101, 0, 12, 'LK-01', '2026-11-21 08:00:01', NULL, NULL, 2, '[]'), "
             "(102, 1001, 12, 'MERCHANT-1', '2026-11-21 08:00:02', NULL, NULL, 0, '[]'), "
             "(103, 0, 12, '卡密一二三四五六七', '2026-11-21 08:00:03', '2026-11-28 13:14:55', 8, 1, '[]'), "
             "(104, 0, 12, 'VOID-0001', '2026-11-21 08:00:04', '2026-11-22 10:00:00', NULL, 1, '[]'), "
             "(105, 0, 12, 'AB', '2026-11-21 08:00:05', NULL, NULL, 0, '[]'), "
             "(200, 0, 13, 'ST-200', '2026-11-21 09:00:00', NULL, NULL, 0, '[]'), "
             "(201, 0, 13, 'ST-201', '2026-11-21 09:00:00', NULL, NULL, 0, '[]'), "
             "(202, 0, 13, 'ST-202', '2026-11-21 09:00:00', NULL, NULL, 2, '[]'), "
             "(203, 0, 13, 'ST-203', '2026-11-21 09:00:00', '2026-11-28 13:14:55', 9, 1, '[]'), "
             "(204, 0, 13, 'ST-204', '2026-11-21 09:00:00', '2026-11-22 10:00:00', NULL, 1, '[]'), "
             "(300, 0, 14, 'CC-300', '2026-11-21 09:00:00', NULL, NULL, 0, '[]'), "
             "(301, 0, 14, 'CC-301', '2026-11-21 09:00:00', NULL, NULL, 0, '[]'), "
             "(302, 0, 14, 'CC-302', '2026-11-21 09:00:00', NULL, NULL, 0, '[]')"_s);
        // The paid automatic orders that sold cards 103 and 203 (§2.1).
        exec(u"INSERT INTO acg_order (id, owner, user_id, trade_no, amount, commodity_id, card_num, pay_id, "
             "create_time, create_ip, create_device, pay_time, status, secret, contact, delivery_status, "
             "widget) "
             "VALUES (8, 1000, 0, '800261128131455000', 1.00, 12, 1, 1, '2026-11-28 13:14:55', '127.0.0.1', "
             "0, "
             "'2026-11-28 13:14:55', 1, '卡密一二三四五六七', 'a1b2c3d4e5f60718', 1, '[]'), "
             "(9, 1000, 0, '900261128131455000', 1.00, 13, 1, 1, '2026-11-28 13:14:55', '127.0.0.1', 0, "
             "'2026-11-28 13:14:55', 1, 'ST-203', 'a1b2c3d4e5f60718', 1, '[]')"_s);
        QVERIFY2(installBridge(&error), qPrintable(error));
    }
    void cleanupTestCase() { stop(); }

    void helpers()
    {
        QCOMPARE(bridge::cards::shanghaiDateTime(kNow), nowText());
        QCOMPARE(bridge::cards::maskedOf(u"卡密一二三四五六七"_s), u"卡密一二*四五六七"_s);
        QCOMPARE(bridge::cards::maskedOf(u"12345678"_s), u"******78"_s);
        QVERIFY(bridge::cards::isVariantConfig(u"[category]\r\n红色 = 1.00\r\n"_s));
        QVERIFY(bridge::cards::isVariantConfig(u"[wholesale]\n5=1\n[sku]\n颜色=红,蓝\n"_s));
        QVERIFY(!bridge::cards::isVariantConfig(u"[category]\n; none\n[wholesale]\n5=0.90\n"_s));
        QVERIFY(!bridge::cards::isVariantConfig(QString()));
    }

    void capabilities() { QVERIFY(data("GET", "/v1/shop")[u"capabilities"].toArray().contains(u"cards"_s)); }

    void listEveryStatusAndPaging()
    {
        QJsonObject page = data("GET", "/v1/goods/12/cards?limit=2");
        QVERIFY(sync::goodscards::parseListPage(page, 2).ok());
        QJsonArray items = page[u"items"].toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items[0].toObject(),
                 (QJsonObject{{u"id"_s, 100},
                              {u"status"_s, u"available"_s},
                              {u"masked"_s, u"6212********4401"_s},
                              {u"expires_at"_s, 0},
                              {u"order_id"_s, 0},
                              {u"created_at"_s, 1795219200}, // 2026-11-21 08:00:00 +08:00
                              {u"loop"_s, false},
                              {u"fingerprint"_s,
                               QString::fromLatin1(core::cardFingerprint(u"6212345678904401").toHex())}}));
        QCOMPARE(items[1][u"status"].toString(), u"locked"_s);
        QCOMPARE(page[u"next_cursor"].toString(), u"101"_s);
        QCOMPARE(page[u"has_more"].toBool(), true);
        // The merchant's card 102 is skipped; sold and void by order_id.
        page = data("GET", "/v1/goods/12/cards?cursor=101&limit=2");
        items = page[u"items"].toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items[0][u"id"].toInteger(), 103);
        QCOMPARE(items[0][u"status"].toString(), u"sold"_s);
        QCOMPARE(items[0][u"order_id"].toInteger(), 8);
        QCOMPARE(items[0][u"masked"].toString(), u"卡密一二*四五六七"_s);
        QCOMPARE(items[1][u"id"].toInteger(), 104);
        QCOMPARE(items[1][u"status"].toString(), u"void"_s);
        QCOMPARE(items[1][u"order_id"].toInteger(), 0);
        QCOMPARE(page[u"has_more"].toBool(), true);
        page = data("GET", "/v1/goods/12/cards?cursor=104&limit=2");
        QCOMPARE(page[u"items"].toArray().size(), 1);
        QCOMPARE(page[u"items"][0][u"masked"].toString(), u"**"_s);
        QCOMPARE(page[u"next_cursor"].toString(), u"105"_s);
        QCOMPARE(page[u"has_more"].toBool(), false);
        page = data("GET", "/v1/goods/12/cards?cursor=105");
        QCOMPARE(
            page,
            (QJsonObject{{u"items"_s, QJsonArray()}, {u"next_cursor"_s, u"105"_s}, {u"has_more"_s, false}}));
        QCOMPARE(data("GET", "/v1/goods/12/cards")[u"items"].toArray().size(), 5);
        // Refusals, with the simulator's words.
        QCOMPARE(message("GET", "/v1/goods/12/cards?cursor=abc", {}, 400), u"cursor"_s);
        QCOMPARE(message("GET", "/v1/goods/12/cards?limit=0", {}, 400), u"limit"_s);
        QCOMPARE(message("GET", "/v1/goods/12/cards?limit=1001", {}, 400), u"limit"_s);
        QCOMPARE(message("GET", "/v1/goods/12/cards?order=desc", {}, 400), u"order"_s);
        call("GET", "/v1/goods/4/cards", {}, 404); // a merchant's goods
        call("GET", "/v1/goods/999/cards", {}, 404);
    }

    void upload()
    {
        const QByteArray head = goodsHead();
        const QJsonArray lines{
            QJsonObject{{u"secret"_s, u"NEW-A"_s}},
            QJsonObject{{u"secret"_s, u"QB-0001"_s}}, // a card of goods 1
            QJsonObject{{u"secret"_s, u"NEW-A"_s}},   // again within the upload
            QJsonObject{{u"secret"_s, u"<b>x</b>"_s}},
            QJsonObject{{u"secret"_s, u""_s}},
            QJsonObject{{u"secret"_s, u" padded "_s}},
            QJsonObject{{u"secret"_s, u"EXP"_s}, {u"expires_at"_s, 1900000000}},
            QJsonObject{{u"secret"_s, u"LOOP"_s}, {u"loop"_s, true}},
            u"not an object"_s,
            QJsonObject{{u"secret"_s, u"new-a"_s}}, // another card: texts are opaque
            QJsonObject{{u"secret"_s, u"NEW-B"_s}, {u"loop"_s, false}, {u"expires_at"_s, 0}},
            QJsonObject{{u"secret"_s, 5}},
            QJsonObject{{u"secret"_s, QString(300, u'x')}},
            QJsonObject{{u"secret"_s, u"TWO\nLINES"_s}},
            QJsonObject{{u"secret"_s, u"X"_s}, {u"expires_at"_s, u"soon"_s}},
            QJsonObject{{u"secret"_s, u"Y"_s}, {u"loop"_s, 1}},
        };
        const QByteArray body = json(QJsonObject{{u"cards"_s, lines}});
        const qint64 before = one(u"SELECT MAX(id) FROM acg_card"_s).toLongLong();
        const sim::SimResponse first = send("POST", "/v1/goods/10/cards", body, "upload-1");
        QCOMPARE(first.status, 200);
        const QJsonObject d = envelopeOf(first)[u"data"].toObject();
        const qint64 a = before + 1;
        QCOMPARE(
            d[u"items"].toArray(),
            (QJsonArray{item(1, "added", a), item(2, "duplicate", 1), item(3, "duplicate", a),
                        item(4, "invalid", u"markup"_s), item(5, "invalid", u"secret"_s),
                        item(6, "invalid", u"format"_s), item(7, "invalid", u"expires_at_unsupported"_s),
                        item(8, "invalid", u"loop_unsupported"_s), item(9, "invalid", u"secret"_s),
                        item(10, "added", a + 1), item(11, "added", a + 2), item(12, "invalid", u"secret"_s),
                        item(13, "invalid", u"format"_s), item(14, "invalid", u"format"_s),
                        item(15, "invalid", u"expires_at"_s), item(16, "invalid", u"loop"_s)}));
        QCOMPARE(d[u"goods_id"].toInteger(), 10);
        QCOMPARE(d[u"added"].toInteger(), 3);
        QCOMPARE(d[u"duplicate"].toInteger(), 2);
        QCOMPARE(d[u"invalid"].toInteger(), 11);
        QCOMPARE(d[u"stock_available"].toInteger(), 3);
        QVERIFY(sync::goodscards::parseUpload(d, lines.size()).ok());
        // The rows exactly as acg's import writes them (§2.9).
        QCOMPARE(cardRow(a),
                 (QStringList{u"id=%1"_s.arg(a), u"owner=0"_s, u"commodity_id=10"_s, u"draft=NULL"_s,
                              u"secret=NEW-A"_s, u"create_time="_s + nowText(), u"purchase_time=NULL"_s,
                              u"order_id=NULL"_s, u"status=0"_s, u"note=NULL"_s, u"race=NULL"_s, u"sku=[]"_s,
                              u"draft_premium=NULL"_s, u"cost=0.00"_s}));
        QCOMPARE(one(u"SELECT secret FROM acg_card WHERE id = %1"_s.arg(a + 1)).toString(), u"new-a"_s);
        QCOMPARE(one(u"SELECT COUNT(*) FROM acg_card WHERE commodity_id = 10"_s).toInt(), 3);
        QCOMPARE(one(u"SELECT CAST(create_time AS CHAR) FROM acg_card WHERE id = %1"_s.arg(a)).toString(),
                 nowText());
        // Audited with counts only.
        QCOMPARE(
            lastAudit(),
            (QJsonObject{
                {u"action"_s, u"card.import"_s},
                {u"entity"_s, u"goods"_s},
                {u"entity_id"_s, 10},
                {u"detail"_s,
                 QJsonObject{{u"lines"_s, 16}, {u"added"_s, 3}, {u"duplicate"_s, 2}, {u"invalid"_s, 11}}},
                {u"at"_s, kNow}}));
        QCOMPARE(one(u"SELECT COUNT(*) FROM cardops_audit WHERE detail LIKE '%NEW%'"_s).toInt(), 0);
        // The triggers marked the goods: its feed entry serves the new stock.
        verifyStock(goodsAfter(head), 10, 3, 0);
        // The same key again: the first answer, byte for byte, and nothing added.
        const sim::SimResponse again = send("POST", "/v1/goods/10/cards", body, "upload-1");
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, first.body);
        QCOMPARE(one(u"SELECT COUNT(*) FROM acg_card WHERE commodity_id = 10"_s).toInt(), 3);
        // A new key: every line is now a duplicate or invalid.
        const QJsonObject third = data("POST", "/v1/goods/10/cards", body);
        QCOMPARE(third[u"added"].toInteger(), 0);
        QCOMPARE(third[u"duplicate"].toInteger(), 5);
        QCOMPARE(third[u"items"][9].toObject(), item(10, "duplicate", a + 1));
    }

    void uploadRefusals()
    {
        const QByteArray single =
            json(QJsonObject{{u"cards"_s, QJsonArray{QJsonObject{{u"secret"_s, u"R-1"_s}}}}});
        const QJsonObject variant = call("POST", "/v1/goods/11/cards", single, 403);
        QCOMPARE(variant[u"code"].toInt(), 40300);
        QVERIFY(variant[u"message"].toString().contains(u"variant"_s));
        QCOMPARE(message("POST", "/v1/goods/2/cards", single, 400), u"kind"_s); // manual
        QCOMPARE(message("POST", "/v1/goods/3/cards", single, 400), u"kind"_s); // docked
        call("POST", "/v1/goods/4/cards", single, 404);                         // a merchant's goods
        call("POST", "/v1/goods/999/cards", single, 404);
        QCOMPARE(message("POST", "/v1/goods/10/cards", json(QJsonObject{{u"cards"_s, u"R-1"_s}}), 400),
                 u"cards"_s);
        QCOMPARE(message("POST", "/v1/goods/10/cards", json(QJsonObject{{u"cards"_s, QJsonArray()}}), 400),
                 u"cards"_s);
        QCOMPARE(message("POST", "/v1/goods/10/cards", json(QJsonObject{{u"lines"_s, QJsonArray()}}), 400),
                 u"cards"_s);
        QJsonArray many;
        for (int i = 0; i < 10'000; ++i)
            many.append(QJsonObject{{u"secret"_s, u"M-%1"_s.arg(i)}});
        QCOMPARE(message("POST", "/v1/goods/10/cards", json(QJsonObject{{u"cards"_s, many}}), 400),
                 u"cards"_s);
        QCOMPARE(message("POST", "/v1/goods/10/cards", json(many), 400), u"body"_s); // not an object
        QCOMPARE(message("POST", "/v1/goods/10/cards", "{\"cards\":[", 400), u"body"_s);
        QCOMPARE(one(u"SELECT COUNT(*) FROM acg_card WHERE secret LIKE 'R-%' OR secret LIKE 'M-%'"_s).toInt(),
                 0);
        // 1000 lines is the most one request takes.
        QJsonArray full;
        for (int i = 0; i < 1'000; ++i)
            full.append(QJsonObject{{u"secret"_s, u"FULL-%1"_s.arg(i, 4, 10, QChar(u'0'))}});
        const qint64 stock =
            one(u"SELECT COUNT(*) FROM acg_card WHERE commodity_id = 10 AND status = 0"_s).toLongLong();
        QElapsedTimer timer;
        timer.start();
        const QJsonObject d = data("POST", "/v1/goods/10/cards", json(QJsonObject{{u"cards"_s, full}}));
        qInfo("1000 lines uploaded in %lld ms", timer.elapsed());
        QCOMPARE(d[u"added"].toInteger(), 1000);
        QCOMPARE(d[u"stock_available"].toInteger(), stock + 1000);
    }

    void reveal()
    {
        const qint64 audits = one(u"SELECT COUNT(*) FROM cardops_audit"_s).toLongLong();
        QJsonObject d = data("POST", "/v1/cards/1/reveal");
        QCOMPARE(d, (QJsonObject{
                        {u"id"_s, 1}, {u"secret"_s, u"QB-0001"_s}, {u"order_id"_s, 0}, {u"goods_id"_s, 1}}));
        QVERIFY(sync::goodscards::parseReveal(d, 1, 1).ok());
        QCOMPARE(lastAudit(), (QJsonObject{{u"action"_s, u"card.reveal"_s},
                                           {u"entity"_s, u"card"_s},
                                           {u"entity_id"_s, 1},
                                           {u"detail"_s, QJsonObject{{u"goods_id"_s, 1}, {u"order_id"_s, 0}}},
                                           {u"at"_s, kNow}}));
        d = data("POST", "/v1/cards/103/reveal");
        QCOMPARE(d[u"order_id"].toInteger(), 8);
        QVERIFY(sync::platformjson::revealedCard(d, 103).ok());
        // A card a manual order delivered as text: its line of the order's secret.
        const qint64 line = kLine + 6 * bridge::cards::kLinesPerOrder + 1;
        d = data("POST", "/v1/cards/" + QByteArray::number(line) + "/reveal");
        QCOMPARE(d, (QJsonObject{
                        {u"id"_s, line}, {u"secret"_s, u"NE-2"_s}, {u"order_id"_s, 6}, {u"goods_id"_s, 2}}));
        QCOMPARE(one(u"SELECT COUNT(*) FROM cardops_audit"_s).toLongLong(), audits + 3);
        QCOMPARE(one(u"SELECT COUNT(*) FROM cardops_audit WHERE detail LIKE '%QB-%' OR detail LIKE '%NE-%'"_s)
                     .toInt(),
                 0);
        call("POST", "/v1/cards/102/reveal", {}, 404); // a merchant's card
        call("POST", "/v1/cards/99999/reveal", {}, 404);
        call("POST", "/v1/cards/" + QByteArray::number(line + 5) + "/reveal", {}, 404);
        call("POST", "/v1/cards/" + QByteArray::number(kLine + 3 * bridge::cards::kLinesPerOrder) + "/reveal",
             {},
             404); // order 3 got the apology text, no cards
        QCOMPARE(one(u"SELECT COUNT(*) FROM cardops_audit"_s).toLongLong(), audits + 3);
    }

    void lockUnlockVoid()
    {
        QByteArray head = goodsHead();
        const qint64 orderLine = kLine + 6 * bridge::cards::kLinesPerOrder;
        const QList<qint64> ids{200, 200, 202, 203, 204, 99999, orderLine};
        QJsonArray idArray;
        for (qint64 id : ids)
            idArray.append(id);
        QJsonObject d = data("POST", "/v1/cards/lock", json(QJsonObject{{u"ids"_s, idArray}}));
        QCOMPARE(d,
                 (QJsonObject{{u"done"_s, 1},
                              {u"unchanged"_s, 2},
                              {u"refused"_s, 3},
                              {u"not_found"_s, 1},
                              {u"items"_s,
                               QJsonArray{change(200, "done", "locked"), change(200, "unchanged", "locked"),
                                          change(202, "unchanged", "locked"), change(203, "refused", "sold"),
                                          change(204, "refused", "void"), change(99999, "not_found", ""),
                                          change(orderLine, "refused", "sold")}}}));
        QVERIFY(sync::goodscards::parseChange(d, ids).ok());
        QCOMPARE(one(u"SELECT status FROM acg_card WHERE id = 200"_s).toInt(), 2);
        QCOMPARE(lastAudit()[u"action"].toString(), u"card.lock"_s);
        QCOMPARE(lastAudit()[u"entity_id"].toInteger(), 13);
        QCOMPARE(lastAudit()[u"detail"].toObject(), (QJsonObject{{u"ids"_s, QJsonArray{200}}}));
        verifyStock(goodsAfter(head), 13, 1, 2);

        head = goodsHead();
        d = data("POST", "/v1/cards/unlock", "{\"ids\":[200,201,203]}");
        QCOMPARE(d[u"items"].toArray(),
                 (QJsonArray{change(200, "done", "available"), change(201, "unchanged", "available"),
                             change(203, "refused", "sold")}));
        QCOMPARE(one(u"SELECT status FROM acg_card WHERE id = 200"_s).toInt(), 0);
        verifyStock(goodsAfter(head), 13, 2, 1);

        // void = acg's 标记已售: status 1, purchase_time now, no order. A locked card too (its
        // unlock and mark-sold in one step, as the simulator's void of a locked card).
        head = goodsHead();
        d = data("POST", "/v1/cards/void", "{\"ids\":[201,202,203,204,201]}");
        QCOMPARE(d[u"items"].toArray(),
                 (QJsonArray{change(201, "done", "void"), change(202, "done", "void"),
                             change(203, "refused", "sold"), change(204, "unchanged", "void"),
                             change(201, "unchanged", "void")}));
        QCOMPARE(d[u"done"].toInteger(), 2);
        for (qint64 id : {201, 202}) {
            QCOMPARE(one(u"SELECT status FROM acg_card WHERE id = %1"_s.arg(id)).toInt(), 1);
            QVERIFY(one(u"SELECT order_id FROM acg_card WHERE id = %1"_s.arg(id)).isNull());
            QCOMPARE(
                one(u"SELECT CAST(purchase_time AS CHAR) FROM acg_card WHERE id = %1"_s.arg(id)).toString(),
                nowText());
        }
        QCOMPARE(one(u"SELECT CAST(purchase_time AS CHAR) FROM acg_card WHERE id = 203"_s).toString(),
                 u"2026-11-28 13:14:55"_s);
        verifyStock(goodsAfter(head), 13, 1, 0);
        QCOMPARE(data("GET", "/v1/goods/13/cards")[u"items"][1][u"status"].toString(), u"void"_s);
        // A void card cannot come back.
        d = data("POST", "/v1/cards/unlock", "{\"ids\":[202]}");
        QCOMPARE(d[u"items"][0].toObject(), change(202, "refused", "void"));
        d = data("POST", "/v1/cards/lock", "{\"ids\":[201]}");
        QCOMPARE(d[u"items"][0].toObject(), change(201, "refused", "void"));
        // A merchant's card is not the main shop's.
        d = data("POST", "/v1/cards/lock", "{\"ids\":[102]}");
        QCOMPARE(d[u"items"][0].toObject(), change(102, "not_found", ""));
        QCOMPARE(one(u"SELECT status FROM acg_card WHERE id = 102"_s).toInt(), 0);
    }

    void concurrentChanges()
    {
        // Two bridges, each with its own connection in its own thread: one voids 300, 301 while the
        // other locks them in the opposite order. The goods row is locked first, so they serialise.
        const bridge::BridgeConfig config = m_server.config();
        const QByteArray epoch =
            data("GET", "/v1/goods?limit=1")[u"next_cursor"].toString().section(u'-', 0, 0).toLatin1();
        std::latch ready(2);
        QJsonObject answers[2];
        auto run = [&](int i, QByteArray path, QByteArray body) {
            bridge::BridgeDb db(config, u"racer%1"_s.arg(i));
            if (!db.open().ok())
                return;
            bridge::BridgeApi api(db, epoch, [] { return kNow; });
            sim::SimRequest r = signedRequest("POST", path, kNow, body);
            r.headers.append({"Idempotency-Key", "race-" + QByteArray::number(i)});
            ready.arrive_and_wait();
            answers[i] = envelopeOf(api.handle(r))[u"data"].toObject();
        };
        std::thread a(run, 0, "/v1/cards/void", "{\"ids\":[300,301]}");
        std::thread b(run, 1, "/v1/cards/lock", "{\"ids\":[301,300]}");
        a.join();
        b.join();
        QCOMPARE(answers[0][u"done"].toInteger(), 2); // available or locked: void either way
        const qint64 locked = answers[1][u"done"].toInteger();
        QVERIFY2(locked == 2 ? answers[1][u"refused"].toInteger() == 0
                             : answers[1][u"refused"].toInteger() == 2,
                 QJsonDocument(answers[1]).toJson().constData());
        QCOMPARE(
            one(u"SELECT GROUP_CONCAT(status ORDER BY id) FROM acg_card WHERE id IN (300, 301)"_s).toString(),
            u"1,1"_s);

        // An acg purchase holds the goods row and sells 302 (§2.1) while the bridge locks 302: the
        // bridge waits for the goods row, then sees the card sold and refuses.
        exec(u"START TRANSACTION"_s);
        exec(u"SELECT id FROM acg_commodity WHERE id = 14 FOR UPDATE"_s);
        exec(
            u"UPDATE acg_card SET status = 1, order_id = 9, purchase_time = '2026-11-29 05:06:40' WHERE id = 302"_s);
        std::latch started(1);
        QJsonObject answer;
        std::thread c([&] {
            bridge::BridgeDb db(config, u"racer2"_s);
            if (!db.open().ok())
                return;
            bridge::BridgeApi api(db, epoch, [] { return kNow; });
            sim::SimRequest r = signedRequest("POST", "/v1/cards/lock", kNow, "{\"ids\":[302]}");
            r.headers.append({QByteArray("Idempotency-Key"), QByteArray("race-2")});
            started.count_down();
            answer = envelopeOf(api.handle(r))[u"data"].toObject();
        });
        started.wait();
        QThread::msleep(300);
        exec(u"COMMIT"_s);
        c.join();
        QCOMPARE(answer[u"items"][0].toObject(), change(302, "refused", "sold"));
        QCOMPARE(one(u"SELECT status FROM acg_card WHERE id = 302"_s).toInt(), 1);
    }

    void changeRefusals_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("missing") << QByteArray("{}");
        QTest::newRow("not an array") << QByteArray("{\"ids\":200}");
        QTest::newRow("empty") << QByteArray("{\"ids\":[]}");
        QTest::newRow("text id") << QByteArray("{\"ids\":[\"200\"]}");
        QTest::newRow("fraction") << QByteArray("{\"ids\":[200.5]}");
        QTest::newRow("zero") << QByteArray("{\"ids\":[0]}");
        QTest::newRow("negative") << QByteArray("{\"ids\":[-1]}");
        QTest::newRow("huge") << QByteArray("{\"ids\":[1e300]}");
        QJsonArray many;
        for (int i = 1; i <= 1001; ++i)
            many.append(i);
        QTest::newRow("1001 ids") << json(QJsonObject{{u"ids"_s, many}});
    }
    void changeRefusals()
    {
        QFETCH(QByteArray, body);
        for (const char* path : {"/v1/cards/lock", "/v1/cards/unlock", "/v1/cards/void"})
            QCOMPARE(message("POST", path, body, 400), u"ids"_s);
        QCOMPARE(one(u"SELECT status FROM acg_card WHERE id = 200"_s).toInt(), 0);
    }

    void orderCards()
    {
        QJsonObject d = data("GET", "/v1/orders/1/cards");
        QCOMPARE(d, (QJsonObject{{u"items"_s, QJsonArray{QJsonObject{{u"id"_s, 5},
                                                                     {u"status"_s, u"sold"_s},
                                                                     {u"masked"_s, u"*****05"_s},
                                                                     {u"expires_at"_s, 0},
                                                                     {u"order_id"_s, 1},
                                                                     {u"created_at"_s, 1793581200}}}}}));
        QVERIFY(sync::platformjson::orderCards(d, 1).ok());
        d = data("GET", "/v1/orders/8/cards");
        QCOMPARE(d[u"items"].toArray().size(), 1);
        QCOMPARE(d[u"items"][0][u"id"].toInteger(), 103);
        QCOMPARE(d[u"items"][0][u"created_at"].toInteger(), 1795219203);
        // A delivered manual order: its text, one card per line, at the pay time.
        d = data("GET", "/v1/orders/6/cards");
        const QJsonArray lines = d[u"items"].toArray();
        QCOMPARE(lines.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(lines[i].toObject(),
                     (QJsonObject{{u"id"_s, kLine + 6 * bridge::cards::kLinesPerOrder + i},
                                  {u"status"_s, u"sold"_s},
                                  {u"masked"_s, QString(u"**-"_s + QString::number(i + 1))},
                                  {u"expires_at"_s, 0},
                                  {u"order_id"_s, 6},
                                  {u"created_at"_s, 1795795205}}));
        QVERIFY(sync::platformjson::orderCards(d, 6).ok());
        QCOMPARE(data("GET", "/v1/orders/7/cards")[u"items"].toArray().size(), 1); // docked: upstream's text
        QCOMPARE(data("GET", "/v1/orders/3/cards")[u"items"].toArray(), QJsonArray()); // apology, no cards
        QCOMPARE(data("GET", "/v1/orders/2/cards")[u"items"].toArray(), QJsonArray()); // not delivered yet
        QCOMPARE(data("GET", "/v1/orders/4/cards")[u"items"].toArray(), QJsonArray()); // unpaid
        call("GET", "/v1/orders/5/cards", {}, 404);                                    // a merchant's sale
        call("GET", "/v1/orders/999/cards", {}, 404);
        QCOMPARE(message("GET", "/v1/orders/1/cards?limit=5", {}, 400), u"limit"_s);
    }
};

QTEST_GUILESS_MAIN(TestBridgeCards)
#include "tst_bridgecards.moc"
