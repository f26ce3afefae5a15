#include "storage/memberhistory_p.h"

#include "storage/writecontext.h"

#include <QSet>

namespace cardops::storage {

core::Result<void> memberhistory::record(WriteContext& ctx, const QList<core::Member>& members)
{
    // One statement a member: inserts only when the newest state differs, at a moment after it.
    static const QString sql = QStringLiteral(
        "INSERT OR IGNORE INTO member_history (member_id, from_at, tier_id, parent_id) "
        "SELECT ?, CASE WHEN h.from_at IS NULL THEN ? ELSE max(?, h.from_at + 1) END, ?, ? "
        "FROM (SELECT 1) LEFT JOIN (SELECT from_at, tier_id, parent_id FROM member_history "
        "WHERE member_id = ? ORDER BY from_at DESC LIMIT 1) h "
        "WHERE h.from_at IS NULL OR ((h.tier_id <> ? OR h.parent_id <> ?) AND ? > h.from_at)");
    for (const core::Member& m : members) {
        auto r = ctx.execCached(sql, {m.id, m.registeredAt, m.updatedAt, m.tierId, m.parentId, m.id, m.tierId,
                                      m.parentId, m.updatedAt});
        if (!r)
            return r.error();
    }
    return {};
}

core::Result<void> memberhistory::markDirty(WriteContext& ctx, const QList<qint64>& memberIds)
{
    // One statement a page (the ingest's hot path): the ids as a JSON array.
    QString ids;
    ids.reserve(memberIds.size() * 8 + 2);
    QSet<qint64> seen;
    seen.reserve(memberIds.size());
    for (qint64 id : memberIds) {
        if (id <= 0 || seen.contains(id))
            continue;
        seen.insert(id);
        ids += ids.isEmpty() ? u'[' : u',';
        ids += QString::number(id);
    }
    if (ids.isEmpty())
        return {};
    ids += u']';
    auto r = ctx.execCached(
        QStringLiteral("INSERT OR IGNORE INTO member_dirty (member_id) SELECT value FROM json_each(?)"),
        {ids});
    if (!r)
        return r.error();
    return {};
}

} // namespace cardops::storage
