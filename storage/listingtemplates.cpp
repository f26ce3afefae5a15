#include "storage/listingtemplates.h"

#include "storage/entitytables_p.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace cardops::storage::listingtemplates {
namespace {

using core::ErrorCode;
using core::makeError;
using detail::i64;

const QString kTemplateColumns = u"t.id, t.name, t.body, t.operator_id, t.updated_at, "
                                 u"(SELECT COUNT(*) FROM goods_templates g WHERE g.template_id = t.id)"_s;

core::Result<StoredTemplate> fromRow(const QVariantList& r)
{
    auto tpl = core::listing::fromJson(r.value(2).toString().toUtf8());
    if (!tpl)
        return makeError(ErrorCode::CorruptDatabase,
                         u"listing template %1: %2"_s.arg(r.value(0).toLongLong()).arg(tpl.error().detail));
    StoredTemplate out{tpl.value(), r.value(3).toLongLong(), r.value(4).toLongLong(),
                       r.value(5).toLongLong()};
    out.tpl.id = r.value(0).toLongLong();
    out.tpl.name = r.value(1).toString();
    return out;
}

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonValue idOrNull(std::optional<qint64> id)
{
    return id ? QJsonValue(double(*id)) : QJsonValue(QJsonValue::Null);
}

const QString kGoodsColumns =
    u"id, sku, name, category_id, sort, kind, card_format, card_separator, face_value, price, cost, "
    u"tier_prices, contract_prices, supplier_links, fulfilment_owner, stock_available, stock_locked, "
    u"low_stock_threshold, status, listing_title, listing_spec, listing_description, version, updated_at"_s;

core::Goods goodsFromRow(const QVariantList& r)
{
    core::Goods g;
    g.id = r.value(0).toLongLong();
    g.sku = r.value(1).toString();
    g.name = r.value(2).toString();
    g.categoryId = r.value(3).toLongLong();
    g.sort = r.value(4).toLongLong();
    g.kind = r.value(5).toString();
    g.cardFormat = r.value(6).toString();
    g.cardSeparator = r.value(7).toString();
    g.faceValue = core::Money::fromUnits(r.value(8).toLongLong());
    g.price = core::Money::fromUnits(r.value(9).toLongLong());
    g.cost = core::Money::fromUnits(r.value(10).toLongLong());
    g.tierPrices = r.value(11).toString().toUtf8();
    g.contractPrices = r.value(12).toString().toUtf8();
    g.supplierLinks = r.value(13).toString().toUtf8();
    g.fulfilmentOwner = r.value(14).toString();
    g.stockAvailable = r.value(15).toLongLong();
    g.stockLocked = r.value(16).toLongLong();
    g.lowStockThreshold = r.value(17).toLongLong();
    g.status = r.value(18).toString();
    g.listingTitle = r.value(19).toString();
    g.listingSpec = r.value(20).toString();
    g.listingDescription = r.value(21).toString();
    g.version = r.value(22).toLongLong();
    g.updatedAt = r.value(23).toLongLong();
    return g;
}

template<typename Source> core::Result<core::Goods> readGoods(Source& source, qint64 goodsId)
{
    auto rows = source.select(u"SELECT "_s + kGoodsColumns + u" FROM goods WHERE id = ?"_s, {i64(goodsId)});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, u"goods %1"_s.arg(goodsId));
    return goodsFromRow(rows->first());
}

core::Result<void> ok(const core::Result<qint64>& r)
{
    return r ? core::Result<void>() : core::Result<void>(r.error());
}

} // namespace

core::Result<QList<StoredTemplate>> list(const ReadSession& read)
{
    auto rows =
        read.select(u"SELECT "_s + kTemplateColumns + u" FROM listing_templates t ORDER BY t.name, t.id"_s);
    if (!rows)
        return rows.error();
    QList<StoredTemplate> out;
    for (const QVariantList& r : *rows) {
        auto t = fromRow(r);
        if (!t)
            return t.error();
        out.append(t.value());
    }
    return out;
}

core::Result<std::optional<StoredTemplate>> get(const ReadSession& read, qint64 id)
{
    auto rows = read.select(u"SELECT "_s + kTemplateColumns + u" FROM listing_templates t WHERE t.id = ?"_s,
                            {i64(id)});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<StoredTemplate>();
    auto t = fromRow(rows->first());
    if (!t)
        return t.error();
    return std::optional<StoredTemplate>(t.value());
}

core::Result<qint64> save(WriteContext& ctx, const core::Actor& actor, const core::ListingTemplate& tpl)
{
    if (auto allowed = core::authorize(actor, core::Permission::EditGoods); !allowed)
        return allowed.error();
    if (auto valid = core::listing::validate(tpl); !valid)
        return valid.error();
    const QString name = tpl.name.trimmed();
    auto same =
        ctx.select(u"SELECT id FROM listing_templates WHERE name = ? AND id <> ?"_s, {name, i64(tpl.id)});
    if (!same)
        return same.error();
    if (!same->isEmpty())
        return makeError(ErrorCode::Conflict, u"a template named \"%1\" exists already"_s.arg(name));
    const QString body = QString::fromUtf8(core::listing::toJson(tpl));
    const qint64 now = ctx.nowSeconds();
    qint64 id = tpl.id;
    QString action = u"template.update"_s;
    if (id == 0) {
        auto inserted = ctx.insert(
            u"INSERT INTO listing_templates (name, body, operator_id, updated_at) VALUES (?, ?, ?, ?)"_s,
            {name, body, i64(actor.operatorId), i64(now)});
        if (!inserted)
            return inserted.error();
        id = inserted.value();
        action = u"template.create"_s;
    } else {
        auto updated = ctx.exec(
            u"UPDATE listing_templates SET name = ?, body = ?, operator_id = ?, updated_at = ? WHERE id = ?"_s,
            {name, body, i64(actor.operatorId), i64(now), i64(id)});
        if (!updated)
            return updated.error();
        if (updated.value() == 0)
            return makeError(ErrorCode::NotFound, u"listing template %1"_s.arg(id));
    }
    ctx.touch(u"listing_templates"_s);
    auto audited =
        ctx.audit(actor, action, u"listing_template"_s, QString::number(id),
                  compact({{u"name"_s, name}, {u"body"_s, QJsonDocument::fromJson(body.toUtf8()).object()}}));
    if (!audited)
        return audited.error();
    return id;
}

core::Result<qint64> remove(WriteContext& ctx, const core::Actor& actor, qint64 id, bool detachGoods)
{
    if (auto allowed = core::authorize(actor, core::Permission::EditGoods); !allowed)
        return allowed.error();
    auto rows = ctx.select(u"SELECT name FROM listing_templates WHERE id = ?"_s, {i64(id)});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, u"listing template %1"_s.arg(id));
    const QString name = rows->first().value(0).toString();
    auto users = ctx.select(u"SELECT goods_id FROM goods_templates WHERE template_id = ? ORDER BY goods_id"_s,
                            {i64(id)});
    if (!users)
        return users.error();
    if (!users->isEmpty() && !detachGoods)
        return makeError(
            ErrorCode::Conflict,
            u"%1 goods follow the template \"%2\": detach them first"_s.arg(users->size()).arg(name));
    QList<qint64> goodsIds;
    for (const QVariantList& r : *users)
        goodsIds << r.value(0).toLongLong();
    if (!goodsIds.isEmpty()) {
        auto detached = assignTemplate(ctx, actor, goodsIds, std::nullopt);
        if (!detached)
            return detached.error();
    }
    if (auto r = ok(ctx.exec(u"DELETE FROM listing_templates WHERE id = ?"_s, {i64(id)})); !r)
        return r.error();
    ctx.touch(u"listing_templates"_s);
    auto audited = ctx.audit(actor, u"template.delete"_s, u"listing_template"_s, QString::number(id),
                             compact({{u"name"_s, name}, {u"detached"_s, double(goodsIds.size())}}));
    if (!audited)
        return audited.error();
    return goodsIds.size();
}

core::Result<qint64> ensureDefaults(WriteContext& ctx, const core::Actor& actor)
{
    auto any = ctx.select(u"SELECT EXISTS (SELECT 1 FROM listing_templates)"_s);
    if (!any)
        return any.error();
    if (!any->isEmpty() && any->first().value(0).toLongLong() != 0)
        return 0;
    qint64 added = 0;
    for (const core::ListingTemplate& tpl : core::listing::defaultTemplates()) {
        auto id = save(ctx, actor, tpl);
        if (!id)
            return id.error();
        ++added;
    }
    return added;
}

core::Result<qint64> assignTemplate(WriteContext& ctx, const core::Actor& actor,
                                    const QList<qint64>& goodsIds, std::optional<qint64> templateId)
{
    if (auto allowed = core::authorize(actor, core::Permission::EditGoods); !allowed)
        return allowed.error();
    QJsonArray ids;
    QSet<qint64> seen;
    for (qint64 id : goodsIds)
        if (!seen.contains(id)) {
            seen.insert(id);
            ids.append(double(id));
        }
    if (ids.isEmpty())
        return 0;
    if (templateId) {
        auto exists = ctx.select(u"SELECT 1 FROM listing_templates WHERE id = ?"_s, {i64(*templateId)});
        if (!exists)
            return exists.error();
        if (exists->isEmpty())
            return makeError(ErrorCode::NotFound, u"listing template %1"_s.arg(*templateId));
    }
    const QString idsJson = QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact));
    // The goods' current templates; a goods not in the cache refuses the whole call.
    auto current = ctx.select(u"SELECT j.value, g.id, t.template_id FROM json_each(?) j "
                              u"LEFT JOIN goods g ON g.id = j.value "
                              u"LEFT JOIN goods_templates t ON t.goods_id = j.value ORDER BY j.key"_s,
                              {idsJson});
    if (!current)
        return current.error();
    QList<std::pair<qint64, std::optional<qint64>>> changing;
    QStringList missing;
    for (const QVariantList& r : *current) {
        if (r.value(1).isNull()) {
            missing << r.value(0).toString();
            continue;
        }
        const std::optional<qint64> was =
            r.value(2).isNull() ? std::nullopt : std::optional<qint64>(r.value(2).toLongLong());
        if (was != templateId)
            changing.append({r.value(0).toLongLong(), was});
    }
    if (!missing.isEmpty())
        return makeError(ErrorCode::NotFound, u"goods not in the cache: "_s +
                                                  missing.mid(0, 10).join(u", "_s) +
                                                  (missing.size() > 10 ? u" …"_s : QString()));
    if (changing.isEmpty())
        return 0;
    QJsonArray changed;
    for (const auto& c : changing)
        changed.append(double(c.first));
    const QString changedJson = QString::fromUtf8(QJsonDocument(changed).toJson(QJsonDocument::Compact));
    const qint64 now = ctx.nowSeconds();
    auto written =
        templateId
            ? ctx.exec(
                  u"INSERT INTO goods_templates (goods_id, template_id, updated_at) "
                  u"SELECT value, ?, ? FROM json_each(?) WHERE true ON CONFLICT (goods_id) DO UPDATE SET "
                  u"template_id = excluded.template_id, updated_at = excluded.updated_at"_s,
                  {i64(*templateId), i64(now), changedJson})
            : ctx.exec(u"DELETE FROM goods_templates WHERE goods_id IN (SELECT value FROM json_each(?))"_s,
                       {changedJson});
    if (!written)
        return written.error();
    ctx.touch(u"goods_templates"_s);
    for (const auto& [goodsId, was] : changing) {
        auto audited =
            ctx.audit(actor, u"template.assign"_s, u"goods"_s, QString::number(goodsId),
                      compact({{u"template_id"_s, idOrNull(templateId)}, {u"previous"_s, idOrNull(was)}}));
        if (!audited)
            return audited.error();
    }
    return changing.size();
}

core::Result<std::optional<qint64>> templateOf(const ReadSession& read, qint64 goodsId)
{
    auto rows = read.select(u"SELECT template_id FROM goods_templates WHERE goods_id = ?"_s, {i64(goodsId)});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<qint64>();
    return std::optional<qint64>(rows->first().value(0).toLongLong());
}

core::Result<core::Goods> goods(const ReadSession& read, qint64 goodsId)
{
    return readGoods(read, goodsId);
}

core::Result<core::Goods> goods(WriteContext& ctx, qint64 goodsId)
{
    return readGoods(ctx, goodsId);
}

core::Result<QHash<qint64, QString>> memberNames(const ReadSession& read, const QList<qint64>& ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(double(id));
    auto rows = read.select(u"SELECT m.id, m.name FROM json_each(?) j JOIN members m ON m.id = j.value"_s,
                            {QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact))});
    if (!rows)
        return rows.error();
    QHash<qint64, QString> out;
    for (const QVariantList& r : *rows)
        out.insert(r.value(0).toLongLong(), r.value(1).toString());
    return out;
}

core::Result<GoodsForEdit> goodsForEdit(const ReadSession& read, qint64 goodsId, qint64 now)
{
    GoodsForEdit out;
    auto g = readGoods(read, goodsId);
    if (!g)
        return g.error();
    out.goods = g.value();

    // The goods page's row of this goods: its position in id order is the number of smaller ids.
    auto before = read.select(u"SELECT COUNT(*) FROM goods WHERE id < ?"_s, {i64(goodsId)});
    if (!before)
        return before.error();
    GoodsQuery byId;
    byId.sort = GoodsSort::Id;
    byId.now = now;
    auto row = goodsqueries::page(read, byId, before->first().value(0).toLongLong(), 1);
    if (!row)
        return row.error();
    out.cost = out.goods.cost.units();
    if (!row->isEmpty() && row->first().id == goodsId) {
        out.cost = row->first().cost;
        out.costFromSupplier = row->first().costFromSupplier;
        out.supplier = row->first().supplier;
    }

    auto categories = goodsqueries::categories(read);
    if (!categories)
        return categories.error();
    out.categories = categories.value();

    auto tiers = read.select(u"SELECT id, name, discount_ppm FROM tiers ORDER BY rank, id"_s);
    if (!tiers)
        return tiers.error();
    for (const QVariantList& r : *tiers)
        out.tiers.append({r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toLongLong()});

    auto members = read.select(u"SELECT m.id, m.name FROM json_each(?) j JOIN members m "
                               u"ON m.id = json_extract(j.value, '$.member_id')"_s,
                               {QString::fromUtf8(out.goods.contractPrices)});
    if (members) // a contract price list that is not JSON shows without names
        for (const QVariantList& r : *members)
            out.memberNames.insert(r.value(0).toLongLong(), r.value(1).toString());

    auto templates = list(read);
    if (!templates)
        return templates.error();
    out.templates = templates.value();
    auto assigned = templateOf(read, goodsId);
    if (!assigned)
        return assigned.error();
    out.templateId = assigned.value();

    auto pending =
        read.select(u"SELECT COUNT(*), COALESCE(SUM(state <> 'pending'), 0) FROM outbox "
                    u"WHERE entity = 'goods' AND entity_id = ? AND state IN ('pending', 'conflict', "
                    u"'failed')"_s,
                    {i64(goodsId)});
    if (!pending)
        return pending.error();
    out.pendingEdits = pending->first().value(0).toLongLong();
    out.conflicts = pending->first().value(1).toLongLong();
    return out;
}

} // namespace cardops::storage::listingtemplates
