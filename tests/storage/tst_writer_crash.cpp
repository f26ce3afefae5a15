#include "core/clock.h"
#include "storage/database.h"
#include "storage/readsession.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace cardops;

// The writer killed with SIGKILL in the middle of a batch, 20 times: the database opens, passes
// PRAGMA integrity_check, and holds whole jobs only.
class TestWriterCrash : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedMidBatchKeepsWholeJobs()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("crash.db"));
        core::SystemClock clock;
        QRandomGenerator rng(20261128);
        qint64 previousRows = 0;
        for (int round = 0; round < 20; ++round) {
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            child.start(QStringLiteral(WRITER_CRASH_CHILD), {path});
            QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
            QVERIFY2(child.waitForReadyRead(30000), "the child never committed its first batch");
            QCOMPARE(child.readLine().trimmed(), QByteArray("ready"));
            QTest::qWait(static_cast<int>(rng.bounded(20, 250)));
            QCOMPARE(child.state(), QProcess::Running); // still writing when killed
            child.kill();                               // SIGKILL on Unix
            QVERIFY(child.waitForFinished(10000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);

            auto db = storage::Database::open(path, clock);
            QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().detail));
            QVERIFY((*db)->checkIntegrity().ok());
            storage::ReadSession read(**db);
            auto partial = read.select(
                QStringLiteral("SELECT job, count(*) FROM probe GROUP BY job HAVING count(*) <> 50"));
            QVERIFY(partial.ok());
            QVERIFY2(
                partial->isEmpty(),
                qPrintable(QStringLiteral("%1 partial jobs in round %2").arg(partial->size()).arg(round)));
            auto totals =
                read.select(QStringLiteral("SELECT (SELECT count(*) FROM probe), "
                                           "(SELECT value FROM counters WHERE name = 'probe_rows')"));
            QVERIFY(totals.ok());
            const qint64 rows = totals->first().value(0).toLongLong();
            QCOMPARE(totals->first().value(1).toLongLong(), rows); // counter moved with its rows
            QVERIFY2(rows > previousRows, "each round commits more whole jobs");
            previousRows = rows;
        }
    }
};

QTEST_GUILESS_MAIN(TestWriterCrash)
#include "tst_writer_crash.moc"
