#include "core/clock.h"
#include "storage/counters.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/readsession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <memory>

using namespace cardops;
using core::Result;
using storage::WriteContext;

namespace {
Result<void> insertProbe(WriteContext& ctx, int job, int rows)
{
    for (int i = 0; i < rows; ++i) {
        auto r = ctx.exec(QStringLiteral("INSERT INTO probe (job, n) VALUES (?, ?)"), {job, i});
        if (!r)
            return r.error();
    }
    ctx.touch(QStringLiteral("probe"));
    return ctx.addToCounter(QStringLiteral("probe_rows"), rows);
}
} // namespace

class TestWriter : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    core::ManualClock m_clock{1'764'000'000'000};
    std::unique_ptr<storage::Database> m_db;

    qint64 scalar(const QString& sql)
    {
        storage::ReadSession read(*m_db);
        auto rows = read.select(sql);
        return rows && !rows->isEmpty() ? rows->first().value(0).toLongLong() : -1;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto db = storage::Database::open(
            m_dir.filePath(QStringLiteral("w%1.db").arg(QRandomGenerator::global()->generate())), m_clock);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        auto made = m_db->writer().submit(QStringLiteral("ddl"), [](WriteContext& ctx) -> Result<void> {
            auto r =
                ctx.exec(QStringLiteral("CREATE TABLE probe (job INTEGER NOT NULL, n INTEGER NOT NULL)"));
            if (!r)
                return r.error();
            return {};
        });
        QVERIFY(made.result().ok());
    }
    void cleanup() { m_db.reset(); }

    void failingJobRollsBackAlone()
    {
        auto& w = m_db->writer();
        // Hold the writer so the three jobs land in one batch.
        auto gate = w.submit(QStringLiteral("gate"), [](WriteContext&) -> Result<void> {
            QThread::msleep(150);
            return {};
        });
        auto a = w.submit(QStringLiteral("a"), [](WriteContext& ctx) { return insertProbe(ctx, 1, 3); });
        auto b = w.submit(QStringLiteral("b"), [](WriteContext& ctx) -> Result<void> {
            auto r = insertProbe(ctx, 2, 3);
            if (!r)
                return r;
            return core::makeError(core::ErrorCode::Conflict, QStringLiteral("job b gives up after writing"));
        });
        auto c = w.submit(QStringLiteral("c"), [](WriteContext& ctx) { return insertProbe(ctx, 3, 3); });
        QVERIFY(gate.result().ok());
        QVERIFY(a.result().ok());
        QVERIFY(!b.result().ok());
        QCOMPARE(b.result().error().code, core::ErrorCode::Conflict);
        QVERIFY(c.result().ok());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM probe WHERE job = 2")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM probe")), 6);
        QCOMPARE(scalar(QStringLiteral("SELECT value FROM counters WHERE name = 'probe_rows'")), 6);
    }

    void sqlErrorRollsBackJob()
    {
        auto bad = m_db->writer().submit(QStringLiteral("bad"), [](WriteContext& ctx) -> Result<void> {
            auto r = insertProbe(ctx, 9, 2);
            if (!r)
                return r;
            auto broken = ctx.exec(QStringLiteral("INSERT INTO probe (job) VALUES (9)")); // NOT NULL n
            if (!broken)
                return broken.error();
            return {};
        });
        const auto r = bad.result();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, core::ErrorCode::Conflict); // SQLITE_CONSTRAINT
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM probe")), 0);
    }

    // The cached statements run through SQLite's C API: every kind of value is stored and read back as
    // QtSql stores and reads it (the same column types and variants), and errors keep their kinds.
    void cachedStatementsBindAndReadAsQtSql()
    {
        const QVariantList values{QVariant::fromValue<qint64>(-9'007'199'254'740'993LL),
                                  42,
                                  true,
                                  2.5,
                                  QStringLiteral("卡密 0012"),
                                  QStringLiteral(""),
                                  QString(),
                                  QByteArray::fromHex("0001626c6f62"),
                                  QByteArray(),
                                  QVariant(),
                                  QVariant::fromValue<quint32>(7)};
        struct Read
        {
            QList<QVariantList> qtsql;
            QList<QVariantList> cached;
            QString qtsqlTypes;
            QString cachedTypes;
        };
        auto job = m_db->writer().submit<Read>(QStringLiteral("cached"), [values](WriteContext& ctx) -> Result<Read> {
            if (auto r = ctx.exec(QStringLiteral("CREATE TABLE kinds (k INTEGER PRIMARY KEY, via TEXT, v)")); !r)
                return r.error();
            for (qsizetype i = 0; i < values.size(); ++i) {
                const QVariantList plain{i, QStringLiteral("qtsql"), values[i]};
                const QVariantList cached{i + 100, QStringLiteral("cached"), values[i]};
                if (auto r = ctx.exec(QStringLiteral("INSERT INTO kinds VALUES (?, ?, ?)"), plain); !r)
                    return r.error();
                auto r = ctx.execCached(QStringLiteral("INSERT INTO kinds VALUES (?, ?, ?)"), cached);
                if (!r)
                    return r.error();
                if (r.value() != 1)
                    return core::makeError(core::ErrorCode::Storage, QStringLiteral("changes %1").arg(r.value()));
            }
            Read out;
            const QString byVia = QStringLiteral("SELECT v, typeof(v) FROM kinds WHERE via = ? ORDER BY k");
            auto a = ctx.select(byVia, {QStringLiteral("qtsql")});
            auto b = ctx.selectCached(byVia, {QStringLiteral("cached")});
            auto c = ctx.select(byVia, {QStringLiteral("cached")});
            if (!a || !b || !c)
                return core::makeError(core::ErrorCode::Storage, QStringLiteral("select failed"));
            for (const QVariantList& row : a.value())
                out.qtsqlTypes += row[1].toString() + u' ';
            for (const QVariantList& row : c.value())
                out.cachedTypes += row[1].toString() + u' ';
            out.qtsql = a.value();
            out.cached = b.value();
            return out;
        });
        const Result<Read> read = job.result();
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().detail));
        QCOMPARE(read->cachedTypes, read->qtsqlTypes); // stored alike
        QCOMPARE(read->cached.size(), values.size());
        for (qsizetype i = 0; i < values.size(); ++i) {
            const QVariant& want = read->qtsql[i][0];
            const QVariant& got = read->cached[i][0];
            QCOMPARE(got.typeId(), want.typeId());
            QCOMPARE(got.isNull(), want.isNull());
            QCOMPARE(got, want);
        }
        QCOMPARE(read->cached[4][0].toString(), QStringLiteral("卡密 0012"));
        QVERIFY(read->cached[6][0].isNull()); // a null QString binds NULL, as QtSql binds it

        auto broken = m_db->writer().submit(QStringLiteral("cached-errors"), [](WriteContext& ctx) -> Result<void> {
            auto twice = ctx.execCached(QStringLiteral("INSERT INTO kinds VALUES (?, ?, ?)"), {1, QStringLiteral("x"), 1});
            if (twice || twice.error().code != core::ErrorCode::Conflict)
                return core::makeError(core::ErrorCode::Storage, QStringLiteral("a duplicate key was not a conflict"));
            auto counted = ctx.execCached(QStringLiteral("INSERT INTO kinds VALUES (?, ?, ?)"), {500});
            if (counted)
                return core::makeError(core::ErrorCode::Storage, QStringLiteral("one value for three parameters"));
            auto bad = ctx.selectCached(QStringLiteral("SELECT nope FROM kinds"));
            if (bad || !bad.error().detail.contains(QStringLiteral("no such column")))
                return core::makeError(core::ErrorCode::Storage, QStringLiteral("a bad statement was prepared"));
            // The statement that failed runs again afterwards.
            return ctx.execCached(QStringLiteral("INSERT INTO kinds VALUES (?, ?, ?)"), {501, QStringLiteral("x"), 1})
                .ok()
                ? Result<void>()
                : Result<void>(core::makeError(core::ErrorCode::Storage, QStringLiteral("not reusable")));
        });
        const Result<void> errors = broken.result();
        QVERIFY2(errors.ok(), errors.ok() ? "" : qPrintable(errors.error().detail));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM kinds WHERE k = 501")), 1);
    }

    void changedAfterCommitWithTablesAndGeneration()
    {
        auto& w = m_db->writer();
        QSignalSpy spy(&w, &storage::DatabaseWriter::changed);
        const quint64 before = w.generation();
        QVERIFY(w.submit(QStringLiteral("x"), [](WriteContext& ctx) { return insertProbe(ctx, 1, 1); })
                    .result()
                    .ok());
        QTRY_COMPARE(spy.count(), 1);
        const QStringList tables = spy.at(0).at(0).toStringList();
        QCOMPARE(tables.join(u','), QStringLiteral("counters,probe"));
        QCOMPARE(spy.at(0).at(1).toULongLong(), before + 1);
        // A failed job commits nothing and announces nothing.
        QVERIFY(!w.submit(QStringLiteral("y"),
                          [](WriteContext&) -> Result<void> {
                              return core::makeError(core::ErrorCode::Conflict, QStringLiteral("no"));
                          })
                     .result()
                     .ok());
        QTest::qWait(50);
        QCOMPARE(spy.count(), 1);
    }

    void queuedJobsAreBatched()
    {
        auto& w = m_db->writer();
        const quint64 before = w.generation();
        auto gate = w.submit(QStringLiteral("gate"), [](WriteContext&) -> Result<void> {
            QThread::msleep(200);
            return {};
        });
        QList<QFuture<Result<void>>> futures;
        for (int i = 0; i < 500; ++i)
            futures << w.submit(QStringLiteral("row"),
                                [i](WriteContext& ctx) { return insertProbe(ctx, i, 1); });
        QVERIFY(gate.result().ok());
        for (auto& f : futures)
            QVERIFY(f.result().ok());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM probe")), 500);
        // 501 jobs, at most 256 per transaction: a handful of commits, not 501.
        QVERIFY2(w.generation() - before <= 4, qPrintable(QString::number(w.generation() - before)));
    }

    void submitFromManyThreads()
    {
        auto& w = m_db->writer();
        std::vector<std::unique_ptr<QThread>> threads;
        QList<QFuture<Result<void>>> futures;
        QMutex mutex;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back(QThread::create([&, t] {
                for (int i = 0; i < 250; ++i) {
                    auto f = w.submit(QStringLiteral("t"),
                                      [t](WriteContext& ctx) { return insertProbe(ctx, t, 1); });
                    QMutexLocker lock(&mutex);
                    futures << f;
                }
            }));
            threads.back()->start();
        }
        for (auto& t : threads)
            QVERIFY(t->wait(30000));
        for (auto& f : futures)
            QVERIFY(f.result().ok());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM probe")), 1000);
        QCOMPARE(scalar(QStringLiteral("SELECT value FROM counters WHERE name = 'probe_rows'")), 1000);
    }

    void auditLogIsAppendOnly()
    {
        auto& w = m_db->writer();
        const core::Actor admin{1, QStringLiteral("admin"), core::Role::Administrator};
        QVERIFY(w.submit(QStringLiteral("audit"),
                         [&](WriteContext& ctx) {
                             return ctx.audit(admin, QStringLiteral("test.action"), QStringLiteral("probe"),
                                              QStringLiteral("1"), QStringLiteral("{\"k\":1}"));
                         })
                    .result()
                    .ok());
        QCOMPARE(scalar(QStringLiteral("SELECT at FROM audit_log WHERE action = 'test.action'")),
                 1'764'000'000);
        for (const char* sql : {"UPDATE audit_log SET action = 'forged'", "DELETE FROM audit_log"}) {
            auto r = w.submit(QStringLiteral("tamper"), [sql](WriteContext& ctx) -> Result<void> {
                          auto e = ctx.exec(QString::fromLatin1(sql));
                          if (!e)
                              return e.error();
                          return {};
                      }).result();
            QVERIFY2(!r.ok(), sql);
            QVERIFY(r.error().detail.contains(u"append-only"));
        }
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'test.action'")), 1);
    }

    void workBenchCountersExist()
    {
        storage::ReadSession read(*m_db);
        auto all = storage::counters::readAll(read);
        QVERIFY(all.ok());
        for (const QString& name : {storage::counters::ReviewPending, storage::counters::PurchaseUnknown,
                                    storage::counters::DeliveryFailed, storage::counters::LowStock,
                                    storage::counters::SupplierBalanceLow, storage::counters::SyncError,
                                    storage::counters::WithdrawalPending}) {
            QVERIFY2(all->contains(name), qPrintable(name));
            QCOMPARE(all->value(name), 0);
        }
    }

    void pendingJobsFinishOnClose()
    {
        auto& w = m_db->writer();
        QList<QFuture<Result<void>>> futures;
        for (int i = 0; i < 50; ++i)
            futures << w.submit(QStringLiteral("late"),
                                [i](WriteContext& ctx) { return insertProbe(ctx, i, 1); });
        const QString path = m_db->path();
        m_db.reset(); // drains before closing
        for (auto& f : futures)
            QVERIFY(f.result().ok());
        storage::ReadSession read(path);
        QCOMPARE(read.select(QStringLiteral("SELECT count(*) FROM probe"))->first().value(0).toInt(), 50);
    }
};

QTEST_GUILESS_MAIN(TestWriter)
#include "tst_writer.moc"
