// The platform conformance suite (tests/support/platformconformance.h) against cardops-bridge served
// over loopback HTTP (BridgeService) on a private MariaDB holding the acg fixture: the part of the
// simulator's own tests that any Platform API v1 server must pass (issue #5, Deliver 4). Writes are
// checked per capability the bridge lists in GET /v1/shop.
#include "bridge/bridgedb.h"
#include "bridge/bridgeservice.h"
#include "bridge/installer.h"
#include "core/clock.h"
#include "tests/bridge/bridgetestutil.h"
#include "tests/bridge/mariadbserver.h"
#include "tests/support/platformconformance.h"

#include <QtTest>

using namespace cardops;

class TestBridgeConformance : public QObject
{
    Q_OBJECT
private:
    test::MariaDbServer m_server;
    std::unique_ptr<bridge::BridgeService> m_service;
    core::SystemClock m_clock;
    std::unique_ptr<test::PlatformConformance> m_suite;

private Q_SLOTS:
    void initTestCase()
    {
        CARDOPS_REQUIRE_MARIADB();
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY2(m_server.loadFixture(QStringLiteral("acg-schema.sql"), QStringLiteral("acg_"), &error),
                 qPrintable(error));
        QVERIFY2(m_server.loadFixture(QStringLiteral("acg-seed.sql"), QStringLiteral("acg_"), &error),
                 qPrintable(error));
        QVERIFY2(!m_server.openWriter(QStringLiteral("shop"), &error).isEmpty(), qPrintable(error));
        {
            bridge::BridgeDb admin(m_server.config(), QStringLiteral("admin"));
            QVERIFY(admin.open().ok());
            auto installed = bridge::install(admin);
            QVERIFY2(installed.ok(), installed.ok() ? "" : qPrintable(installed.error().detail));
        }
        m_service = std::make_unique<bridge::BridgeService>(m_server.config());
        auto port = m_service->start();
        QVERIFY2(port.ok(), port.ok() ? "" : qPrintable(port.error().detail));
        test::PlatformUnderTest platform;
        platform.name = QStringLiteral("bridge");
        platform.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port.value()));
        platform.appId = m_server.config().appId;
        platform.secret = m_server.config().appSecret;
        platform.clock = &m_clock;
        // The shop's own admin moves the goods in the list: a plain acg UPDATE the triggers see.
        platform.changeGoods = [](qint64 goodsId) {
            QSqlQuery q(QSqlDatabase::database(QStringLiteral("shop"), false));
            q.prepare(QStringLiteral("UPDATE acg_commodity SET sort = sort + 1 WHERE id = ?"));
            q.addBindValue(goodsId);
            return q.exec() && q.numRowsAffected() == 1;
        };
        // acg's admin clears an unpaid order (order 4 of the fixture): a plain DELETE.
        platform.deleteUnpaidOrder = []() -> qint64 {
            QSqlQuery q(QSqlDatabase::database(QStringLiteral("shop"), false));
            return q.exec(QStringLiteral("DELETE FROM acg_order WHERE id = 4 AND status = 0")) &&
                           q.numRowsAffected() == 1
                       ? 4
                       : 0;
        };
        platform.editableGoodsId = 1; // a card goods of the main shop (3 is docked: acg syncs its price)
        m_suite = std::make_unique<test::PlatformConformance>(platform);
    }
    void cleanupTestCase()
    {
        m_suite.reset();
        m_service.reset();
        QSqlDatabase::removeDatabase(QStringLiteral("shop"));
    }

    void conformance_data() { test::PlatformConformance::addRows(); }
    void conformance()
    {
        QFETCH(QString, check);
        m_suite->run(check);
    }
};

QTEST_GUILESS_MAIN(TestBridgeConformance)
#include "tst_bridgeconformance.moc"
