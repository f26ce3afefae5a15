#pragma once

#include "core/money.h"
#include "core/platformtypes.h"
#include "core/result.h"

#include <QHash>
#include <QList>

// The commission check (issue #10 item 5, domain.md "Money" and "Finance"): CardOps recomputes what
// every ancestor of a buyer should have earned on an order — with each ancestor's tier at the time
// of the order — and what each refund should have reversed, then lists how the platform's ledger
// differs. Pure functions over value types: no storage, no network, any thread.
namespace cardops::core {

// A member's tier from a moment on. A member's history is a list of these; the tier at time t is
// the one of the latest change at or before t.
struct TierChange
{
    qint64 from = 0; // unix seconds
    qint64 tierId = 0;
};

// The tiers members held over time. Ancestors whose tier is unknown at an order's time make the
// order unverifiable (an error), rather than silently checking against today's tier.
class TierHistory
{
public:
    // Records that `memberId` holds `tierId` from `from` on; a second change at the same second
    // replaces the first.
    void add(qint64 memberId, qint64 from, qint64 tierId);
    Result<qint64> tierAt(qint64 memberId, qint64 at) const;

private:
    QHash<qint64, QList<TierChange>> m_changes; // each list sorted by `from`
};

// Tier id → commission rates by depth: [k] is the rate of the ancestor k+1 levels above the buyer
// (platform-api.md, Tiers).
using CommissionLadder = QHash<qint64, QList<Rate>>;

// The ladder as the platform sends it (percent strings in `commissionRates`, "1.5%").
Result<CommissionLadder> commissionLadderFrom(const TierLadder& ladder);

// Member → parent (0 = none), as the tree stood at an order's time.
using ParentLinks = QHash<qint64, qint64>;

// The buyer's ancestors, nearest first ([0] is depth 1). Walks to the root, so a cycle anywhere
// above the buyer is refused (InvalidArgument) instead of looping or being cut off by a depth cap.
Result<QList<qint64>> ancestorChain(qint64 buyerId, const ParentLinks& parents);

// The base of the commission. A platform order is one goods line, so the line's paid amount is the
// order's `paid_amount`.
struct CommissionOrder
{
    qint64 orderId = 0;
    qint64 buyerId = 0;
    Money paidAmount;
    qint64 createdAt = 0; // the moment whose tiers apply
};

enum class CommissionKind { Credit, Reversal };

// One commission ledger entry CardOps expects. `amount` is a magnitude (> 0): a reversal is booked
// on the platform as a negative commission entry.
struct ExpectedCommission
{
    qint64 orderId = 0;
    qint64 memberId = 0;
    int depth = 0;   // 1 = the buyer's parent
    int refund = -1; // for a reversal: index of the refund that caused it; -1 for a credit
    CommissionKind kind = CommissionKind::Credit;
    Money amount;
};

// The credits of one order: one entry per ancestor whose tier, at the order's time, has a rate at
// its depth and whose rounded commission is not zero (the platform books no zero entries).
Result<QList<ExpectedCommission>> expectedCredits(const CommissionOrder& order, const QList<qint64>& chain,
                                                  const TierHistory& tiers, const CommissionLadder& ladder);

// What each refund of an order reverses from one credit of `credit` on a paid amount of `paid`,
// refunds in the order they happened. Reversal k = share(refunds 0..k) − share(refunds 0..k−1),
// where share(r) is credit × r / paid rounded as domain.md says: a single refund is exactly the
// domain.md rule, the total never exceeds the credit, and once the refunds reach the paid amount
// the total is exactly the credit (the last refund absorbs the rounding of the earlier ones).
// Refunds beyond the paid amount reverse nothing more.
QList<Money> reversalsOf(Money credit, Money paid, const QList<Money>& refunds);

// Credits and, for every refund, the non-zero reversals of each credit.
Result<QList<ExpectedCommission>> expectedCommissions(const CommissionOrder& order,
                                                      const QList<qint64>& chain, const TierHistory& tiers,
                                                      const CommissionLadder& ladder,
                                                      const QList<Money>& refunds);

// A commission entry the platform booked (a ledger entry of kind `commission`).
struct CreditedCommission
{
    qint64 ledgerId = 0;
    qint64 orderId = 0;
    qint64 memberId = 0;
    CommissionKind kind = CommissionKind::Credit;
    Money amount; // magnitude, > 0
};

// A `commission` ledger entry as a CreditedCommission (negative amount = reversal). Other kinds
// and zero amounts are refused.
Result<CreditedCommission> creditedFromLedger(const LedgerEntry& entry);

enum class DifferenceKind { Missing, Unexpected, WrongAmount, WrongMember };

struct CommissionDifference
{
    DifferenceKind kind = DifferenceKind::Missing;
    qint64 orderId = 0;
    CommissionKind entryKind = CommissionKind::Credit;
    qint64 expectedMemberId = 0; // 0 for Unexpected
    Money expectedAmount;
    qint64 actualMemberId = 0; // 0 for Missing
    Money actualAmount;
    qint64 ledgerId = 0; // the platform's entry; 0 for Missing
};

// Matches expected and credited entries per order and kind (credit or reversal), in this order of
// precedence: same member and amount (no difference); same member, other amount (WrongAmount);
// same amount, other member (WrongMember); what is left is Missing or Unexpected. Within each step
// entries pair in the order given (expected: depth then refund; credited: ledger order).
// Differences come sorted by order id, credits before reversals.
QList<CommissionDifference> compareCommissions(const QList<ExpectedCommission>& expected,
                                               const QList<CreditedCommission>& credited);

} // namespace cardops::core
