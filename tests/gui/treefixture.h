#pragma once

#include "core/clock.h"
#include "core/platformtypes.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/operatorrepository.h"
#include "storage/platformcache.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QTemporaryDir>
#include <QtTest>

// A hand-made member hierarchy with orders for the agent tree and segments GUI tests (SQL straight
// into members; orders through the real ingest).
namespace treefixture {

// 2026-11-28 12:00:00 Shanghai, business day 20785.
constexpr qint64 kNoon = 1795838400;

struct MemberRow
{
    qint64 id;
    qint64 parent;
    const char* kind;
    qint64 registeredAt;
};

inline cardops::core::Result<void> insert(cardops::storage::WriteContext& ctx,
                                          const QList<MemberRow>& members,
                                          const QList<cardops::core::Order>& orders)
{
    using namespace Qt::StringLiterals;
    for (qint64 tier : {1, 2})
        if (auto r = ctx.exec(
                u"INSERT OR REPLACE INTO tiers (id, name, rank, discount_ppm, commission_rates, upgrade, "
                u"version) VALUES (?, ?, ?, 0, '[]', '{}', 1)"_s,
                {tier, tier == 1 ? u"普通"_s : u"金牌代理"_s, tier});
            !r)
            return r.error();
    for (const MemberRow& m : members)
        if (auto r =
                ctx.exec(u"INSERT INTO members (id, name, kind, parent_id, tier_id, registered_at, contact, "
                         u"balance, tags, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, '[]', 1, ?)"_s,
                         {m.id, u"会员%1"_s.arg(m.id), QString::fromLatin1(m.kind), m.parent,
                          qstrcmp(m.kind, "agent") == 0 ? 2 : 1, m.registeredAt,
                          u"138%1"_s.arg(m.id, 8, 10, QLatin1Char('0')), m.registeredAt});
            !r)
            return r.error();
    if (orders.isEmpty())
        return {};
    const cardops::storage::PageCursor at{cardops::core::Feed::Orders, u"o1"_s, false, false, {}};
    auto r = cardops::storage::platformcache::ingestOrders(ctx, orders, at);
    if (!r)
        return r.error();
    return {};
}

inline cardops::core::Order order(qint64 id, qint64 memberId, qint64 createdAt, qint64 yuan)
{
    using namespace Qt::StringLiterals;
    cardops::core::Order o;
    o.id = id;
    o.orderNo = u"2026112800%1"_s.arg(id, 8, 10, QLatin1Char('0'));
    o.memberId = memberId;
    o.goodsId = 3;
    o.quantity = 1;
    o.unitPrice = cardops::core::Money::fromYuan(yuan);
    o.amount = o.unitPrice;
    o.paidAmount = o.unitPrice;
    o.costAtOrder = cardops::core::Money::fromYuan(1);
    o.payChannel = u"alipay"_s;
    o.status = u"delivered"_s;
    o.createdAt = createdAt;
    o.paidAt = createdAt + 30;
    o.version = 1;
    o.updatedAt = createdAt;
    return o;
}

inline qint64 scalar(const QString& path, const QString& sql, const QVariantList& binds = {})
{
    cardops::storage::ReadSession read(path);
    auto rows = read.select(sql, binds);
    return rows && !rows->isEmpty() ? rows->first().value(0).toLongLong() : -1;
}

} // namespace treefixture
