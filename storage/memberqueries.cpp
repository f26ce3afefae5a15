#include "storage/memberqueries.h"

#include "core/money.h"
#include "storage/memberstats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace cardops::storage::memberqueries {
namespace {

using core::ErrorCode;
using core::makeError;

QString likeContains(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

// The paid statuses as an SQL list (constants, never operator input).
QString paidList()
{
    return u"'"_s + memberstats::paidStatuses().join(u"','"_s) + u"'"_s;
}

// A JSON array column, or an empty array when the text is not valid JSON (json_each would fail).
QString safeJson(const QString& column)
{
    return u"(CASE WHEN json_valid("_s + column + u") THEN "_s + column + u" ELSE '[]' END)"_s;
}

struct Predicate
{
    QString sql; // " WHERE …" over the bare members table, or empty
    QVariantList binds;
};

Predicate predicateFor(const MemberQuery& q, bool withKind)
{
    QStringList terms;
    QVariantList binds;
    if (withKind && !q.kind.isEmpty()) {
        terms << u"kind = ?"_s;
        binds << q.kind;
    }
    if (q.tierId > 0) {
        terms << u"tier_id = ?"_s;
        binds << q.tierId;
    }
    if (!q.segment.isEmpty()) {
        // A range of member_rfm_segment; the ids are then seeks on the primary key.
        terms << u"id IN (SELECT member_id FROM member_rfm WHERE segment = ?)"_s;
        binds << q.segment;
    }
    if (!q.tag.isEmpty()) {
        // Members without tags (most) are skipped before their JSON is parsed, and so is a list
        // that holds neither the tag's text nor an escape (which could spell the text otherwise).
        terms << u"(tags <> '[]' AND (instr(tags, ?) > 0 OR instr(tags, '\\') > 0) AND EXISTS (SELECT 1 "
                 u"FROM json_each("_s +
                     safeJson(u"members.tags"_s) + u") e WHERE e.value = ?))"_s;
        binds << q.tag << q.tag;
    }
    const QString search = q.search.trimmed();
    if (!search.isEmpty()) {
        bool numeric = false;
        const qint64 id = search.toLongLong(&numeric);
        terms << (numeric ? u"(id = ? OR name LIKE ? ESCAPE '\\' OR contact LIKE ? ESCAPE '\\')"_s
                          : u"(name LIKE ? ESCAPE '\\' OR contact LIKE ? ESCAPE '\\')"_s);
        if (numeric)
            binds << id;
        binds << likeContains(search) << likeContains(search);
    }
    return {terms.isEmpty() ? QString() : u" WHERE "_s + terms.join(u" AND "_s), binds};
}

// The ORDER BY over the bare table (prefix "") or the joined row (prefix "t.").
QString orderBy(const MemberQuery& q, const QString& prefix)
{
    const QString dir = q.descending ? u" DESC"_s : u" ASC"_s;
    if (q.sort == MemberSort::Id)
        return prefix + u"id"_s + dir;
    return prefix + u"registered_at"_s + dir + u", "_s + prefix + u"id"_s + dir;
}

QStringList tagsOf(const QString& json)
{
    QStringList out;
    for (const QJsonValue& v : QJsonDocument::fromJson(json.toUtf8()).array())
        if (v.isString())
            out << v.toString();
    return out;
}

} // namespace

qint64 averageOrder(qint64 spend, qint64 orders)
{
    if (orders <= 0)
        return 0;
    const qint64 magnitude = spend < 0 ? -spend : spend;
    const qint64 rounded = (2 * magnitude + orders) / (2 * orders); // half away from zero
    return spend < 0 ? -rounded : rounded;
}

QString countSql(const MemberQuery& query, QVariantList* binds)
{
    const Predicate all = predicateFor(query, false);
    *binds = all.binds;
    return u"SELECT kind, COUNT(*) FROM members"_s + all.sql + u" GROUP BY kind"_s;
}

core::Result<MemberCounts> counts(const ReadSession& session, const MemberQuery& query)
{
    QVariantList binds;
    auto rows = session.select(countSql(query, &binds), binds);
    if (!rows)
        return rows.error();
    MemberCounts out;
    for (const QVariantList& r : *rows)
        out.perKind.insert(r.value(0).toString(), r.value(1).toLongLong());
    if (query.kind.isEmpty()) {
        for (qint64 n : std::as_const(out.perKind))
            out.total += n;
    } else {
        out.total = out.perKind.value(query.kind);
    }
    return out;
}

QString windowSql(const MemberQuery& query, QVariantList* binds)
{
    const Predicate where = predicateFor(query, true);
    *binds = where.binds;
    // With a filter, the table is scanned in rowid order and the matches sorted (a top-N sort):
    // walking members_registered would look up each row at random, thrashing the page cache
    // (0.4 s instead of 40 ms on 50,000 members). Without one the index alone covers the window.
    const QString order = orderBy(query, {});
    return u"SELECT id FROM members"_s + where.sql + u" ORDER BY "_s +
           (where.sql.isEmpty() || query.sort == MemberSort::Id ? order : u"+"_s + order) +
           u" LIMIT ? OFFSET ?"_s;
}

QString pageSql(const MemberQuery& query, QVariantList* binds)
{
    const QString windowed = windowSql(query, binds);
    // The window's ids first, then its orders, each member a range of orders_member (CROSS JOIN
    // keeps the window outside: otherwise the planner walks orders_status); only the window's rows
    // are joined.
    return u"WITH w AS ("_s + windowed +
           u"), s AS (SELECT o.member_id AS member_id, COUNT(*) AS n, "
           u"SUM(o.paid_amount - o.refund_amount) AS spend, MAX(o.created_at) AS last_at "
           u"FROM w CROSS JOIN orders o ON o.member_id = w.id WHERE o.status IN ("_s +
           paidList() +
           u") GROUP BY o.member_id) "
           u"SELECT t.id, t.name, t.kind, t.tier_id, COALESCE(r.name, ''), t.parent_id, COALESCE(p.name, "
           u"''), "
           u"COALESCE(f.segment, ''), COALESCE(s.n, 0), COALESCE(s.spend, 0), COALESCE(s.last_at, 0), "
           u"t.balance, t.tags, t.registered_at, t.contact "
           u"FROM w JOIN members t ON t.id = w.id LEFT JOIN tiers r ON r.id = t.tier_id "
           u"LEFT JOIN members p ON p.id = t.parent_id AND t.parent_id <> 0 "
           u"LEFT JOIN member_rfm f ON f.member_id = t.id LEFT JOIN s ON s.member_id = t.id ORDER BY "_s +
           orderBy(query, u"t."_s);
}

namespace {

MemberRow rowFrom(const QVariantList& r)
{
    MemberRow m;
    m.id = r.value(0).toLongLong();
    m.name = r.value(1).toString();
    m.kind = r.value(2).toString();
    m.tierId = r.value(3).toLongLong();
    m.tier = r.value(4).toString();
    m.parentId = r.value(5).toLongLong();
    m.parent = r.value(6).toString();
    m.segment = r.value(7).toString();
    m.orders = r.value(8).toLongLong();
    m.spend = r.value(9).toLongLong();
    m.lastOrderAt = r.value(10).toLongLong();
    m.balance = r.value(11).toLongLong();
    m.tags = tagsOf(r.value(12).toString());
    m.registeredAt = r.value(13).toLongLong();
    m.contact = r.value(14).toString();
    return m;
}

} // namespace

core::Result<QList<MemberRow>> page(const ReadSession& session, const MemberQuery& query, qint64 offset,
                                    int limit)
{
    if (offset < 0 || limit <= 0)
        return makeError(ErrorCode::InvalidArgument, u"bad window"_s);
    QVariantList binds;
    const QString sql = pageSql(query, &binds);
    binds << limit << offset;
    auto rows = session.select(sql, binds);
    if (!rows)
        return rows.error();
    QList<MemberRow> out;
    out.reserve(rows->size());
    for (const QVariantList& r : *rows)
        out.append(rowFrom(r));
    return out;
}

core::Result<QList<TierName>> tiers(const ReadSession& session)
{
    auto rows = session.select(u"SELECT id, name FROM tiers ORDER BY rank, id"_s);
    if (!rows)
        return rows.error();
    QList<TierName> out;
    for (const QVariantList& r : *rows)
        out.append({r.value(0).toLongLong(), r.value(1).toString()});
    return out;
}

core::Result<QStringList> distinctTags(const ReadSession& session)
{
    auto rows =
        session.select(u"SELECT DISTINCT e.value FROM members m, json_each("_s + safeJson(u"m.tags"_s) +
                       u") e WHERE m.tags <> '[]' AND e.type = 'text' ORDER BY 1"_s);
    if (!rows)
        return rows.error();
    QStringList out;
    for (const QVariantList& r : *rows)
        out << r.value(0).toString();
    return out;
}

core::Result<MemberDetail> memberDetail(const ReadSession& session, qint64 memberId)
{
    auto rows = session.select(
        u"SELECT t.id, t.name, t.kind, t.tier_id, COALESCE(r.name, ''), t.parent_id, COALESCE(p.name, ''), "
        u"COALESCE(f.segment, ''), 0, 0, 0, t.balance, t.tags, t.registered_at, t.contact, "
        u"COALESCE(r.rank, 0), f.member_id IS NOT NULL, COALESCE(f.r, 0), COALESCE(f.f, 0), COALESCE(f.m, "
        u"0), "
        u"COALESCE(f.computed_at, 0) FROM members t LEFT JOIN tiers r ON r.id = t.tier_id "
        u"LEFT JOIN members p ON p.id = t.parent_id AND t.parent_id <> 0 "
        u"LEFT JOIN member_rfm f ON f.member_id = t.id WHERE t.id = ?"_s,
        {memberId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, u"member %1 is not in the cache"_s.arg(memberId));
    const QVariantList& r = rows->first();
    MemberDetail d;
    d.member = rowFrom(r);
    d.tierRank = r.value(15).toLongLong();
    d.hasRfm = r.value(16).toBool();
    d.r = r.value(17).toInt();
    d.f = r.value(18).toInt();
    d.m = r.value(19).toInt();
    d.rfmComputedAt = r.value(20).toLongLong();

    auto totals =
        session.select(u"SELECT COUNT(*), COALESCE(SUM(paid_amount - refund_amount), 0), "
                       u"COALESCE(SUM(refund_amount), 0), COALESCE(MIN(created_at), 0), "
                       u"COALESCE(MAX(created_at), 0) FROM orders WHERE member_id = ? AND status IN ("_s +
                           paidList() + u")"_s,
                       {memberId});
    if (!totals)
        return totals.error();
    const QVariantList t = totals->value(0);
    d.member.orders = t.value(0).toLongLong();
    d.member.spend = t.value(1).toLongLong();
    d.refunds = t.value(2).toLongLong();
    d.firstOrderAt = t.value(3).toLongLong();
    d.member.lastOrderAt = t.value(4).toLongLong();
    d.averageOrder = averageOrder(d.member.spend, d.member.orders);

    auto others = session.select(u"SELECT (SELECT COUNT(*) FROM members WHERE parent_id = ?), "
                                 u"(SELECT COUNT(*) FROM ledger WHERE member_id = ?)"_s,
                                 {memberId, memberId});
    if (!others)
        return others.error();
    d.downlines = others->value(0).value(0).toLongLong();
    d.ledgerEntries = others->value(0).value(1).toLongLong();
    return d;
}

core::Result<QList<MemberOrder>> memberOrders(const ReadSession& session, qint64 memberId, int limit)
{
    if (limit <= 0)
        return QList<MemberOrder>();
    auto rows = session.select(u"SELECT o.id, o.order_no, o.goods_id, COALESCE(g.name, ''), o.quantity, "
                               u"o.paid_amount, o.refund_amount, "
                               u"o.status, o.created_at FROM orders o LEFT JOIN goods g ON g.id = o.goods_id "
                               u"WHERE o.member_id = ? ORDER BY o.created_at DESC, o.id DESC LIMIT ?"_s,
                               {memberId, limit});
    if (!rows)
        return rows.error();
    QList<MemberOrder> out;
    out.reserve(rows->size());
    for (const QVariantList& r : *rows)
        out.append({r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toLongLong(),
                    r.value(3).toString(), r.value(4).toLongLong(), r.value(5).toLongLong(),
                    r.value(6).toLongLong(), r.value(7).toString(), r.value(8).toLongLong()});
    return out;
}

core::Result<QList<LedgerLine>> memberLedger(const ReadSession& session, qint64 memberId, qint64 offset,
                                             int limit)
{
    if (offset < 0 || limit <= 0)
        return makeError(ErrorCode::InvalidArgument, u"bad window"_s);
    // Today's balance minus the entries newer than the window gives the balance after its first.
    auto start = session.select(
        u"SELECT (SELECT balance FROM members WHERE id = ?), (SELECT COALESCE(SUM(amount), 0) FROM "
        u"(SELECT amount FROM ledger WHERE member_id = ? ORDER BY created_at DESC, id DESC LIMIT ?))"_s,
        {memberId, memberId, offset});
    if (!start)
        return start.error();
    qint64 after = start->value(0).value(0).toLongLong() - start->value(0).value(1).toLongLong();
    auto rows =
        session.select(u"SELECT id, kind, amount, order_id, created_at FROM ledger WHERE member_id = ? "
                       u"ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?"_s,
                       {memberId, limit, offset});
    if (!rows)
        return rows.error();
    QList<LedgerLine> out;
    out.reserve(rows->size());
    for (const QVariantList& r : *rows) {
        LedgerLine l{r.value(0).toLongLong(), r.value(1).toString(),   r.value(2).toLongLong(),
                     r.value(3).toLongLong(), r.value(4).toLongLong(), after};
        after -= l.amount;
        out.append(l);
    }
    return out;
}

core::Result<QList<ContractPrice>> contractPrices(const ReadSession& session, qint64 memberId)
{
    auto rows = session.select(
        u"SELECT g.id, g.sku, g.name, g.price, CAST(json_extract(e.value, '$.price') AS TEXT) FROM goods g, "
        u"json_each("_s +
            safeJson(u"g.contract_prices"_s) +
            u") e WHERE g.contract_prices <> '[]' AND json_extract(e.value, '$.member_id') = ? ORDER BY g.id"_s,
        {memberId});
    if (!rows)
        return rows.error();
    QList<ContractPrice> out;
    for (const QVariantList& r : *rows) {
        auto price = core::Money::parse(r.value(4).toString());
        if (!price)
            continue; // a price the platform would not send: never shown as a guess
        out.append({r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(),
                    r.value(3).toLongLong(), price->units()});
    }
    return out;
}

} // namespace cardops::storage::memberqueries
