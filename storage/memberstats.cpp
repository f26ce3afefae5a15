#include "storage/memberstats.h"

#include "core/clock.h"
#include "storage/readsession.h"

using namespace Qt::StringLiterals;

namespace cardops::storage::memberstats {

QStringList paidStatuses()
{
    return {u"paid"_s, u"handed_over"_s, u"delivering"_s, u"delivered"_s, u"review"_s, u"refunded"_s};
}

Statement aggregatesStatement(qint64 at, qint64 windowDays)
{
    const qint64 from = core::businessDayStart(core::businessDay(at) - windowDays + 1);
    QStringList quoted;
    for (const QString& status : paidStatuses())
        quoted.append(u"'"_s + status + u"'"_s);
    // The range on created_at lets the plan walk orders_created instead of the whole table; the
    // grouped orders are then joined to members so a member without orders still gets a row (a
    // new member with none is a 新客). A fully refunded order is not a purchase: it counts nowhere.
    const QString sql =
        u"SELECT m.id, m.registered_at, COALESCE(a.last_at, 0), COALESCE(a.orders, 0), "
        u"COALESCE(a.monetary, 0) FROM members m LEFT JOIN ("
        u"SELECT member_id, MAX(created_at) AS last_at, COUNT(*) AS orders, "
        u"SUM(paid_amount - refund_amount) AS monetary FROM orders "
        u"WHERE created_at >= ? AND created_at <= ? AND status IN (%1) AND paid_amount > refund_amount "
        u"GROUP BY member_id) a ON a.member_id = m.id WHERE m.registered_at <= ? ORDER BY m.id"_s.arg(
            quoted.join(u", "_s));
    return {sql, {from, at, at}};
}

QString aggregatesSqlText(qint64 at, qint64 windowDays)
{
    Statement statement = aggregatesStatement(at, windowDays);
    QString text = statement.sql;
    // Only integers are bound, so writing them in place is exact and safe.
    for (const QVariant& bind : statement.binds) {
        const qsizetype mark = text.indexOf(u'?');
        text.replace(mark, 1, QString::number(bind.toLongLong()));
    }
    return text;
}

core::Result<QList<core::MemberAggregate>> aggregatesAsOf(const ReadSession& session, qint64 at,
                                                          qint64 windowDays)
{
    const Statement statement = aggregatesStatement(at, windowDays);
    auto rows = session.select(statement.sql, statement.binds);
    if (!rows)
        return rows.error();
    QList<core::MemberAggregate> out;
    out.reserve(rows->size());
    for (const QVariantList& r : *rows) {
        core::MemberAggregate a;
        a.memberId = r.value(0).toLongLong();
        a.registeredAt = r.value(1).toLongLong();
        a.lastOrderAt = r.value(2).toLongLong();
        a.orders = r.value(3).toLongLong();
        a.monetary = core::Money::fromUnits(r.value(4).toLongLong());
        out.append(a);
    }
    return out;
}

core::Result<qint64> latestOrderAt(const ReadSession& session)
{
    auto rows = session.select(u"SELECT COALESCE(MAX(created_at), 0) FROM orders"_s);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? qint64(0) : rows->first().value(0).toLongLong();
}

} // namespace cardops::storage::memberstats
