#pragma once

#include "core/result.h"

namespace cardops::bridge {

class BridgeDb;

// One sequencer step (acg-faka-model.md §5.3 item 3): under READ COMMITTED, lock the single
// sequencer row, read the committed change rows in seq order (a plain read: it sees exactly the
// committed rows and never waits for an open transaction), append them to the feed in that order,
// expanding the tier and goods-group markers, and delete exactly those seq values. A transaction
// that commits late is simply picked up by a later step with a later position, never skipped.
// Returns the number of change rows moved (all of them: it loops in batches).
core::Result<qint64> runSequencer(BridgeDb& db);

} // namespace cardops::bridge
