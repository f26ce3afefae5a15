#include "storage/entitytables_p.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace cardops::storage::detail {
namespace {

EntityTable makeTable(const QString& entity, const QString& table, const QStringList& columns)
{
    QStringList placeholders;
    QStringList updates;
    for (const QString& c : columns) {
        placeholders << QStringLiteral("?");
        if (c != u"id")
            updates << c + u" = excluded." + c;
    }
    EntityTable t;
    t.entity = entity;
    t.table = table;
    t.columns = columns;
    t.upsertSql = u"INSERT INTO " + table + u" (" + columns.join(u", ") + u") VALUES (" +
                  placeholders.join(u", ") + u") ON CONFLICT (id) DO UPDATE SET " + updates.join(u", ");
    t.versionSql = u"SELECT version FROM " + table + u" WHERE id = ?";
    return t;
}

QVariant money(core::Money m)
{
    return QVariant::fromValue<qint64>(m.units());
}

} // namespace

const EntityTable& categoriesTable()
{
    static const EntityTable t = makeTable(
        QStringLiteral("categories"), QStringLiteral("categories"),
        {u"id"_s, u"parent_id"_s, u"name"_s, u"sort"_s, u"status"_s, u"version"_s, u"updated_at"_s});
    return t;
}

const EntityTable& goodsTable()
{
    static const EntityTable t = makeTable(QStringLiteral("goods"), QStringLiteral("goods"),
                                           {u"id"_s,
                                            u"sku"_s,
                                            u"name"_s,
                                            u"category_id"_s,
                                            u"sort"_s,
                                            u"kind"_s,
                                            u"card_format"_s,
                                            u"card_separator"_s,
                                            u"face_value"_s,
                                            u"price"_s,
                                            u"cost"_s,
                                            u"tier_prices"_s,
                                            u"contract_prices"_s,
                                            u"supplier_links"_s,
                                            u"fulfilment_owner"_s,
                                            u"stock_available"_s,
                                            u"stock_locked"_s,
                                            u"low_stock_threshold"_s,
                                            u"status"_s,
                                            u"listing_title"_s,
                                            u"listing_spec"_s,
                                            u"listing_description"_s,
                                            u"version"_s,
                                            u"updated_at"_s});
    return t;
}

const EntityTable& membersTable()
{
    static const EntityTable t =
        makeTable(QStringLiteral("members"), QStringLiteral("members"),
                  {u"id"_s, u"name"_s, u"kind"_s, u"parent_id"_s, u"tier_id"_s, u"registered_at"_s,
                   u"contact"_s, u"balance"_s, u"tags"_s, u"version"_s, u"updated_at"_s});
    return t;
}

const EntityTable& ordersTable()
{
    static const EntityTable t = makeTable(QStringLiteral("orders"), QStringLiteral("orders"),
                                           {u"id"_s,           u"order_no"_s,       u"member_id"_s,
                                            u"goods_id"_s,     u"quantity"_s,       u"unit_price"_s,
                                            u"amount"_s,       u"paid_amount"_s,    u"cost_at_order"_s,
                                            u"pay_channel"_s,  u"charge_account"_s, u"contact"_s,
                                            u"status"_s,       u"handed_over"_s,    u"review_reason"_s,
                                            u"delivered_at"_s, u"revealed_at"_s,    u"refund_amount"_s,
                                            u"created_at"_s,   u"paid_at"_s,        u"version"_s,
                                            u"updated_at"_s});
    return t;
}

const EntityTable& ledgerTable()
{
    static const EntityTable t = makeTable(QStringLiteral("ledger"), QStringLiteral("ledger"),
                                           {u"id"_s, u"member_id"_s, u"kind"_s, u"amount"_s, u"order_id"_s,
                                            u"created_at"_s, u"version"_s, u"updated_at"_s});
    return t;
}

const EntityTable& withdrawalsTable()
{
    static const EntityTable t = makeTable(QStringLiteral("withdrawals"), QStringLiteral("withdrawals"),
                                           {u"id"_s, u"member_id"_s, u"amount"_s, u"status"_s,
                                            u"created_at"_s, u"decided_at"_s, u"version"_s, u"updated_at"_s});
    return t;
}

const EntityTable* editableTable(const QString& entity)
{
    if (entity == u"goods")
        return &goodsTable();
    if (entity == u"members")
        return &membersTable();
    if (entity == u"categories")
        return &categoriesTable();
    return nullptr;
}

QVariantList valuesOf(const core::Category& c)
{
    return {i64(c.id),      i64(c.parentId), text(c.name),    i64(c.sort),
            text(c.status), i64(c.version),  i64(c.updatedAt)};
}

QVariantList valuesOf(const core::Goods& g)
{
    return {i64(g.id),
            text(g.sku),
            text(g.name),
            i64(g.categoryId),
            i64(g.sort),
            text(g.kind),
            text(g.cardFormat),
            text(g.cardSeparator),
            money(g.faceValue),
            money(g.price),
            money(g.cost),
            text(g.tierPrices),
            text(g.contractPrices),
            text(g.supplierLinks),
            text(g.fulfilmentOwner),
            i64(g.stockAvailable),
            i64(g.stockLocked),
            i64(g.lowStockThreshold),
            text(g.status),
            text(g.listingTitle),
            text(g.listingSpec),
            text(g.listingDescription),
            i64(g.version),
            i64(g.updatedAt)};
}

QVariantList valuesOf(const core::Member& m)
{
    return {i64(m.id),     text(m.name),        text(m.kind),    i64(m.parentId),
            i64(m.tierId), i64(m.registeredAt), text(m.contact), money(m.balance),
            text(m.tags),  i64(m.version),      i64(m.updatedAt)};
}

core::Order orderFromValues(const QVariantList& row, int offset)
{
    const auto at = [&row, offset](int i) {
        return row.value(offset + i);
    };
    core::Order o;
    o.id = at(0).toLongLong();
    o.orderNo = at(1).toString();
    o.memberId = at(2).toLongLong();
    o.goodsId = at(3).toLongLong();
    o.quantity = at(4).toLongLong();
    o.unitPrice = core::Money::fromUnits(at(5).toLongLong());
    o.amount = core::Money::fromUnits(at(6).toLongLong());
    o.paidAmount = core::Money::fromUnits(at(7).toLongLong());
    o.costAtOrder = core::Money::fromUnits(at(8).toLongLong());
    o.payChannel = at(9).toString();
    o.chargeAccount = at(10).toString();
    o.contact = at(11).toString();
    o.status = at(12).toString();
    o.handedOver = at(13).toLongLong() != 0;
    o.reviewReason = at(14).toString();
    o.deliveredAt = at(15).toLongLong();
    o.revealedAt = at(16).toLongLong();
    o.refundAmount = core::Money::fromUnits(at(17).toLongLong());
    o.createdAt = at(18).toLongLong();
    o.paidAt = at(19).toLongLong();
    o.version = at(20).toLongLong();
    o.updatedAt = at(21).toLongLong();
    return o;
}

QVariantList valuesOf(const core::Order& o)
{
    return {i64(o.id),
            text(o.orderNo),
            i64(o.memberId),
            i64(o.goodsId),
            i64(o.quantity),
            money(o.unitPrice),
            money(o.amount),
            money(o.paidAmount),
            money(o.costAtOrder),
            text(o.payChannel),
            text(o.chargeAccount),
            text(o.contact),
            text(o.status),
            i64(o.handedOver ? 1 : 0),
            text(o.reviewReason),
            i64(o.deliveredAt),
            i64(o.revealedAt),
            money(o.refundAmount),
            i64(o.createdAt),
            i64(o.paidAt),
            i64(o.version),
            i64(o.updatedAt)};
}

QVariantList valuesOf(const core::LedgerEntry& e)
{
    return {i64(e.id),      i64(e.memberId),  text(e.kind),   money(e.amount),
            i64(e.orderId), i64(e.createdAt), i64(e.version), i64(e.updatedAt)};
}

QVariantList valuesOf(const core::Withdrawal& w)
{
    return {i64(w.id),        i64(w.memberId),  money(w.amount), text(w.status),
            i64(w.createdAt), i64(w.decidedAt), i64(w.version),  i64(w.updatedAt)};
}

QStringList columnsOfField(const QString& entity, const QString& field)
{
    static const QHash<QString, QStringList> goods = {
        {u"name"_s, {u"name"_s}},
        {u"category_id"_s, {u"category_id"_s}},
        {u"sort"_s, {u"sort"_s}},
        {u"price"_s, {u"price"_s}},
        {u"tier_prices"_s, {u"tier_prices"_s}},
        {u"contract_prices"_s, {u"contract_prices"_s}},
        {u"cost"_s, {u"cost"_s}},
        {u"status"_s, {u"status"_s}},
        {u"low_stock_threshold"_s, {u"low_stock_threshold"_s}},
        {u"listing"_s, {u"listing_title"_s, u"listing_spec"_s, u"listing_description"_s}},
        {u"fulfilment_owner"_s, {u"fulfilment_owner"_s}},
        {u"supplier_links"_s, {u"supplier_links"_s}},
    };
    static const QHash<QString, QStringList> members = {
        {u"tier_id"_s, {u"tier_id"_s}},
        {u"tags"_s, {u"tags"_s}},
        {u"parent_id"_s, {u"parent_id"_s}},
    };
    static const QHash<QString, QStringList> categories = {
        {u"name"_s, {u"name"_s}},
        {u"parent_id"_s, {u"parent_id"_s}},
        {u"sort"_s, {u"sort"_s}},
        {u"status"_s, {u"status"_s}},
    };
    if (entity == u"goods")
        return goods.value(field);
    if (entity == u"members")
        return members.value(field);
    if (entity == u"categories")
        return categories.value(field);
    return {};
}

} // namespace cardops::storage::detail
