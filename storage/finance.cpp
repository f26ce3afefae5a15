#include "storage/finance.h"

#include "core/clock.h"
#include "storage/finance_p.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QDate>
#include <QMap>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::storage::finance {

namespace {

using core::ErrorCode;
using core::makeError;
using core::Money;

const QDate kEpoch(1970, 1, 1);

// The purchase states in which the supplier has taken the money (core/purchase.h).
const QString kBoughtStates = u"('accepted', 'succeeded', 'delivered')"_s;

core::Error cancelled()
{
    return makeError(ErrorCode::Conflict, u"the reconciliation was cancelled"_s);
}

bool stopped(const Progress* progress)
{
    return progress && progress->cancel.load();
}

} // namespace

bool DaySummary::isEmpty() const
{
    return orders == 0 && gmv.isZero() && cost.isZero() && refunds.isZero() && commissions.isZero() &&
           supplierSpend.isZero();
}

void DaySummary::add(const DaySummary& other)
{
    orders += other.orders;
    gmv += other.gmv;
    cost += other.cost;
    refunds += other.refunds;
    commissions += other.commissions;
    supplierSpend += other.supplierSpend;
}

QString dayText(qint64 day)
{
    return kEpoch.addDays(day).toString(u"yyyy-MM-dd"_s);
}

core::Result<qint64> dayFromText(const QString& text)
{
    const QDate date = QDate::fromString(text, u"yyyy-MM-dd"_s);
    if (!date.isValid())
        return makeError(ErrorCode::InvalidArgument, u"not a day (yyyy-MM-dd): "_s + text);
    return kEpoch.daysTo(date);
}

core::Result<Summary> detail::summary(const Select& select, qint64 fromDay, qint64 toDay)
{
    if (toDay < fromDay)
        return makeError(ErrorCode::InvalidArgument, u"the range ends before it starts"_s);
    if (toDay - fromDay > 3660)
        return makeError(ErrorCode::InvalidArgument, u"a summary covers at most ten years"_s);
    Summary out;
    out.fromDay = fromDay;
    out.toDay = toDay;
    for (qint64 d = fromDay; d <= toDay; ++d) {
        DaySummary day;
        day.day = d;
        out.days.append(day);
    }
    auto at = [&](qint64 day) -> DaySummary* {
        return day >= fromDay && day <= toDay ? &out.days[day - fromDay] : nullptr;
    };
    auto rollup = select(u"SELECT day, SUM(orders), SUM(gmv), SUM(cost), SUM(refunds) FROM rollup_goods_day "
                         u"WHERE day BETWEEN ? AND ? GROUP BY day"_s,
                         {fromDay, toDay});
    if (!rollup)
        return rollup.error();
    for (const QVariantList& r : *rollup) {
        if (DaySummary* d = at(r.value(0).toLongLong())) {
            d->orders = r.value(1).toLongLong();
            d->gmv = Money::fromUnits(r.value(2).toLongLong());
            d->cost = Money::fromUnits(r.value(3).toLongLong());
            d->refunds = Money::fromUnits(r.value(4).toLongLong());
        }
    }
    const qint64 start = core::businessDayStart(fromDay);
    const qint64 end = core::businessDayStart(toDay + 1);
    auto ledger = select(u"SELECT (created_at + 28800) / 86400, SUM(amount) FROM ledger "
                         u"WHERE kind = 'commission' AND created_at >= ? AND created_at < ? GROUP BY 1"_s,
                         {start, end});
    if (!ledger)
        return ledger.error();
    for (const QVariantList& r : *ledger)
        if (DaySummary* d = at(r.value(0).toLongLong()))
            d->commissions = Money::fromUnits(r.value(1).toLongLong());
    auto bought = select(u"SELECT (created_at + 28800) / 86400, SUM(cost) FROM purchases WHERE state IN "_s +
                             kBoughtStates +
                             u" AND cost IS NOT NULL AND created_at >= ? AND created_at < ? "
                             u"GROUP BY 1"_s,
                         {start, end});
    if (!bought)
        return bought.error();
    for (const QVariantList& r : *bought)
        if (DaySummary* d = at(r.value(0).toLongLong()))
            d->supplierSpend = Money::fromUnits(r.value(1).toLongLong());
    for (const DaySummary& d : out.days)
        out.total.add(d);
    return out;
}

detail::Select detail::selectOf(const ReadSession& read)
{
    return [&read](const QString& sql, const QVariantList& binds) {
        return read.select(sql, binds);
    };
}

detail::Select detail::selectOf(WriteContext& ctx)
{
    return [&ctx](const QString& sql, const QVariantList& binds) {
        return ctx.select(sql, binds);
    };
}

core::Result<Summary> dailySummary(const ReadSession& read, qint64 fromDay, qint64 toDay)
{
    return detail::summary(detail::selectOf(read), fromDay, toDay);
}

core::Result<Summary> dailySummary(WriteContext& ctx, qint64 fromDay, qint64 toDay)
{
    return detail::summary(detail::selectOf(ctx), fromDay, toDay);
}

QString kindCode(DiffKind kind)
{
    switch (kind) {
    case DiffKind::PlatformMore:
        return u"platform_more"_s;
    case DiffKind::LocalMore:
        return u"local_more"_s;
    case DiffKind::MissingLocal:
        return u"missing_local"_s;
    case DiffKind::MissingPlatform:
        return u"missing_platform"_s;
    case DiffKind::DebitWithoutPurchase:
        return u"debit_without_purchase"_s;
    case DiffKind::PurchaseWithoutDebit:
        return u"purchase_without_debit"_s;
    case DiffKind::TopUp:
        return u"topup"_s;
    case DiffKind::CommissionMissing:
        return u"missing"_s;
    case DiffKind::CommissionUnexpected:
        return u"unexpected"_s;
    case DiffKind::CommissionWrongAmount:
        return u"wrong_amount"_s;
    case DiffKind::CommissionWrongMember:
        return u"wrong_member"_s;
    }
    return {};
}

bool isDifference(DiffKind kind)
{
    return kind != DiffKind::TopUp;
}

core::Result<PlatformCheck> checkPlatform(const ReadSession& read, qint64 fromDay, qint64 toDay)
{
    auto local = dailySummary(read, fromDay, toDay);
    if (!local)
        return local.error();
    auto platform = read.select(u"SELECT day, orders, gmv, refunds, commissions FROM daily_totals "
                                u"WHERE day BETWEEN ? AND ? ORDER BY day"_s,
                                {dayText(fromDay), dayText(toDay)});
    if (!platform)
        return platform.error();
    QMap<qint64, QVariantList> theirs;
    for (const QVariantList& r : *platform) {
        auto day = dayFromText(r.value(0).toString());
        if (day)
            theirs.insert(*day, r);
    }
    PlatformCheck out;
    for (const DaySummary& d : local->days) {
        const bool haveLocal = d.orders != 0 || !d.commissions.isZero() || !d.refunds.isZero();
        const auto it = theirs.constFind(d.day);
        if (it == theirs.constEnd()) {
            if (haveLocal) {
                ++out.daysCompared;
                out.differences.append({DiffKind::MissingPlatform, d.day, u"orders"_s, 0, d.orders, 0});
            }
            continue;
        }
        ++out.daysCompared;
        const QVariantList& p = *it;
        const qint64 pOrders = p.value(1).toLongLong();
        const qint64 pGmv = p.value(2).toLongLong();
        const qint64 pRefunds = p.value(3).toLongLong();
        const qint64 pCommissions = p.value(4).toLongLong();
        if (!haveLocal && (pOrders != 0 || pGmv != 0 || pRefunds != 0 || pCommissions != 0)) {
            out.differences.append({DiffKind::MissingLocal, d.day, u"orders"_s, 0, 0, pOrders});
            continue;
        }
        const std::pair<QString, std::pair<qint64, qint64>> measures[] = {
            {u"orders"_s, {d.orders, pOrders}},
            {u"gmv"_s, {d.gmv.units(), pGmv}},
            {u"refunds"_s, {d.refunds.units(), pRefunds}},
            {u"commissions"_s, {d.commissions.units(), pCommissions}},
        };
        for (const auto& [measure, values] : measures) {
            if (values.first == values.second)
                continue;
            Difference diff;
            diff.kind = values.second > values.first ? DiffKind::PlatformMore : DiffKind::LocalMore;
            diff.day = d.day;
            diff.subject = measure;
            diff.ours = values.first;
            diff.theirs = values.second;
            out.differences.append(diff);
        }
    }
    return out;
}

core::Result<SupplierCheck> checkSuppliers(const ReadSession& read, qint64 fromDay, qint64 toDay)
{
    const qint64 start = core::businessDayStart(fromDay);
    const qint64 end = core::businessDayStart(toDay + 1);
    auto log = read.select(u"SELECT supplier_id, at, balance FROM supplier_balance_log WHERE at < ? "
                           u"ORDER BY supplier_id, at"_s,
                           {end});
    if (!log)
        return log.error();
    SupplierCheck out;
    QString previousSupplier;
    qint64 previousAt = 0;
    qint64 previousBalance = 0;
    for (const QVariantList& r : *log) {
        const QString supplier = r.value(0).toString();
        const qint64 at = r.value(1).toLongLong();
        const qint64 balance = r.value(2).toLongLong();
        const bool sameSupplier = supplier == previousSupplier;
        if (!sameSupplier)
            ++out.suppliers;
        if (sameSupplier && at >= start) {
            ++out.intervals;
            auto spent = read.select(
                u"SELECT COALESCE(SUM(cost), 0), COUNT(*) FROM purchases WHERE supplier_id = ? "
                u"AND state IN "_s +
                    kBoughtStates + u" AND cost IS NOT NULL AND created_at > ? AND created_at <= ?"_s,
                {supplier, previousAt, at});
            if (!spent)
                return spent.error();
            const qint64 bought = spent->value(0).value(0).toLongLong();
            const qint64 purchases = spent->value(0).value(1).toLongLong();
            out.purchases += Money::fromUnits(bought);
            const qint64 drop = previousBalance - balance;
            Difference row;
            row.day = core::businessDay(at);
            row.subject = supplier;
            row.ours = bought;
            row.count = purchases;
            row.fromAt = previousAt;
            row.toAt = at;
            if (drop < 0) {
                // A rise: a top-up, which also paid for whatever was bought in between.
                row.kind = DiffKind::TopUp;
                row.theirs = -drop + bought;
                out.rows.append(row);
            } else if (drop != bought) {
                row.kind = drop > bought ? DiffKind::DebitWithoutPurchase : DiffKind::PurchaseWithoutDebit;
                row.theirs = drop;
                out.rows.append(row);
            }
        }
        previousSupplier = supplier;
        previousAt = at;
        previousBalance = balance;
    }
    return out;
}

core::Result<CommissionCheck> checkCommissions(const ReadSession& read, qint64 fromDay, qint64 toDay,
                                               Progress* progress)
{
    auto result = commissioncheck::run(read, core::businessDayStart(fromDay),
                                       core::businessDayStart(toDay + 1), progress);
    if (!result)
        return result.error();
    CommissionCheck out;
    out.orders = result->orders;
    out.verified = result->verified;
    out.unverifiable = result->unverifiable.size();
    out.expected = result->expectedTotal;
    out.credited = result->creditedTotal;
    // The business day of each order named by a difference.
    QHash<qint64, qint64> orderDay;
    QList<qint64> ids;
    for (const core::CommissionDifference& d : result->differences)
        if (!orderDay.contains(d.orderId)) {
            orderDay.insert(d.orderId, 0);
            ids.append(d.orderId);
        }
    for (qsizetype i = 0; i < ids.size(); i += 500) {
        if (stopped(progress))
            return cancelled();
        const QList<qint64> chunk = ids.mid(i, 500);
        QStringList marks;
        QVariantList binds;
        for (qint64 id : chunk) {
            marks.append(u"?"_s);
            binds.append(id);
        }
        auto rows = read.select(
            u"SELECT id, created_at FROM orders WHERE id IN ("_s + marks.join(u',') + u')', binds);
        if (!rows)
            return rows.error();
        for (const QVariantList& r : *rows)
            orderDay.insert(r.value(0).toLongLong(), core::businessDay(r.value(1).toLongLong()));
    }
    auto kindOf = [](core::DifferenceKind k) {
        switch (k) {
        case core::DifferenceKind::Missing:
            return DiffKind::CommissionMissing;
        case core::DifferenceKind::Unexpected:
            return DiffKind::CommissionUnexpected;
        case core::DifferenceKind::WrongAmount:
            return DiffKind::CommissionWrongAmount;
        case core::DifferenceKind::WrongMember:
            return DiffKind::CommissionWrongMember;
        }
        return DiffKind::CommissionMissing;
    };
    // Key: day, agent, kind → one summarised row.
    QMap<std::tuple<qint64, qint64, int>, Difference> grouped;
    for (const core::CommissionDifference& d : result->differences) {
        const qint64 agent = d.expectedMemberId != 0 ? d.expectedMemberId : d.actualMemberId;
        const DiffKind kind = kindOf(d.kind);
        const qint64 day = orderDay.value(d.orderId);
        Difference& row = grouped[{day, agent, static_cast<int>(kind)}];
        row.kind = kind;
        row.day = day;
        row.subjectId = agent;
        row.subject = result->memberNames.value(agent);
        if (d.kind != core::DifferenceKind::Unexpected)
            row.ours += d.expectedAmount.units();
        if (d.kind != core::DifferenceKind::Missing)
            row.theirs += d.actualAmount.units();
        ++row.count;
    }
    out.differences = grouped.values();
    return out;
}

core::Result<Reconciliation> reconcile(const ReadSession& read, qint64 fromDay, qint64 toDay,
                                       Progress* progress)
{
    Reconciliation out;
    out.fromDay = fromDay;
    out.toDay = toDay;
    auto platform = checkPlatform(read, fromDay, toDay);
    if (!platform)
        return platform.error();
    out.platform = std::move(platform).value();
    if (stopped(progress))
        return cancelled();
    auto supplier = checkSuppliers(read, fromDay, toDay);
    if (!supplier)
        return supplier.error();
    out.supplier = std::move(supplier).value();
    if (stopped(progress))
        return cancelled();
    auto commission = checkCommissions(read, fromDay, toDay, progress);
    if (!commission)
        return commission.error();
    out.commission = std::move(commission).value();
    return out;
}

} // namespace cardops::storage::finance
