#pragma once

#include "core/access.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace cardops::storage {

class ReadSession;
class WriteContext;

// One order action of the console through the platform (docs/fulfilment.md, "Review queue and
// order actions"): the intent with its body and idempotency key is a row before the call.
struct OrderActionRecord
{
    qint64 id = 0;
    qint64 orderId = 0; // 0 for a `create` until the platform named the new order
    QString kind;       // deliver | refund | review | reissue | create
    QByteArray body;    // the exact JSON bytes sent (and sent again on a replay)
    QByteArray idempotencyKey;
    QString state;        // pending | done | failed
    int attempts = 0;     // calls that ended without a final answer
    QString lastError;    // the platform's or the transport's last word
    QString resultStatus; // the order's status in the platform's answer (done)
    qint64 resultVersion = 0;
    qint64 operatorId = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

// One row of the 待审核 queue: an order the platform holds in `review`, or a handed-over order the
// worker is holding for review (fulfilments step `holding`), with what an operator needs to decide.
struct ReviewItem
{
    qint64 orderId = 0;
    QString orderNo;
    qint64 goodsId = 0;
    QString goodsName;
    QString goodsKind; // card | direct
    qint64 memberId = 0;
    QString memberName;
    qint64 quantity = 0;
    qint64 amount = 0; // units of 1/10000 yuan
    qint64 paidAmount = 0;
    qint64 refundAmount = 0;
    QString status;
    bool handedOver = false;
    QString chargeAccount;
    QString reason;    // a code: the worker's reason, else the platform's review_reason
    QString firedRule; // the worker's rule ("" for the platform's own checks)
    bool heldByWorker = false;
    qint64 since = 0; // paid_at, else created_at: the age is counted from here
    // The member's history (this order left out): paid orders, what they spent net of refunds, and
    // the usual quantity = the median of the last 20 quantities (the lower middle; 0 = no history).
    qint64 memberPaidOrders = 0;
    qint64 memberSpend = 0;
    qint64 usualQuantity = 0;
    qint64 assigneeId = 0; // 0 = nobody
    QString assigneeName;
    qint64 assignedAt = 0;
    QString lastActionKind; // the newest action recorded for the order that is not done
    QString lastActionState;
    QString lastActionError;
};

// Order actions (intent → call → result) and the review queue's assignments; every function that
// writes runs inside a writer job, reads take a ReadSession of the calling thread.
namespace orderactions {

// Kinds as stored; reject is a `refund` on the wire (the audit says order.reject).
inline const QString Deliver = QStringLiteral("deliver");
inline const QString Refund = QStringLiteral("refund");
inline const QString Review = QStringLiteral("review");
inline const QString Reissue = QStringLiteral("reissue");
inline const QString Create = QStringLiteral("create");

// The permission an action kind needs (refund: RefundOrders; the others: ReviewOrders).
core::Permission permissionFor(const QString& kind);
// A fresh idempotency key: "act-" and 32 random characters.
core::Result<QByteArray> newKey();

// Records the intent in state pending with a fresh key; audited as order.<auditAction> (default:
// order.<kind>) with `auditDetail` (JSON text). PermissionDenied / InvalidArgument refuse it.
core::Result<OrderActionRecord> recordIntent(WriteContext& ctx, const core::Actor& actor, qint64 orderId,
                                             const QString& kind, const QByteArray& body,
                                             const QString& auditAction = {},
                                             const QString& auditDetail = {});
// The platform answered: done, with the order's status and version (a create names its order).
core::Result<void> complete(WriteContext& ctx, qint64 id, qint64 orderId, const QString& resultStatus,
                            qint64 resultVersion);
// The platform refused for good: failed with its word.
core::Result<void> fail(WriteContext& ctx, qint64 id, const QString& error);
// A call ended without a final answer: stays pending (replayed with the same key), attempts + 1.
core::Result<void> noteAttempt(WriteContext& ctx, qint64 id, const QString& error);

core::Result<std::optional<OrderActionRecord>> find(const ReadSession& session, qint64 id);
// Pending actions, oldest first: what a restart replays with the same keys.
core::Result<QList<OrderActionRecord>> pending(const ReadSession& session, int limit = 500);
// An order's actions, oldest first.
core::Result<QList<OrderActionRecord>> forOrder(const ReadSession& session, qint64 orderId);

// What is left to refund of an order in the cache (paid − refunded, units); nothing when the cache
// does not hold it.
core::Result<std::optional<qint64>> refundable(const ReadSession& session, qint64 orderId);

// Assigns an order of the queue to the acting operator (replacing any earlier assignee), or
// removes the assignment. Both audited (review.assign / review.unassign); ReviewOrders.
core::Result<void> assignToSelf(WriteContext& ctx, const core::Actor& actor, qint64 orderId);
core::Result<void> unassign(WriteContext& ctx, const core::Actor& actor, qint64 orderId);

// The queue, oldest first (by `since`), at most `limit` orders. An order whose last done action
// moved it out of review at a version newer than the cache's is left out until the sync brings it.
core::Result<QList<ReviewItem>> reviewQueue(const ReadSession& session, int limit = 1000);
// The statements behind reviewQueue(), for the plan test.
QString queueOrdersSql();
QString memberHistorySql();
QString memberQuantitiesSql();
// The median the usual quantity is (the lower middle of an even count; 0 for none).
qint64 medianQuantity(QList<qint64> quantities);

} // namespace orderactions
} // namespace cardops::storage
