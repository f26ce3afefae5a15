#include "storage/purchases.h"

#include "storage/counters.h"
#include "storage/writecontext.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cardops::storage::purchases {

namespace {

using core::ErrorCode;
using core::makeError;
using core::PurchaseState;

const QString kColumns =
    u"id, external_no, supplier_id, product_ref, quantity, charge_account, order_id, state, "
    u"upstream_no, cost, secret IS NOT NULL, error, created_at, updated_at"_s;

PurchaseRecord fromRow(const QVariantList& r)
{
    PurchaseRecord p;
    p.id = r.value(0).toLongLong();
    p.externalNo = r.value(1).toString();
    p.supplierId = r.value(2).toString();
    p.productRef = r.value(3).toString();
    p.quantity = r.value(4).toLongLong();
    p.chargeAccount = r.value(5).toString();
    p.orderId = r.value(6).toLongLong();
    p.state = core::purchaseStateFromCode(r.value(7).toString()).value_or(PurchaseState::Unknown);
    p.upstreamNo = r.value(8).toString();
    if (!r.value(9).isNull())
        p.cost = r.value(9).toLongLong();
    p.holdsSecret = r.value(10).toBool();
    p.error = r.value(11).toString();
    p.createdAt = r.value(12).toLongLong();
    p.updatedAt = r.value(13).toLongLong();
    return p;
}

// The 采购结果未知 counter follows every move into or out of Unknown.
core::Result<void> countUnknown(WriteContext& ctx, PurchaseState from, PurchaseState to)
{
    const int delta = (to == PurchaseState::Unknown ? 1 : 0) - (from == PurchaseState::Unknown ? 1 : 0);
    return delta == 0 ? core::Result<void>() : ctx.addToCounter(counters::PurchaseUnknown, delta);
}

core::Result<PurchaseState> currentState(WriteContext& ctx, qint64 id)
{
    auto rows = ctx.select(u"SELECT state FROM purchases WHERE id = ?"_s, {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, u"no purchase %1"_s.arg(id));
    const auto state = core::purchaseStateFromCode(rows->first().value(0).toString());
    if (!state)
        return makeError(ErrorCode::Storage, u"purchase %1 has an unknown state"_s.arg(id));
    return *state;
}

} // namespace

core::Result<qint64> recordIntent(WriteContext& ctx, const PurchaseRecord& intent)
{
    if (intent.externalNo.isEmpty() || intent.supplierId.isEmpty() || intent.productRef.isEmpty() ||
        intent.quantity <= 0)
        return makeError(ErrorCode::InvalidArgument,
                         u"a purchase needs a number, a supplier, a product and a quantity"_s);
    auto used = ctx.select(u"SELECT id FROM purchases WHERE external_no = ?"_s, {intent.externalNo});
    if (!used)
        return used.error();
    if (!used->isEmpty())
        return makeError(ErrorCode::Conflict,
                         u"external number "_s + intent.externalNo + u" was used before"_s);
    const qint64 now = ctx.nowSeconds();
    auto id =
        ctx.insert(u"INSERT INTO purchases (external_no, supplier_id, product_ref, quantity, charge_account, "
                   u"order_id, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'intent', ?, ?)"_s,
                   {intent.externalNo, intent.supplierId, intent.productRef, intent.quantity,
                    intent.chargeAccount.isNull() ? QStringLiteral("") : intent.chargeAccount, intent.orderId,
                    now, now});
    if (id)
        ctx.touch(u"purchases"_s);
    return id;
}

core::Result<void> advance(WriteContext& ctx, qint64 id, PurchaseState expectedFrom,
                           const PurchaseUpdate& update)
{
    auto state = currentState(ctx, id);
    if (!state)
        return state.error();
    if (state.value() != expectedFrom)
        return makeError(ErrorCode::Conflict,
                         u"purchase %1 is %2, not %3"_s.arg(id).arg(core::purchaseStateCode(state.value()),
                                                                    core::purchaseStateCode(expectedFrom)));
    if (!core::purchaseTransitionAllowed(expectedFrom, update.to))
        return makeError(ErrorCode::Conflict,
                         u"purchase %1 cannot go from %2 to %3"_s.arg(id).arg(
                             core::purchaseStateCode(expectedFrom), core::purchaseStateCode(update.to)));
    if (update.sealedSecret && update.to != PurchaseState::Succeeded)
        return makeError(ErrorCode::InvalidArgument, u"only a succeeded purchase holds a secret"_s);
    QStringList sets = {u"state = ?"_s, u"updated_at = ?"_s};
    QVariantList binds = {core::purchaseStateCode(update.to), ctx.nowSeconds()};
    if (update.upstreamNo) {
        sets << u"upstream_no = ?"_s;
        binds << *update.upstreamNo;
    }
    if (update.cost) {
        sets << u"cost = ?"_s;
        binds << *update.cost;
    }
    if (update.sealedSecret) {
        sets << u"secret = ?"_s;
        binds << *update.sealedSecret;
    }
    if (update.error) {
        sets << u"error = ?"_s;
        binds << (update.error->isNull() ? QStringLiteral("") : *update.error);
    }
    if (update.to == PurchaseState::Delivered)
        sets << u"secret = NULL"_s; // delivered: the secret is the platform's now, not ours to keep
    binds << id;
    auto r = ctx.exec(u"UPDATE purchases SET "_s + sets.join(u", "_s) + u" WHERE id = ?"_s, binds);
    if (!r)
        return r.error();
    ctx.touch(u"purchases"_s);
    return countUnknown(ctx, expectedFrom, update.to);
}

core::Result<void> resolveUnknown(WriteContext& ctx, const core::Actor& actor, qint64 id, bool bought,
                                  const std::optional<QByteArray>& sealedSecret, const QString& note)
{
    if (auto allowed = core::authorize(actor, core::Permission::ReviewOrders); !allowed)
        return allowed;
    PurchaseUpdate update;
    update.to = bought ? PurchaseState::Succeeded : PurchaseState::Failed;
    if (bought)
        update.sealedSecret = sealedSecret;
    update.error = note;
    if (auto moved = advance(ctx, id, PurchaseState::Unknown, update); !moved)
        return moved;
    const QString detail = QString::fromUtf8(
        QJsonDocument(QJsonObject{{u"bought"_s, bought}, {u"note"_s, note}}).toJson(QJsonDocument::Compact));
    return ctx.audit(actor, u"purchase.resolve"_s, u"purchase"_s, QString::number(id), detail);
}

core::Result<QByteArray> sealedSecret(WriteContext& ctx, qint64 id)
{
    auto rows = ctx.select(u"SELECT secret FROM purchases WHERE id = ? AND state = 'succeeded'"_s, {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || rows->first().value(0).isNull())
        return makeError(ErrorCode::NotFound, u"purchase %1 holds no secret"_s.arg(id));
    return rows->first().value(0).toByteArray();
}

core::Result<std::optional<PurchaseRecord>> find(const ReadSession& session, qint64 id)
{
    auto rows = session.select(u"SELECT "_s + kColumns + u" FROM purchases WHERE id = ?"_s, {id});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<PurchaseRecord>() : std::optional(fromRow(rows->first()));
}

core::Result<std::optional<PurchaseRecord>> find(WriteContext& ctx, qint64 id)
{
    auto rows = ctx.select(u"SELECT "_s + kColumns + u" FROM purchases WHERE id = ?"_s, {id});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<PurchaseRecord>() : std::optional(fromRow(rows->first()));
}

core::Result<std::optional<PurchaseRecord>> findByExternalNo(const ReadSession& session,
                                                             const QString& externalNo)
{
    auto rows =
        session.select(u"SELECT "_s + kColumns + u" FROM purchases WHERE external_no = ?"_s, {externalNo});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<PurchaseRecord>() : std::optional(fromRow(rows->first()));
}

core::Result<QList<PurchaseRecord>> inState(const ReadSession& session, PurchaseState state, int limit)
{
    auto rows =
        session.select(u"SELECT "_s + kColumns + u" FROM purchases WHERE state = ? ORDER BY id LIMIT ?"_s,
                       {core::purchaseStateCode(state), limit});
    if (!rows)
        return rows.error();
    QList<PurchaseRecord> out;
    for (const QVariantList& r : *rows)
        out << fromRow(r);
    return out;
}

core::Result<QList<PurchaseRecord>> forOrder(const ReadSession& session, qint64 orderId)
{
    auto rows = session.select(u"SELECT "_s + kColumns + u" FROM purchases WHERE order_id = ? ORDER BY id"_s,
                               {orderId});
    if (!rows)
        return rows.error();
    QList<PurchaseRecord> out;
    for (const QVariantList& r : *rows)
        out << fromRow(r);
    return out;
}

} // namespace cardops::storage::purchases
