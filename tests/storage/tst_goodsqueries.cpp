#include "../models/generatedcache.h"
#include "core/clock.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/goodsqueries.h"
#include "storage/readsession.h"
#include "storage/supply.h"
#include "storage/writecontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <algorithm>

using namespace cardops;
using namespace Qt::StringLiterals;
using storage::GoodsQuery;
namespace gq = storage::goodsqueries;

// Every filter, sort and window of the goods page on a generated cache, against the same answer
// computed in C++ from the raw tables; the figures of each row (tier prices, supply cost, margin,
// 7-day sales, days of stock left); and the indexes the reads walk.
class TstGoodsQueries : public QObject
{
    Q_OBJECT

    struct Raw
    {
        qint64 id = 0;
        QString sku, name, owner, status, links;
        qint64 category = 0, sort = 0, price = 0, stock = 0, threshold = 0;
    };

    QTemporaryDir m_dir;
    QString m_path;
    core::SystemClock m_clock;
    std::unique_ptr<storage::Database> m_db;
    QList<Raw> m_goods;
    QHash<qint64, qint64> m_parent;
    qint64 m_now = 0;

    storage::ReadSession::Rows rows(const QString& sql, const QVariantList& binds = {})
    {
        storage::ReadSession read(m_path);
        auto r = read.select(sql, binds);
        return r ? r.value() : storage::ReadSession::Rows{};
    }

    bool inSubtree(qint64 category, qint64 root) const
    {
        for (int depth = 0; depth < 64 && category != 0; ++depth, category = m_parent.value(category))
            if (category == root)
                return true;
        return false;
    }

    static QStringList refs(const QString& links)
    {
        QStringList out;
        for (const QJsonValue& v : QJsonDocument::fromJson(links.toUtf8()).array())
            out << v.toObject().value(u"product_ref"_s).toString();
        return out;
    }

    bool matches(const Raw& g, const GoodsQuery& q, bool withCategory) const
    {
        if (withCategory && q.categoryId > 0 && !inSubtree(g.category, q.categoryId))
            return false;
        if (!q.search.isEmpty()) {
            const QStringList linked = refs(g.links);
            const bool byRef = std::any_of(linked.cbegin(), linked.cend(), [&](const QString& r) {
                return r.contains(q.search, Qt::CaseInsensitive);
            });
            if (!g.name.contains(q.search, Qt::CaseInsensitive) && !g.sku.startsWith(q.search) && !byRef)
                return false;
        }
        if (q.owner != storage::GoodsOwner::Any &&
            g.owner != (q.owner == storage::GoodsOwner::Cardops ? u"cardops"_s : u"platform"_s))
            return false;
        if (q.status != storage::GoodsStatus::Any &&
            g.status != (q.status == storage::GoodsStatus::On ? u"on"_s : u"off"_s))
            return false;
        if (q.stock == storage::GoodsStock::Low && !(g.stock < g.threshold))
            return false;
        if (q.link == storage::GoodsLink::Linked && g.links == u"[]")
            return false;
        if (q.link == storage::GoodsLink::Unlinked && g.links != u"[]")
            return false;
        return true;
    }

    QList<qint64> bruteIds(const GoodsQuery& q) const
    {
        QList<Raw> hit;
        for (const Raw& g : m_goods)
            if (matches(g, q, true))
                hit << g;
        const auto key = [&](const Raw& g) -> QVariant {
            switch (q.sort) {
            case storage::GoodsSort::Catalogue:
                return QVariantList{g.category, g.sort};
            case storage::GoodsSort::Id:
                return QVariantList{};
            case storage::GoodsSort::Sku:
                return g.sku.toUtf8();
            case storage::GoodsSort::Name:
                return g.name.toUtf8();
            case storage::GoodsSort::Price:
                return g.price;
            case storage::GoodsSort::Stock:
                return g.stock;
            }
            return {};
        };
        const auto less = [&](const Raw& a, const Raw& b) {
            const QVariant ka = key(a), kb = key(b);
            QPartialOrdering c = QPartialOrdering::Equivalent;
            if (ka.typeId() == QMetaType::QVariantList) {
                const QVariantList la = ka.toList(), lb = kb.toList();
                for (qsizetype i = 0; i < la.size() && c == QPartialOrdering::Equivalent; ++i)
                    c = QVariant::compare(la[i], lb[i]);
            } else {
                c = QVariant::compare(ka, kb);
            }
            if (c == QPartialOrdering::Equivalent)
                return q.descending ? a.id > b.id : a.id < b.id;
            return q.descending ? c == QPartialOrdering::Greater : c == QPartialOrdering::Less;
        };
        std::sort(hit.begin(), hit.end(), less);
        QList<qint64> ids;
        for (const Raw& g : hit)
            ids << g.id;
        return ids;
    }

    QList<qint64> ids(const GoodsQuery& q, qint64 offset = 0, int limit = 1'000'000)
    {
        storage::ReadSession read(m_path);
        auto page = gq::page(read, q, offset, limit);
        if (!page)
            qWarning() << page.error().detail;
        QList<qint64> out;
        for (const storage::GoodsRow& g : page.value())
            out << g.id;
        return out;
    }

    QList<GoodsQuery> queries() const
    {
        QList<GoodsQuery> out;
        const auto with = [&](auto change) {
            GoodsQuery q;
            q.now = m_now;
            change(q);
            out << q;
        };
        with([](GoodsQuery&) {});
        for (const auto& [id, parent] : m_parent.asKeyValueRange())
            with([id = id](GoodsQuery& q) { q.categoryId = id; });
        with([](GoodsQuery& q) { q.owner = storage::GoodsOwner::Cardops; });
        with([](GoodsQuery& q) { q.owner = storage::GoodsOwner::Platform; });
        with([](GoodsQuery& q) { q.status = storage::GoodsStatus::On; });
        with([](GoodsQuery& q) { q.status = storage::GoodsStatus::Off; });
        with([](GoodsQuery& q) { q.stock = storage::GoodsStock::Low; });
        with([](GoodsQuery& q) { q.link = storage::GoodsLink::Linked; });
        with([](GoodsQuery& q) { q.link = storage::GoodsLink::Unlinked; });
        with([&](GoodsQuery& q) { q.search = m_goods[3].sku.left(m_goods[3].sku.size() - 1); });
        with([&](GoodsQuery& q) { q.search = m_goods[5].name.mid(1, 3); });
        with([](GoodsQuery& q) { q.search = u"%_"_s; });
        with([&](GoodsQuery& q) {
            for (const Raw& g : m_goods)
                if (g.links != u"[]")
                    return void(q.search = refs(g.links).value(0).mid(2, 5));
        });
        with([](GoodsQuery& q) {
            q.status = storage::GoodsStatus::On;
            q.stock = storage::GoodsStock::Low;
            q.categoryId = 1;
        });
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_path = generatedcache::build(m_dir, 3000);
        QVERIFY(!m_path.isEmpty());
        auto db = storage::Database::open(m_path, m_clock);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        m_now = rows(u"SELECT MAX(created_at) + 1 FROM orders"_s).value(0).value(0).toLongLong();
        // Variety the page must tell apart: low stock, CardOps-owned, off sale, a supplier mirror
        // with one product dearer than its goods.
        auto done =
            m_db->writer().submit(u"test.goods"_s, [](storage::WriteContext& ctx) -> core::Result<void> {
                for (const char* sql :
                     {"UPDATE goods SET stock_available = 0, low_stock_threshold = 5 WHERE id % 7 = 0",
                      "UPDATE goods SET fulfilment_owner = 'cardops' WHERE id % 5 = 0",
                      "UPDATE goods SET status = 'off' WHERE id % 11 = 0",
                      "UPDATE goods SET tier_prices = '{\"2\":\"0.9800\",\"3\":\"0.9600\"}' WHERE id = 1"})
                    if (auto r = ctx.exec(QString::fromUtf8(sql), {}); !r)
                        return r.error();
                auto links = ctx.select(
                    u"SELECT DISTINCT CAST(json_extract(l.value, '$.product_ref') AS TEXT), g.price "
                    u"FROM goods g, json_each(g.supplier_links) l WHERE g.supplier_links <> '[]' "
                    u"AND json_extract(l.value, '$.protocol') = 'fulu' ORDER BY 1 LIMIT 20"_s);
                if (!links)
                    return links.error();
                if (auto r = storage::supply::recordBalance(ctx, u"fulu-main"_s, u"fulu"_s, 10'000'000,
                                                            u"main"_s, 1);
                    !r)
                    return r;
                QList<storage::supply::MirroredProduct> products;
                for (const QVariantList& l : *links) {
                    storage::supply::MirroredProduct p;
                    p.productId = l.value(0).toString();
                    p.name = p.productId;
                    p.cost =
                        products.isEmpty() ? l.value(1).toLongLong() + 5000 : l.value(1).toLongLong() / 2;
                    p.stockLevel = u"plenty"_s;
                    products << p;
                }
                return storage::supply::mirrorCatalogue(ctx, u"fulu-main"_s, products, 1);
            });
        done.waitForFinished();
        QVERIFY(done.result().ok());

        for (const QVariantList& r :
             rows(u"SELECT id, sku, name, fulfilment_owner, status, supplier_links, "
                  u"category_id, sort, price, stock_available, low_stock_threshold FROM goods"_s))
            m_goods << Raw{r[0].toLongLong(), r[1].toString(),   r[2].toString(),   r[3].toString(),
                           r[4].toString(),   r[5].toString(),   r[6].toLongLong(), r[7].toLongLong(),
                           r[8].toLongLong(), r[9].toLongLong(), r[10].toLongLong()};
        for (const QVariantList& r : rows(u"SELECT id, parent_id FROM categories"_s))
            m_parent.insert(r[0].toLongLong(), r[1].toLongLong());
        QVERIFY(m_goods.size() >= 50);
        QVERIFY(m_parent.size() >= 3);
    }

    void everyFilterMatchesBruteForce()
    {
        int empty = 0;
        const QList<GoodsQuery> all = queries();
        for (const GoodsQuery& q : all) {
            const QList<qint64> expected = bruteIds(q);
            empty += expected.isEmpty() && q.categoryId == 0 ? 1 : 0;
            QCOMPARE(ids(q), expected);
            storage::ReadSession read(m_path);
            auto counts = gq::counts(read, q);
            QVERIFY(counts.ok());
            QCOMPARE(counts->total, qint64(expected.size()));
            QHash<qint64, qint64> perCategory;
            for (const Raw& g : m_goods)
                if (matches(g, q, false))
                    ++perCategory[g.category];
            QCOMPARE(counts->perCategory, perCategory);
        }
        // Outside the category subtrees (some of them empty), only the "%_" search matches nothing: the
        // wildcards are taken literally.
        QCOMPARE(empty, 1);
        GoodsQuery low;
        low.stock = storage::GoodsStock::Low;
        QVERIFY(!bruteIds(low).isEmpty());
        GoodsQuery linked;
        linked.link = storage::GoodsLink::Linked;
        QVERIFY(!bruteIds(linked).isEmpty());
    }

    void everySortAndWindowMatchesBruteForce()
    {
        using S = storage::GoodsSort;
        for (S sort : {S::Catalogue, S::Id, S::Sku, S::Name, S::Price, S::Stock})
            for (bool descending : {false, true}) {
                GoodsQuery q;
                q.now = m_now;
                q.sort = sort;
                q.descending = descending;
                const QList<qint64> expected = bruteIds(q);
                QCOMPARE(ids(q), expected);
                QCOMPARE(ids(q, 17, 23), expected.mid(17, 23));
                q.status = storage::GoodsStatus::On;
                QCOMPARE(ids(q, 5, 9), bruteIds(q).mid(5, 9));
            }
        storage::ReadSession read(m_path);
        QVERIFY(!gq::page(read, GoodsQuery{}, -1, 10).ok());
        QVERIFY(!gq::page(read, GoodsQuery{}, 0, 0).ok());
    }

    void figuresOfEachRow()
    {
        GoodsQuery q;
        q.now = m_now;
        storage::ReadSession read(m_path);
        auto page = gq::page(read, q, 0, 1'000'000);
        QVERIFY(page.ok());
        QHash<qint64, qint64> sales;
        for (const QVariantList& r : rows(u"SELECT goods_id, quantity, status, created_at FROM orders"_s))
            if (r[3].toLongLong() >= m_now - 7 * 86400 && r[3].toLongLong() < m_now &&
                gq::soldStatuses().contains(r[2].toString()))
                sales[r[0].toLongLong()] += r[1].toLongLong();
        const auto costs = rows(u"SELECT product_id, cost FROM supplier_products"_s);
        QHash<QString, qint64> mirrored;
        for (const QVariantList& r : costs)
            mirrored.insert(r[0].toString(), r[1].toLongLong());
        int fromSupplier = 0, negative = 0, withSales = 0;
        for (const storage::GoodsRow& g : page.value()) {
            QCOMPARE(g.sales7, sales.value(g.id));
            withSales += g.sales7 > 0 ? 1 : 0;
            QCOMPARE(g.daysOfStock, gq::daysOfStock(g.stock, g.sales7));
            QCOMPARE(g.margin, g.price - g.cost);
            QCOMPARE(g.lowStock, g.stock < g.lowStockThreshold);
            const Raw raw =
                *std::find_if(m_goods.cbegin(), m_goods.cend(), [&](const Raw& r) { return r.id == g.id; });
            const QString first = refs(raw.links).value(0);
            QCOMPARE(g.supplierProduct, first);
            if (mirrored.contains(first)) {
                QVERIFY(g.costFromSupplier);
                QCOMPARE(g.cost, mirrored.value(first));
                QCOMPARE(g.supplier, u"fulu-main"_s);
                ++fromSupplier;
            }
            negative += g.margin < 0 ? 1 : 0;
            if (g.id == 1) {
                QCOMPARE(g.tierPrices.size(), 2);
                QCOMPARE(g.tierPrices[0].tierId, 2);
                QCOMPARE(g.tierPrices[0].price, 9800);
                QCOMPARE(g.tierPrices[1].price, 9600);
            }
        }
        QVERIFY(fromSupplier > 0);
        QVERIFY(negative > 0);
        QVERIFY(withSales > 0);
        QCOMPARE(gq::daysOfStock(10, 7), std::optional<qint64>(10));
        QCOMPARE(gq::daysOfStock(100, 3), std::optional<qint64>(233));
        QCOMPARE(gq::daysOfStock(0, 5), std::optional<qint64>(0));
        QCOMPARE(gq::daysOfStock(5, 0), std::nullopt);
    }

    void categoriesAsStored()
    {
        storage::ReadSession read(m_path);
        auto cats = gq::categories(read);
        QVERIFY(cats.ok());
        QCOMPARE(cats->size(), m_parent.size());
        for (const storage::GoodsCategory& c : cats.value())
            QCOMPARE(c.parentId, m_parent.value(c.id));
    }

    void readsWalkIndexes()
    {
        const auto plan = [&](const QString& sql, const QVariantList& binds) {
            QStringList details;
            for (const QVariantList& r : rows(u"EXPLAIN QUERY PLAN "_s + sql, binds))
                details << r.value(3).toString();
            return details.join(u'\n');
        };
        GoodsQuery q;
        q.now = m_now;
        q.categoryId = 1;
        QVariantList binds;
        QString sql = gq::pageSql(q, &binds);
        const QString page = plan(sql, binds << 50 << 0);
        QVERIFY2(page.contains(u"USING INDEX orders_goods (goods_id=? AND created_at>? AND created_at<?)"_s),
                 qPrintable(page));
        QVERIFY2(page.contains(u"USING INDEX goods_category (category_id=?)"_s) ||
                     page.contains(u"USING COVERING INDEX goods_category (category_id=?)"_s),
                 qPrintable(page));
        QVERIFY2(!page.contains(u"SCAN o"_s), qPrintable(page));
        GoodsQuery bySku;
        bySku.sort = storage::GoodsSort::Sku;
        sql = gq::windowSql(bySku, &binds);
        const QString sku = plan(sql, binds << 50 << 0);
        QVERIFY2(sku.contains(u"goods_sku"_s) && !sku.contains(u"TEMP B-TREE"_s), qPrintable(sku));
    }
};

QTEST_GUILESS_MAIN(TstGoodsQueries)
#include "tst_goodsqueries.moc"
