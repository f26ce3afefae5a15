#include "storage/counters.h"
#include "storage/entitytables_p.h"
#include "storage/outbox.h"
#include "storage/outbox_p.h"
#include "storage/writecontext.h"

// The operator's decisions on the outbox: resolve a conflict, send a failed item again, drop an edit.
namespace cardops::storage {

using core::ErrorCode;
using core::makeError;
using namespace detail::outboxsupport;
using detail::i64;

core::Result<void> outbox::resolve(WriteContext& ctx, const core::Actor& actor, qint64 conflictId,
                                   Resolution resolution)
{
    auto rows =
        ctx.select(QStringLiteral("SELECT outbox_id, entity, entity_id FROM conflicts WHERE id = ? AND "
                                  "resolved_at = 0"),
                   {i64(conflictId)});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("open conflict %1").arg(conflictId));
    const qint64 outboxId = rows->first().value(0).toLongLong();
    const QString entity = rows->first().value(1).toString();
    const qint64 entityId = rows->first().value(2).toLongLong();
    auto allowed = core::authorize(actor, permissionFor(entity));
    if (!allowed)
        return allowed;
    const detail::EntityTable* table = detail::editableTable(entity);
    auto item = load(ctx, outboxId);
    if (!item)
        return item.error();
    core::Result<void> r;
    if (resolution == Resolution::KeepMine) {
        auto version = ctx.select(table->versionSql, {i64(entityId)});
        if (!version)
            return version.error();
        r = rekey(ctx, outboxId, version->isEmpty() ? 0 : version->first().value(0).toLongLong());
    } else {
        r = setState(ctx, outboxId, QStringLiteral("dropped"));
        if (r)
            r = restoreRemote(ctx, outboxId, item.value());
    }
    if (!r)
        return r;
    const QString how =
        resolution == Resolution::KeepMine ? QStringLiteral("keep_mine") : QStringLiteral("take_theirs");
    auto closed =
        ctx.exec(QStringLiteral("UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE id = ?"),
                 {i64(ctx.nowSeconds()), how, i64(conflictId)});
    if (!closed)
        return closed.error();
    ctx.touch(QStringLiteral("conflicts"));
    auto counted = ctx.addToCounter(counters::SyncError, -1);
    if (!counted)
        return counted;
    return ctx.audit(actor, u"conflict." + how, entity, QString::number(entityId),
                     QString::fromUtf8(item->body));
}

core::Result<void> outbox::retry(WriteContext& ctx, const core::Actor& actor, qint64 outboxId)
{
    auto item = load(ctx, outboxId);
    if (!item)
        return item.error();
    auto allowed = core::authorize(actor, permissionFor(item->entity));
    if (!allowed)
        return allowed;
    if (item->state != u"failed")
        return makeError(ErrorCode::Conflict, QStringLiteral("only a failed item can be sent again"));
    auto r = rekey(ctx, outboxId, item->baseVersion);
    if (!r)
        return r;
    auto counted = ctx.addToCounter(counters::SyncError, -1);
    if (!counted)
        return counted;
    return ctx.audit(actor, QStringLiteral("outbox.retry"), item->entity, QString::number(item->entityId),
                     QString::fromUtf8(item->body));
}

core::Result<void> outbox::drop(WriteContext& ctx, const core::Actor& actor, qint64 outboxId)
{
    auto item = load(ctx, outboxId);
    if (!item)
        return item.error();
    auto allowed = core::authorize(actor, permissionFor(item->entity));
    if (!allowed)
        return allowed;
    if (item->state == u"done" || item->state == u"dropped")
        return makeError(ErrorCode::Conflict, QStringLiteral("the item is already settled"));
    const bool wasCounted = item->state != u"pending";
    auto r = setState(ctx, outboxId, QStringLiteral("dropped"));
    if (r)
        r = restoreRemote(ctx, outboxId, item.value());
    if (r && wasCounted)
        r = ctx.addToCounter(counters::SyncError, -1);
    if (!r)
        return r;
    auto closed =
        ctx.exec(QStringLiteral("UPDATE conflicts SET resolved_at = ?, resolution = 'dropped' WHERE "
                                "outbox_id = ? AND resolved_at = 0"),
                 {i64(ctx.nowSeconds()), i64(outboxId)});
    if (!closed)
        return closed.error();
    return ctx.audit(actor, QStringLiteral("outbox.drop"), item->entity, QString::number(item->entityId),
                     QString::fromUtf8(item->body));
}

} // namespace cardops::storage
