#pragma once

#include "core/access.h"
#include "core/result.h"

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <optional>

namespace cardops::storage {

class ReadSession;
class WriteContext;

// Bulk operations on goods (issue #9 item 6, docs/goods.md "Bulk operations"): the same change of
// one platform field for many goods, each an outbox edit (本地待同步 until the platform accepts it),
// undone by dropping the edits the platform has not taken yet.
namespace goodsbulk {

enum class Field { Status, Category, Threshold, Owner };

// The wire name of the field: status, category_id, low_stock_threshold, fulfilment_owner.
QString wireName(Field field);
// Whether `value` is one the field takes: "on"/"off"; an existing category id; 0 … 1,000,000,000;
// "platform"/"cardops". InvalidArgument (NotFound for a missing category) otherwise.
core::Result<void> validate(WriteContext& ctx, Field field, const QJsonValue& value);

struct Staged
{
    QList<qint64> outboxIds; // one per goods that changed, in goods order
    qint64 unchanged = 0;    // goods that already had the value (no edit)
    qint64 missing = 0;      // ids not in the cache (deleted meanwhile)
};

// Validates the value, then stages `field = value` for every goods of `goodsIds` in the caller's transaction
// (one outbox edit each through outbox::stage, audited per goods); goods that already have the value are
// skipped.
core::Result<Staged> stage(WriteContext& ctx, const core::Actor& actor, const QList<qint64>& goodsIds,
                           Field field, const QJsonValue& value);

struct Undone
{
    qint64 undone = 0;        // edits dropped: the cache shows the platform's values again
    qint64 alreadySynced = 0; // edits the platform had accepted: they stay
};

// Drops every edit of the batch the platform has not accepted (pending, conflict or failed), in
// the caller's transaction; an edit already accepted stays and is counted.
core::Result<Undone> undo(WriteContext& ctx, const core::Actor& actor, const QList<qint64>& outboxIds);

// Listing templates are CardOps's own data (never synced): a bulk assignment answers each goods'
// previous template (nothing = none) so that it can be undone at any time.
using TemplateAssignments = QHash<qint64, std::optional<qint64>>;
core::Result<TemplateAssignments> assignTemplate(WriteContext& ctx, const core::Actor& actor,
                                                 const QList<qint64>& goodsIds,
                                                 std::optional<qint64> templateId);
// Puts the previous templates back (one assignment per previous template), in the caller's transaction.
core::Result<qint64> restoreTemplates(WriteContext& ctx, const core::Actor& actor,
                                      const TemplateAssignments& previous);

// How many edits of the batch could still be undone (pending, conflict or failed).
core::Result<qint64> undoable(const ReadSession& read, const QList<qint64>& outboxIds);

} // namespace goodsbulk
} // namespace cardops::storage
