// The 数据看板 on the reference database (performance.md: 1M orders, 50,000 members):
//   dashboard_ms  the 近90天 period selected → every KPI card and chart drawn (the whole page content
//                 rendered offscreen), 90 days and the previous 90, median of 5 (target < 150 ms)
// Baseline: the same numbers computed by the sqlite3 CLI from the raw `orders` table (no rollups),
// process start included.
#include "benchsupport.h"
#include "core/clock.h"
#include "models/dashboardmodel.h"
#include "models/datasource.h"
#include "storage/dashboardqueries.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/readsession.h"
#include "ui/dashboard/dashboardpage.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QScrollArea>
#include <QTimer>

using namespace cardops;
using namespace Qt::StringLiterals;

namespace {

// Runs the event loop (sleeping, as the application would) until the page shows a finished load.
void waitLoaded(ui::DashboardPage& page)
{
    QEventLoop loop;
    QTimer::singleShot(120'000, &loop, [] { qFatal("the dashboard never loaded"); });
    QObject::connect(&page.model(), &models::DashboardModel::loaded, &loop, &QEventLoop::quit);
    QObject::connect(&page.model(), &models::DashboardModel::failed, &loop,
                     [](const QString& message) { qFatal("the dashboard failed: %s", qPrintable(message)); });
    while (page.model().isLoading() || !page.isReady())
        loop.exec();
}

// Selects the preset at `index` and returns the ms until the whole content is drawn.
double selectAndDraw(ui::DashboardPage& page, int index)
{
    QElapsedTimer timer;
    timer.start();
    page.periodPicker().setCurrentIndex(index);
    waitLoaded(page);
    const double loaded = double(timer.nsecsElapsed()) / 1e6;
    QScrollArea* scroll = page.findChild<QScrollArea*>();
    const QPixmap drawn = scroll->widget()->grab(); // every card and chart, also those below the fold
    if (drawn.isNull())
        qFatal("the dashboard did not draw");
    const double total = double(timer.nsecsElapsed()) / 1e6;
    if (qEnvironmentVariableIsSet("CARDOPS_BENCH_VERBOSE"))
        qInfo("loaded and filled %.1f ms, drawn %.1f ms", loaded, total);
    return total;
}

// The dashboard's numbers from raw orders: what a user of the sqlite3 CLI would run.
QString rawScript(qint64 from, qint64 to, qint64 now)
{
    const qint64 prevFrom = from - (to - from + 1);
    const QString paid = u"status NOT IN ('unpaid', 'cancelled')"_s;
    const QString day = u"((created_at + 28800) / 86400)"_s;
    const QString range = u"created_at >= %1 AND created_at < %2"_s;
    const QString cur =
        range.arg(storage::dashboardqueries::dayStart(from)).arg(storage::dashboardqueries::dayStart(to + 1));
    const QString both = range.arg(storage::dashboardqueries::dayStart(prevFrom))
                             .arg(storage::dashboardqueries::dayStart(to + 1));
    QStringList s;
    // Totals of both periods, the daily series and the heat map in one pass.
    s << u"SELECT %1 >= %2, %1, ((created_at + 28800) %% 86400) / 3600, COUNT(*), SUM(quantity), "
         u"SUM(paid_amount), "
         u"SUM(CASE WHEN pay_channel <> 'balance' THEN paid_amount ELSE 0 END), SUM(cost_at_order), "
         u"SUM(refund_amount), SUM(refund_amount > 0), SUM(delivered_at > 0), "
         u"SUM(delivered_at > 0 AND review_reason = ''), SUM(CASE WHEN delivered_at > 0 AND paid_at > 0 THEN "
         u"max(delivered_at - paid_at, 0) ELSE 0 END) FROM orders WHERE %3 AND %4 GROUP BY 1, 2, 3"_s.arg(day)
             .arg(from)
             .arg(both, paid)
             .replace(u"%%"_s, u"%"_s);
    for (const QString& r : {cur, range.arg(storage::dashboardqueries::dayStart(prevFrom))
                                      .arg(storage::dashboardqueries::dayStart(from))})
        s << u"SELECT COUNT(*), SUM(n >= 2) FROM (SELECT COUNT(*) AS n FROM orders WHERE %1 AND %2 GROUP BY member_id)"_s
                 .arg(r, paid);
    s << u"SELECT o.goods_id, g.name, g.category_id, COUNT(*), SUM(o.quantity), SUM(o.paid_amount), "
         u"SUM(o.cost_at_order) "
         u"FROM orders o LEFT JOIN goods g ON g.id = o.goods_id WHERE o.%1 AND o.%2 GROUP BY o.goods_id"_s
             .arg(cur, paid);
    s << u"SELECT COALESCE(m.kind, ''), COUNT(*), SUM(o.paid_amount) FROM orders o LEFT JOIN members m ON "
         u"m.id = o.member_id "
         u"WHERE o.%1 AND o.%2 GROUP BY 1"_s.arg(cur, paid);
    s << u"WITH RECURSIVE b(member_id, n, v) AS (SELECT member_id, COUNT(*), SUM(paid_amount) FROM orders "
         u"WHERE %1 AND %2 "
         u"GROUP BY member_id), up(agent, member_id, n, v, depth) AS (SELECT m.parent_id, b.member_id, b.n, "
         u"b.v, 1 FROM b "
         u"JOIN members m ON m.id = b.member_id WHERE m.parent_id <> 0 UNION ALL SELECT m.parent_id, "
         u"up.member_id, up.n, "
         u"up.v, up.depth + 1 FROM up JOIN members m ON m.id = up.agent WHERE m.parent_id <> 0 AND up.depth "
         u"< 16) "
         u"SELECT agent, COUNT(DISTINCT member_id), SUM(n), SUM(v) FROM up GROUP BY agent ORDER BY 4 DESC LIMIT 10"_s
             .arg(cur, paid);
    s << u"SELECT COUNT(*), SUM(%1 - paid_at) FROM orders WHERE status = 'review'"_s.arg(now);
    s << u"SELECT COUNT(balance), SUM(balance) FROM supplier_status"_s;
    s << u"SELECT direction, COUNT(*) FROM tier_moves WHERE at >= %1 GROUP BY 1"_s.arg(
        storage::dashboardqueries::dayStart(prevFrom));
    return s.join(u";\n"_s) + u";\n"_s;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const auto [work, ids] = bench::parseArguments(app);
    if (!bench::wanted(ids, u"dashboard_ms"_s))
        return 0;
    const QString reference = bench::referenceDatabase(work);
    core::SystemClock clock;
    auto db = storage::Database::open(reference, clock); // migrates a cache of an older CardOps once
    if (!db)
        qFatal("cannot open %s: %s", qPrintable(reference), qPrintable(db.error().detail));
    qint64 today = 0;
    {
        storage::ReadSession read(*db.value());
        today = storage::dashboardqueries::latestDay(read).value();
    }
    models::DataSource source(reference, &db.value()->writer());
    ui::DashboardPage page(source);
    page.resize(1400, 1000);
    page.show();
    page.model().setToday(today);
    waitLoaded(page);

    // 近7天 (index 0) between the runs, so each run selects 近90天 (index 2) afresh.
    selectAndDraw(page, 2); // warms the OS page cache and the loader's connection
    std::vector<double> ours;
    for (int i = 0; i < 5; ++i) {
        selectAndDraw(page, 0);
        ours.push_back(selectAndDraw(page, 2));
    }

    const auto [from, to] = models::DashboardModel::presetRange(models::DashboardPreset::Last90, today);
    {
        // Where the time goes: the reads alone, and drawing alone (not BENCH figures).
        storage::ReadSession read(reference);
        storage::DashboardRequest request = page.model().request();
        std::vector<double> reads, draws;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer t;
            t.start();
            if (!storage::dashboardqueries::load(read, request))
                qFatal("the dashboard's reads failed");
            reads.push_back(double(t.nsecsElapsed()) / 1e6);
            t.restart();
            (void)page.findChild<QScrollArea*>()->widget()->grab();
            draws.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        qInfo("dashboard reads %.1f ms, drawing %.1f ms (medians of 5)", bench::median(reads), bench::median(draws));
    }
    const QString scriptFile = work + u"/dashboard-raw.sql"_s;
    {
        QFile f(scriptFile);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            f.write(rawScript(from, to, storage::dashboardqueries::dayStart(today + 1)).toUtf8()) < 0)
            qFatal("cannot write %s", qPrintable(scriptFile));
    }
    std::vector<double> cli;
    for (int i = 0; i < 5; ++i)
        if (auto ms =
                bench::sqliteCliMs({u"-readonly"_s, reference, u".read "_s + scriptFile}, u"/dev/null"_s))
            cli.push_back(*ms);
    const std::optional<double> baseline = cli.size() == 5 ? std::optional(bench::median(cli)) : std::nullopt;
    bench::report(u"dashboard_ms"_s, bench::median(ours), u"ms"_s, baseline);
    return 0;
}
