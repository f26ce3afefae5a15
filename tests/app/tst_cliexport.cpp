// cardops-cli export (issue #11 item 4) as an operator or a cron job runs it: the exact files of the
// export golden tests (tests/models/data), the day range, exit codes and errors, no partial file.
#include "tests/models/exportfixture.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestCliExport : public QObject
{
    Q_OBJECT
private:
    cachefixture::Cache m_cache;
    QTemporaryDir m_dir;
    QTemporaryDir m_data;

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run cli(const QStringList& arguments)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_data.path()); // profiles: a throw-away folder
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CARDOPS_CLI), arguments);
        if (!p.waitForFinished(60'000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    QString db() const { return m_cache.db_->path(); }
    QString out(const QString& name) const { return m_dir.filePath(name); }

    static QByteArray readAll(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid() && m_data.isValid());
        QVERIFY(m_cache.open());
        const auto seeded = exportfixture::seed(m_cache);
        QVERIFY(seeded.ok());
    }

    void ordersExactFile()
    {
        const Run r = cli({u"export"_s, u"orders"_s, u"--db"_s, db(), u"--out"_s, out(u"orders.csv"_s),
                           u"--lang"_s, u"en"_s});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out, u"Exported 3 rows to %1\n"_s.arg(QDir::toNativeSeparators(out(u"orders.csv"_s))));
        const QByteArray expected = readAll(QStringLiteral(EXPORT_DATA_DIR "/export_orders.csv"));
        QVERIFY(!expected.isEmpty());
        QCOMPARE(readAll(out(u"orders.csv"_s)), expected);
    }

    void optionsBeforeTheCommand()
    {
        const Run r = cli({u"--lang"_s, u"en"_s, u"--db"_s, db(), u"export"_s, u"commissions"_s, u"--out"_s,
                           out(u"commissions.csv"_s)});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(readAll(out(u"commissions.csv"_s)),
                 readAll(QStringLiteral(EXPORT_DATA_DIR "/export_commissions.csv")));
    }

    void dayRangeIsInclusive()
    {
        // 2025-11-26 only: the second order (created 2025-11-26 02:00 China time).
        const Run r = cli({u"export"_s, u"orders"_s, u"--from"_s, u"2025-11-26"_s, u"--to"_s, u"2025-11-26"_s,
                           u"--db"_s, db(), u"--out"_s, out(u"day.csv"_s), u"--lang"_s, u"en"_s});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QList<QByteArray> lines = readAll(out(u"day.csv"_s)).split('\n');
        QCOMPARE(lines.size(), 3); // header, one row, the empty rest after the last CRLF
        QVERIFY(lines[1].startsWith("\t00000000000000000002,2025-11-26 02:00:00,"));
        const Run two = cli({u"export"_s, u"orders"_s, u"--from"_s, u"2025-11-26"_s, u"--db"_s, db(),
                             u"--out"_s, out(u"from.csv"_s), u"--lang"_s, u"en"_s});
        QCOMPARE(two.code, 0);
        QVERIFY(two.out.startsWith(u"Exported 2 rows"_s));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no out") << QStringList{u"export"_s, u"orders"_s} << u"--out FILE is required"_s;
        QTest::newRow("what") << QStringList{u"export"_s, u"goods"_s, u"--out"_s, u"x.csv"_s}
                              << u"Usage: cardops-cli export orders|commissions"_s;
        QTest::newRow("bad date") << QStringList{u"export"_s,     u"orders"_s, u"--from"_s,
                                                 u"2025-13-01"_s, u"--out"_s,  u"x.csv"_s}
                                  << u"--from must be a date as YYYY-MM-DD"_s;
        QTest::newRow("reversed") << QStringList{u"export"_s, u"orders"_s,     u"--from"_s, u"2025-11-27"_s,
                                                 u"--to"_s,   u"2025-11-26"_s, u"--out"_s,  u"x.csv"_s}
                                  << u"--from must not be after --to"_s;
        QTest::newRow("db and profile") << QStringList{u"export"_s,    u"orders"_s, u"--db"_s,  u"a.db"_s,
                                                       u"--profile"_s, u"p"_s,      u"--out"_s, u"x.csv"_s}
                                        << u"either --db or --profile"_s;
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run r = cli(arguments + QStringList{u"--lang"_s, u"en"_s});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(u"x.csv"_s));
    }

    void failuresLeaveNoFile()
    {
        const QString missingFolder = out(u"missing/orders.csv"_s);
        Run r =
            cli({u"export"_s, u"orders"_s, u"--db"_s, db(), u"--out"_s, missingFolder, u"--lang"_s, u"en"_s});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(u"Could not write %1"_s.arg(QDir::toNativeSeparators(missingFolder))),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(missingFolder));

        r = cli({u"export"_s, u"orders"_s, u"--db"_s, out(u"none.db"_s), u"--out"_s, out(u"none.csv"_s),
                 u"--lang"_s, u"en"_s});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(u"There is no cache at"_s), qPrintable(r.err));
        QVERIFY(!QFile::exists(out(u"none.db"_s))); // an export never creates a cache
        QVERIFY(!QFile::exists(out(u"none.csv"_s)));
        QCOMPARE(QDir(m_dir.path()).entryList({u"none*"_s, u"orders.csv.*"_s}, QDir::Files | QDir::Hidden),
                 QStringList());
    }

    void helpListsTheOptions()
    {
        const Run r = cli({u"export"_s, u"--help"_s, u"--lang"_s, u"en"_s});
        QCOMPARE(r.code, 0);
        for (const QString& option : {u"--from"_s, u"--to"_s, u"--out"_s, u"--db"_s, u"--profile"_s})
            QVERIFY2(r.out.contains(option), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cliexport.moc"
