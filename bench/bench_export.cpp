// CSV export of every order of the reference database (performance.md):
//   export_orders_csv_ms   models::exportCsv(CsvExports::orders()) started → the QSaveFile committed
//                          (read by storage::ExportReader, formatted by core::CsvExportWriter), beside
//                          the sqlite3 CLI printing the same bytes with the formatting done in SQL
//                          (bench/exportbaseline.h; process start included). Medians of 5 runs after
//                          one warm-up run of each. The two files of the last runs are compared byte
//                          for byte: a difference is a failure (exit 1), not a figure.
#include "bench/exportbaseline.h"
#include "benchsupport.h"
#include "models/exporttables.h"
#include "models/listpresentation.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QTextStream>

using namespace cardops;
using namespace Qt::StringLiterals;

namespace {

QByteArray sha256(const QString& path, qint64* size)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    *size = file.size();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

bench::Labels labels(const QStringList& codes, QString (*label)(const QString&))
{
    bench::Labels out;
    for (const QString& code : codes)
        out.append({code, label(code)});
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const auto [work, ids] = bench::parseArguments(app);
    if (!bench::wanted(ids, u"export_orders_csv_ms"_s))
        return 0;
    const QString reference = work + u"/reference.db"_s;
    if (!QFile::exists(reference)) {
        const bool ci = qEnvironmentVariable("CI") == u"true";
        QTextStream(stderr) << "bench_export: no reference database at " << reference
                            << "; run scripts/bench (it generates it) or pass --work DIR holding reference.db"
                            << (ci ? " (CI=true: failing)" : " (skipped)") << Qt::endl;
        return ci ? 1 : 0;
    }

    const QString ours = work + u"/export-orders.csv"_s;
    const QString theirs = work + u"/export-orders-cli.csv"_s;
    const models::CsvExportSpec spec = models::CsvExports::orders({});
    qint64 rows = 0;
    const auto exportOnce = [&] {
        auto result = models::exportCsv(reference, spec, ours);
        if (!result)
            qFatal("export failed: %s", qPrintable(result.error().detail));
        rows = result->rows;
    };

    QStringList header;
    for (const core::CsvColumn& c : models::CsvExports::orderColumns())
        header << c.header;
    const QString script = bench::exportOrdersScript(
        header.join(u','),
        labels({u"unpaid"_s, u"paid"_s, u"handed_over"_s, u"delivering"_s, u"delivered"_s, u"review"_s,
                u"refunded"_s, u"cancelled"_s},
               &models::ListPresentation::orderStatus),
        labels({u"alipay"_s, u"wechat"_s, u"balance"_s}, &models::ListPresentation::payChannel));
    const QString scriptFile = work + u"/export-orders.sql"_s;
    {
        QFile f(scriptFile);
        if (!f.open(QIODevice::WriteOnly) || f.write(script.toUtf8()) < 0)
            qFatal("cannot write %s", qPrintable(scriptFile));
    }
    bool cliFailed = false;
    const auto cliOnce = [&] {
        auto ms = bench::sqliteCliMs({u"-readonly"_s, reference, u".read "_s + scriptFile}, theirs);
        cliFailed = cliFailed || !ms;
    };

    exportOnce();
    cliOnce();
    const double value = bench::medianMs(5, exportOnce);
    const double baseline = bench::medianMs(5, cliOnce);
    if (cliFailed) {
        QTextStream(stderr) << "bench_export: the sqlite3 CLI baseline failed" << Qt::endl;
        return 1;
    }
    qint64 ourSize = 0;
    qint64 theirSize = 0;
    const QByteArray ourHash = sha256(ours, &ourSize);
    const QByteArray theirHash = sha256(theirs, &theirSize);
    QTextStream(stderr) << "bench_export: " << rows << " rows, " << ourSize << " bytes (CLI: " << theirSize
                        << " bytes)" << Qt::endl;
    if (ourHash.isEmpty() || ourHash != theirHash) {
        QTextStream(stderr) << "bench_export: the export and the CLI baseline differ (" << ours << " vs "
                            << theirs << ")" << Qt::endl;
        return 1;
    }
    QFile::remove(ours);
    QFile::remove(theirs);
    bench::report(u"export_orders_csv_ms"_s, value, u"ms"_s, baseline);
    return 0;
}
