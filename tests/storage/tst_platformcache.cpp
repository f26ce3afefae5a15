#include "cachefixture.h"
#include "core/result.h"
#include "storage/counters.h"
#include "storage/goodsqueries.h"
#include "storage/platformcache.h"
#include "storage/writecontext.h"

using namespace cardops;
using namespace cachefixture;
using core::Feed;
using storage::IngestStats;
using storage::PageCursor;
using storage::WriteContext;
namespace cache = storage::platformcache;

namespace {

// Tombstones (docs/sync.md "Tombstones"): each kind as the cache keeps it, only newer versions.
template<typename R> R tombstone(qint64 id, qint64 version)
{
    R r;
    r.id = id;
    r.deleted = true;
    r.version = version;
    r.updatedAt = 1'764'100'000 + version;
    if constexpr (std::is_same_v<R, core::Order>)
        r.status = QStringLiteral("cancelled");
    return r;
}

} // namespace

class TestPlatformCache : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Cache> m_cache;

    core::Result<IngestStats> ingestOrders(const QList<core::Order>& items, const QString& from,
                                           const QString& cursor, bool backfill = false, bool hasMore = false)
    {
        const PageCursor at{Feed::Orders, cursor, hasMore, backfill, from};
        return m_cache->run<IngestStats>(
            [=](WriteContext& ctx) { return cache::ingestOrders(ctx, items, at); });
    }

private Q_SLOTS:
    void init()
    {
        m_cache = std::make_unique<Cache>();
        QVERIFY(m_cache->open());
    }
    void cleanup() { m_cache.reset(); }

    void pageAndCursorCommitTogether()
    {
        auto stats =
            ingestOrders({order(1, 1), order(2, 1, QStringLiteral("review"))}, {}, QStringLiteral("c2"));
        QVERIFY2(stats.ok(), qPrintable(stats.ok() ? QString() : stats.error().detail));
        QCOMPARE(stats->inserted, 2);
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 2);
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT amount FROM orders WHERE id = 1")).toLongLong(),
                 100'000);
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT order_no FROM orders WHERE id = 2")).toString(),
                 QStringLiteral("20261128000000000002"));
        storage::ReadSession read(*m_cache->db_);
        auto cursor = cache::cursor(read, Feed::Orders);
        QVERIFY(cursor.ok());
        QCOMPARE(cursor->cursor, QStringLiteral("c2"));
        QCOMPARE(cursor->items, 2);
        QCOMPARE(m_cache->counter(storage::counters::OrdersTotal), 2);
        QCOMPARE(m_cache->counter(storage::counters::ReviewPending), 1);
        QCOMPARE(m_cache->counter(storage::counters::orderStatus(QStringLiteral("delivered"))), 1);
    }

    void failedJobLeavesNeitherRowsNorCursor()
    {
        const PageCursor at{Feed::Orders, QStringLiteral("c9"), false, false, {}};
        auto r = m_cache->run<void>([=](WriteContext& ctx) -> core::Result<void> {
            auto s = cache::ingestOrders(ctx, {order(1, 1)}, at);
            if (!s)
                return s.error();
            return core::makeError(core::ErrorCode::Io, QStringLiteral("disk full"));
        });
        QVERIFY(!r.ok());
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 0);
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT count(*) FROM sync_cursors")).toInt(), 0);
        QCOMPARE(m_cache->counter(storage::counters::OrdersTotal), 0);
    }

    void pageFromAnotherPositionIsRefused()
    {
        QVERIFY(ingestOrders({order(1, 1)}, {}, QStringLiteral("p1"), false, true).ok());
        // The page after p1 was lost: a page requested at p2 must not skip it.
        auto skipped = ingestOrders({order(3, 1)}, QStringLiteral("p2"), QStringLiteral("p3"));
        QVERIFY(!skipped.ok());
        QCOMPARE(skipped.error().code, core::ErrorCode::Conflict);
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 1);
        QVERIFY(ingestOrders({order(2, 1)}, QStringLiteral("p1"), QStringLiteral("p2")).ok());
    }

    void onlyNewerVersionsApply()
    {
        QVERIFY(ingestOrders({order(1, 3, QStringLiteral("review"))}, {}, QStringLiteral("a")).ok());
        // A duplicated page and an out-of-order older version change nothing.
        auto dup = ingestOrders({order(1, 3, QStringLiteral("review")), order(1, 2, QStringLiteral("paid"))},
                                QStringLiteral("a"), QStringLiteral("b"));
        QVERIFY(dup.ok());
        QCOMPARE(dup->stale, 2);
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT status FROM orders WHERE id = 1")).toString(),
                 QStringLiteral("review"));
        auto newer = ingestOrders({order(1, 4, QStringLiteral("delivered"))}, QStringLiteral("b"),
                                  QStringLiteral("c"));
        QVERIFY(newer.ok());
        QCOMPARE(newer->updated, 1);
        QCOMPARE(m_cache->counter(storage::counters::ReviewPending), 0);
        QCOMPARE(m_cache->counter(storage::counters::orderStatus(QStringLiteral("review"))), 0);
        QCOMPARE(m_cache->counter(storage::counters::orderStatus(QStringLiteral("delivered"))), 1);
        QCOMPARE(m_cache->counter(storage::counters::OrdersTotal), 1);
    }

    void lowStockCountsCrossings()
    {
        auto put = [&](const QList<core::Goods>& items) {
            return m_cache->run<IngestStats>(
                [=](WriteContext& ctx) { return cache::applyGoods(ctx, items); });
        };
        QVERIFY(put({goods(1, 1, 100, 10), goods(2, 1, 5, 10)}).ok());
        QCOMPARE(m_cache->counter(storage::counters::LowStock), 1);
        QVERIFY(put({goods(1, 2, 9, 10)}).ok());
        QCOMPARE(m_cache->counter(storage::counters::LowStock), 2);
        auto off = goods(2, 2, 5, 10);
        off.status = QStringLiteral("off"); // an unlisted goods is not an alert
        QVERIFY(put({off, goods(1, 3, 50, 10)}).ok());
        QCOMPARE(m_cache->counter(storage::counters::LowStock), 0);
        QCOMPARE(m_cache->counter(storage::counters::GoodsTotal), 2);
    }

    void backfillKeepsItsOwnPosition()
    {
        QVERIFY(m_cache
                    ->run<void>([](WriteContext& ctx) {
                        return cache::startBackfill(ctx, Feed::Orders, QStringLiteral("head-100"));
                    })
                    .ok());
        QVERIFY(
            ingestOrders({order(100, 1), order(99, 1)}, {}, QStringLiteral("before-99"), true, true).ok());
        storage::ReadSession read(*m_cache->db_);
        auto c = cache::cursor(read, Feed::Orders);
        QVERIFY(c.ok());
        QVERIFY(c->backfillStarted);
        QCOMPARE(c->cursor, QStringLiteral("head-100"));
        QCOMPARE(c->backfillBefore, QStringLiteral("before-99"));
        QVERIFY(!c->backfillDone);
        QVERIFY(ingestOrders({order(98, 1)}, QStringLiteral("before-99"), QStringLiteral("before-98"), true,
                             false)
                    .ok());
        c = cache::cursor(read, Feed::Orders);
        QVERIFY(c->backfillDone);
        QCOMPARE(c->cursor, QStringLiteral("head-100"));
        QVERIFY(ingestOrders({order(101, 1)}, QStringLiteral("head-100"), QStringLiteral("head-101")).ok());
        c = cache::cursor(read, Feed::Orders);
        QCOMPARE(c->cursor, QStringLiteral("head-101"));
        QCOMPARE(c->items, 4);
    }

    void tierLadderOnlyNewer()
    {
        core::TierLadder ladder;
        ladder.version = 2;
        core::Tier t;
        t.id = 1;
        t.name = QStringLiteral("普通会员");
        t.rank = 1;
        t.discount = core::Rate::fromPpm(1'000'000);
        t.commissionRates = QByteArrayLiteral("[\"1%\"]");
        t.upgrade = QByteArrayLiteral("{}");
        t.version = 1;
        ladder.tiers = {t};
        auto put = [&](const core::TierLadder& l) {
            return m_cache->run<bool>([=](WriteContext& ctx) { return cache::replaceTiers(ctx, l); });
        };
        QCOMPARE(put(ladder).value(), true);
        ladder.tiers.first().name = QStringLiteral("旧的");
        ladder.version = 1;
        QCOMPARE(put(ladder).value(), false);
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT name FROM tiers")).toString(),
                 QStringLiteral("普通会员"));
    }

    void dailyTotalsReplaceByDay()
    {
        core::DailyTotal d{QStringLiteral("2026-11-27"), 3, core::Money::fromYuan(30), {}, {}};
        QVERIFY(
            m_cache->run<void>([=](WriteContext& ctx) { return cache::storeDailyTotals(ctx, {d}); }).ok());
        d.orders = 4;
        QVERIFY(
            m_cache->run<void>([=](WriteContext& ctx) { return cache::storeDailyTotals(ctx, {d}); }).ok());
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT orders FROM daily_totals WHERE day = '2026-11-27'"))
                     .toInt(),
                 4);
    }

    // The commission check needs each member's tier and parent at an order's time: the ingest keeps
    // a state per change, the first from the registration, later ones from the entity's update.
    void memberHistoryFollowsTierAndParent()
    {
        auto ingestMembers = [this](const QList<core::Member>& items, const QString& from,
                                    const QString& to) {
            const PageCursor at{Feed::Members, to, false, false, from};
            return m_cache->run<IngestStats>(
                [=](WriteContext& ctx) { return cache::ingestMembers(ctx, items, at); });
        };
        core::Member m = member(5, 1, 1);
        m.registeredAt = 1'700'000'000;
        m.updatedAt = 1'700'000'500;
        auto first = ingestMembers({m}, {}, QStringLiteral("m1"));
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().detail));
        m.version = 2; // the name changed: no new state
        m.name = QStringLiteral("改名");
        m.updatedAt = 1'700'001'000;
        QVERIFY(ingestMembers({m}, QStringLiteral("m1"), QStringLiteral("m2")).ok());
        m.version = 3; // promoted
        m.tierId = 2;
        m.updatedAt = 1'700'002'000;
        QVERIFY(ingestMembers({m}, QStringLiteral("m2"), QStringLiteral("m3")).ok());
        core::Member stale = m; // an older copy arriving late never rewrites the newest state
        stale.version = 2;
        stale.tierId = 1;
        stale.updatedAt = 1'700'001'000;
        QVERIFY(ingestMembers({stale}, QStringLiteral("m3"), QStringLiteral("m4")).ok());
        m.version = 4; // moved under member 9
        m.parentId = 9;
        m.updatedAt = 1'700'003'000;
        QVERIFY(ingestMembers({m}, QStringLiteral("m4"), QStringLiteral("m5")).ok());
        QCOMPARE(m_cache
                     ->scalar(QStringLiteral(
                         "SELECT group_concat(from_at || ':' || tier_id || ':' || parent_id, ' ') "
                         "FROM (SELECT * FROM member_history WHERE member_id = 5 "
                         "ORDER BY from_at)"))
                     .toString(),
                 QStringLiteral("1700000000:1:0 1700002000:2:0 1700003000:2:9"));
    }

    void ordersAndLedgerMarkTheirMembersDirty()
    {
        core::Order a = order(1, 1);
        a.memberId = 11;
        core::Order b = order(2, 1);
        b.memberId = 12;
        QVERIFY(ingestOrders({a, b}, {}, QStringLiteral("o1")).ok());
        core::LedgerEntry e;
        e.id = 1;
        e.memberId = 13;
        e.kind = QStringLiteral("recharge");
        e.amount = core::Money::fromYuan(5);
        e.version = 1;
        const PageCursor at{Feed::Ledger, QStringLiteral("l1"), false, false, {}};
        QVERIFY(
            m_cache->run<IngestStats>([=](WriteContext& ctx) { return cache::ingestLedger(ctx, {e}, at); })
                .ok());
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT group_concat(member_id, ',') FROM member_dirty"))
                     .toString(),
                 QStringLiteral("11,12,13"));
    }

    void orderTombstoneCancelsAndKeepsTheRow()
    {
        QVERIFY(ingestOrders({order(1, 2, QStringLiteral("unpaid")), order(2, 1, QStringLiteral("review"))},
                             {}, QStringLiteral("o1"))
                    .ok());
        auto old = ingestOrders({tombstone<core::Order>(1, 2)}, QStringLiteral("o1"), QStringLiteral("o2"));
        QVERIFY(old.ok());
        QCOMPARE(old->stale, 1); // not newer than the cached version 2
        QCOMPARE(old->deleted, 0);
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT status FROM orders WHERE id = 1")).toString(),
                 QStringLiteral("unpaid"));
        auto applied = ingestOrders({tombstone<core::Order>(1, 3), tombstone<core::Order>(2, 2)},
                                    QStringLiteral("o2"), QStringLiteral("o3"));
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().detail));
        QCOMPARE(applied->deleted, 2);
        QCOMPARE(applied->updated, 0);
        QCOMPARE(m_cache
                     ->scalar(QStringLiteral("SELECT status || ':' || version || ':' || updated_at || ':' || "
                                             "amount || ':' || member_id FROM orders WHERE id = 1"))
                     .toString(),
                 QStringLiteral("cancelled:3:1764100003:100000:7"));
        QCOMPARE(m_cache->counter(storage::counters::OrdersTotal), 2);
        QCOMPARE(m_cache->counter(storage::counters::orderStatus(QStringLiteral("unpaid"))), 0);
        QCOMPARE(m_cache->counter(storage::counters::orderStatus(QStringLiteral("review"))), 0);
        QCOMPARE(m_cache->counter(storage::counters::orderStatus(QStringLiteral("cancelled"))), 2);
        QCOMPARE(m_cache->counter(storage::counters::ReviewPending), 0);
        // The paid order that was deleted leaves the rollups.
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT COALESCE(SUM(orders), 0) FROM rollup_goods_day"))
                     .toLongLong(),
                 0);
        // An older full copy after the tombstone changes nothing.
        auto late =
            ingestOrders({order(1, 2, QStringLiteral("paid"))}, QStringLiteral("o3"), QStringLiteral("o4"));
        QCOMPARE(late->stale, 1);
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT status FROM orders WHERE id = 1")).toString(),
                 QStringLiteral("cancelled"));
    }

    void tombstoneOfAnUnknownEntityIsKeptAsAVersion()
    {
        auto t = ingestOrders({tombstone<core::Order>(9, 4)}, {}, QStringLiteral("o1"));
        QVERIFY(t.ok());
        QCOMPARE(t->deleted, 1);
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 0);
        QCOMPARE(m_cache->counter(storage::counters::OrdersTotal), 0);
        QCOMPARE(m_cache
                     ->scalar(QStringLiteral("SELECT version FROM feed_tombstones WHERE entity = 'orders' "
                                             "AND id = 9"))
                     .toInt(),
                 4);
        auto older =
            ingestOrders({order(9, 4, QStringLiteral("unpaid"))}, QStringLiteral("o1"), QStringLiteral("o2"));
        QCOMPARE(older->stale, 1);
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 0);
        auto newer = ingestOrders({order(9, 5)}, QStringLiteral("o2"), QStringLiteral("o3"));
        QCOMPARE(newer->inserted, 1);
        QCOMPARE(m_cache->counter(storage::counters::OrdersTotal), 1);
    }

    void goodsAndCategoryTombstonesHideFromTheGoodsPages()
    {
        const auto ingestGoods = [this](const QList<core::Goods>& items, const QString& from,
                                        const QString& to) {
            const PageCursor at{Feed::Goods, to, false, false, from};
            return m_cache->run<IngestStats>(
                [=](WriteContext& ctx) { return cache::ingestGoods(ctx, items, at); });
        };
        const auto ingestCategories = [this](const QList<core::Category>& items, const QString& from,
                                             const QString& to) {
            const PageCursor at{Feed::Categories, to, false, false, from};
            return m_cache->run<IngestStats>(
                [=](WriteContext& ctx) { return cache::ingestCategories(ctx, items, at); });
        };
        core::Category c;
        c.id = 1;
        c.name = QStringLiteral("话费");
        c.status = QStringLiteral("on");
        c.version = 1;
        core::Category d = c;
        d.id = 2;
        d.name = QStringLiteral("游戏");
        QVERIFY(ingestCategories({c, d}, {}, QStringLiteral("c1")).ok());
        QVERIFY(ingestGoods({goods(1, 1, 5, 10), goods(2, 1)}, {}, QStringLiteral("g1")).ok());
        QCOMPARE(m_cache->counter(storage::counters::LowStock), 1);
        QCOMPARE(m_cache->counter(storage::counters::GoodsTotal), 2);

        auto g = ingestGoods({tombstone<core::Goods>(1, 2)}, QStringLiteral("g1"), QStringLiteral("g2"));
        QVERIFY2(g.ok(), qPrintable(g.ok() ? QString() : g.error().detail));
        QCOMPARE(g->deleted, 1);
        QCOMPARE(
            m_cache
                ->scalar(QStringLiteral("SELECT status || ':' || deleted || ':' || version || ':' || sku "
                                        "FROM goods WHERE id = 1"))
                .toString(),
            QStringLiteral("off:1:2:SKU-1"));
        QCOMPARE(m_cache->counter(storage::counters::LowStock), 0);
        QCOMPARE(m_cache->counter(storage::counters::GoodsTotal), 1);
        QVERIFY(
            ingestCategories({tombstone<core::Category>(2, 2)}, QStringLiteral("c1"), QStringLiteral("c2"))
                .ok());
        QCOMPARE(
            m_cache->scalar(QStringLiteral("SELECT status || ':' || deleted FROM categories WHERE id = 2"))
                .toString(),
            QStringLiteral("off:1"));
        {
            storage::ReadSession read(*m_cache->db_);
            auto counts = storage::goodsqueries::counts(read, storage::GoodsQuery{});
            QVERIFY(counts.ok());
            QCOMPARE(counts->total, 1);
            auto tree = storage::goodsqueries::categories(read);
            QVERIFY(tree.ok());
            QCOMPARE(tree->size(), 1);
            QCOMPARE(tree->first().id, 1);
        }
        // The platform lists it again with a newer version: live again.
        QVERIFY(ingestGoods({goods(1, 3, 5, 10)}, QStringLiteral("g2"), QStringLiteral("g3")).ok());
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT deleted FROM goods WHERE id = 1")).toInt(), 0);
        QCOMPARE(m_cache->counter(storage::counters::GoodsTotal), 2);
        QCOMPARE(m_cache->counter(storage::counters::LowStock), 1);
    }

    void memberTombstoneMarksAndKeeps()
    {
        const auto ingestMembers = [this](const QList<core::Member>& items, const QString& from,
                                          const QString& to) {
            const PageCursor at{Feed::Members, to, false, false, from};
            return m_cache->run<IngestStats>(
                [=](WriteContext& ctx) { return cache::ingestMembers(ctx, items, at); });
        };
        QVERIFY(ingestMembers({member(5, 1)}, {}, QStringLiteral("m1")).ok());
        auto t = ingestMembers({tombstone<core::Member>(5, 2)}, QStringLiteral("m1"), QStringLiteral("m2"));
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().detail));
        QCOMPARE(t->deleted, 1);
        QCOMPARE(m_cache
                     ->scalar(QStringLiteral("SELECT name || ':' || kind || ':' || deleted || ':' || version "
                                             "FROM members WHERE id = 5"))
                     .toString(),
                 QStringLiteral("会员5:consumer:1:2"));
        QCOMPARE(m_cache->counter(storage::counters::MembersTotal), 1);
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT count(*) FROM member_history WHERE member_id = 5"))
                     .toInt(),
                 1);
    }

    void ledgerAndWithdrawalTombstonesRemove()
    {
        core::LedgerEntry e;
        e.id = 1;
        e.memberId = 13;
        e.kind = QStringLiteral("recharge");
        e.amount = core::Money::fromYuan(5);
        e.version = 1;
        core::Withdrawal w;
        w.id = 4;
        w.memberId = 13;
        w.amount = core::Money::fromYuan(50);
        w.status = QStringLiteral("pending");
        w.version = 1;
        const auto ledger = [this](const QList<core::LedgerEntry>& items, const QString& from,
                                   const QString& to) {
            const PageCursor at{Feed::Ledger, to, false, false, from};
            return m_cache->run<IngestStats>(
                [=](WriteContext& ctx) { return cache::ingestLedger(ctx, items, at); });
        };
        const auto withdrawals = [this](const QList<core::Withdrawal>& items, const QString& from,
                                        const QString& to) {
            const PageCursor at{Feed::Withdrawals, to, false, false, from};
            return m_cache->run<IngestStats>(
                [=](WriteContext& ctx) { return cache::ingestWithdrawals(ctx, items, at); });
        };
        QVERIFY(ledger({e}, {}, QStringLiteral("l1")).ok());
        QVERIFY(withdrawals({w}, {}, QStringLiteral("w1")).ok());
        QCOMPARE(m_cache->counter(storage::counters::WithdrawalPending), 1);
        // A tombstone and an older copy in the same page: the copy is stale.
        auto t = ledger({tombstone<core::LedgerEntry>(1, 2), e}, QStringLiteral("l1"), QStringLiteral("l2"));
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().detail));
        QCOMPARE(t->deleted, 1);
        QCOMPARE(t->stale, 1);
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT count(*) FROM ledger")).toInt(), 0);
        auto again = ledger({e}, QStringLiteral("l2"), QStringLiteral("l3"));
        QCOMPARE(again->stale, 1);
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT count(*) FROM ledger")).toInt(), 0);
        QVERIFY(withdrawals({tombstone<core::Withdrawal>(4, 2)}, QStringLiteral("w1"), QStringLiteral("w2"))
                    .ok());
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT count(*) FROM withdrawals")).toInt(), 0);
        QCOMPARE(m_cache->counter(storage::counters::WithdrawalPending), 0);
        QCOMPARE(
            m_cache
                ->scalar(QStringLiteral("SELECT group_concat(entity || ':' || id || ':' || version, ' ') "
                                        "FROM (SELECT * FROM feed_tombstones ORDER BY entity)"))
                .toString(),
            QStringLiteral("ledger:1:2 withdrawals:4:2"));
    }
};

QTEST_GUILESS_MAIN(TestPlatformCache)
#include "tst_platformcache.moc"
