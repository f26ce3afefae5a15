#include "storage/platformcache.h"

#include "storage/counters.h"
#include "storage/entitytables_p.h"
#include "storage/memberhistory_p.h"
#include "storage/platformcachetombstones_p.h"
#include "storage/readsession.h"
#include "storage/rollups.h"
#include "storage/writecontext.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <functional>

namespace cardops::storage {
namespace {

using detail::EntityTable;
using detail::i64;

// Columns of one entity that pending local edits hold, by outbox item.
struct Protection
{
    qint64 outboxId = 0;
    QStringList columns;
};
using ProtectionMap = QHash<qint64, QList<Protection>>;

core::Result<ProtectionMap> pendingEdits(WriteContext& ctx, const EntityTable& t)
{
    ProtectionMap map;
    auto rows =
        ctx.selectCached(QStringLiteral("SELECT id, entity_id, fields FROM outbox WHERE entity = ? AND "
                                        "state IN ('pending', 'conflict', 'failed') ORDER BY id"),
                         {t.entity});
    if (!rows)
        return rows.error();
    for (const auto& row : rows.value()) {
        Protection p;
        p.outboxId = row.value(0).toLongLong();
        const QJsonArray fields = QJsonDocument::fromJson(row.value(2).toString().toUtf8()).array();
        for (const auto& f : fields)
            p.columns << detail::columnsOfField(t.entity, f.toString());
        map[row.value(1).toLongLong()].append(p);
    }
    return map;
}

// After an upsert of an entity with pending edits: remember the platform's values of the held
// columns (for "take theirs" and for dropping an edit) and put the local values back.
core::Result<void> keepLocalValues(WriteContext& ctx, const EntityTable& t, qint64 id,
                                   const QList<Protection>& held, const QHash<QString, QVariant>& local,
                                   const QVariantList& incoming)
{
    for (const Protection& p : held) {
        QJsonObject remote;
        for (const QString& c : p.columns)
            remote.insert(c, detail::columnToJson(incoming.value(t.columns.indexOf(c))));
        auto r = ctx.execCached(
            QStringLiteral("UPDATE outbox SET remote_values = ? WHERE id = ?"),
            {QString::fromUtf8(QJsonDocument(remote).toJson(QJsonDocument::Compact)), i64(p.outboxId)});
        if (!r)
            return r.error();
    }
    QStringList sets;
    QVariantList binds;
    for (auto it = local.cbegin(); it != local.cend(); ++it) {
        sets << it.key() + u" = ?";
        binds << it.value();
    }
    binds << i64(id);
    auto r = ctx.exec(u"UPDATE " + t.table + u" SET " + sets.join(u", ") + u" WHERE id = ?", binds);
    return r ? core::Result<void>() : core::Result<void>(r.error());
}

core::Result<QHash<QString, QVariant>> readColumns(WriteContext& ctx, const EntityTable& t, qint64 id,
                                                   const QList<Protection>& held)
{
    QStringList columns;
    for (const Protection& p : held)
        for (const QString& c : p.columns)
            if (!columns.contains(c))
                columns << c;
    QHash<QString, QVariant> values;
    if (columns.isEmpty())
        return values;
    auto rows =
        ctx.select(u"SELECT " + columns.join(u", ") + u" FROM " + t.table + u" WHERE id = ?", {i64(id)});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return values;
    for (qsizetype i = 0; i < columns.size(); ++i)
        values.insert(columns.at(i), rows->first().value(i));
    return values;
}

core::Result<void> storeCursor(WriteContext& ctx, const PageCursor& at, qint64 received)
{
    const QString feed = QString::fromLatin1(core::feedName(at.feed));
    auto current = ctx.selectCached(
        QStringLiteral("SELECT cursor, backfill_before FROM sync_cursors WHERE feed = ?"), {feed});
    if (!current)
        return current.error();
    const QString position =
        current->isEmpty() ? QString() : current->first().value(at.backfill ? 1 : 0).toString();
    if (position != at.from)
        return core::makeError(core::ErrorCode::Conflict,
                               QStringLiteral("%1 page requested at '%2' but the cursor is at '%3'")
                                   .arg(feed, at.from, position));
    const qint64 done = at.hasMore ? 0 : 1;
    const QString sql =
        at.backfill
            ? QStringLiteral(
                  "INSERT INTO sync_cursors (feed, backfill_before, backfill_done, items, updated_at) "
                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (feed) DO UPDATE SET backfill_before = "
                  "excluded.backfill_before, backfill_done = excluded.backfill_done, items = items + "
                  "excluded.items, updated_at = excluded.updated_at")
            : QStringLiteral("INSERT INTO sync_cursors (feed, cursor, backfill_done, items, updated_at) "
                             "VALUES (?, ?, ?, ?, ?) "
                             "ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, items = items + "
                             "excluded.items, "
                             "updated_at = excluded.updated_at");
    auto r = ctx.execCached(sql, {feed, detail::text(at.nextCursor), i64(at.backfill ? done : 0),
                                  i64(received), i64(ctx.nowSeconds())});
    if (!r)
        return r.error();
    ctx.touch(QStringLiteral("sync_cursors"));
    return {};
}

// Counter deltas for one page, written once each at the end.
using Deltas = QHash<QString, qint64>;

core::Result<void> applyDeltas(WriteContext& ctx, const Deltas& deltas)
{
    for (auto it = deltas.cbegin(); it != deltas.cend(); ++it) {
        if (it.value() == 0)
            continue;
        auto r = ctx.addToCounter(it.key(), it.value());
        if (!r)
            return r;
    }
    return {};
}

// The cached rows of `ids` as `lookup` columns (version first), read in chunks of one statement each.
core::Result<QHash<qint64, QVariantList>> currentRows(WriteContext& ctx, const EntityTable& t,
                                                      const QStringList& lookup, const QList<qint64>& ids)
{
    constexpr qsizetype kChunk = 500; // bound parameters per statement stay well under 999
    QHash<qint64, QVariantList> rows;
    rows.reserve(ids.size());
    for (qsizetype start = 0; start < ids.size(); start += kChunk) {
        const qsizetype n = std::min(kChunk, ids.size() - start);
        QString sql = u"SELECT id, " + lookup.join(u", ") + u" FROM " + t.table + u" WHERE id IN (";
        QVariantList binds;
        binds.reserve(n);
        for (qsizetype i = 0; i < n; ++i) {
            sql += i == 0 ? u"?" : u",?";
            binds << i64(ids.at(start + i));
        }
        sql += u')';
        // Full chunks repeat the same text and reuse one prepared statement; the tail is prepared once.
        auto found = n == kChunk ? ctx.selectCached(sql, binds) : ctx.select(sql, binds);
        if (!found)
            return found.error();
        for (QVariantList& row : found.value()) {
            const qint64 id = row.takeFirst().toLongLong();
            rows.insert(id, std::move(row));
        }
    }
    return rows;
}

// Called with the cached rows of a page before any of it is written (the rollups' subtraction).
using BeforeWrite = std::function<core::Result<void>(const QHash<qint64, QVariantList>&)>;

// The shared ingest: upsert each item that is newer than the cache, keep held columns, count.
// `lookup` names the columns `count` (and `before`) need of the old row, `version` first.
template<typename R, typename Count>
core::Result<IngestStats> ingest(WriteContext& ctx, const EntityTable& t, const QStringList& lookup,
                                 const QList<R>& items, const PageCursor* at, Count count,
                                 const BeforeWrite& before = {})
{
    IngestStats stats;
    ProtectionMap held;
    if (detail::editableTable(t.entity)) {
        auto pending = pendingEdits(ctx, t);
        if (!pending)
            return pending.error();
        held = std::move(pending).value();
    }
    QList<qint64> ids;
    ids.reserve(items.size());
    for (const R& item : items)
        ids << item.id;
    auto current = currentRows(ctx, t, lookup, ids);
    if (!current)
        return current.error();
    QHash<qint64, QVariantList>& rows = current.value();
    auto goneVersions = tombstones::keptVersions(ctx, t, ids);
    if (!goneVersions)
        return goneVersions.error();
    QHash<qint64, qint64>& gone = goneVersions.value(); // tombstones of entities without a cached row
    if (before) {
        auto b = before(rows);
        if (!b)
            return b.error();
    }
    // A lookup column the entity does not carry (`deleted`) is 0 as an upsert stores it.
    QList<qsizetype> lookupIndex;
    for (const QString& c : lookup)
        lookupIndex << t.columns.indexOf(c);
    const QString upsert = tombstones::upsertSql(t);

    Deltas deltas;
    for (const R& item : items) {
        const auto found = rows.constFind(item.id);
        const QVariantList* oldRow = found == rows.cend() ? nullptr : &found.value();
        if ((oldRow && oldRow->value(0).toLongLong() >= item.version) ||
            gone.value(item.id) >= item.version) {
            ++stats.stale;
            continue;
        }
        if (item.deleted) {
            ++stats.deleted;
            if (!oldRow) {
                auto k = tombstones::keep(ctx, t, item.id, item.version, item.updatedAt);
                if (!k)
                    return k.error();
                gone.insert(item.id, item.version);
                continue;
            }
            auto now = tombstones::apply(ctx, t, lookup, *oldRow, item.id, item.version, item.updatedAt);
            if (!now)
                return now.error();
            count(deltas, oldRow, now.value(), item);
            if (now->isEmpty()) {
                rows.remove(item.id);
                gone.insert(item.id, item.version);
            } else {
                rows.insert(item.id, std::move(now).value());
            }
            continue;
        }
        const auto heldHere = held.constFind(item.id);
        QHash<QString, QVariant> local;
        if (heldHere != held.cend() && oldRow) {
            auto values = readColumns(ctx, t, item.id, heldHere.value());
            if (!values)
                return values.error();
            local = std::move(values).value();
        }
        const QVariantList values = detail::valuesOf(item);
        QVariantList now;
        for (qsizetype i : lookupIndex)
            now << (i >= 0 ? values.value(i) : i64(0));
        auto r = ctx.execCached(upsert, values);
        if (!r)
            return r.error();
        if (!local.isEmpty()) {
            auto kept = keepLocalValues(ctx, t, item.id, heldHere.value(), local, values);
            if (!kept)
                return kept.error();
            ++stats.preserved;
        }
        // Held columns keep their local values: the counters follow the row as stored.
        for (auto it = local.cbegin(); it != local.cend(); ++it)
            if (const qsizetype i = lookup.indexOf(it.key()); i >= 0)
                now[i] = it.value();
        count(deltas, oldRow, now, item);
        ++(oldRow ? stats.updated : stats.inserted);
        // The same entity may come again in this page (a repeated item): compare with what is now cached.
        rows.insert(item.id, std::move(now));
    }
    auto d = applyDeltas(ctx, deltas);
    if (!d)
        return d.error();
    if (at) {
        auto c = storeCursor(ctx, *at, items.size());
        if (!c)
            return c.error();
    }
    if (stats.inserted + stats.updated + stats.deleted > 0)
        ctx.touch(t.table);
    return stats;
}

bool isLowStock(const QString& status, qint64 available, qint64 threshold)
{
    return status == u"on" && available < threshold;
}

} // namespace

namespace {

const QStringList kVersionOnly = {QStringLiteral("version")};
const QStringList kGoodsLookup = {QStringLiteral("version"), QStringLiteral("status"),
                                  QStringLiteral("stock_available"), QStringLiteral("low_stock_threshold"),
                                  QStringLiteral("deleted")};
const QStringList kStatusLookup = {QStringLiteral("version"), QStringLiteral("status")};
const QStringList kMemberLookup = {QStringLiteral("version"), QStringLiteral("kind")};

void countCategory(Deltas&, const QVariantList*, const QVariantList&, const core::Category&) {}

void countGoods(Deltas& deltas, const QVariantList* old, const QVariantList& now, const core::Goods&)
{
    const bool wasLow =
        old && isLowStock(old->value(1).toString(), old->value(2).toLongLong(), old->value(3).toLongLong());
    const bool isLow =
        isLowStock(now.value(1).toString(), now.value(2).toLongLong(), now.value(3).toLongLong());
    deltas[counters::LowStock] += (isLow ? 1 : 0) - (wasLow ? 1 : 0);
    // goods_total counts the goods the goods pages show: a deleted one leaves it.
    const bool wasLive = old && old->value(4).toLongLong() == 0;
    const bool isLive = now.value(4).toLongLong() == 0;
    deltas[counters::GoodsTotal] += (isLive ? 1 : 0) - (wasLive ? 1 : 0);
}

void countMember(Deltas& deltas, const QVariantList* old, const QVariantList&, const core::Member&)
{
    if (!old)
        ++deltas[counters::MembersTotal];
}

// Members through the shared ingest; the orders of a member whose kind changes (or who arrives
// after its orders) move between the rollups' kind buckets in the same transaction.
core::Result<IngestStats> ingestMembersRolled(WriteContext& ctx, const QList<core::Member>& items,
                                              const PageCursor* at)
{
    QList<qint64> moved;
    auto stats = ingest(ctx, detail::membersTable(), kMemberLookup, items, at, countMember,
                        [&](const QHash<qint64, QVariantList>& cached) -> core::Result<void> {
                            moved = rollups::kindChanges(items, cached);
                            return rollups::applyMembersOrders(ctx, moved, -1);
                        });
    if (!stats)
        return stats;
    if (auto r = rollups::applyMembersOrders(ctx, moved, +1); !r)
        return r.error();
    return stats;
}

// The members a page states in full (a tombstone changes neither tier nor parent).
QList<core::Member> liveMembers(const QList<core::Member>& items)
{
    QList<core::Member> out;
    out.reserve(items.size());
    for (const core::Member& m : items)
        if (!m.deleted)
            out.append(m);
    return out;
}

} // namespace

core::Result<IngestStats>
platformcache::ingestCategories(WriteContext& ctx, const QList<core::Category>& items, const PageCursor& at)
{
    return ingest(ctx, detail::categoriesTable(), kVersionOnly, items, &at, countCategory);
}

core::Result<IngestStats> platformcache::ingestGoods(WriteContext& ctx, const QList<core::Goods>& items,
                                                     const PageCursor& at)
{
    return ingest(ctx, detail::goodsTable(), kGoodsLookup, items, &at, countGoods);
}

core::Result<IngestStats> platformcache::ingestMembers(WriteContext& ctx, const QList<core::Member>& items,
                                                       const PageCursor& at)
{
    auto stats = ingestMembersRolled(ctx, items, &at);
    if (!stats)
        return stats;
    auto history = memberhistory::record(ctx, liveMembers(items));
    if (!history)
        return history.error();
    return stats;
}

core::Result<IngestStats> platformcache::applyCategories(WriteContext& ctx,
                                                         const QList<core::Category>& items)
{
    return ingest(ctx, detail::categoriesTable(), kVersionOnly, items, nullptr, countCategory);
}

core::Result<IngestStats> platformcache::applyGoods(WriteContext& ctx, const QList<core::Goods>& items)
{
    return ingest(ctx, detail::goodsTable(), kGoodsLookup, items, nullptr, countGoods);
}

core::Result<IngestStats> platformcache::applyMembers(WriteContext& ctx, const QList<core::Member>& items)
{
    auto stats = ingestMembersRolled(ctx, items, nullptr);
    if (!stats)
        return stats;
    auto history = memberhistory::record(ctx, liveMembers(items));
    if (!history)
        return history.error();
    return stats;
}

core::Result<IngestStats> platformcache::ingestOrders(WriteContext& ctx, const QList<core::Order>& items,
                                                      const PageCursor& at)
{
    QList<qint64> buyers;
    buyers.reserve(items.size());
    for (const core::Order& o : items)
        buyers << o.memberId;
    auto dirty = memberhistory::markDirty(ctx, buyers);
    if (!dirty)
        return dirty.error();
    // The page's changing orders leave the rollups as cached and come back as stored
    // (storage/rollups.h); a page of new orders has nothing to take out, a stale item changes nothing.
    rollups::OrdersChange change;
    const BeforeWrite takeOut = [&](const QHash<qint64, QVariantList>& cached) {
        change = rollups::ordersChange(items, cached);
        return rollups::applyOrders(ctx, change.cached, -1);
    };
    auto stats = ingest(
        ctx, detail::ordersTable(), kStatusLookup, items, &at,
        [](Deltas& deltas, const QVariantList* old, const QVariantList& now, const core::Order&) {
            // The status as stored (a tombstone's is 'cancelled').
            const QString status = now.value(1).toString();
            const QString oldStatus = old ? old->value(1).toString() : QString();
            if (oldStatus == status)
                return;
            if (old) {
                --deltas[counters::orderStatus(oldStatus)];
                if (oldStatus == u"review")
                    --deltas[counters::ReviewPending];
            } else {
                ++deltas[counters::OrdersTotal];
            }
            ++deltas[counters::orderStatus(status)];
            if (status == u"review")
                ++deltas[counters::ReviewPending];
        },
        takeOut);
    if (!stats)
        return stats;
    if (auto r = rollups::applyOrders(ctx, change.written, +1); !r)
        return r.error();
    return stats;
}

core::Result<IngestStats>
platformcache::ingestLedger(WriteContext& ctx, const QList<core::LedgerEntry>& items, const PageCursor& at)
{
    QList<qint64> members;
    members.reserve(items.size());
    for (const core::LedgerEntry& e : items)
        members << e.memberId;
    auto dirty = memberhistory::markDirty(ctx, members);
    if (!dirty)
        return dirty.error();
    return ingest(ctx, detail::ledgerTable(), kVersionOnly, items, &at,
                  [](Deltas&, const QVariantList*, const QVariantList&, const core::LedgerEntry&) {});
}

core::Result<IngestStats> platformcache::ingestWithdrawals(WriteContext& ctx,
                                                           const QList<core::Withdrawal>& items,
                                                           const PageCursor& at)
{
    return ingest(
        ctx, detail::withdrawalsTable(), kStatusLookup, items, &at,
        [](Deltas& deltas, const QVariantList* old, const QVariantList&, const core::Withdrawal& w) {
            const bool was = old && old->value(1).toString() == u"pending";
            deltas[counters::WithdrawalPending] += (w.status == u"pending" ? 1 : 0) - (was ? 1 : 0);
        });
}

core::Result<void> platformcache::startBackfill(WriteContext& ctx, core::Feed feed, const QString& headCursor)
{
    auto r = ctx.exec(
        QStringLiteral("INSERT INTO sync_cursors (feed, cursor, backfill_before, backfill_done, updated_at) "
                       "VALUES (?, ?, '', 0, ?) ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, "
                       "backfill_before = '', backfill_done = 0, updated_at = excluded.updated_at"),
        {QString::fromLatin1(core::feedName(feed)), detail::text(headCursor), i64(ctx.nowSeconds())});
    if (!r)
        return r.error();
    auto started =
        setState(ctx, u"backfill.started." + QString::fromLatin1(core::feedName(feed)), QStringLiteral("1"));
    if (!started)
        return started;
    ctx.touch(QStringLiteral("sync_cursors"));
    return {};
}

core::Result<bool> platformcache::replaceTiers(WriteContext& ctx, const core::TierLadder& ladder)
{
    auto current = ctx.select(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"),
                              {statekeys::TierLadderVersion});
    if (!current)
        return current.error();
    if (!current->isEmpty() && current->first().value(0).toLongLong() >= ladder.version)
        return false;
    auto cleared = ctx.exec(QStringLiteral("DELETE FROM tiers"));
    if (!cleared)
        return cleared.error();
    for (const core::Tier& t : ladder.tiers) {
        auto r = ctx.exec(
            QStringLiteral("INSERT INTO tiers (id, name, rank, discount_ppm, commission_rates, upgrade, "
                           "version) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {i64(t.id), detail::text(t.name), i64(t.rank), i64(t.discount.ppm()),
             detail::text(t.commissionRates), detail::text(t.upgrade), i64(t.version)});
        if (!r)
            return r.error();
    }
    auto v = setState(ctx, statekeys::TierLadderVersion, QString::number(ladder.version));
    if (!v)
        return v.error();
    ctx.touch(QStringLiteral("tiers"));
    return true;
}

core::Result<void> platformcache::storeDailyTotals(WriteContext& ctx, const QList<core::DailyTotal>& totals)
{
    for (const core::DailyTotal& d : totals) {
        auto r = ctx.execCached(
            QStringLiteral(
                "INSERT OR REPLACE INTO daily_totals (day, orders, gmv, refunds, commissions, fetched_at) "
                "VALUES (?, ?, ?, ?, ?, ?)"),
            {detail::text(d.day), i64(d.orders), i64(d.gmv.units()), i64(d.refunds.units()),
             i64(d.commissions.units()), i64(ctx.nowSeconds())});
        if (!r)
            return r.error();
    }
    ctx.touch(QStringLiteral("daily_totals"));
    return {};
}

core::Result<void> platformcache::setState(WriteContext& ctx, const QString& key, const QString& value)
{
    auto r = ctx.execCached(QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)"),
                            {key, detail::text(value)});
    if (!r)
        return r.error();
    ctx.touch(QStringLiteral("sync_state"));
    return {};
}

core::Result<FeedCursorState> platformcache::cursor(const ReadSession& read, core::Feed feed)
{
    const QString name = QString::fromLatin1(core::feedName(feed));
    auto rows = read.select(
        QStringLiteral("SELECT cursor, backfill_before, backfill_done, items, "
                       "(SELECT count(*) FROM sync_state WHERE key = ?) FROM sync_cursors WHERE feed = ?"),
        {QString(u"backfill.started." + name), name});
    if (!rows)
        return rows.error();
    FeedCursorState state;
    if (rows->isEmpty())
        return state;
    const QVariantList& row = rows->first();
    state.cursor = row.value(0).toString();
    state.backfillBefore = row.value(1).toString();
    state.backfillDone = row.value(2).toLongLong() != 0;
    state.items = row.value(3).toLongLong();
    state.backfillStarted = row.value(4).toLongLong() != 0;
    return state;
}

core::Result<QString> platformcache::state(const ReadSession& read, const QString& key)
{
    auto rows = read.select(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), {key});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? QString() : rows->first().value(0).toString();
}

core::Result<qint64> platformcache::tierLadderVersion(const ReadSession& read)
{
    auto v = state(read, statekeys::TierLadderVersion);
    if (!v)
        return v.error();
    return v->toLongLong();
}

} // namespace cardops::storage
