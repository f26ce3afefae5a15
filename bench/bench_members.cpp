// The members list on the reference database (performance.md: 50,000 members, 1M orders):
//   members_filter_<name>_ms  filter applied → the first visible rows painted with data, one per
//                             filter (kind, tier, segment, tag, search), median of 5, offscreen
//   members_filter_ms         the slowest of them (target < 100 ms)
// Baseline of each: the same SQL (the count and the first window with its figures) through the
// sqlite3 CLI, process start included. The segment filter needs member_rfm: when the reference
// database has none, the RFM of memberstats/core is computed once and stored, as the app does after
// an ingest.
#include "benchsupport.h"
#include "benchviews.h"
#include "core/clock.h"
#include "core/rfm.h"
#include "models/datasource.h"
#include "models/membersmodel.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/memberqueries.h"
#include "storage/memberstats.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"
#include "tests/gui/fakebackend.h"
#include "ui/memberslistpanel.h"

#include <QApplication>
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

double filterRun(models::DataSource& source, models::ConsoleBackend& console,
                 const storage::MemberQuery& query)
{
    ui::MembersListPanel panel(source, console);
    panel.resize(1280, 800);
    panel.show();
    QElapsedTimer wait;
    wait.start();
    while (!panel.isReady() && wait.elapsed() < 120'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
    QElapsedTimer timer;
    timer.start();
    panel.model().setQuery(query);
    return bench::untilPainted(panel.view(), &panel.model(), timer, bench::Until::Idle);
}

void ensureRfm(storage::Database& db)
{
    storage::ReadSession read(db);
    auto have = read.select(u"SELECT COUNT(*) FROM member_rfm"_s);
    if (have && !have->isEmpty() && have->first().value(0).toLongLong() > 0)
        return;
    auto at = storage::memberstats::latestOrderAt(read);
    auto aggregates = at ? storage::memberstats::aggregatesAsOf(read, *at)
                         : core::Result<QList<core::MemberAggregate>>(at.error());
    if (!aggregates)
        qFatal("cannot compute RFM: %s", qPrintable(aggregates.error().detail));
    const core::RfmResult rfm = core::computeRfm(*aggregates, *at);
    auto done = db.writer()
                    .submit<bool>(
                        u"bench.rfm"_s,
                        [rfm](storage::WriteContext& ctx) -> core::Result<bool> {
                            for (const core::MemberRfm& m : rfm.members)
                                if (auto r = ctx.exec(u"INSERT OR REPLACE INTO member_rfm (member_id, r, f, "
                                                      u"m, segment, computed_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
                                                      {m.memberId, m.score.r, m.score.f, m.score.m,
                                                       core::segmentCode(m.segment), rfm.at});
                                    !r)
                                    return r.error();
                            return true;
                        })
                    .result();
    if (!done)
        qFatal("cannot store RFM: %s", qPrintable(done.error().detail));
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const auto [work, ids] = bench::parseArguments(app);
    if (!bench::wanted(ids, u"members_filter_ms"_s))
        return 0;
    const QString reference = bench::referenceDatabase(work);
    core::SystemClock clock;
    auto db = storage::Database::open(reference, clock); // migrates a cache of an older CardOps once
    if (!db)
        qFatal("cannot open %s: %s", qPrintable(reference), qPrintable(db.error().detail));
    ensureRfm(*db.value());
    models::DataSource source(reference, &db.value()->writer());
    FakeBackend console; // the panel needs a console; the benchmark has none

    storage::MemberQuery kind, tier, segment, tag, search;
    kind.kind = u"agent"_s;
    tier.tierId = 3;
    segment.segment = u"churn_risk"_s;
    tag.tag = u"老客户"_s;
    search.search = u"138"_s; // numeric: an id, or part of a name or contact (the widest read)
    const std::pair<const char*, storage::MemberQuery> filters[] = {
        {"kind", kind}, {"tier", tier}, {"segment", segment}, {"tag", tag}, {"search", search}};

    filterRun(source, console, search); // warms the OS page cache and the loader's connection
    double worst = 0;
    std::optional<double> worstBaseline;
    for (const auto& [name, query] : filters) {
        std::vector<double> ours;
        for (int i = 0; i < 5; ++i)
            ours.push_back(filterRun(source, console, query));
        QVariantList countBinds, pageBinds;
        const QString countSql = storage::memberqueries::countSql(query, &countBinds);
        const QString pageSql = storage::memberqueries::pageSql(query, &pageBinds);
        pageBinds << models::WindowedModel::BlockRows << 0;
        const QString script =
            inlined(countSql, countBinds) + u";\n"_s + inlined(pageSql, pageBinds) + u";\n"_s;
        const QString scriptFile = work + u"/members-filter-%1.sql"_s.arg(QLatin1StringView(name));
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
        const std::optional<double> baseline = cli.size() == 5 ? std::optional(bench::median(cli)) : std::nullopt;
        const double value = bench::median(ours);
        bench::report(u"members_filter_%1_ms"_s.arg(QLatin1StringView(name)), value, u"ms"_s, baseline);
        if (value > worst) {
            worst = value;
            worstBaseline = baseline;
        }
    }
    bench::report(u"members_filter_ms"_s, worst, u"ms"_s, worstBaseline);
    return 0;
}
