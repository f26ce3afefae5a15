#include "cachefixture.h"
#include "core/clock.h"
#include "storage/platformcache.h"
#include "storage/weeklyreport.h"
#include "storage/writecontext.h"

using namespace cardops;
using namespace Qt::StringLiterals;
namespace wr = storage::weeklyreport;

namespace {

// 2026-W48: Monday 2026-11-23 is business day 20780; T is its first second in Shanghai time.
constexpr qint64 Monday = 20780;
constexpr qint64 T = Monday * 86400 - 28800;
constexpr qint64 Day = 86400;

core::Money yuan(const char* text)
{
    return core::Money::parse(QString::fromLatin1(text)).value();
}

core::Order paidOrder(qint64 id, qint64 member, qint64 goods, qint64 createdAt, const char* paid,
                      const char* cost, qint64 deliverAfter, const QString& review = {},
                      const QString& channel = u"alipay"_s)
{
    core::Order o = cachefixture::order(id, 1);
    o.memberId = member;
    o.goodsId = goods;
    o.paidAmount = yuan(paid);
    o.amount = o.paidAmount;
    o.unitPrice = o.paidAmount;
    o.costAtOrder = yuan(cost);
    o.payChannel = channel;
    o.createdAt = createdAt;
    o.paidAt = createdAt;
    o.reviewReason = review;
    o.deliveredAt = deliverAfter >= 0 ? createdAt + deliverAfter : 0;
    o.status = deliverAfter >= 0 ? u"delivered"_s : u"paid"_s;
    o.updatedAt = createdAt;
    return o;
}

} // namespace

// The weekly report's figures on a small cache whose orders sit on the week's Shanghai boundaries.
class TestWeeklyReport : public QObject
{
    Q_OBJECT
private:
    cachefixture::Cache m_cache;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_cache.open());
        auto done = m_cache.run<bool>([](storage::WriteContext& ctx) -> core::Result<bool> {
            namespace pc = storage::platformcache;
            QList<core::Goods> goods = {cachefixture::goods(3, 1, 100, 10), cachefixture::goods(4, 1, 5, 10),
                                        cachefixture::goods(5, 1, 0, 10)};
            goods[1].name = u"网易一卡通 50元"_s;
            if (auto x = pc::ingestGoods(ctx, goods, {core::Feed::Goods, u"g1"_s, false, false, {}}); !x)
                return x.error();
            QList<core::Member> members;
            for (qint64 id : {7, 8, 9, 10})
                members.append(cachefixture::member(id, 1));
            if (auto x = pc::ingestMembers(ctx, members, {core::Feed::Members, u"m1"_s, false, false, {}});
                !x)
                return x.error();
            core::Order review =
                paidOrder(4, 9, 4, T + 3 * Day, "30.00", "27.00", -1, u"quantity_above_norm"_s);
            review.status = u"review"_s;
            core::Order reviewed = paidOrder(3, 8, 4, T + 7 * Day - 1, "55.55", "50.00", 1800,
                                             u"amount_mismatch"_s, u"wechat"_s);
            reviewed.refundAmount = yuan("5.55");
            core::Order unpaid = paidOrder(5, 8, 3, T + 5000, "10.00", "9.00", -1);
            unpaid.status = u"unpaid"_s;
            unpaid.paidAt = 0;
            core::Order refunded = paidOrder(6, 9, 3, T + 4 * Day, "10.00", "9.00", -1);
            refunded.status = u"refunded"_s;
            refunded.refundAmount = yuan("10.00");
            const QList<core::Order> orders = {
                paidOrder(1, 7, 3, T + 100, "10.00", "9.00", 60),
                paidOrder(2, 7, 3, T + 2 * Day + 3600, "20.00", "18.00", 120, {}, u"balance"_s),
                reviewed,
                review,
                unpaid,
                refunded,
                paidOrder(7, 7, 3, T - 1, "10.00", "9.00", 100),       // previous Sunday 23:59:59
                paidOrder(8, 7, 3, T + 7 * Day, "99.00", "90.00", 10), // next Monday 00:00:00
                paidOrder(9, 10, 4, T - 3 * Day, "40.00", "36.00", 300),
                paidOrder(10, 10, 4, T - 3 * Day + 10, "40.00", "36.00", 500, u"blacklisted_account"_s),
            };
            if (auto x = pc::ingestOrders(ctx, orders, {core::Feed::Orders, u"o1"_s, false, false, {}}); !x)
                return x.error();
            const QList<QVariantList> purchases = {
                {u"P1"_s, u"A"_s, u"succeeded"_s, 90000, T + 10},
                {u"P2"_s, u"A"_s, u"delivered"_s, 180000, T + Day},
                {u"P3"_s, u"A"_s, u"failed"_s, QVariant(), T + Day},
                {u"P4"_s, u"B"_s, u"unknown"_s, QVariant(), T + 2 * Day},
                {u"P5"_s, u"A"_s, u"succeeded"_s, 90000, T - 10},
                {u"P6"_s, u"A"_s, u"failed"_s, QVariant(), T + 7 * Day},
            };
            for (const QVariantList& p : purchases) {
                auto in = ctx.exec(
                    u"INSERT INTO purchases (external_no, supplier_id, product_ref, quantity, state, "
                    u"cost, created_at, updated_at) VALUES (?, ?, 'x', 1, ?, ?, ?, ?)"_s,
                    {p[0], p[1], p[2], p[3], p[4], p[4]});
                if (!in)
                    return in.error();
            }
            const QList<QVariantList> moves = {{u"up"_s, T + 5},
                                               {u"up"_s, T + Day},
                                               {u"down"_s, T + 7 * Day - 1},
                                               {u"up"_s, T - 1},
                                               {u"down"_s, T + 7 * Day}};
            for (const QVariantList& m : moves) {
                auto in =
                    ctx.exec(u"INSERT INTO tier_moves (member_id, from_tier, to_tier, direction, rule, at) "
                             u"VALUES (7, 1, 2, ?, 'r', ?)"_s,
                             {m[0], m[1]});
                if (!in)
                    return in.error();
            }
            const QList<QVariantList> ledger = {{u"commission"_s, 2000, T},
                                                {u"commission"_s, 4000, T + Day},
                                                {u"commission"_s, -1000, T + 6 * Day},
                                                {u"commission"_s, 2000, T - 1},
                                                {u"purchase"_s, -100000, T + Day},
                                                {u"commission"_s, 7000, T + 7 * Day}};
            qint64 id = 100;
            for (const QVariantList& l : ledger) {
                auto in = ctx.exec(
                    u"INSERT INTO ledger (id, member_id, kind, amount, order_id, created_at, version, "
                    u"updated_at) VALUES (?, 7, ?, ?, 1, ?, 1, ?)"_s,
                    {++id, l[0], l[1], l[2], l[2]});
                if (!in)
                    return in.error();
            }
            for (const QVariantList& s : QList<QVariantList>{{u"A"_s, 500000}, {u"B"_s, QVariant()}}) {
                auto in =
                    ctx.exec(u"INSERT INTO supplier_status (supplier_id, protocol, balance, balance_at) "
                             u"VALUES (?, 'acg-faka', ?, ?)"_s,
                             {s[0], s[1], T + 8 * Day});
                if (!in)
                    return in.error();
            }
            const QList<QVariantList> log = {
                {T - 100, 800000}, {T + 1000, 700000}, {T + 5 * Day, 530000}, {T + 7 * Day, 500000}};
            for (const QVariantList& l : log) {
                auto in = ctx.exec(
                    u"INSERT INTO supplier_balance_log (supplier_id, at, balance) VALUES ('A', ?, ?)"_s,
                    {l[0], l[1]});
                if (!in)
                    return in.error();
            }
            return true;
        });
        QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(done.error().detail));
    }

    void paymentFeeRounding()
    {
        QCOMPARE(wr::paymentFee(yuan("105.55")), yuan("0.63")); // 0.6333
        QCOMPARE(wr::paymentFee(yuan("0.75")), yuan("0.00"));   // 0.0045 → 0.0045 → 0.00
        QCOMPARE(wr::paymentFee(yuan("0.84")), yuan("0.01"));   // 0.00504 → 0.0050 → 0.01
        QCOMPARE(wr::ppm(2, 3), 666666);
        QCOMPARE(wr::ppm(1, 0), 0);
    }

    void currentWeek()
    {
        storage::ReadSession read(*m_cache.db_);
        auto f = wr::periodFigures(read, Monday, Monday + 6);
        QVERIFY(f.ok());
        QCOMPARE(f->orders, 5); // 1 2 3 4 6: not the unpaid one, nor the boundary orders 7 and 8
        QCOMPARE(f->quantity, 5);
        QCOMPARE(f->gmv, yuan("125.55"));
        QCOMPARE(f->feeBase, yuan("105.55"));
        QCOMPARE(f->cost, yuan("77.00")); // delivered 1, 2, 3 (unit cost × 1): 4 is in review, 6 never went out
        QCOMPARE(f->fee, yuan("0.63"));
        QCOMPARE(f->grossProfit, yuan("32.37")); // 125.55 − 15.55 − 77.00 − 0.63
        QCOMPARE(f->marginPpm, 257825);
        QCOMPARE(f->averageOrder, yuan("25.11"));
        QCOMPARE(f->refunds, yuan("15.55"));
        QCOMPARE(f->refundedOrders, 2);
        QCOMPARE(f->refundRatePpm, 400000);
        QCOMPARE(f->buyers, 3);
        QCOMPARE(f->repeatBuyers, 2);
        QCOMPARE(f->repurchaseRatePpm, 666666);
        QCOMPARE(f->delivered, 3);
        QCOMPARE(f->deliveredAuto, 2);
        QCOMPARE(f->automationPpm, 666666);
        QCOMPARE(f->averageDeliverSeconds, 660); // (60 + 120 + 1800) / 3
        QCOMPARE(f->reviewed, 2);
        QCOMPARE(f->reviewedDelivered, 1);
        QCOMPARE(f->averageReviewSeconds, 1800);
        QCOMPARE(f->purchases, 4);
        QCOMPARE(f->purchasesFailed, 1);
        QCOMPARE(f->purchasesUnknown, 1);
        QCOMPARE(f->supplierFailurePpm, 500000);
        QCOMPARE(f->supplierSpend, yuan("27.00"));
        QCOMPARE(f->tierUps, 2);
        QCOMPARE(f->tierDowns, 1);
        QCOMPARE(f->commissions, yuan("0.50"));
    }

    void previousWeek()
    {
        storage::ReadSession read(*m_cache.db_);
        auto f = wr::periodFigures(read, Monday - 7, Monday - 1);
        QVERIFY(f.ok());
        QCOMPARE(f->orders, 3);
        QCOMPARE(f->gmv, yuan("90.00"));
        QCOMPARE(f->fee, yuan("0.54"));
        QCOMPARE(f->grossProfit, yuan("8.46"));
        QCOMPARE(f->marginPpm, 94000);
        QCOMPARE(f->averageOrder, yuan("30.00"));
        QCOMPARE(f->buyers, 2);
        QCOMPARE(f->repeatBuyers, 1);
        QCOMPARE(f->automationPpm, 666666);
        QCOMPARE(f->averageDeliverSeconds, 300);
        QCOMPARE(f->averageReviewSeconds, 500);
        QCOMPARE(f->purchases, 1);
        QCOMPARE(f->supplierFailurePpm, 0);
        QCOMPARE(f->tierUps, 1);
        QCOMPARE(f->commissions, yuan("0.20"));
    }

    void daysGoodsSuppliersQueueStock()
    {
        storage::ReadSession read(*m_cache.db_);
        auto report = wr::load(read, Monday, T + 7 * Day + 3600);
        QVERIFY(report.ok());
        QCOMPARE(report->days.size(), 7);
        const QList<qint64> orders = {1, 0, 1, 1, 1, 0, 1};
        const QList<const char*> gmv = {"10.00", "0", "20.00", "30.00", "10.00", "0", "55.55"};
        const QList<const char*> profit = {"1.00", "0", "2.00", "30.00", "0", "0", "0"};
        for (int i = 0; i < 7; ++i) {
            QCOMPARE(report->days[i].day, Monday + i);
            QCOMPARE(report->days[i].orders, orders[i]);
            QCOMPARE(report->days[i].gmv, yuan(gmv[i]));
            QCOMPARE(report->days[i].grossProfit, yuan(profit[i]));
        }
        QCOMPARE(report->topGoods.size(), 2);
        const wr::GoodsFigures& first = report->topGoods[0];
        QCOMPARE(first.goodsId, 4);
        QCOMPARE(first.name, u"网易一卡通 50元"_s);
        QCOMPARE(first.orders, 2);
        QCOMPARE(first.gmv, yuan("85.55"));
        QCOMPARE(first.refundRatePpm, 500000);
        QCOMPARE(first.stock, 5);
        QCOMPARE(first.sellThroughPpm, 285714); // 2 / (2 + 5)
        QCOMPARE(report->topGoods[1].goodsId, 3);
        QCOMPARE(report->topGoods[1].quantity, 3);
        QCOMPARE(report->topGoods[1].refunds, yuan("10.00"));
        QCOMPARE(report->topGoods[1].sellThroughPpm, 29126); // 3 / 103

        QCOMPARE(report->suppliers.size(), 2);
        const wr::SupplierFigures& a = report->suppliers[0];
        QCOMPARE(a.supplierId, u"A"_s);
        QCOMPARE(a.balance, std::optional<core::Money>(yuan("50.00")));
        QCOMPARE(a.balanceAtStart, std::optional<core::Money>(yuan("80.00")));
        QCOMPARE(a.balanceAtEnd, std::optional<core::Money>(yuan("53.00")));
        QCOMPARE(a.spend, yuan("27.00"));
        QVERIFY(a.low);
        QVERIFY(!report->suppliers[1].balance);
        QVERIFY(!report->suppliers[1].low);

        QCOMPARE(report->review.orders, 1);
        QCOMPARE(report->review.oldestSeconds, 4 * Day + 3600);
        QCOMPARE(report->review.averageSeconds, 4 * Day + 3600);
        QCOMPARE(report->stock.outOfStock, 1);
        QCOMPARE(report->stock.lowStock, 1);
        QCOMPARE(report->previous.orders, 3);
    }
};

QTEST_GUILESS_MAIN(TestWeeklyReport)
#include "tst_weeklyreport.moc"
