#pragma once

#include "cachefixture.h"
#include "storage/platformcache.h"
#include "storage/writecontext.h"

// A hand-made cache for the members page (tst_memberqueries, tst_memberslistpanel): six members of
// the three kinds in a small agent tree, three tiers, RFM rows for four of them, orders of every
// status, a ledger and contract prices. Every figure the tests expect is computed by hand from
// these values.
namespace memberfixture {

using cardops::core::Money;

// Registration times: member 5 and 6 register in the same second (a tie broken by the id).
constexpr qint64 kBase = 1'790'000'000;

inline cardops::core::Member member(qint64 id, const QString& name, const QString& kind, qint64 tier,
                                    qint64 parent, qint64 registeredAt, const QString& contact,
                                    qint64 balanceUnits, const QByteArray& tags)
{
    cardops::core::Member m = cachefixture::member(id, 1, tier);
    m.name = name;
    m.kind = kind;
    m.parentId = parent;
    m.registeredAt = registeredAt;
    m.contact = contact;
    m.balance = Money::fromUnits(balanceUnits);
    m.tags = tags;
    return m;
}

inline QList<cardops::core::Member> members()
{
    return {
        member(1, QStringLiteral("张三"), QStringLiteral("consumer"), 1, 0, kBase + 100,
               QStringLiteral("13800000001"), 1'000'000, "[\"老客户\"]"),
        member(2, QStringLiteral("李四"), QStringLiteral("agent"), 2, 0, kBase + 200,
               QStringLiteral("lisi@example.com"), 0, "[\"老客户\",\"游戏玩家\"]"),
        member(3, QStringLiteral("王五"), QStringLiteral("agent"), 3, 2, kBase + 300,
               QStringLiteral("13900000003"), 5'000, "[]"),
        member(4, QStringLiteral("星辰科技"), QStringLiteral("enterprise"), 1, 0, kBase + 400,
               QStringLiteral("ops@xingchen.cn"), 20'000'000, "[\"企业大客户\"]"),
        member(5, QStringLiteral("赵六"), QStringLiteral("consumer"), 1, 3, kBase + 500,
               QStringLiteral("13800000005"), 0, "[\"游戏玩家\"]"),
        member(6, QStringLiteral("孙七_%"), QStringLiteral("consumer"), 3, 3, kBase + 500,
               QStringLiteral("qq 4006"), 0, "[]"),
    };
}

inline cardops::core::Order order(qint64 id, qint64 memberId, const QString& status, qint64 createdAt,
                                  qint64 paidUnits, qint64 refundUnits = 0, qint64 goodsId = 1)
{
    cardops::core::Order o = cachefixture::order(id, 1, status);
    o.memberId = memberId;
    o.goodsId = goodsId;
    o.createdAt = createdAt;
    o.paidAt = status == u"unpaid" || status == u"cancelled" ? 0 : createdAt + 30;
    o.paidAmount = Money::fromUnits(paidUnits);
    o.amount = o.paidAmount;
    o.refundAmount = Money::fromUnits(refundUnits);
    o.updatedAt = createdAt;
    return o;
}

// Member 1: counted o1 (10), o2 (20, 5 refunded), o5 (3.3333); o3 unpaid and o4 cancelled do not
// count. Member 2: o6 (100, review). Member 4: o7 fully refunded (still an order in a paid status).
inline QList<cardops::core::Order> orders()
{
    return {
        order(1, 1, QStringLiteral("delivered"), kBase + 1000, 100'000),
        order(2, 1, QStringLiteral("refunded"), kBase + 2000, 200'000, 50'000, 2),
        order(3, 1, QStringLiteral("unpaid"), kBase + 3000, 300'000),
        order(4, 1, QStringLiteral("cancelled"), kBase + 4000, 400'000),
        order(5, 1, QStringLiteral("delivered"), kBase + 5000, 33'333),
        order(6, 2, QStringLiteral("review"), kBase + 6000, 1'000'000),
        order(7, 4, QStringLiteral("refunded"), kBase + 7000, 80'000, 80'000),
    };
}

inline cardops::core::LedgerEntry ledger(qint64 id, qint64 memberId, const QString& kind, qint64 units,
                                         qint64 orderId, qint64 at)
{
    cardops::core::LedgerEntry e;
    e.id = id;
    e.memberId = memberId;
    e.kind = kind;
    e.amount = Money::fromUnits(units);
    e.orderId = orderId;
    e.createdAt = at;
    e.version = 1;
    e.updatedAt = at;
    return e;
}

// Member 1's ledger, oldest first; its balance today is 100.0000.
inline QList<cardops::core::LedgerEntry> ledgerEntries()
{
    return {
        ledger(11, 1, QStringLiteral("recharge"), 1'500'000, 0, kBase + 900),
        ledger(12, 1, QStringLiteral("purchase"), -100'000, 1, kBase + 1000),
        ledger(13, 1, QStringLiteral("purchase"), -200'000, 2, kBase + 2000),
        ledger(14, 1, QStringLiteral("refund"), 50'000, 2, kBase + 2100),
        ledger(15, 1, QStringLiteral("purchase"), -250'000, 0, kBase + 2100),
        ledger(16, 2, QStringLiteral("commission"), 10'000, 6, kBase + 6000),
    };
}

// Goods 1 and 3 carry contract prices of member 4; goods 2 only of member 40 (its id contains 4).
inline QList<cardops::core::Goods> goods()
{
    cardops::core::Goods g1 = cachefixture::goods(1, 1);
    g1.contractPrices = R"([{"member_id":4,"price":"9.5000"},{"member_id":40,"price":"1.0000"}])";
    cardops::core::Goods g2 = cachefixture::goods(2, 1);
    g2.name = QStringLiteral("网易点卡 50元");
    g2.contractPrices = R"([{"member_id":40,"price":"45.0000"}])";
    cardops::core::Goods g3 = cachefixture::goods(3, 1);
    g3.name = QStringLiteral("话费 100元");
    g3.price = Money::fromUnits(999'000);
    g3.contractPrices = R"([{"member_id":4,"price":"97.1234"}])";
    return {g1, g2, g3};
}

inline cardops::core::TierLadder tiers()
{
    cardops::core::TierLadder ladder;
    ladder.version = 1;
    const char* names[] = {"普通会员", "青铜代理", "白银代理"};
    for (int i = 0; i < 3; ++i) {
        cardops::core::Tier t;
        t.id = i + 1;
        t.name = QString::fromUtf8(names[i]);
        t.rank = i + 1;
        t.discount = cardops::core::Rate::fromPpm(1'000'000 - 20'000 * i);
        t.commissionRates = "[]";
        t.upgrade = "{}";
        t.version = 1;
        ladder.tiers << t;
    }
    return ladder;
}

// Fills the cache through the real ingest path, then writes member_rfm for members 1, 2, 3, 5.
inline cardops::core::Result<bool> fill(cardops::storage::WriteContext& ctx)
{
    namespace pc = cardops::storage::platformcache;
    using cardops::core::Feed;
    using cardops::storage::PageCursor;
    if (auto r = pc::replaceTiers(ctx, tiers()); !r)
        return r.error();
    if (auto r =
            pc::ingestGoods(ctx, goods(), PageCursor{Feed::Goods, QStringLiteral("g1"), false, false, {}});
        !r)
        return r.error();
    if (auto r = pc::ingestMembers(ctx, members(),
                                   PageCursor{Feed::Members, QStringLiteral("m1"), false, false, {}});
        !r)
        return r.error();
    if (auto r =
            pc::ingestOrders(ctx, orders(), PageCursor{Feed::Orders, QStringLiteral("o1"), false, false, {}});
        !r)
        return r.error();
    if (auto r = pc::ingestLedger(ctx, ledgerEntries(),
                                  PageCursor{Feed::Ledger, QStringLiteral("l1"), false, false, {}});
        !r)
        return r.error();
    const QList<QVariantList> rfm = {{1, 5, 4, 4, QStringLiteral("high_value")},
                                     {2, 4, 3, 5, QStringLiteral("potential")},
                                     {3, 1, 0, 0, QStringLiteral("dormant")},
                                     {5, 5, 5, 5, QStringLiteral("high_value")}};
    for (const QVariantList& r : rfm)
        if (auto done =
                ctx.exec(QStringLiteral("INSERT INTO member_rfm (member_id, r, f, m, segment, computed_at) "
                                        "VALUES (?, ?, ?, ?, ?, ?)"),
                         r + QVariantList{kBase + 9000});
            !done)
            return done.error();
    return true;
}

} // namespace memberfixture
