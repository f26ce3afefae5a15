#pragma once

#include "core/access.h"
#include "core/platformtypes.h"
#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cardops::storage {

class ReadSession;
class WriteContext;

// A local change of a platform entity: wire field names and values as in docs/platform-api.md
// (money as "12.3400", listing as an object, tags as an array).
struct LocalEdit
{
    QString entity; // goods / members / categories
    qint64 entityId = 0;
    QJsonObject fields;
};

struct OutboxItem
{
    qint64 id = 0;
    QString entity;
    qint64 entityId = 0;
    QByteArray method;
    QByteArray path;
    QByteArray body;
    qint64 baseVersion = 0; // sent as If-Match
    QByteArray idempotencyKey;
    QString state; // pending conflict failed done dropped
    qint64 attempts = 0;
    QString lastError;
    qint64 createdAt = 0;
};

struct ConflictRecord
{
    qint64 id = 0;
    qint64 outboxId = 0;
    QString entity;
    qint64 entityId = 0;
    QByteArray localBody;
    QByteArray remote;
    qint64 createdAt = 0;
};

enum class ConflictOutcome {
    Rebased,  // nobody else changed the edited fields: sent again on the new version
    Recorded, // a conflict for the operator
    Settled,  // the item was no longer pending (dropped or resolved meanwhile): nothing to do
};
enum class Resolution { KeepMine, TakeTheirs };

// The outbox: local edits of platform entities wait here, FIFO per entity, until the platform
// accepts them. Staging an edit changes the cache, queues the request with its idempotency key and
// writes the audit entry in one transaction; the cache keeps the edited fields (本地待同步) until the
// platform answers, whatever pages arrive meanwhile.
namespace outbox {

// Pending items whose idempotency key is older than this are never sent automatically (the platform keeps
// idempotency keys for at least 7 days): they become failed and wait for the operator.
inline constexpr qint64 RetentionSeconds = 7 * 24 * 3600;

core::Result<qint64> stage(WriteContext& ctx, const core::Actor& actor, const LocalEdit& edit);

// The head of each entity's queue that may be sent now (pending, nothing earlier unresolved), oldest first.
core::Result<QList<OutboxItem>> ready(const ReadSession& read, int limit);
core::Result<QList<OutboxItem>> items(const ReadSession& read, const QString& state);
core::Result<QList<ConflictRecord>> openConflicts(const ReadSession& read);

// The platform accepted the item and answered with the entity: the item is done, the cache takes
// the platform's entity, and the entity's next queued edit is rebased on the new version.
core::Result<void> complete(WriteContext& ctx, qint64 outboxId, const core::Goods& remote);
core::Result<void> complete(WriteContext& ctx, qint64 outboxId, const core::Member& remote);
core::Result<void> complete(WriteContext& ctx, qint64 outboxId, const core::Category& remote);
// Accepted, but the answer carried no usable entity: done; the feed brings the new version.
core::Result<void> complete(WriteContext& ctx, qint64 outboxId);

// A 409 with the platform's current entity. When nobody else changed the fields this edit changes,
// it is rebased (new If-Match, new idempotency key) and stays pending; otherwise a conflict is recorded
// for the console.
core::Result<ConflictOutcome> conflict(WriteContext& ctx, qint64 outboxId, const core::Goods& remote,
                                       const QByteArray& raw);
core::Result<ConflictOutcome> conflict(WriteContext& ctx, qint64 outboxId, const core::Member& remote,
                                       const QByteArray& raw);
core::Result<ConflictOutcome> conflict(WriteContext& ctx, qint64 outboxId, const core::Category& remote,
                                       const QByteArray& raw);

// A transient failure (network, 5xx, 429): counted, the item stays pending.
core::Result<void> noteAttempt(WriteContext& ctx, qint64 outboxId, const QString& error);
// A permanent refusal (400, 403, 404, 412) or an expired item: waits for the operator.
core::Result<void> fail(WriteContext& ctx, qint64 outboxId, const QString& error);
core::Result<qint64> expire(WriteContext& ctx);

// The operator's decisions.
core::Result<void> resolve(WriteContext& ctx, const core::Actor& actor, qint64 conflictId,
                           Resolution resolution);
core::Result<void> retry(WriteContext& ctx, const core::Actor& actor, qint64 outboxId);
core::Result<void> drop(WriteContext& ctx, const core::Actor& actor, qint64 outboxId);

} // namespace outbox
} // namespace cardops::storage
