#include "storage/agenttree.h"

#include "core/clock.h"
#include "storage/memberstats.h"
#include "storage/outbox.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace cardops::storage::agenttree {
namespace {

// A walk up never goes deeper than this: far beyond any real hierarchy, it only bounds a cycle.
constexpr int MaxDepth = 1000;

QString paidList()
{
    QStringList quoted;
    for (const QString& status : memberstats::paidStatuses())
        quoted.append(u"'"_s + status + u"'"_s);
    return quoted.join(u", "_s);
}

// The parents above `id`, nearest first, each with whether it is in the cache.
template<typename Session> core::Result<QList<qint64>> walkUp(Session& session, qint64 id)
{
    auto rows = session.select(
        u"WITH RECURSIVE up(id, depth) AS ("
        u"SELECT parent_id, 1 FROM members WHERE id = ? "
        u"UNION ALL SELECT m.parent_id, up.depth + 1 FROM up JOIN members m ON m.id = up.id "
        u"WHERE up.id <> 0 AND up.depth < ?) "
        u"SELECT up.id, m.id IS NOT NULL FROM up LEFT JOIN members m ON m.id = up.id ORDER BY up.depth"_s,
        {id, MaxDepth});
    if (!rows)
        return rows.error();
    QList<qint64> chain;
    QSet<qint64> seen{id};
    for (const QVariantList& r : *rows) {
        const qint64 parent = r.value(0).toLongLong();
        if (parent == 0 || r.value(1).toLongLong() == 0 || seen.contains(parent))
            break;
        seen.insert(parent);
        chain.append(parent);
    }
    return chain;
}

template<typename Session>
core::Result<bool> cycleCheck(Session& session, qint64 memberId, qint64 newParentId)
{
    if (newParentId == 0)
        return false;
    if (newParentId == memberId)
        return true;
    auto chain = walkUp(session, newParentId);
    if (!chain)
        return chain.error();
    return chain->contains(memberId);
}

template<typename Session>
core::Result<MoveCheck> moveCheck(Session& session, qint64 memberId, qint64 newParentId)
{
    if (newParentId == memberId)
        return MoveCheck::Self;
    auto rows =
        session.select(u"SELECT id, parent_id FROM members WHERE id IN (?, ?)"_s, {memberId, newParentId});
    if (!rows)
        return rows.error();
    qint64 currentParent = -1;
    bool parentKnown = newParentId == 0;
    for (const QVariantList& r : *rows) {
        if (r.value(0).toLongLong() == memberId)
            currentParent = r.value(1).toLongLong();
        if (r.value(0).toLongLong() == newParentId)
            parentKnown = true;
    }
    if (currentParent < 0)
        return MoveCheck::UnknownMember;
    if (!parentKnown)
        return MoveCheck::UnknownParent;
    if (currentParent == newParentId)
        return MoveCheck::Unchanged;
    auto cycle = cycleCheck(session, memberId, newParentId);
    if (!cycle)
        return cycle.error();
    return *cycle ? MoveCheck::Cycle : MoveCheck::Allowed;
}

QString idList(const QList<qint64>& ids)
{
    QStringList out;
    out.reserve(ids.size());
    for (qint64 id : ids)
        out.append(QString::number(id)); // integers only: exact and safe in the text
    return out.join(u", "_s);
}

} // namespace

Window gmvWindow(qint64 now)
{
    const qint64 day = core::businessDay(now);
    return {core::businessDayStart(day - BranchGmvDays + 1), core::businessDayStart(day + 1)};
}

core::Result<QList<Node>> nodes(const ReadSession& read, const QList<qint64>& ids, qint64 now)
{
    if (ids.isEmpty())
        return QList<Node>();
    const QString list = idList(ids);
    auto rows =
        read.select(u"SELECT m.id, m.name, m.kind, COALESCE(t.name, ''), "
                    u"(SELECT COUNT(*) FROM members c WHERE c.parent_id = m.id AND c.id <> m.id) "
                    u"FROM members m LEFT JOIN tiers t ON t.id = m.tier_id WHERE m.id IN (%1)"_s.arg(list));
    if (!rows)
        return rows.error();
    // Every branch at once: (top, member) pairs; UNION drops a pair seen before, so a cycle in the
    // data ends the recursion.
    const Window w = gmvWindow(now);
    auto figures =
        read.select(u"WITH RECURSIVE b(top, id) AS (SELECT id, id FROM members WHERE id IN (%1) "
                    u"UNION SELECT b.top, m.id FROM b JOIN members m ON m.parent_id = b.id), "
                    u"g(top, gmv) AS (SELECT b.top, SUM(o.paid_amount - o.refund_amount) FROM b "
                    u"JOIN orders o ON o.member_id = b.id AND o.created_at >= ? AND o.created_at < ? "
                    u"AND o.status IN (%2) GROUP BY b.top), "
                    u"s(top, size) AS (SELECT top, COUNT(*) - 1 FROM b GROUP BY top) "
                    u"SELECT s.top, s.size, COALESCE(g.gmv, 0) FROM s LEFT JOIN g ON g.top = s.top"_s.arg(
                        list, paidList()),
                    {w.from, w.to});
    if (!figures)
        return figures.error();
    QHash<qint64, Node> byId;
    for (const QVariantList& r : *rows) {
        Node n;
        n.id = r.value(0).toLongLong();
        n.name = r.value(1).toString();
        n.kind = r.value(2).toString();
        n.tierName = r.value(3).toString();
        n.downlines = r.value(4).toLongLong();
        byId.insert(n.id, n);
    }
    for (const QVariantList& r : *figures) {
        auto it = byId.find(r.value(0).toLongLong());
        if (it == byId.end())
            continue;
        it->branchSize = r.value(1).toLongLong();
        it->branchGmv30d = core::Money::fromUnits(r.value(2).toLongLong());
    }
    QList<Node> out;
    for (qint64 id : ids)
        if (auto it = byId.constFind(id); it != byId.cend())
            out.append(*it);
    return out;
}

core::Result<QList<Node>> children(const ReadSession& read, qint64 parentId, qint64 now, qint64 offset,
                                   int limit)
{
    auto rows = read.select(
        u"SELECT m.id FROM members m WHERE m.parent_id = ? AND m.id <> ? "
        u"ORDER BY EXISTS (SELECT 1 FROM members c WHERE c.parent_id = m.id AND c.id <> m.id) DESC, m.id "
        u"LIMIT ? OFFSET ?"_s,
        {parentId, parentId, limit, offset});
    if (!rows)
        return rows.error();
    QList<qint64> ids;
    ids.reserve(rows->size());
    for (const QVariantList& r : *rows)
        ids.append(r.value(0).toLongLong());
    return nodes(read, ids, now);
}

core::Result<qint64> childCount(const ReadSession& read, qint64 parentId)
{
    auto rows =
        read.select(u"SELECT COUNT(*) FROM members WHERE parent_id = ? AND id <> ?"_s, {parentId, parentId});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? qint64(0) : rows->first().value(0).toLongLong();
}

core::Result<qint64> childPosition(const ReadSession& read, qint64 parentId, qint64 childId)
{
    auto rows = read.select(
        u"WITH k(id, hc) AS (SELECT m.id, EXISTS (SELECT 1 FROM members c WHERE c.parent_id = m.id "
        u"AND c.id <> m.id) FROM members m WHERE m.parent_id = ? AND m.id <> ?) "
        u"SELECT (SELECT COUNT(*) FROM k WHERE k.hc > t.hc OR (k.hc = t.hc AND k.id < t.id)) "
        u"FROM k t WHERE t.id = ?"_s,
        {parentId, parentId, childId});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? qint64(-1) : rows->first().value(0).toLongLong();
}

core::Result<QList<qint64>> ancestors(const ReadSession& read, qint64 id)
{
    auto chain = walkUp(read, id);
    if (!chain)
        return chain.error();
    QList<qint64> topFirst(chain->crbegin(), chain->crend());
    return topFirst;
}

core::Result<bool> wouldCreateCycle(const ReadSession& read, qint64 memberId, qint64 newParentId)
{
    return cycleCheck(read, memberId, newParentId);
}

core::Result<bool> wouldCreateCycle(WriteContext& ctx, qint64 memberId, qint64 newParentId)
{
    return cycleCheck(ctx, memberId, newParentId);
}

core::Result<MoveCheck> checkMove(const ReadSession& read, qint64 memberId, qint64 newParentId)
{
    return moveCheck(read, memberId, newParentId);
}

core::Result<MoveCheck> checkMove(WriteContext& ctx, qint64 memberId, qint64 newParentId)
{
    return moveCheck(ctx, memberId, newParentId);
}

QString moveCheckText(MoveCheck check)
{
    switch (check) {
    case MoveCheck::Allowed:
        return u"allowed"_s;
    case MoveCheck::UnknownMember:
        return u"unknown member"_s;
    case MoveCheck::UnknownParent:
        return u"unknown parent"_s;
    case MoveCheck::Self:
        return u"a member cannot be its own parent"_s;
    case MoveCheck::Cycle:
        return u"cycle: the new parent is a downline of the member"_s;
    case MoveCheck::Unchanged:
        return u"already under that parent"_s;
    }
    return {};
}

core::Result<qint64> stageMove(WriteContext& ctx, const core::Actor& actor, qint64 memberId,
                               qint64 newParentId)
{
    auto check = checkMove(ctx, memberId, newParentId);
    if (!check)
        return check.error();
    if (*check != MoveCheck::Allowed) {
        const bool missing = *check == MoveCheck::UnknownMember || *check == MoveCheck::UnknownParent;
        return core::makeError(missing ? core::ErrorCode::NotFound : core::ErrorCode::Conflict,
                               moveCheckText(*check));
    }
    return outbox::stage(ctx, actor,
                         {u"members"_s, memberId, QJsonObject{{u"parent_id"_s, double(newParentId)}}});
}

core::Result<qint64> find(const ReadSession& read, const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return qint64(0);
    bool numeric = false;
    const qint64 id = t.startsWith(u'#') ? t.mid(1).toLongLong(&numeric) : t.toLongLong(&numeric);
    QString like = t;
    like.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
    like = u"%"_s + like + u"%"_s;
    auto rows = read.select(u"SELECT id FROM members WHERE id = ? OR name LIKE ? ESCAPE '\\' "
                            u"OR contact LIKE ? ESCAPE '\\' ORDER BY id <> ?, id LIMIT 1"_s,
                            {numeric ? id : -1, like, like, numeric ? id : -1});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? qint64(0) : rows->first().value(0).toLongLong();
}

} // namespace cardops::storage::agenttree
