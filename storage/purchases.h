#pragma once

#include "core/access.h"
#include "core/purchase.h"
#include "core/result.h"
#include "storage/readsession.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace cardops::storage {

class WriteContext;

// One purchase from a supplier (core/purchase.h has its states). Money in units of 1/10000 yuan.
struct PurchaseRecord
{
    qint64 id = 0;
    QString externalNo; // CardOps's number, unique across every supplier and every purchase
    QString supplierId; // the profile's supplier id
    QString productRef; // the supplier's product id or code
    qint64 quantity = 0;
    QString chargeAccount; // direct recharges
    qint64 orderId = 0;    // the platform order it serves; 0 = stock for the platform
    core::PurchaseState state = core::PurchaseState::Intent;
    QString upstreamNo; // the supplier's own number once it answered
    std::optional<qint64> cost;
    bool holdsSecret = false; // a sealed secret waits for its delivery
    QString error;            // the supplier's or the transport's last word
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

// What moves a purchase on; unset fields stay as they are.
struct PurchaseUpdate
{
    core::PurchaseState to = core::PurchaseState::Sent;
    std::optional<QString> upstreamNo;
    std::optional<qint64> cost;
    std::optional<QByteArray> sealedSecret; // core::seal()ed with the profile's key; never plaintext
    std::optional<QString> error;
};

// The purchases ledger: the intent is a row before any call; every step is a checked transition
// in the caller's transaction, keeping the 采购结果未知 counter; a delivered purchase drops its
// secret. Write functions run inside a writer job; reads on any ReadSession.
namespace purchases {

// Records the intent (state Intent). Conflict when the external number was ever used: a number is
// never reused, whatever became of its purchase.
core::Result<qint64> recordIntent(WriteContext& ctx, const PurchaseRecord& intent);
// Moves purchase `id` from the state it is in to `update.to`; Conflict (nothing written) when the
// purchase is not in `expectedFrom` or the step is not allowed; NotFound for an unknown id.
core::Result<void> advance(WriteContext& ctx, qint64 id, core::PurchaseState expectedFrom,
                           const PurchaseUpdate& update);
// An operator settles an unknown purchase after checking on the supplier: bought (with the card
// text the operator copied from the supplier, already sealed) or not bought. Audited.
core::Result<void> resolveUnknown(WriteContext& ctx, const core::Actor& actor, qint64 id, bool bought,
                                  const std::optional<QByteArray>& sealedSecret, const QString& note);
// The sealed secret of a succeeded purchase (for its delivery); NotFound when none is held.
core::Result<QByteArray> sealedSecret(WriteContext& ctx, qint64 id);

core::Result<std::optional<PurchaseRecord>> find(const ReadSession& session, qint64 id);
// The same inside a writer job (what a step reads before it writes).
core::Result<std::optional<PurchaseRecord>> find(WriteContext& ctx, qint64 id);
core::Result<std::optional<PurchaseRecord>> findByExternalNo(const ReadSession& session,
                                                             const QString& externalNo);
// Purchases in `state`, oldest first (the 采购结果未知 queue is state Unknown).
core::Result<QList<PurchaseRecord>> inState(const ReadSession& session, core::PurchaseState state, int limit);
// The purchases made for a platform order, oldest first.
core::Result<QList<PurchaseRecord>> forOrder(const ReadSession& session, qint64 orderId);

} // namespace purchases
} // namespace cardops::storage
