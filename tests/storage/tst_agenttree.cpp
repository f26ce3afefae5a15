#include "cachefixture.h"
#include "core/clock.h"
#include "storage/agenttree.h"
#include "storage/platformcache.h"
#include "storage/writecontext.h"

#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using cachefixture::Cache;
using storage::WriteContext;
namespace agenttree = storage::agenttree;

namespace {

// The moment: 2026-11-28 12:00:00 Shanghai, business day 20785.
constexpr qint64 kNoon = 1795838400;
constexpr qint64 kToday = 20785;

core::Member member(qint64 id, qint64 parent, const QString& kind = u"agent"_s)
{
    core::Member m = cachefixture::member(id, 1, 2);
    m.kind = kind;
    m.parentId = parent;
    m.registeredAt = 1700000000;
    m.contact = u"qq%1"_s.arg(id);
    return m;
}

core::Order order(qint64 id, qint64 memberId, const QString& status, qint64 createdAt, qint64 paidYuan,
                  qint64 refundYuan = 0)
{
    core::Order o = cachefixture::order(id, 1, status);
    o.memberId = memberId;
    o.createdAt = createdAt;
    o.paidAmount = core::Money::fromYuan(paidYuan);
    o.amount = o.paidAmount;
    o.refundAmount = core::Money::fromYuan(refundYuan);
    o.updatedAt = createdAt;
    return o;
}

QString describe(const QList<agenttree::Node>& nodes)
{
    QStringList out;
    for (const agenttree::Node& n : nodes)
        out << u"%1:%2:%3:%4:%5"_s.arg(n.id)
                   .arg(n.downlines)
                   .arg(n.branchSize)
                   .arg(n.branchGmv30d.units())
                   .arg(n.tierName);
    return out.join(u' ');
}

} // namespace

// The agent hierarchy: branch figures by hand, cycles refused, a move staged in the outbox.
class TstAgentTree : public QObject
{
    Q_OBJECT

    std::unique_ptr<Cache> m_cache;

    void ingest(const QList<core::Member>& members, const QList<core::Order>& orders = {})
    {
        auto done = m_cache->run<bool>([=](WriteContext& ctx) -> core::Result<bool> {
            core::TierLadder ladder;
            ladder.version = 1;
            for (qint64 id : {1, 2}) {
                core::Tier t;
                t.id = id;
                t.name = id == 1 ? u"普通"_s : u"金牌代理"_s;
                t.rank = id;
                t.commissionRates = "[]";
                t.upgrade = "{}";
                t.version = 1;
                ladder.tiers << t;
            }
            if (auto r = storage::platformcache::replaceTiers(ctx, ladder); !r)
                return r.error();
            // Straight into the table: these tests are about the hierarchy, not the members feed.
            for (const core::Member& m : members)
                if (auto r = ctx.exec(
                        u"INSERT INTO members (id, name, kind, parent_id, tier_id, registered_at, "
                        u"contact, balance, tags, version, updated_at) "
                        u"VALUES (?, ?, ?, ?, ?, ?, ?, 0, '[]', 1, ?)"_s,
                        {m.id, m.name, m.kind, m.parentId, m.tierId, m.registeredAt, m.contact, m.updatedAt});
                    !r)
                    return r.error();
            const storage::PageCursor ordersAt{core::Feed::Orders, u"o1"_s, false, false, {}};
            if (auto r = storage::platformcache::ingestOrders(ctx, orders, ordersAt); !r)
                return r.error();
            return true;
        });
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().detail));
    }

    // 1 ─┬─ 2 ─┬─ 4 ── 6 ── 7   (depth 5)
    //    │     └─ 5
    //    └─ 3
    // 8 (no downlines), 9 (enterprise); a cycle already in the data: 20 → 21 → 22 → 20.
    void ingestTree()
    {
        const qint64 windowStart = core::businessDayStart(kToday - agenttree::BranchGmvDays + 1);
        const qint64 tomorrow = core::businessDayStart(kToday + 1);
        core::Member twenty = member(20, 22);
        ingest({member(1, 0), member(2, 1), member(3, 1, u"consumer"_s), member(4, 2),
                member(5, 2, u"consumer"_s), member(6, 4), member(7, 6, u"consumer"_s),
                member(8, 0, u"consumer"_s), member(9, 0, u"enterprise"_s), twenty, member(21, 20),
                member(22, 21)},
               {
                   order(1, 7, u"delivered"_s, kNoon - 86400, 100),
                   order(2, 7, u"refunded"_s, kNoon - 3600, 50, 20),   // net 30
                   order(3, 6, u"unpaid"_s, kNoon - 60, 70),           // never counts
                   order(4, 6, u"cancelled"_s, kNoon - 60, 70),        // never counts
                   order(5, 5, u"delivered"_s, windowStart, 10),       // first second of the window
                   order(6, 5, u"delivered"_s, windowStart - 1, 1000), // a second before it
                   order(7, 4, u"review"_s, tomorrow - 1, 5),          // later today: the whole day counts
                   order(8, 4, u"delivered"_s, tomorrow, 500),         // tomorrow: never
                   order(9, 2, u"paid"_s, kNoon - 10, 7),
                   order(10, 1, u"handed_over"_s, kNoon - 10, 1),
                   order(11, 3, u"delivering"_s, kNoon - 10, 2),
                   order(12, 8, u"delivered"_s, kNoon - 10, 9),
                   order(13, 21, u"delivered"_s, kNoon - 10, 3),
               });
    }

private Q_SLOTS:
    void init()
    {
        m_cache = std::make_unique<Cache>();
        QVERIFY(m_cache->open());
        ingestTree();
    }
    void cleanup() { m_cache.reset(); }

    void branchFiguresByHand()
    {
        storage::ReadSession read(*m_cache->db_);
        // id:downlines:branch size:branch GMV units:tier. 7: 100 + 30; 4: 130 + 5; 2: 7 + 135 + 10;
        // 1: 1 + 152 + 2. Members with downlines first, then by id.
        QCOMPARE(describe(agenttree::children(read, 0, kNoon).value()),
                 u"1:2:6:1550000:金牌代理 8:0:0:90000:金牌代理 9:0:0:0:金牌代理"_s);
        QCOMPARE(describe(agenttree::children(read, 1, kNoon).value()),
                 u"2:2:4:1520000:金牌代理 3:0:0:20000:金牌代理"_s);
        QCOMPARE(describe(agenttree::children(read, 2, kNoon).value()),
                 u"4:1:2:1350000:金牌代理 5:0:0:100000:金牌代理"_s);
        QCOMPARE(describe(agenttree::children(read, 6, kNoon).value()), u"7:0:0:1300000:金牌代理"_s);
        QVERIFY(agenttree::children(read, 7, kNoon).value().isEmpty());
        const auto one = agenttree::nodes(read, {1}, kNoon).value();
        QCOMPARE(one.size(), 1);
        QCOMPARE(one.first().name, u"会员1"_s);
        QCOMPARE(one.first().kind, u"agent"_s);
        QVERIFY(one.first().hasChildren());
        // A day later order 5 left the window and order 8 entered it.
        QCOMPARE(describe(agenttree::nodes(read, {2}, kNoon + 86400).value()), u"2:2:4:6420000:金牌代理"_s);
    }

    void paging()
    {
        storage::ReadSession read(*m_cache->db_);
        QCOMPARE(agenttree::childCount(read, 0).value(), qint64(3));
        QCOMPARE(describe(agenttree::children(read, 0, kNoon, 1, 1).value()), u"8:0:0:90000:金牌代理"_s);
        QCOMPARE(agenttree::childPosition(read, 0, 1).value(), qint64(0));
        QCOMPARE(agenttree::childPosition(read, 0, 9).value(), qint64(2));
        QCOMPARE(agenttree::childPosition(read, 2, 5).value(), qint64(1));
        QCOMPARE(agenttree::childPosition(read, 0, 5).value(), qint64(-1));
    }

    void ancestorsAndCyclesInTheData()
    {
        storage::ReadSession read(*m_cache->db_);
        QCOMPARE(agenttree::ancestors(read, 7).value(), (QList<qint64>{1, 2, 4, 6}));
        QCOMPARE(agenttree::ancestors(read, 1).value(), QList<qint64>());
        QCOMPARE(agenttree::ancestors(read, 404).value(), QList<qint64>());
        // The walk stops before the member it started from.
        QCOMPARE(agenttree::ancestors(read, 20).value(), (QList<qint64>{21, 22}));
        // A branch inside a cycle ends too: 20's branch is 21 and 22 (GMV of 21 counted once).
        QCOMPARE(describe(agenttree::nodes(read, {20}, kNoon).value()), u"20:1:2:30000:金牌代理"_s);
    }

    void cycleRefused()
    {
        storage::ReadSession read(*m_cache->db_);
        QVERIFY(agenttree::wouldCreateCycle(read, 2, 2).value()); // self
        QVERIFY(agenttree::wouldCreateCycle(read, 1, 2).value()); // child
        QVERIFY(agenttree::wouldCreateCycle(read, 1, 7).value()); // deep descendant (depth 5)
        QVERIFY(agenttree::wouldCreateCycle(read, 4, 7).value());
        QVERIFY(!agenttree::wouldCreateCycle(read, 7, 1).value());  // up the tree
        QVERIFY(!agenttree::wouldCreateCycle(read, 4, 3).value());  // across
        QVERIFY(!agenttree::wouldCreateCycle(read, 2, 0).value());  // top level
        QVERIFY(!agenttree::wouldCreateCycle(read, 8, 21).value()); // into a cycle of the data: ends
        QVERIFY(agenttree::wouldCreateCycle(read, 20, 22).value());

        using agenttree::MoveCheck;
        QCOMPARE(agenttree::checkMove(read, 2, 2).value(), MoveCheck::Self);
        QCOMPARE(agenttree::checkMove(read, 1, 7).value(), MoveCheck::Cycle);
        QCOMPARE(agenttree::checkMove(read, 404, 1).value(), MoveCheck::UnknownMember);
        QCOMPARE(agenttree::checkMove(read, 5, 404).value(), MoveCheck::UnknownParent);
        QCOMPARE(agenttree::checkMove(read, 5, 2).value(), MoveCheck::Unchanged);
        QCOMPARE(agenttree::checkMove(read, 5, 3).value(), MoveCheck::Allowed);
        QCOMPARE(agenttree::checkMove(read, 5, 0).value(), MoveCheck::Allowed);
        QCOMPARE(agenttree::checkMove(read, 1, 9).value(), MoveCheck::Allowed); // an enterprise parent
    }

    void moveStagedAndAudited()
    {
        const core::Actor admin = m_cache->admin_;
        auto refused =
            m_cache->run<qint64>([=](WriteContext& ctx) { return agenttree::stageMove(ctx, admin, 1, 7); });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, core::ErrorCode::Conflict);
        QCOMPARE(refused.error().detail, agenttree::moveCheckText(agenttree::MoveCheck::Cycle));
        QCOMPARE(m_cache->scalar(u"SELECT count(*) FROM outbox"_s).toInt(), 0);

        auto staged =
            m_cache->run<qint64>([=](WriteContext& ctx) { return agenttree::stageMove(ctx, admin, 5, 3); });
        QVERIFY2(staged.ok(), qPrintable(staged.ok() ? QString() : staged.error().detail));
        QCOMPARE(
            m_cache
                ->scalar(u"SELECT entity || ':' || entity_id || ':' || method FROM outbox WHERE id = ?"_s,
                         {staged.value()})
                .toString(),
            u"members:5:PATCH"_s);
        QVERIFY(m_cache->scalar(u"SELECT body FROM outbox WHERE id = ?"_s, {staged.value()})
                    .toString()
                    .contains(u"\"parent_id\":3"_s));
        QCOMPARE(
            m_cache->scalar(u"SELECT count(*) FROM audit_log WHERE entity = 'members' AND entity_id = '5'"_s)
                .toInt(),
            1);
        // The cache shows the move at once (本地待同步): 5 is now under 3, 2's branch shrank.
        QCOMPARE(m_cache->scalar(u"SELECT parent_id FROM members WHERE id = 5"_s).toLongLong(), qint64(3));
        storage::ReadSession read(*m_cache->db_);
        QCOMPARE(describe(agenttree::children(read, 1, kNoon).value()),
                 u"2:1:3:1420000:金牌代理 3:1:1:120000:金牌代理"_s);
    }
};

QTEST_GUILESS_MAIN(TstAgentTree)
#include "tst_agenttree.moc"
