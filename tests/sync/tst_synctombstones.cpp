// A deleted entity's tombstone (docs/platform-api.md "Tombstones") through a real sync round: the
// simulator's shop admin deletes unpaid orders, the round succeeds, the cache keeps the order
// cancelled and the rollups stay equal to the raw orders.
#include "storage/counters.h"
#include "syncfixture.h"

using namespace cardops;
using namespace syncfixture;

class TestSyncTombstones : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deletedUnpaidOrderArrivesCancelled()
    {
        Shop shop;
        QVERIFY(shop.start(pageSize(100)));
        const auto first = shop.round();
        QVERIFY2(first.ok(), qPrintable(first.error));
        // An unpaid order the next round brings to the cache.
        auto& state = shop.server.state();
        sim::OrderDraft draft;
        draft.unpaid = true;
        const qint32 index = state.placeOrder(draft);
        QVERIFY(state.orders().at(index).status == sim::OrderStatus::Unpaid);
        const auto second = shop.round();
        QVERIFY2(second.ok(), qPrintable(second.error));
        const qint64 id = sim::PlatformState::orderId(index);
        const QString cachedBefore =
            shop.scalar(u"SELECT order_no || ':' || member_id || ':' || amount FROM orders WHERE id = ?"_s,
                        {id})
                .toString();
        QCOMPARE(shop.scalar(u"SELECT status FROM orders WHERE id = ?"_s, {id}).toString(), u"unpaid"_s);
        const qint64 unpaidBefore = shop.scalar(u"SELECT value FROM counters WHERE name = ?"_s,
                                                {storage::counters::orderStatus(u"unpaid"_s)})
                                        .toLongLong();
        const qint64 rollupBefore = shop.scalar(u"SELECT SUM(orders) FROM rollup_goods_day"_s).toLongLong();

        // Deleted in the shop's admin: one the cache holds, and one placed and deleted between rounds.
        QVERIFY(state.deleteUnpaidOrder(index));
        QVERIFY(!state.deleteUnpaidOrder(index)); // only once
        const qint32 unseen = state.placeOrder(draft);
        QVERIFY(state.deleteUnpaidOrder(unseen));
        const qint64 unseenId = sim::PlatformState::orderId(unseen);
        // The wire carries tombstones.
        QCOMPARE(state.entityJson(core::Feed::Orders, index),
                 QByteArray(R"({"id":)" + QByteArray::number(id) +
                            R"(,"deleted":true,"status":"cancelled","version":)" +
                            QByteArray::number(state.orders().at(index).version) + R"(,"updated_at":)" +
                            QByteArray::number(state.orders().at(index).updatedAt) + "}"));

        const auto s = shop.round();
        QVERIFY2(s.ok(), qPrintable(s.error));
        QVERIFY(s.pulled.value(u"orders"_s) >= 2);
        QCOMPARE(shop.scalar(u"SELECT status || ':' || version FROM orders WHERE id = ?"_s, {id}).toString(),
                 u"cancelled:"_s + QString::number(state.orders().at(index).version));
        // The rest of the row is what the cache had: finance keeps the order it knew.
        QCOMPARE(
            shop.scalar(u"SELECT order_no || ':' || member_id || ':' || amount FROM orders WHERE id = ?"_s,
                        {id})
                .toString(),
            cachedBefore);
        QCOMPARE(shop.scalar(u"SELECT count(*) FROM orders WHERE id = ?"_s, {unseenId}).toInt(), 0);
        QCOMPARE(shop.scalar(u"SELECT version FROM feed_tombstones WHERE entity = 'orders' AND id = ?"_s,
                             {unseenId})
                     .toLongLong(),
                 state.orders().at(unseen).version);
        QCOMPARE(shop.scalar(u"SELECT value FROM counters WHERE name = ?"_s,
                             {storage::counters::orderStatus(u"unpaid"_s)})
                     .toLongLong(),
                 unpaidBefore - 1);
        QCOMPARE(shop.scalar(u"SELECT value FROM counters WHERE name = 'orders_total'"_s).toLongLong(),
                 state.orders().size() - 1); // the unseen order never reached the cache
        // An unpaid order was never in the rollups: they do not move.
        QCOMPARE(shop.scalar(u"SELECT SUM(orders) FROM rollup_goods_day"_s).toLongLong(), rollupBefore);
        QCOMPARE(rollupBefore, shop.scalar(u"SELECT count(*) FROM orders WHERE status NOT IN ('unpaid', "
                                           "'cancelled')"_s)
                                   .toLongLong());
        // Every other table still equals the simulator.
        for (const auto& [table, cache, simulated] : shop.compare()) {
            if (table == u"orders"_s)
                continue;
            QVERIFY2(cache == simulated, qPrintable(table));
        }
        // The platform answers 404 for the deleted order from now on.
        QCOMPARE(state.deliverOrder(id, {}, {}).httpStatus, 404);
        // Nothing more to pull: the next round is quiet.
        const auto quiet = shop.round();
        QVERIFY(quiet.ok());
        QCOMPARE(quiet.pulled.value(u"orders"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncTombstones)
#include "tst_synctombstones.moc"
