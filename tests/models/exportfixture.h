#pragma once

// The cache the CSV export tests export (tst_csvexports, tst_cliexport): three orders with a
// 20-digit order number, a leading-zero charge account, a formula as a member name, a quote and a
// comma, an order of an uncached member and goods; four ledger entries (a negative commission).

#include "core/platformtypes.h"
#include "storage/platformcache.h"
#include "tests/storage/cachefixture.h"

namespace exportfixture {

using cardops::core::Money;
using namespace Qt::StringLiterals;
namespace core = cardops::core;
namespace storage = cardops::storage;

// 2025-11-25 00:00:00 Asia/Shanghai.
inline constexpr qint64 Nov25 = 1'764'000'000 - 1'764'000'000 % 86400 + 86400 - 28800;

inline core::Order makeOrder(qint64 id, const QString& no, qint64 member, qint64 goods, qint64 createdAt)
{
    core::Order o = cachefixture::order(id, 1);
    o.orderNo = no;
    o.memberId = member;
    o.goodsId = goods;
    o.createdAt = createdAt;
    o.updatedAt = createdAt;
    o.paidAt = createdAt + 61;
    return o;
}

inline core::LedgerEntry entry(qint64 id, qint64 member, const QString& kind, qint64 units, qint64 order,
                               qint64 at)
{
    core::LedgerEntry e;
    e.id = id;
    e.memberId = member;
    e.kind = kind;
    e.amount = Money::fromUnits(units);
    e.orderId = order;
    e.createdAt = at;
    e.version = 1;
    e.updatedAt = at;
    return e;
}

inline core::Result<bool> seed(cachefixture::Cache& cache)
{
    return cache.run<bool>([](storage::WriteContext& ctx) -> core::Result<bool> {
        namespace pc = storage::platformcache;
        core::Goods g = cachefixture::goods(3, 1);
        core::Member injector = cachefixture::member(7, 1);
        injector.name = u"=HYPERLINK(\"http://evil\",\"点我\")"_s;
        core::Member quoted = cachefixture::member(8, 1);
        quoted.name = u"张三, \"老板\""_s;
        QList<core::Order> orders;
        core::Order a = makeOrder(1, u"12345678901234567890"_s, 7, 3, Nov25 + 3600);
        a.quantity = 3;
        a.unitPrice = Money::fromUnits(9850); // 0.9850 × 3 = 2.9550 → 2.96
        a.amount = Money::fromUnits(29600);
        a.paidAmount = Money::fromUnits(29600);
        a.costAtOrder = Money::fromUnits(25005);
        a.chargeAccount = u"0012345"_s;
        a.contact = u"+8613800000000"_s;
        a.payChannel = u"wechat"_s;
        orders << a;
        core::Order b = makeOrder(2, u"00000000000000000002"_s, 9, 99, Nov25 + 86400 + 7200);
        b.status = u"refunded"_s;
        b.refundAmount = Money::fromYuan(10);
        b.payChannel = u"balance"_s;
        b.paidAt = 0;
        orders << b;
        core::Order c = makeOrder(3, u"20261127000000000003"_s, 8, 3, Nov25 + 2 * 86400 + 59);
        c.status = u"review"_s;
        c.contact = u"qq 10001 "_s;
        orders << c;
        const storage::PageCursor none{core::Feed::Goods, {}, false, false, {}};
        if (auto r = pc::ingestGoods(ctx, {g}, none); !r)
            return r.error();
        if (auto r = pc::ingestMembers(ctx, {injector, quoted}, {core::Feed::Members, {}, false, false, {}});
            !r)
            return r.error();
        if (auto r = pc::ingestOrders(ctx, orders, {core::Feed::Orders, {}, false, false, {}}); !r)
            return r.error();
        const QList<core::LedgerEntry> ledger = {
            entry(11, 7, u"commission"_s, 600, 1, Nov25 + 3700),
            entry(12, 7, u"recharge"_s, 1'000'000, 0, Nov25 + 3800),
            entry(13, 7, u"commission"_s, -600, 1, Nov25 + 86400 + 7300),
            entry(14, 8, u"commission"_s, 12345, 0, Nov25 + 2 * 86400),
        };
        if (auto r = pc::ingestLedger(ctx, ledger, {core::Feed::Ledger, {}, false, false, {}}); !r)
            return r.error();
        return true;
    });
}

} // namespace exportfixture
