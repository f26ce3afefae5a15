#include "storage/orderdetail.h"

#include "storage/readsession.h"

using namespace Qt::StringLiterals;

namespace cardops::storage {

core::Money OrderDetail::costTotal() const
{
    return core::rounding::lineTotal(costAtOrder, quantity);
}

bool OrderDetail::costIncurred() const
{
    return deliveredAt > 0 || status == u"delivered";
}

core::Money OrderDetail::margin() const
{
    return paidAmount - refundAmount - (costIncurred() ? costTotal() : core::Money());
}

namespace orderdetail {
namespace {

using core::ErrorCode;
using core::makeError;

core::Money money(const QVariant& v)
{
    return core::Money::fromUnits(v.toLongLong());
}

core::Result<void> readOrder(const ReadSession& session, qint64 orderId, OrderDetail& d)
{
    auto rows = session.select(
        u"SELECT o.id, o.order_no, o.quantity, o.unit_price, o.amount, o.paid_amount, o.cost_at_order, "
        u"o.refund_amount, o.pay_channel, o.charge_account, o.contact, o.status, o.handed_over, "
        u"o.review_reason, o.created_at, o.paid_at, o.delivered_at, o.revealed_at, o.version, o.updated_at, "
        u"o.goods_id, g.id IS NOT NULL, COALESCE(g.name, ''), COALESCE(g.sku, ''), COALESCE(g.kind, ''), "
        u"COALESCE(g.fulfilment_owner, ''), "
        u"o.member_id, m.id IS NOT NULL, COALESCE(m.name, ''), COALESCE(m.kind, ''), "
        u"COALESCE(r.name, ''), COALESCE(m.contact, '') "
        u"FROM orders o LEFT JOIN goods g ON g.id = o.goods_id LEFT JOIN members m ON m.id = o.member_id "
        u"LEFT JOIN tiers r ON r.id = m.tier_id WHERE o.id = ?"_s,
        {orderId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, u"no order %1 in the cache"_s.arg(orderId));
    const QVariantList& r = rows->first();
    d.id = r.value(0).toLongLong();
    d.orderNo = r.value(1).toString();
    d.quantity = r.value(2).toLongLong();
    d.unitPrice = money(r.value(3));
    d.amount = money(r.value(4));
    d.paidAmount = money(r.value(5));
    d.costAtOrder = money(r.value(6));
    d.refundAmount = money(r.value(7));
    d.payChannel = r.value(8).toString();
    d.chargeAccount = r.value(9).toString();
    d.contact = r.value(10).toString();
    d.status = r.value(11).toString();
    d.handedOver = r.value(12).toLongLong() != 0;
    d.reviewReason = r.value(13).toString();
    d.createdAt = r.value(14).toLongLong();
    d.paidAt = r.value(15).toLongLong();
    d.deliveredAt = r.value(16).toLongLong();
    d.revealedAt = r.value(17).toLongLong();
    d.version = r.value(18).toLongLong();
    d.updatedAt = r.value(19).toLongLong();
    d.goods.id = r.value(20).toLongLong();
    d.goods.cached = r.value(21).toLongLong() != 0;
    d.goods.name = r.value(22).toString();
    d.goods.sku = r.value(23).toString();
    d.goods.kind = r.value(24).toString();
    d.goods.fulfilmentOwner = r.value(25).toString();
    d.member.id = r.value(26).toLongLong();
    d.member.cached = r.value(27).toLongLong() != 0;
    d.member.name = r.value(28).toString();
    d.member.kind = r.value(29).toString();
    d.member.tierName = r.value(30).toString();
    d.member.contact = r.value(31).toString();
    return {};
}

// Both read through the (entity, entity_id, id) indexes. The operator's current login comes from
// the operators table; the audit log's own copy covers an operator row that no longer exists.
core::Result<void> readAudit(const ReadSession& session, OrderDetail& d)
{
    auto rows = session.select(
        u"SELECT a.id, a.at, COALESCE(p.login, a.operator_login), a.action, a.detail FROM audit_log a "
        u"LEFT JOIN operators p ON p.id = a.operator_id "
        u"WHERE a.entity IN ('order', 'orders') AND a.entity_id = ? ORDER BY a.id"_s,
        {QString::number(d.id)});
    if (!rows)
        return rows.error();
    for (const QVariantList& r : *rows)
        d.audit.append({r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toString(),
                        r.value(3).toString(), r.value(4).toString()});
    return {};
}

core::Result<void> readOutbox(const ReadSession& session, OrderDetail& d)
{
    auto rows = session.select(
        u"SELECT x.id, x.state, x.method, x.path, x.fields, COALESCE(p.login, ''), x.attempts, x.last_error, "
        u"EXISTS (SELECT 1 FROM conflicts c WHERE c.outbox_id = x.id AND c.resolved_at = 0), "
        u"x.created_at, x.updated_at FROM outbox x LEFT JOIN operators p ON p.id = x.operator_id "
        u"WHERE x.entity IN ('order', 'orders') AND x.entity_id = ? ORDER BY x.id"_s,
        {d.id});
    if (!rows)
        return rows.error();
    for (const QVariantList& r : *rows) {
        OrderOutboxEntry e;
        e.id = r.value(0).toLongLong();
        e.state = r.value(1).toString();
        e.method = r.value(2).toString();
        e.path = r.value(3).toString();
        e.fields = r.value(4).toString();
        e.operatorLogin = r.value(5).toString();
        e.attempts = r.value(6).toLongLong();
        e.lastError = r.value(7).toString();
        e.openConflict = r.value(8).toLongLong() != 0;
        e.createdAt = r.value(9).toLongLong();
        e.updatedAt = r.value(10).toLongLong();
        d.outbox.append(e);
    }
    return {};
}

} // namespace

core::Result<OrderDetail> read(const ReadSession& session, qint64 orderId)
{
    OrderDetail d;
    if (auto r = readOrder(session, orderId, d); !r)
        return r.error();
    if (auto r = readAudit(session, d); !r)
        return r.error();
    if (auto r = readOutbox(session, d); !r)
        return r.error();
    return d;
}

} // namespace orderdetail
} // namespace cardops::storage
