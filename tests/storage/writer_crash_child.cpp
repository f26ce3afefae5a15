// Child process for tst_writer_crash: writes whole jobs of JobRows rows as fast as it can until it
// is killed. Each job inserts its rows and bumps a counter, so a survivor can check that only
// whole jobs reached the file.
#include "core/clock.h"
#include "storage/database.h"
#include "storage/databasewriter.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

using namespace cardops;
using core::Result;

constexpr int JobRows = 50;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    core::SystemClock clock;
    auto db = storage::Database::open(QString::fromLocal8Bit(argv[1]), clock);
    if (!db) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(db.error().detail));
        return 1;
    }
    auto& writer = (*db)->writer();
    auto next = writer
                    .submit<qint64>(
                        QStringLiteral("setup"),
                        [](storage::WriteContext& ctx) -> Result<qint64> {
                            auto made = ctx.exec(QStringLiteral(
                                "CREATE TABLE IF NOT EXISTS probe (job INTEGER NOT NULL, n INTEGER NOT NULL, "
                                "payload TEXT NOT NULL)"));
                            if (!made)
                                return made.error();
                            auto rows =
                                ctx.select(QStringLiteral("SELECT coalesce(max(job), 0) + 1 FROM probe"));
                            if (!rows)
                                return rows.error();
                            return rows->first().value(0).toLongLong();
                        })
                    .result();
    if (!next)
        return 1;
    qint64 job = *next;
    const QString payload(200, u'卡');
    bool announced = false;
    for (;;) {
        QFuture<Result<void>> last;
        for (int i = 0; i < 64; ++i, ++job) {
            last = writer.submit(
                QStringLiteral("probe"), [job, payload](storage::WriteContext& ctx) -> Result<void> {
                    for (int n = 0; n < JobRows; ++n) {
                        auto r =
                            ctx.exec(QStringLiteral("INSERT INTO probe (job, n, payload) VALUES (?, ?, ?)"),
                                     {job, n, payload});
                        if (!r)
                            return r.error();
                    }
                    return ctx.addToCounter(QStringLiteral("probe_rows"), JobRows);
                });
        }
        if (!last.result().ok())
            return 1;
        if (!announced) {
            std::fputs("ready\n", stdout);
            std::fflush(stdout);
            announced = true;
        }
    }
}
