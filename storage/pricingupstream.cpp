// The upstream-change pass and its records (docs/goods.md "Follow upstream").

#include "storage/entitytables_p.h"
#include "storage/outbox.h"
#include "storage/pricingrules.h"
#include "storage/pricingrules_p.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cardops::storage::pricingrules {
namespace {

using core::ErrorCode;
using core::makeError;
using detail::i64;

struct Seen
{
    QString supplierId;
    QString productId;
    core::UpstreamState state;
};

QVariant optionalMoney(const std::optional<core::Money>& m)
{
    return m ? i64(m->units()) : QVariant(QMetaType::fromType<qint64>());
}

std::optional<core::Money> moneyOrNull(const QVariant& v)
{
    return v.isNull() ? std::nullopt : std::optional(core::Money::fromUnits(v.toLongLong()));
}

core::Result<QHash<qint64, Seen>> readSeen(WriteContext& ctx)
{
    auto rows = ctx.select(u"SELECT goods_id, supplier_id, product_id, cost, on_sale FROM upstream_seen"_s);
    if (!rows)
        return rows.error();
    QHash<qint64, Seen> out;
    for (const QVariantList& r : *rows)
        out.insert(
            r.value(0).toLongLong(),
            {r.value(1).toString(), r.value(2).toString(), {moneyOrNull(r.value(3)), r.value(4).toBool()}});
    return out;
}

// The operator an auto policy acts as: the one who set it, while active and allowed to edit goods.
std::optional<core::Actor> policyActor(WriteContext& ctx, qint64 operatorId)
{
    auto rows = ctx.select(u"SELECT login, role, active FROM operators WHERE id = ?"_s, {i64(operatorId)});
    if (!rows || rows->isEmpty() || !rows->first().value(2).toBool())
        return std::nullopt;
    const auto role = core::roleFromCode(rows->first().value(1).toString());
    if (!role || !core::roleAllows(*role, core::Permission::EditGoods))
        return std::nullopt;
    return core::Actor{operatorId, rows->first().value(0).toString(), *role};
}

struct Record
{
    QString reason;
    QString action; // alert adjusted off_sale
    std::optional<core::Money> suggested;
    qint64 outboxId = 0;
};

// An alert updates the goods' open alert (the first old values kept) or opens one (counted); an
// auto action is a record already handled.
core::Result<void> record(WriteContext& ctx, const RepriceInput& g, const Seen& seen,
                          const core::UpstreamState& now, const Record& rec, qint64 at)
{
    if (rec.action == u"alert") {
        auto open = ctx.select(
            u"SELECT id FROM pricing_alerts WHERE goods_id = ? AND resolved_at = 0 AND action = 'alert'"_s,
            {i64(g.pricing.goodsId)});
        if (!open)
            return open.error();
        if (!open->isEmpty()) {
            auto r = ctx.exec(
                u"UPDATE pricing_alerts SET reason = ?, supplier_id = ?, product_id = ?, new_cost = ?, "
                u"new_on_sale = ?, price = ?, suggested = ?, updated_at = ? WHERE id = ?"_s,
                {rec.reason, g.supplierId, g.productRef, optionalMoney(now.cost), now.onSale ? 1 : 0,
                 i64(g.pricing.price.units()), optionalMoney(rec.suggested), i64(at),
                 open->first().value(0)});
            return r ? core::Result<void>() : core::Result<void>(r.error());
        }
    }
    const bool handled = rec.action != u"alert";
    auto r = ctx.insert(
        u"INSERT INTO pricing_alerts (goods_id, reason, action, supplier_id, product_id, old_cost, new_cost, "
        u"old_on_sale, new_on_sale, price, suggested, outbox_id, created_at, updated_at, resolved_at) "
        u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {i64(g.pricing.goodsId), rec.reason, rec.action, g.supplierId, g.productRef,
         optionalMoney(seen.state.cost), optionalMoney(now.cost), seen.state.onSale ? 1 : 0,
         now.onSale ? 1 : 0, i64(g.pricing.price.units()), optionalMoney(rec.suggested),
         rec.outboxId ? i64(rec.outboxId) : QVariant(QMetaType::fromType<qint64>()), i64(at), i64(at),
         i64(handled ? at : 0)});
    if (!r)
        return r.error();
    return handled ? core::Result<void>() : ctx.addToCounter(AlertsCounter, 1);
}

core::Result<void> remember(WriteContext& ctx, qint64 goodsId, const Seen& s, qint64 at)
{
    auto r = ctx.execCached(
        u"INSERT INTO upstream_seen (goods_id, supplier_id, product_id, cost, on_sale, seen_at) "
        u"VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (goods_id) DO UPDATE SET "
        u"supplier_id = excluded.supplier_id, product_id = excluded.product_id, "
        u"cost = excluded.cost, on_sale = excluded.on_sale, seen_at = excluded.seen_at"_s,
        {i64(goodsId), s.supplierId, s.productId, optionalMoney(s.state.cost), s.state.onSale ? 1 : 0,
         i64(at)});
    return r ? core::Result<void>() : core::Result<void>(r.error());
}

core::Result<void> auditFollow(WriteContext& ctx, const core::Actor& actor, const RepriceInput& g,
                               const Seen& seen, const core::UpstreamState& now, const QString& reason)
{
    const QJsonObject detail{
        {u"reason"_s, reason},
        {u"product"_s, QString(g.supplierId + u'/' + g.productRef)},
        {u"old_cost"_s, seen.state.cost ? seen.state.cost->toString(4) : QString()},
        {u"new_cost"_s, now.cost ? now.cost->toString(4) : QString()},
        {u"on_sale"_s, now.onSale},
    };
    return ctx.audit(actor, u"pricing.follow"_s, u"goods"_s, QString::number(g.pricing.goodsId),
                     QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));
}

} // namespace

core::Result<UpstreamPass> followUpstream(WriteContext& ctx, qint64 at)
{
    UpstreamPass pass;
    auto linked = ctx.select(u"SELECT id FROM goods WHERE supplier_links <> '[]'"_s);
    if (!linked)
        return linked.error();
    QList<qint64> ids;
    for (const QVariantList& r : *linked)
        ids.append(r.value(0).toLongLong());
    QHash<qint64, qint64> policyOperators;
    auto inputs = detail::pricing::load(
        [&ctx](const QString& sql, const QVariantList& binds) { return ctx.select(sql, binds); }, ids,
        &policyOperators);
    if (!inputs)
        return inputs.error();
    auto seenRows = readSeen(ctx);
    if (!seenRows)
        return seenRows.error();
    QHash<qint64, const core::PricingRule*> rules;
    for (const StoredRule& r : std::as_const(inputs->rules))
        rules.insert(r.id, &r.rule);

    for (const RepriceInput& g : std::as_const(inputs->goods)) {
        if (!g.upstream)
            continue;
        ++pass.goods;
        const core::UpstreamState& now = *g.upstream;
        const auto it = seenRows->constFind(g.pricing.goodsId);
        Seen next{g.supplierId, g.productRef, now};
        if (it == seenRows->cend() || it->supplierId != g.supplierId || it->productId != g.productRef) {
            ++pass.baselined;
            if (auto r = remember(ctx, g.pricing.goodsId, next, at); !r)
                return r.error();
            continue;
        }
        const Seen& seen = *it;
        if (!now.cost)
            next.state.cost = seen.state.cost; // the last known cost stays the one to compare with
        if (next.state == seen.state)
            continue;
        const core::PricingRule* rule = g.ruleId ? rules.value(*g.ruleId) : nullptr;
        const core::FollowDecision d = core::followUpstream(g.follow, seen.state, now, g.pricing,
                                                            g.status == u"on", rule, inputs->tiers);
        Record rec{d.reason, u"alert"_s, {}, 0};
        if (d.reprice)
            rec.suggested = d.reprice->after.price;
        if (d.action == core::FollowAction::Adjust || d.action == core::FollowAction::TakeOffSale) {
            const auto actor = policyActor(ctx, policyOperators.value(g.pricing.goodsId));
            if (!actor) {
                rec.reason = u"no_operator"_s;
            } else {
                core::Result<qint64> staged = qint64(0);
                if (d.action == core::FollowAction::TakeOffSale) {
                    staged = outbox::stage(ctx, *actor,
                                           {u"goods"_s, g.pricing.goodsId, {{u"status"_s, u"off"_s}}});
                    rec.action = u"off_sale"_s;
                    ++pass.takenOff;
                } else {
                    const core::PriceSet& a = d.reprice->after;
                    staged =
                        detail::pricing::stagePrices(ctx, *actor, g, a.price, a.tierPrices, a.contractPrices);
                    rec.action = u"adjusted"_s;
                    ++pass.adjusted;
                }
                if (!staged)
                    return staged.error();
                rec.outboxId = *staged;
                if (auto a = auditFollow(ctx, *actor, g, seen, now, d.reason); !a)
                    return a.error();
            }
        }
        if (d.action != core::FollowAction::None) {
            if (rec.action == u"alert")
                ++pass.alerts;
            if (auto r = record(ctx, g, seen, now, rec, at); !r)
                return r.error();
        }
        if (auto r = remember(ctx, g.pricing.goodsId, next, at); !r)
            return r.error();
    }
    if (auto r = ctx.exec(u"DELETE FROM upstream_seen WHERE goods_id NOT IN "
                          u"(SELECT id FROM goods WHERE supplier_links <> '[]')"_s);
        !r)
        return r.error();
    ctx.touch(u"upstream_seen"_s);
    ctx.touch(u"pricing_alerts"_s);
    return pass;
}

core::Result<QList<UpstreamAlert>> alerts(const ReadSession& read, bool openOnly, int limit)
{
    auto rows = read.select(
        u"SELECT a.id, a.goods_id, COALESCE(g.name, ''), COALESCE(g.sku, ''), a.reason, a.action, "
        u"a.supplier_id, "
        u"a.product_id, a.old_cost, a.new_cost, a.old_on_sale, a.new_on_sale, a.price, a.suggested, "
        u"a.created_at, a.updated_at, a.resolved_at FROM pricing_alerts a LEFT JOIN goods g ON g.id = a.goods_id "_s +
            (openOnly ? u"WHERE a.resolved_at = 0 AND a.action = 'alert' "_s : QString()) +
            u"ORDER BY a.id DESC LIMIT ?"_s,
        {qMax(0, limit)});
    if (!rows)
        return rows.error();
    QList<UpstreamAlert> out;
    for (const QVariantList& r : *rows) {
        UpstreamAlert a;
        a.id = r.value(0).toLongLong();
        a.goodsId = r.value(1).toLongLong();
        a.goodsName = r.value(2).toString();
        a.sku = r.value(3).toString();
        a.reason = r.value(4).toString();
        a.action = r.value(5).toString();
        a.supplierId = r.value(6).toString();
        a.productId = r.value(7).toString();
        a.oldCost = moneyOrNull(r.value(8));
        a.newCost = moneyOrNull(r.value(9));
        a.oldOnSale = r.value(10).toBool();
        a.newOnSale = r.value(11).toBool();
        a.price = core::Money::fromUnits(r.value(12).toLongLong());
        a.suggested = moneyOrNull(r.value(13));
        a.createdAt = r.value(14).toLongLong();
        a.updatedAt = r.value(15).toLongLong();
        a.resolvedAt = r.value(16).toLongLong();
        out.append(a);
    }
    return out;
}

core::Result<qint64> acknowledge(WriteContext& ctx, const core::Actor& actor, const QList<qint64>& alertIds)
{
    if (auto allowed = core::authorize(actor, core::Permission::EditGoods); !allowed)
        return allowed.error();
    auto changed =
        ctx.exec(u"UPDATE pricing_alerts SET resolved_at = ?, resolved_by = ? "
                 u"WHERE id IN (SELECT value FROM json_each(?)) AND resolved_at = 0 AND action = 'alert'"_s,
                 {i64(ctx.nowSeconds()), i64(actor.operatorId), detail::pricing::idsJson(alertIds)});
    if (!changed)
        return changed.error();
    if (*changed == 0)
        return qint64(0);
    ctx.touch(u"pricing_alerts"_s);
    if (auto c = ctx.addToCounter(AlertsCounter, -*changed); !c)
        return c.error();
    if (auto a = ctx.audit(actor, u"pricing.alert_ack"_s, u"pricing_alerts"_s, {},
                           u"{\"alerts\":"_s + detail::pricing::idsJson(alertIds) + u'}');
        !a)
        return a.error();
    return *changed;
}

} // namespace cardops::storage::pricingrules
