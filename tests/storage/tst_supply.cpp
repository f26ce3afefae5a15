#include "cachefixture.h"
#include "storage/consolestatus.h"
#include "storage/counters.h"
#include "storage/platformcache.h"
#include "storage/schema.h"
#include "storage/supply.h"
#include "storage/writecontext.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using storage::WriteContext;
namespace supply = storage::supply;

// The supplier mirror: balances with the 上游余额不足 counter, the catalogue upsert that keeps
// delisted products off sale, goods linked to the mirror with their margins, the v6 → v7 step.
class TstSupply : public QObject
{
    Q_OBJECT

    static supply::MirroredProduct product(const QString& id, std::optional<qint64> cost, bool onSale = true)
    {
        supply::MirroredProduct p;
        p.productId = id;
        p.name = u"商品 "_s + id;
        p.cost = cost;
        p.stockLevel = u"plenty"_s;
        p.onSale = onSale;
        return p;
    }

    static core::Goods linkedGoods(qint64 id, qint64 price, const QByteArray& links)
    {
        core::Goods g = cachefixture::goods(id, 1);
        g.name = u"货品%1"_s.arg(id);
        g.price = core::Money::fromUnits(price);
        g.supplierLinks = links;
        return g;
    }

    static QList<supply::SupplierStatus> readStatuses(cachefixture::Cache& cache)
    {
        storage::ReadSession read(*cache.db_);
        auto s = supply::statuses(read);
        return s ? s.value() : QList<supply::SupplierStatus>();
    }

    template<typename F> static bool ok(cachefixture::Cache& cache, F body)
    {
        auto r = cache.run<void>(body);
        if (!r)
            qWarning() << r.error().detail;
        return r.ok();
    }

private Q_SLOTS:
    // Every balance that differs from the last logged one is appended to supplier_balance_log.
    void balanceLog()
    {
        cachefixture::Cache cache;
        QVERIFY(cache.open());
        for (const auto& [balance, at] : QList<std::pair<qint64, qint64>>{{500, 100}, {500, 110}, {400, 120},
                                                                           {500, 130}}) {
            QVERIFY(ok(cache, [balance, at](WriteContext& ctx) {
                return supply::recordBalance(ctx, u"fulu-main"_s, u"fulu"_s, balance, u"商户"_s, at);
            }));
        }
        QVERIFY(ok(cache, [](WriteContext& ctx) {
            return supply::recordBalance(ctx, u"acg"_s, u"acg-faka"_s, 500, u"店铺"_s, 110);
        }));
        QCOMPARE(cache.scalar(u"SELECT group_concat(at || ':' || balance, ' ') FROM (SELECT * FROM "
                              u"supplier_balance_log WHERE supplier_id = 'fulu-main' ORDER BY at)"_s)
                     .toString(),
                 u"100:500 120:400 130:500"_s);
        QCOMPARE(cache.scalar(u"SELECT count(*) FROM supplier_balance_log WHERE supplier_id = 'acg'"_s).toInt(), 1);
    }

    void balanceAndCounter()
    {
        cachefixture::Cache cache;
        QVERIFY(cache.open());
        QVERIFY(ok(cache, [](WriteContext& ctx) {
            return supply::recordBalance(ctx, u"fulu-main"_s, u"fulu"_s, 50'000'000, u"测试商户"_s, 100);
        }));
        QVERIFY(ok(cache, [](WriteContext& ctx) {
            return supply::recordBalance(ctx, u"acg-main"_s, u"acg-faka"_s, 999'999, u"店铺"_s, 100);
        }));
        auto s = readStatuses(cache);
        QCOMPARE(s.size(), 2);
        QCOMPARE(s[0].supplierId, u"acg-main"_s);
        QCOMPARE(s[0].lowBalanceThreshold, supply::kDefaultLowBalanceThreshold);
        QVERIFY(s[0].balanceLow());
        QVERIFY(!s[1].balanceLow());
        QCOMPARE(s[1].accountName, u"测试商户"_s);
        QCOMPARE(cache.counter(storage::counters::SupplierBalanceLow), 1);

        // Exactly at the threshold is not below it; the same low balance twice counts once.
        QVERIFY(ok(cache, [](WriteContext& ctx) {
            return supply::recordBalance(ctx, u"acg-main"_s, u"acg-faka"_s, 1'000'000, u"店铺"_s, 110);
        }));
        QCOMPARE(cache.counter(storage::counters::SupplierBalanceLow), 0);
        for (int i = 0; i < 2; ++i)
            QVERIFY(ok(cache, [](WriteContext& ctx) {
                return supply::recordBalance(ctx, u"acg-main"_s, u"acg-faka"_s, 5, u"店铺"_s, 120);
            }));
        QCOMPARE(cache.counter(storage::counters::SupplierBalanceLow), 1);

        // Thresholds move the counter both ways, in the same job.
        QVERIFY(ok(cache,
                   [](WriteContext& ctx) { return supply::setLowBalanceThreshold(ctx, u"acg-main"_s, 0); }));
        QCOMPARE(cache.counter(storage::counters::SupplierBalanceLow), 0);
        QVERIFY(ok(cache, [](WriteContext& ctx) {
            return supply::setLowBalanceThreshold(ctx, u"fulu-main"_s, 60'000'000);
        }));
        QCOMPARE(cache.counter(storage::counters::SupplierBalanceLow), 1);
        QVERIFY(
            !ok(cache, [](WriteContext& ctx) { return supply::setLowBalanceThreshold(ctx, u"x"_s, -1); }));

        // A threshold set before the first check: no balance yet, so not low.
        QVERIFY(
            ok(cache, [](WriteContext& ctx) { return supply::setLowBalanceThreshold(ctx, u"new"_s, 5); }));
        QCOMPARE(cache.counter(storage::counters::SupplierBalanceLow), 1);

        QVERIFY(ok(cache, [](WriteContext& ctx) { return supply::removeSupplier(ctx, u"fulu-main"_s); }));
        QCOMPARE(cache.counter(storage::counters::SupplierBalanceLow), 0);
        QCOMPARE(readStatuses(cache).size(), 2);
    }

    void errorKeepsBalance()
    {
        cachefixture::Cache cache;
        QVERIFY(cache.open());
        QVERIFY(ok(cache, [](WriteContext& ctx) {
            return supply::recordBalance(ctx, u"acg"_s, u"acg-faka"_s, 10, u"店铺"_s, 100);
        }));
        QVERIFY(ok(cache, [](WriteContext& ctx) {
            return supply::recordError(ctx, u"acg"_s, u"acg-faka"_s, u"Timeout: no answer"_s, 200);
        }));
        auto s = readStatuses(cache);
        QCOMPARE(s.size(), 1);
        QCOMPARE(s[0].balance, std::optional<qint64>(10));
        QCOMPARE(s[0].balanceAt, 100);
        QCOMPARE(s[0].checkedAt, 200);
        QCOMPARE(s[0].lastError, u"Timeout: no answer"_s);
        QCOMPARE(cache.counter(storage::counters::SupplierBalanceLow), 1);
        QVERIFY(ok(cache, [](WriteContext& ctx) {
            return supply::recordBalance(ctx, u"acg"_s, u"acg-faka"_s, 20'000'000, u"店铺"_s, 300);
        }));
        s = readStatuses(cache);
        QVERIFY(s[0].lastError.isEmpty());
        QCOMPARE(cache.counter(storage::counters::SupplierBalanceLow), 0);

        // An error for a supplier never checked: a row with no balance.
        QVERIFY(ok(cache, [](WriteContext& ctx) {
            return supply::recordError(ctx, u"fulu"_s, u"fulu"_s, u"Auth"_s, 400);
        }));
        s = readStatuses(cache);
        QCOMPARE(s.size(), 2);
        QVERIFY(!s[1].balance.has_value());
        QVERIFY(!s[1].balanceLow());
    }

    void catalogueUpsertMarksDelistedOffSale()
    {
        cachefixture::Cache cache;
        QVERIFY(cache.open());
        QVERIFY(ok(cache, [](WriteContext& ctx) {
            return supply::mirrorCatalogue(ctx, u"acg"_s,
                                           {product(u"A"_s, 100), product(u"B"_s, std::nullopt)}, 10);
        }));
        QVERIFY(ok(cache, [](WriteContext& ctx) {
            return supply::mirrorCatalogue(ctx, u"acg"_s, {product(u"B"_s, 200), product(u"C"_s, 300, false)},
                                           20);
        }));
        storage::ReadSession read(*cache.db_);
        auto p = supply::products(read, u"acg"_s);
        QVERIFY(p.ok());
        QCOMPARE(p->size(), 3);
        QCOMPARE(p->at(0).productId, u"A"_s);
        QVERIFY(!p->at(0).onSale);
        QCOMPARE(p->at(0).refreshedAt, 10);
        QCOMPARE(p->at(1).cost, std::optional<qint64>(200));
        QVERIFY(p->at(1).onSale);
        QCOMPARE(p->at(1).refreshedAt, 20);
        QVERIFY(!p->at(2).onSale);
        auto s = readStatuses(cache);
        QCOMPARE(s.size(), 1);
        QCOMPARE(s[0].productCount, 2); // B and C are in the last catalogue
        // Another supplier's mirror is untouched by this one's refresh.
        QVERIFY(
            ok(cache, [](WriteContext& ctx) { return supply::mirrorCatalogue(ctx, u"other"_s, {}, 30); }));
        QCOMPARE(supply::products(read, u"acg"_s)->at(1).onSale, true);
    }

    void linkedGoodsJoinTheMirror()
    {
        cachefixture::Cache cache;
        QVERIFY(cache.open());
        const QList<core::Goods> goods = {
            linkedGoods(1, 1'000'000, R"([{"protocol":"fulu","product_ref":"10000587","priority":1}])"),
            linkedGoods(2, 500'000,
                        R"([{"protocol":"fulu","product_ref":"10000586","priority":1},)"
                        R"({"protocol":"acgfaka","product_ref":"8AE80574F3CA","priority":2}])"),
            linkedGoods(3, 300'000, R"([{"protocol":"acg-faka","product_ref":"NOTMIRRORED","priority":1}])"),
            linkedGoods(4, 300'000, "[]"),
        };
        QVERIFY(cache
                    .run<storage::IngestStats>(
                        [&](WriteContext& ctx) { return storage::platformcache::applyGoods(ctx, goods); })
                    .ok());
        QVERIFY(ok(cache, [](WriteContext& ctx) -> core::Result<void> {
            if (auto r = supply::recordBalance(ctx, u"fulu-main"_s, u"fulu"_s, 1, u""_s, 1); !r)
                return r;
            if (auto r = supply::recordBalance(ctx, u"acg-main"_s, u"acg-faka"_s, 1, u""_s, 1); !r)
                return r;
            if (auto r = supply::mirrorCatalogue(
                    ctx, u"fulu-main"_s, {product(u"10000587"_s, 950'000), product(u"10000586"_s, 520'000)},
                    1);
                !r)
                return r;
            return supply::mirrorCatalogue(ctx, u"acg-main"_s, {product(u"8AE80574F3CA"_s, 480'000)}, 1);
        }));
        storage::ReadSession read(*cache.db_);
        auto rows = supply::linkedGoods(read, {}, 100);
        QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().detail));
        QCOMPARE(rows->size(), 4);
        // The negative margin (cost 52 above price 50) comes first.
        QCOMPARE(rows->at(0).goodsId, 2);
        QCOMPARE(rows->at(0).productRef, u"10000586"_s);
        QCOMPARE(rows->at(0).margin, std::optional<qint64>(-20'000));
        QCOMPARE(rows->at(0).supplierId, u"fulu-main"_s);
        QCOMPARE(rows->at(1).goodsId, 1);
        QCOMPARE(rows->at(1).margin, std::optional<qint64>(50'000));
        QCOMPARE(rows->at(1).productName, u"商品 10000587"_s);
        QCOMPARE(rows->at(1).stockLevel, u"plenty"_s);
        QCOMPARE(rows->at(2).goodsId, 2);
        QCOMPARE(rows->at(2).protocol, u"acg-faka"_s); // "acgfaka" read as the profile spells it
        QCOMPARE(rows->at(2).supplierId, u"acg-main"_s);
        QCOMPARE(rows->at(2).priority, 2);
        QCOMPARE(rows->at(2).cost, std::optional<qint64>(480'000));
        QCOMPARE(rows->at(3).goodsId, 3);
        QCOMPARE(rows->at(3).supplierId, u"acg-main"_s);
        QVERIFY(!rows->at(3).cost.has_value());
        QVERIFY(!rows->at(3).margin.has_value());

        QCOMPARE(supply::negativeMarginCount(read).value(), 1);
        // The work bench's 毛利为负 reads it with the console status.
        QCOMPARE(storage::consolestatus::read(read)->counters.value(storage::counters::NegativeMargin), 1);
        QCOMPARE(supply::linkedGoods(read, u"8AE8"_s, 100)->size(), 1);
        QCOMPARE(supply::linkedGoods(read, u"货品1"_s, 100)->size(), 1);
        QCOMPARE(supply::linkedGoods(read, u"商品 1000058"_s, 100)->size(), 2);
        QCOMPARE(supply::linkedGoods(read, u"%"_s, 100)->size(), 0);
        QCOMPARE(supply::linkedGoods(read, {}, 2)->size(), 2);
    }

    void linkedGoodsUseTheIndexes()
    {
        cachefixture::Cache cache;
        QVERIFY(cache.open());
        storage::ReadSession read(*cache.db_);
        auto rows = read.select(u"EXPLAIN QUERY PLAN SELECT p.supplier_id FROM supplier_products p "
                                u"WHERE p.product_id = ?"_s,
                                {u"x"_s});
        QVERIFY(rows.ok());
        QString detail;
        for (const auto& r : *rows)
            detail += r.value(3).toString() + u'\n';
        QVERIFY2(detail.contains(u"supplier_products_product"_s), qPrintable(detail));
        rows = read.select(
            u"EXPLAIN QUERY PLAN SELECT id FROM goods WHERE supplier_links <> '[]' ORDER BY id"_s);
        QVERIFY(rows.ok());
        detail.clear();
        for (const auto& r : *rows)
            detail += r.value(3).toString() + u'\n';
        QVERIFY2(detail.contains(u"goods_linked"_s), qPrintable(detail));
    }

    void migrationFromV6KeepsPurchases()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"v6.db"_s);
        QVERIFY(storage::schema::migrateFileTo(path, 6).ok());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v6-writer"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"INSERT INTO purchases (external_no, supplier_id, product_ref, quantity, state, "
                           u"created_at, updated_at) VALUES ('N1', 'acg', 'P', 1, 'intent', 1, 1)"_s));
            QVERIFY(q.exec(u"UPDATE counters SET value = 3 WHERE name = 'supplier_balance_low'"_s));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v6-writer"_s);
        core::ManualClock clock{1'764'000'000'000};
        auto db = storage::Database::open(path, clock);
        QVERIFY(db.ok());
        storage::ReadSession read(*db.value());
        QCOMPARE(read.select(u"PRAGMA user_version"_s)->first().value(0).toInt(),
                 storage::schema::latestVersion());
        QCOMPARE(read.select(u"SELECT count(*) FROM purchases"_s)->first().value(0).toInt(), 1);
        // v7 starts with no suppliers, so it starts the counter at what it counts: none.
        QVERIFY(supply::statuses(read)->isEmpty());
        QCOMPARE(read.select(u"SELECT value FROM counters WHERE name = 'supplier_balance_low'"_s)
                     ->first()
                     .value(0)
                     .toInt(),
                 0);
        QCOMPARE(supply::negativeMarginCount(read).value(), 0);
    }
};

QTEST_GUILESS_MAIN(TstSupply)
#include "tst_supply.moc"
