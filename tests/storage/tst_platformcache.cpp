#include "cachefixture.h"
#include "core/result.h"
#include "storage/counters.h"
#include "storage/platformcache.h"
#include "storage/writecontext.h"

using namespace cardops;
using namespace cachefixture;
using core::Feed;
using storage::IngestStats;
using storage::PageCursor;
using storage::WriteContext;
namespace cache = storage::platformcache;

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
        auto ingestMembers = [this](const QList<core::Member>& items, const QString& from, const QString& to) {
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
                     ->scalar(QStringLiteral("SELECT group_concat(from_at || ':' || tier_id || ':' || parent_id, ' ') "
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
        QVERIFY(m_cache->run<IngestStats>([=](WriteContext& ctx) { return cache::ingestLedger(ctx, {e}, at); })
                    .ok());
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT group_concat(member_id, ',') FROM member_dirty")).toString(),
                 QStringLiteral("11,12,13"));
    }
};

QTEST_GUILESS_MAIN(TestPlatformCache)
#include "tst_platformcache.moc"
