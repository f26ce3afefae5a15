#pragma once

#include "core/result.h"
#include "sim/data/goodscards.h"
#include "sim/data/platformstate.h"
#include "sim/server/simrequest.h"

#include <QJsonObject>
#include <QList>
#include <functional>

namespace cardops::bridge {

class BridgeDb;

// One authenticated request routed to a handler of the route table (bridge/routes.cpp): the path's
// segments, the parsed JSON body and the bridge's clock. Writes (POST/PUT/PATCH/DELETE) carry a
// validated Idempotency-Key; BridgeApi replays a repeated key with the first answer.
struct ApiCall
{
    BridgeDb& db;
    const sim::SimRequest& request;
    QList<QByteArray> seg;     // "", "v1", top, …
    QJsonObject body;          // {} for an empty body (a body that is not a JSON object never gets here)
    qint64 now = 0;            // unix seconds
    QByteArray idempotencyKey; // empty for GET
    bool keyStored = false;    // set by inTransaction when the answer was stored with the write

    // seg[index] as a positive id; 0 when absent or not one.
    qint64 id(int index) const;
    // If-Match as a version; false when missing or not a non-negative integer.
    bool ifMatch(qint64* version) const;
    // The lease holder the request speaks for: body "holder", else the X-Lease-Holder header.
    QByteArray holder() const;
};

using ApiHandlerFn = std::function<sim::ApiResult(ApiCall&)>;

struct ApiRoute
{
    const char* method;         // "GET", "POST", …
    QList<const char*> pattern; // the segments after "v1"; "{id}" matches a positive id
    const char* capability;     // listed in GET /v1/shop's capabilities (nullptr: none)
    ApiHandlerFn handler;
};

// Every route the bridge serves besides the feeds, the shop, tiers and the daily report
// (bridge/routes.cpp). A path that matches no route answers 403 / 40300 when the protocol has it.
const QList<ApiRoute>& apiRoutes();
const ApiRoute* findRoute(const QByteArray& method, const QList<QByteArray>& seg);

// Runs fn inside one transaction (READ COMMITTED), retried up to three times on deadlock (1213) and
// lock wait timeout (1205) as acg-faka-model.md §2.0 asks. fn answers; an ok answer is stored under
// the call's Idempotency-Key in the same transaction and committed, any other answer rolls back.
// A database error (fn's Error) rolls back and answers 500.
sim::ApiResult inTransaction(ApiCall& call, const std::function<core::Result<sim::ApiResult>()>& fn);

// Stores an answer under a key (INSERT IGNORE: a concurrent repeat keeps the first).
core::Result<void> storeIdempotent(BridgeDb& db, const QByteArray& key, const sim::SimRequest& request,
                                   const sim::ApiResult& answer, qint64 now);

// One row of the bridge's audit table, in the caller's transaction.
core::Result<void> audit(ApiCall& call, const QString& action, const QString& entity, qint64 entityId,
                         const QJsonObject& detail = {});

using sim::parseDigits; // 1–18 ASCII digits (ids, cursors, versions)

// Answers shared by the handlers.
sim::ApiResult badField(QByteArray field);                         // 400 / 40000
sim::ApiResult notFound();                                         // 404 / 40400
sim::ApiResult conflict(QByteArray message, QByteArray data = {}); // 409 / 40900
sim::ApiResult preconditionFailed(QByteArray message);             // 412 / 41200
sim::ApiResult unsupported(QByteArray what);                       // 403 / 40300
sim::ApiResult okObject(const QJsonObject& data);                  // 200, data = the object

} // namespace cardops::bridge
