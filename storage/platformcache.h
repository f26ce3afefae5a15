#pragma once

#include "core/platformtypes.h"
#include "core/result.h"

#include <QList>
#include <QString>

namespace cardops::storage {

class ReadSession;
class WriteContext;

// Where a feed page sits: the cursor to store with it, in the same transaction.
// The cursor moves only from the position the page was requested at (`from`) to `nextCursor`: a
// page whose predecessor did not commit is refused (Conflict) instead of skipping it.
struct PageCursor
{
    core::Feed feed = core::Feed::Orders;
    QString nextCursor;
    bool hasMore = false;
    bool backfill = false; // a newest-first history page: nextCursor is the next `before`
    QString from;
};

struct IngestStats
{
    qint64 inserted = 0;
    qint64 updated = 0;
    qint64 stale = 0;     // not newer than the cached version (duplicated or out-of-order pages)
    qint64 preserved = 0; // entities whose fields with a pending local edit were kept
    qint64 deleted = 0;   // tombstones applied (docs/sync.md "Tombstones"); not in inserted/updated
};

struct FeedCursorState
{
    QString cursor;         // forward position; empty = from the start
    QString backfillBefore; // newest-first history position
    bool backfillStarted = false;
    bool backfillDone = false;
    qint64 items = 0; // entities received on this feed so far
};

// The platform cache: upserts from feed pages (only newer versions; fields with a pending local
// edit are kept; a tombstone marks, cancels or removes the entity as docs/sync.md "Tombstones" says), the
// cursor of each feed committed with its page, the tier ladder, the platform's daily totals, and a small
// key-value state (shop name, clock offset, last round). Counters are kept in the same transaction.
namespace platformcache {

core::Result<IngestStats> ingestCategories(WriteContext& ctx, const QList<core::Category>& items,
                                           const PageCursor& at);
core::Result<IngestStats> ingestGoods(WriteContext& ctx, const QList<core::Goods>& items,
                                      const PageCursor& at);
core::Result<IngestStats> ingestMembers(WriteContext& ctx, const QList<core::Member>& items,
                                        const PageCursor& at);
core::Result<IngestStats> ingestOrders(WriteContext& ctx, const QList<core::Order>& items,
                                       const PageCursor& at);
core::Result<IngestStats> ingestLedger(WriteContext& ctx, const QList<core::LedgerEntry>& items,
                                       const PageCursor& at);
core::Result<IngestStats> ingestWithdrawals(WriteContext& ctx, const QList<core::Withdrawal>& items,
                                            const PageCursor& at);

// The same upsert for entities the platform returned outside a feed (the answer to a PATCH): no
// cursor moves.
core::Result<IngestStats> applyCategories(WriteContext& ctx, const QList<core::Category>& items);
core::Result<IngestStats> applyGoods(WriteContext& ctx, const QList<core::Goods>& items);
core::Result<IngestStats> applyMembers(WriteContext& ctx, const QList<core::Member>& items);

// A newest-first first sync: the forward cursor starts at `headCursor` (everything after the
// snapshot) while history is pulled backwards from the newest.
core::Result<void> startBackfill(WriteContext& ctx, core::Feed feed, const QString& headCursor);

// Replaces the ladder when `ladder.version` is newer than the cached one; false when it was not.
core::Result<bool> replaceTiers(WriteContext& ctx, const core::TierLadder& ladder);
core::Result<void> storeDailyTotals(WriteContext& ctx, const QList<core::DailyTotal>& totals);
core::Result<void> setState(WriteContext& ctx, const QString& key, const QString& value);

core::Result<FeedCursorState> cursor(const ReadSession& read, core::Feed feed);
core::Result<QString> state(const ReadSession& read, const QString& key);
core::Result<qint64> tierLadderVersion(const ReadSession& read);

} // namespace platformcache

namespace statekeys {
inline const QString ShopName = QStringLiteral("shop.name");
inline const QString ShopCapabilities = QStringLiteral("shop.capabilities");
inline const QString ClockOffset = QStringLiteral("clock.offset_ms");
inline const QString LastRoundAt = QStringLiteral("sync.last_round_at");
inline const QString LastError = QStringLiteral("sync.last_error");
inline const QString LeaseHolder = QStringLiteral("lease.holder");
inline const QString LeaseExpiresAt = QStringLiteral("lease.expires_at");
inline const QString TierLadderVersion = QStringLiteral("tiers.version");
inline const QString DailyHistoryDone =
    QStringLiteral("daily.history_done"); // "1" once the long range is stored
} // namespace statekeys

} // namespace cardops::storage
