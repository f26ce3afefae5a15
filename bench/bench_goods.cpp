// The goods page on the reference database (performance.md: 10,000 goods, 1M orders):
//   goods_filter_ms   filter applied → the first visible rows painted with data (target < 50 ms)
// The filter is the page's search (part of the name, SKU prefix or supplier product id: the
// widest read, every goods looked at), median of 5, offscreen, after the event loop has painted.
// Baseline: the same SQL (the count and the first window with its figures) through the sqlite3 CLI.
// CARDOPS_BENCH_TRACE=1 also prints the other filters (category, low stock, linked) without a
// baseline.
#include "benchsupport.h"
#include "core/clock.h"
#include "models/datasource.h"
#include "models/goodsmodel.h"
#include "storage/database.h"
#include "storage/goodsqueries.h"
#include "ui/goodspage.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTableView>

using namespace cardops;
using namespace Qt::StringLiterals;

namespace {

bool visibleRowsLoaded(const QTableView& view, const models::WindowedModel& model)
{
    const int first = view.rowAt(0);
    if (first < 0)
        return model.totalCount() == 0;
    int last = view.rowAt(view.viewport()->height() - 1);
    if (last < 0)
        last = model.rowCount() - 1;
    for (int row = first; row <= last; ++row)
        if (!model.isRowLoaded(row))
            return false;
    return true;
}

// Runs the event loop until the view has painted with every visible row loaded; ms since `timer`.
double untilPainted(QTableView& view, const models::WindowedModel& model, const QElapsedTimer& timer)
{
    bool painted = false;
    struct Watch : QObject
    {
        bool* flag;
        explicit Watch(bool* f)
            : flag(f)
        {}
        bool eventFilter(QObject*, QEvent* e) override
        {
            if (e->type() == QEvent::Paint)
                *flag = true;
            return false;
        }
    } watch(&painted);
    view.viewport()->installEventFilter(&watch);
    view.viewport()->update();
    for (;;) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
        if (painted && model.totalCount() >= 0 && visibleRowsLoaded(view, model))
            break;
        if (painted)
            painted = false, view.viewport()->update();
        if (timer.elapsed() > 120'000)
            qFatal("the goods view never painted its rows");
    }
    view.viewport()->removeEventFilter(&watch);
    return double(timer.nsecsElapsed()) / 1e6;
}

void waitUntil(const std::function<bool()>& done)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < 120'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// The SQL with its positional binds written as literals, for the CLI.
QString inlined(const QString& sql, const QVariantList& binds)
{
    QString out;
    qsizetype next = 0;
    for (const QChar c : sql) {
        if (c != u'?' || next >= binds.size()) {
            out += c;
            continue;
        }
        const QVariant& v = binds[next++];
        if (v.typeId() == QMetaType::QString)
            out += u'\'' + v.toString().replace(u"'"_s, u"''"_s) + u'\'';
        else
            out += QString::number(v.toLongLong());
    }
    return out;
}

double filterRun(models::DataSource& source, const storage::GoodsQuery& query)
{
    ui::GoodsPage page(source);
    page.resize(1280, 800);
    page.show();
    waitUntil([&] { return page.isReady(); });
    QElapsedTimer timer;
    timer.start();
    storage::GoodsQuery q = query;
    q.now = page.model().query().now;
    page.model().setQuery(q);
    return untilPainted(page.view(), page.model(), timer);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const auto [work, ids] = bench::parseArguments(app);
    if (!bench::wanted(ids, u"goods_filter_ms"_s))
        return 0;
    const QString reference = bench::referenceDatabase(work);
    core::SystemClock clock;
    auto db = storage::Database::open(reference, clock); // migrates a cache of an older CardOps once
    if (!db)
        qFatal("cannot open %s: %s", qPrintable(reference), qPrintable(db.error().detail));
    models::DataSource source(reference, &db.value()->writer());

    storage::GoodsQuery search;
    search.search = u"Q币"_s;
    filterRun(source, search); // warms the OS page cache and the loader's connection

    std::vector<double> ours;
    for (int i = 0; i < 5; ++i)
        ours.push_back(filterRun(source, search));

    search.now = QDateTime::currentSecsSinceEpoch();
    QVariantList countBinds, pageBinds;
    const QString countSql = storage::goodsqueries::countSql(search, &countBinds);
    const QString pageSql = storage::goodsqueries::pageSql(search, &pageBinds);
    pageBinds << models::WindowedModel::BlockRows << 0;
    const QString script = inlined(countSql, countBinds) + u";\n"_s + inlined(pageSql, pageBinds) + u";\n"_s;
    const QString scriptFile = work + u"/goods-filter.sql"_s;
    {
        QFile f(scriptFile);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(script.toUtf8()) < 0)
            qFatal("cannot write %s", qPrintable(scriptFile));
    }
    std::vector<double> cli;
    for (int i = 0; i < 5; ++i)
        if (auto ms =
                bench::sqliteCliMs({u"-readonly"_s, reference, u".read "_s + scriptFile}, u"/dev/null"_s))
            cli.push_back(*ms);
    bench::report(u"goods_filter_ms"_s, median(ours), u"ms"_s,
                  cli.size() == 5 ? std::optional<double>(median(cli)) : std::nullopt);

    if (qEnvironmentVariableIsSet("CARDOPS_BENCH_TRACE")) {
        storage::GoodsQuery category, low, linked;
        category.categoryId = 1;
        low.stock = storage::GoodsStock::Low;
        low.status = storage::GoodsStatus::On;
        linked.link = storage::GoodsLink::Linked;
        for (const auto& [name, q] :
             {std::pair{"category", category}, {"low_stock", low}, {"linked", linked}}) {
            std::vector<double> runs;
            for (int i = 0; i < 5; ++i)
                runs.push_back(filterRun(source, q));
            qInfo("goods filter %s: %.1f ms (median of 5)", name, median(runs));
        }
    }
    return 0;
}
