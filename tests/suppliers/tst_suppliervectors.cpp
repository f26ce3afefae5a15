// Every published vector of protocols.md §1.2, §1.5 and §2.1, checked both on the shared core code
// and on the bytes the adapters actually put on the wire.
#include "core/cipher.h"
#include "core/signing.h"
#include "suppliers/acgfakaadapter.h"
#include "suppliers/fuluadapter.h"
#include "suppliers/fuluparse.h"
#include "tests/suppliers/suppliertestutil.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace cardops;
using namespace cardops::suppliers;
using cardops::test::await;
using cardops::test::CannedAnswer;
using cardops::test::FakeSupplierServer;
using cardops::test::SupplierRequest;

namespace {

const QByteArray kCallbackBody =
    R"({"order_id":"19102237851777002017","charge_finish_time":"2019-10-22 20:17:57","customer_order_no":"123456","order_status":"success","recharge_description":"充值成功","product_id":"10000489","price":"50.0000","buy_num":"1","operator_serial_number":"--"})";

QByteArray signMemberOf(const QByteArray& body)
{
    const auto parsed = rawjson::parse(body);
    if (!parsed.ok())
        return {};
    const rawjson::Node* sign = parsed.root->member(u"sign");
    return sign ? sign->text.toLatin1() : QByteArray();
}

} // namespace

class TestSupplierVectors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fuluCallbackSignature();
    void fuluRequestSignatures_data();
    void fuluRequestSignatures();
    void fuluAdapterSendsVectorBytes_data();
    void fuluAdapterSendsVectorBytes();
    void fuluCardDecryption_data();
    void fuluCardDecryption();
    void fuluCardsDecryptedInOrder();
    void acgFakaSignature();
    void acgFakaAdapterSendsVectorSign();
};

void TestSupplierVectors::fuluCallbackSignature()
{
    QCOMPARE(core::signing::fuluBodySign(kCallbackBody, test::kFuluSecret),
             QByteArray("35d1c3403c42d2df58ed4e37991deee3"));
    const QByteArray signedBody = kCallbackBody.chopped(1) + R"(,"sign":"35d1c3403c42d2df58ed4e37991deee3"})";
    QVERIFY(core::signing::verifyFuluBody(signedBody, test::kFuluSecret));
}

void TestSupplierVectors::fuluRequestSignatures_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("bizContent");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("fulu.goods.info.get")
        << QByteArray("fulu.goods.info.get") << QByteArray(R"({"product_id":"10000587"})")
        << QByteArray("2c96650a9bfb6abbd23b1ade8db351af");
    QTest::newRow("fulu.order.direct.add")
        << QByteArray("fulu.order.direct.add")
        << QByteArray(
               R"({"product_id":10000586,"customer_order_no":"T202401010001","charge_account":"demo","buy_num":1})")
        << QByteArray("0164d68c4cd2d8ad4d203bc0593548ca");
}

void TestSupplierVectors::fuluRequestSignatures()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, bizContent);
    QFETCH(QByteArray, expected);
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(test::fuluVectorMs(), Qt::UTC);
    const auto built =
        core::signing::buildFuluRequest({test::kFuluAppKey, method, at, bizContent}, test::kFuluSecret);
    QVERIFY(built.ok());
    QCOMPARE(built->sign, expected);
}

void TestSupplierVectors::fuluAdapterSendsVectorBytes_data()
{
    QTest::addColumn<bool>("directAdd");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("goodsDetail → fulu.goods.info.get")
        << false << QByteArray("2c96650a9bfb6abbd23b1ade8db351af");
    QTest::newRow("purchase → fulu.order.direct.add")
        << true << QByteArray("0164d68c4cd2d8ad4d203bc0593548ca");
}

void TestSupplierVectors::fuluAdapterSendsVectorBytes()
{
    QFETCH(bool, directAdd);
    QFETCH(QByteArray, expected);
    FakeSupplierServer server;
    QVERIFY(server.listen());
    server.setHandler(
        [](const SupplierRequest&) { return CannedAnswer::json(test::fuluAnswer(3002, u"x"_s, {})); });
    core::ManualClock clock(test::fuluVectorMs());
    FuluConfig config;
    config.gatewayUrl = server.url(u"/api/getway"_s);
    config.appKey = test::kFuluAppKey;
    config.appSecret = test::kFuluSecret;
    FuluAdapter adapter(config, &clock);
    if (directAdd) {
        PurchaseRequest r;
        r.productId = u"10000586"_s;
        r.externalOrderNo = "T202401010001";
        r.chargeAccount = u"demo"_s;
        await(adapter.purchase(r));
    } else {
        await(adapter.goodsDetail(u"10000587"_s));
    }
    QCOMPARE(server.requestCount(), 1);
    const QByteArray body = server.requests().first().body;
    QCOMPARE(signMemberOf(body), expected);
    QVERIFY(core::signing::verifyFuluBody(body, test::kFuluSecret));
    QCOMPARE(adapter.diagnostics().requestBody, body);
    QCOMPARE(adapter.diagnostics().requestSignature, expected);
}

void TestSupplierVectors::fuluCardDecryption_data()
{
    QTest::addColumn<QByteArray>("cipher");
    QTest::addColumn<QByteArray>("plain");
    QTest::newRow("1") << QByteArray("Gu8k2+8wDXH3zpNv5MIFjZDTK0m1kvm99iBAKIWwQTo=")
                       << QByteArray("CD1000590202001040006363045");
    QTest::newRow("2") << QByteArray("12nCp6X/nALmrvr1erxK+D4L8n/kqz/RItKWUfvZrCU=")
                       << QByteArray("CD1000250201906121742434441");
    QTest::newRow("3") << QByteArray("9HeOgdv+NpLihh2+5Gm0Mj4L8n/kqz/RItKWUfvZrCU=")
                       << QByteArray("CP1000250201906121742434441");
}

void TestSupplierVectors::fuluCardDecryption()
{
    QFETCH(QByteArray, cipher);
    QFETCH(QByteArray, plain);
    const auto decrypted = core::decryptFuluCard(cipher, test::kFuluSecret);
    QVERIFY(decrypted.ok());
    QCOMPARE(decrypted.value(), plain);
}

void TestSupplierVectors::fuluCardsDecryptedInOrder()
{
    const QString result =
        uR"({"order_id":"1","customer_order_no":"N1","order_state":"success","order_type":3,"buy_num":2,)"
        uR"("order_price":"9.8000","cards":[)"
        uR"({"card_number":"Gu8k2+8wDXH3zpNv5MIFjZDTK0m1kvm99iBAKIWwQTo=","card_pwd":"12nCp6X/nALmrvr1erxK+D4L8n/kqz/RItKWUfvZrCU=","card_type":0,"card_deadline":"2030-01-01"},)"
        uR"({"card_number":"","card_pwd":"9HeOgdv+NpLihh2+5Gm0Mj4L8n/kqz/RItKWUfvZrCU=","card_type":2}]})"_s;
    const auto answer =
        fulu::parseResponse(test::fuluAnswer(0, u"接口调用成功"_s, result), test::kFuluSecret, false);
    QVERIFY(answer.ok());
    const auto order = fulu::parseOrder(answer.value(), "N1", test::kFuluSecret, true, false);
    QVERIFY(order.ok());
    QCOMPARE(order->status, PurchaseStatus::Succeeded);
    QCOMPARE(order->cards.size(), 2);
    QCOMPARE(order->cards.at(0).number, u"CD1000590202001040006363045"_s);
    QCOMPARE(order->cards.at(0).secret, u"CD1000250201906121742434441"_s);
    QCOMPARE(order->cards.at(0).deadline, u"2030-01-01"_s);
    QCOMPARE(order->cards.at(1).number, QString());
    QCOMPARE(order->cards.at(1).secret, u"CP1000250201906121742434441"_s);
    QCOMPARE(order->cards.at(1).kind, CardKind::ShortLink);
    QCOMPARE(order->amount->units(), 98000);
}

void TestSupplierVectors::acgFakaSignature()
{
    const core::signing::FormFields fields = {
        {"app_id", "1000"}, {"app_key", "TESTKEY123"}, {"code", "8AE80574F3CA"}};
    QCOMPARE(core::signing::acgFakaSignText(fields),
             QByteArray("app_id=1000&app_key=TESTKEY123&code=8AE80574F3CA"));
    QCOMPARE(core::signing::acgFakaSign(fields, "TESTKEY123"),
             QByteArray("32760a6c3c48b31b5018d6aee59780eb"));
    QCOMPARE(core::signing::md5Hex("app_id=1000&app_key=TESTKEY123&code=8AE80574F3CA&key=TESTKEY123"),
             QByteArray("32760a6c3c48b31b5018d6aee59780eb"));
}

void TestSupplierVectors::acgFakaAdapterSendsVectorSign()
{
    FakeSupplierServer server;
    QVERIFY(server.listen());
    server.setHandler(
        [](const SupplierRequest&) { return CannedAnswer::json(R"({"code":0,"msg":"商品不存在"})"); });
    AcgFakaConfig config;
    config.baseUrl = server.url();
    config.appId = test::kAcgAppId;
    config.appKey = test::kAcgAppKey;
    AcgFakaAdapter adapter(config);
    const auto result = await(adapter.goodsDetail(u"8AE80574F3CA"_s));
    QVERIFY(!result.ok());
    QCOMPARE(server.requestCount(), 1);
    const SupplierRequest& r = server.requests().first();
    QCOMPARE(r.path, QByteArray("/shared/commodity/item"));
    QCOMPARE(
        r.body,
        QByteArray("app_id=1000&app_key=TESTKEY123&code=8AE80574F3CA&sign=32760a6c3c48b31b5018d6aee59780eb"));
    QCOMPARE(adapter.diagnostics().requestSignature, QByteArray("32760a6c3c48b31b5018d6aee59780eb"));
    QCOMPARE(adapter.diagnostics().signedText,
             QByteArray("app_id=1000&app_key=TESTKEY123&code=8AE80574F3CA"));
}

QTEST_GUILESS_MAIN(TestSupplierVectors)
#include "tst_suppliervectors.moc"
