#include "cachefixture.h"
#include "core/clock.h"
#include "storage/memberstats.h"
#include "storage/platformcache.h"
#include "storage/writecontext.h"

#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using cachefixture::Cache;
using storage::WriteContext;
namespace memberstats = storage::memberstats;

namespace {

// The moment of the figures: 2026-11-28 12:00:00 Shanghai, business day 20785.
constexpr qint64 kNoon = 1795838400;
constexpr qint64 kToday = 20785;
constexpr qint64 kOld = 1700000000; // registered long before every window

core::Money yuan(qint64 y)
{
    return core::Money::fromYuan(y);
}

core::Order order(qint64 id, qint64 memberId, const QString& status, qint64 createdAt, qint64 paidYuan,
                  qint64 refundYuan = 0)
{
    core::Order o = cachefixture::order(id, 1, status);
    o.memberId = memberId;
    o.createdAt = createdAt;
    o.paidAt = status == u"unpaid" || status == u"cancelled" ? 0 : createdAt + 30;
    o.paidAmount = yuan(paidYuan);
    o.amount = o.paidAmount;
    o.refundAmount = yuan(refundYuan);
    o.updatedAt = createdAt;
    return o;
}

core::Member member(qint64 id, qint64 registeredAt)
{
    core::Member m = cachefixture::member(id, 1);
    m.registeredAt = registeredAt;
    return m;
}

QString describe(const QList<core::MemberAggregate>& aggregates)
{
    QStringList out;
    for (const core::MemberAggregate& a : aggregates)
        out << u"%1:%2:%3:%4"_s.arg(a.memberId).arg(a.lastOrderAt).arg(a.orders).arg(a.monetary.units());
    return out.join(u' ');
}

} // namespace

// The per-member figures of RFM from one grouped query, against hand-computed values.
class TstMemberStats : public QObject
{
    Q_OBJECT

    std::unique_ptr<Cache> m_cache;

    void ingest(const QList<core::Member>& members, const QList<core::Order>& orders)
    {
        auto done = m_cache->run<bool>([=](WriteContext& ctx) -> core::Result<bool> {
            const storage::PageCursor membersAt{core::Feed::Members, u"m1"_s, false, false, {}};
            if (auto r = storage::platformcache::ingestMembers(ctx, members, membersAt); !r)
                return r.error();
            const storage::PageCursor ordersAt{core::Feed::Orders, u"o1"_s, false, false, {}};
            if (auto r = storage::platformcache::ingestOrders(ctx, orders, ordersAt); !r)
                return r.error();
            return true;
        });
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().detail));
    }

    // A member with every kind of order on both sides of every edge, one without orders, one
    // registered after the moment, one with in-flight paid orders, and an order of an unknown member.
    void ingestScenario()
    {
        const qint64 windowStart = core::businessDayStart(kToday - core::RfmWindowDays + 1);
        ingest({member(10, kOld), member(11, kOld), member(12, kNoon + 1), member(13, kNoon - 86400)},
               {
                   order(1, 10, u"delivered"_s, kNoon - 86400, 100),       // counted
                   order(2, 10, u"refunded"_s, kNoon - 2 * 86400, 50, 20), // partly refunded: net 30
                   order(3, 10, u"refunded"_s, kNoon - 3600, 40, 40),      // fully refunded: nowhere
                   order(4, 10, u"cancelled"_s, kNoon - 60, 70),           // never paid
                   order(5, 10, u"unpaid"_s, kNoon - 30, 80),              // not paid yet
                   order(6, 10, u"review"_s, kNoon - 5 * 86400, 10),       // paid, held: counted
                   order(7, 10, u"delivered"_s, windowStart - 1, 1000),    // a second before the window
                   order(8, 10, u"delivered"_s, windowStart, 1),           // first second of the window
                   order(9, 10, u"delivered"_s, kNoon + 1, 500),           // after the moment
                   order(20, 13, u"handed_over"_s, kNoon - 600, 25),
                   order(21, 13, u"delivering"_s, kNoon, 5),      // at the moment itself: counted
                   order(30, 99, u"delivered"_s, kNoon - 600, 9), // member not in the cache yet
               });
    }

private Q_SLOTS:
    void init()
    {
        m_cache = std::make_unique<Cache>();
        QVERIFY(m_cache->open());
    }
    void cleanup() { m_cache.reset(); }

    void aggregatesByHand()
    {
        ingestScenario();
        storage::ReadSession read(*m_cache->db_);
        auto now = memberstats::aggregatesAsOf(read, kNoon);
        QVERIFY(now.ok());
        // 10: orders 1, 2, 6, 8 → 100 + 30 + 10 + 1 = 141 yuan, newest order 1.
        // 11: no order. 12: registered after the moment. 13: 25 + 5 yuan, newest at the moment.
        QCOMPARE(describe(*now), u"10:%1:4:1410000 11:0:0:0 13:%2:2:300000"_s.arg(kNoon - 86400).arg(kNoon));
        QCOMPARE(now->at(0).registeredAt, kOld);
        QCOMPARE(now->at(2).registeredAt, kNoon - 86400);
    }

    void aggregatesAnEarlierMoment()
    {
        ingestScenario();
        storage::ReadSession read(*m_cache->db_);
        // Two days earlier, one second before order 2: the window moves too, so order 7 (a second
        // before the window as of now) is inside; order 8 still is; 13 was not registered yet.
        const qint64 at = kNoon - 2 * 86400 - 1;
        auto then = memberstats::aggregatesAsOf(read, at);
        QVERIFY(then.ok());
        QCOMPARE(describe(*then), u"10:%1:3:10110000 11:0:0:0"_s.arg(kNoon - 5 * 86400));
    }

    void latestOrder()
    {
        storage::ReadSession empty(*m_cache->db_);
        QCOMPARE(memberstats::latestOrderAt(empty).value(), qint64(0));
        ingestScenario();
        storage::ReadSession read(*m_cache->db_);
        QCOMPARE(memberstats::latestOrderAt(read).value(), kNoon + 1);
    }

    void shortWindow()
    {
        ingestScenario();
        storage::ReadSession read(*m_cache->db_);
        // One business day: only today's orders (day 20785 from 00:00 Shanghai up to the moment).
        auto today = memberstats::aggregatesAsOf(read, kNoon, 1);
        QVERIFY(today.ok());
        QCOMPARE(describe(*today), u"10:0:0:0 11:0:0:0 13:%1:2:300000"_s.arg(kNoon));
    }

    void cliTextMatchesTheBoundStatement()
    {
        ingestScenario();
        storage::ReadSession read(*m_cache->db_);
        const memberstats::Statement bound = memberstats::aggregatesStatement(kNoon);
        auto viaBinds = read.select(bound.sql, bound.binds);
        auto viaText = read.select(memberstats::aggregatesSqlText(kNoon));
        QVERIFY(viaBinds.ok() && viaText.ok());
        QCOMPARE(*viaText, *viaBinds);
        QVERIFY(!memberstats::aggregatesSqlText(kNoon).contains(u'?'));
    }

    // The orders are reached through a created_at range on an index (orders_created, or per status
    // on orders_status: the planner picks one by the IN list), never by walking the whole table;
    // members (one row each in the result anyway) are scanned.
    void planUsesAnIndexRange()
    {
        ingestScenario();
        storage::ReadSession read(*m_cache->db_);
        const memberstats::Statement s = memberstats::aggregatesStatement(kNoon);
        auto plan = read.select(u"EXPLAIN QUERY PLAN "_s + s.sql, s.binds);
        QVERIFY(plan.ok());
        QStringList details;
        for (const QVariantList& row : *plan)
            details << row.value(3).toString();
        const QString text = details.join(u'\n');
        static const QRegularExpression range(
            u"SEARCH orders USING INDEX orders_(created|status) \\((status=\\? AND )?created_at>\\? AND created_at<\\?\\)"_s);
        QVERIFY2(text.contains(range), qPrintable(text));
        QVERIFY2(!text.contains(QRegularExpression(u"SCAN orders\\b"_s)), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TstMemberStats)
#include "tst_memberstats.moc"
