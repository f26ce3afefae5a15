#include "storage/rollups.h"

#include "storage/writecontext.h"

#include <QSet>
#include <array>

using namespace Qt::StringLiterals;

namespace cardops::storage {

namespace {

// Every measure, in the rollup tables' column order after the key; %1 is the sign (1 or -1).
// A paid order is one that is neither unpaid nor cancelled (the platform's daily report counts the same).
const QString kMeasures =
    u"%1 * COUNT(*), %1 * SUM(o.quantity), %1 * SUM(o.paid_amount), "
    u"%1 * SUM(CASE WHEN o.pay_channel <> 'balance' THEN o.paid_amount ELSE 0 END), %1 * "
    u"SUM(CASE WHEN o.delivered_at > 0 OR o.status = 'delivered' THEN (o.cost_at_order * o.quantity + 50) / 100 * 100 ELSE 0 END), "
    u"%1 * SUM(o.refund_amount), %1 * SUM(o.refund_amount > 0), %1 * SUM(o.delivered_at > 0), "
    u"%1 * SUM(o.delivered_at > 0 AND o.review_reason = ''), "
    u"%1 * SUM(CASE WHEN o.delivered_at > 0 AND o.paid_at > 0 THEN max(o.delivered_at - o.paid_at, 0) ELSE 0 END)"_s;

const QString kAddMeasures =
    u"orders = orders + excluded.orders, quantity = quantity + excluded.quantity, gmv = gmv + excluded.gmv, "
    u"fee_base = fee_base + excluded.fee_base, cost = cost + excluded.cost, refunds = refunds + "
    u"excluded.refunds, "
    u"refunded_orders = refunded_orders + excluded.refunded_orders, delivered = delivered + "
    u"excluded.delivered, "
    u"delivered_auto = delivered_auto + excluded.delivered_auto, "
    u"deliver_seconds = deliver_seconds + excluded.deliver_seconds"_s;

const QString kDay = u"(o.created_at + 28800) / 86400"_s;
const QString kPaid = u"o.status NOT IN ('unpaid', 'cancelled')"_s;
// The orders of a JSON array of distinct ids: a join from the array (a primary-key or
// `orders_member` search per id) costs less than `IN (SELECT value FROM json_each(?))`, which first
// builds an index of the list (callgrind: −1.1M instructions a statement for 1000 ids).
const QString kByOrder = u"json_each(?) j JOIN orders o ON o.id = j.value"_s;
const QString kByMember = u"json_each(?) j JOIN orders o ON o.member_id = j.value"_s;

// The statements for the orders of `source` (one bound JSON array) with `sign`: goods × day and
// hours (by member kind), then member × day unless `byKindOnly`.
QStringList statements(const QString& source, int sign, bool byKindOnly)
{
    const QString measures = kMeasures.arg(sign);
    const QString from =
        u" FROM "_s + source + u" LEFT JOIN members m ON m.id = o.member_id WHERE "_s + kPaid;
    QStringList sql = {
        u"INSERT INTO rollup_goods_day SELECT "_s + kDay + u", o.goods_id, COALESCE(m.kind, ''), "_s +
            measures + from + u" GROUP BY 1, 2, 3 ON CONFLICT (day, goods_id, member_kind) DO UPDATE SET "_s +
            kAddMeasures,
        u"INSERT INTO rollup_hours SELECT "_s + kDay + u", ((o.created_at + 28800) % 86400) / 3600, "_s +
            u"COALESCE(m.kind, ''), "_s + measures + from +
            u" GROUP BY 1, 2, 3 ON CONFLICT (day, hour, member_kind) DO UPDATE SET "_s + kAddMeasures,
    };
    // One upsert per order, no GROUP BY: a page's (day, member) keys are nearly all distinct, and
    // the sorter cost more than the repeated conflicts (callgrind: 10.0M → 7.7M instructions a page).
    if (!byKindOnly)
        sql << u"INSERT INTO rollup_member_day SELECT "_s + kDay +
                   u", o.member_id, %1, %1 * o.paid_amount FROM "_s.arg(sign) + source + u" WHERE "_s +
                   kPaid +
                   u" ON CONFLICT (day, member_id) DO UPDATE SET orders = orders + excluded.orders, "_s
                   u"gmv = gmv + excluded.gmv"_s;
    return sql;
}

// The texts are built once: [by member][sign > 0].
const QStringList& cachedStatements(bool byMember, int sign)
{
    static const std::array<std::array<QStringList, 2>, 2> all = {{
        {statements(kByOrder, -1, false), statements(kByOrder, 1, false)},
        {statements(kByMember, -1, true), statements(kByMember, 1, true)},
    }};
    return all[byMember ? 1 : 0][sign > 0 ? 1 : 0];
}

// The ids once each (the statements join from the list: a repeat would count twice).
QString idsJson(const QList<qint64>& ids)
{
    QString json;
    json.reserve(ids.size() * 12 + 2);
    QSet<qint64> seen;
    seen.reserve(ids.size());
    for (qint64 id : ids) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        json += json.isEmpty() ? u'[' : u',';
        json += QString::number(id);
    }
    json += u']';
    return json;
}

core::Result<void> run(WriteContext& ctx, bool byMember, const QList<qint64>& ids, int sign)
{
    if (ids.isEmpty())
        return {};
    const QString json = idsJson(ids);
    for (const QString& s : cachedStatements(byMember, sign)) {
        auto r = ctx.execCached(s, {json});
        if (!r)
            return r.error();
    }
    return {};
}

// The version each id of a page holds as the page's items are applied in order (-1: not cached).
class Versions
{
public:
    explicit Versions(const QHash<qint64, QVariantList>& cached)
        : m_cached(cached)
    {}
    // Whether an item is written, and if so remembers its version for later repeats.
    bool writes(qint64 id, qint64 version)
    {
        auto mine = m_page.find(id);
        qint64 have = -1;
        if (mine != m_page.end())
            have = mine.value();
        else if (const auto it = m_cached.constFind(id); it != m_cached.cend())
            have = it->value(0).toLongLong();
        if (version <= have)
            return false;
        m_page.insert(id, version);
        return true;
    }
    bool firstWrite(qint64 id) const { return !m_seen.contains(id); }
    void seen(qint64 id) { m_seen.insert(id); }

private:
    const QHash<qint64, QVariantList>& m_cached;
    QHash<qint64, qint64> m_page;
    QSet<qint64> m_seen;
};

} // namespace

core::Result<void> rollups::applyOrders(WriteContext& ctx, const QList<qint64>& ids, int sign)
{
    return run(ctx, false, ids, sign);
}

core::Result<void> rollups::applyMembersOrders(WriteContext& ctx, const QList<qint64>& memberIds, int sign)
{
    return run(ctx, true, memberIds, sign);
}

rollups::OrdersChange rollups::ordersChange(const QList<core::Order>& items,
                                            const QHash<qint64, QVariantList>& cached)
{
    OrdersChange change;
    Versions versions(cached);
    for (const core::Order& o : items) {
        if (!versions.writes(o.id, o.version) || !versions.firstWrite(o.id))
            continue;
        versions.seen(o.id);
        change.written << o.id;
        if (cached.contains(o.id))
            change.cached << o.id;
    }
    return change;
}

QList<qint64> rollups::kindChanges(const QList<core::Member>& items,
                                   const QHash<qint64, QVariantList>& cached)
{
    Versions versions(cached);
    QHash<qint64, QString> stored; // the kind each written member ends the page with
    QList<qint64> order;
    for (const core::Member& m : items) {
        // A tombstone keeps the member's row and kind (docs/sync.md "Tombstones").
        if (!versions.writes(m.id, m.version) || m.deleted)
            continue;
        if (!stored.contains(m.id))
            order << m.id;
        stored.insert(m.id, m.kind);
    }
    QList<qint64> moved;
    for (qint64 id : order) {
        const auto it = cached.constFind(id);
        const QString now = it == cached.cend() ? QString() : it->value(1).toString();
        if (stored.value(id) != now)
            moved << id;
    }
    return moved;
}

} // namespace cardops::storage
