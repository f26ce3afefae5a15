#pragma once

#include "bridge/bridgewrite.h"

namespace cardops::bridge {

// POST /v1/withdrawals/{id}/approve and /reject (acg-faka-model.md §2.7, §4.9), as the acg admin
// decides a withdrawal: the cash row is locked and must still be pending (else 409 / 40900 with the
// current withdrawal, as the simulator answers a decided request). Approve sets status 1 and
// arrive_time; no money moves. Reject needs a reason of 1–64 characters (400 "reason"), sets status 2,
// message and arrive_time, then locks the member and credits amount + fee back to the coin wallet
// with the bill 兑现被拒绝 (coin and total_coin grow, as acg does). One transaction, audited; the answer
// is the withdrawal after the decision.
sim::ApiResult approveWithdrawal(ApiCall& call);
sim::ApiResult rejectWithdrawal(ApiCall& call);

// A version for an entity served outside a feed page, never below the one its feed row will carry:
// its newest feed position, or, while a committed change of it still waits in the inbox (or one is
// written by the caller's open transaction), one past the newest feed position.
core::Result<qint64> entityVersion(BridgeDb& db, const QString& entity, qint64 id, bool changedNow);

} // namespace cardops::bridge
