// The goods page on the reference database (performance.md: 10,000 goods, 1M orders):
//   goods_filter_ms   filter applied → the first visible rows painted with data (target < 50 ms)
// The filter is the page's search (part of the name, SKU prefix or supplier product id: the
// widest read, every goods looked at), median of 5, offscreen, after the event loop has painted.
// Baseline: the same SQL (the count and the first window with its figures) through the sqlite3 CLI.
// CARDOPS_BENCH_TRACE=1 also prints the other filters (category, low stock, linked) without a
// baseline.
#include "benchsupport.h"
#include "benchviews.h"
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
    bench::waitUntil([&] { return page.isReady(); });
    QElapsedTimer timer;
    timer.start();
    storage::GoodsQuery q = query;
    q.now = page.model().query().now;
    page.model().setQuery(q);
    return bench::untilPainted(page.view(), &page.model(), timer, bench::Until::Counted);
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
    bench::report(u"goods_filter_ms"_s, bench::median(ours), u"ms"_s,
                  cli.size() == 5 ? std::optional<double>(bench::median(cli)) : std::nullopt);

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
            qInfo("goods filter %s: %.1f ms (median of 5)", name, bench::median(runs));
        }
    }
    return 0;
}
