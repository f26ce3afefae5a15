#include "storage/fulfilments.h"

#include "storage/entitytables_p.h"
#include "storage/writecontext.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace cardops::storage {

bool fulfilmentstep::isFinal(const QString& step)
{
    return step == Done || step == Review || step == Refunded || step == Settled;
}

namespace fulfilments {

namespace {

using core::ErrorCode;
using core::makeError;

const QString kRecordColumns =
    u"f.order_id, f.action, f.reason, f.rule_set_version, f.fired_rule, f.notifies, f.tags, f.step, "
    u"f.purchase_id, f.attempts, f.error, f.holder, f.decided_at, f.updated_at"_s;
constexpr int kRecordWidth = 14;

QString actionCode(core::DecisionAction action)
{
    switch (action) {
    case core::DecisionAction::Deliver:
        return u"deliver"_s;
    case core::DecisionAction::Review:
        return u"review"_s;
    case core::DecisionAction::Refund:
        return u"refund"_s;
    }
    return u"deliver"_s;
}

core::DecisionAction actionFromCode(const QString& code)
{
    if (code == u"review")
        return core::DecisionAction::Review;
    if (code == u"refund")
        return core::DecisionAction::Refund;
    return core::DecisionAction::Deliver;
}

QString listJson(const QStringList& list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList listFromJson(const QString& json)
{
    QStringList out;
    for (const QJsonValue& v : QJsonDocument::fromJson(json.toUtf8()).array())
        out << v.toString();
    return out;
}

FulfilmentRecord recordFrom(const QVariantList& r, int offset)
{
    const auto at = [&r, offset](int i) {
        return r.value(offset + i);
    };
    FulfilmentRecord f;
    f.orderId = at(0).toLongLong();
    f.action = actionFromCode(at(1).toString());
    f.reason = at(2).toString();
    f.ruleSetVersion = at(3).toLongLong();
    f.firedRule = at(4).toString();
    f.notifies = listFromJson(at(5).toString());
    f.tags = listFromJson(at(6).toString());
    f.step = at(7).toString();
    if (!at(8).isNull())
        f.purchaseId = at(8).toLongLong();
    f.attempts = at(9).toLongLong();
    f.error = at(10).toString();
    f.holder = at(11).toString();
    f.decidedAt = at(12).toLongLong();
    f.updatedAt = at(13).toLongLong();
    return f;
}

QString orderColumns()
{
    QStringList columns;
    for (const QString& c : detail::ordersTable().columns)
        columns << u"o."_s + c;
    return columns.join(u", "_s);
}

// Rows of: the order's columns, the goods' kind, stock and links, the record's columns (NULLs
// when there is none).
QList<FulfilmentCandidate> candidatesFrom(const ReadSession::Rows& rows)
{
    const auto width = static_cast<int>(detail::ordersTable().columns.size());
    QList<FulfilmentCandidate> out;
    out.reserve(rows.size());
    for (const QVariantList& r : rows) {
        FulfilmentCandidate c;
        c.order = detail::orderFromValues(r, 0);
        c.goodsKind = r.value(width).toString();
        c.stockAvailable = r.value(width + 1).toLongLong();
        c.supplierLinks = r.value(width + 2).toString().toUtf8();
        if (!r.value(width + 3).isNull())
            c.record = recordFrom(r, width + 3);
        out << c;
    }
    return out;
}

core::Result<std::optional<FulfilmentRecord>> firstRecord(const core::Result<ReadSession::Rows>& rows)
{
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<FulfilmentRecord>();
    return std::optional<FulfilmentRecord>(recordFrom(rows->first(), 0));
}

const QString kFindSql = u"SELECT "_s + kRecordColumns + u" FROM fulfilments f WHERE f.order_id = ?"_s;

} // namespace

core::Result<QList<FulfilmentCandidate>> handedOver(const ReadSession& read, qint64 afterCreatedAt,
                                                    qint64 afterId, int limit)
{
    const QString sql =
        u"SELECT "_s + orderColumns() + u", g.kind, g.stock_available, g.supplier_links, "_s +
        kRecordColumns +
        u" FROM orders o JOIN goods g ON g.id = o.goods_id "
        u"LEFT JOIN fulfilments f ON f.order_id = o.id "
        u"WHERE o.status = 'handed_over' AND (o.created_at, o.id) > (?, ?) "
        u"AND (f.order_id IS NULL OR f.step NOT IN ('done', 'review', 'refunded', 'settled')) "
        u"ORDER BY o.created_at, o.id LIMIT ?"_s;
    auto rows = read.select(sql, {afterCreatedAt, afterId, limit});
    if (!rows)
        return rows.error();
    return candidatesFrom(rows.value());
}

core::Result<QList<FulfilmentCandidate>> unsettled(const ReadSession& read, int limit)
{
    const QString sql =
        u"SELECT "_s + orderColumns() + u", g.kind, g.stock_available, g.supplier_links, "_s +
        kRecordColumns +
        u" FROM fulfilments f JOIN orders o ON o.id = f.order_id "
        u"JOIN goods g ON g.id = o.goods_id "
        u"WHERE f.step IN ('decided', 'delivering', 'purchasing', 'delivering_supply', 'holding', "
        u"'refunding') AND o.status <> 'handed_over' ORDER BY f.updated_at, f.order_id LIMIT ?"_s;
    auto rows = read.select(sql, {limit});
    if (!rows)
        return rows.error();
    return candidatesFrom(rows.value());
}

core::Result<void> recordDecision(WriteContext& ctx, qint64 orderId, const core::Decision& decision,
                                  const QString& holder)
{
    auto existing = ctx.select(u"SELECT step FROM fulfilments WHERE order_id = ?"_s, {orderId});
    if (!existing)
        return existing.error();
    if (!existing->isEmpty())
        return makeError(ErrorCode::Conflict, u"order %1 was decided before"_s.arg(orderId));
    const QString step = decision.action == core::DecisionAction::Review   ? fulfilmentstep::Holding
                         : decision.action == core::DecisionAction::Refund ? fulfilmentstep::Refunding
                                                                           : fulfilmentstep::Decided;
    const qint64 now = ctx.nowSeconds();
    auto inserted = ctx.exec(
        u"INSERT INTO fulfilments (order_id, action, reason, rule_set_version, fired_rule, notifies, "
        u"tags, step, holder, decided_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {orderId, actionCode(decision.action), detail::text(decision.reasonCode), decision.ruleSetVersion,
         detail::text(decision.firedRuleId), listJson(decision.notifies), listJson(decision.tags), step,
         detail::text(holder), now, now});
    if (!inserted)
        return inserted.error();
    ctx.touch(u"fulfilments"_s);
    return {};
}

core::Result<void> advance(WriteContext& ctx, qint64 orderId, const QString& expectedFrom,
                           const FulfilmentStepUpdate& update)
{
    auto current = ctx.select(u"SELECT step FROM fulfilments WHERE order_id = ?"_s, {orderId});
    if (!current)
        return current.error();
    if (current->isEmpty())
        return makeError(ErrorCode::NotFound, u"order %1 has no fulfilment record"_s.arg(orderId));
    const QString step = current->first().value(0).toString();
    if (step != expectedFrom || fulfilmentstep::isFinal(step))
        return makeError(ErrorCode::Conflict,
                         u"order %1 is at %2, not %3"_s.arg(orderId).arg(step, expectedFrom));
    QStringList sets = {u"step = ?"_s, u"updated_at = ?"_s};
    QVariantList binds = {update.step, ctx.nowSeconds()};
    if (update.reason) {
        sets << u"reason = ?"_s;
        binds << detail::text(*update.reason);
    }
    if (update.purchaseId) {
        sets << u"purchase_id = ?"_s;
        binds << *update.purchaseId;
    }
    if (update.error) {
        sets << u"error = ?"_s;
        binds << detail::text(*update.error);
    }
    binds << orderId;
    auto updated =
        ctx.exec(u"UPDATE fulfilments SET "_s + sets.join(u", "_s) + u" WHERE order_id = ?"_s, binds);
    if (!updated)
        return updated.error();
    ctx.touch(u"fulfilments"_s);
    return {};
}

core::Result<void> noteAttempt(WriteContext& ctx, qint64 orderId, const QString& error)
{
    auto updated = ctx.exec(
        u"UPDATE fulfilments SET attempts = attempts + 1, error = ?, updated_at = ? WHERE order_id = ?"_s,
        {detail::text(error), ctx.nowSeconds(), orderId});
    if (!updated)
        return updated.error();
    if (updated.value() == 0)
        return makeError(ErrorCode::NotFound, u"order %1 has no fulfilment record"_s.arg(orderId));
    ctx.touch(u"fulfilments"_s);
    return {};
}

core::Result<std::optional<FulfilmentRecord>> find(const ReadSession& read, qint64 orderId)
{
    return firstRecord(read.select(kFindSql, {orderId}));
}

core::Result<std::optional<FulfilmentRecord>> find(WriteContext& ctx, qint64 orderId)
{
    return firstRecord(ctx.select(kFindSql, {orderId}));
}

core::Result<QList<RecentFulfilment>> recent(const ReadSession& read, int limit)
{
    auto rows =
        read.select(u"SELECT "_s + kRecordColumns +
                        u", COALESCE(o.order_no, ''), COALESCE(g.name, '') FROM fulfilments f "
                        u"LEFT JOIN orders o ON o.id = f.order_id LEFT JOIN goods g ON g.id = o.goods_id "
                        u"ORDER BY f.updated_at DESC, f.order_id DESC LIMIT ?"_s,
                    {limit});
    if (!rows)
        return rows.error();
    QList<RecentFulfilment> out;
    out.reserve(rows->size());
    for (const QVariantList& r : rows.value())
        out.append(
            {recordFrom(r, 0), r.value(kRecordWidth).toString(), r.value(kRecordWidth + 1).toString()});
    return out;
}

core::Result<QList<qint64>> ordersAt(const ReadSession& read, const QString& step)
{
    auto rows = read.select(u"SELECT order_id FROM fulfilments WHERE step = ? ORDER BY order_id"_s, {step});
    if (!rows)
        return rows.error();
    QList<qint64> out;
    out.reserve(rows->size());
    for (const QVariantList& r : rows.value())
        out << r.value(0).toLongLong();
    return out;
}

core::Result<QMap<QString, qint64>> stepCounts(const ReadSession& read)
{
    auto rows = read.select(u"SELECT step, COUNT(*) FROM fulfilments GROUP BY step"_s);
    if (!rows)
        return rows.error();
    QMap<QString, qint64> out;
    for (const QVariantList& r : rows.value())
        out.insert(r.value(0).toString(), r.value(1).toLongLong());
    return out;
}

} // namespace fulfilments
} // namespace cardops::storage
