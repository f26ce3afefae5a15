// The CSV exports (issue #11 item 4): golden files of the orders, commissions and cards exports,
// round trips through core::CsvReader, formula neutralization next to negative amounts, cancel and
// write errors leaving no file, and the sqlite3 CLI baseline of the bench printing the same bytes.
#include "bench/exportbaseline.h"
#include "core/csvexport.h"
#include "core/csvreader.h"
#include "models/csvexportjob.h"
#include "models/exporttables.h"
#include "models/listpresentation.h"
#include "storage/orderexport.h"
#include "storage/platformcache.h"
#include "tests/models/exportfixture.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using core::Money;

using exportfixture::makeOrder;
using exportfixture::Nov25;

namespace {

QByteArray golden(const QString& name, const QByteArray& actual)
{
    QFile f(QStringLiteral(EXPORT_DATA_DIR "/") + name);
    if (qEnvironmentVariableIsSet("CARDOPS_WRITE_GOLDEN") && f.open(QIODevice::WriteOnly)) {
        f.write(actual);
        return actual;
    }
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<QStringList> readCsv(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    core::CsvReader reader(&f);
    QList<QStringList> records;
    QStringList fields;
    while (reader.readRecord(fields))
        records.append(fields);
    return reader.hasError() ? QList<QStringList>() : records;
}

// Spins until cancelled, one row per call: for the cancel tests.
models::CsvExportSpec endless()
{
    models::CsvExportSpec spec;
    spec.columns = {{u"n"_s, core::CsvColumnKind::Integer}};
    spec.rows = [](models::CsvExportContext& ctx) -> core::Result<void> {
        for (qint64 i = 0;; ++i) {
            ctx.writer().addInteger(i);
            if (auto r = ctx.writer().endRow(); !r)
                return r.error();
            if (!ctx.rowDone())
                return {};
            if (i % 1000 == 0)
                QThread::msleep(1);
        }
    };
    return spec;
}

} // namespace

class TestCsvExports : public QObject
{
    Q_OBJECT

private:
    cachefixture::Cache m_cache;
    QTemporaryDir m_out;

    QString out(const QString& name) const { return m_out.filePath(name); }
    QString db() const { return m_cache.db_->path(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_out.isValid());
        QVERIFY(m_cache.open());
        auto seeded = exportfixture::seed(m_cache);
        QVERIFY2(seeded.ok(), seeded.ok() ? "" : qPrintable(seeded.error().detail));
    }

    void ordersGolden()
    {
        qint64 lastDone = -1;
        qint64 lastTotal = -2;
        models::CsvExportControl control;
        control.progress = [&](qint64 done, qint64 total) {
            lastDone = done;
            lastTotal = total;
        };
        const auto result =
            models::exportCsv(db(), models::CsvExports::orders({}), out(u"orders.csv"_s), control);
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().detail));
        QCOMPARE(result->rows, 3);
        QCOMPARE(result->path, out(u"orders.csv"_s));
        QCOMPARE(lastDone, 3);
        QCOMPARE(lastTotal, 3);
        const QByteArray actual = readAll(out(u"orders.csv"_s));
        QVERIFY(actual.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(actual, golden(u"export_orders.csv"_s, actual));
    }

    void ordersFilteredByPageFilterAndDates()
    {
        storage::OrderFilter filter;
        filter.createdFrom = Nov25 + 86400;
        filter.createdTo = Nov25 + 3 * 86400;
        auto result = models::exportCsv(db(), models::CsvExports::orders(filter), out(u"days.csv"_s));
        QVERIFY(result.ok());
        QCOMPARE(result->rows, 2);
        filter.tab = storage::OrderTab::Review;
        result = models::exportCsv(db(), models::CsvExports::orders(filter), out(u"review.csv"_s));
        QVERIFY(result.ok());
        QCOMPARE(result->rows, 1);
        const auto records = readCsv(out(u"review.csv"_s));
        QCOMPARE(records.size(), 2);
        QCOMPARE(core::decodeIdentifierField(records[1][0]), u"20261127000000000003"_s);
    }

    void commissionsGolden()
    {
        const auto result =
            models::exportCsv(db(), models::CsvExports::commissions(0, 0), out(u"commissions.csv"_s));
        QVERIFY(result.ok());
        QCOMPARE(result->rows, 3); // the recharge is not a commission
        const QByteArray actual = readAll(out(u"commissions.csv"_s));
        QCOMPARE(actual, golden(u"export_commissions.csv"_s, actual));
        const auto ranged =
            models::exportCsv(db(), models::CsvExports::commissions(Nov25 + 86400, Nov25 + 2 * 86400),
                              out(u"commissions-day.csv"_s));
        QVERIFY(ranged.ok());
        QCOMPARE(ranged->rows, 1);
    }

    void cardsGolden()
    {
        QList<models::StockCard> cards;
        models::StockCard a;
        a.id = 90001;
        a.status = u"available"_s;
        a.masked = u"0012****----0045"_s; // card data with leading zeros
        a.expiresAt = Nov25 + 30 * 86400;
        a.createdAt = Nov25;
        models::StockCard b = a;
        b.id = 90002;
        b.status = u"sold"_s;
        b.masked = u"=1+1"_s;
        b.expiresAt = 0;
        b.orderId = 1;
        b.loop = true;
        cards << a << b;
        const auto result = models::exportCsv(db(), models::CsvExports::cards(cards), out(u"cards.csv"_s));
        QVERIFY(result.ok());
        QCOMPARE(result->rows, 2);
        const QByteArray actual = readAll(out(u"cards.csv"_s));
        QCOMPARE(actual, golden(u"export_cards.csv"_s, actual));
        const auto records = readCsv(out(u"cards.csv"_s));
        QCOMPARE(records.size(), 3);
        QCOMPARE(core::decodeIdentifierField(records[1][1]), u"0012****----0045"_s);
        QCOMPARE(records[2][1], u"\t'=1+1"_s);
        QCOMPARE(core::decodeIdentifierField(records[2][1]), u"=1+1"_s);
    }

    void roundTripAndNeutralization()
    {
        QVERIFY(QFile::exists(out(u"orders.csv"_s)));
        const auto records = readCsv(out(u"orders.csv"_s));
        QCOMPARE(records.size(), 4);
        const core::CsvImportDecoder decoder(models::CsvExports::orderColumns());
        QVERIFY(decoder.checkHeader(records[0]).ok());
        const QStringList& first = records[1];
        QCOMPARE(first[0], u"\t12345678901234567890"_s);
        QCOMPARE(core::decodeIdentifierField(first[0]), u"12345678901234567890"_s);
        QCOMPARE(core::decodeIdentifierField(first[14]), u"0012345"_s);
        QCOMPARE(first[15], u"\t'+8613800000000"_s);
        QCOMPARE(first[4], u"'=HYPERLINK(\"http://evil\",\"点我\")"_s);
        QCOMPARE(core::decodeTextField(first[4]), u"=HYPERLINK(\"http://evil\",\"点我\")"_s);
        QCOMPARE(first[7], u"0.9850"_s);
        QCOMPARE(first[8], u"2.96"_s);
        QCOMPARE(first[10], u"2.50"_s); // 2.5005 half-up to 2.50
        const auto decoded = decoder.decodeRow(first);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->at(0).toString(), u"12345678901234567890"_s);
        QCOMPARE(decoded->at(7).value<Money>(), Money::fromUnits(9850));
        QCOMPARE(records[3][4], u"张三, \"老板\""_s);
        QCOMPARE(records[3][15], u"\tqq 10001 "_s);
        QCOMPARE(records[2][4], QString()); // member not cached
        QCOMPARE(records[2][5], u"#99"_s);
        QCOMPARE(records[2][2], QString()); // never paid

        const auto ledger = readCsv(out(u"commissions.csv"_s));
        QCOMPARE(ledger.size(), 4);
        QCOMPARE(ledger[2][4], u"-0.06"_s); // a reversal stays a number
        QCOMPARE(ledger[1][4], u"0.06"_s);
        QCOMPARE(ledger[3][3], QString()); // no order
        const QByteArray raw = readAll(out(u"commissions.csv"_s));
        QVERIFY(raw.contains(",-0.06\r\n"));
        QVERIFY(!raw.contains("'-0.06"));
    }

    void baselineSqlPrintsTheSameBytes()
    {
        if (QStandardPaths::findExecutable(u"sqlite3"_s).isEmpty())
            QSKIP("the sqlite3 CLI is not installed");
        QStringList header;
        for (const core::CsvColumn& c : models::CsvExports::orderColumns())
            header << c.header;
        bench::Labels statuses;
        for (const QString& s : {u"delivered"_s, u"refunded"_s, u"review"_s})
            statuses.append({s, models::ListPresentation::orderStatus(s)});
        bench::Labels channels;
        for (const QString& s : {u"alipay"_s, u"wechat"_s, u"balance"_s})
            channels.append({s, models::ListPresentation::payChannel(s)});
        QProcess cli;
        cli.start(u"sqlite3"_s, {u"-readonly"_s, db()});
        QVERIFY(cli.waitForStarted());
        cli.write(bench::exportOrdersScript(header.join(u','), statuses, channels).toUtf8());
        cli.closeWriteChannel();
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 0);
        QCOMPARE(cli.readAllStandardOutput(), readAll(out(u"orders.csv"_s)));
    }

    void cancelLeavesNoFile()
    {
        QFile existing(out(u"keep.csv"_s));
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("old");
        existing.close();
        std::atomic<bool> cancel{true};
        models::CsvExportControl control;
        control.cancel = &cancel;
        auto result =
            models::exportCsv(db(), models::CsvExports::orders({}), out(u"cancelled.csv"_s), control);
        QVERIFY(result.ok());
        QVERIFY(result->cancelled);
        QVERIFY(!QFile::exists(out(u"cancelled.csv"_s)));
        result = models::exportCsv(db(), endless(), out(u"keep.csv"_s), control);
        QVERIFY(result.ok() && result->cancelled);
        QCOMPARE(readAll(out(u"keep.csv"_s)), QByteArray("old"));

        models::CsvExportJob job(db());
        QSignalSpy cancelled(&job, &models::CsvExportJob::cancelled);
        QSignalSpy progressed(&job, &models::CsvExportJob::progressed);
        QVERIFY(job.start(endless(), out(u"job.csv"_s)));
        QVERIFY(!job.start(endless(), out(u"other.csv"_s))); // one at a time
        QTRY_VERIFY(!progressed.isEmpty() && progressed.last().at(0).toLongLong() > 0);
        job.cancel();
        QVERIFY(cancelled.wait(5000));
        QVERIFY(!job.isRunning());
        QCOMPARE(QDir(m_out.path()).entryList({u"job*"_s}, QDir::Files | QDir::Hidden), QStringList());
    }

    void jobFinishes()
    {
        models::CsvExportJob job(db());
        QSignalSpy finished(&job, &models::CsvExportJob::finished);
        QVERIFY(job.start(models::CsvExports::orders({}), out(u"job-orders.csv"_s)));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(0).toString(), out(u"job-orders.csv"_s));
        QCOMPARE(finished.first().at(1).toLongLong(), 3);
        QCOMPARE(readAll(out(u"job-orders.csv"_s)), readAll(out(u"orders.csv"_s)));
    }

    void writeErrorsLeaveNoFile()
    {
        const QString missing = out(u"no-such-folder/orders.csv"_s);
        auto result = models::exportCsv(db(), models::CsvExports::orders({}), missing);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, core::ErrorCode::Io);
        QVERIFY(!QFile::exists(missing));
        const QString text = models::CsvExportJob::describe(result.error(), missing);
        QVERIFY(text.contains(QDir::toNativeSeparators(missing)));

        models::CsvExportJob job(db());
        QSignalSpy failed(&job, &models::CsvExportJob::failed);
        QVERIFY(job.start(models::CsvExports::orders({}), missing));
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.first().at(0).toString().contains(QDir::toNativeSeparators(missing)));

        // A device that fills up: the device's own words come back; nothing counts as written.
        QFile full(u"/dev/full"_s);
        if (!full.open(QIODevice::WriteOnly))
            QSKIP("no /dev/full");
        QList<QVariantList> rows;
        for (int i = 0; i < 20000; ++i)
            rows.append({QVariant(qint64(i))});
        const auto spec = models::CsvExportSpec::fromRows({{u"n"_s, core::CsvColumnKind::Integer}}, rows);
        const auto onFull = models::exportCsv(db(), spec, static_cast<QIODevice*>(&full));
        QVERIFY(!onFull.ok());
        QCOMPARE(onFull.error().code, core::ErrorCode::Io);
        QVERIFY2(onFull.error().detail.contains(u"space"_s), qPrintable(onFull.error().detail));

        // A failure in the middle of the rows (here: a value of the wrong kind) leaves no file.
        const auto bad = models::CsvExportSpec::fromRows({{u"n"_s, core::CsvColumnKind::Integer}},
                                                         {{QVariant(qint64(1))}, {QVariant(u"x"_s)}});
        result = models::exportCsv(db(), bad, out(u"partial.csv"_s));
        QVERIFY(!result.ok());
        QVERIFY(!QFile::exists(out(u"partial.csv"_s)));
        QCOMPARE(QDir(m_out.path()).entryList({u"partial*"_s}, QDir::Files | QDir::Hidden), QStringList());
    }

    void readerErrors()
    {
        storage::ExportReader reader(out(u"absent.db"_s));
        QVERIFY(!reader.status().ok());
        QCOMPARE(reader.status().error().code, core::ErrorCode::NotFound);
        const auto result =
            models::exportCsv(out(u"absent.db"_s), models::CsvExports::orders({}), out(u"x.csv"_s));
        QVERIFY(!result.ok());
        QVERIFY(!QFile::exists(out(u"x.csv"_s)));
    }

    void chunksResumeAfterTheLastKey()
    {
        // More rows than a chunk, several on the same second: each once, in (created_at, id) order.
        auto seeded = m_cache.run<bool>([](storage::WriteContext& ctx) -> core::Result<bool> {
            QList<core::Order> orders;
            for (qint64 i = 0; i < storage::orderexport::ChunkRows + 10; ++i)
                orders << makeOrder(1000 + i, u"N%1"_s.arg(1000 + i), 7, 3, Nov25 + 10 * 86400 + i / 3);
            if (auto r = storage::platformcache::ingestOrders(ctx, orders,
                                                              {core::Feed::Orders, {}, false, false, {}});
                !r)
                return r.error();
            return true;
        });
        QVERIFY(seeded.ok());
        storage::ExportReader reader(db());
        qint64 previous = 0;
        qint64 seen = 0;
        bool ordered = true;
        const auto rows = storage::orderexport::streamOrders(reader, {}, 0, [&](const storage::ExportRow& r) {
            const qint64 id = r.integer(storage::orderexport::OrderId);
            if (id >= 1000) {
                ordered = ordered && id == previous + 1;
                previous = id;
                ++seen;
            } else {
                previous = 999;
            }
            return true;
        });
        QVERIFY(rows.ok());
        QCOMPARE(*rows, storage::orderexport::ChunkRows + 13);
        QCOMPARE(seen, storage::orderexport::ChunkRows + 10);
        QVERIFY(ordered);
    }
};

QTEST_GUILESS_MAIN(TestCsvExports)
#include "tst_csvexports.moc"
