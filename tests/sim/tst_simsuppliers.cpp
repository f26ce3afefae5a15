// cardops-sim's supplier roles over real loopback HTTP: the Fulu gateway (protocols.md §1) and the
// acg-faka shared store (§2), their vectors checked on the server side, every method and endpoint,
// the Fulu order state machine, and acg-faka's synchronous trade.
#include "core/cipher.h"
#include "tests/sim/supplierclient.h"

#include <QRegularExpression>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using test::AcgClient;
using test::FuluClient;
using test::HttpReply;
using Fulu = sim::FuluState;

namespace {

constexpr char kSteam[] = "8AE80574F3CA"; // the §2.1 vector's goods: 40 cards at user_price 49.50
constexpr char kIqiyi[] = "3F2C9B1D7E40"; // goods with races 月卡 / 季卡 / 年卡
constexpr char kManual[] = "E4B9027C6F15";
constexpr char kStopped[] = "F7A3C8D2B160";

QByteArray fuluTestBody(const QByteArray& biz)
{
    QByteArray b =
        "{\"app_key\":\"" + Fulu::kAppKey.toByteArray() +
        "\",\"method\":\"fulu.goods.info.get\",\"timestamp\":\"2025-11-28 11:20:00\",\"version\":\"2.0\","
        "\"format\":\"json\",\"charset\":\"utf-8\",\"sign_type\":\"md5\",\"app_auth_token\":\"\","
        "\"biz_content\":\"" +
        biz + "\"}";
    const QByteArray sign = core::signing::fuluBodySign(b, Fulu::kAppSecret);
    b.chop(1);
    return b + ",\"sign\":\"" + sign + "\"}";
}

QByteArray cardAdd(const QByteArray& product, int buyNum, const QByteArray& number)
{
    return "{\"product_id\":" + product + ",\"buy_num\":" + QByteArray::number(buyNum) +
           ",\"customer_order_no\":\"" + number + "\"}";
}

QByteArray directAdd(qint64 product, int buyNum, const QByteArray& number, const QByteArray& account)
{
    return "{\"product_id\":" + QByteArray::number(product) + ",\"customer_order_no\":\"" + number +
           "\",\"charge_account\":\"" + account + "\",\"buy_num\":" + QByteArray::number(buyNum) + '}';
}

QByteArray orderNo(const QByteArray& number)
{
    return "{\"customer_order_no\":\"" + number + "\"}";
}

} // namespace

class TestSimSuppliers : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<core::ManualClock> m_clock;
    std::unique_ptr<sim::SimServer> m_server;
    std::unique_ptr<FuluClient> m_fulu;
    std::unique_ptr<AcgClient> m_acg;

    Fulu& fulu() { return m_server->suppliers().fulu(); }
    sim::AcgFakaState& acg() { return m_server->suppliers().acgFaka(); }
    QString state(const QByteArray& number)
    {
        return m_fulu->call("fulu.order.info.get", orderNo(number))
            .resultObject()
            .value(u"order_state")
            .toString();
    }
    AcgClient::Fields tradeFields(const QByteArray& code, int num, const QByteArray& requestNo,
                                  const QByteArray& race = {})
    {
        return {{"shared_code", code},
                {"contact", "buyer@example.com"},
                {"num", QByteArray::number(num)},
                {"race", race},
                {"request_no", requestNo}};
    }

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<core::ManualClock>(test::kSupplierTestStartMs);
        m_server = test::startSupplierServer(*m_clock);
        const quint16 port = m_server->listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        m_fulu = std::make_unique<FuluClient>(port);
        m_acg = std::make_unique<AcgClient>(port);
        fulu().setTiming({1000, 3000, 0});
    }
    void cleanup()
    {
        m_fulu.reset();
        m_acg.reset();
        m_server.reset();
    }

    void fuluRequestVectorsAccepted()
    {
        // §1.2: requests signed exactly as the vectors are accepted by the gateway.
        const QDateTime at(QDate(2024, 1, 1), QTime(12, 0), QTimeZone(28800));
        const auto info = core::signing::buildFuluRequest(
            {Fulu::kAppKey.toByteArray(), "fulu.goods.info.get", at, "{\"product_id\":\"10000587\"}"},
            Fulu::kAppSecret);
        QVERIFY(info.ok());
        QCOMPARE(info->sign, QByteArray("2c96650a9bfb6abbd23b1ade8db351af"));
        const HttpReply r = m_fulu->post("/api/getway", info->body, "application/json");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.code(), 0);
        QVERIFY(r.fuluSignOk());
        QCOMPARE(r.resultObject().value(u"product_id").toInteger(), 10000587);
        QCOMPARE(r.resultObject().value(u"purchase_price").toString(), u"99.0000"_s);

        const auto direct =
            core::signing::buildFuluRequest({Fulu::kAppKey.toByteArray(), "fulu.order.direct.add", at,
                                             directAdd(10000586, 1, "T202401010001", "demo")},
                                            Fulu::kAppSecret);
        QVERIFY(direct.ok());
        QCOMPARE(direct->sign, QByteArray("0164d68c4cd2d8ad4d203bc0593548ca"));
        QByteArray wrong = direct->body;
        wrong.replace(direct->sign, "0164d68c4cd2d8ad4d203bc0593548cb");
        const HttpReply refused = m_fulu->post("/api/getway", wrong, "application/json");
        QCOMPARE(refused.code(), 1002);
        QCOMPARE(fulu().purchaseCount(), 0);
        const HttpReply accepted = m_fulu->post("/api/getway", direct->body, "application/json");
        QCOMPARE(accepted.code(), 0);
        QVERIFY(accepted.fuluSignOk());
        QCOMPARE(accepted.resultObject().value(u"order_state").toString(), u"untreated"_s);
        QCOMPARE(accepted.resultObject().value(u"charge_account").toString(), u"demo"_s);
        QCOMPARE(fulu().purchaseCount(), 1);
    }

    void fuluCallbackVectorSignsLikeResults()
    {
        // §1.2's verified callback vector through the gateway's own result signer (same algorithm).
        const QByteArray callback =
            "{\"order_id\":\"19102237851777002017\",\"charge_finish_time\":\"2019-10-22 20:17:57\","
            "\"customer_order_no\":\"123456\",\"order_status\":\"success\",\"recharge_description\":"
            "\"充值成功\","
            "\"product_id\":\"10000489\",\"price\":\"50.0000\",\"buy_num\":\"1\",\"operator_serial_number\":"
            "\"--\"}";
        QCOMPARE(sim::FuluGateway::resultSign(callback), QByteArray("35d1c3403c42d2df58ed4e37991deee3"));
    }

    void fuluRefusals()
    {
        const QByteArray otherKey = m_fulu->body("fulu.user.info.get", "{}", {}, "someone-else");
        const HttpReply unknownKey = m_fulu->post("/api/getway", otherKey, "application/json");
        QCOMPARE(unknownKey.status, 200);
        QCOMPARE(unknownKey.code(), 1001);
        QCOMPARE(m_fulu->call("fulu.goods.nothing.get").code(), 1003);
        const QByteArray wrongSecret =
            m_fulu->body("fulu.user.info.get", "{}", {}, Fulu::kAppKey.toByteArray(), "not-the-secret");
        QCOMPARE(m_fulu->post("/api/getway", wrongSecret, "application/json").code(), 1002);
        QCOMPARE(m_fulu->post("/api/getway", "not json", "application/json").code(), 1000);
        QCOMPARE(m_fulu->post("/api/getway", fuluTestBody("not json"), "application/json").code(), 1000);
        QCOMPARE(m_fulu->post("/api/getway", fuluTestBody("{}"), "application/json").code(), 1000);
    }

    void fuluReadMethods()
    {
        const HttpReply user = m_fulu->call("fulu.user.info.get");
        QCOMPARE(user.code(), 0);
        QVERIFY(user.fuluSignOk());
        QVERIFY(user.json().value(u"result").toString().contains(u"\"balance\":10000.0000"));
        QVERIFY(user.resultObject().value(u"is_open").toBool());

        fulu().setSalesStatus(10000587, Fulu::SalesStatus::OffShelf);
        const HttpReply list = m_fulu->call("fulu.goods.list.get");
        QCOMPARE(list.code(), 0);
        QVERIFY(list.fuluSignOk());
        const QJsonArray goods = list.result().toArray();
        QVERIFY(goods.size() > 10);
        const QRegularExpression price(u"^\\d+\\.\\d{4}$"_s);
        QList<qint64> ids;
        for (const QJsonValue& v : goods) {
            const QJsonObject g = v.toObject();
            ids.append(g.value(u"product_id").toInteger());
            QCOMPARE(g.value(u"sales_status").toString(), u"上架"_s);
            QVERIFY(price.match(g.value(u"purchase_price").toString()).hasMatch());
            QVERIFY(g.value(u"product_type").toString() == u"卡密"_s ||
                    g.value(u"product_type").toString() == u"直充"_s);
        }
        QVERIFY(ids.contains(10000489));
        QVERIFY(!ids.contains(10000587));
        const QJsonArray direct =
            m_fulu->call("fulu.goods.list.get", "{\"product_type\":\"直充\",\"face_value\":\"50\"}")
                .result()
                .toArray();
        QVERIFY(!direct.isEmpty());
        for (const QJsonValue& v : direct)
            QCOMPARE(v.toObject().value(u"product_type").toString(), u"直充"_s);

        const HttpReply info = m_fulu->call("fulu.goods.info.get", "{\"product_id\":10000489}");
        QCOMPARE(info.resultObject().value(u"product_name").toString(), u"腾讯Q币50元卡密"_s);
        QCOMPARE(info.resultObject().value(u"purchase_price").toString(), u"50.0000"_s);
        QVERIFY(info.resultObject().contains(u"detail_type"));
        QCOMPARE(m_fulu->call("fulu.goods.info.get", "{\"product_id\":1}").code(), 3001);

        auto stock = [this](int buyNum) {
            return m_fulu->call("fulu.goods.stock.check", cardAdd("10000489", buyNum, "x"))
                .resultObject()
                .value(u"stock_status")
                .toString();
        };
        QCOMPARE(stock(1), u"充足"_s);
        fulu().setStock(10000489, 5);
        QCOMPARE(stock(1), u"警报"_s);
        QCOMPARE(stock(6), u"断货"_s);

        const HttpReply form = m_fulu->call("fulu.goods.template.get", "{\"template_id\":\"T1003\"}");
        QCOMPARE(form.code(), 0);
        QCOMPARE(form.resultObject().value(u"elements").toArray().size(), 2);
        QCOMPARE(m_fulu->call("fulu.goods.template.get", "{\"template_id\":\"T9\"}").code(), 2001);
    }

    void fuluOrderToSuccess()
    {
        // §1.5's vectors: the gateway encrypts these plaintexts to the published ciphertexts.
        fulu().preloadCards(10000489, {{"CD1000590202001040006363045", "CP1000250201906121742434441",
                                        "2027-12-31 23:59:59", 0}});
        const HttpReply add = m_fulu->call("fulu.order.card.add", cardAdd("10000489", 2, "C-1"));
        QCOMPARE(add.code(), 0);
        QVERIFY(add.fuluSignOk());
        QCOMPARE(add.resultObject().value(u"order_state").toString(), u"untreated"_s);
        QCOMPARE(add.resultObject().value(u"order_price").toString(), u"100.0000"_s);
        QCOMPARE(add.resultObject().value(u"order_type").toInt(), 3);
        QVERIFY(!add.resultObject().contains(u"cards"));
        QCOMPARE(fulu().balance(), core::Money::fromYuan(9900)); // deducted on accept
        QCOMPARE(state("C-1"), u"untreated"_s);
        m_clock->advanceMilliseconds(1000);
        QCOMPARE(state("C-1"), u"processing"_s);
        QVERIFY(!m_fulu->call("fulu.order.info.get", orderNo("C-1")).resultObject().contains(u"cards"));
        m_clock->advanceMilliseconds(3000);
        const HttpReply done = m_fulu->call("fulu.order.info.get", orderNo("C-1"));
        QVERIFY(done.fuluSignOk());
        const QJsonObject order = done.resultObject();
        QCOMPARE(order.value(u"order_state").toString(), u"success"_s);
        QVERIFY(!order.value(u"finish_time").toString().isEmpty());
        const QJsonArray cards = order.value(u"cards").toArray();
        QCOMPARE(cards.size(), 2);
        QCOMPARE(cards[0].toObject().value(u"card_number").toString(),
                 u"Gu8k2+8wDXH3zpNv5MIFjZDTK0m1kvm99iBAKIWwQTo="_s);
        QCOMPARE(cards[0].toObject().value(u"card_pwd").toString(),
                 u"9HeOgdv+NpLihh2+5Gm0Mj4L8n/kqz/RItKWUfvZrCU="_s);
        const auto second = core::decryptFuluCard(
            cards[1].toObject().value(u"card_number").toString().toLatin1(), Fulu::kAppSecret);
        QVERIFY(second.ok());
        QCOMPARE(*second, fulu().order("C-1")->cards.at(1).number);
        QCOMPARE(fulu().balance(), core::Money::fromYuan(9900));
    }

    void fuluOrderToFailedRefunds()
    {
        const HttpReply add =
            m_fulu->call("fulu.order.direct.add", directAdd(10000586, 2, "D-1", "fail-138"));
        QCOMPARE(add.code(), 0);
        QCOMPARE(fulu().balance(), core::Money::fromUnits(99005000)); // 10000 - 2 × 49.75
        m_clock->advanceMilliseconds(4000);
        const QJsonObject order = m_fulu->call("fulu.order.info.get", orderNo("D-1")).resultObject();
        QCOMPARE(order.value(u"order_state").toString(), u"failed"_s);
        QVERIFY(!order.contains(u"cards"));
        QCOMPARE(fulu().balance(), core::Money::fromYuan(10000)); // refunded

        fulu().setTiming({0, 0, 1.0});
        const qint64 stock = fulu().product(10000587)->stock;
        QCOMPARE(m_fulu->call("fulu.order.card.add", cardAdd("10000587", 3, "D-2")).code(), 0);
        QCOMPARE(fulu().product(10000587)->stock, stock - 3);
        QCOMPARE(state("D-2"), u"failed"_s);
        QCOMPARE(fulu().product(10000587)->stock, stock);
        QCOMPARE(fulu().balance(), core::Money::fromYuan(10000));
    }

    void fuluRepeatedCustomerOrderNo()
    {
        const HttpReply first = m_fulu->call("fulu.order.card.add", cardAdd("10000489", 1, "R-1"));
        QCOMPARE(first.code(), 0);
        const HttpReply same = m_fulu->call("fulu.order.card.add", cardAdd("\"10000489\"", 1, "R-1"));
        QCOMPARE(same.code(), 0);
        QCOMPARE(same.resultObject().value(u"order_id").toString(),
                 first.resultObject().value(u"order_id").toString());
        QCOMPARE(fulu().purchaseCount(), 1);
        QCOMPARE(fulu().balance(), core::Money::fromYuan(9950));
        const HttpReply different = m_fulu->call("fulu.order.card.add", cardAdd("10000489", 2, "R-1"));
        QCOMPARE(different.code(), 5001);
        QCOMPARE(m_fulu->call("fulu.order.direct.add", directAdd(10000489, 1, "R-1", "demo")).code(), 5001);
        QCOMPARE(fulu().purchaseCount(), 1);
        QCOMPARE(m_fulu->call("fulu.order.info.get", orderNo("nope")).code(), 5002);
    }

    void fuluProductRejections()
    {
        auto add = [this](const QByteArray& number) {
            return m_fulu->call("fulu.order.card.add", cardAdd("10000587", 1, number)).code();
        };
        fulu().setSalesStatus(10000587, Fulu::SalesStatus::OffShelf);
        QCOMPARE(add("P-1"), 3002);
        fulu().setSalesStatus(10000587, Fulu::SalesStatus::Maintenance);
        QCOMPARE(add("P-1"), 3004);
        fulu().setSalesStatus(10000587, Fulu::SalesStatus::StockMaintenance);
        QCOMPARE(add("P-1"), 3005);
        fulu().setSalesStatus(10000587, Fulu::SalesStatus::OnShelf);
        fulu().setStock(10000587, 0);
        QCOMPARE(add("P-1"), 3003);
        QCOMPARE(m_fulu->call("fulu.order.card.add", cardAdd("10000586", 1, "P-1")).code(), 3008);
        QCOMPARE(m_fulu->call("fulu.order.direct.add", directAdd(10000586, 1, "P-1", "")).code(), 1000);
        QCOMPARE(m_fulu->call("fulu.order.card.add", cardAdd("10000489", 0, "P-1")).code(), 1000);
        fulu().setBalance(core::Money::fromYuan(1));
        QCOMPARE(m_fulu->call("fulu.order.card.add", cardAdd("10000489", 1, "P-1")).code(), 4001);
        QCOMPARE(fulu().purchaseCount(), 0);
        // A refused number stays free.
        fulu().setBalance(core::Money::fromYuan(100));
        QCOMPARE(m_fulu->call("fulu.order.card.add", cardAdd("10000489", 1, "P-1")).code(), 0);
    }

    void acgVectorAndRefusals()
    {
        // §2.1: the vector's fields and sign are accepted as posted.
        const HttpReply item =
            m_acg->callSigned("commodity/item", {{"code", kSteam}}, "32760a6c3c48b31b5018d6aee59780eb");
        QCOMPARE(m_acg->lastBody, QByteArray("app_id=1000&app_key=TESTKEY123&code=8AE80574F3CA&sign="
                                             "32760a6c3c48b31b5018d6aee59780eb"));
        QCOMPARE(item.status, 200);
        QCOMPARE(item.code(), 200);
        QCOMPARE(item.data().value(u"code").toString(), QString::fromLatin1(kSteam));
        const HttpReply bad =
            m_acg->callSigned("commodity/item", {{"code", kSteam}}, "32760a6c3c48b31b5018d6aee59780ec");
        QCOMPARE(bad.status, 200);
        QCOMPARE(bad.code(), 0);
        QCOMPARE(bad.msg(), u"密钥错误"_s);
        QCOMPARE(m_acg->call("commodity/item", {{"code", kSteam}}, "en", "WRONGKEY").msg(),
                 u"Incorrect key"_s);
        QCOMPARE(m_acg->call("commodity/item", {{"code", kSteam}}, "en-US,en;q=0.9,zh-CN;q=0.8").code(), 200);
        const QByteArray stranger =
            core::signing::acgFakaFormBody({{"app_id", "1001"}, {"app_key", "TESTKEY123"}}, "TESTKEY123");
        QCOMPARE(m_acg->post("/shared/authentication/connect", stranger, "application/x-www-form-urlencoded")
                     .msg(),
                 u"商户ID不存在"_s);
        // Only form posts count: JSON is no fields at all.
        QCOMPARE(m_acg->post("/shared/authentication/connect", "{\"app_id\":1000}", "application/json").msg(),
                 u"商户ID不存在"_s);
        QCOMPARE(
            m_acg->post("/shared/nothing/here", m_acg->lastBody, "application/x-www-form-urlencoded").status,
            404);
    }

    void acgSignatureRules()
    {
        // Empty strings are dropped, "0" is kept; app_key is signed only when posted.
        const AcgClient::Fields fields{{"code", kSteam}, {"num", "2"}, {"race", ""}, {"card_id", "0"}};
        const HttpReply ok = m_acg->call("commodity/valuation", fields);
        QCOMPARE(ok.code(), 200);
        QCOMPARE(ok.data().value(u"price").toString(), u"99.00"_s);
        const QByteArray withoutZero =
            core::signing::md5Hex("app_id=1000&app_key=TESTKEY123&code=8AE80574F3CA&num=2&key=TESTKEY123");
        QCOMPARE(m_acg->callSigned("commodity/valuation", fields, withoutZero).msg(), u"密钥错误"_s);
        const QByteArray withEmpty = core::signing::md5Hex(
            "app_id=1000&app_key=TESTKEY123&card_id=0&code=8AE80574F3CA&num=2&race=&key=TESTKEY123");
        QCOMPARE(m_acg->callSigned("commodity/valuation", fields, withEmpty).msg(), u"密钥错误"_s);
        const QByteArray right = core::signing::md5Hex(
            "app_id=1000&app_key=TESTKEY123&card_id=0&code=8AE80574F3CA&num=2&key=TESTKEY123");
        QCOMPARE(m_acg->callSigned("commodity/valuation", fields, right).code(), 200);
        const QByteArray noKeyField = core::signing::acgFakaFormBody({{"app_id", "1000"}}, "TESTKEY123");
        QCOMPARE(
            m_acg->post("/shared/authentication/connect", noKeyField, "application/x-www-form-urlencoded")
                .code(),
            200);
        // PHP array fields and percent-encoded UTF-8 are signed as decoded.
        QCOMPARE(
            m_acg->call("commodity/valuation", {{"code", kSteam}, {"num", "1"}, {"sku[颜色]", "红"}}).code(),
            200);
    }

    // Every supplier link of the platform's goods names a product the supplier roles sell, at a
    // cost near the goods' cost; some cost more than the goods' price (negative margins).
    void linkedGoodsResolve()
    {
        sim::GeneratorParams p; // the demo's data set
        p.endTime = m_clock->nowSeconds();
        sim::SimServer demo(sim::generatePlatform(p, *m_clock), *m_clock);
        int fuluLinks = 0;
        int acgLinks = 0;
        int aboveCost = 0;
        int abovePrice = 0;
        for (const sim::Goods& g : demo.state().goods()) {
            for (const sim::SupplierLink& link : g.supplierLinks) {
                core::Money cost;
                if (link.protocol == "fulu") {
                    const Fulu::Product* product =
                        demo.suppliers().fulu().product(link.productRef.toLongLong());
                    QVERIFY2(product != nullptr, link.productRef.constData());
                    cost = product->purchasePrice;
                    ++fuluLinks;
                } else {
                    QCOMPARE(link.protocol, QByteArray("acg-faka"));
                    const auto* item = demo.suppliers().acgFaka().item(link.productRef);
                    QVERIFY2(item != nullptr, link.productRef.constData());
                    QCOMPARE(item->code.size(), 12);
                    cost = item->userPrice;
                    ++acgLinks;
                }
                abovePrice += cost > g.price ? 1 : 0;
                aboveCost += cost > g.cost ? 1 : 0;
            }
        }
        QVERIFY(fuluLinks > 100);
        QVERIFY(acgLinks > 40);
        QVERIFY2(abovePrice >= 5 && abovePrice < (fuluLinks + acgLinks) / 5,
                 qPrintable(QString::number(abovePrice)));
        QVERIFY(aboveCost > abovePrice); // the usual cost is only near the goods' cost
        // Resetting the roles keeps the linked products.
        demo.suppliers().reset({});
        const sim::Goods& first =
            *std::find_if(demo.state().goods().cbegin(), demo.state().goods().cend(),
                          [](const sim::Goods& g) { return !g.supplierLinks.isEmpty(); });
        const sim::SupplierLink& link = first.supplierLinks.first();
        QVERIFY(link.protocol == "fulu"
                    ? demo.suppliers().fulu().product(link.productRef.toLongLong()) != nullptr
                    : demo.suppliers().acgFaka().item(link.productRef) != nullptr);
    }

    void acgEndpoints()
    {
        const HttpReply connect = m_acg->call("authentication/connect", {});
        QCOMPARE(connect.data().value(u"shopName").toString(), u"异次元模拟货源站"_s);
        QCOMPARE(connect.data().value(u"balance").toString(), u"5000.00"_s);

        const QJsonArray categories = m_acg->call("commodity/items", {}).json().value(u"data").toArray();
        QVERIFY(!categories.isEmpty());
        QHash<QString, QJsonObject> byCode;
        for (const QJsonValue& c : categories)
            for (const QJsonValue& child : c.toObject().value(u"children").toArray())
                byCode.insert(child.toObject().value(u"code").toString(), child.toObject());
        const QJsonObject steam = byCode.value(QString::fromLatin1(kSteam));
        QCOMPARE(steam.value(u"stock").toInt(), 40);
        QCOMPARE(steam.value(u"price").toString(), u"52.00"_s);
        QCOMPARE(steam.value(u"user_price").toString(), u"49.50"_s);
        QCOMPARE(steam.value(u"delivery_way").toInt(), 0);
        QVERIFY(!byCode.contains(QString::fromLatin1(kStopped)));
        QVERIFY(
            byCode.value(QString::fromLatin1(kIqiyi)).value(u"config").toString().startsWith(u"[category]"));
        QVERIFY(!byCode.value(QString::fromLatin1(kManual)).contains(u"stock"));
        QCOMPARE(m_acg->call("commodity/item", {{"code", kStopped}}).msg(), u"当前商品已停售"_s);
        QCOMPARE(m_acg->call("commodity/item", {{"code", "NOPE"}}).msg(), u"商品不存在"_s);

        const HttpReply inventory =
            m_acg->call("commodity/inventory", {{"sharedCode", kIqiyi}, {"race", "季卡"}});
        QCOMPARE(inventory.data().value(u"count").toInteger(), acg().stock(kIqiyi, "季卡"));
        QVERIFY(inventory.data().value(u"is_category").toBool());
        QCOMPARE(
            m_acg->call("commodity/stock", {{"code", kSteam}, {"race", ""}}).data().value(u"stock").toInt(),
            40);
        QCOMPARE(m_acg->call("commodity/valuation", {{"code", kIqiyi}, {"num", "1"}}).msg(),
                 u"请选择商品类型"_s);
        QCOMPARE(m_acg->call("commodity/query", {{"tradeNo", "1"}}).msg(), u"订单不存在"_s);
        QCOMPARE(m_acg->call("commodity/query", {{"tradeNo", "1"}}, "en").msg(),
                 u"The order does not exist"_s);
    }

    void acgTradeDecrementsStockAndBalance()
    {
        const HttpReply trade = m_acg->call("commodity/trade", tradeFields(kSteam, 2, "COP2511281120000001"));
        QCOMPARE(trade.code(), 200);
        const QJsonObject data = trade.data();
        QCOMPARE(data.value(u"amount").toString(), u"99.00"_s);
        QCOMPARE(data.value(u"secret").toString().split(u'\n').size(), 2);
        QCOMPARE(data.value(u"stock").toInt(), 38);
        QCOMPARE(acg().stock(kSteam), 38);
        QCOMPARE(acg().balance(), core::Money::fromUnits(49010000)); // 5000.00 - 2 × 49.50
        const auto kept = acg().tradeByRequestNo("COP2511281120000001");
        QVERIFY(kept.has_value());
        QCOMPARE(kept->tradeNo, data.value(u"tradeNo").toString().toLatin1());
        const HttpReply query = m_acg->call("commodity/query", {{"tradeNo", kept->tradeNo}});
        QCOMPARE(query.data().value(u"secret").toString(), data.value(u"secret").toString());
        QCOMPARE(query.data().value(u"status").toInt(), 1);

        QCOMPARE(m_acg->call("commodity/trade", tradeFields(kIqiyi, 1, "COP2511281120000002")).msg(),
                 u"请选择商品类型"_s);
        QCOMPARE(m_acg->call("commodity/trade", tradeFields(kIqiyi, 1, "COP2511281120000002", "周卡")).msg(),
                 u"此商品类型不存在[周卡]"_s);
        const qint64 seasons = acg().stock(kIqiyi, "季卡");
        QCOMPARE(m_acg->call("commodity/trade", tradeFields(kIqiyi, 1, "COP2511281120000002", "季卡")).code(),
                 200);
        QCOMPARE(acg().stock(kIqiyi, "季卡"), seasons - 1);
        const HttpReply manual =
            m_acg->call("commodity/trade", tradeFields(kManual, 1, "COP2511281120000003"));
        QCOMPARE(manual.data().value(u"secret").toString(),
                 QString::fromUtf8(sim::AcgFakaState::kManualSecret.toByteArray()));
        acg().setStock(kSteam, 1);
        QCOMPARE(m_acg->call("commodity/trade", tradeFields(kSteam, 2, "COP2511281120000004")).msg(),
                 u"库存不足"_s);
        acg().setBalance(core::Money::fromYuan(1));
        QCOMPARE(m_acg->call("commodity/trade", tradeFields(kSteam, 1, "COP2511281120000004")).msg(),
                 u"余额不足"_s);
        QCOMPARE(m_acg->call("commodity/trade", tradeFields(kStopped, 1, "COP2511281120000004")).msg(),
                 u"当前商品已停售"_s);
        QCOMPARE(acg().purchaseCount(), 3);
    }

    void acgRepeatedRequestNoRejected()
    {
        QCOMPARE(m_acg->call("commodity/trade", tradeFields(kSteam, 1, "COP2511281120000009")).code(), 200);
        const core::Money balance = acg().balance();
        const HttpReply again = m_acg->call("commodity/trade", tradeFields(kSteam, 1, "COP2511281120000009"));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.code(), 0);
        QCOMPARE(again.msg(), u"The request ID already exists"_s);
        // Unique across the store, whatever the goods.
        QCOMPARE(m_acg->call("commodity/trade", tradeFields(kManual, 1, "COP2511281120000009")).code(), 0);
        QCOMPARE(acg().balance(), balance);
        QCOMPARE(acg().stock(kSteam), 39);
        QCOMPARE(acg().purchaseCount(), 1);
        // A refused trade keeps no number.
        acg().setStock(kSteam, 0);
        QCOMPARE(m_acg->call("commodity/trade", tradeFields(kSteam, 1, "COP2511281120000010")).msg(),
                 u"库存不足"_s);
        QCOMPARE(m_acg->call("commodity/trade", tradeFields(kManual, 1, "COP2511281120000010")).code(), 200);
    }

    void acgLongRequestNoIsHtml()
    {
        const HttpReply r = m_acg->call("commodity/trade", tradeFields(kSteam, 1, "COP25112811200000011"));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.parses());
        QVERIFY(r.contentType.startsWith("text/html"));
        QVERIFY(r.body.contains("request_no"));
        QCOMPARE(acg().purchaseCount(), 0);
        QCOMPARE(acg().stock(kSteam), 40);
        QCOMPARE(acg().balance(), core::Money::fromYuan(5000));
        QCOMPARE(m_acg->call("commodity/trade", tradeFields(kSteam, 1, "COP2511281120000011")).code(), 200);
    }
};

QTEST_GUILESS_MAIN(TestSimSuppliers)
#include "tst_simsuppliers.moc"
