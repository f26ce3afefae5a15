#pragma once

#include "core/access.h"
#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QVariant>

// What outbox.cpp shares with outboxdecisions.cpp (the operator's decisions). Private to storage/.
namespace cardops::storage {
class WriteContext;
}

namespace cardops::storage::detail::outboxsupport {

struct StoredItem
{
    QString entity;
    qint64 entityId = 0;
    qint64 baseVersion = 0;
    QString state;
    QJsonObject baseValues;
    QJsonObject remoteValues;
    QByteArray body;
};

core::Permission permissionFor(const QString& entity);
core::Result<StoredItem> load(WriteContext& ctx, qint64 outboxId);
core::Result<void> setState(WriteContext& ctx, qint64 outboxId, const QString& state,
                            const QString& error = {});
// A new idempotency key on `baseVersion`, pending again (a definitive answer ended the old key).
core::Result<void> rekey(WriteContext& ctx, qint64 outboxId, qint64 baseVersion);
// Puts the platform's values back into the columns this item held, except those a later edit of
// the same entity still holds.
core::Result<void> restoreRemote(WriteContext& ctx, qint64 outboxId, const StoredItem& item);

} // namespace cardops::storage::detail::outboxsupport
