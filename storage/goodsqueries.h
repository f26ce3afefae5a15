#pragma once

#include "core/result.h"
#include "storage/readsession.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace cardops::storage {

// The goods page's reads (docs/goods.md, "Goods page"): a filter over the catalogue, its count and
// per-category counts, windows of rows by position, and per-row figures computed only for the rows
// of the window (tier prices, supply cost, margin, 7-day sales, days of stock left). The goods
// table is bounded (10,000–100,000 rows), so a window may sort the filtered ids in SQL; the costly
// figures are never computed for the whole table. Pure functions over a ReadSession; money in
// units of 1/10000 yuan.

enum class GoodsOwner { Any, Platform, Cardops };
enum class GoodsStatus { Any, On, Off };
enum class GoodsStock { Any, Low };
enum class GoodsLink { Any, Linked, Unlinked };
// Catalogue = the platform's order (category, sort, id) on the goods_category index.
enum class GoodsSort { Catalogue, Id, Sku, Name, Price, Stock };

struct GoodsQuery
{
    qint64 categoryId = 0; // 0 = every category; else the category and its subtree
    // Part of the name, a SKU prefix, or part of a linked supplier's product id.
    QString search;
    GoodsOwner owner = GoodsOwner::Any;
    GoodsStatus status = GoodsStatus::Any;
    GoodsStock stock = GoodsStock::Any; // Low: stock_available < low_stock_threshold
    GoodsLink link = GoodsLink::Any;    // Linked: at least one supplier link
    GoodsSort sort = GoodsSort::Catalogue;
    bool descending = false;
    qint64 now = 0; // unix seconds: the 7-day sales window is [now - 7 days, now)

    bool operator==(const GoodsQuery&) const = default;
};

struct GoodsCategory
{
    qint64 id = 0;
    qint64 parentId = 0; // 0 = top level
    QString name;
    int sort = 0;
    qint64 goods = 0; // goods directly in this category (not its subtree) matching the filter
};

struct TierPrice
{
    qint64 tierId = 0;
    QString tierName; // empty when the tier is not in the cache
    qint64 price = 0;
};

// One row of the page. Cost is the mirrored cost of the first supplier link (lowest priority,
// then link order) when the mirror holds it, else the platform's own cost field.
struct GoodsRow
{
    qint64 id = 0;
    QString sku;
    QString name;
    QString category;
    qint64 price = 0;
    QList<TierPrice> tierPrices; // by tier id
    qint64 cost = 0;
    bool costFromSupplier = false;
    qint64 margin = 0; // price - cost
    qint64 stock = 0;
    qint64 lowStockThreshold = 0;
    bool lowStock = false;
    qint64 sales7 = 0;                 // units of paid orders in the last 7 days
    std::optional<qint64> daysOfStock; // stock / (sales7 / 7), floor; unset without sales
    QString owner;                     // "platform" or "cardops"
    QString status;                    // "on" or "off"
    QString supplier;                  // the first link's supplier id (else its protocol); empty unlinked
    QString supplierProduct;           // the first link's product id
};

struct GoodsCounts
{
    qint64 total = 0;                  // rows the query matches
    QHash<qint64, qint64> perCategory; // category id → matching goods directly in it (category ignored)
};

namespace goodsqueries {

inline constexpr qint64 SalesWindowSeconds = 7 * 86400;

// Order statuses whose quantity counts as sold (paid and not refunded or cancelled).
QStringList soldStatuses();

// Every category, by parent, sort and id, with `goods` = 0.
core::Result<QList<GoodsCategory>> categories(const ReadSession& session);
// The query's count and the per-category counts of the same filter without its category.
core::Result<GoodsCounts> counts(const ReadSession& session, const GoodsQuery& query);
// Rows [offset, offset + limit) of the query's order, figures computed for those rows only.
core::Result<QList<GoodsRow>> page(const ReadSession& session, const GoodsQuery& query, qint64 offset,
                                   int limit);
// Every goods id the query matches, in its order (a bulk operation over the filter).
core::Result<QList<qint64>> matchingIds(const ReadSession& session, const GoodsQuery& query);
// The SQL of a window's ids, and of a page (its rows with their figures); `binds` gets the
// positional values except the trailing LIMIT and OFFSET. For query plans and baselines.
QString windowSql(const GoodsQuery& query, QVariantList* binds);
QString pageSql(const GoodsQuery& query, QVariantList* binds);
// The per-category count of the query's filter without its category (the first read of counts()).
QString countSql(const GoodsQuery& query, QVariantList* binds);
// Days of stock left at a 7-day sales figure: floor(stock × 7 / sales7); unset when sales7 <= 0.
std::optional<qint64> daysOfStock(qint64 stock, qint64 sales7);

} // namespace goodsqueries
} // namespace cardops::storage
