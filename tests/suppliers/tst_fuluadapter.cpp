// FuluAdapter against a canned local gateway: signed ASCII requests, double-encoded results, the
// response sign, product rejections, hostile answers and polling with injected delays
// (protocols.md §1).
#include "core/cipher.h"
#include "core/signing.h"
#include "suppliers/fuluadapter.h"
#include "tests/suppliers/suppliertestutil.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace cardops;
using namespace cardops::suppliers;
using cardops::test::await;
using cardops::test::CannedAnswer;
using cardops::test::FakeSupplierServer;
using cardops::test::fuluAnswer;
using cardops::test::SupplierRequest;

namespace {

QString orderJson(const QString& state, const QString& number = u"CO2024000001"_s, const QString& cards = {})
{
    QString json = uR"({"order_id":"24010112000001","customer_order_no":")"_s + number +
                   uR"(","product_id":10000587,"product_name":"测试卡","buy_num":1,"order_type":3,)"
                   uR"("order_price":12.3456,"order_state":")"_s +
                   state + uR"(","create_time":"2024-01-01 12:00:00"})"_s;
    if (!cards.isEmpty())
        json = json.chopped(1) + u",\"cards\":"_s + cards + u'}';
    return json;
}

QString oneCard()
{
    const QByteArray pwd = core::encryptFuluCard("PWD-测试-0001", test::kFuluSecret).value();
    const QByteArray number = core::encryptFuluCard("NO-0001", test::kFuluSecret).value();
    return uR"([{"card_number":")"_s + QString::fromLatin1(number) + uR"(","card_pwd":")"_s +
           QString::fromLatin1(pwd) + uR"(","card_type":0,"card_deadline":"2030-12-31"}])"_s;
}

PollPolicy fastPolicy(std::chrono::milliseconds bound = 5000ms)
{
    PollPolicy p;
    p.initialDelays = {5ms, 5ms, 10ms};
    p.maxDelay = 20ms;
    p.bound = bound;
    return p;
}

} // namespace

class TestFuluAdapter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void balanceAndTheRequestOnTheWire();
    void nonAsciiIsEscapedInBizContent();
    void doubleEncodedCatalogue();
    void stockCheck();
    void badResponseSignatureIsASignatureError();
    void unsignedResultIsAccepted();
    void productRejectionIsRetryableOnAnAlternative_data();
    void productRejectionIsRetryableOnAnAlternative();
    void otherCodesOnAPurchaseLeaveTheOutcomeUnknown();
    void hostileAnswers_data();
    void hostileAnswers();
    void hugeBodyIsAborted();
    void timeoutIsTyped();
    void redirectIsNotFollowed();
    void purchaseIsOnlyAccepted();
    void anOrderNumberIsNeverSentTwice();
    void queryDecryptsTheCards();
    void pollsUntilSuccess();
    void pollsThroughTransientErrors();
    void pollingStopsOnABusinessError();
    void pollingBoundGoesToManualReview();
    void pollPolicyDefaults();
    void destroyingCancelsPolling();
    void labelledUnverified();

private:
    FuluAdapter* adapter(HttpOptions http = {}, PollPolicy poll = fastPolicy());

    FakeSupplierServer* m_server = nullptr;
    std::unique_ptr<core::ManualClock> m_clock;
    std::unique_ptr<FuluAdapter> m_adapter;
};

void TestFuluAdapter::init()
{
    m_server = new FakeSupplierServer(this);
    QVERIFY(m_server->listen());
    m_clock = std::make_unique<core::ManualClock>(test::fuluVectorMs());
}

void TestFuluAdapter::cleanup()
{
    m_adapter.reset();
    delete m_server;
    m_server = nullptr;
}

FuluAdapter* TestFuluAdapter::adapter(HttpOptions http, PollPolicy poll)
{
    FuluConfig config;
    config.gatewayUrl = m_server->url(u"/api/getway"_s);
    config.appKey = test::kFuluAppKey;
    config.appSecret = test::kFuluSecret;
    http.timeout = std::min(http.timeout, std::chrono::milliseconds{5000});
    config.http = http;
    config.poll = poll;
    m_adapter = std::make_unique<FuluAdapter>(config, m_clock.get());
    return m_adapter.get();
}

void TestFuluAdapter::balanceAndTheRequestOnTheWire()
{
    m_server->setHandler([](const SupplierRequest&) {
        return CannedAnswer::json(fuluAnswer(
            0, u"接口调用成功"_s, uR"({"name":"测试商户","balance":900719925474.0993,"is_open":1})"_s));
    });
    const auto result = await(adapter()->balance());
    QVERIFY2(result.ok(), qPrintable(result.error().describe()));
    QCOMPARE(result->amount.units(), 9007199254740993);
    QCOMPARE(result->accountName, u"测试商户"_s);
    QCOMPARE(result->isOpen, std::optional<bool>(true));

    const SupplierRequest& r = m_server->requests().first();
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.path, QByteArray("/api/getway"));
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(r.header("Accept-Language"), QByteArray("zh-CN"));
    QVERIFY(core::signing::verifyFuluBody(r.body, test::kFuluSecret));
    QCOMPARE(test::fuluMethod(r), QByteArray("fulu.user.info.get"));
    QCOMPARE(test::fuluBizContent(r), QByteArray("{}"));
    QVERIFY(r.body.contains(R"("timestamp":"2024-01-01 12:00:00")"));
    QVERIFY(r.body.contains("i4esv1l+76l/7NQCL3QudG90Fq+YgVfFGJAWgT+7qO1Bm9o/adG/1iwO2qXsAXNB"));

    const Diagnostics d = m_adapter->diagnostics();
    QCOMPARE(d.requestBody, r.body);
    QVERIFY(d.responseSignatureValid.value_or(false));
    QCOMPARE(d.responseSignatureReceived, d.responseSignatureComputed);
    const QByteArray rebuilt = d.signedText.chopped(1) + ",\"sign\":\"" + d.requestSignature + "\"}";
    QCOMPARE(rebuilt, r.body);
}

void TestFuluAdapter::nonAsciiIsEscapedInBizContent()
{
    m_server->setHandler([](const SupplierRequest&) {
        return CannedAnswer::json(fuluAnswer(0, u"ok"_s, orderJson(u"untreated"_s)));
    });
    PurchaseRequest r;
    r.productId = u"10000586"_s;
    r.externalOrderNo = "CO2024000001";
    r.chargeAccount = u"张三/zhang"_s;
    r.extraFields = {{u"charge_game_name"_s, u"王者荣耀"_s}};
    const auto result = await(adapter()->purchase(r));
    QVERIFY2(result.ok(), qPrintable(result.error().describe()));
    const QByteArray body = m_server->requests().first().body;
    QVERIFY(std::all_of(body.begin(), body.end(), [](char c) { return c > 0 && c < 0x7F; }));
    QVERIFY(body.contains("\\u5f20\\u4e09/zhang"));
    QVERIFY(core::signing::verifyFuluBody(body, test::kFuluSecret));
    QCOMPARE(test::fuluMethod(m_server->requests().first()), QByteArray("fulu.order.direct.add"));
    QVERIFY(test::fuluBizContent(m_server->requests().first()).contains("\"charge_game_name\":\"王者荣耀\""));
}

void TestFuluAdapter::doubleEncodedCatalogue()
{
    m_server->setHandler([](const SupplierRequest&) {
        return CannedAnswer::json(fuluAnswer(
            0, u"接口调用成功"_s,
            uR"([{"product_id":10000587,"product_name":"腾讯Q币10元","product_type":"卡密","face_value":10,)"
            uR"("purchase_price":"9.8500","sales_status":"上架","stock_status":"警报","template_id":"","details":"说明"},)"
            uR"({"product_id":10000586,"product_name":"话费直充","product_type":"直充","face_value":"50","purchase_price":49.9,)"
            uR"("sales_status":"维护中","stock_status":"断货","template_id":12},)"
            uR"({"product_id":10000600,"product_name":"联通直充","product_type":"直充","face_value":"30",)"
            uR"("purchase_price":"29.9000","sales_status":"上架","stock_status":"充足","template_id":"T1001"},)"
            uR"({"product_id":"abc","product_name":"坏的"}])"_s));
    });
    const auto result = await(adapter()->catalogue());
    QVERIFY2(result.ok(), qPrintable(result.error().describe()));
    QCOMPARE(result->products.size(), 3);
    QCOMPARE(result->rejected.size(), 1);
    const SupplierProduct& q = result->products.at(0);
    QCOMPARE(q.productId, u"10000587"_s);
    QCOMPARE(q.type, ProductType::Card);
    QCOMPARE(q.cost->units(), 98500);
    QCOMPARE(q.listPrice->units(), 100000);
    QCOMPARE(q.stockLevel, StockLevel::Low);
    QVERIFY(q.onSale);
    QVERIFY(q.templateId.isEmpty());
    QVERIFY(q.rawJson.startsWith("{\"product_id\":10000587"));
    const SupplierProduct& d = result->products.at(1);
    QCOMPARE(d.type, ProductType::DirectRecharge);
    QCOMPARE(d.cost->units(), 499000);
    QVERIFY(!d.onSale);
    QCOMPARE(d.stockLevel, StockLevel::Out);
    QCOMPARE(d.templateId, u"12"_s);
    // A template id is an opaque reference: text is kept as sent, as a number is.
    QCOMPARE(result->products.at(2).templateId, u"T1001"_s);
}

void TestFuluAdapter::stockCheck()
{
    m_server->setHandler([](const SupplierRequest&) {
        return CannedAnswer::json(
            fuluAnswer(0, u"ok"_s, uR"({"product_id":10000587,"stock_status":"充足"})"_s));
    });
    StockQuery q;
    q.productId = u"10000587"_s;
    q.quantity = 3;
    const auto result = await(adapter()->checkStock(q));
    QVERIFY(result.ok());
    QCOMPARE(result->level, StockLevel::Plenty);
    QVERIFY(result->sufficient);
    QCOMPARE(test::fuluBizContent(m_server->requests().first()),
             QByteArray(R"({"product_id":10000587,"buy_num":3})"));
}

void TestFuluAdapter::badResponseSignatureIsASignatureError()
{
    m_server->setHandler([](const SupplierRequest&) {
        return CannedAnswer::json(
            fuluAnswer(0, u"ok"_s, orderJson(u"untreated"_s), "ffffffffffffffffffffffffffffffff"));
    });
    PurchaseRequest r;
    r.productId = u"10000587"_s;
    r.externalOrderNo = "CO2024000001";
    const auto result = await(adapter()->purchase(r));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, SupplierError::Signature);
    QVERIFY(result.error().outcomeUnknown);
    const Diagnostics d = m_adapter->diagnostics();
    QCOMPARE(d.responseSignatureValid, std::optional<bool>(false));
    QCOMPARE(d.responseSignatureComputed,
             core::signing::fuluResultSign(orderJson(u"untreated"_s), test::kFuluSecret));
    QVERIFY(d.responseSignatureReceived != d.responseSignatureComputed);
}

void TestFuluAdapter::unsignedResultIsAccepted()
{
    m_server->setHandler([](const SupplierRequest&) {
        return CannedAnswer::json(fuluAnswer(0, u"ok"_s, uR"({"name":"n","balance":"1.5"})"_s, QByteArray()));
    });
    const auto result = await(adapter()->balance());
    QVERIFY(result.ok());
    QVERIFY(!m_adapter->diagnostics().responseSignatureValid.has_value());
}

void TestFuluAdapter::productRejectionIsRetryableOnAnAlternative_data()
{
    QTest::addColumn<int>("code");
    for (int code : {3001, 3002, 3003, 3004, 3005, 3008})
        QTest::newRow(qPrintable(QString::number(code))) << code;
}

void TestFuluAdapter::productRejectionIsRetryableOnAnAlternative()
{
    QFETCH(int, code);
    m_server->setHandler([code](const SupplierRequest&) {
        return CannedAnswer::json(fuluAnswer(code, u"商品库存不足"_s, QString(), QByteArray()));
    });
    PurchaseRequest r;
    r.productId = u"10000587"_s;
    r.externalOrderNo = "CO2024000002";
    const auto result = await(adapter()->purchase(r));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, SupplierError::ProductRejected);
    QVERIFY(result.error().retryOnAlternative);
    QVERIFY(!result.error().outcomeUnknown);
    QCOMPARE(result.error().code, QString::number(code));
    QCOMPARE(result.error().upstreamMessage, u"商品库存不足"_s);
}

void TestFuluAdapter::otherCodesOnAPurchaseLeaveTheOutcomeUnknown()
{
    m_server->setHandler([](const SupplierRequest&) {
        return CannedAnswer::json(fuluAnswer(3007, u"未公开的错误"_s, QString(), QByteArray()));
    });
    PurchaseRequest r;
    r.productId = u"10000587"_s;
    r.externalOrderNo = "CO2024000003";
    const auto result = await(adapter()->purchase(r));
    QCOMPARE(result.error().kind, SupplierError::Business);
    QVERIFY(!result.error().retryOnAlternative);
    QVERIFY(result.error().outcomeUnknown);
    const auto read = await(m_adapter->balance());
    QCOMPARE(read.error().kind, SupplierError::Business);
    QVERIFY(!read.error().outcomeUnknown);
}

void TestFuluAdapter::hostileAnswers_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    const auto malformed = int{SupplierError::Malformed};
    QTest::newRow("html under 200") << QByteArray("<html><body>502 Bad Gateway</body></html>") << malformed;
    QTest::newRow("result is an object")
        << QByteArray(R"({"code":0,"message":"ok","result":{"name":"n","balance":1}})") << malformed;
    QTest::newRow("result is not JSON") << fuluAnswer(0, u"ok"_s, u"not json"_s) << malformed;
    QTest::newRow("result is a JSON string") << fuluAnswer(0, u"ok"_s, u"\"text\""_s) << malformed;
    QTest::newRow("code is text") << QByteArray(R"({"code":"0","message":"ok","result":"{}"})") << malformed;
    QTest::newRow("balance is an array") << fuluAnswer(0, u"ok"_s, uR"({"balance":[1]})"_s) << malformed;
    QTest::newRow("balance has an exponent") << fuluAnswer(0, u"ok"_s, uR"({"balance":1e6})"_s) << malformed;
    QTest::newRow("sign is a number")
        << QByteArray(R"({"code":0,"message":"ok","result":"{}","sign":5})") << malformed;
    QTest::newRow("empty body") << QByteArray() << malformed;
}

void TestFuluAdapter::hostileAnswers()
{
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    m_server->setHandler([body](const SupplierRequest&) {
        CannedAnswer a = CannedAnswer::json(body);
        a.contentType = "text/html";
        return a;
    });
    const auto result = await(adapter()->balance());
    QVERIFY(!result.ok());
    QCOMPARE(int{result.error().kind}, kind);
}

void TestFuluAdapter::hugeBodyIsAborted()
{
    m_server->setHandler([](const SupplierRequest&) {
        CannedAnswer a;
        a.delivery = CannedAnswer::Delivery::Stream;
        a.streamBytes = qint64{64} * 1024 * 1024;
        return a;
    });
    HttpOptions http;
    http.maxBodyBytes = 128 * 1024;
    const auto result = await(adapter(http)->catalogue());
    QCOMPARE(result.error().kind, SupplierError::TooLarge);
}

void TestFuluAdapter::timeoutIsTyped()
{
    m_server->setHandler([](const SupplierRequest&) {
        CannedAnswer a;
        a.delivery = CannedAnswer::Delivery::Never;
        return a;
    });
    HttpOptions http;
    http.timeout = 150ms;
    PurchaseRequest r;
    r.productId = u"10000587"_s;
    r.externalOrderNo = "CO2024000004";
    const auto result = await(adapter(http)->purchase(r));
    QCOMPARE(result.error().kind, SupplierError::Timeout);
    QVERIFY(result.error().outcomeUnknown);
}

void TestFuluAdapter::redirectIsNotFollowed()
{
    m_server->setHandler([this](const SupplierRequest&) {
        CannedAnswer a;
        a.status = 307;
        a.headers = {{"Location", m_server->url(u"/api/other"_s).toEncoded()}};
        return a;
    });
    const auto result = await(adapter()->balance());
    QCOMPARE(result.error().kind, SupplierError::Redirect);
    QTest::qWait(50);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestFuluAdapter::purchaseIsOnlyAccepted()
{
    m_server->setHandler([](const SupplierRequest&) {
        return CannedAnswer::json(fuluAnswer(0, u"ok"_s, orderJson(u"success"_s)));
    });
    PurchaseRequest r;
    r.productId = u"10000587"_s;
    r.externalOrderNo = "CO2024000001";
    const auto result = await(adapter()->purchase(r));
    QVERIFY(result.ok());
    QCOMPARE(result->status, PurchaseStatus::Pending); // cards only come with fulu.order.info.get
    QCOMPARE(result->upstreamOrderNo, u"24010112000001"_s);
    QCOMPARE(result->amount->units(), 123456);
    QCOMPARE(test::fuluMethod(m_server->requests().first()), QByteArray("fulu.order.card.add"));
    QCOMPARE(test::fuluBizContent(m_server->requests().first()),
             QByteArray(R"({"product_id":10000587,"buy_num":1,"customer_order_no":"CO2024000001"})"));
}

void TestFuluAdapter::anOrderNumberIsNeverSentTwice()
{
    m_server->setHandler([](const SupplierRequest&) {
        return CannedAnswer::json(fuluAnswer(0, u"ok"_s, orderJson(u"untreated"_s)));
    });
    PurchaseRequest r;
    r.productId = u"10000587"_s;
    r.externalOrderNo = "CO2024000001";
    QVERIFY(await(adapter()->purchase(r)).ok());
    QCOMPARE(await(m_adapter->purchase(r)).error().kind, SupplierError::InvalidRequest);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestFuluAdapter::queryDecryptsTheCards()
{
    m_server->setHandler([](const SupplierRequest&) {
        return CannedAnswer::json(
            fuluAnswer(0, u"ok"_s, orderJson(u"success"_s, u"CO2024000001"_s, oneCard())));
    });
    const auto result = await(adapter()->queryByExternalNo("CO2024000001"));
    QVERIFY2(result.ok(), qPrintable(result.error().describe()));
    QCOMPARE(result->status, PurchaseStatus::Succeeded);
    QCOMPARE(result->cards.size(), 1);
    QCOMPARE(result->cards.first().number, u"NO-0001"_s);
    QCOMPARE(result->cards.first().secret, u"PWD-测试-0001"_s);
    QCOMPARE(test::fuluBizContent(m_server->requests().first()),
             QByteArray(R"({"customer_order_no":"CO2024000001"})"));
}

void TestFuluAdapter::pollsUntilSuccess()
{
    int polls = 0;
    m_server->setHandler([&polls](const SupplierRequest&) {
        ++polls;
        const QString state = polls < 3 ? u"processing"_s : u"success"_s;
        return CannedAnswer::json(
            fuluAnswer(0, u"ok"_s, orderJson(state, u"CO2024000001"_s, polls < 3 ? QString() : oneCard())));
    });
    const auto result = await(adapter()->awaitOrder("CO2024000001"));
    QVERIFY2(result.ok(), qPrintable(result.error().describe()));
    QCOMPARE(result->status, PurchaseStatus::Succeeded);
    QCOMPARE(result->cards.size(), 1);
    QCOMPARE(polls, 3);
    QCOMPARE(m_adapter->pollingCount(), 0);
}

void TestFuluAdapter::pollsThroughTransientErrors()
{
    int polls = 0;
    m_server->setHandler([&polls](const SupplierRequest&) {
        ++polls;
        if (polls == 1) {
            CannedAnswer a;
            a.status = 502;
            a.body = "<html>bad gateway</html>";
            return a;
        }
        if (polls == 2)
            return CannedAnswer::json("{\"code\":0,");
        return CannedAnswer::json(fuluAnswer(0, u"ok"_s, orderJson(u"failed"_s)));
    });
    const auto result = await(adapter()->awaitOrder("CO2024000001"));
    QVERIFY(result.ok());
    QCOMPARE(result->status, PurchaseStatus::Failed);
    QCOMPARE(polls, 3);
}

void TestFuluAdapter::pollingStopsOnABusinessError()
{
    m_server->setHandler([](const SupplierRequest&) {
        return CannedAnswer::json(fuluAnswer(1005, u"订单不存在"_s, QString(), QByteArray()));
    });
    const auto result = await(adapter()->awaitOrder("CO2024000009"));
    QCOMPARE(result.error().kind, SupplierError::Business);
    QCOMPARE(result.error().upstreamMessage, u"订单不存在"_s);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestFuluAdapter::pollingBoundGoesToManualReview()
{
    m_server->setHandler([](const SupplierRequest&) {
        return CannedAnswer::json(fuluAnswer(0, u"ok"_s, orderJson(u"processing"_s)));
    });
    QElapsedTimer timer;
    timer.start();
    const auto result = await(adapter({}, fastPolicy(150ms))->awaitOrder("CO2024000001"));
    QVERIFY(result.ok());
    QCOMPARE(result->status, PurchaseStatus::ManualReview);
    QCOMPARE(result->reviewReason, ReviewReason::PollingBound);
    QCOMPARE(result->upstreamState, u"processing"_s);
    QCOMPARE(result->upstreamOrderNo, u"24010112000001"_s);
    QVERIFY(timer.elapsed() >= 150);
    QVERIFY(m_server->requestCount() >= 5);
}

void TestFuluAdapter::pollPolicyDefaults()
{
    const PollPolicy p;
    const QList<qint64> expected = {1000, 2000, 3000, 3000, 3000, 6000, 12000, 24000, 48000, 60000, 60000};
    for (int n = 1; n <= expected.size(); ++n)
        QCOMPARE(p.delayBefore(n).count(), expected.at(n - 1));
    QCOMPARE(p.delayBefore(1000).count(), 60000);
    QCOMPARE(std::chrono::duration_cast<std::chrono::minutes>(p.bound).count(), 120);
}

void TestFuluAdapter::destroyingCancelsPolling()
{
    m_server->setHandler([](const SupplierRequest&) {
        return CannedAnswer::json(fuluAnswer(0, u"ok"_s, orderJson(u"processing"_s)));
    });
    QFuture<SupplierResult<PurchaseResult>> future = adapter()->awaitOrder("CO2024000001");
    QTest::qWait(30);
    m_adapter.reset();
    QVERIFY(future.isFinished());
    QCOMPARE(future.result().error().kind, SupplierError::Cancelled);
}

void TestFuluAdapter::labelledUnverified()
{
    QVERIFY(!adapter()->verifiedAgainstRealGateway());
    QVERIFY(m_adapter->canQueryByExternalNo());
}

QTEST_GUILESS_MAIN(TestFuluAdapter)
#include "tst_fuluadapter.moc"
