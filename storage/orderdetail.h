#pragma once

#include "core/money.h"
#include "core/result.h"

#include <QList>
#include <QString>

namespace cardops::storage {

class ReadSession;

// One operator action on the order, from the local audit log.
struct OrderAuditEntry
{
    qint64 id = 0;
    qint64 at = 0; // unix seconds
    QString operatorLogin;
    QString action; // a code ("edit", "order.review", …); the UI turns it into words
    QString detail; // JSON text as the action wrote it, "" for none
};

// One local edit of the order in the outbox (any state: the caller picks what it shows).
struct OrderOutboxEntry
{
    qint64 id = 0;
    QString state; // pending conflict failed done dropped
    QString method;
    QString path;
    QString fields; // JSON array of the edited field names
    QString operatorLogin;
    qint64 attempts = 0;
    QString lastError;
    bool openConflict = false; // a conflict of this edit waits for the operator
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

// Everything the cache knows about one order (docs/platform-api.md, Orders): the order row as the
// platform sent it, its goods and member as cached now, and what this console did to it. Money in
// exact units; times unix seconds, 0 = not yet / not known. Value type, any thread.
struct OrderDetail
{
    qint64 id = 0;
    QString orderNo;
    qint64 quantity = 0;
    core::Money unitPrice;
    core::Money amount;
    core::Money paidAmount;
    core::Money costAtOrder; // per unit, as the platform fixed it when the order was placed
    core::Money refundAmount;
    QString payChannel; // alipay wechat balance
    QString chargeAccount;
    QString contact; // the order's own contact ("" when the buyer left none)
    QString status;  // unpaid paid handed_over delivering delivered review refunded cancelled
    bool handedOver = false;
    QString reviewReason; // a platform check's code or an operator's text
    qint64 createdAt = 0;
    qint64 paidAt = 0;
    qint64 deliveredAt = 0;
    qint64 revealedAt = 0;
    qint64 version = 0;
    qint64 updatedAt = 0;

    struct Goods
    {
        qint64 id = 0;
        bool cached = false; // false: the order names goods the cache does not hold
        QString name;
        QString sku;
        QString kind;            // card direct
        QString fulfilmentOwner; // platform cardops
    } goods;

    struct Member
    {
        qint64 id = 0;
        bool cached = false;
        QString name;
        QString kind; // consumer agent enterprise
        QString tierName;
        QString contact;
    } member;

    QList<OrderAuditEntry> audit;   // oldest first
    QList<OrderOutboxEntry> outbox; // oldest first

    // cost_at_order × quantity, rounded like a line total.
    core::Money costTotal() const;
    // The goods went out (delivered, possibly refunded afterwards): only then was the cost paid.
    bool costIncurred() const;
    // Gross profit as the cache can tell it: paid − refunded − the cost when it was incurred (no
    // payment fee estimate).
    core::Money margin() const;
};

namespace orderdetail {

// The order `orderId` with its goods, member, audit entries and outbox items, in one read
// session; ErrorCode::NotFound when the cache holds no such order. The audit log and the outbox
// may name an order "order" (console actions) or "orders" (the table, as the outbox names the
// entities it edits): both are read.
core::Result<OrderDetail> read(const ReadSession& session, qint64 orderId);

} // namespace orderdetail
} // namespace cardops::storage
