#include "cachefixture.h"
#include "core/clock.h"
#include "storage/platformcache.h"
#include "storage/segmentstore.h"
#include "storage/writecontext.h"

#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using cachefixture::Cache;
using core::Segment;
using storage::WriteContext;
namespace segmentstore = storage::segmentstore;

namespace {

// The moment: 2026-11-28 12:00:00 Shanghai, business day 20785.
constexpr qint64 kNoon = 1795838400;
constexpr qint64 kToday = 20785;
constexpr qint64 kDay = 86400;
constexpr qint64 kOld = 1700000000;

core::Member member(qint64 id, qint64 registeredAt)
{
    core::Member m = cachefixture::member(id, 1);
    m.registeredAt = registeredAt;
    m.contact = u"138%1"_s.arg(id, 8, 10, QLatin1Char('0'));
    return m;
}

QString sizesText(const core::SegmentSizes& s)
{
    QStringList out;
    for (qint64 n : s)
        out << QString::number(n);
    return out.join(u' ');
}

} // namespace

// The stored segmentation: what refresh writes for hand-made members, once per business day, and
// the sizes with their 30-day trend.
class TstSegmentStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<Cache> m_cache;
    qint64 m_orderId = 0;

    core::Order order(qint64 memberId, qint64 createdAt, qint64 yuan)
    {
        core::Order o = cachefixture::order(++m_orderId, 1, u"delivered"_s);
        o.memberId = memberId;
        o.createdAt = createdAt;
        o.paidAmount = core::Money::fromYuan(yuan);
        o.amount = o.paidAmount;
        o.updatedAt = createdAt;
        return o;
    }

    // Scores as of kNoon (7 ranked members, by hand with docs/members.md):
    //   member  last order  F  M      R F M  segment
    //   1       day −1      4  400    4 4 4  high_value
    //   2       day −2      3  150    3 3 3  other
    //   3       day −3      1  10     3 1 1  other
    //   4       day −100    5  1000   2 5 5  churn_risk
    //   5       day −170    2  12     1 3 1  other
    //   6       day −200    1  20     1 1 2  dormant (≥ 180 days)
    //   7       —           0  0      0 0 0  dormant
    //   8       day −1      1  30     4 1 3  new (registered 5 days ago)
    //   9 registered after the moment: left out.
    void ingestMembers()
    {
        QList<core::Order> orders;
        auto add = [&](qint64 id, qint64 daysAgo, int count, qint64 each) {
            for (int i = 0; i < count; ++i)
                orders << order(id, kNoon - daysAgo * kDay - i, each);
        };
        add(1, 1, 4, 100);
        add(2, 2, 3, 50);
        add(3, 3, 1, 10);
        add(4, 100, 5, 200);
        add(5, 170, 2, 6);
        add(6, 200, 1, 20);
        add(8, 1, 1, 30);
        QList<core::Member> members;
        for (qint64 id = 1; id <= 7; ++id)
            members << member(id, kOld);
        members << member(8, kNoon - 5 * kDay) << member(9, kNoon + 1);
        auto done = m_cache->run<bool>([=](WriteContext& ctx) -> core::Result<bool> {
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

    core::Result<core::RfmResult> refresh(qint64 at)
    {
        return m_cache->run<core::RfmResult>(
            [at](WriteContext& ctx) { return segmentstore::refresh(ctx, at); });
    }
    bool refreshIfDue(qint64 at)
    {
        auto r = m_cache->run<bool>([at](WriteContext& ctx) { return segmentstore::refreshIfDue(ctx, at); });
        return r.ok() && r.value();
    }

private Q_SLOTS:
    void init()
    {
        m_cache = std::make_unique<Cache>();
        QVERIFY(m_cache->open());
        m_orderId = 0;
        ingestMembers();
    }
    void cleanup() { m_cache.reset(); }

    void refreshWritesTheSegments()
    {
        QVERIFY(refresh(kNoon).ok());
        storage::ReadSession read(*m_cache->db_);
        auto rows = read.select(
            u"SELECT member_id, r, f, m, segment, computed_at FROM member_rfm ORDER BY member_id"_s);
        QVERIFY(rows.ok());
        QStringList got;
        for (const QVariantList& r : *rows) {
            QCOMPARE(r.value(5).toLongLong(), kNoon);
            got << u"%1:%2%3%4:%5"_s.arg(r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
                                         r.value(3).toString(), r.value(4).toString());
        }
        QCOMPARE(got.join(u' '), u"1:444:high_value 2:333:other 3:311:other 4:255:churn_risk 5:131:other "
                                 u"6:112:dormant 7:000:dormant 8:413:new"_s);
        // high_value potential new dormant churn_risk other
        QCOMPARE(m_cache
                     ->scalar(u"SELECT group_concat(segment || '=' || size, ' ') FROM "
                              u"(SELECT * FROM segment_sizes WHERE at = ? ORDER BY segment)"_s,
                              {kNoon})
                     .toString(),
                 u"churn_risk=1 dormant=2 high_value=1 new=1 other=3 potential=0"_s);
        // All rows replaced: a second refresh leaves one row per member (9 is registered by then).
        QVERIFY(refresh(kNoon + 60).ok());
        QCOMPARE(m_cache->scalar(u"SELECT count(*) || ':' || min(computed_at) FROM member_rfm"_s).toString(),
                 u"9:%1"_s.arg(kNoon + 60));
    }

    void refreshIfDueOncePerBusinessDay()
    {
        storage::ReadSession read(*m_cache->db_);
        QCOMPARE(segmentstore::computedAt(read).value(), qint64(0));
        QVERIFY(refreshIfDue(kNoon));                                   // never computed
        QVERIFY(!refreshIfDue(kNoon + 3600));                           // same day
        QVERIFY(!refreshIfDue(core::businessDayStart(kToday + 1) - 1)); // last second of the day
        QCOMPARE(segmentstore::computedAt(read).value(), kNoon);
        QVERIFY(refreshIfDue(core::businessDayStart(kToday + 1))); // next business day
        QVERIFY(!refreshIfDue(core::businessDayStart(kToday + 1) + 7200));
        QCOMPARE(segmentstore::computedAt(read).value(), core::businessDayStart(kToday + 1));
        QCOMPARE(m_cache->scalar(u"SELECT count(DISTINCT at) FROM segment_sizes"_s).toInt(), 2);
    }

    void sizesAndTrendComputedWhenNothingEarlierIsStored()
    {
        storage::ReadSession read(*m_cache->db_);
        QVERIFY(!segmentstore::sizes(read).value().computed);
        QVERIFY(refresh(kNoon).ok());
        const segmentstore::Sizes s = segmentstore::sizes(read).value();
        QVERIFY(s.computed);
        QVERIFY(!s.thenStored);
        QCOMPARE(s.trend.now, kNoon);
        QCOMPARE(s.trend.then, kNoon - 30 * kDay);
        QCOMPARE(s.total(), qint64(8));
        // Order: high_value potential new dormant churn_risk other.
        QCOMPARE(sizesText(s.trend.sizesNow), u"1 0 1 2 1 3"_s);
        // 30 days earlier: 8 not registered; 1, 2, 3 had not bought yet (dormant with 7); 4, 5, 6
        // ranked alone: 4 is R4 F4 M4 (high_value), 5 and 6 other (6 was silent 170 days then).
        QCOMPARE(sizesText(s.trend.sizesThen), u"1 0 0 4 0 2"_s);
        QCOMPARE(s.trend.change(Segment::Dormant), qint64(-2));
        QCOMPARE(s.trend.change(Segment::ChurnRisk), qint64(1));
        QCOMPARE(s.trend.change(Segment::New), qint64(1));
    }

    void sizesTrendFromStoredSizes()
    {
        const qint64 earlier = kNoon - 31 * kDay;
        auto then = refresh(earlier);
        QVERIFY(then.ok());
        QVERIFY(refresh(kNoon - 29 * kDay).ok()); // too recent to be the "30 days earlier"
        QVERIFY(refresh(kNoon).ok());
        storage::ReadSession read(*m_cache->db_);
        const segmentstore::Sizes s = segmentstore::sizes(read).value();
        QVERIFY(s.thenStored);
        QCOMPARE(s.trend.then, earlier);
        QCOMPARE(sizesText(s.trend.sizesThen), sizesText(then.value().sizes));
        QCOMPARE(sizesText(s.trend.sizesNow), u"1 0 1 2 1 3"_s);
    }

    void segmentMembersForExport()
    {
        QVERIFY(refresh(kNoon).ok());
        storage::ReadSession read(*m_cache->db_);
        auto dormant = segmentstore::segmentMembers(read, u"dormant"_s);
        QVERIFY(dormant.ok());
        QCOMPARE(dormant->size(), 2);
        const segmentstore::SegmentMember six = dormant->at(0);
        QCOMPARE(six.id, qint64(6));
        QCOMPARE(six.name, u"会员6"_s);
        QCOMPARE(six.contact, u"13800000006"_s);
        QCOMPARE(six.score, (core::RfmScore{1, 1, 2}));
        QCOMPARE(six.orders, qint64(1));
        QCOMPARE(six.monetary, core::Money::fromYuan(20));
        QCOMPARE(six.lastOrderAt, kNoon - 200 * kDay);
        QCOMPARE(dormant->at(1).id, qint64(7));
        QCOMPARE(dormant->at(1).orders, qint64(0));
        QCOMPARE(segmentstore::segmentMembers(read, u"potential"_s).value().size(), 0);
        QVERIFY(!segmentstore::segmentMembers(read, u"vip"_s).ok());
    }
};

QTEST_GUILESS_MAIN(TstSegmentStore)
#include "tst_segmentstore.moc"
