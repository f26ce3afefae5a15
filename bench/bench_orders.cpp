// The orders page on the reference database (performance.md), each figure beside the naive
// QSqlQueryModel in the same QTableView where performance.md names one:
//   orders_first_rows_ms         page created → the first visible rows painted with data
//   orders_jump_last_ms          scrollbar to maximum → the visible rows painted with data
//   orders_jump_middle_ms        scrollbar to 50 % → the visible rows painted with data
//   orders_filter_<name>_ms      filter applied → the first visible rows painted with data
//   orders_mem_growth_mb         RSS after the page opened → after visiting first, middle and last
// Medians of 5 runs, offscreen, after the event loop has painted.
#include "benchsupport.h"
#include "benchviews.h"
#include "core/clock.h"
#include "models/datasource.h"
#include "models/ordersmodel.h"
#include "storage/database.h"
#include "storage/readsession.h"
#include "ui/orderspage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QSqlDatabase>
#include <QSqlQueryModel>
#include <QTableView>
#include <unistd.h>

using namespace cardops;
using namespace Qt::StringLiterals;

namespace {

double rssMb()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toDouble() * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0) : 0;
}

struct Page
{
    std::unique_ptr<ui::OrdersPage> page;
    explicit Page(models::DataSource& source)
        : page(std::make_unique<ui::OrdersPage>(source))
    {
        page->resize(1280, 800);
    }
};

double jump(ui::OrdersPage& page, double fraction)
{
    QScrollBar* bar = page.view().verticalScrollBar();
    QElapsedTimer timer;
    timer.start();
    bar->setValue(int(bar->maximum() * fraction));
    return bench::untilPainted(page.view(), &page.model(), timer);
}

// The naive model: every column of the page's query through QSqlQueryModel.
const QString kNaiveSql =
    u"SELECT t.id, t.order_no, t.created_at, COALESCE(m.name, '#' || t.member_id), "
    u"COALESCE(g.name, '#' || t.goods_id), t.quantity, t.unit_price, t.amount, t.paid_amount, "
    u"t.cost_at_order, "
    u"t.status, t.charge_account, t.pay_channel, t.contact, t.paid_at, t.delivered_at, t.refund_amount "
    u"FROM orders t LEFT JOIN members m ON m.id = t.member_id LEFT JOIN goods g ON g.id = t.goods_id "
    u"ORDER BY t.created_at DESC, t.id DESC"_s;

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const auto [work, ids] = bench::parseArguments(app);
    const QStringList mine = {u"orders_first_rows_ms"_s, u"orders_jump_last_ms"_s, u"orders_jump_middle_ms"_s,
                              u"orders_mem_growth_mb"_s};
    bool any =
        std::any_of(mine.begin(), mine.end(), [&](const QString& id) { return bench::wanted(ids, id); });
    any = any || ids.isEmpty() || std::any_of(ids.begin(), ids.end(), [](const QString& id) {
              return id.startsWith(u"orders_filter_");
          });
    if (!any)
        return 0;
    const QString reference = bench::referenceDatabase(work);
    core::SystemClock clock;
    auto db = storage::Database::open(reference, clock); // migrates a cache of an older CardOps once
    if (!db)
        qFatal("cannot open %s: %s", qPrintable(reference), qPrintable(db.error().detail));
    models::DataSource source(reference, &db.value()->writer());

    // Warm the OS page cache and the loader's connection once.
    {
        Page warm(source);
        warm.page->show();
        QElapsedTimer t;
        t.start();
        bench::untilPainted(warm.page->view(), &warm.page->model(), t);
    }

    QSqlDatabase naiveDb = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"naive"_s);
    naiveDb.setDatabaseName(reference);
    naiveDb.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
    if (!naiveDb.open())
        qFatal("naive connection failed");
    const auto naiveView = [&](QSqlQueryModel& model, QTableView& view) {
        view.resize(1200, 700);
        view.setModel(&model);
        view.show();
    };

    if (bench::wanted(ids, u"orders_first_rows_ms"_s)) {
        std::vector<double> ours, naive;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer timer;
            timer.start();
            Page p(source);
            p.page->show();
            ours.push_back(bench::untilPainted(p.page->view(), &p.page->model(), timer));
        }
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer timer;
            timer.start();
            QSqlQueryModel model;
            QTableView view;
            model.setQuery(kNaiveSql, naiveDb);
            naiveView(model, view);
            naive.push_back(bench::untilPainted(view, nullptr, timer));
        }
        bench::report(u"orders_first_rows_ms"_s, bench::median(ours), u"ms"_s, bench::median(naive));
    }

    for (const auto& [id, fraction] :
         {std::pair{u"orders_jump_last_ms"_s, 1.0}, {u"orders_jump_middle_ms"_s, 0.5}}) {
        if (!bench::wanted(ids, id))
            continue;
        std::vector<double> ours, naive;
        for (int i = 0; i < 5; ++i) {
            Page p(source);
            p.page->show();
            bench::waitUntil([&] { return p.page->model().hasLadder() && p.page->model().isIdle(); });
            ours.push_back(jump(*p.page, fraction));
        }
        for (int i = 0; i < 3; ++i) {
            QSqlQueryModel model;
            QTableView view;
            model.setQuery(kNaiveSql, naiveDb);
            naiveView(model, view);
            QElapsedTimer timer;
            timer.start();
            // QSqlQueryModel knows the rows it has fetched: reaching a row means fetching up to it.
            const int target = int(1'000'000 * fraction) - 1;
            while (model.rowCount() <= target && model.canFetchMore())
                model.fetchMore();
            view.scrollTo(model.index(std::min(target, model.rowCount() - 1), 0));
            naive.push_back(bench::untilPainted(view, nullptr, timer));
        }
        bench::report(id, bench::median(ours), u"ms"_s, bench::median(naive));
    }

    const qint64 latest = [&] {
        storage::ReadSession read(reference);
        auto rows = read.select(u"SELECT MAX(created_at) FROM orders"_s);
        return rows && !rows->isEmpty() ? rows->first().value(0).toLongLong() : qint64(0);
    }();
    const auto member = [&](const QString& sql) {
        storage::ReadSession read(reference);
        auto rows = read.select(sql);
        return rows && !rows->isEmpty() ? rows->first().value(0) : QVariant();
    };
    storage::OrderFilter status, date, byMember, byGoods, amount, orderNo, account;
    status.tab = storage::OrderTab::Refunded;
    date.createdFrom = core::businessDayStart(core::businessDay(latest) - 29);
    date.createdTo = core::businessDayStart(core::businessDay(latest) + 1);
    byMember.memberId =
        member(u"SELECT member_id FROM orders WHERE id = (SELECT MAX(id) FROM orders)"_s).toLongLong();
    byGoods.goodsId =
        member(u"SELECT goods_id FROM orders WHERE id = (SELECT MIN(id) FROM orders)"_s).toLongLong();
    amount.amountMin = 1'000'000; // 100 yuan
    amount.amountMax = 2'000'000;
    orderNo.orderNoPrefix =
        member(u"SELECT substr(order_no, 1, 10) FROM orders ORDER BY id DESC LIMIT 1 OFFSET 500000"_s)
            .toString();
    account.chargeAccountPrefix = u"139"_s;
    const std::pair<QString, storage::OrderFilter> filters[] = {
        {u"status"_s, status}, {u"date"_s, date},        {u"member"_s, byMember},       {u"goods"_s, byGoods},
        {u"amount"_s, amount}, {u"order_no"_s, orderNo}, {u"charge_account"_s, account}};
    for (const auto& [name, filter] : filters) {
        const QString id = u"orders_filter_"_s + name + u"_ms"_s;
        if (!bench::wanted(ids, id))
            continue;
        std::vector<double> runs;
        for (int i = 0; i < 5; ++i) {
            Page p(source);
            p.page->show();
            bench::waitUntil([&] { return p.page->isReady(); });
            QElapsedTimer timer;
            timer.start();
            p.page->model().setFilter(filter);
            bench::waitUntil([&] { return p.page->model().totalCount() >= 0; });
            const double counted = double(timer.nsecsElapsed()) / 1e6;
            bench::waitUntil([&] { return p.page->model().isRowLoaded(0) || p.page->model().totalCount() == 0; });
            if (qEnvironmentVariableIsSet("CARDOPS_BENCH_TRACE"))
                qInfo("%s: counted %.1f ms, first block %.1f ms", qPrintable(name), counted,
                      double(timer.nsecsElapsed()) / 1e6);
            runs.push_back(bench::untilPainted(p.page->view(), &p.page->model(), timer));
        }
        bench::report(id, bench::median(runs), u"ms"_s, std::nullopt);
    }

    if (bench::wanted(ids, u"orders_mem_growth_mb"_s)) {
        Page p(source);
        p.page->show();
        QElapsedTimer t;
        t.start();
        bench::untilPainted(p.page->view(), &p.page->model(), t);
        const double opened = rssMb();
        bench::waitUntil([&] { return p.page->model().hasLadder(); });
        for (double fraction : {0.0, 0.5, 1.0})
            jump(*p.page, fraction);
        const double ours = rssMb() - opened;
        p.page.reset();

        QSqlQueryModel model;
        QTableView view;
        model.setQuery(kNaiveSql, naiveDb);
        naiveView(model, view);
        QElapsedTimer n;
        n.start();
        bench::untilPainted(view, nullptr, n);
        const double naiveOpened = rssMb();
        while (model.canFetchMore())
            model.fetchMore();
        for (int row : {0, model.rowCount() / 2, model.rowCount() - 1}) {
            view.scrollTo(model.index(row, 0));
            QElapsedTimer s;
            s.start();
            bench::untilPainted(view, nullptr, s);
        }
        bench::report(u"orders_mem_growth_mb"_s, ours, u"MB"_s, rssMb() - naiveOpened);
    }
    return 0;
}
