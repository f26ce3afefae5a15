#include "storage/stockalertstore.h"

#include "core/clock.h"
#include "storage/goodslinks_p.h"
#include "storage/goodsqueries.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QHash>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::storage::stockalerts {
namespace {

using core::SupplierStock;

SupplierStock levelOf(const QString& code, bool onSale)
{
    if (!onSale)
        return SupplierStock::Out;
    if (code == u"plenty")
        return SupplierStock::Plenty;
    if (code == u"low")
        return SupplierStock::Low;
    if (code == u"out")
        return SupplierStock::Out;
    return SupplierStock::Unknown;
}

// The mirrored stock level of every supplier product, by protocol and product id (a listed product
// first, then by supplier id).
core::Result<QHash<QString, SupplierStock>> supplierLevels(WriteContext& ctx)
{
    auto rows =
        ctx.select(u"SELECT s.protocol, p.product_id, p.stock_level, p.on_sale, p.listed "
                   u"FROM supplier_products p JOIN supplier_status s ON s.supplier_id = p.supplier_id "
                   u"ORDER BY p.listed DESC, p.supplier_id"_s);
    if (!rows)
        return rows.error();
    QHash<QString, SupplierStock> out;
    for (const QVariantList& r : *rows) {
        const QString key = r.value(0).toString() + u'\n' + r.value(1).toString();
        if (!out.contains(key))
            out.insert(key,
                       levelOf(r.value(2).toString(), r.value(3).toInt() == 1 && r.value(4).toInt() == 1));
    }
    return out;
}

QString soldList()
{
    return u"'"_s + goodsqueries::soldStatuses().join(u"','"_s) + u"'"_s;
}

} // namespace

core::Result<QList<AlertChange>> evaluate(WriteContext& ctx, qint64 at)
{
    auto rows = ctx.select(u"SELECT g.id, g.name, g.stock_available, g.low_stock_threshold, g.status, "
                           u"g.fulfilment_owner, g.supplier_links, a.state FROM goods g "
                           u"LEFT JOIN stock_alerts a ON a.goods_id = g.id ORDER BY g.id"_s);
    if (!rows)
        return rows.error();
    std::optional<QHash<QString, SupplierStock>> levels;
    QList<AlertChange> changes;
    for (const QVariantList& r : *rows) {
        const qint64 id = r.value(0).toLongLong();
        core::StockAlertState previous;
        if (!r.value(7).isNull()) {
            auto parsed = core::stockAlertStateFromJson(r.value(7).toString().toUtf8());
            if (!parsed)
                return core::makeError(parsed.error().code,
                                       u"stock alert of goods %1: "_s.arg(id) + parsed.error().detail);
            previous = parsed.value();
        }
        core::StockReading reading;
        reading.threshold = r.value(4).toString() == u"on" ? r.value(3).toLongLong() : 0;
        if (r.value(5).toString() == u"cardops") {
            if (const auto link = detail::firstGoodsLink(r.value(6).toString())) {
                if (!levels) {
                    auto loaded = supplierLevels(ctx);
                    if (!loaded)
                        return loaded.error();
                    levels = std::move(loaded.value());
                }
                reading.supplier = levels->value(link->protocol + u'\n' + link->ref, SupplierStock::Unknown);
            }
        } else {
            reading.available = r.value(2).toLongLong();
        }
        const core::StockAlertStep step = core::stepStockAlert(previous, reading, at);
        if (step.state == previous && !r.value(7).isNull())
            continue;
        if (step.state == core::StockAlertState{} && r.value(7).isNull())
            continue; // never low and nothing known worth keeping
        auto stored =
            ctx.execCached(u"INSERT INTO stock_alerts (goods_id, state, updated_at) VALUES (?, ?, ?) "
                           u"ON CONFLICT (goods_id) DO UPDATE SET state = excluded.state, "
                           u"updated_at = excluded.updated_at"_s,
                           {id, QString::fromUtf8(core::toJson(step.state)), at});
        if (!stored)
            return stored.error();
        if (step.event != core::StockAlertEvent::None)
            changes.append({id, r.value(1).toString(), step.event, step.state});
    }
    ctx.touch(u"stock_alerts"_s);
    return changes;
}

core::Result<QList<ActiveAlert>> active(const ReadSession& read)
{
    auto rows = read.select(u"SELECT a.goods_id, g.name, a.state FROM stock_alerts a "
                            u"JOIN goods g ON g.id = a.goods_id ORDER BY a.goods_id"_s);
    if (!rows)
        return rows.error();
    QList<ActiveAlert> out;
    for (const QVariantList& r : *rows) {
        auto state = core::stockAlertStateFromJson(r.value(2).toString().toUtf8());
        if (!state)
            return state.error();
        if (state->low)
            out.append({r.value(0).toLongLong(), r.value(1).toString(), state.value()});
    }
    std::sort(out.begin(), out.end(), [](const ActiveAlert& a, const ActiveAlert& b) {
        return a.state.since != b.state.since ? a.state.since > b.state.since : a.goodsId < b.goodsId;
    });
    return out;
}

core::Result<core::StockAlertState> stateOf(const ReadSession& read, qint64 goodsId)
{
    auto rows = read.select(u"SELECT state FROM stock_alerts WHERE goods_id = ?"_s, {goodsId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return core::StockAlertState{};
    return core::stockAlertStateFromJson(rows->first().value(0).toString().toUtf8());
}

core::Result<RestockGoods> restockGoods(const ReadSession& read, qint64 goodsId)
{
    auto rows = read.select(u"SELECT id, name, kind, fulfilment_owner, status, price, stock_available, "
                            u"low_stock_threshold, supplier_links FROM goods WHERE id = ?"_s,
                            {goodsId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return core::makeError(core::ErrorCode::NotFound, u"goods %1"_s.arg(goodsId));
    const QVariantList& r = rows->first();
    RestockGoods g;
    g.goodsId = r.value(0).toLongLong();
    g.name = r.value(1).toString();
    g.kind = r.value(2).toString();
    g.owner = r.value(3).toString();
    g.status = r.value(4).toString();
    g.price = r.value(5).toLongLong();
    g.stock = r.value(6).toLongLong();
    g.threshold = r.value(7).toLongLong();
    const auto link = detail::firstGoodsLink(r.value(8).toString());
    if (!link)
        return g;
    g.protocol = link->protocol;
    g.productRef = link->ref;
    auto products =
        read.select(u"SELECT p.supplier_id, p.name, p.cost, p.stock_level, p.on_sale AND p.listed "
                    u"FROM supplier_products p JOIN supplier_status s ON s.supplier_id = p.supplier_id "
                    u"WHERE s.protocol = ? AND p.product_id = ? ORDER BY p.listed DESC, p.supplier_id "
                    u"LIMIT 1"_s,
                    {g.protocol, g.productRef});
    if (!products)
        return products.error();
    if (!products->isEmpty()) {
        const QVariantList& p = products->first();
        g.supplierId = p.value(0).toString();
        g.productName = p.value(1).toString();
        if (!p.value(2).isNull())
            g.cost = p.value(2).toLongLong();
        g.stockLevel = p.value(3).toString();
        g.onSale = p.value(4).toInt() == 1;
    }
    return g;
}

core::Result<QList<core::DaySales>> dailySales(const ReadSession& read, qint64 goodsId, qint64 firstDay,
                                               qint64 lastDay)
{
    auto rows = read.select(u"SELECT (created_at + %1) / 86400 AS day, SUM(quantity) FROM orders "
                            u"WHERE goods_id = ? AND created_at >= ? AND created_at < ? AND status IN (%2) "
                            u"GROUP BY day ORDER BY day"_s.arg(core::ShanghaiOffsetSeconds)
                                .arg(soldList()),
                            {goodsId, core::businessDayStart(firstDay), core::businessDayStart(lastDay + 1)});
    if (!rows)
        return rows.error();
    QList<core::DaySales> out;
    for (const QVariantList& r : *rows)
        out.append({r.value(0).toLongLong(), r.value(1).toLongLong()});
    return out;
}

core::Result<QList<Reseller>> resellers(const ReadSession& read, qint64 goodsId, qint64 since, int limit)
{
    auto lowest = read.select(u"SELECT MIN(rank) FROM tiers"_s);
    if (!lowest)
        return lowest.error();
    const QVariant lowestRank = lowest->isEmpty() ? QVariant() : lowest->first().value(0);
    auto rows = read.select(
        u"SELECT m.id, m.name, COALESCE(t.name, ''), COALESCE(t.rank, 0), SUM(o.quantity), COUNT(*) "
        u"FROM orders o JOIN members m ON m.id = o.member_id LEFT JOIN tiers t ON t.id = m.tier_id "
        u"WHERE o.goods_id = ? AND o.created_at >= ? AND o.status IN (%1) AND m.kind = 'agent' "
        u"GROUP BY m.id"_s.arg(soldList()),
        {goodsId, since});
    if (!rows)
        return rows.error();
    QList<Reseller> out;
    for (const QVariantList& r : *rows) {
        Reseller s{r.value(0).toLongLong(),
                   r.value(1).toString(),
                   r.value(2).toString(),
                   r.value(3).toLongLong(),
                   false,
                   r.value(4).toLongLong(),
                   r.value(5).toLongLong()};
        s.middleOrHigh =
            !lowestRank.isNull() && !r.value(2).toString().isEmpty() && s.tierRank > lowestRank.toLongLong();
        out.append(s);
    }
    std::sort(out.begin(), out.end(), [](const Reseller& a, const Reseller& b) {
        if (a.middleOrHigh != b.middleOrHigh)
            return a.middleOrHigh;
        if (a.units != b.units)
            return a.units > b.units;
        return a.memberId < b.memberId;
    });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

} // namespace cardops::storage::stockalerts
