#include "bridge/acgreader.h"

#include "bridge/acgconvert.h"
#include "bridge/bridgedb.h"
#include "bridge/orderwrites.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QStringList>

namespace cardops::bridge {

using namespace Qt::StringLiterals;

namespace {

QString marks(qsizetype n)
{
    return QStringList(n, QStringLiteral("?")).join(u',');
}

QVariantList toParams(const QList<qint64>& ids)
{
    QVariantList out;
    out.reserve(ids.size());
    for (qint64 id : ids)
        out << id;
    return out;
}

QString text(const QSqlQuery& q, int i)
{
    return q.value(i).isNull() ? QString() : q.value(i).toString();
}

QString money4(const QSqlQuery& q, int i)
{
    const QString m = acg::moneyText(text(q, i));
    return m.isEmpty() ? QStringLiteral("0.0000") : m;
}

core::Money moneyOf(const QSqlQuery& q, int i)
{
    return acg::money(text(q, i)).value_or(core::Money());
}

// Ids the query did not return.
QList<qint64> missing(const QList<qint64>& ids, const QSet<qint64>& seen)
{
    QList<qint64> out;
    for (qint64 id : ids)
        if (!seen.contains(id))
            out << id;
    return out;
}

core::Result<QList<acg::TierRow>> tierRows(BridgeDb& db)
{
    auto q = db.run(
        QStringLiteral("SELECT `id`, CAST(`recharge` AS CHAR), `discount_config` FROM %1 ORDER BY `id`")
            .arg(db.acg("user_group")));
    if (!q)
        return q.error();
    QList<acg::TierRow> out;
    while (q.value().next()) {
        acg::TierRow t;
        t.id = q.value().value(0).toLongLong();
        t.threshold = moneyOf(q.value(), 1);
        const QJsonObject discounts = QJsonDocument::fromJson(text(q.value(), 2).toUtf8()).object();
        QList<qint64> keys;
        for (auto it = discounts.begin(); it != discounts.end(); ++it)
            keys << it.key().toLongLong();
        std::sort(keys.begin(), keys.end());
        for (qint64 k : keys) {
            const QJsonValue v = discounts.value(QString::number(k));
            t.discounts.append({k, v.isString() ? v.toString() : QString::number(v.toDouble(), 'f', 2)});
        }
        out << t;
    }
    return out;
}

// goods id → the commodity groups listing it, ascending.
core::Result<QHash<qint64, QList<qint64>>> goodsGroups(BridgeDb& db)
{
    auto q = db.run(
        QStringLiteral("SELECT `id`, `commodity_list` FROM %1 ORDER BY `id`").arg(db.acg("commodity_group")));
    if (!q)
        return q.error();
    QHash<qint64, QList<qint64>> out;
    while (q.value().next()) {
        const qint64 group = q.value().value(0).toLongLong();
        for (const QJsonValue& v : QJsonDocument::fromJson(text(q.value(), 1).toUtf8()).array()) {
            const qint64 goods = v.isString() ? v.toString().toLongLong() : static_cast<qint64>(v.toDouble());
            if (goods > 0 && !out[goods].contains(group))
                out[goods] << group;
        }
    }
    return out;
}

std::optional<core::Money> levelAmount(const QJsonObject& levelPrice, qint64 tier)
{
    const QJsonValue amount = levelPrice.value(QString::number(tier)).toObject().value(u"amount");
    if (amount.isString())
        return acg::money(amount.toString());
    if (amount.isDouble())
        return acg::money(QString::number(amount.toDouble(), 'f', 2));
    return std::nullopt;
}

} // namespace

AcgReader::AcgReader(BridgeDb& db)
    : m_db(db)
{}

core::Result<AcgReader::Found> AcgReader::categories(const QList<qint64>& ids)
{
    Found f;
    if (ids.isEmpty())
        return f;
    auto q = m_db.run(
        QStringLiteral(
            "SELECT `id`, `owner`, `name`, `sort`, `status`, `hide`, `pid` FROM %1 WHERE `id` IN (%2)")
            .arg(m_db.acg("category"), marks(ids.size())),
        toParams(ids));
    if (!q)
        return q.error();
    QSet<qint64> seen;
    while (q.value().next()) {
        const QSqlQuery& r = q.value();
        const qint64 id = r.value(0).toLongLong();
        seen.insert(id);
        if (r.value(1).toLongLong() != 0)
            continue;
        f.items.insert(id, QJsonObject{{u"id"_s, id},
                                       {u"parent_id"_s, r.value(6).isNull() ? 0 : r.value(6).toLongLong()},
                                       {u"name"_s, text(r, 2)},
                                       {u"sort"_s, r.value(3).toLongLong()},
                                       {u"status"_s, r.value(4).toInt() == 1 ? u"on"_s : u"off"_s},
                                       {u"hidden"_s, r.value(5).toInt() == 1}});
    }
    f.gone = missing(ids, seen);
    return f;
}

core::Result<AcgReader::Found> AcgReader::goods(const QList<qint64>& ids)
{
    Found f;
    if (ids.isEmpty())
        return f;
    auto tiers = tierRows(m_db);
    if (!tiers)
        return tiers.error();
    auto groups = goodsGroups(m_db);
    if (!groups)
        return groups.error();
    QHash<qint64, QPair<qint64, qint64>> stock; // goods → (available, locked) cards
    auto c = m_db.run(
        QStringLiteral("SELECT `commodity_id`, `status`, COUNT(*) FROM %1 WHERE `commodity_id` IN (%2) AND "
                       "`status` IN (0, 2) GROUP BY `commodity_id`, `status`")
            .arg(m_db.acg("card"), marks(ids.size())),
        toParams(ids));
    if (!c)
        return c.error();
    while (c.value().next()) {
        auto& s = stock[c.value().value(0).toLongLong()];
        (c.value().value(1).toInt() == 0 ? s.first : s.second) = c.value().value(2).toLongLong();
    }
    auto q = m_db.run(
        QStringLiteral(
            "SELECT `id`, `owner`, `category_id`, `name`, `description`, CAST(`factory_price` AS CHAR), "
            "CAST(`price` AS CHAR), CAST(`user_price` AS CHAR), `status`, `code`, `delivery_way`, "
            "`sort`, `shared_id`, `shared_code`, `stock`, `level_price`, `level_disable` "
            "FROM %1 WHERE `id` IN (%2)")
            .arg(m_db.acg("commodity"), marks(ids.size())),
        toParams(ids));
    if (!q)
        return q.error();
    QSet<qint64> seen;
    while (q.value().next()) {
        const QSqlQuery& r = q.value();
        const qint64 id = r.value(0).toLongLong();
        seen.insert(id);
        if (r.value(1).toLongLong() != 0)
            continue;
        const bool docked = !r.value(12).isNull();
        const bool manual = r.value(10).toInt() == 1;
        const QJsonObject levelPrice = QJsonDocument::fromJson(text(r, 15).toUtf8()).object();
        QJsonObject tierPrices;
        for (const acg::TierRow& t : tiers.value())
            tierPrices.insert(
                QString::number(t.id),
                acg::apiMoney(acg::tierUnitPrice(moneyOf(r, 7), levelAmount(levelPrice, t.id),
                                                 r.value(16).toInt() == 1, t, groups.value().value(id))));
        QJsonArray links;
        if (docked)
            links.append(QJsonObject{
                {u"protocol"_s, u"acg-faka"_s}, {u"product_ref"_s, text(r, 13)}, {u"priority"_s, 0}});
        const auto cards = stock.value(id);
        const qint64 available =
            manual ? qMax<qint64>(0, r.value(14).toLongLong()) : (docked ? 0 : cards.first);
        f.items.insert(id, QJsonObject{
                               {u"id"_s, id},
                               {u"sku"_s, text(r, 9)},
                               {u"name"_s, text(r, 3)},
                               {u"category_id"_s, r.value(2).toLongLong()},
                               {u"sort"_s, r.value(11).toLongLong()},
                               {u"kind"_s, u"card"_s},
                               {u"card_format"_s, u"single"_s},
                               {u"card_separator"_s, u""_s},
                               {u"face_value"_s, u"0.0000"_s},
                               {u"price"_s, money4(r, 6)},
                               {u"member_price"_s, money4(r, 7)},
                               {u"tier_prices"_s, tierPrices},
                               {u"contract_prices"_s, QJsonArray()},
                               {u"cost"_s, money4(r, 5)},
                               {u"supplier_links"_s, links},
                               {u"fulfilment_owner"_s, manual ? u"cardops"_s : u"platform"_s},
                               {u"stock_available"_s, available},
                               {u"stock_locked"_s, cards.second},
                               {u"low_stock_threshold"_s, 0},
                               {u"status"_s, r.value(8).toInt() == 1 ? u"on"_s : u"off"_s},
                               {u"listing"_s, QJsonObject{{u"title"_s, text(r, 3)},
                                                          {u"spec"_s, u""_s},
                                                          {u"description"_s, text(r, 4)}}},
                           });
    }
    f.gone = missing(ids, seen);
    return f;
}

core::Result<AcgReader::Found> AcgReader::members(const QList<qint64>& ids)
{
    Found f;
    if (ids.isEmpty())
        return f;
    auto tiers = tierRows(m_db);
    if (!tiers)
        return tiers.error();
    auto q = m_db.run(
        QStringLiteral("SELECT `id`, `username`, `email`, `phone`, `qq`, CAST(`balance` AS CHAR), "
                       "CAST(`coin` AS CHAR), CAST(`create_time` AS CHAR), `pid`, CAST(`recharge` AS CHAR), "
                       "`status`, `business_level`, (SELECT `tags` FROM %3 WHERE `member_id` = %1.`id`) "
                       "FROM %1 WHERE `id` IN (%2)")
            .arg(m_db.acg("user"), marks(ids.size()), m_db.own("member_tags")),
        toParams(ids));
    if (!q)
        return q.error();
    QSet<qint64> seen;
    while (q.value().next()) {
        const QSqlQuery& r = q.value();
        const qint64 id = r.value(0).toLongLong();
        seen.insert(id);
        QString contact;
        for (int i : {2, 3, 4})
            if (contact.isEmpty())
                contact = text(r, i);
        f.items.insert(id, QJsonObject{
                               {u"id"_s, id},
                               {u"name"_s, text(r, 1)},
                               {u"kind"_s, r.value(11).isNull() ? u"consumer"_s : u"agent"_s},
                               {u"parent_id"_s, r.value(8).isNull() ? 0 : r.value(8).toLongLong()},
                               {u"tier_id"_s, acg::tierOf(moneyOf(r, 9), tiers.value())},
                               {u"registered_at"_s, acg::shanghaiToUnix(text(r, 7))},
                               {u"contact"_s, contact},
                               {u"balance"_s, money4(r, 5)},
                               {u"commission_balance"_s, money4(r, 6)},
                               {u"recharge_total"_s, money4(r, 9)},
                               {u"banned"_s, r.value(10).toInt() == 0},
                               {u"tags"_s, QJsonDocument::fromJson(text(r, 12).toUtf8()).array()},
                           });
    }
    f.gone = missing(ids, seen);
    return f;
}

core::Result<AcgReader::Found> AcgReader::orders(const QList<qint64>& ids)
{
    Found f;
    if (ids.isEmpty())
        return f;
    QHash<qint64, qint64> attached;
    auto c = m_db.run(
        QStringLiteral("SELECT `order_id`, COUNT(*) FROM %1 WHERE `order_id` IN (%2) GROUP BY `order_id`")
            .arg(m_db.acg("card"), marks(ids.size())),
        toParams(ids));
    if (!c)
        return c.error();
    while (c.value().next())
        attached.insert(c.value().value(0).toLongLong(), c.value().value(1).toLongLong());
    // delivered_at of manual goods: the time the trigger saw delivery_status go 0 → 1 (§5.3).
    QHash<qint64, qint64> deliveredAt;
    auto d =
        m_db.run(QStringLiteral(
                     "SELECT `entity_id`, FLOOR(UNIX_TIMESTAMP(MAX(`at`))) FROM %1 WHERE `entity` = 'order' "
                     "AND `flags` = 'delivered' AND `entity_id` IN (%2) GROUP BY `entity_id`")
                     .arg(m_db.own("feed"), marks(ids.size())),
                 toParams(ids));
    if (!d)
        return d.error();
    while (d.value().next())
        deliveredAt.insert(d.value().value(0).toLongLong(), d.value().value(1).toLongLong());
    auto q = m_db.run(
        QStringLiteral("SELECT o.`id`, o.`user_id`, o.`trade_no`, o.`owner`, o.`commodity_id`, o.`card_num`, "
                       "CAST(o.`amount` AS CHAR), CAST(o.`pay_cost` AS CHAR), CAST(o.`rent` AS CHAR), "
                       "o.`pay_id`, p.`code`, "
                       "o.`contact`, o.`status`, o.`delivery_status`, CAST(o.`create_time` AS CHAR), "
                       "CAST(o.`pay_time` AS CHAR), c.`delivery_way`, c.`shared_id` FROM %1 o "
                       "LEFT JOIN %2 c ON c.`id` = o.`commodity_id` LEFT JOIN %3 p ON p.`id` = o.`pay_id` "
                       "WHERE o.`id` IN (%4)")
            .arg(m_db.acg("order"), m_db.acg("commodity"), m_db.acg("pay"), marks(ids.size())),
        toParams(ids));
    if (!q)
        return q.error();
    QSet<qint64> seen;
    while (q.value().next()) {
        const QSqlQuery& r = q.value();
        const qint64 id = r.value(0).toLongLong();
        seen.insert(id);
        if (r.value(1).toLongLong() != 0)
            continue;
        acg::OrderFacts facts;
        facts.status = r.value(12).toInt();
        facts.deliveryStatus = r.value(13).toInt();
        facts.deliveryWay = r.value(16).isNull() ? -1 : r.value(16).toInt();
        facts.docked = !r.value(17).isNull();
        facts.quantity = r.value(5).toLongLong();
        facts.cardsAttached = attached.value(id);
        const acg::OrderState state = acg::orderState(facts);
        const core::Money amount = moneyOf(r, 6);
        const core::Money net = amount - moneyOf(r, 7);
        const core::Money unit =
            facts.quantity > 0 ? core::Money::fromUnits(net.units() / facts.quantity) : net;
        const qint64 member = r.value(3).toLongLong();
        const qint64 paidAt = facts.status == 1 ? acg::shanghaiToUnix(text(r, 15)) : 0;
        qint64 delivered = 0;
        if (state.status == QLatin1StringView("delivered") || state.status == QLatin1StringView("review"))
            delivered = facts.deliveryWay == 1 ? deliveredAt.value(id, paidAt) : paidAt;
        const qint64 payId = r.value(9).toLongLong();
        const QString channel =
            payId == 1 ? u"balance"_s
                       : (text(r, 10).isEmpty() ? u"pay_"_s + QString::number(payId) : text(r, 10));
        f.items.insert(id, QJsonObject{
                               {u"id"_s, id},
                               {u"order_no"_s, text(r, 2)},
                               {u"member_id"_s, member},
                               {u"goods_id"_s, r.value(4).toLongLong()},
                               {u"quantity"_s, facts.quantity},
                               {u"unit_price"_s, acg::apiMoney(unit)},
                               {u"amount"_s, acg::apiMoney(amount)},
                               {u"paid_amount"_s, facts.status == 1 ? acg::apiMoney(amount) : u"0.0000"_s},
                               {u"cost_at_order"_s, money4(r, 8)},
                               {u"pay_channel"_s, channel},
                               {u"charge_account"_s, u""_s},
                               {u"contact"_s, member == 0 ? text(r, 11) : QString()},
                               {u"status"_s, state.status},
                               {u"handed_over"_s, state.handedOver},
                               {u"review_reason"_s, state.reviewReason},
                               {u"delivered_at"_s, delivered},
                               {u"revealed_at"_s, 0},
                               {u"refund_amount"_s, u"0.0000"_s},
                               {u"created_at"_s, acg::shanghaiToUnix(text(r, 14))},
                               {u"paid_at"_s, paidAt},
                           });
    }
    if (auto held = applyHolds(m_db, f.items); !held) // the bridge's holds: `review` (orderwrites.h)
        return held.error();
    f.gone = missing(ids, seen);
    return f;
}

core::Result<QString> AcgReader::shopName()
{
    auto q =
        m_db.run(QStringLiteral("SELECT `value` FROM %1 WHERE `key` = 'shop_name'").arg(m_db.acg("config")));
    if (!q)
        return q.error();
    return q.value().next() ? text(q.value(), 0) : QString();
}

core::Result<QJsonObject> AcgReader::tiers()
{
    auto rows = tierRows(m_db);
    if (!rows)
        return rows.error();
    auto names = m_db.run(QStringLiteral("SELECT `id`, `name` FROM %1").arg(m_db.acg("user_group")));
    if (!names)
        return names.error();
    QHash<qint64, QString> nameOf;
    while (names.value().next())
        nameOf.insert(names.value().value(0).toLongLong(), text(names.value(), 1));
    QHash<qint64, qint64> versions;
    qint64 ladderVersion = 1;
    auto v = m_db.run(
        QStringLiteral("SELECT `entity_id`, MAX(`pos`) FROM %1 WHERE `entity` = 'tier' GROUP BY `entity_id`")
            .arg(m_db.own("feed")));
    if (!v)
        return v.error();
    while (v.value().next()) {
        versions.insert(v.value().value(0).toLongLong(), v.value().value(1).toLongLong());
        ladderVersion = qMax(ladderVersion, v.value().value(1).toLongLong());
    }
    QList<acg::TierRow> sorted = rows.value();
    std::stable_sort(sorted.begin(), sorted.end(), [](const acg::TierRow& a, const acg::TierRow& b) {
        return a.threshold.units() < b.threshold.units();
    });
    QJsonArray items;
    int rank = 0;
    for (const acg::TierRow& t : sorted) {
        QJsonObject groups;
        for (const auto& d : t.discounts)
            groups.insert(QString::number(d.first), d.second);
        const QString threshold = acg::apiMoney(t.threshold);
        items.append(QJsonObject{{u"id"_s, t.id},
                                 {u"name"_s, nameOf.value(t.id)},
                                 {u"rank"_s, ++rank},
                                 {u"discount"_s, u"100%"_s},
                                 {u"group_discounts"_s, groups},
                                 {u"commission_rates"_s, QJsonArray()},
                                 {u"upgrade"_s, QJsonObject{{u"recharge_total"_s, threshold}}},
                                 {u"threshold"_s, threshold},
                                 {u"version"_s, versions.value(t.id, 1)}});
    }
    return QJsonObject{{u"items"_s, items}, {u"version"_s, ladderVersion}};
}

core::Result<QJsonObject> AcgReader::daily(const QString& from, const QString& to)
{
    // Business days are acg's own DATE(create_time) (Asia/Shanghai text); the bounds are validated days.
    auto q =
        m_db.run(QStringLiteral(
                     "SELECT CAST(DATE(`create_time`) AS CHAR) AS d, COUNT(*), CAST(SUM(`amount`) AS CHAR), "
                     "CAST(IFNULL(SUM(`divide_amount`), 0) AS CHAR) FROM %1 WHERE `user_id` = 0 AND "
                     "`status` = 1 AND `create_time` >= ? AND `create_time` < DATE_ADD(?, INTERVAL 1 DAY) "
                     "GROUP BY d ORDER BY d")
                     .arg(m_db.acg("order")),
                 {QVariant(from + u" 00:00:00"_s), QVariant(to + u" 00:00:00"_s)});
    if (!q)
        return q.error();
    QJsonArray items;
    while (q.value().next()) {
        const QSqlQuery& r = q.value();
        items.append(QJsonObject{{u"day"_s, text(r, 0)},
                                 {u"orders"_s, r.value(1).toLongLong()},
                                 {u"gmv"_s, money4(r, 2)},
                                 {u"refunds"_s, u"0.0000"_s},
                                 {u"commissions"_s, money4(r, 3)}});
    }
    return QJsonObject{{u"items"_s, items}};
}

} // namespace cardops::bridge
