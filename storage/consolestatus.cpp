#include "storage/consolestatus.h"

#include "storage/counters.h"
#include "storage/platformcache.h"
#include "storage/readsession.h"
#include "storage/supply.h"

using namespace Qt::StringLiterals;

namespace cardops::storage::consolestatus {

core::Result<ConsoleStatus> read(const ReadSession& session)
{
    ConsoleStatus status;
    auto counts = counters::readAll(session);
    if (!counts)
        return counts.error();
    status.counters = std::move(counts).value();
    // Goods that sell below their supplier's cost: a join over the linked goods (a partial index).
    auto negative = supply::negativeMarginCount(session);
    if (!negative)
        return negative.error();
    status.counters.insert(counters::NegativeMargin, negative.value());
    auto state = session.select(u"SELECT key, value FROM sync_state WHERE key IN (?, ?, ?, ?, ?)"_s,
                                {statekeys::ShopName, statekeys::LastError, statekeys::LastRoundAt,
                                 statekeys::LeaseHolder, statekeys::LeaseExpiresAt});
    if (!state)
        return state.error();
    for (const QVariantList& row : *state) {
        const QString key = row.value(0).toString();
        const QString value = row.value(1).toString();
        if (key == statekeys::ShopName)
            status.shopName = value;
        else if (key == statekeys::LastError)
            status.lastError = value;
        else if (key == statekeys::LastRoundAt)
            status.lastRoundAt = value.toLongLong();
        else if (key == statekeys::LeaseHolder)
            status.leaseHolder = value;
        else if (key == statekeys::LeaseExpiresAt)
            status.leaseExpiresAt = value.toLongLong();
    }
    // Both counts walk small indexes (outbox_state, conflicts_open).
    auto outbox =
        session.select(u"SELECT (SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'conflict', "
                       u"'failed')), (SELECT COUNT(*) FROM conflicts WHERE resolved_at = 0)"_s);
    if (!outbox)
        return outbox.error();
    if (!outbox->isEmpty()) {
        status.pendingEdits = outbox->first().value(0).toLongLong();
        status.openConflicts = outbox->first().value(1).toLongLong();
    }
    return status;
}

core::Result<QList<FeedDiagnostics>> feeds(const ReadSession& session)
{
    QList<FeedDiagnostics> out;
    for (const core::Feed feed : core::kAllFeeds) {
        const QString name = QString::fromLatin1(core::feedName(feed));
        // Feed names are the table names of the cache (docs/storage.md).
        auto rows =
            session.select(u"SELECT c.cursor, c.backfill_before, c.backfill_done, c.items, c.updated_at, "
                           u"(SELECT COUNT(*) FROM "_s +
                               name + u") FROM (SELECT 1) LEFT JOIN sync_cursors c ON c.feed = ?"_s,
                           {name});
        if (!rows)
            return rows.error();
        FeedDiagnostics d;
        d.feed = feed;
        if (!rows->isEmpty()) {
            const QVariantList& row = rows->first();
            d.cursor = row.value(0).toString();
            d.backfillBefore = row.value(1).toString();
            d.backfillDone = row.value(2).toLongLong() != 0;
            d.received = row.value(3).toLongLong();
            d.updatedAt = row.value(4).toLongLong();
            d.cached = row.value(5).toLongLong();
        }
        out.append(d);
    }
    return out;
}

} // namespace cardops::storage::consolestatus
