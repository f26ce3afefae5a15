#include "sync/feedingest.h"
#include "sync/platformjson.h"

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
};

QTEST_GUILESS_MAIN(TestPlatformJson)
#include "tst_platformjson.moc"
