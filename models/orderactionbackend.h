#pragma once

#include "models/consolebackend.h"

#include <QObject>
#include <QString>
#include <functional>

namespace cardops::models {

// What the console may do to an order from the review queue (and the order detail).
enum class OrderAction { Deliver, Refund, Review, Reject, Reissue, CreateOffline, Assign };

// The answer to one order action, for the operator.
struct OrderActionResult
{
    qint64 orderId = 0; // a created order: its new id (0 when none was made)
    bool ok = false;
    // Not confirmed yet: the platform did not answer finally; the same request goes out again
    // with the same key (it can never happen twice). Shown, the item stays listed.
    bool pending = false;
    QString message; // translated: what happened or why it was refused
};

// 补单: what the offline order dialog asks for.
struct OfflineOrder
{
    qint64 memberId = 0;
    qint64 goodsId = 0;
    qint64 quantity = 1;
    QString chargeAccount;
    QString contact;
};

// The console's order actions as the UI sees them (implemented in app/ over sync::OrderActions;
// tests give a fake). Every call answers once through `done`, in the UI thread, unless `context`
// is gone by then. UI thread.
class OrderActionBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Why this console may not do `action` to the order ("" = it may): the operator's role (core
    // Permission::ReviewOrders / RefundOrders), or a handed-over order while another console or
    // worker holds the fulfilment lease. Translated, for a tooltip.
    virtual QString whyNot(OrderAction action, qint64 orderId, bool handedOver) const = 0;
    bool mayAct(OrderAction action, qint64 orderId, bool handedOver) const
    {
        return whyNot(action, orderId, handedOver).isEmpty();
    }
    // Who holds the fulfilment lease, as text for the operator ("nobody" when free).
    virtual QString leaseHolderText() const = 0;
    // The acting operator (the "assigned to me" filter).
    virtual qint64 operatorId() const = 0;

    virtual void deliver(qint64 orderId, QObject* context, std::function<void(OrderActionResult)> done) = 0;
    // amountUnits: 1/10000 yuan, > 0 and ≤ paid − refunded. reasonCode: one of refundReasons().
    virtual void refund(qint64 orderId, qint64 amountUnits, const QString& reasonCode, const QString& note,
                        QObject* context, std::function<void(OrderActionResult)> done) = 0;
    // Holds an order for review with a reason.
    virtual void review(qint64 orderId, const QString& reason, QObject* context,
                        std::function<void(OrderActionResult)> done) = 0;
    // 驳回: a full refund of what is left to refund, with a reason code and a note.
    virtual void reject(qint64 orderId, const QString& reasonCode, const QString& note, QObject* context,
                        std::function<void(OrderActionResult)> done) = 0;
    // 补发: replaces card `cardId` of the order from stock.
    virtual void reissue(qint64 orderId, qint64 cardId, const QString& reason, QObject* context,
                         std::function<void(OrderActionResult)> done) = 0;
    // 补单.
    virtual void createOfflineOrder(const OfflineOrder& order, QObject* context,
                                    std::function<void(OrderActionResult)> done) = 0;
    virtual void assignToMe(qint64 orderId, QObject* context,
                            std::function<void(OrderActionResult)> done) = 0;
    virtual void unassign(qint64 orderId, QObject* context, std::function<void(OrderActionResult)> done) = 0;
    // The cards of an order (masked), for choosing the bad one to replace.
    virtual void orderCards(qint64 orderId, QObject* context, std::function<void(OrderCards)> done) = 0;

    // The refund reason codes the platform takes, in the order the UI lists them.
    static QStringList refundReasons()
    {
        return {QStringLiteral("out_of_stock"), QStringLiteral("customer_request"),
                QStringLiteral("wrong_goods"),  QStringLiteral("duplicate_order"),
                QStringLiteral("fraud"),        QStringLiteral("other")};
    }

Q_SIGNALS:
    // The lease holder or the operator's rights changed: the UI asks whyNot() again.
    void permissionsChanged();
};

} // namespace cardops::models
