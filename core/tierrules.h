#pragma once

#include "core/clock.h"
#include "core/money.h"
#include "core/platformtypes.h"
#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

// Tier upgrades and downgrades (issue #10 items 3–4, domain.md "Upgrade rules ↔ performance
// statistics"): which tier a member's figures earn, evaluated after each ingest and at each
// business-day boundary, each move naming the rule and the figures that decided it. Pure functions
// over value types: no storage, no network, any thread. docs/commission.md "Tier upgrades" states
// the rules and the decisions behind them.
namespace cardops::core {

// The sliding figures cover this many business days (the `_30d` of platform-api.md).
constexpr qint64 SlidingWindowDays = 30;

// Business-day boundaries (Asia/Shanghai 00:00) passed from `from` (exclusive) to `to`
// (inclusive): 0 when both lie in the same business day or `to` is not later.
constexpr qint64 businessDaysCrossed(qint64 from, qint64 to)
{
    const qint64 crossed = businessDay(to) - businessDay(from);
    return crossed > 0 ? crossed : 0;
}
constexpr bool isBusinessDayBoundary(qint64 previous, qint64 now)
{
    return businessDaysCrossed(previous, now) > 0;
}

// An amount booked on one business day (businessDay() of clock.h), e.g. a member's order GMV of
// that day. A refund may be given as a negative amount.
struct DayAmount
{
    qint64 day = 0;
    Money amount;
};

// The sliding figure as of `at`: the sum of the amounts whose day lies in the `days` business days
// ending with the day of `at`, both ends included — [businessDay(at) − days + 1, businessDay(at)].
// Whole days: everything booked on the day of `at` counts; later days never do. `days` ≥ 1.
Money windowSum(const QList<DayAmount>& amounts, qint64 at, qint64 days = SlidingWindowDays);

// What a tier asks of a member. An unset condition is not required. All set conditions must hold
// together (all-of); a figure equal to its threshold meets it (≥). A tier above the lowest with no
// condition at all is assigned by hand only: no evaluation moves anyone into it.
struct UpgradeConditions
{
    std::optional<Money> cumulativeSpend;    // cumulative_spend
    std::optional<Money> cumulativeRecharge; // cumulative_recharge
    std::optional<Money> downlineGmv30d;     // downline_gmv_30d (sliding)
    std::optional<Money> ownGmv30d;          // own_gmv_30d (sliding)
    std::optional<qint64> activeDownlines;   // active_downlines (sliding)

    bool isEmpty() const;
    bool hasSlidingCondition() const;
};

// The platform's `upgrade` object ({"downline_gmv_30d":"5000.0000",…}) with the keys named above;
// an unknown key, a non-string amount or a negative threshold is refused (Parse), so a condition is
// never silently dropped.
Result<UpgradeConditions> upgradeConditionsFrom(const QByteArray& upgradeJson);

enum class DowngradePolicy {
    None,          // a tier once held is kept
    SlidingWindow, // falls at a business-day boundary when a sliding figure no longer holds
};

struct TierRule
{
    qint64 tierId = 0;
    qint64 rank = 0;
    UpgradeConditions conditions;
    DowngradePolicy downgrade = DowngradePolicy::None;
};

// A ladder must list its tiers by rank, ranks ascending by exactly one (no gap, no repeat, no
// unsorted entry), tier ids distinct, thresholds not negative; otherwise InvalidArgument.
Result<void> checkTierRules(const QList<TierRule>& ladder);

// The platform's ladder as rules, sorted by rank; the downgrade policy is CardOps's setting per
// tier id (platform-api.md has no field for it), absent = None. Checked with checkTierRules.
Result<QList<TierRule>> tierRulesFrom(const TierLadder& ladder,
                                      const QHash<qint64, DowngradePolicy>& downgrades = {});

// One member's figures as of the evaluation moment; the sliding ones come from windowSum (or the
// same window over the caller's rollups). Active downlines are the caller's count of downlines with
// an order in the same window.
struct MemberFigures
{
    qint64 memberId = 0;
    qint64 tierId = 0; // the tier the member holds now
    Money cumulativeSpend;
    Money cumulativeRecharge;
    Money downlineGmv30d;
    Money ownGmv30d;
    qint64 activeDownlines = 0;
};

enum class TierDirection { Up, Down };

// A move to record and push to the platform. `rule` is stable English, never shown as is:
// "upgrade all_of(cumulative_spend 1000.0000>=1000.0000)" names the conditions of the tier reached;
// "downgrade sliding_window(own_gmv_30d 4999.9900<5000.0000)" the failing sliding conditions of the
// tier left. Money with 4 places, so the figures are exact.
struct TierMove
{
    qint64 memberId = 0;
    qint64 fromTier = 0;
    qint64 toTier = 0;
    TierDirection direction = TierDirection::Up;
    QString rule;
    qint64 at = 0;

    bool operator==(const TierMove&) const = default;
};

struct TierEvaluation
{
    QList<TierMove> moves;            // in the order of the members given
    QList<qint64> unknownTierMembers; // members whose tier is not in the ladder: not evaluated
};

// Evaluates every member at `at`. Upgrades apply at any evaluation, straight to the highest tier
// whose conditions hold. Downgrades apply only when a business-day boundary lies between
// `lastEvaluatedAt` and `at` (a caller that wants upgrades only passes `at` twice): a member of a
// SlidingWindow tier one of whose sliding conditions no longer holds falls straight to the highest
// lower tier whose conditions hold (the lowest tier always holds). The ladder is checked first.
Result<TierEvaluation> evaluateTiers(const QList<TierRule>& ladder, const QList<MemberFigures>& members,
                                     qint64 lastEvaluatedAt, qint64 at);

} // namespace cardops::core
