#pragma once

#include "core/clock.h"
#include "sync/platformjson.h"
#include "sync/transport/platformtransport.h"

#include <QFuture>
#include <QList>
#include <optional>

// The cards of an order and the reveal of one card (docs/platform-api.md, "Cards of an order"),
// sent through PlatformTransport, which signs them. Card secrets are never stored: the caller
// shows the plaintext and lets it go.
//
// Futures finish in the transport's thread, exactly once, always with an Answer (a transport that
// is destroyed first gives CallError::Cancelled). Chain them with then(context, …).
namespace cardops::sync::cards {

// A card call's outcome: the value, or the call's error. An answer that does not parse is
// CallError::Malformed with the parser's detail as its message.
template<typename T> struct Answer
{
    std::optional<T> value;
    CallError error; // meaningful only when !ok()

    bool ok() const { return value.has_value(); }
};

using CardsAnswer = Answer<QList<platformjson::Card>>;
using RevealAnswer = Answer<platformjson::RevealedCard>;

// GET /v1/orders/{orderId}/cards.
Request orderCardsRequest(qint64 orderId);
// POST /v1/cards/{cardId}/reveal with an empty body, keyed like every write.
Request revealRequest(qint64 cardId, const QByteArray& idempotencyKey);
// A fresh Idempotency-Key for one reveal ("reveal-" and 32 random characters).
QByteArray newRevealKey();

// The cards of an order, masked. A 401/40102 (bad signature) is sent once more, freshly signed,
// as the sync engine does; the transport retries the rest where safe.
QFuture<CardsAnswer> fetchOrderCards(PlatformTransport& transport, qint64 orderId);

// The plaintext of one card of `orderId`; an answer naming another card or another order is
// Malformed. Sent through `transport`, whose lastExchange() then holds the secret: use
// revealPrivately() where a shared transport's exchange is shown to anyone.
QFuture<RevealAnswer> reveal(PlatformTransport& transport, qint64 orderId, qint64 cardId,
                             const QByteArray& idempotencyKey);

// reveal() through a transport of its own, built like `like` (endpoint, options, clock offset)
// and deleted once it has answered, so the plaintext never reaches like.lastExchange() (the
// diagnostics view). Call it in like's thread; `clock` must outlive the call.
QFuture<RevealAnswer> revealPrivately(const PlatformTransport& like, const core::Clock& clock, qint64 orderId,
                                      qint64 cardId);

} // namespace cardops::sync::cards
