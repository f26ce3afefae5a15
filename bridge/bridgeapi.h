#pragma once

#include "sim/data/platformstate.h"
#include "sim/data/requeststores.h"
#include "sim/server/simrequest.h"

#include <QByteArray>
#include <QList>
#include <functional>
#include <optional>

namespace cardops::bridge {

class BridgeDb;
struct ApiRoute;

// Platform API v1 (docs/platform-api.md) served over an acg-faka database: the read side. Requests
// are authenticated exactly like the simulator's platform role (core::signing: app id, HMAC
// signature over the canonical request, 300 s clock window, nonce replay through the simulator's
// NonceStore) and answered in the same envelope (sim::ApiHandler::envelope). Feeds run the
// sequencer first, then read the feed positions and the acg rows in one consistent snapshot.
// Everything else goes through the route table (bridge/routes.cpp, bridge/bridgewrite.h); a resource
// of the protocol this bridge does not serve answers 403 / 40300. Not thread-safe.
class BridgeApi
{
public:
    using Clock = std::function<qint64()>;

    // epoch: the install epoch (installEpoch()); cursors of another epoch get 410 (resync).
    BridgeApi(BridgeDb& db, QByteArray epoch, Clock clock = {});

    sim::SimResponse handle(const sim::SimRequest& request);

    // What GET /v1/shop lists in `capabilities` (exactly what this bridge serves).
    static QStringList capabilities();

private:
    std::optional<sim::ApiResult> authenticate(const sim::SimRequest& request);
    sim::ApiResult route(const sim::SimRequest& request);
    sim::ApiResult call(const ApiRoute& route, const sim::SimRequest& request, const QList<QByteArray>& seg);
    sim::ApiResult feed(const QByteArray& name, const QList<QPair<QByteArray, QByteArray>>& query);
    sim::ApiResult shop();
    sim::ApiResult daily(const QList<QPair<QByteArray, QByteArray>>& query);
    qint64 now() const;

    BridgeDb& m_db;
    QByteArray m_epoch;
    Clock m_clock;
    sim::NonceStore m_nonces;
};

} // namespace cardops::bridge
