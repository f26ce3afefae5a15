#include "memberfixture.h"
#include "storage/memberqueries.h"

#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using storage::MemberQuery;
using storage::MemberSort;
namespace mq = storage::memberqueries;
using memberfixture::kBase;

Q_DECLARE_METATYPE(storage::MemberQuery)

// The members page's reads on a hand-made cache (memberfixture.h): every filter and sort with the
// exact ids expected, windows, the per-row figures, one member's detail, orders, ledger and
// contract prices to the 1/10000 yuan, and the indexes the reads walk.
class TstMemberQueries : public QObject
{
    Q_OBJECT

    cachefixture::Cache m_cache;

    QList<qint64> ids(const MemberQuery& q, qint64 offset = 0, int limit = 1000)
    {
        storage::ReadSession read(*m_cache.db_);
        auto rows = mq::page(read, q, offset, limit);
        if (!rows) {
            qWarning() << rows.error().detail;
            return {-1};
        }
        QList<qint64> out;
        for (const storage::MemberRow& r : *rows)
            out << r.id;
        return out;
    }

    QString plan(const QString& sql, const QVariantList& binds)
    {
        storage::ReadSession read(*m_cache.db_);
        QStringList details;
        auto rows = read.select(u"EXPLAIN QUERY PLAN "_s + sql, binds);
        if (rows)
            for (const QVariantList& r : *rows)
                details << r.value(3).toString();
        return details.join(u'\n');
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_cache.open());
        auto filled = m_cache.run<bool>(memberfixture::fill);
        QVERIFY2(filled.ok(), qPrintable(filled.ok() ? QString() : filled.error().detail));
    }

    void filters_data()
    {
        QTest::addColumn<MemberQuery>("query");
        QTest::addColumn<QList<qint64>>("expected");
        const auto q = [](auto set) {
            MemberQuery query;
            set(query);
            return query;
        };
        QTest::newRow("all, newest first") << MemberQuery{} << QList<qint64>{6, 5, 4, 3, 2, 1};
        QTest::newRow("all, oldest first")
            << q([](MemberQuery& m) { m.descending = false; }) << QList<qint64>{1, 2, 3, 4, 5, 6};
        QTest::newRow("by id") << q([](MemberQuery& m) {
            m.sort = MemberSort::Id;
            m.descending = false;
        }) << QList<qint64>{1, 2, 3, 4, 5, 6};
        QTest::newRow("by id desc") << q([](MemberQuery& m) { m.sort = MemberSort::Id; })
                                    << QList<qint64>{6, 5, 4, 3, 2, 1};
        QTest::newRow("consumers") << q([](MemberQuery& m) { m.kind = u"consumer"_s; })
                                   << QList<qint64>{6, 5, 1};
        QTest::newRow("consumers asc") << q([](MemberQuery& m) {
            m.kind = u"consumer"_s;
            m.descending = false;
        }) << QList<qint64>{1, 5, 6};
        QTest::newRow("agents") << q([](MemberQuery& m) { m.kind = u"agent"_s; }) << QList<qint64>{3, 2};
        QTest::newRow("enterprises") << q([](MemberQuery& m) { m.kind = u"enterprise"_s; })
                                     << QList<qint64>{4};
        QTest::newRow("tier 1") << q([](MemberQuery& m) { m.tierId = 1; }) << QList<qint64>{5, 4, 1};
        QTest::newRow("tier 3") << q([](MemberQuery& m) { m.tierId = 3; }) << QList<qint64>{6, 3};
        QTest::newRow("high value") << q([](MemberQuery& m) { m.segment = u"high_value"_s; })
                                    << QList<qint64>{5, 1};
        QTest::newRow("dormant") << q([](MemberQuery& m) { m.segment = u"dormant"_s; }) << QList<qint64>{3};
        QTest::newRow("potential") << q([](MemberQuery& m) { m.segment = u"potential"_s; })
                                   << QList<qint64>{2};
        QTest::newRow("other (none)") << q([](MemberQuery& m) { m.segment = u"other"_s; }) << QList<qint64>{};
        QTest::newRow("tag 老客户") << q([](MemberQuery& m) { m.tag = u"老客户"_s; }) << QList<qint64>{2, 1};
        QTest::newRow("tag 游戏玩家")
            << q([](MemberQuery& m) { m.tag = u"游戏玩家"_s; }) << QList<qint64>{5, 2};
        QTest::newRow("tag 企业大客户")
            << q([](MemberQuery& m) { m.tag = u"企业大客户"_s; }) << QList<qint64>{4};
        QTest::newRow("tag part is no tag")
            << q([](MemberQuery& m) { m.tag = u"老客"_s; }) << QList<qint64>{};
        QTest::newRow("search name") << q([](MemberQuery& m) { m.search = u"张"_s; }) << QList<qint64>{1};
        QTest::newRow("search contact")
            << q([](MemberQuery& m) { m.search = u"EXAMPLE"_s; }) << QList<qint64>{2};
        QTest::newRow("search id or contact")
            << q([](MemberQuery& m) { m.search = u" 4 "_s; }) << QList<qint64>{6, 4};
        QTest::newRow("search phone prefix")
            << q([](MemberQuery& m) { m.search = u"13800"_s; }) << QList<qint64>{5, 1};
        QTest::newRow("search wildcards are text")
            << q([](MemberQuery& m) { m.search = u"_%"_s; }) << QList<qint64>{6};
        QTest::newRow("consumer with tag") << q([](MemberQuery& m) {
            m.kind = u"consumer"_s;
            m.tag = u"游戏玩家"_s;
        }) << QList<qint64>{5};
        QTest::newRow("tier and segment") << q([](MemberQuery& m) {
            m.tierId = 1;
            m.segment = u"high_value"_s;
            m.sort = MemberSort::Id;
        }) << QList<qint64>{5, 1};
    }

    void filters()
    {
        QFETCH(MemberQuery, query);
        QFETCH(QList<qint64>, expected);
        QCOMPARE(ids(query), expected);
        storage::ReadSession read(*m_cache.db_);
        auto counts = mq::counts(read, query);
        QVERIFY(counts.ok());
        QCOMPARE(counts->total, expected.size());
    }

    // A platform may send a tag with JSON escapes: the quick text check must not lose it.
    void escapedTagStillMatches()
    {
        auto setTags = [this](const QString& json) {
            return m_cache.run<void>([json](storage::WriteContext& ctx) -> core::Result<void> {
                auto r = ctx.exec(u"UPDATE members SET tags = ? WHERE id = 6"_s, {json});
                if (!r)
                    return r.error();
                return {};
            });
        };
        QVERIFY(setTags(u"[\"\\u8001\\u5ba2\\u6237\"]"_s).ok());
        MemberQuery query;
        query.tag = u"老客户"_s;
        QCOMPARE(ids(query), (QList<qint64>{6, 2, 1}));
        QVERIFY(setTags(u"[]"_s).ok());
        QCOMPARE(ids(query), (QList<qint64>{2, 1}));
    }

    void countsPerKindIgnoreTheKind()
    {
        MemberQuery q;
        q.kind = u"consumer"_s;
        q.tierId = 1;
        storage::ReadSession read(*m_cache.db_);
        auto counts = mq::counts(read, q);
        QVERIFY(counts.ok());
        QCOMPARE(counts->total, 2);
        QCOMPARE(counts->perKind.value(u"consumer"_s), 2);
        QCOMPARE(counts->perKind.value(u"enterprise"_s), 1);
        QCOMPARE(counts->perKind.value(u"agent"_s), 0);
    }

    void windows()
    {
        QCOMPARE(ids({}, 1, 2), (QList<qint64>{5, 4}));
        QCOMPARE(ids({}, 5, 2), (QList<qint64>{1}));
        QCOMPARE(ids({}, 6, 2), (QList<qint64>{}));
        MemberQuery consumers;
        consumers.kind = u"consumer"_s;
        QCOMPARE(ids(consumers, 2, 10), (QList<qint64>{1}));
        storage::ReadSession read(*m_cache.db_);
        QVERIFY(!mq::page(read, {}, -1, 5).ok());
        QVERIFY(!mq::page(read, {}, 0, 0).ok());
    }

    void rowFigures()
    {
        storage::ReadSession read(*m_cache.db_);
        MemberQuery byId;
        byId.sort = MemberSort::Id;
        byId.descending = false;
        auto rows = mq::page(read, byId, 0, 10);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 6);
        const storage::MemberRow& one = rows->at(0);
        QCOMPARE(one.name, u"张三"_s);
        QCOMPARE(one.kind, u"consumer"_s);
        QCOMPARE(one.tier, u"普通会员"_s);
        QCOMPARE(one.parent, QString());
        QCOMPARE(one.segment, u"high_value"_s);
        QCOMPARE(one.orders, 3);      // o1, o2, o5: o3 unpaid, o4 cancelled
        QCOMPARE(one.spend, 283'333); // 10 + (20 − 5) + 3.3333
        QCOMPARE(one.lastOrderAt, kBase + 5000);
        QCOMPARE(one.balance, 1'000'000);
        QCOMPARE(one.tags, QStringList{u"老客户"_s});
        QCOMPARE(one.registeredAt, kBase + 100);
        QCOMPARE(one.contact, u"13800000001"_s);
        const storage::MemberRow& two = rows->at(1);
        QCOMPARE(two.orders, 1);
        QCOMPARE(two.spend, 1'000'000);
        QCOMPARE(two.tier, u"青铜代理"_s);
        QCOMPARE(two.tags, (QStringList{u"老客户"_s, u"游戏玩家"_s}));
        const storage::MemberRow& four = rows->at(3);
        QCOMPARE(four.orders, 1); // fully refunded, still an order in a paid status
        QCOMPARE(four.spend, 0);
        QCOMPARE(rows->at(2).orders, 0);
        QCOMPARE(rows->at(2).lastOrderAt, 0);
        QCOMPARE(rows->at(4).parent, u"王五"_s);
        QCOMPARE(rows->at(4).parentId, 3);
        QCOMPARE(rows->at(5).segment, QString()); // not computed
        QCOMPARE(rows->at(5).tier, u"白银代理"_s);
    }

    void distinctTagsSorted()
    {
        storage::ReadSession read(*m_cache.db_);
        auto tags = mq::distinctTags(read);
        QVERIFY(tags.ok());
        QCOMPARE(*tags, (QStringList{u"企业大客户"_s, u"游戏玩家"_s, u"老客户"_s}));
    }

    void detailFigures()
    {
        storage::ReadSession read(*m_cache.db_);
        auto d = mq::memberDetail(read, 1);
        QVERIFY(d.ok());
        QCOMPARE(d->member.name, u"张三"_s);
        QCOMPARE(d->member.orders, 3);
        QCOMPARE(d->member.spend, 283'333);
        QCOMPARE(d->refunds, 50'000);
        QCOMPARE(d->averageOrder, 94'444); // 28.3333 / 3 = 9.44443… → 9.4444
        QCOMPARE(d->firstOrderAt, kBase + 1000);
        QCOMPARE(d->member.lastOrderAt, kBase + 5000);
        QVERIFY(d->hasRfm);
        QCOMPARE(d->r, 5);
        QCOMPARE(d->f, 4);
        QCOMPARE(d->m, 4);
        QCOMPARE(d->member.segment, u"high_value"_s);
        QCOMPARE(d->rfmComputedAt, kBase + 9000);
        QCOMPARE(d->tierRank, 1);
        QCOMPARE(d->ledgerEntries, 5);
        QCOMPARE(d->downlines, 0);

        auto three = mq::memberDetail(read, 3);
        QVERIFY(three.ok());
        QCOMPARE(three->downlines, 2);
        QCOMPARE(three->member.parent, u"李四"_s);
        QCOMPARE(three->member.orders, 0);
        QCOMPARE(three->averageOrder, 0);
        QCOMPARE(three->firstOrderAt, 0);

        auto four = mq::memberDetail(read, 4);
        QVERIFY(four.ok());
        QVERIFY(!four->hasRfm);
        QCOMPARE(four->refunds, 80'000);
        QCOMPARE(four->member.spend, 0);

        auto missing = mq::memberDetail(read, 99);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, core::ErrorCode::NotFound);
    }

    void averageRoundsHalfAwayFromZero()
    {
        QCOMPARE(mq::averageOrder(283'333, 3), 94'444);
        QCOMPARE(mq::averageOrder(5, 2), 3);   // 2.5 → 3
        QCOMPARE(mq::averageOrder(-5, 2), -3); // −2.5 → −3
        QCOMPARE(mq::averageOrder(7, 4), 2);   // 1.75 → 2
        QCOMPARE(mq::averageOrder(5, 4), 1);   // 1.25 → 1
        QCOMPARE(mq::averageOrder(100, 0), 0);
    }

    void ordersNewestFirst()
    {
        storage::ReadSession read(*m_cache.db_);
        auto orders = mq::memberOrders(read, 1, 10);
        QVERIFY(orders.ok());
        QList<qint64> got;
        for (const storage::MemberOrder& o : *orders)
            got << o.id;
        QCOMPARE(got, (QList<qint64>{5, 4, 3, 2, 1}));
        QCOMPARE(orders->at(3).goods, u"网易点卡 50元"_s);
        QCOMPARE(orders->at(3).paidAmount, 200'000);
        QCOMPARE(orders->at(3).refundAmount, 50'000);
        QCOMPARE(orders->at(3).status, u"refunded"_s);
        auto two = mq::memberOrders(read, 1, 2);
        QVERIFY(two.ok());
        QCOMPARE(two->size(), 2);
        QCOMPARE(two->at(1).id, 4);
    }

    void ledgerWithBalanceAfter()
    {
        storage::ReadSession read(*m_cache.db_);
        auto all = mq::memberLedger(read, 1, 0, 10);
        QVERIFY(all.ok());
        QList<qint64> got, after;
        for (const storage::LedgerLine& l : *all)
            got << l.id, after << l.balanceAfter;
        QCOMPARE(got, (QList<qint64>{15, 14, 13, 12, 11}));
        QCOMPARE(after, (QList<qint64>{1'000'000, 1'250'000, 1'200'000, 1'400'000, 1'500'000}));
        QCOMPARE(all->at(2).kind, u"purchase"_s);
        QCOMPARE(all->at(2).amount, -200'000);
        QCOMPARE(all->at(2).orderId, 2);
        QCOMPARE(all->at(2).createdAt, kBase + 2000);
        auto window = mq::memberLedger(read, 1, 2, 2);
        QVERIFY(window.ok());
        QCOMPARE(window->size(), 2);
        QCOMPARE(window->at(0).id, 13);
        QCOMPARE(window->at(0).balanceAfter, 1'200'000);
        QCOMPARE(window->at(1).balanceAfter, 1'400'000);
    }

    void contractPricesOfTheMember()
    {
        storage::ReadSession read(*m_cache.db_);
        auto four = mq::contractPrices(read, 4);
        QVERIFY(four.ok());
        QCOMPARE(four->size(), 2);
        QCOMPARE(four->at(0).goodsId, 1);
        QCOMPARE(four->at(0).contractPrice, 95'000);
        QCOMPARE(four->at(0).listPrice, 985'000);
        QCOMPARE(four->at(1).goodsId, 3);
        QCOMPARE(four->at(1).name, u"话费 100元"_s);
        QCOMPARE(four->at(1).contractPrice, 971'234);
        QCOMPARE(four->at(1).listPrice, 999'000);
        auto forty = mq::contractPrices(read, 40);
        QVERIFY(forty.ok());
        QCOMPARE(forty->size(), 2);
        QCOMPARE(forty->at(1).goodsId, 2);
        QCOMPARE(forty->at(1).contractPrice, 450'000);
        auto none = mq::contractPrices(read, 1);
        QVERIFY(none.ok() && none->isEmpty());
    }

    void readsWalkIndexes()
    {
        // The page's orders are ranges of orders_member per window row, never a walk of a status.
        MemberQuery agents;
        agents.kind = u"agent"_s;
        QVariantList binds;
        QString sql = mq::pageSql(agents, &binds);
        const QString page = plan(sql, binds << 50 << 0);
        QVERIFY2(page.contains(u"USING INDEX orders_member (member_id=?)"_s), qPrintable(page));
        QVERIFY2(!page.contains(u"orders_status"_s) && !page.contains(u"SCAN o"_s), qPrintable(page));
        // Without a filter the window is the registration index alone.
        sql = mq::windowSql({}, &binds);
        const QString all = plan(sql, binds << 50 << 0);
        QVERIFY2(all.contains(u"COVERING INDEX members_registered"_s) && !all.contains(u"TEMP B-TREE"_s),
                 qPrintable(all));
        // A segment is a range of member_rfm_segment.
        MemberQuery dormant;
        dormant.segment = u"dormant"_s;
        sql = mq::windowSql(dormant, &binds);
        const QString segment = plan(sql, binds << 50 << 0);
        QVERIFY2(segment.contains(u"member_rfm_segment (segment=?)"_s), qPrintable(segment));
        // By id: the table in rowid order, no sort.
        MemberQuery byId = agents;
        byId.sort = MemberSort::Id;
        sql = mq::windowSql(byId, &binds);
        const QString id = plan(sql, binds << 50 << 0);
        QVERIFY2(!id.contains(u"TEMP B-TREE"_s), qPrintable(id));
    }
};

QTEST_GUILESS_MAIN(TstMemberQueries)
#include "tst_memberqueries.moc"
