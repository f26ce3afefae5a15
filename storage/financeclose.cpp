#include "core/clock.h"
#include "storage/finance.h"
#include "storage/finance_p.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

using namespace Qt::StringLiterals;

// 月结 (domain.md "Finance"): a closed month keeps the snapshot of its daily summary; live figures that
// move later are adjustments booked into the open period with the original period shown.
namespace cardops::storage::finance {

namespace {

using core::ErrorCode;
using core::makeError;
using core::Money;

const QDate kEpoch(1970, 1, 1);
const QString kTable = u"month_closes"_s;

QJsonObject dayJson(const DaySummary& d)
{
    QJsonObject o;
    if (d.day != 0)
        o.insert(u"day"_s, dayText(d.day));
    o.insert(u"orders"_s, d.orders);
    o.insert(u"gmv"_s, d.gmv.units());
    o.insert(u"cost"_s, d.cost.units());
    o.insert(u"refunds"_s, d.refunds.units());
    o.insert(u"commissions"_s, d.commissions.units());
    o.insert(u"supplier_spend"_s, d.supplierSpend.units());
    return o;
}

DaySummary dayFromJson(const QJsonObject& o)
{
    DaySummary d;
    d.day = dayFromText(o.value(u"day"_s).toString()).valueOr(0);
    d.orders = o.value(u"orders"_s).toInteger();
    d.gmv = Money::fromUnits(o.value(u"gmv"_s).toInteger());
    d.cost = Money::fromUnits(o.value(u"cost"_s).toInteger());
    d.refunds = Money::fromUnits(o.value(u"refunds"_s).toInteger());
    d.commissions = Money::fromUnits(o.value(u"commissions"_s).toInteger());
    d.supplierSpend = Money::fromUnits(o.value(u"supplier_spend"_s).toInteger());
    return d;
}

QList<std::pair<QString, qint64>> measuresOf(const DaySummary& d)
{
    return {{u"orders"_s, d.orders},
            {u"gmv"_s, d.gmv.units()},
            {u"cost"_s, d.cost.units()},
            {u"refunds"_s, d.refunds.units()},
            {u"commissions"_s, d.commissions.units()},
            {u"supplier_spend"_s, d.supplierSpend.units()}};
}

core::Result<bool> closedMonth(const detail::Select& select, const QString& month)
{
    auto rows = select(u"SELECT 1 FROM month_closes WHERE month = ?"_s, {month});
    if (!rows)
        return rows.error();
    return !rows->isEmpty();
}

core::Result<QList<Adjustment>> compare(const detail::Select& select, const QString& month,
                                        const QString& snapshotJson, const QString& bookedMonth)
{
    auto snap = summaryFromJson(snapshotJson);
    if (!snap)
        return snap.error();
    auto live = detail::summary(select, snap->fromDay, snap->toDay);
    if (!live)
        return live.error();
    QHash<qint64, DaySummary> before;
    for (const DaySummary& d : snap->days)
        before.insert(d.day, d);
    QList<Adjustment> out;
    for (const DaySummary& now : live->days) {
        const auto was = measuresOf(before.value(now.day));
        const auto is = measuresOf(now);
        for (qsizetype i = 0; i < is.size(); ++i) {
            if (was[i].second == is[i].second)
                continue;
            Adjustment a;
            a.originalMonth = month;
            a.bookedMonth = bookedMonth;
            a.day = now.day;
            a.measure = is[i].first;
            a.snapshot = was[i].second;
            a.live = is[i].second;
            out.append(a);
        }
    }
    return out;
}

} // namespace

QString summaryJson(const Summary& summary)
{
    QJsonObject root;
    root.insert(u"from"_s, dayText(summary.fromDay));
    root.insert(u"to"_s, dayText(summary.toDay));
    QJsonArray days;
    for (const DaySummary& d : summary.days)
        days.append(dayJson(d));
    root.insert(u"days"_s, days);
    root.insert(u"total"_s, dayJson(summary.total));
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact));
}

core::Result<Summary> summaryFromJson(const QString& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (!doc.isObject())
        return makeError(ErrorCode::Parse,
                         u"a month snapshot is not a JSON object: "_s + error.errorString());
    const QJsonObject root = doc.object();
    auto from = dayFromText(root.value(u"from"_s).toString());
    auto to = dayFromText(root.value(u"to"_s).toString());
    if (!from || !to)
        return makeError(ErrorCode::Parse, u"a month snapshot lacks its range"_s);
    Summary out;
    out.fromDay = *from;
    out.toDay = *to;
    for (const QJsonValue& v : root.value(u"days"_s).toArray())
        out.days.append(dayFromJson(v.toObject()));
    out.total = dayFromJson(root.value(u"total"_s).toObject());
    return out;
}

core::Result<std::pair<qint64, qint64>> monthDays(const QString& month)
{
    const QDate first = QDate::fromString(month + u"-01"_s, u"yyyy-MM-dd"_s);
    if (month.size() != 7 || !first.isValid())
        return makeError(ErrorCode::InvalidArgument, u"not a month (yyyy-MM): "_s + month);
    return std::pair<qint64, qint64>(kEpoch.daysTo(first), kEpoch.daysTo(first.addMonths(1)) - 1);
}

QString monthOfDay(qint64 day)
{
    return kEpoch.addDays(day).toString(u"yyyy-MM"_s);
}

core::Result<bool> isClosed(const ReadSession& read, qint64 day)
{
    return closedMonth(detail::selectOf(read), monthOfDay(day));
}

core::Result<bool> isClosed(WriteContext& ctx, qint64 day)
{
    return closedMonth(detail::selectOf(ctx), monthOfDay(day));
}

core::Result<void> requireOpen(WriteContext& ctx, qint64 day)
{
    auto closed = isClosed(ctx, day);
    if (!closed)
        return closed.error();
    if (*closed)
        return makeError(
            ErrorCode::Conflict,
            u"the period %1 is closed (month close): an edit of it is refused; "
            u"book it into the open period or have an administrator reopen %1"_s.arg(monthOfDay(day)));
    return {};
}

core::Result<QList<MonthState>> months(const ReadSession& read, qint64 nowSeconds)
{
    const qint64 today = core::businessDay(nowSeconds);
    const QString current = monthOfDay(today);
    auto closes =
        read.select(u"SELECT c.month, c.closed_at, c.closed_by, COALESCE(o.login, ''), c.snapshot "
                    u"FROM month_closes c LEFT JOIN operators o ON o.id = c.closed_by ORDER BY c.month"_s);
    if (!closes)
        return closes.error();
    auto first = read.select(u"SELECT MIN(day) FROM rollup_goods_day"_s);
    if (!first)
        return first.error();
    QString oldest = current;
    if (!first->isEmpty() && !first->first().value(0).isNull())
        oldest = std::min(oldest, monthOfDay(first->first().value(0).toLongLong()));
    if (!closes->isEmpty())
        oldest = std::min(oldest, closes->first().value(0).toString());
    auto range = monthDays(oldest);
    if (!range)
        return range.error();
    auto live = dailySummary(read, range->first, std::max(today, range->first));
    if (!live)
        return live.error();
    QMap<QString, MonthState> states;
    for (const DaySummary& d : live->days) {
        MonthState& s = states[monthOfDay(d.day)];
        s.month = monthOfDay(d.day);
        s.total.add(d);
    }
    auto adjusted = adjustments(read, nowSeconds);
    if (!adjusted)
        return adjusted.error();
    for (const QVariantList& r : *closes) {
        MonthState& s = states[r.value(0).toString()];
        s.month = r.value(0).toString();
        s.closed = true;
        s.closedAt = r.value(1).toLongLong();
        s.closedBy = r.value(2).toLongLong();
        s.closedByLogin = r.value(3).toString();
        auto snap = summaryFromJson(r.value(4).toString());
        if (!snap)
            return snap.error();
        s.total = snap->total;
        for (const Adjustment& a : *adjusted)
            if (a.originalMonth == s.month)
                ++s.adjustments;
    }
    QList<MonthState> out = states.values();
    std::reverse(out.begin(), out.end());
    return out;
}

core::Result<Summary> snapshot(const ReadSession& read, const QString& month)
{
    auto rows = read.select(u"SELECT snapshot FROM month_closes WHERE month = ?"_s, {month});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, u"the month %1 is not closed"_s.arg(month));
    return summaryFromJson(rows->first().value(0).toString());
}

core::Result<Summary> bookedSummary(const ReadSession& read, qint64 fromDay, qint64 toDay)
{
    auto computed = dailySummary(read, fromDay, toDay);
    if (!computed)
        return computed.error();
    Summary out = std::move(computed).value();
    auto closes = read.select(u"SELECT snapshot FROM month_closes WHERE month BETWEEN ? AND ?"_s,
                              {monthOfDay(fromDay), monthOfDay(toDay)});
    if (!closes)
        return closes.error();
    for (const QVariantList& r : *closes) {
        auto snap = summaryFromJson(r.value(0).toString());
        if (!snap)
            return snap.error();
        for (DaySummary d : snap->days) {
            if (d.day < fromDay || d.day > toDay)
                continue;
            d.closed = true;
            out.days[d.day - fromDay] = d;
        }
    }
    out.total = DaySummary();
    for (const DaySummary& d : out.days)
        out.total.add(d);
    return out;
}

core::Result<QList<Adjustment>> adjustments(const ReadSession& read, qint64 nowSeconds)
{
    const QString booked = monthOfDay(core::businessDay(nowSeconds));
    auto closes = read.select(u"SELECT month, snapshot FROM month_closes ORDER BY month"_s);
    if (!closes)
        return closes.error();
    QList<Adjustment> out;
    for (const QVariantList& r : *closes) {
        auto rows = compare(detail::selectOf(read), r.value(0).toString(), r.value(1).toString(), booked);
        if (!rows)
            return rows.error();
        out += *rows;
    }
    return out;
}

core::Result<Summary> closeMonth(WriteContext& ctx, const core::Actor& actor, const QString& month,
                                 bool confirmed)
{
    if (auto allowed = core::authorize(actor, core::Permission::CloseMonth); !allowed)
        return allowed.error();
    auto range = monthDays(month);
    if (!range)
        return range.error();
    if (!confirmed)
        return makeError(ErrorCode::InvalidArgument,
                         u"closing %1 needs the operator's confirmation"_s.arg(month));
    const QString current = monthOfDay(core::businessDay(ctx.nowSeconds()));
    if (month >= current)
        return makeError(
            ErrorCode::InvalidArgument,
            u"only a past month can be closed: %1 is not over (today is in %2)"_s.arg(month, current));
    auto closed = closedMonth(detail::selectOf(ctx), month);
    if (!closed)
        return closed.error();
    if (*closed)
        return makeError(
            ErrorCode::Conflict,
            u"%1 is already closed; an administrator must reopen it before it is closed again"_s.arg(month));
    auto summary = detail::summary(detail::selectOf(ctx), range->first, range->second);
    if (!summary)
        return summary.error();
    const QString json = summaryJson(*summary);
    auto r =
        ctx.exec(u"INSERT INTO month_closes (month, closed_at, closed_by, snapshot) VALUES (?, ?, ?, ?)"_s,
                 {month, ctx.nowSeconds(), actor.operatorId, json});
    if (!r)
        return r.error();
    const QString totals =
        QString::fromUtf8(QJsonDocument(dayJson(summary->total)).toJson(QJsonDocument::Compact));
    if (auto a = ctx.audit(actor, u"month.close"_s, u"month"_s, month, totals); !a)
        return a.error();
    ctx.touch(kTable);
    return summary;
}

core::Result<void> reopenMonth(WriteContext& ctx, const core::Actor& actor, const QString& month,
                               const QString& reason)
{
    if (auto allowed = core::authorize(actor, core::Permission::ManageSettings); !allowed)
        return allowed.error();
    auto rows = ctx.select(u"SELECT snapshot FROM month_closes WHERE month = ?"_s, {month});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, u"%1 is not closed"_s.arg(month));
    auto snap = summaryFromJson(rows->first().value(0).toString());
    if (!snap)
        return snap.error();
    auto r = ctx.exec(u"DELETE FROM month_closes WHERE month = ?"_s, {month});
    if (!r)
        return r.error();
    QJsonObject detail;
    detail.insert(u"reason"_s, reason);
    detail.insert(u"total"_s, dayJson(snap->total));
    if (auto a = ctx.audit(actor, u"month.reopen"_s, u"month"_s, month,
                           QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));
        !a)
        return a.error();
    ctx.touch(kTable);
    return {};
}

} // namespace cardops::storage::finance
