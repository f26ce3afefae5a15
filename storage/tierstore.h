#pragma once

#include "core/access.h"
#include "core/platformtypes.h"
#include "core/result.h"
#include "core/tierrules.h"

#include <QHash>
#include <QList>
#include <QString>

namespace cardops::storage {

class ReadSession;
class WriteContext;

// Tier upgrades and downgrades over the cache (issue #10 items 3–4, docs/commission.md "Tier
// upgrades"): the cached ladder with CardOps's downgrade policies as core::TierRule, the members'
// figures the rules read, and the evaluation run at the end of every sync round, which records each
// move (tier_moves), stages the members PATCH `tier_id` through the outbox (audited) and empties
// member_dirty.
namespace tierstore {

// sync_state key: the moment of the last evaluation (unix seconds).
inline const QString EvaluatedAtKey = QStringLiteral("tiers.evaluated_at");
// sync_state key: the ladder version and policies the last evaluation used ("<version>"; emptied by
// setPolicy). A different one makes the next evaluation a full one.
inline const QString EvaluatedLadderKey = QStringLiteral("tiers.evaluated_ladder");

// The ladder as cached from the platform (tiers table and its version), sorted by rank.
core::Result<core::TierLadder> ladder(const ReadSession& read);
// CardOps's downgrade policy per tier id (tier_policies); a tier without a row is None.
core::Result<QHash<qint64, core::DowngradePolicy>> policies(const ReadSession& read);
// ladder() with policies() as checked rules (core::tierRulesFrom): an empty list for an empty ladder.
core::Result<QList<core::TierRule>> rules(const ReadSession& read);

// Sets the downgrade policy of a tier; needs core::Permission::EditTiers, audited ("tier_policy").
// The next evaluation is a full one.
core::Result<void> setPolicy(WriteContext& ctx, const core::Actor& actor, qint64 tierId,
                             core::DowngradePolicy policy);

// The figures the rules read, as of `at`, for `memberIds` (empty = every member), by member id.
// - cumulative spend: paid − refunded of the orders with a paid status (memberstats::paidStatuses)
//   created up to the end of the business day of `at`;
// - cumulative recharge: the sum of the member's `recharge` ledger entries up to the same moment;
// - own GMV 30d: paid − refunded of those orders created in the 30 business days ending with the
//   day of `at` (core::windowSum: whole days, the day of `at` included); a refund counts on the
//   order's day (the cache holds each order's current state);
// - downline GMV 30d: the own GMV 30d of every descendant, the whole subtree (an agent is paid
//   commission on every depth of the ladder, and a team's GMV must not drop because a direct
//   downline recruited the buyer);
// - active downlines: direct downlines with an order in the window that is not fully refunded.
// Members missing from the cache are left out; a cycle in the parent links stops the walk.
core::Result<QList<core::MemberFigures>> figures(const ReadSession& read, qint64 at,
                                                 const QList<qint64>& memberIds = {});
core::Result<QList<core::MemberFigures>> figures(WriteContext& ctx, qint64 at,
                                                 const QList<qint64>& memberIds = {});

struct EvaluationResult
{
    QList<core::TierMove> moves; // recorded and staged
    qint64 evaluated = 0;        // members whose figures were read
    bool full = false;           // every member (the first evaluation, or a new ladder or policy)
    bool downgrades = false;     // a business-day boundary lay since the last evaluation
    QList<qint64> unknownTierMembers;
    QString problem; // why nothing was evaluated (an unusable ladder); English, for the log
};

// Evaluates at `at`: the members in member_dirty and all their ancestors (their downline figures
// changed), plus the members of SlidingWindow tiers when a business-day boundary lies since the last
// evaluation (only then do downgrades apply); every member on the first evaluation and after the
// ladder or a policy changed. Each move is
// recorded in tier_moves with its rule (which names the figures), staged as a members PATCH
// `tier_id` in the outbox (its id in tier_moves.outbox_id) and audited ("tier_move"), acting as the
// shop's first active administrator. member_dirty is emptied (but for members the cache does not
// hold yet) and `at` stored (EvaluatedAtKey,
// never moved back). An empty ladder evaluates nothing and keeps the dirty members; an invalid one
// too, with `problem` set, rather than failing the caller's job.
core::Result<EvaluationResult> evaluate(WriteContext& ctx, qint64 at);

// A recorded move with the names the console shows.
struct RecordedMove
{
    qint64 id = 0;
    qint64 memberId = 0;
    QString memberName;
    qint64 fromTier = 0;
    QString fromName;
    qint64 toTier = 0;
    QString toName;
    core::TierDirection direction = core::TierDirection::Up;
    QString rule;
    qint64 at = 0;
    qint64 outboxId = 0;
};
// The newest moves first (by time, then id), at most `limit`.
core::Result<QList<RecordedMove>> recentMoves(const ReadSession& read, int limit);

} // namespace tierstore
} // namespace cardops::storage
