#include "bridge/orderwrites.h"

#include "bridge/acgreader.h"
#include "bridge/bridgedb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace cardops::bridge {

using namespace Qt::StringLiterals;
using sim::ApiResult;

namespace {

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject leaseObject(const QString& holder, qint64 expiresAt)
{
    return QJsonObject{{u"holder"_s, holder}, {u"expires_at"_s, expiresAt}};
}

ApiResult leaseHeld(const QString& holder, qint64 expiresAt)
{
    return ApiResult::error(409, 40901, "lease held by another", compact(leaseObject(holder, expiresAt)));
}

ApiResult notByAcg(QByteArray what)
{
    return ApiResult::error(403, 40300, "not supported by acg-faka: " + what);
}

// A holder id: 1–64 printable ASCII characters (the lease table's column).
bool validHolder(const QByteArray& h)
{
    if (h.isEmpty() || h.size() > 64)
        return false;
    return std::all_of(h.begin(), h.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

struct Lease
{
    QString holder;
    qint64 expiresAt = 0;
};

// The lease row; `lock` takes it FOR UPDATE (the row is made first when install left none).
core::Result<Lease> readLease(BridgeDb& db, bool lock)
{
    if (lock) {
        auto made = db.run(
            u"INSERT IGNORE INTO %1 (`id`, `holder`, `expires_at`) VALUES (1, '', 0)"_s.arg(db.own("lease")));
        if (!made)
            return made.error();
    }
    auto q = db.run(u"SELECT `holder`, `expires_at` FROM %1 WHERE `id` = 1%2"_s.arg(
        db.own("lease"), lock ? u" FOR UPDATE"_s : QString()));
    if (!q)
        return q.error();
    Lease l;
    if (q.value().next())
        l = {q.value().value(0).toString(), q.value().value(1).toLongLong()};
    return l;
}

bool heldByOther(const Lease& l, const QByteArray& holder, qint64 now)
{
    return !l.holder.isEmpty() && l.expiresAt > now && l.holder.toLatin1() != holder;
}

// The order as the feed serves it, read inside the caller's transaction (its own writes included).
// version: the order's newest feed position; updated_at: that position's time, or `changedAt` when
// the caller just changed the order (the feed serves the change at a later position).
core::Result<std::optional<QJsonObject>> orderEntity(BridgeDb& db, qint64 id, qint64 changedAt = 0)
{
    AcgReader reader(db);
    auto found = reader.orders({id});
    if (!found)
        return found.error();
    const auto it = found.value().items.constFind(id);
    if (it == found.value().items.cend())
        return std::optional<QJsonObject>();
    QJsonObject o = it.value();
    auto v = db.run(u"SELECT `pos`, FLOOR(UNIX_TIMESTAMP(`at`)) FROM %1 WHERE `entity` = 'order' AND "
                    "`entity_id` = ? ORDER BY `pos` DESC LIMIT 1"_s.arg(db.own("feed")),
                    {id});
    if (!v)
        return v.error();
    qint64 version = 1;
    qint64 at = changedAt;
    if (v.value().next()) {
        version = qMax<qint64>(1, v.value().value(0).toLongLong());
        if (changedAt == 0)
            at = v.value().value(1).toLongLong();
    }
    o.insert(u"version"_s, version);
    o.insert(u"updated_at"_s, at);
    return std::optional<QJsonObject>(o);
}

// The locked acg order row.
struct OrderRow
{
    bool found = false;
    qint64 goodsId = 0;
    int status = 0;
    int deliveryStatus = 0;
};

core::Result<OrderRow> lockOrder(BridgeDb& db, qint64 id)
{
    auto q = db.run(u"SELECT `user_id`, `commodity_id`, `status`, `delivery_status` FROM %1 WHERE `id` = ? "
                    "FOR UPDATE"_s.arg(db.acg("order")),
                    {id});
    if (!q)
        return q.error();
    OrderRow r;
    if (q.value().next() && q.value().value(0).toLongLong() == 0) // the main shop's orders only
        r = {true, q.value().value(1).toLongLong(), q.value().value(2).toInt(), q.value().value(3).toInt()};
    return r;
}

// The goods' delivery_way, locked; -1 when the goods is gone.
core::Result<int> lockDeliveryWay(BridgeDb& db, qint64 goodsId)
{
    auto q = db.run(u"SELECT `delivery_way` FROM %1 WHERE `id` = ? FOR UPDATE"_s.arg(db.acg("commodity")),
                    {goodsId});
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toInt() : -1;
}

// The checks every order action of the lease holder shares: the order exists in scope, the caller
// holds the lease when the order is handed over, and `if_status` (CardOps's extension) matches.
struct Gate
{
    std::optional<ApiResult> refused;
    OrderRow row;
    int deliveryWay = -1;
    QJsonObject entity;
};

core::Result<Gate> gate(ApiCall& call, qint64 id)
{
    Gate g;
    auto row = lockOrder(call.db, id);
    if (!row)
        return row.error();
    if (!row.value().found) {
        g.refused = notFound();
        return g;
    }
    g.row = row.value();
    auto way = lockDeliveryWay(call.db, g.row.goodsId);
    if (!way)
        return way.error();
    g.deliveryWay = way.value();
    auto entity = orderEntity(call.db, id);
    if (!entity)
        return entity.error();
    if (!entity.value()) {
        g.refused = notFound();
        return g;
    }
    g.entity = *entity.value();
    if (g.entity.value(u"handed_over").toBool()) {
        auto lease = readLease(call.db, false);
        if (!lease)
            return lease.error();
        const QByteArray holder = call.holder();
        if (holder.isEmpty() || lease.value().holder.toLatin1() != holder ||
            lease.value().expiresAt <= call.now) {
            g.refused = ApiResult::error(403, 40301, "not the lease holder");
            return g;
        }
    }
    const QJsonValue want = call.body.value(u"if_status");
    if (!want.isUndefined() && want.toString() != g.entity.value(u"status").toString())
        g.refused = conflict("order status differs", compact(g.entity));
    return g;
}

std::optional<ApiResult> badIfStatus(const ApiCall& call)
{
    const QJsonValue want = call.body.value(u"if_status");
    if (!want.isUndefined() && !want.isString())
        return badField("if_status");
    return std::nullopt;
}

} // namespace

ApiResult takeLease(ApiCall& call)
{
    const QJsonValue value = call.body.value(u"holder");
    const QByteArray holder = value.toString().toUtf8();
    if (!value.isString() || !validHolder(holder))
        return badField("holder");
    return inTransaction(call, [&call, &holder]() -> core::Result<ApiResult> {
        auto lease = readLease(call.db, true);
        if (!lease)
            return lease.error();
        if (heldByOther(lease.value(), holder, call.now))
            return leaseHeld(lease.value().holder, lease.value().expiresAt);
        const qint64 expires = call.now + kLeaseTtl;
        auto q = call.db.run(
            u"UPDATE %1 SET `holder` = ?, `expires_at` = ? WHERE `id` = 1"_s.arg(call.db.own("lease")),
            {QString::fromLatin1(holder), expires});
        if (!q)
            return q.error();
        const bool taken = lease.value().holder.toLatin1() != holder || lease.value().expiresAt <= call.now;
        if (taken) // a renewal (every 20 s) is not audited
            if (auto ok = audit(call, u"lease.take"_s, u"lease"_s, 1,
                                {{u"holder"_s, QString::fromLatin1(holder)}, {u"expires_at"_s, expires}});
                !ok)
                return ok.error();
        return okObject(leaseObject(QString::fromLatin1(holder), expires));
    });
}

ApiResult releaseLease(ApiCall& call)
{
    const QJsonValue value = call.body.value(u"holder");
    if (!value.isString() || value.toString().isEmpty())
        return badField("holder");
    const QByteArray holder = value.toString().toUtf8();
    return inTransaction(call, [&call, &holder]() -> core::Result<ApiResult> {
        auto lease = readLease(call.db, true);
        if (!lease)
            return lease.error();
        if (heldByOther(lease.value(), holder, call.now))
            return leaseHeld(lease.value().holder, lease.value().expiresAt);
        auto q = call.db.run(
            u"UPDATE %1 SET `holder` = '', `expires_at` = 0 WHERE `id` = 1"_s.arg(call.db.own("lease")));
        if (!q)
            return q.error();
        if (!lease.value().holder.isEmpty())
            if (auto ok = audit(call, u"lease.release"_s, u"lease"_s, 1,
                                {{u"holder"_s, QString::fromUtf8(holder)}});
                !ok)
                return ok.error();
        return okObject(leaseObject(QString(), 0));
    });
}

ApiResult deliverOrder(ApiCall& call)
{
    const qint64 id = call.id(3);
    // acg-faka's manual goods keep no cards: a delivery from stock is always short (409, as the
    // simulator answers a short stock), so CardOps buys the cards and delivers them with "cards".
    const bool fromStock = call.body.value(u"from_stock").toBool(false);
    if (call.body.contains(u"recharge"))
        return notByAcg("deliver recharge (acg-faka keeps no recharge receipts; deliver the receipt as "
                        "text with {\"cards\":[…]})");
    const QJsonValue cardsValue = call.body.value(u"cards");
    QStringList cards;
    if (!fromStock) {
        if (!cardsValue.isArray() || cardsValue.toArray().isEmpty())
            return badField("cards");
        for (const QJsonValue& c : cardsValue.toArray()) {
            if (!c.isString())
                return badField("cards");
            cards << c.toString();
        }
    }
    // §2.2 step 3: a blank text (or acg's "0") is refused.
    const QString text = cards.join(u'\n');
    if (!fromStock && (text.trimmed().isEmpty() || text.trimmed() == u"0"))
        return badField("cards");
    if (auto bad = badIfStatus(call))
        return *bad;
    return inTransaction(call, [&call, id, &text, &cards, fromStock]() -> core::Result<ApiResult> {
        // §2.2 step 1: the order, then the goods, FOR UPDATE.
        auto g = gate(call, id);
        if (!g)
            return g.error();
        if (g.value().refused)
            return *g.value().refused;
        const Gate& at = g.value();
        // Step 2, and the bridge's rule: judged by delivery_status only, never by secret.
        if (at.row.status != 1)
            return conflict("order is not paid", compact(at.entity));
        if (at.deliveryWay != 1)
            return conflict("order is not deliverable: not a manual-delivery goods", compact(at.entity));
        if (at.row.deliveryStatus == 1)
            return conflict("order is already delivered", compact(at.entity));
        if (fromStock)
            return conflict("stock short: acg-faka's manual goods keep no cards; deliver bought cards "
                            "with {\"cards\":[…]}");
        // Step 5: the text and delivery_status, nothing else; the precondition again in the WHERE.
        auto up = call.db.run(u"UPDATE %1 SET `secret` = ?, `delivery_status` = 1 WHERE `id` = ? AND "
                              "`status` = 1 AND `delivery_status` = 0"_s.arg(call.db.acg("order")),
                              {text, id});
        if (!up)
            return up.error();
        if (up.value().numRowsAffected() != 1)
            return conflict("order is already delivered", compact(at.entity));
        auto unhold = call.db.run(u"DELETE FROM %1 WHERE `order_id` = ?"_s.arg(call.db.own("holds")), {id});
        if (!unhold)
            return unhold.error();
        if (auto ok = audit(call, u"order.deliver"_s, u"order"_s, id,
                            {{u"cards"_s, cards.size()}, {u"holder"_s, QString::fromUtf8(call.holder())}});
            !ok)
            return ok.error();
        auto after = orderEntity(call.db, id, call.now);
        if (!after)
            return after.error();
        if (!after.value())
            return notFound();
        QJsonObject o = *after.value();
        // The feed dates the delivery by the trigger's change row once the sequencer moved it.
        o.insert(u"delivered_at"_s, call.now);
        return okObject(o);
    });
}

ApiResult reviewOrder(ApiCall& call)
{
    const qint64 id = call.id(3);
    const QJsonValue reasonValue = call.body.value(u"reason");
    const QString reason = reasonValue.toString().trimmed().left(64);
    if (!reasonValue.isString() || reason.isEmpty())
        return badField("reason");
    if (auto bad = badIfStatus(call))
        return *bad;
    return inTransaction(call, [&call, id, &reason]() -> core::Result<ApiResult> {
        auto g = gate(call, id);
        if (!g)
            return g.error();
        if (g.value().refused)
            return *g.value().refused;
        const Gate& at = g.value();
        // Only a handed-over order can be held: acg ignores the hold, the feed shows it.
        if (at.row.status != 1 || at.deliveryWay != 1 || at.row.deliveryStatus != 0)
            return conflict("order is not open", compact(at.entity));
        auto hold = call.db.run(
            u"REPLACE INTO %1 (`order_id`, `reason`, `at`) VALUES (?, ?, ?)"_s.arg(call.db.own("holds")),
            {id, reason, call.now});
        if (!hold)
            return hold.error();
        // A new version of the order: a change row the sequencer moves into the feed after commit.
        auto change = call.db.run(u"INSERT INTO %1 (`entity`, `entity_id`, `parent_id`, `op`, `flags`) "
                                  "VALUES ('order', ?, ?, 'U', 'hold')"_s.arg(call.db.own("change")),
                                  {id, at.row.goodsId});
        if (!change)
            return change.error();
        if (auto ok = audit(call, u"order.review"_s, u"order"_s, id,
                            {{u"reason"_s, reason}, {u"holder"_s, QString::fromUtf8(call.holder())}});
            !ok)
            return ok.error();
        auto after = orderEntity(call.db, id, call.now);
        if (!after)
            return after.error();
        return after.value() ? okObject(*after.value()) : notFound();
    });
}

ApiResult refuseRefund(ApiCall&)
{
    return notByAcg("refunds (acg-faka has none; credit the member's balance as an adjustment instead)");
}

ApiResult refuseReplace(ApiCall&)
{
    return notByAcg("replacing a delivered order's cards (acg-faka cannot edit a delivered order)");
}

ApiResult refuseCreate(ApiCall&)
{
    return notByAcg("creating orders (acg-faka's admin has no order creation)");
}

core::Result<QJsonObject> currentLease(BridgeDb& db, qint64 now)
{
    auto lease = readLease(db, false);
    if (!lease)
        return lease.error();
    const bool held = !lease.value().holder.isEmpty() && lease.value().expiresAt > now;
    return held ? leaseObject(lease.value().holder, lease.value().expiresAt) : leaseObject(QString(), 0);
}

core::Result<void> applyHolds(BridgeDb& db, QHash<qint64, QJsonObject>& orders)
{
    QList<qint64> handedOver;
    for (auto it = orders.cbegin(); it != orders.cend(); ++it)
        if (it.value().value(u"status").toString() == u"handed_over")
            handedOver << it.key();
    if (handedOver.isEmpty())
        return {};
    QVariantList params;
    for (qint64 id : std::as_const(handedOver))
        params << id;
    auto q = db.run(u"SELECT `order_id`, `reason` FROM %1 WHERE `order_id` IN (%2)"_s.arg(
                        db.own("holds"), QStringList(handedOver.size(), u"?"_s).join(u',')),
                    params);
    if (!q)
        return q.error();
    while (q.value().next()) {
        QJsonObject& o = orders[q.value().value(0).toLongLong()];
        o.insert(u"status"_s, u"review"_s);
        o.insert(u"review_reason"_s, q.value().value(1).toString());
    }
    return {};
}

core::Result<qint64> pruneIdempotency(BridgeDb& db, qint64 now, int limit)
{
    auto q = db.run(u"DELETE FROM %1 WHERE `created_at` < ? LIMIT %2"_s.arg(db.own("idempotency")).arg(limit),
                    {now - kIdempotencyKeepSeconds});
    if (!q)
        return q.error();
    return qint64(q.value().numRowsAffected());
}

} // namespace cardops::bridge
