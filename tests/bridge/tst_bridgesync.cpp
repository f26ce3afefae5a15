// CardOps's own sync client (sync/SyncEngine) against cardops-bridge on a private MariaDB, with an
// acg-style writer inserting and paying orders between rounds and one purchase committing late
// (issue #5 "must show": goods, members and orders reach the cache; an interleaved writer converges).
#include "bridge/bridgedb.h"
#include "bridge/bridgeservice.h"
#include "bridge/installer.h"
#include "core/clock.h"
#include "storage/database.h"
#include "storage/readsession.h"
#include "sync/syncengine.h"
#include "sync/transport/platformtransport.h"
#include "tests/bridge/bridgetestutil.h"
#include "tests/bridge/mariadbserver.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace cardops;

class TestBridgeSync : public QObject
{
    Q_OBJECT
private:
    test::MariaDbServer m_server;
    std::unique_ptr<bridge::BridgeService> m_service;
    quint16 m_port = 0;
    core::SystemClock m_clock;
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<sync::PlatformTransport> m_transport;
    std::unique_ptr<sync::SyncEngine> m_engine;

    sync::RoundSummary round()
    {
        QSignalSpy spy(m_engine.get(), &sync::SyncEngine::roundFinished);
        m_engine->startRound();
        if (!spy.wait(30000)) {
            sync::RoundSummary s;
            s.outcome = sync::RoundSummary::Outcome::Failed;
            s.error = QStringLiteral("the round did not finish");
            return s;
        }
        return spy.first().first().value<sync::RoundSummary>();
    }
    QVariant cache(const QString& sql)
    {
        storage::ReadSession read(*m_db);
        auto rows = read.select(sql, {});
        return rows && !rows->isEmpty() ? rows->first().value(0) : QVariant();
    }
    void sql(const QString& connection, const QString& statement)
    {
        QSqlQuery q(QSqlDatabase::database(connection, false));
        QVERIFY2(q.exec(statement), qPrintable(statement + u": " + q.lastError().text()));
    }
    // acg's balance purchase (acg-faka-model.md §6), without the commit: goods 1 takes a card it
    // imports first; docked goods 3 buys upstream inside the transaction (the usual late committer).
    void purchase(const QString& connection, const QString& tradeNo, int goods, int card)
    {
        const QStringList steps = {
            QStringLiteral("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"),
            QStringLiteral("START TRANSACTION"),
            QStringLiteral("SELECT id FROM acg_commodity WHERE id = %1 FOR UPDATE").arg(goods),
            QStringLiteral(
                "INSERT INTO acg_order (owner, user_id, trade_no, amount, commodity_id, card_num, pay_id, "
                "create_time, create_ip, create_device, status, widget, rent) VALUES (1000, 0, '%1', 9.90, "
                "%2, "
                "1, 1, '2026-11-29 10:00:00', '127.0.0.1', 0, 0, '[]', 9.50)")
                .arg(tradeNo)
                .arg(goods)};
        for (const QString& step : steps) {
            sql(connection, step);
            if (QTest::currentTestFailed())
                return;
        }
        const qint64 id = test::scalar(connection, QStringLiteral("SELECT LAST_INSERT_ID()")).toLongLong();
        QStringList rest;
        if (goods == 1)
            rest
                << QStringLiteral(
                       "INSERT INTO acg_card (owner, commodity_id, secret, create_time, status, sku) VALUES "
                       "(0, 1, 'QB-N%1', '2026-11-29 09:00:00', 0, '[]')")
                       .arg(card)
                << QStringLiteral(
                       "UPDATE acg_card SET status = 1, order_id = %1, purchase_time = '2026-11-29 10:00:00' "
                       "WHERE secret = 'QB-N%2'")
                       .arg(id)
                       .arg(card);
        rest << QStringLiteral(
                    "UPDATE acg_order SET status = 1, delivery_status = 1, pay_time = '2026-11-29 10:00:00', "
                    "secret = 'QB-N%1' WHERE id = %2")
                    .arg(card)
                    .arg(id);
        for (const QString& step : std::as_const(rest)) {
            sql(connection, step);
            if (QTest::currentTestFailed())
                return;
        }
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
        for (const char* name : {"shop", "late"})
            QVERIFY2(!m_server.openWriter(QLatin1StringView(name), &error).isEmpty(), qPrintable(error));
        {
            bridge::BridgeDb admin(m_server.config(), QStringLiteral("admin"));
            QVERIFY(admin.open().ok());
            QVERIFY(bridge::install(admin).ok());
        }
        m_service = std::make_unique<bridge::BridgeService>(m_server.config());
        auto port = m_service->start();
        QVERIFY2(port.ok(), port.ok() ? "" : qPrintable(port.error().detail));
        m_port = port.value();
        auto opened = storage::Database::open(m_dir.filePath(QStringLiteral("cache.db")), m_clock);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().detail));
        m_db = std::move(opened).value();
        m_transport = std::make_unique<sync::PlatformTransport>(
            sync::PlatformEndpoint{QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)), "demo",
                                   "demo-secret"},
            m_clock, sync::TransportOptions{});
        sync::SyncEngine::Options options;
        options.pageSize = 2; // several pages per feed
        options.feeds = {core::Feed::Categories, core::Feed::Goods, core::Feed::Members, core::Feed::Orders};
        m_engine = std::make_unique<sync::SyncEngine>(*m_db, *m_transport, options);
    }
    void cleanupTestCase()
    {
        m_engine.reset();
        m_transport.reset();
        m_db.reset();
        m_service.reset();
        for (const char* name : {"shop", "late"})
            QSqlDatabase::removeDatabase(QLatin1StringView(name));
    }

    void firstSyncFillsTheCache()
    {
        const sync::RoundSummary r = round();
        QVERIFY2(r.outcome == sync::RoundSummary::Outcome::Ok, qPrintable(r.error));
        QCOMPARE(cache(QStringLiteral("SELECT COUNT(*) FROM categories")).toInt(), 2);
        QCOMPARE(cache(QStringLiteral("SELECT COUNT(*) FROM goods")).toInt(), 3);
        QCOMPARE(cache(QStringLiteral("SELECT COUNT(*) FROM members")).toInt(), 3);
        QCOMPARE(cache(QStringLiteral("SELECT group_concat(id) FROM (SELECT id FROM orders ORDER BY id)"))
                     .toString(),
                 QStringLiteral("1,2,3,4,6,7"));
        QCOMPARE(cache(QStringLiteral("SELECT price FROM goods WHERE id = 1")).toLongLong(), 100000);
        QCOMPARE(cache(QStringLiteral("SELECT fulfilment_owner FROM goods WHERE id = 2")).toString(),
                 QStringLiteral("cardops"));
        QCOMPARE(cache(QStringLiteral("SELECT tier_id FROM members WHERE id = 1001")).toInt(), 6);
        QCOMPARE(cache(QStringLiteral("SELECT balance FROM members WHERE id = 1000")).toLongLong(), 123000);
        QCOMPARE(cache(QStringLiteral("SELECT amount FROM orders WHERE id = 2")).toLongLong(), 205000);
        QCOMPARE(cache(QStringLiteral("SELECT status FROM orders WHERE id = 2")).toString(),
                 QStringLiteral("handed_over"));
        QCOMPARE(cache(QStringLiteral("SELECT status FROM orders WHERE id = 3")).toString(),
                 QStringLiteral("review"));
        QCOMPARE(cache(QStringLiteral("SELECT created_at FROM orders WHERE id = 1")).toLongLong(),
                 1795842895);
    }

    void concurrentWriterWithLateCommitConverges()
    {
        purchase(QStringLiteral("late"), QStringLiteral("930261129100000001"), 3, 1); // stays open
        QVERIFY(!QTest::currentTestFailed());
        for (int i = 0; i < 4; ++i) {
            purchase(QStringLiteral("shop"), QStringLiteral("94026112910000000%1").arg(i), 1, 10 + i);
            QVERIFY(!QTest::currentTestFailed());
            sql(QStringLiteral("shop"), QStringLiteral("COMMIT"));
        }
        sql(QStringLiteral("shop"),
            QStringLiteral("UPDATE acg_order SET delivery_status = 1, secret = 'NE-X' WHERE id = 2"));
        sync::RoundSummary r = round();
        QVERIFY2(r.outcome == sync::RoundSummary::Outcome::Ok, qPrintable(r.error));
        QCOMPARE(cache(QStringLiteral("SELECT COUNT(*) FROM orders")).toInt(), 6 + 4);
        const qint64 lateId =
            test::scalar(QStringLiteral("late"),
                         QStringLiteral("SELECT id FROM acg_order WHERE trade_no = '930261129100000001'"))
                .toLongLong();
        QVERIFY(lateId > 0 && lateId < cache(QStringLiteral("SELECT MAX(id) FROM orders")).toLongLong());
        sql(QStringLiteral("late"), QStringLiteral("COMMIT"));
        r = round();
        QVERIFY2(r.outcome == sync::RoundSummary::Outcome::Ok, qPrintable(r.error));
        QCOMPARE(cache(QStringLiteral("SELECT COUNT(*) FROM orders")).toInt(),
                 test::scalar(QStringLiteral("shop"),
                              QStringLiteral("SELECT COUNT(*) FROM acg_order WHERE user_id = 0"))
                     .toInt());
        QCOMPARE(cache(QStringLiteral("SELECT status FROM orders WHERE id = %1").arg(lateId)).toString(),
                 QStringLiteral("delivered"));
        QCOMPARE(cache(QStringLiteral("SELECT status FROM orders WHERE id = 2")).toString(),
                 QStringLiteral("delivered"));
        // Stock: 3 seeded unsold cards; the five purchases brought and sold their own cards.
        QCOMPARE(cache(QStringLiteral("SELECT stock_available FROM goods WHERE id = 1")).toInt(), 3);
    }

    // The convergence check of the sync issue against the bridge: an acg-style writer interleaves
    // purchases on two connections (one held open across sync rounds, committing late), card imports,
    // unpaid orders and their deletion (acg's "clear"), with rounds in between; at the end the cache
    // equals acg row by row: every main-shop order with its status, deleted ones cancelled, and the
    // goods' stock equal to the unsold cards.
    void interleavedWriterConverges()
    {
        QRandomGenerator rng(20261129);
        QList<qint64> unpaid;
        int card = 100;
        bool lateOpen = false;
        for (int step = 0; step < 40; ++step) {
            switch (rng.bounded(6)) {
            case 0: // a purchase held open on the late connection (committed some steps later)
                if (!lateOpen) {
                    purchase(QStringLiteral("late"),
                             QStringLiteral("95%1").arg(step, 16, 10, QLatin1Char('0')), 3, ++card);
                    lateOpen = true;
                } else {
                    sql(QStringLiteral("late"), QStringLiteral("COMMIT"));
                    lateOpen = false;
                }
                break;
            case 1: // acg's card import: plain rows, status 0
                sql(QStringLiteral("shop"),
                    QStringLiteral(
                        "INSERT INTO acg_card (owner, commodity_id, secret, create_time, status, sku) "
                        "VALUES (0, 1, 'IMP-%1', '2026-11-29 11:00:00', 0, '[]')")
                        .arg(++card));
                break;
            case 2: { // an unpaid order (a third-party payment never made)
                sql(QStringLiteral("shop"),
                    QStringLiteral(
                        "INSERT INTO acg_order (owner, user_id, trade_no, amount, commodity_id, card_num, "
                        "pay_id, create_time, create_ip, create_device, status, widget, rent) VALUES "
                        "(1000, 0, '96%1', 9.90, 1, 1, 2, '2026-11-29 11:00:00', '127.0.0.1', 0, 0, "
                        "'[]', 9.50)")
                        .arg(step, 16, 10, QLatin1Char('0')));
                unpaid << test::scalar(QStringLiteral("shop"), QStringLiteral("SELECT LAST_INSERT_ID()"))
                              .toLongLong();
                break;
            }
            case 3: // acg's "clear": unpaid orders deleted
                if (!unpaid.isEmpty())
                    sql(QStringLiteral("shop"),
                        QStringLiteral("DELETE FROM acg_order WHERE id = %1 AND status = 0")
                            .arg(unpaid.takeFirst()));
                break;
            case 4: // a purchase committed at once
                purchase(QStringLiteral("shop"), QStringLiteral("97%1").arg(step, 16, 10, QLatin1Char('0')),
                         1, ++card);
                sql(QStringLiteral("shop"), QStringLiteral("COMMIT"));
                break;
            default: { // a sync round while whatever is open stays open
                const sync::RoundSummary r = round();
                QVERIFY2(r.outcome == sync::RoundSummary::Outcome::Ok, qPrintable(r.error));
            }
            }
            QVERIFY(!QTest::currentTestFailed());
        }
        if (lateOpen)
            sql(QStringLiteral("late"), QStringLiteral("COMMIT"));
        const sync::RoundSummary r = round();
        QVERIFY2(r.outcome == sync::RoundSummary::Outcome::Ok, qPrintable(r.error));

        // Every main-shop order of acg, with its status as acg-faka-model.md §4.7 maps it (an automatic
        // goods order paid with fewer cards than its quantity is review), is in the cache; every
        // deleted one is cancelled.
        QSqlQuery acg(QSqlDatabase::database(QStringLiteral("shop"), false));
        QVERIFY(acg.exec(QStringLiteral(
            "SELECT o.id, o.status, o.delivery_status, c.delivery_way = 0 AND IFNULL(c.shared_id, 0) = 0 AND "
            "(SELECT COUNT(*) FROM acg_card k WHERE k.order_id = o.id) < o.card_num FROM acg_order o JOIN "
            "acg_commodity c ON c.id = o.commodity_id WHERE o.user_id = 0")));
        QSet<qint64> live;
        while (acg.next()) {
            const qint64 id = acg.value(0).toLongLong();
            live << id;
            const QString want = acg.value(1).toInt() == 0   ? QStringLiteral("unpaid")
                                 : acg.value(2).toInt() == 0 ? QStringLiteral("handed_over")
                                 : acg.value(3).toInt() == 1 ? QStringLiteral("review")
                                                             : QStringLiteral("delivered");
            QCOMPARE(cache(QStringLiteral("SELECT status FROM orders WHERE id = %1").arg(id)).toString(),
                     want);
        }
        storage::ReadSession read(*m_db);
        const auto cached = read.select(QStringLiteral("SELECT id, status FROM orders"), {});
        QVERIFY(cached.ok());
        int cancelled = 0;
        for (const QVariantList& row : cached.value())
            if (!live.contains(row.value(0).toLongLong())) {
                QCOMPARE(row.value(1).toString(), QStringLiteral("cancelled"));
                ++cancelled;
            }
        QVERIFY(cancelled > 0); // the run deleted some unpaid orders
        QCOMPARE(
            cache(QStringLiteral("SELECT stock_available FROM goods WHERE id = 1")).toInt(),
            test::scalar(QStringLiteral("shop"),
                         QStringLiteral("SELECT COUNT(*) FROM acg_card WHERE commodity_id = 1 AND owner = 0 "
                                        "AND status = 0"))
                .toInt());
    }
};

QTEST_GUILESS_MAIN(TestBridgeSync)
#include "tst_bridgesync.moc"
