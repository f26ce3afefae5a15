#pragma once

#include "core/platformtypes.h"
#include "core/result.h"

#include <QHash>
#include <QList>
#include <QVariantList>

namespace cardops::storage {

class WriteContext;

// The rollups of paid orders (schema v13, docs/dashboard.md "Rollups"): per business day × goods ×
// member kind (`rollup_goods_day`), per day × hour × kind (`rollup_hours`) and per day × member
// (`rollup_member_day`). The orders and members ingest keeps them in the page's own transaction by
// taking the changing rows' contribution out before it writes them and putting it back after, so
// they equal the raw GROUP BY over `orders` at every commit, whatever changed (status, refund,
// member kind). Rows whose measures all fell to 0 may stay; readers filter `orders > 0`.
namespace rollups {

// The contribution of the orders `ids` as they are cached now: -1 takes it out, +1 puts it in.
core::Result<void> applyOrders(WriteContext& ctx, const QList<qint64>& ids, int sign);
// The same for every cached order of the members `memberIds`, in the two tables keyed by member
// kind (a member whose kind changes; `rollup_member_day` does not depend on the kind).
core::Result<void> applyMembersOrders(WriteContext& ctx, const QList<qint64>& memberIds, int sign);

// What a page will change, from the cached rows the ingest read (id → version first, then
// `kind` for members) before it writes anything. An item is written when its version is newer
// than the cache and than every earlier item of the page with its id.
struct OrdersChange
{
    QList<qint64> cached;  // written orders that are cached now: their contribution leaves first
    QList<qint64> written; // every order the page writes: its contribution comes back after
};
OrdersChange ordersChange(const QList<core::Order>& items, const QHash<qint64, QVariantList>& cached);
// The members whose kind as stored after the page differs from the kind their orders are rolled
// up under now (their cached kind, or '' for a member not cached yet).
QList<qint64> kindChanges(const QList<core::Member>& items, const QHash<qint64, QVariantList>& cached);

} // namespace rollups
} // namespace cardops::storage
