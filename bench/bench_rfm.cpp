// RFM on the reference database (performance.md):
//   rfm_ms   the recompute as of the newest order — the per-member aggregates (one grouped query
//            through storage/memberstats), the R, F, M scores and the named segments (core/rfm) —
//            beside the same aggregation run as one SQL query by the sqlite3 CLI (process start
//            included). Medians of 5 runs after one warm-up run of each.
// The trend (the same recompute as of 30 days earlier as well) is printed as a note on stderr.
#include "benchsupport.h"
#include "core/rfm.h"
#include "storage/memberstats.h"
#include "storage/readsession.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

using namespace cardops;
using namespace Qt::StringLiterals;

namespace {

core::RfmResult recompute(const storage::ReadSession& read, qint64 at)
{
    auto aggregates = storage::memberstats::aggregatesAsOf(read, at);
    if (!aggregates)
        qFatal("aggregates failed: %s", qPrintable(aggregates.error().detail));
    return core::computeRfm(*aggregates, at);
}

qint64 lineCount(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    qint64 lines = 0;
    while (!file.atEnd()) {
        file.readLine();
        ++lines;
    }
    return lines;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const auto [work, ids] = bench::parseArguments(app);
    if (!bench::wanted(ids, u"rfm_ms"_s))
        return 0;
    // Generating 1M orders takes minutes, so this bench does not do it on its own: scripts/bench
    // generates the file once (bench_console and bench_orders run first). Under CI a missing file
    // is a failure, not a silently absent figure.
    const QString reference = work + u"/reference.db"_s;
    if (!QFile::exists(reference)) {
        const bool ci = qEnvironmentVariable("CI") == u"true";
        QTextStream(stderr) << "bench_rfm: no reference database at " << reference
                            << "; run scripts/bench (it generates it) or pass --work DIR holding reference.db"
                            << (ci ? " (CI=true: failing)" : " (skipped)") << Qt::endl;
        return ci ? 1 : 0;
    }

    storage::ReadSession read(reference);
    if (!read.isOpen())
        qFatal("cannot open %s: %s", qPrintable(reference), qPrintable(read.openError().detail));
    const auto latest = storage::memberstats::latestOrderAt(read);
    if (!latest || *latest == 0)
        qFatal("no orders in %s", qPrintable(reference));
    const qint64 at = *latest;

    // One warm-up run each, so both sides read from the OS page cache.
    const core::RfmResult warm = recompute(read, at);
    const QStringList cliArguments{u"-readonly"_s, reference, storage::memberstats::aggregatesSqlText(at)};
    const QString cliOutput = work + u"/rfm-cli.txt"_s;
    if (!bench::sqliteCliMs(cliArguments, cliOutput))
        qFatal("sqlite3 CLI failed on the RFM aggregation");
    // The CLI must have produced the same rows, else the baseline would time other work.
    if (lineCount(cliOutput) != warm.members.size())
        qFatal("sqlite3 CLI returned %lld rows, CardOps %lld", lineCount(cliOutput),
               static_cast<long long>(warm.members.size()));

    const double ours = bench::medianMs(5, [&] { recompute(read, at); });
    std::vector<double> cli;
    for (int i = 0; i < 5; ++i) {
        const auto ms = bench::sqliteCliMs(cliArguments, cliOutput);
        if (!ms)
            qFatal("sqlite3 CLI failed on the RFM aggregation");
        cli.push_back(*ms);
    }
    std::sort(cli.begin(), cli.end());
    bench::report(u"rfm_ms"_s, ours, u"ms"_s, cli[cli.size() / 2]);

    const qint64 then = at - core::RfmTrendDays * 86400;
    core::SegmentTrend trend;
    const double withTrend =
        bench::medianMs(5, [&] { trend = core::segmentTrend(recompute(read, then), recompute(read, at)); });
    QTextStream err(stderr);
    err << "bench_rfm: " << warm.members.size() << " members as of " << at << "; recompute with the trend "
        << QString::number(withTrend, 'f', 1) << " ms; sizes then→now:";
    for (int i = 0; i < core::SegmentCount; ++i) {
        const auto segment = static_cast<core::Segment>(i);
        err << ' ' << core::segmentCode(segment) << '=' << trend.sizesThen[core::sizeIndex(segment)] << "→"
            << trend.sizesNow[core::sizeIndex(segment)];
    }
    err << Qt::endl;
    QFile::remove(cliOutput);
    return 0;
}
