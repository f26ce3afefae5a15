#include "core/clock.h"
#include "generatedcache.h"
#include "models/datasource.h"
#include "models/listmodel.h"
#include "storage/counters.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QAbstractItemModelTester>
#include <QtTest>
#include <memory>

using namespace cardops;
using namespace Qt::StringLiterals;
using storage::ListKind;

// The windowed list model over a generated cache: counts, windows and keys against plain SQL,
// search, filter and sort in SQL, stale answers dropped, live commits, all under the model tester.
class TstListModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    core::SystemClock m_clock;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<models::DataSource> m_source;

    qint64 scalar(const QString& sql, const QVariantList& binds = {})
    {
        storage::ReadSession read(m_path);
        auto rows = read.select(sql, binds);
        if (!rows || rows->isEmpty())
            return -1;
        return rows->first().value(0).toLongLong();
    }

    std::unique_ptr<models::ListModel> make(ListKind kind)
    {
        auto model = std::make_unique<models::ListModel>(*m_source, kind);
        new QAbstractItemModelTester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     model.get());
        return model;
    }

    // Waits for the count and for `row` to be loaded; returns its key.
    QVariant keyAt(models::ListModel& model, int row)
    {
        if (!QTest::qWaitFor([&] { return model.isIdle() && model.totalCount() >= 0; }, 10'000))
            return {};
        (void)model.data(model.index(row, 0)); // asks for the row's block
        if (!QTest::qWaitFor([&] { return model.isRowLoaded(row); }, 10'000))
            return {};
        return model.rowKey(row);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = generatedcache::build(m_dir, 3000);
        QVERIFY(!m_path.isEmpty());
        auto db = storage::Database::open(m_path, m_clock);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().detail));
        m_db = std::move(db).value();
        m_source = std::make_unique<models::DataSource>(m_path, &m_db->writer());
    }

    void countsMatchTheTables_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("table");
        QTest::newRow("orders") << int(ListKind::Orders) << u"orders"_s;
        QTest::newRow("goods") << int(ListKind::Goods) << u"goods"_s;
        QTest::newRow("members") << int(ListKind::Members) << u"members"_s;
        QTest::newRow("daily") << int(ListKind::DailyTotals) << u"daily_totals"_s;
        QTest::newRow("audit") << int(ListKind::AuditLog) << u"audit_log"_s;
    }
    void countsMatchTheTables()
    {
        QFETCH(int, kind);
        QFETCH(QString, table);
        auto model = make(ListKind(kind));
        QTRY_VERIFY_WITH_TIMEOUT(model->totalCount() >= 0, 10'000);
        QCOMPARE(model->totalCount(), scalar(u"SELECT COUNT(*) FROM "_s + table));
        QCOMPARE(model->rowCount(), int(model->totalCount()));
    }

    void windowsFollowTheIndexOrder()
    {
        auto model = make(ListKind::Orders);
        QCOMPARE(keyAt(*model, 0).toLongLong(),
                 scalar(u"SELECT id FROM orders ORDER BY created_at DESC, id DESC LIMIT 1"_s));
        const int last = model->rowCount() - 1;
        QCOMPARE(keyAt(*model, last).toLongLong(),
                 scalar(u"SELECT id FROM orders ORDER BY created_at, id LIMIT 1"_s));
        const int middle = model->rowCount() / 2 + 7; // not on a block boundary
        QCOMPARE(
            keyAt(*model, middle).toLongLong(),
            scalar(u"SELECT id FROM orders ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?"_s, {middle}));
        // A row not loaded yet shows a placeholder, never another row's data.
        QVERIFY(!model->isRowLoaded(middle + models::ListModel::BlockRows * 3));
        QCOMPARE(
            model->index(middle + models::ListModel::BlockRows * 3, 1).data(models::ListModel::LoadedRole),
            false);
    }

    void searchUsesThePrefixRange()
    {
        auto model = make(ListKind::Orders);
        QVERIFY(keyAt(*model, 0).isValid());
        const QString no = model->index(0, model->columnOf(u"order_no"_s)).data().toString();
        QVERIFY(no.size() > 8);
        const QString prefix = no.left(no.size() - 2);
        model->setSearch(prefix);
        QVERIFY(keyAt(*model, 0).isValid());
        QCOMPARE(model->totalCount(),
                 scalar(u"SELECT COUNT(*) FROM orders WHERE substr(order_no, 1, ?) = ?"_s,
                        {prefix.size(), prefix}));
        QVERIFY(model->totalCount() >= 1);
        for (int row = 0; row < model->rowCount(); ++row)
            QVERIFY(model->index(row, model->columnOf(u"order_no"_s)).data().toString().startsWith(prefix));
    }

    void filterAndCounterAgree()
    {
        auto model = make(ListKind::Orders);
        model->setFilter(u"refunded"_s);
        QTRY_VERIFY_WITH_TIMEOUT(model->isIdle() && model->totalCount() >= 0, 10'000);
        QCOMPARE(model->totalCount(), scalar(u"SELECT COUNT(*) FROM orders WHERE status = 'refunded'"_s));
        QVERIFY(model->totalCount() > 0);
        QVERIFY(keyAt(*model, 0).isValid());
        QCOMPARE(model->index(0, model->columnOf(u"status"_s)).data(models::ListModel::RawRole).toString(),
                 u"refunded"_s);
    }

    void onlyIndexedColumnsSort()
    {
        auto model = make(ListKind::Orders);
        QVERIFY(keyAt(*model, 0).isValid());
        const QVariant newest = model->rowKey(0);
        model->sort(model->columnOf(u"amount"_s), Qt::AscendingOrder); // not indexed: nothing changes
        QCOMPARE(model->rowKey(0), newest);
        QCOMPARE(model->sortColumn(), model->columnOf(u"created_at"_s));
        model->sort(model->columnOf(u"id"_s), Qt::AscendingOrder);
        QCOMPARE(keyAt(*model, 0).toLongLong(), scalar(u"SELECT MIN(id) FROM orders"_s));
        QVERIFY(
            !model->headerData(model->columnOf(u"amount"_s), Qt::Horizontal, models::ListModel::SortableRole)
                 .toBool());
    }

    void goodsAndMembersSearch()
    {
        auto goods = make(ListKind::Goods);
        QVERIFY(keyAt(*goods, 0).isValid());
        const QString sku = goods->index(0, goods->columnOf(u"sku"_s)).data().toString();
        goods->setSearch(sku);
        QVERIFY(keyAt(*goods, 0).isValid());
        QCOMPARE(goods->totalCount(),
                 scalar(u"SELECT COUNT(*) FROM goods WHERE substr(sku, 1, ?) = ? OR instr(name, ?) > 0"_s,
                        {sku.size(), sku, sku}));
        // LIKE wildcards typed by the operator are literal characters.
        goods->setSearch(u"%_%"_s);
        QTRY_VERIFY_WITH_TIMEOUT(goods->isIdle() && goods->totalCount() >= 0, 10'000);
        QCOMPARE(goods->totalCount(), scalar(u"SELECT COUNT(*) FROM goods WHERE instr(name, '%_%') > 0"_s));

        auto members = make(ListKind::Members);
        const qint64 id = scalar(u"SELECT id FROM members ORDER BY id DESC LIMIT 1 OFFSET 5"_s);
        members->setSearch(QString::number(id));
        QVERIFY(keyAt(*members, 0).isValid());
        bool found = false;
        for (int row = 0; row < members->rowCount(); ++row)
            found = found || members->rowKey(row).toLongLong() == id;
        QVERIFY(found);
        members->setFilter(u"agent"_s);
        QTRY_VERIFY_WITH_TIMEOUT(members->isIdle() && members->totalCount() >= 0, 10'000);
        QCOMPARE(
            members->totalCount(),
            scalar(u"SELECT COUNT(*) FROM members WHERE kind = 'agent' AND (id = ? OR instr(name, ?) > 0 OR "
                   u"instr(contact, ?) > 0)"_s,
                   {id, QString::number(id), QString::number(id)}));
    }

    void lowStockFilterMatchesItsCounter()
    {
        auto goods = make(ListKind::Goods);
        goods->setFilter(u"low_stock"_s);
        QTRY_VERIFY_WITH_TIMEOUT(goods->isIdle() && goods->totalCount() >= 0, 10'000);
        storage::ReadSession read(m_path);
        QCOMPARE(goods->totalCount(), storage::counters::read(read, storage::counters::LowStock).valueOr(-1));
        QVERIFY(goods->totalCount() > 0);
    }

    void staleAnswersAreDropped()
    {
        auto model = make(ListKind::Orders);
        // Three queries in a row without waiting: only the last one's answers may land.
        model->setFilter(u"delivered"_s);
        model->setFilter(u"review"_s);
        model->setSearch(u"9"_s);
        QTRY_VERIFY_WITH_TIMEOUT(model->isIdle() && model->totalCount() >= 0, 10'000);
        QCOMPARE(
            model->totalCount(),
            scalar(
                u"SELECT COUNT(*) FROM orders WHERE status = 'review' AND substr(order_no, 1, 1) = '9'"_s));
    }

    void aCommitRefreshesCountAndRows()
    {
        auto model = make(ListKind::Orders);
        QVERIFY(keyAt(*model, 0).isValid());
        const qint64 before = model->totalCount();
        const qint64 newId = scalar(u"SELECT MAX(id) FROM orders"_s) + 1;
        const qint64 newest = scalar(u"SELECT MAX(created_at) FROM orders"_s) + 60;
        auto written =
            m_db->writer().submit(u"test.newOrder"_s, [=](storage::WriteContext& ctx) -> core::Result<void> {
                auto r = ctx.exec(
                    u"INSERT INTO orders SELECT ?, '99999999999999999999', member_id, goods_id, quantity, "
                    u"unit_price, amount, paid_amount, cost_at_order, pay_channel, charge_account, contact, "
                    u"status, handed_over, review_reason, delivered_at, revealed_at, refund_amount, ?, "
                    u"paid_at, "
                    u"version, updated_at FROM orders LIMIT 1"_s,
                    {newId, newest});
                if (!r)
                    return r.error();
                ctx.touch(u"orders"_s);
                return ctx.addToCounter(storage::counters::OrdersTotal, 1);
            });
        written.waitForFinished();
        QVERIFY(written.result().ok());
        QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), before + 1, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowKey(0).toLongLong(), newId, 10'000);
    }

    void changesAreCoalesced()
    {
        QSignalSpy spy(m_source.get(), &models::DataSource::tablesChanged);
        m_source->scheduleChanged({u"orders"_s});
        m_source->scheduleChanged({u"counters"_s});
        QCOMPARE(spy.count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 5'000);
        QCOMPARE(spy.first().first().value<QSet<QString>>(), (QSet<QString>{u"orders"_s, u"counters"_s}));
    }

    void aRefreshKeepsOnlyTheBlocksNearTheView()
    {
        auto model = make(ListKind::Orders);
        constexpr int rows = models::ListModel::BlockRows;
        // The view scrolls down through six blocks; the last ones it showed are kept.
        for (int block = 2; block <= 12; block += 2)
            QVERIFY(keyAt(*model, block * rows + 5).isValid());
        m_source->notifyChanged({u"orders"_s});
        QVERIFY(!model->isRowLoaded(2 * rows + 5)); // dropped, not read again
        QVERIFY(!model->isRowLoaded(4 * rows + 5));
        QVERIFY(model->isRowLoaded(12 * rows + 5)); // kept on screen while its fresh copy comes
        QVERIFY(model->isRowLoaded(10 * rows + 5));
        QTRY_VERIFY_WITH_TIMEOUT(model->isIdle(), 10'000);
        QVERIFY(!model->isRowLoaded(2 * rows + 5));
        QVERIFY(model->isRowLoaded(12 * rows + 5));
    }

    // Last: it deletes rows. A block that answers fewer rows than the count promised (the list
    // shrank in between, unannounced) makes the model count again instead of asking for the
    // block forever.
    void aShortBlockRecounts()
    {
        auto model = make(ListKind::Members);
        model->setFilter(u"consumer"_s); // counted with COUNT(*), not from a counter
        QTRY_VERIFY_WITH_TIMEOUT(model->isIdle() && model->totalCount() >= 0, 10'000);
        const qint64 before = model->totalCount();
        QVERIFY(before > models::ListModel::BlockRows);
        auto written =
            m_db->writer().submit(u"test.shrink"_s, [](storage::WriteContext& ctx) -> core::Result<void> {
                auto r = ctx.exec(u"DELETE FROM members WHERE kind = 'consumer' AND id NOT IN "
                                  u"(SELECT id FROM members WHERE kind = 'consumer' ORDER BY id LIMIT 10)"_s);
                return r ? core::Result<void>() : core::Result<void>(r.error());
            });
        written.waitForFinished();
        QVERIFY(written.result().ok());
        QCOMPARE(model->totalCount(), before); // nobody told the model
        (void)model->data(model->index(int(before) - 1, 1));
        QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), 10, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(model->isIdle(), 10'000);
        QCOMPARE(model->rowCount(), 10);
    }
};

QTEST_GUILESS_MAIN(TstListModel)
#include "tst_listmodel.moc"
