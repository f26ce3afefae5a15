#include "storage/goodsbulk.h"
#include "syncfixture.h"

using namespace syncfixture;
namespace bulk = cardops::storage::goodsbulk;

// Bulk operations on goods (issue #9 item 6) against the real simulator: staged as outbox edits,
// undone until synced, and what the platform accepted stays.
class TestGoodsBulk : public QObject
{
    Q_OBJECT
private:
    static QList<qint64> firstGoods(Shop& shop, int n)
    {
        QList<qint64> ids;
        storage::ReadSession read(*shop.db);
        const auto rows = read.select(u"SELECT id FROM goods WHERE status = 'on' ORDER BY id LIMIT ?"_s, {n});
        for (const auto& r : rows.value())
            ids << r.value(0).toLongLong();
        return ids;
    }

    core::Result<bulk::Staged> stage(Shop& shop, const QList<qint64>& ids, bulk::Field f, const QJsonValue& v)
    {
        const core::Actor actor = shop.admin;
        return shop.write<bulk::Staged>(
            [=](storage::WriteContext& ctx) { return bulk::stage(ctx, actor, ids, f, v); });
    }

    core::Result<bulk::Undone> undo(Shop& shop, const QList<qint64>& outboxIds)
    {
        const core::Actor actor = shop.admin;
        return shop.write<bulk::Undone>(
            [=](storage::WriteContext& ctx) { return bulk::undo(ctx, actor, outboxIds); });
    }

private Q_SLOTS:
    void stageUndoBeforeSync()
    {
        Shop shop;
        QVERIFY(shop.start());
        QVERIFY(shop.round().ok());
        const QList<qint64> ids = firstGoods(shop, 5);
        QCOMPARE(ids.size(), 5);

        // One of them already off: skipped; a duplicate id and a missing one are counted apart.
        QVERIFY(shop.stage(u"goods"_s, ids.at(0), QJsonObject{{u"status"_s, u"off"_s}}).ok());
        auto staged = stage(shop, ids + QList<qint64>{ids.at(1), 999'999'999}, bulk::Field::Status, u"off"_s);
        QVERIFY2(staged.ok(), staged.ok() ? "" : qPrintable(staged.error().detail));
        QCOMPARE(staged->outboxIds.size(), 4);
        QCOMPARE(staged->unchanged, 1);
        QCOMPARE(staged->missing, 1);
        QCOMPARE(shop.scalar(u"SELECT count(*) FROM goods WHERE status = 'off' AND id IN (%1)"_s.arg(
                     QStringList{QString::number(ids[0]), QString::number(ids[1]), QString::number(ids[2]),
                                 QString::number(ids[3]), QString::number(ids[4])}
                         .join(u','))),
                 5);
        QCOMPARE(shop.scalar(u"SELECT count(*) FROM audit_log WHERE action = 'edit' AND entity = 'goods'"_s)
                     .toInt(),
                 5);

        auto undone = undo(shop, staged->outboxIds);
        QVERIFY(undone.ok());
        QCOMPARE(undone->undone, 4);
        QCOMPARE(undone->alreadySynced, 0);
        // The platform's values again, except the earlier single edit, which stays.
        for (qsizetype i = 1; i < ids.size(); ++i)
            QCOMPARE(shop.scalar(u"SELECT status FROM goods WHERE id = ?"_s, {ids.at(i)}).toString(),
                     u"on"_s);
        QCOMPARE(shop.scalar(u"SELECT status FROM goods WHERE id = ?"_s, {ids.at(0)}).toString(), u"off"_s);
        QCOMPARE(shop.scalar(u"SELECT count(*) FROM outbox WHERE state = 'dropped'"_s).toInt(), 4);
        QCOMPARE(shop.scalar(u"SELECT count(*) FROM audit_log WHERE action = 'outbox.drop'"_s).toInt(), 4);
        storage::ReadSession read(*shop.db);
        QCOMPARE(bulk::undoable(read, staged->outboxIds).value(), 0);
        // A second undo of the same batch changes nothing.
        QCOMPARE(undo(shop, staged->outboxIds)->undone, 0);

        // The rest syncs; the cache equals the platform, which has only the single edit.
        QVERIFY(shop.round().ok());
        QVERIFY(!shop.server.state().goods().isEmpty());
        COMPARE_WITH_SIMULATOR(shop);
        QCOMPARE(shop.scalar(u"SELECT value FROM counters WHERE name = 'low_stock'"_s).toLongLong(),
                 shop.scalar(u"SELECT count(*) FROM goods WHERE status = 'on' AND stock_available < "
                             u"low_stock_threshold"_s)
                     .toLongLong());
    }

    void whatSyncedStays()
    {
        Shop shop;
        QVERIFY(shop.start());
        QVERIFY(shop.round().ok());
        const QList<qint64> ids = firstGoods(shop, 4);
        auto first = stage(shop, ids.mid(0, 2), bulk::Field::Threshold, 77);
        QVERIFY(first.ok());
        const sync::RoundSummary pushed = shop.round();
        QVERIFY(pushed.ok());
        QCOMPARE(pushed.pushed, 2);
        auto second = stage(shop, ids, bulk::Field::Owner, u"cardops"_s);
        QVERIFY(second.ok());
        QCOMPARE(second->outboxIds.size(),
                 shop.scalar(u"SELECT count(*) FROM outbox WHERE state = 'pending'"_s).toLongLong());

        auto late = undo(shop, first->outboxIds);
        QVERIFY(late.ok());
        QCOMPARE(late->undone, 0);
        QCOMPARE(late->alreadySynced, 2);
        auto now = undo(shop, second->outboxIds);
        QCOMPARE(now->undone, second->outboxIds.size());
        QVERIFY(shop.round().ok());
        for (qint64 id : ids.mid(0, 2))
            QCOMPARE(shop.scalar(u"SELECT low_stock_threshold FROM goods WHERE id = ?"_s, {id}).toLongLong(),
                     77);
        COMPARE_WITH_SIMULATOR(shop);
    }

    void badValuesAreRefused_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<int>("code");
        const int invalid = int(core::ErrorCode::InvalidArgument);
        QTest::addRow("status") << int(bulk::Field::Status) << QJsonValue(u"maybe"_s) << invalid;
        QTest::addRow("status number") << int(bulk::Field::Status) << QJsonValue(1) << invalid;
        QTest::addRow("owner") << int(bulk::Field::Owner) << QJsonValue(u"shop"_s) << invalid;
        QTest::addRow("threshold negative") << int(bulk::Field::Threshold) << QJsonValue(-1) << invalid;
        QTest::addRow("threshold text") << int(bulk::Field::Threshold) << QJsonValue(u"5"_s) << invalid;
        QTest::addRow("threshold huge") << int(bulk::Field::Threshold) << QJsonValue(2e9) << invalid;
        QTest::addRow("category missing")
            << int(bulk::Field::Category) << QJsonValue(987654) << int(core::ErrorCode::NotFound);
    }
    void badValuesAreRefused()
    {
        QFETCH(int, field);
        QFETCH(QJsonValue, value);
        QFETCH(int, code);
        Shop shop;
        QVERIFY(shop.start());
        QVERIFY(shop.round().ok());
        auto r = stage(shop, firstGoods(shop, 3), bulk::Field(field), value);
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().code), code);
        QCOMPARE(shop.scalar(u"SELECT count(*) FROM outbox"_s).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGoodsBulk)
#include "tst_goodsbulk.moc"
