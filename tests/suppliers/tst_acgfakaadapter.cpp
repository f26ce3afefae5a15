// AcgFakaAdapter against a canned local server: the request on the wire, success paths, and hostile
// answers (protocols.md §2).
#include "core/signing.h"
#include "suppliers/acgfakaadapter.h"
#include "suppliers/suppliererrortext.h"
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

const QByteArray kCatalogue =
    R"({"code":200,"msg":"success","data":[{"id":1,"name":"游戏点卡","children":[)"
    R"({"id":11,"code":"8AE80574F3CA","name":"月卡","price":"12.50","user_price":"10.00","factory_price":9.9,"delivery_way":0,"stock":37,"config":"","status":1},)"
    R"({"id":12,"code":"RACE01","name":"会员","price":"30.00","user_price":"25.00","factory_price":0,"delivery_way":"0","stock":"5","config":"[category]\n月卡=19.80\n季卡=52.00\n"},)"
    R"({"id":13,"code":"MANUAL","name":"代充","price":5,"user_price":4,"delivery_way":1,"config":null},)"
    R"({"id":14,"code":"BAD","name":"坏价格","price":"1e3","user_price":"x"},)"
    R"("not an object"]},{"id":2,"name":"空","children":{}},{"id":3,"name":"坏","children":"none"}]})";

bool signatureValid(const SupplierRequest& r)
{
    core::signing::FormFields fields;
    QByteArray sign;
    const auto received = r.formFields();
    for (const auto& [k, v] : received) {
        if (k == "sign")
            sign = v;
        else
            fields.append({k, v});
    }
    return core::signing::verifyAcgFaka(fields, sign, test::kAcgAppKey);
}

PurchaseRequest tradeOf(const QByteArray& number, qint64 quantity = 2)
{
    PurchaseRequest r;
    r.productId = u"8AE80574F3CA"_s;
    r.quantity = quantity;
    r.externalOrderNo = number;
    return r;
}

} // namespace

class TestAcgFakaAdapter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void balanceAndTheRequestOnTheWire();
    void catalogueReadsMoneyExactlyAndCollectsBadEntries();
    void goodsDetailAcceptsAnObjectOrTheFilteredList();
    void stockWithSkuInPhpArraySyntax();
    void tradeReturnsTheCards();
    void tradeWithFewerCardsOrAPlaceholderNeedsReview();
    void businessErrorKeepsTheUpstreamMessage();
    void htmlUnder200IsAFailedCallWithUnknownOutcome();
    void wrongTypesAreMalformed_data();
    void wrongTypesAreMalformed();
    void hugeBodyIsAborted();
    void truncatedBodyIsMalformed();
    void timeoutIsTypedAndUnknownForATrade();
    void redirectIsNotFollowed();
    void requestNoTooLongIsNeverSent();
    void aRequestNoIsNeverSentTwice();
    void queryOnlyByTradeNo();
    void insecureHttpIsRefused();
    void destroyingFinishesPendingCalls();
    void errorTextIsTranslatable();

private:
    AcgFakaAdapter* adapter(HttpOptions http = {});

    FakeSupplierServer* m_server = nullptr;
    std::unique_ptr<AcgFakaAdapter> m_adapter;
};

void TestAcgFakaAdapter::init()
{
    m_server = new FakeSupplierServer(this);
    QVERIFY(m_server->listen());
}

void TestAcgFakaAdapter::cleanup()
{
    m_adapter.reset();
    delete m_server;
    m_server = nullptr;
}

AcgFakaAdapter* TestAcgFakaAdapter::adapter(HttpOptions http)
{
    AcgFakaConfig config;
    config.baseUrl = m_server->url(u"/"_s);
    config.appId = test::kAcgAppId;
    config.appKey = test::kAcgAppKey;
    http.timeout = std::min(http.timeout, std::chrono::milliseconds{5000});
    config.http = http;
    m_adapter = std::make_unique<AcgFakaAdapter>(config);
    return m_adapter.get();
}

void TestAcgFakaAdapter::balanceAndTheRequestOnTheWire()
{
    m_server->setHandler([](const SupplierRequest&) {
        return CannedAnswer::json(
            R"({"code":200,"msg":"success","data":{"shopName":"上游小店","balance":"1024.55"}})");
    });
    const auto result = await(adapter()->balance());
    QVERIFY2(result.ok(), qPrintable(result.error().describe()));
    QCOMPARE(result->amount.units(), 10245500);
    QCOMPARE(result->accountName, u"上游小店"_s);

    QCOMPARE(m_server->requestCount(), 1);
    const SupplierRequest& r = m_server->requests().first();
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.path, QByteArray("/shared/authentication/connect"));
    QCOMPARE(r.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    QCOMPARE(r.header("Accept-Language"), QByteArray("zh-CN"));
    const auto fields = r.formFields();
    QCOMPARE(fields.size(), 3);
    QCOMPARE(fields.at(0).first, QByteArray("app_id"));
    QCOMPARE(fields.at(1).first, QByteArray("app_key"));
    QCOMPARE(fields.at(2).first, QByteArray("sign"));
    QVERIFY(signatureValid(r));

    const Diagnostics d = m_adapter->diagnostics();
    QCOMPARE(d.requestBody, r.body);
    QCOMPARE(d.httpStatus, 200);
    QCOMPARE(d.outcome, u"ok"_s);
    QVERIFY(d.responseBody.contains("上游小店"));
    QVERIFY(!d.redacted().requestBody.contains("TESTKEY123"));
    QVERIFY(!d.redacted().signedText.contains("TESTKEY123"));
}

void TestAcgFakaAdapter::catalogueReadsMoneyExactlyAndCollectsBadEntries()
{
    m_server->setHandler([](const SupplierRequest&) { return CannedAnswer::json(kCatalogue); });
    const auto result = await(adapter()->catalogue());
    QVERIFY2(result.ok(), qPrintable(result.error().describe()));
    const Catalogue& c = result.value();
    QCOMPARE(c.products.size(), 3);
    QCOMPARE(c.rejected.size(), 3); // bad prices, a non-object child, a category with no list
    const SupplierProduct& month = c.products.at(0);
    QCOMPARE(month.productId, u"8AE80574F3CA"_s);
    QCOMPARE(month.category, u"游戏点卡"_s);
    QCOMPARE(month.cost->units(), 99000); // factory_price, a JSON number
    QCOMPARE(month.listPrice->units(), 125000);
    QCOMPARE(month.stock, std::optional<qint64>(37));
    QCOMPARE(month.stockLevel, StockLevel::Plenty);
    QVERIFY(!month.manualDelivery);
    QVERIFY(month.rawJson.startsWith("{\"id\":11"));
    const SupplierProduct& race = c.products.at(1);
    QCOMPARE(race.cost->units(), 250000); // factory_price 0: priced per race, user_price stands
    QCOMPARE(race.races, QStringList({u"月卡"_s, u"季卡"_s}));
    QCOMPARE(race.stock, std::optional<qint64>(5));
    QVERIFY(c.products.at(2).manualDelivery);
    QCOMPARE(c.rejected.first().productId, u"BAD"_s);
}

void TestAcgFakaAdapter::goodsDetailAcceptsAnObjectOrTheFilteredList()
{
    int call = 0;
    m_server->setHandler([&call](const SupplierRequest&) {
        if (call++ == 0)
            return CannedAnswer::json(
                R"({"code":200,"msg":"success","data":{"code":"X1","name":"单品","user_price":"1.00"}})");
        return CannedAnswer::json(kCatalogue);
    });
    AcgFakaAdapter* a = adapter();
    const auto one = await(a->goodsDetail(u"X1"_s));
    QVERIFY(one.ok());
    QCOMPARE(one->name, u"单品"_s);
    const auto listed = await(a->goodsDetail(u"RACE01"_s));
    QVERIFY(listed.ok());
    QCOMPARE(listed->name, u"会员"_s);
    QCOMPARE(m_server->requests().at(1).formField("code"), QByteArray("RACE01"));
}

void TestAcgFakaAdapter::stockWithSkuInPhpArraySyntax()
{
    m_server->setHandler([](const SupplierRequest&) {
        return CannedAnswer::json(R"({"code":200,"msg":"success","data":{"stock":"3"}})");
    });
    StockQuery q;
    q.productId = u"RACE01"_s;
    q.quantity = 5;
    q.race = u"月卡"_s;
    q.sku = {{u"颜色"_s, u"红"_s}};
    const auto result = await(adapter()->checkStock(q));
    QVERIFY(result.ok());
    QCOMPARE(result->count, std::optional<qint64>(3));
    QVERIFY(!result->sufficient);
    const SupplierRequest& r = m_server->requests().first();
    QCOMPARE(r.path, QByteArray("/shared/commodity/stock"));
    QVERIFY(r.body.contains("sku%5B%E9%A2%9C%E8%89%B2%5D=%E7%BA%A2"));
    QCOMPARE(r.formField("sku[颜色]"), QByteArray("红"));
    QVERIFY(signatureValid(r));
    QVERIFY(m_adapter->diagnostics().signedText.contains("sku[颜色]=红"));
}

void TestAcgFakaAdapter::tradeReturnsTheCards()
{
    m_server->setHandler([](const SupplierRequest&) {
        return CannedAnswer::json(
            R"({"code":200,"msg":"success","data":{"tradeNo":"240101120000123","amount":"19.80","secret":"CARD-A 1111\r\nCARD-B 2222\n","stock":35}})");
    });
    const auto result = await(adapter()->purchase(tradeOf("C0S0K7QZ3AB12CD34EF")));
    QVERIFY2(result.ok(), qPrintable(result.error().describe()));
    QCOMPARE(result->status, PurchaseStatus::Succeeded);
    QCOMPARE(result->upstreamOrderNo, u"240101120000123"_s);
    QCOMPARE(result->amount->units(), 198000);
    QCOMPARE(result->cards.size(), 2);
    QCOMPARE(result->cards.at(0).secret, u"CARD-A 1111"_s);
    QCOMPARE(result->cards.at(1).secret, u"CARD-B 2222"_s);
    const SupplierRequest& r = m_server->requests().first();
    QCOMPARE(r.path, QByteArray("/shared/commodity/trade"));
    QCOMPARE(r.formField("shared_code"), QByteArray("8AE80574F3CA"));
    QCOMPARE(r.formField("num"), QByteArray("2"));
    QCOMPARE(r.formField("request_no"), QByteArray("C0S0K7QZ3AB12CD34EF"));
    QVERIFY(signatureValid(r));
    const Diagnostics shown = m_adapter->diagnostics().redacted();
    QVERIFY(!shown.responseBody.contains("CARD-A"));
    QVERIFY(shown.responseBody.contains("240101120000123"));
}

void TestAcgFakaAdapter::tradeWithFewerCardsOrAPlaceholderNeedsReview()
{
    int call = 0;
    m_server->setHandler([&call](const SupplierRequest&) {
        if (call++ == 0)
            return CannedAnswer::json(
                R"({"code":200,"msg":"success","data":{"tradeNo":"T1","amount":"9.90","secret":"ONLY-ONE"}})");
        return CannedAnswer::json(
            R"({"code":200,"msg":"success","data":{"tradeNo":"T2","amount":"9.90","secret":"很抱歉，有人在你付款之前抢走了商品，请联系客服。"}})");
    });
    AcgFakaAdapter* a = adapter();
    const auto fewer = await(a->purchase(tradeOf("AAA0000000000000001")));
    QVERIFY(fewer.ok());
    QCOMPARE(fewer->status, PurchaseStatus::ManualReview);
    QCOMPARE(fewer->reviewReason, ReviewReason::CardCountMismatch);
    const auto apology = await(a->purchase(tradeOf("AAA0000000000000002", 1)));
    QVERIFY(apology.ok());
    QCOMPARE(apology->status, PurchaseStatus::ManualReview);
    QCOMPARE(apology->reviewReason, ReviewReason::PlaceholderText);
    QVERIFY(apology->cards.isEmpty());
    QVERIFY(apology->secretText.startsWith(u"很抱歉"_s));
}

void TestAcgFakaAdapter::businessErrorKeepsTheUpstreamMessage()
{
    m_server->setHandler(
        [](const SupplierRequest&) { return CannedAnswer::json(R"({"code":0,"msg":"Incorrect key"})"); });
    const auto result = await(adapter()->purchase(tradeOf("AAA0000000000000003")));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, SupplierError::Business);
    QCOMPARE(result.error().code, u"0"_s);
    QCOMPARE(result.error().upstreamMessage, u"Incorrect key"_s);
    QVERIFY(!result.error().outcomeUnknown);
    QVERIFY(!result.error().retryOnAlternative);
}

void TestAcgFakaAdapter::htmlUnder200IsAFailedCallWithUnknownOutcome()
{
    m_server->setHandler([](const SupplierRequest&) {
        CannedAnswer a;
        a.contentType = "text/html; charset=utf-8";
        a.body =
            "<!DOCTYPE html><html><head><title>系统错误</title></head><body>SQLSTATE[22001]</body></html>";
        return a;
    });
    const auto result = await(adapter()->purchase(tradeOf("AAA0000000000000004")));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, SupplierError::Malformed);
    QVERIFY(result.error().outcomeUnknown);
    QCOMPARE(result.error().httpStatus, 200);
    QVERIFY(m_adapter->diagnostics().responseBody.contains("SQLSTATE"));
}

void TestAcgFakaAdapter::wrongTypesAreMalformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("code is text") << QByteArray(R"({"code":"success","data":{"balance":"1"}})");
    QTest::newRow("code missing") << QByteArray(R"({"msg":"success","data":{"balance":"1"}})");
    QTest::newRow("unknown code") << QByteArray(R"({"code":500,"msg":"x"})");
    QTest::newRow("balance object") << QByteArray(R"({"code":200,"data":{"balance":{}}})");
    QTest::newRow("balance float text") << QByteArray(R"({"code":200,"data":{"balance":"1.234567"}})");
    QTest::newRow("data array") << QByteArray(R"({"code":200,"data":[]})");
    QTest::newRow("array root") << QByteArray(R"([{"code":200}])");
    QTest::newRow("two codes") << QByteArray(R"({"code":0,"code":200,"data":{"balance":"1"}})");
}

void TestAcgFakaAdapter::wrongTypesAreMalformed()
{
    QFETCH(QByteArray, body);
    m_server->setHandler([body](const SupplierRequest&) { return CannedAnswer::json(body); });
    const auto result = await(adapter()->balance());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, SupplierError::Malformed);
    QVERIFY(!result.error().outcomeUnknown); // a read, not a purchase
}

void TestAcgFakaAdapter::hugeBodyIsAborted()
{
    m_server->setHandler([](const SupplierRequest&) {
        CannedAnswer a;
        a.delivery = CannedAnswer::Delivery::Stream;
        a.streamBytes = qint64{64} * 1024 * 1024;
        return a;
    });
    HttpOptions http;
    http.maxBodyBytes = 256 * 1024;
    const auto result = await(adapter(http)->catalogue());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, SupplierError::TooLarge);
    QVERIFY(m_server->streamedBytes() < qint64{64} * 1024 * 1024);
}

void TestAcgFakaAdapter::truncatedBodyIsMalformed()
{
    m_server->setHandler([](const SupplierRequest&) {
        CannedAnswer a = CannedAnswer::json(
            R"({"code":200,"msg":"success","data":{"tradeNo":"T9","amount":"1.00","secret":"CARD-1\nCARD-2"}})");
        a.delivery = CannedAnswer::Delivery::Truncated;
        return a;
    });
    const auto result = await(adapter()->purchase(tradeOf("AAA0000000000000005")));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, SupplierError::Malformed);
    QVERIFY(result.error().outcomeUnknown);
}

void TestAcgFakaAdapter::timeoutIsTypedAndUnknownForATrade()
{
    m_server->setHandler([](const SupplierRequest&) {
        CannedAnswer a;
        a.delivery = CannedAnswer::Delivery::Never;
        return a;
    });
    HttpOptions http;
    http.timeout = std::chrono::milliseconds{200};
    AcgFakaAdapter* a = adapter(http);
    const auto trade = await(a->purchase(tradeOf("AAA0000000000000006")));
    QVERIFY(!trade.ok());
    QCOMPARE(trade.error().kind, SupplierError::Timeout);
    QVERIFY(trade.error().outcomeUnknown);
    const auto read = await(a->balance());
    QCOMPARE(read.error().kind, SupplierError::Timeout);
    QVERIFY(!read.error().outcomeUnknown);
}

void TestAcgFakaAdapter::redirectIsNotFollowed()
{
    m_server->setHandler([this](const SupplierRequest&) {
        CannedAnswer a = CannedAnswer::json(R"({"code":200,"data":{"balance":"1"}})");
        a.status = 302;
        a.headers = {{"Location", m_server->url(u"/elsewhere"_s).toEncoded()}};
        return a;
    });
    const auto result = await(adapter()->balance());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, SupplierError::Redirect);
    QCOMPARE(result.error().httpStatus, 302);
    QTest::qWait(50);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestAcgFakaAdapter::requestNoTooLongIsNeverSent()
{
    const auto result = await(adapter()->purchase(tradeOf("ABCDEFGHIJKLMNOPQRST"))); // 20
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, SupplierError::InvalidRequest);
    QVERIFY(!result.error().outcomeUnknown);
    QCOMPARE(m_server->requestCount(), 0);
}

void TestAcgFakaAdapter::aRequestNoIsNeverSentTwice()
{
    m_server->setHandler([](const SupplierRequest&) {
        CannedAnswer a;
        a.delivery = CannedAnswer::Delivery::Never;
        return a;
    });
    HttpOptions http;
    http.timeout = std::chrono::milliseconds{100};
    AcgFakaAdapter* a = adapter(http);
    const auto first = await(a->purchase(tradeOf("AAA0000000000000007")));
    QCOMPARE(first.error().kind, SupplierError::Timeout);
    const auto again = await(a->purchase(tradeOf("AAA0000000000000007")));
    QCOMPARE(again.error().kind, SupplierError::InvalidRequest);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestAcgFakaAdapter::queryOnlyByTradeNo()
{
    m_server->setHandler([](const SupplierRequest&) {
        return CannedAnswer::json(
            R"({"code":200,"msg":"success","data":{"secret":"K1\nK2","widget":null,"status":1}})");
    });
    AcgFakaAdapter* a = adapter();
    QVERIFY(!a->canQueryByExternalNo());
    const auto byOurs = await(a->queryByExternalNo("AAA0000000000000001"));
    QCOMPARE(byOurs.error().kind, SupplierError::InvalidRequest);
    QCOMPARE(m_server->requestCount(), 0);
    const auto byTheirs = await(a->queryByTradeNo(u"240101120000123"_s));
    QVERIFY(byTheirs.ok());
    QCOMPARE(byTheirs->status, PurchaseStatus::Succeeded);
    QCOMPARE(byTheirs->cards.size(), 2);
    QCOMPARE(m_server->requests().first().formField("tradeNo"), QByteArray("240101120000123"));
}

void TestAcgFakaAdapter::insecureHttpIsRefused()
{
    AcgFakaConfig config;
    config.baseUrl = QUrl(u"http://shop.example.com"_s);
    config.appId = test::kAcgAppId;
    config.appKey = test::kAcgAppKey;
    AcgFakaAdapter a(config);
    const auto result = await(a.balance());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, SupplierError::InvalidRequest);
    QVERIFY(!a.verifiedAgainstRealGateway());
}

void TestAcgFakaAdapter::destroyingFinishesPendingCalls()
{
    m_server->setHandler([](const SupplierRequest&) {
        CannedAnswer a;
        a.delivery = CannedAnswer::Delivery::Never;
        return a;
    });
    QFuture<SupplierResult<PurchaseResult>> trade = adapter()->purchase(tradeOf("AAA0000000000000008"));
    QTRY_COMPARE(m_server->requestCount(), 1);
    m_adapter.reset();
    QVERIFY(trade.isFinished());
    QCOMPARE(trade.result().error().kind, SupplierError::Cancelled);
    QVERIFY(trade.result().error().outcomeUnknown);
}

void TestAcgFakaAdapter::errorTextIsTranslatable()
{
    SupplierError e;
    e.kind = SupplierError::Timeout;
    e.outcomeUnknown = true;
    const QString text = SupplierErrorText::describe(e);
    QVERIFY(text.contains(u"in time"_s));
    QVERIFY(text.contains(u"never sent again"_s));
    e.kind = SupplierError::Business;
    e.outcomeUnknown = false;
    e.code = u"0"_s;
    e.upstreamMessage = u"库存不足"_s;
    QVERIFY(SupplierErrorText::describe(e).endsWith(u"0 库存不足"_s));
}

QTEST_GUILESS_MAIN(TestAcgFakaAdapter)
#include "tst_acgfakaadapter.moc"
