#pragma once

#include "core/result.h"
#include "storage/entitytables_p.h"

#include <QHash>
#include <QList>
#include <QVariantList>

namespace cardops::storage {

class WriteContext;

// Feed tombstones in the cache (docs/sync.md "Tombstones"), for the ingest of platformcache.cpp.
namespace tombstones {

enum class Mode {
    MarkOff, // categories, goods: status 'off' and deleted = 1, the row stays
    Mark,    // members: deleted = 1, the row stays (orders and the ledger name them)
    Cancel,  // orders: status 'cancelled', the row stays (finance and rollups stay whole)
    Remove,  // ledger entries, withdrawals: the row leaves the cache
};
Mode modeOf(const detail::EntityTable& t);

// The upsert of a full entity: the table's, and a Mark/MarkOff table's row is live again.
QString upsertSql(const detail::EntityTable& t);

// The versions of tombstones kept for `ids` whose rows are not cached (removed or never seen).
core::Result<QHash<qint64, qint64>> keptVersions(WriteContext& ctx, const detail::EntityTable& t,
                                                 const QList<qint64>& ids);

// Applies a tombstone to the cached row `id` as its table's mode says. `lookup` are the columns
// the ingest tracks (version first) and `row` their cached values: they come back as stored now
// (an empty list for a removed row).
core::Result<QVariantList> apply(WriteContext& ctx, const detail::EntityTable& t, const QStringList& lookup,
                                 QVariantList row, qint64 id, qint64 version, qint64 updatedAt);

// Keeps the version of a tombstone whose row is not cached.
core::Result<void> keep(WriteContext& ctx, const detail::EntityTable& t, qint64 id, qint64 version,
                        qint64 updatedAt);

} // namespace tombstones
} // namespace cardops::storage
