// The commission check on the reference database (performance.md, issue #10 item 5):
//   commission_check_ms   storage::commissioncheck::run over the newest whole month of orders
//                         (Asia/Shanghai), loading orders, member_history, the ladder and the
//                         ledger and recomputing every commission, beside the sqlite3 CLI reading
//                         the same orders and ledger rows (process start included). Medians of 3.
// A reference database from before schema v12 has no member_history: the bench then works on a
// copy and fills it as the ingest would (each member's state from its registration).
#include "benchsupport.h"
#include "core/clock.h"
#include "storage/commissioncheck.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QTextStream>
#include <QTimeZone>

using namespace cardops;
using namespace Qt::StringLiterals;

namespace {

QString withHistory(const QString& reference, const QString& work)
{
    {
        storage::ReadSession read(reference);
        auto rows = read.select(u"SELECT COUNT(*) FROM member_history"_s);
        if (rows && !rows->isEmpty() && rows->first().value(0).toLongLong() > 0)
            return reference;
    }
    const QString copy = work + u"/commission-reference.db"_s;
    if (QFile::exists(copy))
        return copy;
    const QString scratch = copy + u".new"_s;
    QFile::remove(scratch);
    if (!QFile::copy(reference, scratch))
        qFatal("cannot copy the reference database");
    core::SystemClock clock;
    {
        auto db = storage::Database::open(scratch, clock);
        if (!db)
            qFatal("open failed: %s", qPrintable(db.error().detail));
        auto filled =
            (*db)
                ->writer()
                .submit<qint64>(u"bench.history"_s,
                                [](storage::WriteContext& ctx) {
                                    return ctx.exec(
                                        u"INSERT OR IGNORE INTO member_history (member_id, from_at, "
                                        u"tier_id, parent_id) SELECT id, registered_at, tier_id, "
                                        u"parent_id FROM members"_s);
                                })
                .result();
        if (!filled)
            qFatal("history failed: %s", qPrintable(filled.error().detail));
    }
    if (!QFile::rename(scratch, copy))
        qFatal("cannot rename the copy");
    return copy;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const auto [work, ids] = bench::parseArguments(app);
    if (!bench::wanted(ids, u"commission_check_ms"_s))
        return 0;
    const QString reference = work + u"/reference.db"_s;
    if (!QFile::exists(reference)) {
        const bool ci = qEnvironmentVariable("CI") == u"true";
        QTextStream(stderr) << "bench_commission: no reference database at " << reference
                            << "; run scripts/bench (it generates it) or pass --work DIR holding reference.db"
                            << (ci ? " (CI=true: failing)" : " (skipped)") << Qt::endl;
        return ci ? 1 : 0;
    }
    const QString path = withHistory(reference, work);
    storage::ReadSession read(path);
    auto newest = read.select(u"SELECT MAX(created_at) FROM orders"_s);
    if (!newest || newest->isEmpty())
        qFatal("no orders");
    // The newest whole month before the newest order's month.
    const QTimeZone shanghai(8 * 3600);
    const QDate last = QDateTime::fromSecsSinceEpoch(newest->first().value(0).toLongLong(), shanghai).date();
    const QDate first = QDate(last.year(), last.month(), 1).addMonths(-1);
    const qint64 from = QDateTime(first, QTime(0, 0), shanghai).toSecsSinceEpoch();
    const qint64 to = QDateTime(first.addMonths(1), QTime(0, 0), shanghai).toSecsSinceEpoch();

    storage::commissioncheck::CheckResult result;
    auto once = [&] {
        auto r = storage::commissioncheck::run(read, from, to);
        if (!r)
            qFatal("check failed: %s", qPrintable(r.error().detail));
        result = std::move(*r);
    };
    once(); // warm-up
    const double ms = bench::medianMs(3, once);
    const QString sql =
        u"SELECT COUNT(*), SUM(paid_amount) FROM orders WHERE created_at >= %1 AND created_at < %2; "
        u"SELECT COUNT(*), SUM(amount) FROM ledger WHERE kind IN ('commission','refund') AND "
        u"created_at >= %1;"_s.arg(from)
            .arg(to);
    std::optional<double> baseline;
    QList<double> cli;
    for (int i = 0; i < 4; ++i)
        if (auto t = bench::sqliteCliMs({path, sql}))
            cli << *t;
    if (cli.size() == 4) {
        cli.removeFirst();
        std::sort(cli.begin(), cli.end());
        baseline = cli[1];
    }
    QTextStream(stderr) << "commission check " << first.toString(u"yyyy-MM"_s) << ": " << result.orders
                        << " orders, " << result.verified << " verified, " << result.undelivered
                        << " undelivered, " << result.differences.size() << " differences, "
                        << result.unverifiable.size() << " unverifiable, expected "
                        << result.expectedTotal.toString() << ", credited " << result.creditedTotal.toString()
                        << Qt::endl;
    bench::report(u"commission_check_ms"_s, ms, u"ms"_s, baseline);
    return 0;
}
