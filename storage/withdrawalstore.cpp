#include "storage/withdrawalstore.h"

#include "storage/counters.h"
#include "storage/entitytables_p.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cardops::storage::withdrawalstore {
namespace {

using detail::i64;

constexpr qint64 kWindowSeconds = 30 * 24 * 3600;

const QString kRowColumns = u"w.id, w.member_id, COALESCE(m.name, ''), COALESCE(m.kind, ''), w.amount, "
                            u"w.status, w.created_at, w.decided_at, w.version "
                            u"FROM withdrawals w LEFT JOIN members m ON m.id = w.member_id "_s;

WithdrawalRow rowFrom(const QVariantList& r)
{
    WithdrawalRow w;
    w.id = r.value(0).toLongLong();
    w.memberId = r.value(1).toLongLong();
    w.memberName = r.value(2).toString();
    w.memberKind = r.value(3).toString();
    w.amount = core::Money::fromUnits(r.value(4).toLongLong());
    w.status = r.value(5).toString();
    w.createdAt = r.value(6).toLongLong();
    w.decidedAt = r.value(7).toLongLong();
    w.version = r.value(8).toLongLong();
    return w;
}

core::Result<QList<WithdrawalRow>> rows(const ReadSession& read, const QString& sql,
                                        const QVariantList& binds)
{
    auto found = read.select(sql, binds);
    if (!found)
        return found.error();
    QList<WithdrawalRow> out;
    out.reserve(found->size());
    for (const QVariantList& r : found.value())
        out << rowFrom(r);
    return out;
}

} // namespace

core::Result<QList<WithdrawalRow>> pending(const ReadSession& read, int limit)
{
    return rows(
        read, u"SELECT "_s + kRowColumns + u"WHERE w.status = 'pending' ORDER BY w.created_at, w.id LIMIT ?",
        {limit});
}

core::Result<QList<WithdrawalRow>> decided(const ReadSession& read, int limit)
{
    return rows(read,
                u"SELECT "_s + kRowColumns +
                    u"WHERE w.status <> 'pending' ORDER BY w.decided_at DESC, w.id DESC LIMIT ?",
                {limit});
}

core::Result<WithdrawalRow> withdrawal(const ReadSession& read, qint64 id)
{
    auto found = rows(read, u"SELECT "_s + kRowColumns + u"WHERE w.id = ?", {i64(id)});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return core::makeError(core::ErrorCode::NotFound, u"no withdrawal %1 in the cache"_s.arg(id));
    return found->first();
}

core::Result<AgentContext> agentContext(const ReadSession& read, qint64 memberId, qint64 withdrawalId,
                                        qint64 now)
{
    AgentContext c;
    c.memberId = memberId;
    auto member = read.select(u"SELECT m.name, m.kind, m.tier_id, COALESCE(t.name, ''), m.balance, "
                              u"m.registered_at FROM members m LEFT JOIN tiers t ON t.id = m.tier_id "
                              u"WHERE m.id = ?"_s,
                              {i64(memberId)});
    if (!member)
        return member.error();
    if (!member->isEmpty()) {
        const QVariantList& m = member->first();
        c.found = true;
        c.name = m.value(0).toString();
        c.kind = m.value(1).toString();
        c.tierId = m.value(2).toLongLong();
        c.tierName = m.value(3).toString();
        c.balance = core::Money::fromUnits(m.value(4).toLongLong());
        c.memberSince = m.value(5).toLongLong();
    }
    const qint64 since = now - kWindowSeconds;
    auto figures = read.select(
        u"SELECT (SELECT COUNT(*) FROM members WHERE parent_id = ?), "
        u"(SELECT COALESCE(SUM(amount), 0) FROM ledger WHERE member_id = ? AND kind = 'commission' "
        u"AND created_at >= ? AND created_at <= ?), "
        u"(SELECT COALESCE(SUM(amount), 0) FROM withdrawals WHERE member_id = ? AND status = 'approved' "
        u"AND decided_at >= ? AND decided_at <= ?), "
        u"(SELECT COUNT(*) FROM withdrawals WHERE member_id = ? AND status = 'approved' "
        u"AND decided_at >= ? AND decided_at <= ?), "
        u"(SELECT COUNT(*) FROM withdrawals WHERE member_id = ? AND status = 'pending')"_s,
        {i64(memberId), i64(memberId), i64(since), i64(now), i64(memberId), i64(since), i64(now),
         i64(memberId), i64(since), i64(now), i64(memberId)});
    if (!figures)
        return figures.error();
    const QVariantList& f = figures->first();
    c.downlines = f.value(0).toLongLong();
    c.commissions30d = core::Money::fromUnits(f.value(1).toLongLong());
    c.approved30d = core::Money::fromUnits(f.value(2).toLongLong());
    c.approvedCount30d = f.value(3).toLongLong();
    c.pendingCount = f.value(4).toLongLong();
    auto last =
        read.select(u"SELECT created_at, amount, status FROM withdrawals WHERE member_id = ? AND id <> ? "
                    u"ORDER BY created_at DESC, id DESC LIMIT 1"_s,
                    {i64(memberId), i64(withdrawalId)});
    if (!last)
        return last.error();
    if (!last->isEmpty()) {
        c.lastWithdrawalAt = last->first().value(0).toLongLong();
        c.lastWithdrawalAmount = core::Money::fromUnits(last->first().value(1).toLongLong());
        c.lastWithdrawalStatus = last->first().value(2).toString();
    }
    return c;
}

core::Result<bool> applyRemote(WriteContext& ctx, const core::Withdrawal& remote)
{
    auto current = ctx.select(u"SELECT version, status FROM withdrawals WHERE id = ?"_s, {i64(remote.id)});
    if (!current)
        return current.error();
    const bool known = !current->isEmpty();
    if (known && current->first().value(0).toLongLong() >= remote.version)
        return false;
    const bool wasPending = known && current->first().value(1).toString() == u"pending";
    const auto& table = detail::withdrawalsTable();
    auto r = ctx.execCached(table.upsertSql, detail::valuesOf(remote));
    if (!r)
        return r.error();
    const qint64 delta = (remote.status == u"pending" ? 1 : 0) - (wasPending ? 1 : 0);
    if (delta != 0)
        if (auto c = ctx.addToCounter(counters::WithdrawalPending, delta); !c)
            return c.error();
    ctx.touch(table.table);
    return true;
}

core::Result<bool> recordDecision(WriteContext& ctx, const core::Actor& actor, const core::Withdrawal& remote,
                                  bool approve, const QString& reason)
{
    auto changed = applyRemote(ctx, remote);
    if (!changed)
        return changed;
    QJsonObject detail{{u"member_id"_s, double(remote.memberId)},
                       {u"amount"_s, remote.amount.toString(4)},
                       {u"status"_s, remote.status}};
    if (!reason.isEmpty())
        detail.insert(u"reason"_s, reason);
    auto audited = ctx.audit(actor, approve ? u"withdrawal.approve"_s : u"withdrawal.reject"_s,
                             u"withdrawal"_s, QString::number(remote.id),
                             QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));
    if (!audited)
        return audited.error();
    ctx.touch(u"audit_log"_s);
    return changed;
}

} // namespace cardops::storage::withdrawalstore
