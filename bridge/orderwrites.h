#pragma once

#include "bridge/bridgewrite.h"
#include "core/result.h"

#include <QHash>
#include <QJsonObject>

namespace cardops::bridge {

class BridgeDb;

// The fulfilment side of the bridge (acg-faka-model.md §2.2, §4.7 actions, §4.11): the fulfilment
// lease, manual delivery of a handed-over order, the bridge's review hold, and explicit refusals of
// what acg-faka does not have. Handlers of the route table (bridge/routes.cpp).

// The lease's time to live, as the simulator's (docs/platform-api.md).
inline constexpr qint64 kLeaseTtl = 60;
// Idempotency keys are kept at least 7 days (§4.11); rows older than this go.
inline constexpr qint64 kIdempotencyKeepSeconds = 8 * 24 * 3600;

// POST /v1/fulfilment/lease {"holder":…}: take or renew for 60 s; 409 / 40901 with the lease while
// another holds it. DELETE: release, by the holder (or when nobody holds it).
sim::ApiResult takeLease(ApiCall& call);
sim::ApiResult releaseLease(ApiCall& call);

// POST /v1/orders/{id}/deliver {"cards":[…]}: §2.2 step 5 for a paid, undelivered manual-goods
// order, by the lease holder; answers the order. from_stock and recharge answer 403 / 40300.
sim::ApiResult deliverOrder(ApiCall& call);
// POST /v1/orders/{id}/review {"reason":…}: a bridge-side hold on a handed-over order (the feed
// serves it as `review` with the reason until it is delivered), by the lease holder.
sim::ApiResult reviewOrder(ApiCall& call);
// 403 / 40300 "not supported by acg-faka: …" for refund, reissue/replace and order creation.
sim::ApiResult refuseRefund(ApiCall& call);
sim::ApiResult refuseReplace(ApiCall& call);
sim::ApiResult refuseCreate(ApiCall& call);

// The lease as GET /v1/shop's `fulfilment` shows it ({"holder":"","expires_at":0} when lapsed).
core::Result<QJsonObject> currentLease(BridgeDb& db, qint64 now);

// Refines the order entities of a feed page with the bridge's holds: a held order that acg still
// shows handed over is served as `review` with the hold's reason.
core::Result<void> applyHolds(BridgeDb& db, QHash<qint64, QJsonObject>& orders);

// Deletes at most `limit` idempotency rows older than kIdempotencyKeepSeconds; answers how many.
core::Result<qint64> pruneIdempotency(BridgeDb& db, qint64 now, int limit = 500);

} // namespace cardops::bridge
