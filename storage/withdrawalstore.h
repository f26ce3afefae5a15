#pragma once

#include "core/access.h"
#include "core/platformtypes.h"
#include "core/result.h"

#include <QList>
#include <QString>

namespace cardops::storage {

class ReadSession;
class WriteContext;

// 提现审核 (issue #10 item 6): agents' withdrawal requests as the cache holds them, the agent's
// context for the decision, and the platform's answer to a decision written into the cache with
// the 提现待审 counter kept right and a local audit entry.
namespace withdrawalstore {

struct WithdrawalRow
{
    qint64 id = 0;
    qint64 memberId = 0;
    QString memberName;
    QString memberKind;
    core::Money amount;
    QString status; // pending approved rejected
    qint64 createdAt = 0;
    qint64 decidedAt = 0;
    qint64 version = 0;
};

// What an operator wants to know about the agent before paying out.
struct AgentContext
{
    qint64 memberId = 0;
    QString name;
    QString kind;
    qint64 tierId = 0;
    QString tierName;
    core::Money balance;
    qint64 downlines = 0;       // direct downlines
    core::Money commissions30d; // commission ledger entries of the last 30 days (reversals net)
    core::Money approved30d;    // withdrawals approved in the last 30 days
    qint64 approvedCount30d = 0;
    qint64 lastWithdrawalAt = 0; // the newest other withdrawal request, 0 = none
    core::Money lastWithdrawalAmount;
    QString lastWithdrawalStatus;
    qint64 memberSince = 0;  // registered_at
    qint64 pendingCount = 0; // this agent's pending requests, this one included
    bool found = false;      // false: the member is not in the cache
};

// Pending requests, oldest first.
core::Result<QList<WithdrawalRow>> pending(const ReadSession& read, int limit = 2000);
// Decided requests, the newest decision first.
core::Result<QList<WithdrawalRow>> decided(const ReadSession& read, int limit = 500);
core::Result<WithdrawalRow> withdrawal(const ReadSession& read, qint64 id);

// The agent's context as of `now` (unix seconds); `withdrawalId` is left out of "last withdrawal".
core::Result<AgentContext> agentContext(const ReadSession& read, qint64 memberId, qint64 withdrawalId,
                                        qint64 now);

// The platform's withdrawal (the answer to approve/reject, or the current entity of a refusal)
// into the cache when newer, the 提现待审 counter moved as the feed's ingest moves it. True when the
// row changed.
core::Result<bool> applyRemote(WriteContext& ctx, const core::Withdrawal& remote);

// A decision the platform accepted: applyRemote plus the audit entry `withdrawal.approve` /
// `withdrawal.reject` (entity `withdrawal`, {"member_id","amount","reason"}).
core::Result<bool> recordDecision(WriteContext& ctx, const core::Actor& actor, const core::Withdrawal& remote,
                                  bool approve, const QString& reason);

} // namespace withdrawalstore
} // namespace cardops::storage
