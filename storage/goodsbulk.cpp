#include "storage/goodsbulk.h"

#include "storage/listingtemplates.h"
#include "storage/outbox.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace cardops::storage::goodsbulk {
namespace {

using core::ErrorCode;
using core::makeError;

constexpr qint64 MaxThreshold = 1'000'000'000;
constexpr qsizetype Chunk = 500; // ids per IN (…) list

QString marks(qsizetype n)
{
    QStringList m;
    m.fill(u"?"_s, n);
    return m.join(u',');
}

QVariantList binds(const QList<qint64>& ids, qsizetype from, qsizetype n)
{
    QVariantList out;
    for (qsizetype i = from; i < from + n; ++i)
        out << ids.at(i);
    return out;
}

// The column's current text of each goods, by id.
template<typename Session>
core::Result<QHash<qint64, QString>> currentValues(Session& session, const QString& column,
                                                   const QList<qint64>& ids)
{
    QHash<qint64, QString> out;
    for (qsizetype from = 0; from < ids.size(); from += Chunk) {
        const qsizetype n = std::min(Chunk, ids.size() - from);
        auto rows = session.select(u"SELECT id, " + column + u" FROM goods WHERE id IN (" + marks(n) + u")",
                                   binds(ids, from, n));
        if (!rows)
            return rows.error();
        for (const QVariantList& r : *rows)
            out.insert(r.value(0).toLongLong(), r.value(1).toString());
    }
    return out;
}

QString textOf(const QJsonValue& value)
{
    return value.isString() ? value.toString() : QString::number(value.toInteger());
}

} // namespace

QString wireName(Field field)
{
    switch (field) {
    case Field::Status:
        return u"status"_s;
    case Field::Category:
        return u"category_id"_s;
    case Field::Threshold:
        return u"low_stock_threshold"_s;
    case Field::Owner:
        return u"fulfilment_owner"_s;
    }
    return {};
}

core::Result<void> validate(WriteContext& ctx, Field field, const QJsonValue& value)
{
    switch (field) {
    case Field::Status:
        if (value.toString() == u"on" || value.toString() == u"off")
            return {};
        return makeError(ErrorCode::InvalidArgument, u"status must be on or off"_s);
    case Field::Owner:
        if (value.toString() == u"platform" || value.toString() == u"cardops")
            return {};
        return makeError(ErrorCode::InvalidArgument, u"fulfilment_owner must be platform or cardops"_s);
    case Field::Threshold:
        if (value.isDouble() && value.toInteger(-1) >= 0 && value.toInteger(-1) <= MaxThreshold)
            return {};
        return makeError(ErrorCode::InvalidArgument,
                         u"low_stock_threshold must be a whole number from 0 to %1"_s.arg(MaxThreshold));
    case Field::Category: {
        if (!value.isDouble() || value.toInteger(0) <= 0)
            return makeError(ErrorCode::InvalidArgument, u"category_id must be a category id"_s);
        auto rows = ctx.select(u"SELECT 1 FROM categories WHERE id = ?"_s, {value.toInteger()});
        if (!rows)
            return rows.error();
        if (rows->isEmpty())
            return makeError(ErrorCode::NotFound, u"category %1"_s.arg(value.toInteger()));
        return {};
    }
    }
    return makeError(ErrorCode::InvalidArgument, u"unknown field"_s);
}

core::Result<Staged> stage(WriteContext& ctx, const core::Actor& actor, const QList<qint64>& goodsIds,
                           Field field, const QJsonValue& value)
{
    auto valid = validate(ctx, field, value);
    if (!valid)
        return valid.error();
    const QString column = wireName(field);
    auto current = currentValues(ctx, column, goodsIds);
    if (!current)
        return current.error();
    Staged out;
    const QString wanted = textOf(value);
    QSet<qint64> seen;
    for (qint64 id : goodsIds) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        const auto it = current->constFind(id);
        if (it == current->constEnd()) {
            ++out.missing;
            continue;
        }
        if (it.value() == wanted) {
            ++out.unchanged;
            continue;
        }
        auto staged = outbox::stage(ctx, actor, LocalEdit{u"goods"_s, id, QJsonObject{{column, value}}});
        if (!staged)
            return staged.error();
        out.outboxIds.append(staged.value());
    }
    return out;
}

core::Result<Undone> undo(WriteContext& ctx, const core::Actor& actor, const QList<qint64>& outboxIds)
{
    Undone out;
    // Newest first: an entity's later edit is dropped before the earlier one it was made on.
    for (qsizetype i = outboxIds.size() - 1; i >= 0; --i) {
        auto state = ctx.select(u"SELECT state FROM outbox WHERE id = ?"_s, {outboxIds.at(i)});
        if (!state)
            return state.error();
        const QString s = state->isEmpty() ? QString() : state->first().value(0).toString();
        if (s == u"done") {
            ++out.alreadySynced;
            continue;
        }
        if (s != u"pending" && s != u"conflict" && s != u"failed")
            continue; // dropped already, or gone
        auto dropped = outbox::drop(ctx, actor, outboxIds.at(i));
        if (!dropped)
            return dropped.error();
        ++out.undone;
    }
    return out;
}

core::Result<TemplateAssignments> assignTemplate(WriteContext& ctx, const core::Actor& actor,
                                                 const QList<qint64>& goodsIds,
                                                 std::optional<qint64> templateId)
{
    TemplateAssignments previous;
    for (qint64 id : goodsIds)
        previous.insert(id, std::nullopt);
    for (qsizetype from = 0; from < goodsIds.size(); from += Chunk) {
        const qsizetype n = std::min(Chunk, goodsIds.size() - from);
        auto rows = ctx.select(u"SELECT goods_id, template_id FROM goods_templates WHERE goods_id IN (" +
                                   marks(n) + u")",
                               binds(goodsIds, from, n));
        if (!rows)
            return rows.error();
        for (const QVariantList& r : *rows)
            previous.insert(r.value(0).toLongLong(), r.value(1).toLongLong());
    }
    auto assigned = listingtemplates::assignTemplate(ctx, actor, goodsIds, templateId);
    if (!assigned)
        return assigned.error();
    return previous;
}

core::Result<qint64> restoreTemplates(WriteContext& ctx, const core::Actor& actor,
                                      const TemplateAssignments& previous)
{
    QHash<qint64, QList<qint64>> byTemplate; // 0 = none
    for (auto it = previous.constBegin(); it != previous.constEnd(); ++it)
        byTemplate[it.value().value_or(0)].append(it.key());
    qint64 changed = 0;
    for (auto it = byTemplate.begin(); it != byTemplate.end(); ++it) {
        std::sort(it.value().begin(), it.value().end());
        auto r = listingtemplates::assignTemplate(
            ctx, actor, it.value(), it.key() == 0 ? std::nullopt : std::optional<qint64>(it.key()));
        if (!r)
            return r.error();
        changed += r.value();
    }
    return changed;
}

core::Result<qint64> undoable(const ReadSession& read, const QList<qint64>& outboxIds)
{
    qint64 n = 0;
    for (qsizetype from = 0; from < outboxIds.size(); from += Chunk) {
        const qsizetype k = std::min(Chunk, outboxIds.size() - from);
        auto rows =
            read.select(u"SELECT count(*) FROM outbox WHERE state IN ('pending', 'conflict', 'failed') "
                        u"AND id IN (" +
                            marks(k) + u")",
                        binds(outboxIds, from, k));
        if (!rows)
            return rows.error();
        n += rows->first().value(0).toLongLong();
    }
    return n;
}

} // namespace cardops::storage::goodsbulk
