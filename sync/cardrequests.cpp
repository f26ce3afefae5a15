#include "sync/cardrequests.h"

#include "core/signing.h"
#include "sync/signedcall_p.h"

#include <QPointer>
#include <QPromise>
#include <QUuid>
#include <functional>
#include <memory>

namespace cardops::sync::cards {

namespace {

template<typename T, typename Parse>
QFuture<Answer<T>> call(PlatformTransport& transport, const Request& request, Parse parse)
{
    return detail::signedCall<Answer<T>>(transport, request, parse);
}

} // namespace

Request orderCardsRequest(qint64 orderId)
{
    Request r;
    r.method = QByteArrayLiteral("GET");
    r.path = "/v1/orders/" + QByteArray::number(orderId) + "/cards";
    r.maxAttempts = 2; // the operator is waiting
    return r;
}

Request revealRequest(qint64 cardId, const QByteArray& idempotencyKey)
{
    Request r;
    r.method = QByteArrayLiteral("POST");
    r.path = "/v1/cards/" + QByteArray::number(cardId) + "/reveal";
    r.idempotencyKey = idempotencyKey;
    r.maxAttempts = 2; // keyed: a retry after a lost answer gets the first answer back
    return r;
}

QByteArray newRevealKey()
{
    auto random = core::signing::generateNonce(32);
    return "reveal-" + (random ? random.value() : QUuid::createUuid().toByteArray(QUuid::Id128));
}

QFuture<CardsAnswer> fetchOrderCards(PlatformTransport& transport, qint64 orderId)
{
    return call<QList<platformjson::Card>>(
        transport, orderCardsRequest(orderId),
        [orderId](const QJsonValue& data) { return platformjson::orderCards(data, orderId); });
}

QFuture<RevealAnswer> reveal(PlatformTransport& transport, qint64 orderId, qint64 cardId,
                             const QByteArray& idempotencyKey)
{
    return call<platformjson::RevealedCard>(
        transport, revealRequest(cardId, idempotencyKey),
        [orderId, cardId](const QJsonValue& data) -> core::Result<platformjson::RevealedCard> {
            auto card = platformjson::revealedCard(data, cardId);
            if (card && card->orderId != orderId)
                return core::makeError(
                    core::ErrorCode::Parse,
                    QStringLiteral("card reveal.order_id: %1 is not the order asked for (%2)")
                        .arg(card->orderId)
                        .arg(orderId));
            return card;
        });
}

QFuture<RevealAnswer> revealPrivately(const PlatformTransport& like, const core::Clock& clock, qint64 orderId,
                                      qint64 cardId)
{
    auto* own = new PlatformTransport(like.endpoint(), clock, like.options());
    own->setClockOffsetMilliseconds(like.clockOffsetMilliseconds());
    return reveal(*own, orderId, cardId, newRevealKey()).then(own, [own](const RevealAnswer& answer) {
        own->deleteLater(); // not from inside its own call
        return answer;
    });
}

} // namespace cardops::sync::cards
