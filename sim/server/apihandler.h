#pragma once

#include "sim/data/cardstore.h"
#include "sim/data/platformstate.h"
#include "sim/data/requeststores.h"
#include "sim/data/simrandom.h"
#include "sim/server/simrequest.h"

#include <QSet>
#include <optional>

namespace cardops::sim {

// The Platform API v1 without HTTP: verifies a request (app id, signature via core::signing,
// timestamp window against the platform clock, nonce replay), replays idempotent writes, routes to
// PlatformState and wraps the result in the envelope. Not thread-safe.
class ApiHandler
{
public:
    static constexpr QByteArrayView kAppId = "demo";
    static constexpr QByteArrayView kSecret = "demo-secret";

    struct Options
    {
        bool duplicatePage = false; // serve this feed page with next_cursor not advanced
        bool shuffledPage = false;  // shuffle the page and repeat already served items
        Rng* rng = nullptr;         // the fault dice (shuffling)
    };

    struct Outcome
    {
        SimResponse response;
        bool authenticated = false;
        bool keyedWrite = false; // POST/PUT/PATCH/DELETE that reached the routing (or its replay)
        bool replayed = false;
        bool duplicated = false; // the duplicate-page fault was applied
        bool shuffled = false;   // the shuffled-page fault was applied
    };

    explicit ApiHandler(PlatformState& state);

    Outcome handle(const SimRequest& request, const Options& options);
    // The envelope {"code":…,"message":…[,"data":…]} of a result.
    static QByteArray envelope(const ApiResult& result);
    static SimResponse respond(const ApiResult& result) { return {result.httpStatus, envelope(result), {}}; }
    // The cards of the orders (GET /v1/orders/{id}/cards, POST /v1/cards/{id}/reveal).
    CardStore& cards() { return m_cards; }

private:
    std::optional<ApiResult> authenticate(const SimRequest& request);
    ApiResult route(const SimRequest& request, const Options& options, Outcome& outcome);
    ApiResult feed(core::Feed feed, const SimRequest& request, const Options& options, Outcome& outcome);
    ApiResult dailyReport(const SimRequest& request);

    PlatformState& m_state;
    CardStore m_cards;
    NonceStore m_nonces;
    IdempotencyStore m_idempotency;
    QSet<QByteArray> m_duplicated; // pages already served twice: serve them normally next time
};

} // namespace cardops::sim
