#include "core/tierrules.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringList>
#include <algorithm>

namespace cardops::core {

namespace {

// One condition checked against one figure, kept as text for the move's rule.
struct Check
{
    bool holds = true;
    QString text;
};

QString moneyCheck(const char* key, Money figure, Money threshold, bool holds)
{
    return QStringLiteral("%1 %2%3%4")
        .arg(QLatin1String(key), figure.toString(4), holds ? QStringLiteral(">=") : QStringLiteral("<"),
             threshold.toString(4));
}

// The checks of every set condition, in a fixed order so the rule text is stable. `slidingOnly`
// leaves out the cumulative conditions (which a downgrade does not look at).
QList<Check> checksOf(const UpgradeConditions& c, const MemberFigures& f, bool slidingOnly)
{
    QList<Check> out;
    const auto money = [&out](const char* key, const std::optional<Money>& threshold, Money figure) {
        if (threshold) {
            const bool holds = figure >= *threshold;
            out.append({holds, moneyCheck(key, figure, *threshold, holds)});
        }
    };
    if (!slidingOnly) {
        money("cumulative_spend", c.cumulativeSpend, f.cumulativeSpend);
        money("cumulative_recharge", c.cumulativeRecharge, f.cumulativeRecharge);
    }
    money("downline_gmv_30d", c.downlineGmv30d, f.downlineGmv30d);
    money("own_gmv_30d", c.ownGmv30d, f.ownGmv30d);
    if (c.activeDownlines) {
        const bool holds = f.activeDownlines >= *c.activeDownlines;
        out.append({holds, QStringLiteral("active_downlines %1%2%3")
                               .arg(f.activeDownlines)
                               .arg(holds ? QStringLiteral(">=") : QStringLiteral("<"))
                               .arg(*c.activeDownlines)});
    }
    return out;
}

bool allHold(const QList<Check>& checks)
{
    return std::all_of(checks.cbegin(), checks.cend(), [](const Check& c) { return c.holds; });
}

// Whether a member may be moved into the tier at `index` by its figures: the lowest tier always,
// a hand-assigned tier (no condition) never, any other when all its conditions hold.
bool earns(const QList<TierRule>& ladder, qsizetype index, const MemberFigures& f)
{
    if (index == 0)
        return true;
    const UpgradeConditions& c = ladder[index].conditions;
    return !c.isEmpty() && allHold(checksOf(c, f, false));
}

QString joined(const QList<Check>& checks, bool failingOnly)
{
    QStringList parts;
    for (const Check& c : checks)
        if (!failingOnly || !c.holds)
            parts.append(c.text);
    return parts.join(QStringLiteral(", "));
}

bool negative(const std::optional<Money>& m)
{
    return m && m->isNegative();
}

} // namespace

Money windowSum(const QList<DayAmount>& amounts, qint64 at, qint64 days)
{
    const qint64 last = businessDay(at);
    const qint64 first = last - days + 1;
    Money sum;
    for (const DayAmount& a : amounts)
        if (a.day >= first && a.day <= last)
            sum += a.amount;
    return sum;
}

bool UpgradeConditions::isEmpty() const
{
    return !cumulativeSpend && !cumulativeRecharge && !hasSlidingCondition();
}

bool UpgradeConditions::hasSlidingCondition() const
{
    return downlineGmv30d || ownGmv30d || activeDownlines;
}

Result<UpgradeConditions> upgradeConditionsFrom(const QByteArray& upgradeJson)
{
    const QJsonDocument doc = QJsonDocument::fromJson(upgradeJson);
    if (!doc.isObject())
        return makeError(ErrorCode::Parse, QStringLiteral("upgrade is not an object"));
    UpgradeConditions out;
    const QJsonObject obj = doc.object();
    for (auto it = obj.constBegin(); it != obj.constEnd(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == u"active_downlines") {
            // A count: a JSON integer, as the platform writes counts elsewhere (toInteger answers
            // the default for a fraction or a string).
            const qint64 count = v.toInteger(-1);
            if (count < 0)
                return makeError(ErrorCode::Parse, QStringLiteral("upgrade.active_downlines is not a count"));
            out.activeDownlines = count;
            continue;
        }
        std::optional<Money>* slot = nullptr;
        if (key == u"cumulative_spend")
            slot = &out.cumulativeSpend;
        else if (key == u"cumulative_recharge")
            slot = &out.cumulativeRecharge;
        else if (key == u"downline_gmv_30d")
            slot = &out.downlineGmv30d;
        else if (key == u"own_gmv_30d")
            slot = &out.ownGmv30d;
        else
            return makeError(ErrorCode::Parse, QStringLiteral("upgrade: unknown condition %1").arg(key));
        const Result<Money> amount = Money::parse(v.toString());
        if (!v.isString() || !amount || amount->isNegative())
            return makeError(ErrorCode::Parse, QStringLiteral("upgrade.%1 is not an amount").arg(key));
        *slot = *amount;
    }
    return out;
}

Result<void> checkTierRules(const QList<TierRule>& ladder)
{
    if (ladder.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("tier ladder is empty"));
    QSet<qint64> ids;
    for (qsizetype i = 0; i < ladder.size(); ++i) {
        const TierRule& t = ladder[i];
        if (i > 0 && t.rank != ladder[i - 1].rank + 1)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("tier %1: rank %2 follows rank %3 (ranks must ascend by one)")
                                 .arg(t.tierId)
                                 .arg(t.rank)
                                 .arg(ladder[i - 1].rank));
        if (ids.contains(t.tierId))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("tier %1 listed twice").arg(t.tierId));
        ids.insert(t.tierId);
        const UpgradeConditions& c = t.conditions;
        if (negative(c.cumulativeSpend) || negative(c.cumulativeRecharge) || negative(c.downlineGmv30d) ||
            negative(c.ownGmv30d) || (c.activeDownlines && *c.activeDownlines < 0))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("tier %1: negative upgrade threshold").arg(t.tierId));
    }
    return {};
}

Result<QList<TierRule>> tierRulesFrom(const TierLadder& ladder,
                                      const QHash<qint64, DowngradePolicy>& downgrades)
{
    QList<TierRule> out;
    for (const Tier& tier : ladder.tiers) {
        const Result<UpgradeConditions> conditions = upgradeConditionsFrom(tier.upgrade);
        if (!conditions)
            return makeError(conditions.error().code,
                             QStringLiteral("tier %1: %2").arg(tier.id).arg(conditions.error().detail));
        out.append({tier.id, tier.rank, *conditions, downgrades.value(tier.id, DowngradePolicy::None)});
    }
    // The platform's list order carries no meaning; rank does. A repeated rank stays and is refused.
    std::stable_sort(out.begin(), out.end(),
                     [](const TierRule& a, const TierRule& b) { return a.rank < b.rank; });
    if (const Result<void> ok = checkTierRules(out); !ok)
        return ok.error();
    return out;
}

Result<TierEvaluation> evaluateTiers(const QList<TierRule>& ladder, const QList<MemberFigures>& members,
                                     qint64 lastEvaluatedAt, qint64 at)
{
    if (const Result<void> ok = checkTierRules(ladder); !ok)
        return ok.error();
    QHash<qint64, qsizetype> indexOf;
    for (qsizetype i = 0; i < ladder.size(); ++i)
        indexOf.insert(ladder[i].tierId, i);
    const bool boundary = isBusinessDayBoundary(lastEvaluatedAt, at);

    TierEvaluation out;
    for (const MemberFigures& f : members) {
        const auto found = indexOf.constFind(f.tierId);
        if (found == indexOf.cend()) {
            out.unknownTierMembers.append(f.memberId);
            continue;
        }
        const qsizetype current = *found;

        // Upgrades skip tiers: the highest earned tier above the current one.
        qsizetype up = current;
        for (qsizetype i = ladder.size() - 1; i > current; --i) {
            if (earns(ladder, i, f)) {
                up = i;
                break;
            }
        }
        if (up != current) {
            const QList<Check> checks = checksOf(ladder[up].conditions, f, false);
            out.moves.append({f.memberId, f.tierId, ladder[up].tierId, TierDirection::Up,
                              QStringLiteral("upgrade all_of(%1)").arg(joined(checks, false)), at});
            continue;
        }

        const TierRule& held = ladder[current];
        if (!boundary || current == 0 || held.downgrade != DowngradePolicy::SlidingWindow)
            continue;
        // Only the sliding figures can fall; cumulative ones are earned for good, so a member placed
        // by hand without them is not moved down for them.
        const QList<Check> sliding = checksOf(held.conditions, f, true);
        if (allHold(sliding))
            continue;
        qsizetype down = 0;
        for (qsizetype i = current - 1; i > 0; --i) {
            if (earns(ladder, i, f)) {
                down = i;
                break;
            }
        }
        out.moves.append({f.memberId, f.tierId, ladder[down].tierId, TierDirection::Down,
                          QStringLiteral("downgrade sliding_window(%1)").arg(joined(sliding, true)), at});
    }
    return out;
}

} // namespace cardops::core
