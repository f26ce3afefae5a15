#pragma once

#include "bridge/bridgewrite.h"

// Member edits as acg-faka's admin performs them (acg-faka-model.md §2.9 "Member edit", "Balance
// change", §4.5), with the simulator's request and answer shapes (sim/data/platformactions.cpp).
namespace cardops::bridge {

// PATCH /v1/members/{id} with If-Match: tier_id (writes recharge = the tier's threshold, as the acg
// admin does: the real cumulative top-up is lost), parent_id (self, unknown members and cycles are
// refused), tags (the bridge's member_tags table; a change row re-versions the member).
sim::ApiResult patchMember(ApiCall& call);
// POST /v1/members/{id}/balance {"amount":"-10.0000","reason":"…"}: a credit (> 0) or debit (< 0)
// of the spendable balance with one acg_bill row; never counted toward the tier (recharge).
sim::ApiResult adjustBalance(ApiCall& call);
// PUT /v1/tiers with If-Match = the ladder version: names and thresholds (recharge) of the existing
// user groups, partially (acg-faka-model.md §4.6). Every tier must be listed; new or removed tiers,
// discounts, group discounts, commission rates and other upgrade rules are refused (403 / 40300).
sim::ApiResult putTiers(ApiCall& call);

} // namespace cardops::bridge
