#include "storage/orderqueries.h"

#include "storage/counters.h"
#include "storage/listqueries.h"

using namespace Qt::StringLiterals;

namespace cardops::storage {
namespace {

using core::ErrorCode;
using core::makeError;

struct Column
{
    QString id;
    QString select; // over orders t, members m, goods g
};

const QList<Column>& allColumns()
{
    static const QList<Column> columns = {
        {u"id"_s, u"t.id"_s},
        {u"order_no"_s, u"t.order_no"_s},
        {u"created_at"_s, u"t.created_at"_s},
        {u"member"_s, u"COALESCE(m.name, '#' || t.member_id)"_s},
        {u"goods"_s, u"COALESCE(g.name, '#' || t.goods_id)"_s},
        {u"quantity"_s, u"t.quantity"_s},
        {u"unit_price"_s, u"t.unit_price"_s},
        {u"amount"_s, u"t.amount"_s},
        {u"paid_amount"_s, u"t.paid_amount"_s},
        {u"cost_at_order"_s, u"t.cost_at_order"_s},
        {u"status"_s, u"t.status"_s},
        {u"charge_account"_s, u"t.charge_account"_s},
        {u"pay_channel"_s, u"t.pay_channel"_s},
        {u"contact"_s, u"t.contact"_s},
        {u"paid_at"_s, u"t.paid_at"_s},
        {u"delivered_at"_s, u"t.delivered_at"_s},
        {u"refund_amount"_s, u"t.refund_amount"_s},
    };
    return columns;
}

struct Predicate
{
    QString sql; // " WHERE …" or ""
    QVariantList binds;
};

void addPrefix(QStringList& terms, QVariantList& binds, const QString& column, const QString& prefix)
{
    if (prefix.isEmpty())
        return;
    terms << column + u" >= ? AND "_s + column + u" < ?"_s;
    binds << prefix << lists::prefixUpperBound(prefix);
}

// The filter's terms under the ceiling (id <= ceiling) or above it (id > ceiling). Above, the
// other columns are written +column so SQLite walks the few ids above the ceiling by primary key
// instead of an index over all the filter matches.
enum class Side { Below, Above };

Predicate predicateFor(const OrderQuery& q, Side side)
{
    const OrderFilter& f = q.filter;
    const QString plus = side == Side::Above ? u"+"_s : QString();
    QStringList terms;
    QVariantList binds;
    const QStringList statuses = orderqueries::tabStatuses(f.tab);
    if (statuses.size() == 1) {
        terms << plus + u"status = ?"_s;
        binds << statuses.first();
    } else if (!statuses.isEmpty()) {
        terms << plus + u"status IN ("_s + QStringList(statuses.size(), u"?"_s).join(u", "_s) + u')';
        for (const QString& s : statuses)
            binds << s;
    }
    if (f.createdFrom > 0) {
        terms << plus + u"created_at >= ?"_s;
        binds << f.createdFrom;
    }
    if (f.createdTo > 0) {
        terms << plus + u"created_at < ?"_s;
        binds << f.createdTo;
    }
    if (f.memberId > 0) {
        terms << plus + u"member_id = ?"_s;
        binds << f.memberId;
    }
    if (f.goodsId > 0) {
        terms << plus + u"goods_id = ?"_s;
        binds << f.goodsId;
    }
    if (f.amountMin) {
        terms << plus + u"amount >= ?"_s;
        binds << *f.amountMin;
    }
    if (f.amountMax) {
        terms << plus + u"amount <= ?"_s;
        binds << *f.amountMax;
    }
    orderqueries::addRelationTerms(f, plus, terms, binds);
    addPrefix(terms, binds, plus + u"order_no"_s, f.orderNoPrefix);
    addPrefix(terms, binds, plus + u"charge_account"_s, f.chargeAccountPrefix);
    if (!f.chargeAccountPrefix.isEmpty() && side == Side::Below)
        terms << u"charge_account <> ''"_s; // implied by the prefix; lets SQLite use the partial index
    if (q.ceiling > 0) {
        terms << (side == Side::Below ? u"id <= ?"_s : u"id > ?"_s);
        binds << q.ceiling;
    } else if (side == Side::Above) {
        terms << u"0"_s;
    }
    return {terms.isEmpty() ? QString() : u" WHERE "_s + terms.join(u" AND "_s), binds};
}

core::Result<qint64> scalar(const ReadSession& session, const QString& sql, const QVariantList& binds)
{
    auto rows = session.select(sql, binds);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? qint64(0) : rows->first().value(0).toLongLong();
}

// The counter-kept count of a tab (no other condition, no ceiling).
core::Result<qint64> counted(const ReadSession& session, OrderTab tab)
{
    const QStringList statuses = orderqueries::tabStatuses(tab);
    if (statuses.isEmpty())
        return counters::read(session, counters::OrdersTotal);
    qint64 sum = 0;
    for (const QString& s : statuses) {
        auto n = counters::read(session, counters::orderStatus(s));
        if (!n)
            return n.error();
        sum += n.value();
    }
    return sum;
}

QString tabCode(OrderTab tab)
{
    switch (tab) {
    case OrderTab::All:
        return u"all"_s;
    case OrderTab::Pending:
        return u"pending"_s;
    case OrderTab::Review:
        return u"review"_s;
    case OrderTab::Delivering:
        return u"delivering"_s;
    case OrderTab::Delivered:
        return u"delivered"_s;
    case OrderTab::Refunded:
        return u"refunded"_s;
    }
    return u"all"_s;
}

} // namespace

bool OrderFilter::hasConditions() const
{
    OrderFilter bare;
    bare.tab = tab;
    return !(*this == bare);
}

QJsonObject OrderFilter::toJson() const
{
    QJsonObject o;
    o[u"tab"_s] = tabCode(tab);
    if (createdFrom > 0)
        o[u"created_from"_s] = createdFrom;
    if (createdTo > 0)
        o[u"created_to"_s] = createdTo;
    if (memberId > 0)
        o[u"member_id"_s] = memberId;
    if (goodsId > 0)
        o[u"goods_id"_s] = goodsId;
    // Money as text: a JSON number is a double.
    if (amountMin)
        o[u"amount_min"_s] = QString::number(*amountMin);
    if (amountMax)
        o[u"amount_max"_s] = QString::number(*amountMax);
    if (!orderNoPrefix.isEmpty())
        o[u"order_no_prefix"_s] = orderNoPrefix;
    if (!chargeAccountPrefix.isEmpty())
        o[u"charge_account_prefix"_s] = chargeAccountPrefix;
    if (categoryId > 0)
        o[u"category_id"_s] = categoryId;
    if (!memberKind.isEmpty())
        o[u"member_kind"_s] = memberKind;
    if (branchOf > 0)
        o[u"branch_of"_s] = branchOf;
    if (weekday >= 0)
        o[u"weekday"_s] = weekday;
    if (hour >= 0)
        o[u"hour"_s] = hour;
    return o;
}

OrderFilter OrderFilter::fromJson(const QJsonObject& json)
{
    OrderFilter f;
    const QString tab = json.value(u"tab"_s).toString();
    for (OrderTab t : {OrderTab::All, OrderTab::Pending, OrderTab::Review, OrderTab::Delivering,
                       OrderTab::Delivered, OrderTab::Refunded})
        if (tabCode(t) == tab)
            f.tab = t;
    f.createdFrom = std::max<qint64>(0, json.value(u"created_from"_s).toInteger());
    f.createdTo = std::max<qint64>(0, json.value(u"created_to"_s).toInteger());
    f.memberId = std::max<qint64>(0, json.value(u"member_id"_s).toInteger());
    f.goodsId = std::max<qint64>(0, json.value(u"goods_id"_s).toInteger());
    bool ok = false;
    if (const qint64 v = json.value(u"amount_min"_s).toString().toLongLong(&ok); ok)
        f.amountMin = v;
    if (const qint64 v = json.value(u"amount_max"_s).toString().toLongLong(&ok); ok)
        f.amountMax = v;
    f.orderNoPrefix = json.value(u"order_no_prefix"_s).toString();
    f.chargeAccountPrefix = json.value(u"charge_account_prefix"_s).toString();
    f.categoryId = std::max<qint64>(0, json.value(u"category_id"_s).toInteger());
    static const QStringList kinds{u"consumer"_s, u"agent"_s, u"enterprise"_s, QString(UncachedMember)};
    if (const QString kind = json.value(u"member_kind"_s).toString(); kinds.contains(kind))
        f.memberKind = kind;
    f.branchOf = std::max<qint64>(0, json.value(u"branch_of"_s).toInteger());
    if (const int w = json.value(u"weekday"_s).toInt(-1); w >= 0 && w <= 6)
        f.weekday = w;
    if (const int h = json.value(u"hour"_s).toInt(-1); h >= 0 && h <= 23)
        f.hour = h;
    return f;
}

namespace orderqueries {

void addRelationTerms(const OrderFilter& f, const QString& prefix, QStringList& terms, QVariantList& binds)
{
    if (f.categoryId > 0) {
        terms << prefix + u"goods_id IN (SELECT id FROM goods WHERE category_id = ?)"_s;
        binds << f.categoryId;
    }
    if (f.memberKind == OrderFilter::UncachedMember) {
        terms << prefix + u"member_id NOT IN (SELECT id FROM members)"_s;
    } else if (!f.memberKind.isEmpty()) {
        terms << prefix + u"member_id IN (SELECT id FROM members WHERE kind = ?)"_s;
        binds << f.memberKind;
    }
    if (f.branchOf > 0) {
        // 16 levels, as the dashboard's leaderboard walks them; the depth also ends a parent cycle.
        terms << prefix + u"member_id IN (WITH RECURSIVE branch(id, depth) AS (SELECT id, 1 FROM members "
                          "WHERE parent_id = ? UNION SELECT m.id, b.depth + 1 FROM members m JOIN branch b ON "
                          "m.parent_id = b.id WHERE b.depth < 16) SELECT id FROM branch)"_s;
        binds << f.branchOf;
    }
    // Shanghai wall clock: created_at + 8 h; business day 0 (1970-01-01) was a Thursday.
    if (f.weekday >= 0) {
        terms << u"((%1created_at + 28800) / 86400 + 3) % 7 = ?"_s.arg(prefix);
        binds << f.weekday;
    }
    if (f.hour >= 0) {
        terms << u"((%1created_at + 28800) / 3600) % 24 = ?"_s.arg(prefix);
        binds << f.hour;
    }
}

QStringList tabStatuses(OrderTab tab)
{
    switch (tab) {
    case OrderTab::All:
        return {};
    case OrderTab::Pending: // paid, waiting for delivery by the platform or handed to CardOps
        return {u"paid"_s, u"handed_over"_s};
    case OrderTab::Review:
        return {u"review"_s};
    case OrderTab::Delivering:
        return {u"delivering"_s};
    case OrderTab::Delivered:
        return {u"delivered"_s};
    case OrderTab::Refunded:
        return {u"refunded"_s};
    }
    return {};
}

QStringList columns()
{
    QStringList out;
    for (const Column& c : allColumns())
        out << c.id;
    return out;
}

QStringList defaultVisibleColumns()
{
    return {u"order_no"_s, u"created_at"_s, u"member"_s,         u"goods"_s,      u"quantity"_s,
            u"amount"_s,   u"status"_s,     u"charge_account"_s, u"pay_channel"_s};
}

OrderSort effectiveSort(const OrderQuery& query)
{
    const OrderFilter& f = query.filter;
    if (!f.orderNoPrefix.isEmpty())
        return OrderSort::OrderNo;
    if (!f.chargeAccountPrefix.isEmpty())
        return OrderSort::ChargeAccount;
    return query.sort;
}

QString sortColumnId(OrderSort sort)
{
    switch (sort) {
    case OrderSort::CreatedAt:
        return u"created_at"_s;
    case OrderSort::OrderNo:
        return u"order_no"_s;
    case OrderSort::ChargeAccount:
        return u"charge_account"_s;
    }
    return u"created_at"_s;
}

std::optional<OrderSort> sortFromColumnId(const QString& id)
{
    for (OrderSort s : {OrderSort::CreatedAt, OrderSort::OrderNo})
        if (sortColumnId(s) == id)
            return s;
    return std::nullopt;
}

core::Result<qint64> maxId(const ReadSession& session)
{
    return scalar(session, u"SELECT COALESCE(MAX(id), 0) FROM orders"_s, {});
}

core::Result<qint64> countAbove(const ReadSession& session, const OrderQuery& query)
{
    if (query.ceiling <= 0)
        return qint64(0);
    const Predicate where = predicateFor(query, Side::Above);
    return scalar(session, u"SELECT COUNT(*) FROM orders"_s + where.sql, where.binds);
}

core::Result<qint64> count(const ReadSession& session, const OrderQuery& query)
{
    if (!query.filter.hasConditions()) {
        // The counters count every order; those above the ceiling are taken off (a PK range).
        auto all = counted(session, query.filter.tab);
        if (!all)
            return all;
        auto above = countAbove(session, query);
        if (!above)
            return above;
        return all.value() - above.value();
    }
    const Predicate where = predicateFor(query, Side::Below);
    return scalar(session, u"SELECT COUNT(*) FROM orders"_s + where.sql, where.binds);
}

bool countScansTable(const OrderQuery& query)
{
    const OrderFilter& f = query.filter;
    // The dashboard's conditions are no index either: each row of the range is looked at.
    return f.amountMin || f.amountMax || f.categoryId > 0 || !f.memberKind.isEmpty() || f.branchOf > 0 ||
           f.weekday >= 0 || f.hour >= 0;
}

core::Result<qint64> countUpTo(const ReadSession& session, const OrderQuery& query, int cap)
{
    const QString key = sortColumnId(effectiveSort(query));
    const QString dir = query.descending ? u" DESC"_s : u" ASC"_s;
    const Predicate where = predicateFor(query, Side::Below);
    QVariantList binds = where.binds;
    binds << cap;
    return scalar(session,
                  u"SELECT COUNT(*) FROM (SELECT 1 FROM orders"_s + where.sql + u" ORDER BY "_s + key + dir +
                      u", id"_s + dir + u" LIMIT ?)"_s,
                  binds);
}

core::Result<QList<qint64>> tabCounts(const ReadSession& session, qint64 ceiling)
{
    QHash<QString, qint64> above;
    if (ceiling > 0) {
        auto rows =
            session.select(u"SELECT status, COUNT(*) FROM orders WHERE id > ? GROUP BY +status"_s, {ceiling});
        if (!rows)
            return rows.error();
        for (const QVariantList& r : *rows)
            above.insert(r.value(0).toString(), r.value(1).toLongLong());
    }
    QList<qint64> out;
    for (OrderTab tab : {OrderTab::All, OrderTab::Pending, OrderTab::Review, OrderTab::Delivering,
                         OrderTab::Delivered, OrderTab::Refunded}) {
        auto n = counted(session, tab);
        if (!n)
            return n.error();
        qint64 value = n.value();
        const QStringList statuses = tabStatuses(tab);
        if (statuses.isEmpty()) {
            for (qint64 a : std::as_const(above))
                value -= a;
        } else {
            for (const QString& s : statuses)
                value -= above.value(s);
        }
        out << value;
    }
    return out;
}

core::Result<ReadSession::Rows> page(const ReadSession& session, const OrderQuery& query,
                                     const OrderLadder& ladder, qint64 offset, int limit)
{
    if (offset < 0 || limit <= 0)
        return makeError(ErrorCode::InvalidArgument, u"bad window"_s);
    const QString key = sortColumnId(effectiveSort(query));
    const QString dir = query.descending ? u" DESC"_s : u" ASC"_s;
    Predicate where = predicateFor(query, Side::Below);

    // Seek from the nearest anchor at or before the window: anchors[i] is row (i + 1) * step.
    const qint64 anchorIndex = std::min<qint64>(offset / AnchorStep, ladder.anchors.size()) - 1;
    qint64 skip = offset;
    if (anchorIndex >= 0) {
        const OrderKey& anchor = ladder.anchors[anchorIndex];
        where.sql += (where.sql.isEmpty() ? u" WHERE ("_s : u" AND ("_s) + key +
                     (query.descending ? u", id) <= (?, ?)"_s : u", id) >= (?, ?)"_s);
        where.binds << anchor.value << anchor.id;
        skip = offset - (anchorIndex + 1) * AnchorStep;
    }
    QStringList selects;
    for (const Column& c : allColumns())
        selects << c.select;
    // The window's ids come from the index alone; only they are joined.
    const QString sql =
        u"SELECT "_s + selects.join(u", "_s) + u" FROM (SELECT id AS wid FROM orders"_s + where.sql +
        u" ORDER BY "_s + key + dir + u", id"_s + dir +
        u" LIMIT ? OFFSET ?) AS w JOIN orders AS t ON t.id = w.wid"_s +
        u" LEFT JOIN members m ON m.id = t.member_id LEFT JOIN goods g ON g.id = t.goods_id"_s +
        u" ORDER BY t."_s + key + dir + u", t.id"_s + dir;
    where.binds << limit << skip;
    return session.select(sql, where.binds);
}

core::Result<OrderLadder> ladder(const ReadSession& session, const OrderQuery& query)
{
    const QString key = sortColumnId(effectiveSort(query));
    const QString dir = query.descending ? u" DESC"_s : u" ASC"_s;
    const Predicate where = predicateFor(query, Side::Below);
    const QString sql =
        u"SELECT k, id FROM (SELECT "_s + key + u" AS k, id, row_number() OVER (ORDER BY "_s + key + dir +
        u", id"_s + dir + u") AS rn FROM orders"_s + where.sql +
        u") WHERE rn > 1 AND rn % ? = 1 ORDER BY rn"_s; // row (i + 1) * step is rn (i + 1) * step + 1
    QVariantList binds = where.binds;
    binds << AnchorStep;
    auto rows = session.select(sql, binds);
    if (!rows)
        return rows.error();
    OrderLadder out;
    out.anchors.reserve(rows->size());
    for (const QVariantList& r : *rows)
        out.anchors.append({r.value(0), r.value(1).toLongLong()});
    return out;
}

} // namespace orderqueries
} // namespace cardops::storage
