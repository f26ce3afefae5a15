#include "storage/weeklyreport.h"

#include "core/clock.h"
#include "storage/readsession.h"

using namespace Qt::StringLiterals;

namespace cardops::storage::weeklyreport {

namespace {

qint64 i64(const QVariantList& row, int column)
{
    return row.value(column).toLongLong();
}

core::Money money(const QVariantList& row, int column)
{
    return core::Money::fromUnits(row.value(column).toLongLong());
}

std::optional<core::Money> optionalMoney(const QVariant& value)
{
    if (value.isNull() || !value.isValid())
        return std::nullopt;
    return core::Money::fromUnits(value.toLongLong());
}

// Half-up division of a non-negative amount in units to whole cents.
core::Money averageToCents(core::Money total, qint64 count)
{
    if (count <= 0)
        return {};
    const qint64 units = total.units();
    const qint64 cents =
        units >= 0 ? (units + count * 50) / (count * 100) : -((-units + count * 50) / (count * 100));
    return core::Money::fromUnits(cents * core::Money::UnitsPerCent);
}

} // namespace

core::Money paymentFee(core::Money feeBase)
{
    const qint64 scaled = feeBase.units() * PaymentFeeBp;
    const qint64 units = scaled >= 0 ? (scaled + 5000) / 10000 : -((-scaled + 5000) / 10000);
    return core::Money::fromUnits(units).roundedToCents();
}

qint64 ppm(qint64 part, qint64 whole)
{
    return whole == 0 ? 0 : part * 1'000'000 / whole;
}

core::Result<PeriodFigures> periodFigures(const ReadSession& session, qint64 firstDay, qint64 lastDay)
{
    PeriodFigures f;
    f.firstDay = firstDay;
    f.lastDay = lastDay;
    const qint64 from = core::businessDayStart(firstDay);
    const qint64 to = core::businessDayStart(lastDay + 1); // exclusive
    auto totals = session.select(
        u"SELECT COALESCE(SUM(orders), 0), COALESCE(SUM(quantity), 0), COALESCE(SUM(gmv), 0), "
        u"COALESCE(SUM(fee_base), 0), COALESCE(SUM(cost), 0), COALESCE(SUM(refunds), 0), "
        u"COALESCE(SUM(refunded_orders), 0), COALESCE(SUM(delivered), 0), COALESCE(SUM(delivered_auto), 0), "
        u"COALESCE(SUM(deliver_seconds), 0) FROM rollup_hours WHERE day BETWEEN ? AND ?"_s,
        {firstDay, lastDay});
    if (!totals)
        return totals.error();
    const QVariantList& t = totals->first();
    f.orders = i64(t, 0);
    f.quantity = i64(t, 1);
    f.gmv = money(t, 2);
    f.feeBase = money(t, 3);
    f.cost = money(t, 4);
    f.refunds = money(t, 5);
    f.refundedOrders = i64(t, 6);
    f.delivered = i64(t, 7);
    f.deliveredAuto = i64(t, 8);
    const qint64 deliverSeconds = i64(t, 9);
    f.fee = paymentFee(f.feeBase);
    f.grossProfit = f.gmv - f.refunds - f.cost - f.fee;
    f.marginPpm = f.gmv.isZero() ? 0 : f.grossProfit.units() * 1'000'000 / f.gmv.units();
    f.averageOrder = averageToCents(f.gmv, f.orders);
    f.refundRatePpm = ppm(f.refundedOrders, f.orders);
    f.automationPpm = ppm(f.deliveredAuto, f.delivered);
    f.averageDeliverSeconds = f.delivered > 0 ? deliverSeconds / f.delivered : 0;

    auto buyers =
        session.select(u"SELECT COUNT(*), COALESCE(SUM(n >= 2), 0) FROM (SELECT member_id, SUM(orders) AS n "
                       u"FROM rollup_member_day WHERE day BETWEEN ? AND ? GROUP BY member_id HAVING n > 0)"_s,
                       {firstDay, lastDay});
    if (!buyers)
        return buyers.error();
    f.buyers = i64(buyers->first(), 0);
    f.repeatBuyers = i64(buyers->first(), 1);
    f.repurchaseRatePpm = ppm(f.repeatBuyers, f.buyers);

    // Review timing is not in the rollups: the reviewed orders of the period, read over the
    // creation-time index.
    auto review = session.select(
        u"SELECT COUNT(*), COALESCE(SUM(delivered_at > 0), 0), COALESCE(SUM(CASE WHEN delivered_at > 0 AND "
        u"paid_at > 0 THEN max(delivered_at - paid_at, 0) ELSE 0 END), 0) FROM orders "
        u"WHERE created_at >= ? AND created_at < ? AND review_reason <> '' "
        u"AND status NOT IN ('unpaid', 'cancelled')"_s,
        {from, to});
    if (!review)
        return review.error();
    f.reviewed = i64(review->first(), 0);
    f.reviewedDelivered = i64(review->first(), 1);
    f.averageReviewSeconds = f.reviewedDelivered > 0 ? i64(review->first(), 2) / f.reviewedDelivered : 0;

    auto purchases = session.select(
        u"SELECT COUNT(*), COALESCE(SUM(state = 'failed'), 0), COALESCE(SUM(state = 'unknown'), 0), "
        u"COALESCE(SUM(CASE WHEN state IN ('succeeded', 'delivered') THEN COALESCE(cost, 0) ELSE 0 END), 0) "
        u"FROM purchases WHERE created_at >= ? AND created_at < ?"_s,
        {from, to});
    if (!purchases)
        return purchases.error();
    f.purchases = i64(purchases->first(), 0);
    f.purchasesFailed = i64(purchases->first(), 1);
    f.purchasesUnknown = i64(purchases->first(), 2);
    f.supplierSpend = money(purchases->first(), 3);
    f.supplierFailurePpm = ppm(f.purchasesFailed + f.purchasesUnknown, f.purchases);

    auto moves =
        session.select(u"SELECT COALESCE(SUM(direction = 'up'), 0), COALESCE(SUM(direction = 'down'), 0) "
                       u"FROM tier_moves WHERE at >= ? AND at < ?"_s,
                       {from, to});
    if (!moves)
        return moves.error();
    f.tierUps = i64(moves->first(), 0);
    f.tierDowns = i64(moves->first(), 1);

    auto commissions = session.select(u"SELECT COALESCE(SUM(amount), 0) FROM ledger "
                                      u"WHERE kind = 'commission' AND created_at >= ? AND created_at < ?"_s,
                                      {from, to});
    if (!commissions)
        return commissions.error();
    f.commissions = money(commissions->first(), 0);
    return f;
}

core::Result<QList<DayFigures>> dayFigures(const ReadSession& session, qint64 firstDay, qint64 lastDay)
{
    auto rows = session.select(u"SELECT day, SUM(orders), SUM(gmv), SUM(gmv) - SUM(refunds) - SUM(cost) FROM rollup_hours "
                               u"WHERE day BETWEEN ? AND ? GROUP BY day"_s,
                               {firstDay, lastDay});
    if (!rows)
        return rows.error();
    QList<DayFigures> days;
    for (qint64 day = firstDay; day <= lastDay; ++day)
        days.append(DayFigures{day, 0, {}, {}});
    for (const QVariantList& r : *rows) {
        DayFigures& d = days[i64(r, 0) - firstDay];
        d.orders = i64(r, 1);
        d.gmv = money(r, 2);
        d.grossProfit = money(r, 3);
    }
    return days;
}

core::Result<QList<GoodsFigures>> topGoods(const ReadSession& session, qint64 firstDay, qint64 lastDay,
                                           int limit)
{
    auto rows = session.select(
        u"SELECT r.goods_id, COALESCE(g.name, ''), r.orders, r.quantity, r.gmv, r.refunded_orders, "
        u"r.refunds, "
        u"COALESCE(g.stock_available, 0) FROM (SELECT goods_id, SUM(orders) AS orders, SUM(quantity) AS "
        u"quantity, "
        u"SUM(gmv) AS gmv, SUM(refunded_orders) AS refunded_orders, SUM(refunds) AS refunds FROM "
        u"rollup_goods_day "
        u"WHERE day BETWEEN ? AND ? GROUP BY goods_id) r LEFT JOIN goods g ON g.id = r.goods_id "
        u"ORDER BY r.gmv DESC, r.goods_id LIMIT ?"_s,
        {firstDay, lastDay, limit});
    if (!rows)
        return rows.error();
    QList<GoodsFigures> out;
    for (const QVariantList& r : *rows) {
        GoodsFigures g;
        g.goodsId = i64(r, 0);
        g.name = r.value(1).toString();
        g.orders = i64(r, 2);
        g.quantity = i64(r, 3);
        g.gmv = money(r, 4);
        g.refundedOrders = i64(r, 5);
        g.refunds = money(r, 6);
        g.stock = std::max<qint64>(i64(r, 7), 0);
        g.refundRatePpm = ppm(g.refundedOrders, g.orders);
        g.sellThroughPpm = ppm(g.quantity, g.quantity + g.stock);
        out.append(g);
    }
    return out;
}

core::Result<QList<SupplierFigures>> suppliers(const ReadSession& session, qint64 firstDay, qint64 lastDay)
{
    const qint64 from = core::businessDayStart(firstDay);
    const qint64 to = core::businessDayStart(lastDay + 1);
    auto rows = session.select(
        u"SELECT s.supplier_id, s.balance, s.balance_at, "
        u"(SELECT balance FROM supplier_balance_log l WHERE l.supplier_id = s.supplier_id AND l.at < ? "
        u"ORDER BY l.at DESC LIMIT 1), "
        u"(SELECT balance FROM supplier_balance_log l WHERE l.supplier_id = s.supplier_id AND l.at >= ? AND "
        u"l.at < ? "
        u"ORDER BY l.at DESC LIMIT 1), "
        u"(SELECT COALESCE(SUM(COALESCE(p.cost, 0)), 0) FROM purchases p WHERE p.supplier_id = s.supplier_id "
        u"AND p.state IN ('succeeded', 'delivered') AND p.created_at >= ? AND p.created_at < ?), "
        u"s.balance IS NOT NULL AND s.balance < s.low_balance_threshold "
        u"FROM supplier_status s ORDER BY s.supplier_id"_s,
        {from, from, to, from, to});
    if (!rows)
        return rows.error();
    QList<SupplierFigures> out;
    for (const QVariantList& r : *rows) {
        SupplierFigures s;
        s.supplierId = r.value(0).toString();
        s.balance = optionalMoney(r.value(1));
        s.balanceAt = i64(r, 2);
        s.balanceAtStart = optionalMoney(r.value(3));
        s.balanceAtEnd = optionalMoney(r.value(4));
        s.spend = money(r, 5);
        s.low = i64(r, 6) != 0;
        out.append(s);
    }
    return out;
}

core::Result<ReviewQueue> reviewQueue(const ReadSession& session, qint64 asOf)
{
    auto rows = session.select(u"SELECT COUNT(*), COALESCE(MAX(age), 0), COALESCE(SUM(age), 0) FROM (SELECT "
                               u"max(? - CASE WHEN paid_at > 0 THEN paid_at ELSE created_at END, 0) AS age "
                               u"FROM orders WHERE status = 'review')"_s,
                               {asOf});
    if (!rows)
        return rows.error();
    ReviewQueue q;
    q.orders = i64(rows->first(), 0);
    q.oldestSeconds = i64(rows->first(), 1);
    q.averageSeconds = q.orders > 0 ? i64(rows->first(), 2) / q.orders : 0;
    return q;
}

core::Result<StockFigures> stock(const ReadSession& session)
{
    auto rows =
        session.select(u"SELECT COALESCE(SUM(stock_available <= 0), 0), "
                       u"COALESCE(SUM(stock_available > 0 AND stock_available <= low_stock_threshold), 0) "
                       u"FROM goods WHERE status = 'on' AND kind = 'card'"_s);
    if (!rows)
        return rows.error();
    return StockFigures{i64(rows->first(), 0), i64(rows->first(), 1)};
}

core::Result<Report> load(const ReadSession& session, qint64 monday, qint64 asOf, int topGoodsLimit)
{
    Report report;
    report.asOf = asOf;
    auto current = periodFigures(session, monday, monday + 6);
    if (!current)
        return current.error();
    report.current = *current;
    auto previous = periodFigures(session, monday - 7, monday - 1);
    if (!previous)
        return previous.error();
    report.previous = *previous;
    auto days = dayFigures(session, monday, monday + 6);
    if (!days)
        return days.error();
    report.days = *days;
    auto goods = topGoods(session, monday, monday + 6, topGoodsLimit);
    if (!goods)
        return goods.error();
    report.topGoods = *goods;
    auto supply = suppliers(session, monday, monday + 6);
    if (!supply)
        return supply.error();
    report.suppliers = *supply;
    auto queue = reviewQueue(session, asOf);
    if (!queue)
        return queue.error();
    report.review = *queue;
    auto shortage = stock(session);
    if (!shortage)
        return shortage.error();
    report.stock = *shortage;
    return report;
}

} // namespace cardops::storage::weeklyreport
