#include "sync/memberrequests.h"

#include "core/signing.h"
#include "sync/platformjson.h"
#include "sync/signedcall_p.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace cardops::sync::members {

Request decideWithdrawalRequest(qint64 withdrawalId, bool approve, const QString& reason,
                                const QByteArray& idempotencyKey)
{
    Request r;
    r.method = QByteArrayLiteral("POST");
    r.path = "/v1/withdrawals/" + QByteArray::number(withdrawalId) + (approve ? "/approve" : "/reject");
    QJsonObject body;
    if (!reason.isEmpty())
        body.insert(u"reason"_s, reason);
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.idempotencyKey = idempotencyKey;
    r.maxAttempts = 3; // keyed: a retry after a lost answer gets the first answer back
    return r;
}

QByteArray newDecisionKey()
{
    auto random = core::signing::generateNonce(32);
    return "withdrawal-" + (random ? random.value() : QUuid::createUuid().toByteArray(QUuid::Id128));
}

QFuture<WithdrawalAnswer> decideWithdrawal(PlatformTransport& transport, qint64 withdrawalId, bool approve,
                                           const QString& reason, const QByteArray& idempotencyKey)
{
    return detail::signedCall<WithdrawalAnswer>(
        transport, decideWithdrawalRequest(withdrawalId, approve, reason, idempotencyKey),
        [withdrawalId](const QJsonValue& data) -> core::Result<core::Withdrawal> {
            auto w = platformjson::withdrawal(data.toObject());
            if (w && w->id != withdrawalId)
                return core::makeError(
                    core::ErrorCode::Parse,
                    u"withdrawal: the answer names withdrawal %1, not %2"_s.arg(w->id).arg(withdrawalId));
            if (w && w->status == u"pending")
                return core::makeError(core::ErrorCode::Parse,
                                       u"withdrawal: still pending after the decision"_s);
            return w;
        });
}

std::optional<core::Withdrawal> conflictWithdrawal(const CallError& error, qint64 withdrawalId)
{
    if (error.kind != CallError::Conflict || error.data.isEmpty())
        return std::nullopt;
    auto w = platformjson::withdrawal(QJsonDocument::fromJson(error.data).object());
    if (!w || w->id != withdrawalId)
        return std::nullopt;
    return w.value();
}

Request createOrderRequest(const OrderDraft& draft, const QByteArray& idempotencyKey)
{
    Request r;
    r.method = QByteArrayLiteral("POST");
    r.path = QByteArrayLiteral("/v1/orders");
    r.body = QJsonDocument(QJsonObject{{u"member_id"_s, draft.memberId},
                                       {u"goods_id"_s, draft.goodsId},
                                       {u"quantity"_s, draft.quantity},
                                       {u"charge_account"_s, draft.chargeAccount},
                                       {u"contact"_s, draft.contact},
                                       {u"pay_channel"_s, draft.payChannel}})
                 .toJson(QJsonDocument::Compact);
    r.idempotencyKey = idempotencyKey;
    r.maxAttempts = 3;
    return r;
}

QFuture<OrderAnswer> createOrder(PlatformTransport& transport, const OrderDraft& draft,
                                 const QByteArray& idempotencyKey)
{
    return detail::signedCall<OrderAnswer>(
        transport, createOrderRequest(draft, idempotencyKey),
        [draft](const QJsonValue& data) -> core::Result<core::Order> {
            auto o = platformjson::order(data.toObject());
            if (o && (o->memberId != draft.memberId || o->goodsId != draft.goodsId ||
                      o->quantity != draft.quantity))
                return core::makeError(
                    core::ErrorCode::Parse,
                    u"order: the answer is for member %1, goods %2, quantity %3"_s.arg(o->memberId)
                        .arg(o->goodsId)
                        .arg(o->quantity));
            return o;
        });
}

} // namespace cardops::sync::members
