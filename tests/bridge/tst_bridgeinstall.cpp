// cardops-bridge install / uninstall against a private MariaDB (acg-faka-model.md §5.3, §5.4).
#include "bridge/bridgedb.h"
#include "bridge/installer.h"
#include "tests/bridge/bridgetestutil.h"
#include "tests/bridge/mariadbserver.h"

#include <QtTest>

using namespace cardops;
using cardops::test::scalar;

namespace {

const QStringList kAcgTables = {
    QStringLiteral("category"),        QStringLiteral("commodity"), QStringLiteral("card"),
    QStringLiteral("order"),           QStringLiteral("user"),      QStringLiteral("user_group"),
    QStringLiteral("commodity_group"), QStringLiteral("bill"),      QStringLiteral("cash"),
    QStringLiteral("config"),          QStringLiteral("pay")};

} // namespace

class TestBridgeInstall : public QObject
{
    Q_OBJECT
private:
    test::MariaDbServer m_server;
    std::unique_ptr<bridge::BridgeDb> m_db;
    QString m_writer;

    // SHOW CREATE TABLE and CHECKSUM TABLE of every acg table: definitions and rows.
    QStringList acgFingerprint()
    {
        QStringList out;
        for (const QString& t : kAcgTables) {
            QSqlQuery q(QSqlDatabase::database(m_writer, false));
            if (q.exec(QStringLiteral("SHOW CREATE TABLE `acg_%1`").arg(t)) && q.next())
                out << q.value(1).toString();
            if (q.exec(QStringLiteral("CHECKSUM TABLE `acg_%1`").arg(t)) && q.next())
                out << q.value(1).toString();
        }
        return out;
    }
    int count(const QString& sql) { return scalar(m_writer, sql).toInt(); }
    int ownTriggers()
    {
        return count(
            QStringLiteral("SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = 'acg' "
                           "AND TRIGGER_NAME LIKE 'cardops\\_%'"));
    }
    int ownTables()
    {
        return count(
            QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'acg' AND "
                           "TABLE_NAME LIKE 'cardops\\_%'"));
    }

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
        m_writer = m_server.openWriter(QStringLiteral("writer"), &error);
        QVERIFY2(!m_writer.isEmpty(), qPrintable(error));
        m_db = std::make_unique<bridge::BridgeDb>(m_server.config(), QStringLiteral("bridge"));
        auto ok = m_db->open();
        QVERIFY2(ok.ok(), ok.ok() ? "" : qPrintable(ok.error().detail));
    }
    void cleanupTestCase()
    {
        m_db.reset();
        QSqlDatabase::removeDatabase(QStringLiteral("writer"));
    }

    void configRefusesUnsafePrefixes()
    {
        bridge::BridgeConfig c = m_server.config();
        QVERIFY(c.validate().ok());
        c.prefix = QStringLiteral("acg_`; DROP TABLE x; --");
        QVERIFY(!c.validate().ok());
        c.prefix = QStringLiteral("acg_");
        c.ownPrefix = QStringLiteral("acg_");
        QVERIFY(!c.validate().ok());
        c.ownPrefix = QString();
        QVERIFY(!c.validate().ok());
        c.ownPrefix = QStringLiteral("cardops_");
        c.listenAddress = QStringLiteral("0.0.0.0");
        QVERIFY(!c.validate().ok()); // plain HTTP off loopback only behind a proxy
        c.behindProxy = true;
        QVERIFY(c.validate().ok());
    }

    void installIsIdempotentAndLeavesAcgTablesAlone()
    {
        const QStringList before = acgFingerprint();
        QCOMPARE(before.size(), 2 * kAcgTables.size());
        auto first = bridge::install(*m_db);
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().detail));
        QVERIFY(first.value().createdTables);
        QCOMPARE(first.value().triggers, 27); // 9 tables × insert/update/delete
        // 3 categories + 6 tiers + 4 goods + 3 members + 7 orders + 2 bills + 3 withdrawals
        QCOMPARE(first.value().seeded, qint64(28));
        QCOMPARE(first.value().epoch.size(), 8);
        QCOMPARE(ownTriggers(), 27);
        QCOMPARE(ownTables(), 4 + 5); // the change log's four, the state tables' five
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM cardops_change")), 28);

        auto second = bridge::install(*m_db);
        QVERIFY(second.ok());
        QVERIFY(!second.value().createdTables);
        QCOMPARE(second.value().seeded, qint64(0));
        QCOMPARE(second.value().epoch, first.value().epoch);
        QCOMPARE(ownTriggers(), 27);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM cardops_change")), 28);
        QCOMPARE(acgFingerprint(), before);
        auto epoch = bridge::installEpoch(*m_db);
        QVERIFY(epoch.ok());
        QCOMPARE(epoch.value(), first.value().epoch);

        // An install of the read-only version (no state tables) upgrades in place: same epoch.
        QSqlQuery q(QSqlDatabase::database(m_writer, false));
        for (const char* t : {"idempotency", "audit", "lease", "member_tags", "holds"})
            QVERIFY(q.exec(QStringLiteral("DROP TABLE cardops_") + QLatin1StringView(t)));
        auto upgraded = bridge::install(*m_db);
        QVERIFY(upgraded.ok());
        QVERIFY(!upgraded.value().createdTables);
        QCOMPARE(upgraded.value().epoch, first.value().epoch);
        QCOMPARE(ownTables(), 9);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM cardops_change")), 28);
    }

    void triggersRecordChangesAndSkipNoise()
    {
        QSqlQuery q(QSqlDatabase::database(m_writer, false));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM cardops_change")));
        // Login noise and the docked-stock cache are not changes (§5.3).
        QVERIFY(q.exec(
            QStringLiteral("UPDATE acg_user SET login_time = '2026-11-29 10:00:00', login_ip = '1.2.3.4' "
                           "WHERE id = 1000")));
        QVERIFY(
            q.exec(QStringLiteral("UPDATE acg_commodity SET shared_stock = '{\"count\":9}' WHERE id = 3")));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM cardops_change")), 0);
        // A card lock changes the card and its goods' stock.
        QVERIFY(q.exec(QStringLiteral("UPDATE acg_card SET status = 2 WHERE id = 1")));
        QCOMPARE(count(QStringLiteral(
                     "SELECT COUNT(*) FROM cardops_change WHERE entity = 'card' AND entity_id = 1 "
                     "AND parent_id = 1 AND op = 'U'")),
                 1);
        QCOMPARE(count(QStringLiteral(
                     "SELECT COUNT(*) FROM cardops_change WHERE entity = 'goods' AND entity_id = 1")),
                 1);
        // Manual delivery is flagged (delivered_at of manual goods).
        QVERIFY(
            q.exec(QStringLiteral("UPDATE acg_order SET secret = 'NE-9', delivery_status = 1 WHERE id = 2")));
        QCOMPARE(count(QStringLiteral(
                     "SELECT COUNT(*) FROM cardops_change WHERE entity = 'order' AND entity_id = 2 "
                     "AND flags = 'delivered'")),
                 1);
        // A delete keeps its parent for routing.
        QVERIFY(q.exec(QStringLiteral("DELETE FROM acg_order WHERE id = 4")));
        QCOMPARE(count(QStringLiteral(
                     "SELECT COUNT(*) FROM cardops_change WHERE entity = 'order' AND entity_id = 4 "
                     "AND op = 'D' AND parent_id = 1")),
                 1);
    }

    void missingBridgeTableNeverBreaksShopWrites()
    {
        auto epoch = bridge::installEpoch(*m_db);
        QVERIFY(epoch.ok());
        QString error;
        QVERIFY2(m_server.rootExec({QStringLiteral("DROP TABLE `acg`.`cardops_change`")}, &error),
                 qPrintable(error));
        QCOMPARE(ownTriggers(), 27);
        const int orders = count(QStringLiteral("SELECT COUNT(*) FROM acg_order"));
        QSqlQuery q(QSqlDatabase::database(m_writer, false));
        // An acg-style purchase: order inserted unpaid, card sold, order paid and delivered.
        QVERIFY2(q.exec(QStringLiteral(
                     "INSERT INTO acg_order (owner, user_id, trade_no, amount, commodity_id, card_num, "
                     "pay_id, create_time, create_ip, create_device, status, widget) VALUES (1000, 0, "
                     "'900261129100000001', 9.90, 1, 1, 1, '2026-11-29 10:00:00', '127.0.0.1', 0, 0, '[]')")),
                 qPrintable(q.lastError().text()));
        const qint64 id = q.lastInsertId().toLongLong();
        QVERIFY(q.exec(
            QStringLiteral("UPDATE acg_card SET status = 1, order_id = %1, purchase_time = '2026-11-29 "
                           "10:00:00' WHERE id = 2")
                .arg(id)));
        QVERIFY(
            q.exec(QStringLiteral("UPDATE acg_order SET status = 1, delivery_status = 1, secret = 'QB-0002', "
                                  "pay_time = '2026-11-29 10:00:00' WHERE id = %1")
                       .arg(id)));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM acg_category WHERE id = 3")));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM acg_order")), orders + 1);
        // The lost events force a fresh install: new epoch, everything queued again.
        auto again = bridge::install(*m_db);
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().detail));
        QVERIFY(again.value().createdTables);
        QVERIFY(again.value().epoch != epoch.value());
        QVERIFY(again.value().seeded > 20);
    }

    void uninstallRemovesEverythingItAdded()
    {
        const QStringList before = acgFingerprint();
        auto dropped = bridge::uninstall(*m_db);
        QVERIFY2(dropped.ok(), dropped.ok() ? "" : qPrintable(dropped.error().detail));
        QCOMPARE(dropped.value(), 27 + 4 + 5);
        QCOMPARE(ownTriggers(), 0);
        QCOMPARE(ownTables(), 0);
        QCOMPARE(acgFingerprint(), before);
        auto again = bridge::uninstall(*m_db);
        QVERIFY(again.ok());
        QCOMPARE(again.value(), 0);
        auto epoch = bridge::installEpoch(*m_db);
        QVERIFY(epoch.ok());
        QVERIFY(epoch.value().isEmpty());
        QSqlQuery q(QSqlDatabase::database(m_writer, false));
        QVERIFY(q.exec(QStringLiteral("UPDATE acg_card SET status = 0 WHERE id = 1")));
    }

    void otherPrefixes()
    {
        QString error;
        QVERIFY2(m_server.loadFixture(QStringLiteral("acg-schema.sql"), QStringLiteral("shop2_"), &error),
                 qPrintable(error));
        bridge::BridgeConfig c = m_server.config(QStringLiteral("shop2_"));
        c.ownPrefix = QStringLiteral("co_");
        bridge::BridgeDb db(c, QStringLiteral("bridge-shop2"));
        QVERIFY(db.open().ok());
        auto report = bridge::install(db);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().detail));
        QCOMPARE(report.value().seeded, qint64(0));
        QCOMPARE(count(QStringLiteral(
                     "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = 'acg' AND "
                     "EVENT_OBJECT_TABLE LIKE 'shop2\\_%' AND TRIGGER_NAME LIKE 'co\\_trg\\_%'")),
                 27);
        QCOMPARE(ownTriggers(), 0); // the acg_ shop is untouched
        auto dropped = bridge::uninstall(db);
        QVERIFY(dropped.ok());
        QCOMPARE(dropped.value(), 36);
    }
};

QTEST_GUILESS_MAIN(TestBridgeInstall)
#include "tst_bridgeinstall.moc"
