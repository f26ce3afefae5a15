#include "storage/pricingrules.h"

#include "storage/entitytables_p.h"
#include "storage/goodslinks_p.h"
#include "storage/outbox.h"
#include "storage/pricingrules_p.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::storage {
namespace detail::pricing {

using core::ErrorCode;
using core::makeError;

QString idsJson(const QList<qint64>& ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts << QString::number(id);
    return u'[' + parts.join(u',') + u']';
}

namespace {

QString textsJson(const QStringList& texts)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(texts)).toJson(QJsonDocument::Compact));
}

core::Result<QList<pricingrules::StoredRule>> readRules(const Select& select)
{
    auto rows = select(u"SELECT r.id, r.name, r.body, r.operator_id, r.updated_at, "
                       u"(SELECT count(*) FROM goods_pricing p WHERE p.rule_id = r.id) "
                       u"FROM pricing_rules r ORDER BY r.name, r.id"_s,
                       {});
    if (!rows)
        return rows.error();
    QList<pricingrules::StoredRule> out;
    for (const QVariantList& r : *rows) {
        auto rule = core::parsePricingRule(r.value(2).toString().toUtf8());
        if (!rule)
            return makeError(ErrorCode::Parse,
                             u"pricing rule \""_s + r.value(1).toString() + u"\": "_s + rule.error().detail);
        out.append({r.value(0).toLongLong(), r.value(1).toString(), *rule, r.value(3).toLongLong(),
                    r.value(4).toLongLong(), r.value(5).toLongLong()});
    }
    return out;
}

struct Mirrored
{
    QString supplierId;
    std::optional<qint64> cost;
    bool onSale = true;
};

// The mirrored product of each (protocol, ref), resolved as the goods page does: the supplier of
// that protocol listing it first, then by supplier id.
core::Result<QHash<QString, Mirrored>> mirrored(const Select& select, const QStringList& refs)
{
    QHash<QString, Mirrored> out;
    if (refs.isEmpty())
        return out;
    auto rows = select(u"SELECT s.protocol, p.product_id, p.supplier_id, p.cost, p.on_sale "
                       u"FROM supplier_products p JOIN supplier_status s ON s.supplier_id = p.supplier_id "
                       u"WHERE p.product_id IN (SELECT value FROM json_each(?)) "
                       u"ORDER BY p.listed DESC, p.supplier_id"_s,
                       {textsJson(refs)});
    if (!rows)
        return rows.error();
    for (const QVariantList& r : *rows) {
        const QString key = r.value(0).toString() + u'\n' + r.value(1).toString();
        if (!out.contains(key))
            out.insert(key, {r.value(2).toString(),
                             r.value(3).isNull() ? std::nullopt : std::optional(r.value(3).toLongLong()),
                             r.value(4).toBool()});
    }
    return out;
}

} // namespace

core::Result<pricingrules::RepriceInputs> load(const Select& select, const QList<qint64>& goodsIds,
                                               QHash<qint64, qint64>* policyOperators)
{
    QList<qint64> ids;
    QSet<qint64> unique;
    for (qint64 id : goodsIds)
        if (!unique.contains(id))
            unique.insert(id), ids.append(id);
    pricingrules::RepriceInputs in;
    auto rows = select(
        u"SELECT g.id, g.sku, g.name, g.price, g.cost, g.tier_prices, g.contract_prices, g.supplier_links, "
        u"g.status, p.rule_id, COALESCE(p.follow, 'alert'), COALESCE(p.operator_id, 0), "
        u"EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'goods' AND o.entity_id = g.id "
        u"AND o.state IN ('pending', 'conflict', 'failed')) "
        u"FROM json_each(?) j JOIN goods g ON g.id = j.value "
        u"LEFT JOIN goods_pricing p ON p.goods_id = g.id ORDER BY j.key"_s,
        {idsJson(ids)});
    if (!rows)
        return rows.error();
    QList<std::optional<GoodsLink>> links;
    QStringList refs;
    QSet<qint64> found;
    for (const QVariantList& r : *rows) {
        pricingrules::RepriceInput g;
        g.pricing.goodsId = r.value(0).toLongLong();
        g.sku = r.value(1).toString();
        g.name = r.value(2).toString();
        g.pricing.price = core::Money::fromUnits(r.value(3).toLongLong());
        g.pricing.cost = core::Money::fromUnits(r.value(4).toLongLong());
        g.pricing.tierPrices = core::parseTierPrices(r.value(5).toString().toUtf8());
        g.pricing.contractPrices = core::parseContractPrices(r.value(6).toString().toUtf8());
        g.status = r.value(8).toString();
        if (!r.value(9).isNull())
            g.ruleId = r.value(9).toLongLong();
        g.follow = core::followPolicyFromCode(r.value(10).toString()).value_or(core::FollowPolicy::Alert);
        if (policyOperators)
            policyOperators->insert(g.pricing.goodsId, r.value(11).toLongLong());
        g.pendingEdit = r.value(12).toBool();
        links.append(firstGoodsLink(r.value(7).toString()));
        if (links.last()) {
            g.productRef = links.last()->ref;
            refs << links.last()->ref;
        }
        found.insert(g.pricing.goodsId);
        in.goods.append(std::move(g));
    }
    for (qint64 id : ids)
        if (!found.contains(id))
            in.missing.append(id);
    auto products = mirrored(select, refs);
    if (!products)
        return products.error();
    for (qsizetype i = 0; i < in.goods.size(); ++i) {
        if (!links[i])
            continue;
        const auto it = products->constFind(links[i]->protocol + u'\n' + links[i]->ref);
        if (it == products->cend())
            continue;
        pricingrules::RepriceInput& g = in.goods[i];
        g.supplierId = it->supplierId;
        core::UpstreamState state;
        state.onSale = it->onSale;
        if (it->cost) {
            state.cost = core::Money::fromUnits(*it->cost);
            g.pricing.cost = *state.cost;
            g.costFromSupplier = true;
        }
        g.upstream = state;
    }
    auto tiers = select(u"SELECT id, name, rank, discount_ppm FROM tiers ORDER BY rank, id"_s, {});
    if (!tiers)
        return tiers.error();
    for (const QVariantList& r : *tiers) {
        core::Tier t;
        t.id = r.value(0).toLongLong();
        t.name = r.value(1).toString();
        t.rank = r.value(2).toLongLong();
        t.discount = core::Rate::fromPpm(r.value(3).toLongLong());
        in.tiers.append(t);
    }
    auto rules = readRules(select);
    if (!rules)
        return rules.error();
    in.rules = *rules;
    return in;
}

core::Result<qint64> stagePrices(WriteContext& ctx, const core::Actor& actor,
                                 const pricingrules::RepriceInput& current, core::Money price,
                                 const std::optional<QList<core::TierPriceEntry>>& tierPrices,
                                 const std::optional<QList<core::ContractPriceEntry>>& contractPrices)
{
    QJsonObject fields;
    if (price != current.pricing.price)
        fields.insert(u"price"_s, price.toString(4));
    if (tierPrices && *tierPrices != current.pricing.tierPrices)
        fields.insert(u"tier_prices"_s, core::tierPricesJson(*tierPrices));
    if (contractPrices && *contractPrices != current.pricing.contractPrices)
        fields.insert(u"contract_prices"_s, core::contractPricesJson(*contractPrices));
    if (fields.isEmpty())
        return qint64(0);
    return outbox::stage(ctx, actor, {u"goods"_s, current.pricing.goodsId, fields});
}

} // namespace detail::pricing

namespace pricingrules {

using core::ErrorCode;
using core::makeError;
using detail::i64;
using detail::pricing::idsJson;

namespace {

detail::pricing::Select reader(const ReadSession& read)
{
    return [&read](const QString& sql, const QVariantList& binds) {
        return read.select(sql, binds);
    };
}

detail::pricing::Select reader(WriteContext& ctx)
{
    return [&ctx](const QString& sql, const QVariantList& binds) {
        return ctx.select(sql, binds);
    };
}

core::Result<void> check(const core::Result<qint64>& r)
{
    return r ? core::Result<void>() : core::Result<void>(r.error());
}

} // namespace

core::Result<QList<StoredRule>> rules(const ReadSession& read)
{
    return detail::pricing::readRules(reader(read));
}

core::Result<qint64> saveRule(WriteContext& ctx, const core::Actor& actor, qint64 id, const QString& name,
                              const core::PricingRule& rule)
{
    if (auto allowed = core::authorize(actor, core::Permission::EditGoods); !allowed)
        return allowed.error();
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 40)
        return makeError(ErrorCode::InvalidArgument, u"a rule name has 1 to 40 characters"_s);
    if (auto valid = core::validatePricingRule(rule); !valid)
        return valid.error();
    auto clash = ctx.select(u"SELECT id FROM pricing_rules WHERE name = ? AND id <> ?"_s, {trimmed, i64(id)});
    if (!clash)
        return clash.error();
    if (!clash->isEmpty())
        return makeError(ErrorCode::Conflict, u"a rule named \""_s + trimmed + u"\" exists"_s);
    const QString body = QString::fromUtf8(core::pricingRuleJson(rule));
    qint64 savedId = id;
    if (id == 0) {
        auto inserted = ctx.insert(
            u"INSERT INTO pricing_rules (name, body, operator_id, updated_at) VALUES (?, ?, ?, ?)"_s,
            {trimmed, body, i64(actor.operatorId), i64(ctx.nowSeconds())});
        if (!inserted)
            return inserted.error();
        savedId = *inserted;
    } else {
        auto updated = ctx.exec(
            u"UPDATE pricing_rules SET name = ?, body = ?, operator_id = ?, updated_at = ? WHERE id = ?"_s,
            {trimmed, body, i64(actor.operatorId), i64(ctx.nowSeconds()), i64(id)});
        if (!updated)
            return updated.error();
        if (*updated == 0)
            return makeError(ErrorCode::NotFound, u"pricing rule %1"_s.arg(id));
    }
    ctx.touch(u"pricing_rules"_s);
    const QString detail = QString::fromUtf8(
        QJsonDocument(
            QJsonObject{{u"name"_s, trimmed}, {u"rule"_s, QJsonDocument::fromJson(body.toUtf8()).object()}})
            .toJson(QJsonDocument::Compact));
    if (auto a =
            ctx.audit(actor, u"pricing_rule.save"_s, u"pricing_rules"_s, QString::number(savedId), detail);
        !a)
        return a.error();
    return savedId;
}

core::Result<void> deleteRule(WriteContext& ctx, const core::Actor& actor, qint64 id)
{
    if (auto allowed = core::authorize(actor, core::Permission::EditGoods); !allowed)
        return allowed;
    auto name = ctx.select(u"SELECT name FROM pricing_rules WHERE id = ?"_s, {i64(id)});
    if (!name)
        return name.error();
    if (name->isEmpty())
        return makeError(ErrorCode::NotFound, u"pricing rule %1"_s.arg(id));
    if (auto r =
            check(ctx.exec(u"UPDATE goods_pricing SET rule_id = NULL, updated_at = ? WHERE rule_id = ?"_s,
                           {i64(ctx.nowSeconds()), i64(id)}));
        !r)
        return r;
    if (auto r = check(ctx.exec(u"DELETE FROM pricing_rules WHERE id = ?"_s, {i64(id)})); !r)
        return r;
    ctx.touch(u"pricing_rules"_s);
    ctx.touch(u"goods_pricing"_s);
    const QString detail =
        QString::fromUtf8(QJsonDocument(QJsonObject{{u"name"_s, name->first().value(0).toString()}})
                              .toJson(QJsonDocument::Compact));
    return ctx.audit(actor, u"pricing_rule.delete"_s, u"pricing_rules"_s, QString::number(id), detail);
}

core::Result<qint64> setGoodsPricing(WriteContext& ctx, const core::Actor& actor,
                                     const QList<qint64>& goodsIds, std::optional<qint64> ruleId,
                                     core::FollowPolicy follow)
{
    if (auto allowed = core::authorize(actor, core::Permission::EditGoods); !allowed)
        return allowed.error();
    if (ruleId) {
        auto exists = ctx.select(u"SELECT 1 FROM pricing_rules WHERE id = ?"_s, {i64(*ruleId)});
        if (!exists)
            return exists.error();
        if (exists->isEmpty())
            return makeError(ErrorCode::NotFound, u"pricing rule %1"_s.arg(*ruleId));
    }
    const QVariant rule = ruleId ? i64(*ruleId) : QVariant(QMetaType::fromType<qint64>());
    auto changed = ctx.exec(
        u"INSERT INTO goods_pricing (goods_id, rule_id, follow, operator_id, updated_at) "
        u"SELECT DISTINCT g.id, ?, ?, ?, ? FROM json_each(?) j JOIN goods g ON g.id = j.value WHERE true "
        u"ON CONFLICT (goods_id) DO UPDATE SET rule_id = excluded.rule_id, follow = excluded.follow, "
        u"operator_id = excluded.operator_id, updated_at = excluded.updated_at"_s,
        {rule, core::followPolicyCode(follow), i64(actor.operatorId), i64(ctx.nowSeconds()),
         idsJson(goodsIds)});
    if (!changed)
        return changed.error();
    ctx.touch(u"goods_pricing"_s);
    QJsonArray ids;
    for (qint64 id : goodsIds)
        ids.append(id);
    const QJsonObject detail{{u"goods"_s, ids},
                             {u"rule_id"_s, ruleId ? QJsonValue(*ruleId) : QJsonValue()},
                             {u"follow"_s, core::followPolicyCode(follow)}};
    if (auto a = ctx.audit(actor, u"pricing.policy"_s, u"goods"_s, {},
                           QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));
        !a)
        return a.error();
    return *changed;
}

core::Result<QList<GoodsPricing>> goodsPricing(const ReadSession& read, const QList<qint64>& goodsIds)
{
    auto rows =
        read.select(u"SELECT p.goods_id, p.rule_id, p.follow, p.operator_id, p.updated_at "
                    u"FROM json_each(?) j JOIN goods_pricing p ON p.goods_id = j.value ORDER BY j.key"_s,
                    {idsJson(goodsIds)});
    if (!rows)
        return rows.error();
    QList<GoodsPricing> out;
    for (const QVariantList& r : *rows) {
        GoodsPricing p;
        p.goodsId = r.value(0).toLongLong();
        if (!r.value(1).isNull())
            p.ruleId = r.value(1).toLongLong();
        p.follow = core::followPolicyFromCode(r.value(2).toString()).value_or(core::FollowPolicy::Alert);
        p.operatorId = r.value(3).toLongLong();
        p.updatedAt = r.value(4).toLongLong();
        out.append(p);
    }
    return out;
}

core::Result<RepriceInputs> repriceInputs(const ReadSession& read, const QList<qint64>& goodsIds)
{
    return detail::pricing::load(reader(read), goodsIds);
}

core::Result<StagedReprice> stageReprice(WriteContext& ctx, const core::Actor& actor,
                                         const QList<PriceChange>& changes, const Progress& progress)
{
    if (auto allowed = core::authorize(actor, core::Permission::EditGoods); !allowed)
        return allowed.error();
    QList<qint64> ids;
    for (const PriceChange& c : changes)
        ids.append(c.goodsId);
    auto inputs = detail::pricing::load(reader(ctx), ids);
    if (!inputs)
        return inputs.error();
    QHash<qint64, qsizetype> at;
    for (qsizetype i = 0; i < inputs->goods.size(); ++i)
        at.insert(inputs->goods[i].pricing.goodsId, i);

    StagedReprice out;
    out.missing = inputs->missing;
    QSet<qint64> done;
    qint64 step = 0;
    for (const PriceChange& c : changes) {
        if (progress && ++step % 50 == 0 && !progress(step, changes.size()))
            return makeError(ErrorCode::Conflict, u"cancelled: nothing was staged"_s);
        const auto it = at.constFind(c.goodsId);
        if (it == at.cend() || done.contains(c.goodsId))
            continue;
        done.insert(c.goodsId);
        const RepriceInput& current = inputs->goods.at(*it);
        if (current.pricing.price != c.beforePrice) {
            out.stale.append(c.goodsId);
            continue;
        }
        if (c.price.units() <= 0 || c.price.units() > core::kMaxPricingUnits)
            return makeError(
                ErrorCode::InvalidArgument,
                u"goods %1: a price above 0 is required, not %2"_s.arg(c.goodsId).arg(c.price.toString()));
        const auto low =
            core::belowCost(current.pricing.cost, c.price, c.tierPrices.value_or(current.pricing.tierPrices),
                            c.contractPrices.value_or(current.pricing.contractPrices), inputs->tiers);
        if (auto guard = core::guardBelowCost(c.goodsId, current.pricing.cost, low, c.allowBelowCost); !guard)
            return guard.error();
        auto staged =
            detail::pricing::stagePrices(ctx, actor, current, c.price, c.tierPrices, c.contractPrices);
        if (!staged)
            return staged.error();
        if (*staged == 0) {
            ++out.unchanged;
            continue;
        }
        out.outboxIds.append(*staged);
        if (!low.isEmpty())
            out.belowCost.append(c.goodsId);
    }
    if (progress && !progress(changes.size(), changes.size()))
        return makeError(ErrorCode::Conflict, u"cancelled: nothing was staged"_s);
    QJsonArray below;
    for (qint64 id : std::as_const(out.belowCost))
        below.append(id);
    const QJsonObject detail{{u"staged"_s, out.outboxIds.size()},
                             {u"unchanged"_s, out.unchanged},
                             {u"stale"_s, out.stale.size()},
                             {u"below_cost_override"_s, below}};
    if (auto a = ctx.audit(actor, u"pricing.reprice"_s, u"goods"_s, {},
                           QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));
        !a)
        return a.error();
    return out;
}

} // namespace pricingrules
} // namespace cardops::storage
