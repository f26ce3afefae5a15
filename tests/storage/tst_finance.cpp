#include "cachefixture.h"
#include "storage/finance.h"
#include "storage/platformcache.h"
#include "storage/supply.h"
#include "storage/writecontext.h"

#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using cachefixture::Cache;
using core::Money;
namespace finance = storage::finance;
namespace pc = storage::platformcache;
using finance::DiffKind;

namespace {

// 2026-10-05 00:00 Asia/Shanghai, business day 20731 (day A); day B = 20732.
constexpr qint64 A0 = 1791129600;
constexpr qint64 DayA = 20731;
constexpr qint64 B0 = A0 + 86400;
constexpr qint64 Hour = 3600;
// 2026-11-10 12:00 Asia/Shanghai.
constexpr qint64 Nov10 = 1794283200;

qint64 yuan(qint64 y, qint64 cents = 0)
{
    return y * 10000 + cents * 100;
}

core::Order order(qint64 id, qint64 at, qint64 paid, qint64 cost, const QString& status = u"delivered"_s,
                  qint64 refunded = 0, qint64 version = 1)
{
    core::Order o = cachefixture::order(id, version, status);
    o.memberId = 11;
    o.createdAt = at;
    o.paidAt = at + 10;
    o.deliveredAt = status == u"unpaid"_s ? 0 : at + 20;
    o.paidAmount = Money::fromUnits(paid);
    o.amount = o.paidAmount;
    o.costAtOrder = Money::fromUnits(cost);
    o.refundAmount = Money::fromUnits(refunded);
    o.updatedAt = at + version;
    return o;
}

core::LedgerEntry commission(qint64 id, qint64 amount, qint64 orderId, qint64 at)
{
    core::LedgerEntry e;
    e.id = id;
    e.memberId = 10;
    e.kind = u"commission"_s;
    e.amount = Money::fromUnits(amount);
    e.orderId = orderId;
    e.createdAt = at;
    e.version = 1;
    e.updatedAt = at;
    return e;
}

core::DailyTotal total(const QString& day, qint64 orders, qint64 gmv, qint64 commissions)
{
    core::DailyTotal t;
    t.day = day;
    t.orders = orders;
    t.gmv = Money::fromUnits(gmv);
    t.commissions = Money::fromUnits(commissions);
    return t;
}

core::Result<qint64> purchase(storage::WriteContext& ctx, const QString& no, const QString& state,
                              qint64 cost, qint64 at)
{
    return ctx.insert(u"INSERT INTO purchases (external_no, supplier_id, product_ref, quantity, state, cost, "
                      u"created_at, updated_at) VALUES (?, 'fulu-main', 'P1', 1, ?, ?, ?, ?)"_s,
                      {no, state, cost, at, at});
}

QString describe(const QList<finance::Difference>& rows)
{
    QStringList out;
    for (const finance::Difference& d : rows)
        out << u"%1 %2 %3 %4/%5"_s.arg(finance::dayText(d.day), finance::kindCode(d.kind), d.subject)
                   .arg(d.ours)
                   .arg(d.theirs);
    return out.join(u"; "_s);
}

} // namespace

// Issue #11 item 3: the daily summary, the three reconciliations and the month close over a real cache.
class TstFinance : public QObject
{
    Q_OBJECT
private:
    Cache cache;

    template<typename T> T read(std::function<core::Result<T>(const storage::ReadSession&)> f)
    {
        storage::ReadSession s(*cache.db_);
        auto r = f(s);
        if (!r)
            qWarning() << r.error().detail;
        return r ? *r : T();
    }

    core::Result<void> ingest(const QList<core::Order>& orders)
    {
        return cache.run<void>([orders](storage::WriteContext& ctx) -> core::Result<void> {
            auto r = pc::ingestOrders(ctx, orders, {core::Feed::Orders, u"o2"_s, false, false, u"o1"_s});
            return r ? core::Result<void>() : core::Result<void>(r.error());
        });
    }

    void fill()
    {
        QVERIFY(cache.open());
        cache.clock.setMilliseconds(Nov10 * 1000);
        auto r = cache.run<void>([](storage::WriteContext& ctx) -> core::Result<void> {
            core::Tier t1;
            t1.id = 1;
            t1.name = u"T1"_s;
            t1.rank = 1;
            t1.discount = core::Rate::fromPpm(1'000'000);
            t1.commissionRates = "[]";
            t1.upgrade = "{}";
            t1.version = 1;
            core::Tier t2 = t1;
            t2.id = 2;
            t2.name = u"T2"_s;
            t2.rank = 2;
            t2.commissionRates = R"(["2%"])";
            core::TierLadder ladder;
            ladder.version = 1;
            ladder.tiers = {t1, t2};
            if (auto x = pc::replaceTiers(ctx, ladder); !x)
                return x.error();
            // 10 (tier 2) is the agent of 11 (tier 1), the buyer of every order.
            for (const QList<qint64>& m : QList<QList<qint64>>{{10, 2, 0}, {11, 1, 10}}) {
                if (auto x = ctx.exec(
                        u"INSERT INTO members (id, name, kind, parent_id, tier_id, registered_at, "
                        u"contact, balance, tags, version, updated_at) VALUES (?, ?, 'agent', ?, ?, ?, "
                        u"'', 0, '[]', 1, ?)"_s,
                        {m[0], u"会员%1"_s.arg(m[0]), m[2], m[1], A0 - 1000, A0 - 1000});
                    !x)
                    return x.error();
                if (auto x = ctx.exec(u"INSERT INTO member_history (member_id, from_at, tier_id, parent_id) "
                                      u"VALUES (?, ?, ?, ?)"_s,
                                      {m[0], A0 - 1000, m[1], m[2]});
                    !x)
                    return x.error();
            }
            auto o = pc::ingestOrders(ctx,
                                      {order(1, A0 + 9 * Hour, yuan(100), yuan(90)),
                                       order(2, A0 + 10 * Hour, yuan(50), yuan(45)),
                                       order(3, B0 + 9 * Hour, yuan(30), yuan(27)),
                                       order(4, B0 + 10 * Hour, yuan(99), yuan(1), u"unpaid"_s),
                                       order(5, A0 + 3 * 86400 + Hour, yuan(10), yuan(9))},
                                      {core::Feed::Orders, u"o1"_s, false, false, {}});
            if (!o)
                return o.error();
            // Order 2's 1.00 commission is never credited (漏发).
            auto l = pc::ingestLedger(ctx,
                                      {commission(101, yuan(2), 1, A0 + 9 * Hour + 30),
                                       commission(103, yuan(0, 60), 3, B0 + 9 * Hour + 30),
                                       commission(105, yuan(0, 20), 5, A0 + 3 * 86400 + Hour + 30)},
                                      {core::Feed::Ledger, u"l1"_s, false, false, {}});
            if (!l)
                return l.error();
            // The platform: day A commissions 3.00 (one more than the ledger), day B 2 orders (one
            // more), 2026-10-07 a day the cache has nothing of, 2026-10-08 missing on its side.
            if (auto x = pc::storeDailyTotals(ctx, {total(u"2026-10-05"_s, 2, yuan(150), yuan(3)),
                                                    total(u"2026-10-06"_s, 2, yuan(30), yuan(0, 60)),
                                                    total(u"2026-10-07"_s, 1, yuan(10), 0)});
                !x)
                return x;
            // Supplier fulu-main: 1000.00 → bought 95.00 → 905.00 (matches) → 855.00 with no
            // purchase → bought 20.00 (and a failed 10.00) → 850.00 → a top-up to 1350.00.
            namespace supply = storage::supply;
            const QString s = u"fulu-main"_s, p = u"fulu"_s, n = u"商户"_s;
            if (auto x = supply::recordBalance(ctx, s, p, yuan(1000), n, A0 + 10 * Hour); !x)
                return x;
            if (auto x = purchase(ctx, u"C1"_s, u"succeeded"_s, yuan(95), A0 + 11 * Hour); !x)
                return x.error();
            if (auto x = supply::recordBalance(ctx, s, p, yuan(905), n, A0 + 12 * Hour); !x)
                return x;
            if (auto x = supply::recordBalance(ctx, s, p, yuan(855), n, A0 + 14 * Hour); !x)
                return x;
            if (auto x = purchase(ctx, u"C2"_s, u"delivered"_s, yuan(20), B0 + 9 * Hour); !x)
                return x.error();
            if (auto x = purchase(ctx, u"C3"_s, u"failed"_s, yuan(10), B0 + 9 * Hour + 5); !x)
                return x.error();
            if (auto x = supply::recordBalance(ctx, s, p, yuan(855), n, B0 + 10 * Hour); !x)
                return x;
            if (auto x = supply::recordBalance(ctx, s, p, yuan(850), n, B0 + 11 * Hour); !x)
                return x;
            return supply::recordBalance(ctx, s, p, yuan(1350), n, B0 + 12 * Hour);
        });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
    }

private Q_SLOTS:
    void init() { fill(); }

    void dailySummary()
    {
        const auto s = read<finance::Summary>(
            [](const storage::ReadSession& r) { return finance::dailySummary(r, DayA, DayA + 3); });
        QCOMPARE(s.days.size(), 4);
        const finance::DaySummary& a = s.days[0];
        QCOMPARE(finance::dayText(a.day), u"2026-10-05"_s);
        QCOMPARE(a.orders, 2);
        QCOMPARE(a.gmv.units(), yuan(150));
        QCOMPARE(a.cost.units(), yuan(135));
        QCOMPARE(a.grossProfit().units(), yuan(15));
        QCOMPARE(a.commissions.units(), yuan(2));
        QCOMPARE(a.supplierSpend.units(), yuan(95));
        const finance::DaySummary& b = s.days[1];
        QCOMPARE(b.orders, 1); // the unpaid order does not count
        QCOMPARE(b.gmv.units(), yuan(30));
        QCOMPARE(b.supplierSpend.units(), yuan(20)); // the failed purchase does not count
        QCOMPARE(b.commissions.units(), yuan(0, 60));
        QVERIFY(s.days[2].isEmpty());
        QCOMPARE(s.total.orders, 4);
        QCOMPARE(s.total.gmv.units(), yuan(190));
        QCOMPARE(s.total.cost.units(), yuan(171));
        QCOMPARE(s.total.supplierSpend.units(), yuan(115));
        QCOMPARE(s.total.commissions.units(), yuan(2, 80));
    }

    void platformReconciliation()
    {
        const auto c = read<finance::PlatformCheck>(
            [](const storage::ReadSession& s) { return finance::checkPlatform(s, DayA, DayA + 3); });
        QCOMPARE(c.daysCompared, 4);
        QCOMPARE(describe(c.differences),
                 u"2026-10-05 platform_more commissions 20000/30000; 2026-10-06 platform_more orders 1/2; "
                 u"2026-10-07 missing_local orders 0/1; 2026-10-08 missing_platform orders 1/0"_s);
        QVERIFY(c.differences[1].isCount());
        QVERIFY(!c.differences[0].isCount());
        QCOMPARE(c.differences[0].difference(), yuan(1));
    }

    void supplierReconciliation()
    {
        QCOMPARE(cache.scalar(u"SELECT count(*) FROM supplier_balance_log"_s).toInt(), 5); // 855 twice: once
        const auto c = read<finance::SupplierCheck>(
            [](const storage::ReadSession& s) { return finance::checkSuppliers(s, DayA, DayA + 1); });
        QCOMPARE(c.suppliers, 1);
        QCOMPARE(c.intervals, 4);
        QCOMPARE(c.purchases.units(), yuan(115));
        QCOMPARE(describe(c.rows), u"2026-10-05 debit_without_purchase fulu-main 0/500000; "
                                   u"2026-10-06 purchase_without_debit fulu-main 200000/50000; "
                                   u"2026-10-06 topup fulu-main 0/5000000"_s);
        QCOMPARE(c.rows[0].difference(), yuan(50));
        QCOMPARE(c.rows[1].difference(), -yuan(15));
        QCOMPARE(c.rows[1].count, 1);
        QVERIFY(!finance::isDifference(c.rows[2].kind));
        // Only intervals ending in the range: day B alone has the last two.
        const auto b = read<finance::SupplierCheck>(
            [](const storage::ReadSession& s) { return finance::checkSuppliers(s, DayA + 1, DayA + 1); });
        QCOMPARE(b.intervals, 2);
        QCOMPARE(b.rows.size(), 2);
    }

    void commissionReconciliation()
    {
        const auto c = read<finance::CommissionCheck>(
            [](const storage::ReadSession& s) { return finance::checkCommissions(s, DayA, DayA + 3); });
        QCOMPARE(c.orders, 4);
        QCOMPARE(c.unverifiable, 0);
        QCOMPARE(c.expected.units(), yuan(3, 80));
        QCOMPARE(c.credited.units(), yuan(2, 80));
        QCOMPARE(describe(c.differences), u"2026-10-05 missing 会员10 10000/0"_s);
        QCOMPARE(c.differences[0].subjectId, 10);
        QCOMPARE(c.differences[0].count, 1);
    }

    void monthClose()
    {
        const auto closeAs = [this](const core::Actor& actor, const QString& month, bool confirmed) {
            return cache.run<finance::Summary>([=](storage::WriteContext& ctx) {
                return finance::closeMonth(ctx, actor, month, confirmed);
            });
        };
        const core::Actor op{77, u"op"_s, core::Role::Operator};
        QCOMPARE(closeAs(op, u"2026-10"_s, true).error().code, core::ErrorCode::PermissionDenied);
        QCOMPARE(closeAs(cache.admin_, u"2026-10"_s, false).error().code, core::ErrorCode::InvalidArgument);
        QCOMPARE(closeAs(cache.admin_, u"2026-11"_s, true).error().code, core::ErrorCode::InvalidArgument);
        auto closed = closeAs(cache.admin_, u"2026-10"_s, true);
        QVERIFY2(closed.ok(), qPrintable(closed.ok() ? QString() : closed.error().detail));
        QCOMPARE(closed->days.size(), 31);
        QCOMPARE(closed->total.gmv.units(), yuan(190));
        QCOMPARE(cache
                     .scalar(u"SELECT count(*) FROM audit_log WHERE action = 'month.close' AND entity_id = "
                             u"'2026-10'"_s)
                     .toInt(),
                 1);
        // A re-close is refused.
        const auto again = closeAs(cache.admin_, u"2026-10"_s, true);
        QCOMPARE(again.error().code, core::ErrorCode::Conflict);
        QVERIFY(again.error().detail.contains(u"already closed"_s));
        QVERIFY(read<bool>([](const storage::ReadSession& s) { return finance::isClosed(s, DayA); }));
        QVERIFY(!read<bool>([](const storage::ReadSession& s) { return finance::isClosed(s, DayA + 40); }));
        auto edit =
            cache.run<void>([](storage::WriteContext& ctx) { return finance::requireOpen(ctx, DayA); });
        QCOMPARE(edit.error().code, core::ErrorCode::Conflict);
        QVERIFY(edit.error().detail.contains(u"2026-10 is closed"_s));

        // A late refund of order 1: the snapshot stays, the change is an adjustment in 2026-11.
        const auto late = ingest({order(1, A0 + 9 * Hour, yuan(100), yuan(90), u"refunded"_s, yuan(100), 2)});
        QVERIFY2(late.ok(), qPrintable(late.ok() ? QString() : late.error().detail));
        const auto snap = read<finance::Summary>(
            [](const storage::ReadSession& s) { return finance::snapshot(s, u"2026-10"_s); });
        QCOMPARE(snap.total.refunds.units(), 0);
        QCOMPARE(snap.days[4].gmv.units(), yuan(150));
        // The booked summary shows the closed day as closed; the live one has the refund.
        const auto booked = read<finance::Summary>(
            [](const storage::ReadSession& r) { return finance::bookedSummary(r, DayA, DayA + 40); });
        QVERIFY(booked.days[0].closed);
        QCOMPARE(booked.days[0].refunds.units(), 0);
        QVERIFY(!booked.days[40].closed); // 2026-11-14
        QCOMPARE(booked.total.gmv.units(), yuan(190));
        QCOMPARE(booked.total.refunds.units(), 0);
        const auto live = read<finance::Summary>(
            [](const storage::ReadSession& r) { return finance::dailySummary(r, DayA, DayA); });
        QCOMPARE(live.days[0].refunds.units(), yuan(100));
        const auto adj = read<QList<finance::Adjustment>>(
            [](const storage::ReadSession& s) { return finance::adjustments(s, Nov10); });
        QCOMPARE(adj.size(), 1);
        QCOMPARE(adj[0].originalMonth, u"2026-10"_s);
        QCOMPARE(adj[0].bookedMonth, u"2026-11"_s);
        QCOMPARE(adj[0].day, DayA);
        QCOMPARE(adj[0].measure, u"refunds"_s);
        QCOMPARE(adj[0].delta(), yuan(100));
        const auto months = read<QList<finance::MonthState>>(
            [](const storage::ReadSession& s) { return finance::months(s, Nov10); });
        QCOMPARE(months.size(), 2);
        QCOMPARE(months[0].month, u"2026-11"_s);
        QVERIFY(!months[0].closed);
        QCOMPARE(months[1].month, u"2026-10"_s);
        QVERIFY(months[1].closed);
        QCOMPARE(months[1].closedByLogin, u"admin"_s);
        QCOMPARE(months[1].total.refunds.units(), 0);
        QCOMPARE(months[1].adjustments, 1);

        // Reopening: administrators only, audited.
        const core::Actor fin{78, u"fin"_s, core::Role::Finance};
        const auto reopenAs = [this](const core::Actor& actor) {
            return cache.run<void>([=](storage::WriteContext& ctx) {
                return finance::reopenMonth(ctx, actor, u"2026-10"_s, u"late refund"_s);
            });
        };
        QCOMPARE(reopenAs(fin).error().code, core::ErrorCode::PermissionDenied);
        QVERIFY(reopenAs(cache.admin_).ok());
        QVERIFY(!read<bool>([](const storage::ReadSession& s) { return finance::isClosed(s, DayA); }));
        QCOMPARE(cache.scalar(u"SELECT count(*) FROM audit_log WHERE action = 'month.reopen'"_s).toInt(), 1);
        auto reclosed = closeAs(cache.admin_, u"2026-10"_s, true);
        QVERIFY(reclosed.ok());
        QCOMPARE(reclosed->total.refunds.units(), yuan(100));
    }

    void snapshotJsonRoundTrip()
    {
        finance::Summary s;
        s.fromDay = DayA;
        s.toDay = DayA;
        finance::DaySummary d;
        d.day = DayA;
        d.orders = 3;
        d.gmv = Money::fromUnits(123'456'789'012'345);
        d.refunds = Money::fromUnits(-5);
        s.days = {d};
        s.total = d;
        s.total.day = 0;
        auto back = finance::summaryFromJson(finance::summaryJson(s));
        QVERIFY(back.ok());
        QCOMPARE(back->days[0].gmv.units(), 123'456'789'012'345);
        QCOMPARE(back->days[0].refunds.units(), -5);
        QCOMPARE(back->total.orders, 3);
        QCOMPARE(finance::monthDays(u"2026-02"_s)->second - finance::monthDays(u"2026-02"_s)->first, 27);
        QVERIFY(!finance::monthDays(u"2026-13"_s).ok());
    }
};

QTEST_GUILESS_MAIN(TstFinance)
#include "tst_finance.moc"
