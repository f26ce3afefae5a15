#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>

namespace cardops::models {

// One order to place for a member (an enterprise batch line).
struct OrderRequest
{
    qint64 memberId = 0;
    qint64 goodsId = 0;
    qint64 quantity = 1;
    QString chargeAccount;
    QString contact;
    QString payChannel = QStringLiteral("balance");
};

// What the platform made of one order request.
struct OrderOutcome
{
    qint64 orderId = 0; // 0 when no order was created
    QString orderNo;
    QString status;
    QString error;          // for the operator, translated; empty when created
    bool retryable = false; // the answer was lost or the platform was unreachable: send again, same key
};

// 提现审核 and enterprise orders on the platform (issue #10 items 6 and 8). The composition root
// implements it over the platform's transport; tests give a fake. UI thread.
class MemberDeskBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Whether platform calls can be made now; `why` says what is missing (no platform, no cache).
    virtual bool canAct(QString* why) const = 0;
    // Whether the acting operator may decide withdrawals (finance and administrators).
    virtual bool mayDecideWithdrawals(QString* why) const = 0;
    // Approves or rejects (with the reason) a pending withdrawal on the platform, then writes the
    // platform's answer into the cache and the audit log. done("") or the error for the operator;
    // a request decided before (elsewhere) answers an error saying so, and the cache takes the
    // platform's state.
    virtual void decideWithdrawal(qint64 withdrawalId, bool approve, const QString& reason, QObject* context,
                                  std::function<void(QString error)> done) = 0;
    // Places one order with the idempotency key (the same key answers the first order).
    virtual void createOrder(const OrderRequest& request, const QByteArray& idempotencyKey, QObject* context,
                             std::function<void(OrderOutcome)> done) = 0;
};

} // namespace cardops::models

Q_DECLARE_METATYPE(cardops::models::OrderOutcome)
