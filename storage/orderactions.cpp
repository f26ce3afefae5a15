#include "storage/orderactions.h"

#include "core/signing.h"
#include "storage/memberstats.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::storage::orderactions {

namespace {

using core::ErrorCode;
using core::makeError;

const QString kActionColumns =
    u"id, order_id, kind, body, idempotency_key, state, attempts, last_error, result_status, "
    u"result_version, operator_id, created_at, updated_at"_s;

OrderActionRecord actionFromRow(const QVariantList& r)
{
    OrderActionRecord a;
    a.id = r.value(0).toLongLong();
    a.orderId = r.value(1).toLongLong();
    a.kind = r.value(2).toString();
    a.body = r.value(3).toString().toUtf8();
    a.idempotencyKey = r.value(4).toString().toLatin1();
    a.state = r.value(5).toString();
    a.attempts = r.value(6).toInt();
    a.lastError = r.value(7).toString();
    a.resultStatus = r.value(8).toString();
    a.resultVersion = r.value(9).toLongLong();
    a.operatorId = r.value(10).toLongLong();
    a.createdAt = r.value(11).toLongLong();
    a.updatedAt = r.value(12).toLongLong();
    return a;
}

core::Result<QList<OrderActionRecord>> actions(const ReadSession& session, const QString& where,
                                               const QVariantList& binds)
{
    auto rows =
        session.select(u"SELECT "_s + kActionColumns + u" FROM order_actions WHERE "_s + where, binds);
    if (!rows)
        return rows.error();
    QList<OrderActionRecord> out;
    for (const QVariantList& r : *rows)
        out << actionFromRow(r);
    return out;
}

QString quotedPaidStatuses()
{
    QStringList quoted;
    for (const QString& s : memberstats::paidStatuses())
        quoted << u"'"_s + s + u"'"_s;
    return quoted.join(u", "_s);
}

// Moves a pending action on; Conflict when it is not pending (a replay that raced a live call).
core::Result<void> movePending(WriteContext& ctx, qint64 id, const QString& sets, QVariantList binds)
{
    binds << ctx.nowSeconds() << id;
    auto changed = ctx.exec(u"UPDATE order_actions SET "_s + sets +
                                u", updated_at = ? WHERE id = ? AND state = 'pending'"_s,
                            binds);
    if (!changed)
        return changed.error();
    if (changed.value() == 0)
        return makeError(ErrorCode::Conflict, u"order action %1 is not pending"_s.arg(id));
    ctx.touch(u"order_actions"_s);
    return {};
}

QString jsonText(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// The columns of one queue row; `f` is the worker's fulfilment row (may be absent).
const QString kQueueColumns =
    u"o.id, o.order_no, o.goods_id, COALESCE(g.name, ''), COALESCE(g.kind, ''), o.member_id, "
    u"COALESCE(m.name, ''), o.quantity, o.amount, o.paid_amount, o.refund_amount, o.status, o.handed_over, "
    u"o.charge_account, COALESCE(f.reason, ''), o.review_reason, COALESCE(f.fired_rule, ''), "
    u"f.order_id IS NOT NULL, CASE WHEN o.paid_at > 0 THEN o.paid_at ELSE o.created_at END AS since, "
    u"COALESCE(a.operator_id, 0), COALESCE(op.display_name, ''), COALESCE(a.assigned_at, 0)"_s;
const QString kQueueJoins =
    u" LEFT JOIN goods g ON g.id = o.goods_id LEFT JOIN members m ON m.id = o.member_id"
    u" LEFT JOIN review_assignments a ON a.order_id = o.id LEFT JOIN operators op ON op.id = a.operator_id"_s;
// An action done at a version newer than the cache's moved the order out of review.
const QString kNotMoved =
    u" AND NOT EXISTS (SELECT 1 FROM order_actions x WHERE x.order_id = o.id AND x.state = 'done'"
    u" AND x.result_version > o.version AND x.result_status <> 'review')"_s;

ReviewItem itemFromRow(const QVariantList& r)
{
    ReviewItem i;
    i.orderId = r.value(0).toLongLong();
    i.orderNo = r.value(1).toString();
    i.goodsId = r.value(2).toLongLong();
    i.goodsName = r.value(3).toString();
    i.goodsKind = r.value(4).toString();
    i.memberId = r.value(5).toLongLong();
    i.memberName = r.value(6).toString();
    i.quantity = r.value(7).toLongLong();
    i.amount = r.value(8).toLongLong();
    i.paidAmount = r.value(9).toLongLong();
    i.refundAmount = r.value(10).toLongLong();
    i.status = r.value(11).toString();
    i.handedOver = r.value(12).toLongLong() != 0;
    i.chargeAccount = r.value(13).toString();
    const QString workerReason = r.value(14).toString();
    i.reason = workerReason.isEmpty() ? r.value(15).toString() : workerReason;
    i.firedRule = r.value(16).toString();
    i.heldByWorker = r.value(17).toLongLong() != 0;
    i.since = r.value(18).toLongLong();
    i.assigneeId = r.value(19).toLongLong();
    i.assigneeName = r.value(20).toString();
    i.assignedAt = r.value(21).toLongLong();
    return i;
}

struct MemberHistory
{
    qint64 orders = 0;
    qint64 spend = 0;
    qint64 usual = 0;
};

core::Result<MemberHistory> historyOf(const ReadSession& session, qint64 memberId, qint64 orderId)
{
    MemberHistory h;
    auto totals = session.select(memberHistorySql(), {memberId, orderId});
    if (!totals)
        return totals.error();
    if (!totals->isEmpty()) {
        h.orders = totals->first().value(0).toLongLong();
        h.spend = totals->first().value(1).toLongLong();
    }
    auto quantities = session.select(memberQuantitiesSql(), {memberId, orderId});
    if (!quantities)
        return quantities.error();
    QList<qint64> q;
    for (const QVariantList& r : *quantities)
        q << r.value(0).toLongLong();
    h.usual = medianQuantity(q);
    return h;
}

} // namespace

core::Permission permissionFor(const QString& kind)
{
    return kind == Refund ? core::Permission::RefundOrders : core::Permission::ReviewOrders;
}

core::Result<QByteArray> newKey()
{
    auto random = core::signing::generateNonce(32);
    const QByteArray key =
        QByteArray("act-") + (random ? random.value() : QUuid::createUuid().toByteArray(QUuid::Id128));
    return key;
}

core::Result<OrderActionRecord> recordIntent(WriteContext& ctx, const core::Actor& actor, qint64 orderId,
                                             const QString& kind, const QByteArray& body,
                                             const QString& auditAction, const QString& auditDetail)
{
    if (auto allowed = core::authorize(actor, permissionFor(kind)); !allowed)
        return allowed.error();
    const QStringList kinds = {Deliver, Refund, Review, Reissue, Create};
    if (!kinds.contains(kind))
        return makeError(ErrorCode::InvalidArgument, u"unknown order action "_s + kind);
    if (orderId < 0 || (orderId == 0 && kind != Create))
        return makeError(ErrorCode::InvalidArgument, u"an order action needs an order"_s);
    if (QJsonDocument::fromJson(body).isNull())
        return makeError(ErrorCode::InvalidArgument, u"an order action's body is JSON"_s);
    auto key = newKey();
    if (!key)
        return key.error();
    const qint64 now = ctx.nowSeconds();
    auto id =
        ctx.insert(u"INSERT INTO order_actions (order_id, kind, body, idempotency_key, state, operator_id, "
                   u"created_at, updated_at) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)"_s,
                   {orderId, kind, QString::fromUtf8(body), QString::fromLatin1(key.value()),
                    actor.operatorId, now, now});
    if (!id)
        return id.error();
    ctx.touch(u"order_actions"_s);
    QJsonObject detail = QJsonDocument::fromJson(auditDetail.toUtf8()).object();
    detail.insert(u"action_id"_s, id.value());
    detail.insert(u"request"_s, QJsonDocument::fromJson(body).object());
    if (auto audited = ctx.audit(actor, u"order."_s + (auditAction.isEmpty() ? kind : auditAction),
                                 u"order"_s, QString::number(orderId), jsonText(detail));
        !audited)
        return audited.error();
    OrderActionRecord r;
    r.id = id.value();
    r.orderId = orderId;
    r.kind = kind;
    r.body = body;
    r.idempotencyKey = key.value();
    r.state = u"pending"_s;
    r.operatorId = actor.operatorId;
    r.createdAt = now;
    r.updatedAt = now;
    return r;
}

core::Result<void> complete(WriteContext& ctx, qint64 id, qint64 orderId, const QString& resultStatus,
                            qint64 resultVersion)
{
    return movePending(ctx, id,
                       u"state = 'done', last_error = '', result_status = ?, result_version = ?, "
                       u"order_id = CASE WHEN order_id = 0 THEN ? ELSE order_id END"_s,
                       {resultStatus.isNull() ? u""_s : resultStatus, resultVersion, orderId});
}

core::Result<void> fail(WriteContext& ctx, qint64 id, const QString& error)
{
    return movePending(ctx, id, u"state = 'failed', attempts = attempts + 1, last_error = ?"_s,
                       {error.isNull() ? u""_s : error});
}

core::Result<void> noteAttempt(WriteContext& ctx, qint64 id, const QString& error)
{
    return movePending(ctx, id, u"attempts = attempts + 1, last_error = ?"_s,
                       {error.isNull() ? u""_s : error});
}

core::Result<std::optional<OrderActionRecord>> find(const ReadSession& session, qint64 id)
{
    auto found = actions(session, u"id = ?"_s, {id});
    if (!found)
        return found.error();
    return found->isEmpty() ? std::optional<OrderActionRecord>() : std::optional(found->first());
}

core::Result<QList<OrderActionRecord>> pending(const ReadSession& session, int limit)
{
    return actions(session, u"state = 'pending' ORDER BY id LIMIT ?"_s, {limit});
}

core::Result<QList<OrderActionRecord>> forOrder(const ReadSession& session, qint64 orderId)
{
    return actions(session, u"order_id = ? ORDER BY id"_s, {orderId});
}

core::Result<std::optional<qint64>> refundable(const ReadSession& session, qint64 orderId)
{
    auto rows = session.select(u"SELECT paid_amount - refund_amount FROM orders WHERE id = ?"_s, {orderId});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<qint64>() : std::optional(rows->first().value(0).toLongLong());
}

core::Result<void> assignToSelf(WriteContext& ctx, const core::Actor& actor, qint64 orderId)
{
    if (auto allowed = core::authorize(actor, core::Permission::ReviewOrders); !allowed)
        return allowed;
    if (orderId <= 0)
        return makeError(ErrorCode::InvalidArgument, u"no order to assign"_s);
    auto before = ctx.select(u"SELECT operator_id FROM review_assignments WHERE order_id = ?"_s, {orderId});
    if (!before)
        return before.error();
    const qint64 previous = before->isEmpty() ? 0 : before->first().value(0).toLongLong();
    if (previous == actor.operatorId)
        return {};
    auto r = ctx.exec(u"INSERT INTO review_assignments (order_id, operator_id, assigned_at) VALUES (?, ?, ?) "
                      u"ON CONFLICT (order_id) DO UPDATE SET operator_id = excluded.operator_id, "
                      u"assigned_at = excluded.assigned_at"_s,
                      {orderId, actor.operatorId, ctx.nowSeconds()});
    if (!r)
        return r.error();
    ctx.touch(u"review_assignments"_s);
    return ctx.audit(actor, u"review.assign"_s, u"order"_s, QString::number(orderId),
                     jsonText(QJsonObject{{u"previous_operator_id"_s, previous}}));
}

core::Result<void> unassign(WriteContext& ctx, const core::Actor& actor, qint64 orderId)
{
    if (auto allowed = core::authorize(actor, core::Permission::ReviewOrders); !allowed)
        return allowed;
    auto before = ctx.select(u"SELECT operator_id FROM review_assignments WHERE order_id = ?"_s, {orderId});
    if (!before)
        return before.error();
    if (before->isEmpty())
        return {};
    auto r = ctx.exec(u"DELETE FROM review_assignments WHERE order_id = ?"_s, {orderId});
    if (!r)
        return r.error();
    ctx.touch(u"review_assignments"_s);
    return ctx.audit(
        actor, u"review.unassign"_s, u"order"_s, QString::number(orderId),
        jsonText(QJsonObject{{u"previous_operator_id"_s, before->first().value(0).toLongLong()}}));
}

QString queueOrdersSql()
{
    // The platform's held orders walk orders_status; the orders the worker is holding (step
    // `holding`: its /review call is still to come, storage/fulfilments.h) walk fulfilments_step.
    // A worker's record of an order in review names the reason it held it for.
    return u"SELECT "_s + kQueueColumns + u" FROM orders o" + kQueueJoins +
           u" LEFT JOIN fulfilments f ON f.order_id = o.id AND f.step IN ('holding', 'review')"
           u" WHERE o.status = 'review'"_s +
           kNotMoved + u" UNION ALL SELECT "_s + kQueueColumns +
           u" FROM fulfilments f JOIN orders o ON o.id = f.order_id"_s + kQueueJoins +
           u" WHERE f.step = 'holding' AND o.status IN ('paid', 'handed_over', 'delivering')"_s + kNotMoved +
           u" ORDER BY since, 1 LIMIT ?"_s;
}

QString memberHistorySql()
{
    return u"SELECT COUNT(*), COALESCE(SUM(paid_amount - refund_amount), 0) FROM orders "
           u"WHERE member_id = ? AND id <> ? AND status IN ("_s +
           quotedPaidStatuses() + u")"_s;
}

QString memberQuantitiesSql()
{
    return u"SELECT quantity FROM orders WHERE member_id = ? AND id <> ? AND status IN ("_s +
           quotedPaidStatuses() + u") ORDER BY created_at DESC LIMIT 20"_s;
}

qint64 medianQuantity(QList<qint64> quantities)
{
    if (quantities.isEmpty())
        return 0;
    std::sort(quantities.begin(), quantities.end());
    return quantities.at((quantities.size() - 1) / 2);
}

core::Result<QList<ReviewItem>> reviewQueue(const ReadSession& session, int limit)
{
    auto rows = session.select(queueOrdersSql(), {limit});
    if (!rows)
        return rows.error();
    QList<ReviewItem> out;
    for (const QVariantList& r : *rows) {
        ReviewItem item = itemFromRow(r);
        auto history = historyOf(session, item.memberId, item.orderId);
        if (!history)
            return history.error();
        item.memberPaidOrders = history->orders;
        item.memberSpend = history->spend;
        item.usualQuantity = history->usual;
        auto last = session.select(u"SELECT kind, state, last_error FROM order_actions WHERE order_id = ? "
                                   u"ORDER BY id DESC LIMIT 1"_s,
                                   {item.orderId});
        if (!last)
            return last.error();
        if (!last->isEmpty() && last->first().value(1).toString() != u"done") {
            item.lastActionKind = last->first().value(0).toString();
            item.lastActionState = last->first().value(1).toString();
            item.lastActionError = last->first().value(2).toString();
        }
        out << item;
    }
    return out;
}

} // namespace cardops::storage::orderactions
