// Figures for the foundation: the writer's insert rate, the cost of opening (and checking) a big
// cache, and the CSV export formatter. Each is printed next to a baseline from the same run.
#include "bench/benchsupport.h"
#include "core/clock.h"
#include "core/csvexport.h"
#include "core/money.h"
#include "storage/database.h"
#include "storage/databasewriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace cardops;

namespace {

constexpr int Rows = 1'000'000;
constexpr int RowsPerJob = 1000;

const QString kCreate = QStringLiteral("CREATE TABLE IF NOT EXISTS bench_orders (id INTEGER PRIMARY KEY, "
                                       "order_no TEXT NOT NULL, member_id INTEGER, "
                                       "goods_id INTEGER, quantity INTEGER, unit_price INTEGER, amount "
                                       "INTEGER, paid_amount INTEGER, cost INTEGER, "
                                       "status TEXT, charge_account TEXT, contact TEXT, created_at INTEGER)");
const QString kInsert =
    QStringLiteral("INSERT INTO bench_orders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

QVariantList row(qint64 i)
{
    const qint64 unit = 9850 + (i % 97) * 100;
    const qint64 qty = 1 + i % 3;
    return {i,
            QStringLiteral("CO2026%1").arg(i, 10, 10, QChar(u'0')),
            i % 50000,
            i % 10000,
            qty,
            unit,
            unit * qty,
            unit * qty,
            unit * qty * 9 / 10,
            QStringLiteral("delivered"),
            QStringLiteral("1%1").arg(i * 7919 % 10000000000LL, 10, 10, QChar(u'0')),
            QStringLiteral("=qq%1").arg(i % 1000),
            1'700'000'000 + i * 31};
}

double writerInsertPerSecond(const QString& path)
{
    QFile::remove(path);
    core::SystemClock clock;
    auto db = storage::Database::open(path, clock);
    if (!db)
        qFatal("open: %s", qPrintable(db.error().detail));
    auto& writer = (*db)->writer();
    (void)writer
        .submit(QStringLiteral("ddl"),
                [](storage::WriteContext& ctx) -> core::Result<void> {
                    auto r = ctx.exec(kCreate);
                    if (!r)
                        return r.error();
                    return {};
                })
        .result();
    QElapsedTimer t;
    t.start();
    QFuture<core::Result<void>> last;
    for (qint64 job = 0; job < Rows / RowsPerJob; ++job) {
        last = writer.submit(QStringLiteral("rows"), [job](storage::WriteContext& ctx) -> core::Result<void> {
            for (qint64 i = job * RowsPerJob; i < (job + 1) * RowsPerJob; ++i) {
                auto r = ctx.exec(kInsert, row(i + 1));
                if (!r)
                    return r.error();
            }
            return {};
        });
    }
    if (!last.result().ok())
        qFatal("insert failed: %s", qPrintable(last.result().error().detail));
    return Rows / (static_cast<double>(t.nsecsElapsed()) / 1e9);
}

double qtSqlInsertPerSecond(const QString& path)
{
    QFile::remove(path);
    double perSecond = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("baseline"));
        db.setDatabaseName(path);
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        q.exec(kCreate);
        QElapsedTimer t;
        t.start();
        db.transaction();
        q.prepare(kInsert);
        for (qint64 i = 1; i <= Rows; ++i) {
            for (const QVariant& v : row(i))
                q.addBindValue(v);
            q.exec();
        }
        q.finish();
        db.commit();
        perSecond = Rows / (static_cast<double>(t.nsecsElapsed()) / 1e9);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("baseline"));
    return perSecond;
}

double csvExportMs(const QString& path)
{
    const QList<core::CsvColumn> columns = {
        {QStringLiteral("id"), core::CsvColumnKind::Integer},
        {QStringLiteral("order_no"), core::CsvColumnKind::Identifier},
        {QStringLiteral("member_id"), core::CsvColumnKind::Integer},
        {QStringLiteral("goods_id"), core::CsvColumnKind::Integer},
        {QStringLiteral("quantity"), core::CsvColumnKind::Integer},
        {QStringLiteral("unit_price"), core::CsvColumnKind::Money, 4},
        {QStringLiteral("amount"), core::CsvColumnKind::Money},
        {QStringLiteral("paid_amount"), core::CsvColumnKind::Money},
        {QStringLiteral("cost"), core::CsvColumnKind::Money},
        {QStringLiteral("status"), core::CsvColumnKind::Text},
        {QStringLiteral("charge_account"), core::CsvColumnKind::Identifier},
        {QStringLiteral("contact"), core::CsvColumnKind::Text},
        {QStringLiteral("created_at"), core::CsvColumnKind::Time},
    };
    QElapsedTimer t;
    t.start();
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    core::CsvExportWriter writer(&file, columns);
    (void)writer.writeHeader();
    for (qint64 i = 1; i <= Rows; ++i) {
        const QVariantList r = row(i);
        writer.addInteger(i);
        writer.addIdentifier(r[1].toString());
        writer.addInteger(r[2].toLongLong());
        writer.addInteger(r[3].toLongLong());
        writer.addInteger(r[4].toLongLong());
        writer.addMoney(core::Money::fromUnits(r[5].toLongLong()));
        writer.addMoney(core::Money::fromUnits(r[6].toLongLong()));
        writer.addMoney(core::Money::fromUnits(r[7].toLongLong()));
        writer.addMoney(core::Money::fromUnits(r[8].toLongLong()));
        writer.addText(r[9].toString());
        writer.addIdentifier(r[10].toString());
        writer.addText(r[11].toString());
        writer.addTime(r[12].toLongLong());
        if (!writer.endRow())
            qFatal("export failed");
    }
    if (!writer.finish())
        qFatal("export failed");
    file.close();
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const auto [work, ids] = bench::parseArguments(app);
    const QString dbPath = work + QStringLiteral("/foundation.db");

    const bool needDb = bench::wanted(ids, QStringLiteral("writer_insert_per_s")) ||
                        bench::wanted(ids, QStringLiteral("db_open_ms")) ||
                        bench::wanted(ids, QStringLiteral("csv_format_1m_ms"));
    if (needDb) {
        // Writer: 1M rows in jobs of 1000 vs one QtSql transaction of prepared inserts.
        const double baseline = qtSqlInsertPerSecond(work + QStringLiteral("/baseline.db"));
        QFile::remove(work + QStringLiteral("/baseline.db"));
        const double value = writerInsertPerSecond(dbPath);
        if (bench::wanted(ids, QStringLiteral("writer_insert_per_s")))
            bench::report(QStringLiteral("writer_insert_per_s"), value, QStringLiteral("per_s"), baseline);
    }
    if (bench::wanted(ids, QStringLiteral("db_open_ms"))) {
        // Opening a 1M-row cache, quick_check included, vs the sqlite3 CLI running quick_check.
        core::SystemClock clock;
        const double value = bench::medianMs(5, [&] {
            auto db = storage::Database::open(dbPath, clock);
            if (!db)
                qFatal("open: %s", qPrintable(db.error().detail));
        });
        const auto baseline = bench::sqliteCliMs({dbPath, QStringLiteral("PRAGMA quick_check")});
        bench::report(QStringLiteral("db_open_ms"), value, QStringLiteral("ms"), baseline);
    }
    if (bench::wanted(ids, QStringLiteral("csv_format_1m_ms"))) {
        // 1M × 13 columns with the export formats of domain.md vs the CLI dumping the same rows raw.
        const double value = csvExportMs(work + QStringLiteral("/export.csv"));
        const auto baseline =
            bench::sqliteCliMs({QStringLiteral("-csv"), dbPath, QStringLiteral("SELECT * FROM bench_orders")},
                               work + QStringLiteral("/export-cli.csv"));
        bench::report(QStringLiteral("csv_format_1m_ms"), value, QStringLiteral("ms"), baseline);
    }
    return 0;
}
