#pragma once

#include "core/access.h"
#include "core/platformtypes.h"
#include "sync/cardrequests.h"

#include <QFuture>
#include <QObject>
#include <QString>
#include <functional>

namespace cardops::storage {
class DatabaseWriter;
}

// The tier ladder on the platform (`PUT /v1/tiers`, docs/platform-api.md "Tiers"): the whole ladder
// replaced in one keyed, signed call with If-Match = the ladder version the edit started from. The
// platform answers with the new ladder, which replaces the cached one.
namespace cardops::sync::tiers {

using LadderAnswer = cards::Answer<core::TierLadder>;

// A rate as the platform writes it: "98%", "1.5%", "0.0001%" (ppm precision).
QString percentText(core::Rate rate);
// {"items":[{"id":…,"name":…,"rank":…,"discount":"98%","commission_rates":["2%"],"upgrade":{…}},…]};
// a tier with id ≤ 0 is new and goes without an id (the platform numbers it). Malformed
// commission_rates or upgrade JSON of a tier is InvalidArgument.
core::Result<QByteArray> ladderBody(const core::TierLadder& ladder);
core::Result<Request> putRequest(const core::TierLadder& ladder, qint64 baseVersion,
                                 const QByteArray& idempotencyKey);
// "tiers-" and 32 random characters.
QByteArray newPutKey();

// The platform's ladder as it answered (not newer than `baseVersion`: Malformed).
QFuture<LadderAnswer> put(PlatformTransport& transport, const core::TierLadder& ladder, qint64 baseVersion,
                          const QByteArray& idempotencyKey);

// A failed push in the operator's words (translated, context "TierPush"); `current` is the
// platform's ladder version when a 409/412 carried it (0 when unknown).
QString describeFailure(const CallError& error, qint64 current = 0);

// The whole push: checks the actor may edit tiers (core::Permission::EditTiers), sends the ladder
// with If-Match `baseVersion`, and writes the answer to the cache (platformcache::replaceTiers) with
// an audit entry ("tier_ladder_push") in one writer job. On a version conflict the platform's
// current ladder (the 409's data) replaces the cached one, so an editor reloading sees it.
// `done("")` or a translated error, in `context`'s thread.
void pushLadder(PlatformTransport& transport, storage::DatabaseWriter& writer, const core::Actor& actor,
                const core::TierLadder& ladder, qint64 baseVersion, QObject* context,
                std::function<void(QString error)> done);

} // namespace cardops::sync::tiers
