#pragma once

#include "core/result.h"
#include "storage/readsession.h"

#include <QList>
#include <QString>
#include <optional>

namespace cardops::storage {

class WriteContext;

// The suppliers as last seen (balance, catalogue) mirrored in the cache, and the platform goods
// linked to them. Money in units of 1/10000 yuan. Write functions run inside a writer job; reads
// on any ReadSession. Tables: supplier_status, supplier_products (and goods for the links).
namespace supply {

inline constexpr qint64 kDefaultLowBalanceThreshold = 1'000'000; // 100 yuan

struct SupplierStatus
{
    QString supplierId;            // the profile's supplier id
    QString protocol;              // core::kProtocolAcgFaka or core::kProtocolFulu
    std::optional<qint64> balance; // the last balance read; kept when a later check fails
    QString accountName;
    qint64 checkedAt = 0; // the last check, whether it succeeded or not
    QString lastError;    // English detail of the last check; empty when it succeeded
    qint64 lowBalanceThreshold = 0;
    qint64 productCount = 0; // products in the mirror
    qint64 balanceAt = 0;    // when `balance` was read
    // An unknown balance is not low: nothing is known to be short.
    bool balanceLow() const { return balance && *balance < lowBalanceThreshold; }
};

struct MirroredProduct
{
    QString supplierId;
    QString productId; // acg-faka code, Fulu product_id
    QString name;
    std::optional<qint64> cost;
    QString stockLevel; // "plenty", "low", "out", "unknown"
    std::optional<qint64> stock;
    bool onSale = true;
    qint64 refreshedAt = 0;
};

// One supplier link of a platform goods joined to the mirrored product it points at. The
// product's fields are empty (cost, margin unset) when the mirror does not hold it.
struct LinkedGoodsRow
{
    qint64 goodsId = 0;
    QString goodsName;
    QString sku;
    qint64 price = 0;
    QString protocol;
    QString productRef;
    int priority = 1;
    QString supplierId; // the profile supplier of that protocol; empty when there is none
    QString productName;
    std::optional<qint64> cost;
    QString stockLevel;
    bool onSale = true;
    std::optional<qint64> margin; // price - cost
};

// A successful check: the balance and account name, the error cleared. Creates the supplier's row
// (default threshold) on first sight. Keeps the 上游余额不足 counter.
core::Result<void> recordBalance(WriteContext& ctx, const QString& supplierId, const QString& protocol,
                                 qint64 balance, const QString& accountName, qint64 at);
// A failed check: the error noted, the last balance and the mirror kept as they were.
core::Result<void> recordError(WriteContext& ctx, const QString& supplierId, const QString& protocol,
                               const QString& error, qint64 at);
// InvalidArgument for a negative threshold. Creates the row when the supplier was never checked.
core::Result<void> setLowBalanceThreshold(WriteContext& ctx, const QString& supplierId, qint64 threshold);
// Upserts the listed products (their supplierId is taken from the argument); products of the
// supplier that are no longer listed stay in the mirror, marked off sale.
core::Result<void> mirrorCatalogue(WriteContext& ctx, const QString& supplierId,
                                   const QList<MirroredProduct>& products, qint64 at);
// Drops a supplier that left the profile: its status, its mirror, its share of the counter.
core::Result<void> removeSupplier(WriteContext& ctx, const QString& supplierId);

// Every supplier with a status row, by supplier id.
core::Result<QList<SupplierStatus>> statuses(const ReadSession& session);
// The mirror of one supplier, by product id.
core::Result<QList<MirroredProduct>> products(const ReadSession& session, const QString& supplierId);
// One row per supplier link of a goods: negative margins first, then by goods id and priority.
// `search` (may be empty) matches goods name, SKU, product ref or product name. At most `limit`.
core::Result<QList<LinkedGoodsRow>> linkedGoods(const ReadSession& session, const QString& search, int limit);
// Goods with at least one link whose mirrored cost is above the goods price.
core::Result<qint64> negativeMarginCount(const ReadSession& session);

} // namespace supply
} // namespace cardops::storage
