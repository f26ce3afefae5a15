#include "../models/generatedcache.h"
#include "core/clock.h"
#include "models/dashboardmodel.h"
#include "models/datasource.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/platformcache.h"
#include "storage/writecontext.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/dashboard/heatmapwidget.h"
#include "ui/style.h"

#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QHorizontalBarSeries>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPieSeries>
#include <QPieSlice>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using Chart = ui::DashboardPage::Chart;
using Kpi = ui::DashboardPage::Kpi;

namespace {

// Sunday 2026-11-29 … Tuesday 2026-12-01 (business days 20786–20788); "today" is the Tuesday.
constexpr qint64 kTue = 20788;
constexpr qint64 kSunStart = 1795881600;
constexpr qint64 kDay = 86400;

core::Order order(qint64 id, qint64 memberId, qint64 goodsId, qint64 createdAt, qint64 paidYuan,
                  qint64 costYuan)
{
    core::Order o;
    o.id = id;
    o.orderNo = u"2026112900%1"_s.arg(id, 6, 10, QLatin1Char('0'));
    o.memberId = memberId;
    o.goodsId = goodsId;
    o.quantity = 1;
    o.unitPrice = core::Money::fromYuan(paidYuan);
    o.amount = o.unitPrice;
    o.paidAmount = o.unitPrice;
    o.costAtOrder = core::Money::fromYuan(costYuan);
    o.payChannel = u"alipay"_s;
    o.status = u"delivered"_s;
    o.createdAt = createdAt;
    o.paidAt = createdAt + 10;
    o.deliveredAt = createdAt + 70;
    o.version = 1;
    o.updatedAt = createdAt;
    return o;
}

core::Goods goods(qint64 id, const QString& name)
{
    core::Goods g;
    g.id = id;
    g.sku = u"SKU-%1"_s.arg(id);
    g.name = name;
    g.categoryId = 1;
    g.kind = u"card"_s;
    g.cardFormat = u"single"_s;
    g.tierPrices = "{}";
    g.contractPrices = "[]";
    g.supplierLinks = "[]";
    g.fulfilmentOwner = u"platform"_s;
    g.status = u"on"_s;
    g.version = 1;
    return g;
}

core::Member member(qint64 id, const QString& kind)
{
    core::Member m;
    m.id = id;
    m.name = u"会员%1"_s.arg(id);
    m.kind = kind;
    m.tierId = 1;
    m.tags = "[]";
    m.version = 1;
    return m;
}

// The strings of a JSON object {source: translation}, whatever the context (screenshots only).
class DictTranslator : public QTranslator
{
public:
    explicit DictTranslator(const QString& file)
    {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly))
            m_dict = QJsonDocument::fromJson(f.readAll()).object();
    }
    bool isEmpty() const override { return m_dict.isEmpty(); }
    QString translate(const char*, const char* source, const char*, int n) const override
    {
        QString t = m_dict.value(QString::fromUtf8(source)).toString();
        return n >= 0 ? t.replace(u"%n"_s, QString::number(n)) : t;
    }

private:
    QJsonObject m_dict;
};

} // namespace

// 数据看板 on a hand-made cache: the KPI cards with their change, a click on a bar asking for the
// right orders, PNG export, the empty state and a reload when orders change.
class TstDashboardPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    core::ManualClock m_clock{(kSunStart + 3 * kDay) * 1000};

    std::unique_ptr<storage::Database> openCache(const QString& name, const QList<core::Order>& orders)
    {
        auto db = storage::Database::open(m_dir.filePath(name), m_clock);
        if (!db)
            return {};
        auto done = db.value()->writer().submit<bool>(
            u"fixture"_s, [orders](storage::WriteContext& ctx) -> core::Result<bool> {
                namespace pc = storage::platformcache;
                if (auto r =
                        pc::ingestGoods(ctx, {goods(3, u"腾讯Q币 100元"_s), goods(4, u"移动话费 50元"_s)},
                                        {core::Feed::Goods, u"g"_s, false, false, {}});
                    !r)
                    return r.error();
                if (auto r = pc::ingestMembers(ctx, {member(10, u"consumer"_s), member(11, u"agent"_s)},
                                               {core::Feed::Members, u"m"_s, false, false, {}});
                    !r)
                    return r.error();
                if (auto r = pc::ingestOrders(ctx, orders, {core::Feed::Orders, u"o"_s, false, false, {}});
                    !r)
                    return r.error();
                return true;
            });
        if (!done.result().ok())
            return {};
        return std::move(db).value();
    }

    static QList<core::Order> scenario()
    {
        // This week: 3 orders (one a repeat of member 10); the previous 7 days: 1 order.
        return {order(1, 10, 3, kSunStart + 3600, 100, 90), order(2, 10, 4, kSunStart + kDay + 7200, 50, 40),
                order(3, 11, 3, kSunStart + 2 * kDay + 60, 200, 150),
                order(4, 11, 4, kSunStart - 5 * kDay, 80, 70)};
    }

    // A page showing the last 7 days up to kTue.
    static void showWeek(ui::DashboardPage& page)
    {
        QSignalSpy loaded(&page.model(), &models::DashboardModel::loaded);
        page.model().setToday(kTue);
        page.periodPicker().setCurrentIndex(0);
        QTRY_VERIFY(loaded.size() >= 1 && !page.model().isLoading());
        QCOMPARE(page.model().request().fromDay, kTue - 6);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::applyStyle(*qApp);
    }

    void kpisAndChange()
    {
        auto db = openCache(u"kpi.db"_s, scenario());
        QVERIFY(db);
        models::DataSource source(db->path(), &db->writer());
        ui::DashboardPage page(source);
        page.resize(1280, 900);
        page.show();
        showWeek(page);
        QVERIFY(!page.showsEmptyState());
        QCOMPARE(page.kpiValue(Kpi::Orders), u"3"_s);
        QCOMPARE(page.kpiChange(Kpi::Orders), u"▲ 200.0% vs previous period"_s);
        QCOMPARE(page.kpiValue(Kpi::Gmv), u"¥350.00"_s);
        // 350 − 280 − 0.6 % × 350 = 67.90
        QCOMPARE(page.kpiValue(Kpi::Profit), u"¥67.90"_s);
        QCOMPARE(page.kpiValue(Kpi::Repurchase), u"50.0%"_s);
        QCOMPARE(page.kpiValue(Kpi::Automation), u"100.0%"_s);
        QCOMPARE(page.kpiValue(Kpi::DeliveryTime), u"1 min 0 s"_s);
        QCOMPARE(page.kpiValue(Kpi::SupplierBalance), u"—"_s);
        QVERIFY(page.kpiDefinition(Kpi::Profit).contains(u"0.60%"_s));
        auto* heat = qobject_cast<ui::HeatMapWidget*>(page.chartWidget(Chart::HeatMap));
        QVERIFY(heat);
        QCOMPARE(heat->grid()[6][1], 1); // Sunday 01:00
        auto* agents = qobject_cast<QTableWidget*>(page.chartWidget(Chart::Agents));
        QCOMPARE(agents->rowCount(), 0);
    }

    void clickOnBarsAsksForOrders()
    {
        auto db = openCache(u"click.db"_s, scenario());
        QVERIFY(db);
        models::DataSource source(db->path(), &db->writer());
        ui::DashboardPage page(source);
        page.resize(1280, 900);
        page.show();
        showWeek(page);
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy asked(&page, &ui::DashboardPage::openOrders);

        // The top goods' first bar (goods 3, 300 yuan), clicked with the mouse where it is drawn.
        auto* view = qobject_cast<QChartView*>(page.chartWidget(Chart::TopGoods));
        QVERIFY(view);
        view->ensurePolished();
        QCoreApplication::processEvents();
        auto* bars = qobject_cast<QHorizontalBarSeries*>(view->chart()->series().value(0));
        QVERIFY(bars);
        QCOMPARE(bars->count(), 1);
        QCOMPARE(bars->barSets().first()->count(), 2);
        // The first rank is the last category (drawn on top).
        const QPointF inChart = view->chart()->mapToPosition(QPointF(150, 1), bars);
        const QPoint at = view->mapFromScene(view->chart()->mapToScene(inChart));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE(asked.size(), 1);
        storage::OrderFilter expected;
        expected.createdFrom = storage::dashboardqueries::dayStart(kTue - 6);
        expected.createdTo = storage::dashboardqueries::dayStart(kTue + 1);
        expected.goodsId = 3;
        QCOMPARE(asked.takeFirst().first().value<storage::OrderFilter>(), expected);

        // The trend's Monday bar: that day only.
        auto* trend = qobject_cast<QChartView*>(page.chartWidget(Chart::Trend));
        auto* set = qobject_cast<QAbstractBarSeries*>(trend->chart()->series().value(0))->barSets().first();
        QCOMPARE(set->count(), 7);
        Q_EMIT set->clicked(5);
        QCOMPARE(asked.size(), 1);
        storage::OrderFilter monday;
        monday.createdFrom = storage::dashboardqueries::dayStart(kTue - 1);
        monday.createdTo = storage::dashboardqueries::dayStart(kTue);
        QCOMPARE(asked.takeFirst().first().value<storage::OrderFilter>(), monday);
    }

    // Category bars, member-kind slices, heat-map cells and leaderboard rows open the orders of
    // exactly that element: the filter carries the category, the kind, the weekday and hour, the branch.
    void clickOnEveryElementFiltersToIt()
    {
        auto db = openCache(u"relations.db"_s, scenario());
        QVERIFY(db);
        auto more = db->writer().submit<bool>(u"downline"_s, [](storage::WriteContext& ctx) -> core::Result<bool> {
            namespace pc = storage::platformcache;
            core::Member downline = member(12, u"consumer"_s);
            downline.parentId = 11;
            if (auto r = pc::ingestMembers(ctx, {downline}, {core::Feed::Members, u"m2"_s, false, false, u"m"_s}); !r)
                return r.error();
            if (auto r = pc::ingestOrders(ctx, {order(5, 12, 4, kSunStart + 2 * kDay + 3600, 30, 20)},
                                          {core::Feed::Orders, u"o2"_s, false, false, u"o"_s});
                !r)
                return r.error();
            return true;
        });
        QVERIFY2(more.result().ok(), qPrintable(more.result().ok() ? QString() : more.result().error().detail));
        models::DataSource source(db->path(), &db->writer());
        ui::DashboardPage page(source);
        page.resize(1280, 900);
        page.show();
        showWeek(page);
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy asked(&page, &ui::DashboardPage::openOrders);
        storage::OrderFilter period;
        period.createdFrom = storage::dashboardqueries::dayStart(kTue - 6);
        period.createdTo = storage::dashboardqueries::dayStart(kTue + 1);

        auto* categories = qobject_cast<QChartView*>(page.chartWidget(Chart::TopCategories));
        auto* catBars = qobject_cast<QAbstractBarSeries*>(categories->chart()->series().value(0));
        QVERIFY(catBars);
        QCOMPARE(catBars->barSets().first()->count(), 1); // every goods is in category 1
        Q_EMIT catBars->barSets().first()->clicked(0);
        QCOMPARE(asked.size(), 1);
        storage::OrderFilter category = period;
        category.categoryId = 1;
        QCOMPARE(asked.takeFirst().first().value<storage::OrderFilter>(), category);

        auto* kinds = qobject_cast<QChartView*>(page.chartWidget(Chart::MemberKinds));
        auto* pie = qobject_cast<QPieSeries*>(kinds->chart()->series().value(0));
        QVERIFY(pie);
        QCOMPARE(pie->count(), 2); // agent 200, consumer 180: largest first
        Q_EMIT pie->slices().at(0)->clicked();
        QCOMPARE(asked.size(), 1);
        storage::OrderFilter agents = period;
        agents.memberKind = u"agent"_s;
        QCOMPARE(asked.takeFirst().first().value<storage::OrderFilter>(), agents);

        auto* heat = qobject_cast<ui::HeatMapWidget*>(page.chartWidget(Chart::HeatMap));
        QTest::mouseClick(heat, Qt::LeftButton, {}, heat->cellCentre(6, 1));
        QCOMPARE(asked.size(), 1);
        storage::OrderFilter sunday = period;
        sunday.weekday = 6;
        sunday.hour = 1;
        QCOMPARE(asked.takeFirst().first().value<storage::OrderFilter>(), sunday);

        auto* board = qobject_cast<QTableWidget*>(page.chartWidget(Chart::Agents));
        QCOMPARE(board->rowCount(), 1);
        QVERIFY(board->item(0, 0)->text().contains(u"#11"_s));
        Q_EMIT board->cellActivated(0, 2);
        QCOMPARE(asked.size(), 1);
        storage::OrderFilter branch = period;
        branch.branchOf = 11;
        QCOMPARE(asked.takeFirst().first().value<storage::OrderFilter>(), branch);
    }

    void exportsPng()
    {
        auto db = openCache(u"png.db"_s, scenario());
        QVERIFY(db);
        models::DataSource source(db->path(), &db->writer());
        ui::DashboardPage page(source);
        page.resize(1280, 900);
        page.show();
        showWeek(page);
        for (Chart chart : {Chart::Trend, Chart::HeatMap, Chart::Agents}) {
            const QString path = m_dir.filePath(u"chart%1.png"_s.arg(int(chart)));
            QVERIFY(page.exportChart(chart, path));
            QImage image(path);
            QVERIFY(!image.isNull());
            QVERIFY(image.width() > 200 && image.height() > 100);
        }
        QVERIFY(!page.exportChart(Chart::Trend, m_dir.filePath(u"missing/dir/x.png"_s)));
    }

    void emptyStateAndReload()
    {
        auto db = openCache(u"empty.db"_s, {});
        QVERIFY(db);
        models::DataSource source(db->path(), &db->writer());
        ui::DashboardPage page(source);
        page.resize(1000, 700);
        page.show();
        showWeek(page);
        QVERIFY(page.showsEmptyState());
        QCOMPARE(page.kpiValue(Kpi::Orders), u"0"_s);

        // Orders arrive: the page loads again and leaves the empty state.
        QSignalSpy loaded(&page.model(), &models::DashboardModel::loaded);
        auto done =
            db->writer().submit<bool>(u"more"_s, [](storage::WriteContext& ctx) -> core::Result<bool> {
                if (auto r = storage::platformcache::ingestOrders(
                        ctx, scenario(), {core::Feed::Orders, u"o2"_s, false, false, u"o"_s});
                    !r)
                    return r.error();
                return true;
            });
        const auto result = done.result();
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().detail));
        source.notifyChanged({u"orders"_s});
        QTRY_VERIFY(loaded.size() >= 1 && !page.model().isLoading());
        QVERIFY(!page.showsEmptyState());
        QCOMPARE(page.kpiValue(Kpi::Orders), u"3"_s);
        // A table the dashboard does not read changes nothing (the writer's own notice of the orders
        // commit comes within the coalescing interval first).
        QTest::qWait(700);
        QTRY_VERIFY(!page.model().isLoading());
        const qsizetype before = loaded.size();
        source.notifyChanged({u"outbox"_s});
        QTest::qWait(700);
        QCOMPARE(loaded.size(), before);
    }

    // With CARDOPS_SHOT_DIR set: shot-dashboard.png of a generated cache (30,000 orders over 30 days),
    // in Chinese when CARDOPS_SHOT_DICT names a JSON {source: translation} file.
    void screenshot()
    {
        const QString dir = qEnvironmentVariable("CARDOPS_SHOT_DIR");
        if (dir.isEmpty())
            QSKIP("CARDOPS_SHOT_DIR not set");
        DictTranslator zh(qEnvironmentVariable("CARDOPS_SHOT_DICT"));
        if (!zh.isEmpty())
            QCoreApplication::installTranslator(&zh);
        QTemporaryDir generated;
        const QString path = generatedcache::build(generated, 30000);
        QVERIFY(!path.isEmpty());
        core::SystemClock clock;
        auto db = storage::Database::open(path, clock);
        QVERIFY(db.ok());
        qint64 today = 0;
        {
            storage::ReadSession read(path);
            today = storage::dashboardqueries::latestDay(read).value();
        }
        models::DataSource source(path, &db.value()->writer());
        ui::DashboardPage page(source);
        page.resize(1400, 1760);
        page.show();
        QSignalSpy loaded(&page.model(), &models::DashboardModel::loaded);
        page.model().setToday(today);
        QTRY_VERIFY(loaded.size() >= 1 && !page.model().isLoading());
        QTest::qWait(100);
        QVERIFY(page.grab().save(dir + u"/shot-dashboard.png"_s));
        QCoreApplication::removeTranslator(&zh);
    }

    void presetsAndGrain()
    {
        QCOMPARE(models::DashboardModel::presetRange(models::DashboardPreset::ThisMonth, kTue),
                 std::make_pair(kTue, kTue)); // 2026-12-01 is the first of its month
        QCOMPARE(models::DashboardModel::presetRange(models::DashboardPreset::LastMonth, kTue),
                 std::make_pair(kTue - 30, kTue - 1));
        QCOMPARE(models::DashboardModel::presetRange(models::DashboardPreset::Last90, kTue),
                 std::make_pair(kTue - 89, kTue));
        auto db = openCache(u"grain.db"_s, scenario());
        QVERIFY(db);
        models::DataSource source(db->path(), &db->writer());
        ui::DashboardPage page(source);
        page.resize(1280, 900);
        showWeek(page);
        QSignalSpy loaded(&page.model(), &models::DashboardModel::loaded);
        page.grainPicker().setCurrentIndex(1);
        QTRY_VERIFY(loaded.size() >= 1 && !page.model().isLoading());
        QCOMPARE(page.model().data().series.size(), 2); // W48 (Wed–Sun) and W49 (Mon–Tue)
        QCOMPARE(page.model().data().series[1].orders, 2);
    }
};

QTEST_MAIN(TstDashboardPage)
#include "tst_dashboardpage.moc"
