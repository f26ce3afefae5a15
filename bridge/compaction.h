#pragma once

#include "core/result.h"

namespace cardops::bridge {

class BridgeDb;

// Compaction of the feed (acg-faka-model.md §5.3 item 7): `cardops_feed` grows by one row per change,
// but a feed page serves each entity once, at its newest position. A row is removed when a newer row
// of the same (entity, entity_id, parent_id) exists and the row is older than the retention; every entity's
// newest row stays (tombstones too), so a client reading from any cursor, however old, still gets
// every entity changed since then at its latest state: no 410 is needed. A manual order's
// `delivered` row (the order's delivered_at) only gives way to a newer `delivered` row.
//
// The sweep walks the feed by primary key from a watermark, a window of rows per step, and deletes
// the superseded ones one primary-key lookup at a time in small READ COMMITTED transactions (no range
// DELETE: docs/bridge.md on late writers' locks). After a pass over the whole feed it rests before the
// next pass. Run step() from the sequencer's tick; not thread-safe.
class FeedCompactor
{
public:
    static constexpr qint64 kDefaultRetention = 7 * 24 * 3600;
    static constexpr qint64 kDefaultRest = 600;

    struct Options
    {
        qint64 retentionSeconds = kDefaultRetention;
        int window = 1000;                 // feed rows examined per step
        int batch = 100;                   // deletes per transaction
        qint64 restSeconds = kDefaultRest; // pause between passes
    };

    FeedCompactor();
    explicit FeedCompactor(Options options);

    // One step at unix time `now`: rows deleted (0 while resting).
    core::Result<qint64> step(BridgeDb& db, qint64 now);
    // A whole pass from the start of the feed to its end, ignoring the rest (tests, maintenance).
    core::Result<qint64> sweep(BridgeDb& db, qint64 now);

    qint64 watermark() const { return m_watermark; }

private:
    core::Result<qint64> window(BridgeDb& db, qint64 now, bool* passDone);

    Options m_options;
    qint64 m_watermark = 0; // the last position examined in this pass
    qint64 m_restUntil = 0;
};

} // namespace cardops::bridge
