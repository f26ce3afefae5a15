#pragma once

#include "core/platformtypes.h"
#include "sync/cardrequests.h"

#include <QFuture>
#include <QString>

// A new goods category on the platform (`POST /v1/categories`, protocols.md §3.4): the outbox sends
// only changes of existing entities, so a create is a direct call, keyed like every write so that a
// retry after a lost answer gets the first answer back instead of a second category.
namespace cardops::sync::categories {

using CategoryAnswer = cards::Answer<core::Category>;

// {"name":…,"parent_id":…,"sort":…,"status":"on"}, keyed.
Request createRequest(const QString& name, qint64 parentId, qint64 sort, const QByteArray& idempotencyKey);
// "category-" and 32 random characters.
QByteArray newCreateKey();
// The platform's category as it answered (a reply naming another name or parent is Malformed).
QFuture<CategoryAnswer> create(PlatformTransport& transport, const QString& name, qint64 parentId,
                               qint64 sort, const QByteArray& idempotencyKey);

} // namespace cardops::sync::categories
