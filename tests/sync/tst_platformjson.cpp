#include "sync/cardrequests.h"
#include "sync/feedingest.h"
#include "sync/platformjson.h"
#include "sync/transport/requestbuilder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace cardops;
using core::ErrorCode;
namespace pj = sync::platformjson;

namespace {

QJsonObject object(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

const QByteArray kOrder =
    R"({"id":1000001,"order_no":"20261128123456000001","member_id":88,"goods_id":17,"quantity":1,
 "unit_price":"98.5000","amount":"98.5000","paid_amount":"98.5000","cost_at_order":"95.2000",
 "pay_channel":"alipay","charge_account":"","contact":"","status":"delivered","handed_over":false,
 "review_reason":"","delivered_at":1764290100,"revealed_at":0,"refund_amount":"0.0000",
 "created_at":1764290000,"paid_at":1764290030,"version":3,"updated_at":1764290100})";

const QByteArray kGoods =
    R"({"id":17,"sku":"QB-100","name":"腾讯Q币 100元","category_id":3,"sort":0,"kind":"card",
 "card_format":"number_password","card_separator":" ","face_value":"100.0000","price":"98.5000",
 "tier_prices":{"2":"97.0000"},"contract_prices":[{"member_id":88,"price":"96.0000"}],
 "cost":"95.2000","supplier_links":[{"protocol":"fulu","product_ref":"10000587","priority":1}],
 "fulfilment_owner":"platform","stock_available":120,"stock_locked":2,"low_stock_threshold":20,
 "status":"on","listing":{"title":"腾讯Q币 100元 | 秒到账","spec":"100元/张","description":"…"},
 "version":9,"updated_at":1764290000})";

const QByteArray kCard = "{\"id\":10000010000,\"status\":\"sold\",\"masked\":\"1234********3456 "
                         "ABCD********NPQR\",\"expires_at\":1800000000,\"order_id\":1000001,"
                         "\"created_at\":1764290000}";

const QByteArray kReveal = "{\"id\":10000010000,\"secret\":\"1234567890123456 ABCDEFGHJKLMNPQR\","
                           "\"order_id\":1000001}";

QJsonValue value(const QByteArray& json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    return doc.isObject() ? QJsonValue(doc.object()) : doc.isArray() ? QJsonValue(doc.array()) : QJsonValue();
}

QByteArray cardList(const QList<QByteArray>& cards)
{
    return "{\"items\":[" + cards.join(',') + "]}";
}

} // namespace

class TestPlatformJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void documentedOrderParses()
    {
        auto o = pj::order(object(kOrder));
        QVERIFY2(o.ok(), qPrintable(o.ok() ? QString() : o.error().detail));
        QCOMPARE(o->id, 1000001);
        QCOMPARE(o->orderNo, QStringLiteral("20261128123456000001"));
        QCOMPARE(o->paidAmount.units(), 985000);
        QCOMPARE(o->costAtOrder.units(), 952000);
        QCOMPARE(o->status, QStringLiteral("delivered"));
        QCOMPARE(o->version, 3);
    }

    void documentedGoodsParses()
    {
        auto g = pj::goods(object(kGoods));
        QVERIFY2(g.ok(), qPrintable(g.ok() ? QString() : g.error().detail));
        QCOMPARE(g->price.units(), 985000);
        QCOMPARE(g->tierPrices, QByteArrayLiteral(R"({"2":"97.0000"})"));
        QCOMPARE(g->listingSpec, QStringLiteral("100元/张"));
        QCOMPARE(g->stockLocked, 2);
    }

    void hostileOrderFieldsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::newRow("money as a float")
            << QByteArray(R"("paid_amount":"98.5000")") << QByteArray(R"("paid_amount":98.5)");
        QTest::newRow("5 decimal places")
            << QByteArray(R"("amount":"98.5000")") << QByteArray(R"("amount":"98.50001")");
        QTest::newRow("money overflow")
            << QByteArray(R"("amount":"98.5000")") << QByteArray(R"("amount":"99999999999999999999.0000")");
        QTest::newRow("negative id") << QByteArray(R"("id":1000001)") << QByteArray(R"("id":-1)");
        QTest::newRow("fractional version") << QByteArray(R"("version":3)") << QByteArray(R"("version":3.5)");
        QTest::newRow("id beyond 2^53") << QByteArray(R"("id":1000001)") << QByteArray(R"("id":1e300)");
        QTest::newRow("unknown status")
            << QByteArray(R"("status":"delivered")") << QByteArray(R"("status":"hacked")");
        QTest::newRow("order_no as number") << QByteArray(R"("order_no":"20261128123456000001")")
                                            << QByteArray(R"("order_no":20261128123456000001)");
        QTest::newRow("missing version") << QByteArray(R"("version":3,)") << QByteArray("");
        QTest::newRow("bool as string")
            << QByteArray(R"("handed_over":false)") << QByteArray(R"("handed_over":"no")");
    }
    void hostileOrderFieldsAreRefused()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QByteArray json = kOrder;
        QVERIFY(json.contains(from));
        json.replace(from, to);
        const QJsonObject o = object(json);
        QVERIFY(!o.isEmpty());
        auto parsed = pj::order(o);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::Parse);
    }

    // docs/platform-api.md "Tombstones": every feed may carry a deleted entity.
    void tombstonesParseOnEveryFeed()
    {
        const QByteArray t = R"({"id":3,"deleted":true,"version":4,"updated_at":1764290500})";
        const auto page = [](const QByteArray& items) {
            return value(R"({"items":[)" + items + R"(],"next_cursor":"c9","has_more":false})");
        };
        auto c = pj::categoriesPage(page(t));
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().detail));
        QVERIFY(c->items.first().deleted);
        QCOMPARE(c->items.first().id, 3);
        QCOMPARE(c->items.first().version, 4);
        QCOMPARE(c->items.first().updatedAt, 1764290500);
        QVERIFY(pj::membersPage(page(t))->items.first().deleted);
        QVERIFY(pj::ledgerPage(page(t))->items.first().deleted);
        QVERIFY(pj::withdrawalsPage(page(t))->items.first().deleted);
        // A full item and a tombstone in one page; "deleted":false is a full item.
        QByteArray live = kGoods;
        live.replace(R"("id":17,)", R"("id":17,"deleted":false,)");
        auto g = pj::goodsPage(page(live + ',' + t));
        QVERIFY2(g.ok(), qPrintable(g.ok() ? QString() : g.error().detail));
        QCOMPARE(g->items.size(), 2);
        QVERIFY(!g->items.at(0).deleted);
        QCOMPARE(g->items.at(0).sku, QStringLiteral("QB-100"));
        QVERIFY(g->items.at(1).deleted);
        auto o = pj::ordersPage(page(
            R"({"id":1000001,"deleted":true,"status":"cancelled","version":4,"updated_at":1764290500})"));
        QVERIFY2(o.ok(), qPrintable(o.ok() ? QString() : o.error().detail));
        QVERIFY(o->items.first().deleted);
        QCOMPARE(o->items.first().status, QStringLiteral("cancelled"));
        QCOMPARE(o->items.first().id, 1000001);
        // Through the one ingest path of a sync: the page parses and its job is ready.
        auto prepared = sync::preparePage(core::Feed::Orders,
                                          page(R"({"id":5,"deleted":true,"status":"cancelled","version":2,)"
                                               R"("updated_at":1})"),
                                          false, {});
        QVERIFY(prepared.ok());
        QCOMPARE(prepared->info.count, 1);
    }

    void hostileTombstonesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("item");
        QTest::newRow("deleted without id")
            << QByteArray(R"({"deleted":true,"status":"cancelled","version":4,"updated_at":1})");
        QTest::newRow("id 0") << QByteArray(
            R"({"id":0,"deleted":true,"status":"cancelled","version":4,"updated_at":1})");
        QTest::newRow("id as text") << QByteArray(
            R"({"id":"7","deleted":true,"status":"cancelled","version":4,"updated_at":1})");
        QTest::newRow("deleted as text")
            << QByteArray(R"({"id":7,"deleted":"yes","status":"cancelled","version":4,"updated_at":1})");
        QTest::newRow("deleted as 1")
            << QByteArray(R"({"id":7,"deleted":1,"status":"cancelled","version":4,"updated_at":1})");
        QTest::newRow("deleted null")
            << QByteArray(R"({"id":7,"deleted":null,"status":"cancelled","version":4,"updated_at":1})");
        QTest::newRow("without version")
            << QByteArray(R"({"id":7,"deleted":true,"status":"cancelled","updated_at":1})");
        QTest::newRow("version 0") << QByteArray(
            R"({"id":7,"deleted":true,"status":"cancelled","version":0,"updated_at":1})");
        QTest::newRow("without updated_at")
            << QByteArray(R"({"id":7,"deleted":true,"status":"cancelled","version":4})");
        QTest::newRow("order without status")
            << QByteArray(R"({"id":7,"deleted":true,"version":4,"updated_at":1})");
        QTest::newRow("order status not cancelled")
            << QByteArray(R"({"id":7,"deleted":true,"status":"paid","version":4,"updated_at":1})");
        QTest::newRow("deleted false is a full item")
            << QByteArray(R"({"id":7,"deleted":false,"status":"cancelled","version":4,"updated_at":1})");
    }
    void hostileTombstonesAreRefused()
    {
        QFETCH(QByteArray, item);
        QVERIFY(!object(item).isEmpty());
        // One good item first: the whole page is refused, nothing of it is handed on.
        auto parsed = pj::ordersPage(
            value("{\"items\":[" + kOrder + ',' + item + "],\"next_cursor\":\"c9\",\"has_more\":false}"));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::Parse);
        QVERIFY2(parsed.error().detail.startsWith(QStringLiteral("order.")),
                 qPrintable(parsed.error().detail));
        auto prepared = sync::preparePage(
            core::Feed::Orders, value("{\"items\":[" + item + "],\"next_cursor\":\"c9\",\"has_more\":false}"),
            false, {});
        QVERIFY(!prepared.ok());
    }

    // An answer about one entity (PATCH, an order action) is never a tombstone.
    void singleEntityAnswerIsNeverATombstone()
    {
        auto o =
            pj::order(object(R"({"id":7,"deleted":true,"status":"cancelled","version":4,"updated_at":1})"));
        QVERIFY(!o.ok());
        QCOMPARE(o.error().code, ErrorCode::Parse);
        auto g = pj::goods(object(R"({"id":7,"deleted":true,"version":4,"updated_at":1})"));
        QVERIFY(!g.ok());
    }

    void oneBadItemRefusesTheWholePage()
    {
        QByteArray bad = kOrder;
        bad.replace(R"("status":"delivered")", R"("status":1)");
        const QByteArray page =
            "{\"items\":[" + kOrder + "," + bad + "],\"next_cursor\":\"9\",\"has_more\":false}";
        auto prepared = sync::preparePage(core::Feed::Orders, object(page), false, QString());
        QVERIFY(!prepared.ok());
        QCOMPARE(prepared.error().code, ErrorCode::Parse);
        QVERIFY(prepared.error().detail.contains(u"status"));
    }

    void pageShapeIsChecked_data()
    {
        QTest::addColumn<QByteArray>("page");
        QTest::newRow("items not an array")
            << QByteArray(R"({"items":{},"next_cursor":"1","has_more":false})");
        QTest::newRow("no cursor") << QByteArray(R"({"items":[],"has_more":false})");
        QTest::newRow("cursor as number") << QByteArray(R"({"items":[],"next_cursor":1,"has_more":false})");
        QTest::newRow("item not an object")
            << QByteArray(R"({"items":[1],"next_cursor":"1","has_more":false})");
        QTest::newRow("not an object") << QByteArray(R"([])");
    }
    void pageShapeIsChecked()
    {
        QFETCH(QByteArray, page);
        const QJsonDocument doc = QJsonDocument::fromJson(page);
        const QJsonValue data = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        auto prepared = sync::preparePage(core::Feed::Orders, data, false, QString());
        QVERIFY(!prepared.ok());
    }

    void headCursorIsRead()
    {
        const QByteArray page =
            "{\"items\":[" + kOrder + R"(],"next_cursor":"41","has_more":true,"head_cursor":"99"})";
        auto p = pj::ordersPage(object(page));
        QVERIFY(p.ok());
        QCOMPARE(p->nextCursor, QStringLiteral("41"));
        QCOMPARE(p->headCursor, QStringLiteral("99"));
        QVERIFY(p->hasMore);
        QCOMPARE(p->items.size(), 1);
    }

    void shopCarriesTheLease()
    {
        const QByteArray shop =
            R"({"name":"演示卡盟","platform_time":1764300000,"balance":"12.3400","api_version":1,
            "capabilities":["orders","lease"],"fulfilment":{"holder":"console-7f3a","expires_at":1764300042}})";
        auto s = pj::shop(object(shop));
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().detail));
        QCOMPARE(s->leaseHolder, QStringLiteral("console-7f3a"));
        QCOMPARE(s->leaseExpiresAt, 1764300042);
        // Older platforms say nothing about the lease: nobody holds it as far as the console knows.
        auto plain = pj::shop(object(R"({"name":"x","platform_time":1,"balance":"0","api_version":1})"));
        QVERIFY(plain.ok());
        QVERIFY(plain->leaseHolder.isEmpty());
        // A lease that is not an object, or whose fields have the wrong type, is refused.
        QVERIFY(!pj::shop(
                     object(R"({"name":"x","platform_time":1,"balance":"0","api_version":1,"fulfilment":7})"))
                     .ok());
        QVERIFY(!pj::shop(object(R"({"name":"x","platform_time":1,"balance":"0","api_version":1,
            "fulfilment":{"holder":5,"expires_at":1}})"))
                     .ok());
    }

    void tierLadderParsesRates()
    {
        auto l = pj::tierLadder(object(R"({"items":[{"id":1,"name":"普通会员","rank":1,"discount":"98.5%",
            "commission_rates":["1%","0.5%"],"upgrade":{"own_gmv_30d":"0.0000"},"version":1}],"version":3})"));
        QVERIFY2(l.ok(), qPrintable(l.ok() ? QString() : l.error().detail));
        QCOMPARE(l->version, 3);
        QCOMPARE(l->tiers.first().discount.ppm(), 985000);
        QCOMPARE(l->tiers.first().commissionRates, QByteArrayLiteral(R"(["1%","0.5%"])"));
    }

    void documentedCardsParse()
    {
        QByteArray second = kCard;
        second.replace("10000010000", "10000010001");
        second.replace("\"sold\"", "\"void\"");
        second.replace("\"expires_at\":1800000000,", "");
        auto cards = pj::orderCards(value(cardList({kCard, second})), 1000001);
        QVERIFY2(cards.ok(), qPrintable(cards.ok() ? QString() : cards.error().detail));
        QCOMPARE(cards->size(), 2);
        QCOMPARE(cards->first().id, 10000010000);
        QCOMPARE(cards->first().status, QStringLiteral("sold"));
        QCOMPARE(cards->first().masked, QStringLiteral("1234********3456 ABCD********NPQR"));
        QCOMPARE(cards->first().expiresAt, 1800000000);
        QCOMPARE(cards->first().orderId, 1000001);
        QCOMPARE(cards->first().createdAt, 1764290000);
        QCOMPARE(cards->last().status, QStringLiteral("void"));
        QCOMPARE(cards->last().expiresAt, 0); // absent: no expiry
        auto none = pj::orderCards(value("{\"items\":[]}"), 1000001);
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty());
    }

    void hostileCardFieldsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::newRow("id as text") << QByteArray("\"id\":10000010000")
                                    << QByteArray("\"id\":\"10000010000\"");
        QTest::newRow("id zero") << QByteArray("\"id\":10000010000") << QByteArray("\"id\":0");
        QTest::newRow("id beyond 2^53") << QByteArray("\"id\":10000010000") << QByteArray("\"id\":1e300");
        QTest::newRow("missing id") << QByteArray("\"id\":10000010000,") << QByteArray("");
        QTest::newRow("unknown status") << QByteArray("\"sold\"") << QByteArray("\"plain\"");
        QTest::newRow("status as number") << QByteArray("\"status\":\"sold\"") << QByteArray("\"status\":3");
        QTest::newRow("masked as number")
            << QByteArray("\"masked\":\"1234********3456 ABCD********NPQR\"") << QByteArray("\"masked\":12");
        QTest::newRow("masked null") << QByteArray("\"masked\":\"1234********3456 ABCD********NPQR\"")
                                     << QByteArray("\"masked\":null");
        QTest::newRow("missing masked")
            << QByteArray("\"masked\":\"1234********3456 ABCD********NPQR\",") << QByteArray("");
        QTest::newRow("masked too long") << QByteArray("\"masked\":\"1234********3456 ABCD********NPQR\"")
                                         << "\"masked\":\"" + QByteArray(1025, '*') + '"';
        QTest::newRow("expiry as text")
            << QByteArray("\"expires_at\":1800000000") << QByteArray("\"expires_at\":\"2027\"");
        QTest::newRow("negative created_at")
            << QByteArray("\"created_at\":1764290000") << QByteArray("\"created_at\":-5");
        QTest::newRow("fractional created_at")
            << QByteArray("\"created_at\":1764290000") << QByteArray("\"created_at\":1.5");
        QTest::newRow("missing order_id") << QByteArray("\"order_id\":1000001,") << QByteArray("");
    }
    void hostileCardFieldsAreRefused()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QByteArray json = kCard;
        QVERIFY(json.contains(from));
        json.replace(from, to);
        QVERIFY(!object(json).isEmpty());
        auto one = pj::card(object(json));
        QVERIFY(!one.ok());
        QCOMPARE(one.error().code, ErrorCode::Parse);
        // One bad card refuses the whole list.
        auto list = pj::orderCards(value(cardList({kCard, json})), 1000001);
        QVERIFY(!list.ok());
        QCOMPARE(list.error().code, ErrorCode::Parse);
    }

    void cardListShapeIsChecked_data()
    {
        QByteArray other = kCard;
        other.replace("\"order_id\":1000001", "\"order_id\":1000002");
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("not an object") << QByteArray("[]");
        QTest::newRow("no items") << QByteArray("{}");
        QTest::newRow("items not an array") << QByteArray("{\"items\":{}}");
        QTest::newRow("items as text") << QByteArray("{\"items\":\"[]\"}");
        QTest::newRow("item not an object") << cardList({kCard, "7"});
        QTest::newRow("null item") << cardList({"null"});
        QTest::newRow("card of another order") << cardList({kCard, other});
        QTest::newRow("the same card twice") << cardList({kCard, kCard});
    }
    void cardListShapeIsChecked()
    {
        QFETCH(QByteArray, data);
        auto cards = pj::orderCards(value(data), 1000001);
        QVERIFY(!cards.ok());
        QCOMPARE(cards.error().code, ErrorCode::Parse);
    }

    void hugeCardListsAreRefused()
    {
        auto listOf = [](qsizetype n) {
            QList<QByteArray> cards;
            cards.reserve(n);
            for (qsizetype i = 0; i < n; ++i) {
                QByteArray c = kCard;
                c.replace("10000010000", QByteArray::number(10000010000LL + i));
                cards.append(c);
            }
            return cardList(cards);
        };
        auto most = pj::orderCards(value(listOf(pj::kMaxOrderCards)), 1000001);
        QVERIFY(most.ok());
        QCOMPARE(most->size(), pj::kMaxOrderCards);
        auto tooMany = pj::orderCards(value(listOf(pj::kMaxOrderCards + 1)), 1000001);
        QVERIFY(!tooMany.ok());
        QVERIFY(tooMany.error().detail.contains(u"more than"));
    }

    void revealedCardParses()
    {
        auto r = pj::revealedCard(value(kReveal), 10000010000);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
        QCOMPARE(r->secret, QStringLiteral("1234567890123456 ABCDEFGHJKLMNPQR"));
        QCOMPARE(r->orderId, 1000001);
        QVERIFY(!pj::revealedCard(value(kReveal), 10000010001).ok()); // not the card asked for
    }

    void hostileRevealsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("data");
        const QByteArray secret = "\"secret\":\"1234567890123456 ABCDEFGHJKLMNPQR\"";
        auto with = [&](const QByteArray& from, const QByteArray& to) {
            QByteArray json = kReveal;
            json.replace(from, to);
            return json;
        };
        QTest::newRow("not an object") << QByteArray("[\"1234\"]");
        QTest::newRow("secret as number") << with(secret, "\"secret\":1234567890123456");
        QTest::newRow("secret null") << with(secret, "\"secret\":null");
        QTest::newRow("empty secret") << with(secret, "\"secret\":\"\"");
        QTest::newRow("missing secret") << with(secret + ',', "");
        QTest::newRow("secret too long") << with(secret, "\"secret\":\"" + QByteArray(4097, 'A') + '"');
        QTest::newRow("id as text") << with("\"id\":10000010000", "\"id\":\"10000010000\"");
        QTest::newRow("order_id zero") << with("\"order_id\":1000001", "\"order_id\":0");
        QTest::newRow("missing order_id") << with(",\"order_id\":1000001", "");
    }
    void hostileRevealsAreRefused()
    {
        QFETCH(QByteArray, data);
        auto r = pj::revealedCard(value(data), 10000010000);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Parse);
        QVERIFY(!r.error().detail.contains(u"ABCDEFGHJKLMNPQR")); // a secret never lands in an error
    }

    void cardRequestsAreWhatTheTransportSends()
    {
        const sync::Request list = sync::cards::orderCardsRequest(1000001);
        QCOMPARE(list.method, QByteArray("GET"));
        QCOMPARE(list.path, QByteArray("/v1/orders/1000001/cards"));
        QVERIFY(!sync::PlatformTransport::checkRequest(list).has_value());
        const QByteArray key = sync::cards::newRevealKey();
        QVERIFY(sync::wire::isValidIdempotencyKey(key));
        QVERIFY(key != sync::cards::newRevealKey());
        const sync::Request reveal = sync::cards::revealRequest(10000010000, key);
        QCOMPARE(reveal.method, QByteArray("POST"));
        QCOMPARE(reveal.path, QByteArray("/v1/cards/10000010000/reveal"));
        QCOMPARE(reveal.idempotencyKey, key);
        QVERIFY(reveal.body.isEmpty());
        QVERIFY(!sync::PlatformTransport::checkRequest(reveal).has_value());
    }
};

QTEST_GUILESS_MAIN(TestPlatformJson)
#include "tst_platformjson.moc"
