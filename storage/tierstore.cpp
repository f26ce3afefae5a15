#include "storage/tierstore.h"

#include "core/clock.h"
#include "storage/memberstats.h"
#include "storage/outbox.h"
#include "storage/platformcache.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace cardops::storage::tierstore {
namespace {

using Rows = QList<QVariantList>;
using Select = std::function<core::Result<Rows>(const QString&, const QVariantList&)>;

QString policyCode(core::DowngradePolicy p)
{
    return p == core::DowngradePolicy::SlidingWindow ? u"sliding_window"_s : u"none"_s;
}

QString paidList()
{
    return u"'"_s + memberstats::paidStatuses().join(u"','"_s) + u"'"_s;
}

// " AND member_id IN (…)" for a subset (integers only, so written in place); empty for everyone.
QString memberFilter(const QList<qint64>& ids)
{
    if (ids.isEmpty())
        return {};
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts << QString::number(id);
    return u" AND member_id IN ("_s + parts.join(u',') + u')';
}

core::Result<core::TierLadder> ladderWith(const Select& select)
{
    auto rows = select(u"SELECT id, name, rank, discount_ppm, commission_rates, upgrade, version FROM tiers "
                       u"ORDER BY rank, id"_s,
                       {});
    if (!rows)
        return rows.error();
    core::TierLadder ladder;
    for (const QVariantList& r : *rows) {
        core::Tier t;
        t.id = r.value(0).toLongLong();
        t.name = r.value(1).toString();
        t.rank = r.value(2).toLongLong();
        t.discount = core::Rate::fromPpm(r.value(3).toLongLong());
        t.commissionRates = r.value(4).toString().toUtf8();
        t.upgrade = r.value(5).toString().toUtf8();
        t.version = r.value(6).toLongLong();
        ladder.tiers.append(t);
    }
    auto version = select(u"SELECT value FROM sync_state WHERE key = ?"_s, {statekeys::TierLadderVersion});
    if (!version)
        return version.error();
    if (!version->isEmpty())
        ladder.version = version->first().value(0).toLongLong();
    return ladder;
}

core::Result<QHash<qint64, core::DowngradePolicy>> policiesWith(const Select& select)
{
    auto rows = select(u"SELECT tier_id, downgrade FROM tier_policies"_s, {});
    if (!rows)
        return rows.error();
    QHash<qint64, core::DowngradePolicy> out;
    for (const QVariantList& r : *rows)
        out.insert(r.value(0).toLongLong(), r.value(1).toString() == u"sliding_window"
                                                ? core::DowngradePolicy::SlidingWindow
                                                : core::DowngradePolicy::None);
    return out;
}

core::Result<QList<core::TierRule>> rulesWith(const Select& select)
{
    auto ladder = ladderWith(select);
    if (!ladder)
        return ladder.error();
    if (ladder->tiers.isEmpty())
        return QList<core::TierRule>{};
    auto policies = policiesWith(select);
    if (!policies)
        return policies.error();
    return core::tierRulesFrom(ladder.value(), policies.value());
}

// member → summed value of a grouped two-column query.
core::Result<QHash<qint64, qint64>> grouped(const Select& select, const QString& sql,
                                            const QVariantList& binds)
{
    auto rows = select(sql, binds);
    if (!rows)
        return rows.error();
    QHash<qint64, qint64> out;
    out.reserve(rows->size());
    for (const QVariantList& r : *rows)
        out.insert(r.value(0).toLongLong(), r.value(1).toLongLong());
    return out;
}

core::Result<QList<core::MemberFigures>> figuresWith(const Select& select, qint64 at,
                                                     const QList<qint64>& memberIds)
{
    const qint64 today = core::businessDay(at);
    const qint64 windowFrom = core::businessDayStart(today - core::SlidingWindowDays + 1);
    const qint64 dayEnd = core::businessDayStart(today + 1);
    const QString paid = paidList();

    auto members = select(u"SELECT id, parent_id, tier_id FROM members"_s, {});
    if (!members)
        return members.error();
    QHash<qint64, qint64> parent;
    QHash<qint64, qint64> tier;
    parent.reserve(members->size());
    tier.reserve(members->size());
    for (const QVariantList& r : *members) {
        parent.insert(r.value(0).toLongLong(), r.value(1).toLongLong());
        tier.insert(r.value(0).toLongLong(), r.value(2).toLongLong());
    }

    // The window of every member: the downline figures need the whole tree's.
    auto window = select(u"SELECT member_id, SUM(paid_amount - refund_amount), "
                         u"SUM(paid_amount > refund_amount) FROM orders WHERE created_at >= ? AND "
                         u"created_at < ? AND status IN (%1) GROUP BY member_id"_s.arg(paid),
                         {windowFrom, dayEnd});
    if (!window)
        return window.error();
    QHash<qint64, qint64> own;
    QHash<qint64, qint64> downline;
    QHash<qint64, qint64> active;
    for (const QVariantList& r : *window) {
        const qint64 id = r.value(0).toLongLong();
        const qint64 gmv = r.value(1).toLongLong();
        own.insert(id, gmv);
        if (r.value(2).toLongLong() > 0 && parent.value(id) > 0)
            active[parent.value(id)] += 1;
        // Every ancestor's subtree holds this member; a cycle ends the walk where it closes.
        QSet<qint64> seen{id};
        for (qint64 up = parent.value(id); up > 0 && !seen.contains(up); up = parent.value(up)) {
            seen.insert(up);
            downline[up] += gmv;
        }
    }

    const QString filter = memberFilter(memberIds);
    auto spend = grouped(select,
                         u"SELECT member_id, SUM(paid_amount - refund_amount) FROM orders WHERE "
                         u"created_at < ? AND status IN (%1)%2 GROUP BY member_id"_s.arg(paid, filter),
                         {dayEnd});
    if (!spend)
        return spend.error();
    auto recharge = grouped(select,
                            u"SELECT member_id, SUM(amount) FROM ledger %1 WHERE kind = 'recharge' AND "
                            u"created_at < ?%2 GROUP BY member_id"_s.arg(
                                // For everyone a plain scan: walking ledger_member reads the whole
                                // table in member order, one random page at a time (10 s against
                                // 0.4 s on the reference data set).
                                memberIds.isEmpty() ? u"NOT INDEXED"_s : QString(), filter),
                            {dayEnd});
    if (!recharge)
        return recharge.error();

    QList<qint64> ids = memberIds;
    if (ids.isEmpty()) {
        ids = parent.keys();
        std::sort(ids.begin(), ids.end());
    }
    QList<core::MemberFigures> out;
    out.reserve(ids.size());
    for (qint64 id : ids) {
        if (!parent.contains(id))
            continue;
        core::MemberFigures f;
        f.memberId = id;
        f.tierId = tier.value(id);
        f.cumulativeSpend = core::Money::fromUnits(spend->value(id));
        f.cumulativeRecharge = core::Money::fromUnits(recharge->value(id));
        f.ownGmv30d = core::Money::fromUnits(own.value(id));
        f.downlineGmv30d = core::Money::fromUnits(downline.value(id));
        f.activeDownlines = active.value(id);
        out.append(f);
    }
    return out;
}

Select readSelect(const ReadSession& read)
{
    return [&read](const QString& sql, const QVariantList& binds) {
        return read.select(sql, binds);
    };
}

Select writeSelect(WriteContext& ctx)
{
    return [&ctx](const QString& sql, const QVariantList& binds) {
        return ctx.select(sql, binds);
    };
}

// Automatic moves act as the shop's first active administrator (the built-in `admin` unless it
// was deactivated): the outbox and the audit log name an operator for every edit.
core::Result<core::Actor> automaticActor(WriteContext& ctx)
{
    auto rows = ctx.select(u"SELECT id, login FROM operators WHERE role = 'admin' AND active = 1 "
                           u"ORDER BY id LIMIT 1"_s);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return core::makeError(core::ErrorCode::PermissionDenied,
                               u"no active administrator to act for automatic tier moves"_s);
    return core::Actor{rows->first().value(0).toLongLong(), rows->first().value(1).toString(),
                       core::Role::Administrator};
}

// The members whose figures may have changed: the dirty ones and every ancestor of theirs.
core::Result<QList<qint64>> dirtyWithAncestors(WriteContext& ctx)
{
    auto dirty = ctx.select(u"SELECT member_id FROM member_dirty"_s);
    if (!dirty)
        return dirty.error();
    if (dirty->isEmpty())
        return QList<qint64>{};
    auto links = ctx.select(u"SELECT id, parent_id FROM members WHERE parent_id <> 0"_s);
    if (!links)
        return links.error();
    QHash<qint64, qint64> parent;
    for (const QVariantList& r : *links)
        parent.insert(r.value(0).toLongLong(), r.value(1).toLongLong());
    QSet<qint64> out;
    for (const QVariantList& r : *dirty) {
        for (qint64 id = r.value(0).toLongLong(); id > 0 && !out.contains(id); id = parent.value(id))
            out.insert(id);
    }
    QList<qint64> ids(out.cbegin(), out.cend());
    std::sort(ids.begin(), ids.end());
    return ids;
}

core::Result<void> record(WriteContext& ctx, const core::Actor& actor, const core::TierMove& move)
{
    auto staged =
        outbox::stage(ctx, actor, {u"members"_s, move.memberId, QJsonObject{{u"tier_id"_s, move.toTier}}});
    if (!staged)
        return staged.error();
    const bool up = move.direction == core::TierDirection::Up;
    auto id =
        ctx.insert(u"INSERT INTO tier_moves (member_id, from_tier, to_tier, direction, rule, at, outbox_id) "
                   u"VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                   {move.memberId, move.fromTier, move.toTier, up ? u"up"_s : u"down"_s, move.rule, move.at,
                    staged.value()});
    if (!id)
        return id.error();
    const QJsonObject detail{{u"from"_s, move.fromTier}, {u"to"_s, move.toTier},
                             {u"rule"_s, move.rule},     {u"at"_s, move.at},
                             {u"move"_s, id.value()},    {u"outbox"_s, staged.value()}};
    return ctx.audit(actor, u"tier_move"_s, u"members"_s, QString::number(move.memberId),
                     QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));
}

} // namespace

core::Result<core::TierLadder> ladder(const ReadSession& read)
{
    return ladderWith(readSelect(read));
}

core::Result<QHash<qint64, core::DowngradePolicy>> policies(const ReadSession& read)
{
    return policiesWith(readSelect(read));
}

core::Result<QList<core::TierRule>> rules(const ReadSession& read)
{
    return rulesWith(readSelect(read));
}

core::Result<void> setPolicy(WriteContext& ctx, const core::Actor& actor, qint64 tierId,
                             core::DowngradePolicy policy)
{
    auto allowed = core::authorize(actor, core::Permission::EditTiers);
    if (!allowed)
        return allowed;
    auto r = ctx.exec(u"INSERT INTO tier_policies (tier_id, downgrade) VALUES (?, ?) ON CONFLICT (tier_id) "
                      u"DO UPDATE SET downgrade = excluded.downgrade"_s,
                      {tierId, policyCode(policy)});
    if (!r)
        return r.error();
    ctx.touch(u"tier_policies"_s);
    if (auto forget = platformcache::setState(ctx, EvaluatedLadderKey, QString()); !forget)
        return forget;
    return ctx.audit(actor, u"tier_policy"_s, u"tiers"_s, QString::number(tierId),
                     u"{\"downgrade\":\"%1\"}"_s.arg(policyCode(policy)));
}

core::Result<QList<core::MemberFigures>> figures(const ReadSession& read, qint64 at,
                                                 const QList<qint64>& memberIds)
{
    return figuresWith(readSelect(read), at, memberIds);
}

core::Result<QList<core::MemberFigures>> figures(WriteContext& ctx, qint64 at, const QList<qint64>& memberIds)
{
    return figuresWith(writeSelect(ctx), at, memberIds);
}

core::Result<EvaluationResult> evaluate(WriteContext& ctx, qint64 at)
{
    EvaluationResult result;
    auto rules = rulesWith(writeSelect(ctx));
    if (!rules) {
        result.problem = u"tier ladder not usable: "_s + rules.error().detail;
        return result;
    }
    if (rules->isEmpty())
        return result;

    auto stored = ctx.select(u"SELECT value FROM sync_state WHERE key = ?"_s, {EvaluatedAtKey});
    if (!stored)
        return stored.error();
    const bool first = stored->isEmpty() || stored->first().value(0).toString().isEmpty();
    const qint64 last = first ? at : stored->first().value(0).toLongLong();
    result.downgrades = !first && core::isBusinessDayBoundary(last, at);
    auto ladderVersion = ctx.select(u"SELECT (SELECT value FROM sync_state WHERE key = ?), "
                                    u"(SELECT value FROM sync_state WHERE key = ?)"_s,
                                    {statekeys::TierLadderVersion, EvaluatedLadderKey});
    if (!ladderVersion)
        return ladderVersion.error();
    const QString version = ladderVersion->first().value(0).toString();
    const bool newLadder = ladderVersion->first().value(1).toString() != version;
    // At a boundary only sliding figures change (they can only fall), so besides the dirty members
    // only those holding a SlidingWindow tier need reading.
    result.full = first || newLadder;

    QList<qint64> ids;
    if (!result.full) {
        auto dirty = dirtyWithAncestors(ctx);
        if (!dirty)
            return dirty.error();
        ids = dirty.value();
        if (result.downgrades) {
            auto sliding =
                ctx.select(u"SELECT m.id FROM members m JOIN tier_policies p ON p.tier_id = m.tier_id "
                           u"WHERE p.downgrade = 'sliding_window'"_s);
            if (!sliding)
                return sliding.error();
            QSet<qint64> all(ids.cbegin(), ids.cend());
            for (const QVariantList& r : *sliding)
                all.insert(r.value(0).toLongLong());
            ids = QList<qint64>(all.cbegin(), all.cend());
            std::sort(ids.begin(), ids.end());
        }
    }
    if (result.full || !ids.isEmpty()) {
        auto figures = figuresWith(writeSelect(ctx), at, ids);
        if (!figures)
            return figures.error();
        result.evaluated = figures->size();
        // Upgrades only, unless a boundary lies since the last evaluation.
        auto evaluation =
            core::evaluateTiers(rules.value(), figures.value(), result.downgrades ? last : at, at);
        if (!evaluation) {
            result.problem = u"tier evaluation refused: "_s + evaluation.error().detail;
            return result;
        }
        result.unknownTierMembers = evaluation->unknownTierMembers;
        if (!evaluation->moves.isEmpty()) {
            auto actor = automaticActor(ctx);
            if (!actor)
                return actor.error();
            for (const core::TierMove& move : evaluation->moves) {
                auto r = record(ctx, actor.value(), move);
                if (!r)
                    return r.error();
            }
            ctx.touch(u"tier_moves"_s);
        }
        result.moves = evaluation->moves;
    }
    // A member the cache does not hold yet (its page comes later) stays dirty for the next round.
    auto cleared = ctx.exec(u"DELETE FROM member_dirty WHERE member_id IN (SELECT id FROM members)"_s);
    if (!cleared)
        return cleared.error();
    ctx.touch(u"member_dirty"_s);
    if (newLadder) {
        if (auto r = platformcache::setState(ctx, EvaluatedLadderKey, version); !r)
            return r.error();
    }
    if (first || at > last) {
        auto r = platformcache::setState(ctx, EvaluatedAtKey, QString::number(at));
        if (!r)
            return r.error();
    }
    return result;
}

core::Result<QList<RecordedMove>> recentMoves(const ReadSession& read, int limit)
{
    auto rows =
        read.select(u"SELECT t.id, t.member_id, COALESCE(m.name, ''), t.from_tier, COALESCE(f.name, ''), "
                    u"t.to_tier, COALESCE(n.name, ''), t.direction, t.rule, t.at, t.outbox_id "
                    u"FROM tier_moves t LEFT JOIN members m ON m.id = t.member_id "
                    u"LEFT JOIN tiers f ON f.id = t.from_tier LEFT JOIN tiers n ON n.id = t.to_tier "
                    u"ORDER BY t.at DESC, t.id DESC LIMIT ?"_s,
                    {limit});
    if (!rows)
        return rows.error();
    QList<RecordedMove> out;
    out.reserve(rows->size());
    for (const QVariantList& r : *rows) {
        RecordedMove m;
        m.id = r.value(0).toLongLong();
        m.memberId = r.value(1).toLongLong();
        m.memberName = r.value(2).toString();
        m.fromTier = r.value(3).toLongLong();
        m.fromName = r.value(4).toString();
        m.toTier = r.value(5).toLongLong();
        m.toName = r.value(6).toString();
        m.direction = r.value(7).toString() == u"down" ? core::TierDirection::Down : core::TierDirection::Up;
        m.rule = r.value(8).toString();
        m.at = r.value(9).toLongLong();
        m.outboxId = r.value(10).toLongLong();
        out.append(m);
    }
    return out;
}

} // namespace cardops::storage::tierstore
