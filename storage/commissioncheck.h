#pragma once

#include "core/commission.h"
#include "core/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <atomic>

namespace cardops::storage {

class ReadSession;

// The commission check over the cache (issue #10 item 5, docs/commission.md): the paid orders
// created in [from, to) (commission is due once an order is delivered), each ancestor's tier and the parent
// links as member_history says they stood at the order's time, the ladder of the tiers table, the order's
// refunds (the ledger's `refund` entries in ledger order, else orders.refund_amount as one refund) and the
// platform's `commission` entries of those orders; core::expectedCommissions and core::compareCommissions do
// the rest. Call on the thread that owns the session (the loader thread).
namespace commissioncheck {

// Asked between steps; set `cancel` to stop (the call then returns ErrorCode::Conflict "cancelled").
struct Progress
{
    std::atomic<qint64> done{0};  // orders computed
    std::atomic<qint64> total{0}; // orders of the period (known after loading)
    std::atomic<bool> cancel{false};
};

// An order the check cannot verify (a tier unknown at the order's time, a cycle, no history).
struct Unverifiable
{
    qint64 orderId = 0;
    QString orderNo;
    QString reason; // English, from core (names the order and member)
};

struct CheckResult
{
    qint64 from = 0;
    qint64 to = 0;
    qint64 orders = 0;      // paid orders created in the period
    qint64 verified = 0;    // of them, checked
    qint64 undelivered = 0; // of the verified, not delivered: no commission is due (docs/commission.md)
    // Net sums (credits − reversals) over the verified orders.
    core::Money expectedTotal;
    core::Money creditedTotal;
    QList<core::CommissionDifference> differences; // core order: by order, credits first
    QList<Unverifiable> unverifiable;
    QHash<qint64, QString> orderNos;    // every order named by a difference
    QHash<qint64, QString> memberNames; // every member named by a difference
    int count(core::DifferenceKind kind) const;
};

core::Result<CheckResult> run(const ReadSession& read, qint64 from, qint64 to, Progress* progress = nullptr);

// One line of an agent's statement: an expected entry, the platform's entry, or both paired (same
// order and kind, in depth/refund and ledger order). Amounts are signed: a reversal is negative;
// a side that is absent is zero with `hasExpected`/`ledgerId` telling which.
struct StatementEntry
{
    qint64 orderId = 0;
    QString orderNo;
    qint64 orderAt = 0;
    qint64 buyerId = 0;
    QString buyerName;
    int depth = 0; // 0 when only the platform booked it
    core::CommissionKind kind = core::CommissionKind::Credit;
    bool hasExpected = false;
    core::Money expected;
    qint64 ledgerId = 0; // 0 = the platform booked nothing for this line
    core::Money credited;
    core::Money difference() const { return credited - expected; }
};

struct Statement
{
    qint64 memberId = 0;
    QString memberName;
    qint64 from = 0;
    qint64 to = 0;
    QList<StatementEntry> entries; // by order id, credits first
    core::Money expectedTotal;
    core::Money creditedTotal;
    QList<Unverifiable> unverifiable; // orders of the period whose expectation for anyone is unknown
};

core::Result<Statement> statement(const ReadSession& read, qint64 memberId, qint64 from, qint64 to,
                                  Progress* progress = nullptr);

// The English code of a difference kind: missing, unexpected, wrong_amount, wrong_member.
QString kindCode(core::DifferenceKind kind);

} // namespace commissioncheck
} // namespace cardops::storage
