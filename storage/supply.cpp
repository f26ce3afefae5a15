#include "storage/supply.h"

#include "storage/counters.h"
#include "storage/writecontext.h"

using namespace Qt::StringLiterals;

namespace cardops::storage::supply {

namespace {

using core::ErrorCode;
using core::makeError;

const QString kStatusTable = u"supplier_status"_s;
const QString kProductsTable = u"supplier_products"_s;

QVariant optionalInt(const std::optional<qint64>& v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<qint64>());
}

QString nonNull(const QString& s)
{
    return s.isNull() ? u""_s : s;
}

QString likeContains(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

// Whether the supplier counts as 上游余额不足 now; false when it has no row.
core::Result<bool> isLow(WriteContext& ctx, const QString& supplierId)
{
    auto rows = ctx.select(u"SELECT balance IS NOT NULL AND balance < low_balance_threshold "
                           u"FROM supplier_status WHERE supplier_id = ?"_s,
                           {supplierId});
    if (!rows)
        return rows.error();
    return !rows->isEmpty() && rows->first().value(0).toBool();
}

// Runs `change` and moves the counter by the difference it made to the supplier's low flag, so
// the counter equals the number of low suppliers after every committed job.
template<typename Change>
core::Result<void> keepingCounter(WriteContext& ctx, const QString& supplierId, Change change)
{
    auto before = isLow(ctx, supplierId);
    if (!before)
        return before.error();
    if (auto r = change(); !r)
        return r;
    auto after = isLow(ctx, supplierId);
    if (!after)
        return after.error();
    ctx.touch(kStatusTable);
    const int delta = (after.value() ? 1 : 0) - (before.value() ? 1 : 0);
    return delta == 0 ? core::Result<void>() : ctx.addToCounter(counters::SupplierBalanceLow, delta);
}

core::Result<void> requireId(const QString& supplierId)
{
    if (supplierId.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"a supplier id is required"_s);
    return {};
}

// One row per link of a linked goods: the link's protocol ("acgfaka" read as "acg-faka", as older
// platforms write it) and product, the profile supplier that mirrors that product (else the first
// supplier of the protocol), and the mirrored product. Binds: the search pattern four times when
// `searching`.
QString linkRowsSql(bool searching)
{
    QString sql = uR"(WITH links AS (
        SELECT g.id AS goods_id, g.name AS goods_name, g.sku AS sku, g.price AS price,
               CASE json_extract(l.value, '$.protocol') WHEN 'acgfaka' THEN 'acg-faka'
                    ELSE CAST(json_extract(l.value, '$.protocol') AS TEXT) END AS protocol,
               CAST(json_extract(l.value, '$.product_ref') AS TEXT) AS ref,
               COALESCE(CAST(json_extract(l.value, '$.priority') AS INTEGER), 1) AS priority
        FROM goods g, json_each(CASE WHEN json_valid(g.supplier_links) THEN g.supplier_links
                                     ELSE '[]' END) l
        WHERE g.supplier_links <> '[]' AND l.type = 'object'),
    matched AS (
        SELECT links.*, COALESCE(
            (SELECT p.supplier_id FROM supplier_products p
                JOIN supplier_status s ON s.supplier_id = p.supplier_id
                WHERE p.product_id = links.ref AND s.protocol = links.protocol
                ORDER BY p.listed DESC, p.supplier_id LIMIT 1),
            (SELECT s.supplier_id FROM supplier_status s WHERE s.protocol = links.protocol
                ORDER BY s.supplier_id LIMIT 1), '') AS supplier_id
        FROM links)
    SELECT m.goods_id, m.goods_name, m.sku, m.price, m.protocol, m.ref, m.priority, m.supplier_id,
           p.name, p.cost, p.stock_level, p.on_sale, m.price - p.cost AS margin
    FROM matched m
    LEFT JOIN supplier_products p ON p.supplier_id = m.supplier_id AND p.product_id = m.ref)"_s;
    if (searching)
        sql += uR"( WHERE m.goods_name LIKE ? ESCAPE '\' OR m.sku LIKE ? ESCAPE '\'
                     OR m.ref LIKE ? ESCAPE '\' OR p.name LIKE ? ESCAPE '\')"_s;
    return sql;
}

} // namespace

core::Result<void> recordBalance(WriteContext& ctx, const QString& supplierId, const QString& protocol,
                                 qint64 balance, const QString& accountName, qint64 at)
{
    if (auto ok = requireId(supplierId); !ok)
        return ok;
    return keepingCounter(ctx, supplierId, [&]() -> core::Result<void> {
        auto r = ctx.exec(u"INSERT INTO supplier_status (supplier_id, protocol, balance, account_name, "
                          u"checked_at, balance_at, last_error) VALUES (?, ?, ?, ?, ?, ?, '') "
                          u"ON CONFLICT (supplier_id) DO UPDATE SET protocol = excluded.protocol, "
                          u"balance = excluded.balance, account_name = excluded.account_name, "
                          u"checked_at = excluded.checked_at, balance_at = excluded.balance_at, "
                          u"last_error = ''"_s,
                          {supplierId, nonNull(protocol), balance, nonNull(accountName), at, at});
        if (!r)
            return r.error();
        // The balance log (finance reconciliation): a row whenever the balance moved since the last one.
        auto logged = ctx.exec(u"INSERT OR IGNORE INTO supplier_balance_log (supplier_id, at, balance) "
                               u"SELECT ?, ?, ? WHERE ? IS NOT (SELECT balance FROM supplier_balance_log "
                               u"WHERE supplier_id = ? ORDER BY at DESC LIMIT 1)"_s,
                               {supplierId, at, balance, balance, supplierId});
        return logged ? core::Result<void>() : core::Result<void>(logged.error());
    });
}

core::Result<void> recordError(WriteContext& ctx, const QString& supplierId, const QString& protocol,
                               const QString& error, qint64 at)
{
    if (auto ok = requireId(supplierId); !ok)
        return ok;
    // The balance is untouched, so the low flag cannot change; an error is never empty.
    const QString text = error.isEmpty() ? u"unknown error"_s : error;
    auto r = ctx.exec(u"INSERT INTO supplier_status (supplier_id, protocol, checked_at, last_error) "
                      u"VALUES (?, ?, ?, ?) ON CONFLICT (supplier_id) DO UPDATE SET "
                      u"protocol = excluded.protocol, checked_at = excluded.checked_at, "
                      u"last_error = excluded.last_error"_s,
                      {supplierId, nonNull(protocol), at, text});
    if (!r)
        return r.error();
    ctx.touch(kStatusTable);
    return {};
}

core::Result<void> setLowBalanceThreshold(WriteContext& ctx, const QString& supplierId, qint64 threshold)
{
    if (auto ok = requireId(supplierId); !ok)
        return ok;
    if (threshold < 0)
        return makeError(ErrorCode::InvalidArgument, u"a low-balance threshold cannot be negative"_s);
    return keepingCounter(ctx, supplierId, [&]() -> core::Result<void> {
        auto r = ctx.exec(u"INSERT INTO supplier_status (supplier_id, protocol, low_balance_threshold) "
                          u"VALUES (?, '', ?) ON CONFLICT (supplier_id) DO UPDATE SET "
                          u"low_balance_threshold = excluded.low_balance_threshold"_s,
                          {supplierId, threshold});
        return r ? core::Result<void>() : core::Result<void>(r.error());
    });
}

core::Result<void> mirrorCatalogue(WriteContext& ctx, const QString& supplierId,
                                   const QList<MirroredProduct>& products, qint64 at)
{
    if (auto ok = requireId(supplierId); !ok)
        return ok;
    // Every product starts unlisted; the catalogue lists again what it still holds.
    if (auto r = ctx.exec(u"UPDATE supplier_products SET listed = 0 WHERE supplier_id = ?"_s, {supplierId});
        !r)
        return r.error();
    for (const MirroredProduct& p : products) {
        if (p.productId.isEmpty())
            return makeError(ErrorCode::InvalidArgument, u"a mirrored product needs an id"_s);
        auto r = ctx.execCached(
            u"INSERT INTO supplier_products (supplier_id, product_id, name, cost, stock_level, stock, "
            u"on_sale, listed, refreshed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?) "
            u"ON CONFLICT (supplier_id, product_id) DO UPDATE SET name = excluded.name, "
            u"cost = excluded.cost, stock_level = excluded.stock_level, stock = excluded.stock, "
            u"on_sale = excluded.on_sale, listed = 1, refreshed_at = excluded.refreshed_at"_s,
            {supplierId, p.productId, nonNull(p.name), optionalInt(p.cost),
             p.stockLevel.isEmpty() ? u"unknown"_s : p.stockLevel, optionalInt(p.stock), p.onSale ? 1 : 0,
             at});
        if (!r)
            return r.error();
    }
    if (auto r = ctx.exec(u"UPDATE supplier_products SET on_sale = 0 WHERE supplier_id = ? AND listed = 0"_s,
                          {supplierId});
        !r)
        return r.error();
    auto status = ctx.exec(u"INSERT INTO supplier_status (supplier_id, protocol) VALUES (?, '') "
                           u"ON CONFLICT (supplier_id) DO NOTHING"_s,
                           {supplierId});
    if (!status)
        return status.error();
    ctx.touch(kProductsTable);
    ctx.touch(kStatusTable);
    return {};
}

core::Result<void> removeSupplier(WriteContext& ctx, const QString& supplierId)
{
    if (auto products = ctx.exec(u"DELETE FROM supplier_products WHERE supplier_id = ?"_s, {supplierId});
        !products)
        return products.error();
    ctx.touch(kProductsTable);
    return keepingCounter(ctx, supplierId, [&]() -> core::Result<void> {
        auto r = ctx.exec(u"DELETE FROM supplier_status WHERE supplier_id = ?"_s, {supplierId});
        return r ? core::Result<void>() : core::Result<void>(r.error());
    });
}

core::Result<QList<SupplierStatus>> statuses(const ReadSession& session)
{
    auto rows = session.select(
        u"SELECT s.supplier_id, s.protocol, s.balance, s.account_name, s.checked_at, s.last_error, "
        u"s.low_balance_threshold, (SELECT count(*) FROM supplier_products p "
        u"WHERE p.supplier_id = s.supplier_id AND p.listed = 1), s.balance_at "
        u"FROM supplier_status s ORDER BY s.supplier_id"_s);
    if (!rows)
        return rows.error();
    QList<SupplierStatus> out;
    for (const QVariantList& r : *rows) {
        SupplierStatus s;
        s.supplierId = r.value(0).toString();
        s.protocol = r.value(1).toString();
        if (!r.value(2).isNull())
            s.balance = r.value(2).toLongLong();
        s.accountName = r.value(3).toString();
        s.checkedAt = r.value(4).toLongLong();
        s.lastError = r.value(5).toString();
        s.lowBalanceThreshold = r.value(6).toLongLong();
        s.productCount = r.value(7).toLongLong();
        s.balanceAt = r.value(8).toLongLong();
        out << s;
    }
    return out;
}

core::Result<QList<MirroredProduct>> products(const ReadSession& session, const QString& supplierId)
{
    auto rows =
        session.select(u"SELECT supplier_id, product_id, name, cost, stock_level, stock, on_sale, "
                       u"refreshed_at FROM supplier_products WHERE supplier_id = ? ORDER BY product_id"_s,
                       {supplierId});
    if (!rows)
        return rows.error();
    QList<MirroredProduct> out;
    for (const QVariantList& r : *rows) {
        MirroredProduct p;
        p.supplierId = r.value(0).toString();
        p.productId = r.value(1).toString();
        p.name = r.value(2).toString();
        if (!r.value(3).isNull())
            p.cost = r.value(3).toLongLong();
        p.stockLevel = r.value(4).toString();
        if (!r.value(5).isNull())
            p.stock = r.value(5).toLongLong();
        p.onSale = r.value(6).toBool();
        p.refreshedAt = r.value(7).toLongLong();
        out << p;
    }
    return out;
}

core::Result<QList<LinkedGoodsRow>> linkedGoods(const ReadSession& session, const QString& search, int limit)
{
    const QString trimmed = search.trimmed();
    QVariantList binds;
    if (!trimmed.isEmpty()) {
        const QString pattern = likeContains(trimmed);
        binds << pattern << pattern << pattern << pattern;
    }
    binds << qMax(0, limit);
    auto rows = session.select(linkRowsSql(!trimmed.isEmpty()) +
                                   u" ORDER BY (margin IS NOT NULL AND margin < 0) DESC, m.goods_id, "
                                   u"m.priority, m.ref LIMIT ?"_s,
                               binds);
    if (!rows)
        return rows.error();
    QList<LinkedGoodsRow> out;
    for (const QVariantList& r : *rows) {
        LinkedGoodsRow g;
        g.goodsId = r.value(0).toLongLong();
        g.goodsName = r.value(1).toString();
        g.sku = r.value(2).toString();
        g.price = r.value(3).toLongLong();
        g.protocol = r.value(4).toString();
        g.productRef = r.value(5).toString();
        g.priority = r.value(6).toInt();
        g.supplierId = r.value(7).toString();
        g.productName = r.value(8).toString();
        if (!r.value(9).isNull())
            g.cost = r.value(9).toLongLong();
        g.stockLevel = r.value(10).isNull() ? QString() : r.value(10).toString();
        g.onSale = r.value(11).isNull() || r.value(11).toBool();
        if (!r.value(12).isNull())
            g.margin = r.value(12).toLongLong();
        out << g;
    }
    return out;
}

core::Result<qint64> negativeMarginCount(const ReadSession& session)
{
    auto rows = session.select(u"SELECT count(DISTINCT goods_id) FROM ("_s + linkRowsSql(false) +
                               u") WHERE margin < 0"_s);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? 0 : rows->first().value(0).toLongLong();
}

} // namespace cardops::storage::supply
