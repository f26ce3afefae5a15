#include "storage/platformcachetombstones_p.h"
#include "storage/writecontext.h"

using namespace Qt::StringLiterals;

namespace cardops::storage::tombstones {

using detail::i64;

Mode modeOf(const detail::EntityTable& t)
{
    if (t.table == u"categories" || t.table == u"goods")
        return Mode::MarkOff;
    if (t.table == u"members")
        return Mode::Mark;
    if (t.table == u"orders")
        return Mode::Cancel;
    return Mode::Remove;
}

QString upsertSql(const detail::EntityTable& t)
{
    const Mode mode = modeOf(t);
    return mode == Mode::MarkOff || mode == Mode::Mark ? t.upsertSql + u", deleted = 0"_s : t.upsertSql;
}

core::Result<QHash<qint64, qint64>> keptVersions(WriteContext& ctx, const detail::EntityTable& t,
                                                 const QList<qint64>& ids)
{
    QHash<qint64, qint64> out;
    if (ids.isEmpty())
        return out;
    // Nearly always none: one probe of the primary key, no list built.
    auto any = ctx.selectCached(u"SELECT 1 FROM feed_tombstones WHERE entity = ? LIMIT 1"_s, {t.table});
    if (!any)
        return any.error();
    if (any->isEmpty())
        return out;
    QString json;
    for (qint64 id : ids)
        json += (json.isEmpty() ? u"["_s : u","_s) + QString::number(id);
    json += u']';
    auto rows = ctx.selectCached(u"SELECT t.id, t.version FROM json_each(?) j JOIN feed_tombstones t "
                                 u"ON t.entity = ? AND t.id = j.value"_s,
                                 {json, t.table});
    if (!rows)
        return rows.error();
    for (const QVariantList& r : rows.value())
        out.insert(r.value(0).toLongLong(), r.value(1).toLongLong());
    return out;
}

core::Result<QVariantList> apply(WriteContext& ctx, const detail::EntityTable& t, const QStringList& lookup,
                                 QVariantList row, qint64 id, qint64 version, qint64 updatedAt)
{
    const Mode mode = modeOf(t);
    if (mode == Mode::Remove) {
        auto r = ctx.execCached(u"DELETE FROM "_s + t.table + u" WHERE id = ?"_s, {i64(id)});
        if (!r)
            return r.error();
        auto kept = keep(ctx, t, id, version, updatedAt);
        if (!kept)
            return kept.error();
        return QVariantList();
    }
    QString set;
    QString status;
    switch (mode) {
    case Mode::MarkOff:
        set = u"status = 'off', deleted = 1"_s;
        status = u"off"_s;
        break;
    case Mode::Mark:
        set = u"deleted = 1"_s;
        break;
    case Mode::Cancel:
        set = u"status = 'cancelled'"_s;
        status = u"cancelled"_s;
        break;
    case Mode::Remove:
        break;
    }
    auto r = ctx.execCached(u"UPDATE "_s + t.table + u" SET "_s + set +
                                u", version = ?, updated_at = ? WHERE id = ?"_s,
                            {i64(version), i64(updatedAt), i64(id)});
    if (!r)
        return r.error();
    row[0] = i64(version);
    if (const qsizetype i = lookup.indexOf(u"status"_s); i >= 0 && !status.isEmpty())
        row[i] = status;
    if (const qsizetype i = lookup.indexOf(u"deleted"_s); i >= 0)
        row[i] = i64(1);
    return row;
}

core::Result<void> keep(WriteContext& ctx, const detail::EntityTable& t, qint64 id, qint64 version,
                        qint64 updatedAt)
{
    auto r =
        ctx.execCached(u"INSERT INTO feed_tombstones (entity, id, version, updated_at) VALUES (?, ?, ?, ?) "
                       u"ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, "
                       u"updated_at = excluded.updated_at WHERE excluded.version > version"_s,
                       {t.table, i64(id), i64(version), i64(updatedAt)});
    if (!r)
        return r.error();
    ctx.touch(u"feed_tombstones"_s);
    return {};
}

} // namespace cardops::storage::tombstones
