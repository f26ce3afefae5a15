#pragma once

#include "core/platformtypes.h"
#include "core/result.h"

#include <QHash>
#include <QList>
#include <QString>

namespace cardops::storage {

class ReadSession;

// What the console's status bar and work bench show, read in one go from small tables (sync
// state, counters, the outbox index): cheap enough to re-read after every commit.
struct ConsoleStatus
{
    QString shopName;
    QString lastError; // the last sync round's failure, in full ("" after a clean round)
    qint64 lastRoundAt = 0;
    QString leaseHolder;
    qint64 leaseExpiresAt = 0;
    qint64 pendingEdits = 0;  // outbox items not yet accepted by the platform
    qint64 openConflicts = 0; // local edits that met a change made elsewhere
    QHash<QString, qint64> counters;
};

// One feed's position and how much of it the cache holds (the diagnostics dialog).
struct FeedDiagnostics
{
    core::Feed feed = core::Feed::Orders;
    QString cursor;
    QString backfillBefore;
    bool backfillDone = false;
    qint64 received = 0;  // entities received on the feed so far
    qint64 cached = 0;    // rows of the feed's table in the cache
    qint64 updatedAt = 0; // when the cursor last moved
};

namespace consolestatus {

core::Result<ConsoleStatus> read(const ReadSession& session);
core::Result<QList<FeedDiagnostics>> feeds(const ReadSession& session);

} // namespace consolestatus
} // namespace cardops::storage
