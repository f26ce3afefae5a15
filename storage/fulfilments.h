#pragma once

#include "core/platformtypes.h"
#include "core/result.h"
#include "core/rulematrix.h"
#include "storage/readsession.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace cardops::storage {

class WriteContext;

// Where the worker's handling of one handed-over order stands (docs/fulfilment.md, "The worker").
// Each step is committed before the side effect it leads to; the final ones never move again.
//
//   decided ──▶ delivering (from stock) ──▶ done
//      │             └─ stock short ──▶ purchasing ──▶ delivering (supply) ──▶ done
//      ├──▶ purchasing (direct goods, or no stock)         └─ failed/unknown ──▶ holding ──▶ review
//      ├──▶ holding (the rules or a failure put it in review; the /review call is next) ──▶ review
//      └──▶ refunding ──▶ refunded
//   settled: the platform answered that the order is no longer open (another console, an operator)
namespace fulfilmentstep {
inline const QString Decided = QStringLiteral("decided");
inline const QString Delivering = QStringLiteral("delivering"); // from platform stock
inline const QString Purchasing = QStringLiteral("purchasing");
inline const QString DeliveringSupply = QStringLiteral("delivering_supply");
inline const QString Holding = QStringLiteral("holding");
inline const QString Refunding = QStringLiteral("refunding");
inline const QString Done = QStringLiteral("done");
inline const QString Review = QStringLiteral("review");
inline const QString Refunded = QStringLiteral("refunded");
inline const QString Settled = QStringLiteral("settled");
bool isFinal(const QString& step);
} // namespace fulfilmentstep

struct FulfilmentRecord
{
    qint64 orderId = 0;
    core::DecisionAction action = core::DecisionAction::Deliver;
    QString reason; // review/refund reason code (a failure's code when the worker put it in review)
    qint64 ruleSetVersion = 0;
    QString firedRule;
    QStringList notifies;
    QStringList tags;
    QString step;
    std::optional<qint64> purchaseId;
    qint64 attempts = 0;
    QString error; // the last failure's words (supplier, platform or transport)
    QString holder;
    qint64 decidedAt = 0;
    qint64 updatedAt = 0;
};

// A record as the 履约 page lists it.
struct RecentFulfilment
{
    FulfilmentRecord record;
    QString orderNo;
    QString goodsName;
};

// An order for the worker with what it needs of its goods.
struct FulfilmentCandidate
{
    core::Order order;
    QString goodsKind; // card / direct
    qint64 stockAvailable = 0;
    QByteArray supplierLinks; // the goods' JSON [{"protocol":…,"product_ref":…,"priority":…}]
    std::optional<FulfilmentRecord> record;
};

struct FulfilmentStepUpdate
{
    QString step;
    std::optional<QString> reason;
    std::optional<qint64> purchaseId;
    std::optional<QString> error;
};

namespace fulfilments {

// Handed-over orders without a final record, after (createdAt, id) in (created_at, id) order, at
// most `limit` — the orders_status index walk.
core::Result<QList<FulfilmentCandidate>> handedOver(const ReadSession& read, qint64 afterCreatedAt,
                                                    qint64 afterId, int limit);
// Records whose step is not final while their order no longer shows handed_over in the cache (the
// worker's own call went through before a crash, or someone else acted): their call is repeated
// with its key to learn the outcome. Least recently touched first, so records that keep failing
// (each attempt touches them) never hold the others back.
core::Result<QList<FulfilmentCandidate>> unsettled(const ReadSession& read, int limit);

// The decision, step "decided" (or "holding"/"refunding" for review/refund); Conflict when the
// order has a record.
core::Result<void> recordDecision(WriteContext& ctx, qint64 orderId, const core::Decision& decision,
                                  const QString& holder);
// Moves a record on from `expectedFrom`; Conflict (nothing written) when it is elsewhere.
core::Result<void> advance(WriteContext& ctx, qint64 orderId, const QString& expectedFrom,
                           const FulfilmentStepUpdate& update);
// A transient failure: counted, the step stays.
core::Result<void> noteAttempt(WriteContext& ctx, qint64 orderId, const QString& error);

core::Result<std::optional<FulfilmentRecord>> find(const ReadSession& read, qint64 orderId);
core::Result<std::optional<FulfilmentRecord>> find(WriteContext& ctx, qint64 orderId);
// The records changed last, newest first (the fulfilments_updated index walk).
core::Result<QList<RecentFulfilment>> recent(const ReadSession& read, int limit);
// The orders whose record is at `step`, ascending.
core::Result<QList<qint64>> ordersAt(const ReadSession& read, const QString& step);
// Records per step.
core::Result<QMap<QString, qint64>> stepCounts(const ReadSession& read);

} // namespace fulfilments
} // namespace cardops::storage
