#include "core/clock.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/readsession.h"
#include "storage/schema.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace cardops;
using core::ErrorCode;
using storage::Database;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Runs statements on a plain connection, as another program would.
void rawExec(const QString& path, const QStringList& statements)
{
    const QString name = QStringLiteral("raw");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString& s : statements)
            QVERIFY2(q.exec(s), qPrintable(s));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QVariant pragmaOnWriter(Database& db, const QString& pragma)
{
    auto f = db.writer().submit<QVariant>(QStringLiteral("pragma"),
                                          [&](storage::WriteContext& ctx) -> core::Result<QVariant> {
                                              auto rows = ctx.select(QStringLiteral("PRAGMA ") + pragma);
                                              if (!rows)
                                                  return rows.error();
                                              return rows->value(0).value(0);
                                          });
    auto r = f.result();
    return r ? *r : QVariant();
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    core::ManualClock m_clock{1'764'000'000'000};
    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    void expectRefused(const QString& file, ErrorCode code)
    {
        const QByteArray before = fileHash(file);
        auto db = Database::open(file, m_clock);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, code);
        QVERIFY2(db.error().detail.contains(file), qPrintable(db.error().detail));
        QCOMPARE(fileHash(file), before); // left untouched
        QVERIFY(!QFile::exists(file + QStringLiteral(".v1.bak")));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void createsNewDatabaseWithPragmas()
    {
        auto db = Database::open(path("new.db"), m_clock);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().detail));
        QCOMPARE((*db)->schemaVersion(), storage::schema::latestVersion());
        QCOMPARE(pragmaOnWriter(**db, QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(pragmaOnWriter(**db, QStringLiteral("foreign_keys")).toInt(), 1);
        QCOMPARE(pragmaOnWriter(**db, QStringLiteral("synchronous")).toInt(), 1); // NORMAL
        QCOMPARE(pragmaOnWriter(**db, QStringLiteral("busy_timeout")).toInt(), 5000);
        QCOMPARE(pragmaOnWriter(**db, QStringLiteral("cache_size")).toInt(), -65536); // 64 MB for ingest
        QCOMPARE(pragmaOnWriter(**db, QStringLiteral("application_id")).toInt(),
                 storage::schema::ApplicationId);
        QVERIFY((*db)->checkIntegrity().ok());
    }

    void reopensItsOwnFile()
    {
        const QString file = path("reopen.db");
        {
            auto db = Database::open(file, m_clock);
            QVERIFY(db.ok());
        }
        auto again = Database::open(file, m_clock);
        QVERIFY(again.ok());
        storage::ReadSession read(**again);
        auto rows = read.select(QStringLiteral("SELECT login, role FROM operators"));
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 1); // the default administrator, once
        QCOMPARE(rows->first().value(0).toString(), QStringLiteral("admin"));
    }

    void emptyFileBecomesDatabase()
    {
        const QString file = path("empty.db");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QVERIFY(Database::open(file, m_clock).ok());
    }

    void missingFileWithoutCreate()
    {
        Database::Options o;
        o.create = false;
        auto db = Database::open(path("absent.db"), m_clock, o);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::NotFound);
        QVERIFY(!QFile::exists(path("absent.db")));
    }

    void refusesTextFile()
    {
        const QString file = path("notes.db");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("订单号,金额\n1,2\n").repeated(20));
        f.close();
        expectRefused(file, ErrorCode::NotADatabase);
    }

    void refusesShortGarbage()
    {
        const QString file = path("short.db");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("SQLite format 3");
        f.close();
        expectRefused(file, ErrorCode::NotADatabase);
    }

    void refusesOtherProgramsDatabase()
    {
        const QString file = path("other.sqlite");
        rawExec(file, {QStringLiteral("CREATE TABLE bookmarks (url TEXT)"),
                       QStringLiteral("INSERT INTO bookmarks VALUES ('https://example.com')")});
        expectRefused(file, ErrorCode::NotCardOps);
    }

    void refusesNewerSchema()
    {
        const QString file = path("newer.db");
        {
            auto db = Database::open(file, m_clock);
            QVERIFY(db.ok());
        }
        rawExec(file, {QStringLiteral("PRAGMA user_version = %1").arg(storage::schema::latestVersion() + 1)});
        expectRefused(file, ErrorCode::NewerSchema);
    }

    // A healthy cache of the current schema with one page in the middle overwritten.
    void makeCorrupt(const QString& file)
    {
        {
            auto db = Database::open(file, m_clock);
            QVERIFY(db.ok());
            auto f = (*db)->writer().submit(
                QStringLiteral("fill"), [](storage::WriteContext& ctx) -> core::Result<void> {
                    for (int i = 0; i < 2000; ++i) {
                        auto r = ctx.exec(QStringLiteral("INSERT INTO counters (name, value) VALUES (?, ?)"),
                                          {QStringLiteral("probe_%1_%2").arg(i).arg(QString(40, u'x')), i});
                        if (!r)
                            return r.error();
                    }
                    return {};
                });
            QVERIFY(f.result().ok());
        } // closing checkpoints the WAL into the main file
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.size() > 8 * 4096);
        QVERIFY(f.seek(f.size() / 2));
        f.write(QByteArray(4096, '\x5a'));
        f.close();
    }

    void refusesCorruptFile()
    {
        const QString file = path("corrupt.db");
        makeCorrupt(file);
        expectRefused(file, ErrorCode::CorruptDatabase);
    }

    void deferredCheckOpensThenFindsTheDamage()
    {
        const QString file = path("corrupt-deferred.db");
        makeCorrupt(file);
        const QByteArray before = fileHash(file);
        Database::Options options;
        options.deferQuickCheck = true;
        {
            auto db = Database::open(file, m_clock, options);
            QVERIFY(db.ok()); // opened at once: the check is the caller's, before its first write
            storage::ReadSession read(**db);
            auto check = Database::quickCheck(read);
            QVERIFY(!check.ok());
            QCOMPARE(check.error().code, ErrorCode::CorruptDatabase);
        }
        QCOMPARE(fileHash(file), before); // nothing was written

        // A healthy file passes the same check.
        auto fresh = Database::open(path("healthy-deferred.db"), m_clock, options);
        QVERIFY(fresh.ok());
        QVERIFY(Database::quickCheck(storage::ReadSession(**fresh)).ok());
    }

    void deferredCheckStillGuardsAMigration()
    {
        const QString file = path("corrupt-old.db");
        makeCorrupt(file);
        rawExec(file, {QStringLiteral("PRAGMA user_version = 3")});
        Database::Options options;
        options.deferQuickCheck = true;
        const QByteArray before = fileHash(file);
        auto db = Database::open(file, m_clock, options);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::CorruptDatabase);
        QCOMPARE(fileHash(file), before);
    }

    void deferredCheckRunsAtOnceWhenOpeningWouldWrite()
    {
        // Not in WAL mode: switching it would write the header before the caller's check.
        const QString file = path("corrupt-rollback.db");
        makeCorrupt(file);
        rawExec(file, {QStringLiteral("PRAGMA journal_mode = DELETE")});
        Database::Options options;
        options.deferQuickCheck = true;
        const QByteArray before = fileHash(file);
        auto db = Database::open(file, m_clock, options);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::CorruptDatabase);
        QCOMPARE(fileHash(file), before);
    }

    void refusesDirectory()
    {
        auto db = Database::open(m_dir.path(), m_clock);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::Io);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
