#include "storage/listqueries.h"

#include "storage/counters.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace cardops::storage::lists {
namespace {

using core::ErrorCode;
using core::makeError;

struct Column
{
    QString id;
    QString select;   // expression over the table (alias t) and its joins
    QString orderKey; // the indexed column to order by (empty: not sortable)
};

struct Spec
{
    QString table;
    QString key; // primary key column
    QString joins;
    QList<Column> columns;
    QString defaultSort;
};

Spec specFor(ListKind kind)
{
    switch (kind) {
    case ListKind::Orders:
        return {u"orders"_s,
                u"id"_s,
                u" LEFT JOIN members m ON m.id = t.member_id LEFT JOIN goods g ON g.id = t.goods_id"_s,
                {{u"id"_s, u"t.id"_s, u"id"_s},
                 {u"order_no"_s, u"t.order_no"_s, {}},
                 {u"created_at"_s, u"t.created_at"_s, u"created_at"_s},
                 {u"member"_s, u"COALESCE(m.name, '#' || t.member_id)"_s, {}},
                 {u"goods"_s, u"COALESCE(g.name, '#' || t.goods_id)"_s, {}},
                 {u"quantity"_s, u"t.quantity"_s, {}},
                 {u"amount"_s, u"t.amount"_s, {}},
                 {u"status"_s, u"t.status"_s, {}},
                 {u"charge_account"_s, u"t.charge_account"_s, {}},
                 {u"pay_channel"_s, u"t.pay_channel"_s, {}}},
                u"created_at"_s};
    case ListKind::Goods:
        return {u"goods"_s,
                u"id"_s,
                u" LEFT JOIN categories c ON c.id = t.category_id"_s,
                {{u"id"_s, u"t.id"_s, u"id"_s},
                 {u"sku"_s, u"t.sku"_s, u"sku"_s},
                 {u"name"_s, u"t.name"_s, {}},
                 {u"category"_s, u"COALESCE(c.name, '')"_s, {}},
                 {u"price"_s, u"t.price"_s, {}},
                 {u"cost"_s, u"t.cost"_s, {}},
                 {u"stock_available"_s, u"t.stock_available"_s, {}},
                 {u"status"_s, u"t.status"_s, {}},
                 {u"fulfilment_owner"_s, u"t.fulfilment_owner"_s, {}}},
                u"id"_s};
    case ListKind::Members:
        return {u"members"_s,
                u"id"_s,
                u" LEFT JOIN tiers r ON r.id = t.tier_id"_s,
                {{u"id"_s, u"t.id"_s, u"id"_s},
                 {u"name"_s, u"t.name"_s, {}},
                 {u"kind"_s, u"t.kind"_s, {}},
                 {u"tier"_s, u"COALESCE(r.name, '')"_s, {}},
                 {u"parent_id"_s, u"t.parent_id"_s, {}},
                 {u"contact"_s, u"t.contact"_s, {}},
                 {u"balance"_s, u"t.balance"_s, {}},
                 {u"registered_at"_s, u"t.registered_at"_s, u"registered_at"_s}},
                u"registered_at"_s};
    case ListKind::AuditLog:
        return {u"audit_log"_s,
                u"id"_s,
                {},
                {{u"id"_s, u"t.id"_s, u"id"_s},
                 {u"at"_s, u"t.at"_s, {}},
                 {u"operator"_s, u"t.operator_login"_s, {}},
                 {u"action"_s, u"t.action"_s, {}},
                 {u"entity"_s, u"t.entity"_s, {}},
                 {u"entity_id"_s, u"t.entity_id"_s, {}},
                 {u"detail"_s, u"t.detail"_s, {}}},
                u"id"_s};
    case ListKind::DailyTotals:
        return {u"daily_totals"_s,
                u"day"_s,
                {},
                {{u"day"_s, u"t.day"_s, u"day"_s},
                 {u"orders"_s, u"t.orders"_s, {}},
                 {u"gmv"_s, u"t.gmv"_s, {}},
                 {u"refunds"_s, u"t.refunds"_s, {}},
                 {u"commissions"_s, u"t.commissions"_s, {}}},
                u"day"_s};
    }
    return {};
}

QString likeContains(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

// The WHERE clause over the bare table (no alias) and its binds.
struct Predicate
{
    QString sql;
    QVariantList binds;
};

Predicate predicateFor(const ListQuery& q)
{
    QStringList terms;
    QVariantList binds;
    const QString search = q.search.trimmed();
    switch (q.kind) {
    case ListKind::Orders:
        if (!q.filter.isEmpty()) {
            terms << u"status = ?"_s;
            binds << q.filter;
        }
        if (!search.isEmpty()) {
            terms << u"order_no >= ? AND order_no < ?"_s;
            binds << search << prefixUpperBound(search);
        }
        break;
    case ListKind::Goods:
        terms << u"deleted = 0"_s; // deleted on the platform (docs/sync.md "Tombstones")
        if (q.filter == u"low_stock") {
            // The low_stock counter's rule (platformcache.cpp): on sale and below the threshold.
            terms << u"status = 'on' AND stock_available < low_stock_threshold"_s;
        } else if (!q.filter.isEmpty()) {
            terms << u"status = ?"_s;
            binds << q.filter;
        }
        if (!search.isEmpty()) {
            terms << u"(name LIKE ? ESCAPE '\\' OR (sku >= ? AND sku < ?))"_s;
            binds << likeContains(search) << search << prefixUpperBound(search);
        }
        break;
    case ListKind::Members:
        if (!q.filter.isEmpty()) {
            terms << u"kind = ?"_s;
            binds << q.filter;
        }
        if (!search.isEmpty()) {
            bool numeric = false;
            const qint64 id = search.toLongLong(&numeric);
            terms << (numeric ? u"(id = ? OR name LIKE ? ESCAPE '\\' OR contact LIKE ? ESCAPE '\\')"_s
                              : u"(name LIKE ? ESCAPE '\\' OR contact LIKE ? ESCAPE '\\')"_s);
            if (numeric)
                binds << id;
            binds << likeContains(search) << likeContains(search);
        }
        break;
    case ListKind::AuditLog:
        if (!search.isEmpty()) {
            terms
                << u"(action LIKE ? ESCAPE '\\' OR entity LIKE ? ESCAPE '\\' OR detail LIKE ? ESCAPE '\\')"_s;
            binds << likeContains(search) << likeContains(search) << likeContains(search);
        }
        break;
    case ListKind::DailyTotals:
        break;
    }
    return {terms.isEmpty() ? QString() : u" WHERE "_s + terms.join(u" AND "_s), binds};
}

} // namespace

QList<ListColumn> columns(ListKind kind)
{
    QList<ListColumn> out;
    for (const Column& c : specFor(kind).columns)
        out.append({c.id, !c.orderKey.isEmpty()});
    return out;
}

QString defaultSortColumn(ListKind kind)
{
    return specFor(kind).defaultSort;
}

core::Result<ReadSession::Rows> page(const ReadSession& session, const ListQuery& query, qint64 offset,
                                     int limit)
{
    const Spec spec = specFor(query.kind);
    const QString sortId = query.sortColumn.isEmpty() ? spec.defaultSort : query.sortColumn;
    QString orderKey;
    for (const Column& c : spec.columns)
        if (c.id == sortId)
            orderKey = c.orderKey;
    if (orderKey.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"the list cannot be sorted by "_s + sortId);
    if (offset < 0 || limit <= 0)
        return makeError(ErrorCode::InvalidArgument, u"bad window"_s);

    const QString dir = query.descending ? u" DESC"_s : u" ASC"_s;
    // Ties on the sort column fall back to the key in the same direction, so the order is total
    // and the index (column, rowid) is walked without a sort.
    QString innerOrder = orderKey + dir;
    QString outerOrder = u"t."_s + orderKey + dir;
    if (orderKey != spec.key) {
        innerOrder += u", "_s + spec.key + dir;
        outerOrder += u", t."_s + spec.key + dir;
    }
    QStringList selects;
    for (const Column& c : spec.columns)
        selects << c.select;
    const Predicate where = predicateFor(query);
    // The window is found on the index alone (a covering walk), then only its rows are joined.
    const QString sql = u"SELECT "_s + selects.join(u", "_s) + u" FROM (SELECT "_s + spec.key +
                        u" AS k FROM "_s + spec.table + where.sql + u" ORDER BY "_s + innerOrder +
                        u" LIMIT ? OFFSET ?) AS w JOIN "_s + spec.table + u" AS t ON t."_s + spec.key +
                        u" = w.k"_s + spec.joins + u" ORDER BY "_s + outerOrder;
    QVariantList binds = where.binds;
    binds << limit << offset;
    return session.select(sql, binds);
}

core::Result<qint64> count(const ReadSession& session, const ListQuery& query)
{
    // Counts the counter table keeps with the same rule as the filter are read, not counted.
    if (query.search.trimmed().isEmpty()) {
        if (query.kind == ListKind::Orders)
            return counters::read(session, query.filter.isEmpty() ? counters::OrdersTotal
                                                                  : counters::orderStatus(query.filter));
        if (query.kind == ListKind::Goods && query.filter.isEmpty())
            return counters::read(session, counters::GoodsTotal);
        if (query.kind == ListKind::Goods && query.filter == u"low_stock")
            return counters::read(session, counters::LowStock);
        if (query.kind == ListKind::Members && query.filter.isEmpty())
            return counters::read(session, counters::MembersTotal);
    }
    const Spec spec = specFor(query.kind);
    const Predicate where = predicateFor(query);
    auto rows = session.select(u"SELECT COUNT(*) FROM "_s + spec.table + where.sql, where.binds);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? qint64(0) : rows->first().value(0).toLongLong();
}

core::Result<ReadSession::Rows> lookup(const ReadSession& session, ListKind kind, const QString& text,
                                       int limit)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || limit <= 0 || (kind != ListKind::Members && kind != ListKind::Goods))
        return ReadSession::Rows();
    bool numeric = false;
    const qint64 id = t.toLongLong(&numeric);
    const QString like = likeContains(t);
    if (kind == ListKind::Members)
        return session.select(
            u"SELECT id, name, contact FROM members WHERE id = ? OR name LIKE ? ESCAPE '\\' "
            u"OR contact LIKE ? ESCAPE '\\' ORDER BY id <> ?, name LIMIT ?"_s,
            {numeric ? id : -1, like, like, numeric ? id : -1, limit});
    return session.select(u"SELECT id, name, sku FROM goods WHERE id = ? OR name LIKE ? ESCAPE '\\' "
                          u"OR (sku >= ? AND sku < ?) ORDER BY id <> ?, name LIMIT ?"_s,
                          {numeric ? id : -1, like, t, prefixUpperBound(t), numeric ? id : -1, limit});
}

QString prefixUpperBound(const QString& prefix)
{
    QString upper = prefix;
    while (!upper.isEmpty()) {
        const char16_t last = upper.back().unicode();
        if (last != 0xFFFF) {
            upper.back() = QChar(static_cast<char16_t>(last + 1));
            return upper;
        }
        upper.chop(1);
    }
    // Every text starts with the empty prefix: a bound above all text.
    return QString(QChar(0xFFFF));
}

} // namespace cardops::storage::lists
