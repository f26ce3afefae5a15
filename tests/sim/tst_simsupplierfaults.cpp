// Faults of cardops-sim's supplier roles: the platform's modes at rate 1 and 0 on both suppliers,
// lost responses (the purchase executed upstream, the connection closed without a byte), Fulu's
// bad result sign, 5xx on purchases, and the role filter. Everything over real loopback HTTP.
#include "tests/sim/simclient.h"
#include "tests/sim/supplierclient.h"

#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using sim::FaultMode;
using test::AcgClient;
using test::FuluClient;
using test::HttpReply;

Q_DECLARE_METATYPE(sim::FaultMode)

namespace {

constexpr char kSteam[] = "8AE80574F3CA";

QByteArray cardAdd(const QByteArray& number)
{
    return "{\"product_id\":10000489,\"buy_num\":1,\"customer_order_no\":\"" + number + "\"}";
}

AcgClient::Fields trade(const QByteArray& requestNo)
{
    return {{"shared_code", kSteam}, {"num", "1"}, {"request_no", requestNo}};
}

} // namespace

class TestSimSupplierFaults : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<core::ManualClock> m_clock;
    std::unique_ptr<sim::SimServer> m_server;
    std::unique_ptr<FuluClient> m_fulu;
    std::unique_ptr<AcgClient> m_acg;
    quint16 m_port = 0;

    sim::SupplierRoles& suppliers() { return m_server->suppliers(); }
    void setFaults(FaultMode mode, double rate, bool fulu = true, bool acgFaka = true)
    {
        sim::SupplierFaultConfig c;
        c.shared.setRate(mode, rate);
        c.shared.latencyMinMs = 20;
        c.shared.latencyMaxMs = 40;
        c.shared.retryAfterSeconds = 0;
        c.fulu = fulu;
        c.acgFaka = acgFaka;
        suppliers().setFaults(c);
    }

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<core::ManualClock>(test::kSupplierTestStartMs);
        m_server = test::startSupplierServer(*m_clock);
        m_port = m_server->listen(QHostAddress::LocalHost, 0);
        QVERIFY(m_port != 0);
        m_fulu = std::make_unique<FuluClient>(m_port);
        m_acg = std::make_unique<AcgClient>(m_port);
    }
    void cleanup()
    {
        m_fulu.reset();
        m_acg.reset();
        m_server.reset();
    }

    void sharedModesAtRateOneAndZero_data()
    {
        QTest::addColumn<FaultMode>("mode");
        QTest::addColumn<double>("rate");
        QTest::addColumn<bool>("fulu");
        for (FaultMode mode :
             {FaultMode::Latency, FaultMode::ServerError, FaultMode::TooMany, FaultMode::Timeout,
              FaultMode::Truncated, FaultMode::Malformed, FaultMode::BadSignature}) {
            const QString name = sim::FaultConfig::modeName(mode);
            for (bool fulu : {true, false}) {
                const char* role = fulu ? "fulu" : "acg-faka";
                QTest::addRow("%s %s at 1", role, qPrintable(name)) << mode << 1.0 << fulu;
                QTest::addRow("%s %s at 0", role, qPrintable(name)) << mode << 0.0 << fulu;
            }
        }
    }
    void sharedModesAtRateOneAndZero()
    {
        QFETCH(FaultMode, mode);
        QFETCH(double, rate);
        QFETCH(bool, fulu);
        const bool on = rate > 0;
        setFaults(mode, rate);
        if (mode == FaultMode::Timeout) {
            m_fulu->setTransferTimeout(400);
            m_acg->setTransferTimeout(400);
        }
        const HttpReply r =
            fulu ? m_fulu->call("fulu.user.info.get") : m_acg->call("authentication/connect", {});
        const int okCode = fulu ? 0 : 200;
        const bool normal = r.status == 200 && r.parses() && r.code() == okCode;
        QCOMPARE(suppliers().faultCount(mode), on ? 1 : 0);
        switch (mode) {
        case FaultMode::Latency:
            QVERIFY(normal);
            break;
        case FaultMode::ServerError:
            QCOMPARE(r.status, on ? 500 : 200);
            QCOMPARE(r.contentType.startsWith("text/html"), on);
            break;
        case FaultMode::TooMany:
            QCOMPARE(r.status, on ? 429 : 200);
            QCOMPARE(r.retryAfter, on ? QByteArray("0") : QByteArray());
            break;
        case FaultMode::Timeout:
            QVERIFY(r.finished);
            QCOMPARE(r.error != QNetworkReply::NoError, on);
            break;
        case FaultMode::Truncated:
        case FaultMode::Malformed:
            QCOMPARE(r.status, 200);
            QCOMPARE(r.parses(), !on);
            break;
        case FaultMode::BadSignature:
            QCOMPARE(r.status, 200);
            if (fulu)
                QCOMPARE(r.code(), on ? 1002 : 0);
            else
                QCOMPARE(r.msg(), on ? u"密钥错误"_s : u"success"_s);
            break;
        default:
            QFAIL("not a supplier mode");
        }
    }

    void lostResponseExecutesWithoutAnswering()
    {
        sim::SupplierFaultConfig c;
        c.lostResponse = 1.0;
        suppliers().setFaults(c);
        // Raw sockets see exactly what the server does: the purchase runs, then the connection
        // closes with not a byte sent.
        const QByteArray add = m_fulu->body("fulu.order.card.add", cardAdd("L-1"));
        const test::RawExchange fulu = test::rawPost(m_port, "/api/getway", "application/json", add);
        QVERIFY(fulu.closed);
        QVERIFY(fulu.received.isEmpty());
        QCOMPARE(suppliers().fulu().purchaseCount(), 1);
        QVERIFY(suppliers().fulu().order("L-1").has_value());
        QCOMPARE(suppliers().fulu().balance(), core::Money::fromYuan(9950));
        // Sent again, the same number is answered with the existing order (nothing bought twice).
        const test::RawExchange again = test::rawPost(m_port, "/api/getway", "application/json", add, 300);
        QVERIFY(again.received.startsWith("HTTP/1.1 200"));
        QCOMPARE(suppliers().fulu().purchaseCount(), 1);

        const QByteArray body = core::signing::acgFakaFormBody(
            AcgClient::withCredentials(trade("LOST000000000000001")), sim::AcgFakaState::kAppKey);
        const test::RawExchange acg =
            test::rawPost(m_port, "/shared/commodity/trade", "application/x-www-form-urlencoded", body);
        QVERIFY(acg.closed);
        QVERIFY(acg.received.isEmpty());
        QCOMPARE(suppliers().acgFaka().purchaseCount(), 1);
        QVERIFY(suppliers().acgFaka().tradeByRequestNo("LOST000000000000001").has_value());
        QCOMPARE(suppliers().acgFaka().stock(kSteam), 39);
        QCOMPARE(suppliers().lostResponses(), 2);
        // Reads and refusals are answered: only an executed purchase loses its answer.
        const test::RawExchange refused =
            test::rawPost(m_port, "/shared/commodity/trade", "application/x-www-form-urlencoded", body, 300);
        QVERIFY(refused.received.contains("The request ID already exists"));
        QCOMPARE(suppliers().acgFaka().purchaseCount(), 1);
    }

    void lostResponseSeenThroughQNetworkAccessManager()
    {
        // Qt 6.4's QNetworkAccessManager sends a POST again, once, when the connection closes before
        // any byte of the answer. The simulator then sees the purchase twice: Fulu answers the repeat
        // with the order, acg-faka refuses the repeated request_no. Either way nothing is bought twice.
        sim::SupplierFaultConfig c;
        c.lostResponse = 1.0;
        suppliers().setFaults(c);
        const HttpReply fulu = m_fulu->call("fulu.order.card.add", cardAdd("Q-1"));
        QCOMPARE(suppliers().fulu().purchaseCount(), 1);
        const bool fuluResent = suppliers().requestCount() == 2;
        QCOMPARE(fulu.code(), fuluResent ? 0 : -1);
        const HttpReply acg = m_acg->call("commodity/trade", trade("QNAM000000000000001"));
        QCOMPARE(suppliers().acgFaka().purchaseCount(), 1);
        const bool acgResent = suppliers().requestCount() - (fuluResent ? 2 : 1) == 2;
        QCOMPARE(acg.msg(), acgResent ? u"The request ID already exists"_s : QString());
        QCOMPARE(acgResent, fuluResent);
        if (fuluResent)
            qInfo("QNetworkAccessManager re-sent the POST after the lost response");
    }

    void badResultSign()
    {
        sim::SupplierFaultConfig c;
        c.badResultSign = 1.0;
        suppliers().setFaults(c);
        const HttpReply r = m_fulu->call("fulu.user.info.get");
        QCOMPARE(r.code(), 0);
        QVERIFY(!r.fuluSignOk());
        QCOMPARE(suppliers().badResultSigns(), 1);
        suppliers().setFaults({});
        QVERIFY(m_fulu->call("fulu.user.info.get").fuluSignOk());
    }

    void serverErrorsOnPurchasesApplyAtMostOnce()
    {
        // Half the 5xx strike after the purchase: the answer is lost, the purchase stands.
        setFaults(FaultMode::ServerError, 1.0);
        for (int i = 0; i < 12; ++i) {
            const QByteArray n = QByteArray::number(i);
            QCOMPARE(m_fulu->call("fulu.order.card.add", cardAdd("E-" + n)).status, 500);
            QCOMPARE(
                m_acg->call("commodity/trade", trade("ERR00000000000000" + n.rightJustified(2, '0'))).status,
                500);
        }
        const qint64 fuluApplied = suppliers().fulu().purchaseCount();
        const qint64 acgApplied = suppliers().acgFaka().purchaseCount();
        QVERIFY2(fuluApplied > 0 && fuluApplied < 12, qPrintable(QString::number(fuluApplied)));
        QVERIFY2(acgApplied > 0 && acgApplied < 12, qPrintable(QString::number(acgApplied)));
        suppliers().setFaults({});
        // Fulu: the same number again is the existing order or a first purchase, never a second one.
        for (int i = 0; i < 12; ++i)
            QCOMPARE(m_fulu->call("fulu.order.card.add", cardAdd("E-" + QByteArray::number(i))).code(), 0);
        QCOMPARE(suppliers().fulu().purchaseCount(), 12);
        QCOMPARE(suppliers().fulu().balance(), core::Money::fromYuan(10000 - 12 * 50));
        // acg-faka: a request_no that went through is refused, one that did not is bought now.
        int refused = 0;
        for (int i = 0; i < 12; ++i) {
            const QByteArray n = QByteArray::number(i).rightJustified(2, '0');
            refused += m_acg->call("commodity/trade", trade("ERR00000000000000" + n)).code() == 0 ? 1 : 0;
        }
        QCOMPARE(refused, acgApplied);
        QCOMPARE(suppliers().acgFaka().purchaseCount(), 12);
    }

    void rolesFilterAndPlatformUntouched()
    {
        setFaults(FaultMode::ServerError, 1.0, false, true);
        QCOMPARE(m_fulu->call("fulu.user.info.get").code(), 0);
        QCOMPARE(m_acg->call("authentication/connect", {}).status, 500);
        test::SimClient platform(m_port, *m_clock);
        QCOMPARE(platform.send("GET", "/v1/shop").status, 200);
        QCOMPARE(m_server->faultCount(FaultMode::ServerError), 0);
    }
};

QTEST_GUILESS_MAIN(TestSimSupplierFaults)
#include "tst_simsupplierfaults.moc"
