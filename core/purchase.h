#pragma once

#include <QString>
#include <optional>

namespace cardops::core {

// A purchase from a supplier (采购), as CardOps records it before, during and after the call
// (protocols.md "Idempotency"). The intent and its external number are committed before the HTTP
// call; only what the supplier said — or an operator who checked on the supplier — moves it on.
//
//   Intent ──sent──▶ Sent ──accepted──▶ Accepted ──▶ Succeeded ──▶ Delivered
//     │                │                   │             (secret held sealed until delivered)
//     │                ├──▶ Failed ◀───────┘
//     └──▶ Failed      └──▶ Unknown ──(operator or query)──▶ Succeeded | Failed
//
// Unknown: a timeout or a lost response after the request may have left. It is never retried
// under the same or a new number; Fulu resolves it by querying the number, acg-faka only by the
// operator in the 采购结果未知 queue (its query takes the upstream's number, which was lost).
// A supplier's "manual review" answer (paid, but the cards are missing, miscounted or unreadable,
// or a Fulu order not final within the polling bound) also lands in Unknown, with the reason in
// the row's error and the upstream number kept: an operator settles it (sync/purchaser.h).
enum class PurchaseState { Intent, Sent, Accepted, Succeeded, Failed, Unknown, Delivered };

QString purchaseStateCode(PurchaseState state);
std::optional<PurchaseState> purchaseStateFromCode(const QString& code);
// Whether `from → to` is a step of the diagram above.
bool purchaseTransitionAllowed(PurchaseState from, PurchaseState to);
// Nothing moves on from here.
bool purchaseStateIsFinal(PurchaseState state);

} // namespace cardops::core
