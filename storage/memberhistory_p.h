#pragma once

#include "core/platformtypes.h"
#include "core/result.h"

#include <QList>

namespace cardops::storage {

class WriteContext;

// Kept by the ingest in the page's own transaction (docs/members.md "History and dirty members").
namespace memberhistory {

// Records each member's tier and parent when they differ from the newest recorded state: the first
// state of a member holds from its registration, a later one from the entity's `updated_at` (never
// earlier than the newest recorded state, so an out-of-order page cannot rewrite the past).
core::Result<void> record(WriteContext& ctx, const QList<core::Member>& members);

// Marks members whose statistics (orders, ledger) changed, for the next tier evaluation.
core::Result<void> markDirty(WriteContext& ctx, const QList<qint64>& memberIds);

} // namespace memberhistory
} // namespace cardops::storage
