#include "core/clock.h"
#include "generatedcache.h"
#include "models/datasource.h"
#include "models/ordersmodel.h"
#include "storage/counters.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/orderqueries.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QtTest>
#include <memory>

using namespace cardops;
using namespace Qt::StringLiterals;
using storage::OrderFilter;
using storage::OrderQuery;
using storage::OrderSort;
using storage::OrderTab;
namespace oq = storage::orderqueries;

Q_DECLARE_METATYPE(cardops::storage::OrderQuery)

// The orders page's reads and model on a generated cache: every filter, sort and anchor seek
// against plain SQL (ORDER BY … LIMIT … OFFSET on the whole table), the snapshot against live
// inserts, under the model tester.
class TstOrdersModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    core::SystemClock m_clock;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<models::DataSource> m_source;

    storage::ReadSession::Rows naive(const QString& where, const QVariantList& binds, const QString& order,
                                     qint64 offset, int limit)
    {
        storage::ReadSession read(m_path);
        QVariantList all = binds;
        all << limit << offset;
        auto rows =
            read.select(u"SELECT id FROM orders"_s + (where.isEmpty() ? QString() : u" WHERE "_s + where) +
                            u" ORDER BY "_s + order + u" LIMIT ? OFFSET ?"_s,
                        all);
        return rows ? rows.value() : storage::ReadSession::Rows();
    }

    qint64 scalar(const QString& sql, const QVariantList& binds = {})
    {
        storage::ReadSession read(m_path);
        auto rows = read.select(sql, binds);
        return rows && !rows->isEmpty() ? rows->first().value(0).toLongLong() : -1;
    }

    static QList<qint64> ids(const storage::ReadSession::Rows& rows)
    {
        QList<qint64> out;
        for (const QVariantList& r : rows)
            out << r.value(0).toLongLong();
        return out;
    }

    qint64 insertOrder(qint64 createdAt, const QString& status = u"paid"_s)
    {
        const qint64 id = scalar(u"SELECT MAX(id) FROM orders"_s) + 1;
        auto written =
            m_db->writer().submit(u"test.newOrder"_s, [=](storage::WriteContext& ctx) -> core::Result<void> {
                auto r = ctx.exec(
                    u"INSERT INTO orders SELECT ?, '99' || ?, member_id, goods_id, quantity, unit_price, "
                    u"amount, paid_amount, cost_at_order, pay_channel, charge_account, contact, ?, "
                    u"handed_over, "
                    u"review_reason, delivered_at, revealed_at, refund_amount, ?, paid_at, version, "
                    u"updated_at "
                    u"FROM orders LIMIT 1"_s,
                    {id, id, status, createdAt});
                if (!r)
                    return r.error();
                ctx.touch(u"orders"_s);
                if (auto c = ctx.addToCounter(storage::counters::OrdersTotal, 1); !c)
                    return c;
                return ctx.addToCounter(storage::counters::orderStatus(status), 1);
            });
        written.waitForFinished();
        return written.result().ok() ? id : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = generatedcache::build(m_dir, 3500);
        QVERIFY(!m_path.isEmpty());
        auto db = storage::Database::open(m_path, m_clock);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        m_source = std::make_unique<models::DataSource>(m_path, &m_db->writer());
    }

    void pagesEqualPlainSql_data()
    {
        QTest::addColumn<OrderQuery>("query");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QVariantList>("binds");
        QTest::addColumn<QString>("order");
        const qint64 from = scalar(u"SELECT MIN(created_at) + 86400 * 5 FROM orders"_s);
        const qint64 to = from + 86400 * 12;
        const qint64 member =
            scalar(u"SELECT member_id FROM orders GROUP BY member_id ORDER BY COUNT(*) DESC LIMIT 1"_s);
        const qint64 goods =
            scalar(u"SELECT goods_id FROM orders GROUP BY goods_id ORDER BY COUNT(*) DESC LIMIT 1"_s);
        const QString prefix =
            QString::number(scalar(u"SELECT substr(order_no, 1, 8) FROM orders LIMIT 1"_s));
        OrderQuery q;
        QTest::newRow("all newest first")
            << q << QString() << QVariantList() << u"created_at DESC, id DESC"_s;
        q.descending = false;
        QTest::newRow("all oldest first") << q << QString() << QVariantList() << u"created_at, id"_s;
        q = {};
        q.filter.tab = OrderTab::Review;
        QTest::newRow("tab in review")
            << q << u"status = 'review'"_s << QVariantList() << u"created_at DESC, id DESC"_s;
        q = {};
        q.filter.tab = OrderTab::Delivered;
        q.filter.createdFrom = from;
        q.filter.createdTo = to;
        QTest::newRow("delivered in a date range")
            << q << u"status = 'delivered' AND created_at >= ? AND created_at < ?"_s << QVariantList{from, to}
            << u"created_at DESC, id DESC"_s;
        q = {};
        q.filter.memberId = member;
        QTest::newRow("member") << q << u"member_id = ?"_s << QVariantList{member}
                                << u"created_at DESC, id DESC"_s;
        q = {};
        q.filter.goodsId = goods;
        q.sort = OrderSort::OrderNo;
        QTest::newRow("goods by order no")
            << q << u"goods_id = ?"_s << QVariantList{goods} << u"order_no DESC, id DESC"_s;
        q = {};
        q.filter.amountMin = 500'000;
        q.filter.amountMax = 2'000'000;
        QTest::newRow("amount range") << q << u"amount >= 500000 AND amount <= 2000000"_s << QVariantList()
                                      << u"created_at DESC, id DESC"_s;
        q = {};
        q.filter.orderNoPrefix = prefix;
        QTest::newRow("order-no prefix")
            << q << u"substr(order_no, 1, ?) = ?"_s << QVariantList{prefix.size(), prefix}
            << u"order_no DESC, id DESC"_s;
        q = {};
        q.filter.chargeAccountPrefix = u"13"_s;
        q.descending = false;
        QTest::newRow("charge-account prefix")
            << q << u"substr(charge_account, 1, 2) = '13'"_s << QVariantList() << u"charge_account, id"_s;
        // The dashboard's conditions, each against SQL written another way.
        const qint64 category = scalar(u"SELECT g.category_id FROM orders o JOIN goods g ON g.id = o.goods_id "
                                       "GROUP BY g.category_id ORDER BY COUNT(*) DESC LIMIT 1"_s);
        q = {};
        q.filter.categoryId = category;
        QTest::newRow("category")
            << q << u"EXISTS (SELECT 1 FROM goods g WHERE g.id = orders.goods_id AND g.category_id = ?)"_s
            << QVariantList{category} << u"created_at DESC, id DESC"_s;
        q = {};
        q.filter.memberKind = u"agent"_s;
        q.filter.createdFrom = from;
        QTest::newRow("agents since a day")
            << q
            << u"created_at >= ? AND EXISTS (SELECT 1 FROM members m WHERE m.id = orders.member_id AND "
               "m.kind = 'agent')"_s
            << QVariantList{from} << u"created_at DESC, id DESC"_s;
        q = {};
        q.filter.weekday = 1; // Tuesday
        q.filter.hour = 20;
        QTest::newRow("Tuesdays at 20:00")
            << q
            << u"strftime('%w', created_at, 'unixepoch', '+8 hours') = '2' AND "
               "strftime('%H', created_at, 'unixepoch', '+8 hours') = '20'"_s
            << QVariantList() << u"created_at DESC, id DESC"_s;
        // The agent with the largest branch, its members found by walking parents in C++.
        storage::ReadSession read(m_path);
        QHash<qint64, QList<qint64>> children;
        const auto parents = read.select(u"SELECT id, parent_id FROM members WHERE parent_id > 0"_s);
        QVERIFY(parents.ok());
        for (const QVariantList& r : parents.value())
            children[r.value(1).toLongLong()] << r.value(0).toLongLong();
        auto below = [&children](qint64 root) {
            QList<qint64> out;
            QList<qint64> todo = children.value(root);
            while (!todo.isEmpty()) {
                const qint64 id = todo.takeLast();
                out << id;
                todo << children.value(id);
            }
            return out;
        };
        qint64 agent = 0;
        QList<qint64> branch;
        for (auto it = children.cbegin(); it != children.cend(); ++it)
            if (const QList<qint64> b = below(it.key()); b.size() > branch.size()) {
                agent = it.key();
                branch = b;
            }
        QStringList idText;
        for (qint64 id : std::as_const(branch))
            idText << QString::number(id);
        q = {};
        q.filter.branchOf = agent;
        QTest::newRow("an agent's branch") << q << u"member_id IN (%1)"_s.arg(idText.join(u','))
                                           << QVariantList() << u"created_at DESC, id DESC"_s;
        q = {};
        q.sort = OrderSort::OrderNo;
        q.descending = false;
        q.ceiling = scalar(u"SELECT MAX(id) - 200 FROM orders"_s);
        QTest::newRow("ceiling, by order no")
            << q << u"id <= ?"_s << QVariantList{q.ceiling} << u"order_no, id"_s;
    }
    void pagesEqualPlainSql()
    {
        QFETCH(OrderQuery, query);
        QFETCH(QString, where);
        QFETCH(QVariantList, binds);
        QFETCH(QString, order);
        storage::ReadSession read(m_path);
        const qint64 expected = scalar(
            u"SELECT COUNT(*) FROM orders"_s + (where.isEmpty() ? QString() : u" WHERE "_s + where), binds);
        QCOMPARE(oq::count(read, query).valueOr(-1), expected);
        QVERIFY(expected > 0);

        auto ladder = oq::ladder(read, query);
        QVERIFY(ladder.ok());
        QCOMPARE(ladder->anchors.size(), qsizetype(expected / oq::AnchorStep));
        for (int i = 0; i < ladder->anchors.size(); ++i)
            QCOMPARE(ladder->anchors[i].id,
                     naive(where, binds, order, (i + 1) * oq::AnchorStep, 1).value(0).value(0).toLongLong());

        // Windows anywhere, on a block boundary or not, with and without the ladder.
        for (qint64 offset :
             {qint64(0), qint64(5), qint64(999), qint64(1000), qint64(1337), expected / 2, expected - 3}) {
            if (offset < 0 || offset >= expected)
                continue;
            const auto want = ids(naive(where, binds, order, offset, 128));
            QCOMPARE(ids(oq::page(read, query, {}, offset, 128).value()), want);
            QCOMPARE(ids(oq::page(read, query, ladder.value(), offset, 128).value()), want);
        }
    }

    void tabsCountUnderTheCeiling()
    {
        storage::ReadSession read(m_path);
        const qint64 ceiling = scalar(u"SELECT MAX(id) - 100 FROM orders"_s);
        auto tabs = oq::tabCounts(read, ceiling);
        QVERIFY(tabs.ok());
        QCOMPARE(tabs->size(), 6);
        QCOMPARE(tabs->at(0), scalar(u"SELECT COUNT(*) FROM orders WHERE id <= ?"_s, {ceiling}));
        QCOMPARE(tabs->at(1),
                 scalar(u"SELECT COUNT(*) FROM orders WHERE id <= ? AND status IN ('paid','handed_over')"_s,
                        {ceiling}));
        QCOMPARE(tabs->at(2),
                 scalar(u"SELECT COUNT(*) FROM orders WHERE id <= ? AND status = 'review'"_s, {ceiling}));
        QCOMPARE(tabs->at(4),
                 scalar(u"SELECT COUNT(*) FROM orders WHERE id <= ? AND status = 'delivered'"_s, {ceiling}));
        QCOMPARE(tabs->at(5),
                 scalar(u"SELECT COUNT(*) FROM orders WHERE id <= ? AND status = 'refunded'"_s, {ceiling}));
        OrderQuery q;
        q.ceiling = ceiling;
        QCOMPARE(oq::countAbove(read, q).valueOr(-1), 100);
    }

    void filtersSurviveJson()
    {
        OrderFilter f;
        f.tab = OrderTab::Review;
        f.createdFrom = 1764000000;
        f.createdTo = 1764086400;
        f.memberId = 42;
        f.goodsId = 7;
        f.amountMin = 9'007'199'254'740'993; // 2^53 + 1: beyond a double's exact integers
        f.amountMax = 9'007'199'254'740'995;
        f.orderNoPrefix = u"2026"_s;
        f.chargeAccountPrefix = u"0086"_s;
        f.categoryId = 3;
        f.memberKind = QString(OrderFilter::UncachedMember);
        f.branchOf = 11;
        f.weekday = 0;
        f.hour = 0;
        const QByteArray text = QJsonDocument(f.toJson()).toJson();
        QCOMPARE(OrderFilter::fromJson(QJsonDocument::fromJson(text).object()), f);
        QVERIFY(f.hasConditions());
        OrderFilter tabOnly;
        tabOnly.tab = OrderTab::Review;
        QVERIFY(!tabOnly.hasConditions());
        // Hostile or foreign JSON gives an empty filter, never a crash or a negative id.
        const OrderFilter junk = OrderFilter::fromJson(
            QJsonDocument::fromJson(R"({"tab":"nope","member_id":-5,"amount_min":"1e9","goods_id":"x",)"
                                    R"("member_kind":"admin","weekday":7,"hour":24,"branch_of":-1})")
                .object());
        QCOMPARE(junk, OrderFilter());
    }

    void modelKeepsItsSnapshotWhileOrdersArrive()
    {
        models::OrdersModel model(*m_source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy ladders(&model, &models::OrdersModel::ladderReady);
        QTRY_VERIFY_WITH_TIMEOUT(model.isIdle() && model.totalCount() > 0, 10'000);
        const qint64 before = model.totalCount();
        QCOMPARE(before, scalar(u"SELECT COUNT(*) FROM orders"_s));
        (void)model.data(model.index(0, 1));
        QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(0), 10'000);
        const QVariant top = model.rowKey(0);
        QTRY_VERIFY_WITH_TIMEOUT(model.hasLadder(), 10'000);
        QCOMPARE(ladders.count(), 1);

        // Three orders arrive, newest of all: counted above the snapshot, not slipped in.
        const qint64 newest = scalar(u"SELECT MAX(created_at) FROM orders"_s) + 60;
        QList<qint64> added;
        for (int i = 0; i < 3; ++i)
            added << insertOrder(newest + i);
        QTRY_COMPARE_WITH_TIMEOUT(model.newOrders(), 3, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(model.isIdle(), 10'000);
        QCOMPARE(model.totalCount(), before);
        QCOMPARE(model.rowKey(0), top);
        QCOMPARE(model.tabCounts().value(0), before);

        // Shown on request: the newest is on top, the counts include them.
        model.showNewOrders();
        QCOMPARE(model.newOrders(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(model.isIdle() && model.totalCount() == before + 3, 10'000);
        (void)model.data(model.index(0, 1));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowKey(0).toLongLong(), added.last(), 10'000);
        QCOMPARE(model.tabCounts().value(0), before + 3);
    }

    void modelJumpsWithTheLadder()
    {
        models::OrdersModel model(*m_source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(model.hasLadder() && model.isIdle(), 10'000);
        const int last = model.rowCount() - 1;
        const int middle = model.rowCount() / 2 + 3;
        for (int row : {last, middle, 1001}) {
            (void)model.data(model.index(row, 1));
            QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(row), 10'000);
            QCOMPARE(model.rowKey(row).toLongLong(),
                     naive({}, {}, u"created_at DESC, id DESC"_s, row, 1).value(0).value(0).toLongLong());
        }
    }

    void filterAndSortChangesUnderTheTester()
    {
        models::OrdersModel model(*m_source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        OrderFilter f;
        f.tab = OrderTab::Delivered;
        f.amountMin = 1'000'000;
        model.setFilter(f);
        model.setTab(OrderTab::Refunded); // before the first answer: only the last query lands
        QTRY_VERIFY_WITH_TIMEOUT(model.isIdle() && model.totalCount() >= 0, 10'000);
        QCOMPARE(
            model.totalCount(),
            scalar(
                u"SELECT COUNT(*) FROM orders WHERE status = 'refunded' AND amount >= 1000000 AND id <= ?"_s,
                {model.query().ceiling}));
        QCOMPARE(model.columnId(model.sortColumn()), u"created_at"_s);
        // A charge-account prefix reads in account order: the header shows it.
        OrderFilter account;
        account.chargeAccountPrefix = u"1"_s;
        model.setFilter(account);
        QCOMPARE(model.columnId(model.sortColumn()), u"charge_account"_s);
        model.setFilter({});
        const int orderNo = model.columnOf(u"order_no"_s);
        QVERIFY(model.isSortable(orderNo));
        QVERIFY(!model.isSortable(model.columnOf(u"member"_s)));
        model.sort(orderNo, Qt::AscendingOrder);
        model.sort(model.columnOf(u"member"_s), Qt::DescendingOrder); // not indexed: nothing changes
        QCOMPARE(model.columnId(model.sortColumn()), u"order_no"_s);
        QTRY_VERIFY_WITH_TIMEOUT(model.isIdle() && model.totalCount() > 0, 10'000);
        (void)model.data(model.index(0, 1));
        QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(0), 10'000);
        QCOMPARE(model.rowKey(0).toLongLong(),
                 scalar(u"SELECT id FROM orders WHERE id <= ? ORDER BY order_no, id LIMIT 1"_s,
                        {model.query().ceiling}));
    }

    void aDragCallsOffTheBlocksItLeftBehind()
    {
        models::OrdersModel model(*m_source);
        QTRY_VERIFY_WITH_TIMEOUT(model.isIdle() && model.totalCount() > 0, 10'000);
        // The view passes over 20 blocks faster than the loader reads them: only the last few are read.
        constexpr int rows = models::OrdersModel::BlockRows;
        const int blocks = std::min(20, model.rowCount() / rows);
        QVERIFY(blocks > models::OrdersModel::MaxPendingBlocks + 2);
        for (int b = 0; b < blocks; ++b)
            (void)model.data(model.index(b * rows + 1, 1));
        QTRY_VERIFY_WITH_TIMEOUT(model.isIdle(), 10'000);
        int loaded = 0;
        for (int b = 0; b < blocks; ++b)
            loaded += model.isRowLoaded(b * rows + 1) ? 1 : 0;
        // (The loader may have read the first one before the others were asked for.)
        QVERIFY2(loaded <= models::OrdersModel::MaxPendingBlocks + 1, qPrintable(QString::number(loaded)));
        QVERIFY(model.isRowLoaded((blocks - 1) * rows + 1)); // where the view is now
        // A called-off block is read when the view comes back to it.
        (void)model.data(model.index(rows + 1, 1));
        QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(rows + 1), 10'000);
    }

    void aScanningCountShowsRowsFirst()
    {
        // Amounts have no index: the first count stops at BoundedCount so rows show at once, and
        // the exact count follows on the ladder's thread.
        models::OrdersModel model(*m_source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(model.isIdle() && model.totalCount() > 0, 10'000);
        QSignalSpy counts(&model, &models::OrdersModel::countChanged);
        OrderFilter f;
        f.amountMin = 1;
        model.setFilter(f);
        const qint64 exact =
            scalar(u"SELECT COUNT(*) FROM orders WHERE amount >= 1 AND id <= (SELECT MAX(id) FROM orders)"_s);
        QVERIFY(exact > models::OrdersModel::BoundedCount);
        QTRY_VERIFY_WITH_TIMEOUT(model.isIdle() && model.totalCount() == exact, 10'000);
        QCOMPARE(counts.first().first().toLongLong(), qint64(models::OrdersModel::BoundedCount));
        QCOMPARE(counts.last().first().toLongLong(), exact);
    }
};

QTEST_GUILESS_MAIN(TstOrdersModel)
#include "tst_ordersmodel.moc"
