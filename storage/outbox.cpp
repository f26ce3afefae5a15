#include "storage/outbox.h"

#include "core/signing.h"
#include "storage/counters.h"
#include "storage/entitytables_p.h"
#include "storage/outbox_p.h"
#include "storage/platformcache.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cardops::storage {
namespace detail::outboxsupport {

using core::ErrorCode;
using core::makeError;

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString compact(const QJsonArray& a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QJsonObject parseObject(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

bool isMoneyField(const QString& f)
{
    return f == u"price" || f == u"cost";
}

bool isIntegerField(const QString& f)
{
    return f == u"category_id" || f == u"sort" || f == u"low_stock_threshold" || f == u"tier_id" ||
           f == u"parent_id";
}

bool isJsonField(const QString& f)
{
    return f == u"tier_prices" || f == u"contract_prices" || f == u"supplier_links" || f == u"tags";
}

// The cache values of one edited wire field, in the order of columnsOfField().
core::Result<QVariantList> columnValues(const QString& field, const QJsonValue& value)
{
    const auto bad = [&](const char* what) {
        return makeError(ErrorCode::InvalidArgument, field + u": " + QString::fromLatin1(what));
    };
    if (isMoneyField(field)) {
        auto m = core::Money::parse(value.toString());
        if (!value.isString() || !m)
            return bad("expected a decimal string with up to 4 places");
        if (m->isNegative())
            return bad("must not be negative");
        return QVariantList{i64(m->units())};
    }
    if (isIntegerField(field)) {
        const double d = value.toDouble(-1);
        if (!value.isDouble() || d < 0 || d != static_cast<double>(static_cast<qint64>(d)))
            return bad("expected a non-negative integer");
        return QVariantList{i64(static_cast<qint64>(d))};
    }
    if (isJsonField(field)) {
        if (value.isObject())
            return QVariantList{compact(value.toObject())};
        if (value.isArray())
            return QVariantList{compact(value.toArray())};
        return bad("expected an object or an array");
    }
    if (field == u"listing") {
        const QJsonObject o = value.toObject();
        if (!value.isObject())
            return bad("expected an object with title, spec and description");
        return QVariantList{detail::text(o.value(u"title").toString()),
                            detail::text(o.value(u"spec").toString()),
                            detail::text(o.value(u"description").toString())};
    }
    if (!value.isString() || value.toString().trimmed().isEmpty())
        return bad("expected a non-empty text");
    if (field == u"status" && value.toString() != u"on" && value.toString() != u"off")
        return bad("expected on or off");
    if (field == u"fulfilment_owner" && value.toString() != u"platform" && value.toString() != u"cardops")
        return bad("expected platform or cardops");
    return QVariantList{value.toString()};
}

core::Permission permissionFor(const QString& entity)
{
    return entity == u"members" ? core::Permission::EditMembers : core::Permission::EditGoods;
}

// Whether a goods counts as low stock now (the counter follows local edits of status and threshold).
core::Result<bool> isLowStock(WriteContext& ctx, const QString& entity, qint64 id)
{
    if (entity != u"goods")
        return false;
    auto rows =
        ctx.select(QStringLiteral("SELECT status = 'on' AND stock_available < low_stock_threshold FROM goods "
                                  "WHERE id = ?"),
                   {i64(id)});
    if (!rows)
        return rows.error();
    return !rows->isEmpty() && rows->first().value(0).toLongLong() != 0;
}

core::Result<void> countLowStock(WriteContext& ctx, bool was, bool is)
{
    return was == is ? core::Result<void>() : ctx.addToCounter(counters::LowStock, is ? 1 : -1);
}

core::Result<QByteArray> newKey()
{
    return core::signing::generateNonce(32);
}

core::Result<StoredItem> load(WriteContext& ctx, qint64 outboxId)
{
    auto rows = ctx.select(
        QStringLiteral("SELECT entity, entity_id, base_version, state, base_values, remote_values, "
                       "body FROM outbox WHERE id = ?"),
        {i64(outboxId)});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("outbox item %1").arg(outboxId));
    const QVariantList& r = rows->first();
    return StoredItem{r.value(0).toString(),
                      r.value(1).toLongLong(),
                      r.value(2).toLongLong(),
                      r.value(3).toString(),
                      parseObject(r.value(4).toString()),
                      parseObject(r.value(5).toString()),
                      r.value(6).toString().toUtf8()};
}

core::Result<void> check(const core::Result<qint64>& r)
{
    return r ? core::Result<void>() : core::Result<void>(r.error());
}

core::Result<void> setState(WriteContext& ctx, qint64 outboxId, const QString& state, const QString& error)
{
    ctx.touch(QStringLiteral("outbox"));
    return check(
        ctx.exec(QStringLiteral("UPDATE outbox SET state = ?, last_error = ?, updated_at = ? WHERE id = ?"),
                 {state, detail::text(error), i64(ctx.nowSeconds()), i64(outboxId)}));
}

core::Result<void> rekey(WriteContext& ctx, qint64 outboxId, qint64 baseVersion)
{
    auto key = newKey();
    if (!key)
        return key.error();
    ctx.touch(QStringLiteral("outbox"));
    return check(
        ctx.exec(QStringLiteral("UPDATE outbox SET state = 'pending', base_version = ?, idempotency_key = ?, "
                                "attempts = 0, last_error = '', keyed_at = ?, updated_at = ? WHERE id = ?"),
                 {i64(baseVersion), QString::fromLatin1(key.value()), i64(ctx.nowSeconds()),
                  i64(ctx.nowSeconds()), i64(outboxId)}));
}

core::Result<void> restoreRemote(WriteContext& ctx, qint64 outboxId, const StoredItem& item)
{
    const detail::EntityTable* table = detail::editableTable(item.entity);
    if (!table)
        return makeError(ErrorCode::InvalidArgument, item.entity);
    auto others =
        ctx.select(QStringLiteral("SELECT fields FROM outbox WHERE entity = ? AND entity_id = ? AND id <> ? "
                                  "AND state IN ('pending', 'conflict', 'failed')"),
                   {item.entity, i64(item.entityId), i64(outboxId)});
    if (!others)
        return others.error();
    QStringList stillHeld;
    for (const auto& row : others.value())
        for (const auto& f : QJsonDocument::fromJson(row.value(0).toString().toUtf8()).array())
            stillHeld << detail::columnsOfField(item.entity, f.toString());
    auto wasLow = isLowStock(ctx, item.entity, item.entityId);
    if (!wasLow)
        return wasLow.error();
    for (auto it = item.remoteValues.constBegin(); it != item.remoteValues.constEnd(); ++it) {
        if (stillHeld.contains(it.key()) || !table->columns.contains(it.key()))
            continue;
        auto r = ctx.exec(u"UPDATE " + table->table + u" SET " + it.key() + u" = ? WHERE id = ?",
                          {detail::jsonToColumn(it.value()), i64(item.entityId)});
        if (!r)
            return r.error();
    }
    ctx.touch(table->table);
    auto isLow = isLowStock(ctx, item.entity, item.entityId);
    if (!isLow)
        return isLow.error();
    return countLowStock(ctx, wasLow.value(), isLow.value());
}

template<typename R> core::Result<IngestStats> applyRemote(WriteContext& ctx, const R& remote);
template<> core::Result<IngestStats> applyRemote(WriteContext& ctx, const core::Goods& remote)
{
    return platformcache::applyGoods(ctx, {remote});
}
template<> core::Result<IngestStats> applyRemote(WriteContext& ctx, const core::Member& remote)
{
    return platformcache::applyMembers(ctx, {remote});
}
template<> core::Result<IngestStats> applyRemote(WriteContext& ctx, const core::Category& remote)
{
    return platformcache::applyCategories(ctx, {remote});
}

template<typename R> core::Result<void> completeItem(WriteContext& ctx, qint64 outboxId, const R& remote)
{
    auto item = load(ctx, outboxId);
    if (!item)
        return item.error();
    if (item->state == u"done")
        return {};
    if (remote.id != item->entityId)
        return outbox::fail(
            ctx, outboxId,
            QStringLiteral("the platform answered with another entity (id %1)").arg(remote.id));
    auto done = setState(ctx, outboxId, QStringLiteral("done"));
    if (!done)
        return done;
    // The platform's latest known values first: a replayed answer may be older than a page seen since.
    auto restored = restoreRemote(ctx, outboxId, item.value());
    if (!restored)
        return restored;
    auto applied = applyRemote(ctx, remote);
    if (!applied)
        return applied.error();
    // The entity's next edit was made on top of this one: it now applies to the version just made.
    return check(ctx.exec(
        QStringLiteral("UPDATE outbox SET base_version = ? WHERE entity = ? AND entity_id = ? AND "
                       "state = 'pending' AND base_version = ? AND id > ?"),
        {i64(remote.version), item->entity, i64(item->entityId), i64(item->baseVersion), i64(outboxId)}));
}

template<typename R>
core::Result<ConflictOutcome> conflictItem(WriteContext& ctx, qint64 outboxId, const R& remote,
                                           const QByteArray& raw)
{
    auto item = load(ctx, outboxId);
    if (!item)
        return item.error();
    const detail::EntityTable* table = detail::editableTable(item->entity);
    if (!table)
        return makeError(ErrorCode::InvalidArgument, item->entity);
    if (remote.id != item->entityId) {
        auto failed = outbox::fail(
            ctx, outboxId, QStringLiteral("a conflict answer for another entity (id %1)").arg(remote.id));
        return failed ? core::Result<ConflictOutcome>(ConflictOutcome::Settled) : failed.error();
    }
    if (item->state != u"pending") {
        // Dropped or resolved while the request was on its way: only the platform's entity is news.
        auto applied = applyRemote(ctx, remote);
        return applied ? core::Result<ConflictOutcome>(ConflictOutcome::Settled) : applied.error();
    }
    const QVariantList values = detail::valuesOf(remote);
    bool untouched = true;
    for (auto it = item->baseValues.constBegin(); it != item->baseValues.constEnd(); ++it)
        untouched =
            untouched && detail::columnToJson(values.value(table->columns.indexOf(it.key()))) == it.value();
    if (untouched) {
        auto r = rekey(ctx, outboxId, remote.version);
        if (!r)
            return r.error();
        auto applied = applyRemote(ctx, remote);
        if (!applied)
            return applied.error();
        return ConflictOutcome::Rebased;
    }
    auto st = setState(ctx, outboxId, QStringLiteral("conflict"),
                       QStringLiteral("changed on the platform meanwhile"));
    if (!st)
        return st.error();
    auto ins =
        ctx.insert(QStringLiteral("INSERT INTO conflicts (outbox_id, entity, entity_id, local_body, remote, "
                                  "created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                   {i64(outboxId), item->entity, i64(item->entityId), QString::fromUtf8(item->body),
                    QString::fromUtf8(raw), i64(ctx.nowSeconds())});
    if (!ins)
        return ins.error();
    ctx.touch(QStringLiteral("conflicts"));
    auto counted = ctx.addToCounter(counters::SyncError, 1);
    if (!counted)
        return counted.error();
    auto applied = applyRemote(ctx, remote);
    if (!applied)
        return applied.error();
    return ConflictOutcome::Recorded;
}

core::Result<QList<OutboxItem>> readItems(const ReadSession& read, const QString& where,
                                          const QVariantList& binds)
{
    auto rows = read.select(
        u"SELECT id, entity, entity_id, method, path, body, base_version, idempotency_key, state, "
        u"attempts, last_error, created_at FROM outbox o WHERE " +
            where,
        binds);
    if (!rows)
        return rows.error();
    QList<OutboxItem> out;
    for (const auto& r : rows.value())
        out.append(OutboxItem{r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toLongLong(),
                              r.value(3).toString().toLatin1(), r.value(4).toString().toUtf8(),
                              r.value(5).toString().toUtf8(), r.value(6).toLongLong(),
                              r.value(7).toString().toLatin1(), r.value(8).toString(),
                              r.value(9).toLongLong(), r.value(10).toString(), r.value(11).toLongLong()});
    return out;
}

} // namespace detail::outboxsupport

using namespace detail::outboxsupport;
using detail::i64;

core::Result<qint64> outbox::stage(WriteContext& ctx, const core::Actor& actor, const LocalEdit& edit)
{
    const detail::EntityTable* table = detail::editableTable(edit.entity);
    if (!table)
        return makeError(ErrorCode::InvalidArgument, u"not an editable entity: " + edit.entity);
    auto allowed = core::authorize(actor, permissionFor(edit.entity));
    if (!allowed)
        return allowed.error();
    if (edit.fields.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("an edit changes at least one field"));

    QStringList columns;
    QVariantList newValues;
    QJsonArray fieldNames;
    for (auto it = edit.fields.constBegin(); it != edit.fields.constEnd(); ++it) {
        const QStringList cols = detail::columnsOfField(edit.entity, it.key());
        if (cols.isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             it.key() + u": not an editable field of " + edit.entity);
        auto values = columnValues(it.key(), it.value());
        if (!values)
            return values.error();
        columns << cols;
        newValues << values.value();
        fieldNames.append(it.key());
    }
    auto current =
        ctx.select(u"SELECT version, " + columns.join(u", ") + u" FROM " + table->table + u" WHERE id = ?",
                   {i64(edit.entityId)});
    if (!current)
        return current.error();
    if (current->isEmpty())
        return makeError(ErrorCode::NotFound, edit.entity + u' ' + QString::number(edit.entityId));
    const QVariantList& row = current->first();
    QJsonObject baseValues;
    for (qsizetype i = 0; i < columns.size(); ++i)
        baseValues.insert(columns.at(i), detail::columnToJson(row.value(i + 1)));

    // The platform's values of these columns: the cache's, unless an earlier edit still holds one
    // (then the cache shows that edit, and the earlier item remembers the platform's value).
    QJsonObject remoteValues = baseValues;
    auto earlier =
        ctx.select(QStringLiteral("SELECT remote_values FROM outbox WHERE entity = ? AND entity_id = ? AND "
                                  "state IN ('pending', 'conflict', 'failed') ORDER BY id"),
                   {edit.entity, i64(edit.entityId)});
    if (!earlier)
        return earlier.error();
    for (const auto& r : earlier.value()) {
        const QJsonObject theirs = parseObject(r.value(0).toString());
        for (auto it = theirs.constBegin(); it != theirs.constEnd(); ++it)
            if (remoteValues.contains(it.key()))
                remoteValues.insert(it.key(), it.value());
    }

    auto wasLow = isLowStock(ctx, edit.entity, edit.entityId);
    if (!wasLow)
        return wasLow.error();
    QStringList sets;
    for (const QString& c : columns)
        sets << c + u" = ?";
    QVariantList binds = newValues;
    binds << i64(edit.entityId);
    auto updated =
        ctx.exec(u"UPDATE " + table->table + u" SET " + sets.join(u", ") + u" WHERE id = ?", binds);
    if (!updated)
        return updated.error();
    auto isLow = isLowStock(ctx, edit.entity, edit.entityId);
    auto counted =
        isLow ? countLowStock(ctx, wasLow.value(), isLow.value()) : core::Result<void>(isLow.error());
    if (!counted)
        return counted.error();

    auto key = newKey();
    if (!key)
        return key.error();
    const QString body = compact(edit.fields);
    const qint64 now = ctx.nowSeconds();
    auto id = ctx.insert(
        QStringLiteral(
            "INSERT INTO outbox (entity, entity_id, method, path, body, fields, base_values, remote_values, "
            "base_version, idempotency_key, state, operator_id, created_at, keyed_at, updated_at) VALUES "
            "(?, ?, 'PATCH', ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)"),
        {edit.entity, i64(edit.entityId),
         QString(u"/v1/" + edit.entity + u'/' + QString::number(edit.entityId)), body, compact(fieldNames),
         compact(baseValues), compact(remoteValues), i64(row.value(0).toLongLong()),
         QString::fromLatin1(key.value()), i64(actor.operatorId), i64(now), i64(now), i64(now)});
    if (!id)
        return id.error();
    auto audited =
        ctx.audit(actor, QStringLiteral("edit"), edit.entity, QString::number(edit.entityId), body);
    if (!audited)
        return audited.error();
    ctx.touch(table->table);
    ctx.touch(QStringLiteral("outbox"));
    return id.value();
}

core::Result<QList<OutboxItem>> outbox::ready(const ReadSession& read, int limit)
{
    return readItems(
        read,
        QStringLiteral("state = 'pending' AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.entity = o.entity "
                       "AND p.entity_id = o.entity_id AND p.id < o.id AND p.state IN ('pending', "
                       "'conflict', 'failed')) ORDER BY id LIMIT ?"),
        {limit});
}

core::Result<QList<OutboxItem>> outbox::items(const ReadSession& read, const QString& state)
{
    return readItems(read, QStringLiteral("state = ? ORDER BY id"), {state});
}

core::Result<QList<ConflictRecord>> outbox::openConflicts(const ReadSession& read)
{
    auto rows =
        read.select(QStringLiteral("SELECT id, outbox_id, entity, entity_id, local_body, remote, created_at "
                                   "FROM conflicts WHERE resolved_at = 0 ORDER BY id"));
    if (!rows)
        return rows.error();
    QList<ConflictRecord> out;
    for (const auto& r : rows.value())
        out.append(ConflictRecord{r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toString(),
                                  r.value(3).toLongLong(), r.value(4).toString().toUtf8(),
                                  r.value(5).toString().toUtf8(), r.value(6).toLongLong()});
    return out;
}

core::Result<void> outbox::complete(WriteContext& ctx, qint64 outboxId, const core::Goods& remote)
{
    return completeItem(ctx, outboxId, remote);
}
core::Result<void> outbox::complete(WriteContext& ctx, qint64 outboxId, const core::Member& remote)
{
    return completeItem(ctx, outboxId, remote);
}
core::Result<void> outbox::complete(WriteContext& ctx, qint64 outboxId, const core::Category& remote)
{
    return completeItem(ctx, outboxId, remote);
}

core::Result<void> outbox::complete(WriteContext& ctx, qint64 outboxId)
{
    auto item = load(ctx, outboxId);
    if (!item)
        return item.error();
    return item->state == u"done" ? core::Result<void>() : setState(ctx, outboxId, QStringLiteral("done"));
}

core::Result<ConflictOutcome> outbox::conflict(WriteContext& ctx, qint64 outboxId, const core::Goods& remote,
                                               const QByteArray& raw)
{
    return conflictItem(ctx, outboxId, remote, raw);
}
core::Result<ConflictOutcome> outbox::conflict(WriteContext& ctx, qint64 outboxId, const core::Member& remote,
                                               const QByteArray& raw)
{
    return conflictItem(ctx, outboxId, remote, raw);
}
core::Result<ConflictOutcome> outbox::conflict(WriteContext& ctx, qint64 outboxId,
                                               const core::Category& remote, const QByteArray& raw)
{
    return conflictItem(ctx, outboxId, remote, raw);
}

core::Result<void> outbox::noteAttempt(WriteContext& ctx, qint64 outboxId, const QString& error)
{
    ctx.touch(QStringLiteral("outbox"));
    return check(ctx.execCached(
        QStringLiteral(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?, updated_at = ? WHERE id = ?"),
        {detail::text(error), i64(ctx.nowSeconds()), i64(outboxId)}));
}

core::Result<void> outbox::fail(WriteContext& ctx, qint64 outboxId, const QString& error)
{
    auto item = load(ctx, outboxId);
    if (!item)
        return item.error();
    if (item->state != u"pending")
        return {};
    auto st = setState(ctx, outboxId, QStringLiteral("failed"), error);
    if (!st)
        return st;
    return ctx.addToCounter(counters::SyncError, 1);
}

core::Result<qint64> outbox::expire(WriteContext& ctx)
{
    auto rows = ctx.select(QStringLiteral("SELECT id FROM outbox WHERE state = 'pending' AND keyed_at < ?"),
                           {i64(ctx.nowSeconds() - RetentionSeconds)});
    if (!rows)
        return rows.error();
    for (const auto& r : rows.value()) {
        auto f = fail(
            ctx, r.value(0).toLongLong(),
            QStringLiteral("older than the platform keeps idempotency keys: confirm before sending again"));
        if (!f)
            return f.error();
    }
    return rows->size();
}

} // namespace cardops::storage
