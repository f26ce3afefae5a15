#include "storage/counters.h"
#include "storage/platformcache.h"
#include "syncfixture.h"

#include <QJsonArray>

using namespace cardops;
using namespace syncfixture;
using Outcome = sync::RoundSummary::Outcome;

class TestSyncEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstSyncEqualsSimulator()
    {
        Shop shop;
        QVERIFY(shop.start(pageSize(100)));
        QList<QString> order;
        connect(shop.engine.get(), &sync::SyncEngine::progress, this,
                [&](const QString& feed, qint64, double) {
                    if (order.isEmpty() || order.last() != feed)
                        order << feed;
                });
        const auto s = shop.round();
        QVERIFY2(s.ok(), qPrintable(s.error));
        COMPARE_WITH_SIMULATOR(shop);
        // The newest orders come before members and the rest of the history.
        QVERIFY(order.indexOf(u"orders"_s) < order.indexOf(u"members"_s));
        storage::ReadSession read(*shop.db);
        auto cursor = storage::platformcache::cursor(read, core::Feed::Orders);
        QVERIFY(cursor->backfillStarted);
        QVERIFY(cursor->backfillDone);
        QCOMPARE(shop.scalar(u"SELECT count(*) FROM tiers"_s).toInt(), shop.server.state().tiers().size());
        QVERIFY(shop.scalar(u"SELECT count(*) FROM daily_totals"_s).toInt() > 0);
        QCOMPARE(storage::platformcache::state(read, storage::statekeys::ShopName).value().isEmpty(), false);
        QCOMPARE(shop.scalar(u"SELECT value FROM counters WHERE name = 'orders_total'"_s).toLongLong(),
                 shop.server.state().orders().size());
    }

    void nothingChangedPullsNothing()
    {
        Shop shop;
        QVERIFY(shop.start());
        QVERIFY(shop.round().ok());
        const auto s = shop.round();
        QVERIFY(s.ok());
        QCOMPARE(s.pulled.value(u"orders"_s), 0);
        QCOMPARE(s.pulled.value(u"goods"_s), 0);
    }

    void newOrdersArriveOnTheNextRound()
    {
        Shop shop;
        QVERIFY(shop.start());
        QVERIFY(shop.round().ok());
        for (int i = 0; i < 25; ++i)
            shop.server.liveOrders().placeOne(shop.clock.nowSeconds(), i % 5 == 0);
        const auto s = shop.round();
        QVERIFY2(s.ok(), qPrintable(s.error));
        QVERIFY(s.pulled.value(u"orders"_s) >= 25);
        COMPARE_WITH_SIMULATOR(shop);
    }

    void cancelledFirstSyncResumesAfterRestart()
    {
        Shop shop;
        QVERIFY(shop.start(pageSize(50)));
        int pages = 0;
        connect(shop.engine.get(), &sync::SyncEngine::progress, this, [&](const QString&, qint64, double) {
            if (++pages == 6)
                shop.engine->cancel();
        });
        QCOMPARE(shop.round().outcome, Outcome::Cancelled);
        const qint64 partial = shop.scalar(u"SELECT count(*) FROM orders"_s).toLongLong();
        QVERIFY(partial > 0);
        QVERIFY(partial < static_cast<qint64>(shop.server.state().orders().size()));
        QVERIFY(shop.reopen(pageSize(50)));
        const auto s = shop.round();
        QVERIFY2(s.ok(), qPrintable(s.error));
        COMPARE_WITH_SIMULATOR(shop);
        // The long daily-totals history still comes, though the first round never got that far.
        QVERIFY(shop.scalar(u"SELECT count(*) FROM daily_totals"_s).toInt() >= 25);
    }

    void localEditReachesPlatformOnce()
    {
        Shop shop;
        QVERIFY(shop.start());
        QVERIFY(shop.round().ok());
        const auto& goods = shop.server.state().goods().first();
        const qint64 id = goods.id;
        QVERIFY(shop.stage(u"goods"_s, id, {{u"low_stock_threshold"_s, 77}}).ok());
        QVERIFY(shop.stage(u"goods"_s, id, {{u"low_stock_threshold"_s, 78}}).ok());
        const auto s = shop.round();
        QVERIFY2(s.ok(), qPrintable(s.error));
        QCOMPARE(s.pushed, 2);
        QCOMPARE(shop.server.state().goods().first().lowStockThreshold, 78);
        QCOMPARE(shop.scalar(u"SELECT count(*) FROM outbox WHERE state = 'done'"_s).toInt(), 2);
        COMPARE_WITH_SIMULATOR(shop);
    }

    void sameFieldEditedElsewhereIsAConflict()
    {
        Shop shop;
        QVERIFY(shop.start());
        QVERIFY(shop.round().ok());
        const qint64 id = shop.server.state().goods().first().id;
        QVERIFY(shop.stage(u"goods"_s, id, {{u"sort"_s, 4242}}).ok());
        shop.server.state().goodsAt(0).sort = 9;
        shop.server.state().commitChange(core::Feed::Goods, 0);
        const auto s = shop.round();
        QVERIFY2(s.ok(), qPrintable(s.error));
        QCOMPARE(s.conflicts, 1);
        QCOMPARE(shop.scalar(u"SELECT sort FROM goods WHERE id = ?"_s, {id}).toInt(), 4242); // 本地待同步
        QCOMPARE(shop.scalar(u"SELECT value FROM counters WHERE name = 'sync_error'"_s).toInt(), 1);
        storage::ReadSession read(*shop.db);
        const auto conflicts = storage::outbox::openConflicts(read).value();
        QCOMPARE(conflicts.size(), 1);
        const qint64 conflictId = conflicts.first().id;
        const core::Actor admin = shop.admin;
        QVERIFY(shop.write<void>([=](storage::WriteContext& ctx) {
                        return storage::outbox::resolve(ctx, admin, conflictId,
                                                        storage::Resolution::TakeTheirs);
                    })
                    .ok());
        QVERIFY(shop.round().ok());
        QCOMPARE(shop.server.state().goods().first().sort, 9);
        COMPARE_WITH_SIMULATOR(shop);
    }

    void unreachablePlatformIsOffline()
    {
        Shop shop;
        QVERIFY(shop.start());
        shop.port = 1; // nothing listens there
        QVERIFY(shop.reopen());
        const auto s = shop.round();
        QCOMPARE(s.outcome, Outcome::Offline);
        QVERIFY(!s.error.isEmpty());
        QCOMPARE(shop.scalar(u"SELECT count(*) FROM orders"_s).toInt(), 0);
        storage::ReadSession read(*shop.db);
        QVERIFY(!storage::platformcache::state(read, storage::statekeys::LastError).value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
