// The platform conformance suite (tests/support/platformconformance.h) against cardops-sim's
// platform role over real loopback HTTP. The same suite runs against cardops-bridge
// (tests/bridge/tst_bridgeconformance.cpp).
#include "sim/data/generator.h"
#include "sim/server/simserver.h"
#include "tests/support/platformconformance.h"

#include <QtTest>

using namespace cardops;

namespace {

constexpr qint64 kEnd = 1764300000;

} // namespace

class TestSimConformance : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<core::ManualClock> m_clock;
    std::unique_ptr<sim::SimServer> m_server;
    std::unique_ptr<test::PlatformConformance> m_suite;

private Q_SLOTS:
    void initTestCase()
    {
        m_clock = std::make_unique<core::ManualClock>(kEnd * 1000);
        sim::GeneratorParams p;
        p.seed = 11;
        p.days = 5;
        p.orders = 600;
        p.members = 120;
        p.goods = 40;
        p.endTime = kEnd;
        m_server = std::make_unique<sim::SimServer>(sim::generatePlatform(p, *m_clock), *m_clock);
        const quint16 port = m_server->listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        test::PlatformUnderTest platform;
        platform.name = QStringLiteral("simulator");
        platform.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        platform.appId = "demo";
        platform.secret = "demo-secret";
        platform.clock = m_clock.get();
        // The simulator's own editor: a web admin's change of the goods, committed now.
        platform.changeGoods = [this](qint64 goodsId) {
            if (goodsId < 1 || goodsId > m_server->state().goods().size())
                return false;
            m_server->state().commitChange(core::Feed::Goods, static_cast<qint32>(goodsId - 1));
            return true;
        };
        platform.deleteUnpaidOrder = [this]() -> qint64 {
            const auto& orders = m_server->state().orders();
            for (qsizetype i = 0; i < orders.size(); ++i)
                if (orders[i].status == sim::OrderStatus::Unpaid &&
                    m_server->state().deleteUnpaidOrder(static_cast<qint32>(i)))
                    return sim::PlatformState::orderId(static_cast<qint32>(i));
            return 0;
        };
        platform.letTimePass = [this](int seconds) {
            m_clock->advanceSeconds(seconds);
        };
        m_suite = std::make_unique<test::PlatformConformance>(platform);
    }
    void cleanupTestCase()
    {
        m_suite.reset();
        m_server.reset();
    }

    void conformance_data() { test::PlatformConformance::addRows(); }
    void conformance()
    {
        QFETCH(QString, check);
        m_suite->run(check);
    }

    // The simulator serves every capability of the protocol, so the suite checks every action.
    void everyCapabilityListed()
    {
        const auto shop = m_suite->client().get("/v1/shop");
        QCOMPARE(shop.data().value(u"capabilities").toArray().size(), 13);
    }
};

QTEST_GUILESS_MAIN(TestSimConformance)
#include "tst_simconformance.moc"
