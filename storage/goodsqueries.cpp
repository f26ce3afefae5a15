#include "storage/goodsqueries.h"

#include "core/money.h"
#include "storage/goodslinks_p.h"
#include "storage/listqueries.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::storage::goodsqueries {
namespace {

using core::ErrorCode;
using core::makeError;

QString likeContains(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

struct Predicate
{
    QString sql; // " WHERE …" over the bare goods table, or empty
    QVariantList binds;
};

Predicate predicateFor(const GoodsQuery& q, bool withCategory)
{
    QStringList terms = {u"deleted = 0"_s}; // deleted on the platform (docs/sync.md "Tombstones")
    QVariantList binds;
    if (withCategory && q.categoryId > 0) {
        // The subtree is a handful of ids; each is a seek on goods_category.
        terms << u"category_id IN (WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT c.id FROM categories c "
                 u"JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)"_s;
        binds << q.categoryId;
    }
    const QString search = q.search.trimmed();
    if (!search.isEmpty()) {
        // The links' text must hold the search before their JSON is parsed: most goods never are.
        terms << u"(name LIKE ? ESCAPE '\\' OR (sku >= ? AND sku < ?) OR (supplier_links LIKE ? ESCAPE '\\' "
                 u"AND "
                 u"json_valid(supplier_links) AND EXISTS (SELECT 1 FROM json_each(supplier_links) l "
                 u"WHERE CAST(json_extract(l.value, '$.product_ref') AS TEXT) LIKE ? ESCAPE '\\')))"_s;
        binds << likeContains(search) << search << lists::prefixUpperBound(search) << likeContains(search)
              << likeContains(search);
    }
    if (q.owner != GoodsOwner::Any) {
        terms << u"fulfilment_owner = ?"_s;
        binds << (q.owner == GoodsOwner::Cardops ? u"cardops"_s : u"platform"_s);
    }
    if (q.status != GoodsStatus::Any) {
        terms << u"status = ?"_s;
        binds << (q.status == GoodsStatus::On ? u"on"_s : u"off"_s);
    }
    if (q.stock == GoodsStock::Low)
        terms << u"stock_available < low_stock_threshold"_s;
    if (q.link == GoodsLink::Linked)
        terms << u"supplier_links <> '[]'"_s;
    else if (q.link == GoodsLink::Unlinked)
        terms << u"supplier_links = '[]'"_s;
    return {terms.isEmpty() ? QString() : u" WHERE "_s + terms.join(u" AND "_s), binds};
}

// The ORDER BY of a window over the bare table (prefix "" ) or the joined row (prefix "t.").
QString orderBy(const GoodsQuery& q, const QString& prefix)
{
    const QString dir = q.descending ? u" DESC"_s : u" ASC"_s;
    QStringList keys;
    switch (q.sort) {
    case GoodsSort::Catalogue:
        keys << u"category_id"_s << u"sort"_s;
        break;
    case GoodsSort::Id:
        break;
    case GoodsSort::Sku:
        keys << u"sku"_s;
        break;
    case GoodsSort::Name:
        keys << u"name"_s;
        break;
    case GoodsSort::Price:
        keys << u"price"_s;
        break;
    case GoodsSort::Stock:
        keys << u"stock_available"_s;
        break;
    }
    keys << u"id"_s; // ties fall back to the id: the order is total, windows never overlap
    for (QString& k : keys)
        k = prefix + k + dir;
    return keys.join(u", "_s);
}

using Link = detail::GoodsLink;

QList<TierPrice> tierPrices(const QString& json, const QHash<qint64, QString>& tierNames)
{
    QList<TierPrice> out;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        bool ok = false;
        const qint64 tier = it.key().toLongLong(&ok);
        if (!ok)
            continue;
        const QJsonValue v = it.value();
        auto money = core::Money::parse(v.isString() ? v.toString() : v.toVariant().toString());
        if (!money)
            continue;
        out.append({tier, tierNames.value(tier), money->units()});
    }
    std::sort(out.begin(), out.end(),
              [](const TierPrice& a, const TierPrice& b) { return a.tierId < b.tierId; });
    return out;
}

struct Supplied
{
    QString supplierId;
    std::optional<qint64> cost;
};

// The mirrored product of each (protocol, ref): the supplier of that protocol listing it (listed
// first, then by supplier id), else the first supplier of the protocol without a product.
core::Result<QHash<QString, Supplied>> supplied(const ReadSession& session, const QList<Link>& links)
{
    QHash<QString, Supplied> out;
    if (links.isEmpty())
        return out;
    QStringList marks;
    QVariantList binds;
    for (const Link& l : links) {
        marks << u"?"_s;
        binds << l.ref;
    }
    auto products =
        session.select(u"SELECT s.protocol, p.product_id, p.supplier_id, p.cost FROM supplier_products p "
                       u"JOIN supplier_status s ON s.supplier_id = p.supplier_id "
                       u"WHERE p.product_id IN ("_s +
                           marks.join(u","_s) + u") ORDER BY p.listed DESC, p.supplier_id"_s,
                       binds);
    if (!products)
        return products.error();
    for (const QVariantList& r : *products) {
        const QString key = r.value(0).toString() + u'\n' + r.value(1).toString();
        if (!out.contains(key))
            out.insert(key, {r.value(2).toString(),
                             r.value(3).isNull() ? std::nullopt : std::optional(r.value(3).toLongLong())});
    }
    auto suppliers =
        session.select(u"SELECT protocol, supplier_id FROM supplier_status ORDER BY supplier_id"_s);
    if (!suppliers)
        return suppliers.error();
    QHash<QString, QString> firstOfProtocol;
    for (const QVariantList& r : *suppliers)
        if (!firstOfProtocol.contains(r.value(0).toString()))
            firstOfProtocol.insert(r.value(0).toString(), r.value(1).toString());
    for (const Link& l : links) {
        const QString key = l.protocol + u'\n' + l.ref;
        if (!out.contains(key))
            out.insert(key, {firstOfProtocol.value(l.protocol), std::nullopt});
    }
    return out;
}

} // namespace

QStringList soldStatuses()
{
    return {u"paid"_s, u"handed_over"_s, u"delivering"_s, u"delivered"_s, u"review"_s};
}

std::optional<qint64> daysOfStock(qint64 stock, qint64 sales7)
{
    if (sales7 <= 0)
        return std::nullopt;
    return std::max<qint64>(stock, 0) * 7 / sales7;
}

core::Result<QList<GoodsCategory>> categories(const ReadSession& session)
{
    auto rows = session.select(u"SELECT id, parent_id, name, sort FROM categories WHERE deleted = 0 "
                               u"ORDER BY parent_id, sort, id"_s);
    if (!rows)
        return rows.error();
    QList<GoodsCategory> out;
    for (const QVariantList& r : *rows)
        out.append(
            {r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toString(), r.value(3).toInt(), 0});
    return out;
}

QString countSql(const GoodsQuery& query, QVariantList* binds)
{
    const Predicate all = predicateFor(query, false);
    *binds = all.binds;
    return u"SELECT category_id, COUNT(*) FROM goods"_s + all.sql + u" GROUP BY category_id"_s;
}

core::Result<GoodsCounts> counts(const ReadSession& session, const GoodsQuery& query)
{
    // One pass groups the filter by category; without a category the query's count is their sum.
    QVariantList binds;
    auto rows = session.select(countSql(query, &binds), binds);
    if (!rows)
        return rows.error();
    GoodsCounts out;
    for (const QVariantList& r : *rows)
        out.perCategory.insert(r.value(0).toLongLong(), r.value(1).toLongLong());
    if (query.categoryId <= 0) {
        for (qint64 n : std::as_const(out.perCategory))
            out.total += n;
        return out;
    }
    const Predicate sub = predicateFor(query, true);
    auto total = session.select(u"SELECT COUNT(*) FROM goods"_s + sub.sql, sub.binds);
    if (!total)
        return total.error();
    out.total = total->isEmpty() ? 0 : total->first().value(0).toLongLong();
    return out;
}

QString windowSql(const GoodsQuery& query, QVariantList* binds)
{
    const Predicate where = predicateFor(query, true);
    *binds = where.binds;
    return u"SELECT id FROM goods"_s + where.sql + u" ORDER BY "_s + orderBy(query, {}) +
           u" LIMIT ? OFFSET ?"_s;
}

core::Result<QList<qint64>> matchingIds(const ReadSession& session, const GoodsQuery& query)
{
    QVariantList binds;
    const QString sql = windowSql(query, &binds);
    binds << -1 << 0;
    auto rows = session.select(sql, binds);
    if (!rows)
        return rows.error();
    QList<qint64> out;
    out.reserve(rows->size());
    for (const QVariantList& r : *rows)
        out.append(r.value(0).toLongLong());
    return out;
}

QString pageSql(const GoodsQuery& query, QVariantList* binds)
{
    QVariantList window;
    const QString windowed = windowSql(query, &window);
    // The window's ids first (the sort touches only the key columns), then only its rows are joined
    // and their sales summed, each a range of orders_goods (goods_id, created_at).
    const QString statuses = u"'"_s + soldStatuses().join(u"','"_s) + u"'"_s;
    *binds = {query.now - SalesWindowSeconds, query.now};
    *binds << window;
    return u"SELECT t.id, t.sku, t.name, COALESCE(c.name, ''), t.price, t.tier_prices, t.cost, "
           u"t.stock_available, "
           u"t.low_stock_threshold, t.fulfilment_owner, t.status, t.supplier_links, "
           u"(SELECT COALESCE(SUM(o.quantity), 0) FROM orders o WHERE o.goods_id = t.id AND o.created_at >= "
           u"? "
           u"AND o.created_at < ? AND o.status IN ("_s +
           statuses + u")) FROM ("_s + windowed +
           u") AS w JOIN goods t ON t.id = w.id LEFT JOIN categories c ON c.id = t.category_id ORDER BY "_s +
           orderBy(query, u"t."_s);
}

core::Result<QList<GoodsRow>> page(const ReadSession& session, const GoodsQuery& query, qint64 offset,
                                   int limit)
{
    if (offset < 0 || limit <= 0)
        return makeError(ErrorCode::InvalidArgument, u"bad window"_s);
    QVariantList all;
    const QString sql = pageSql(query, &all);
    all << limit << offset;
    auto rows = session.select(sql, all);
    if (!rows)
        return rows.error();

    QHash<qint64, QString> tierNames;
    if (auto tiers = session.select(u"SELECT id, name FROM tiers"_s); tiers)
        for (const QVariantList& r : *tiers)
            tierNames.insert(r.value(0).toLongLong(), r.value(1).toString());
    else
        return tiers.error();

    QList<std::optional<Link>> links;
    QList<Link> wanted;
    for (const QVariantList& r : *rows) {
        links.append(detail::firstGoodsLink(r.value(11).toString()));
        if (links.back())
            wanted.append(*links.back());
    }
    auto products = supplied(session, wanted);
    if (!products)
        return products.error();

    QList<GoodsRow> out;
    out.reserve(rows->size());
    for (qsizetype i = 0; i < rows->size(); ++i) {
        const QVariantList& r = rows->at(i);
        GoodsRow g;
        g.id = r.value(0).toLongLong();
        g.sku = r.value(1).toString();
        g.name = r.value(2).toString();
        g.category = r.value(3).toString();
        g.price = r.value(4).toLongLong();
        g.tierPrices = tierPrices(r.value(5).toString(), tierNames);
        g.cost = r.value(6).toLongLong();
        g.stock = r.value(7).toLongLong();
        g.lowStockThreshold = r.value(8).toLongLong();
        g.lowStock = g.stock < g.lowStockThreshold;
        g.owner = r.value(9).toString();
        g.status = r.value(10).toString();
        g.sales7 = r.value(12).toLongLong();
        g.daysOfStock = daysOfStock(g.stock, g.sales7);
        if (const auto& link = links[i]) {
            const Supplied s = products->value(link->protocol + u'\n' + link->ref);
            g.supplier = s.supplierId.isEmpty() ? link->protocol : s.supplierId;
            g.supplierProduct = link->ref;
            if (s.cost) {
                g.cost = *s.cost;
                g.costFromSupplier = true;
            }
        }
        g.margin = g.price - g.cost;
        out.append(std::move(g));
    }
    return out;
}

} // namespace cardops::storage::goodsqueries
