#include "app/gui/consoleapp.h"
#include "app/gui/consolesession.h"
#include "core/purchase.h"
#include "models/restockbackend.h"
#include "models/restockinfo.h"
#include "storage/database.h"
#include "storage/purchases.h"
#include "storage/readsession.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;

// 一键补货 end to end on the demo profile: the restock figures of a linked card goods, then a
// purchase from the demo's supplier through the purchases ledger and the upload of the bought
// cards to the simulated platform's stock; the purchase ends delivered (its sealed copy dropped).
class TestConsoleRestock : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_root;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QStandardPaths::setTestModeEnabled(true);
    }

    void restockBuysAndUploads()
    {
        app::ConsoleApp console(m_root.path(), u"en"_s);
        QSignalSpy synced(&console, &models::ConsoleBackend::syncFinished);
        QVERIFY(console.openProfile(u"demo"_s).ok());
        QVERIFY(synced.wait(120'000) || !synced.isEmpty());
        models::RestockBackend* restock = console.restocker();
        QVERIFY(restock);
        QString why;
        QTRY_VERIFY2_WITH_TIMEOUT(restock->canRestock(&why), qPrintable(why), 60'000);

        // A card goods whose first link a docked supplier lists, on sale, with a known cost.
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        models::RestockInfo chosen;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                storage::ReadSession read(console.session()->database());
                auto rows =
                    read.select(u"SELECT id FROM goods WHERE kind = 'card' AND supplier_links <> '[]' "
                                u"ORDER BY id"_s);
                for (const auto& r : rows.valueOr({})) {
                    const auto info = models::readRestockInfo(read, r.value(0).toLongLong(), now);
                    if (info.ok && !info.goods.supplierId.isEmpty() && info.goods.onSale && info.goods.cost &&
                        info.suggestion) {
                        chosen = info;
                        return true;
                    }
                }
                return false;
            }(),
            60'000);
        QCOMPARE(chosen.goods.kind, u"card"_s);

        models::RestockResult result;
        bool answered = false;
        QSignalSpy steps(restock, &models::RestockBackend::progress);
        restock->restock(chosen.goods.goodsId, chosen.goods.protocol, chosen.goods.productRef, 3, this,
                         [&](models::RestockResult r) {
                             result = r;
                             answered = true;
                         });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 90'000);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.bought, 3);
        QCOMPARE(result.added, 3);
        QCOMPARE(result.duplicate + result.invalid, 0);
        QVERIFY(result.stockAfter >= 3);
        QVERIFY(steps.size() >= 2); // buying, uploading
        QCOMPARE(result.purchaseState, core::purchaseStateCode(core::PurchaseState::Delivered));

        storage::ReadSession read(console.session()->database());
        const auto purchase = storage::purchases::find(read, result.purchaseId);
        QVERIFY(purchase.ok() && purchase->has_value());
        QCOMPARE((*purchase)->state, core::PurchaseState::Delivered);
        QCOMPARE((*purchase)->orderId, 0);
        QCOMPARE((*purchase)->quantity, 3);
        QVERIFY(!(*purchase)->holdsSecret);

        // Refused before anything is bought: nothing recorded.
        const qint64 purchases =
            read.select(u"SELECT count(*) FROM purchases"_s)->first().value(0).toLongLong();
        answered = false;
        restock->restock(chosen.goods.goodsId, u"nosuch"_s, chosen.goods.productRef, 3, this,
                         [&](models::RestockResult r) {
                             result = r;
                             answered = true;
                         });
        QTRY_VERIFY(answered);
        QVERIFY(!result.ok);
        QVERIFY(!result.error.isEmpty());
        QCOMPARE(read.select(u"SELECT count(*) FROM purchases"_s)->first().value(0).toLongLong(), purchases);
    }

    // 新建分类: made by the platform (keyed POST), in the cache at once, last among its siblings.
    void categoriesAreCreatedOnThePlatform()
    {
        app::ConsoleApp console(m_root.path(), u"en"_s);
        QSignalSpy synced(&console, &models::ConsoleBackend::syncFinished);
        QVERIFY(console.openProfile(u"demo"_s).ok());
        QVERIFY(synced.wait(120'000) || !synced.isEmpty());
        const auto scalar = [&](const QString& sql, const QVariantList& binds = {}) {
            storage::ReadSession read(console.session()->database());
            auto rows = read.select(sql, binds);
            return rows && !rows->isEmpty() ? rows->first().value(0) : QVariant();
        };
        const auto create = [&](const QString& name, qint64 parent) {
            QString error = u"no answer"_s;
            bool answered = false;
            console.createCategory(name, parent, this, [&](const QString& e) {
                error = e;
                answered = true;
            });
            if (!QTest::qWaitFor([&] { return answered; }, 30'000))
                return u"timeout"_s;
            return error;
        };
        const qint64 topBefore = scalar(u"SELECT count(*) FROM categories WHERE parent_id = 0"_s).toLongLong();
        const qint64 maxSort = scalar(u"SELECT max(sort) FROM categories WHERE parent_id = 0"_s).toLongLong();
        QCOMPARE(create(u"  节日礼品卡 "_s, 0), QString());
        const qint64 id = scalar(u"SELECT id FROM categories WHERE name = '节日礼品卡'"_s).toLongLong();
        QVERIFY(id > 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM categories WHERE parent_id = 0"_s).toLongLong(), topBefore + 1);
        QCOMPARE(scalar(u"SELECT sort FROM categories WHERE id = ?"_s, {id}).toLongLong(), maxSort + 1);
        QCOMPARE(scalar(u"SELECT count(*) FROM audit_log WHERE action = 'category.create' AND entity_id = ?"_s,
                        {QString::number(id)})
                     .toInt(),
                 1);
        QCOMPARE(create(u"春节"_s, id), QString());
        QCOMPARE(scalar(u"SELECT parent_id FROM categories WHERE name = '春节'"_s).toLongLong(), id);
        QCOMPARE(scalar(u"SELECT sort FROM categories WHERE name = '春节'"_s).toLongLong(), 0);
        // Refused before any call: no name, or a parent the cache does not hold.
        QVERIFY(!create(u"  "_s, 0).isEmpty());
        QVERIFY(!create(u"孤儿"_s, 987'654).isEmpty());
        QCOMPARE(scalar(u"SELECT count(*) FROM categories WHERE name = '孤儿'"_s).toInt(), 0);
        // The next sync agrees: nothing duplicated.
        synced.clear();
        console.syncNow();
        QVERIFY(synced.wait(60'000));
        QCOMPARE(scalar(u"SELECT count(*) FROM categories WHERE name IN ('节日礼品卡', '春节')"_s).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestConsoleRestock)
#include "tst_consolerestock.moc"
