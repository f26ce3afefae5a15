#pragma once

#include "core/platformtypes.h"
#include "sync/cardrequests.h"

#include <QFuture>
#include <QString>
#include <optional>

// Member-side platform calls of issue #10: withdrawal decisions (提现审核) and orders placed for an
// enterprise buyer (`POST /v1/orders`). Keyed writes: a retry after a lost answer gets the first
// answer back, never a second decision or a second order. Futures finish in the transport's thread.
namespace cardops::sync::members {

using WithdrawalAnswer = cards::Answer<core::Withdrawal>;
using OrderAnswer = cards::Answer<core::Order>;

// POST /v1/withdrawals/{id}/approve or /reject; a rejection carries {"reason":…}.
Request decideWithdrawalRequest(qint64 withdrawalId, bool approve, const QString& reason,
                                const QByteArray& idempotencyKey);
// "withdrawal-" and 32 random characters.
QByteArray newDecisionKey();
// The withdrawal after the decision; an answer naming another withdrawal, or still pending, is
// Malformed. A request decided before is CallError::Conflict with the current entity in `data`
// (conflictWithdrawal() reads it).
QFuture<WithdrawalAnswer> decideWithdrawal(PlatformTransport& transport, qint64 withdrawalId, bool approve,
                                           const QString& reason, const QByteArray& idempotencyKey);
// The withdrawal a 409 carries, when it parses and is the one asked for.
std::optional<core::Withdrawal> conflictWithdrawal(const CallError& error, qint64 withdrawalId);

struct OrderDraft
{
    qint64 memberId = 0;
    qint64 goodsId = 0;
    qint64 quantity = 1;
    QString chargeAccount;
    QString contact;
    QString payChannel = QStringLiteral("balance"); // balance alipay wechat offline
};

// POST /v1/orders {"member_id","goods_id","quantity","charge_account","contact","pay_channel"}.
Request createOrderRequest(const OrderDraft& draft, const QByteArray& idempotencyKey);
// The order the platform created; an answer for another member, goods or quantity is Malformed.
QFuture<OrderAnswer> createOrder(PlatformTransport& transport, const OrderDraft& draft,
                                 const QByteArray& idempotencyKey);

} // namespace cardops::sync::members
