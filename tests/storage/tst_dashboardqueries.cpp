#include "cachefixture.h"
#include "storage/dashboardqueries.h"
#include "storage/platformcache.h"
#include "storage/writecontext.h"

#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using cachefixture::Cache;
using storage::DashboardGrain;
using storage::WriteContext;
namespace dq = storage::dashboardqueries;

namespace {

// The period: Sunday 2026-11-29 … Tuesday 2026-12-01 (business days 20786–20788): it crosses an
// ISO week (W48 → W49) and a month. The previous period of equal length is 20783–20785.
constexpr qint64 kSun = 20786;
constexpr qint64 kMon = 20787;
constexpr qint64 kTue = 20788;
constexpr qint64 kSunStart = 1795881600; // 2026-11-29 00:00:00 Asia/Shanghai
constexpr qint64 kMonStart = kSunStart + 86400;
constexpr qint64 kTueStart = kMonStart + 86400;
constexpr qint64 kNow = kTueStart + 12 * 3600;

core::Money yuan(qint64 y)
{
    return core::Money::fromYuan(y);
}

core::Order order(qint64 id, qint64 memberId, qint64 goodsId, const QString& status, qint64 createdAt,
                  qint64 paidYuan, qint64 costYuan)
{
    core::Order o = cachefixture::order(id, 1, status);
    o.memberId = memberId;
    o.goodsId = goodsId;
    o.createdAt = createdAt;
    o.paidAt = status == u"unpaid" || status == u"cancelled" ? 0 : createdAt + 30;
    o.paidAmount = yuan(paidYuan);
    o.amount = o.paidAmount;
    o.costAtOrder = yuan(costYuan);
    o.updatedAt = createdAt;
    return o;
}

core::Member member(qint64 id, const QString& kind, qint64 parent)
{
    core::Member m = cachefixture::member(id, 1);
    m.kind = kind;
    m.parentId = parent;
    return m;
}

core::Goods goods(qint64 id, qint64 category, const QString& name)
{
    core::Goods g = cachefixture::goods(id, 1);
    g.categoryId = category;
    g.name = name;
    return g;
}

core::LedgerEntry commission(qint64 id, qint64 memberId, const QString& kind, qint64 cents, qint64 at)
{
    core::LedgerEntry e;
    e.id = id;
    e.memberId = memberId;
    e.kind = kind;
    e.amount = core::Money::fromUnits(cents * 100);
    e.orderId = 1;
    e.createdAt = at;
    e.version = 1;
    e.updatedAt = at;
    return e;
}

} // namespace

// The dashboard's figures on a small hand-made cache, each against a hand-computed value.
class TstDashboardQueries : public QObject
{
    Q_OBJECT

    std::unique_ptr<Cache> m_cache;

    // Agents 1 ← 2 ← 10 (consumer) and 1 ← 11 (enterprise); 12 on its own; 99 not cached.
    void ingestScenario()
    {
        QList<core::Order> orders;
        core::Order o1 = order(1, 10, 3, u"delivered"_s, kMonStart - 1, 100, 90); // Sunday 23:59:59
        o1.deliveredAt = o1.paidAt + 60;
        o1.quantity = 2; // cost_at_order is a unit cost: 2 × 45 = 90
        o1.costAtOrder = yuan(45);
        core::Order o2 = order(2, 10, 3, u"refunded"_s, kTueStart, 50, 40); // Tuesday 00:00:00
        o2.payChannel = u"balance"_s;
        o2.reviewReason = u"big_amount"_s;
        o2.deliveredAt = o2.paidAt + 600;
        o2.refundAmount = yuan(20);
        orders << o1 << o2 << order(3, 11, 4, u"delivering"_s, kMonStart + 10 * 3600 + 1800, 200, 150)
               << order(4, 12, 4, u"cancelled"_s, kMonStart + 10 * 3600 + 2700, 70, 60)
               << order(6, 99, 5, u"review"_s, kTueStart + 8 * 3600, 10, 5);
        core::Order o5 = order(5, 11, 4, u"delivered"_s, kSunStart - 1, 30, 20); // previous period
        o5.deliveredAt = o5.paidAt + 5;
        orders << o5;
        auto done = m_cache->run<bool>([=](WriteContext& ctx) -> core::Result<bool> {
            const storage::PageCursor c{core::Feed::Categories, u"c1"_s, false, false, {}};
            core::Category cat1{1, 0, u"游戏点卡"_s, 0, u"on"_s, 1, 1};
            core::Category cat2{2, 0, u"话费充值"_s, 0, u"on"_s, 1, 1};
            if (auto r = storage::platformcache::ingestCategories(ctx, {cat1, cat2}, c); !r)
                return r.error();
            const storage::PageCursor g{core::Feed::Goods, u"g1"_s, false, false, {}};
            if (auto r = storage::platformcache::ingestGoods(
                    ctx, {goods(3, 1, u"Q币"_s), goods(4, 2, u"移动话费"_s)}, g);
                !r)
                return r.error();
            const storage::PageCursor m{core::Feed::Members, u"m1"_s, false, false, {}};
            if (auto r = storage::platformcache::ingestMembers(
                    ctx,
                    {member(1, u"agent"_s, 0), member(2, u"agent"_s, 1), member(10, u"consumer"_s, 2),
                     member(11, u"enterprise"_s, 1), member(12, u"consumer"_s, 0)},
                    m);
                !r)
                return r.error();
            const storage::PageCursor o{core::Feed::Orders, u"o1"_s, false, false, {}};
            if (auto r = storage::platformcache::ingestOrders(ctx, orders, o); !r)
                return r.error();
            const storage::PageCursor l{core::Feed::Ledger, u"l1"_s, false, false, {}};
            if (auto r = storage::platformcache::ingestLedger(
                    ctx,
                    {commission(1, 2, u"commission"_s, 150, kMonStart),
                     commission(2, 2, u"commission"_s, 999, kSunStart - 1),
                     commission(3, 2, u"purchase"_s, 500, kMonStart),
                     commission(4, 1, u"commission"_s, 75, kTueStart + 1)},
                    l);
                !r)
                return r.error();
            const QString move =
                u"INSERT INTO tier_moves (member_id, from_tier, to_tier, direction, rule, at) "
                u"VALUES (?, 1, 2, ?, 'r', ?)"_s;
            for (const QVariantList& b : QList<QVariantList>{{10, u"up"_s, kSunStart},
                                                             {11, u"up"_s, kTueStart + 100},
                                                             {12, u"down"_s, kMonStart},
                                                             {12, u"up"_s, kSunStart - 1},
                                                             {10, u"down"_s, kTueStart + 86400}})
                if (auto r = ctx.exec(move, b); !r)
                    return r.error();
            const QString supplier =
                u"INSERT INTO supplier_status (supplier_id, protocol, balance) VALUES (?, 'x', ?)"_s;
            for (const QVariantList& b : QList<QVariantList>{
                     {u"a"_s, 12'345'600}, {u"b"_s, 100}, {u"c"_s, QVariant(QMetaType(QMetaType::LongLong))}})
                if (auto r = ctx.exec(supplier, b); !r)
                    return r.error();
            return true;
        });
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().detail));
    }

    storage::DashboardData load(DashboardGrain grain = DashboardGrain::Day)
    {
        storage::ReadSession read(*m_cache->db_);
        storage::DashboardRequest q;
        q.fromDay = kSun;
        q.toDay = kTue;
        q.grain = grain;
        q.now = kNow;
        auto d = dq::load(read, q);
        if (!d)
            qWarning() << d.error().detail;
        return d ? d.value() : storage::DashboardData{};
    }

private Q_SLOTS:
    void init()
    {
        m_cache = std::make_unique<Cache>();
        QVERIFY(m_cache->open());
    }
    void cleanup() { m_cache.reset(); }

    void weekdays()
    {
        QCOMPARE(dq::weekday(0), 3); // 1970-01-01, a Thursday
        QCOMPARE(dq::weekday(kSun), 6);
        QCOMPARE(dq::weekday(kMon), 0);
        QCOMPARE(dq::dayStart(kSun), kSunStart);
        QCOMPARE(core::businessDay(kSunStart), kSun);
    }

    void bucketsAtBoundaries()
    {
        auto weeks = dq::buckets(kSun, kTue, DashboardGrain::Week);
        QCOMPARE(weeks.size(), 2);
        QCOMPARE(weeks[0].label, u"2026-W48"_s);
        QCOMPARE(weeks[0].fromDay, kSun);
        QCOMPARE(weeks[0].toDay, kSun);
        QCOMPARE(weeks[1].label, u"2026-W49"_s);
        QCOMPARE(weeks[1].fromDay, kMon);
        QCOMPARE(weeks[1].toDay, kTue);
        auto months = dq::buckets(kSun - 40, kTue, DashboardGrain::Month);
        QCOMPARE(months.size(), 3);
        QCOMPARE(months[0].label, u"2026-10"_s);
        QCOMPARE(months[1].fromDay, kSun - 28); // 2026-11-01
        QCOMPARE(months[1].toDay, kMon);
        QCOMPARE(months[2].label, u"2026-12"_s);
        QCOMPARE(dq::buckets(kSun, kTue, DashboardGrain::Day).size(), 3);
        QCOMPARE(dq::buckets(kSun, kTue, DashboardGrain::Day)[0].label, u"11-29"_s);
    }

    void kpis()
    {
        ingestScenario();
        const storage::DashboardData d = load();
        const storage::DashboardTotals& t = d.current;
        // Orders 1, 2, 3, 6 (4 is cancelled, 5 is in the previous period).
        QCOMPARE(t.orders, 4);
        QCOMPARE(t.gmv, yuan(360).units());
        QCOMPARE(t.feeBase, yuan(310).units()); // order 2 was paid from the balance
        QCOMPARE(t.cost, yuan(130).units()); // delivered orders 1 and 2 only: order 3's goods did not go out yet
        QCOMPARE(t.fee(60), 18'600);     // 310 × 0.6 % = 1.86 yuan
        QCOMPARE(t.profit(60), 2'081'400); // 360 − 20 refunded − 130 − 1.86 = 208.14 yuan
        QCOMPARE(t.fee(1), 310);         // 0.031 yuan
        QCOMPARE(t.refunds, yuan(20).units());
        QCOMPARE(t.refundedOrders, 1);
        QCOMPARE(t.delivered, 2);
        QCOMPARE(t.deliveredAuto, 1); // order 2 went through review
        QCOMPARE(t.deliverSeconds, 660);
        QCOMPARE(t.buyers, 3); // 10, 11, 99
        QCOMPARE(t.repeatBuyers, 1);
        QCOMPARE(d.reviewQueue, 1);
        QCOMPARE(d.reviewWaitSeconds, 4 * 3600 - 30);
        // Order 2 went through review and was delivered 600 s after payment (decided on the platform).
        QCOMPARE(d.reviewsDecided, 1);
        QCOMPARE(d.reviewDecidedSeconds, 600);
        QCOMPARE(d.previousReviewsDecided, 0);
        QCOMPARE(d.supplierBalance, 12'345'700);
        QCOMPARE(d.suppliersKnown, 2);
        QCOMPARE(d.tierUps, 2);
        QCOMPARE(d.tierDowns, 1);
        QCOMPARE(d.previousTierUps, 1);
        QCOMPARE(d.previousTierDowns, 0);
    }

    // CardOps's own first action on a reviewed order is its decision, whatever the delivery time.
    void reviewDecidedByCardOps()
    {
        ingestScenario();
        auto done = m_cache->run<bool>([](WriteContext& ctx) -> core::Result<bool> {
            // operator 1: the default local administrator every cache starts with.
            const QString action = u"INSERT INTO order_actions (order_id, kind, body, idempotency_key, state, "
                                   u"operator_id, created_at, updated_at) VALUES (2, ?, '{}', ?, 'done', 1, ?, ?)"_s;
            for (const QVariantList& b : QList<QVariantList>{{u"refund"_s, u"k2"_s, kTueStart + 30 + 900},
                                                             {u"review"_s, u"k1"_s, kTueStart + 30 + 120}})
                if (auto r = ctx.exec(action, b + QVariantList{b.value(2)}); !r)
                    return r.error();
            return true;
        });
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().detail));
        const storage::DashboardData d = load();
        QCOMPARE(d.reviewsDecided, 1);
        QCOMPARE(d.reviewDecidedSeconds, 120);
    }

    void previousPeriod()
    {
        ingestScenario();
        const storage::DashboardData d = load();
        QCOMPARE(d.previousFromDay, kSun - 3);
        QCOMPARE(d.previousToDay, kSun - 1);
        QCOMPARE(d.previous.orders, 1); // order 5 at Saturday 23:59:59
        QCOMPARE(d.previous.gmv, yuan(30).units());
        QCOMPARE(d.previous.deliverSeconds, 5);
        QCOMPARE(d.previous.buyers, 1);
        QCOMPARE(d.previous.repeatBuyers, 0);
        storage::ReadSession read(*m_cache->db_);
        QCOMPARE(dq::totals(read, kSun - 3, kSun - 1).value(), d.previous);
        QCOMPARE(dq::latestDay(read).value(), kTue);
    }

    void seriesAndHeat()
    {
        ingestScenario();
        const storage::DashboardData days = load();
        QCOMPARE(days.series.size(), 3);
        QCOMPARE(days.series[0].orders, 1);
        QCOMPARE(days.series[0].gmv, yuan(100).units());
        QCOMPARE(days.series[0].profit, 94'000); // 100 − 90 − 0.60
        QCOMPARE(days.series[1].gmv, yuan(200).units());
        QCOMPARE(days.series[2].orders, 2);
        QCOMPARE(days.heat[6][23], 1); // Sunday 23:59:59
        QCOMPARE(days.heat[1][0], 1);  // Tuesday 00:00:00
        QCOMPARE(days.heat[0][10], 1);
        QCOMPARE(days.heat[1][8], 1);
        qint64 cells = 0;
        for (const auto& row : days.heat)
            for (qint64 c : row)
                cells += c;
        QCOMPARE(cells, 4);

        const storage::DashboardData weeks = load(DashboardGrain::Week);
        QCOMPARE(weeks.series.size(), 2);
        QCOMPARE(weeks.series[0].orders, 1);
        QCOMPARE(weeks.series[1].orders, 3);
        QCOMPARE(weeks.series[1].gmv, yuan(260).units());
        const storage::DashboardData months = load(DashboardGrain::Month);
        QCOMPARE(months.series.size(), 2);
        QCOMPARE(months.series[0].gmv, yuan(300).units());
        QCOMPARE(months.series[1].gmv, yuan(60).units());
        QCOMPARE(months.series[1].label, u"2026-12"_s);
    }

    void ranks()
    {
        ingestScenario();
        const storage::DashboardData d = load();
        QCOMPARE(d.topGoods.size(), 3);
        QCOMPARE(d.topGoods[0].id, 4);
        QCOMPARE(d.topGoods[0].name, u"移动话费"_s);
        QCOMPARE(d.topGoods[0].profit, 1'988'000); // 200 − 1.20 (delivering: no cost incurred yet)
        QCOMPARE(d.topGoods[1].id, 3);
        QCOMPARE(d.topGoods[1].orders, 2);
        QCOMPARE(d.topGoods[2].name, u"#5"_s);
        QCOMPARE(d.topCategories.size(), 3);
        QCOMPARE(d.topCategories[0].name, u"话费充值"_s);
        QCOMPARE(d.topCategories[1].gmv, yuan(150).units());
        QCOMPARE(d.topCategories[2].id, 0); // goods not cached
        QCOMPARE(d.kinds.size(), 3);
        QCOMPARE(d.kinds[0].kind, u"enterprise"_s);
        QCOMPARE(d.kinds[1].kind, u"consumer"_s);
        QCOMPARE(d.kinds[1].orders, 2);
        QCOMPARE(d.kinds[2].kind, QString());
    }

    void agents()
    {
        ingestScenario();
        const storage::DashboardData d = load();
        QCOMPARE(d.agents.size(), 2);
        QCOMPARE(d.agents[0].id, 1); // 10 (via 2) and 11
        QCOMPARE(d.agents[0].downlines, 2);
        QCOMPARE(d.agents[0].branchBuyers, 2);
        QCOMPARE(d.agents[0].branchOrders, 3);
        QCOMPARE(d.agents[0].branchGmv, yuan(350).units());
        QCOMPARE(d.agents[0].commission, 7'500);
        QCOMPARE(d.agents[1].id, 2);
        QCOMPARE(d.agents[1].downlines, 1);
        QCOMPARE(d.agents[1].branchGmv, yuan(150).units());
        QCOMPARE(d.agents[1].commission, 15'000); // the one before the period and the purchase left out
    }

    void cycleInTheDataStops()
    {
        ingestScenario();
        // 1 under 10 closes a cycle 1 → 2 → 10 → 1: the walk stops, figures stay finite.
        auto done = m_cache->run<bool>([](WriteContext& ctx) -> core::Result<bool> {
            if (auto r = ctx.exec(u"UPDATE members SET parent_id = 10 WHERE id = 1"_s); !r)
                return r.error();
            return true;
        });
        QVERIFY(done.ok());
        // Each walk stops at the first member seen twice: 11 → 1 → 10 → 2, 10 → 2 → 1.
        const storage::DashboardData d = load();
        QCOMPARE(d.agents.size(), 3);
        QCOMPARE(d.agents[0].id, 1);
        QCOMPARE(d.agents[0].branchGmv, yuan(350).units());
        QCOMPARE(d.agents[1].id, 2);
        QCOMPARE(d.agents[1].branchGmv, yuan(350).units());
        QCOMPARE(d.agents[2].id, 10);
        QCOMPARE(d.agents[2].branchGmv, yuan(200).units());
        QCOMPARE(d.agents[2].branchBuyers, 1);
    }

    void emptyCache()
    {
        const storage::DashboardData d = load();
        QVERIFY(d.isEmpty());
        QCOMPARE(d.series.size(), 3);
        QVERIFY(d.topGoods.isEmpty());
        QVERIFY(d.agents.isEmpty());
        storage::ReadSession read(*m_cache->db_);
        QCOMPARE(dq::latestDay(read).value(), qint64(-1));
    }
};

QTEST_GUILESS_MAIN(TstDashboardQueries)
#include "tst_dashboardqueries.moc"
